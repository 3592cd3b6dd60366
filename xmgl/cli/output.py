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
