"""What a rendered report needs after the template is filled, before it is saved.

- Tables are numbered by count: every caption in the 表题 style that starts with
  "表N　" gets the next number, so a table left out by a condition leaves no gap
  and the first table is 表1 (附表 keep their own numbers).
- Placeholders ``【待填写：…】`` are highlighted (visible in print and page view)
  and counted, so the unit knows how much is left to write.
- The 目录 is written out: one entry per 一级/二级 heading, linked to a bookmark
  on the heading, inside the TOC field, so a viewer that does not update fields
  (LibreOffice's PDF export) still shows the outline; page numbers appear when
  Word/WPS refresh the field on open (``updateFields``) — no number is guessed.
- The 落款 (a paragraph in the 落款 style, the unit, over one in the 成文日期
  style, the date) is placed as GB/T 9704 7.3.5.1 says and chained to the last
  paragraph of 正文 above it, whatever the template's styles say
  (``typography.place_sign_off``, ``typography.keep_sign_off_with_body``).
- Nothing a reader reads as one token breaks across lines: a 文号, an
  identifier, a number and its unit, a date in a table (``linebreak.keep_whole``).
- Core properties are set by the caller (``typography.set_core_properties``).

Only python-docx/lxml objects of the document being written are touched here.
"""

from __future__ import annotations

import re
import zipfile
from dataclasses import dataclass
from pathlib import Path

from docx.oxml.ns import qn
from lxml import etree

from xmgl.reports.linebreak import keep_whole
from xmgl.reports.typography import (
    keep_sign_off_with_body,
    one_content_each,
    place_sign_off,
    rpr_child,
    run_rpr,
)

_NS = {"w": "http://schemas.openxmlformats.org/wordprocessingml/2006/main"}
_P, _T, _R, _PSTYLE = qn("w:p"), qn("w:t"), qn("w:r"), f"{qn('w:pPr')}/{qn('w:pStyle')}"
_VAL = qn("w:val")
#: Only the runs and paragraphs that matter are visited (a report has thousands of runs).
_PLACEHOLDER_RUNS = etree.XPath(".//w:r[w:t[contains(., '【待填写')]]", namespaces=_NS)
_TOC_FIELD = etree.XPath(
    ".//w:p[w:r/w:instrText[starts-with(normalize-space(.), 'TOC')]]", namespaces=_NS
)

PLACEHOLDER = re.compile(r"【待填写[^】]*】")
CAPTION_STYLES = ("表题",)
#: The 落款 of the shipped templates: the unit (落款) over the date (成文日期), and
#: below them the 附注 (GB/T 9704 7.3.6; the quarterly report's 填报人 and phone).
SIGN_UNIT, SIGN_DATE, SIGN_NOTE = "落款", "成文日期", "填报人"
SIGN_BLOCK = (SIGN_UNIT, SIGN_DATE)
_TABLE_NO = re.compile(r"^表\d+(?=　)")
HIGHLIGHT = "yellow"


@dataclass(frozen=True)
class Placeholder:
    where: str  # the heading the placeholder is under, or 表N
    text: str


def finish(doc) -> int:
    """Number tables, write the TOC, highlight placeholders, keep tokens whole.

    Returns the number of placeholders left in the document.
    """
    _load_style_ids(doc)
    body = doc.element.body
    number_tables(body)
    write_toc(doc)
    count = highlight_placeholders(body)
    sign_off(body)
    keep_whole(doc)
    return count


# --------------------------------------------------------------------- tables


def number_tables(body) -> None:
    ids = {i for i, name in _STYLE_IDS.items() if name in CAPTION_STYLES} | set(CAPTION_STYLES)
    n = 0
    for ps in body.iter(qn("w:pStyle")):
        if ps.get(_VAL) not in ids:
            continue
        p = ps.getparent().getparent()
        if p is None or p.tag != _P:  # a tracked change's old paragraph properties
            continue
        for t in p.iter(_T):
            if t.text and _TABLE_NO.match(t.text):
                n += 1
                t.text = _TABLE_NO.sub(f"表{n}", t.text, count=1)
            break


def _style_name(p) -> str | None:
    ps = p.find(_PSTYLE)
    if ps is None:
        return None
    val = ps.get(_VAL)
    return _STYLE_IDS.get(val, val)


