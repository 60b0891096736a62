"""The roll-up: from every unit's return to the office's indicators, and from offices to the country.

``records`` is what the engine consumes (a unit's answers, as the returns reader gives them); the register
(:mod:`eduplan.model.register`) says which units are expected; the indicator's ``rollup:`` declaration
(:mod:`eduplan.model.rollup`) says how their answers make the office's figure.
"""
