"""``xmgl record KIND field=value …``: add a dated record to ``project.yaml``."""

from __future__ import annotations

from typing import Annotated

import typer

from xmgl.cli.common import TextOrJson
from xmgl.cli.state import get_state


def _kinds_help() -> str:
    from xmgl.domain.schema import RECORD_KINDS

    return "、".join(f"{k}（{rk.zh}）" for k, rk in RECORD_KINDS.items() if k != "stage_change")


def register(app: typer.Typer) -> None:
    @app.command(
        "record",
        epilog="记录类型：" + _kinds_help(),
    )
    def record(
        ctx: typer.Context,
        kind: Annotated[
            str,
            typer.Argument(help="记录类型，如 approval、contract、payment。", metavar="类型"),
        ],
        fields: Annotated[
            list[str] | None,
            typer.Argument(
                help="字段=值，如 amount=101.4万元 date=2026-06-15；"
                "列表用逗号分隔；节内字段写 attachments.financial_report=docs/财务报告.pdf。"
                "date 缺省为今天（或 --as-of）。",
                metavar="字段=值…",
                show_default=False,
            ),
        ] = None,
        dry_run: Annotated[
            bool, typer.Option("--dry-run", help="只检查并显示将添加的记录，不写入。")
        ] = False,
        commit: Annotated[
            bool,
            typer.Option(
                "--commit", help="写入后立即做一次签名提交（只含 project.yaml 和引用的文件）。"
            ),
        ] = False,
        fmt: TextOrJson = "text",
    ) -> None:
        """添加一条带日期的记录（批复、合同、支付、报告……）：先按档案格式检查，再保留注释和顺序写入。"""
        import contextlib

        from xmgl.dossier.record import add_record, kind_or_error
        from xmgl.errors import UsageError

        state = get_state(ctx)
        kind = kind_or_error(kind)
        if kind == "stage_change":
            raise UsageError(
                "阶段变更记录只能由 xmgl advance 写入（它同时做签名提交）。",
                hint="运行 “xmgl advance 阶段”。",
            )
        if dry_run and commit:
            raise UsageError("--dry-run 和 --commit 不能同时使用。")
        root = state.root()
        # One writer at a time: read, add, write (and commit) under the dossier lock.
        with contextlib.nullcontext() if dry_run else state.locked():
            state.dossier()  # the file must be valid before anything is added to it
            write = not dry_run and not commit
            added = add_record(root, kind, list(fields or []), state.today(), write=write)
            sha = None
            if commit:
                sha = _commit(root, added)  # writes project.yaml only once the commit exists
        rec = added.dossier.records[added.index]
        if fmt == "json":
            from xmgl.cli.output import print_json

            show = lambda: print_json(  # noqa: E731
                {
                    "written": not dry_run,
                    "index": added.index,
                    "record": rec.to_plain(),
                    "commit": sha,
                }
            )
        else:
            show = lambda: _render(rec, added.index, dry_run, sha)  # noqa: E731
        if dry_run:
            show()
            return
        from xmgl.cli.output import after_write

        done = f"记录已写入 project.yaml（records 第 {added.index + 1} 条）"
        after_write(done + (f"，已签名提交 {sha[:12]}" if sha else "") + "。", show)


def _commit(root, added) -> str:
    from xmgl.domain.schema import RECORD_KINDS
    from xmgl.dossier.docpaths import document_paths
    from xmgl.dossier.loader import PROJECT_FILE
    from xmgl.dossier.transition import require_allowed_signer
    from xmgl.errors import PreconditionError
    from xmgl.gitaudit import git as g
    from xmgl.gitaudit import trailers as tr
    from xmgl.gitaudit.commit import signed_commit, unrelated_changes
    from xmgl.gitaudit.git import repo_prefix

    _top, prefix = repo_prefix(root)
    name, email = g.identity(root)
    require_allowed_signer(root, prefix, email)
    docs = {prefix + p for p in document_paths(added.dossier)}
    project = prefix + PROJECT_FILE
    unrelated = unrelated_changes(root, {project, *docs})
    if unrelated:
        raise PreconditionError(
            "工作区有无关的未提交修改，记录提交不会夹带它们（project.yaml 未被修改）：\n"
            + "\n".join(f"  {xy} {p}" for xy, p in unrelated[:20]),
            hint="先提交或撤销这些修改，再运行 xmgl record … --commit。",
        )
    rec = added.dossier.records[added.index]
    changed = {p for _xy, p in g.status(root)}
    zh = RECORD_KINDS[rec.kind].zh
    from xmgl.domain.lifecycle import event_summary

    summary = event_summary(rec)
    message = tr.compose(
        f"记录：{zh} {rec.date.isoformat()}",
        f"在 project.yaml 中添加{zh}记录（{summary}）。",
        [(tr.RECORD, summary), (tr.ACTOR, f"{name} <{email}>")],
    )
    return signed_commit(
        root,
        message,
        write={project: added.text},
        include=sorted(p for p in docs if p in changed),
    )


def _render(rec, index: int, dry_run: bool, sha: str | None) -> None:
    from rich.markup import escape

    from xmgl.cli.output import console
    from xmgl.domain.schema import RECORD_KINDS

    c = console()
    zh = RECORD_KINDS[rec.kind].zh
    head = "将添加（--dry-run，未写入）" if dry_run else "已添加"
    c.print(f"{head}{zh}记录（records 第 {index + 1} 条）：")
    for key, value in rec.to_plain().items():
        if isinstance(value, dict):
            for k, v in value.items():
                c.print(f"  {key}.{k}: {escape(str(v))}")
        elif isinstance(value, list):
            c.print(f"  {key}: {escape('、'.join(map(str, value)))}")
        else:
            c.print(f"  {key}: {escape(str(value))}")
    if sha:
        c.print(f"已签名提交：{sha[:12]}")
    elif not dry_run:
        c.print("[dim]尚未提交：下次 xmgl advance 会一并提交，或加 --commit 立即签名提交。[/]")
