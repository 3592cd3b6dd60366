"""GB/T 9704-2012 typography for python-docx documents (党政机关公文格式).

Apply :func:`apply_gbt9704` to a fresh ``docx.Document()`` (or to a template being
prepared) and the document gets A4 pages with the standard margins, the body,
title and four heading levels in the fonts staff expect, "— N —" page numbers and
a font table that tells Word/WPS which font to use when 仿宋_GB2312 & co. are not
installed. :func:`add_toc`, :func:`style_table` and :func:`set_core_properties`
cover the rest of a report skeleton; :func:`resolve_font` reads back what a style
really resolves to.

Why not just ``style.font.name = …``: python-docx writes only ``w:ascii`` and
``w:hAnsi``, so Chinese text keeps the theme's east-Asian font; and the built-in
heading styles carry ``w:asciiTheme``/``w:eastAsiaTheme`` attributes that win over
explicit names. Every ``w:rFonts`` here therefore gets all four names and loses
its theme attributes. python-docx's default template also says the theme's
east-Asian language is ja-JP (Chinese text falls back to a Japanese font) and
ships a thumbnail of an unrelated page; both are corrected.
"""

from __future__ import annotations

import copy
import datetime as dt
from dataclasses import dataclass
from typing import TYPE_CHECKING

from docx.enum.section import WD_ORIENT
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.table import WD_CELL_VERTICAL_ALIGNMENT, WD_TABLE_ALIGNMENT
from docx.enum.text import WD_LINE_SPACING, WD_PARAGRAPH_ALIGNMENT
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm, Pt, RGBColor
from lxml import etree

if TYPE_CHECKING:
    from docx.document import Document
    from docx.styles.style import BaseStyle, ParagraphStyle
    from docx.table import Table
    from docx.text.paragraph import Paragraph

# --- the convention -----------------------------------------------------------

FONT_BODY = "仿宋_GB2312"  # 3号仿宋: body text
FONT_TITLE = "方正小标宋简体"  # 2号小标宋: document title
FONT_HEADING_1 = "黑体"  # 一、
FONT_HEADING_2 = "楷体_GB2312"  # （一）
FONT_PAGE_NUMBER = "宋体"  # 4号宋体 page numbers

SIZE_BODY = Pt(16)  # 3号
SIZE_TITLE = Pt(22)  # 2号
SIZE_PAGE_NUMBER = Pt(14)  # 4号
LINE_PITCH = Pt(28.95)  # fixed line spacing: 22 lines in the 225 mm text block
FIRST_LINE_CHARS = 200  # two characters, in hundredths of a character
EM_DASH = "\u2014"  # 一字线 either side of the page number

#: (style name, font, bold) for the four heading levels; sizes are all 3号.
HEADING_LEVELS = (
    ("Heading 1", FONT_HEADING_1, False),  # 一、 黑体
    ("Heading 2", FONT_HEADING_2, False),  # （一） 楷体
    ("Heading 3", FONT_BODY, True),  # 1. 仿宋 (bold)
    ("Heading 4", FONT_BODY, False),  # （1） 仿宋
)

#: Cell font sizes style_table accepts, by their Chinese size names.
TABLE_FONT_SIZES = {10.5: "五号", 12: "小四", 14: "四号", 16: "三号"}

#: Font-table entries: font name -> (alternative name Word/WPS substitute, family).
#: 仿宋_GB2312 and 楷体_GB2312 are missing on many newer Windows installations,
#: which carry 仿宋/楷体 instead; 方正小标宋简体 is a commercial font.
FONT_FALLBACKS = {
    FONT_BODY: ("仿宋", "modern"),
    FONT_HEADING_2: ("楷体", "modern"),
    FONT_TITLE: ("宋体", "roman"),
    FONT_HEADING_1: ("SimHei", "modern"),
    FONT_PAGE_NUMBER: ("SimSun", "roman"),
    "仿宋": ("FangSong", "modern"),
    "楷体": ("KaiTi", "modern"),
}

THEME_FONT_ATTRS = ("w:asciiTheme", "w:eastAsiaTheme", "w:hAnsiTheme", "w:cstheme")

_FONT_TABLE_RELTYPE = (
    "http://schemas.openxmlformats.org/officeDocument/2006/relationships/fontTable"
)
_THUMBNAIL_RELTYPE = (
    "http://schemas.openxmlformats.org/package/2006/relationships/metadata/thumbnail"
)
_STYLES_WITH_EFFECTS_RELTYPE = (
    "http://schemas.microsoft.com/office/2007/relationships/stylesWithEffects"
)
# w:settings children that must follow w:updateFields (ECMA-376 CT_Settings order).
_SETTINGS_AFTER_UPDATE_FIELDS = (
    "w:hdrShapeDefaults",
    "w:footnotePr",
    "w:endnotePr",
    "w:compat",
    "w:docVars",
    "w:rsids",
    "m:mathPr",
    "w:attachedSchema",
    "w:themeFontLang",
    "w:clrSchemeMapping",
    "w:doNotIncludeSubdocsInStats",
    "w:doNotAutoCompressPictures",
    "w:forceUpgrade",
    "w:captions",
    "w:readModeInkLockDown",
    "w:smartTagType",
    "sl:schemaLibrary",
    "w:shapeDefaults",
    "w:doNotEmbedSmartTags",
    "w:decimalSymbol",
    "w:listSeparator",
)
#: The children of ``w:rPr`` in the order ECMA-376 requires (CT_RPr); every insertion
#: into a run's properties takes its "before" list from here.
RPR_ORDER = (
    "w:rStyle", "w:rFonts", "w:b", "w:bCs", "w:i", "w:iCs", "w:caps", "w:smallCaps",
    "w:strike", "w:dstrike", "w:outline", "w:shadow", "w:emboss", "w:imprint", "w:noProof",
    "w:snapToGrid", "w:vanish", "w:webHidden", "w:color", "w:spacing", "w:w", "w:kern",
    "w:position", "w:sz", "w:szCs", "w:highlight", "w:u", "w:effect", "w:bdr", "w:shd",
    "w:fitText", "w:vertAlign", "w:rtl", "w:cs", "w:em", "w:lang", "w:eastAsianLayout",
    "w:specVanish", "w:oMath",
)  # fmt: skip


