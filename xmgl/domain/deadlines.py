"""Every deadline the regulation sets, computed from the dossier's records.

One function, :func:`obligations`, answers "what was or is due, by when, and
was it done in time" for a dossier on a given day. The rules (``validate``),
``status``, ``calendar`` and the portfolio all read it, so the date arithmetic
of ``periods`` is applied in exactly one place.

Kinds of obligation:

========================== ======= =====================================================
kind                       article what
========================== ======= =====================================================
plan_submission            8       报送年度项目计划，不晚于征集通知的截止日期
quarterly_report           16      自批复之日起至验收备案之日止，每3个月报送进展情况
acceptance_window          17      初验合格且稳定运行3个月以上至6个月内申请竣工验收
rectification              18      竣工验收不合格的，3个月内完成整改
self_evaluation            19      通过验收并投入运行后12至24个月内开展自评价
supervision_rectification  20      监督检查发现的问题，限期整改
========================== ======= =====================================================

Statuses: ``done`` (in time), ``done_late`` (after the last day in force),
``done_early`` (before the window opened), ``overdue`` (not done, last day
passed), ``open`` (not done, may and should be done now), ``not_yet_open``
(not done, too early).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from xmgl.domain import periods
from xmgl.domain.model import Dossier, Location, Node

DONE = "done"
DONE_LATE = "done_late"
DONE_EARLY = "done_early"
OVERDUE = "overdue"
OPEN = "open"
NOT_YET_OPEN = "not_yet_open"

STATUS_ZH = {
    DONE: "已按期完成",
    DONE_LATE: "逾期完成",
    DONE_EARLY: "提前办理（早于允许的最早日期）",
    OVERDUE: "已逾期",
    OPEN: "待办",
    NOT_YET_OPEN: "未到期",
}

KIND_ZH = {
    "plan_submission": "报送年度项目计划",
    "quarterly_report": "季度进展报告",
    "acceptance_window": "申请竣工验收",
    "rectification": "竣工验收整改",
    "self_evaluation": "自评价",
    "supervision_rectification": "监督检查整改",
}


@dataclass(frozen=True)
class Obligation:
    kind: str
    article: int
    clause: str
    title: str
    """Chinese, e.g. “第2期季度进展报告（2026-06-11 至 2026-09-10）”."""
    starts: date
    """The event that started the clock (approval, preliminary acceptance …)."""
    opens: date | None
    """Earliest day allowed (windows only); never moved by holidays."""
    due: periods.Deadline
    """The last day: nominal and in force (moved past a 法定休假日, 民法典第二百零三条)."""
    done: date | None
    status: str
    location: Location
    """The record that fulfilled it, or else the one that started the clock."""
    period: int | None = None

    @property
    def late(self) -> bool:
        return self.status in (OVERDUE, DONE_LATE)

    @property
    def pending(self) -> bool:
        """Not done yet (overdue, open or not yet open)."""
        return self.done is None

    def days_left(self, as_of: date) -> int:
        """Days from ``as_of`` to the last day in force: 0 on that day, negative when overdue."""
        return (self.due.in_force - as_of).days

    def to_dict(self) -> dict:
        return {
            "kind": self.kind,
            "article": self.article,
            "clause": self.clause,
            "title": self.title,
            "starts": self.starts.isoformat(),
            "opens": self.opens.isoformat() if self.opens else None,
            "due_nominal": self.due.nominal.isoformat(),
            "due_in_force": self.due.in_force.isoformat(),
            "calendar_notice": self.due.notice,
            "done": self.done.isoformat() if self.done else None,
            "status": self.status,
            "period": self.period,
            "file": self.location.file,
            "line": self.location.line,
            "column": self.location.column,
            "path": self.location.path,
        }


def _status(done: date | None, opens: date | None, due: periods.Deadline, today: date) -> str:
    if done is not None:
        if opens is not None and done < opens:
            return DONE_EARLY
        return DONE if due.is_met_by(done) else DONE_LATE
    if due.is_overdue(today):
        return OVERDUE
    if opens is not None and today < opens:
        return NOT_YET_OPEN
    return OPEN


def obligations(d: Dossier, as_of: date, *, ahead: date | None = None) -> list[Obligation]:
    """Every obligation due or started by ``as_of``, in order of their last day.

    The quarterly reports (第十六条) recur without end until the acceptance is filed:
    by default only the periods begun by ``as_of`` are listed (the running one is the
    next due; on the approval day itself, period 1). With ``ahead`` (a later day), the
    periods that begin after ``as_of`` and by ``ahead`` are listed too, as
    ``not_yet_open`` — for a calendar that looks forward.
    """
    found: list[Obligation] = []
    found += _plan_submissions(d, as_of)
    found += _quarterly_reports(d, as_of, ahead)
    found += _acceptance_windows(d, as_of)
    found += _rectifications(d, as_of)
    found += _self_evaluations(d, as_of)
    found += _supervision(d, as_of)
    return sorted(found, key=lambda o: (o.due.nominal, o.kind, o.period or 0))


_URGENCY = {OVERDUE: 0, OPEN: 1, NOT_YET_OPEN: 2}


def next_actions(found: list[Obligation]) -> list[Obligation]:
    """What remains to be done, most urgent first.

    Overdue items first (the oldest first), then the open ones by their last day in
    force, then those not yet open by the day they open. Done items are left out.
    """
    todo = [o for o in found if o.status in _URGENCY]
    return sorted(
        todo,
        key=lambda o: (
            _URGENCY[o.status],
            (o.opens or o.due.in_force) if o.status == NOT_YET_OPEN else o.due.in_force,
            o.kind,
            o.period or 0,
        ),
    )


# ------------------------------------------------------------------ 第八条
def _plan_submissions(d: Dossier, as_of: date) -> list[Obligation]:
    out = []
    for call in d.records_of("plan_call"):
        if call.date > as_of:
            continue
        due = periods.deadline(call.deadline)
        sub = next(
            (s for s in d.records_of("plan_submission") if s.year == call.year and s.date <= as_of),
            None,
        )
        done = sub.date if sub else None
        out.append(
            Obligation(
                kind="plan_submission",
                article=8,
                clause="第八条",
                title=f"报送{call.year}年度项目计划（截止 {call.deadline.isoformat()}）",
                starts=call.date,
                opens=None,
                due=due,
                done=done,
                status=_status(done, None, due, as_of),
                location=(sub or call).where("date"),
            )
        )
    return out


# ------------------------------------------------------------------ 第十六条
def quarterly_stop(d: Dossier, as_of: date | None = None) -> date | None:
    """验收备案之日 (the passed acceptance), or the day the project was terminated.

    With ``as_of``, only what had happened by that day counts (a record dated later
    is not yet known on ``as_of``).
    """
    stops = [r.date for r in d.records_of("acceptance", "reinspection") if r.result == "合格"]
    stops += [r.date for r in d.records_of("termination")]
    if as_of is not None:
        stops = [s for s in stops if s <= as_of]
    return min(stops) if stops else None


def _quarterly_reports(d: Dossier, as_of: date, ahead: date | None = None) -> list[Obligation]:
    approval = d.approval_date()
    if approval is None or approval > as_of:
        return []
    start_rec = next(r for r in d.records_of("approval") if r.date == approval)
    stop = quarterly_stop(d, as_of)
    reports: dict[int, Node] = {}
    for r in d.records_of("quarterly_report"):
        if r.date <= as_of:
            reports.setdefault(r.period, r)
    out = []
    for p in periods.recurring_periods(approval, 3):
        if stop is not None and p.end > stop:
            break  # the quarter still running on the filing day is not due
        if p.start > max(as_of, ahead or as_of) and p.index > 1:
            break  # only the periods begun by today: the running one is the next due
        rep = reports.get(p.index)
        done = rep.date if rep else None
        status = _status(done, None, p.due, as_of)
        if done is None and p.start > as_of:
            status = NOT_YET_OPEN  # period 1 on the approval day, or a period ahead
        out.append(
            Obligation(
                kind="quarterly_report",
                article=16,
                clause="第十六条",
                title=f"第{p.index}期季度进展报告（{p.start.isoformat()} 至 {p.end.isoformat()}）",
                starts=approval,
                opens=None,
                due=p.due,
                done=done,
                status=status,
                location=(rep or start_rec).where("date" if rep is None else "period"),
                period=p.index,
            )
        )
    return out


def quarterly_period(d: Dossier, index: int):
    """Period ``index`` (from 1) of 第十六条, counted from the approval date; None before approval."""
    approval = d.approval_date()
    if approval is None:
        return None
    return periods.quarterly_periods(approval, count=index)[-1]


# ------------------------------------------------------------------ 第十七条
def _acceptance_windows(d: Dossier, as_of: date) -> list[Obligation]:
    out = []
    for pre in d.records_of("preliminary_acceptance"):
        if pre.result != "合格" or pre.date > as_of:
            continue
        window = periods.window_after(pre.date, 3, 6)
        app = next(
            (a for a in d.records_of("acceptance_application") if pre.date < a.date <= as_of),
            None,
        )
        done = app.date if app else None
        out.append(
            Obligation(
                kind="acceptance_window",
                article=17,
                clause="第十七条第一款",
                title=(
                    f"申请竣工验收（初验 {pre.date.isoformat()} 合格后3个月以上至6个月内："
                    f"{window.opens.isoformat()} 至 {window.closes.nominal.isoformat()}）"
                ),
                starts=pre.date,
                opens=window.opens,
                due=window.closes,
                done=done,
                status=_status(done, window.opens, window.closes, as_of),
                location=(app or pre).where("date"),
            )
        )
    return out


# ------------------------------------------------------------------ 第十八条
def _rectifications(d: Dossier, as_of: date) -> list[Obligation]:
    out = []
    for acc in d.records_of("acceptance", "reinspection"):
        if acc.result != "不合格" or acc.date > as_of:
            continue
        due = periods.deadline_after(acc.date, 3)
        rect = next(
            (
                r
                for r in d.records_of("rectification")
                if r.subject == "竣工验收"
                and r.date >= acc.date
                and r.completed is not None
                and r.completed <= as_of
            ),
            None,
        )
        done = rect.completed if rect else None
        out.append(
            Obligation(
                kind="rectification",
                article=18,
                clause="第十八条",
                title=f"竣工验收不合格（{acc.date.isoformat()}）后3个月内完成整改",
                starts=acc.date,
                opens=None,
                due=due,
                done=done,
                status=_status(done, None, due, as_of),
                location=(rect.where("completed") if rect else acc.where("result")),
            )
        )
    return out


# ------------------------------------------------------------------ 第十九条
def evaluation_start(d: Dossier) -> tuple[date, Node] | None:
    """The later of passing acceptance and going live: 第十九条's clock starts there."""
    passed = next(
        (r for r in d.records_of("acceptance", "reinspection") if r.result == "合格"), None
    )
    live = d.first("go_live")
    if passed is None or live is None:
        return None
    later = max((passed, live), key=lambda r: r.date)
    return later.date, later


