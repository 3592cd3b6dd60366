"""GB/T 9704 layout of every kind of document xmgl writes, on the LibreOffice PDF.

``pdftotext -bbox-layout`` gives every printed line with its position. Each kind
is made fresh by the CLI: the FSR, the merged 可研代初步设计, the quarterly
report, the audit export (of a real signed history) and the annual plan draft.
Each gets a long project name (its title wraps) and a free-text field long
enough to fill whole pages, so that

- a page of body text holds 22 evenly spaced lines, a full line 28 characters
  flush with both edges of the 156 mm text block;
- every page number is "— N —", 4号 (smaller than the 3号 body), odd pages at
  the right and even pages at the left, 空一字 (14 pt) from the text block;
- a title that wraps is centred and its lines evenly spaced.

The 落款 of every document that has one (the quarterly report and the plan
draft) is then moved down one line at a time, by padding the text before it,
until it has met the foot of a page at every position: it never stands on a
page without 正文 above it, and it is placed as GB/T 9704 7.3.5.1 says for a
document that is sealed (the form the project adopted, docs/reports.md): the
date 右空四字, the unit centred over the date (a unit too long for that is
右空二字 and the date centred under it).

Every variant of every kind is converted in one LibreOffice run.
"""

from __future__ import annotations

import re
import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path

import docx
import pytest
from docx.oxml.ns import qn
from lxml import etree

from tests.conftest import EXAMPLE, PLAN_ARGS, REPO, edit_project, make_plan_dossiers, run_cli
from tests.test_report_typography import _env
from tests.tools import need, need_soffice
from xmgl.reports import office
from xmgl.reports import typography as ty

MM = 72 / 25.4
PAGE_W = 210 * MM
LEFT = 28 * MM
RIGHT = PAGE_W - 26 * MM
ONE_CHAR = 14  # 空一字 at 4号
FILLER = "政务信息化项目建设管理"  # CJK only: every character is one em wide
PAGE_NUMBER = re.compile(r"—\d+—")  # as pdftotext gives "— 3 —" (not a "—" table cell)
LONG_NAME = "大石桥市" + "城市运行综合指挥" * 3 + "项目"  # 30 characters: two title lines
PLAN_TITLE = "大石桥市2027年度政务信息化项目投资计划（草案）"
#: The title each kind prints on its first page (the FSR: on its cover).
TITLES = {
    "fsr": LONG_NAME + "可行性研究报告",
    "fsr_merged": LONG_NAME + "可行性研究报告（代初步设计）",
    "quarterly": LONG_NAME + "建设进展情况季度报告",
    "audit": LONG_NAME + "阶段变更审计报告",
    "plan": PLAN_TITLE,
}
KINDS = tuple(TITLES)
BODY = 16  # 3号: one character of body text, the unit of 右空N字
PAGE_LINES = 22


@pytest.fixture(autouse=True)
def _tools():
    need_soffice()
    need("pdftotext")


@dataclass(frozen=True)
class Line:
    text: str
    x0: float
    x1: float
    y0: float
    y1: float


def pdf_pages(pdf) -> list[list[Line]]:
    out = subprocess.run(
        ["pdftotext", "-bbox-layout", str(pdf), "-"], capture_output=True, check=True
    ).stdout
    root = etree.fromstring(out, etree.HTMLParser(encoding="utf-8"))
    pages = []
    for page in root.iter("page"):
        lines = [
            Line(
                "".join(w.text or "" for w in line.iter("word")),
                float(line.get("xmin")),
                float(line.get("xmax")),
                float(line.get("ymin")),
                float(line.get("ymax")),
            )
            for line in page.iter("line")
        ]
        pages.append(sorted(lines, key=lambda ln: ln.y0))
    return pages


def _cli(*args) -> None:
    r = run_cli(*args)
    assert r.exit_code in (0, 7), r.output  # 7: the failing audit (files still written)


def _copy(source: Path, target: Path) -> Path:
    shutil.copytree(source, target, ignore=shutil.ignore_patterns("reports"))
    return target


def _progress(d: dict) -> dict:
    return next(r for r in d["records"] if r["kind"] == "progress")