def rpr_after(tag: str) -> tuple[str, ...]:
    """The ``w:rPr`` children that must come after ``tag``."""
    return RPR_ORDER[RPR_ORDER.index(tag) + 1 :]


def run_rpr(r: etree._Element) -> etree._Element:
    """The ``w:rPr`` of the run ``r``, added as its first child if it has none."""
    rpr = r.find(qn("w:rPr"))
    if rpr is None:
        rpr = r.makeelement(qn("w:rPr"), {})
        r.insert(0, rpr)
    return rpr


def one_content_each(r: etree._Element) -> list[etree._Element]:
    """Split a run holding more than one piece of content (text, line break, text:
    python-docx writes "a\\nb" so; a tab and text) into one run per piece; returns
    the runs. A run that is split for part of its text (a token, a placeholder) is
    copied whole for each part, so it must hold only that text."""
    content = [c for c in r if c.tag != _RPR_TAG]
    if len(content) < 2:
        return [r]
    pieces = []
    for child in content:
        new = copy.deepcopy(r)
        for c in list(new):
            if c.tag != _RPR_TAG:
                new.remove(c)
        new.append(copy.deepcopy(child))
        r.addprevious(new)
        pieces.append(new)
    r.getparent().remove(r)
    return pieces


_RPR_TAG = qn("w:rPr")


def rpr_child(rpr: etree._Element, tag: str) -> etree._Element:
    """The ``tag`` child of the run properties ``rpr`` (a run's or a style's), added
    in the place ECMA-376 requires if it is not there yet."""
    child = rpr.find(qn(tag))
    if child is None:
        child = rpr.makeelement(qn(tag), {})
        rpr.insert_element_before(child, *rpr_after(tag))
    return child


_TRPR_ORDER = (
    "w:cnfStyle",
    "w:divId",
    "w:gridBefore",
    "w:gridAfter",
    "w:wBefore",
    "w:wAfter",
    "w:cantSplit",
    "w:trHeight",
    "w:tblHeader",
    "w:tblCellSpacing",
    "w:jc",
    "w:hidden",
    "w:ins",
    "w:del",
    "w:trPrChange",
)


# --- whole document -----------------------------------------------------------


def apply_gbt9704(doc: Document) -> None:
    """Give ``doc`` the GB/T 9704 page, styles, font fallbacks and page numbers."""
    set_page_layout(doc)
    setup_styles(doc)
    add_font_fallbacks(doc)
    add_page_number_footer(doc)
    _drop_template_leftovers(doc)


def set_page_layout(doc: Document) -> None:
    """A4 portrait; margins top 37, left (binding) 28, right 26, bottom 35 mm."""
    for section in doc.sections:
        _page_geometry(section, landscape=False)
        set_doc_grid(section)


#: Margins (top, right, bottom, left) of a portrait page, mm: the 156 × 225 mm
#: text block (GB/T 9704 5.2.1).
MARGINS_MM = (37, 26, 35, 28)
#: Footer distance: the dash line of the page number sits 7 mm below the text block.
FOOTER_MM = 21


def _page_geometry(section, *, landscape: bool) -> None:
    """A4 with the GB/T 9704 text block. A landscape page (a 横排表格, GB/T 9704 8)
    is the portrait page turned so that the table's head is at the binding edge:
    its top margin is the portrait page's left one, its left margin the bottom one."""
    top, right, bottom, left = MARGINS_MM
    if landscape:
        section.orientation = WD_ORIENT.LANDSCAPE
        section.page_width, section.page_height = Mm(297), Mm(210)
        top, right, bottom, left = left, top, right, bottom
    else:
        section.orientation = WD_ORIENT.PORTRAIT
        section.page_width, section.page_height = Mm(210), Mm(297)
    section.top_margin, section.bottom_margin = Mm(top), Mm(bottom)
    section.left_margin, section.right_margin = Mm(left), Mm(right)
    section.gutter = Mm(0)
    section.header_distance = Mm(15)
    section.footer_distance = Mm(FOOTER_MM)


def add_section(doc: Document, *, landscape: bool = False):
    """A new section on a new page, A4 with the GB/T 9704 text block, portrait or
    landscape (for a wide table). Its page numbers print where every other page
    has them (GB/T 9704 8: "页码位置与公文其他页码保持一致"): on a landscape page
    turned to read the table, along its left edge, reading downwards."""
    from docx.enum.section import WD_SECTION

    section = doc.add_section(WD_SECTION.NEW_PAGE)
    _page_geometry(section, landscape=landscape)
    set_doc_grid(section)
    section.different_first_page_header_footer = False  # a cover's, copied along
    first = doc.sections[0]
    if landscape:
        _turned_page_numbers(first, section)
    else:  # the portrait pages' own footers, not the last (landscape) section's
        sect_pr = section._sectPr
        for ref in sect_pr.findall(qn("w:footerReference")):
            sect_pr.remove(ref)
        for ref in reversed(first._sectPr.findall(qn("w:footerReference"))):
            sect_pr.insert(0, copy.deepcopy(ref))  # references come first in sectPr
    return section


