"""Import of an office's existing plan from Word (.docx): the body read in order, into the plan's YAML layout.

:mod:`~eduplan.word.bounds` refuses what is not a bounded .docx, :mod:`~eduplan.word.read` turns the
body into blocks (paragraphs with their Word numbering rebuilt, tables on their grid),
:mod:`~eduplan.word.outline` recognises the plan's parts in them, :mod:`~eduplan.word.indicators`
reads indicator tables, :mod:`~eduplan.word.emit` writes the YAML, and :mod:`~eduplan.word.importer`
ties them together. What cannot be read is a located note (``plan.docx: table 12, row 3, column 5``).
"""