def _long_name(d: dict) -> None:
    d["project"]["name"] = LONG_NAME


def quarterly_padded(base: Path, lines: int, template: Path | None = None) -> Path:
    """The period-1 quarterly report of a fresh dossier whose progress description
    is ``lines`` full lines longer: the 落款 moves down one line per line.
    ``template``: the dossier's own quarterly.docx."""
    name = f"quarterly{'_own' if template else ''}-{lines}"
    root = _copy(EXAMPLE, base / name)
    if template:
        (root / "templates").mkdir(exist_ok=True)
        shutil.copy(template, root / "templates/quarterly.docx")
    text = "完成需求调研。" + (FILLER * 80)[: 28 * lines]
    edit_project(root, lambda d: _progress(d).update(description=text))
    _cli("--as-of", "2026-06-10", "-C", root, "report", "quarterly", "--period", "1")
    return root / "reports/季度进展报告-第1期.docx"


def unchained_template(target: Path) -> Path:
    """The shipped quarterly template as a clerk may leave it after editing it in
    Word: no paragraph keeps with the next (not the last one of the 正文, not the
    落款 styles)."""
    doc = docx.Document(str(REPO / "templates/quarterly.docx"))
    for name in ("落款", "填报人"):
        doc.styles[name].paragraph_format.keep_with_next = False
    for keep in list(doc.element.body.iter(qn("w:keepNext"))):
        keep.getparent().remove(keep)
    doc.save(str(target))
    return target


def plan_padded(base: Path, lines: int) -> Path:
    """The plan draft over the two units, with ``lines`` dossiers that cannot be
    read: the draft lists each in its 说明, one line each, above the 落款."""
    top = make_plan_dossiers(base / f"p{lines}" / "各单位")
    for n in range(lines):
        bad = top / f"损坏{n:02d}"
        bad.mkdir()
        (bad / "project.yaml").write_text("project: [\n", encoding="utf-8")
    stem = base / f"plan-{lines}"
    with pytest.MonkeyPatch.context() as mp:
        mp.chdir(base / f"p{lines}")  # the 说明 names each dossier by its short path
        _cli("portfolio", "各单位", *PLAN_ARGS, "--output", stem)
    return stem.with_name(stem.name + ".docx")


def add_body_page(path: Path) -> None:
    """A page and more of plain body text at the end of the .docx at ``path``, in
    the document's own body style (the plan draft has no free-text field)."""
    doc = docx.Document(str(path))
    doc.add_paragraph(FILLER * 120)
    doc.add_paragraph("（完）")  # the filler's last page is not a full one
    doc.save(str(path))


@pytest.fixture(scope="module")
def made(tmp_path_factory, _history_template) -> dict[str, Path]:
    """Every kind with a long name and pages of body text, and every padded
    variant of the quarterly report and the plan draft; all as PDF."""
    base = tmp_path_factory.mktemp("layout-all")
    (base / "pdf").mkdir()
    docs: dict[str, Path] = {}
    with pytest.MonkeyPatch.context() as mp:
        _env(mp, base / "home")
        fsr = _copy(EXAMPLE, base / "fsr")
        edit_project(fsr, lambda d: (_long_name(d), d["project"].update(summary=FILLER * 120)))
        _cli("--as-of", "2026-09-15", "-C", fsr, "report", "fsr")
        docs["fsr"] = fsr / "reports/可行性研究报告.docx"

        small = _copy(REPO / "tests/dossiers/merged-small", base / "merged")
        edit_project(small, lambda d: (_long_name(d), d["project"].update(summary=FILLER * 120)))
        _cli("--as-of", "2026-05-05", "-C", small, "report", "fsr", "--merged")
        docs["fsr_merged"] = small / "reports/可行性研究报告（代初步设计）.docx"

        q = _copy(EXAMPLE, base / "quarterly")
        edit_project(q, lambda d: (_long_name(d), _progress(d).update(description=FILLER * 120)))
        _cli("--as-of", "2026-06-10", "-C", q, "report", "quarterly", "--period", "1")
        docs["quarterly"] = q / "reports/季度进展报告-第1期.docx"

        h = _history_template.copy(base / "audit")
        # an unsigned commit whose subject fills pages: the failing audit prints it
        h.git("-c", "commit.gpgsign=false", "commit", "-q", "--allow-empty", "-m", FILLER * 120)
        edit_project(h.root, _long_name)  # the export names the project as it is now
        _cli("-C", h.root, "--as-of", "2026-11-01", "audit", "export", "-o", base / "audit-x")
        docs["audit"] = next((base / "audit-x").glob("*.docx"))

        (base / "plan").mkdir()
        docs["plan"] = plan_padded(base / "plan", 0)
        add_body_page(docs["plan"])

        own = unchained_template(base / "quarterly.docx")
        for n in range(PAGE_LINES + 1):
            docs[f"quarterly-{n}"] = quarterly_padded(base, n)
            docs[f"quarterly_own-{n}"] = quarterly_padded(base, n, own)
            docs[f"plan-{n}"] = plan_padded(base, n)
    # one name per file, next to its PDF: LibreOffice writes <stem>.pdf into one folder
    flat = {key: shutil.copy(path, base / "pdf" / f"{key}.docx") for key, path in docs.items()}
    pdfs = office.convert_all_to_pdf(list(flat.values()), base / "pdf")
    return {key: pdfs[path] for key, path in flat.items()}