#: A VML text box, its text turned 90° clockwise (``layout-flow:vertical``), at a
#: position on the page; Word, WPS and LibreOffice place it alike (a DrawingML
#: box in a footer loses its offsets in LibreOffice, and its vertical text moves).
_TURNED_NUMBER = (
    '<w:r xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
    ' xmlns:v="urn:schemas-microsoft-com:vml" xmlns:o="urn:schemas-microsoft-com:office:office">'
    '<w:pict><v:shapetype id="_x0000_t202" coordsize="21600,21600" o:spt="202"'
    ' path="m,l,21600r21600,l21600,xe"><v:stroke joinstyle="miter"/>'
    '<v:path gradientshapeok="t" o:connecttype="rect"/></v:shapetype>'
    '<v:shape id="{id}" type="#_x0000_t202"'
    ' style="position:absolute;margin-left:{x:.2f}pt;margin-top:{y:.2f}pt;width:{w:.2f}pt;'
    "height:{h:.2f}pt;z-index:1;mso-position-horizontal-relative:page;"
    'mso-position-vertical-relative:page" filled="f" stroked="f">'
    '<v:textbox style="layout-flow:vertical" inset="0,0,0,0"><w:txbxContent/>'
    "</v:textbox></v:shape></w:pict></w:r>"
)


def _turned_page_numbers(portrait, section) -> None:
    """The page-number footers of the landscape ``section``: the ``portrait``
    section's "— N —" paragraphs, each in a text box turned 90° (reading
    downwards) that lies where the portrait footer lies on the turned page: its
    line's foot 21 mm from the left edge (the portrait bottom), along the 156 mm
    between the top and bottom margins (the portrait left and right ones), so the
    odd pages' number is near the bottom, the even pages' near the top, 空一字."""
    right, left = Mm(MARGINS_MM[1]).pt, Mm(MARGINS_MM[3]).pt
    for n, (footer, source) in enumerate(
        ((section.footer, portrait.footer), (section.even_page_footer, portrait.even_page_footer))
    ):
        footer.is_linked_to_previous = False
        p = footer.paragraphs[0]._p
        for extra in footer.paragraphs[1:]:
            extra._p.getparent().remove(extra._p)
        for child in list(p):
            if child.tag != qn("w:pPr"):
                p.remove(child)
        run = etree.fromstring(
            _TURNED_NUMBER.format(
                id=f"PageNumber{n + 1}",
                x=Mm(FOOTER_MM).pt,
                y=left,
                w=SIZE_PAGE_NUMBER.pt * 1.3,  # one line of 4号
                h=Mm(210).pt - left - right,
            )
        )
        run.find(f".//{qn('w:txbxContent')}").append(copy.deepcopy(source.paragraphs[0]._p))
        p.append(run)


#: 28 characters in the 156 mm line: a character pitch of 156 mm / 28 ≈ 15.79 pt.
CHARS_PER_LINE = 28
LINES_PER_PAGE = 22
TEXT_WIDTH = Mm(156)


def char_space() -> int:
    """``w:charSpace``: the character pitch minus the 3号 body size, in 1/4096 pt
    (Word's "每行 28 字" writes the same), rounded down so 28 always fit."""
    import math

    pitch = TEXT_WIDTH.pt / CHARS_PER_LINE
    return math.floor((pitch - SIZE_BODY.pt) * 4096)


def set_doc_grid(section) -> None:
    """``w:docGrid`` type linesAndChars: 22 lines of 28.95 pt, 28 characters a line."""
    sect_pr = section._sectPr
    grid = sect_pr.find(qn("w:docGrid"))
    if grid is None:
        grid = OxmlElement("w:docGrid")
        sect_pr.append(grid)  # the last child CT_SectPr allows here (before sectPrChange)
    for attr in list(grid.attrib):
        del grid.attrib[attr]
    grid.set(qn("w:type"), "linesAndChars")
    grid.set(qn("w:linePitch"), str(round(LINE_PITCH.pt * 20)))
    grid.set(qn("w:charSpace"), str(char_space()))


