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
from functools import lru_cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from ruamel.yaml.nodes import Node


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
_FIRST_CONTENT = re.compile(rb"^( *)[^ \n#]", re.M)

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
    """``stage.current`` and ``stage.since`` of one version of ``project.yaml``.

    The answer is the loader's (:func:`loader_stage`); the fast path answers only
    where it is provably the same, otherwise the loader decides.
    """
    fast = _fast(data)
    if fast is not None:
        return fast
    return loader_stage(data)


def loader_stage(data: bytes) -> Stage:
    """The stage exactly as ``xmgl validate``/``status``/``advance`` read it.

    Same decoding (UTF-8, a leading BOM dropped, UTF-16 refused), same control
    character check and the same YAML composer (:mod:`xmgl.yamltext`) as the loader;
    a duplicate ``stage`` key, or a duplicate key inside it, is unreadable (the
    loader refuses the file), never "no stage".
    """
    from xmgl.domain.kinds import ILLEGAL as _ILLEGAL
    from xmgl.yamltext import decode

    text, problems = decode(data, "project.yaml")
    if problems or text is None:
        raise StageUnreadable(problems[0].message if problems else "无法解码")
    m = _ILLEGAL.search(text)
    if m is not None:
        raise StageUnreadable(f"含有不允许的控制字符 U+{ord(m.group()):04X}")
    return _from_node(_compose(text))


_prefix_ok: dict[bytes, bool] = {}


def _fast(data: bytes | str) -> Stage | None:
    """The stage, or None for "undecided" (the loader must decide)."""
    if isinstance(data, str):
        data = data.encode("utf-8")
    if data.startswith(b"\xef\xbb\xbf"):  # the loader drops a leading BOM
        data = data[3:]
    if b"\r" in data:
        if b"\r" in data.replace(b"\r\n", b""):
            return None  # a lone CR is a line break to YAML, not to this scanner
        data = data.replace(b"\r\n", b"\n")
    # Line breaks this scanner does not split at (NEL, LS, PS), a BOM or a NUL
    # anywhere in the file: the loader decides.
    if any(seq in data for seq in _UNUSUAL_SEQUENCES) or b"\0" in data:
        return None
    # The first line with content must be a column-0 key: a top-level mapping
    # indented as a whole is read by YAML, not by this scanner.
    first_content = _FIRST_CONTENT.search(data)
    if first_content is not None and first_content.group(1):
        return None
    tops: list[tuple[int, bytes]] = []
    first = data[: data.find(b"\n")] if b"\n" in data else data
    if first and first[:1] not in b" #":
        tops.append((0, first))
    for m in _TOP_LINE.finditer(data):
        tops.append((m.start() + 1, m.group()[1:]))
    stage: list[int] = []
    names: set[bytes] = set()
    for i, (_pos, line) in enumerate(tops):
        key = _TOP_KEY.match(line)
        if key is None or key.group(1) in names:
            return None  # not a plain key, or a duplicate key: the loader refuses
        names.add(key.group(1))
        if key.group(1) == b"stage":
            stage.append(i)
    if len(stage) != 1:
        return None  # no stage key (or several): only the loader may say so
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
    return _from_node(_compose(snippet))


def _full(text: str) -> Stage:
    return loader_stage(text.encode("utf-8"))


def _compose(text: str) -> Node | None:
    from ruamel.yaml.error import YAMLError

    from xmgl.yamltext import compose

    try:
        root: Node | None = compose(text)  # ruamel's compose: the root node, None if empty
    except YAMLError as exc:
        raise StageUnreadable(f"YAML 语法错误：{str(exc).splitlines()[0]}") from None
    except Exception as exc:  # noqa: BLE001 - anything the parser throws means "unreadable"
        raise StageUnreadable(f"无法解析：{type(exc).__name__}") from None
    return root


_STR = "tag:yaml.org,2002:str"
_NULL = "tag:yaml.org,2002:null"


def _mapping_items(node: Node, where: str) -> dict[str, Node]:
    """Keys of a mapping node, as the loader reads them (a duplicate key is refused)."""
    from ruamel.yaml.nodes import MappingNode

    if not isinstance(node, MappingNode):
        raise StageUnreadable(f"{where}不是映射")
    out: dict[str, Node] = {}
    for key, value in node.value:
        name = key.value if key.tag == _STR else None
        if name is None or name == "<<":
            raise StageUnreadable(f"{where}中有不支持的键 “{key.value}”")
        if name in out:
            raise StageUnreadable(f"{where}中的键 “{name}” 重复出现")
        out[name] = value
    return out


def _scalar(node: Node | None, where: str) -> str | None:
    from ruamel.yaml.nodes import ScalarNode

    if node is None:
        return None
    if not isinstance(node, ScalarNode):
        raise StageUnreadable(f"{where} 不是单个值")
    if node.tag == _NULL:
        return None
    tag = node.tag or ""
    if tag.startswith("!") or not tag.startswith("tag:yaml.org,2002:"):
        raise StageUnreadable(f"{where} 带有不支持的标签 {node.tag}")
    return str(node.value)


def _from_node(root: Node | None) -> Stage:
    if root is None:
        return Stage(None, None)
    top = _mapping_items(root, "顶层")
    node = top.get("stage")
    if node is None or getattr(node, "tag", None) == _NULL:
        return Stage(None, None)
    stage = _mapping_items(node, "stage ")
    return Stage(
        _scalar(stage.get("current"), "stage.current"),
        _scalar(stage.get("since"), "stage.since"),
    )
