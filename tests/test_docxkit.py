"""The document toolkit (xmgl.reports): real .docx files, read back; no mocks."""

from __future__ import annotations

import datetime as dt
import subprocess
import sys
import zipfile
from decimal import Decimal
from pathlib import Path

import docx
import pytest
from docx.enum.text import WD_PARAGRAPH_ALIGNMENT
from docx.oxml.ns import qn
from docx.shared import Pt
from lxml import etree

from tests.tools import need, need_soffice
from xmgl.reports import lint, office, render, typography

SPECIAL = "& < > \" ' “”《》、…—"
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
CREATED = dt.datetime(2025, 3, 1, 9, 30, tzinfo=dt.timezone(dt.timedelta(hours=8)))


def make_template(path: Path) -> Path:
    """A small report template: title, TOC, headings, {{ name }} and a {%tr %} table."""
    doc = docx.Document()
    typography.apply_gbt9704(doc)
    typography.set_core_properties(
        doc, title="{{ name }}可行性研究报告", author="xmgl", created=CREATED
    )
    doc.add_paragraph("可行性研究报告", style="Title")
    typography.add_toc(doc)
    doc.add_paragraph("一、项目概述", style="Heading 1")
    doc.add_paragraph("（一）项目名称", style="Heading 2")
    doc.add_paragraph("项目名称：{{ name }}。")
    doc.add_paragraph("1. 投资估算", style="Heading 3")
    table = doc.add_table(rows=4, cols=2)
    for cell, text in zip(table.rows[0].cells, ("项目", "金额（万元）"), strict=True):
        cell.text = text
    table.cell(1, 0).text = "{%tr for r in rows %}"
    table.cell(2, 0).text = "{{ r.item }}"
    table.cell(2, 1).text = "{{ r.amount }}"
    table.cell(3, 0).text = "{%tr endfor %}"
    typography.style_table(table, font_size_pt=12)
    doc.save(path)
    return path


def context(**overrides):
    data = {
        "name": f"智慧政务{SPECIAL}平台",
        "rows": [
            {"item": f"服务器{SPECIAL}", "amount": Decimal("120.50")},
            {"item": "数据库许可", "amount": 80},
        ],
    }
    data.update(overrides)
    return data


@pytest.fixture
def template(tmp_path) -> Path:
    return make_template(tmp_path / "template.docx")


@pytest.fixture
def rendered(template, tmp_path) -> Path:
    return render.render_template(template, context(), tmp_path / "out" / "report.docx")


@pytest.fixture(autouse=True)
def _outdir(tmp_path):
    (tmp_path / "out").mkdir()


def part_xml(path: Path, name: str) -> etree._Element:
    with zipfile.ZipFile(path) as zf:
        return etree.fromstring(zf.read(name))


# --- typography ---------------------------------------------------------------------


def test_heading_text_and_style_survive_rendering(rendered):
    doc = docx.Document(rendered)
    headings = [(p.text, p.style.name) for p in doc.paragraphs if p.style.name.startswith("Head")]
    assert headings == [
        ("一、项目概述", "Heading 1"),
        ("（一）项目名称", "Heading 2"),
        ("1. 投资估算", "Heading 3"),
    ]
    heading = next(p for p in doc.paragraphs if p.text == "一、项目概述")
    assert heading._p.pPr.find(qn("w:pStyle")).get(qn("w:val")) == "Heading1"
    # The font comes from the style, not from direct formatting on the run.
    assert all(r._r.rPr is None or r._r.rPr.find(qn("w:rFonts")) is None for r in heading.runs)


def test_fonts_resolve_through_styles(rendered):
    doc = docx.Document(rendered)
    expected = {
        "Normal": ("仿宋_GB2312", 16, False),
        "Heading 1": ("黑体", 16, False),
        "Heading 2": ("楷体_GB2312", 16, False),
        "Heading 3": ("仿宋_GB2312", 16, True),
        "Heading 4": ("仿宋_GB2312", 16, False),
        "Title": ("方正小标宋简体", 22, False),
        "Footer": ("宋体", 14, False),
    }
    for style, (font, size, bold) in expected.items():
        resolved = typography.resolve_font(doc, style)
        assert (resolved.east_asia, resolved.ascii) == (font, font), style
        assert (resolved.size_pt, resolved.bold) == (size, bold), style
    assert typography.resolve_font(doc, "Heading 1").chain == ("Heading1", "Normal")


