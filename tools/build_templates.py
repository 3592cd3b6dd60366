"""Build the shipped report templates (templates/*.docx) from code.

    python tools/build_templates.py            # (re)write templates/
    python tools/build_templates.py --check    # exit 1 if templates/ is out of date
    python tools/build_templates.py --output DIR

The typography is :mod:`xmgl.reports.typography` (GB/T 9704); the words and the
docxtpl/Jinja tags are below, chapter by chapter, so a reviewer reads the
outline here. The chapter numbers come from the context (``ch``), because the
self-build vs purchase chapter exists only when 政府购买服务 is used (第十一条（二）).

The output is byte-for-byte reproducible: fixed core-property dates, fixed zip
timestamps and attributes. Re-running on an unchanged tree changes nothing.
"""

from __future__ import annotations

import argparse
import datetime as dt
import io
import sys
import zipfile
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))

import docx  # noqa: E402
from docx.enum.style import WD_STYLE_TYPE  # noqa: E402
from docx.enum.text import WD_PARAGRAPH_ALIGNMENT  # noqa: E402
from docx.oxml import OxmlElement  # noqa: E402
from docx.oxml.ns import qn  # noqa: E402
from docx.shared import Mm, Pt  # noqa: E402

from xmgl.reports import typography  # noqa: E402
from xmgl.reports.context import FSR_CHAPTERS, MERGED_TITLES  # noqa: E402

#: Core-property date of every shipped template (a rendered report gets its own).
TEMPLATE_DATE = dt.datetime(2026, 1, 1, 0, 0, tzinfo=dt.timezone(dt.timedelta(hours=8)))
ZIP_DATE = (1980, 1, 1, 0, 0, 0)
TITLES = {key: title for key, title, _ in FSR_CHAPTERS}

# custom paragraph styles (Chinese names, so a clerk recognises them in Word/WPS)
COVER = "封面信息"
CAPTION = "表题"
NOTE = "说明文字"
FLUSH = "顶格正文"
SIGN = "落款"
SIGN_DATE = "成文日期"
SIGN_INFO = "填报人"
ATTACH = "附件说明"
SPACER = "表后空行"


# --------------------------------------------------------------------------- builder


