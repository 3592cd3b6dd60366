"""Tests for xmgl.domain.periods against the real chinese-calendar data (no mocks).

Holiday facts used below come from the State Council notices, and are checked against the
installed ``chinese_calendar`` data in ``test_calendar_facts``:

* 2025 国庆节、中秋节: 10月1日至8日放假；9月28日（周日）、10月11日（周六）上班.
* 2026 元旦: 1月1日至3日放假；1月4日（周日）上班.
* 2026 春节: 2月15日至23日放假；2月14日（周六）、2月28日（周六）上班.
* 2026 国庆节: 10月1日至7日放假；10月10日（周六）上班.
"""

from __future__ import annotations

import os
import subprocess
import sys
from datetime import date, timedelta
from itertools import pairwise
from pathlib import Path

import chinese_calendar
import pytest

from xmgl.domain.deadlines import quarterly_periods
from xmgl.domain.holidays import Calendar, Holiday, HolidayYear
from xmgl.domain.periods import (
    FALLBACK_NOTICE,
    Deadline,
    Window,
    WindowStatus,
    add_months,
    deadline,
    deadline_after,
    is_working_day,
    period_end,
    periods_until,
    recurring_periods,
    window_after,
)

D = date.fromisoformat
ONE = timedelta(days=1)
NOTICE_2027 = (
    "2027年的法定节假日安排不在 chinese-calendar 和节假日文件中，按仅周末顺延估算；"
    "国务院办公厅通知公布后用 xmgl holidays import 通知.txt 导入"
)
# The package's coverage is pinned to 1.11's (2004–2026) by tests/conftest.py, so the
# 2027 cases hold whatever chinesecalendar release is installed.


# --- calendar facts the other tests rely on ---------------------------------------------------


@pytest.mark.parametrize(
    ("day", "working"),
    [
        pytest.param("2025-09-28", True, id="2025-09-28-sun-makeup-workday"),
        pytest.param("2025-10-01", False, id="2025-10-01-national-day"),
        pytest.param("2025-10-08", False, id="2025-10-08-last-day-of-break"),
        pytest.param("2025-10-09", True, id="2025-10-09-thu-first-workday"),
        pytest.param("2025-10-11", True, id="2025-10-11-sat-makeup-workday"),
        pytest.param("2025-11-29", False, id="2025-11-29-plain-saturday"),
        pytest.param("2026-01-01", False, id="2026-01-01-new-year"),
        pytest.param("2026-01-04", True, id="2026-01-04-sun-makeup-workday"),
        pytest.param("2026-02-14", True, id="2026-02-14-sat-makeup-workday"),
        pytest.param("2026-02-23", False, id="2026-02-23-spring-festival"),
        pytest.param("2026-02-28", True, id="2026-02-28-sat-makeup-workday"),
        pytest.param("2026-10-07", False, id="2026-10-07-national-day"),
        pytest.param("2026-10-08", True, id="2026-10-08-first-workday"),
    ],
)
def test_calendar_facts(day: str, working: bool) -> None:
    assert chinese_calendar.is_workday(D(day)) is working
    assert is_working_day(D(day)) is working


def test_is_working_day_falls_back_to_weekdays_outside_data() -> None:
    assert is_working_day(D("2003-01-03")) is True  # Friday, before the data starts (2004)
    assert is_working_day(D("2003-01-04")) is False  # Saturday


# --- add_months / period_end ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("start", "n", "expected"),
    [
        pytest.param("2025-11-30", 3, "2026-02-28", id="nov30+3-clamp-to-feb28"),
        pytest.param("2024-11-30", 3, "2025-02-28", id="nov30+3-into-non-leap-2025"),
        pytest.param("2023-11-30", 3, "2024-02-29", id="nov30+3-into-leap-2024"),
        pytest.param("2025-11-28", 3, "2026-02-28", id="nov28+3-exact-day"),
        pytest.param("2024-02-29", 12, "2025-02-28", id="leap-day+12-clamp"),
        pytest.param("2024-02-29", 48, "2028-02-29", id="leap-day+48-leap-again"),
        pytest.param("1999-11-30", 3, "2000-02-29", id="century-leap-2000"),
        pytest.param("2099-11-30", 3, "2100-02-28", id="century-non-leap-2100"),
        pytest.param("2025-01-31", 1, "2025-02-28", id="jan31+1"),
        pytest.param("2025-08-31", 1, "2025-09-30", id="aug31+1-30-day-month"),
        pytest.param("2025-12-15", 1, "2026-01-15", id="year-rollover"),
        pytest.param("2025-05-20", 0, "2025-05-20", id="zero"),
        pytest.param("2025-03-31", -1, "2025-02-28", id="negative-clamp"),
        pytest.param("2026-01-31", -2, "2025-11-30", id="negative-across-year"),
        pytest.param("2025-01-15", -13, "2023-12-15", id="negative-more-than-a-year"),
    ],
)
def test_add_months(start: str, n: int, expected: str) -> None:
    assert add_months(D(start), n) == D(expected)