@pytest.fixture(scope="module")
def pages(made) -> dict[str, list[list[Line]]]:
    return {key: pdf_pages(pdf) for key, pdf in made.items()}


def body_lines(page: list[Line]) -> list[Line]:
    return [ln for ln in page if not PAGE_NUMBER.fullmatch(ln.text)]


# ------------------------------------------------------------ the type area


@pytest.mark.parametrize("kind", KINDS)
def test_a_full_page_holds_22_lines_of_28_characters(pages, kind):
    full = [
        (n, body)
        for n, page in enumerate(pages[kind], 1)
        if (body := body_lines(page)) and all(set(ln.text) <= set(FILLER) for ln in body)
    ]
    assert full, f"{kind}: no page of body text only"
    for n, body in full:
        assert len(body) == PAGE_LINES, (kind, n, len(body))
        steps = [b.y0 - a.y0 for a, b in zip(body, body[1:], strict=False)]
        assert max(steps) - min(steps) < 0.2, (kind, n, steps)  # one 28.95 pt pitch
        assert {len(ln.text) for ln in body} == {28}, (kind, n)
        for ln in body:  # flush with both edges of the 156 mm text block
            assert abs(ln.x0 - LEFT) < 2 and abs(ln.x1 - RIGHT) < 3, (kind, n, ln)


@dataclass(frozen=True)
class PageInfo:
    landscape: bool
    pieces: list[tuple[float, float, float]]  # each text piece's left, top, size (pt)

    def sizes_in(self, ln: Line) -> set[float]:
        """The font sizes of the text printed in the box of the line ``ln``."""
        return {
            size
            for left, top, size in self.pieces
            if ln.x0 - 2 <= left <= ln.x1 + 2 and ln.y0 - 4 <= top <= ln.y1 + 2
        }


def page_info(pdf: Path) -> list[PageInfo]:
    """Per page: its orientation and font sizes, from poppler's ``pdftohtml -xml``."""
    out = subprocess.run(
        ["pdftohtml", "-xml", "-i", "-zoom", "1", "-stdout", str(pdf)],
        capture_output=True,
        check=True,
    ).stdout
    root = etree.fromstring(out, etree.XMLParser(recover=True, huge_tree=True))
    sizes = {f.get("id"): float(f.get("size")) for f in root.iter("fontspec")}
    return [
        PageInfo(
            float(page.get("width")) > float(page.get("height")),
            [
                (float(t.get("left")), float(t.get("top")), sizes[t.get("font")])
                for t in page.iter("text")
            ],
        )
        for page in root.iter("page")
    ]


#: A landscape page (a 横排表格) is the portrait page turned, its table's head at
#: the binding edge (GB/T 9704 8): the portrait text block's left edge is its top
#: margin, 28 mm; the block is 156 mm long.
TURNED_TOP = 28 * MM
TURNED_END = TURNED_TOP + 156 * MM
PAGE_H = 297 * MM
DASH_BELOW = 7 * MM


