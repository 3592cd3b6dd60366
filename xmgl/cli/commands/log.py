"""``xmgl log``: the project's stage timeline, read from the signed history."""

from __future__ import annotations

from typing import Annotated

import typer

from xmgl.cli.common import TextOrJson
from xmgl.cli.state import get_state


def register(app: typer.Typer) -> None:
    @app.command("log")
    def log(
        ctx: typer.Context,
        show_all: Annotated[
            bool,
            typer.Option("--all", help="也列出签名人员变更、记录提交和其他提交。"),
        ] = False,
        fmt: TextOrJson = "text",
    ) -> None:
        """显示项目的阶段时间线（来自 git 历史中的阶段变更提交）。可信与否请用 xmgl audit verify 核验。"""
        from xmgl.gitaudit.git import repo_prefix
        from xmgl.gitaudit.history import entries

        root = get_state(ctx).root()
        repo_prefix(root)
        items = [e for e in entries(root) if show_all or e.kind in ("transition", "init")]
        if fmt == "json":
            from xmgl.cli.output import print_json

            print_json([_plain(e) for e in items])
            return
        _render(items)


def _plain(e) -> dict:
    from xmgl.gitaudit import trailers as tr

    return {
        "commit": e.commit,
        "kind": e.kind,
        "committed": e.committed,
        "committer": e.committer,
        "committer_email": e.committer_email,
        "subject": e.subject,
        "from_stage": e.get(tr.FROM_STAGE),
        "to_stage": e.get(tr.TO_STAGE),
        "date": e.get(tr.DATE),
        "articles": e.get(tr.ARTICLES),
        "event": e.get(tr.EVENT),
        "actor": e.get(tr.ACTOR),
        "trailers": e.trailers,
    }


def _render(items) -> None:
    from rich.markup import escape
    from rich.table import Table

    from xmgl.cli.output import console
    from xmgl.domain.stages import STAGES
    from xmgl.gitaudit import trailers as tr

    c = console()
    if not items:
        c.print("历史中还没有阶段变更。")
        return
    t = Table(show_edge=False, pad_edge=False, expand=False)
    t.add_column("日期", no_wrap=True)
    t.add_column("事项")
    t.add_column("依据")
    t.add_column("经办人")
    t.add_column("提交", no_wrap=True)
    for e in items:
        if e.kind == "transition":
            src = e.get(tr.FROM_STAGE) or "?"
            dst = e.get(tr.TO_STAGE) or "?"
            what = f"{STAGES.get(src, src)} → {STAGES.get(dst, dst)}"
            when = e.get(tr.DATE) or e.committed[:10]
            cite = e.get(tr.ARTICLES) or ""
        else:
            what, when, cite = e.subject, e.get(tr.DATE) or e.committed[:10], ""
        t.add_row(when, escape(what), escape(cite), escape(e.committer), e.commit[:8])
    c.print(t)
    c.print("[dim]这是提交说明所写的内容；运行 xmgl audit verify 核验签名和阶段。[/]")