# python-docx writes custom style ids without the CJK characters; map the ids the
# shipped templates use to their names lazily (see _load_style_ids).
_STYLE_IDS: dict[str, str] = {}


def _load_style_ids(doc) -> None:
    from docx.styles import BabelFish

    _STYLE_IDS.clear()
    name_tag, id_tag = qn("w:name"), qn("w:styleId")
    for style in doc.styles.element.iterchildren(qn("w:style")):
        name = style.find(name_tag)
        if name is not None:  # python-docx's names: "heading 1" is "Heading 1"
            _STYLE_IDS[style.get(id_tag)] = BabelFish.internal2ui(name.get(_VAL))


# --------------------------------------------------------------------- 落款


def sign_off(body) -> None:
    """Place every 落款 (a 落款 paragraph right above a 成文日期 one) and keep it,
    with the paragraphs of its block above it, with the 正文, and a 附注 below it
    with the date."""
    for date_p in body.iterchildren(_P):
        unit_p = date_p.getprevious()
        if _style_name(date_p) != SIGN_DATE or unit_p is None or _style_name(unit_p) != SIGN_UNIT:
            continue
        place_sign_off(unit_p, date_p)
        block = [unit_p, date_p]
        while (prev := block[0].getprevious()) is not None and prev.tag == _P:
            if _style_name(prev) not in SIGN_BLOCK:
                break
            block.insert(0, prev)
        keep_sign_off_with_body(block)
        note = date_p.getnext()
        if note is not None and note.tag == _P and _style_name(note) == SIGN_NOTE:
            date_p.get_or_add_pPr().keepNext_val = True  # the 附注 stays with its date


# --------------------------------------------------------------------- placeholders


def highlight_placeholders(body) -> int:
    """Split runs so each placeholder is a run of its own, highlighted; return the count."""
    count = 0
    for r in [piece for run in _PLACEHOLDER_RUNS(body) for piece in one_content_each(run)]:
        ts = r.findall(_T)
        if len(ts) != 1 or not ts[0].text or "【待填写" not in ts[0].text:
            continue
        text = ts[0].text
        pieces = _split(text)
        count += sum(1 for _, is_ph in pieces if is_ph)
        parent = r.getparent()
        index = parent.index(r)
        for offset, (piece, is_ph) in enumerate(pieces):
            new = _copy_run(r, piece)
            if is_ph:
                _highlight(new)
            parent.insert(index + offset, new)
        parent.remove(r)
    return count


def _split(text: str) -> list[tuple[str, bool]]:
    out: list[tuple[str, bool]] = []
    pos = 0
    for m in PLACEHOLDER.finditer(text):
        if m.start() > pos:
            out.append((text[pos : m.start()], False))
        out.append((m.group(), True))
        pos = m.end()
    if pos < len(text):
        out.append((text[pos:], False))
    if not any(is_ph for _, is_ph in out):  # an unterminated 【待填写 still counts
        return [(text, True)]
    return out


def _copy_run(r, text: str):
    import copy

    new = _new(r, "w:r")
    rpr = r.find(qn("w:rPr"))
    if rpr is not None:
        new.append(copy.deepcopy(rpr))
    t = _new(r, "w:t")
    t.text = text
    t.set(qn("xml:space"), "preserve")
    new.append(t)
    return new


def _highlight(r) -> None:
    rpr_child(run_rpr(r), "w:highlight").set(qn("w:val"), HIGHLIGHT)


def count_placeholders(path: Path) -> list[Placeholder]:
    """The placeholders left in the .docx at ``path``, each with the heading above it."""
    import docx

    doc = docx.Document(str(path))
    _load_style_ids(doc)
    found: list[Placeholder] = []
    heading = "（开头）"
    body = doc.element.body
    for block in body.iterchildren():
        if block.tag == qn("w:p"):
            text = _text(block)
            style = _style_name(block) or ""
            if style.startswith("Heading") or style == "Title":
                heading = text.strip() or heading
            found += [Placeholder(heading, m.group()) for m in PLACEHOLDER.finditer(text)]
        elif block.tag == qn("w:tbl"):
            for p in block.iter(qn("w:p")):
                found += [
                    Placeholder(f"{heading}（表格）", m.group())
                    for m in PLACEHOLDER.finditer(_text(p))
                ]
    return found