def test_no_theme_fonts_or_theme_colours_left_in_styles(rendered):
    styles = part_xml(rendered, "word/styles.xml")
    theme_attrs = {f"{W}{a.split(':')[1]}" for a in typography.THEME_FONT_ATTRS}
    offenders = [
        (el.getparent().getparent().get(f"{W}styleId"), attr)
        for el in styles.iter(f"{W}rFonts")
        for attr in el.attrib
        if attr in theme_attrs
    ]
    assert offenders == []
    for level in range(1, 5):
        style = styles.find(f"{W}style[@{W}styleId='Heading{level}']")
        color = style.find(f"{W}rPr/{W}color")
        assert color.get(f"{W}val") == "000000"
        assert color.get(f"{W}themeColor") is None
        ind = style.find(f"{W}pPr/{W}ind")  # 空二字 like the body (GB/T 9704 7.3.3)
        assert (ind.get(f"{W}firstLineChars"), ind.get(f"{W}firstLine")) == ("200", "640")


def test_page_and_body_paragraph_geometry(rendered):
    doc = docx.Document(rendered)
    section = doc.sections[0]
    assert (round(section.page_width.mm), round(section.page_height.mm)) == (210, 297)
    margins = (section.top_margin, section.left_margin, section.right_margin, section.bottom_margin)
    assert tuple(round(m.mm) for m in margins) == (37, 28, 26, 35)
    normal = part_xml(rendered, "word/styles.xml").find(f"{W}style[@{W}styleId='Normal']")
    ind = normal.find(f"{W}pPr/{W}ind")
    assert (ind.get(f"{W}firstLineChars"), ind.get(f"{W}firstLine")) == ("200", "640")
    spacing = normal.find(f"{W}pPr/{W}spacing")
    assert (spacing.get(f"{W}line"), spacing.get(f"{W}lineRule")) == ("579", "exact")


def test_toc_field_and_update_fields_setting(rendered):
    settings = part_xml(rendered, "word/settings.xml")
    update = settings.find(f"{W}updateFields")
    assert update is not None and update.get(f"{W}val") == "true"
    children = [el.tag for el in settings]
    assert children.index(f"{W}updateFields") < children.index(f"{W}compat")  # schema order
    body = part_xml(rendered, "word/document.xml")
    instructions = [t.text for t in body.iter(f"{W}instrText")]
    assert any(i.strip().startswith('TOC \\o "1-3"') for i in instructions)


def test_footer_has_page_field_between_dashes(rendered):
    doc = docx.Document(rendered)
    footer = doc.sections[0].footer
    assert not footer.is_linked_to_previous
    (paragraph,) = footer.paragraphs
    assert paragraph.text == "— 1 —"  # the cached field result is "1"
    assert paragraph.style.name == "Footer"
    # GB/T 9704 7.5.1: odd pages right, even pages left, 空一字 (one 4号 character)
    assert doc.settings.odd_and_even_pages_header_footer
    (even,) = doc.sections[0].even_page_footer.paragraphs
    assert even.text == "— 1 —"
    assert paragraph.alignment == WD_PARAGRAPH_ALIGNMENT.RIGHT
    assert paragraph.paragraph_format.right_indent == Pt(14)
    assert even.alignment == WD_PARAGRAPH_ALIGNMENT.LEFT
    assert even.paragraph_format.left_indent == Pt(14)
    for p in (paragraph, even):
        assert [t.text.strip() for t in p._p.iter(qn("w:instrText"))] == ["PAGE"]
        kinds = [f.get(qn("w:fldCharType")) for f in p._p.iter(qn("w:fldChar"))]
        assert kinds == ["begin", "separate", "end"]


