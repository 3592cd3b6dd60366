"""The loaded dossier: typed values plus where in the file each one came from.

:class:`Node` is a mapping read against a schema section: attribute access
returns the typed value (``Decimal`` for money, ``date`` for dates …) or the
empty default for an optional field that is absent, and :meth:`Node.where`
tells the file, line and column of a field, so a rule can point at it.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import field
from datetime import date
from pathlib import Path
from typing import Any

from xmgl.domain.holidays import PACKAGE, Calendar
from xmgl.domain.schema import PROJECT_APPROVALS, Field
from xmgl.value import Value


class Location(Value):
    file: str
    line: int | None
    column: int | None
    path: str

    def __str__(self) -> str:
        if self.line is None:
            return self.file
        return f"{self.file}:{self.line}:{self.column}"


_EMPTY_LIST_KINDS = ("list", "enums", "strs", "records")


class Node:
    """One mapping of the dossier, read against the fields that describe it."""

    __slots__ = ("_fields", "_values", "_locs", "location")

    def __init__(self, fields: tuple[Field, ...], location: Location) -> None:
        self._fields = {f.name: f for f in fields}
        self._values: dict[str, object] = {}
        self._locs: dict[str, Location] = {}
        self.location = location

    # filled by the loader
    def _set(self, name: str, value: object, loc: Location) -> None:
        self._values[name] = value
        self._locs[name] = loc

    def _place(self, name: str, loc: Location) -> None:
        """Where a key with no value was written (``key:`` alone), so findings point there."""
        self._locs[name] = loc

    # The value's type follows the field's kind in the schema (a table read at run time:
    # ``Decimal | None`` for money, ``date | None`` for a date, ``list[Node]`` for a list
    # …), so it cannot be spelt statically here: attribute reads are ``Any`` and the code
    # that reads a field states the type of that field.
    def __getattr__(self, name: str) -> Any:
        if name.startswith("_"):
            raise AttributeError(name)
        values = object.__getattribute__(self, "_values")
        if name in values:
            return values[name]
        spec = object.__getattribute__(self, "_fields").get(name)
        if spec is None:
            raise AttributeError(f"no field {name!r} here")
        return [] if spec.kind in _EMPTY_LIST_KINDS else None

    def get(self, name: str, default: object = None) -> Any:  # Any: as __getattr__
        value = self._values.get(name)
        return default if value is None else value

    def has(self, name: str) -> bool:
        return self._values.get(name) is not None

    def where(self, name: str | None = None) -> Location:
        """Where ``name`` was written; where this mapping starts if it is absent."""
        if name is not None and name in self._locs:
            return self._locs[name]
        if name is None:
            return self.location
        path = f"{self.location.path}.{name}" if self.location.path else name
        return Location(self.location.file, self.location.line, self.location.column, path)

    def items(self) -> Iterator[tuple[str, object]]:
        return iter(self._values.items())

    def to_plain(self) -> dict[str, object]:
        """Plain data (str, int, bool, Decimal, date, lists, dicts) for JSON and templates."""
        return {k: _plain(v) for k, v in self._values.items()}

    def __repr__(self) -> str:
        return f"Node({self.location.path or '<root>'}: {sorted(self._values)})"


def _plain(value: object) -> object:
    if isinstance(value, Node):
        return value.to_plain()
    if isinstance(value, list):
        return [_plain(v) for v in value]
    return value


class Dossier(Value, frozen=False):
    """A project dossier: the folder, its ``project.yaml`` and what it says."""

    root: Path
    file: str
    data: Node
    calendar: Calendar = field(default=PACKAGE)
    """Working days for the deadlines: the dossier's holiday file, then the package."""
    _by_kinds: dict[tuple[str, ...], tuple[list[Node], int, list[Node]]] = field(
        default_factory=dict, repr=False, compare=False
    )
    """:meth:`records_of`'s answers: the rules ask it ~100 times a check, for ~20 kinds."""

    def __getattr__(self, name: str) -> Any:  # Any: the field's kind decides, as Node's
        # facts are reached directly: dossier.project.name, dossier.investment.budget …
        if name.startswith("_") or name in ("root", "file", "data", "calendar"):
            raise AttributeError(name)
        return getattr(self.data, name)

    @property
    def records(self) -> list[Node]:
        records: list[Node] = self.data.records
        return records

    def records_of(self, *kinds: str) -> list[Node]:
        """Records of the given kinds, in date order (stable for the same date)."""
        records = self.records
        known = self._by_kinds.get(kinds)
        if known is None or known[0] is not records or known[1] != len(records):
            found = sorted((r for r in records if r.kind in kinds), key=lambda r: r.date)
            known = self._by_kinds[kinds] = (records, len(records), found)
        return list(known[2])  # the caller's own list, as before

    def first(self, kind: str, **match: object) -> Node | None:
        for r in self.records_of(kind):
            if all(getattr(r, k) == v for k, v in match.items()):
                return r
        return None

    def last(self, kind: str, **match: object) -> Node | None:
        for r in reversed(self.records_of(kind)):
            if all(getattr(r, k) == v for k, v in match.items()):
                return r
        return None

    @property
    def stage_name(self) -> str:
        current: str = self.data.stage.current
        return current

    @property
    def merged(self) -> bool:
        m = self.data.merged_fsr_pd
        return bool(m is not None and m.requested)

    def approval_date(self) -> date | None:
        """The 立项批复 date: the clock of 第十六条 starts here."""
        for r in self.records_of("approval"):
            if r.subject in PROJECT_APPROVALS:
                approved: date = r.date
                return approved
        return None