def test_add_months_out_of_range() -> None:
    with pytest.raises(OverflowError, match="^9999-12-31 加 1 个月超出可表示的日期范围$"):
        add_months(date(9999, 12, 31), 1)
    with pytest.raises(OverflowError, match="^0001-01-31 加 -1 个月超出可表示的日期范围$"):
        add_months(date(1, 1, 31), -1)


def test_add_months_reaches_the_first_and_last_representable_years() -> None:
    # Years 1 and 9999 are dates like any other: only year 0 and 10000 overflow.
    assert add_months(date(1, 12, 31), -11) == date(1, 1, 31)
    assert add_months(date(2, 1, 31), -12) == date(1, 1, 31)
    assert add_months(date(9999, 1, 31), 11) == date(9999, 12, 31)
    assert add_months(date(9998, 12, 31), 12) == date(9999, 12, 31)


def test_days_in_month_agrees_with_the_standard_library() -> None:
    # The month lengths are written out by hand (importing ``calendar`` costs start-up);
    # the standard library is the oracle, over four centuries of leap-year rules.
    import calendar

    from xmgl.domain.periods import _days_in_month

    for year in (1900, 2000, 2023, 2024, 2025, 2026, 2100, 2400):
        for month in range(1, 13):
            assert _days_in_month(year, month) == calendar.monthrange(year, month)[1]


def test_add_months_into_every_31_day_month() -> None:
    # From a 31st, every month that has a 31st keeps it (July included).
    ends = [add_months(D("2025-12-31"), n) for n in range(1, 13)]
    assert [d.day for d in ends] == [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]


def test_period_end_is_add_months_and_rejects_negative() -> None:
    assert period_end(D("2025-11-30"), 3) == D("2026-02-28")
    assert period_end(D("2025-11-30"), 0) == D("2025-11-30")  # zero months: the event day
    with pytest.raises(ValueError, match="^期间月数不能为负数：-1$"):
        period_end(D("2025-11-30"), -1)


# --- deadline: the 第二百零三条 shift ---------------------------------------------------------


@pytest.mark.parametrize(
    ("nominal", "in_force"),
    [
        pytest.param("2025-10-30", "2025-10-30", id="weekday-unchanged"),
        pytest.param("2026-11-30", "2026-11-30", id="monday-unchanged"),
        pytest.param("2025-11-29", "2025-12-01", id="saturday-to-monday"),
        pytest.param("2025-11-30", "2025-12-01", id="sunday-to-monday"),
        pytest.param("2025-10-01", "2025-10-09", id="national-day-2025-first-day"),
        pytest.param("2025-10-04", "2025-10-09", id="national-day-2025-weekend-inside"),
        pytest.param("2025-10-08", "2025-10-09", id="national-day-2025-last-day"),
        pytest.param("2026-01-01", "2026-01-04", id="new-year-2026-to-makeup-sunday"),
        pytest.param("2026-02-15", "2026-02-24", id="spring-festival-2026"),
        pytest.param("2026-10-01", "2026-10-08", id="national-day-2026"),
        pytest.param("2025-09-28", "2025-09-28", id="makeup-sunday-unchanged"),
        pytest.param("2025-10-11", "2025-10-11", id="makeup-saturday-unchanged"),
        pytest.param("2026-02-28", "2026-02-28", id="makeup-saturday-2026-unchanged"),
    ],
)
def test_deadline_with_official_data(nominal: str, in_force: str) -> None:
    result = deadline(D(nominal))
    assert result == Deadline(nominal=D(nominal), in_force=D(in_force), notice=None)
    assert result.moved is (nominal != in_force)
    assert result.estimated is False


