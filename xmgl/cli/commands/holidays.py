"""``xmgl holidays``: the holiday data deadlines are computed with; ``import`` reads a notice."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from xmgl.cli.common import TextOrJson
from xmgl.cli.state import get_state

_FILE = typer.Option(
    "--file",
    help="另用这个节假日文件（如市数据局统一下发的），档案自己的文件优先。",
    metavar="文件",
    show_default=False,
)


def register(app: typer.Typer) -> None:
    holidays_app = typer.Typer(
        help="法定节假日数据：查看各年份的来源；导入国务院办公厅的节假日安排通知。",
        no_args_is_help=False,
        invoke_without_command=True,
        rich_markup_mode="rich",
    )
    app.add_typer(holidays_app, name="holidays")

    @holidays_app.callback()
    def holidays(
        ctx: typer.Context,
        fmt: TextOrJson = "text",
        file: Annotated[Path | None, _FILE] = None,
    ) -> None:
        """法定节假日数据：列出覆盖的年份和每年数据的来源（节假日文件或 chinese-calendar）。"""
        if ctx.invoked_subcommand is not None:
            return
        state = get_state(ctx)
        calendar, where = _calendar(state, file)
        _list(calendar, where, state.today(), fmt)

    @holidays_app.command("import")
    def import_(
        ctx: typer.Context,
        notice: Annotated[
            Path,
            typer.Argument(
                help="通知全文的文本文件（UTF-8 或 GBK），从中国政府网复制。", metavar="通知.txt"
            ),
        ],
        document_no: Annotated[
            str | None,
            typer.Option(
                "--document-no",
                help="通知的文号（文本中没有时必填），如 国办发明电〔2026〕9号。",
                metavar="文号",
                show_default=False,
            ),
        ] = None,
        issued: Annotated[
            str | None,
            typer.Option(
                "--issued",
                help="通知的发文日期（文本中没有时必填），YYYY-MM-DD。",
                metavar="日期",
                show_default=False,
            ),
        ] = None,
        year: Annotated[
            int | None,
            typer.Option(
                "--year", help="通知的年份（文本没有标题时）。", metavar="年份", show_default=False
            ),
        ] = None,
        output: Annotated[
            Path | None,
            typer.Option(
                "--output",
                "-o",
                help="写到这个节假日文件（如市数据局统一下发），默认为档案的 .xmgl/holidays.yaml。",
                metavar="文件",
                show_default=False,
            ),
        ] = None,
        yes: Annotated[
            bool, typer.Option("--yes", "-y", help="不再询问，核对后直接写入。")
        ] = False,
    ) -> None:
        """读取国务院办公厅节假日安排通知的原文，显示读到的内容，确认后写入节假日文件。"""
        from xmgl.cli.state import parse_date

        state = get_state(ctx)
        day = parse_date(issued, "--issued") if issued is not None else None
        read = _read_notice(notice, year)
        from xmgl.domain.notice import NoticeError

        try:
            new = read.to_year(document_no, day)
        except NoticeError as err:
            from xmgl.errors import UsageError

            raise UsageError(err.message, hint=err.hint) from None
        target, label = _target(state, output)
        _show(new, label)
        if not yes and not _confirm():
            from xmgl.cli.output import console

            console(stderr=True, soft_wrap=True).print(
                "未写入。核对以上内容与通知原文一致后，加 --yes 重新运行（或在终端中回答 y）。"
            )
            return
        _write(target, label, new)


def _calendar(state, file: Path | None):
    """The dossier's calendar (if run in one) with ``file`` as fallback, and where from."""
    from xmgl.domain.holidays import Calendar
    from xmgl.dossier.holidays import load_file
    from xmgl.errors import DossierError

    calendar, where = Calendar(), "（不在项目档案中）"
    try:
        root = state.root()
    except DossierError:
        root = None
    if root is not None:
        from xmgl.dossier.holidays import read_dossier_calendar

        calendar, problems = read_dossier_calendar(root)
        if problems:
            raise DossierError(
                f"节假日文件 .xmgl/holidays.yaml 有 {len(problems)} 处问题。", problems
            )
        where = str(root)
    if file is not None:
        calendar = calendar.with_fallback(Calendar(load_file(file)))
    return calendar, where


def _list(calendar, where: str, today, fmt: str) -> None:
    from xmgl.domain.holidays import coverage

    rows = coverage(calendar, today.year + 1)
    if fmt == "json":
        from xmgl.cli.output import print_json

        print_json({"dossier": where, "years": [r.to_dict() for r in rows]})
        return
    _say("法定节假日数据（用于法定期限的顺延，民法典第二百零三条）：")
    _say(where, 2)
    for r in rows:
        _say(f"{r.years_text:<10} {r.detail}", 2, 13)


