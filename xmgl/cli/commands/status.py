"""``xmgl status``: the stage, what to do next, and every deadline of the regulation."""

from __future__ import annotations

import typer

from xmgl.cli.common import AsOf, TextOrJson
from xmgl.cli.state import get_state

NARROW = 72
"""Below this many columns ``status`` lists deadlines as blocks instead of a table."""


def register(app: typer.Typer) -> None:
    @app.command("status")
    def status(
        ctx: typer.Context,
        fmt: TextOrJson = "text",
        as_of: AsOf = None,
    ) -> None:
        """显示当前阶段、下一步要办的事和每个法定期限（名义截止日与顺延后的生效截止日）；已逾期的标红并注明条款。"""

        state = get_state(ctx)
        today = state.today()
        dossier = state.dossier()
        from xmgl.domain import deadlines

        found = deadlines.obligations(dossier, today)
        todo = deadlines.next_actions(found)
        if fmt == "json":
            from xmgl.cli.output import print_json

            print_json(_json(dossier, today, found, todo))
            return
        _render(dossier, today, found, todo)


def _json(d, today, found, todo) -> dict:
    from collections import Counter

    from xmgl.cli.deadline_view import obligation_json
    from xmgl.domain.stages import STAGES

    counts = Counter(o.status for o in found)
    return {
        "dossier": str(d.root),
        "as_of": today.isoformat(),
        "project": {"code": d.project.code, "name": d.project.name, "unit": d.project.unit},
        "stage": d.stage_name,
        "stage_zh": STAGES.get(d.stage_name, d.stage_name),
        "stage_since": d.stage.since,
        "counts": {s: counts.get(s, 0) for s in STATUS_ORDER},
        "next_actions": [obligation_json(o, today) for o in todo],
        "obligations": [obligation_json(o, today) for o in found],
    }


STATUS_ORDER = ("overdue", "open", "not_yet_open", "done", "done_late", "done_early")


def _render(d, today, found, todo) -> None:
    from rich.table import Table
    from rich.text import Text

    from xmgl.cli.deadline_view import STATUS_SHORT, STATUS_STYLE, due_text, when
    from xmgl.cli.output import console
    from xmgl.domain import deadlines as dl
    from xmgl.domain.stages import label

    c = console()
    c.print(Text(d.project.name, style="bold"))
    info = Table.grid(padding=(0, 2))
    info.add_column(style="cyan", no_wrap=True)
    info.add_column()
    since = f"，自 {d.stage.since.isoformat()} 起" if d.stage.since else ""
    info.add_row("项目单位", Text(d.project.unit))
    info.add_row("当前阶段", Text(label(d.stage_name) + since))
    info.add_row("截至日期", today.isoformat())
    c.print(info)

    c.print()
    c.print(Text("下一步", style="bold"))
    if not todo:
        if found:
            c.print("  没有未办的法定期限事项。")
        else:
            c.print("  目前没有法定期限事项（立项批复后开始计算季度进展报告，第十六条）。")
    for i, o in enumerate(todo, 1):
        head = Text(f"  {i}. ")
        head.append(when(o, today), style=STATUS_STYLE[o.status])
        head.append("  ")
        head.append(o.title, style="red" if o.status == dl.OVERDUE else "")
        c.print(head)
        tail = Text("     " + due_text(o) + " · 依据")
        tail.append(o.clause, style="bold red" if o.status == dl.OVERDUE else "")
        c.print(tail)

    if found and c.width < NARROW:
        # Too narrow for the table: one block per deadline, text wrapped, dates never cut.
        c.print()
        c.print(Text("法定期限（截止日遇法定休假日顺延，民法典第二百零三条）", style="bold"))
        for o in found:
            head = Text(STATUS_SHORT[o.status], style=STATUS_STYLE[o.status])
            head.append("  " + o.clause)
            if o.done is not None:
                head.append("  办结 " + o.done.isoformat(), style="dim")
            c.print(head)
            c.print(Text(o.title), style="red" if o.status == dl.OVERDUE else None)
            c.print(Text("  名义截止 " + o.due.nominal.isoformat()))
            c.print(
                Text("  生效截止 ")
                + Text(o.due.in_force.isoformat(), style="bold" if o.due.moved else "")
            )
    elif found:
        c.print()
        t = Table(
            title="法定期限（截止日遇法定休假日顺延，民法典第二百零三条）",
            title_justify="left",
            title_style="bold",
            show_edge=False,
            box=None,
            padding=(0, 1),
            header_style="cyan",
        )
        t.add_column("状态", no_wrap=True)
        t.add_column("事项", ratio=1, overflow="fold")
        t.add_column("依据", no_wrap=True)
        t.add_column("名义截止", no_wrap=True)
        t.add_column("生效截止", no_wrap=True)
        for o in found:
            style = STATUS_STYLE[o.status]
            row_style = "red" if o.status == dl.OVERDUE else None
            state = Text(STATUS_SHORT[o.status], style=style)
            if o.done is not None:
                state.append("\n" + o.done.isoformat(), style="dim")
            in_force = Text(o.due.in_force.isoformat(), style="bold" if o.due.moved else "")
            t.add_row(
                state,
                Text(o.title),
                Text(o.clause),
                o.due.nominal.isoformat(),
                in_force,
                style=row_style,
            )
        c.print(t)
        notices = sorted({o.due.notice for o in found if o.due.notice})
        for n in notices:
            c.print(Text(f"注：{n}。", style="dim"))
    overdue = sum(1 for o in found if o.status == dl.OVERDUE)
    if overdue:
        c.print()
        c.print(
            Text(
                f"共 {overdue} 项已逾期，请尽快办理，办完后在 project.yaml 的 records 中如实记录。",
                style="bold red",
            )
        )
