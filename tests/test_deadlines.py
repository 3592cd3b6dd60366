"""xmgl.domain.deadlines: every obligation on, one day before and one day after its bound.

Each test builds a real dossier from the example (records replaced through
``edit_project``), loads it with the real loader and reads ``obligations``.
Dates in 2024–2026 use the official holiday data of chinese-calendar; the ones
that matter are spelled out next to each test.
"""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from conftest import edit_project

from xmgl.domain import deadlines as dl
from xmgl.dossier.loader import load_dossier

D = date.fromisoformat
ONE = timedelta(days=1)


def dossier(root, *records):
    """The example's facts with exactly these records."""

    def change(data):
        data["records"] = [dict(r) for r in records]

    edit_project(root, change)
    return load_dossier(root)


def approval(day: str, subject="可行性研究报告"):
    return {
        "kind": "approval",
        "date": D(day),
        "subject": subject,
        "issuer": "大石桥市营商环境建设局",
    }


def report(day: str, period: int):
    return {"kind": "quarterly_report", "date": D(day), "period": period, "to": "大石桥市数据局"}


def of_kind(d, as_of, kind, **match):
    found = [o for o in dl.obligations(d, as_of) if o.kind == kind]
    for k, v in match.items():
        found = [o for o in found if getattr(o, k) == v]
    assert len(found) == 1, found
    return found[0]


# ------------------------------------------------------------------ 第十六条 quarterly


def test_quarterly_periods_dates_and_article(example):
    d = dossier(example, approval("2026-03-10"), report("2026-06-08", 1))
    found = [o for o in dl.obligations(d, D("2026-09-20")) if o.kind == "quarterly_report"]
    assert [(o.period, o.due.nominal, o.status) for o in found] == [
        (1, D("2026-06-10"), dl.DONE),
        (2, D("2026-09-10"), dl.OVERDUE),
        (3, D("2026-12-10"), dl.OPEN),
    ]
    assert found[0].title == "第1期季度进展报告（2026-03-11 至 2026-06-10）"
    assert (found[1].article, found[1].clause) == (16, "第十六条")
    assert found[1].location.path == "records[0].date"  # the approval started the clock


@pytest.mark.parametrize(
    ("as_of", "status"),
    [("2026-06-09", dl.OPEN), ("2026-06-10", dl.OPEN), ("2026-06-11", dl.OVERDUE)],
)
def test_quarterly_due_plain_day(example, as_of, status):
    # 2026-06-10 is a Wednesday: nominal = in force.
    d = dossier(example, approval("2026-03-10"))
    o = of_kind(d, D(as_of), "quarterly_report", period=1)
    assert o.due.nominal == o.due.in_force == D("2026-06-10")
    assert o.status == status
    assert o.days_left(D(as_of)) == {"2026-06-09": 1, "2026-06-10": 0, "2026-06-11": -1}[as_of]


@pytest.mark.parametrize(
    ("submitted", "status"),
    [("2026-06-09", dl.DONE), ("2026-06-10", dl.DONE), ("2026-06-11", dl.DONE_LATE)],
)
def test_quarterly_submitted_on_before_after(example, submitted, status):
    d = dossier(example, approval("2026-03-10"), report(submitted, 1))
    o = of_kind(d, D("2026-07-01"), "quarterly_report", period=1)
    assert o.done == D(submitted)
    assert o.status == status
    assert o.location.path == "records[1].period"


@pytest.mark.parametrize(
    ("as_of", "status"),
    [
        ("2026-10-01", dl.OPEN),  # nominal day, 国庆节
        ("2026-10-02", dl.OPEN),  # past the nominal day but still in the holiday
        ("2026-10-08", dl.OPEN),  # the day in force: first working day after 10-01..07
        ("2026-10-09", dl.OVERDUE),
    ],
)
def test_quarterly_due_moved_by_national_day(example, as_of, status):
    d = dossier(example, approval("2026-07-01"))
    o = of_kind(d, D(as_of), "quarterly_report", period=1)
    assert o.due.nominal == D("2026-10-01")
    assert o.due.in_force == D("2026-10-08")
    assert o.due.moved and o.due.notice is None
    assert o.status == status


@pytest.mark.parametrize(
    ("approved", "due", "weekday"),
    [("2026-07-10", "2026-10-10", 5), ("2026-06-20", "2026-09-20", 6)],
)
def test_quarterly_due_on_makeup_working_weekend_does_not_move(example, approved, due, weekday):
    # 2026-10-10 (Saturday) and 2026-09-20 (Sunday) are 调休上班 working days.
    d = dossier(example, approval(approved))
    before, on, after = D(due) - ONE, D(due), D(due) + ONE
    assert on.weekday() == weekday
    o = of_kind(d, on, "quarterly_report", period=1)
    assert o.due.nominal == o.due.in_force == on
    assert not o.due.moved
    assert of_kind(d, before, "quarterly_report", period=1).status == dl.OPEN
    assert o.status == dl.OPEN
    assert of_kind(d, after, "quarterly_report", period=1).status == dl.OVERDUE


def test_quarterly_plain_weekend_moves_to_monday(example):
    # 2026-08-15 is a Saturday, not a make-up day: in force Monday 2026-08-17.
    d = dossier(example, approval("2026-05-15"))
    o = of_kind(d, D("2026-08-17"), "quarterly_report", period=1)
    assert (o.due.nominal, o.due.in_force, o.status) == (D("2026-08-15"), D("2026-08-17"), dl.OPEN)
    assert of_kind(d, D("2026-08-18"), "quarterly_report", period=1).status == dl.OVERDUE


