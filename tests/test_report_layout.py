"""GB/T 9704 layout of the rendered reports, measured on the LibreOffice PDF.

``pdftotext -bbox-layout`` gives every line with its position; a page full of
body text must hold 22 lines, a full body line 28 characters, and the page
number "— N —" sits at the right on odd pages and at the left on even pages,
空一字 (one 4号 character, 14 pt) from the text block.
"""

from __future__ import annotations

import shutil
import subprocess
from dataclasses import dataclass

import docx
import pytest
from lxml import etree

from tests.conftest import edit_project
from tests.test_reports import FSR_FILE, make
from tests.tools import need, need_soffice
from xmgl.reports import office


@pytest.fixture(autouse=True)
def _tools():
    need_soffice()
    need("pdftotext")


MM = 72 / 25.4
PAGE_W = 210 * MM
LEFT = 28 * MM
RIGHT = PAGE_W - 26 * MM
ONE_CHAR = 14  # 空一字 at 4号
FILLER = "政务信息化项目建设管理"  # CJK only: every character is one em wide


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


def is_page_number(line: Line) -> bool:
    return line.text.startswith("—") and line.text.endswith("—")


@pytest.fixture(scope="module")
def long_fsr(tmp_path_factory):
    """An FSR whose 建设内容 runs over several full pages of plain CJK text."""
    need_soffice()
    need("pdftotext")
    from tests.conftest import REPO, run_cli

    root = tmp_path_factory.mktemp("layout") / "dossier"
    shutil.copytree(REPO / "dossier-example", root, ignore=shutil.ignore_patterns("reports"))
    edit_project(root, lambda d: d["project"].__setitem__("summary", FILLER * 120))
    result = run_cli("--as-of", "2026-09-15", "-C", root, "report", "fsr")
    assert result.exit_code == 0, result.output
    pdf = office.convert_to_pdf(root / FSR_FILE, root / "pdf")
    return pdf_pages(pdf)


def full_body_pages(pages):
    """Pages whose text lines all belong to the filler paragraph."""
    found = []
    for n, lines in enumerate(pages, 1):
        body = [ln for ln in lines if not is_page_number(ln)]
        if body and all(set(ln.text) <= set(FILLER) for ln in body):
            found.append((n, body))
    return found


def test_a_full_page_holds_22_lines(long_fsr):
    full = full_body_pages(long_fsr)
    assert full, "no page of body text only"
    for n, body in full:
        assert len(body) == 22, (n, len(body))
        steps = {round(b.y0 - a.y0, 1) for a, b in zip(body, body[1:], strict=False)}
        assert max(steps) - min(steps) < 0.2  # an even 28.95 pt line pitch


def test_a_full_body_line_holds_28_characters(long_fsr):
    n, body = full_body_pages(long_fsr)[0]
    assert {len(ln.text) for ln in body} == {28}, n
    for ln in body:  # flush with both edges of the 156 mm text block
        assert abs(ln.x0 - LEFT) < 2 and abs(ln.x1 - RIGHT) < 3


def test_page_numbers_odd_right_even_left(long_fsr):
    numbers = {}
    for n, lines in enumerate(long_fsr, 1):
        marks = [ln for ln in lines if is_page_number(ln)]
        if marks:
            numbers[n] = marks[-1]
    assert 1 not in numbers  # the cover has none
    assert len(numbers) >= 4
    for n, mark in numbers.items():
        assert mark.text == f"—{n}—"
        if n % 2:
            assert abs((RIGHT - mark.x1) - ONE_CHAR) < 2, (n, mark)
        else:
            assert abs((mark.x0 - LEFT) - ONE_CHAR) < 2, (n, mark)


def test_sign_off_never_alone_on_a_page(xmgl, example, tmp_path):
    # the 落款 follows a body that ends near the foot of a page: it takes the
    # last body lines with it rather than standing alone
    for filler in (10, 14, 18):
        edit_project(
            example,
            lambda d, k=filler: next(r for r in d["records"] if r["kind"] == "progress").update(
                description=FILLER * k
            ),
        )
        make(xmgl, example, "quarterly", "--period", "1", "--force", as_of="2026-06-10")
        pdf = office.convert_to_pdf(
            example / "reports/季度进展报告-第1期.docx", tmp_path / str(filler)
        )
        pages = pdf_pages(pdf)
        page = next(p for p in pages if any("（盖章）" in ln.text for ln in p))
        i = next(i for i, ln in enumerate(page) if "（盖章）" in ln.text)
        above = [ln for ln in page[:i] if not ln.text.startswith("填报人")]
        assert above, f"落款 alone on its page (filler {filler})"
    doc = docx.Document(example / "reports/季度进展报告-第1期.docx")
    assert doc.paragraphs[-1].text == "2026年6月8日"
    # the chain that holds it: the last body paragraph and every 落款 line but the
    # last keep with the next, so a page can never begin with the 落款
    tail = doc.paragraphs[-4:]
    assert tail[0].text.startswith("【待填写：需市数据局")
    assert [
        bool(p.paragraph_format.keep_with_next or p.style.paragraph_format.keep_with_next)
        for p in tail[:-1]
    ] == [True, True, True]


def test_title_lines_are_evenly_spaced(xmgl, example, tmp_path):
    # a project name that wraps: its two lines and the next title line, evenly apart
    edit_project(
        example,
        lambda d: d["project"].__setitem__("name", "大石桥市" + "城市运行综合指挥" * 3 + "项目"),
    )
    make(xmgl, example, "quarterly", "--period", "2", as_of="2026-09-10")
    pdf = office.convert_to_pdf(example / "reports/季度进展报告-第2期.docx", tmp_path)
    first = pdf_pages(pdf)[0]
    titles = first[:3]
    assert titles[2].text == "建设进展情况季度报告"
    gaps = [round(b.y0 - a.y0) for a, b in zip(titles, titles[1:], strict=False)]
    assert gaps[0] == gaps[1], gaps
