"""Typography every generated document shares, read on the LibreOffice PDF.

Issue 10: a 文号 (〔2026〕12号) and a hash (40/64-hex commit id, SHA256:…
fingerprint) are never broken across lines; each document writes dates one way
and zero amounts one way. The documents are the real ones: the FSR, the merged
可研代初步设计, the quarterly report, the audit export of a real signed history
(passing and failing) and the annual plan draft, converted by LibreOffice and
read back with ``pdftotext -layout`` (one text line per printed line).
"""

from __future__ import annotations

import datetime as dt
import re
import shutil
import subprocess
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

import docx
import pytest
from docx.oxml.ns import qn

from tests.conftest import EXAMPLE, PLAN_ARGS, REPO, edit_project, make_plan_dossiers, run_cli
from tests.tools import need, need_soffice
from xmgl.reports import linebreak as lb
from xmgl.reports import office
from xmgl.reports import typography as ty

#: 文号 (GB/T 9704 7.2.4): 机关代字, 〔年份〕, 顺序号, 号
DOC_NUMBER = re.compile(r"[\u4e00-\u9fff]{0,8}〔\d{4}〕\d+号")
#: a git commit id (SHA-1 or SHA-256) or an ssh key fingerprint
HASH = re.compile(
    r"(?<![0-9a-f])(?:[0-9a-f]{64}|[0-9a-f]{40})(?![0-9a-f])|SHA256:[A-Za-z0-9+/]{43}"
)
TOKENS = (DOC_NUMBER, HASH)
#: What a reader reads as one token besides (the test's own reading, not the
#: code's): a voucher number, an identifier or command word with a hyphen or
#: slash, a standard's number, a number with its unit (with the marks around it).
VOUCHER = re.compile(r"〔\d{4}〕\d+(?:-\d+)+")
IDENTIFIER = re.compile(r"(?<![0-9A-Za-z])[0-9A-Za-z]+(?:[-/][0-9A-Za-z]+)+|--[a-z]+(?:-[a-z]+)*")
STANDARD = re.compile(r"\d+—\d{4}")  # the 39786—2021 of GB/T 39786—2021
NUMBER_UNIT = re.compile(r"（?(?<![\d.,])\d[\d,]*(?:\.\d+)?(?:万元|元|个月|个|年|月|日|%)）?")
MORE_TOKENS = (VOUCHER, IDENTIFIER, STANDARD, NUMBER_UNIT)


@dataclass(frozen=True)
class Made:
    docx: Path
    pdf: Path
    unit: str = ""  # the unit the document is from: its author
    window: tuple[dt.datetime, dt.datetime] | None = None  # when it was generated (UTC)

    def paragraphs(self) -> list[str]:
        """Every paragraph's text (tables included), as a reader copies it."""
        body = docx.Document(str(self.docx)).element.body
        return [
            "".join(t.text or "" for t in p.iter(qn("w:t"))).replace(lb.WORD_JOINER, "")
            for p in body.iter(qn("w:p"))
        ]

    def lines(self) -> list[str]:
        out = subprocess.run(
            ["pdftotext", "-layout", str(self.pdf), "-"], capture_output=True, check=True
        ).stdout.decode("utf-8")
        # pdftotext puts a space between Latin and Chinese text; a token has none
        return [line.replace(" ", "") for line in out.splitlines()]


def _env(mp, home: Path) -> None:
    from tests.gitfixtures import GIT_LEAKS

    for name in GIT_LEAKS:
        mp.delenv(name, raising=False)
    home.mkdir(parents=True, exist_ok=True)
    (home / ".gitconfig").write_text(
        "[user]\n\tname = 刘晓梅\n\temail = liuxm@example.gov.cn\n[init]\n\tdefaultBranch = main\n",
        encoding="utf-8",
    )
    for key, value in {
        "HOME": str(home),
        "GIT_CONFIG_GLOBAL": str(home / ".gitconfig"),
        "GIT_CONFIG_NOSYSTEM": "1",
        "LC_ALL": "C.UTF-8",
        "COLUMNS": "80",
        "NO_COLOR": "1",
        "TERM": "dumb",
    }.items():
        mp.setenv(key, value)
    for role in ("AUTHOR", "COMMITTER"):
        mp.setenv(f"GIT_{role}_NAME", "刘晓梅")
        mp.setenv(f"GIT_{role}_EMAIL", "liuxm@example.gov.cn")