def test_quarterly_on_approval_day_lists_period_one_not_yet_open(example):
    d = dossier(example, approval("2026-03-10"))
    assert dl.obligations(d, D("2026-03-09")) == []
    o = of_kind(d, D("2026-03-10"), "quarterly_report")
    assert (o.period, o.status, o.due.nominal) == (1, dl.NOT_YET_OPEN, D("2026-06-10"))
    assert of_kind(d, D("2026-03-11"), "quarterly_report").status == dl.OPEN


def test_quarterly_next_period_starts_the_day_after_the_previous_due(example):
    d = dossier(example, approval("2026-03-10"))
    assert [o.period for o in dl.obligations(d, D("2026-06-10"))] == [1]
    assert [o.period for o in dl.obligations(d, D("2026-06-11"))] == [1, 2]


def test_quarterly_stop_at_acceptance_and_only_once_known(example):
    acc = {"kind": "acceptance", "date": D("2026-11-20"), "result": "合格"}
    d = dossier(example, approval("2026-03-10"), acc)
    # period 3 (to 2026-12-10) is still running on the filing day: not due
    periods = [o.period for o in dl.obligations(d, D("2027-01-05")) if o.period]
    assert periods == [1, 2]
    # before the acceptance happened, period 3 is due as usual
    periods = [o.period for o in dl.obligations(d, D("2026-11-19")) if o.period]
    assert periods == [1, 2, 3]


def test_quarterly_ahead_lists_future_periods_not_yet_open(example):
    d = dossier(example, approval("2026-03-10"))
    found = dl.obligations(d, D("2026-07-01"), ahead=D("2027-01-01"))
    assert [(o.period, o.status) for o in found] == [
        (1, dl.OVERDUE),
        (2, dl.OPEN),
        (3, dl.NOT_YET_OPEN),
        (4, dl.NOT_YET_OPEN),
    ]


# ------------------------------------------------------------------ 第十七条 window


def prelim(day: str, result="合格"):
    return {"kind": "preliminary_acceptance", "date": D(day), "result": result}


def applied(day: str):
    return {
        "kind": "acceptance_application",
        "date": D(day),
        "to": "大石桥市数据局",
        "attachments": {"construction_summary": "docs/项目安全方案.md"},
    }


@pytest.mark.parametrize(
    ("as_of", "status"),
    [
        ("2026-04-14", dl.NOT_YET_OPEN),
        ("2026-04-15", dl.OPEN),  # 3个月以上: the 3 months are fulfilled on this day
        ("2026-04-16", dl.OPEN),
        ("2026-07-14", dl.OPEN),
        ("2026-07-15", dl.OPEN),  # 6个月内: the last day, a Wednesday
        ("2026-07-16", dl.OVERDUE),
    ],
)
def test_acceptance_window_open_and_close_as_of(example, as_of, status):
    d = dossier(example, approval("2025-06-10"), prelim("2026-01-15"))
    o = of_kind(d, D(as_of), "acceptance_window")
    assert o.opens == D("2026-04-15")
    assert o.due.nominal == o.due.in_force == D("2026-07-15")
    assert (o.article, o.clause) == (17, "第十七条第一款")
    assert o.status == status


@pytest.mark.parametrize(
    ("day", "status"),
    [
        ("2026-04-14", dl.DONE_EARLY),
        ("2026-04-15", dl.DONE),
        ("2026-04-16", dl.DONE),
        ("2026-07-14", dl.DONE),
        ("2026-07-15", dl.DONE),
        ("2026-07-16", dl.DONE_LATE),
    ],
)
def test_acceptance_window_application_on_before_after(example, day, status):
    d = dossier(example, approval("2025-06-10"), prelim("2026-01-15"), applied(day))
    o = of_kind(d, D("2026-08-01"), "acceptance_window")
    assert (o.done, o.status) == (D(day), status)


def test_acceptance_window_opening_is_never_moved_but_close_is(example):
    # 2026-01-01 + 3 months = 2026-04-01 (Wednesday); + 6 months = 2026-07-01 (Wednesday).
    # Choose 2025-07-04: opens 2025-10-04 (国庆 holiday — stays), closes 2026-01-04
    # (Sunday, but a 调休上班 working day — stays too).
    d = dossier(example, approval("2025-01-10"), prelim("2025-07-04"))
    o = of_kind(d, D("2025-10-04"), "acceptance_window")
    assert o.opens == D("2025-10-04")
    assert o.status == dl.OPEN
    assert o.due.nominal == o.due.in_force == D("2026-01-04")
    # A close on a holiday moves: 2025-08-01 + 6 months = 2026-02-01 (Sunday) → 02-02
    d = dossier(example, approval("2025-01-10"), prelim("2025-08-01"))
    o = of_kind(d, D("2026-02-02"), "acceptance_window")
    assert (o.due.nominal, o.due.in_force, o.status) == (D("2026-02-01"), D("2026-02-02"), dl.OPEN)
    assert of_kind(d, D("2026-02-03"), "acceptance_window").status == dl.OVERDUE


def test_failed_preliminary_acceptance_opens_no_window(example):
    d = dossier(example, approval("2025-06-10"), prelim("2026-01-15", "不合格"))
    assert [o.kind for o in dl.obligations(d, D("2026-05-01"))].count("acceptance_window") == 0


# ------------------------------------------------------------------ 第十八条 rectification


