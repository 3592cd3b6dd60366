"""运维 contracts are the annual O&M cost, not construction: not counted against the 概算.

第十五条 holds the project to its approved 初步设计及概算 (the construction investment);
第九条 plans 建设 and 运维 apart and the dossier writes the O&M cost as a yearly figure
(``investment.operation_annual``). Every figure compared with the 概算 — the totals,
the 支付率, A15-OVER-BUDGET, ``xmgl show``, the portfolio and the quarterly report — is
``facts.against_budget``: all contracts and payments but the 运维 ones. Each test adds a
运维 contract to the example (概算 372.5万元; 建设 338万元 + 监理 9.8万元 = 347.8万元 signed;
205.74万元 paid), so each fails on the code that added it in.
"""

from __future__ import annotations

import csv
import io
import json
from decimal import Decimal

import docx
import pytest

from tests.conftest import edit_project
from tests.rulekit import hits
from xmgl.domain import facts
from xmgl.dossier.loader import load_dossier

BUDGET = Decimal("3725000")
SIGNED = Decimal("3478000")  # 建设 338万元 + 监理 9.8万元
PAID = Decimal("2057400")  # 101.4 + 2.94 + 101.4 万元
OM = {
    "kind": "contract",
    "date": "2026-09-20",
    "id": "HT-2026-010",
    "type": "运维",
    "party": "营口某某运维服务有限公司",
    "amount": "28万元",
}
OM_PAID = {"kind": "payment", "date": "2026-10-10", "contract": "HT-2026-010", "amount": "14万元"}
CENT = Decimal("0.01")


def add(root, *records: dict) -> None:
    import datetime as dt

    def dated(r: dict) -> dict:
        return {**r, "date": dt.date.fromisoformat(r["date"])}

    edit_project(root, lambda data: data["records"].extend(dated(r) for r in records))


def construction(amount: Decimal, n: int = 3) -> dict:
    return {
        "kind": "contract",
        "date": "2026-09-01",
        "id": f"HT-2026-00{n}",
        "type": "建设",
        "party": "辽宁某某信息技术有限公司",
        "amount": f"{amount}元",
        "subject": "二期功能开发",
    }


def test_money_counts_only_construction_against_the_budget(example):
    add(example, OM, OM_PAID)
    m = facts.money(load_dossier(example))
    assert (m.budget, m.contracted, m.paid) == (BUDGET, SIGNED, PAID)
    assert m.operation_contracts == ("HT-2026-010",)
    assert (m.operation_contracted, m.operation_paid) == (Decimal(280_000), Decimal(140_000))
    assert m.pay_rate == Decimal("55.23")  # 2,057,400 / 3,725,000, the 运维 payment not in it
    # a payment whose contract is not registered is not known to be O&M: it counts
    add(example, {"kind": "payment", "date": "2026-10-11", "contract": "HT-X", "amount": "1元"})
    assert facts.money(load_dossier(example)).paid == PAID + 1


@pytest.mark.parametrize(
    ("offset", "over"),
    [(-CENT, False), (Decimal(0), False), (CENT, True)],
    ids=["a-fen-below", "on-the-budget", "a-fen-over"],
)
def test_contracts_over_budget_only_when_construction_is(example, offset, over):
    """Construction contracts a 分 below, exactly at and a 分 above the 概算, with a
    28万元 运维 contract on top that would put every case over."""
    add(example, construction(BUDGET - SIGNED + offset), OM)
    found = [h for h in hits(example, "A15-OVER-BUDGET") if "合同金额" in h.message]
    if not over:
        assert found == []
        return
    assert len(found) == 1
    assert found[0].message.startswith(
        "合同金额累计（不含运维合同） 372.500001万元（3,725,000.01元），超过批复概算 "
        "372.5万元（3,725,000元）"
    )


