"""The draft 年度投资计划 (第八条、第九条) from the dossiers' plan submissions.

第八条: units submit next year's plans to the 数据局 by the call's deadline.
第九条: the 数据局, with the 市发展和改革局 and 市财政局, reviews them and compiles the
annual investment plan — the list of projects and the total investment — for the
city government's approval. This module compiles the draft of that list: every
project with a ``plan_submission`` record for the year, its investment, and totals
by unit and by type (项目性质: 新建 / 改扩建 / 运行维护), as .xlsx and .docx.
"""

from __future__ import annotations

import io
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from pathlib import Path

from xmgl.domain.money import wan
from xmgl.domain.schema import NATURES
from xmgl.fileio import atomic_write

ZERO = Decimal(0)


@dataclass(frozen=True)
class Item:
    unit: str
    name: str
    code: str
    nature: str
    """What is requested (新建 / 改扩建 / 运行维护), not the project's own nature."""
    content_types: str
    funding: str
    amount: Decimal | None
    basis: str
    """Where the amount comes from: 申报投资 / 批复概算 / 投资估算 / 未填写."""
    operation_annual: Decimal | None
    months: int | None
    submitted: date
    stage_zh: str
    path: str
    summary: str
    start: str = ""
    """新开工 / 续建 (— for 运行维护)."""
    notes: str = ""
    """Every substitution on this row: an amount or a classification not from the request."""


REQUESTED = "申报投资"
"""The basis of an amount the unit asked for; any other basis stands in for a request."""


@dataclass
class Total:
    key: str
    count: int = 0
    amount: Decimal = ZERO
    substituted: int = 0
    """Rows whose amount stands in for a missing request (批复概算, 投资估算 …)."""
    substituted_amount: Decimal = ZERO
    bases: list[str] = field(default_factory=list)
    """What stands in, in order of first use."""
    missing: int = 0
    """Rows with no amount at all: counted, not added."""

    def add(self, item: Item) -> None:
        self.count += 1
        if item.amount is None:
            self.missing += 1
            return
        self.amount += item.amount
        if item.basis != REQUESTED:
            self.substituted += 1
            self.substituted_amount += item.amount
            if item.basis not in self.bases:
                self.bases.append(item.basis)

    @property
    def requested_amount(self) -> Decimal:
        return self.amount - self.substituted_amount

    def text(self) -> str:
        """The amount with what it is made of: "申报投资合计X" only when every amount in it
        is a request; else "金额合计X（其中N个项目未填写申报投资，按…列示，计Y）". The .docx,
        the console and the JSON say the same (the console in two lines)."""
        part = self.substitution()
        return self.head() + (f"（{part}）" if part else "")

    def head(self) -> str:
        if self.count and self.missing == self.count:
            return "没有可列示的金额"  # not "申报投资合计0万元": nothing was asked for
        return f"{'金额' if self.substituted else '申报投资'}合计{wan(self.amount)}"

    def substitution(self) -> str:
        """What in the amount is not a request, or ""."""
        if not self.substituted:
            return ""
        return (
            f"其中{self.substituted}个项目未填写申报投资，按{'或'.join(self.bases)}列示，"
            f"计{wan(self.substituted_amount)}"
        )

    def missing_text(self) -> str:
        """The rows the amount leaves out, or ""."""
        if not self.missing:
            return ""
        return (
            f"其中{self.missing}个项目未填写申报投资，也没有可列示的金额，未计入金额合计，需补报。"
        )

    def to_dict(self) -> dict:
        return {
            "key": self.key,
            "count": self.count,
            "amount": self.amount,
            "requested_amount": self.requested_amount,
            "substituted": self.substituted,
            "substituted_amount": self.substituted_amount,
            "substitute_bases": list(self.bases),
            "missing": self.missing,
            "text": self.text(),
        }


@dataclass
class Draft:
    year: int
    as_of: date
    items: list[Item]
    by_unit: list[Total]
    by_nature: list[Total]
    total: Total
    unreadable: list[tuple[str, str]] = field(default_factory=list)
    missing_amount: int = 0

    @property
    def title(self) -> str:
        return f"大石桥市{self.year}年度政务信息化项目投资计划（草案）"

    @property
    def amount_head(self) -> str:
        """The amount column's head: 申报投资 only when no amount stands in for a request."""
        return "申报投资（万元）" if not self.total.substituted else "金额（万元）"

    def to_dict(self) -> dict:
        return {
            "year": self.year,
            "as_of": self.as_of,
            "count": self.total.count,
            # total_amount = requested_amount + substituted_amount; rows without any
            # amount (missing_amount) are in the count, not in the amount
            "total_amount": self.total.amount,
            "requested_amount": self.total.requested_amount,
            "substituted": self.total.substituted,
            "substituted_amount": self.total.substituted_amount,
            "total_text": self.total.text(),
            "by_unit": [t.to_dict() for t in self.by_unit],
            "by_nature": [t.to_dict() for t in self.by_nature],
            "items": [i.__dict__ for i in self.items],
            "unreadable": [{"path": p, "error": e} for p, e in self.unreadable],
            "missing_amount": self.missing_amount,
        }