def failed(day: str, kind="acceptance"):
    return {"kind": kind, "date": D(day), "result": "不合格"}


def rectified(started: str, completed: str, subject="竣工验收"):
    return {
        "kind": "rectification",
        "date": D(started),
        "subject": subject,
        "completed": D(completed),
    }


@pytest.mark.parametrize(
    ("as_of", "status"),
    [("2026-06-15", dl.OPEN), ("2026-06-16", dl.OPEN), ("2026-06-17", dl.OVERDUE)],
)
def test_rectification_three_months_as_of(example, as_of, status):
    # 2026-03-16 + 3 months = 2026-06-16, a Tuesday.
    d = dossier(example, approval("2025-06-10"), failed("2026-03-16"))
    o = of_kind(d, D(as_of), "rectification")
    assert o.due.nominal == o.due.in_force == D("2026-06-16")
    assert (o.article, o.clause, o.status) == (18, "第十八条", status)
    assert o.location.path == "records[1].result"


@pytest.mark.parametrize(
    ("completed", "status"),
    [("2026-06-15", dl.DONE), ("2026-06-16", dl.DONE), ("2026-06-17", dl.DONE_LATE)],
)
def test_rectification_completed_on_before_after(example, completed, status):
    d = dossier(
        example, approval("2025-06-10"), failed("2026-03-16"), rectified("2026-03-20", completed)
    )
    o = of_kind(d, D("2026-07-01"), "rectification")
    assert (o.done, o.status) == (D(completed), status)
    assert o.location.path == "records[2].completed"


def test_rectification_due_on_sunday_after_makeup_saturday_moves(example):
    # 2026-02-10 + 3 months = 2026-05-10 (Sunday; Saturday 05-09 is a make-up day) → 05-11.
    d = dossier(example, approval("2025-06-10"), failed("2026-02-10", "reinspection"))
    o = of_kind(d, D("2026-05-11"), "rectification")
    assert (o.due.nominal, o.due.in_force, o.status) == (D("2026-05-10"), D("2026-05-11"), dl.OPEN)
    assert of_kind(d, D("2026-05-12"), "rectification").status == dl.OVERDUE


# ------------------------------------------------------------------ 第十九条 self-evaluation


def passed(day: str):
    return {"kind": "acceptance", "date": D(day), "result": "合格"}


def live(day: str):
    return {"kind": "go_live", "date": D(day)}


def self_eval(day: str):
    return {
        "kind": "self_evaluation",
        "date": D(day),
        "sent_to": ["大石桥市数据局", "大石桥市财政局"],
    }


@pytest.mark.parametrize(
    ("as_of", "status"),
    [
        ("2025-03-04", dl.NOT_YET_OPEN),
        ("2025-03-05", dl.OPEN),  # 12 months after going live (2024-03-05)
        ("2025-03-06", dl.OPEN),
        ("2026-03-04", dl.OPEN),
        ("2026-03-05", dl.OPEN),  # 24 months: Thursday, in force
        ("2026-03-06", dl.OVERDUE),
    ],
)
def test_self_evaluation_window_as_of(example, as_of, status):
    d = dossier(example, approval("2023-01-10"), passed("2024-03-01"), live("2024-03-05"))
    o = of_kind(d, D(as_of), "self_evaluation")
    assert o.starts == D("2024-03-05")  # the later of acceptance and going live
    assert o.opens == D("2025-03-05")
    assert o.due.nominal == o.due.in_force == D("2026-03-05")
    assert (o.article, o.clause, o.status) == (19, "第十九条", status)


@pytest.mark.parametrize(
    ("day", "status"),
    [
        ("2025-03-04", dl.DONE_EARLY),
        ("2025-03-05", dl.DONE),
        ("2026-03-05", dl.DONE),
        ("2026-03-06", dl.DONE_LATE),
    ],
)
def test_self_evaluation_done_on_before_after(example, day, status):
    d = dossier(
        example, approval("2023-01-10"), passed("2024-03-01"), live("2024-03-05"), self_eval(day)
    )
    o = of_kind(d, D("2026-06-01"), "self_evaluation")
    assert (o.done, o.status) == (D(day), status)


def test_self_evaluation_opening_on_a_holiday_is_not_moved(example):
    # Going live 2024-10-01 → opens 2025-10-01 (国庆节) and stays there.
    d = dossier(example, approval("2023-01-10"), passed("2024-09-20"), live("2024-10-01"))
    o = of_kind(d, D("2025-10-01"), "self_evaluation")
    assert (o.opens, o.status) == (D("2025-10-01"), dl.OPEN)
    assert of_kind(d, D("2025-09-30"), "self_evaluation").status == dl.NOT_YET_OPEN
    # the close 2026-10-01 is moved past the holiday to 2026-10-08
    assert (o.due.nominal, o.due.in_force) == (D("2026-10-01"), D("2026-10-08"))


def test_self_evaluation_starts_at_acceptance_when_live_earlier(example):
    d = dossier(example, approval("2023-01-10"), live("2024-02-01"), passed("2024-03-01"))
    o = of_kind(d, D("2025-03-01"), "self_evaluation")
    assert (o.starts, o.opens, o.status) == (D("2024-03-01"), D("2025-03-01"), dl.OPEN)


# ------------------------------------------------------------------ 第八条 plan submission


def call(day: str, deadline: str, year=2026):
    return {"kind": "plan_call", "date": D(day), "year": year, "deadline": D(deadline)}


def submitted(day: str, year=2026):
    return {"kind": "plan_submission", "date": D(day), "year": year, "amount": "386万元"}