def test_table_rows_from_list_with_repeating_bold_header(rendered):
    (table,) = docx.Document(rendered).tables
    assert [[c.text for c in row.cells] for row in table.rows] == [
        ["项目", "金额（万元）"],
        [f"服务器{SPECIAL}", "120.50"],
        ["数据库许可", "80"],
    ]
    header, *body = table.rows
    assert header._tr.trPr.find(qn("w:tblHeader")) is not None
    assert all(r._tr.trPr is None or r._tr.trPr.find(qn("w:tblHeader")) is None for r in body)
    doc = docx.Document(rendered)
    head_style = header.cells[0].paragraphs[0].style.name
    body_style = body[0].cells[0].paragraphs[0].style.name
    assert typography.resolve_font(doc, head_style).bold
    assert typography.resolve_font(doc, body_style).size_pt == 12
    assert not typography.resolve_font(doc, body_style).bold
    with pytest.raises(ValueError, match="表格字号"):
        typography.style_table(table, font_size_pt=13)


def test_core_properties_are_deliberate(rendered):
    props = docx.Document(rendered).core_properties
    assert props.author == "xmgl" and props.last_modified_by == "xmgl"
    assert props.comments == ""
    assert props.created == dt.datetime(2025, 3, 1, 1, 30, tzinfo=dt.UTC)  # 09:30 +08:00
    assert props.modified == props.created
    with zipfile.ZipFile(rendered) as zf:
        names = zf.namelist()
    assert not any("thumbnail" in n or "stylesWithEffects" in n for n in names)
    with pytest.raises(ValueError, match="时区"):
        typography.set_core_properties(
            docx.Document(), title="t", author="a", created=dt.datetime(2025, 1, 1)
        )


def test_every_xml_part_parses_strictly(rendered):
    strict = etree.XMLParser(recover=False, resolve_entities=False)
    with zipfile.ZipFile(rendered) as zf:
        parts = [n for n in zf.namelist() if n.endswith((".xml", ".rels"))]
        assert "word/document.xml" in parts and "word/footer1.xml" in parts
        for name in parts:
            etree.fromstring(zf.read(name), parser=strict)


def test_font_table_names_fallbacks(rendered):
    fonts = part_xml(rendered, "word/fontTable.xml")
    alt = {
        f.get(f"{W}name"): f.find(f"{W}altName").get(f"{W}val")
        for f in fonts.findall(f"{W}font")
        if f.find(f"{W}altName") is not None
    }
    assert alt["仿宋_GB2312"] == "仿宋" and alt["楷体_GB2312"] == "楷体"


# --- render -------------------------------------------------------------------------


def test_special_characters_render_verbatim(rendered):
    doc = docx.Document(rendered)
    assert f"项目名称：智慧政务{SPECIAL}平台。" in [p.text for p in doc.paragraphs]
    assert doc.tables[0].cell(1, 0).text == f"服务器{SPECIAL}"
    # Core properties are rendered too, without XML-escaping them twice.
    assert doc.core_properties.title == f"智慧政务{SPECIAL}平台可行性研究报告"


def test_undefined_variable_is_an_error_naming_it(template, tmp_path):
    target = tmp_path / "out" / "r.docx"
    data = context()
    del data["name"]
    with pytest.raises(render.UndefinedVariableError, match="name") as info:
        render.render_template(template, data, target)
    assert info.value.name == "name"
    assert not target.exists()
    rows = [{"item": "缺少金额"}]
    with pytest.raises(render.UndefinedVariableError, match="amount"):
        render.render_template(template, context(rows=rows), target)


@pytest.mark.parametrize(
    ("value", "key_path"),
    [
        (Path("/etc/passwd"), "rows[1].amount"),
        (1.5, "rows[1].amount"),
        (object(), "rows[1].amount"),
        (("tuple",), "rows[1].amount"),
        (__import__("markupsafe").Markup("<w:br/>"), "rows[1].amount"),
    ],
)
def test_non_plain_values_are_rejected(template, tmp_path, value, key_path):
    rows = [{"item": "a", "amount": 1}, {"item": "b", "amount": value}]
    with pytest.raises(render.UnsupportedValueError) as info:
        render.render_template(template, context(rows=rows), tmp_path / "out" / "r.docx")
    assert info.value.key_path == key_path
    assert key_path in str(info.value)


def test_plain_values_of_every_allowed_type_pass():
    render.validate_context(
        {
            "s": "文本",
            "i": 3,
            "b": True,
            "d": Decimal("1.20"),
            "day": dt.date(2025, 1, 1),
            "at": dt.datetime(2025, 1, 1, 8, 0),
            "none": None,
            "nested": [{"k": ["v", 1]}],
        }
    )


