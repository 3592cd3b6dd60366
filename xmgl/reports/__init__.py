"""Document toolkit for the reports xmgl writes (.docx, and PDF for checking).

- ``typography``: GB/T 9704-style page, styles, fonts, page numbers, TOC field,
  tables and core properties on a python-docx ``Document``.
- ``render``: sandboxed, escaping, plain-data-only rendering of docxtpl templates,
  written atomically.
- ``lint``: finds the mistakes clerks' edits put into templates (split or
  full-width tags, unknown variables, syntax errors) before a template is used.
- ``office``: LibreOffice/poppler helpers to turn a .docx into PDF, text and PNG.

The heavy libraries (python-docx, docxtpl, jinja2) are imported by these modules
only, so importing ``xmgl.reports`` itself costs nothing; import the submodule you
need when a report is actually made.
"""