@pytest.mark.parametrize(
    ("as_of", "status"),
    [("2025-07-14", dl.OPEN), ("2025-07-15", dl.OPEN), ("2025-07-16", dl.OVERDUE)],
)
def test_plan_submission_deadline_as_of(example, as_of, status):
    d = dossier(example, call("2025-06-10", "2025-07-15"))
    o = of_kind(d, D(as_of), "plan_submission")
    assert o.due.nominal == o.due.in_force == D("2025-07-15")  # Tuesday
    assert (o.article, o.clause, o.status) == (8, "第八条", status)


@pytest.mark.parametrize(
    ("day", "status"),
    [("2025-07-14", dl.DONE), ("2025-07-15", dl.DONE), ("2025-07-16", dl.DONE_LATE)],
)
def test_plan_submission_on_before_after(example, day, status):
    d = dossier(example, call("2025-06-10", "2025-07-15"), submitted(day))
    o = of_kind(d, D("2025-08-01"), "plan_submission")
    assert (o.done, o.status) == (D(day), status)


def test_plan_submission_deadline_on_saturday_moves_to_monday(example):
    d = dossier(example, call("2025-06-10", "2025-07-12"))
    o = of_kind(d, D("2025-07-14"), "plan_submission")
    assert (o.due.nominal, o.due.in_force, o.status) == (D("2025-07-12"), D("2025-07-14"), dl.OPEN)
    assert of_kind(d, D("2025-07-15"), "plan_submission").status == dl.OVERDUE


def test_plan_call_not_yet_issued_is_not_listed(example):
    d = dossier(example, call("2025-06-10", "2025-07-15"))
    assert dl.obligations(d, D("2025-06-09")) == []


# ------------------------------------------------------------------ 第二十条 supervision


def finding(day: str, deadline: str):
    return {
        "kind": "supervision_finding",
        "date": D(day),
        "issuer": "大石桥市数据局",
        "area": "密码应用",
        "description": "未按方案部署密码模块",
        "deadline": D(deadline),
    }


@pytest.mark.parametrize(
    ("as_of", "completed", "status"),
    [
        ("2026-08-28", None, dl.OPEN),  # Friday
        ("2026-08-31", None, dl.OPEN),  # deadline 08-29 is a Saturday → in force Monday 08-31
        ("2026-09-01", None, dl.OVERDUE),
        ("2026-09-10", "2026-08-31", dl.DONE),
        ("2026-09-10", "2026-09-01", dl.DONE_LATE),
    ],
)
def test_supervision_rectification(example, as_of, completed, status):
    recs = [approval("2025-06-10"), finding("2026-07-01", "2026-08-29")]
    if completed:
        recs.append(rectified("2026-07-05", completed, "监督检查"))
    d = dossier(example, *recs)
    o = of_kind(d, D(as_of), "supervision_rectification")
    assert (o.due.nominal, o.due.in_force) == (D("2026-08-29"), D("2026-08-31"))
    assert (o.article, o.status) == (20, status)


# ------------------------------------------------------------------ next actions


def test_next_actions_orders_overdue_open_then_not_yet_open(example):
    d = dossier(
        example,
        call("2026-06-01", "2026-07-15", year=2027),
        approval("2026-03-10"),
        report("2026-06-09", 1),
        prelim("2026-08-20"),
    )
    found = dl.obligations(d, D("2026-09-15"))
    todo = dl.next_actions(found)
    assert [(o.kind, o.period, o.status) for o in todo] == [
        ("plan_submission", None, dl.OVERDUE),  # in force 07-15: the oldest first
        ("quarterly_report", 2, dl.OVERDUE),  # 09-10
        ("quarterly_report", 3, dl.OPEN),  # 12-10
        ("acceptance_window", None, dl.NOT_YET_OPEN),  # opens 11-20
    ]
    assert all(o.pending for o in todo)
    assert [o for o in found if o not in todo] == [found[0]]  # period 1, done


# ------------------------------------------------------------------ boundaries of the clocks


def terminated(day: str):
    return {"kind": "termination", "date": D(day), "issuer": "大石桥市数据局", "reason": "停建"}


def test_termination_stops_the_quarterly_reports_from_its_own_day(example):
    # p1 ends 2026-06-10; p2 (06-11 … 09-10) is still running when the project stops
    d = dossier(example, approval("2026-03-10"), terminated("2026-07-01"))
    assert dl.quarterly_stop(d) == D("2026-07-01")
    assert dl.quarterly_stop(d, D("2026-07-01")) == D("2026-07-01")  # known on its day
    assert dl.quarterly_stop(d, D("2026-06-30")) is None
    assert [o.period for o in dl.obligations(d, D("2026-07-01"))] == [1]
    assert [o.period for o in dl.obligations(d, D("2026-06-30"))] == [1, 2]


def test_the_earlier_of_acceptance_and_termination_stops_the_reports(example):
    acc = {"kind": "acceptance", "date": D("2026-08-01"), "result": "合格"}
    d = dossier(example, approval("2026-03-10"), acc, terminated("2026-07-01"))
    assert dl.quarterly_stop(d) == D("2026-07-01")
    assert dl.quarterly_stop(d, D("2026-08-01")) == D("2026-07-01")


def test_a_plan_call_is_listed_from_the_day_it_is_issued(example):
    d = dossier(example, call("2025-06-10", "2025-07-15"))
    o = of_kind(d, D("2025-06-10"), "plan_submission")
    assert (o.starts, o.status, o.title) == (
        D("2025-06-10"),
        dl.OPEN,
        "报送2026年度项目计划（截止 2025-07-15）",
    )


