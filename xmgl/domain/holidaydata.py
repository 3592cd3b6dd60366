"""The holiday data types: one notice's arrangement, a disagreement with the package, coverage.

Part of :mod:`xmgl.domain.holidays`, which serves these names too (``from
xmgl.domain.holidays import HolidayYear`` works): they are defined here so that a
command that only asks "is this a working day" (``xmgl validate`` on a dossier without
a holiday file) does not pay for creating them.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, timedelta

from xmgl.domain import holidays as _holidays


@dataclass(frozen=True)
class Holiday:
    """One item of a notice: a festival's rest days and its make-up working days (调休上班)."""

    name: str
    """元旦, 春节, or several joined by 、 (国庆节、中秋节)."""
    first: date
    last: date
    work: tuple[date, ...] = ()

    @property
    def rest(self) -> tuple[date, ...]:
        n = (self.last - self.first).days + 1
        return tuple(self.first + timedelta(days=i) for i in range(n))


@dataclass(frozen=True)
class HolidayYear:
    """One year's arrangement, as one State Council notice states it."""

    year: int
    document_no: str
    """The notice's 文号, e.g. 国办发明电〔2025〕7号."""
    issued: date
    """The notice's date (成文日期)."""
    holidays: tuple[Holiday, ...]
    source: str = field(default="", compare=False)
    """Where it was read from (a file), for ``xmgl holidays`` and the notes."""

    @property
    def rest(self) -> frozenset[date]:
        return frozenset(d for h in self.holidays for d in h.rest)

    @property
    def work(self) -> frozenset[date]:
        return frozenset(d for h in self.holidays for d in h.work)

    def is_workday(self, d: date) -> bool:
        if d in self.work:
            return True
        return d.weekday() < 5 and d not in self.rest

    def describe(self) -> str:
        """``国办发明电〔2025〕7号，2024-11-12``."""
        return f"{self.document_no}，{self.issued.isoformat()}"


@dataclass(frozen=True)
class Difference:
    """A year where a holiday file and the package disagree (the file wins)."""

    year: int
    source: str
    days: tuple[date, ...]

    def message(self) -> str:
        shown = "、".join(d.isoformat() for d in self.days[:3])
        more = f"等 {len(self.days)} 天" if len(self.days) > 3 else ""
        return (
            f"{self.year}年的节假日安排：{self.source} 与 chinese-calendar "
            f"{_holidays.package_version()} 在 {shown}{more} 不一致，按 {self.source} 计算期限。"
        )


@dataclass(frozen=True)
class Coverage:
    """Where one year's (or a run of years') holiday data comes from (``xmgl holidays``)."""

    first: int
    last: int
    source: str
    """``file``, ``package`` or ``none``."""
    detail: str
    year: HolidayYear | None = None
    differs: bool = False

    @property
    def years_text(self) -> str:
        return str(self.first) if self.first == self.last else f"{self.first}–{self.last}"

    def to_dict(self) -> dict[str, object]:
        y = self.year
        return {
            "first": self.first,
            "last": self.last,
            "source": self.source,
            "detail": self.detail,
            "file": y.source if y else None,
            "document_no": y.document_no if y else None,
            "issued": y.issued.isoformat() if y else None,
            "differs_from_package": self.differs,
        }