def _cli(*args) -> None:
    r = run_cli(*args)
    assert r.exit_code in (0, 7), r.output  # 7: the failing audit (files still written)


@pytest.fixture(scope="module")
def documents(tmp_path_factory, _history_template) -> dict[str, Made]:
    """Every kind of document xmgl writes, made by the CLI and rendered to PDF."""
    need_soffice()
    need("pdftotext")
    base = tmp_path_factory.mktemp("typography")
    made: dict[str, Path] = {}
    start = dt.datetime.now(dt.UTC).replace(microsecond=0)
    with pytest.MonkeyPatch.context() as mp:
        _env(mp, base / "home")
        fsr = base / "fsr"
        shutil.copytree(EXAMPLE, fsr, ignore=shutil.ignore_patterns("reports"))
        _cli("--as-of", "2026-09-15", "-C", fsr, "report", "fsr")
        made["fsr"] = fsr / "reports/可行性研究报告.docx"
        _cli("--as-of", "2026-09-10", "-C", fsr, "report", "quarterly", "--period", "2")
        made["quarterly"] = fsr / "reports/季度进展报告-第2期.docx"
        small = base / "merged"
        shutil.copytree(REPO / "tests/dossiers/merged-small", small)
        _cli("--as-of", "2026-05-05", "-C", small, "report", "fsr", "--merged")
        made["fsr_merged"] = small / "reports/可行性研究报告（代初步设计）.docx"
        # period 1 with nothing invested or paid yet: zero amounts from two sources
        zero = base / "zero"
        shutil.copytree(EXAMPLE, zero, ignore=shutil.ignore_patterns("reports"))
        edit_project(
            zero,
            lambda d: next(r for r in d["records"] if r["kind"] == "progress").update(
                invested="0元"
            ),
        )
        _cli("--as-of", "2026-06-10", "-C", zero, "report", "quarterly", "--period", "1")
        made["quarterly_zero"] = zero / "reports/季度进展报告-第1期.docx"

        for name, failing in (("audit_pass", False), ("audit_fail", True)):
            h = _history_template.copy(base / name)
            if failing:  # an unsigned commit on top: the audit does not pass
                h.git("-c", "commit.gpgsign=false", "commit", "-q", "--allow-empty", "-m", "补充")
            out = base / f"{name}-export"
            _cli("-C", h.root, "--as-of", "2026-11-01", "audit", "export", "-o", out)
            made[name] = out / "阶段变更审计-2026-11-01.docx"

        top = make_plan_dossiers(base / "各单位")
        stem = base / "2027年度投资计划草案"
        _cli("portfolio", top, *PLAN_ARGS, "--output", stem)
        made["plan"] = stem.with_name(stem.name + ".docx")
    window = (start, dt.datetime.now(dt.UTC))
    example, small = "大石桥市城市管理综合行政执法局", "大石桥市营商环境建设局"
    units = dict.fromkeys(made, example) | {"fsr_merged": small, "plan": "大石桥市数据局"}
    pdfs = base / "pdf"
    return {
        name: Made(path, office.convert_to_pdf(path, pdfs / name), units[name], window)
        for name, path in made.items()
    }


KINDS = ("fsr", "fsr_merged", "quarterly", "quarterly_zero", "audit_pass", "audit_fail", "plan")


# ------------------------------------------------------------ tokens never broken


@pytest.mark.parametrize("kind", KINDS)
def test_doc_numbers_and_hashes_are_whole_on_one_printed_line(documents, kind):
    made = documents[kind]
    written = Counter(m.group() for p in made.paragraphs() for rx in TOKENS for m in rx.finditer(p))
    lines = made.lines()
    printed = {tok: sum(ln.count(tok) for ln in lines) for tok in written}
    if kind != "plan":  # the plan cites no 文号 and no hash
        assert written, f"{kind}: no 文号 or hash to check"
    broken = {tok: n - printed[tok] for tok, n in written.items() if printed[tok] < n}
    assert not broken, f"{kind}: broken across lines: {broken}"
    # the zero-width joiners that hold a 文号 together are not in the text a reader copies
    assert not any(lb.WORD_JOINER in ln for ln in made.lines())