@pytest.mark.parametrize(
    ("nominal", "in_force"),
    [
        pytest.param("2027-06-30", "2027-06-30", id="2027-wednesday-unchanged"),
        pytest.param("2027-01-02", "2027-01-04", id="2027-saturday-to-monday"),
        pytest.param("2027-01-03", "2027-01-04", id="2027-sunday-to-monday"),
        # 2027-01-01 (Friday) will surely be New Year's Day, but without data it is an estimate.
        pytest.param("2027-01-01", "2027-01-01", id="2027-friday-unchanged-estimate"),
    ],
)
def test_deadline_beyond_data_falls_back_to_weekends(nominal: str, in_force: str) -> None:
    result = deadline(D(nominal))
    assert result.nominal == D(nominal)
    assert result.in_force == D(in_force)
    assert result.notice == NOTICE_2027
    assert result.estimated is True


def test_deadline_before_data_falls_back_to_weekends() -> None:
    result = deadline(D("2003-01-04"))  # Saturday; data starts in 2004
    assert result.in_force == D("2003-01-06")
    assert result.notice == FALLBACK_NOTICE.format(years="2003年")


def test_deadline_notice_names_every_year_it_estimated() -> None:
    # 2028-12-31 is a Sunday outside the data; the estimate moves it into 2029, which is
    # outside the data too: the notice names both years, joined by 、.
    result = deadline(D("2028-12-31"))
    assert result.in_force == D("2029-01-01")
    assert result.notice == FALLBACK_NOTICE.format(years="2028年、2029年")
    assert result.notice.startswith("2028年、2029年的法定节假日安排不在")


def test_deadline_rejects_in_force_before_nominal() -> None:
    with pytest.raises(ValueError, match="^生效截止日不能早于名义截止日$"):
        Deadline(nominal=D("2025-10-09"), in_force=D("2025-10-08"))


@pytest.mark.parametrize(
    ("day", "met", "overdue"),
    [
        pytest.param("2025-09-30", True, False, id="before-nominal"),
        pytest.param("2025-10-01", True, False, id="on-nominal"),
        pytest.param("2025-10-08", True, False, id="day-before-in-force"),
        pytest.param("2025-10-09", True, False, id="on-in-force"),
        pytest.param("2025-10-10", False, True, id="day-after-in-force"),
    ],
)
def test_deadline_met_and_overdue_bounds(day: str, met: bool, overdue: bool) -> None:
    due = deadline(D("2025-10-01"))
    assert due.is_met_by(D(day)) is met
    assert due.is_overdue(D(day)) is overdue


def test_deadline_is_frozen() -> None:
    due = deadline(D("2025-10-01"))
    with pytest.raises(AttributeError):
        due.in_force = D("2025-10-01")  # type: ignore[misc]


# --- windows ----------------------------------------------------------------------------------

# 第十七条: 初验合格 on 2025-04-01 → may apply from 2025-07-01 (Tue) through 2025-10-01, which
# is National Day, so the last day in force is 2025-10-09.
A17 = window_after(D("2025-04-01"), 3, 6)


def test_a17_window_bounds() -> None:
    assert A17.opens == D("2025-07-01")
    assert A17.closes == Deadline(D("2025-10-01"), D("2025-10-09"))


@pytest.mark.parametrize(
    ("day", "status"),
    [
        pytest.param("2025-06-30", WindowStatus.TOO_EARLY, id="open-minus-1"),
        pytest.param("2025-07-01", WindowStatus.OPEN, id="on-open-3-months-fulfilled"),
        pytest.param("2025-07-02", WindowStatus.OPEN, id="open-plus-1"),
        pytest.param("2025-09-30", WindowStatus.OPEN, id="nominal-close-minus-1"),
        pytest.param("2025-10-01", WindowStatus.OPEN, id="on-nominal-close"),
        pytest.param("2025-10-02", WindowStatus.OPEN, id="nominal-close-plus-1-holiday"),
        pytest.param("2025-10-08", WindowStatus.OPEN, id="in-force-close-minus-1"),
        pytest.param("2025-10-09", WindowStatus.OPEN, id="on-in-force-close"),
        pytest.param("2025-10-10", WindowStatus.CLOSED, id="in-force-close-plus-1"),
    ],
)
def test_a17_window_status(day: str, status: WindowStatus) -> None:
    assert A17.status(D(day)) is status
    assert A17.contains(D(day)) is (status is WindowStatus.OPEN)
    assert (D(day) in A17) is (status is WindowStatus.OPEN)


