"""Where output goes: Rich consoles for people, JSON for scripts."""

from __future__ import annotations

import sys

from xmgl.jsonio import dumps

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


def print_json(data) -> None:
    sys.stdout.write(dumps(data) + "\n")
    sys.stdout.flush()