def setup_styles(doc: Document) -> None:
    """Body, title, headings, header/footer and TOC styles, with no theme fonts."""
    styles_el = doc.styles.element
    # Theme attributes win over explicit names; no style may keep them.
    for rfonts in styles_el.iter(qn("w:rFonts")):
        _strip_theme_fonts(rfonts)
    _setup_doc_defaults(doc)

    normal = doc.styles["Normal"]
    _set_fonts(normal, FONT_BODY, SIZE_BODY)
    pf = normal.paragraph_format
    pf.alignment = WD_PARAGRAPH_ALIGNMENT.JUSTIFY
    pf.line_spacing = LINE_PITCH  # a Length means lineRule="exact"
    pf.space_before = pf.space_after = Pt(0)
    pf.widow_control = False  # keeps the 22-line grid
    _set_first_line_chars(normal, FIRST_LINE_CHARS, SIZE_BODY)
    _condense(normal)
    _no_snap(normal)

    title = _paragraph_style(doc, "Title")
    _set_fonts(title, FONT_TITLE, SIZE_TITLE, bold=False)
    ppr = title.element.get_or_add_pPr()
    for child in ppr.findall(qn("w:pBdr")) + ppr.findall(qn("w:contextualSpacing")):
        ppr.remove(child)
    rpr = title.element.get_or_add_rPr()
    for tag in ("w:spacing", "w:kern"):
        for child in rpr.findall(qn(tag)):
            rpr.remove(child)
    title.paragraph_format.alignment = WD_PARAGRAPH_ALIGNMENT.CENTER
    title.paragraph_format.line_spacing = Pt(35)  # a 22 pt title needs more than 28.95
    title.paragraph_format.space_before = Pt(0)
    title.paragraph_format.space_after = LINE_PITCH  # one empty line before the body
    _set_first_line_chars(title, 0)

    for level, (name, font, bold) in enumerate(HEADING_LEVELS, start=1):
        style = _paragraph_style(doc, name, outline_level=level - 1)
        _set_fonts(style, font, SIZE_BODY, bold=bold)
        style.hidden = False
        style.quick_style = True
        spf = style.paragraph_format
        spf.line_spacing = LINE_PITCH
        spf.space_before = spf.space_after = Pt(0)
        spf.keep_with_next = True
        # GB/T 9704 7.3.3: every paragraph of the 正文 (the 一、（一）1.（1） headings
        # are paragraphs of it) starts 空二字 and wraps flush left
        _set_first_line_chars(style, FIRST_LINE_CHARS, SIZE_BODY)
        linked = _linked_style(doc, style)
        if linked is not None:
            _set_fonts(linked, font, SIZE_BODY, bold=bold)

    for name in ("Header", "Footer"):
        style = _paragraph_style(doc, name)
        style.paragraph_format.line_spacing_rule = WD_LINE_SPACING.SINGLE
        _set_first_line_chars(style, 0)
    _set_fonts(doc.styles["Footer"], FONT_PAGE_NUMBER, SIZE_PAGE_NUMBER)
    doc.styles["Footer"].paragraph_format.alignment = WD_PARAGRAPH_ALIGNMENT.CENTER

    toc_heading = _paragraph_style(doc, "TOC Heading", base="Heading 1", outline_level=9)
    toc_heading.paragraph_format.alignment = WD_PARAGRAPH_ALIGNMENT.CENTER
    _set_first_line_chars(toc_heading, 0)  # centred: no indent from Heading 1
    for level in range(1, 4):
        toc = _paragraph_style(doc, f"toc {level}")
        toc.paragraph_format.left_indent = SIZE_BODY * 2 * (level - 1)
        _set_first_line_chars(toc, 0)


#: Character spacing of body text in 1/20 pt (−0.3 pt): 28 characters of 15.7 pt
#: fill the 156 mm line (439.6 of 442.2 pt) and a 29th does not fit. −0.25 pt is
#: too little for LibreOffice, which then sets 27.
CONDENSE_TWIPS = -6


def _condense(style: BaseStyle) -> None:
    rpr_child(style.element.get_or_add_rPr(), "w:spacing").set(qn("w:val"), str(CONDENSE_TWIPS))


def _no_snap(style: BaseStyle) -> None:
    """``w:snapToGrid="0"``: text is laid out by its own spacing, not snapped to the
    grid. LibreOffice gives a 16 pt character two cells of a 15.79 pt character grid
    (14 characters a line); unsnapped, the condensed 3号 text runs 28 to a line and
    the exact 28.95 pt line spacing gives the 22 lines, in LibreOffice and Word."""
    ppr = style.element.get_or_add_pPr()
    snap = ppr.find(qn("w:snapToGrid"))
    if snap is None:
        snap = OxmlElement("w:snapToGrid")
        ppr.insert_element_before(
            snap,
            "w:spacing",
            "w:ind",
            "w:contextualSpacing",
            "w:mirrorIndents",
            "w:suppressOverlap",
            "w:jc",
            "w:textDirection",
            "w:textAlignment",
            "w:textboxTightWrap",
            "w:outlineLvl",
            "w:divId",
            "w:cnfStyle",
            "w:rPr",
            "w:sectPr",
            "w:pPrChange",
        )
    snap.set(qn("w:val"), "0")


def add_font_fallbacks(doc: Document) -> None:
    """Add ``w:altName`` entries to word/fontTable.xml for the Chinese fonts used.

    A run can name only one font; the font table is where OOXML says what to use
    instead. Entries the table already has are left as they are.
    """
    part = _font_table_part(doc)
    if part is None:
        return
    # python-docx loads fontTable.xml as an opaque part; edit its bytes.
    is_xml_part = hasattr(part, "_element")
    root = part._element if is_xml_part else etree.fromstring(part.blob)
    present = {el.get(qn("w:name")) for el in root.findall(qn("w:font"))}
    for name, (alt, family) in FONT_FALLBACKS.items():
        if name in present:
            continue
        font = etree.SubElement(root, qn("w:font"), {qn("w:name"): name})
        etree.SubElement(font, qn("w:altName"), {qn("w:val"): alt})
        etree.SubElement(font, qn("w:charset"), {qn("w:val"): "86"})  # GB2312
        etree.SubElement(font, qn("w:family"), {qn("w:val"): family})
        etree.SubElement(font, qn("w:pitch"), {qn("w:val"): "variable"})
    if not is_xml_part:
        part._blob = etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)