def test_cycles_in_context_are_rejected():
    loop: list = []
    loop.append(loop)
    with pytest.raises(render.UnsupportedValueError, match="循环"):
        render.validate_context({"x": loop})


@pytest.mark.parametrize("char", ["\x00", "\x08", "\x0b", "\x0c", "\x0e", "\x1f"])
def test_control_characters_are_rejected_with_key_path(template, tmp_path, char):
    rows = [{"item": f"服务器{char}", "amount": 1}]
    target = tmp_path / "out" / "r.docx"
    with pytest.raises(render.IllegalCharacterError) as info:
        render.render_template(template, context(rows=rows), target)
    assert info.value.key_path == "rows[0].item"
    assert f"U+{ord(char):04X}" in str(info.value)
    assert not target.exists()


def test_existing_target_is_not_overwritten_without_force(template, tmp_path):
    target = tmp_path / "out" / "r.docx"
    render.render_template(template, context(), target)
    before = target.read_bytes()
    with pytest.raises(render.TargetExistsError) as info:
        render.render_template(template, context(name="另一个项目"), target)
    assert info.value.path == target
    assert target.read_bytes() == before
    render.render_template(template, context(name="另一个项目"), target, force=True)
    assert "项目名称：另一个项目。" in [p.text for p in docx.Document(target).paragraphs]
    assert [p.name for p in target.parent.iterdir()] == ["r.docx"]  # no temp files left


def test_sandbox_refuses_unsafe_attribute_access(tmp_path):
    doc = docx.Document()
    doc.add_paragraph("{{ name.__class__.__mro__ }}")
    doc.save(tmp_path / "evil.docx")
    with pytest.raises(render.UnsafeTemplateError):
        render.render_template(tmp_path / "evil.docx", {"name": "x"}, tmp_path / "out" / "e.docx")


def test_escaping_cannot_be_switched_off_to_truncate_the_document(tmp_path):
    doc = docx.Document()
    doc.add_paragraph("{% autoescape false %}{{ name }}{% endautoescape %}")
    doc.add_paragraph("后面的内容")
    doc.save(tmp_path / "raw.docx")
    target = tmp_path / "out" / "raw-out.docx"
    with pytest.raises(render.OutputXmlError):
        render.render_template(tmp_path / "raw.docx", {"name": "A & B"}, target)
    assert not target.exists()
    doc.paragraphs[0].text = "{{ name|safe }}"
    doc.save(tmp_path / "safe.docx")
    with pytest.raises(render.TemplateSyntaxError, match="safe"):
        render.render_template(tmp_path / "safe.docx", {"name": "A & B"}, target)


def test_unreadable_templates_are_template_open_errors(tmp_path):
    (tmp_path / "text.docx").write_text("不是 Word 文档")
    with zipfile.ZipFile(tmp_path / "other.docx", "w") as zf:
        zf.writestr("a.txt", "zip, but no Word document in it")
    for name in ("nope.docx", "text.docx", "other.docx"):
        with pytest.raises(render.TemplateOpenError):
            render.render_template(tmp_path / name, {}, tmp_path / "out" / "x.docx")
        with pytest.raises(render.TemplateOpenError):
            lint.lint_template(tmp_path / name)


# --- lint -----------------------------------------------------------------------------


def codes(findings):
    return [f.code for f in findings]


def test_clean_template_has_no_findings(template):
    assert lint.lint_template(template, {"name", "rows"}) == []


def test_lint_tag_split_across_runs(tmp_path):
    doc = docx.Document()
    p = doc.add_paragraph("项目名称：")
    p.add_run("{{ na")
    p.add_run("me }}").bold = True
    doc.save(tmp_path / "t.docx")
    (finding,) = lint.lint_template(tmp_path / "t.docx", {"name"})
    assert (finding.code, finding.severity) == (lint.SPLIT_TAG, lint.WARNING)
    assert (finding.location, finding.text) == ("正文第1段", "{{ name }}")


def test_lint_fullwidth_braces(tmp_path):
    doc = docx.Document()
    doc.add_paragraph("说明")
    doc.add_paragraph("金额：｛｛ amount ｝｝万元")
    doc.add_paragraph("{％ if x ％}")
    doc.save(tmp_path / "t.docx")
    findings = lint.lint_template(tmp_path / "t.docx", set())
    assert codes(findings) == [lint.FULLWIDTH_BRACES, lint.FULLWIDTH_BRACES]
    assert [f.location for f in findings] == ["正文第2段", "正文第3段"]
    assert "｛｛ amount ｝｝" in findings[0].text


