"""Surgical edits of YAML text at the spans the source map gives, checked by reading the text back."""