def add_page_number_footer(doc: Document) -> None:
    """Footer "— N —" in every section: a PAGE field, 4号半角宋体 (GB/T 9704 7.5.1):
    odd pages at the right, even pages at the left, each 空一字 from the edge."""
    doc.settings.odd_and_even_pages_header_footer = True
    for section in doc.sections:
        for footer, align in (
            (section.footer, WD_PARAGRAPH_ALIGNMENT.RIGHT),
            (section.even_page_footer, WD_PARAGRAPH_ALIGNMENT.LEFT),
        ):
            footer.is_linked_to_previous = False
            paragraphs = footer.paragraphs
            for extra in paragraphs[1:]:
                extra._p.getparent().remove(extra._p)
            p = paragraphs[0]
            for child in list(p._p):
                if child.tag != qn("w:pPr"):
                    p._p.remove(child)
            p.style = doc.styles["Footer"]
            pf = p.paragraph_format
            pf.alignment = align
            if align == WD_PARAGRAPH_ALIGNMENT.RIGHT:
                pf.right_indent = SIZE_PAGE_NUMBER  # 空一字
            else:
                pf.left_indent = SIZE_PAGE_NUMBER
            p.add_run(f"{EM_DASH} ")
            _add_field(p, "PAGE", "1")
            p.add_run(f" {EM_DASH}")


# --- 落款 (GB/T 9704 7.3.5) -----------------------------------------------------

#: 7.3.5.1, 加盖印章的公文 (the form the reports use: "单位（盖章）"): 成文日期一般
#: 右空四字; 发文机关署名在成文日期之上、以成文日期为准居中. A unit too long to be
#: centred over a date 右空四字 is 右空二字 instead, the date centred under it.
SIGN_DATE_INSET = 4
SIGN_UNIT_INSET = 2
#: Body text before the 落款: two empty lines (the seal's top is then within one
#: line of the 正文, 7.3.5.1, and does not cover it).
SIGN_SPACE_BEFORE = 2


#: Widths in em that place the 落款, a best estimate (not a bound: the line-break
#: rules err wide, this must not): a Chinese character; a digit or Latin letter
#: (half-width in 仿宋 and 宋体, a little wider in the fonts LibreOffice
#: substitutes); the space Word and LibreOffice put where Chinese meets a digit.
_SIGN_CJK_EM, _SIGN_LATIN_EM, _SIGN_AUTOSPACE_EM = 1.0, 0.6, 0.25


def printed_width_pt(text: str, size_pt: float = SIZE_BODY.pt) -> float:
    """About how wide ``text`` prints in a body-style (condensed) paragraph."""
    wide = [ord(ch) >= 0x2E80 for ch in text]
    ems = sum(_SIGN_CJK_EM if w else _SIGN_LATIN_EM for w in wide)
    ems += _SIGN_AUTOSPACE_EM * sum(1 for a, b in zip(wide, wide[1:], strict=False) if a != b)
    return ems * size_pt + len(text) * CONDENSE_TWIPS / 20


def sign_off_indents(unit: str, date: str) -> tuple[float, float]:
    """(left, right) indent in pt that both 落款 paragraphs get, centred: the
    common centre where 7.3.5.1 puts it, and one character of room either side of
    the longer line, so an edited unit or date stays centred and on one line."""
    one = SIZE_BODY.pt
    unit_w, date_w = printed_width_pt(unit), printed_width_pt(date)
    # the centre's distance from the right edge of the text block
    centre = max(SIGN_DATE_INSET * one + date_w / 2, SIGN_UNIT_INSET * one + unit_w / 2)
    half = max(unit_w, date_w) / 2 + one
    return max(TEXT_WIDTH.pt - centre - half, 0), centre - half


def place_sign_off(unit_p: etree._Element, date_p: etree._Element) -> None:
    """Place the 落款 paragraphs ``unit_p`` (the unit) and ``date_p`` (the date
    below it) as GB/T 9704 7.3.5.1 says, whatever their styles say."""

    def text(p):
        return "".join(t.text or "" for t in p.iter(qn("w:t")))

    left, right = sign_off_indents(text(unit_p), text(date_p))
    for p in (unit_p, date_p):
        ppr = p.get_or_add_pPr()
        ppr.jc_val = WD_PARAGRAPH_ALIGNMENT.CENTER
        ind = ppr.get_or_add_ind()
        for attr in list(ind.attrib):
            del ind.attrib[attr]
        ind.set(qn("w:left"), str(round(left * 20)))
        ind.set(qn("w:right"), str(round(right * 20)))
        ind.set(qn("w:firstLineChars"), "0")  # the styles' 空二字 would move the centre
        ind.set(qn("w:firstLine"), "0")


def keep_sign_off_with_body(block: list[etree._Element]) -> None:
    """Chain the 落款 ``block`` (its paragraphs, the date last) to the last paragraph
    of 正文 above it: "与下段同页" on that paragraph, on any empty one between and
    on every paragraph of the block but the last, so a page never begins with the
    落款 (its page break takes the last lines of the 正文 along)."""
    chain = list(block)
    before = block[0].getprevious()
    while before is not None and before.tag == qn("w:p"):
        chain.insert(0, before)
        if any(t.text for t in before.iter(qn("w:t"))):
            break  # the 正文
        before = before.getprevious()
    for p in chain[:-1]:
        p.get_or_add_pPr().keepNext_val = True


def add_sign_off(doc: Document, unit: str, day: dt.date) -> None:
    """Append the 落款 of a document python-docx builds: ``unit`` over the date
    (7.3.5.4: Arabic numerals, the full year, no leading zero), two empty lines
    below the 正文, placed by :func:`place_sign_off`, kept with the 正文."""
    unit_p = doc.add_paragraph(unit)
    date_p = doc.add_paragraph(f"{day.year}年{day.month}月{day.day}日")
    unit_p.paragraph_format.space_before = Pt(LINE_PITCH.pt * SIGN_SPACE_BEFORE)
    place_sign_off(unit_p._p, date_p._p)
    keep_sign_off_with_body([unit_p._p, date_p._p])


