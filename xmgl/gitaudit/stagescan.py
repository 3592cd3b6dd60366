"""The stage written in a version of ``project.yaml``, fast enough for thousands of versions.

The audit needs ``stage.current`` and ``stage.since`` of every version of
``project.yaml`` in the history, read exactly as the loader reads them
(:func:`loader_stage`): a version the loader refuses — anywhere in the file,
not only in the stage block — has no readable stage. A full parse costs far
too much for 2,000 versions of a file that may grow to 230 kB, so
:func:`read_stage` first tries a fast path that answers only where its answer
is provably the loader's, and leaves everything else to the loader:

1. The file is cut into *units* at lines that start in column 0 (a top-level
   key) and at the entries of top-level block sequences such as ``records``
   (lines that start with ``"- "`` at the indentation the file's first such
   sequence uses: two spaces in the files xmgl writes). YAML's block structure
   ends every construct at such a line, except a quoted scalar or flow
   collection left open — and a unit that leaves one open does not parse.
2. Each unit must be valid UTF-8 without the characters the loader refuses,
   without unusual line breaks, tabs, anchors or aliases, and must parse with
   the loader's first parser in the same context it has in the file (a
   top-level unit alone, a sequence entry as the first entry under a key).
   A top-level unit must be one plain ``key`` that resolves to a string; a
   sequence entry may only follow another entry or a key with nothing after
   its colon. So the whole file parses if and only if every unit does, and
   the top-level keys (unique, exactly one ``stage``) are the loader's.
3. The stage block (up to the next top-level key) is parsed on its own with
   the loader's parser (memoised, as it rarely changes).

Units are judged once per process (by their bytes, so a verdict cannot be
carried over to other content), and a version is compared with the previous
one: only the units that changed between them are looked at, so a 230 kB file
that gained one record costs one small parse. Anything outside these bounds
goes to the full parse, which gives the same answer slowly or says the file
cannot be read. Tests compare both paths on every shape we could think of and
on random ones (hypothesis).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from ruamel.yaml import YAML
    from ruamel.yaml.nodes import Node

_Tops = tuple[tuple[int, bytes], ...]  # a version's top-level keys: (offset, name)


@dataclass(frozen=True)
class Stage:
    current: str | None
    since: str | None  # ISO date as written, or None

    def __str__(self) -> str:
        return f"{self.current}（{self.since or '无日期'}）"


class StageUnreadable(ValueError):
    """The file cannot be read as YAML, so its stage is unknown."""


_KEY = rb"[A-Za-z_][A-Za-z0-9_]*"
_TOP_KEY = re.compile(rb"(" + _KEY + rb"):(?:[ ][^\n]*)?(?:\n|\Z)")
# "key:" with nothing but a comment after the colon: a block sequence may follow
_OPENS = re.compile(rb"" + _KEY + rb":(?: *| +#[^\n]*)\n(?:(?: *| *#[^\n]*)\n)*\Z")
# a top-level key with nothing after its colon, then the first entry of its sequence
_FIRST_SEQUENCE = re.compile(
    rb"(?:\A|\n)" + _KEY + rb":(?: *| +#[^\n]*)\n(?:(?: *| *#[^\n]*)\n)*( {1,8})-[ \n]"
)
_HEAD = re.compile(rb"(?:(?: *| *#[^\n]*)(?:\n|\Z))*\Z")
# tabs, the C0 controls YAML or the loader refuse, an anchor or alias
_REFUSED = re.compile(rb"[\t\x00-\x08\x0b-\x1f\x7f]|(?:^|[ \[{,])[&*]", re.M)
# U+0085, U+2028, U+2029 (line breaks to YAML 1.1) and a byte-order mark, in UTF-8
_UNUSUAL_SEQUENCES = (b"\xc2\x85", b"\xe2\x80\xa8", b"\xe2\x80\xa9", b"\xef\xbb\xbf")

HEAD, TOP, ITEM = 0, 1, 2
_OK, _OPENS_SEQ = 1, 2


def _entry_indent(data: bytes) -> int:
    """The indentation of the entries of the file's first top-level block sequence (or 2)."""
    m = _FIRST_SEQUENCE.search(data)
    return len(m.group(1)) if m else 2


@lru_cache(maxsize=16)
def _boundary(n: int) -> re.Pattern[bytes]:
    """A line break before a unit: column 0 content, or an entry at indentation ``n``."""
    return re.compile(rb"\n(?=[^ \n#]|" + b" " * n + rb"-(?:[ \n]|\Z))")


def _kind(data: bytes, at: int, n: int) -> int | None:
    """What starts at ``at`` (just after a line break, or 0): a unit, or None.

    It depends on the ``n + 2`` bytes from ``at`` only.
    """
    c = data[at : at + 1]
    if c and c not in b" \n#":
        return TOP
    if data.startswith(b" " * n + b"-", at) and data[at + n + 1 : at + n + 2] in (b" ", b"\n", b""):
        return ITEM
    return None


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


