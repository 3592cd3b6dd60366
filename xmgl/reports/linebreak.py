"""Where a printed line may break: never inside what a reader reads as one token.

Every document xmgl writes goes through :func:`keep_whole` last. A token is:

- a 文号 or a voucher number (大营商审批〔2026〕21号, 大财支〔2026〕0615-03),
  wherever it stands;
- in a table cell, also an identifier or a standard's number in Latin letters
  (HT-2026-001, DSQ-XXH-2026-007, the GB/T and the 39786—2021 of GB/T
  39786—2021), a whole date (2026年6月15日) and a number with its unit
  (101.4万元, （1,014,000元）, 12个月, （30%）).

Body text is otherwise left as typed and follows the ordinary rules of Chinese
text, as in any document typed in Word or WPS: a date, an amount or a contract
number may break between its parts at a 28-character line end. Holding them
would need a joiner (below) inside each, and then a reader's search for
"386万元" or "HT-2026-001" would not find it, a figure copied into a spreadsheet
would carry an invisible character, and a command copied from the audit export
into a terminal would fail. A whole date held on one line would also leave the
line before it up to ten characters short across a justified line. In a table
cell the joiners go only into a paragraph that may not fit its column on one
line, where a break would otherwise fall inside a token.

How. LibreOffice breaks Chinese text before any character except the 禁则 ones
(it ignores a document's own 禁则 lists), and it breaks Latin text after a
hyphen. A token that follows other text on its line becomes a run of its own
whose east-Asian language is en-US, so the Unicode line-break rules apply to it,
with U+2060 WORD JOINER (zero width, not in the text a PDF reader copies) only
where those rules would break; it then moves to the next line whole. A token that
starts its paragraph (or a line after a line break) needs nothing where it fits
the line: a table column is made wide enough for the widest token it holds, and a
table whose tokens cannot fit at its size is set a size smaller
(:func:`fit_table`). A hash (a commit id, a key fingerprint) has no break
opportunity inside and needs nothing.

A title too long for one line is broken into balanced lines between words
(:func:`balance_titles`, GB/T 9704 7.3.1).

Readers strip :data:`WORD_JOINER` from text they compare.
"""

from __future__ import annotations

import copy
import re
from itertools import accumulate, pairwise
from typing import TYPE_CHECKING

from docx.oxml.ns import qn
from lxml import etree

from xmgl.reports.typography import (
    SIZE_BODY,
    SIZE_TITLE,
    TEXT_WIDTH,
    one_content_each,
    rpr_child,
    run_rpr,
)

if TYPE_CHECKING:
    from docx.document import Document

WORD_JOINER = "\u2060"

#: A 文号 (GB/T 9704 7.2.4) or a voucher number: 发文机关代字, 〔年份〕, 顺序号 (with
#: a "-03" part for a voucher), "号" (a voucher has none). The 代字 is the run of
#: Chinese characters right before the 〔, at most eight.
_DOC_NUMBER = r"[\u4e00-\u9fff]{0,8}〔\d{4}〕[0-9A-Za-z]+(?:-[0-9A-Za-z]+)*号?"
#: In a narrow table cell the 代字 may end one line and 〔年份〕顺序号 start the next.
_DOC_NUMBER_PARTS = r"[\u4e00-\u9fff]{1,8}(?=〔\d{4}〕)|〔\d{4}〕[0-9A-Za-z]+(?:-[0-9A-Za-z]+)*号?"
#: A standard's number and year (the 39786—2021 of GB/T 39786—2021; its code
#: GB/T is an identifier, and the space between may break like any space).
_STANDARD = r"(?<![0-9A-Za-z])\d+(?:\.\d+)*[—–]\d{4}(?![0-9])"
#: Latin letters and digits with a hyphen, slash, dot, colon or underscore inside
#: (where LibreOffice would break).
_IDENTIFIER = r"(?<![0-9A-Za-z])[0-9A-Za-z]+(?:[-/._:][0-9A-Za-z]+)+"
#: A number and its unit. Longer units first (个月 before 个, 万元 before 元).
_NUMBER_UNIT = (
    r"(?<![0-9A-Za-z.,])\d[\d,]*(?:\.\d+)?"
    r"(?:万元|亿元|元|个月|个|年|月|日|天|项|次|期|人|家|套|台|条|款|页|周|小时|分钟|倍|%|％)"
)
_DATE = r"\d{4}年\d{1,2}月\d{1,2}日"
#: A commit id (SHA-1, SHA-256) or a key fingerprint: nothing to glue (no break
#: opportunity inside), matched first so no part of it is taken for a token.
_HASH = (
    r"(?P<hash>(?<![0-9a-f])(?:[0-9a-f]{64}|[0-9a-f]{40})(?![0-9a-f])"
    r"|SHA256:[A-Za-z0-9+/]{43})"
)

