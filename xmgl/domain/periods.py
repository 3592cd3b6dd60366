"""期间计算：按《民法典》计算月、期间和最后一日（法定休假日顺延）。

Exact legal date arithmetic for 《大石桥市政务信息化项目管理暂行办法》(2025), plain Python.

The reading encoded here (see ``shared/design/regulation-analysis.md``, "Counting days and
months"):

* 第一千二百五十九条: "以上、以下、以内、届满" include the number; "不满、超过、以外" exclude it.
  "3个月以上至6个月内" is therefore ≥ 3 and ≤ 6 months, both bounds inclusive.
* 第二百零一条: a period counted in months starts the day after the event; the event day
  itself is not counted (开始的当日不计入).
* 第二百零二条: a period in months ends on the corresponding day (对应日) of the last month;
  where that month has no such day, on its last day. So three months after 2025-11-30 is
  2026-02-28, and ``period_end(event, n) == add_months(event, n)``. The period is
  **fulfilled on its end day** (届满): "3 months after X" has elapsed *on* ``add_months(X, 3)``.
* 第二百零三条: where the last day of a period is a 法定休假日 (a statutory holiday or a weekly
  rest day), the day after the rest ends becomes the last day. Which days are rest days is
  fixed each year by the State Council's holiday notice, including make-up working days
  (调休上班): a weekend day declared a working day is a working day. We use the official
  calendar shipped by ``chinese-calendar``, or the year's notice read into a holiday file
  (:mod:`xmgl.domain.holidays`, passed as ``calendar``; the file wins); the "day after the
  rest ends" is the first working day after the nominal day. For a year in neither we fall
  back to weekends-only and say so in a plain Chinese notice (naming the command that
  imports the notice) instead of raising.
* The shift extends only a **last day to act** (a report due date, the closing bound of a
  window). It never moves an **earliest allowed day** (the opening bound of a window): those
  are facts about elapsed time, not deadlines.

This module belongs to the pure domain core: standard library only at import time;
``chinese_calendar`` is imported lazily inside the one function that needs it.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, timedelta
from enum import StrEnum
from typing import TYPE_CHECKING

from xmgl.value import Value

if TYPE_CHECKING:
    from xmgl.domain.holidays import Calendar

__all__ = [
    "Deadline",
    "Period",
    "Window",
    "WindowStatus",
    "add_months",
    "deadline",
    "deadline_after",
    "is_working_day",
    "period_end",
    "periods_until",
    "recurring_periods",
    "window_after",
]

_ONE_DAY = timedelta(days=1)

#: Notice when a year's holidays are not in the data; ``{years}`` is e.g. ``2027年``.
FALLBACK_NOTICE = (
    "{years}的法定节假日安排不在 chinese-calendar 和节假日文件中，按仅周末顺延估算；"
    "国务院办公厅通知公布后用 xmgl holidays import 通知.txt 导入"
)


# --- months ---------------------------------------------------------------------------------


def _days_in_month(year: int, month: int) -> int:
    # Not calendar.monthrange: importing ``calendar`` pulls in ``locale`` and ``re``.
    if month == 2:
        leap = year % 4 == 0 and (year % 100 != 0 or year % 400 == 0)
        return 29 if leap else 28
    return 30 if month in (4, 6, 9, 11) else 31


def add_months(d: date, n: int) -> date:
    """Return the corresponding day ``n`` calendar months from ``d`` (``n`` may be negative).

    Where the target month has no such day, the result is that month's last day (月末对齐):
    2025-11-30 + 3 → 2026-02-28; 2023-11-30 + 3 → 2024-02-29 (leap year);
    2026-03-31 − 1 → 2026-02-28.
    """
    month_index = d.year * 12 + (d.month - 1) + n
    year, month0 = divmod(month_index, 12)
    month = month0 + 1
    if not 1 <= year <= 9999:
        raise OverflowError(f"{d.isoformat()} 加 {n} 个月超出可表示的日期范围")
    return date(year, month, min(d.day, _days_in_month(year, month)))


def period_end(start: date, months: int) -> date:
    """Last day of a period of ``months`` months counted from the event day ``start``.

    The event day is not counted (第二百零一条) and the period ends on the corresponding day
    of the last month, clamped to month end (第二百零二条); so this equals
    ``add_months(start, months)``. The period has fully elapsed *on* the returned day.
    This is the nominal day, before any holiday shift (see :func:`deadline`).
    """
    if months < 0:
        raise ValueError(f"期间月数不能为负数：{months}")
    return add_months(start, months)


# --- working days and the last-day shift ----------------------------------------------------


def _workday(d: date, calendar: Calendar | None = None) -> tuple[bool, bool]:
    """Return ``(is_working_day, from_official_data)`` for ``d``."""
    if calendar is not None:
        return calendar.workday(d)
    from xmgl.domain.holidays import package_workday  # chinese_calendar, lazily

    return package_workday(d)


def is_working_day(d: date, calendar: Calendar | None = None) -> bool:
    """True if ``d`` is a working day in China's official calendar.

    Statutory holidays and weekends are rest days, except weekend days declared make-up
    working days (调休上班), which are working days. For a year outside the
    ``chinese-calendar`` data this falls back to Monday–Friday; use :func:`deadline` when
    the caller must tell the user that the answer is an estimate. ``calendar`` (holiday
    files first) defaults to the package alone.
    """
    return _workday(d, calendar)[0]


class Deadline(Value):
    """A last day to act: the nominal day and the day in force after the 第二百零三条 shift.

    ``nominal`` is the end of the period as counted; ``in_force`` is the first working day
    on or after it; ``notice`` is a plain Chinese note when the holiday data did not cover
    a day we had to look at (then ``in_force`` is a weekends-only estimate), else ``None``.
    Show users both dates when :attr:`moved`.
    """

    nominal: date
    in_force: date
    notice: str | None = None

    def __post_init__(self) -> None:
        if self.in_force < self.nominal:
            raise ValueError("生效截止日不能早于名义截止日")

    @property
    def moved(self) -> bool:
        """True if the nominal last day was a rest day and the deadline moved later."""
        return self.in_force != self.nominal

    @property
    def estimated(self) -> bool:
        """True if ``in_force`` rests on the weekends-only fallback (see ``notice``)."""
        return self.notice is not None

    def is_met_by(self, day: date) -> bool:
        """True if acting on ``day`` is in time (on or before the day in force)."""
        return day <= self.in_force

    def is_overdue(self, today: date) -> bool:
        """True if the day in force has passed by ``today`` (the last day itself is in time)."""
        return today > self.in_force


def deadline(nominal: date, calendar: Calendar | None = None) -> Deadline:
    """Apply 第二百零三条 to a nominal last day to act.

    If ``nominal`` is a 法定休假日 (statutory holiday or weekly rest day, per the State
    Council calendar), the last day becomes the first working day after it; a make-up
    working weekend day (调休上班) is not shifted. Beyond the calendar data, weekends-only
    is used and :attr:`Deadline.notice` says so — never an exception.

    Use this only for last days to act; never for an earliest allowed day.
    """
    day = nominal
    missing_years: list[int] = []
    while True:
        working, official = _workday(day, calendar)
        if not official and day.year not in missing_years:
            missing_years.append(day.year)
        if working:
            break
        day += _ONE_DAY
    notice = None
    if missing_years:
        notice = FALLBACK_NOTICE.format(years="、".join(f"{y}年" for y in missing_years))
    return Deadline(nominal=nominal, in_force=day, notice=notice)


def deadline_after(event: date, months: int, calendar: Calendar | None = None) -> Deadline:
    """Last day to act for "within ``months`` months after ``event``" (…个月内, inclusive).

    E.g. 第十八条: rectification within 3 months of a failed completion acceptance →
    ``deadline_after(failed_on, 3)``; nominal ``add_months(failed_on, 3)``, shifted if a
    rest day.
    """
    return deadline(period_end(event, months), calendar)


# --- windows ----------------------------------------------------------------------------------


class WindowStatus(StrEnum):
    """Where a day lies relative to a :class:`Window`."""

    TOO_EARLY = "too_early"
    OPEN = "open"
    CLOSED = "closed"


class Window(Value):
    """An interval in which an act is allowed, both bounds inclusive.

    ``opens`` is the earliest allowed day and is never shifted for holidays; ``closes`` is
    the last day to act, shifted by 第二百零三条 (the window is open up to and including
    ``closes.in_force``).
    """

    opens: date
    closes: Deadline

    def __post_init__(self) -> None:
        if self.closes.nominal < self.opens:
            raise ValueError("窗口的截止日不能早于开始日")

    def status(self, day: date) -> WindowStatus:
        """``TOO_EARLY`` before ``opens``, ``OPEN`` through ``closes.in_force``, then ``CLOSED``."""
        if day < self.opens:
            return WindowStatus.TOO_EARLY
        if day <= self.closes.in_force:
            return WindowStatus.OPEN
        return WindowStatus.CLOSED

    def contains(self, day: date) -> bool:
        """True if acting on ``day`` is allowed."""
        return self.status(day) is WindowStatus.OPEN

    def __contains__(self, day: date) -> bool:
        return self.contains(day)


def window_after(
    event: date, min_months: int, max_months: int, calendar: Calendar | None = None
) -> Window:
    """Window for "``min_months``个月以上至``max_months``个月内 after ``event``", inclusive.

    Opens **on** ``add_months(event, min_months)`` — the minimum period is fulfilled on its
    end day — and is not shifted. Closes on ``add_months(event, max_months)``, shifted to the
    next working day if that is a rest day (第二百零三条).

    The regulation's windows (第十七条、第十九条) and their months are rows of
    :mod:`xmgl.domain.bounds`; this is the arithmetic for inclusive bounds.
    """
    if not 0 <= min_months <= max_months:
        raise ValueError(f"需要 0 ≤ 最短月数 ≤ 最长月数，实际为 {min_months} 和 {max_months}")
    return Window(
        opens=add_months(event, min_months), closes=deadline_after(event, max_months, calendar)
    )


# --- recurring periods (e.g. 第十六条 quarterly reports) ---------------------------------------


class Period(Value):
    """The ``index``-th period (from 1) of a recurring schedule.

    Covers ``start`` .. ``end`` inclusive. ``end`` is the nominal due date of the report for
    this period; ``due`` is that date after the 第二百零三条 shift.
    """

    index: int
    start: date
    end: date
    due: Deadline

    def contains(self, day: date) -> bool:
        """True if ``day`` lies within this period (both ends inclusive)."""
        return self.start <= day <= self.end


def recurring_periods(
    anchor: date, every_months: int, calendar: Calendar | None = None
) -> Iterator[Period]:
    """Endless periods of ``every_months`` months counted from ``anchor``.

    Every end is computed from the ORIGINAL anchor, ``add_months(anchor, every_months * k)``,
    never chained from the previous end, so month-end clamping does not drift: from
    2025-11-30 every 3 months → 2026-02-28, 2026-05-30, 2026-08-30, 2026-11-30.

    Period 1 covers ``anchor + 1 day`` .. ``add_months(anchor, every_months)`` (the anchor
    day is not counted, 第二百零一条); period k starts the day after period k − 1 ends, so
    the periods are contiguous and do not overlap.
    """
    if every_months < 1:
        raise ValueError(f"周期月数必须为正数：{every_months}")
    start = anchor + _ONE_DAY
    k = 1
    while True:
        end = add_months(anchor, every_months * k)
        yield Period(index=k, start=start, end=end, due=deadline(end, calendar))
        start = end + _ONE_DAY
        k += 1


def periods_until(
    anchor: date,
    every_months: int,
    until: date | None = None,
    *,
    count: int | None = None,
    calendar: Calendar | None = None,
) -> list[Period]:
    """The first periods of :func:`recurring_periods` (every ``every_months`` from ``anchor``).

    Returns the periods whose (nominal) end is on or before ``until`` — i.e. those that
    have fully elapsed by then — and/or at most ``count`` periods. At least one of
    ``until`` and ``count`` is required. 第十六条's quarterly reports are
    :func:`xmgl.domain.deadlines.quarterly_periods`.
    """
    if until is None and count is None:
        raise ValueError("periods_until 需要 until 或 count，否则期间无穷无尽")
    if count is not None and count < 0:
        raise ValueError(f"count 不能为负数：{count}")
    result: list[Period] = []
    for period in recurring_periods(anchor, every_months, calendar):
        if count is not None and len(result) >= count:
            break
        if until is not None and period.end > until:
            break
        result.append(period)
    return result
