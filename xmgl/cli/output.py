"""Where output goes: Rich consoles for people, JSON for scripts."""

from __future__ import annotations

import sys

WIDTH = 80

LOCALE_NOTE = (
    "xmgl: 终端编码为 {enc}，不能显示的字符已替换为 “?”。"
    "请使用 UTF-8：Linux 上 export LANG=zh_CN.UTF-8（或 LC_ALL=C.UTF-8），"
    "Windows 上先运行 chcp 65001，或设置 PYTHONIOENCODING=utf-8。\n"
    "xmgl: the terminal encoding {enc} cannot show some characters; they were replaced "
    "by '?'. Set a UTF-8 locale: export LANG=zh_CN.UTF-8 (Windows: chcp 65001).\n"
)


def _encoding(stream) -> str:
    import codecs

    try:
        return codecs.lookup(getattr(stream, "encoding", None) or "utf-8").name
    except LookupError:
        return "unknown"


def prepare_streams() -> None:
    """Make stdout and stderr unable to fail on a character they cannot encode.

    An ASCII stream that only comes from the C/POSIX locale is switched to UTF-8
    (what Python's UTF-8 mode does); an encoding the user chose (PYTHONIOENCODING,
    a GBK console) is kept, with characters it cannot show replaced. Either way the
    first character replaced prints, once, how to set a UTF-8 locale.
    """
    import os

    _noted.clear()
    for name in ("stdout", "stderr"):
        stream = getattr(sys, name)
        enc = _encoding(stream)
        if enc == "utf-8" or not hasattr(stream, "reconfigure"):
            continue
        chosen = os.environ.get("PYTHONIOENCODING", "").split(":")[0].strip()
        try:
            if enc == "ascii" and not chosen:
                stream.reconfigure(encoding="utf-8", errors="replace")
            else:
                stream.reconfigure(errors="replace")
                _watch(name, stream, enc)
        except (ValueError, OSError):  # a stream that cannot change any more: leave it
            continue


_noted: list[bool] = []


def _watch(name: str, stream, enc: str) -> None:
    setattr(sys, name, _NotingStream(stream, enc))


class _NotingStream:
    """A text stream that forwards everything and notes once when it must replace."""

    def __init__(self, inner, enc: str) -> None:
        self._inner = inner
        self._enc = enc

    def write(self, text: str) -> int:
        if not _noted:
            try:
                text.encode(self._enc)
            except UnicodeEncodeError:
                _noted.append(True)
                note = LOCALE_NOTE.format(enc=self._enc)
                try:
                    sys.stderr.write(note)
                    sys.stderr.flush()
                except (OSError, ValueError):
                    pass
        return self._inner.write(text)

    def __getattr__(self, name):
        return getattr(self._inner, name)


def console(stderr: bool = False, soft_wrap: bool = False):
    """A Rich console no wider than 80 columns (the terminal's width when narrower).

    ``soft_wrap=True`` leaves long lines to the terminal, so a path or a
    command in a message is never broken in two.
    """
    from rich.console import Console

    c = Console(stderr=stderr, highlight=False, soft_wrap=soft_wrap)
    if c.width > WIDTH:
        c.width = WIDTH
    return c


def echo(text: str) -> None:
    """Plain text on stdout, through the stream prepared by :func:`prepare_streams`.

    (``typer.echo`` would rewrap an ASCII stream's bytes as UTF-8 behind its back.)
    """
    sys.stdout.write(text + "\n")
    sys.stdout.flush()


def print_json(data) -> None:
    """JSON on stdout; \\u escapes instead of characters the stream cannot encode."""
    from xmgl.jsonio import dumps  # not at the top: text output (validate's) needs no json

    text = dumps(data)
    if _encoding(sys.stdout) not in ("utf-8", "utf-16", "utf-32", "gb18030"):
        text = dumps(data, ascii=True)
    sys.stdout.write(text + "\n")
    sys.stdout.flush()


def after_write(done: str, show) -> None:
    """Show the result of a command that has already written; never fail because of it.

    Once ``project.yaml`` is written or the signed commit made, the command has
    succeeded: a terminal that cannot show its output (an ASCII or GBK console,
    stdout closed or on a full disk) must not turn that into a failure — a
    retry would add the record twice. ``show`` prints; if it (or flushing
    stdout) fails, stdout is pointed at the null device (so the exit flush
    cannot fail either) and ``done`` is said once on stderr, as best it can be.
    """
    try:
        show()
        sys.stdout.flush()
    except Exception as err:  # noqa: BLE001 - nothing after the write may fail the command
        _silence_stdout()
        _best_effort_stderr(f"{done}（结果无法在此终端显示：{type(err).__name__}）")


def _silence_stdout() -> None:
    import os

    try:
        fd = sys.stdout.fileno()
    except (AttributeError, OSError, ValueError):
        fd = None
    try:
        null = os.open(os.devnull, os.O_WRONLY)
        if fd is not None:
            os.dup2(null, fd)  # what is still buffered goes nowhere, without an error
        os.close(null)
    except OSError:
        pass


def _best_effort_stderr(text: str) -> None:
    stream = sys.stderr
    try:
        buffer = getattr(stream, "buffer", None)
        if buffer is not None:
            encoding = getattr(stream, "encoding", None) or "utf-8"
            stream.flush()
            buffer.write((text + "\n").encode(encoding, "backslashreplace"))
            buffer.flush()
        else:
            stream.write(text + "\n")
            stream.flush()
    except Exception:  # noqa: BLE001 - stderr unusable too: the exit code still says success
        pass
