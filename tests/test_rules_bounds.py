"""Bounds, exactly: ¥2,000,000 for 第十条, and on / a day before / a day after every time bound.

Dates come from the real chinese-calendar data (2026 国庆节 10月1日至7日放假, 10月10日
（周六）上班); a year beyond that data falls back to weekends only, as periods.py says.
"""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from tests.conftest import line_of, replace_in_project
from tests.rulekit import AS_OF, append_records, findings, hits
from tests.test_rules import (
    APPLICATION,
    FAILED,
    FINDING,
    LIVE,
    PRELIM,
    RECTIFIED,
    SELF_EVAL,
    SUPERVISION_RECT,
)

D = date.fromisoformat
ONE = timedelta(days=1)
MERGED = "merged_fsr_pd:\n  requested: false"


# ---------------------------------------------------------------- 第十条第三款 200万元（不含）以下


@pytest.mark.parametrize(
    ("budget", "fires"),
    [
        ("2000000元", True),  # exactly 200万元: “（不含）” — does not qualify
        ("1,999,999.99元", False),
        ("2,000,000.01元", True),
        ("200万元", True),
        ("199.999999万元", False),
    ],
)
def test_merge_by_amount_excludes_two_million_itself(example, budget, fires):
    replace_in_project(
        example, MERGED, "merged_fsr_pd:\n  requested: true\n  grounds: [总投资200万元以下]"
    )
    replace_in_project(example, 'budget: "372.5万元"', f'budget: "{budget}"')
    found = hits(example, "A10-MERGE-AMOUNT")
    assert bool(found) is fires
    if fires:
        assert found[0].article == 10 and found[0].clause == "第十条第三款"
        assert found[0].location.line == line_of(example, f'budget: "{budget}"')
        assert "200万元（不含）以下" in found[0].message


def test_merge_amount_prefers_the_merged_approval_over_the_estimate(example):
    replace_in_project(
        example, MERGED, "merged_fsr_pd:\n  requested: true\n  grounds: [总投资200万元以下]"
    )
    remove_budget = '  budget: "372.5万元"     # 批复概算：合同和支付累计不得超过此数（第十五条）\n'
    replace_in_project(example, remove_budget, "")
    replace_in_project(example, "subject: 初步设计及概算", "subject: 可研代初步设计")
    replace_in_project(
        example,
        '    amount: "372.5万元"\n    document_no: 大营商审批〔2026〕34号',
        '    amount: "200万元"\n    document_no: 大营商审批〔2026〕34号',
    )
    found = hits(example, "A10-MERGE-AMOUNT")
    assert found and "可研代初步设计批复金额" in found[0].message


def test_the_second_example_merges_below_two_million_without_error():
    from pathlib import Path

    from xmgl.domain.rules import check
    from xmgl.dossier.loader import load_dossier

    root = Path(__file__).parent / "dossiers" / "merged-small"
    rules = {f.rule for f in check(load_dossier(root), D("2026-06-01"))}
    assert not rules & {"A10-MERGE-AMOUNT", "A10-MERGE-GROUNDS", "A10-MERGE-UNDECLARED"}


# ---------------------------------------------------------------- 第八条 报送截止日


@pytest.mark.parametrize(
    ("deadline", "submitted", "late"),
    [
        ("2025-07-10", "2025-07-10", False),  # on the deadline (Thursday)
        ("2025-07-11", "2025-07-10", False),  # a day before
        ("2025-07-09", "2025-07-10", True),  # a day after
        ("2025-07-05", "2025-07-07", False),  # Saturday → Monday 07-07 in force
        ("2025-07-05", "2025-07-08", True),
    ],
)
def test_plan_submission_deadline(example, deadline, submitted, late):
    replace_in_project(example, "deadline: 2025-07-15", f"deadline: {deadline}")
    replace_in_project(
        example, "date: 2025-07-10\n    year: 2026", f"date: {submitted}\n    year: 2026"
    )
    assert bool(hits(example, "A8-SUBMISSION-LATE")) is late


# ---------------------------------------------------------------- 第十二条 评估、密码审核在批复之前


@pytest.mark.parametrize(
    ("evaluated", "fires"),
    [("2026-03-09", False), ("2026-03-10", False), ("2026-03-11", True)],
)
def test_evaluation_on_or_before_the_approval_day(example, evaluated, fires):
    replace_in_project(example, "date: 2026-02-20", f"date: {evaluated}")
    assert bool(hits(example, "A12-EVAL-BEFORE-APPROVAL")) is fires


@pytest.mark.parametrize(
    ("reviewed", "fires"),
    [("2026-03-09", False), ("2026-03-10", False), ("2026-03-11", True)],
)
def test_crypto_review_on_or_before_the_approval_day(example, reviewed, fires):
    replace_in_project(example, "date: 2026-02-25", f"date: {reviewed}")
    assert bool(hits(example, "A12-CRYPTO-REVIEW")) is fires


