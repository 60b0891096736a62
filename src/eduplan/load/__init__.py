"""From files to a plan: discovery, bytes to text, YAML with positions, validation into the model.

The stage every command starts with. :func:`eduplan.load.loader.load_plan` gives a
:class:`~eduplan.load.loader.LoadResult` (the plan, possibly partial, its findings and source map);
:func:`eduplan.load.whole.load_whole` is the same for commands that need the plan whole.
"""
