"""``xmgl template lint FILE``: find what a clerk's edit broke in a report template."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from xmgl.cli.common import TextOrJson
from xmgl.cli.state import get_state

REPORTS = ("fsr", "fsr_merged", "quarterly")


def register(app: typer.Typer) -> None:
    group = typer.Typer(name="template", help="报告模板：检查在 Word/WPS 中修改过的模板。")

    @group.command("lint")
    def lint(
        ctx: typer.Context,
        file: Annotated[
            Path, typer.Argument(help="要检查的模板（.docx）。", metavar="文件", show_default=False)
        ],
        report: Annotated[
            str | None,
            typer.Option(
                "--report",
                help="模板用于哪种报告：fsr、fsr_merged 或 quarterly（决定可用的变量）；"
                "默认按文件名判断，判断不了时允许所有报告的变量。",
                metavar="报告",
                show_default=False,
            ),
        ] = None,
        fmt: TextOrJson = "text",
    ) -> None:
        """检查模板：标签被拆到多个文字块、全角｛｛ ｝｝、一段里多个块标签、未知变量、语法错误。

        发现错误时退出码为 1。
        """
        from xmgl.cli.common import check_choice
        from xmgl.errors import UsageError
        from xmgl.reports import generate

        file = file.expanduser()
        if not file.is_absolute():  # relative to -C, like every path in a dossier
            file = get_state(ctx).directory / file
        if report is not None:
            check_choice("--report", report, REPORTS)
        else:
            report = next((k for k, n in generate.TEMPLATE_FILES.items() if n == file.name), None)
        if not file.is_file():
            raise UsageError(f"找不到模板文件：{file}", hint="检查路径和文件名。")
        findings = generate.lint(file, report)
        errors = sum(1 for f in findings if f.severity == "error")
        if fmt == "json":
            from xmgl.cli.output import print_json

            print_json(
                {
                    "template": str(file),
                    "report": report,
                    "errors": errors,
                    "warnings": len(findings) - errors,
                    "findings": [
                        {
                            "code": f.code,
                            "severity": f.severity,
                            "location": f.location,
                            "message": f.message,
                            "text": f.text,
                        }
                        for f in findings
                    ],
                }
            )
        else:
            _print(file, findings, errors)
        if errors:
            from xmgl.errors import FindingsFound

            raise FindingsFound(f"模板有 {errors} 个错误。").after_output()

    app.add_typer(group)


def _print(file: Path, findings, errors: int) -> None:
    from rich.markup import escape

    from xmgl.cli.output import console

    c = console()
    if not findings:
        c.print(f"{escape(str(file))}：没有发现问题。")
        return
    label = {"error": "[red]错误[/]", "warning": "[yellow]提示[/]"}
    for f in findings:
        c.print(f"{label.get(f.severity, f.severity)} {escape(f.location)}  [dim]{f.code}[/]")
        c.print(f"  {escape(f.message)}")
        if f.text:
            c.print(f"  [dim]{escape(f.text)}[/]")
    warnings = len(findings) - errors
    c.print(escape(str(file)), overflow="fold")
    c.print(f"共 {errors} 个错误，{warnings} 个提示。")
