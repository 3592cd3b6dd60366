"""Small helpers shared by commands."""

from __future__ import annotations

from xmgl.errors import UsageError


def check_choice(option: str, value: str, choices: tuple[str, ...]) -> None:
    if value not in choices:
        raise UsageError(f"{option} 不能取 “{value}”。", hint="可选：" + "、".join(choices))
