"""The Typer application: global options and the list of commands.

Each command lives in ``xmgl/cli/commands/<verb>.py`` and exposes
``register(app)``; adding a command is one module plus one name in
:data:`COMMANDS`. Commands import heavy modules (docx, git, jinja2) inside
their function bodies so that ``xmgl validate`` starts fast.
"""

# Without ``from __future__ import annotations`` on purpose: Typer reads the options from the
# annotations when it builds the command, and a string annotation costs it an eval() (a
# compile) on every run; written as objects they come from this module's bytecode.

import importlib
import re
from pathlib import Path
from typing import Annotated

import typer

from xmgl import __version__
from xmgl.cli.common import AsOf
from xmgl.cli.state import get_state

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
    "holidays",
    "portfolio",
    "stages",
    "record",
    "advance",
    "signers",
    "log",
    "audit",
    "server",
    "hook",
)


def _new_app() -> typer.Typer:
    return typer.Typer(
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
    as_of: AsOf = None,
    debug: Annotated[
        bool, typer.Option("--debug", help="出错时显示 Python 调用栈（供开发人员排查）。")
    ] = False,
    version: Annotated[
        bool,
        typer.Option("--version", callback=_version, is_eager=True, help="显示版本号并退出。"),
    ] = False,
) -> None:
    state = get_state(ctx)  # --as-of has set its day already
    state.debug = debug
    if directory is not None:
        state.directory = directory.expanduser()
        if not state.directory.is_dir():
            from xmgl.errors import UsageError

            raise UsageError(f"-C 指定的目录不存在：{directory}", hint="检查路径拼写。")
    ctx.obj = state


# One line each in `xmgl --help` (a command's own --help shows its full text).
SUMMARIES = {
    "init": "新建项目档案（git 仓库，首次提交签名）",
    "show": "档案摘要：项目、阶段、金额、关键日期",
    "validate": "按《暂行办法》逐条校验档案",
    "rules": "列出全部校验规则；--matrix 条款对照表",
    "explain": "显示条文原文及其规则",
    "status": "当前阶段、下一步和全部法定期限",
    "calendar": "把法定期限导出为日历文件（.ics）",
    "holidays": "法定节假日数据；导入国务院节假日通知",
    "portfolio": "汇总多个档案；生成年度投资计划草案",
    "stages": "阶段变更表：允许的下一步和所需记录",
    "record": "添加一条带日期的记录",
    "advance": "进入下一阶段（检查门槛，签名提交）",
    "log": "阶段时间线（来自 git 历史）",
    "report": "生成可研报告、季度进展报告（.docx）",
    "template": "检查报告模板",
    "signers": "管理允许签名的人员",
    "audit": "审计：核验签名历史、锚点、导出报告",
    "server": "数据局服务器：裸仓库、信任根、回执",
    "hook": "服务器端 git 钩子（pre-receive 审计）",
}


def build(only: str | None = None) -> typer.Typer:
    """The application; with ``only``, just that command (what a run needs).

    Typer turns every registered command's signature into Click parameters
    when the app is run; building only the command being invoked keeps
    ``xmgl validate`` from paying for the other fifteen.
    """
    app = _new_app()
    app.callback()(main_options)
    for name in COMMANDS if only is None else (only,):
        importlib.import_module(f"xmgl.cli.commands.{name}").register(app)
    _summarise(app)
    return app


def command_of(argv: list[str]) -> str | None:
    """The command ``argv`` invokes, if it is one of ours (skipping global options)."""
    takes_value = {"-C", "--as-of"}
    i = 0
    while i < len(argv):
        arg = argv[i]
        if arg in takes_value:
            i += 2
            continue
        if arg.startswith("-"):
            i += 1
            continue
        return arg if arg in COMMANDS else None
    return None


def _summarise(app: typer.Typer) -> None:
    for info in app.registered_commands:
        if info.name in SUMMARIES:
            info.short_help = SUMMARIES[info.name]
    for group in app.registered_groups:
        key = group.name if isinstance(group.name, str) else group.typer_instance.info.name
        if key in SUMMARIES:
            group.typer_instance.info.short_help = SUMMARIES[key]
            group.short_help = SUMMARIES[key]
        # subcommands: the docstring's first phrase, so each fits one line
        for sub in group.typer_instance.registered_commands:
            doc = (sub.help or (sub.callback.__doc__ if sub.callback else "") or "").strip()
            head = re.split("[：。（，]", doc, maxsplit=1)[0]
            if sub.short_help is None and 0 < len(head) <= 30:
                sub.short_help = head


def __getattr__(name: str):
    if name == "app":  # the whole application, for tests and documentation tools
        return build()
    raise AttributeError(name)