def _split_paragraphs(path: Path) -> tuple[list[str], list[str]]:
    """The text of the paragraphs outside tables, and of those in table cells."""
    body = docx.Document(str(path)).element.body
    outside, inside = [], []
    for p in body.iter(qn("w:p")):
        text = "".join(t.text or "" for t in p.iter(qn("w:t"))).replace(lb.WORD_JOINER, "")
        in_cell = any(a.tag == qn("w:tc") for a in p.iterancestors())
        (inside if in_cell else outside).append(text)
    return outside, inside


@pytest.mark.parametrize("kind", KINDS)
def test_every_token_prints_whole(documents, kind):
    # issue 10: "HT-2026-" / "001", "大财支〔" / "2026〕0615-" / "03", "（29,400" /
    # "元）", "12" / "个月" in tables: every occurrence a document writes in a table
    # (and every voucher number in body text) is printed whole on one line.
    made = documents[kind]
    outside, inside = _split_paragraphs(made.docx)
    written = Counter(
        m.group().replace(" ", "")
        for texts, patterns in ((outside, (VOUCHER,)), (inside, MORE_TOKENS))
        for p in texts
        for rx in patterns
        for m in rx.finditer(p)
    )
    assert written, f"{kind}: no token to check"
    lines = made.lines()
    printed = {tok: sum(ln.count(tok) for ln in lines) for tok in written}
    broken = {tok: n - printed[tok] for tok, n in written.items() if printed[tok] < n}
    assert not broken, f"{kind}: broken across lines: {broken}"
    if kind.startswith("quarterly"):  # the contract ids and the voucher of the payments
        assert {"HT-2026-001", "HT-2026-002"} <= set(written), written


def table_dates(path: Path) -> Counter:
    """Every date written in a table cell of the .docx at ``path``."""
    body = docx.Document(str(path)).element.body
    found: Counter = Counter()
    for tc in body.iter(qn("w:tc")):
        for p in tc.iter(qn("w:p")):
            text = "".join(t.text or "" for t in p.iter(qn("w:t"))).replace(lb.WORD_JOINER, "")
            found.update(CN_DATE.findall(text))
    return found


CN_DATE = re.compile(r"\d{4}年\d{1,2}月\d{1,2}日")


@pytest.mark.parametrize("kind", KINDS)
def test_no_date_in_a_table_wraps_inside_itself(documents, kind):
    # issue 10: "2026年6月15" on one line and "日" on the next, in the quarterly
    # report's narrow date columns; a date in any table of any document prints whole
    made = documents[kind]
    in_tables = table_dates(made.docx)
    if kind not in ("fsr", "fsr_merged", "plan"):  # these have no date in a table
        assert in_tables, f"{kind}: no date in a table"
    everywhere = Counter(d for p in made.paragraphs() for d in CN_DATE.findall(p))
    printed = Counter(d for line in made.lines() for d in CN_DATE.findall(line))
    # a date also written in the body may break there (body text wraps at 28
    # characters); each table occurrence must print whole, so at least as many
    # whole ones as tables hold, and all of them for a date written only in tables
    broken = {d: n - printed[d] for d, n in in_tables.items() if printed[d] < n}
    assert not broken, f"{kind}: dates broken across lines: {broken}"
    only = {d: n for d, n in in_tables.items() if everywhere[d] == n}
    if kind.startswith("quarterly"):  # the payment, contract, procurement dates
        assert len(only) >= 3, only
    broken = {d: n - printed[d] for d, n in only.items() if printed[d] < n}
    assert not broken, f"{kind}: dates broken across lines: {broken}"


def test_a_date_fits_a_narrow_column_wherever_it_stands(tmp_path):
    """The class, not the example: the longest dates in 25 mm columns at 五号, alone
    or after 0…9 characters of text, print whole once keep_whole has run."""
    need_soffice()
    need("pdftotext")
    doc = docx.Document()
    ty.apply_gbt9704(doc)
    dates = ["2026年12月31日", "2027年10月1日", "2026年6月5日"]
    rows = [(d, "政" * k + d + "付款") for d in dates for k in range(10)]
    table = doc.add_table(rows=len(rows), cols=6)
    for row, (alone, inside) in zip(table.rows, rows, strict=True):
        row.cells[0].text, row.cells[1].text = alone, inside
        row.cells[2].text = "HT-2026-001"
    ty.style_table(table, font_size_pt=10.5, header_rows=0)
    from docx.shared import Mm

    table.autofit = False
    for column in table.columns:
        column.width = Mm(26)
        for cell in column.cells:
            cell.width = Mm(26)
    lb.keep_whole(doc)
    path = tmp_path / "narrow.docx"
    doc.save(str(path))
    lines = Made(path, office.convert_to_pdf(path, tmp_path)).lines()
    printed = Counter(d for line in lines for d in CN_DATE.findall(line))
    assert printed == Counter(d for d in dates for _ in range(20)), printed