def test_a17_window_unshifted_close_on_a_workday() -> None:
    window = window_after(D("2025-04-30"), 3, 6)  # closes 2025-10-30, a Thursday
    assert window.opens == D("2025-07-30")
    assert window.closes.moved is False
    assert window.status(D("2025-10-30")) is WindowStatus.OPEN
    assert window.status(D("2025-10-31")) is WindowStatus.CLOSED


# Opening bounds are earliest allowed days: never shifted, even on a holiday or weekend.
@pytest.mark.parametrize(
    ("event", "min_months", "max_months", "opens"),
    [
        pytest.param("2025-07-01", 3, 6, "2025-10-01", id="a17-opens-on-national-day"),
        pytest.param("2025-08-29", 3, 6, "2025-11-29", id="a17-opens-on-saturday"),
        pytest.param("2024-10-01", 12, 24, "2025-10-01", id="a19-opens-on-national-day"),
        pytest.param("2024-11-30", 12, 24, "2025-11-30", id="a19-opens-on-sunday"),
    ],
)
def test_opening_bound_never_shifted(
    event: str, min_months: int, max_months: int, opens: str
) -> None:
    window = window_after(D(event), min_months, max_months)
    assert window.opens == D(opens)
    assert not is_working_day(window.opens)
    assert window.status(D(opens) - ONE) is WindowStatus.TOO_EARLY
    assert window.status(D(opens)) is WindowStatus.OPEN
    assert window.status(D(opens) + ONE) is WindowStatus.OPEN


def test_a17_opening_on_holiday_closing_on_new_year() -> None:
    window = window_after(D("2025-07-01"), 3, 6)
    assert window.opens == D("2025-10-01")
    # 2026-01-01 is New Year's Day; 1月1日至3日放假, 1月4日（周日）上班.
    assert window.closes == Deadline(D("2026-01-01"), D("2026-01-04"))
    assert window.status(D("2026-01-03")) is WindowStatus.OPEN
    assert window.status(D("2026-01-04")) is WindowStatus.OPEN
    assert window.status(D("2026-01-05")) is WindowStatus.CLOSED


# 第十九条: accepted and live on 2024-10-01 → self-evaluation from 2025-10-01 (holiday, not
# shifted) to 2026-10-01 (National Day 2026, in force 2026-10-08).
A19 = window_after(D("2024-10-01"), 12, 24)


@pytest.mark.parametrize(
    ("day", "status"),
    [
        pytest.param("2025-09-30", WindowStatus.TOO_EARLY, id="open-minus-1"),
        pytest.param("2025-10-01", WindowStatus.OPEN, id="on-open-12-months-fulfilled"),
        pytest.param("2025-10-02", WindowStatus.OPEN, id="open-plus-1"),
        pytest.param("2026-09-30", WindowStatus.OPEN, id="nominal-close-minus-1"),
        pytest.param("2026-10-01", WindowStatus.OPEN, id="on-nominal-close"),
        pytest.param("2026-10-07", WindowStatus.OPEN, id="in-force-close-minus-1"),
        pytest.param("2026-10-08", WindowStatus.OPEN, id="on-in-force-close"),
        pytest.param("2026-10-09", WindowStatus.CLOSED, id="in-force-close-plus-1"),
    ],
)
def test_a19_window_status(day: str, status: WindowStatus) -> None:
    assert A19.opens == D("2025-10-01")
    assert A19.closes == Deadline(D("2026-10-01"), D("2026-10-08"))
    assert A19.status(D(day)) is status


def test_a19_window_closing_beyond_data_carries_notice() -> None:
    window = window_after(D("2025-07-03"), 12, 24)  # closes 2027-07-03, a Saturday
    assert window.opens == D("2026-07-03")
    assert window.closes.in_force == D("2027-07-05")
    assert window.closes.notice == NOTICE_2027


# 第十八条: failed completion acceptance on 2025-07-01 → rectify within 3 months.
@pytest.mark.parametrize(
    ("day", "met"),
    [
        pytest.param("2025-09-30", True, id="nominal-minus-1"),
        pytest.param("2025-10-01", True, id="on-nominal"),
        pytest.param("2025-10-09", True, id="on-in-force"),
        pytest.param("2025-10-10", False, id="in-force-plus-1"),
    ],
)
def test_a18_rectification_deadline(day: str, met: bool) -> None:
    due = deadline_after(D("2025-07-01"), 3)
    assert due == Deadline(D("2025-10-01"), D("2025-10-09"))
    assert due.is_met_by(D(day)) is met