@pytest.mark.parametrize(
    ("offset", "over"),
    [(-CENT, False), (Decimal(0), False), (CENT, True)],
    ids=["a-fen-below", "on-the-budget", "a-fen-over"],
)
def test_payments_over_budget_only_when_construction_is(example, offset, over):
    rest = BUDGET - PAID + offset
    add(
        example,
        OM,
        {"kind": "payment", "date": "2026-10-01", "contract": "HT-2026-001", "amount": f"{rest}元"},
        OM_PAID,
    )
    found = [h for h in hits(example, "A15-OVER-BUDGET") if "支付金额" in h.message]
    if not over:
        assert found == []
        return
    assert len(found) == 1
    assert "支付金额累计（不含运维合同） 372.500001万元（3,725,000.01元）" in found[0].message


def test_show_separates_operation_contracts(xmgl, example):
    add(example, OM, OM_PAID)
    data = json.loads(xmgl("-C", example, "show", "--format", "json").stdout)["money"]
    assert data == {
        "estimate": "3860000",
        "budget": "3725000",
        "contracted": "3478000",
        "paid": "2057400",
        "pay_rate_percent": "55.23",
        "operation": {"contracts": ["HT-2026-010"], "contracted": "280000", "paid": "140000"},
    }
    out = xmgl("-C", example, "show").stdout
    assert "合同累计（不含运维）" in out and "347.8万元（3,478,000元）" in out
    assert "运维合同（不计入概算）" in out and "28万元（280,000元）" in out
    assert "55.23%" in out
    assert max(len(line) for line in out.splitlines()) <= 80


def test_portfolio_separates_operation_contracts(xmgl, example, tmp_path):
    add(example, OM, OM_PAID)
    r = xmgl("portfolio", example.parent, "--format", "json", "--as-of", "2026-12-01")
    row = json.loads(r.stdout)["dossiers"][0]
    assert (row["contracted"], row["paid"]) == ("3478000", "2057400")
    assert (row["operation_contracted"], row["operation_paid"]) == ("280000", "140000")
    text = xmgl("portfolio", example.parent, "--format", "csv", "--as-of", "2026-12-01").stdout
    (listed,) = csv.DictReader(io.StringIO(text))
    assert listed["合同累计（元，不含运维）"] == "3478000"
    assert listed["运维合同累计（元）"] == "280000"
    target = tmp_path / "汇总.xlsx"
    xmgl("portfolio", example.parent, "--format", "xlsx", "-o", target, "--as-of", "2026-12-01")
    from openpyxl import load_workbook

    head, values = list(load_workbook(target)["项目清单"].iter_rows(max_row=2, values_only=True))
    cells = dict(zip(head, values, strict=True))
    assert cells["合同累计（万元，不含运维）"] == pytest.approx(347.8)
    assert cells["运维支付累计（万元）"] == pytest.approx(14)


def test_quarterly_report_is_against_the_budget_and_says_what_it_leaves_out(xmgl, example):
    from tests.test_reports import make, paragraphs

    add(example, OM, OM_PAID)
    make(xmgl, example, "quarterly", "--period", "3", as_of="2026-12-01")
    doc = docx.Document(example / "reports/季度进展报告-第3期.docx")
    money = next(t for t in doc.tables if t.rows[0].cells[0].text == "批复概算（在用）")
    cells = {r.cells[0].text: r.cells[1].text for r in money.rows}
    assert cells["合同金额累计"] == "347.8万元（3,478,000元）"
    assert cells["累计支付"] == "205.74万元（2,057,400元）"
    assert cells["本期支付"] == "101.4万元（1,014,000元）"  # 9-30; the 10-10 运维 payment apart
    assert cells["支付率"] == "55.23%（累计支付÷批复概算）"
    assert (
        "上表的合同金额累计、支付和支付率按批复概算核算，不含运维合同（HT-2026-010）："
        "运维合同金额28万元（280,000元），已支付14万元（140,000元），其中本期14万元（140,000元）。"
        in paragraphs(doc)
    )