def test_next_actions_orders_by_the_day_that_matters_for_each_status(example):
    """Open items by their last day in force; items not yet open by the day they open."""
    d = dossier(
        example,
        approval("2025-06-10"),
        report("2025-09-01", 1),
        report("2025-12-01", 2),
        prelim("2026-01-15"),  # window 2026-04-15 … 2026-07-15
    )
    todo = dl.next_actions(dl.obligations(d, D("2026-02-01"), ahead=D("2026-06-30")))
    assert [(o.kind, o.period, o.status) for o in todo] == [
        ("quarterly_report", 3, dl.OPEN),  # due 2026-03-10
        ("acceptance_window", None, dl.NOT_YET_OPEN),  # opens 04-15 (closes 07-15)
        ("quarterly_report", 4, dl.NOT_YET_OPEN),  # due 06-10
        ("quarterly_report", 5, dl.NOT_YET_OPEN),  # due 09-10
    ]
    # once the window is open it ranks by its last day (07-15), after period 4 (06-10)
    todo = dl.next_actions(dl.obligations(d, D("2026-05-01")))
    assert [(o.kind, o.period, o.status) for o in todo] == [
        ("quarterly_report", 3, dl.OVERDUE),
        ("quarterly_report", 4, dl.OPEN),  # due 06-10
        ("acceptance_window", None, dl.OPEN),  # opened 04-15, due 07-15
    ]


def test_quarterly_periods_use_the_holiday_files(example):
    from tests.test_periods import MAY_2027

    (first,) = dl.quarterly_periods(D("2027-02-03"), count=1, calendar=MAY_2027)
    assert (first.end, first.due.in_force) == (D("2027-05-03"), D("2027-05-06"))
    (plain,) = dl.quarterly_periods(D("2027-02-03"), count=1)
    assert plain.due.in_force == D("2027-05-03")


def test_quarterly_period_by_index(example):
    d = dossier(example, approval("2026-03-10"))
    third = dl.quarterly_period(d, 3)
    assert (third.index, third.start, third.end) == (3, D("2026-09-11"), D("2026-12-10"))
    assert dl.quarterly_period(d, 1).start == D("2026-03-11")
    assert dl.quarterly_period(dossier(example, call("2025-06-10", "2025-07-15")), 1) is None
    from tests.test_periods import MAY_2027

    d = dossier(example, approval("2027-02-03"))
    assert dl.quarterly_period(d, 1).due.in_force == D("2027-05-03")  # weekends only
    d.calendar = MAY_2027
    assert dl.quarterly_period(d, 1).due.in_force == D("2027-05-06")  # the holiday file


def test_obligation_as_json(example):
    """The keys and values ``status --format json`` prints for one obligation."""
    d = dossier(example, approval("2026-03-10"), report("2026-06-08", 1), prelim("2026-08-20"))
    as_of = D("2026-09-20")
    found = {
        "quarterly_report": of_kind(d, as_of, "quarterly_report", period=1),
        "acceptance_window": of_kind(d, as_of, "acceptance_window"),
    }
    line = found["quarterly_report"].location.line
    assert found["quarterly_report"].to_dict() == {
        "kind": "quarterly_report",
        "article": 16,
        "clause": "第十六条",
        "title": "第1期季度进展报告（2026-03-11 至 2026-06-10）",
        "starts": "2026-03-10",
        "opens": None,
        "due_nominal": "2026-06-10",
        "due_in_force": "2026-06-10",
        "calendar_notice": None,
        "done": "2026-06-08",
        "status": "done",
        "period": 1,
        "file": "project.yaml",
        "line": line,
        "column": found["quarterly_report"].location.column,
        "path": "records[1].period",
    }
    window = found["acceptance_window"].to_dict()
    assert (window["opens"], window["due_nominal"], window["done"], window["period"]) == (
        "2026-11-20",
        "2027-02-20",
        None,
        None,
    )
    assert window["calendar_notice"].startswith("2027年的法定节假日安排不在")
    assert (window["line"], window["column"]) == (
        found["acceptance_window"].location.line,
        found["acceptance_window"].location.column,
    )
    assert window["line"] > line > 0 and window["column"] > 0


# ------------------------------------------------------------------ 第十七条 window, exactly


def test_acceptance_window_counts_a_record_dated_today(example):
    d = dossier(example, approval("2025-06-10"), prelim("2026-01-15"))
    o = of_kind(d, D("2026-01-15"), "acceptance_window")  # the 初验 happened today
    assert (o.opens, o.status) == (D("2026-04-15"), dl.NOT_YET_OPEN)
    assert (
        o.title
        == "申请竣工验收（初验 2026-01-15 合格后3个月以上至6个月内：2026-04-15 至 2026-07-15）"
    )
    assert o.location.path == "records[1].date"
    d = dossier(example, approval("2025-06-10"), prelim("2026-01-15"), applied("2026-05-06"))
    o = of_kind(d, D("2026-05-06"), "acceptance_window")  # applied today
    assert (o.done, o.status, o.location.path) == (D("2026-05-06"), dl.DONE, "records[2].date")


def test_acceptance_window_ignores_an_application_on_the_preliminary_day(example):
    d = dossier(example, approval("2025-06-10"), prelim("2026-01-15"), applied("2026-01-15"))
    o = of_kind(d, D("2026-05-01"), "acceptance_window")
    assert (o.done, o.status, o.location.path) == (None, dl.OPEN, "records[1].date")