def _sweep(tmp_path, tokens: list[str]) -> list[str]:
    """Each token after 0…27 characters of text, so it meets the end of a full
    28-character line at every one of its positions; returns the printed lines."""
    doc = docx.Document()
    ty.apply_gbt9704(doc)
    for token in tokens:
        for k in range(28):
            p = doc.add_paragraph("政" * k + token + "政务信息化项目建设管理" * 3)
            p.paragraph_format.first_line_indent = 0
    lb.keep_whole(doc)
    path = tmp_path / "sweep.docx"
    doc.save(str(path))
    return Made(path, office.convert_to_pdf(path, tmp_path)).lines()


def test_a_doc_number_or_hash_meets_the_line_end_at_every_position(tmp_path):
    need_soffice()
    need("pdftotext")
    tokens = [
        "国办发〔2019〕57号",
        "发改高技〔2008〕2544号",
        "（大营商审批〔2026〕21号）",
        "0123456789abcdef0123456789abcdef01234567",  # a SHA-1 commit id
    ]
    lines = _sweep(tmp_path, tokens)
    for token in tokens:
        whole = sum(line.count(token) for line in lines)
        assert whole == 28, f"{token}: whole on one line {whole} times of 28"


def test_a_voucher_number_meets_the_line_end_at_every_position(tmp_path):
    # a voucher number is a 文号 (with a "-03" and no 号): held whole in body text
    need_soffice()
    need("pdftotext")
    tokens = ["大财支〔2026〕0615-03", "（营财预〔2026〕12-1）"]
    lines = _sweep(tmp_path, tokens)
    for token in tokens:
        whole = sum(line.count(token) for line in lines)
        assert whole == 28, f"{token}: whole on one line {whole} times of 28"


def test_body_dates_and_amounts_carry_no_joiner(tmp_path):
    """Body text other than a 文号 is left as typed (module docstring of
    xmgl.reports.linebreak): a reader's search finds a date, an amount or a
    contract number, and a command copied from it runs."""
    doc = docx.Document()
    ty.apply_gbt9704(doc)
    texts = [
        "项目于2026年6月15日开工，总投资386万元（3,860,000元），建设期12个月，合同HT-2026-001。",
        "对照GB/T 39786—2021的要求。",
        "运行 git -c gpg.ssh.allowedSignersFile=<名单> log --no-walk 或 ssh-keygen -Y verify。",
    ]
    for text in texts:
        doc.add_paragraph(text)
    lb.keep_whole(doc)
    assert [p.text for p in doc.paragraphs] == texts


def _narrow_table(tmp_path, name, columns_mm, rows) -> tuple[docx.Document, Path]:
    from docx.shared import Mm

    doc = docx.Document()
    ty.apply_gbt9704(doc)
    table = doc.add_table(rows=len(rows), cols=len(columns_mm))
    for row, values in zip(table.rows, rows, strict=True):
        for cell, value in zip(row.cells, values, strict=True):
            cell.text = value
    ty.style_table(table, font_size_pt=10.5, header_rows=0)
    table.autofit = False
    for column, width in zip(table.columns, columns_mm, strict=True):
        column.width = Mm(width)
        for cell in column.cells:
            cell.width = Mm(width)
    lb.keep_whole(doc)
    path = tmp_path / f"{name}.docx"
    doc.save(str(path))
    return doc, path


def test_a_token_fits_a_narrow_column_wherever_it_stands(tmp_path):
    """Identifiers, vouchers and amounts in 26 mm columns at 五号, alone or after
    0…9 characters of text, print whole once keep_whole has run."""
    need_soffice()
    need("pdftotext")
    tokens = ["DSQ-XXH-2026-007", "〔2026〕0615-03", "（1,014,000元）", "12个月", "（30%）"]
    rows = [[t, "政" * k + t] for k in range(10) for t in tokens]
    rows = [[a, b, a + "说明文字说明文字说明", "政务信息", "说明", "文字"] for a, b in rows]
    doc, path = _narrow_table(tmp_path, "narrow", [26] * 6, rows)
    # a token that starts its cell needs no joiner: its text stays as written
    assert [r.cells[0].text for r in doc.tables[0].rows] == [a for a, *_ in rows]
    assert all(
        r.cells[2].text.startswith(a) for r, (a, *_) in zip(doc.tables[0].rows, rows, strict=True)
    )
    lines = Made(path, office.convert_to_pdf(path, tmp_path)).lines()
    for token in tokens:
        whole = sum(line.count(token) for line in lines)
        assert whole == 30, f"{token}: whole {whole} times of 30"