# Units already judged (by their bytes): _OK, _OK | _OPENS_SEQ, or 0 (refused).
_units: dict[bytes, int] = {}
_units_size = 0  # bytes held as keys of _units
# The last version the fast path took whole: (its bytes, its top-level keys
# as (offset, name), its entry indentation). The next version is compared with it.
_last: tuple[bytes, _Tops, int] | None = None


def _fast(data: bytes | str) -> Stage | None:
    """The stage, or None for "undecided" (the loader must decide)."""
    global _last
    if isinstance(data, str):
        data = data.encode("utf-8")
    if data.startswith(b"\xef\xbb\xbf"):  # the loader drops a leading BOM
        data = data[3:]
    if b"\r" in data:
        if b"\r" in data.replace(b"\r\n", b""):
            return None  # a lone CR is a line break to YAML, not to this scanner
        data = data.replace(b"\r\n", b"\n")
    n = _entry_indent(data)
    prev = _last
    tops = _changed(data, n, prev[:2]) if prev is not None and prev[2] == n else None
    if tops is None:
        tops = _whole(data, n)
        if tops is None:
            return None
    _last = (data, tops, n)
    names = [name for _pos, name in tops]
    if len(set(names)) != len(names) or names.count(b"stage") != 1:
        return None  # a duplicate key (the loader refuses) or no stage: the loader says so
    i = names.index(b"stage")
    begin = tops[i][0]
    end = tops[i + 1][0] if i + 1 < len(tops) else len(data)
    snippet = data[begin:end]
    if not snippet.endswith(b"\n"):
        snippet += b"\n"
    try:
        return _snippet(snippet.decode("utf-8"))
    except (StageUnreadable, UnicodeDecodeError):
        return None


def _whole(data: bytes, n: int) -> _Tops | None:
    """Judge every unit of ``data``: its top-level keys, or None (undecided)."""
    starts = [m.end() for m in _boundary(n).finditer(data)]
    if _kind(data, 0, n) is not None:
        starts.insert(0, 0)
    if not starts:
        return None
    head = data[: starts[0]]
    if head and not _flags(head, HEAD):
        return None  # content before the first key: not a plain top-level mapping
    return _judge_units(data, starts, len(data), first_checked=False)


def _changed(data: bytes, n: int, prev: tuple[bytes, _Tops]) -> _Tops | None:
    """Judge only the units of ``data`` that differ from the previous version.

    The units before the first difference and after the last one are the
    previous version's (with the same entry indentation ``n``), judged already,
    with the same unit boundaries around them (a boundary depends on the line
    break and the ``n + 2`` bytes after it only). None: judge the whole file instead.
    """
    old, old_tops = prev
    p = _common_prefix(old, data)
    q = _common_suffix(old, data, min(len(old), len(data)) - p)
    u = _boundary_before(data, p - (n + 2), n)
    if u == 0:
        return None
    v = _boundary_after(data, len(data) - q + 1, n)
    starts = [u]
    for m in _boundary(n).finditer(data, u):
        if m.end() >= v:
            break
        starts.append(m.end())
    middle = _judge_units(data, starts, v, first_checked=True)
    if middle is None:
        return None
    if v < len(data) and _kind(data, v, n) == ITEM:
        last = data[starts[-1] : v]
        if not (_kind(data, starts[-1], n) == ITEM or _units.get(last, 0) & _OPENS_SEQ):
            return None
    delta = len(data) - len(old)
    v_old = v - delta
    return (
        tuple(t for t in old_tops if t[0] < u)
        + middle
        + tuple((pos + delta, name) for pos, name in old_tops if pos >= v_old)
    )


def _judge_units(data: bytes, starts: list[int], end: int, *, first_checked: bool) -> _Tops | None:
    """The top-level keys of the units starting at ``starts`` (up to ``end``), or None.

    ``first_checked``: the unit before ``starts[0]`` was judged with the first
    unit already (same bytes around the boundary); otherwise it is the head.
    """
    tops: list[tuple[int, bytes]] = []
    opens = False  # the unit before may be followed by a sequence entry
    for k, start in enumerate(starts):
        stop = starts[k + 1] if k + 1 < len(starts) else end
        unit = data[start:stop]
        kind = TOP if data[start : start + 1] != b" " else ITEM
        flags = _units.get(unit)
        if flags is None:
            flags = _flags(unit, kind)
        if not flags:
            return None
        if kind == ITEM:
            if not (opens or (k == 0 and first_checked)):
                return None  # an entry after content: the loader refuses
            opens = True
        else:
            m = _TOP_KEY.match(unit)
            assert m is not None  # _flags checked it
            tops.append((start, m.group(1)))
            opens = bool(flags & _OPENS_SEQ)
    return tuple(tops)


