"""Every deadline the regulation sets, computed from the dossier's records.

One function, :func:`obligations`, answers "what was or is due, by when, and
was it done in time" for a dossier on a given day. The rules (``validate``),
``status``, ``calendar`` and the portfolio all read it, so the date arithmetic
of ``periods`` is applied in exactly one place.

The kinds of obligation, their articles, months and what starts their clocks are the
rows of :data:`xmgl.domain.bounds.BOUNDS`; this module only applies them to records.

Statuses: ``done`` (in time), ``done_late`` (after the last day in force),
``done_early`` (before the window opened), ``overdue`` (not done, last day
passed), ``open`` (not done, may and should be done now), ``not_yet_open``
(not done, too early).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from xmgl.domain import bounds as B
from xmgl.domain import periods
from xmgl.domain.holidays import Calendar
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

KIND_ZH = {b.kind: b.zh for b in B.BOUNDS}


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

    def to_dict(self) -> dict[str, object]:
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
        due = periods.deadline(call.deadline, d.calendar)
        sub = next(
            (s for s in d.records_of("plan_submission") if s.year == call.year and s.date <= as_of),
            None,
        )
        done = sub.date if sub else None
        out.append(
            Obligation(
                kind=B.PLAN_SUBMISSION.kind,
                article=B.PLAN_SUBMISSION.article,
                clause=B.PLAN_SUBMISSION.clause,
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
def first_passed_acceptance(d: Dossier, as_of: date | None = None) -> Node | None:
    """The first passed completion acceptance (竣工验收 or 复验 合格), the one place it is found.

    With ``as_of``, only a record dated on or before that day counts.
    """
    for r in d.records_of("acceptance", "reinspection"):  # date order
        if as_of is not None and r.date > as_of:
            break
        if r.result == "合格":
            return r
    return None


def quarterly_stop(d: Dossier, as_of: date | None = None) -> date | None:
    """验收备案之日 (the passed acceptance), or the day the project was terminated.

    With ``as_of``, only what had happened by that day counts (a record dated later
    is not yet known on ``as_of``).
    """
    passed = first_passed_acceptance(d, as_of)
    stops = [passed.date] if passed is not None else []
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
    for p in periods.recurring_periods(approval, B.QUARTERLY.step, d.calendar):
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
                kind=B.QUARTERLY.kind,
                article=B.QUARTERLY.article,
                clause=B.QUARTERLY.clause,
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


def quarterly_periods(
    approval: date,
    until: date | None = None,
    *,
    count: int | None = None,
    calendar: Calendar | None = None,
) -> list[periods.Period]:
    """第十六条 quarterly progress-report periods from the approval date (every ``QUARTERLY.every`` months).

    Returns the periods whose (nominal) end is on or before ``until`` — i.e. those that
    have fully elapsed by then — and/or at most ``count`` periods. With ``until`` set to the
    acceptance filing date (验收备案之日) this is the set of reports the obligation covers:
    a period still running on the filing day is not due. At least one of ``until`` and
    ``count`` is required.
    """
    return periods.periods_until(approval, B.QUARTERLY.step, until, count=count, calendar=calendar)


def quarterly_period(d: Dossier, index: int) -> periods.Period | None:
    """Period ``index`` (from 1) of 第十六条, counted from the approval date; None before approval."""
    approval = d.approval_date()
    if approval is None:
        return None
    return quarterly_periods(approval, count=index, calendar=d.calendar)[-1]


# ------------------------------------------------------------------ 第十七条
def _acceptance_windows(d: Dossier, as_of: date) -> list[Obligation]:
    """One window per day with a passed 初验; the application that counts is one inside it.

    An application outside the window (too early, or after the permission lapsed)
    counts only when there is none inside it, so a unit that withdraws an early
    application and applies again in time is done. A window that lapsed (late or
    never applied) is superseded by a later passed 初验: re-running the preliminary
    acceptance is how the unit regains the right to apply (docs/validate.md).
    """
    out = []
    passed = [
        p for p in d.records_of("preliminary_acceptance") if p.result == "合格" and p.date <= as_of
    ]
    applications = [a for a in d.records_of("acceptance_application") if a.date <= as_of]
    for i, pre in enumerate(passed):
        window = B.ACCEPTANCE.window(pre.date, d.calendar)
        after = [a for a in applications if pre.date < a.date]
        timely = [a for a in after if window.opens <= a.date and window.closes.is_met_by(a.date)]
        app = next(iter(timely or after), None)
        done = app.date if app else None
        later = [p for p in passed[i + 1 :] if p.date > pre.date]
        if later and not timely:
            continue  # lapsed or withdrawn: the later 初验 starts a new window
        if i and passed[i - 1].date == pre.date:
            continue  # the same 初验 recorded twice: one window, at the first record
        out.append(
            Obligation(
                kind=B.ACCEPTANCE.kind,
                article=B.ACCEPTANCE.article,
                clause=B.ACCEPTANCE.clause,
                title=(
                    f"申请竣工验收（初验 {pre.date.isoformat()} 合格后{B.ACCEPTANCE.span}："
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
        due = B.RECTIFICATION.due(acc.date, d.calendar)
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
                kind=B.RECTIFICATION.kind,
                article=B.RECTIFICATION.article,
                clause=B.RECTIFICATION.clause,
                title=f"竣工验收不合格（{acc.date.isoformat()}）后{B.RECTIFICATION.span}完成整改",
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
    passed = first_passed_acceptance(d)
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
    window = B.SELF_EVALUATION.window(day, d.calendar)
    ev = next((r for r in d.records_of("self_evaluation") if day < r.date <= as_of), None)
    done = ev.date if ev else None
    return [
        Obligation(
            kind=B.SELF_EVALUATION.kind,
            article=B.SELF_EVALUATION.article,
            clause=B.SELF_EVALUATION.clause,
            title=(
                f"自评价（通过验收并投入运行 {day.isoformat()} 后{B.SELF_EVALUATION.span}："
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
        due = periods.deadline(f.deadline, d.calendar)
        rect = None
        for i, r in enumerate(rects):
            if i not in used and r.date >= f.date and r.completed and r.completed <= as_of:
                rect = r
                used.add(i)
                break
        done = rect.completed if rect else None
        out.append(
            Obligation(
                kind=B.SUPERVISION.kind,
                article=B.SUPERVISION.article,
                clause=B.SUPERVISION.clause,
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
