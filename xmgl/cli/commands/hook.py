"""``xmgl hook pre-receive | post-receive``: what git runs on the 数据局's server."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from xmgl.cli.state import get_state

KINDS = ("pre-receive", "post-receive")


def register(app: typer.Typer) -> None:
    hook_app = typer.Typer(
        help="服务器端 git 钩子（由 xmgl server init 装好的脚本调用）。",
        no_args_is_help=True,
        rich_markup_mode="rich",
    )
    app.add_typer(hook_app, name="hook")

    @hook_app.callback()
    def hook() -> None:
        """服务器端 git 钩子：pre-receive 审计推送，post-receive 写回执（由钩子脚本调用）。"""

    for kind in KINDS:
        _one(hook_app, kind)


def _one(hook_app: typer.Typer, kind: str) -> None:
    doc = {
        "pre-receive": "审计推送的新提交（从标准输入读 git 的“旧 新 引用”行），不合格则拒绝。",
        "post-receive": "把已接收的推送记入回执日志，并把回执回显给推送人。",
    }[kind]

    def command(
        ctx: typer.Context,
        server: Annotated[Path, typer.Option("--server", help="服务器目录。", metavar="目录")],
    ) -> None:
        import sys

        from xmgl.server.hook import run

        code = run(kind, server.expanduser(), sys.stdin, sys.stderr, get_state(ctx).today())
        if code:
            from xmgl.errors import PushRefused

            raise PushRefused("推送被拒绝。").after_output()

    command.__doc__ = doc
    hook_app.command(kind)(command)
