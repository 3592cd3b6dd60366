"""Many dossiers at once: the 数据局's view (第三条、第八条、第九条、第十六条).

``scan`` finds and checks the dossiers in parallel and returns one small plain
row per dossier; ``summary`` aggregates the rows; ``export`` writes them as
JSON, CSV or .xlsx; ``plan`` drafts the 年度投资计划 (.xlsx and .docx).
"""
