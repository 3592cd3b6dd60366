"""Options and checks shared by commands: each is declared here, once."""

# Without ``from __future__ import annotations`` on purpose: Typer reads the options from the
# annotations when it builds the command, and a string annotation costs it an eval() (a
# compile) on every run; written as objects they come from this module's bytecode.

from enum import StrEnum
from typing import Annotated

import typer

from xmgl.errors import UsageError


class Format(StrEnum):
    """Every value ``--format`` takes, in any command."""

    TEXT = "text"
    JSON = "json"
    SARIF = "sarif"
    CSV = "csv"
    XLSX = "xlsx"
    HTML = "html"


_FORMAT_NOTES = {Format.SARIF: "sarif（SARIF 2.1.0）", Format.HTML: "html（看板网页）"}


def format_option(*allowed: Format):
    """The ``--format`` option of a command that writes ``allowed`` (the first is the default)."""
    names = [_FORMAT_NOTES.get(f, str(f)) for f in allowed]
    listed = "、".join(names[:-1]) + " 或 " + names[-1] if len(names) > 1 else names[0]
    choices = tuple(str(f) for f in allowed)

    def check(value: str) -> str:
        check_choice("--format", value, choices)
        return value

    return typer.Option("--format", help=f"输出格式：{listed}。", metavar="格式", callback=check)


TextOrJson = Annotated[str, format_option(Format.TEXT, Format.JSON)]
"""The ``--format text|json`` option most commands share."""


def _as_of(ctx: typer.Context, value: str | None) -> str | None:
    """Parse ``--as-of`` where it is given (globally or after a command); a later one wins."""
    if value is not None:
        from xmgl.cli.state import get_state, parse_date

        get_state(ctx).as_of = parse_date(value)
    return value


AsOf = Annotated[
    str | None,
    typer.Option(
        "--as-of",
        help="按指定日期（YYYY-MM-DD）计算期限，默认为今天。",
        metavar="日期",
        show_default=False,
        callback=_as_of,
    ),
]
"""``--as-of``, accepted before the command (``xmgl --as-of D status``) and after it;
either way the day is ``get_state(ctx).today()``."""


def check_choice(option: str, value: str, choices: tuple[str, ...]) -> None:
    if value not in choices:
        raise UsageError(f"{option} 不能取 “{value}”。", hint="可选：" + "、".join(choices))