def test_a_table_too_full_for_its_tokens_is_set_smaller(tmp_path):
    """Five columns whose tokens need more than the 156 mm at 五号 (the quarterly
    report's payments with a long voucher and amount): the table is set in 小五
    and every token prints whole."""
    need_soffice()
    need("pdftotext")
    row = [
        "2026年12月31日",
        "HT-2026-001-01",
        "1,234.5678万元（12,345,678元）",
        "大财支〔2026〕1231-103",
        "合同尾款（10%）",
    ]
    doc, path = _narrow_table(tmp_path, "full", [31.2] * 5, [row] * 3)
    sizes = {r.font.size.pt for c in doc.tables[0]._cells for p in c.paragraphs for r in p.runs}
    assert len(sizes) == 1 and max(sizes) < 10.5, sizes
    lines = Made(path, office.convert_to_pdf(path, tmp_path)).lines()
    for token in ("2026年12月31日", "HT-2026-001-01", "（12,345,678元）", "〔2026〕1231-103"):
        whole = sum(line.count(token) for line in lines)
        assert whole == 3, f"{token}: whole {whole} times of 3"


# ------------------------------------------------------------ document properties


@pytest.mark.parametrize("kind", KINDS)
def test_properties_are_the_documents_own(documents, kind):
    # issue 10: author = the unit the document is from, created = when it was made;
    # never "xmgl", the template's values or python-docx's ("python-docx", 2013)
    made = documents[kind]
    cp = docx.Document(str(made.docx)).core_properties
    assert (cp.author, cp.last_modified_by) == (made.unit, made.unit), kind
    start, end = made.window
    assert start <= cp.created <= end, (kind, cp.created, made.window)
    assert cp.modified == cp.created and cp.revision == 1 and cp.language == "zh-CN"
    assert cp.title and cp.category, (kind, cp.title, cp.category)
    texts = [
        getattr(cp, name)
        for name in ("author", "last_modified_by", "title", "subject", "keywords", "category")
    ] + [cp.comments, cp.identifier, cp.content_status, cp.version]
    for word in ("xmgl", "python-docx", "模板", "{{"):
        assert not any(word in t for t in texts), (kind, word, texts)


# ------------------------------------------------------------ one format for each


#: Every way a date may be written: ISO (with or without a time), 年月日, dotted, slashed.
DATE = re.compile(
    r"(?<![\d-])\d{4}-\d{1,2}-\d{1,2}(?:T\d{2}:\d{2})?"
    r"|\d{4}年\d{1,2}月\d{1,2}日"
    r"|(?<![\d.])\d{4}\.\d{1,2}\.\d{1,2}(?![\d.])"
    r"|(?<![\d/])\d{4}/\d{1,2}/\d{1,2}(?![\d/])"
)


def date_style(text: str) -> str:
    if "年" in text:
        return "2026年6月15日"
    return {"-": "2026-06-15", ".": "2026.06.15", "/": "2026/06/15"}[text[4]]


#: A zero amount, in any of the ways a report could write it.
ZERO = re.compile(r"(?<![\d.,])0(?:\.0+)?(?:万元（0(?:\.0+)?元）|万元|元)")


@pytest.mark.parametrize("kind", KINDS)
def test_one_way_to_write_a_date_in_each_document(documents, kind):
    found: dict[str, list[str]] = {}
    for p in documents[kind].paragraphs():
        for m in DATE.finditer(p):
            found.setdefault(date_style(m.group()), []).append(m.group())
    assert found, f"{kind}: no date"
    assert list(found) == ["2026年6月15日"], {k: v[:3] for k, v in found.items()}


#: A number, then white space, then its money unit: "305.5 万元", "0 元".
SPACED_MONEY = re.compile(r"\d[\s\u3000]+(?:万元|亿元|元)")
MONEY = re.compile(r"\d(?:万元|亿元|元)")


