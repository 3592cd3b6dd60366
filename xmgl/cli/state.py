"""What every command shares: the dossier directory (-C), the date (--as-of), --debug."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from xmgl.errors import UsageError


class State:
    # A plain class, not a dataclass: every command creates one State and never
    # compares or prints it, and generating a dataclass's methods costs each run
    # (xmgl validate included) a few hundred microseconds.
    def __init__(
        self,
        directory: Path | None = None,
        as_of: date | None = None,
        debug: bool = False,
        _dossier: object = None,
    ) -> None:
        self.directory: Path = Path.cwd() if directory is None else directory
        self.as_of = as_of
        self.debug = debug
        self._dossier = _dossier

    def today(self) -> date:
        return self.as_of or date.today()

    def root(self) -> Path:
        from xmgl.dossier.loader import find_root
        from xmgl.gitaudit.lock import repair_if_pending

        root = find_root(self.directory)
        repair_if_pending(root)  # a killed advance/record --commit is completed first
        return root

    def locked(self):
        """The dossier lock (:mod:`xmgl.gitaudit.lock`): hold it while writing the dossier."""
        from xmgl.gitaudit.lock import dossier_lock

        return dossier_lock(self.root())

    def dossier(self):
        """The dossier at -C (or above the current directory), loaded once."""
        if self._dossier is None:
            from xmgl.dossier.loader import load_dossier

            self._dossier = load_dossier(self.root())
        return self._dossier


def parse_date(text: str, option: str = "--as-of") -> date:
    from xmgl.domain.kinds import KindError
    from xmgl.domain.kinds import parse_date as read_date

    try:
        return read_date(text)
    except KindError as err:
        raise UsageError(
            f"{option} 的日期 “{text}” 无效：{err.reason}。",
            hint=err.hint or "写成 YYYY-MM-DD，例如 2026-06-30。",
        ) from None


def get_state(ctx) -> State:
    obj = ctx.find_root().obj
    if obj is None:  # invoked without the callback (tests calling a command directly)
        obj = ctx.find_root().obj = State()
    return obj
