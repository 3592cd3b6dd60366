"""Read ``project.yaml`` into a :class:`~xmgl.domain.model.Dossier`, or say all that is wrong.

The file is parsed with ruamel.yaml's composer only: no Python object is ever
constructed from the text (nothing unsafe can run), and every scalar keeps its
line and column. Values are then read against the schema by hand, so that one
run reports every problem at once — syntax, encoding, illegal characters,
duplicate and unknown keys, wrong types, impossible dates, ambiguous money,
missing fields, documents missing or outside the dossier — each with
``file:line:column``, the YAML path and a Chinese message that says how to fix
it.
"""

from __future__ import annotations

import difflib
import re
from pathlib import Path

from xmgl.domain.kinds import ILLEGAL as _ILLEGAL
from xmgl.domain.kinds import KINDS, KindError, illegal_character
from xmgl.domain.model import Dossier, Location, Node
from xmgl.domain.schema import (
    FORMAT_VERSION,
    RECORD_KINDS,
    TOP_LEVEL,
    Field,
    record_fields,
)
from xmgl.errors import DossierError, Problem
from xmgl.yamltext import compose as _compose
from xmgl.yamltext import decode, explain_at

PROJECT_FILE = "project.yaml"

_TAG = "tag:yaml.org,2002:"
_STANDARD_TAGS = {"str", "int", "float", "bool", "null", "timestamp", "map", "seq"}
_SHORT = {_TAG + t: t for t in _STANDARD_TAGS}  # full tag -> its name; the standard tags only
_NULL = _TAG + "null"
_STR = _TAG + "str"


def find_root(start: Path) -> Path:
    """The dossier folder: ``start`` or the nearest parent holding ``project.yaml``."""
    start = start.resolve()
    for candidate in (start, *start.parents):
        if (candidate / PROJECT_FILE).is_file():
            return candidate
    raise DossierError(
        f"在 {start} 及其上级目录中找不到项目档案（{PROJECT_FILE}）。",
        hint="用 -C 指定档案目录，或用 “xmgl init 目录” 新建一个档案。",
    )


def load_dossier(root: Path) -> Dossier:
    """Load and check the dossier at ``root``; raise :class:`DossierError` listing every problem."""
    root = Path(root).resolve()
    path = root / PROJECT_FILE
    if not path.is_file():
        raise DossierError(
            f"{root} 不是项目档案：缺少 {PROJECT_FILE}。",
            hint="用 -C 指定档案目录，或用 “xmgl init 目录” 新建一个档案。",
        )
    return load_text(root, path.read_bytes())


def load_text(
    root: Path,
    raw: bytes,
    file: str = PROJECT_FILE,
    *,
    files: frozenset[str] | None = None,
    holidays: bytes | None = None,
) -> Dossier:
    """Load ``raw``; documents and the holiday file are looked up in ``root``.

    With ``files`` — the regular files of a git tree (paths from the dossier's root,
    ``/``-separated), and ``holidays`` the tree's holiday file if it has one — a
    dossier read from a bare repository (xmgl.dossier.gitread), no file system.
    """
    from xmgl.dossier.holidays import read_calendar_bytes, read_dossier_calendar

    reader = _Reader(Path(root), file, files)
    data = reader.read(raw)
    if files is None:
        calendar, holiday_problems = read_dossier_calendar(Path(root))
    else:
        calendar, holiday_problems = read_calendar_bytes(holidays)
    if reader.problems:
        n = len(reader.problems)
        raise DossierError(
            f"{file} 有 {n} 处问题，请逐条修改后再试。", reader.problems + holiday_problems
        )
    if holiday_problems:
        n = len(holiday_problems)
        raise DossierError(
            f"节假日文件 .xmgl/holidays.yaml 有 {n} 处问题，请逐条修改后再试。",
            holiday_problems,
            hint="也可以删去该文件，用 xmgl holidays import 通知.txt 重新导入。",
        )
    return Dossier(root=Path(root), file=file, data=data, calendar=calendar)


def _p(file, line, column, path, message, hint="", code="format") -> Problem:
    return Problem(
        file=file, line=line, column=column, path=path, message=message, hint=hint, code=code
    )


