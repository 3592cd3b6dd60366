"""``xmgl advance STAGE``: move the project to its next stage with one signed commit."""

from __future__ import annotations

from typing import Annotated

import typer

from xmgl.cli.state import get_state


def register(app: typer.Typer) -> None:
    @app.command("advance")
    def advance(
        ctx: typer.Context,
        stage: Annotated[
            str,
            typer.Argument(
                help="要进入的阶段，如 construction（见 xmgl stages）。", metavar="阶段"
            ),
        ],
        on: Annotated[
            str | None,
            typer.Option(
                "--date",
                help="阶段变更的日期（YYYY-MM-DD），默认为 --as-of 或今天。",
                metavar="日期",
                show_default=False,
            ),
        ] = None,
        dry_run: Annotated[
            bool,
            typer.Option("--dry-run", help="只检查门槛并显示将要提交的内容，不做任何修改。"),
        ] = False,
    ) -> None:
        """进入下一阶段：检查阶段门槛，更新 project.yaml 的阶段和记录，并做一次签名提交。"""
        from datetime import date

        from xmgl.cli.state import parse_date
        from xmgl.dossier import transition

        state = get_state(ctx)
        when = parse_date(on, "--date") if on else state.today()
        root = state.root()
        if dry_run:
            plan = transition.plan_advance(root, stage, when, today=date.today())
            _render(plan, None)
            return
        done = transition.advance(root, stage, when, today=date.today())
        _render(done.plan, done.commit)


def _render(plan, sha: str | None) -> None:
    from rich.markup import escape

    from xmgl.cli.output import console
    from xmgl.domain.lifecycle import event_summary
    from xmgl.domain.stages import label

    c = console()
    move = plan.move
    if sha is None:
        c.print("[bold]门槛已通过[/]（--dry-run：没有做任何修改）。将提交：")
    else:
        c.print(f"[bold green]已进入 {escape(label(move.target))}[/]")
    c.print(f"  从 {escape(label(move.source))} → {escape(label(move.target))}")
    c.print(f"  依据：{move.articles_text()}")
    c.print(f"  事由：{escape(event_summary(plan.event))}")
    c.print(f"  日期：{plan.on.isoformat()}    经办人：{escape(plan.actor)}")
    if plan.include:
        c.print("  一并提交的文件：" + escape("、".join(plan.include)))
    if sha is not None:
        c.print(f"  签名提交：{sha}", no_wrap=True, overflow="ignore", crop=False)
