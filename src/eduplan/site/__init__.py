"""The office's web site: every plan edition, action plan and report, and each indicator across the years.

``eduplan site PLANS... -o DIR`` turns loaded plans into a static site (:func:`eduplan.site.build.build_site`):
the documents through the render stage's view-models and templates, pages of their own for every policy,
indicator, project and status, the changes between editions (:mod:`eduplan.diff`), and the indicator table as
CSV, XLSX and a Frictionless Data Package. Pages link to each other by relative paths built from ids
(:mod:`eduplan.site.paths`), so the site reads the same from ``file://`` and from any static host.
"""
