"""The domain core: the regulation's rules, the lifecycle, money and dates.

Plain Python only. Nothing here imports typer, rich, docx, docxtpl, jinja2,
git or GitPython; the adapters around it do.
"""
