"""How obligations (``xmgl.domain.deadlines``) look to people and to scripts.

Shared by ``status``, ``calendar`` and ``portfolio`` so that a deadline reads the
same everywhere: a short Chinese status, a colour, both dates, the article.
"""

from __future__ import annotations

from datetime import date

from xmgl.domain import deadlines as dl

#: Short labels for narrow columns; ``dl.STATUS_ZH`` has the full wording.
STATUS_SHORT = {
    dl.DONE: "已完成",
    dl.DONE_LATE: "逾期完成",
    dl.DONE_EARLY: "提前办理",
    dl.OVERDUE: "已逾期",
    dl.OPEN: "待办",
    dl.NOT_YET_OPEN: "未到期",
}

STATUS_STYLE = {
    dl.DONE: "green",
    dl.DONE_LATE: "yellow",
    dl.DONE_EARLY: "yellow",
    dl.OVERDUE: "bold red",
    dl.OPEN: "cyan",
    dl.NOT_YET_OPEN: "dim",
}


def when(o: dl.Obligation, as_of: date) -> str:
    """“已逾期 10 天” / “今天是最后一日” / “还有 80 天” / “2026-04-15 起可办” / “2026-06-08 已办”."""
    if o.done is not None:
        return f"{o.done.isoformat()} 已办（{dl.STATUS_ZH[o.status]}）"
    left = o.days_left(as_of)
    if o.status == dl.OVERDUE:
        return f"已逾期 {-left} 天"
    if o.status == dl.NOT_YET_OPEN and o.opens is not None:
        return f"{o.opens.isoformat()} 起可办，还有 {left} 天截止"
    if left == 0:
        return "今天是最后一日"
    return f"还有 {left} 天"


def due_text(o: dl.Obligation) -> str:
    """“最后一日 2026-12-10” or, when moved, “名义 2026-10-01，顺延至 2026-10-08”."""
    if o.due.moved:
        return (
            f"名义截止 {o.due.nominal.isoformat()}，遇法定休假日顺延至 {o.due.in_force.isoformat()}"
        )
    return f"最后一日 {o.due.in_force.isoformat()}"


def obligation_json(o: dl.Obligation, as_of: date) -> dict:
    data = o.to_dict()
    data["kind_zh"] = dl.KIND_ZH[o.kind]
    data["status_zh"] = dl.STATUS_ZH[o.status]
    data["due_moved"] = o.due.moved
    data["days_left"] = None if o.done is not None else o.days_left(as_of)
    return data