def add_toc(doc: Document, *, levels: str = "1-3", title: str | None = "目　录") -> Paragraph:
    """Append a table of contents (a TOC field) and make Word/WPS refresh it on open.

    Returns the field's paragraph. Until a word processor updates the field it shows
    a note saying how to update it; LibreOffice's PDF export shows that note too.
    """
    if title:
        heading = doc.add_paragraph(title, style="TOC Heading")
        heading.paragraph_format.alignment = WD_PARAGRAPH_ALIGNMENT.CENTER
    p = doc.add_paragraph(style="toc 1")
    _add_field(
        p,
        f'TOC \\o "{levels}" \\h \\z \\u',
        "（目录将在打开文档时更新；如未更新，请右键单击此处并选择“更新域”。）",
        dirty=True,
    )
    enable_update_fields(doc)
    return p


def enable_update_fields(doc: Document) -> None:
    """Set ``<w:updateFields w:val="true"/>`` in settings.xml (in schema order)."""
    settings = doc.settings.element
    el = settings.find(qn("w:updateFields"))
    if el is None:
        el = OxmlElement("w:updateFields")
        settings.insert_element_before(el, *_SETTINGS_AFTER_UPDATE_FIELDS)
    el.set(qn("w:val"), "true")


def style_table(table: Table, *, font_size_pt: float = 12, header_rows: int = 1) -> None:
    """Simple grid table: full width, centred, 仿宋 cells, bold repeating header rows.

    Cell paragraphs get the paragraph styles "表格正文（<size>）" / "表格表头（<size>）"
    (e.g. 小四 for 12 pt), so rows docxtpl copies from a template row keep the look.
    """
    if font_size_pt not in TABLE_FONT_SIZES:
        sizes = "、".join(f"{k:g}" for k in TABLE_FONT_SIZES)
        raise ValueError(f"表格字号只支持 {sizes} 磅，得到 {font_size_pt}")
    doc_styles = table.part.document.styles
    size_name = TABLE_FONT_SIZES[font_size_pt]
    body_style = _table_text_style(doc_styles, f"表格正文（{size_name}）", font_size_pt, False)
    head_style = _table_text_style(doc_styles, f"表格表头（{size_name}）", font_size_pt, True)

    tbl_pr = table._tbl.tblPr
    for old in tbl_pr.findall(qn("w:tblBorders")):
        tbl_pr.remove(old)
    borders = OxmlElement("w:tblBorders")
    for edge in ("top", "left", "bottom", "right", "insideH", "insideV"):
        b = OxmlElement(f"w:{edge}")
        for key, value in (("val", "single"), ("sz", "4"), ("space", "0"), ("color", "000000")):
            b.set(qn(f"w:{key}"), value)
        borders.append(b)
    insert_tblpr_child(tbl_pr, borders)
    tbl_w = tbl_pr.find(qn("w:tblW"))
    if tbl_w is None:
        tbl_w = OxmlElement("w:tblW")
        insert_tblpr_child(tbl_pr, tbl_w)
    tbl_w.set(qn("w:type"), "pct")
    tbl_w.set(qn("w:w"), "5000")  # 100 %
    table.alignment = WD_TABLE_ALIGNMENT.CENTER

    for index, row in enumerate(table.rows):
        is_header = index < header_rows
        if is_header:
            tr_pr = row._tr.get_or_add_trPr()
            if tr_pr.find(qn("w:tblHeader")) is None:
                tr_pr.insert_element_before(
                    OxmlElement("w:tblHeader"), *_TRPR_ORDER[_TRPR_ORDER.index("w:tblHeader") + 1 :]
                )
        for cell in row.cells:
            cell.vertical_alignment = WD_CELL_VERTICAL_ALIGNMENT.CENTER
            for p in cell.paragraphs:
                p.style = head_style if is_header else body_style


def set_core_properties(
    doc: Document,
    *,
    title: str,
    author: str,
    created: dt.datetime | None = None,
    subject: str = "",
    keywords: str | None = "",
    category: str = "",
) -> dt.datetime:
    """The one place a generated document's docProps/core.xml is written.

    Every .docx xmgl writes (reports, audit export, plan draft, templates) gets
    its own properties here, never python-docx's ("python-docx", 2013) or the
    template's: ``author`` and ``last_modified_by`` are the unit the document is
    from (the project unit; the 数据局 for the plan draft), ``created`` and
    ``modified`` the generation time (``created`` None: now). ``keywords`` None
    keeps what the (rendered) template says. Datetimes must be timezone-aware;
    they are stored in UTC to the second. Returns the time stored.
    """
    if created is None:
        created = dt.datetime.now(dt.UTC)
    if created.utcoffset() is None:
        raise ValueError("created 必须带时区（例如 datetime.now(timezone.utc)）")
    cp = doc.core_properties
    cp.title = title
    cp.author = author
    cp.last_modified_by = author
    cp.subject = subject
    if keywords is not None:
        cp.keywords = keywords
    cp.category = category
    cp.comments = ""
    cp.identifier = ""
    cp.content_status = ""
    cp.version = ""
    cp.language = "zh-CN"
    cp.revision = 1
    stamp = created.astimezone(dt.UTC).replace(tzinfo=None, microsecond=0)
    cp.created = cp.modified = stamp
    return stamp


# --- reading styles back ------------------------------------------------------


@dataclass(frozen=True)
class ResolvedFont:
    """A style's effective run properties, resolved through basedOn and docDefaults.

    A name of the form ``theme:minorEastAsia`` means a theme attribute decides the
    font (which is what the toolkit removes).
    """

    east_asia: str | None
    ascii: str | None
    size_pt: float | None
    bold: bool
    chain: tuple[str, ...]  # style ids walked, starting with the style itself


