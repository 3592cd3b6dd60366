"""``xmgl show``: the dossier at a glance."""

from __future__ import annotations

import typer

from xmgl.cli.common import TextOrJson
from xmgl.cli.state import get_state


def register(app: typer.Typer) -> None:
    @app.command("show")
    def show(
        ctx: typer.Context,
        fmt: TextOrJson = "text",
    ) -> None:
        """显示档案摘要：项目、阶段、金额和关键日期。"""

        dossier = get_state(ctx).dossier()
        from xmgl.domain import facts

        summary = facts.money(dossier)
        if fmt == "json":
            from xmgl.cli.output import print_json

            print_json(
                {
                    "dossier": str(dossier.root),
                    "format_version": dossier.format_version,
                    "stage": dossier.stage_name,
                    "stage_since": dossier.stage.since,
                    "money": {
                        "estimate": summary.estimate,
                        "budget": summary.budget,
                        # against the 概算: 运维 contracts are annual O&M, apart
                        "contracted": summary.contracted,
                        "paid": summary.paid,
                        "pay_rate_percent": summary.pay_rate,
                        "operation": {
                            "contracts": list(summary.operation_contracts),
                            "contracted": summary.operation_contracted,
                            "paid": summary.operation_paid,
                        },
                    },
                    "key_dates": [{"event": k, "date": v} for k, v in facts.key_dates(dossier)],
                    "data": dossier.data.to_plain(),
                }
            )
            return
        _render(dossier, summary, facts.key_dates(dossier))


def _render(d, m, dates) -> None:
    from rich.markup import escape
    from rich.table import Table

    from xmgl.cli.output import console
    from xmgl.domain.money import wan_and_yuan
    from xmgl.domain.stages import label

    c = console()
    p = d.project
    c.print(f"[bold]{escape(p.name)}[/]")
    info = Table.grid(padding=(0, 2))
    info.add_column(style="cyan", no_wrap=True)
    info.add_column()
    rows = [
        ("项目编号", p.code or "—"),
        ("项目单位", p.unit),
        ("行业主管部门", p.competent_department),
        ("项目法人", p.legal_person),
        ("性质", p.nature),
        ("建设内容类型", "、".join(p.content_types)),
        ("资金来源", d.funding.source),
        (
            "当前阶段",
            label(d.stage_name) + (f"，自 {d.stage.since.isoformat()} 起" if d.stage.since else ""),
        ),
    ]
    for k, v in rows:
        info.add_row(k, escape(str(v)))
    c.print(info)

    money = Table(title="金额", title_justify="left", show_edge=False, expand=False)
    money.add_column("项目", style="cyan")
    money.add_column("金额", justify="right")
    # with 运维 contracts, the totals against the 概算 say they leave them out
    scope = "（不含运维）" if m.operation_contracts else ""
    for k, v in (
        ("投资估算", m.estimate),
        ("批复概算（现行）", m.budget),
        (f"合同累计{scope}", m.contracted),
        (f"支付累计{scope}", m.paid),
    ):
        money.add_row(k, wan_and_yuan(v) if v is not None else "—")
    money.add_row("支付率（对概算）", f"{m.pay_rate}%" if m.pay_rate is not None else "—")
    if m.operation_contracts:
        money.add_row("运维合同（不计入概算）", wan_and_yuan(m.operation_contracted))
        money.add_row("运维支付", wan_and_yuan(m.operation_paid))
    c.print(money)

    if dates:
        t = Table(title="关键日期", title_justify="left", show_edge=False)
        t.add_column("事项", style="cyan")
        t.add_column("日期")
        for k, v in dates:
            t.add_row(k, v.isoformat())
        c.print(t)
    c.print(f"[dim]记录 {len(d.records)} 条 · 档案 {escape(str(d.root))}[/]")