def draft(rows: list[dict], year: int, as_of: date) -> Draft:
    items = []
    for row in rows:
        entry = row.get("plan") if row["ok"] else None
        if entry is None:
            continue
        items.append(
            Item(
                unit=row["unit"],
                name=row["name"],
                code=row["code"],
                nature=entry["nature"],
                content_types=row["content_types"],
                funding=entry["funding"],
                amount=entry["amount"],
                basis=entry["basis"],
                operation_annual=entry["operation_annual"],
                months=entry["months"],
                submitted=entry["date"],
                stage_zh=row["stage_zh"],
                path=row["path"],
                summary=entry["summary"],
                start=entry["start"],
                notes=entry["notes"],
            )
        )
    items.sort(key=lambda i: (i.unit, NATURES.index(i.nature), i.name))
    units: dict[str, Total] = {}
    natures = {n: Total(n) for n in NATURES}
    total = Total("合计")
    for i in items:
        units.setdefault(i.unit, Total(i.unit)).add(i)
        natures[i.nature].add(i)
        total.add(i)
    return Draft(
        year=year,
        as_of=as_of,
        items=items,
        by_unit=sorted(units.values(), key=lambda t: (-t.amount, t.key)),
        by_nature=[natures[n] for n in NATURES],
        total=total,
        unreadable=[(r["path"], r["error"] or "") for r in rows if not r["ok"]],
        missing_amount=sum(1 for i in items if i.amount is None),
    )


def _wan_number(amount: Decimal | None) -> Decimal | None:
    return None if amount is None else amount / 10_000


def _wan_text(amount: Decimal | None) -> str:
    return "—" if amount is None else wan(amount).removesuffix("万元")


# ------------------------------------------------------------------ xlsx
ITEM_HEADS = (
    ("序号", 6),
    ("项目单位", 28),
    ("项目名称", 40),
    ("项目编号", 18),
    ("项目性质", 10),
    ("新开工/续建", 10),
    ("建设内容类型", 26),
    ("资金来源", 16),
    ("申报投资（万元）", 16),
    ("金额依据", 10),
    ("年运行维护费（万元）", 16),
    ("建设期（月）", 10),
    ("报送日期", 12),
    ("当前阶段", 14),
    ("建设内容概述", 50),
    ("备注", 36),
)
AMOUNT_COL = 9  # 申报投资（万元）
OPERATION_COL = 11