def resolve_font(doc: Document, style_name: str) -> ResolvedFont:
    """Resolve the east-Asian/ASCII font, size and bold of ``style_name``.

    Walks the style, its ``w:basedOn`` ancestors and finally ``w:docDefaults``,
    taking each property from the nearest level that sets it (as Word does, and
    with a theme attribute beating an explicit name on the same ``w:rFonts``).
    """
    styles_el = doc.styles.element
    style_el = doc.styles[style_name].element
    found: dict[str, object] = {}
    chain: list[str] = []
    while style_el is not None and style_el.styleId not in chain:
        chain.append(style_el.styleId)
        _collect_rpr(style_el.find(qn("w:rPr")), found)
        based_on = style_el.find(qn("w:basedOn"))
        style_el = None if based_on is None else styles_el.get_by_id(based_on.get(qn("w:val")))
    defaults = styles_el.find(qn("w:docDefaults"))
    if defaults is not None:
        _collect_rpr(defaults.find(f"{qn('w:rPrDefault')}/{qn('w:rPr')}"), found)
    size = found.get("sz")
    return ResolvedFont(
        east_asia=found.get("eastAsia"),  # type: ignore[arg-type]
        ascii=found.get("ascii"),  # type: ignore[arg-type]
        size_pt=None if size is None else int(size) / 2,  # type: ignore[call-overload]
        bold=bool(found.get("b", False)),
        chain=tuple(chain),
    )


def _collect_rpr(rpr: etree._Element | None, found: dict[str, object]) -> None:
    if rpr is None:
        return
    rfonts = rpr.find(qn("w:rFonts"))
    if rfonts is not None:
        for slot, theme_attr in (("eastAsia", "w:eastAsiaTheme"), ("ascii", "w:asciiTheme")):
            if slot in found:
                continue
            theme = rfonts.get(qn(theme_attr))
            if theme is not None:
                found[slot] = f"theme:{theme}"
            elif rfonts.get(qn(f"w:{slot}")) is not None:
                found[slot] = rfonts.get(qn(f"w:{slot}"))
    sz = rpr.find(qn("w:sz"))
    if "sz" not in found and sz is not None:
        found["sz"] = sz.get(qn("w:val"))
    b = rpr.find(qn("w:b"))
    if "b" not in found and b is not None:
        found["b"] = b.get(qn("w:val"), "true") not in ("0", "false", "off")


# --- helpers --------------------------------------------------------------------


def _strip_theme_fonts(rfonts: etree._Element) -> None:
    for attr in THEME_FONT_ATTRS:
        rfonts.attrib.pop(qn(attr), None)


def _set_rfonts(rpr, font: str) -> None:
    rfonts = rpr.get_or_add_rFonts()
    _strip_theme_fonts(rfonts)
    for slot in ("ascii", "hAnsi", "eastAsia", "cs"):
        rfonts.set(qn(f"w:{slot}"), font)


def _set_fonts(style: BaseStyle, font: str, size: Pt, *, bold: bool | None = None) -> None:
    """All four font slots, size (and complex-script size), black, not italic."""
    rpr = style.element.get_or_add_rPr()
    _set_rfonts(rpr, font)
    style.font.size = size
    szcs = rpr.find(qn("w:szCs"))
    if szcs is None:
        szcs = OxmlElement("w:szCs")
        rpr.find(qn("w:sz")).addnext(szcs)
    szcs.set(qn("w:val"), str(round(size.pt * 2)))
    style.font.color.rgb = RGBColor(0, 0, 0)  # also drops w:themeColor/w:themeShade
    for child in rpr.findall(qn("w:i")) + rpr.findall(qn("w:iCs")):
        rpr.remove(child)  # Heading 4 is italic in python-docx's template
    if bold is not None:
        style.font.bold = bold
        for child in rpr.findall(qn("w:bCs")):
            rpr.remove(child)


def _set_first_line_chars(style: BaseStyle, chars: int, font_size: Pt | None = None) -> None:
    """``w:firstLineChars`` plus a twips ``w:firstLine`` fallback.

    ``firstLineChars`` wins over ``firstLine`` and is inherited on its own, so a
    style that must not indent has to say ``firstLineChars="0"`` explicitly.
    """
    ind = style.element.get_or_add_pPr().get_or_add_ind()
    ind.set(qn("w:firstLineChars"), str(chars))
    twips = 0 if font_size is None else round(font_size.pt * 20 * chars / 100)
    ind.set(qn("w:firstLine"), str(twips))
    for attr in ("w:hanging", "w:hangingChars"):
        ind.attrib.pop(qn(attr), None)


