"""A new plan's way in: ``eduplan init`` makes a plan skeleton and the repository around it.

``answers`` checks what the office says about its plan (name, period, levels, id), ``ids`` turns
a Thai office name into an id, ``standards`` holds the basic-education standards a school's plan
follows, ``build`` fills the packaged templates (``templates/``) and ``create`` checks the new
plan and writes it through :mod:`eduplan.output`.
"""
