"""Write portfolio rows as JSON, CSV (UTF-8 with BOM, opens in Excel) or .xlsx."""

from __future__ import annotations

import csv
import io
from datetime import date
from decimal import Decimal
from pathlib import Path

from xmgl.fileio import atomic_open, atomic_write
from xmgl.portfolio.summary import Summary

#: (header, key) of the dossier list in CSV and .xlsx; money in 元 (exact).
COLUMNS: tuple[tuple[str, str], ...] = (
    ("档案路径", "path"),
    ("项目编号", "code"),
    ("项目名称", "name"),
    ("项目单位", "unit"),
    ("行业主管部门", "department"),
    ("项目性质", "nature"),
    ("建设内容类型", "content_types"),
    ("资金来源", "funding"),
    ("当前阶段", "stage_zh"),
    ("阶段代码", "stage"),
    ("进入阶段日期", "stage_since"),
    ("投资估算（元）", "estimate"),
    ("批复概算（元）", "budget"),
    ("总投资（元）", "total"),
    ("合同累计（元，不含运维）", "contracted"),
    ("支付累计（元，不含运维）", "paid"),
    ("运维合同累计（元）", "operation_contracted"),
    ("运维支付累计（元）", "operation_paid"),
    ("逾期事项数", "overdue"),
    ("逾期事项", "overdue_text"),
    ("待办事项数", "open"),
    ("下一项", "next_title"),
    ("下一项依据", "next_clause"),
    ("下一项截止", "next_due"),
    ("校验错误数", "errors"),
    ("校验警告数", "warnings"),
    ("无法读取的原因", "error_text"),
)
MONEY_KEYS = frozenset(
    {"estimate", "budget", "total", "contracted", "paid", "operation_contracted", "operation_paid"}
)


def flat(row: dict) -> dict:
    """One dossier as the flat record of :data:`COLUMNS`."""
    out = {key: row.get(key) for _, key in COLUMNS}
    out["overdue_text"] = "；".join(
        f"{o['title']}（{o['clause']}，逾期{o['days']}天）" for o in row.get("overdue_items", [])
    )
    out["error_text"] = ""
    if not row["ok"]:
        out["error_text"] = "；".join([row["error"] or "", *row.get("problems", [])]).strip("；")
    return out


def _text(value) -> str:
    if value is None:
        return ""
    if isinstance(value, date):
        return value.isoformat()
    return str(value)


def to_csv(rows: list[dict]) -> str:
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\r\n")
    w.writerow([h for h, _ in COLUMNS])
    for row in rows:
        f = flat(row)
        w.writerow([_text(f[k]) for _, k in COLUMNS])
    return buf.getvalue()


def write_text(path: Path, text: str, *, bom: bool = False) -> None:
    data = text.encode("utf-8-sig" if bom else "utf-8")
    atomic_write(path, data)


def write_json(data, fp) -> None:
    """Stream ``data`` as indented JSON (the output's conventions) without building one string.

    ``json.dumps`` with ``indent`` joins millions of small chunks in memory; for ten
    thousand dossiers that costs more than the rows themselves.
    """
    import json

    from xmgl.jsonio import default as _default

    enc = json.JSONEncoder(ensure_ascii=False, indent=2, default=_default)
    buf: list[str] = []
    for chunk in enc.iterencode(data):
        buf.append(chunk)
        if len(buf) >= 8192:
            fp.write("".join(buf))
            buf.clear()
    buf.append("\n")
    fp.write("".join(buf))


def write_json_file(path: Path, data) -> None:
    with atomic_open(path, "w", encoding="utf-8") as f:
        write_json(data, f)