class Builder:
    """A python-docx document with the GB/T 9704 styles and a few writing helpers."""

    def __init__(self) -> None:
        self.doc = docx.Document()
        typography.apply_gbt9704(self.doc)
        self._styles()
        # python-docx's template starts with one empty paragraph; use it
        body = self.doc.element.body
        for p in body.findall(qn("w:p")):
            body.remove(p)

    def _styles(self) -> None:
        styles = self.doc.styles
        for name, align, bold, size in (
            (COVER, WD_PARAGRAPH_ALIGNMENT.CENTER, False, 16),
            (CAPTION, WD_PARAGRAPH_ALIGNMENT.CENTER, True, 14),
            (NOTE, WD_PARAGRAPH_ALIGNMENT.LEFT, False, 12),
            (FLUSH, WD_PARAGRAPH_ALIGNMENT.JUSTIFY, False, 16),
            (SIGN, WD_PARAGRAPH_ALIGNMENT.RIGHT, False, 16),
            (SIGN_DATE, WD_PARAGRAPH_ALIGNMENT.RIGHT, False, 16),
            (SIGN_INFO, WD_PARAGRAPH_ALIGNMENT.LEFT, False, 16),
            (SPACER, WD_PARAGRAPH_ALIGNMENT.LEFT, False, 6),
        ):
            style = styles.add_style(name, WD_STYLE_TYPE.PARAGRAPH)
            style.base_style = styles["Normal"]
            style.quick_style = True
            style.paragraph_format.alignment = align
            style.font.bold = bold
            if size != 16:
                style.font.size = Pt(size)
                rpr = style.element.get_or_add_rPr()
                szcs = rpr.makeelement(qn("w:szCs"), {qn("w:val"): str(size * 2)})
                rpr.find(qn("w:sz")).addnext(szcs)
                style.paragraph_format.line_spacing = Pt(size * 1.5)
            _no_indent(style)
        styles[CAPTION].paragraph_format.keep_with_next = True
        styles[CAPTION].paragraph_format.space_before = Pt(6)
        styles[NOTE].paragraph_format.space_before = Pt(3)
        styles[SPACER].paragraph_format.line_spacing = Pt(8)
        # 落款 (GB/T 9704 7.3.5): the unit over the date, the date 右空四字; the
        # whole block keeps with the last lines of the body, never alone on a page
        styles[SIGN].paragraph_format.keep_with_next = True
        typography._set_first_line_chars(  # 附注: 居左空二字
            styles[SIGN_INFO], typography.FIRST_LINE_CHARS, typography.SIZE_BODY
        )
        styles[SIGN].paragraph_format.space_before = typography.LINE_PITCH
        styles[SIGN].paragraph_format.right_indent = Pt(16 * 2)
        styles[SIGN_DATE].paragraph_format.right_indent = Pt(16 * 4)
        attach = styles.add_style(ATTACH, WD_STYLE_TYPE.PARAGRAPH)
        attach.base_style = styles["Normal"]
        attach.quick_style = True

    # -- text
    def p(self, text: str, style: str | None = None):
        return self.doc.add_paragraph(text, style=style)

    def h1(self, text: str, *, new_page: bool = False):
        para = self.p(text, "Heading 1")
        para.paragraph_format.page_break_before = new_page or None
        return para

    def chapter(self, key: str):
        """``{{ ch.key }}、Title`` — the number is the context's (chapters may be absent)."""
        return self.h1(f"{{{{ ch.{key} }}}}、{TITLES[key]}")

    def h2(self, text: str):
        return self.p(text, "Heading 2")

    def h3(self, text: str):
        return self.p(text, "Heading 3")

    def h4(self, text: str):
        return self.p(text, "Heading 4")

    def todo(self, what: str):
        return self.p(f"【待填写：{what}】")

    def tag(self, statement: str):
        """A paragraph holding only ``{%p statement %}`` (docxtpl removes the paragraph)."""
        return self.p(f"{{%p {statement} %}}", FLUSH)

    def each(self, loop: str, line: str, style: str | None = None):
        """One paragraph per item: ``{%p for … %}`` / line / ``{%p endfor %}``."""
        self.tag(f"for {loop}")
        self.p(line, style)
        self.tag("endfor")

    def page_break(self):
        para = self.p("", FLUSH)
        para.add_run().add_break(docx.enum.text.WD_BREAK.PAGE)

    # -- tables
    def table(
        self,
        caption: str | None,
        headers: tuple[str, ...],
        cells: tuple[str, ...],
        *,
        loop: str | None = None,
        widths: tuple[float, ...] | None = None,
        rows: tuple[tuple[str, ...], ...] = (),
        size: float = 12,
        center: tuple[int, ...] = (0,),
    ):
        """A grid table: header row, then a ``{%tr for %}`` row (``loop``) of ``cells``,
        or fixed ``rows``; the ``center`` columns centred (序号, 是/否 …)."""
        if caption:
            self.p(caption, CAPTION)
        body: list[tuple[str, ...]] = []
        if loop:
            body = [(f"{{%tr for {loop} %}}",), cells, ("{%tr endfor %}",)]
        body += list(rows)
        table = self.doc.add_table(rows=1 + len(body), cols=len(headers))
        for cell, text in zip(table.rows[0].cells, headers, strict=True):
            cell.text = text
        for r, values in enumerate(body, start=1):
            for c, text in enumerate(values):
                table.cell(r, c).text = text
        typography.style_table(table, font_size_pt=size, header_rows=1)
        for row in table.rows[1:]:
            for c in center:
                row.cells[c].paragraphs[0].alignment = WD_PARAGRAPH_ALIGNMENT.CENTER
        if widths:
            set_widths(table, widths)
        keep_rows_whole(table)
        self.p("", SPACER)
        return table

    def key_values(self, caption: str | None, pairs: tuple[tuple[str, str], ...], widths=(42, 114)):
        """A two-column table: label | value."""
        if caption:
            self.p(caption, CAPTION)
        table = self.doc.add_table(rows=len(pairs), cols=2)
        for row, (label, value) in zip(table.rows, pairs, strict=True):
            row.cells[0].text = label
            row.cells[1].text = value
        typography.style_table(table, font_size_pt=12, header_rows=0)
        head = self.doc.styles["表格表头（小四）"] if _has(self.doc, "表格表头（小四）") else None
        for row in table.rows:
            if head is None:
                row.cells[0].paragraphs[0].runs[0].bold = True
            else:
                row.cells[0].paragraphs[0].style = head
        set_widths(table, widths)
        keep_rows_whole(table)
        self.p("", SPACER)
        return table

    # -- whole document
    def cover(self, lines: tuple[str, ...], titles: tuple[str, ...]):
        for _ in range(4):
            self.p("", COVER)
        self.title(*titles)
        for _ in range(6):
            self.p("", COVER)
        for line in lines:
            self.p(line, COVER)
        self.doc.sections[0].different_first_page_header_footer = True  # no number on the cover

    def title(self, *lines: str):
        """Title paragraphs spaced evenly: a wrapped line and the next title line are
        the same 35 pt apart; only the last one keeps the blank line before the body."""
        paras = [self.p(t, "Title") for t in lines]
        for para in paras[:-1]:
            para.paragraph_format.space_after = Pt(0)
        return paras

    def toc(self):
        typography.add_toc(self.doc, levels="1-2")
        self.doc.paragraphs[-2].paragraph_format.page_break_before = True

    def save(self, path: Path, *, title: str, subject: str, keywords: str) -> None:
        typography.set_core_properties(
            self.doc,
            title=title,
            author="{{ project.unit }}",
            created=TEMPLATE_DATE,
            subject=subject,
            keywords=keywords,
            category="xmgl 报告模板",
        )
        # docxtpl renders title/author/subject but not last_modified_by
        self.doc.core_properties.last_modified_by = "xmgl"
        drop_unused_table_styles(self.doc)
        buf = io.BytesIO()
        self.doc.save(buf)
        path.write_bytes(normalise_zip(buf.getvalue()))


def drop_unused_table_styles(doc) -> None:
    """Drop the ~100 table styles python-docx's default template defines (Light Shading,
    Medium Grid …: 95 % of styles.xml) that no table uses: every report reads, edits
    and writes styles.xml, and Word/WPS add a table style's definition when one is
    applied. The default table style stays."""
    styles = doc.styles.element
    used = {el.get(qn("w:val")) for el in doc.element.body.iter(qn("w:tblStyle"))}
    for style in styles.findall(qn("w:style")):
        if style.get(qn("w:type")) != "table" or style.get(qn("w:default")) in ("1", "true"):
            continue
        if style.get(qn("w:styleId")) not in used:
            styles.remove(style)


