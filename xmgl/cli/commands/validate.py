"""``xmgl validate``: check the dossier against the regulation, article by article."""

# Without ``from __future__ import annotations`` on purpose: Typer reads the options from the
# annotations when it builds the command, and a string annotation costs it an eval() (a
# compile) on every run; written as objects they come from this module's bytecode.

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
    from xmgl.errors import DossierError, FindingsFound
    from xmgl.validation import of_dossier, validate

    today = state.today()
    try:
        result = of_dossier(state.dossier(), today, stage=stage)
    except DossierError:
        result = validate(state.directory, today, stage=stage)
    _emit(fmt, result)
    if not result.readable:
        raise DossierError("档案无法读取。").after_output()
    failed = result.failed(fail_on)
    if failed:
        raise FindingsFound(
            f"发现 {len(failed)} 个达到 --fail-on {fail_on} 级别的问题。"
        ).after_output()


def _emit(fmt, result) -> None:
    """Print ``result`` (a :class:`xmgl.validation.Validation`) as ``fmt`` asks."""
    from xmgl.cli.output import print_json

    if fmt == "json":
        print_json(result.to_json())
    elif fmt == "sarif":
        print_json(result.to_sarif())
    else:
        from xmgl.cli import findings as out
        from xmgl.domain.stages import label

        header = [f"校验：{result.name}" if result.name else f"校验：{result.root}"]
        where = f"阶段：{label(result.stage)}" if result.stage else "档案无法读取"
        if result.stage and result.stage != result.current:
            where += f"（按进入该阶段的要求，当前为 {label(result.current)}）"
        header.append(f"{where} · 日期：{result.as_of.isoformat()}")
        header += [f"说明：{n}" for n in result.notes]
        out.render_text(result.findings, header=header)