@pytest.mark.parametrize("kind", KINDS)
def test_page_numbers_4hao_odd_right_even_left(made, pages, kind):
    numbered = turned = 0
    info = page_info(made[kind])
    foot = None  # how far the portrait pages' number is from the bottom edge
    for n, page in enumerate(pages[kind], 1):
        marks = [ln for ln in page if PAGE_NUMBER.fullmatch(ln.text)]
        if not marks:
            assert kind.startswith("fsr") and n == 1, f"{kind}: page {n} has no number"
            continue  # the cover
        numbered += 1
        mark = marks[-1]
        assert mark.text == f"—{n}—", (kind, n, mark)  # half-width digits
        assert info[n - 1].sizes_in(mark) == {14}, (kind, n, info[n - 1].sizes_in(mark))
        if info[n - 1].landscape:
            # GB/T 9704 8: where the other pages have it, on the page turned to read
            # the table: along the left edge, reading downwards, 空一字 from the ends
            # of the block (odd pages: its bottom end; even: its top end)
            turned += 1
            assert mark.y1 - mark.y0 > mark.x1 - mark.x0, (kind, n, mark)  # turned
            if n % 2:
                assert abs((TURNED_END - mark.y1) - ONE_CHAR) < 2, (kind, n, mark)
            else:
                assert abs((mark.y0 - TURNED_TOP) - ONE_CHAR) < 2, (kind, n, mark)
            assert foot is not None and abs(mark.x0 - foot) < 3, (kind, n, mark, foot)
            assert abs((35 * MM - mark.x1) - DASH_BELOW) < 1.5 * MM, (kind, n, mark)
            continue
        foot = PAGE_H - mark.y1
        # 7.5.1: 一字线上距版心下边缘 7 mm (the top of the number's line box)
        assert abs((mark.y0 - (PAGE_H - 35 * MM)) - DASH_BELOW) < 1.5 * MM, (kind, n, mark)
        assert mark.y0 > max(ln.y0 for ln in body_lines(page)), (kind, n)  # below the text
        if n % 2:
            assert abs((RIGHT - mark.x1) - ONE_CHAR) < 2, (kind, n, mark)
        else:
            assert abs((mark.x0 - LEFT) - ONE_CHAR) < 2, (kind, n, mark)
    assert numbered >= 3, kind
    assert turned == (1 if kind == "plan" else 0), kind  # the plan's list of projects
    # in the .docx: every footer is "— PAGE —" in 4号宋体, half-width digits
    doc = docx.Document(str(made[kind].with_suffix(".docx")))
    footer = ty.resolve_font(doc, "Footer")
    assert (footer.east_asia, footer.ascii, footer.size_pt) == ("宋体", "宋体", 14), footer
    for section in doc.sections:
        for f in (section.footer, section.even_page_footer):
            ps = f._element.findall(f".//{qn('w:p')}")
            texts = ["".join(t.text for t in p.iter(qn("w:t"))) for p in ps]
            assert "— 1 —" in texts, (kind, texts)
            for p in ps:
                assert p.find(f".//{qn('w:r')}/{qn('w:rPr')}/{qn('w:sz')}") is None, kind


@pytest.mark.parametrize("kind", KINDS)
def test_a_wrapped_title_is_centred_and_evenly_spaced(pages, kind):
    first = pages[kind][0]
    title = TITLES[kind]
    lines, text = [], ""
    for ln in first:
        if not title.startswith(text + ln.text):
            continue
        lines.append(ln)
        text += ln.text
        if text == title:
            break
    assert text == title, (kind, [ln.text for ln in first[:5]])
    assert len(lines) >= 2, kind
    gaps = [b.y0 - a.y0 for a, b in zip(lines, lines[1:], strict=False)]
    assert max(gaps) - min(gaps) < 0.5, (kind, gaps)
    for ln in lines:
        assert abs((ln.x0 + ln.x1) / 2 - (LEFT + RIGHT) / 2) < 2, (kind, ln)


# ------------------------------------------------------------ 落款

