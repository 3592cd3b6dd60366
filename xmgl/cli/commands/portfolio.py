"""``xmgl portfolio PATH...``: every dossier under the folders, checked in parallel.

One command taking paths (never subcommands), so a folder named like a verb can
never be taken for one; what to produce is chosen with options.
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from xmgl.cli.common import AsOf, Format, format_option
from xmgl.cli.state import get_state

LIST_LIMIT = 20


def register(app: typer.Typer) -> None:
    @app.command("portfolio")
    def portfolio(
        ctx: typer.Context,
        paths: Annotated[
            list[Path],
            typer.Argument(
                help="要汇总的文件夹（其下每个含 project.yaml 的文件夹、每个裸仓库都是一个档案）。",
                metavar="路径...",
                show_default=False,
            ),
        ],
        fmt: Annotated[
            str,
            format_option(Format.TEXT, Format.JSON, Format.CSV, Format.XLSX, Format.HTML),
        ] = "text",
        output: Annotated[
            Path | None,
            typer.Option(
                "--output", "-o", help="写入文件（xlsx 和 --plan-year 必填）。", metavar="文件"
            ),
        ] = None,
        plan_year: Annotated[
            int | None,
            typer.Option(
                "--plan-year",
                help="生成该年度投资计划草案（.xlsx/.docx，第八条、第九条）。",
                metavar="年度",
                show_default=False,
            ),
        ] = None,
        force: Annotated[
            bool, typer.Option("--force", help="覆盖已存在的输出文件（默认不覆盖）。")
        ] = False,
        jobs: Annotated[
            int | None,
            typer.Option("--jobs", "-j", help="并行进程数，默认为 CPU 核数。", metavar="N"),
        ] = None,
        as_of: AsOf = None,
        holidays: Annotated[
            Path | None,
            typer.Option(
                "--holidays",
                help="节假日文件（市数据局统一下发，xmgl holidays import 生成），"
                "用于档案自己的 .xmgl/holidays.yaml 没有的年份。",
                metavar="文件",
                show_default=False,
            ),
        ] = None,
    ) -> None:
        """汇总多个项目档案：按单位、阶段统计投资、校验错误和逾期事项；可生成年度投资计划草案。"""
        import time

        from xmgl.portfolio.scan import find_dossiers

        state = get_state(ctx)
        today = state.today()
        targets = _targets(plan_year, fmt, output)
        from xmgl.outputs import check_output

        for target in targets or ([output] if output is not None else []):
            check_output(target, force=force, option="--output")  # before the (long) scan
        if jobs is not None and jobs < 1:
            from xmgl.errors import UsageError

            raise UsageError("--jobs 至少为 1。")
        roots = _roots(state.directory, paths)
        found = find_dossiers(roots)
        if not found:
            from xmgl.errors import UsageError

            raise UsageError(
                "在 " + "、".join(str(p) for p in paths) + " 下没有找到项目档案。",
                hint="项目档案是含有 project.yaml 的文件夹（通常是从 git 服务器克隆的仓库）。",
            )
        started = time.perf_counter()
        shared = ()
        if holidays is not None:
            from xmgl.dossier.holidays import load_file

            shared = tuple(load_file(holidays.expanduser()))
        rows, workers = _scan(found, today, plan_year, jobs, shared, detail=fmt == "html")
        elapsed = time.perf_counter() - started
        _done_note(rows, elapsed, workers)
        for row in rows:
            row["path"] = _display(Path(row["path"]), state.directory)
        if plan_year is not None:
            _plan(rows, plan_year, today, targets, fmt)
            return
        from xmgl.portfolio.summary import summarize

        summary = summarize(rows)
        _emit(rows, summary, today, fmt, output, [str(p) for p in paths])


def _targets(plan_year: int | None, fmt: str, output: Path | None) -> list[Path]:
    """Check the option combination before any work; the files the plan will write."""
    from xmgl.errors import UsageError

    if plan_year is not None and not 2000 <= plan_year <= 2100:
        raise UsageError(f"--plan-year 的年度 {plan_year} 无效。", hint="写四位年份，例如 2027。")
    if output is not None:
        output = output.expanduser()
        if output.is_dir():
            raise UsageError(f"--output 指向的是一个目录：{output}", hint="写成文件名。")
        if not output.parent.is_dir():
            raise UsageError(
                f"--output 的目录不存在：{output.parent}", hint="先创建该目录，或换一个保存位置。"
            )
    if plan_year is None:
        if fmt == "xlsx" and output is None:
            raise UsageError(
                "--format xlsx 需要用 --output 指定文件。", hint="例如 --output 项目汇总.xlsx"
            )
        if fmt == "html" and output is None:
            raise UsageError(
                "--format html 需要用 --output 指定文件。", hint="例如 --output 看板.html"
            )
        return []
    if fmt not in ("text", "json"):
        raise UsageError(
            f"--plan-year 不能与 --format {fmt} 同用：计划草案本身就是 .xlsx 和 .docx。",
            hint="用 --output 草案.xlsx 或 --output 草案.docx；不带扩展名则两种都生成。",
        )
    if output is None:
        raise UsageError(
            "--plan-year 需要用 --output 指定草案文件。",
            hint=f"例如 --output {plan_year}年度投资计划草案.docx（不带扩展名则 .xlsx 和 .docx 都生成）。",
        )
    suffix = output.suffix.lower()
    if suffix in (".xlsx", ".docx"):
        return [output]
    if suffix:
        raise UsageError(
            f"计划草案只能是 .xlsx 或 .docx，不能是 “{output.suffix}”。",
            hint="不带扩展名则两种都生成。",
        )
    return [output.with_name(output.name + ".xlsx"), output.with_name(output.name + ".docx")]


def _roots(base: Path, paths: list[Path]) -> list[Path]:
    from xmgl.errors import UsageError

    roots = [(p if p.is_absolute() else base / p).expanduser() for p in paths]
    missing = [str(p) for p, r in zip(paths, roots, strict=True) if not r.is_dir()]
    if missing:
        raise UsageError(
            "找不到文件夹：" + "、".join(missing),
            hint="检查路径拼写；路径相对于当前目录（或 -C）。",
        )
    return roots


def _scan(
    found: list[Path], today, plan_year, jobs, holidays=(), detail=False
) -> tuple[list[dict], int]:
    import os

    from rich.progress import (
        BarColumn,
        MofNCompleteColumn,
        Progress,
        TextColumn,
        TimeElapsedColumn,
        TimeRemainingColumn,
    )

    from xmgl.cli.output import console
    from xmgl.portfolio.scan import scan

    workers = min(jobs or os.cpu_count() or 1, len(found))
    progress = Progress(
        TextColumn("校验档案"),
        BarColumn(),
        MofNCompleteColumn(),
        TextColumn("已用"),
        TimeElapsedColumn(),
        TextColumn("剩余"),
        TimeRemainingColumn(),
        console=console(stderr=True),
        transient=True,
    )
    task = None

    def on_start(n: int) -> None:
        nonlocal task
        progress.start()
        task = progress.add_task("", total=n)

    def on_result(_row: dict) -> None:
        progress.advance(task)

    try:
        rows = scan(
            found,
            today,
            plan_year=plan_year,
            detail=detail,
            jobs=workers,
            on_start=on_start,
            on_result=on_result,
            holidays=holidays,
        )
    finally:
        progress.stop()
    return rows, workers


def _done_note(rows: list[dict], elapsed: float, workers: int) -> None:
    from xmgl.cli.output import console

    bad = sum(1 for r in rows if not r["ok"])
    note = f"已检查 {len(rows)} 个档案"
    if bad:
        note += f"（{bad} 个无法读取）"
    note += f"，用时 {elapsed:.1f} 秒，{workers} 个进程。"
    console(stderr=True).print(note, style="dim")


def _display(path: Path, base: Path) -> str:
    try:
        return path.relative_to(base.resolve()).as_posix() or "."
    except ValueError:
        return str(path)


# ------------------------------------------------------------------ outputs
def _emit(rows, summary, today, fmt, output, paths) -> None:
    from xmgl.portfolio import export

    if fmt == "xlsx":
        export.to_xlsx(rows, summary, today, output)
        _wrote(output)
        return
    if fmt == "html":
        from xmgl.portfolio.html import render

        export.write_text(output, render(rows, summary, today))
        _wrote(output)
        return
    if fmt == "json":
        data = {
            "as_of": today.isoformat(),
            "paths": paths,
            "count": len(rows),
            "summary": summary.to_dict(),
            "dossiers": rows,
        }
        if output is None:
            import sys

            export.write_json(data, sys.stdout)
            sys.stdout.flush()
        else:
            export.write_json_file(output, data)
            _wrote(output)
        return
    if fmt == "csv":
        text = export.to_csv(rows)
        if output is None:
            import sys

            sys.stdout.write(text)
        else:
            export.write_text(output, text, bom=True)  # Excel needs the BOM to read UTF-8
            _wrote(output)
        return
    if output is None:
        _render(rows, summary, today, None)
    else:
        import io

        buf = io.StringIO()
        _render(rows, summary, today, buf)
        export.write_text(output, buf.getvalue())
        _wrote(output)


def _wrote(path: Path) -> None:
    from xmgl.cli.output import console

    console(stderr=True).print(f"已写入 {path}")


def _render(rows, summary, today, file) -> None:
    from rich.console import Console
    from rich.table import Table
    from rich.text import Text

    from xmgl.cli.output import WIDTH, console
    from xmgl.domain.money import wan

    c = console() if file is None else Console(file=file, width=WIDTH, no_color=True)
    t = summary.all
    c.print(Text(f"项目组合（截至 {today.isoformat()}）", style="bold"))
    line = f"{t.count} 个档案"
    if t.unreadable:
        line += f"，其中 {t.unreadable} 个无法读取"
    line += f"；总投资 {wan(t.total)}"
    c.print(line)
    over = Text(f"逾期事项 {t.overdue} 项（{t.overdue_projects} 个项目）", style="")
    if t.overdue:
        over.stylize("bold red")
    c.print(over)
    errors = Text(f"校验错误 {t.errors} 条（{t.with_errors} 个项目）")
    if t.errors:
        errors.stylize("bold red")
    c.print(errors)

    for title, groups in (("按项目单位", summary.by_unit), ("按阶段", summary.by_stage)):
        table = Table(
            title=title,
            title_justify="left",
            title_style="bold",
            box=None,
            padding=(0, 1),
            header_style="cyan",
        )
        table.add_column(title[1:], ratio=1, overflow="fold")
        table.add_column("项目", justify="right", no_wrap=True)
        table.add_column("总投资（万元）", justify="right", no_wrap=True)
        table.add_column("无法读取", justify="right", no_wrap=True)
        table.add_column("错误", justify="right", no_wrap=True)
        table.add_column("逾期", justify="right", no_wrap=True)
        for g in [*groups, t]:
            table.add_row(
                Text(g.label, style="bold" if g is t else ""),
                str(g.count),
                wan(g.total).removesuffix("万元"),
                str(g.unreadable or ""),
                Text(str(g.errors or ""), style="red" if g.errors else ""),
                Text(str(g.overdue or ""), style="red" if g.overdue else ""),
            )
        c.print()
        c.print(table)

    bad = [r for r in rows if not r["ok"]]
    if bad:
        c.print()
        c.print(Text(f"无法读取的档案（{len(bad)} 个）", style="bold red"))
        for r in bad:
            c.print(Text(f"  {r['path']}", style="cyan"))
            c.print(Text(f"    {r['error']}"))
            for p in r.get("problems", [])[:3]:
                c.print(Text(f"    {p}", style="dim"), overflow="fold")

    items = [(r, o) for r in rows if r["ok"] for o in r["overdue_items"]]
    if items:
        items.sort(key=lambda ro: -ro[1]["days"])
        c.print()
        c.print(Text(f"逾期事项（共 {len(items)} 项，逾期最久的在前）", style="bold red"))
        for r, o in items[:LIST_LIMIT]:
            head = Text("  ")
            head.append(f"逾期 {o['days']} 天", style="bold red")
            head.append(f"  {o['short']}，最后一日 {o['due'].isoformat()}，依据")
            head.append(o["clause"], style="bold red")
            c.print(head)
            c.print(Text(f"    {r['name']}（{r['unit']}）", style="dim"), overflow="fold")
        if len(items) > LIST_LIMIT:
            c.print(f"  …… 另有 {len(items) - LIST_LIMIT} 项，用 --format xlsx 或 csv 查看全部。")


# ------------------------------------------------------------------ 年度投资计划
def _plan(rows, year, today, targets, fmt) -> None:
    from xmgl.cli.output import print_json
    from xmgl.portfolio import plan

    draft = plan.draft(rows, year, today)
    for target in targets:
        if target.suffix.lower() == ".xlsx":
            plan.write_xlsx(draft, target)
        else:
            plan.write_docx(draft, target)
        _wrote(target)
    if fmt == "json":
        data = draft.to_dict()
        data["files"] = [str(t) for t in targets]
        print_json(data)
        return
    from xmgl.cli.output import console

    c = console()
    # what each total is made of, as the .docx says it (plan.Total); one fact a line
    t = draft.total
    c.print(f"{draft.title}：{t.count}个项目，{t.head()}。", overflow="fold")
    if t.substituted:
        c.print(f"  {t.substitution()}。", overflow="fold")
    if t.missing:
        c.print(f"  {t.missing_text()}", overflow="fold")
    for n in draft.by_nature:
        if n.count:
            c.print(f"  {n.key}  {n.count}个  {n.head()}", overflow="fold")
            if n.substituted:
                c.print(f"    {n.substitution()}", overflow="fold")
            if n.missing and n.missing < n.count:
                c.print(f"    另有{n.missing}个项目没有可列示的金额，未计入", overflow="fold")
    if draft.unreadable:
        c.print(
            f"[bold red]注意：[/]{len(draft.unreadable)} 个档案无法读取，未列入草案（见草案“说明”）。"
        )