def is_docx(path: Path) -> bool:
    try:
        with zipfile.ZipFile(path) as zf:
            return "word/document.xml" in zf.namelist()
    except (OSError, zipfile.BadZipFile):
        return False


def _text(p) -> str:
    return "".join(t.text or "" for t in p.iter(_T))


# --------------------------------------------------------------------- TOC


def write_toc(doc) -> None:
    """Fill the TOC field's result with the headings (level 1 and 2) that follow it."""
    _load_style_ids(doc)
    body = doc.element.body
    found = _TOC_FIELD(body)
    if not found:
        return
    field_p = found[0]
    levels = {"Heading 1": 1, "Heading 2": 2}
    entries = []
    seen = False
    for p in body.iterchildren(_P):
        if p is field_p:
            seen = True
            continue
        if not seen:
            continue
        level = levels.get(_style_name(p) or "")
        text = _text(p).strip()
        if level and text:
            entries.append((level, text, p))
    if not entries:
        return
    runs = list(field_p.findall(qn("w:r")))
    # begin, instr, separate, <cached result runs>, end
    sep = next(i for i, r in enumerate(runs) if _fld(r) == "separate")
    end = next(i for i, r in enumerate(runs) if _fld(r) == "end")
    for r in runs[sep + 1 : end + 1]:
        field_p.remove(r)
    end_run = runs[end]
    ids = _bookmark_ids(body)
    prev = field_p
    for n, (level, text, heading) in enumerate(entries, 1):
        name = f"_Toc{100000 + n}"
        _bookmark(heading, name, next(ids))
        p = field_p if n == 1 else _new_entry_paragraph(doc, prev, level)
        if n == 1 and level != 1:
            _set_style(doc, p, "toc 2")
        link = _new(p, "w:hyperlink")
        link.set(qn("w:anchor"), name)
        link.set(qn("w:history"), "1")
        link.append(_run(p, text))
        # No page number: nothing at generation time knows it, and a viewer that
        # does not update fields would show a wrong cached one. Word/WPS refresh the
        # field on open and write the numbers.
        p.append(link)
        prev = p
    prev.append(end_run)


def _new_entry_paragraph(doc, after, level: int):
    p = _new(after, "w:p")
    after.addnext(p)
    _set_style(doc, p, f"toc {level}")
    return p


def _set_style(doc, p, name: str) -> None:
    style_id = next((i for i, n in _STYLE_IDS.items() if n == name), None)
    if style_id is None:
        style_id = doc.styles[name].style_id
    ppr = p.find(qn("w:pPr"))
    if ppr is None:
        ppr = _new(p, "w:pPr")
        p.insert(0, ppr)
    ps = ppr.find(qn("w:pStyle"))
    if ps is None:
        ps = _new(p, "w:pStyle")
        ppr.insert(0, ps)
    ps.set(qn("w:val"), style_id)


def _fld(r) -> str | None:
    fc = r.find(qn("w:fldChar"))
    return fc.get(qn("w:fldCharType")) if fc is not None else None


def _new(ref, tag: str):
    """A new ``tag`` element of ``ref``'s document (python-docx's classes, without the
    XML parse ``OxmlElement`` does for each one)."""
    return ref.makeelement(qn(tag), {})


def _run(ref, text: str):
    r = _new(ref, "w:r")
    t = _new(ref, "w:t")
    t.set(qn("xml:space"), "preserve")
    t.text = text
    r.append(t)
    return r


def _bookmark_ids(body):
    used = [int(b.get(qn("w:id"))) for b in body.iter(qn("w:bookmarkStart"))]
    n = max(used, default=0)
    while True:
        n += 1
        yield n


def _bookmark(p, name: str, ident: int) -> None:
    start = _new(p, "w:bookmarkStart")
    start.set(qn("w:id"), str(ident))
    start.set(qn("w:name"), name)
    end = _new(p, "w:bookmarkEnd")
    end.set(qn("w:id"), str(ident))
    ppr = p.find(qn("w:pPr"))
    if ppr is not None:
        ppr.addnext(start)
    else:
        p.insert(0, start)
    p.append(end)
