"""The stage written in a version of ``project.yaml``, fast enough for thousands of versions.

The audit needs ``stage.current`` and ``stage.since`` of every version of
``project.yaml`` in the history. A full YAML parse costs about 20 ms a file
(pure-Python ruamel), far too slow for 2,000 commits, so :func:`read_stage`
first tries a cheap path that is *exact* on the files it accepts and falls
back to the full parse on anything else:

1. every line that holds a quote or a bracket must be a complete, one-line
   YAML construct (a quoted scalar, a one-line flow collection, or a plain
   scalar that only contains them) — so no line opens a multi-line quoted
   scalar or flow collection, and every line starting in column 0 is
   structure, not the inside of a value;
2. every non-blank, non-comment line in column 0 must be a plain
   ``key:`` — so the top level is a block mapping without anchors, tags,
   merge keys, complex keys or document markers;
3. exactly one of those keys is ``stage``; its block (up to the next
   column-0 key) is parsed on its own with the real YAML parser (memoised, as
   it rarely changes).

Anything outside these bounds — tabs, unusual line breaks, aliases in the stage
block, a line the grammar does not know — goes to the full parse, which gives
the same answer slowly or says the file cannot be read. Tests compare both
paths on every file shape we could think of.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from functools import lru_cache


@dataclass(frozen=True)
class Stage:
    current: str | None
    since: str | None  # ISO date as written, or None

    def __str__(self) -> str:
        return f"{self.current}（{self.since or '无日期'}）"


class StageUnreadable(ValueError):
    """The file cannot be read as YAML, so its stage is unknown."""


_KEY = r"[A-Za-z_][A-Za-z0-9_]*"
_DQ = r'"(?:[^"\\\n]|\\.)*"'
_SQ = r"'(?:[^'\n]|'')*'"
_FPLAIN = r"""[^\s"'\[\]{},:#&*!|>%@`?-](?:[^"'\[\]{},:#\n]*[^\s"'\[\]{},:#])?"""
_FITEM = rf"(?:{_DQ}|{_SQ}|{_FPLAIN})"
_FPAIR = rf"(?:{_KEY} *: +{_FITEM}|{_KEY} *:)"
_FSEQ = rf"\[ *(?:{_FITEM}(?: *, *{_FITEM})* *,?)? *\]"
_FMAP = rf"\{{ *(?:{_FPAIR}(?: *, *{_FPAIR})* *,?)? *\}}"
_BPLAIN = r"""[^\s"'\[\]{}#&*!|>%@`?:,-](?:(?! #)(?!: )[^\n])*?"""
_VALUE = rf"(?:{_DQ}|{_SQ}|{_FSEQ}|{_FMAP}|{_BPLAIN})"
_LINE = re.compile(rf"^ *(?:- +)*(?:{_KEY}:(?: +{_VALUE})?|{_VALUE})?(?: +#.*)?$")
_COMMENT = re.compile(r"^ *#")
_TOP_KEY = re.compile(rf"^({_KEY}):(?:[ ].*)?$")
_HAS_DELIMITER = re.compile(r"[\"'\[\]{}]")
_UNUSUAL = re.compile("[\r\x85\u2028\u2029\x0b\x0c\x1c\x1d\x1e\ufeff\t\x00]")


def read_stage(data: bytes) -> Stage:
    """``stage.current`` and ``stage.since`` of one version of ``project.yaml``."""
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        raise StageUnreadable("不是 UTF-8 文本") from None
    text = text.replace("\r\n", "\n")
    fast = _fast(text)
    if fast is not None:
        return fast
    return _full(text)


_BAD, _OTHER = object(), object()
_kinds: dict[str, object] = {}  # line → _BAD, _OTHER or its top-level key (lines repeat a lot)


def _kind(line: str) -> object:
    kind = _kinds.get(line)
    if kind is not None:
        return kind
    if not line or line[0] in " #":
        kind = _OTHER
    else:
        m = _TOP_KEY.match(line)
        kind = m.group(1) if m else _BAD
    if (
        kind is not _BAD
        and _HAS_DELIMITER.search(line)
        and not _COMMENT.match(line)
        and not _LINE.match(line)
    ):
        kind = _BAD
    if len(_kinds) > 200_000:
        _kinds.clear()
    _kinds[line] = kind
    return kind


def _fast(text: str) -> Stage | None:
    if _UNUSUAL.search(text):
        return None
    lines = text.split("\n")
    tops: list[int] = []
    stage: list[int] = []
    for i, line in enumerate(lines):
        kind = _kind(line)
        if kind is _OTHER:
            continue
        if kind is _BAD:
            return None
        tops.append(i)
        if kind == "stage":
            stage.append(i)
    if len(stage) != 1:
        return None if stage else Stage(None, None)
    begin = stage[0]
    after = [t for t in tops if t > begin]
    end = after[0] if after else len(lines)
    try:
        return _snippet("\n".join(lines[begin:end]) + "\n")
    except StageUnreadable:
        return None


@lru_cache(maxsize=512)
def _snippet(snippet: str) -> Stage:
    return _from_data(_load(snippet))


def _full(text: str) -> Stage:
    return _from_data(_load(text))


def _load(text: str):
    from ruamel.yaml import YAML
    from ruamel.yaml.error import YAMLError

    try:
        return YAML(typ="safe", pure=True).load(text)
    except YAMLError as exc:
        raise StageUnreadable(f"YAML 语法错误：{str(exc).splitlines()[0]}") from None
    except Exception as exc:  # noqa: BLE001 - anything the parser throws means "unreadable"
        raise StageUnreadable(f"无法解析：{type(exc).__name__}") from None


def _from_data(data) -> Stage:
    if data is None:
        return Stage(None, None)
    if not isinstance(data, dict):
        raise StageUnreadable("顶层不是映射")
    stage = data.get("stage")
    if stage is None:
        return Stage(None, None)
    if not isinstance(stage, dict):
        raise StageUnreadable("stage 不是映射")
    current = stage.get("current")
    since = stage.get("since")
    if isinstance(since, date):
        since = since.isoformat()
    return Stage(
        None if current is None else str(current),
        None if since is None else str(since),
    )