@pytest.mark.parametrize("kind", KINDS)
def test_no_space_between_an_amount_and_its_unit(documents, kind):
    # issue 10: "305.5万元", never "305.5 万元" — one formatter (domain.money) for all
    paragraphs = documents[kind].paragraphs()
    spaced = [m.group() for p in paragraphs for m in SPACED_MONEY.finditer(p)]
    assert not spaced, f"{kind}: {spaced}"
    if not kind.startswith("audit"):  # the audit export states no amount
        assert any(MONEY.search(p) for p in paragraphs), kind


@pytest.mark.parametrize("kind", KINDS)
def test_one_way_to_write_a_zero_amount_in_each_document(documents, kind):
    forms = Counter(m.group() for p in documents[kind].paragraphs() for m in ZERO.finditer(p))
    if kind == "quarterly_zero":  # nothing paid, nothing invested: zeros from both
        assert sum(forms.values()) >= 3, forms
    assert len(forms) <= 1, f"{kind}: {dict(forms)}"


# ------------------------------------------------------------ heading indentation

MM = 72 / 25.4


def printed_lines(pdf: Path) -> list[tuple[str, float, float]]:
    """(text without spaces, x0, portrait) of every printed line."""
    from lxml import etree

    out = subprocess.run(
        ["pdftotext", "-bbox-layout", str(pdf), "-"], capture_output=True, check=True
    ).stdout
    root = etree.fromstring(out, etree.HTMLParser(encoding="utf-8"))
    lines = []
    for page in root.iter("page"):
        portrait = float(page.get("width")) < float(page.get("height"))
        for line in page.iter("line"):
            text = "".join(w.text or "" for w in line.iter("word"))
            lines.append((text, float(line.get("xmin")), portrait))
    return lines


HEADING_KINDS = ("fsr", "fsr_merged", "quarterly", "audit_pass", "plan")


@pytest.mark.parametrize("kind", HEADING_KINDS)
def test_headings_start_two_characters_in_like_the_body(documents, kind):
    # GB/T 9704 7.3.3: 每个自然段左空二字 — the 一、（一）1.（1） headings too
    made = documents[kind]
    doc = docx.Document(str(made.docx))
    headings = [
        (p.style.name, p.text.replace(lb.WORD_JOINER, "").replace(" ", ""))
        for p in doc.paragraphs
        if p.style.name.startswith("Heading") and p.text.strip()
    ]
    assert {name for name, _ in headings} >= {"Heading 1"}, kind
    lines = printed_lines(made.pdf)
    two_chars = 2 * 16  # two 3号 characters
    left = 28 * MM
    checked = 0
    for name, text in headings:
        # the last line showing the heading: the body's, not the 目录 entry
        shown = [
            (x0, up)
            for t, x0, up in lines
            if t == text or (len(text) > 14 and t.startswith(text[:14]))
        ]
        assert shown, (kind, text)
        x0, portrait = shown[-1]
        if not portrait:  # the plan's landscape project list has margins of its own
            continue
        assert abs(x0 - left - two_chars) < 2, (kind, name, text, round(x0 - left, 1))
        checked += 1
    assert checked >= 3, kind
    if kind == "fsr":  # the 目录 entries and the title stay where they were
        toc = next(x0 for t, x0, _ in lines if t.startswith(headings[0][1][:12]))
        assert abs(toc - 28 * MM) < 2


def test_a_text_column_keeps_four_characters_while_a_smaller_size_would_do(tmp_path):
    """The contracts table of a fresh dossier: a 21-character contract number and a
    column of company names. The names keep four characters a line (the table is
    set a size smaller instead), not two ("辽宁" / "某某" / "信息" …)."""
    from docx.shared import Mm

    row = [
        "DSQ-CGZX-2026-00123-B",
        "建设",
        "辽宁某某信息技术有限公司",
        "（3,380,000元）",
        "2026年6月1日",
    ]
    doc, _ = _narrow_table(tmp_path, "contracts", [34, 16, 36, 36, 34], [row])
    table = doc.tables[0]
    size = {
        r.font.size.pt if r.font.size else 10.5
        for c in table._cells
        for p in c.paragraphs
        for r in p.runs
    }
    assert len(size) == 1 and max(size) < 10.5, size
    grid = [int(c.get(qn("w:w"))) for c in table._tbl.tblGrid.findall(qn("w:gridCol"))]
    assert sum(grid) == sum(round(Mm(w).twips) for w in (34, 16, 36, 36, 34))
    four = 4 * max(size) * 20 + 216  # four characters and the cell margins, twips
    assert grid[2] >= four, (grid, four)