# ---------------------------------------------------------------- 第十六条 每3个月


@pytest.mark.parametrize(
    ("as_of", "rule"),
    [
        ("2026-09-09", "A16-QUARTERLY-DUE"),
        ("2026-09-10", "A16-QUARTERLY-DUE"),  # the last day itself is in time
        ("2026-09-11", "A16-QUARTERLY-OVERDUE"),
    ],
)
def test_quarterly_report_due_on_the_last_day(example, as_of, rule):
    from tests.rulekit import remove_records

    remove_records(example, "quarterly_report", period=2)
    found = {f.rule for f in findings(example, D(as_of)) if f.rule.startswith("A16")}
    assert rule in found
    assert ("A16-QUARTERLY-OVERDUE" in found) is (rule == "A16-QUARTERLY-OVERDUE")


@pytest.mark.parametrize(
    ("sent", "late"), [("2026-09-09", False), ("2026-09-10", False), ("2026-09-11", True)]
)
def test_quarterly_report_sent_on_the_last_day_is_in_time(example, sent, late):
    replace_in_project(example, "date: 2026-09-08", f"date: {sent}")
    assert bool(hits(example, "A16-QUARTERLY-LATE")) is late


def test_quarterly_last_day_in_a_holiday_moves_to_the_next_working_day(example):
    # approved 2026-07-01 → period 1 ends 2026-10-01 (国庆节) → in force 2026-10-08
    replace_in_project(example, "date: 2026-03-10", "date: 2026-07-01")
    replace_in_project(
        example,
        "date: 2026-04-10\n    subject: 初步设计及概算",
        "date: 2026-07-02\n    subject: 初步设计及概算",
    )
    from tests.rulekit import remove_records

    remove_records(example, "quarterly_report")
    due = hits(example, "A16-QUARTERLY-DUE", as_of=D("2026-10-08"))
    assert any("2026-10-08" in f.message and "2026-10-01" in f.message for f in due)
    assert not hits(example, "A16-QUARTERLY-OVERDUE", as_of=D("2026-10-08"))
    assert hits(example, "A16-QUARTERLY-OVERDUE", as_of=D("2026-10-09"))


# ---------------------------------------------------------------- 第十七条 3个月以上至6个月内

STAGE_APPLIED = "acceptance_applied"


@pytest.mark.parametrize(
    ("applied", "rule"),
    [
        ("2027-04-10", "A17-APPLY-TOO-EARLY"),  # a day before the 3 months are complete
        ("2027-04-11", None),  # on: 3 months after 2027-01-11
        ("2027-04-12", None),
        ("2027-07-09", None),  # nominal 2027-07-11 is a Sunday: in force Monday 07-12
        ("2027-07-12", None),
        ("2027-07-13", "A17-APPLY-LATE"),
    ],
)
def test_acceptance_window_bounds(example, applied, rule):
    append_records(example, PRELIM.format(date="2027-01-11") + APPLICATION.format(date=applied))
    found = {
        f.rule
        for f in findings(example, D("2027-08-01"), STAGE_APPLIED)
        if f.rule in ("A17-APPLY-TOO-EARLY", "A17-APPLY-LATE")
    }
    assert found == ({rule} if rule else set())


def test_acceptance_window_opening_day_is_never_moved_by_a_holiday(example):
    # passed 2026-07-01 → 3 months complete on 2026-10-01, a holiday: still the opening day
    append_records(
        example, PRELIM.format(date="2026-07-01") + APPLICATION.format(date="2026-10-01")
    )
    assert not hits(example, "A17-APPLY-TOO-EARLY", D("2026-10-15"), STAGE_APPLIED)
    replace_in_project(
        example,
        "    date: 2026-10-01\n    to: 大石桥市数据局",
        "    date: 2026-09-30\n    to: 大石桥市数据局",
    )
    assert hits(example, "A17-APPLY-TOO-EARLY", D("2026-10-15"), STAGE_APPLIED)


# ---------------------------------------------------------------- 第十八条 3个月内整改


@pytest.mark.parametrize(
    ("as_of", "overdue"), [("2027-05-31", False), ("2027-06-01", False), ("2027-06-02", True)]
)
def test_rectification_three_months_after_failing(example, as_of, overdue):
    append_records(example, FAILED)  # failed 2027-03-01 → last day 2027-06-01 (Tuesday)
    assert bool(hits(example, "A18-RECTIFICATION-OVERDUE", D(as_of))) is overdue