def test_lint_several_block_tags_in_one_paragraph(tmp_path):
    doc = docx.Document()
    doc.add_paragraph("{%p if show %}可选段落{%p endif %}")
    doc.save(tmp_path / "t.docx")
    findings = lint.lint_template(tmp_path / "t.docx", {"show"})
    multiple = [f for f in findings if f.code == lint.MULTIPLE_BLOCK_TAGS]
    assert len(multiple) == 1 and multiple[0].severity == lint.ERROR
    assert multiple[0].text == "{%p if show %} {%p endif %}"
    assert lint.TEXT_BESIDE_STRUCTURAL_TAG in codes(findings)


def test_lint_inline_block_tags_are_only_a_warning(tmp_path):
    doc = docx.Document()
    doc.add_paragraph("{% if a %}甲{% else %}乙{% endif %}")
    doc.save(tmp_path / "t.docx")
    (finding,) = lint.lint_template(tmp_path / "t.docx", {"a"})
    assert (finding.code, finding.severity) == (lint.MULTIPLE_BLOCK_TAGS, lint.WARNING)


def test_lint_unknown_variables_but_not_loop_variables(tmp_path):
    doc = docx.Document()
    doc.add_paragraph("{{ name }}")
    table = doc.add_table(rows=3, cols=1)
    table.cell(0, 0).text = "{%tr for r in rows %}"
    table.cell(1, 0).text = "{{ loop.index }}. {{ r.item }} {{ projct.code }}"
    table.cell(2, 0).text = "{%tr endfor %}"
    doc.sections[0].header.paragraphs[0].text = "{{ unit }}"
    doc.save(tmp_path / "t.docx")
    findings = lint.lint_template(tmp_path / "t.docx", {"name", "rows"})
    assert [(f.code, f.text, f.location) for f in findings] == [
        (lint.UNKNOWN_VARIABLE, "{{ projct.code }}", "正文 表格1 第2行第1列"),
        (lint.UNKNOWN_VARIABLE, "{{ unit }}", "页眉（header1.xml）第1段"),
    ]
    assert lint.lint_template(tmp_path / "t.docx") == []  # no known set: no check


def test_lint_unbalanced_and_syntax_errors(tmp_path):
    doc = docx.Document()
    doc.add_paragraph("{{ name ")
    doc.add_paragraph("{{ 1 + }}")
    doc.save(tmp_path / "t.docx")
    findings = lint.lint_template(tmp_path / "t.docx", {"name"})
    assert codes(findings) == [lint.UNBALANCED_TAG, lint.SYNTAX_ERROR]
    assert findings[0].location == "正文第1段"
    assert findings[1].message.startswith("模板语法错误")


# --- LibreOffice end to end -------------------------------------------------------------


def test_import_of_the_package_loads_no_document_libraries():
    code = (
        "import sys, xmgl.reports; print(sorted({'docx', 'docxtpl', 'jinja2'} & set(sys.modules)))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


def test_pdf_shows_heading_and_special_characters(rendered, tmp_path):
    need_soffice()
    need("pdftotext", "pdftoppm")
    pdf = office.convert_to_pdf(rendered, tmp_path / "pdf")
    assert pdf == tmp_path / "pdf" / "report.pdf"
    text = office.pdf_text(pdf)
    assert "一、项目概述" in text
    assert "智慧政务" in text
    for char in SPECIAL.replace(" ", ""):
        assert char in text, char
    pages = office.pdf_to_png(pdf, tmp_path / "png")
    assert pages and pages[0].name == "report-1.png" and pages[0].stat().st_size > 0


def test_conversion_errors_are_office_errors(rendered, tmp_path):
    with pytest.raises(office.OfficeError, match="找不到"):
        office.convert_to_pdf(tmp_path / "missing.docx", tmp_path / "pdf")
    need_soffice()
    with pytest.raises(office.OfficeError, match="超时"):
        office.convert_to_pdf(rendered, tmp_path / "pdf", timeout=0.2)
