"""The Typer application: global options and the list of commands.

Each command lives in ``xmgl/cli/commands/<verb>.py`` and exposes
``register(app)``; adding a command is one module plus one name in
:data:`COMMANDS`. Commands import heavy modules (docx, git, jinja2) inside
their function bodies so that ``xmgl validate`` starts fast.
"""

from __future__ import annotations

import importlib
from pathlib import Path
from typing import Annotated

import typer

from xmgl import __version__
from xmgl.cli.state import State, parse_date

COMMANDS = (
    "init",
    "show",
    "validate",
    "rules",
    "explain",
    "report",
    "template",
    "status",
    "calendar",
    "portfolio",
    "stages",
    "record",
    "advance",
    "signers",
    "log",
    "audit",
)

app = typer.Typer(
    name="xmgl",
    help=(
        "xmgl（项目管理）：按《大石桥市政务信息化项目管理暂行办法》管理政务信息化项目档案——"
        "校验档案、生成报告、以签名提交记录阶段变更。"
    ),
    no_args_is_help=True,
    add_completion=False,
    rich_markup_mode="rich",
    context_settings={"help_option_names": ["-h", "--help"]},
    pretty_exceptions_enable=False,
)


def _version(value: bool) -> None:
    if value:
        typer.echo(f"xmgl {__version__}")
        raise typer.Exit()


@app.callback()
def main_options(
    ctx: typer.Context,
    directory: Annotated[
        Path | None,
        typer.Option(
            "-C",
            help="在指定的档案目录中运行（同 git -C），默认为当前目录。",
            metavar="目录",
            show_default=False,
        ),
    ] = None,
    as_of: Annotated[
        str | None,
        typer.Option(
            "--as-of",
            help="按指定日期（YYYY-MM-DD）计算期限，默认为今天。",
            metavar="日期",
            show_default=False,
        ),
    ] = None,
    debug: Annotated[
        bool, typer.Option("--debug", help="出错时显示 Python 调用栈（供开发人员排查）。")
    ] = False,
    version: Annotated[
        bool,
        typer.Option("--version", callback=_version, is_eager=True, help="显示版本号并退出。"),
    ] = False,
) -> None:
    state = State(debug=debug)
    if directory is not None:
        state.directory = directory.expanduser()
        if not state.directory.is_dir():
            from xmgl.errors import UsageError

            raise UsageError(f"-C 指定的目录不存在：{directory}", hint="检查路径拼写。")
    if as_of is not None:
        state.as_of = parse_date(as_of)
    ctx.obj = state


for _name in COMMANDS:
    importlib.import_module(f"xmgl.cli.commands.{_name}").register(app)
