"""``xmgl audit verify | anchor | export``: the audit trail, checked and handed over."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from xmgl.cli.common import TextOrJson
from xmgl.cli.state import get_state


def register(app: typer.Typer) -> None:
    audit_app = typer.Typer(
        help="审计：核验签名历史、生成锚点、导出审计报告。",
        no_args_is_help=True,
        rich_markup_mode="rich",
    )
    app.add_typer(audit_app, name="audit")

    @audit_app.callback()
    def audit() -> None:
        """审计：核验签名历史（verify）、生成交给市数据局的锚点（anchor）、导出审计报告（export）。"""

    @audit_app.command("verify")
    def verify(
        ctx: typer.Context,
        anchor: Annotated[
            str | None,
            typer.Option(
                "--anchor",
                help="此前交付的锚点：提交哈希[:提交数量]、xmgl audit anchor 写出的文件、数据局的回执或回执日志。",
                metavar="锚点",
                show_default=False,
            ),
        ] = None,
        fmt: TextOrJson = "text",
        reference: Annotated[
            bool,
            typer.Option(
                "--reference",
                help="用 git 和 ssh-keygen 逐个核验签名（参考方法，较慢，不用缓存）。",
            ),
        ] = False,
        no_cache: Annotated[
            bool, typer.Option("--no-cache", help="不使用也不写入签名核验缓存。")
        ] = False,
        show_all: Annotated[
            bool, typer.Option("--all", help="列出每个提交的核验结果，而不只是有问题的。")
        ] = False,
    ) -> None:
        """核验档案的全部历史：签名、签名人员名单（按上一提交）、阶段变更和锚点。"""
        from xmgl.gitaudit.audit import FAST, REFERENCE
        from xmgl.gitaudit.audit import verify as run

        root = get_state(ctx).root()
        if anchor is not None:
            from xmgl.server.receipts import resolve_anchor

            anchor = resolve_anchor(anchor, root)
        report = run(
            root,
            method=REFERENCE if reference else FAST,
            anchor=anchor,
            use_cache=not no_cache,
        )
        if fmt == "json":
            from xmgl.cli.output import print_json

            print_json(report.to_dict())
        else:
            render_report(report, show_all)
        if not report.ok:
            from xmgl.errors import AuditFailed

            raise AuditFailed("审计未通过。").after_output()

    @audit_app.command("anchor")
    def anchor(
        ctx: typer.Context,
        output: Annotated[
            Path | None,
            typer.Option(
                "--output",
                "-o",
                help="同时把锚点写入此文件（交给市数据局保存）。",
                metavar="文件",
                show_default=False,
            ),
        ] = None,
        fmt: TextOrJson = "text",
        force: Annotated[
            bool, typer.Option("--force", help="覆盖已存在的锚点文件（默认不覆盖）。")
        ] = False,
    ) -> None:
        """生成当前历史的锚点（提交、提交数量、日期），交给市数据局在档案以外保存。"""
        from xmgl.gitaudit.anchor import make_anchor

        state = get_state(ctx)
        root = state.root()
        target = None
        if output is not None:
            from xmgl.outputs import OutputExists, refuse_protected

            target = output if output.is_absolute() else state.directory / output
            refuse_protected(target, "--output", [root])
            if not force and target.exists():
                raise OutputExists(
                    f"{target} 已存在，未覆盖。", hint="确认要替换它时加 --force；或换一个文件名。"
                )
        a = make_anchor(root, project=_project_name(state))
        if target is not None:
            a.write(target, root)
        if fmt == "json":
            from xmgl.cli.output import print_json

            print_json(a.to_dict())
            return
        from rich.markup import escape

        from xmgl.cli.output import console

        c = console()
        c.print("[bold]审计锚点[/]（审计验证已通过）")
        for line in a.lines():
            c.print("  " + escape(line), no_wrap=True, overflow="ignore", crop=False)
        if output is not None:
            c.print(f"已写入：{escape(str(output))}")
        c.print(
            "把锚点交给市数据局保存；日后核验：xmgl audit verify --anchor 提交:数量",
            markup=False,
        )

    @audit_app.command("export")
    def export(
        ctx: typer.Context,
        output_dir: Annotated[
            Path | None,
            typer.Option(
                "--output-dir",
                "-o",
                help="报告写到此目录（默认为档案的 reports/）。",
                metavar="目录",
                show_default=False,
            ),
        ] = None,
        anchor: Annotated[
            str | None,
            typer.Option("--anchor", help="同时核验此前交付的锚点。", metavar="锚点"),
        ] = None,
        force: Annotated[
            bool, typer.Option("--force", help="覆盖当天已导出的文件（默认不覆盖）。")
        ] = False,
    ) -> None:
        """导出审计报告：每次阶段变更的经办人、时间、内容和核验结论（.docx、CSV、JSON）；
        审计未通过时照样导出，退出码为 7。"""
        from rich.markup import escape

        from xmgl.cli.output import console
        from xmgl.gitaudit.audit import verify as run
        from xmgl.reports.audit_export import export_report

        state = get_state(ctx)
        root = state.root()
        if anchor is not None:
            from xmgl.server.receipts import resolve_anchor

            anchor = resolve_anchor(anchor, root)
        report = run(root, anchor=anchor)
        target = output_dir or (root / "reports")
        if not target.is_absolute():
            target = state.directory / target
        from xmgl.outputs import check_output, refuse_protected
        from xmgl.reports.audit_export import export_names

        for name in export_names(state.today()):  # every file, checked before any is written
            if target.is_dir():
                check_output(target / name, force=force, option="--output-dir", roots=[root])
            else:
                refuse_protected(target / name, "--output-dir", [root])
        files = export_report(report, target, today=state.today())
        c = console()
        verdict = "[green]通过[/]" if report.ok else "[red]未通过[/]（报告中不出具锚点）"
        c.print(f"审计验证：{verdict}。已导出：")
        for f in files:
            c.print(f"  {escape(str(f))}")
        if not report.ok:  # the files are written; the outcome is still a failed audit
            from xmgl.errors import AuditFailed

            c.print("问题见报告第一部分，或运行 xmgl audit verify。", markup=False)
            raise AuditFailed("审计未通过。").after_output()


def render_report(report, show_all: bool = False) -> None:
    from rich.markup import escape

    from xmgl.cli.output import console
    from xmgl.domain.stages import STAGES

    c = console()
    if report.ok:
        c.print("[bold green]审计验证：通过 ✓[/]")
    else:
        c.print("[bold red]审计验证：未通过 ✗[/]")
    c.print(
        f"档案：{escape(str(report.root))}\n共 {len(report.commits)} 个提交（"
        + "，".join(_claimed(report, kind, what) for kind, what in KINDS)
        + "）",
        soft_wrap=True,
    )
    if report.head:
        c.print(f"HEAD：{report.head}", no_wrap=True, overflow="ignore", crop=False)
    for sha, signers in report.trust_roots:
        c.print(f"信任根：首次提交 {sha[:12]}，其中允许签名的人员：")
        for principals, fp, name in signers:
            c.print(f"  {escape(principals)} {escape(name)}")
            c.print(f"    {fp}", no_wrap=True, overflow="ignore", crop=False)
        c.print("  请与市数据局在档案以外保存的指纹核对。")
    if report.anchor is not None:
        a = report.anchor
        if a.ok:
            later = (a.head_count or 0) - (a.count or 0)
            c.print(
                f"锚点：{a.commit[:12]}（{a.count} 个提交）是当前历史的祖先；此后新增 {later} 个提交。"
            )
        else:
            c.print(f"锚点：{escape(a.spec)} 核验未通过（见下）。")
    method = (
        "参考方法（git + ssh-keygen）"
        if report.method == "reference"
        else f"快速方法（进程内核验，缓存命中 {report.cache_hits}）"
    )
    c.print(f"[dim]核验方式：{method}，用时 {report.seconds:.2f} 秒[/]")
    for f in report.findings:
        _finding(c, f)
    for x in report.commits:
        if x.ok and not show_all and not x.findings:
            continue
        mark = "[green]✓[/]" if x.ok else "[red]✗[/]"
        what = x.subject
        if x.kind == "transition":
            src, dst = x.trailer("Xmgl-From-Stage"), x.trailer("Xmgl-To-Stage")
            what = f"阶段变更：{STAGES.get(src or '', src)} → {STAGES.get(dst or '', dst)}"
        c.print(
            f"{mark} 提交 {x.sha[:12]}  {x.committed[:10]}  {escape(x.committer)} "
            f"<{escape(x.committer_email)}>"
        )
        c.print(f"    {escape(what)}")
        for f in x.findings:
            _finding(c, f, indent="    ")
    errors = [f for f in report.all_findings() if f.severity == "error"]
    if errors:
        commits = {f.commit for f in errors if f.commit}
        where = f"涉及 {len(commits)} 个提交" if commits else "都是仓库本身的问题"
        c.print(
            f"[bold red]共 {len(errors)} 处问题，{where}。[/]"
            "不要在这样的历史上继续阶段变更；与市数据局保存的锚点核对后处理。"
        )


KINDS = (("transition", "阶段变更"), ("signers", "签名人员变更"))


def _claimed(report, kind: str, what: str) -> str:
    """How many commits say they are a ``kind`` change; a failing one is not one."""
    said = [x for x in report.commits if x.kind == kind]
    held = sum(1 for x in said if x.ok)
    if held == len(said):
        return f"{what} {held} 次"
    return f"{what}提交 {len(said)} 个，其中 {len(said) - held} 个未通过"


def _finding(c, f, indent: str = "") -> None:
    from rich.markup import escape

    color = "red" if f.severity == "error" else "yellow"
    c.print(f"{indent}[{color}]- {escape('[' + f.code + ']')}[/] {escape(f.message)}")
    if f.hint:
        c.print(f"{indent}  [green]提示：[/]{escape(f.hint)}")


def _project_name(state) -> str:
    """The dossier's name for the anchor; a courtesy: the anchor stands without it."""
    from xmgl.errors import XmglError

    try:
        return state.dossier().project.name or ""
    except XmglError:
        return ""
