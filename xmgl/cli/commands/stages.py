"""``xmgl stages``: the lifecycle table — every stage, every allowed move, why."""

from __future__ import annotations

import typer

from xmgl.cli.common import TextOrJson
from xmgl.cli.state import get_state


def register(app: typer.Typer) -> None:
    @app.command("stages")
    def stages(
        ctx: typer.Context,
        fmt: TextOrJson = "text",
    ) -> None:
        """显示阶段变更表：各阶段、允许的下一步、依据条款和所需记录。在档案中运行时标出当前阶段。"""
        from xmgl.domain import lifecycle
        from xmgl.domain.stages import SIDE, STAGES

        current, visited = _current(ctx)
        if fmt == "json":
            from xmgl.cli.output import print_json

            nxt = lifecycle.moves_from(current, visited) if current else []
            print_json(
                {
                    "stages": [
                        {
                            "id": s,
                            "name": zh,
                            "interruption": s in SIDE,
                        }
                        for s, zh in STAGES.items()
                    ],
                    "transitions": lifecycle.table_rows(),
                    "current": current,
                    "next": [t.target for t in nxt],
                }
            )
            return
        _render(current, visited)


def _current(ctx) -> tuple[str | None, list[str]]:
    """The dossier's stage when run inside one (quietly nothing otherwise)."""
    from xmgl.errors import XmglError

    try:
        dossier = get_state(ctx).dossier()
    except XmglError:
        return None, []
    from xmgl.domain.lifecycle import visited_stages

    return dossier.stage_name, visited_stages(dossier)


def _render(current: str | None, visited: list[str]) -> None:
    from rich.markup import escape

    from xmgl.cli.output import console
    from xmgl.domain import lifecycle
    from xmgl.domain.stages import MAIN, SIDE, label

    c = console()
    c.print("[bold]阶段变更表[/]（《大石桥市政务信息化项目管理暂行办法》）")
    if current:
        c.print(f"当前阶段：[bold]{escape(label(current))}[/]")
    c.print()
    for stage in MAIN:
        mark = "▶ " if stage == current else "  "
        c.print(f"{mark}[bold]{escape(label(stage))}[/]")
        for t in lifecycle.moves_from(stage):
            if t.target in SIDE:
                continue
            _move(c, t)
    c.print()
    c.print("[bold]第二十条 监督管理[/]：列入计划后的任何阶段都可能进入以下阶段")
    for stage in SIDE:
        mark = "▶ " if stage == current else "  "
        c.print(f"{mark}[bold]{escape(label(stage))}[/]")
        sample = lifecycle.find_move("construction", stage)
        if sample is not None:
            events = "或".join(e.describe() for e in sample.events)
            c.print(f"      ← 任一阶段  [cyan]{sample.articles_text()}[/]")
            c.print(f"        事由：{escape(events)}")
        for t in lifecycle.moves_from(stage, visited if stage == current else ()):
            _move(c, t)
        if stage in lifecycle.FINAL:
            c.print("      （终结阶段）")
    c.print()
    c.print(
        "[dim]计划调整（第九条第二款）和增加投资重新审批（第十五条）是记录，不是阶段：\n"
        "用 xmgl record approval subject=计划调整 … 记录。[/]"
    )
    if current:
        nxt = lifecycle.moves_from(current, visited)
        if nxt:
            c.print("下一步可进入（xmgl advance 阶段）：")
            for t in nxt:
                c.print(f"  {escape(label(t.target))}")


def _move(c, t) -> None:
    from rich.markup import escape

    from xmgl.domain.stages import label

    target = "原阶段（被中断前的阶段）" if t.resumes else label(t.target)
    need = "事由" if t.fresh else "依据"
    c.print(f"      → {escape(target)}  [cyan]{t.articles_text()}[/]")
    for i, e in enumerate(t.events):
        lead = f"        {need}：" if i == 0 else "            或 "
        c.print(lead + escape(e.describe()))