@pytest.mark.parametrize("timely", ["2026-04-15", "2026-05-01", "2026-07-15"])
def test_acceptance_window_prefers_the_timely_application_over_an_early_one(example, timely):
    # withdrawn and filed again: the early application (03-01) is not the one that counts
    recs = [approval("2025-06-10"), prelim("2026-01-15"), applied("2026-03-01"), applied(timely)]
    o = of_kind(dossier(example, *recs), D("2026-08-01"), "acceptance_window")
    assert (o.done, o.status, o.location.path) == (D(timely), dl.DONE, "records[3].date")


def test_acceptance_window_lapsed_gives_way_to_a_later_preliminary_acceptance(example):
    # 初验 2025-01-10: window to 2025-07-10 lapses unused; 初验 again 2025-09-01
    d = dossier(example, approval("2024-06-10"), prelim("2025-01-10"), prelim("2025-09-01"))
    found = [o for o in dl.obligations(d, D("2025-10-01")) if o.kind == "acceptance_window"]
    assert [(o.starts, o.status) for o in found] == [(D("2025-09-01"), dl.NOT_YET_OPEN)]
    # before the second 初验, the first window is simply overdue
    o = of_kind(d, D("2025-08-01"), "acceptance_window")
    assert (o.starts, o.status) == (D("2025-01-10"), dl.OVERDUE)
    # three 初验, the first two lapsed: only the last window remains
    d = dossier(
        example,
        approval("2024-06-10"),
        prelim("2025-01-10"),
        prelim("2025-09-01"),
        prelim("2026-04-01"),
    )
    found = [o for o in dl.obligations(d, D("2026-05-01")) if o.kind == "acceptance_window"]
    assert [o.starts for o in found] == [D("2026-04-01")]


def test_acceptance_window_used_stays_after_a_later_preliminary_acceptance(example):
    recs = [approval("2024-06-10"), prelim("2025-01-10"), applied("2025-05-06")]
    d = dossier(example, *recs, prelim("2025-09-01"))
    found = [o for o in dl.obligations(d, D("2025-10-01")) if o.kind == "acceptance_window"]
    assert [(o.starts, o.status) for o in found] == [
        (D("2025-01-10"), dl.DONE),
        (D("2025-09-01"), dl.NOT_YET_OPEN),
    ]


@pytest.mark.parametrize("used", [False, True])
def test_acceptance_window_one_for_two_passed_preliminary_acceptances_on_one_day(example, used):
    # the same 初验 recorded twice (decided: one window, located at the first record);
    # one day apart they are two 初验, and the first, lapsed or used, is judged as before
    recs = [approval("2024-06-10"), prelim("2025-01-10"), prelim("2025-01-10")]
    recs += [applied("2025-05-06")] if used else []
    d = dossier(example, *recs)
    found = [o for o in dl.obligations(d, D("2025-10-01")) if o.kind == "acceptance_window"]
    status = dl.DONE if used else dl.OVERDUE
    assert [(o.starts, o.status, o.location.path) for o in found] == [
        (D("2025-01-10"), status, "records[3].date" if used else "records[1].date")
    ]
    if not used:  # and so one finding, not the same one twice
        from xmgl.domain.rules import check

        found = check(d, D("2025-10-01"), stage="preliminary_acceptance")
        assert [f.rule for f in found if f.rule.startswith("A17-")] == ["A17-APPLY-OVERDUE"]
    recs[2] = prelim("2025-01-11")
    d = dossier(example, *recs)
    found = [o for o in dl.obligations(d, D("2025-10-01")) if o.kind == "acceptance_window"]
    expected = [(D("2025-01-10"), dl.DONE)] if used else []
    assert [(o.starts, o.status) for o in found] == [*expected, (D("2025-01-11"), status)]
    # the doubled 初验 does not end the list: a later 初验 still has its window
    recs[2] = prelim("2025-01-10")
    d = dossier(example, *recs, prelim("2025-09-01"))
    found = [o for o in dl.obligations(d, D("2025-10-01")) if o.kind == "acceptance_window"]
    assert [(o.starts, o.status) for o in found] == [
        *expected,
        (D("2025-09-01"), dl.NOT_YET_OPEN),
    ]


# ------------------------------------------------------------------ the dossier's holiday file


@pytest.mark.parametrize(
    ("kind", "records"),
    [
        ("acceptance_window", [approval("2026-06-10"), prelim("2026-11-03")]),
        ("rectification", [approval("2026-06-10"), failed("2027-02-03")]),
        ("self_evaluation", [approval("2024-06-10"), passed("2025-05-03"), live("2025-05-03")]),
        ("quarterly_report", [approval("2027-02-03")]),
        ("plan_submission", [call("2027-03-01", "2027-05-03", year=2028)]),
        (
            "supervision_rectification",
            [approval("2026-06-10"), finding("2027-03-01", "2027-05-03")],
        ),
    ],
)
def test_every_last_day_is_moved_by_the_dossiers_holiday_file(example, kind, records):
    """The file's 2027 notice makes Monday 2027-05-03 a rest day: the last day is 05-06."""
    from tests.test_periods import MAY_2027
    from xmgl.domain.periods import Deadline

    d = dossier(example, *records)
    match = {"period": 1} if kind == "quarterly_report" else {}
    plain = of_kind(d, D("2027-05-04"), kind, **match)
    assert (plain.due.in_force, plain.status) == (D("2027-05-03"), dl.OVERDUE)  # weekends only
    d.calendar = MAY_2027
    o = of_kind(d, D("2027-05-04"), kind, **match)
    assert o.due == Deadline(D("2027-05-03"), D("2027-05-06"))
    assert o.status == dl.OPEN