def test_a18_as_window_opens_on_event_day() -> None:
    window = window_after(D("2025-07-01"), 0, 3)
    assert window.opens == D("2025-07-01")
    assert window.status(D("2025-06-30")) is WindowStatus.TOO_EARLY
    assert window.status(D("2025-07-01")) is WindowStatus.OPEN
    assert window.closes.in_force == D("2025-10-09")


@pytest.mark.parametrize(
    ("min_months", "max_months"),
    [pytest.param(-1, 3, id="negative-min"), pytest.param(6, 3, id="min-above-max")],
)
def test_window_after_rejects_bad_bounds(min_months: int, max_months: int) -> None:
    expected = f"^需要 0 ≤ 最短月数 ≤ 最长月数，实际为 {min_months} 和 {max_months}$"
    with pytest.raises(ValueError, match=expected):
        window_after(D("2025-07-01"), min_months, max_months)


def test_window_of_equal_bounds_is_one_day() -> None:
    # "3个月以上至3个月内": both bounds inclusive, so the window is the one day itself.
    window = window_after(D("2025-04-01"), 3, 3)
    assert window.opens == window.closes.nominal == D("2025-07-01")
    assert window.status(D("2025-06-30")) is WindowStatus.TOO_EARLY
    assert window.status(D("2025-07-01")) is WindowStatus.OPEN
    assert window.status(D("2025-07-02")) is WindowStatus.CLOSED
    same_day = Window(opens=D("2025-07-01"), closes=deadline(D("2025-07-01")))
    assert same_day.contains(D("2025-07-01"))


def test_window_rejects_close_before_open() -> None:
    with pytest.raises(ValueError, match="^窗口的截止日不能早于开始日$"):
        Window(opens=D("2025-07-02"), closes=deadline(D("2025-07-01")))


# --- 第十六条 quarterly periods ---------------------------------------------------------------


def _chained(anchor: date, n: int) -> list[date]:
    ends, d = [], anchor
    for _ in range(n):
        d = add_months(d, 3)
        ends.append(d)
    return ends


def test_quarterly_from_nov_30_does_not_drift() -> None:
    periods = quarterly_periods(D("2025-11-30"), count=4)
    assert [p.index for p in periods] == [1, 2, 3, 4]
    assert [p.end for p in periods] == [
        D("2026-02-28"),
        D("2026-05-30"),
        D("2026-08-30"),
        D("2026-11-30"),
    ]
    assert [p.start for p in periods] == [
        D("2025-12-01"),
        D("2026-03-01"),
        D("2026-05-31"),
        D("2026-08-31"),
    ]
    # Chaining would drift to the 28th for ever after February.
    assert _chained(D("2025-11-30"), 4)[1] == D("2026-05-28")


def test_quarterly_from_aug_31_does_not_drift() -> None:
    periods = quarterly_periods(D("2025-08-31"), count=6)
    assert [p.end for p in periods] == [
        D("2025-11-30"),
        D("2026-02-28"),
        D("2026-05-31"),
        D("2026-08-31"),
        D("2026-11-30"),
        D("2027-02-28"),
    ]
    assert periods[0].start == D("2025-09-01")


@pytest.mark.parametrize(
    ("index", "nominal", "in_force"),
    [
        pytest.param(1, "2026-02-28", "2026-02-28", id="q1-makeup-saturday-unchanged"),
        pytest.param(2, "2026-05-30", "2026-06-01", id="q2-saturday-to-monday"),
        pytest.param(3, "2026-08-30", "2026-08-31", id="q3-sunday-to-monday"),
        pytest.param(4, "2026-11-30", "2026-11-30", id="q4-monday-unchanged"),
    ],
)
def test_quarterly_due_dates(index: int, nominal: str, in_force: str) -> None:
    period = quarterly_periods(D("2025-11-30"), count=4)[index - 1]
    assert period.due == Deadline(D(nominal), D(in_force))


@pytest.mark.parametrize(
    ("until", "n"),
    [
        pytest.param("2025-11-30", 0, id="on-approval-day"),
        pytest.param("2026-02-27", 0, id="q1-end-minus-1"),
        pytest.param("2026-02-28", 1, id="on-q1-end"),
        pytest.param("2026-05-29", 1, id="q2-end-minus-1"),
        pytest.param("2026-05-30", 2, id="on-q2-end"),
        pytest.param("2026-05-31", 2, id="q2-end-plus-1"),
    ],
)
def test_quarterly_until_counts_elapsed_periods(until: str, n: int) -> None:
    assert len(quarterly_periods(D("2025-11-30"), D(until))) == n


