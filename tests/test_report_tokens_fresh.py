"""Issue 10, the class on a fresh dossier: no token in any table breaks.

The example's tokens happen to be short. Here a dossier carries the long ones a
real unit writes (a contract number with a lot suffix, a voucher with a
four-digit sequence, amounts in the tens of millions, a long project code), the
quarterly report and the annual plan draft are made by the CLI and rendered by
LibreOffice, and every token in a table cell must print whole on one line.
"""

from __future__ import annotations

import shutil
from collections import Counter

import pytest

from tests.conftest import EXAMPLE, PLAN_ARGS, edit_project, make_plan_dossiers, run_cli
from tests.test_report_typography import MORE_TOKENS, Made, _split_paragraphs
from tests.tools import need, need_soffice
from xmgl.reports import office

LONG = {
    "code": "DSQ-CGZX-XXH-2026-00123",
    "contracts": ["DSQ-CGZX-2026-00123-B", "DSQ-JL-2026-00045-A"],
    "voucher": "营财国库支付〔2026〕1231-1024",
    "amounts": ["101.4567万元", "2.9456万元"],
}


def _long_tokens(data: dict) -> None:
    data["project"]["code"] = LONG["code"]
    contracts = [r for r in data["records"] if r["kind"] == "contract"]
    renamed = {}
    for record, new_id in zip(contracts, LONG["contracts"], strict=False):
        renamed[record["id"]] = new_id
        record["id"] = new_id
    for record in data["records"]:
        if record["kind"] == "payment":
            record["contract"] = renamed.get(record["contract"], record["contract"])
            record["voucher"] = LONG["voucher"]
    payments = [r for r in data["records"] if r["kind"] == "payment"]
    for record, amount in zip(payments, LONG["amounts"], strict=False):
        record["amount"] = amount


def _printed_whole(made: Made) -> tuple[Counter, dict]:
    _, inside = _split_paragraphs(made.docx)
    written = Counter(
        m.group().replace(" ", "") for p in inside for rx in MORE_TOKENS for m in rx.finditer(p)
    )
    lines = made.lines()
    printed = {tok: sum(ln.count(tok) for ln in lines) for tok in written}
    return written, {tok: n - printed[tok] for tok, n in written.items() if printed[tok] < n}


@pytest.fixture(scope="module")
def rendered(tmp_path_factory) -> dict[str, Made]:
    need_soffice()
    need("pdftotext")
    base = tmp_path_factory.mktemp("tokens")
    root = base / "dossier"
    shutil.copytree(EXAMPLE, root, ignore=shutil.ignore_patterns("reports"))
    edit_project(root, _long_tokens)
    r = run_cli("--as-of", "2026-09-10", "-C", root, "report", "quarterly", "--period", "2")
    assert r.exit_code == 0, r.output
    made = {"quarterly": root / "reports/季度进展报告-第2期.docx"}
    top = make_plan_dossiers(base / "各单位")
    edit_project(top / "城管", lambda d: d["project"].update(code=LONG["code"]))
    stem = base / "plan"
    r = run_cli("portfolio", top, *PLAN_ARGS, "--output", stem)
    assert r.exit_code == 0, r.output
    made["plan"] = stem.with_name("plan.docx")
    return {k: Made(p, office.convert_to_pdf(p, base / "pdf" / k)) for k, p in made.items()}


@pytest.mark.parametrize("kind", ["quarterly", "plan"])
def test_long_tokens_in_tables_print_whole(rendered, kind):
    written, broken = _printed_whole(rendered[kind])
    expected = {"quarterly": {*LONG["contracts"], "〔2026〕1231-1024"}, "plan": {LONG["code"]}}
    assert expected[kind] <= set(written), written  # the long tokens are in the tables
    assert not broken, f"{kind}: broken across lines: {broken}"