def write_xlsx(d: Draft, path: Path) -> None:
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font
    from openpyxl.utils import get_column_letter

    bold = Font(bold=True)
    money_fmt = "#,##0.00####"
    wb = Workbook()
    ws = wb.active
    ws.title = "项目清单"
    ws.append([d.title])
    ws["A1"].font = Font(bold=True, size=14)
    ws.append([f"汇总截至 {d.as_of.isoformat()}；依据第八条、第九条，供审核" + _sheet_note(d)])
    heads = [h for h, _ in ITEM_HEADS]
    heads[AMOUNT_COL - 1] = d.amount_head  # 申报投资 only when every amount is a request
    ws.append(heads)
    for i, (_, w) in enumerate(ITEM_HEADS, 1):
        ws.column_dimensions[get_column_letter(i)].width = w
        ws.cell(row=3, column=i).font = bold
    ws.freeze_panes = "C4"
    for n, it in enumerate(d.items, 1):
        ws.append(
            [
                n,
                it.unit,
                it.name,
                it.code,
                it.nature,
                it.start,
                it.content_types,
                it.funding,
                _wan_number(it.amount),
                it.basis,
                _wan_number(it.operation_annual),
                it.months if it.nature != "运行维护" else None,
                it.submitted,
                it.stage_zh,
                it.summary,
                it.notes,
            ]
        )
        r = ws.max_row
        ws.cell(row=r, column=AMOUNT_COL).number_format = money_fmt
        ws.cell(row=r, column=OPERATION_COL).number_format = money_fmt
        ws.cell(row=r, column=13).number_format = "yyyy-mm-dd"
        ws.cell(row=r, column=15).alignment = Alignment(wrap_text=True, vertical="top")
    first, last = 4, ws.max_row  # the item rows
    amounts = f"{get_column_letter(AMOUNT_COL)}{first}:{get_column_letter(AMOUNT_COL)}{last}"
    units = f"B{first}:B{last}"
    natures = f"E{first}:E{last}"
    # totals are formulas, so they follow when the 数据局 edits an amount
    total_row = ["", "合计", f'=COUNTA(C{first}:C{last})&"个项目"']
    total_row += [""] * (AMOUNT_COL - 4) + [f"=SUM({amounts})"]
    if last < first:  # no items: nothing to add up
        total_row = ["", "合计", "0个项目"] + [""] * (AMOUNT_COL - 4) + [0]
    ws.append(total_row)
    ws.cell(row=ws.max_row, column=2).font = bold
    ws.cell(row=ws.max_row, column=AMOUNT_COL).number_format = money_fmt

    for title, groups, head, keys in (
        ("按项目单位", d.by_unit, "项目单位", units),
        ("按项目性质", d.by_nature, "项目性质", natures),
    ):
        s = wb.create_sheet(title)
        s.column_dimensions["A"].width = 34
        s.column_dimensions["B"].width = 10
        s.column_dimensions["C"].width = 18
        s.append([head, "项目数", d.amount_head])
        for c in s[1]:
            c.font = bold
        src = "'项目清单'!"
        for t in groups:
            r = s.max_row + 1
            s.append(
                [
                    t.key,
                    f"=COUNTIF({src}{keys},A{r})",
                    f"=SUMIF({src}{keys},A{r},{src}{amounts})",
                ]
            )
            s.cell(row=r, column=3).number_format = money_fmt
        r = s.max_row + 1
        s.append(["合计", f"=SUM(B2:B{r - 1})", f"=SUM(C2:C{r - 1})"])
        s.cell(row=r, column=3).number_format = money_fmt
        s.cell(row=s.max_row, column=1).font = bold

    if d.unreadable:
        s = wb.create_sheet("未能汇总的档案")
        s.column_dimensions["A"].width = 40
        s.column_dimensions["B"].width = 80
        s.append(["档案路径", "无法读取的原因"])
        for p, e in d.unreadable:
            s.append([p, e])
    buf = io.BytesIO()
    wb.save(buf)
    atomic_write(path, buf.getvalue())


def _sheet_note(d: Draft) -> str:
    """What the amount column holds besides requests (the sheet's totals are formulas,
    so the note names the rows, not an amount that an edit would make stale)."""
    t, note = d.total, ""
    if t.substituted:
        note += (
            f"；其中{t.substituted}个项目未填写申报投资，按{'或'.join(t.bases)}列示"
            "（见“金额依据”“备注”栏）"
        )
    if t.missing:
        note += f"；{t.missing}个项目未填写申报投资，也没有可列示的金额，未计入合计"
    return note


# ------------------------------------------------------------------ docx
def write_docx(d: Draft, path: Path) -> None:
    from docx import Document

    doc = Document()
    table_style = _typography(doc)
    _properties(doc, d)
    doc.add_paragraph(d.title, style="Title")
    doc.add_paragraph(
        f"（根据各项目单位报送材料汇总，截至{d.as_of.year}年{d.as_of.month}月{d.as_of.day}日，"
        "供市数据局会同市发展和改革局、市财政局审核）"
    )

    doc.add_heading("一、总体情况", level=1)
    t = d.total
    units = len(d.by_unit)
    parts = "，".join(f"{n.key}项目{n.count}个、{wan(n.amount)}" for n in d.by_nature if n.count)
    text = (
        f"按照{REGULATION}第八条、第九条，"
        f"共有{units}个项目单位报送{d.year}年度项目计划{t.count}个，"
        f"{_total_text(d)}"
    )
    text += f"。其中{parts}。" if parts else "。"
    doc.add_paragraph(text)
    if d.missing_amount:
        doc.add_paragraph(d.total.missing_text())

    doc.add_heading("二、按项目单位汇总", level=1)
    _totals_table(doc, ("项目单位", "项目数", d.amount_head), d.by_unit, d.total, table_style)

    doc.add_heading("三、按项目性质汇总", level=1)
    _totals_table(doc, ("项目性质", "项目数", d.amount_head), d.by_nature, d.total, table_style)

    _orient(doc, landscape=True)
    doc.add_heading("四、项目清单", level=1)
    marked = sum(1 for it in d.items if it.notes)
    if marked:
        doc.add_paragraph(
            f"清单中{marked}个项目的金额或性质不是项目单位申报的原数，已在“备注”栏逐项注明。"
        )
    heads = (
        "序号",
        "项目单位",
        "项目名称",
        "项目编号",
        "性质",
        "新开工/续建",
        "资金来源",
        "建设期",
        d.amount_head,  # 申报投资 only when every amount is a request
        "年运维费（万元）",
        "备注",
    )
    table = doc.add_table(rows=1, cols=len(heads))
    for cell, h in zip(table.rows[0].cells, heads, strict=True):
        cell.text = h
    for n, it in enumerate(d.items, 1):
        cells = table.add_row().cells
        for cell, v in zip(
            cells,
            (
                str(n),
                it.unit,
                it.name,
                it.code or "—",
                it.nature,
                it.start,
                it.funding,
                f"{it.months}个月" if it.months and it.nature != "运行维护" else "—",
                _wan_text(it.amount),
                _wan_text(it.operation_annual),
                it.notes,
            ),
            strict=True,
        ):
            cell.text = v
    cells = table.add_row().cells
    cells[1].text = "合计"
    cells[2].text = f"{t.count}个项目"
    cells[8].text = _wan_text(t.amount)
    table_style_small(table)
    _widths(table, (10, 28, 36, 24, 12, 14, 22, 12, 22, 20, 25))
    _orient(doc, landscape=False)

    doc.add_heading("五、说明", level=1)
    bases = _substitute_bases(d)
    doc.add_paragraph(
        "1. 本草案根据各项目档案中的“报送年度项目计划”记录汇总，金额为项目单位申报投资"
        + (f"；未填写申报投资的，按{'或'.join(bases)}列示，并在“备注”栏注明。" if bases else "。")
    )
    doc.add_paragraph(
        f"2. 按照{REGULATION}第九条，年度项目投资计划经审核后，确定拟实施的项目清单和"
        "投资总规模，报请市政府同意后实施。"
    )
    if d.unreadable:
        doc.add_paragraph(
            f"3. 以下{len(d.unreadable)}个档案无法读取，未列入本草案，请项目单位修正后重新汇总："
        )
        for p, e in d.unreadable:
            doc.add_paragraph(f"{p}：{e}")
    _sign(doc, d.as_of)
    from xmgl.reports.linebreak import keep_whole

    keep_whole(doc)
    buf = io.BytesIO()
    doc.save(buf)
    atomic_write(path, buf.getvalue())


