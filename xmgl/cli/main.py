"""Entry point: runs the app and turns every failure into a clear Chinese message.

This is the one place where errors are caught. A :class:`~xmgl.errors.XmglError`
prints its message (and its located problems) and exits with its code; a usage
error from the command line exits 2; anything else is a defect of xmgl and says
so, without a traceback unless ``--debug`` is given.
"""

from __future__ import annotations

import sys

from xmgl.errors import DossierError, ExitCode, XmglError


def main(argv: list[str] | None = None) -> None:
    code = run(sys.argv[1:] if argv is None else argv)
    # The command is over, its outcome decided: a Ctrl-C from here on changes nothing.
    # Left to Python, a signal in interpreter shutdown (which puts back the system's
    # default handler) would end a finished command as "killed by SIGINT".
    _ignore_interrupts()
    sys.exit(code)


def run(argv: list[str]) -> int:
    if not argv:
        argv = ["--help"]
    debug = "--debug" in argv
    json_out = _wants_json(argv)
    if not debug:  # a library's warning is Python's English, with a source line: not for users
        import warnings

        warnings.simplefilter("ignore")
    try:
        _raise_on_interrupt()
        from xmgl.cli.output import prepare_streams

        prepare_streams()
        _check_cwd(argv)
        from xmgl.cli import zh

        zh.install()
        from typer.main import get_command

        from xmgl.cli.app import build, command_of

        command = get_command(build(only=command_of(argv)))
        result = command.main(args=list(argv), prog_name="xmgl", standalone_mode=False)
        if result == ExitCode.INTERRUPTED:  # Typer turns Ctrl-C into Exit(130)
            raise KeyboardInterrupt
        return int(ExitCode.OK)
    except XmglError as err:
        if not err.shown:
            _report(err, json_out)
        if debug:
            _traceback()
        return int(err.exit_code)
    except KeyboardInterrupt:
        return _interrupted()
    except BrokenPipeError:
        return 0
    except Exception as err:  # noqa: BLE001 - the one place that must catch everything
        if type(err).__name__ == "Abort":  # Click's form of Ctrl-C / end of input
            return _interrupted()
        if isinstance(err, OSError):
            from xmgl.errors import from_os_error

            told = from_os_error(err)
            _report(told, json_out)
            if debug:
                _traceback()
            return int(told.exit_code)
        usage = _usage_error(err)
        if usage is not None:
            _report(usage, json_out)
            if debug:
                _traceback()
            return int(ExitCode.USAGE)
        if debug:
            _traceback()
        _stderr(
            f"xmgl 内部错误：{type(err).__name__}: {err}\n"
            "这是 xmgl 的缺陷，不是你的操作问题。请加 --debug 重新运行，并把输出发给维护人员。"
        )
        return int(ExitCode.INTERNAL)


def _raise_on_interrupt() -> None:
    """From here on Ctrl-C raises KeyboardInterrupt, so pending writes clean up."""
    import contextlib
    import signal

    with contextlib.suppress(ValueError, OSError):  # not the main thread (tests): leave it
        signal.signal(signal.SIGINT, signal.default_int_handler)


def _ignore_interrupts() -> None:
    import contextlib
    import signal

    with contextlib.suppress(ValueError, OSError):  # not the main thread (tests): leave it
        signal.signal(signal.SIGINT, signal.SIG_IGN)


def _interrupted() -> int:
    _ignore_interrupts()  # a second Ctrl-C changes nothing
    _stderr("已中断。档案未被修改（未完成的写入不会留下半个文件）。")
    return int(ExitCode.INTERRUPTED)


def _check_cwd(argv: list[str]) -> None:
    """The current directory must exist (a deleted one fails everywhere, obscurely);
    no argument may hold a NUL character (no path or value can)."""
    import os

    if any("\x00" in a for a in argv):
        from xmgl.errors import UsageError

        raise UsageError(
            "参数中含有空字符（\\0），路径和取值都不能含有它。",
            hint="检查调用 xmgl 的脚本是否把二进制数据当作参数传入。",
        )

    try:
        os.getcwd()
    except OSError:
        from xmgl.errors import FileSystemError

        raise FileSystemError(
            "当前目录已不存在（可能已被删除或移走）。",
            hint="先 cd 到一个存在的目录（如档案目录）再运行 xmgl。",
        ) from None


def _wants_json(argv: list[str]) -> bool:
    for i, arg in enumerate(argv):
        if arg == "--format=json" or (arg == "--format" and argv[i + 1 : i + 2] == ["json"]):
            return True
    return False


