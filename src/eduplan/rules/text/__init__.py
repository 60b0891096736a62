"""Text hygiene (TX): invisible, decomposed or doubled characters, stray spaces and brackets."""