def _flags(unit: bytes, kind: int) -> int:
    """Judge one unit (memoised by its bytes): 0 if the fast path must step aside."""
    global _units_size
    flags = _judge_unit(unit, kind)
    if len(_units) >= 100_000 or _units_size > 1 << 25:
        _units.clear()
        _units_size = 0
    _units[unit] = flags
    _units_size += len(unit)
    return flags


def _judge_unit(unit: bytes, kind: int) -> int:
    from xmgl.domain.kinds import ILLEGAL

    if _REFUSED.search(unit) or any(seq in unit for seq in _UNUSUAL_SEQUENCES):
        return 0
    try:
        text = unit.decode("utf-8")
    except UnicodeDecodeError:
        return 0
    if ILLEGAL.search(text):
        return 0
    if kind == HEAD:
        return _OK if _HEAD.match(unit) and _parses(text) else 0
    if kind == ITEM:
        # the same context as in the file: an entry of a sequence under a key
        return _OK if _parses("x:\n" + text) else 0
    key = _TOP_KEY.match(unit)
    if key is None:
        return 0  # a document marker, directive, quoted or complex key, sequence ...
    try:
        root = _first_parser().compose(text)
    except Exception:  # noqa: BLE001 - anything the parser throws: the loader decides
        return 0
    items = getattr(root, "value", None)
    if not isinstance(items, list) or len(items) != 1:
        return 0
    name = items[0][0]
    if name.tag != _STR or name.value != key.group(1).decode("ascii"):
        return 0  # e.g. "null:" or "_:" (an int to YAML 1.2): the loader refuses
    return _OK | (_OPENS_SEQ if _OPENS.match(unit) else 0)


def _first_parser() -> YAML:
    """The loader's first parser (libyaml when installed), as :func:`xmgl.yamltext.compose`."""
    from ruamel.yaml import YAML

    return YAML(typ="safe")


@lru_cache(maxsize=1)
def _raw_parser() -> Any:
    parser = _first_parser().Parser
    return parser if hasattr(parser, "raw_parse") else None


def _parses(text: str) -> bool:
    """``text`` parses with the loader's first parser (only the syntax: no anchors here)."""
    parser = _raw_parser()
    try:
        if parser is not None:
            parser(text).raw_parse()
        else:
            _first_parser().compose(text)
    except Exception:  # noqa: BLE001 - anything the parser throws: the loader decides
        return False
    return True


def _common_prefix(a: bytes, b: bytes) -> int:
    n = min(len(a), len(b))
    if a.startswith(b[:n]) if len(b) <= len(a) else b.startswith(a):
        return n
    lo, step = 0, 4096
    while lo + step <= n and a[lo : lo + step] == b[lo : lo + step]:
        lo += step
    hi = min(lo + step, n)  # a difference lies in [lo, hi)
    while hi - lo > 1:
        mid = (lo + hi) // 2
        if a[lo:mid] == b[lo:mid]:
            lo = mid
        else:
            hi = mid
    return lo


def _common_suffix(a: bytes, b: bytes, limit: int) -> int:
    la, lb = len(a), len(b)
    if limit <= 0:
        return 0
    if a[la - limit :] == b[lb - limit :]:
        return limit
    s, step = 0, 4096
    while s + step <= limit and a[la - s - step : la - s] == b[lb - s - step : lb - s]:
        s += step
    lo, hi = s, min(s + step, limit)  # a difference lies in the last (lo, hi] bytes
    while hi - lo > 1:
        mid = (lo + hi) // 2
        if a[la - mid : la - lo] == b[lb - mid : lb - lo]:
            lo = mid
        else:
            hi = mid
    return lo


def _boundary_before(data: bytes, limit: int, n: int) -> int:
    """The last unit start in (0, limit], or 0."""
    i = data.rfind(b"\n", 0, limit) if limit > 0 else -1
    while i >= 0:
        if _kind(data, i + 1, n) is not None:
            return i + 1
        i = data.rfind(b"\n", 0, i)
    return 0


def _boundary_after(data: bytes, start: int, n: int) -> int:
    """The first unit start at or after ``start`` (>= 1), or the end of ``data``."""
    i = data.find(b"\n", start - 1)
    while i >= 0:
        if _kind(data, i + 1, n) is not None:
            return i + 1
        i = data.find(b"\n", i + 1)
    return len(data)


@lru_cache(maxsize=512)
def _snippet(snippet: str) -> Stage:
    return _from_node(_compose(snippet))


def _full(text: str) -> Stage:
    return loader_stage(text.encode("utf-8"))


def _compose(text: str) -> Node | None:
    from ruamel.yaml.error import MarkedYAMLError, YAMLError

    from xmgl.yamltext import compose, explain_yaml_error

    try:
        root: Node | None = compose(text)  # ruamel's compose: the root node, None if empty
    except MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        where = f"第 {mark.line + 1} 行：" if mark else ""
        said = explain_yaml_error(str(exc.problem or exc.context))
        raise StageUnreadable(f"YAML 语法错误（{where}{said}）") from None
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