def _usage_error(err: Exception) -> XmglError | None:
    """A Click usage error, retold in Chinese; None for anything else."""
    from xmgl.errors import UsageError

    name = type(err).__name__
    if name == "Exit":
        return None
    if name == "NoArgsIsHelpError":  # a group without its subcommand: help was shown
        return UsageError("缺少子命令：请从上面的命令中选一个。")
    if not hasattr(err, "format_message") or name not in {
        "UsageError",
        "BadParameter",
        "MissingParameter",
        "NoSuchOption",
        "BadOptionUsage",
        "BadArgumentUsage",
        "NoArgsIsHelpError",
        "ClickException",
        "FileError",
    }:
        return None
    ctx = getattr(err, "ctx", None)
    command = ctx.command_path if ctx is not None else "xmgl"
    hint = f"运行 “{command} --help” 查看用法。"
    if name == "NoSuchOption":
        message = f"没有这个选项：{err.option_name}"
        if err.possibilities:
            message += f"（是不是想用 {'、'.join(sorted(err.possibilities))}？）"
    elif name == "MissingParameter":
        param = err.param
        what = "/".join(param.opts) if param is not None else "参数"
        if param is not None and param.param_type_name == "argument":
            what = param.metavar or (param.name or "参数").upper()
        message = f"缺少{('参数' if param is None or param.param_type_name == 'argument' else '选项')} {what}。"
    elif name == "BadParameter":
        param = err.param
        what = "/".join(param.opts) if param is not None and param.opts else "参数"
        message = f"{what} 的取值无效：{_zh_click(err.message)}"
    else:
        message = _zh_click(err.format_message())
    return UsageError(message, hint=hint)


def _zh_click(text: str) -> str:
    import re

    replacements = (
        # Click 8 and the Click that Typer >= 0.27 bundles word some of these differently
        (r"No such command '(.+?)'\.", r"没有这个命令：\1。"),
        (r"Got unexpected extra arguments? \((.+)\)", r"多余的参数：\1。"),
        (r"Got unexpected extra argument\(s\) \((.+)\)", r"多余的参数：\1。"),
        (r"'(.+?)' is not one of (.+)\.", r"“\1” 不是可选值之一（可选：\2）。"),
        (r"'(.*?)' is not a valid (?:integer|int)\.", r"“\1” 不是整数。"),
        (r"'(.*?)' is not a valid (?:float|decimal)\.", r"“\1” 不是数字。"),
        (r"'(.*?)' is not a valid boolean\..*", r"“\1” 不是是/否值（可写 true 或 false）。"),
        (r"'(.*?)' does not match the formats? .*", r"“\1” 的格式不对。"),
        (r"Option '(.+?)' requires an argument\.", r"选项 \1 需要一个值。"),
        (r"Option '(.+?)' requires (\d+) arguments\.", r"选项 \1 需要 \2 个值。"),
        (r"Option '(.+?)' does not take a value\.", r"选项 \1 不带值（去掉 “=” 及后面的内容）。"),
        (r"Argument '(.+?)' takes (\d+) values\.", r"参数 \1 需要 \2 个值。"),
        (r"Takes (\d+) values but (\d+) given\.", r"需要 \1 个值，给了 \2 个。"),
        (r"(\d+) values are required, but (\d+) given\.", r"需要 \1 个值，给了 \2 个。"),
        (r"Missing command\.", "缺少命令。"),
        (r"(\S+) is not in the range (\S+)<=x<=(\S+)\.", r"\1 超出允许的范围 \2–\3。"),
        (r"(\S+) is not in the range x<=(\S+)\.", r"\1 超出允许的范围（最大 \2）。"),
        (r"(\S+) is not in the range x>=(\S+)\.", r"\1 超出允许的范围（最小 \2）。"),
        (r"Could not open file '(.+?)': (.+)", r"无法打开文件 “\1”：\2"),
        (r"'(.+?)': (.+)", r"无法打开文件 “\1”：\2"),
    )
    for pattern, repl in replacements:
        text, n = re.subn(pattern, repl, text)
        if n:
            break
    if re.search(ENGLISH_RUN, text):  # a message Click words in a way not listed above
        return f"命令行写法有误（{text}）。"
    return text


ENGLISH_RUN = r"[A-Za-z]{2,}[ ,.]+[A-Za-z]{2,}[ ,.]+[A-Za-z]{2,}"
"""Three English words in a row: what a Chinese message must not be made of."""


def _report(err: XmglError, json_out: bool) -> None:
    problems = err.problems if isinstance(err, DossierError) else []
    if json_out:
        from xmgl.cli.output import print_json

        print_json(
            {
                "error": {
                    "exit_code": int(err.exit_code),
                    "message": err.message,
                    "hint": err.hint,
                    "problems": [p.to_dict() for p in problems],
                }
            }
        )
        return
    from rich.markup import escape

    from xmgl.cli.output import console

    c = console(stderr=True, soft_wrap=True)
    c.print(f"[bold red]错误：[/]{escape(err.message)}")
    for p in problems:
        where = f"[cyan]{escape(p.location())}[/]"
        c.print("  " + where + (f"  [dim]{escape(p.path)}[/]" if p.path else ""))
        c.print(f"    {escape(p.message)}")
        if p.hint:
            c.print(f"    [green]提示：[/]{escape(p.hint)}")
    if err.hint:
        c.print(f"[green]提示：[/]{escape(err.hint)}")


def _stderr(text: str) -> None:
    try:
        sys.stderr.write(text + "\n")
        sys.stderr.flush()
    except (OSError, ValueError):  # stderr gone (closed pipe, full disk): nothing to do
        pass


def _traceback() -> None:
    import traceback

    traceback.print_exc()