def _unclosed_quote(text: str, before_line: int) -> tuple[int, int, str] | None:
    """The last value opened with a quote not closed on its own line, up to ``before_line``.

    A missing closing quote makes YAML read on into the next lines, so the parser
    stops somewhere below; the place to fix is where the quote was opened.
    """
    found = None
    for number, line in enumerate(text.splitlines()[:before_line], 1):
        m = _QUOTE_OPEN.match(line)
        if not m:
            continue
        quote, rest = m.group("q"), line[m.end() :]
        closed = re.search(r'(?<!\\)"', rest) if quote == '"' else re.search(r"'(?!')", rest)
        if not closed:
            found = (number, m.start("q") + 1, quote)
    return found


_QUOTE_OPEN = re.compile(r"""^\s*(?:-\s+)?(?:[^\s#'"][^#'"]*?:\s+)?(?P<q>["'])""")


class _Reader:
    def __init__(self, root: Path, file: str, files: frozenset[str] | None = None) -> None:
        self.root = root
        self.file = file
        self.files = files
        self.problems: list[Problem] = []
        self._real_root: Path | None = None  # root.resolve(), once for all document paths
        self._record_fields: dict[str, tuple[Field, ...]] = {}  # per record kind, once

    # ------------------------------------------------------------ helpers
    def problem(self, node, path, message, hint="", code="format") -> None:
        line = col = None
        if node is not None:
            line, col = node.start_mark.line + 1, node.start_mark.column + 1
        self.problems.append(_p(self.file, line, col, path, message, hint, code))

    def loc(self, node, path) -> Location:
        return Location(self.file, node.start_mark.line + 1, node.start_mark.column + 1, path)

    # ------------------------------------------------------------ entry
    def read(self, raw: bytes) -> Node:
        empty = Node(TOP_LEVEL, Location(self.file, 1, 1, ""))
        text, problems = decode(raw, self.file)
        if problems:
            self.problems += problems
            return empty
        for lineno, line in enumerate(text.splitlines(), 1):
            for m in _ILLEGAL.finditer(line):
                self.problems.append(
                    _p(
                        self.file,
                        lineno,
                        m.start() + 1,
                        "",
                        f"含有文档中不允许出现的控制字符 U+{ord(m.group()):04X}。",
                        "删除该字符（常见于从网页或 PDF 复制的文字）。",
                        "illegal-character",
                    )
                )
        if self.problems:
            return empty
        from ruamel.yaml.error import MarkedYAMLError, YAMLError

        try:
            root = _compose(text)
        except MarkedYAMLError as exc:
            mark = exc.problem_mark or exc.context_mark
            line = mark.line + 1 if mark else None
            column = mark.column + 1 if mark else None
            message, hint = explain_at(text, line, str(exc.problem or exc.context))
            hint = (
                hint or "对照 docs/dossier-format.md 的示例检查这一行及上一行的缩进、冒号和引号。"
            )
            if message.startswith("锚点 &"):
                hint = "同一文件里锚点名只能定义一次：给其中一个改名，并核对每个 *引用 指向哪一个。"
            quote = _unclosed_quote(text, line) if line else None
            if quote and quote[0] < line:
                line, column = quote[0], quote[1]
                message = f"引号 {quote[2]} 没有闭合（YAML 把后面几行都读成了这个值）"
                hint = f"在这一行的值末尾补上 {quote[2]}。"
            self.problems.append(_p(self.file, line, column, "", message, hint, "yaml-syntax"))
            return empty
        except YAMLError as exc:
            self.problems.append(
                _p(self.file, None, None, "", f"YAML 语法错误：{exc}", code="yaml-syntax")
            )
            return empty
        if self.escaped_illegal(root):
            return empty
        if root is None or (root.tag == _NULL and not root.value):
            self.problems.append(
                _p(
                    self.file,
                    1,
                    1,
                    "",
                    "文件是空的。",
                    "用 “xmgl init” 生成带注释的模板后再填写。",
                    "required",
                )
            )
            return empty
        node = self.mapping(root, TOP_LEVEL, "")
        version = node.get("format_version")
        if version is not None and version != FORMAT_VERSION:
            where = node.where("format_version")
            self.problems.append(
                _p(
                    self.file,
                    where.line,
                    where.column,
                    "format_version",
                    f"此档案是格式版本 {version}，这个 xmgl 只认识版本 {FORMAT_VERSION}。",
                    "升级 xmgl（pip install -U xmgl）后再试。",
                    "format-version",
                )
            )
        return node

    def escaped_illegal(self, root) -> bool:
        """A problem for each key or value that a double-quoted escape ("\\x07",
        "\\ud800") gave a character the text itself may not hold (checked above):
        every kind, every message that quotes the value and every document is safe."""
        from ruamel.yaml.nodes import MappingNode, ScalarNode, SequenceNode

        before = len(self.problems)
        seen, todo = set(), [(root, "")]
        while todo:
            node, path = todo.pop()
            if node is None or id(node) in seen:
                continue
            seen.add(id(node))
            if isinstance(node, ScalarNode):
                bad = illegal_character(node.value) if isinstance(node.value, str) else None
                if bad:
                    self.problem(node, path, bad.message, bad.hint, bad.code)
            elif isinstance(node, MappingNode):
                for key, value in node.value:
                    name = key.value if isinstance(key, ScalarNode) else "?"
                    todo += [(key, path), (value, f"{path}.{name}" if path else str(name))]
            elif isinstance(node, SequenceNode):
                todo += [(item, f"{path}[{i}]") for i, item in enumerate(node.value)]
        found = self.problems[before:]
        found.sort(key=lambda p: (p.line or 0, p.column or 0))  # in the file's order
        self.problems[before:] = found
        return bool(found)

    # ------------------------------------------------------------ mappings
    def mapping(self, mnode, fields: tuple[Field, ...], path: str) -> Node:
        from ruamel.yaml.nodes import MappingNode

        out = Node(fields, self.loc(mnode, path))
        if not isinstance(mnode, MappingNode):
            self.problem(
                mnode,
                path or "<文档>",
                f"这里应该是“键: 值”的映射，这里却是{_shape_zh(mnode)}。",
                "检查缩进：子项要比上一级多缩进两个空格。",
                "type",
            )
            return out
        if self.tag_of(mnode, path) is None:
            return out
        by_name = {f.name: f for f in fields}
        seen: dict[str, object] = {}
        empty: set[str] = set()
        for key_node, value_node in mnode.value:
            key = key_node.value if key_node.tag == _STR else None
            if key is None or key == "<<":
                from ruamel.yaml.nodes import ScalarNode

                what = (
                    f"不支持的键 “{key_node.value}”。"
                    if isinstance(key_node, ScalarNode)
                    else f"键不能是{_shape_zh(key_node)}（YAML 的复杂键 “? …”）。"
                )
                self.problem(
                    key_node,
                    path,
                    what,
                    "键必须是英文小写字母和下划线组成的名称，不要用 YAML 合并（<<）或复杂键。",
                    "unknown-key",
                )
                continue
            sub = f"{path}.{key}" if path else key
            if key in seen:
                first = seen[key]
                self.problem(
                    key_node,
                    sub,
                    f"键 “{key}” 重复出现（第一次在第 {first.start_mark.line + 1} 行）。",
                    "删除或合并其中一处：YAML 中重复的键会让一处内容被悄悄忽略。",
                    "duplicate-key",
                )
                continue
            seen[key] = key_node
            spec = by_name.get(key)
            if spec is None:
                close = difflib.get_close_matches(key, list(by_name), n=1, cutoff=0.6)
                hint = (
                    f"是不是想写 “{close[0]}”？" if close else ("可用的键：" + "、".join(by_name))
                )
                self.problem(key_node, sub, f"未知的键 “{key}”。", hint, "unknown-key")
                continue
            tag = value_node.tag  # a property of ruamel's that computes: read it once
            if tag == _NULL or (isinstance(value_node.value, str) and not value_node.value.strip()):
                empty.add(key)  # null, '', "" or an empty block scalar: no value
            value = self.value(value_node, spec, sub, tag)
            if value is not None:
                out._set(key, value, self.loc(value_node, sub))
            else:
                out._place(key, self.loc(key_node, sub))
        for spec in fields:
            if not spec.required or out.get(spec.name) is not None:
                continue
            sub = f"{path}.{spec.name}" if path else spec.name
            if spec.name not in seen:
                self.problem(
                    mnode,
                    sub,
                    f"缺少必填字段 “{spec.name}”（{spec.zh}）。",
                    _article_hint(spec),
                    "required",
                )
            elif spec.name in empty:
                self.problem(
                    seen[spec.name],
                    sub,
                    f"必填字段 “{spec.name}”（{spec.zh}）为空。",
                    _article_hint(spec),
                    "required",
                )
        return out

    # ------------------------------------------------------------ values
    def value(self, vnode, spec: Field, path: str, tag: str | None = None):
        """The value of ``vnode`` read as ``spec``'s kind (see :mod:`xmgl.domain.kinds`).

        ``tag``: ``vnode.tag`` when the caller has read it already."""
        from ruamel.yaml.nodes import MappingNode, ScalarNode, SequenceNode

        short = self.tag_of(vnode, path, tag)
        if short is None:
            return None
        if isinstance(vnode, ScalarNode) and short == "null":
            return None
        kind = KINDS[spec.kind]
        if kind.shape == "mapping":
            return self.mapping(vnode, spec.fields, path)
        if kind.shape == "sequence":
            if not isinstance(vnode, SequenceNode):
                self.problem(
                    vnode,
                    path,
                    f"“{spec.name}”（{spec.zh}）应该是列表，这里却是{_shape_zh(vnode)}。",
                    "每一项占一行，以 “- ” 开头。",
                    "type",
                )
                return None
            items = []
            for i, item in enumerate(vnode.value):
                sub = f"{path}[{i}]"
                if spec.kind == "records":
                    rec = self.record(item, sub)
                    if rec is not None:
                        items.append(rec)
                elif kind.item is None:
                    items.append(self.mapping(item, spec.fields, sub))
                else:
                    one = Field(spec.name, kind.item, spec.zh, choices=spec.choices)
                    v = self.scalar(item, one, sub)
                    if v is not None:
                        items.append(v)
            if spec.kind == "enums" and len(set(items)) != len(items):
                self.problem(
                    vnode,
                    path,
                    f"“{spec.name}” 中有重复的取值。",
                    "删除重复项。",
                    "duplicate-value",
                )
            return items
        if isinstance(vnode, MappingNode | SequenceNode):
            self.problem(
                vnode,
                path,
                f"“{spec.name}”（{spec.zh}）应该是{kind.zh}，这里却是{_shape_zh(vnode)}。",
                "检查缩进，或把值写在冒号后面的同一行。",
                "type",
            )
            return None
        return self.scalar(vnode, spec, path, short)

    def tag_of(self, node, path: str, tag: str | None = None) -> str | None:
        """The name of ``node``'s standard tag (``str``, ``int`` …; ``tag`` if already read),
        or None after reporting a tag that is not one of them."""
        if tag is None:
            tag = node.tag or ""
        short = _SHORT.get(tag)
        if short is not None:
            return short
        self.problem(
            node,
            path or "<文档>",
            f"不支持的 YAML 标签 “{tag}”。",
            "去掉以 ! 开头的标签，直接写值。",
            "type",
        )
        return None

    def scalar(self, vnode, spec: Field, path: str, tag: str | None = None):
        """``vnode`` read as ``spec``'s scalar kind (``tag``: its tag's name if already known)."""
        from ruamel.yaml.nodes import ScalarNode

        if not isinstance(vnode, ScalarNode):
            self.problem(
                vnode,
                path,
                f"“{spec.name}” 的每一项应该是单个值，这里却是{_shape_zh(vnode)}。",
                code="type",
            )
            return None
        if tag is None:
            tag = self.tag_of(vnode, path)
            if tag is None:
                return None
        if tag == "null":
            return None
        try:
            value = KINDS[spec.kind].convert(spec, vnode.value, tag)
        except KindError as err:
            self.problem(
                vnode, path, f"“{spec.name}”（{spec.zh}）{err.message}", err.hint, err.code
            )
            return None
        if value is not None and spec.kind == "path":
            return self.doc_path(vnode, spec, value, path)
        return value

    def doc_path(self, vnode, spec: Field, value: str, path: str):
        name = f"“{spec.name}”（{spec.zh}）"
        rel = Path(value)
        if self.files is not None:
            return self.tree_path(vnode, name, value, path)
        try:
            target = (self.root / rel).resolve()
            if self._real_root is None:
                self._real_root = self.root.resolve()
            target.relative_to(self._real_root)
            exists = target.is_file()
        except OSError as exc:  # a name too long for the file system, a loop of links…
            self.problem(
                vnode,
                path,
                f"{name}不是可用的文件路径：“{value[:80]}”（{exc.strerror or exc}）。",
                "写档案内文件的相对路径，如 docs/批复.pdf。",
                "path",
            )
            return None
        except ValueError:
            return self.path_outside(vnode, name, value, path)
        if not exists:
            return self.path_missing(vnode, name, value, path)
        return rel.as_posix()

    def path_outside(self, vnode, name: str, value: str, path: str) -> None:
        self.problem(
            vnode,
            path,
            f"{name}指向档案目录以外：“{value}”。",
            "把文件复制到档案目录内（如 docs/），再写相对路径。",
            "path",
        )

    def path_missing(self, vnode, name: str, value: str, path: str) -> None:
        self.problem(
            vnode,
            path,
            f"{name}引用的文件不存在：“{value}”。",
            "检查文件名（含扩展名）和所在目录，或把文件放进档案后提交。",
            "missing-file",
        )

    def tree_path(self, vnode, name: str, value: str, path: str):
        """``doc_path`` against a git tree: the same messages, no file system."""
        import posixpath

        norm = posixpath.normpath(value)
        if norm == ".." or norm.startswith("../"):
            return self.path_outside(vnode, name, value, path)
        if norm not in (self.files or ()):
            return self.path_missing(vnode, name, value, path)
        return Path(value).as_posix()

    # ------------------------------------------------------------ records
    def record(self, item, path: str) -> Node | None:
        from ruamel.yaml.nodes import MappingNode, ScalarNode

        if not isinstance(item, MappingNode):
            self.problem(
                item,
                path,
                "每条记录应该是“键: 值”的映射。",
                "以 “- kind: …” 开始一条记录。",
                "type",
            )
            return None
        kind_node = next((v for k, v in item.value if k.value == "kind"), None)
        if kind_node is None or not isinstance(kind_node, ScalarNode):
            self.problem(
                item,
                f"{path}.kind",
                "记录缺少 “kind”（记录类型）。",
                "可用的类型：" + "、".join(RECORD_KINDS),
                "required",
            )
            return None
        kind = kind_node.value
        if kind not in RECORD_KINDS:
            close = difflib.get_close_matches(kind, list(RECORD_KINDS), n=1, cutoff=0.6)
            hint = (
                f"是不是想写 “{close[0]}”？" if close else "可用的类型：" + "、".join(RECORD_KINDS)
            )
            self.problem(
                kind_node, f"{path}.kind", f"未知的记录类型 “{kind}”。", hint, "unknown-key"
            )
            return None
        fields = self._record_fields.get(kind)
        if fields is None:
            fields = self._record_fields[kind] = record_fields(kind)
        rec = self.mapping(item, fields, path)
        if rec.get("date") is None:
            return None  # reported as missing; a record without a date cannot be ordered
        return rec


def _shape_zh(node) -> str:
    from ruamel.yaml.nodes import MappingNode, SequenceNode

    if isinstance(node, MappingNode):
        return "映射（键: 值）"
    if isinstance(node, SequenceNode):
        return "列表"
    return f"单个值 “{node.value}”"


def _article_hint(spec: Field) -> str:
    base = f"参见 docs/dossier-format.md 中的 “{spec.name}”"
    return base + (f"（{spec.article}）。" if spec.article else "。")