#: What never breaks in body text, tried in this order at each position.
BODY_TOKEN = re.compile("|".join((_HASH, _DOC_NUMBER)))
#: What never breaks in a table cell: also a whole date.
CELL_TOKEN = re.compile(
    "|".join((_HASH, _DOC_NUMBER_PARTS, _STANDARD, _DATE, _NUMBER_UNIT, _IDENTIFIER))
)

_RPR = qn("w:rPr")
_W_NS = {"w": "http://schemas.openxmlformats.org/wordprocessingml/2006/main"}
_TABLES = etree.XPath(".//w:tbl", namespaces=_W_NS)
_TEXT_RUNS = etree.XPath(".//w:r[w:t]", namespaces=_W_NS)
_BODY_RUNS = etree.XPath(".//w:r[w:t][not(ancestor::w:tc)]", namespaces=_W_NS)


def keep_whole(doc: Document) -> int:
    """No token (see the module) breaks across lines anywhere in ``doc``; returns how
    many tokens were glued."""
    body = doc.element.body
    balance_titles(doc)
    found = 0
    for tbl in _TABLES(body):
        fit_table(doc, tbl)
        found += _glue_cells(doc, tbl)
    return found + glue_tokens(_BODY_RUNS(body), BODY_TOKEN)


# --- titles ---------------------------------------------------------------------

#: Characters a line may not start with, and may not end with (禁则).
_NO_LINE_START, _NO_LINE_END = set("，。、；：？！）》”’〕】%·"), set("（《“‘〔【")


def balance_titles(doc: Document) -> int:
    """A title (style Title) too long for one line is broken into lines of even
    length, each break between words (GB/T 9704 7.3.1: 回行时词意完整、排列对称、
    长短适宜): "……平台建设项" / "目" becomes two balanced lines. Returns how many
    breaks were written."""
    style_ids = {
        s.get(qn("w:styleId"))
        for s in doc.styles.element.findall(qn("w:style"))
        if (n := s.find(qn("w:name"))) is not None and n.get(qn("w:val")) in ("Title", "title")
    }
    room = TEXT_WIDTH.pt / SIZE_TITLE.pt  # characters of a title on one line
    breaks = 0
    for p in doc.element.body.iter(qn("w:p")):
        style = p.find(f"{qn('w:pPr')}/{qn('w:pStyle')}")
        if style is None or style.get(qn("w:val")) not in style_ids:
            continue
        runs = [piece for r in p.findall(qn("w:r")) for piece in one_content_each(r)]
        if any(c.tag not in (_RPR, qn("w:t"), qn("w:br")) for r in runs for c in r):
            continue  # fields, tabs, pictures: left as written
        lines: list[list[etree._Element]] = [[]]
        for r in runs:
            if r.find(qn("w:br")) is not None:
                lines.append([])
            elif r.find(qn("w:t")) is not None:
                lines[-1].append(r)
        for line in lines:
            breaks += _balance_line(line, room)
    return breaks


