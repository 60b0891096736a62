"""The workbook round trip: the layout of the sheets, writing them, reading them back, edits from cells."""