def _setup_doc_defaults(doc: Document) -> None:
    """Defaults for text no style claims: 仿宋, zh-CN, no space after paragraphs."""
    styles_el = doc.styles.element
    defaults = styles_el.find(qn("w:docDefaults"))
    if defaults is None:
        defaults = OxmlElement("w:docDefaults")
        styles_el.insert(0, defaults)
    rpr_default = defaults.find(qn("w:rPrDefault"))
    if rpr_default is None:
        rpr_default = OxmlElement("w:rPrDefault")
        defaults.insert(0, rpr_default)
    rpr = rpr_default.find(qn("w:rPr"))
    if rpr is None:
        rpr = OxmlElement("w:rPr")
        rpr_default.append(rpr)
    _set_rfonts(rpr, FONT_BODY)
    # 3号 as the default size: the document grid's character pitch (w:charSpace) is
    # counted from it, in Word and in LibreOffice alike
    for tag in ("w:sz", "w:szCs"):
        rpr_child(rpr, tag).set(qn("w:val"), str(round(SIZE_BODY.pt * 2)))
    lang = rpr_child(rpr, "w:lang")
    # Latin text is en-US, Chinese zh-CN (as Word's Chinese Normal.dotm has it): a
    # Latin "zh-CN" makes LibreOffice break hashes and the digits of a 文号 anywhere
    lang.set(qn("w:val"), "en-US")
    lang.set(qn("w:eastAsia"), "zh-CN")
    ppr_default = defaults.find(qn("w:pPrDefault"))
    if ppr_default is not None:
        spacing = ppr_default.find(f"{qn('w:pPr')}/{qn('w:spacing')}")
        if spacing is not None:
            spacing.set(qn("w:after"), "0")
    # The theme's east-Asian fonts are picked by this language (ja-JP in
    # python-docx's template); say zh-CN in case anything still uses the theme.
    theme_lang = doc.settings.element.find(qn("w:themeFontLang"))
    if theme_lang is not None:
        theme_lang.set(qn("w:eastAsia"), "zh-CN")
    compat = doc.settings.element.find(f"{qn('w:compat')}/{qn('w:compatSetting')}")
    if compat is not None and compat.get(qn("w:name")) == "compatibilityMode":
        compat.set(qn("w:val"), "15")  # no "兼容模式" in Word 2013+


def _paragraph_style(
    doc: Document, name: str, *, base: str = "Normal", outline_level: int | None = None
) -> ParagraphStyle:
    """The paragraph style ``name``, added (based on ``base``) if the template lacks it."""
    try:
        style = doc.styles[name]
    except KeyError:
        style = doc.styles.add_style(name, WD_STYLE_TYPE.PARAGRAPH)
        style.base_style = doc.styles[base]
        # Only built-in names come here; marked custom, Word would add a second one.
        style.element.attrib.pop(qn("w:customStyle"), None)
    if outline_level is not None:
        ppr = style.element.get_or_add_pPr()
        ppr.get_or_add_outlineLvl().val = outline_level
    return style


def _linked_style(doc: Document, style: BaseStyle) -> BaseStyle | None:
    from docx.styles.style import StyleFactory

    link = style.element.find(qn("w:link"))
    if link is None:
        return None
    el = doc.styles.element.get_by_id(link.get(qn("w:val")))
    return None if el is None else StyleFactory(el)


def _table_text_style(styles, name: str, size_pt: float, bold: bool) -> ParagraphStyle:
    try:
        style = styles[name]
    except KeyError:
        style = styles.add_style(name, WD_STYLE_TYPE.PARAGRAPH)
        style.base_style = styles["Normal"]
    _set_fonts(style, FONT_BODY, Pt(size_pt), bold=bold)
    pf = style.paragraph_format
    pf.alignment = WD_PARAGRAPH_ALIGNMENT.CENTER if bold else WD_PARAGRAPH_ALIGNMENT.LEFT
    pf.line_spacing_rule = WD_LINE_SPACING.SINGLE
    pf.space_before = pf.space_after = Pt(0)
    _set_first_line_chars(style, 0)
    return style


def insert_tblpr_child(tbl_pr, child) -> None:
    """Insert ``child`` into ``w:tblPr`` in the order ECMA-376 requires."""
    order = (
        "w:tblStyle",
        "w:tblpPr",
        "w:tblOverlap",
        "w:bidiVisual",
        "w:tblStyleRowBandSize",
        "w:tblStyleColBandSize",
        "w:tblW",
        "w:jc",
        "w:tblCellSpacing",
        "w:tblInd",
        "w:tblBorders",
        "w:shd",
        "w:tblLayout",
        "w:tblCellMar",
        "w:tblLook",
        "w:tblCaption",
        "w:tblDescription",
        "w:tblPrChange",
    )
    tag = child.tag.split("}")[1]
    tbl_pr.insert_element_before(child, *order[order.index(f"w:{tag}") + 1 :])


def _add_field(p: Paragraph, instruction: str, placeholder: str, *, dirty: bool = False) -> None:
    """A complex field (begin / instrText / separate / cached result / end) in ``p``."""

    def fld_char(kind: str):
        run = p.add_run()
        el = OxmlElement("w:fldChar")
        el.set(qn("w:fldCharType"), kind)
        if dirty and kind == "begin":
            el.set(qn("w:dirty"), "true")
        run._r.append(el)

    fld_char("begin")
    instr = OxmlElement("w:instrText")
    instr.set(qn("xml:space"), "preserve")
    instr.text = f" {instruction} "
    p.add_run()._r.append(instr)
    fld_char("separate")
    p.add_run(placeholder)
    fld_char("end")


def _font_table_part(doc: Document):
    for rel in doc.part.rels.values():
        if rel.reltype == _FONT_TABLE_RELTYPE and not rel.is_external:
            return rel.target_part
    return None


def _drop_template_leftovers(doc: Document) -> None:
    """Drop python-docx's thumbnail (a picture of some other page) and the Word 2010
    stylesWithEffects copy of the styles (still theme-fonted)."""
    package_rels = doc.part.package.rels
    for rid, rel in list(package_rels.items()):
        if rel.reltype == _THUMBNAIL_RELTYPE:
            del package_rels[rid]
    for rid, rel in list(doc.part.rels.items()):
        if rel.reltype == _STYLES_WITH_EFFECTS_RELTYPE:
            doc.part.drop_rel(rid)
