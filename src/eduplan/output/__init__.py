"""The one layer that writes files: atomic writes, and the dates documents carry."""
