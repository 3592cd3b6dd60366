"""Small helpers shared by commands."""

from __future__ import annotations

from typing import Annotated

import typer

from xmgl.errors import UsageError

TextOrJson = Annotated[
    str, typer.Option("--format", help="输出格式：text 或 json。", metavar="格式")
]
"""The ``--format text|json`` option most commands share."""


def check_choice(option: str, value: str, choices: tuple[str, ...]) -> None:
    if value not in choices:
        raise UsageError(f"{option} 不能取 “{value}”。", hint="可选：" + "、".join(choices))