@pytest.mark.parametrize(
    ("done", "late"), [("2027-05-31", False), ("2027-06-01", False), ("2027-06-02", True)]
)
def test_rectification_completed_on_the_last_day_is_in_time(example, done, late):
    append_records(example, FAILED + RECTIFIED.format(date=done))
    assert bool(hits(example, "A18-RECTIFICATION-LATE", D("2027-07-01"))) is late


# ---------------------------------------------------------------- 第十九条 12至24个月内

STAGE_EVAL = "self_evaluation"


@pytest.mark.parametrize(
    ("evaluated", "rule"),
    [
        ("2027-10-11", "A19-SELF-EVAL-EARLY"),
        ("2027-10-12", None),  # 12 months after going live on 2026-10-12
        ("2027-10-13", None),
        ("2028-10-11", None),
        ("2028-10-12", None),  # 24 months
        ("2028-10-13", "A19-SELF-EVAL-LATE"),
    ],
)
def test_self_evaluation_window_bounds(example, evaluated, rule):
    append_records(example, LIVE + SELF_EVAL.format(date=evaluated, to="市数据局, 市财政局"))
    found = {
        f.rule
        for f in findings(example, D("2029-01-01"), STAGE_EVAL)
        if f.rule in ("A19-SELF-EVAL-EARLY", "A19-SELF-EVAL-LATE")
    }
    assert found == ({rule} if rule else set())


@pytest.mark.parametrize(
    ("as_of", "overdue"), [("2028-10-11", False), ("2028-10-12", False), ("2028-10-13", True)]
)
def test_self_evaluation_overdue_after_24_months(example, as_of, overdue):
    append_records(example, LIVE)
    assert bool(hits(example, "A19-SELF-EVAL-OVERDUE", D(as_of), "in_operation")) is overdue


# ---------------------------------------------------------------- 第二十条 限期整改


@pytest.mark.parametrize(
    ("done", "late"),
    [
        ("2026-10-02", False),
        ("2026-10-03", False),  # the nominal last day (a holiday)
        ("2026-10-08", False),  # first working day after 国庆节: the last day in force
        ("2026-10-09", True),
    ],
)
def test_supervision_deadline_in_a_holiday_moves(example, done, late):
    append_records(
        example, FINDING + "  deadline: 2026-10-03\n" + SUPERVISION_RECT.format(date=done)
    )
    assert bool(hits(example, "A20-RECTIFICATION-LATE", D("2026-11-01"))) is late


@pytest.mark.parametrize(
    ("as_of", "overdue"), [("2026-09-29", False), ("2026-09-30", False), ("2026-10-01", True)]
)
def test_supervision_overdue_the_day_after(example, as_of, overdue):
    append_records(example, FINDING + "  deadline: 2026-09-30\n")
    assert bool(hits(example, "A20-RECTIFICATION-OVERDUE", D(as_of))) is overdue


# ---------------------------------------------------------------- 第二十三条 施行日


@pytest.mark.parametrize(
    ("approved", "before"), [("2025-05-19", True), ("2025-05-20", False), ("2025-05-21", False)]
)
def test_effective_date(example, approved, before):
    replace_in_project(example, "date: 2026-03-10", f"date: {approved}")
    assert bool(hits(example, "A23-BEFORE-EFFECTIVE")) is before


def test_obligations_before_the_effective_date_are_not_checked(example):
    # approved 2024-12-01: the quarters that ended before 2025-05-20 are not reported
    replace_in_project(example, "date: 2026-03-10", "date: 2024-12-01")
    overdue = hits(example, "A16-QUARTERLY-OVERDUE", AS_OF)
    assert overdue and all("2025-03-01" not in f.message for f in overdue)
    assert not hits(example, "A12-EVAL-BEFORE-APPROVAL")


@pytest.mark.parametrize(("approved", "checked"), [("2025-02-20", True), ("2025-02-19", False)])
def test_an_obligation_due_on_the_effective_date_is_checked(example, approved, checked):
    # period 1 ends on approval + 3 months: 2025-05-20 (the day the regulation took effect,
    # so it is checked: its report is late) or 2025-05-19 (before: not checked)
    replace_in_project(example, "date: 2026-03-10", f"date: {approved}")
    late = [f.message for f in hits(example, "A16-QUARTERLY-LATE")]
    assert any(m.startswith("第1期季度进展报告") for m in late) is checked
    assert any(m.startswith("第2期季度进展报告") for m in late)


def test_a_last_day_beyond_the_holiday_data_is_given_with_its_notice(example):
    from xmgl.domain.periods import FALLBACK_NOTICE

    (due,) = hits(example, "A16-QUARTERLY-DUE", D("2026-12-20"))
    assert f"请于 2027-03-10（{FALLBACK_NOTICE.format(years='2027年')}） 前报送" in due.message
    assert due.message.startswith("第4期季度进展报告（2026-12-11 至 2027-03-10）")
    assert due.location.line == line_of(example, "date: 2026-03-10")