REGULATION = "《大石桥市政务信息化项目管理暂行办法》"


def _substitute_bases(d: Draft) -> list[str]:
    """What stands in for a missing request on some row (批复概算, 投资估算 …), in order."""
    return list(d.total.bases)


def _total_text(d: Draft) -> str:
    """The total is "申报投资" only when every row is a request; else say what else is in it."""
    return d.total.text()


def _properties(doc, d: Draft) -> None:
    """The draft's own core properties: the 数据局 compiles it, now."""
    from xmgl.reports.typography import set_core_properties

    set_core_properties(
        doc,
        title=d.title,
        author=SIGNER,
        subject="年度政务信息化项目投资计划（草案）",
        keywords=f"{d.year};年度投资计划;第八条;第九条",
        category="年度投资计划草案",
    )


SIGNER = "大石桥市数据局"


def _sign(doc, day: date) -> None:
    """落款: the 数据局 over the date, as GB/T 9704 7.3.5 says (typography.add_sign_off)."""
    from xmgl.reports.typography import add_sign_off

    add_sign_off(doc, SIGNER, day)


def table_style_small(table) -> None:
    from xmgl.reports.typography import style_table

    style_table(table, font_size_pt=10.5)


def _orient(doc, landscape: bool) -> None:
    """Start a new page section, landscape (the eleven-column list) or portrait again."""
    from xmgl.reports.typography import add_section

    add_section(doc, landscape=landscape)


def _widths(table, widths_mm) -> None:
    from docx.oxml.ns import qn
    from docx.shared import Mm

    for col, w in zip(table._tbl.tblGrid.findall(qn("w:gridCol")), widths_mm, strict=True):
        col.set(qn("w:w"), str(round(Mm(w).twips)))
    for row in table.rows:
        for cell, w in zip(row.cells, widths_mm, strict=True):
            cell.width = Mm(w)


def _totals_table(
    doc, heads: tuple[str, ...], groups: list[Total], total: Total, table_style
) -> None:
    table = doc.add_table(rows=1, cols=3)
    for cell, h in zip(table.rows[0].cells, heads, strict=True):
        cell.text = h
    for g in [*groups, total]:
        cells = table.add_row().cells
        cells[0].text = g.key
        cells[1].text = str(g.count)
        cells[2].text = _wan_text(g.amount)
    _style(table, table_style)


def _typography(doc):
    """GB/T 9704 page and styles (``xmgl.reports.typography``); returns the table styler."""
    from xmgl.reports.typography import apply_gbt9704, style_table

    apply_gbt9704(doc)
    return lambda table: style_table(table, font_size_pt=12)


def _style(table, table_style) -> None:
    table_style(table)