# ------------------------------------------------------------------ 第十六条 stop, exactly


def test_quarterly_reports_stop_at_a_passed_reinspection(example):
    reinspected = {"kind": "reinspection", "date": D("2026-08-20"), "result": "合格"}
    d = dossier(example, approval("2026-03-10"), failed("2026-06-20"), reinspected)
    first = dl.first_passed_acceptance(d)
    assert (first.kind, first.date) == ("reinspection", D("2026-08-20"))
    assert dl.first_passed_acceptance(d, D("2026-08-20")).date == D("2026-08-20")  # that day
    assert dl.first_passed_acceptance(d, D("2026-08-19")) is None
    assert dl.quarterly_stop(d) == D("2026-08-20")
    assert [o.period for o in dl.obligations(d, D("2026-12-31")) if o.period] == [1]


def test_quarterly_period_ending_on_the_filing_day_is_still_due(example):
    # p1 ends 2026-06-10, the day the acceptance is filed: it has fully elapsed, so it is due
    acc = {"kind": "acceptance", "date": D("2026-06-10"), "result": "合格"}
    d = dossier(example, approval("2026-03-10"), acc)
    assert [o.period for o in dl.obligations(d, D("2026-12-31")) if o.period] == [1]
    acc = {"kind": "acceptance", "date": D("2026-06-09"), "result": "合格"}
    d = dossier(example, approval("2026-03-10"), acc)
    assert [o.period for o in dl.obligations(d, D("2026-12-31")) if o.period] == []


def test_quarterly_report_sent_today_is_done_today(example):
    d = dossier(example, approval("2026-03-10"), report("2026-06-10", 1))
    o = of_kind(d, D("2026-06-10"), "quarterly_report", period=1)
    assert (o.done, o.status, o.location.path) == (D("2026-06-10"), dl.DONE, "records[1].period")


# ------------------------------------------------------------------ 第十八条, exactly


def rect_kinds(d, as_of):
    return [o for o in dl.obligations(d, D(as_of)) if o.kind == "rectification"]


def test_rectification_only_for_a_failure_known_by_today(example):
    d = dossier(example, approval("2025-06-10"), passed("2026-03-16"))
    assert rect_kinds(d, "2026-07-01") == []  # passed: nothing to rectify
    d = dossier(example, approval("2025-06-10"), failed("2026-03-16"))
    assert rect_kinds(d, "2026-03-15") == []  # not failed yet
    o = of_kind(d, D("2026-03-16"), "rectification")  # failed today
    assert (o.starts, o.status) == (D("2026-03-16"), dl.OPEN)
    assert o.title == "竣工验收不合格（2026-03-16）后3个月内完成整改"


def test_each_failure_needs_its_rectification_whatever_came_before(example):
    # a passed acceptance (of an earlier part) before a failed reinspection
    d = dossier(
        example,
        approval("2025-06-10"),
        passed("2026-01-10"),
        failed("2026-03-16", kind="reinspection"),
    )
    (o,) = rect_kinds(d, "2026-07-01")
    assert (o.starts, o.status, o.location.path) == (
        D("2026-03-16"),
        dl.OVERDUE,
        "records[2].result",
    )


@pytest.mark.parametrize(
    ("record", "counts"),
    [
        pytest.param(rectified("2026-03-16", "2026-05-01"), True, id="started-on-the-failure-day"),
        pytest.param(rectified("2026-03-15", "2026-05-01"), False, id="started-before-the-failure"),
        pytest.param(rectified("2026-03-20", "2026-05-01", "监督检查"), False, id="other-subject"),
        pytest.param(
            {"kind": "rectification", "date": D("2026-03-20"), "subject": "竣工验收"},
            False,
            id="not-completed",
        ),
        pytest.param(rectified("2026-03-20", "2026-06-02"), False, id="completed-after-today"),
        pytest.param(rectified("2026-03-20", "2026-06-01"), True, id="completed-today"),
    ],
)
def test_which_rectification_counts(example, record, counts):
    d = dossier(example, approval("2025-06-10"), failed("2026-03-16"), record)
    o = of_kind(d, D("2026-06-01"), "rectification")
    if counts:
        assert (o.done, o.status, o.location.path) == (
            record["completed"],
            dl.DONE,
            "records[2].completed",
        )
    else:
        assert (o.done, o.status, o.location.path) == (None, dl.OPEN, "records[1].result")


# ------------------------------------------------------------------ 第十九条, exactly


def test_self_evaluation_clock_needs_both_acceptance_and_going_live(example):
    only_passed = dossier(example, approval("2023-01-10"), passed("2024-03-01"))
    assert [o.kind for o in dl.obligations(only_passed, D("2026-01-01"))].count(
        "self_evaluation"
    ) == 0
    assert (
        dl.evaluation_start(dossier(example, approval("2023-01-10"), passed("2024-03-01"))) is None
    )
    assert dl.evaluation_start(dossier(example, approval("2023-01-10"), live("2024-03-05"))) is None
    d = dossier(example, approval("2023-01-10"), passed("2024-03-01"), live("2024-03-05"))
    day, rec = dl.evaluation_start(d)
    assert (day, rec.kind) == (D("2024-03-05"), "go_live")
    o = of_kind(d, D("2024-03-05"), "self_evaluation")  # listed from its first day
    assert (o.starts, o.status, o.location.path) == (
        D("2024-03-05"),
        dl.NOT_YET_OPEN,
        "records[2].date",
    )
    assert o.title == (
        "自评价（通过验收并投入运行 2024-03-05 后12至24个月内：2025-03-05 至 2026-03-05）"
    )
    assert [o for o in dl.obligations(d, D("2024-03-04")) if o.kind == "self_evaluation"] == []


