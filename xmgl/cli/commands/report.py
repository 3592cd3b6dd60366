"""``xmgl report fsr|quarterly``: report skeletons (.docx) filled from the dossier."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from xmgl.cli.common import TextOrJson
from xmgl.cli.state import get_state
from xmgl.domain.bounds import QUARTERLY

_OUTPUT = typer.Option(
    "--output",
    "-o",
    help="输出文件（.docx）。默认写到档案的 reports/ 目录。",
    metavar="文件",
    show_default=False,
)
_FORCE = typer.Option("--force", help="覆盖已存在的输出文件（默认不覆盖）。")
_CHECK = typer.Option(
    "--check",
    help="不生成报告，检查已编辑的报告文件中还剩几处【待填写：…】（有剩余时退出码为 1）。",
    metavar="文件",
    show_default=False,
)


def register(app: typer.Typer) -> None:
    group = typer.Typer(
        name="report",
        help="生成报告：可行性研究报告、季度进展报告（.docx，可在 Word/WPS 中继续编辑）。",
        no_args_is_help=True,
    )

    @group.command("fsr")
    def fsr(
        ctx: typer.Context,
        merged: Annotated[
            bool,
            typer.Option(
                "--merged",
                help="生成可行性研究报告（代初步设计），含初步设计方案和投资概算；"
                "仅限第十条允许合并编报的项目。",
            ),
        ] = False,
        output: Annotated[Path | None, _OUTPUT] = None,
        force: Annotated[bool, _FORCE] = False,
        check: Annotated[Path | None, _CHECK] = None,
        fmt: TextOrJson = "text",
    ) -> None:
        """可行性研究报告骨架：国家编制要求的章节加第十一条要求的章节，已知事实已填入。"""
        from xmgl.reports import generate

        state = get_state(ctx)
        if check is not None:
            _check(check, state, fmt)
            return
        d = state.dossier()
        result = generate.fsr(
            d, state.today(), merged=merged, output=_abs(output, state), force=force
        )
        _print(result, d.root, fmt)

    @group.command("quarterly")
    def quarterly(
        ctx: typer.Context,
        period: Annotated[
            int | None,
            typer.Option(
                "--period",
                help=f"报告期序号（自批复之日起{QUARTERLY.span}为一期，第1期从批复次日起）。"
                "默认为截至 --as-of 最近一期。",
                metavar="N",
                show_default=False,
            ),
        ] = None,
        output: Annotated[Path | None, _OUTPUT] = None,
        force: Annotated[bool, _FORCE] = False,
        check: Annotated[Path | None, _CHECK] = None,
        fmt: TextOrJson = "text",
    ) -> None:
        """第十六条项目建设进展情况季度报告：本期及累计投资、支付、合同、变更、进展。"""
        from xmgl.reports import generate

        state = get_state(ctx)
        if check is not None:
            _check(check, state, fmt)
            return
        d = state.dossier()
        result = generate.quarterly(
            d, state.today(), period=period, output=_abs(output, state), force=force
        )
        _print(result, d.root, fmt)

    app.add_typer(group)


def _check(path: Path, state, fmt: str) -> None:
    """Count the placeholders left in an edited report; exit 1 while any remain."""
    from xmgl.errors import UsageError
    from xmgl.reports import finish

    target = _abs(path, state)
    if not target.is_file():
        raise UsageError(f"找不到要检查的报告文件：{path}", hint="检查路径拼写。")
    if not finish.is_docx(target):
        raise UsageError(
            f"{path} 不是 Word（.docx）文件，无法检查。",
            hint="指定 xmgl 生成并编辑过的 .docx 报告。",
        )
    left = finish.count_placeholders(target)
    if fmt == "json":
        from xmgl.cli.output import print_json

        print_json(
            {
                "path": str(path),
                "placeholders": len(left),
                "items": [{"where": p.where, "text": p.text} for p in left],
            }
        )
    else:
        from rich.markup import escape

        from xmgl.cli.output import console

        c = console()
        if not left:
            c.print(f"{escape(str(path))}：没有剩余的【待填写：…】，可以提交。")
        else:
            c.print(f"{escape(str(path))}：还有 {len(left)} 处【待填写：…】需要补充：")
            for p in left[:30]:
                c.print(f"  {escape(p.where)}：{escape(p.text)}")
            if len(left) > 30:
                c.print(f"  ……另有 {len(left) - 30} 处")
    if left:
        from xmgl.errors import FindingsFound

        raise FindingsFound(f"还有 {len(left)} 处【待填写：…】。").after_output()


def _abs(output: Path | None, state) -> Path | None:
    if output is None:
        return None
    output = output.expanduser()
    return output if output.is_absolute() else Path.cwd() / output


def _print(result, root: Path, fmt: str) -> None:
    if fmt == "json":
        from xmgl.cli.output import print_json

        print_json(result.to_dict(root))
        return
    from rich.markup import escape

    from xmgl.cli.output import console

    data = result.to_dict(root)
    c = console()
    c.print(f"已生成：{escape(data['path'])}")
    c.print(f"  {escape(result.title)}")
    c.print(f"  模板：{escape(result.template.describe(Path(root)))}")
    if result.period:
        p = result.period
        due = p["due_in_force"]
        if p["due_nominal"] != due:
            due += f"（名义 {p['due_nominal']}，遇法定休假日顺延）"
        c.print(f"  报告期：第{p['index']}期 {p['start']} 至 {p['end']}，报送截止 {due}")
    for note in result.notes:
        c.print(f"  [yellow]注意：[/]{escape(note)}")
    if result.placeholders:
        c.print(
            f"  文中还有 {result.placeholders} 处【待填写：…】（已用黄色突出显示）需要人工补充；"
            "补充后可用 --check 文件 复查。"
        )
    else:
        c.print("  文中没有【待填写：…】。")