def test_quarterly_until_and_count_both_limit() -> None:
    assert len(quarterly_periods(D("2025-11-30"), D("2026-11-30"), count=2)) == 2
    assert len(quarterly_periods(D("2025-11-30"), D("2026-02-28"), count=5)) == 1
    assert quarterly_periods(D("2025-11-30"), count=0) == []


def test_quarterly_needs_a_limit() -> None:
    with pytest.raises(ValueError, match="^periods_until 需要 until 或 count，否则期间无穷无尽$"):
        quarterly_periods(D("2025-11-30"))
    with pytest.raises(ValueError, match="^count 不能为负数：-1$"):
        quarterly_periods(D("2025-11-30"), count=-1)


@pytest.mark.parametrize(
    "anchor", ["2025-11-30", "2025-08-31", "2024-02-29", "2025-01-31", "2025-05-20"]
)
def test_recurring_periods_are_contiguous_and_anchored(anchor: str) -> None:
    it = recurring_periods(D(anchor), 3)
    periods = [next(it) for _ in range(12)]  # 3 years, staying inside the calendar data
    assert periods[0].start == D(anchor) + ONE
    for k, p in enumerate(periods, start=1):
        assert p.index == k
        assert p.end == add_months(D(anchor), 3 * k)
        assert p.contains(p.start) and p.contains(p.end)
        assert not p.contains(p.start - ONE) and not p.contains(p.end + ONE)
    for prev, cur in pairwise(periods):
        assert cur.start == prev.end + ONE


def test_recurring_periods_rejects_non_positive_step() -> None:
    with pytest.raises(ValueError, match="^周期月数必须为正数：0$"):
        next(recurring_periods(D("2025-11-30"), 0))


def test_recurring_periods_of_one_month() -> None:
    it = recurring_periods(D("2026-01-31"), 1)
    assert [next(it).end for _ in range(3)] == [D("2026-02-28"), D("2026-03-31"), D("2026-04-30")]


# --- a holiday file's calendar reaches every computation ---------------------------------------

# A notice for 2027 read from a holiday file (invented for the test: 2027-05-03, a Monday, to
# 2027-05-05 are rest days, Sunday 2027-04-25 is a make-up working day). Without the file,
# 2027 is weekends-only and 2027-05-03 is a working day.
MAY_2027 = Calendar(
    [
        HolidayYear(
            2027,
            "国办发明电〔2026〕1号",
            D("2026-11-01"),
            (Holiday("劳动节", D("2027-05-01"), D("2027-05-05"), (D("2027-04-25"),)),),
        )
    ]
)


def test_calendar_decides_working_days() -> None:
    assert is_working_day(D("2027-05-03")) is True  # weekends-only without the file
    assert is_working_day(D("2027-05-03"), MAY_2027) is False
    assert is_working_day(D("2027-04-25"), MAY_2027) is True  # make-up Sunday
    assert is_working_day(D("2027-04-25")) is False


def test_calendar_moves_every_last_day() -> None:
    moved = Deadline(D("2027-05-03"), D("2027-05-06"))  # from the file: no notice
    assert deadline(D("2027-05-03"), MAY_2027) == moved
    assert deadline(D("2027-05-03")).in_force == D("2027-05-03")
    assert deadline_after(D("2027-02-03"), 3, MAY_2027) == moved
    window = window_after(D("2026-11-03"), 3, 6, MAY_2027)
    assert window.closes == moved
    assert window.status(D("2027-05-06")) is WindowStatus.OPEN
    first = next(recurring_periods(D("2027-02-03"), 3, MAY_2027))
    assert first.due == moved
    (period,) = periods_until(D("2027-02-03"), 3, count=1, calendar=MAY_2027)
    assert period.due == moved


# --- purity and import cost -------------------------------------------------------------------


def test_import_is_lazy_and_pure() -> None:
    code = (
        "import sys, xmgl.domain.periods\n"
        "bad = {'chinese_calendar', 'typer', 'rich', 'docx', 'git', 'calendar'} & set(sys.modules)\n"
        "assert not bad, bad\n"
    )
    root = Path(__file__).resolve().parents[1]
    env = {**os.environ, "PYTHONPATH": str(root)}
    subprocess.run([sys.executable, "-c", code], check=True, cwd=root, env=env)
