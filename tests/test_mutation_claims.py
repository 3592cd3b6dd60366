"""What the docs claim about findings and bounds, pinned so that hand mutations fail (issue 13).

Each test is built so that the plausible mutation gives a different answer: the
JSON order is checked on findings whose line order, rule order and article order
all disagree; the column on a line with Chinese before it (characters, 1-based);
each bound exactly on, one day before and one day after.
"""

from __future__ import annotations

import json
from datetime import date, timedelta

from tests.conftest import line_of, replace_in_project
from tests.rulekit import append_records, findings
from xmgl.domain import deadlines as dl
from xmgl.dossier.loader import load_dossier

D = date.fromisoformat


def _validate_json(xmgl, root, as_of: str) -> list[dict]:
    r = xmgl("--as-of", as_of, "-C", root, "validate", "--format", "json")
    assert r.exit_code in (0, 1), r.output
    return json.loads(r.stdout)["findings"]


def test_json_findings_are_sorted_by_article_then_line(example, xmgl):
    # article 3 far down the file, article 5 near the top; in article 6 the rule ids
    # sort against the lines (A6-DATA-SHARING < A6-EVIDENCE, but it is 2 lines lower)
    replace_in_project(example, "  cloud: 营口市政务云", "  cloud: 其他")
    replace_in_project(example, "issuer: 大石桥市国家密码管理局", "issuer: 营口市国家密码管理局")
    replace_in_project(
        example,
        "statement: 案件、设施数据按《营口市政务信息共享开放管理办法》编目并共享。",
        "statement: ''",
    )
    found = _validate_json(xmgl, example, "2026-09-05")
    keys = [(f["article"], f["line"]) for f in found]
    assert keys == sorted(keys)
    rules = [f["rule"] for f in found]
    assert rules[:4] == ["A3-UNKNOWN-BODY", "A5-CLOUD", "A6-EVIDENCE", "A6-DATA-SHARING"]
    assert rules[-2:] == ["A21-FUTURE-RECORD", "A21-FUTURE-RECORD"]
    # the data tell the orders apart: by line alone, or by article then rule, would differ
    assert [f["line"] for f in found] != sorted(f["line"] for f in found)
    by_rule = sorted(found, key=lambda f: (f["article"], f["rule"]))
    assert [f["rule"] for f in by_rule] != rules


def test_json_columns_are_one_based_characters(example, xmgl):
    replace_in_project(example, "issuer: 大石桥市国家密码管理局", "issuer: 营口市国家密码管理局")
    # a flow-style record: Chinese text stands before the date on the same line
    record = "- {kind: quarterly_report, period: 3, to: 大石桥市数据局, date: 2026-12-01}"
    append_records(example, record)
    found = _validate_json(xmgl, example, "2026-11-01")
    lines = (example / "project.yaml").read_text(encoding="utf-8").splitlines()
    (body,) = [f for f in found if f["rule"] == "A3-UNKNOWN-BODY"]
    assert body["line"] == line_of(example, "issuer: 营口市国家密码管理局")
    assert body["column"] == len("    issuer: ") + 1 == 13
    (future,) = [f for f in found if f["rule"] == "A21-FUTURE-RECORD"]
    text = lines[future["line"] - 1]
    assert future["column"] == text.index("2026-12-01") + 1  # characters, not UTF-8 bytes
    assert future["column"] != len(text[: text.index("2026-12-01")].encode("utf-8")) + 1


def test_future_record_boundary(example):
    d = load_dossier(example)
    last = max(r.date for r in d.records)
    (where,) = [r for r in d.records if r.date == last]
    assert "A21-FUTURE-RECORD" not in {f.rule for f in findings(example, last)}  # on the day
    later = [
        f for f in findings(example, last - timedelta(days=1)) if f.rule == "A21-FUTURE-RECORD"
    ]
    assert [f.location.line for f in later] == [where.where("date").line]  # the day before


ACCEPTED = (
    "- kind: acceptance\n  date: {date}\n  result: 合格\n  organizer: 大石桥市数据局\n"
    "  third_party: 辽宁某某信息工程监理咨询有限公司\n"
)


def _periods(root, as_of: str) -> list[int]:
    d = load_dossier(root)
    return [o.period for o in dl.obligations(d, D(as_of)) if o.kind == "quarterly_report"]


def test_quarterly_stop_boundary_on_the_last_day_of_a_period(example):
    """第十六条 runs “到项目验收备案之日止”: a period that ends on the filing day is owed."""
    # approval 2026-03-10: period 3 runs 2026-09-11 … 2026-12-10
    append_records(example, ACCEPTED.format(date="2026-12-10"))
    assert _periods(example, "2027-01-05") == [1, 2, 3]
    overdue = [f for f in findings(example, D("2027-01-05")) if f.rule == "A16-QUARTERLY-OVERDUE"]
    assert len(overdue) == 1 and "第3期" in overdue[0].message


def test_quarterly_stop_boundary_the_day_before_the_period_ends(example):
    append_records(example, ACCEPTED.format(date="2026-12-09"))
    assert _periods(example, "2027-01-05") == [1, 2]
    assert "A16-QUARTERLY-OVERDUE" not in {f.rule for f in findings(example, D("2027-01-05"))}


def test_quarterly_stop_is_known_on_the_filing_day_itself(example):
    append_records(example, ACCEPTED.format(date="2026-11-20"))
    assert _periods(example, "2026-11-19") == [1, 2, 3]  # period 3 is running, the next due
    assert _periods(example, "2026-11-20") == [1, 2]  # filed today: period 3 is not owed