def _self_evaluations(d: Dossier, as_of: date) -> list[Obligation]:
    start = evaluation_start(d)
    if start is None or start[0] > as_of:
        return []
    day, rec = start
    window = periods.window_after(day, 12, 24)
    ev = next((r for r in d.records_of("self_evaluation") if day < r.date <= as_of), None)
    done = ev.date if ev else None
    return [
        Obligation(
            kind="self_evaluation",
            article=19,
            clause="第十九条",
            title=(
                f"自评价（通过验收并投入运行 {day.isoformat()} 后12至24个月内："
                f"{window.opens.isoformat()} 至 {window.closes.nominal.isoformat()}）"
            ),
            starts=day,
            opens=window.opens,
            due=window.closes,
            done=done,
            status=_status(done, window.opens, window.closes, as_of),
            location=(ev or rec).where("date"),
        )
    ]


# ------------------------------------------------------------------ 第二十条
def _supervision(d: Dossier, as_of: date) -> list[Obligation]:
    out = []
    used: set[int] = set()
    rects = [r for r in d.records_of("rectification") if r.subject == "监督检查"]
    for f in d.records_of("supervision_finding"):
        if f.deadline is None or f.date > as_of:
            continue
        due = periods.deadline(f.deadline)
        rect = None
        for i, r in enumerate(rects):
            if i not in used and r.date >= f.date and r.completed and r.completed <= as_of:
                rect = r
                used.add(i)
                break
        done = rect.completed if rect else None
        out.append(
            Obligation(
                kind="supervision_rectification",
                article=20,
                clause="第二十条",
                title=f"{f.issuer}监督检查（{f.area}）问题限期整改",
                starts=f.date,
                opens=None,
                due=due,
                done=done,
                status=_status(done, None, due, as_of),
                location=(rect.where("completed") if rect else f.where("deadline")),
            )
        )
    return out