def _read_notice(path: Path, year: int | None):
    from xmgl.domain.notice import NoticeError, read_notice
    from xmgl.errors import DossierError, Problem, UsageError

    try:
        raw = Path(path).read_bytes()
    except OSError as err:
        raise UsageError(
            f"无法读取通知文件 {path}：{err.strerror or err}", hint="检查路径。"
        ) from None
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        try:
            text = raw.decode("gb18030")
        except UnicodeDecodeError:
            raise DossierError(
                f"通知文件 {path} 既不是 UTF-8 也不是 GBK 编码的文本。",
                hint="从网页复制通知全文，粘贴到记事本，另存为 UTF-8。",
            ) from None
    try:
        return read_notice(text, year)
    except NoticeError as err:
        problem = Problem(str(path), err.line, None, "", err.message, err.hint, "notice")
        raise DossierError(
            f"通知 {path} 没有完整读懂，未写入任何内容。",
            [problem],
            hint="xmgl 只接受能逐句读懂的通知，以免节假日读错而算错期限。",
        ) from None


def _target(state, output: Path | None) -> tuple[Path, str]:
    from xmgl.domain.holidays import HOLIDAY_FILE
    from xmgl.errors import DossierError, UsageError

    if output is not None:
        return output, str(output)
    try:
        root = state.root()
    except DossierError:
        raise UsageError(
            "不在项目档案中，不知道写到哪里。",
            hint="用 -C 指定档案目录（写入其 .xmgl/holidays.yaml），或用 -o 写到单独的文件。",
        ) from None
    return root / HOLIDAY_FILE, HOLIDAY_FILE


def _show(y, label: str) -> None:
    from xmgl.domain.holidays import package_covers, package_version, package_year

    wd = "一二三四五六日"
    _say(f"读到：国务院办公厅关于{y.year}年部分节假日安排的通知")
    _say(f"文号：{y.document_no}　发文日期：{y.issued.isoformat()}", 2)
    for h in y.holidays:
        days = (h.last - h.first).days + 1
        span = f"{h.first.isoformat()}（周{wd[h.first.weekday()]}）"
        if h.last != h.first:
            span += f"至 {h.last.isoformat()}（周{wd[h.last.weekday()]}）"
        _say(f"{h.name}：放假 {span}，共{days}天", 2, 4)
        if h.work:
            work = "、".join(f"{d.isoformat()}（周{wd[d.weekday()]}）" for d in h.work)
            _say(f"调休上班：{work}", 4, 6)
    if package_covers(y.year):
        rest, work = package_year(y.year)
        same = rest == y.rest and work == y.work
        verdict = "一致" if same else "不一致，写入后以本通知为准"
        _say(f"与 chinese-calendar {package_version()} 的{y.year}年数据相比：{verdict}。")
    else:
        _say(f"chinese-calendar {package_version()} 没有{y.year}年的数据：写入后按本通知计算。")
    _say(f"将写入：{label}")


def _say(text: str, indent: int = 0, hanging: int | None = None) -> None:
    """Print ``text`` wrapped to 80 columns (CJK 2 wide), continuation lines indented."""
    import sys

    from xmgl.cli.findings import wrap

    more = indent if hanging is None else hanging
    lines = wrap(text, more) or [""]
    out = [" " * indent + lines[0].lstrip(" ")] + lines[1:]
    sys.stdout.write("\n".join(out) + "\n")


def _confirm() -> bool:
    import sys

    if not sys.stdin.isatty():
        return False
    return typer.confirm("以上与通知原文一致，写入吗？", default=False)


def _write(target: Path, label: str, new) -> None:
    import contextlib

    from xmgl.dossier.holidays import dump, load_file, merge
    from xmgl.errors import UsageError
    from xmgl.fileio import atomic_write
    from xmgl.gitaudit.lock import dossier_lock

    target = Path(target)
    in_dossier = target.parent.name == ".xmgl" and target.parent.parent.is_dir()
    # the dossier's own holiday file: read-merge-write under the dossier lock
    with dossier_lock(target.parent.parent) if in_dossier else contextlib.nullcontext():
        old = load_file(target) if target.is_file() else []
        replaced = any(y.year == new.year for y in old)
        if not target.parent.is_dir():
            if in_dossier:
                target.parent.mkdir()
            else:
                raise UsageError(
                    f"目录不存在：{target.parent}", hint="先建好目录，或换一个 -o 路径。"
                )
        atomic_write(target, dump(merge(old, new)).encode("utf-8"))
    verb = "替换了" if replaced else "写入了"
    _say(f"已在 {label} 中{verb}{new.year}年的节假日安排（{new.document_no}）。")
    if label.startswith(".xmgl"):
        _say("请把该文件随档案签名提交，审计和其他人校验时按同一数据计算期限。")