@pytest.mark.parametrize(
    ("evaluated", "done"),
    [
        ("2024-03-05", None),  # on the clock's first day: not an evaluation of the operation
        ("2024-03-06", D("2024-03-06")),  # the day after: done (early)
        ("2025-06-01", D("2025-06-01")),  # today: done
        ("2025-06-02", None),  # after today: not yet known
    ],
)
def test_which_self_evaluation_counts(example, evaluated, done):
    d = dossier(
        example,
        approval("2023-01-10"),
        passed("2024-03-01"),
        live("2024-03-05"),
        self_eval(evaluated),
    )
    o = of_kind(d, D("2025-06-01"), "self_evaluation")
    assert o.done == done
    assert o.location.path == ("records[3].date" if done else "records[2].date")


# ------------------------------------------------------------------ 第二十条, exactly


def test_a_supervision_finding_without_a_deadline_or_not_yet_made_sets_none(example):
    no_deadline = {k: v for k, v in finding("2026-07-01", "2026-08-29").items() if k != "deadline"}
    d = dossier(example, approval("2025-06-10"), no_deadline)
    assert [o for o in dl.obligations(d, D("2026-09-01")) if o.kind.startswith("supervision")] == []
    d = dossier(example, approval("2025-06-10"), finding("2026-07-01", "2026-08-28"))
    assert [o.kind for o in dl.obligations(d, D("2026-06-30"))].count(
        "supervision_rectification"
    ) == 0
    o = of_kind(d, D("2026-07-01"), "supervision_rectification")  # made today
    assert (o.starts, o.status, o.location.path) == (
        D("2026-07-01"),
        dl.OPEN,
        "records[1].deadline",
    )
    assert o.title == "大石桥市数据局监督检查（密码应用）问题限期整改"
    assert (o.article, o.clause) == (20, "第二十条")
    # a finding without a deadline does not hide the next one
    d = dossier(example, approval("2025-06-10"), no_deadline, finding("2026-07-02", "2026-08-28"))
    (o,) = [o for o in dl.obligations(d, D("2026-09-01")) if o.kind.startswith("supervision")]
    assert (o.starts, o.location.path) == (D("2026-07-02"), "records[2].deadline")


@pytest.mark.parametrize(
    ("record", "counts"),
    [
        pytest.param(
            rectified("2026-07-01", "2026-08-01", "监督检查"), True, id="started-same-day"
        ),
        pytest.param(rectified("2026-06-30", "2026-08-01", "监督检查"), False, id="started-before"),
        pytest.param(rectified("2026-07-02", "2026-08-01"), False, id="acceptance-rectification"),
        pytest.param(rectified("2026-07-02", "2026-08-10", "监督检查"), True, id="completed-today"),
        pytest.param(
            rectified("2026-07-02", "2026-08-11", "监督检查"), False, id="completed-later"
        ),
        pytest.param(
            {"kind": "rectification", "date": D("2026-07-02"), "subject": "监督检查"},
            False,
            id="not-completed",
        ),
    ],
)
def test_which_supervision_rectification_counts(example, record, counts):
    d = dossier(example, approval("2025-06-10"), finding("2026-07-01", "2026-08-28"), record)
    o = of_kind(d, D("2026-08-10"), "supervision_rectification")
    if counts:
        assert (o.done, o.location.path) == (record["completed"], "records[2].completed")
    else:
        assert (o.done, o.location.path) == (None, "records[1].deadline")


def test_one_rectification_answers_one_supervision_finding(example):
    d = dossier(
        example,
        approval("2025-06-10"),
        finding("2026-07-01", "2026-08-28"),
        finding("2026-07-01", "2026-08-28"),
        rectified("2026-07-02", "2026-08-01", "监督检查"),
    )
    found = [o for o in dl.obligations(d, D("2026-08-10")) if o.kind == "supervision_rectification"]
    assert [(o.done, o.status, o.location.path) for o in found] == [
        (D("2026-08-01"), dl.DONE, "records[3].completed"),
        (None, dl.OPEN, "records[2].deadline"),
    ]


# ------------------------------------------------------------------ 第八条, exactly


def test_plan_submission_counts_for_its_own_year_only_and_from_its_day(example):
    d = dossier(
        example,
        call("2025-06-10", "2025-07-15", year=2026),
        call("2026-06-10", "2026-07-15", year=2027),
        submitted("2025-07-10", year=2026),
    )
    found = [o for o in dl.obligations(d, D("2026-06-20")) if o.kind == "plan_submission"]
    assert [(o.title[:10], o.done, o.status, o.location.path) for o in found] == [
        ("报送2026年度项目", D("2025-07-10"), dl.DONE, "records[2].date"),
        ("报送2027年度项目", None, dl.OPEN, "records[1].date"),
    ]
    d = dossier(example, call("2025-06-10", "2025-07-15"), submitted("2025-07-10"))
    assert of_kind(d, D("2025-07-10"), "plan_submission").done == D("2025-07-10")  # today
    assert of_kind(d, D("2025-07-09"), "plan_submission").done is None
