"""Where output goes: Rich consoles for people, JSON for scripts."""

from __future__ import annotations

import json
import sys
from datetime import date, datetime
from decimal import Decimal
from pathlib import Path

WIDTH = 80


def console(stderr: bool = False, soft_wrap: bool = False):
    """A Rich console no wider than 80 columns (the terminal's width when narrower).

    ``soft_wrap=True`` leaves long lines to the terminal, so a path or a
    command in a message is never broken in two.
    """
    from rich.console import Console

    c = Console(stderr=stderr, highlight=False, soft_wrap=soft_wrap)
    if c.width > WIDTH:
        c.width = WIDTH
    return c


def _default(value):
    if isinstance(value, Decimal):
        return str(value)
    if isinstance(value, date | datetime):
        return value.isoformat()
    if isinstance(value, Path):
        return value.as_posix()
    if hasattr(value, "to_plain"):
        return value.to_plain()
    raise TypeError(f"not JSON-serialisable: {type(value).__name__}")


def dumps(data) -> str:
    """JSON with Chinese kept readable; money (Decimal) as exact strings, dates as ISO."""
    return json.dumps(data, ensure_ascii=False, indent=2, default=_default)


def print_json(data) -> None:
    sys.stdout.write(dumps(data) + "\n")
    sys.stdout.flush()


def after_write(done: str, show) -> None:
    """Show the result of a command that has already written; never fail because of it.

    Once ``project.yaml`` is written or the signed commit made, the command has
    succeeded: a terminal that cannot show its output (an ASCII or GBK console,
    stdout closed or on a full disk) must not turn that into a failure — a
    retry would add the record twice. ``show`` prints; if it (or flushing
    stdout) fails, stdout is pointed at the null device (so the exit flush
    cannot fail either) and ``done`` is said once on stderr, as best it can be.
    """
    try:
        show()
        sys.stdout.flush()
    except Exception as err:  # noqa: BLE001 - nothing after the write may fail the command
        _silence_stdout()
        _best_effort_stderr(f"{done}（结果无法在此终端显示：{type(err).__name__}）")


def _silence_stdout() -> None:
    import os

    try:
        fd = sys.stdout.fileno()
    except (AttributeError, OSError, ValueError):
        fd = None
    try:
        null = os.open(os.devnull, os.O_WRONLY)
        if fd is not None:
            os.dup2(null, fd)  # what is still buffered goes nowhere, without an error
        os.close(null)
    except OSError:
        pass


def _best_effort_stderr(text: str) -> None:
    stream = sys.stderr
    try:
        buffer = getattr(stream, "buffer", None)
        if buffer is not None:
            encoding = getattr(stream, "encoding", None) or "utf-8"
            stream.flush()
            buffer.write((text + "\n").encode(encoding, "backslashreplace"))
            buffer.flush()
        else:
            stream.write(text + "\n")
            stream.flush()
    except Exception:  # noqa: BLE001 - stderr unusable too: the exit code still says success
        pass