def keep_rows_whole(table) -> None:
    """``w:cantSplit`` on every row: a row never breaks across pages."""
    after = ("w:trHeight", "w:tblHeader", "w:tblCellSpacing", "w:jc", "w:hidden", "w:ins")
    for row in table.rows:
        tr_pr = row._tr.get_or_add_trPr()
        if tr_pr.find(qn("w:cantSplit")) is None:
            tr_pr.insert_element_before(OxmlElement("w:cantSplit"), *after, "w:del", "w:trPrChange")


def _has(doc, name: str) -> bool:
    try:
        doc.styles[name]
    except KeyError:
        return False
    return True


def _no_indent(style) -> None:
    ind = style.element.get_or_add_pPr().get_or_add_ind()
    ind.set(qn("w:firstLineChars"), "0")
    ind.set(qn("w:firstLine"), "0")


def set_widths(table, widths_mm: tuple[float, ...]) -> None:
    """Column widths in mm, for Word (tcW) and LibreOffice (gridCol) alike."""
    grid = table._tbl.tblGrid
    for col, width in zip(grid.findall(qn("w:gridCol")), widths_mm, strict=True):
        col.set(qn("w:w"), str(round(Mm(width).twips)))
    for row in table.rows:
        for cell, width in zip(row.cells, widths_mm, strict=False):
            cell.width = Mm(width)
    tbl_pr = table._tbl.tblPr
    layout = tbl_pr.find(qn("w:tblLayout"))
    if layout is None:
        layout = tbl_pr.makeelement(qn("w:tblLayout"), {})
        typography.insert_tblpr_child(tbl_pr, layout)
    layout.set(qn("w:type"), "fixed")


