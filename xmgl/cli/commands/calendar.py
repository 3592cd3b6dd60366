"""``xmgl calendar``: the deadlines as an iCalendar (.ics) file for calendar programs."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from xmgl.cli.common import AsOf
from xmgl.cli.state import get_state


def register(app: typer.Typer) -> None:
    @app.command("calendar")
    def calendar(
        ctx: typer.Context,
        ics: Annotated[
            Path,
            typer.Option(
                "--ics",
                help="写入的 iCalendar 文件（.ics）；“-” 表示输出到标准输出。",
                metavar="文件",
                show_default=False,
            ),
        ],
        ahead: Annotated[
            int,
            typer.Option(
                "--ahead",
                help="另列今后几个月内开始的季度报告期。",
                metavar="月数",
                min=0,
                max=120,
            ),
        ] = 12,
        as_of: AsOf = None,
    ) -> None:
        """把法定期限导出为 iCalendar 文件（全天事件，可导入 Outlook、WPS、手机日历等）。"""
        from xmgl.domain import deadlines, periods
        from xmgl.ical import build

        state = get_state(ctx)
        today = state.today()
        dossier = state.dossier()
        found = deadlines.obligations(dossier, today, ahead=periods.add_months(today, ahead))
        data = build(dossier, found, today)
        if str(ics) == "-":
            import sys

            out = getattr(sys.stdout, "buffer", None)
            if out is not None:
                out.write(data)
            else:  # a text-only stdout (tests, some IDEs)
                sys.stdout.write(data.decode("utf-8"))
            sys.stdout.flush()
            return
        _write(ics, data)
        from xmgl.cli.output import console

        events = data.count(b"BEGIN:VEVENT")
        pending = sum(1 for o in found if o.pending)
        console(stderr=True).print(
            f"已写入 {ics}：{events} 个日历事件（{len(found)} 项期限，其中 {pending} 项未办）。"
        )


def _write(path: Path, data: bytes) -> None:
    """Write atomically: a failure never leaves half a file."""
    from xmgl.errors import UsageError

    path = path.expanduser()
    if path.is_dir():
        raise UsageError(f"--ics 指向的是一个目录：{path}", hint="写成文件名，例如 期限.ics。")
    folder = path.parent if str(path.parent) else Path(".")
    if not folder.is_dir():
        raise UsageError(f"目录不存在：{folder}", hint="先创建该目录，或换一个保存位置。")
    from xmgl.fileio import atomic_write

    atomic_write(path, data)