def _balance_line(runs: list[etree._Element], room: float) -> int:
    text = "".join(r.find(qn("w:t")).text or "" for r in runs)
    widths = [_title_em(ch) for ch in text]
    total = sum(widths)
    if total <= room or len(runs) != 1:
        return 0
    need = int(-(-total // room))  # lines needed
    # a line or two more where breaks between words cannot be even; beyond that
    # the title has no place to break (a long Latin run) and is left as written
    for count in range(need, need + 3):
        cuts = _cuts(text, widths, count, room)
        if cuts is not None:
            break
    else:
        return 0
    r = runs[0]
    pieces = [text[a:b] for a, b in zip([0, *cuts], [*cuts, len(text)], strict=True)]
    for i, piece in enumerate(pieces):
        if i:
            br = copy.deepcopy(r)
            for c in list(br):
                if c.tag != _RPR:
                    br.remove(c)
            br.append(etree.Element(qn("w:br")))
            r.addprevious(br)
        new = copy.deepcopy(r)
        new.find(qn("w:t")).text = piece
        r.addprevious(new)
    r.getparent().remove(r)
    return len(cuts)


#: Words of project titles a line should not break inside (no dictionary ships
#: with xmgl; these are the words its titles are made of).
TITLE_WORDS = (
    "大石桥市",
    "政务信息化",
    "营口市",
    "辽宁省",
    "政务",
    "服务",
    "信息",
    "信息化",
    "资源",
    "共享",
    "交换",
    "数据",
    "平台",
    "系统",
    "中心",
    "建设",
    "项目",
    "工程",
    "综合",
    "指挥",
    "运行",
    "城市",
    "管理",
    "行政",
    "执法",
    "智慧",
    "升级",
    "改造",
    "一体化",
    "营商",
    "环境",
    "电子",
    "基础",
    "设施",
    "网络",
    "安全",
    "应用",
    "业务",
    "办公",
    "协同",
    "监管",
    "监测",
    "治理",
    "公共",
    "社会",
    "经济",
    "发展",
    "改革",
    "财政",
    "审计",
    "公安",
    "交通",
    "教育",
    "卫生",
    "健康",
    "医疗",
    "应急",
    "市场",
    "自然",
    "生态",
    "住房",
    "城乡",
    "农业",
    "农村",
    "水利",
    "文化",
    "旅游",
    "民政",
    "人力",
    "社会保障",
    "税务",
    "统计",
    "档案",
    "排队",
    "叫号",
    "可行性",
    "研究",
    "报告",
    "初步",
    "设计",
    "季度",
    "进展",
    "年度",
    "计划",
    "投资",
    "草案",
    "审计",
    "阶段",
    "变更",
    "二期",
    "三期",
    "一期",
    "全市",
    "全域",
    "共建",
    "共享",
)


def _cuts(text: str, widths: list[float], count: int, room: float) -> list[int] | None:
    """Where to break ``text`` into ``count`` lines of about equal width, each no
    wider than ``room``: at each break, the position near the even share that is
    not inside a word (:data:`TITLE_WORDS`) or a token and keeps the 禁则; the
    nearest such. None if no such breaks exist."""
    total = sum(widths)
    ends = [0.0, *accumulate(widths)]  # width before position i
    held = {i for m in CELL_TOKEN.finditer(text) for i in range(m.start() + 1, m.end())}
    held |= {i for m in _BRACKETED.finditer(text) for i in range(m.start() + 1, m.end())}
    inside = _inside_words(text)
    cuts: list[int] = []
    start = 0
    for k in range(1, count):
        target = total * k / count
        best = None
        for i in range(start + 1, len(text)):
            if ends[i] - ends[start] > room:
                break
            if total - ends[i] > room * (count - k) or i in held:
                continue
            if text[i] in _NO_LINE_START or text[i - 1] in _NO_LINE_END:
                continue
            if text[i - 1].isascii() and text[i].isascii() and not text[i].isspace():
                continue
            score = abs(ends[i] - target) + (3 if i in inside else 0)
            if best is None or score < best[0]:
                best = (score, i)
        if best is None:
            return None
        cuts.append(best[1])
        start = best[1]
    return cuts if total - ends[start] <= room else None


#: A short bracketed part of a title (《书名》, （草案）): never broken inside.
_BRACKETED = re.compile(r"《[^《》]{1,12}》|（[^（）]{1,12}）|“[^“”]{1,12}”")


def _inside_words(text: str) -> set[int]:
    """Positions inside a word of :data:`TITLE_WORDS` (longest first, left to right)."""
    inside: set[int] = set()
    i = 0
    words = sorted(TITLE_WORDS, key=len, reverse=True)
    while i < len(text):
        word = next((w for w in words if text.startswith(w, i)), None)
        if word is None:
            i += 1
            continue
        inside.update(range(i + 1, i + len(word)))
        i += len(word)
    return inside


def _title_em(ch: str) -> float:
    return _CJK_EM if _wide(ch) else 0.55


def _glue_cells(doc: Document, tbl: etree._Element) -> int:
    """Glue the tokens of each cell paragraph that may not fit its column on one
    line (a paragraph that fits is left as typed: nothing in it can break)."""
    grid = tbl.find(qn("w:tblGrid"))
    widths = [] if grid is None else [_twips(c) for c in grid.findall(qn("w:gridCol"))]
    margins = _cell_margins(tbl)
    found = 0
    for tr in tbl.findall(qn("w:tr")):
        col = 0
        for tc in tr.findall(qn("w:tc")):
            span = _grid_span(tc)
            room = sum(widths[col : col + span]) - margins if widths[col:] else 0
            col += span
            for p in tc.findall(qn("w:p")):
                if room > 0 and _fits(doc, p, room):
                    continue
                found += glue_tokens(_TEXT_RUNS(p), CELL_TOKEN)
    return found


def _fits(doc: Document, p: etree._Element, room: int) -> bool:
    """Whether every line of paragraph ``p`` fits ``room`` twips, by the estimate."""
    lines = [""]
    for el in p.iter(qn("w:t"), qn("w:br"), qn("w:cr")):
        if el.tag == qn("w:t"):
            lines[-1] += el.text or ""
        else:
            lines.append("")
    size = _paragraph_size(doc, p)
    return all(width_pt(line, size) * 20 <= room for line in lines)


def _twips(col: etree._Element) -> int:
    try:
        return int(col.get(qn("w:w")))
    except (TypeError, ValueError):
        return 0


def glue(token: str) -> str:
    """``token`` with a word joiner where the Unicode rules could break a line: next
    to a Chinese character or full-width mark (except after an opening and before a
    closing one), after a hyphen or slash, around a dash."""
    out: list[str] = []
    for ch in token:
        if out and _may_break(out[-1], ch):
            out.append(WORD_JOINER)
        out.append(ch)
    return "".join(out)


def _may_break(before: str, after: str) -> bool:
    if before in _OPENING or after in _CLOSING:
        return False
    return _wide(before) or _wide(after) or before in "-/—–" or after in "—–"


def _wide(ch: str) -> bool:
    return ord(ch) >= 0x2E80


def glue_tokens(runs, pattern: re.Pattern) -> int:
    """Give each ``pattern`` match in ``runs`` (with the marks that stick to it) a
    run of its own, east-Asian language en-US, its text :func:`glue`-d; returns
    how many."""
    found = 0
    for r in [piece for run in runs for piece in one_content_each(run)]:
        ts = r.findall(qn("w:t"))
        if len(ts) != 1 or not ts[0].text or WORD_JOINER in ts[0].text:
            continue  # nothing to do, or glued already
        text = ts[0].text
        pieces: list[tuple[str, bool]] = []
        pos = 0
        starts_line = None  # whether the run starts its line, found on demand
        for m in pattern.finditer(text):
            if m.lastgroup == "hash":
                continue
            start, end = _with_marks(text, m)
            if start == 0:
                if starts_line is None:
                    starts_line = not _text_before(r)
                if starts_line:
                    continue
            start = max(start, pos)
            if start > pos:
                pieces.append((text[pos:start], False))
            pieces.append((glue(text[start:end]), True))
            pos = end
        if not pieces:
            continue
        if pos < len(text):
            pieces.append((text[pos:], False))
        found += sum(1 for _, is_token in pieces if is_token)
        parent = r.getparent()
        index = parent.index(r)
        for offset, (piece, is_token) in enumerate(pieces):
            new = copy.deepcopy(r)
            for t in new.findall(qn("w:t")):
                t.text = piece
                t.set(qn("xml:space"), "preserve")
            if is_token:
                rpr_child(run_rpr(new), "w:lang").set(qn("w:eastAsia"), "en-US")
            parent.insert(index + offset, new)
        parent.remove(r)
    return found


def _text_before(r: etree._Element) -> bool:
    """Whether text precedes the run ``r`` on its line: since the paragraph's
    start or its last line break."""
    for prev in r.itersiblings(preceding=True):
        for el in reversed(list(prev.iter(qn("w:t"), qn("w:br"), qn("w:cr")))):
            if el.tag != qn("w:t"):
                return False
            if el.text:
                return True
    return False


# --- table columns --------------------------------------------------------------

#: Widths in em, on the safe side of real fonts (仿宋_GB2312 has 0.5 em digits;
#: the Noto CJK and DejaVu fallbacks 0.62, capitals up to 0.86, "%" 0.95): a
#: Chinese character or full-width mark, a capital, a wide sign, a narrow
#: punctuation mark, anything else; the space Word and LibreOffice add where a
#: Chinese character meets a digit or letter (autoSpaceDN/DE, none after a
#: joiner: counted anyway). Each token is given half an em more, for the
#: rounding of real layouts.
_CJK_EM, _CAPITAL_EM, _WIDE_EM, _NARROW_EM, _LATIN_EM = 1.0, 0.78, 1.0, 0.45, 0.65
_AUTOSPACE_EM, _SLACK_EM = 0.25, 0.5
#: Word's and LibreOffice's default left and right cell margins (0.19 cm), in twips.
_DEFAULT_CELL_MARGIN = 108
#: The narrowest a column is made, as a last resort, to hold text that may break
#: anywhere: two Chinese characters.
_MIN_CHARS = 2


def width_pt(text: str, size_pt: float) -> float:
    """How wide ``text`` (one token) may print at ``size_pt``, erring wide."""
    chars = text.replace(WORD_JOINER, "")
    changes = sum(1 for a, b in pairwise(chars) if _wide(a) != _wide(b))
    return (sum(map(_em, chars)) + changes * _AUTOSPACE_EM + _SLACK_EM) * size_pt


def _em(ch: str) -> float:
    if _wide(ch):
        return _CJK_EM
    if ch in "%@&MWmw":
        return _WIDE_EM
    if ch.isupper():
        return _CAPITAL_EM
    if ch in "-.,:;/'|!()[] ":
        return _NARROW_EM
    return _LATIN_EM


#: Sizes (pt) a table is set down to, one step at a time, when its tokens do not
#: fit at its own size: 小五, 六号.
SMALLER_SIZES = (9.0, 7.5)


def fit_table(doc: Document, tbl: etree._Element) -> bool:
    """Make every column of ``tbl`` wide enough for the widest token it holds, the
    width taken from the other columns in proportion to what they can spare; the
    table's total width stays. A column gives no more than half its width and
    keeps four characters, at the table's size or else a size smaller (小五,
    六号: the whole table is set in it); failing that, a column keeps two
    characters. Returns whether the tokens fit."""
    grid = tbl.find(qn("w:tblGrid"))
    if grid is None:
        return True
    cols = grid.findall(qn("w:gridCol"))
    try:
        widths = [int(c.get(qn("w:w"))) for c in cols]
    except (TypeError, ValueError):
        return True  # no widths to work with: the layout is automatic
    if not widths or min(widths) <= 0:
        return True
    size = _table_size(doc, tbl)
    sizes = (size, *(s for s in SMALLER_SIZES if s < size))
    margins = _cell_margins(tbl)
    for keep, half in ((4, True), (_MIN_CHARS, False)):
        for smaller in sizes:
            need = _needs(doc, tbl, len(widths), smaller / size)
            least = round(keep * _CJK_EM * smaller * 20) + margins
            new = _redistribute(
                widths, need, lambda w, least=least, half=half: max(w // 2 if half else 0, least)
            )
            if new is not None:
                if new != widths:
                    _set_widths(tbl, cols, new)
                if smaller != size:
                    _set_size(tbl, smaller)
                return True
    return False


def _set_size(tbl: etree._Element, size_pt: float) -> None:
    """Every run of ``tbl`` in ``size_pt``."""
    half_points = str(round(size_pt * 2))
    for r in _TEXT_RUNS(tbl):
        rpr = run_rpr(r)
        for tag in ("w:sz", "w:szCs"):
            rpr_child(rpr, tag).set(qn("w:val"), half_points)


def _needs(doc: Document, tbl: etree._Element, n: int, scale: float = 1.0) -> list[int]:
    """Per grid column, the width in twips its widest token needs (0: none), with
    the text ``scale`` times its size."""
    margins = _cell_margins(tbl)
    need = [0] * n
    for tr in tbl.findall(qn("w:tr")):
        col = 0
        for tc in tr.findall(qn("w:tc")):
            span = _grid_span(tc)
            if span == 1 and col < n:
                for p in tc.iter(qn("w:p")):
                    text = "".join(t.text or "" for t in p.iter(qn("w:t")))
                    text = text.replace(WORD_JOINER, "")
                    size = None
                    for m in CELL_TOKEN.finditer(text):
                        size = size or _paragraph_size(doc, p) * scale
                        start, end = _with_marks(text, m)
                        token = text[start:end]
                        width = round(width_pt(token, size) * 20) + margins
                        need[col] = max(need[col], width)
            col += span
    return need


#: Marks a line may not end with (before a token) or start with (after one).
_OPENING, _CLOSING = "（《“〈【(", "）》”〉】),，、。；：%"


def _with_marks(text: str, m: re.Match) -> tuple[int, int]:
    """Where the token starts and ends with the opening and closing marks that
    stick to it: LibreOffice would otherwise end a line with the "（" of
    "（30%）"."""
    start, end = m.start(), m.end()
    while start > 0 and text[start - 1] in _OPENING:
        start -= 1
    while end < len(text) and text[end] in _CLOSING:
        end += 1
    return start, end


def _redistribute(widths: list[int], need: list[int], floor) -> list[int] | None:
    """New widths (same total) giving every column its need, or None if the others
    cannot spare enough without going below ``floor(width)`` or their own need."""
    short = sum(max(n - w, 0) for n, w in zip(need, widths, strict=True))
    if not short:
        return list(widths)
    spare = [
        0 if n >= w else max(w - max(n, floor(w)), 0) for n, w in zip(need, widths, strict=True)
    ]
    total_spare = sum(spare)
    if total_spare < short:
        return None
    new = [max(w, n) for n, w in zip(need, widths, strict=True)]
    for i, sp in enumerate(spare):
        new[i] -= short * sp // total_spare
    # rounding: the column with most to spare pays the rest; the total stays the same
    richest = spare.index(max(spare))
    new[richest] -= sum(new) - sum(widths)
    return new


def _set_widths(tbl: etree._Element, cols, new: list[int]) -> None:
    for col, width in zip(cols, new, strict=True):
        col.set(qn("w:w"), str(width))
    for tr in tbl.findall(qn("w:tr")):
        col = 0
        for tc in tr.findall(qn("w:tc")):
            span = _grid_span(tc)
            width = sum(new[col : col + span])
            tc_pr = tc.find(qn("w:tcPr"))
            tc_w = None if tc_pr is None else tc_pr.find(qn("w:tcW"))
            if tc_w is not None:
                tc_w.set(qn("w:w"), str(width))
                tc_w.set(qn("w:type"), "dxa")
            col += span


def _grid_span(tc: etree._Element) -> int:
    span = tc.find(f"{qn('w:tcPr')}/{qn('w:gridSpan')}")
    try:
        return max(int(span.get(qn("w:val"))), 1) if span is not None else 1
    except (TypeError, ValueError):
        return 1


def _cell_margins(tbl: etree._Element) -> int:
    """Left plus right cell margin of the table, in twips."""
    total = 0
    mar = tbl.find(f"{qn('w:tblPr')}/{qn('w:tblCellMar')}")
    for side, alt in (("left", "start"), ("right", "end")):
        el = None
        if mar is not None:
            el = mar.find(qn(f"w:{side}"))
            if el is None:
                el = mar.find(qn(f"w:{alt}"))
        value = _DEFAULT_CELL_MARGIN
        if el is not None and el.get(qn("w:type"), "dxa") == "dxa":
            value = int(el.get(qn("w:w"), "")) if el.get(qn("w:w"), "").isdigit() else value
        total += value
    return total


def _table_size(doc: Document, tbl: etree._Element) -> float:
    """The largest font size (pt) of the table's paragraphs."""
    return max((_paragraph_size(doc, p) for p in tbl.iter(qn("w:p"))), default=SIZE_BODY.pt)


def _paragraph_size(doc: Document, p: etree._Element) -> float:
    """The largest font size (pt) in paragraph ``p``: its runs' own, else its style's."""
    sizes = [
        int(sz.get(qn("w:val"))) / 2
        for sz in p.iterfind(f"{qn('w:r')}/{qn('w:rPr')}/{qn('w:sz')}")
        if (sz.get(qn("w:val")) or "").isdigit()
    ]
    style = p.find(f"{qn('w:pPr')}/{qn('w:pStyle')}")
    style_id = style.get(qn("w:val")) if style is not None else None
    sizes.append(_style_size(doc, style_id))
    return max(sizes)


def _style_size(doc: Document, style_id: str | None) -> float:
    """Font size (pt) of the paragraph style ``style_id`` (None: the default style),
    through its basedOn chain and the document defaults; 3号 when nothing says."""
    styles = doc.styles.element
    el = styles.get_by_id(style_id) if style_id else None
    if el is None:
        el = next(
            (
                s
                for s in styles.findall(qn("w:style"))
                if s.get(qn("w:type")) == "paragraph" and s.get(qn("w:default")) in ("1", "true")
            ),
            None,
        )
    seen: set[str] = set()
    while el is not None and el.get(qn("w:styleId")) not in seen:
        seen.add(el.get(qn("w:styleId")))
        sz = el.find(f"{qn('w:rPr')}/{qn('w:sz')}")
        if sz is not None and (sz.get(qn("w:val")) or "").isdigit():
            return int(sz.get(qn("w:val"))) / 2
        based = el.find(qn("w:basedOn"))
        el = styles.get_by_id(based.get(qn("w:val"))) if based is not None else None
    sz = styles.find(f"{qn('w:docDefaults')}/{qn('w:rPrDefault')}/{qn('w:rPr')}/{qn('w:sz')}")
    if sz is not None and (sz.get(qn("w:val")) or "").isdigit():
        return int(sz.get(qn("w:val"))) / 2
    return SIZE_BODY.pt