def test_a_run_with_a_tab_or_a_break_keeps_each_once():
    """A run holding a tab (or a line break) and a voucher number: gluing the
    number must not copy the tab into every piece of the run."""
    doc = docx.Document()
    ty.apply_gbt9704(doc)
    p = doc.add_paragraph("凭证")
    run = p.add_run()
    run.add_tab()  # one tab and one text in this run
    run.add_text("大财支〔2026〕0615-03，付款")
    run = p.add_run("第一行，大财支〔2026〕0615-04")
    run.add_break()  # one text and one break
    lb.keep_whole(doc)
    body = doc.element.body
    assert len(body.findall(f".//{qn('w:tab')}")) == 1
    assert len(body.findall(f".//{qn('w:br')}")) == 1
    text = p.text.replace(lb.WORD_JOINER, "")
    assert text == "凭证\t大财支〔2026〕0615-03，付款第一行，大财支〔2026〕0615-04\n"


def test_a_placeholder_run_with_a_tab_keeps_its_tab():
    """finish() highlights a placeholder by splitting its run: a tab in the same
    run (a dossier's own template may have one before a tag) must stay, once."""
    from xmgl.reports import finish

    doc = docx.Document()
    p = doc.add_paragraph()
    run = p.add_run()
    run.add_tab()
    run.add_text("说明：【待填写：原因】。")
    assert finish.highlight_placeholders(doc.element.body) == 1
    assert len(doc.element.body.findall(f".//{qn('w:tab')}")) == 1
    assert p.text == "\t说明：【待填写：原因】。"


# ------------------------------------------------------------ titles

LONG_NAME = "大石桥市数据局全市政务信息资源共享交换平台及城市运行综合指挥平台一体化建设项目"


def test_a_long_title_is_broken_into_balanced_lines_between_words(tmp_path):
    """GB/T 9704 7.3.1: a title that wraps is broken 词意完整、排列对称、长短适宜.
    Every length from 21 to 39 characters of a real-looking name, set in the
    Title style and printed by LibreOffice: each line prints as broken (nothing
    wraps again), lines differ by at most three characters, and no line ends
    inside a word of the title vocabulary (…综合 / 指挥…, not …综合指 / 挥…)."""
    need_soffice()
    need("pdftotext")
    doc = docx.Document()
    ty.apply_gbt9704(doc)
    names = [LONG_NAME[:n] for n in range(21, len(LONG_NAME) + 1)]
    # 40 characters, a word across the middle: the line still holds no more than 20
    names.append("政" * 19 + "综合" + "政" * 19)
    for name in names:
        doc.add_paragraph(name, style="Title")
    assert lb.balance_titles(doc) >= len(names)
    path = tmp_path / "titles.docx"
    doc.save(str(path))
    broken = [p.text.split("\n") for p in doc.paragraphs]
    printed = Made(path, office.convert_to_pdf(path, tmp_path)).lines()
    printed = [ln for ln in printed if ln and not ln.startswith("—")]
    assert printed == [line for lines in broken for line in lines]
    for name, lines in zip(names, broken, strict=True):
        assert "".join(lines) == name
        assert len(lines) == 2, lines  # 21-40 characters: two lines
        assert max(map(len, lines)) - min(map(len, lines)) <= 3, lines
        cut = len(lines[0])
        assert "综合" in name[19:21] or not any(  # the last one cannot avoid it
            name.startswith(w, s) and s < cut < s + len(w)
            for w in (
                "综合",
                "指挥",
                "平台",
                "共享",
                "交换",
                "信息",
                "政务",
                "资源",
                "运行",
                "城市",
            )
            for s in range(len(name))
        ), lines


def test_a_title_with_no_place_to_break_is_left_as_written():
    # 3,000 Latin letters: no break between words, whatever the number of lines;
    # the title is left alone (the search for balanced lines is bounded)
    doc = docx.Document()
    ty.apply_gbt9704(doc)
    p = doc.add_paragraph("A" * 3000, style="Title")
    assert lb.balance_titles(doc) == 0
    assert p.text == "A" * 3000