def normalise_zip(data: bytes) -> bytes:
    """The same .docx with fixed timestamps and attributes, so a rebuild is byte-identical."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as src, zipfile.ZipFile(out, "w") as dst:
        for info in src.infolist():
            fixed = zipfile.ZipInfo(info.filename, date_time=ZIP_DATE)
            fixed.compress_type = zipfile.ZIP_DEFLATED
            fixed.create_system = 0
            fixed.external_attr = 0o644 << 16
            dst.writestr(fixed, src.read(info.filename))
    return out.getvalue()


# --------------------------------------------------------------------------- 可行性研究报告

CATALOG = (
    ("序号", "信息资源名称", "提供部门", "摘要", "共享类型", "更新周期"),
    (
        "{{ r.no }}",
        "{{ r.name }}",
        "{{ r.provider }}",
        "{{ r.description }}",
        "{{ r.share_type }}",
        "{{ r.update_frequency }}",
    ),
    (12, 32, 34, 40, 20, 18),
)
SHARING = (
    ("序号", "数据资源", "提供方", "使用方", "共享接口（方式）", "频率"),
    (
        "{{ r.no }}",
        "{{ r.data }}",
        "{{ r.provider }}",
        "{{ r.consumer }}",
        "{{ r.interface }}",
        "{{ r.frequency }}",
    ),
    (12, 30, 32, 32, 32, 18),
)


REG = "《大石桥市政务信息化项目管理暂行办法》"


def fsr(merged: bool) -> Builder:
    """The 可行性研究报告; ``merged``: the 可研代初步设计, the same outline written to
    初步设计 depth (建设方案 with configuration, 投资概算 with its breakdown)."""
    b = Builder()
    titles = dict(TITLES, **MERGED_TITLES) if merged else TITLES

    def chapter(key: str):
        return b.h1(f"{{{{ ch.{key} }}}}、{titles[key]}")

    title = "可行性研究报告（代初步设计）" if merged else "可行性研究报告"
    b.cover(
        (
            "项目单位：{{ project.unit }}",
            "编制单位：{{ project.fsr_author }}",
            "{{ generated.date_cn }}",
        ),
        ("{{ project.name }}", title),
    )
    b.toc()

    # 一、项目概述 -----------------------------------------------------------------
    first = chapter("overview")
    first.paragraph_format.page_break_before = True
    b.h2("（一）项目名称")
    b.p("项目名称：{{ project.name }}。项目编号：{{ project.code }}。")
    b.h2("（二）项目建设单位和负责人")
    b.p(
        "项目建设单位：{{ project.unit }}。行业主管部门：{{ project.competent_department }}。"
        "项目法人（责任人）：{{ project.legal_person }}。"
        "联系人：{{ project.contact }}，联系电话：{{ project.phone }}。"
    )
    b.h2("（三）可行性研究报告编制单位")
    b.p("{{ project.fsr_author }}。")
    b.h2("（四）编制依据")
    b.each("b in basis", "{{ loop.index }}. {{ b }}")
    b.h2("（五）项目建设目标、规模、内容和建设期")
    b.p("建设目标：{{ project.goals }}")
    b.p("建设内容：{{ project.summary }}")
    b.p(
        "项目性质：{{ project.nature }}。建设内容类型：{{ project.content_types }}。"
        "建设期：{{ project.construction_period }}。"
    )
    if merged:
        b.h2("（六）投资概算及资金来源")
        b.p(
            "项目申报投资概算{{ investment.proposed_budget }}（概算构成见附表2）。"
            "资金来源：{{ funding.source }}。{{ funding.detail }}"
        )
    else:
        b.h2("（六）总投资及资金来源")
        b.p(
            "项目总投资估算{{ investment.estimate }}。"
            "资金来源：{{ funding.source }}。{{ funding.detail }}"
        )
    b.p("{{ investment.operation_statement }}。")
    b.h2("（七）效益和风险")
    b.todo("项目建成后的主要效益和主要风险，概述")
    b.h2("（八）主要结论与建议")
    b.todo("可行性研究的主要结论与建议")
    if merged:
        b.h2("（九）合并编报可行性研究报告和初步设计的依据")
        b.p("本项目合并编报可行性研究报告和初步设计，依据如下：")
        b.each("r in merge.statements", "{{ loop.index }}. {{ r }}。")

    # 二、项目建设单位概况 ----------------------------------------------------------
    chapter("unit")
    b.h2("（一）项目建设单位与职能")
    b.p("{{ project.unit }}：【待填写：单位性质、主要职能和内设机构】")
    b.h2("（二）项目实施机构与职责")
    b.todo("项目实施机构及其职责，项目负责人和技术负责人")
    b.h2("（三）信息化建设和应用现状")
    b.todo("已建信息系统、网络、数据资源和应用情况")

    # 三、需求分析和项目建设的必要性 --------------------------------------------------
    chapter("needs")
    b.h2("（一）与政务职能相关的社会问题和政务目标分析")
    b.todo("要解决的问题和要达到的政务目标")
    b.h2("（二）业务功能、业务流程和业务量分析")
    b.todo("主要业务、业务流程和业务量")
    b.h2("（三）信息量分析与预测")
    b.todo("数据种类、数据量及其增长预测")
    b.h2("（四）系统功能和性能需求分析")
    b.todo("系统功能需求和性能指标")
    b.h2("（五）项目建设的必要性")
    # the items are 第六条's requirements, each followed by the unit's statement: not
    # "本项目：符合……" before the statement is written (or when it is left to fill in)
    b.p(f"对照{REG}第六条的项目建设要求，逐项说明如下：")
    b.p("1. 符合数字政府总体规划：{{ reserve.digital_government_plan }}")
    b.p("2. 符合行业中长期规划：{{ reserve.sector_plan }}")
    b.p("3. 利用上级平台、采用集约化建设模式：{{ reserve.intensive_mode }}")
    b.p("4. 能够实现数据共享：{{ reserve.data_sharing }}")

    # 四、总体建设方案 ---------------------------------------------------------------
    chapter("overall")
    b.h2("（一）建设原则")
    b.p(
        f"按照{REG}第四条，项目建设坚持顶层设计、协同共享、数据回流、安全可靠、适度超前、"
        "适配应用的原则，按照清单化、项目化、工程化方式组织实施。"
    )
    b.each("r in principles", "{{ r.no }}. {{ r.name }}：{{ r.text }}")
    b.h2("（二）总体目标与分期建设内容")
    b.todo("总体目标，分期建设内容和本期建设范围")
    b.h2("（三）总体架构")
    b.todo("总体架构（业务、应用、数据、技术、安全）及说明")
    b.h2("（四）部署方案")
    b.p("{{ deployment.statement }}；{{ deployment.resource_platform_text }}。")
    b.tag("if deployment.existing_systems")
    b.p("已建系统向政务云迁移情况如下：")
    b.table(
        "表1　已建系统迁移情况",
        ("已建系统", "已在政务云", "迁移计划"),
        ("{{ s.name }}", "{{ s.on_cloud }}", "{{ s.migration_plan }}"),
        loop="s in deployment.existing_systems",
        widths=(60, 30, 66),
        center=(1,),
    )
    b.tag("endif")
    b.h2("（五）系统平台建设")
    b.p("{{ platform.statement }}。")
    b.h2("（六）共建共享与上级衔接")
    b.tag("if cross_boundary.applies")
    b.p(
        "本项目涉及{{ cross_boundary.kinds }}共建共享，牵头部门为"
        "{{ cross_boundary.lead_department }}。各参建部门的业务流、数据流和系统接口如下。"
    )
    b.table(
        "表1　参建部门业务流、数据流和系统接口",
        ("参建部门", "业务流", "数据流", "系统接口"),
        ("{{ r.department }}", "{{ r.business_flow }}", "{{ r.data_flow }}", "{{ r.interfaces }}"),
        loop="r in cross_boundary.participants",
        widths=(34, 44, 40, 38),
    )
    b.tag("else")
    b.p("{{ cross_boundary.statement }}")
    b.tag("endif")
    b.tag("if cross_boundary.upper_level_project")
    b.p("衔接的上级项目：{{ cross_boundary.upper_level_project }}。")
    b.tag("endif")

    # 五、本期项目建设方案 -----------------------------------------------------------
    chapter("scheme")
    depth = "设计" if merged else "建设"
    b.h2("（一）建设目标、规模与内容")
    b.p("{{ project.summary }}")
    b.h2("（二）标准规范建设")
    b.todo("采用和编制的标准规范")
    b.h2(f"（三）信息资源规划和数据库{depth}")
    if merged:
        b.todo("信息资源规划；数据库逻辑设计和物理设计（库表、数据量、存储方式）；数据治理")
    else:
        b.todo("信息资源规划、数据库设计和数据治理；数据资源共享见“数据资源共享分析篇”")
    b.h2(f"（四）应用支撑系统{depth}")
    b.todo("复用的上级支撑平台能力和本期建设的支撑组件" + ("及其设计" if merged else ""))
    b.h2(f"（五）应用系统{depth}")
    if merged:
        b.todo("各子系统的功能模块、业务流程、用户和界面设计")
    else:
        b.todo("各应用系统的功能和建设内容")
    b.h2(f"（六）数据处理和存储系统{depth}")
    b.p("【待填写：{{ deployment.compute_need }}" + ("和配置" if merged else "") + "】")
    b.h2(f"（七）终端系统及接口{depth}")
    if merged:
        b.p(
            "共享接口（方式）：{{ data_sharing.interfaces }}。【待填写：终端设备和接口清单、接口规范】"
        )
    else:
        b.todo("终端设备和外部系统接口")
    b.h2(f"（八）网络系统{depth}")
    b.p(
        "【待填写：{{ deployment.network_need }}"
        + ("、网络拓扑和带宽设计" if merged else "")
        + "】"
    )
    b.h2(f"（九）安全系统{depth}")
    b.p(
        "{{ security.mlps_statement }}。安全方案详见“安全可靠情况说明、项目安全方案和密码应用方案”一章。"
    )
    if merged:
        b.todo("安全技术措施和安全管理措施的设计，安全设备和服务配置")
    b.h2(f"（十）备份系统{depth}")
    b.todo("数据备份和灾备方案")
    b.h2(f"（十一）运行维护系统{depth}")
    b.p("{{ deployment.operation_rule }}")
    b.todo("运行维护体系和运维服务方式")
    b.h2("（十二）主要软硬件选型原则和配置清单")
    b.p("选型原则：【待填写：软硬件选型原则】。配置清单见附表1。")
    if merged:
        b.h2("（十三）软硬件物理部署方案")
        b.p("{{ deployment.statement }}。【待填写：服务器、存储、网络设备的部署位置和拓扑】")
        b.h2("（十四）机房及配套工程")
        b.todo("机房及配套工程；依托政务云部署、不需要的写“无”")

    # 六、数据资源共享分析篇（第十一条（一）） ----------------------------------------------
    chapter("sharing")
    b.p(
        f"按照{REG}第十一条（一）和《营口市政务信息共享开放管理办法》，本章明确本项目的信息资源目录、"
        "数据资源共享清单、共享流程、接口和频率。"
    )
    b.h2("（一）信息资源目录")
    b.tag("if data_sharing.catalog_document")
    b.p("{{ data_sharing.catalog_document }}")
    b.tag("endif")
    b.table(
        "表1　信息资源目录",
        CATALOG[0],
        CATALOG[1],
        loop="r in data_sharing.catalog",
        widths=CATALOG[2],
        size=10.5,
    )
    b.h2("（二）数据资源共享清单")
    b.table(
        "表1　数据资源共享清单",
        SHARING[0],
        SHARING[1],
        loop="r in data_sharing.sharing_list",
        widths=SHARING[2],
        size=10.5,
    )
    b.h2("（三）共享流程")
    b.p("{{ data_sharing.process }}")
    b.h2("（四）共享接口")
    b.p(
        "本项目采用的共享接口（方式）：{{ data_sharing.interfaces }}。【待填写：接口规范、认证和调用方式】"
    )
    b.h2("（五）更新和调用频率")
    b.p("数据更新或调用频率：{{ data_sharing.frequencies }}。")
    b.h2("（六）接入统一政务信息资源库平台")
    b.p("本项目{{ deployment.resource_platform_text }}。")

    # 七、安全可靠情况说明、项目安全方案和密码应用方案（第十一条（三）） ------------------------
    chapter("security")
    b.h2("（一）软硬件产品安全可靠情况说明")
    b.p("{{ security.secure_reliable_text }}")
    b.h2("（二）项目安全方案")
    b.p("{{ security.mlps_statement }}。")
    b.p("{{ security.scheme_text }}")
    # the FSR plans: what the unit commits to, not a 落实情况 of work not yet done
    b.p(
        f"按照{REG}第六条（五），网络信息安全应当与系统同步设计、同步建设、同步评估、"
        "同步验收、同步运行。本项目的“五同步”安排如下："
    )
    b.table(
        "表1　网络信息安全“五同步”",
        ("领域", "同步设计", "同步建设", "同步评估", "同步验收", "同步运行"),
        (
            "{{ r.domain }}",
            "{{ r.design }}",
            "{{ r.build }}",
            "{{ r.assess }}",
            "{{ r.accept }}",
            "{{ r.operate }}",
        ),
        loop="r in reserve.five_synchronous",
        widths=(36, 24, 24, 24, 24, 24),
        center=(1, 2, 3, 4, 5),
    )
    b.h2("（三）密码应用方案")
    b.p("{{ security.crypto_plan_text }}")
    if merged:
        b.todo(
            "密码应用设计：密码技术的使用范围、密钥管理和密码产品配置，对照 GB/T 39786—2021 的要求逐项说明"
        )
    b.p(
        f"按照{REG}第十二条，密码应用方案由市国家密码管理局进行合法性审核。"
        "审核情况：{{ security.crypto_review }}。"
    )

    # 八 ～ 十一 ---------------------------------------------------------------------
    chapter("tender")
    b.p(
        f"按照{REG}第十四条，项目依法依规履行政府采购或招投标程序，中标单位不得转让或肢解转让中标项目。"
    )
    b.h2("（一）招标范围")
    b.todo("招标（采购）范围和标段划分")
    b.h2("（二）招标方式和组织形式")
    b.todo("采购方式及理由，组织形式（自行或委托代理）")
    b.h2("（三）建设监理")
    b.todo("监理范围和选择方式")

    chapter("environment")
    for i, item in enumerate(("环境保护", "消防", "职业安全卫生", "节能"), start=1):
        b.h2(f"（{'一二三四'[i - 1]}）{item}")
        b.todo(f"{item}措施")

    chapter("organization")
    b.h2("（一）领导和管理机构")
    b.p(
        f"按照{REG}第十三条，项目实行项目法人责任制、招标投标制、建设监理制和合同管理制。"
        "项目法人（责任人）：{{ project.legal_person }}。【待填写：领导小组和管理机构】"
    )
    b.h2("（二）项目实施机构")
    b.todo("项目实施机构、职责和管理制度")
    b.h2("（三）运行维护机构")
    b.todo("运行维护机构和人员")
    b.h2("（四）人员培训")
    b.todo("培训对象、内容、方式和计划")

    chapter("schedule")
    b.p("项目建设期{{ project.construction_period }}。")
    b.todo("实施进度计划（阶段、里程碑和时间）")
    b.p(
        f"按照{REG}第十六条，自项目批复之日起至验收备案之日止，项目单位每3个月向市数据局"
        "报送项目实施进展情况。"
    )

    # 十二、投资估算（概算）和资金来源 -------------------------------------------------
    chapter("investment")
    if merged:
        b.h2("（一）概算编制说明")
        b.todo("概算编制依据、编制方法和取费标准")
        b.h2("（二）投资概算")
        b.p("项目申报投资概算{{ investment.proposed_budget }}，构成见附表2。")
    else:
        b.h2("（一）投资估算的有关说明")
        b.todo("估算依据和编制方法")
        b.h2("（二）项目总投资估算")
        b.p("项目总投资估算{{ investment.estimate }}，详见附表2。")
    b.h2("（三）资金来源与落实情况")
    b.p("资金来源：{{ funding.source }}。{{ funding.detail }}")
    b.h2("（四）资金使用计划")
    b.todo("分年度资金使用计划")
    b.h2("（五）项目运行维护经费估算")
    b.p("{{ investment.operation_statement }}。【待填写：测算依据】")
    b.tag("if service_purchase.unknown")
    b.p("{{ service_purchase.unknown }}")
    b.tag("endif")

    # 自建与购买服务方式经济性比较分析（第十一条（二）），只在政府购买服务时出现 -----------------
    b.tag("if service_purchase.used")
    chapter("purchase")
    b.p(f"本项目涉及政府购买服务，按照{REG}第十一条（二）比较自建和购买服务两种方式的经济性。")
    b.tag("if service_purchase.comparison_ref")
    b.p("比较分析材料见{{ service_purchase.comparison_ref }}。")
    b.tag("endif")
    b.h2("（一）购买服务的内容和方式")
    b.todo("拟购买的服务内容、服务标准和期限")
    b.h2("（二）自建方式成本测算")
    b.todo("自建方式的建设、运维和人员成本（全生命周期）")
    b.h2("（三）购买服务方式成本测算")
    b.todo("购买服务方式的年度费用和全生命周期成本")
    b.h2("（四）比较结论")
    b.todo("经济性比较结论和选择的方式")
    b.tag("endif")

    # 效益、风险 ----------------------------------------------------------------------
    chapter("benefits")
    b.h2("（一）社会效益分析")
    b.todo("社会效益")
    b.h2("（二）经济效益分析")
    b.todo("经济效益")
    b.h2("（三）评价指标")
    b.p("项目建设目标：{{ project.goals_lead }}【待填写：可量化的绩效评价指标】")

    chapter("risks")
    b.h2("（一）风险识别和分析")
    b.todo("技术、管理、资金、数据安全等风险")
    b.h2("（二）风险对策和管理")
    b.todo("风险对策和管理措施")

    # 附件说明（GB/T 9704 7.3.4） ---------------------------------------------------------
    b.tag("if attachments")
    b.p("", FLUSH)
    b.tag("for a in attachments")
    b.p("{{ a.lead }}{{ a.label }}", ATTACH)
    b.tag("endfor")
    b.tag("endif")

    # 附表 ----------------------------------------------------------------------------
    b.h1("附表", new_page=True)
    if merged:
        b.table(
            "附表1　主要软硬件配置清单",
            ("序号", "名称", "规格型号及主要配置", "单位", "数量", "单价", "金额", "安全可靠情况"),
            (),
            rows=(
                ("1", "【待填写】", "", "", "", "", "", ""),
                ("", "合计", "", "", "", "", "【待填写】", ""),
            ),
            widths=(12, 26, 32, 12, 12, 18, 20, 24),
            size=10.5,
        )
        b.table(
            "附表2　投资概算表",
            ("序号", "工程或费用名称", "金额", "说明"),
            (),
            rows=(
                ("一", "工程费用", "【待填写】", ""),
                ("1", "硬件购置费", "【待填写】", "见附表1"),
                ("2", "软件开发费", "【待填写】", "按功能点或工作量测算"),
                ("3", "系统集成费", "【待填写】", ""),
                ("4", "{{ deployment.resource_fee }}", "【待填写】", "建设期内"),
                ("二", "工程建设其他费用", "【待填写】", ""),
                ("1", "监理费", "【待填写】", ""),
                ("2", "{{ security.assessment_report_fee }}", "【待填写】", ""),
                ("3", "咨询、评估和设计费", "【待填写】", ""),
                ("三", "预备费", "【待填写】", ""),
                ("", "概算合计", "{{ investment.proposed_budget }}", "申报数"),
            ),
            widths=(14, 56, 56, 30),
        )
    else:
        b.table(
            "附表1　主要软硬件配置清单",
            ("序号", "名称", "主要功能或规格", "单位", "数量", "金额", "安全可靠情况"),
            (),
            rows=(
                ("1", "【待填写】", "", "", "", "", ""),
                ("", "合计", "", "", "", "【待填写】", ""),
            ),
            widths=(12, 30, 38, 12, 12, 26, 26),
            size=10.5,
        )
        b.table(
            "附表2　总投资估算表",
            ("序号", "费用名称", "金额", "说明"),
            (),
            rows=(
                ("一", "硬件购置费", "【待填写】", ""),
                ("二", "软件开发费", "【待填写】", ""),
                ("三", "系统集成费", "【待填写】", ""),
                ("四", "{{ deployment.resource_fee }}", "【待填写】", ""),
                ("五", "其他费用（监理、测评、密评、咨询等）", "【待填写】", ""),
                ("六", "预备费", "【待填写】", ""),
                ("", "合计", "{{ investment.estimate }}", ""),
            ),
            widths=(14, 56, 56, 30),
        )
    b.p("注：金额以万元表示，括号内为精确到元的金额。", NOTE)
    return b


# --------------------------------------------------------------------------- 季度报告


def quarterly() -> Builder:
    b = Builder()
    b.title("{{ project.name }}", "建设进展情况季度报告")
    b.p("（第{{ period.index }}期：{{ period.start_cn }}至{{ period.end_cn }}）", COVER)
    b.p("", COVER)
    b.p("{{ regulation.recipient }}：", FLUSH)
    b.p(
        "根据{{ regulation.name }}第十六条，现将{{ project.name }}第{{ period.index }}期"
        "（{{ period.start_cn }}至{{ period.end_cn }}）建设进展情况报告如下。"
        "本期报告报送截止日期为{{ period.due_text }}。{{ period.as_of_text }}"
    )

    b.h1("一、基本信息")
    b.key_values(
        "表1　项目基本信息",
        (
            ("项目名称", "{{ project.name }}"),
            ("项目编号", "{{ project.code }}"),
            ("项目单位", "{{ project.unit }}"),
            ("项目法人", "{{ project.legal_person }}"),
            ("立项批复", "{{ approval.text }}"),
            ("概算批复", "{{ approval.budget_text }}"),
            ("批复概算（在用）", "{{ investment.budget }}"),
            ("资金来源", "{{ funding.source }}"),
            ("承建单位", "{{ builders }}"),
            ("监理单位", "{{ supervisors }}"),
            ("建设期", "{{ schedule.period_text }}"),
            ("开工日期", "{{ schedule.start }}"),
            ("计划完工日期", "{{ schedule.planned_end }}"),
            ("报告期", "第{{ period.index }}期：{{ period.start_cn }}至{{ period.end_cn }}"),
            ("报送截止日期", "{{ period.due_text }}"),
        ),
    )

    b.h1("二、本期完成的建设内容与里程碑")
    b.tag("if planned")
    b.p("{{ planned }}")
    b.tag("endif")
    b.tag("if not progress")
    b.p("{{ period.no_progress_text }}")
    b.todo("本期完成的建设内容与里程碑")
    b.tag("endif")
    b.each("e in events", "{{ e.line }}")
    b.p("{{ percent }}。")
    b.p("进度情况：{{ schedule.verdict }}。")

    b.h1("三、投资完成与资金支付")
    b.p("{{ schedule.invested_text }}。")
    b.key_values(
        "表1　资金支付情况（截至{{ period.cutoff_cn }}）",
        (
            ("批复概算（在用）", "{{ money.budget }}"),
            ("合同金额累计", "{{ money.contracted }}"),
            ("本期支付", "{{ money.paid_period }}"),
            ("累计支付", "{{ money.paid_total }}"),
            ("合同未付", "{{ money.unpaid }}"),
            ("支付率", "{{ money.pay_rate }}（累计支付÷批复概算）"),
        ),
    )
    b.tag("if money.operation_note")
    b.p("{{ money.operation_note }}")
    b.tag("endif")
    b.tag("if payments")
    b.table(
        "表1　本期支付明细",
        ("支付日期", "合同编号", "金额", "凭证号", "说明"),
        (
            "{{ r.date_cn }}",
            "{{ r.contract }}",
            "{{ r.amount }}",
            "{{ r.voucher }}",
            "{{ r.note }}",
        ),
        loop="r in payments",
        widths=(30, 25, 44, 29, 28),
        size=10.5,
    )
    b.tag("else")
    b.p("档案中本期（截至{{ period.cutoff_cn }}）没有支付记录。")
    b.tag("endif")

    b.h1("四、招标采购与合同情况")
    b.tag("if contracts")
    b.table(
        "表1　合同情况（截至{{ period.cutoff_cn }}）",
        ("合同编号", "类型", "合同相对方", "金额", "签订日期"),
        ("{{ r.id }}", "{{ r.type }}", "{{ r.party }}", "{{ r.amount }}", "{{ r.date_cn }}"),
        loop="r in contracts",
        widths=(27, 12, 40, 47, 30),
        center=(1, 4),
        size=10.5,
    )
    b.tag("else")
    b.todo("招标采购进展（截至{{ period.cutoff_cn }}档案中尚无合同记录）")
    b.tag("endif")
    b.tag("if procurements")
    b.table(
        "表1　招标采购情况（截至{{ period.cutoff_cn }}）",
        ("日期", "采购内容", "方式", "中标（成交）单位", "金额"),
        (
            "{{ r.date_cn }}",
            "{{ r.subject }}",
            "{{ r.method }}",
            "{{ r.winner }}",
            "{{ r.amount }}",
        ),
        loop="r in procurements",
        widths=(30, 32, 18, 30, 46),
        center=(0, 2),
        size=10.5,
    )
    b.tag("endif")

    b.h1("五、变更情况")
    b.tag("if changes")
    b.table(
        "表1　变更情况（截至{{ period.cutoff_cn }}）",
        ("日期", "事项", "变更内容", "投资增加", "批复情况"),
        (
            "{{ r.date_cn }}",
            "{{ r.aspect }}",
            "{{ r.description }}",
            "{{ r.amount_delta }}",
            "{{ r.approval }}",
        ),
        loop="r in changes",
        widths=(30, 12, 42, 32, 40),
        center=(0, 1),
        size=10.5,
    )
    b.tag("if changes|rejectattr('approved')|list")
    b.p(
        f"按照{REG}第十五条，项目单位应当严格执行已批复的项目初步设计及概算，不得擅自调整"
        "项目规模、内容、标准、投资等。上表中档案未见批复的变更，【待填写：报批情况或说明】"
    )
    b.tag("endif")
    b.tag("else")
    b.p("截至{{ period.cutoff_cn }}，档案中没有变更记录。")
    b.tag("endif")

    b.h1("六、{{ security.protection_short }}、密码应用和数据共享对接进展")
    b.p(
        "1. {{ security.protection }}：{{ security.mlps_statement }}。"
        "本期进展：{{ security.protection_progress }}"
    )
    b.p("2. 密码应用：{{ security.crypto_review }}。本期进展：【待填写：密码应用建设和密评进展】")
    b.p(
        "3. 数据共享对接：{{ data_sharing.count_text }}；{{ deployment.resource_platform_text }}。"
        "本期进展：【待填写：共享接口对接进展】"
    )

    b.h1("七、存在的问题与风险")
    b.tag("if carried_problems")
    b.p("（一）以前报告期提出、本期初尚未解决的问题", FLUSH)
    b.each(
        "x in carried_problems",
        "{{ loop.index }}. {{ x.text }}（{{ x.date_cn }}记录）解决情况：{{ x.state }}",
    )
    b.p("（二）本期新出现的问题与风险", FLUSH)
    b.tag("endif")
    b.each("x in problems", "{{ loop.index }}. {{ x }}")

    b.h1("八、下期工作计划")
    b.each("x in next_steps", "{{ x }}")

    b.h1("九、需协调解决的事项")
    last = b.todo("需市数据局或有关部门协调解决的事项；没有则写“无”")
    last.paragraph_format.keep_with_next = True
    b.p("{{ project.unit }}（盖章）", SIGN)
    b.p("{{ signed_date }}", SIGN_DATE).paragraph_format.keep_with_next = True
    # 附注 (GB/T 9704 7.3.6): below the date, 居左空二字, in parentheses; above the
    # 落款 it would keep the seal more than a line from the 正文 (7.3.5.1)
    b.p("（填报人：{{ project.contact }}，联系电话：{{ project.phone }}）", SIGN_INFO)
    return b


# --------------------------------------------------------------------------- main

TEMPLATES = {
    "fsr.docx": (
        lambda: fsr(merged=False),
        "{{ report.full_title }}",
        "可行性研究报告",
        "可行性研究报告;第十一条",
    ),
    "fsr_merged.docx": (
        lambda: fsr(merged=True),
        "{{ report.full_title }}",
        "可行性研究报告（代初步设计）",
        "可行性研究报告;初步设计;第十条;第十一条",
    ),
    "quarterly.docx": (
        quarterly,
        "{{ report.full_title }}",
        "项目建设进展情况季度报告",
        "季度报告;第十六条",
    ),
}


def build(outdir: Path) -> list[Path]:
    """Each template, and beside it its body precompiled by Jinja (``fsr.body.py``),
    which the reports use instead of compiling the body on every run."""
    from xmgl.reports import render

    outdir.mkdir(parents=True, exist_ok=True)
    written = []
    for name, (make, title, subject, keywords) in TEMPLATES.items():
        path = outdir / name
        make().save(path, title=title, subject=subject, keywords=keywords)
        body = render.body_source_path(path)
        body.write_text(render.compile_body(path), encoding="utf-8")
        written += [path, body]
    return written


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Build templates/*.docx from code.")
    parser.add_argument("--output", type=Path, default=REPO / "templates")
    parser.add_argument("--check", action="store_true", help="compare with --output, write nothing")
    args = parser.parse_args(argv)
    if args.check:
        import tempfile

        with tempfile.TemporaryDirectory() as tmp:
            stale = [
                p.name
                for p in build(Path(tmp))
                if not (args.output / p.name).is_file()
                or (args.output / p.name).read_bytes() != p.read_bytes()
            ]
        if stale:
            print("out of date: " + ", ".join(stale) + " — run tools/build_templates.py")
            return 1
        print("templates up to date")
        return 0
    for path in build(args.output):
        print(f"wrote {path}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
