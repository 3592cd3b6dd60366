"""Findings for people: plain text, 80 columns (JSON and SARIF: :mod:`xmgl.validation`).

Plain text is written without Rich on purpose: ``xmgl validate`` runs on every
commit (pre-commit), and not importing Rich's console keeps it quick. Colour is
added only on a terminal and never when ``NO_COLOR`` is set.
"""

from __future__ import annotations

import os
import sys
import unicodedata

WIDTH = 80

SEVERITY_ZH = {"error": "错误", "warning": "警告", "info": "提示"}
_COLOURS = {"error": "31", "warning": "33", "info": "36", "dim": "2", "bold": "1"}


def _width(ch: str) -> int:
    return 2 if unicodedata.east_asian_width(ch) in ("W", "F") else 1


def text_width(text: str) -> int:
    return sum(_width(ch) for ch in text)


def wrap(text: str, indent: int, width: int = WIDTH) -> list[str]:
    """Break ``text`` into lines of at most ``width`` columns (CJK characters are 2 wide).

    Breaks between CJK characters or at spaces; a run of ASCII (a path, a rule id,
    a date) is kept whole unless it alone is wider than the line.
    """
    room = max(width - indent, 20)
    lines: list[str] = []
    line, used = "", 0
    for token in _tokens(text):
        w = text_width(token)
        if used + w > room and line.strip():
            carry = ""
            if token in _NO_LINE_START and len(line.strip()) > 1:
                carry, line = line[-1], line[:-1]  # 禁则: no closing mark at a line's start
            lines.append(line.rstrip())
            token = (carry + token).lstrip(" ")
            w = text_width(token)
            line, used = "", 0
        line += token
        used += w
    if line.strip():
        lines.append(line.rstrip())
    pad = " " * indent
    return [pad + x for x in lines] or [pad]


_NO_LINE_START = set("，。、；：？！）」』”’》〉】,.;:?!)]")


def _tokens(text: str):
    word = ""
    for ch in text:
        if ch.isascii() and not ch.isspace():
            word += ch
            continue
        if word:
            yield word
            word = ""
        yield ch
    if word:
        yield word


class Painter:
    def __init__(self, stream) -> None:
        self.on = (
            hasattr(stream, "isatty")
            and stream.isatty()
            and "NO_COLOR" not in os.environ
            and os.environ.get("TERM") != "dumb"
        )

    def __call__(self, text: str, style: str) -> str:
        if not self.on:
            return text
        return f"\x1b[{_COLOURS[style]}m{text}\x1b[0m"


def render_text(findings, *, header: list[str], stream=None) -> None:
    from xmgl.domain.regulation import TOPICS, article_zh

    out = stream or sys.stdout
    paint = Painter(out)
    lines: list[str] = []
    for h in header:
        lines += wrap(h, 0)
    article = None
    for f in findings:
        if f.article != article:
            article = f.article
            lines.append("")
            title = (
                "档案格式" if article == 0 else f"{article_zh(article)} {TOPICS.get(article, '')}"
            )
            lines.append(paint(title, "bold"))
        sev = str(f.severity)
        lines.append(
            "  " + paint(SEVERITY_ZH[sev], sev) + f" {f.rule}  " + paint(str(f.location), "dim")
        )
        if f.location.path:
            lines += [paint(x, "dim") for x in wrap(f.location.path, 4)]
        lines += wrap(f.message, 4)
        if f.hint:
            lines += wrap("提示：" + f.hint, 4)
    from xmgl.validation import summary

    counts = summary(findings)
    lines.append("")
    if findings:
        lines.append(
            f"共 {counts['error']} 个错误、{counts['warning']} 个警告、{counts['info']} 条提示。"
        )
    else:
        lines.append("未发现问题。")
    out.write("\n".join(lines) + "\n")
    out.flush()
