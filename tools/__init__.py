"""Development tools: the message catalogs (``catalog.py``)."""