#: kind -> (the unit's line starts with, the date): what each 落款 prints
SIGN_OFFS = {
    "quarterly": ("大石桥市城市管理综合行政执法局（盖章）", "2026年6月8日"),
    # a dossier's own template, edited in Word: no "keep with next" left in it
    "quarterly_own": ("大石桥市城市管理综合行政执法局（盖章）", "2026年6月8日"),
    "plan": ("大石桥市数据局", "2026年12月20日"),
}
#: 落款 lines, and lines of the block a 落款 may carry along (the quarterly report's
#: 填报人 and 联系电话 line, which pdftotext may give as two)
NOT_BODY = ("填报人", "联系电话")


def sign_off(pages: list[list[Line]], unit: str, date: str) -> tuple[int, list[Line], int]:
    """(page number, its lines, index of the unit's line) of the 落款."""
    for n, page in enumerate(pages, 1):
        for i, ln in enumerate(page):
            if ln.text == unit:
                assert i + 1 < len(page) and page[i + 1].text == date, (n, page[i:])
                return n, page, i
    raise AssertionError(f"no 落款 {unit}")


@pytest.mark.parametrize("kind", tuple(SIGN_OFFS))
def test_the_sign_off_meets_the_page_end_at_every_line_and_never_stands_alone(pages, kind):
    unit, date = SIGN_OFFS[kind]
    where = set()
    for lines in range(PAGE_LINES + 1):
        n, page, i = sign_off(pages[f"{kind}-{lines}"], unit, date)
        body = [ln for ln in body_lines(page)[:i] if not ln.text.startswith(NOT_BODY)]
        assert body, f"{kind}, {lines} lines more: the 落款 stands alone on page {n}"
        # the last line of the 正文 is right above it (not a heading, not a blank page)
        assert body[-1].y0 > page[i].y0 - 5 * 29, (kind, lines, body[-1], page[i])
        where.add((n, len(body)))
    # the padding moved it over a page end: it met the foot of a page
    assert len({n for n, _ in where}) >= 2, (kind, where)


@pytest.mark.parametrize("kind", tuple(SIGN_OFFS))
def test_the_sign_off_is_placed_as_gbt9704_7_3_5(pages, kind):
    unit_text, date_text = SIGN_OFFS[kind]
    for lines in range(PAGE_LINES + 1):
        _, page, i = sign_off(pages[f"{kind}-{lines}"], unit_text, date_text)
        unit, date = page[i], page[i + 1]
        centre = lambda ln: (ln.x0 + ln.x1) / 2  # noqa: E731
        # the unit centred over the date (as printed)
        assert abs(centre(unit) - centre(date)) < 2, (kind, lines, unit, date)
        # the date 右空四字; or, for a unit too long to centre over it, the unit 右空二字
        date_inset, unit_inset = RIGHT - date.x1, RIGHT - unit.x1
        assert date_inset > 4 * BODY - 2 and unit_inset > 2 * BODY - 2, (kind, lines, unit, date)
        assert min(date_inset - 4 * BODY, unit_inset - 2 * BODY) < 2, (kind, lines, unit, date)
        # the date on the line below the unit
        assert 28 < date.y0 - unit.y0 < 30, (kind, lines, unit, date)


@pytest.mark.parametrize("kind", ("quarterly", "quarterly_own"))
def test_the_contact_is_a_note_below_the_date(pages, kind):
    """The 填报人 and phone are a 附注 (GB/T 9704 7.3.6): on the line below the
    date, 居左空二字, in parentheses, on the date's page wherever the 落款 falls.
    Above the 落款 they kept the seal more than a line from the 正文 (7.3.5.1)."""
    unit_text, date_text = SIGN_OFFS[kind]
    for lines in range(PAGE_LINES + 1):
        n, page, i = sign_off(pages[f"{kind}-{lines}"], unit_text, date_text)
        assert i + 2 < len(page), (kind, lines, n, page[i:])
        date, note = page[i + 1], page[i + 2]
        assert note.text.startswith("（填报人：") and note.text.endswith("）"), (kind, lines, note)
        assert abs(note.x0 - (LEFT + 2 * BODY)) < 2, (kind, lines, note)
        assert 28 < note.y0 - date.y0 < 30, (kind, lines, date, note)
        assert not any(ln.text.startswith("（填报人") for ln in page[:i]), (kind, lines)
