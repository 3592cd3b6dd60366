"""``xmgl validate``: check the dossier against the regulation, article by article."""

from __future__ import annotations

from typing import Annotated

import typer

from xmgl.cli.common import AsOf, Format, format_option
from xmgl.cli.state import get_state

FAIL_ON = ("error", "warning")


def register(app: typer.Typer) -> None:
    @app.command("validate")
    def validate(
        ctx: typer.Context,
        fmt: Annotated[str, format_option(Format.TEXT, Format.JSON, Format.SARIF)] = "text",
        fail_on: Annotated[
            str,
            typer.Option(
                "--fail-on",
                help="发现该级别（error 或 warning）及以上的问题时以退出码 1 结束。",
                metavar="级别",
            ),
        ] = "error",
        as_of: AsOf = None,
        stage: Annotated[
            str | None,
            typer.Option(
                "--stage",
                help="按进入指定阶段时的要求校验（xmgl advance 的门槛），默认为当前阶段。",
                metavar="阶段",
                show_default=False,
            ),
        ] = None,
    ) -> None:
        """按《大石桥市政务信息化项目管理暂行办法》逐条校验档案，指出条款和行号。"""
        from xmgl.cli.common import check_choice

        check_choice("--fail-on", fail_on, FAIL_ON)
        state = get_state(ctx)
        if stage is not None:
            from xmgl.domain.stages import STAGES

            check_choice("--stage", stage, tuple(STAGES))
        run(state, fmt, fail_on, stage)


def run(state, fmt: str, fail_on: str, stage: str | None) -> None:
    from xmgl.domain import rules as R
    from xmgl.errors import DossierError, FindingsFound

    today = state.today()
    root = state.directory
    try:
        root = state.root()
        dossier = state.dossier()
    except DossierError as err:
        findings = R.format_findings(err.problems, message=err.message, hint=err.hint)
        _emit(fmt, findings, root=root, state=state, today=today, stage=None, name=None)
        raise err.after_output() from None
    target = stage or dossier.stage_name
    findings = R.check(dossier, today, stage=stage)
    notes = [d.message() for d in dossier.calendar.differences()] if dossier.calendar else []
    _emit(
        fmt,
        findings,
        root=root,
        state=state,
        today=today,
        stage=target,
        name=dossier.project.name,
        notes=notes,
    )
    threshold = R.Severity(fail_on).rank
    failed = [f for f in findings if f.severity.rank >= threshold]
    if failed:
        raise FindingsFound(
            f"发现 {len(failed)} 个达到 --fail-on {fail_on} 级别的问题。"
        ).after_output()


def _emit(fmt, findings, *, root, state, today, stage, name, notes=()) -> None:
    """``notes``: said once, e.g. where the holiday file overrides chinese-calendar."""
    from xmgl.cli import findings as out

    if fmt == "json":
        from xmgl.cli.output import print_json

        print_json(
            {
                "dossier": str(root),
                "as_of": today.isoformat(),
                "stage": stage,
                "findings": [f.to_dict() for f in findings],
                "summary": out.summary(findings),
                "notes": list(notes),
            }
        )
    elif fmt == "sarif":
        from xmgl import __version__
        from xmgl.cli.output import print_json
        from xmgl.domain.rules import RULES

        print_json(
            out.sarif(
                findings, root=root, rules=RULES, version=__version__, as_of=today, stage=stage
            )
        )
    else:
        from xmgl.domain.stages import label

        header = [f"校验：{name}" if name else f"校验：{root}"]
        where = f"阶段：{label(stage)}" if stage else "档案无法读取"
        if stage and stage != state.dossier().stage_name:
            where += f"（按进入该阶段的要求，当前为 {label(state.dossier().stage_name)}）"
        header.append(f"{where} · 日期：{today.isoformat()}")
        header += [f"说明：{n}" for n in notes]
        out.render_text(findings, header=header)
