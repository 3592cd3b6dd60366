"""Which days are working days: the State Council's holiday notices, year by year.

民法典第二百零三条 moves a last day that falls on a 法定休假日 to the next working day,
and which days are rest days is fixed each year by 国务院办公厅关于XXXX年部分节假日安排的
通知, published in the autumn before. The ``chinese-calendar`` package carries the
notices up to its release; a :class:`HolidayYear` carries one notice read from a
holiday file (``.xmgl/holidays.yaml`` in a dossier, or a file the 数据局 hands out), so a
new year can be used the day its notice is published.

A :class:`Calendar` answers "is this a working day, and do we know officially": a
holiday file's year first (the file wins over the package), then the package, then
weekends only as an estimate (the caller says so). Standard library only at import
time; ``chinese_calendar`` is imported lazily.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # served at run time by __getattr__ below (re-exported: `X as X`)
    from xmgl.domain.holidaydata import Coverage as Coverage
    from xmgl.domain.holidaydata import Difference as Difference
    from xmgl.domain.holidaydata import Holiday as Holiday
    from xmgl.domain.holidaydata import HolidayYear as HolidayYear

HOLIDAY_FILE = ".xmgl/holidays.yaml"
"""Where a dossier carries its holiday data (committed, so the auditor reads the same)."""

IMPORT_COMMAND = "xmgl holidays import 通知.txt"

FESTIVALS = ("元旦", "春节", "清明节", "劳动节", "端午节", "中秋节", "国庆节")
"""The seven festivals every notice arranges (全国年节及纪念日放假办法)."""


# --------------------------------------------------------------------- the package


def package_version() -> str:
    try:
        from importlib.metadata import version

        return version("chinesecalendar")
    except Exception:  # noqa: BLE001 - metadata missing: say so, never fail
        return "（版本未知）"


_RANGE: list[tuple[int, int]] = []


def package_years() -> tuple[int, int]:
    """First and last year the ``chinese-calendar`` package covers (read once).

    The one place the package's coverage is decided: everything below asks it, so
    the tests can pin it to a release's (they must not change the day a release adds
    a year).
    """
    if not _RANGE:
        import chinese_calendar  # lazy: keeps the domain cheap to import

        years = [d.year for d in chinese_calendar.holidays]
        _RANGE.append((min(years), max(years)))
    return _RANGE[0]


def package_covers(year: int) -> bool:
    lo, hi = package_years()
    return lo <= year <= hi


def package_workday(d: date) -> tuple[bool, bool]:
    """``(is_working_day, from_official_data)`` by the ``chinese-calendar`` package alone."""
    if not package_covers(d.year):
        return d.weekday() < 5, False
    import chinese_calendar

    try:
        return bool(chinese_calendar.is_workday(d)), True
    except NotImplementedError:  # pragma: no cover - inside the range, the package knows
        return d.weekday() < 5, False


def package_year(year: int) -> tuple[frozenset[date], frozenset[date]]:
    """The package's ``(rest days, make-up working days)`` of ``year`` (empty if not covered)."""
    if not package_covers(year):
        return frozenset(), frozenset()
    import chinese_calendar

    rest = frozenset(d for d in chinese_calendar.holidays if d.year == year)
    work = frozenset(d for d in chinese_calendar.workdays if d.year == year)
    return rest, work


# --------------------------------------------------------------------- the calendar


class Calendar:
    """Working days from holiday files first, then the package, then weekends only."""

    def __init__(self, years: Iterable[HolidayYear] = ()) -> None:
        self.years: dict[int, HolidayYear] = {}
        for y in years:
            self.years.setdefault(y.year, y)
        # the days each notice names (a notice may name a day of the year before)
        self._named: dict[date, bool] = {}
        for y in self.years.values():
            for d in y.rest:
                self._named.setdefault(d, False)
            for d in y.work:
                self._named[d] = True

    def __bool__(self) -> bool:
        return bool(self.years)

    def __repr__(self) -> str:
        return f"Calendar({sorted(self.years)})"

    def with_fallback(self, other: Calendar | None) -> Calendar:
        """This calendar's years, then ``other``'s for the years this one lacks."""
        if other is None:
            return self
        return Calendar([*self.years.values(), *other.years.values()])

    def workday(self, d: date) -> tuple[bool, bool]:
        """``(is_working_day, from_official_data)``."""
        named = self._named.get(d)
        if named is not None:
            return named, True
        if d.year in self.years:
            return d.weekday() < 5, True
        return package_workday(d)

    def differences(self) -> list[Difference]:
        """The file years that the package also covers but states otherwise."""
        out = []
        for year in sorted(self.years):
            y = self.years[year]
            if not package_covers(year):
                continue
            rest, work = package_year(year)
            days = (rest ^ {d for d in y.rest if d.year == year}) | (
                work ^ {d for d in y.work if d.year == year}
            )
            if days:
                from xmgl.domain.holidaydata import Difference

                out.append(Difference(year, y.source or HOLIDAY_FILE, tuple(sorted(days))))
        return out


PACKAGE = Calendar()
"""The package alone (no holiday file)."""


# --------------------------------------------------------------------- coverage


def coverage(calendar: Calendar, until: int) -> list[Coverage]:
    """The years from the package's first to ``until`` and beyond the file's last, by source."""
    from xmgl.domain.holidaydata import Coverage

    lo, hi = package_years()
    files = calendar.years
    last = max([until, hi, *files])
    differs = {d.year for d in calendar.differences()}
    version = package_version()
    out: list[Coverage] = []
    for year in range(min([lo, *files]), last + 1):
        if year in files:
            y = files[year]
            note = "，与软件包不一致，以文件为准" if year in differs else ""
            detail = f"{y.source}（{y.describe()}）{note}"
            out.append(Coverage(year, year, "file", detail, y, year in differs))
            continue
        if lo <= year <= hi:
            source, detail = "package", f"chinese-calendar {version} 软件包"
        else:
            source = "none"
            detail = f"无官方数据，按仅周末估算；通知公布后运行 {IMPORT_COMMAND}"
        prev = out[-1] if out else None
        if prev is not None and prev.source == source and prev.year is None:
            out[-1] = Coverage(prev.first, year, source, detail)
        else:
            out.append(Coverage(year, year, source, detail))
    return out


_DEFINED_IN_HOLIDAYDATA = ("Holiday", "HolidayYear", "Difference", "Coverage")


def __getattr__(name: str) -> type:
    """:class:`Holiday`, :class:`HolidayYear`, :class:`Difference` and :class:`Coverage`.

    They live in :mod:`xmgl.domain.holidaydata`, imported on first use: creating a
    dataclass costs a few hundred microseconds, and ``xmgl validate`` on a dossier
    without a holiday file uses none of them (only :class:`Calendar`).
    """
    if name in _DEFINED_IN_HOLIDAYDATA:
        from xmgl.domain import holidaydata

        return getattr(holidaydata, name)  # type: ignore[no-any-return]
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