# ------------------------------------------------------------------ xlsx
def to_xlsx(rows: list[dict], summary: Summary, as_of: date, path: Path) -> None:
    from openpyxl import Workbook

    wb = Workbook(write_only=True)
    ws = wb.create_sheet("汇总")
    _summary_sheet(_Cells(ws), ws, summary, as_of, len(rows))

    ws = wb.create_sheet("项目清单")
    x = _Cells(ws)
    widths = {"path": 30, "name": 36, "unit": 28, "department": 24, "overdue_text": 50}
    for i, (_, key) in enumerate(COLUMNS, 1):
        ws.column_dimensions[_col(i)].width = widths.get(key, 14)
    ws.freeze_panes = "C2"
    ws.append([x.head(h.replace("（元", "（万元")) for h, _ in COLUMNS])
    for row in rows:
        f = flat(row)
        ws.append([x.value(f[k], money=k in MONEY_KEYS) for _, k in COLUMNS])

    ws = wb.create_sheet("逾期事项")
    x = _Cells(ws)
    heads = ("项目名称", "项目单位", "事项", "依据", "名义截止", "生效截止", "逾期天数", "档案路径")
    for i, wdt in enumerate((36, 28, 44, 12, 12, 12, 10, 30), 1):
        ws.column_dimensions[_col(i)].width = wdt
    ws.freeze_panes = "A2"
    ws.append([x.head(h) for h in heads])
    for row in rows:
        for o in row.get("overdue_items", []):
            ws.append(
                [
                    row["name"],
                    row["unit"],
                    o["title"],
                    o["clause"],
                    x.value(o["due_nominal"]),
                    x.value(o["due"]),
                    o["days"],
                    row["path"],
                ]
            )

    ws = wb.create_sheet("无法读取")
    x = _Cells(ws)
    for i, wdt in enumerate((40, 50, 80), 1):
        ws.column_dimensions[_col(i)].width = wdt
    ws.append([x.head(h) for h in ("档案路径", "错误", "问题明细")])
    for row in rows:
        if not row["ok"]:
            ws.append([row["path"], row["error"], "\n".join(row.get("problems", []))])
    buf = io.BytesIO()
    wb.save(buf)
    atomic_write(path, buf.getvalue())


def _summary_sheet(x, ws, summary: Summary, as_of: date, n: int) -> None:
    for i, wdt in enumerate((36, 10, 18, 10, 12, 10, 12), 1):
        ws.column_dimensions[_col(i)].width = wdt
    t = summary.all
    ws.append([x.head(f"项目组合汇总（截至 {as_of.isoformat()}）")])
    ws.append(["档案数", n])
    ws.append(["无法读取", t.unreadable])
    ws.append(["总投资（万元）", x.value(t.total, money=True)])
    ws.append(["逾期事项", t.overdue])
    ws.append(["校验错误", t.errors])
    heads = ("", "项目数", "总投资（万元）", "无法读取", "校验错误", "逾期事项", "逾期项目数")
    for title, groups in (("按项目单位", summary.by_unit), ("按阶段", summary.by_stage)):
        ws.append([])
        ws.append([x.head(title), *(x.head(h) for h in heads[1:])])
        for g in groups:
            ws.append(
                [
                    g.label,
                    g.count,
                    x.value(g.total, money=True),
                    g.unreadable,
                    g.errors,
                    g.overdue,
                    g.overdue_projects,
                ]
            )
        ws.append(
            [
                x.head("合计"),
                t.count,
                x.value(t.total, money=True),
                t.unreadable,
                t.errors,
                t.overdue,
                t.overdue_projects,
            ]
        )


class _Cells:
    """Cells with the formats a write-only worksheet needs."""

    def __init__(self, ws) -> None:
        self.ws = ws

    def head(self, text: str):
        from openpyxl.cell import WriteOnlyCell
        from openpyxl.styles import Font

        c = WriteOnlyCell(self.ws, value=text)
        c.font = Font(bold=True)
        return c

    def value(self, v, *, money: bool = False):
        """Money (Decimal 元) as a number in 万元; dates as dates; the rest as is."""
        from openpyxl.cell import WriteOnlyCell

        if v is None:
            return None
        if money and isinstance(v, Decimal):
            c = WriteOnlyCell(self.ws, value=v / 10_000)
            c.number_format = "#,##0.00####"
            return c
        if isinstance(v, date):
            c = WriteOnlyCell(self.ws, value=v)
            c.number_format = "yyyy-mm-dd"
            return c
        return v


def _col(i: int) -> str:
    from openpyxl.utils import get_column_letter

    return get_column_letter(i)
