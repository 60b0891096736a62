"""eduplan: a plan compiler for Thai education offices.

The plan is data: YAML files validated by pydantic models, checked by rules, rendered by Jinja
templates and compared edition against edition.
"""

__version__ = "0.1.0"
