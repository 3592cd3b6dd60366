"""The deadlines of a dossier as an iCalendar file (RFC 5545, the ``icalendar`` package).

One all-day event per obligation, on the last day in force (after the 第二百零三条
shift); a window (第十七条, 第十九条) not yet acted on gets a second event on the day it
opens. Summaries are Chinese; the description names the article and both dates.

UIDs are stable: they are made from the project (its code, else a hash of its name
and unit), the kind and what started the clock, never from the export time, so
importing a newer export updates the events instead of duplicating them.
"""

from __future__ import annotations

import hashlib
from datetime import UTC, date, datetime, time, timedelta

from xmgl.domain import deadlines as dl
from xmgl.domain.model import Dossier

PRODID = "-//xmgl//大石桥市政务信息化项目法定期限//ZH"
REGULATION = "《大石桥市政务信息化项目管理暂行办法》"
REMIND_DAYS = 7

_VERB = {
    dl.DONE: "已办",
    dl.DONE_LATE: "已办（逾期）",
    dl.DONE_EARLY: "已办（提前）",
    dl.OVERDUE: "已逾期",
    dl.OPEN: "截止",
    dl.NOT_YET_OPEN: "截止",
}


def project_key(d: Dossier) -> str:
    """A short stable id of the project for UIDs: its code, else a hash of name and unit."""
    if d.project.code:
        return "".join(ch if ch.isalnum() or ch in "-_." else "-" for ch in d.project.code)
    digest = hashlib.sha256(f"{d.project.name}\n{d.project.unit}".encode()).hexdigest()
    return digest[:16]


def uid(d: Dossier, o: dl.Obligation, which: str = "due") -> str:
    what = f"p{o.period}" if o.period is not None else o.starts.isoformat()
    return f"{o.kind}-{what}-{which}.{project_key(d)}@xmgl"


def build(d: Dossier, found: list[dl.Obligation], as_of: date) -> bytes:
    """The calendar as bytes (CRLF lines, UTF-8)."""
    from icalendar import Alarm, Calendar, Event

    cal = Calendar()
    cal.add("prodid", PRODID)
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("method", "PUBLISH")
    cal.add("x-wr-calname", f"{d.project.name}·法定期限")
    stamp = datetime.combine(as_of, time(0, 0), tzinfo=UTC)
    for o in found:
        ev = Event()
        ev.add("uid", uid(d, o))
        ev.add("dtstamp", stamp)
        ev.add("summary", f"{_VERB[o.status]}：{o.title}")
        ev.add("dtstart", o.due.in_force)
        ev.add("dtend", o.due.in_force + timedelta(days=1))
        ev.add("description", _description(d, o, as_of))
        ev.add("categories", [dl.KIND_ZH[o.kind], o.clause])
        ev.add("transp", "TRANSPARENT")
        if o.pending:
            alarm = Alarm()
            alarm.add("action", "DISPLAY")
            alarm.add("description", f"{REMIND_DAYS}天后截止：{o.title}（{o.clause}）")
            alarm.add("trigger", timedelta(days=-REMIND_DAYS))
            ev.add_component(alarm)
        cal.add_component(ev)
        if o.opens is not None and o.pending:
            start = Event()
            start.add("uid", uid(d, o, "opens"))
            start.add("dtstamp", stamp)
            start.add("summary", f"可以开始：{o.title}")
            start.add("dtstart", o.opens)
            start.add("dtend", o.opens + timedelta(days=1))
            start.add("description", _description(d, o, as_of))
            start.add("categories", [dl.KIND_ZH[o.kind], o.clause])
            start.add("transp", "TRANSPARENT")
            cal.add_component(start)
    return cal.to_ical()


def _description(d: Dossier, o: dl.Obligation, as_of: date) -> str:
    lines = [
        f"项目：{d.project.name}（{d.project.unit}）",
        f"事项：{dl.KIND_ZH[o.kind]}",
        f"依据：{REGULATION}{o.clause}",
        f"起算：{o.starts.isoformat()}",
    ]
    if o.opens is not None:
        lines.append(f"最早可办：{o.opens.isoformat()}（不因节假日调整）")
    lines.append(f"名义截止日：{o.due.nominal.isoformat()}")
    if o.due.moved:
        lines.append(
            f"生效截止日：{o.due.in_force.isoformat()}（名义截止日为法定休假日，"
            "依民法典第二百零三条顺延）"
        )
    else:
        lines.append(f"生效截止日：{o.due.in_force.isoformat()}")
    if o.due.notice:
        lines.append(f"注意：{o.due.notice}")
    state = dl.STATUS_ZH[o.status]
    if o.done is not None:
        state += f"，{o.done.isoformat()} 已办"
    lines.append(f"状态（截至 {as_of.isoformat()}）：{state}")
    lines.append(f"档案位置：{o.location}")
    return "\n".join(lines)
