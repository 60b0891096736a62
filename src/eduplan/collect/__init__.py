"""Collecting the schools' figures: the forms ``eduplan collect`` writes, the returns read back, units that are plans.

``form`` says what each unit is asked; ``write`` writes the forms; ``read`` reads a returned workbook back
(every cell located, ``returns/2567/1052140123.xlsx!C7``); ``answers`` judges its cells against the
plan's questions; ``unitplans`` reads the report of a unit that keeps its own plan; ``returns`` gathers
them all into the :class:`~eduplan.rollup.records.UnitReturn` records the roll-up consumes, with the
findings (``codes``: RT).
"""
