"""The stage written in a version of ``project.yaml``, fast enough for thousands of versions.

The audit needs ``stage.current`` and ``stage.since`` of every version of
``project.yaml`` in the history. A full YAML parse costs about 20 ms a file
(pure-Python ruamel), far too slow for 2,000 commits, so :func:`read_stage`
first tries a cheap path that is *exact* on the files it accepts and falls
back to the full parse on anything else:

1. every non-blank, non-comment line in column 0 must be a plain ``key:``
   — so the top level is a block mapping without anchors, tags, merge keys,
   complex keys or document markers — and exactly one of them is ``stage``;
2. every line from the start of the file to the end of the stage block must
   be valid UTF-8 without unusual line breaks, and a line that holds a quote
   or a bracket must be a complete, one-line YAML construct (a quoted scalar,
   a one-line flow collection, or a plain scalar that only contains them) —
   so nothing before or in the stage block opens a multi-line quoted scalar or
   flow collection, and every column-0 line up to there is structure;
3. the stage block (up to the next column-0 key) is parsed on its own with
   the real YAML parser (memoised, as it rarely changes).

What follows the stage block cannot change how the lines before it are read;
any column-0 ``stage:`` there (real or inside a multi-line value) sends the
file to the full parse. The fast path does not check that the rest of the
file is valid YAML — ``xmgl validate`` does; the audit only needs the stage.

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


_KEY = rb"[A-Za-z_][A-Za-z0-9_]*"
_DQ = rb'"(?:[^"\\\n]|\\.)*"'
_SQ = rb"'(?:[^'\n]|'')*'"
_FPLAIN = rb"""[^\s"'\[\]{},:#&*!|>%@`?-](?:[^"'\[\]{},:#\n]*[^\s"'\[\]{},:#])?"""
_FITEM = rb"(?:" + _DQ + rb"|" + _SQ + rb"|" + _FPLAIN + rb")"
_FPAIR = rb"(?:" + _KEY + rb" *: +" + _FITEM + rb"|" + _KEY + rb" *:)"
_FSEQ = rb"\[ *(?:" + _FITEM + rb"(?: *, *" + _FITEM + rb")* *,?)? *\]"
_FMAP = rb"\{ *(?:" + _FPAIR + rb"(?: *, *" + _FPAIR + rb")* *,?)? *\}"
_BPLAIN = rb"""[^\s"'\[\]{}#&*!|>%@`?:,-](?:(?! #)(?!: )[^\n])*?"""
_VALUE = rb"(?:" + b"|".join((_DQ, _SQ, _FSEQ, _FMAP, _BPLAIN)) + rb")"
_LINE = re.compile(
    rb"^ *(?:- +)*(?:" + _KEY + rb":(?: +" + _VALUE + rb")?|" + _VALUE + rb")?(?: +#.*)?$"
)
_COMMENT = re.compile(rb"^ *#")
_TOP_KEY = re.compile(rb"^(" + _KEY + rb"):(?:[ ].*)?$")
_DELIMITER = re.compile(rb"[\"'\[\]{}]")
_UNUSUAL = re.compile(rb"[\r\x0b\x0c\x1c-\x1e\t\x00]")
# U+0085, U+2028, U+2029 (line breaks to YAML 1.1) and a byte-order mark, in UTF-8
_UNUSUAL_SEQUENCES = (b"\xc2\x85", b"\xe2\x80\xa8", b"\xe2\x80\xa9", b"\xef\xbb\xbf")
_TOP_LINE = re.compile(rb"\n[^ \n#][^\n]*")

# Lines already shown to be harmless (no quote or bracket, or a complete one-line
# construct). Versions of one file share almost all their lines, so after the
# first version only the few new lines are looked at; the set test runs in C.
_known_good: set[bytes] = set()


def _line_ok(line: bytes) -> bool:
    """Valid UTF-8, no unusual break or BOM, and no quote or bracket left open."""
    try:
        line.decode("utf-8")
    except UnicodeDecodeError:
        return False
    if _UNUSUAL.search(line) or any(seq in line for seq in _UNUSUAL_SEQUENCES):
        return False
    return not _DELIMITER.search(line) or bool(_COMMENT.match(line) or _LINE.match(line))


def read_stage(data: bytes) -> Stage:
    """``stage.current`` and ``stage.since`` of one version of ``project.yaml``."""
    if b"\r\n" in data:
        data = data.replace(b"\r\n", b"\n")
    fast = _fast(data)
    if fast is not None:
        return fast
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        raise StageUnreadable("不是 UTF-8 文本") from None
    return _full(text)


_prefix_ok: dict[bytes, bool] = {}


def _fast(data: bytes | str) -> Stage | None:
    if isinstance(data, str):
        data = data.encode("utf-8")
    tops: list[tuple[int, bytes]] = []
    first = data[: data.find(b"\n")] if b"\n" in data else data
    if first and first[:1] not in b" #":
        tops.append((0, first))
    for m in _TOP_LINE.finditer(data):
        tops.append((m.start() + 1, m.group()[1:]))
    stage: list[int] = []
    for i, (_pos, line) in enumerate(tops):
        m = _TOP_KEY.match(line)
        if m is None:
            return None
        if m.group(1) == b"stage":
            stage.append(i)
    if len(stage) != 1:
        return None if stage else Stage(None, None)
    i = stage[0]
    begin = tops[i][0]
    end = tops[i + 1][0] if i + 1 < len(tops) else len(data)
    if not _prefix_fine(data[:end]):
        return None
    snippet = data[begin:end]
    if not snippet.endswith(b"\n"):
        snippet += b"\n"
    try:
        return _snippet(snippet.decode("utf-8"))
    except (StageUnreadable, UnicodeDecodeError):
        return None


def _prefix_fine(prefix: bytes) -> bool:
    """Every line up to the end of the stage block is harmless (cached: it rarely changes)."""
    known = _prefix_ok.get(prefix)
    if known is None:
        lines = prefix.split(b"\n")
        known = True
        if not _known_good.issuperset(lines):
            for line in set(lines).difference(_known_good):
                if not _line_ok(line):
                    known = False
                    break
            else:
                if len(_known_good) > 500_000:
                    _known_good.clear()
                _known_good.update(lines)
        if len(_prefix_ok) > 10_000:
            _prefix_ok.clear()
        _prefix_ok[prefix] = known
    return known


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
