"""The commands of the eduplan command line, one module per group."""
