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
from datetime import date
from pathlib import Path

from xmgl.domain.model import Dossier, Location, Node
from xmgl.domain.money import MoneyError, parse_money
from xmgl.domain.schema import (
    FORMAT_VERSION,
    RECORD_KINDS,
    TOP_LEVEL,
    Field,
    record_fields,
)
from xmgl.errors import DossierError, Problem

PROJECT_FILE = "project.yaml"

_TAG = "tag:yaml.org,2002:"
_STANDARD_TAGS = {"str", "int", "float", "bool", "null", "timestamp", "map", "seq"}
_DATE = re.compile(r"^(\d{4})-(\d{2})-(\d{2})$")
# characters XML 1.0 forbids; they would break every generated document
_ILLEGAL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")

_KIND_ZH = {
    "str": "一行文字",
    "text": "文字",
    "int": "整数",
    "bool": "true 或 false",
    "date": "日期（YYYY-MM-DD）",
    "money": "金额",
    "path": "档案内的文件路径",
    "enum": "规定的取值之一",
    "enums": "列表",
    "strs": "列表",
    "section": "映射（键: 值）",
    "list": "列表",
    "records": "列表",
}


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
    root: Path, raw: bytes, file: str = PROJECT_FILE, *, files: frozenset[str] | None = None
) -> Dossier:
    """Load ``raw``; documents are looked up in ``root``, or in ``files`` when given.

    ``files`` is the set of regular files of a git tree (paths from the dossier's
    root, ``/``-separated): a dossier read from a bare repository (xmgl.dossier.gitread).
    """
    reader = _Reader(Path(root), file, files)
    data = reader.read(raw)
    if reader.problems:
        n = len(reader.problems)
        raise DossierError(f"{file} 有 {n} 处问题，请逐条修改后再试。", reader.problems)
    return Dossier(root=Path(root), file=file, data=data)


def decode(raw: bytes, file: str) -> tuple[str | None, list[Problem]]:
    """UTF-8 text, or a problem that says what the bytes look like instead."""
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        return None, [
            _p(
                file,
                1,
                1,
                "",
                "文件是 UTF-16 编码，xmgl 只读 UTF-8。",
                "在编辑器中“另存为 UTF-8”后再试。",
                "encoding",
            )
        ]
    if raw.startswith(b"\xef\xbb\xbf"):
        raw = raw[3:]
    try:
        return raw.decode("utf-8"), []
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        column = exc.start - (raw.rfind(b"\n", 0, exc.start) + 1) + 1
        looks = ""
        try:
            raw.decode("gb18030")
            looks = "，看起来是 GBK/GB18030 编码（Windows 中文系统的默认编码）"
        except UnicodeDecodeError:
            pass
        return None, [
            _p(
                file,
                line,
                column,
                "",
                f"文件不是 UTF-8 编码{looks}。",
                "用编辑器把文件“另存为 UTF-8（无 BOM）”后再试。",
                "encoding",
            )
        ]


def _p(file, line, column, path, message, hint="", code="format") -> Problem:
    return Problem(
        file=file, line=line, column=column, path=path, message=message, hint=hint, code=code
    )


def _compose(text: str):
    """The YAML node tree of ``text``, with every scalar's line and column.

    With ``ruamel.yaml.clib`` installed this uses libyaml (about six times faster on
    a dossier: ``xmgl validate`` runs on every commit); its node tree and marks are
    the same as the pure-Python parser's. On a syntax error the text is parsed again
    in pure Python, so that the problem reported (and translated below) is always
    worded the same way whichever parser is installed.
    """
    from ruamel.yaml import YAML
    from ruamel.yaml.error import YAMLError

    try:
        return YAML(typ="safe").compose(text)
    except YAMLError:
        return YAML(typ="safe", pure=True).compose(text)


def _translate_yaml_error(problem: str) -> str:
    table = (
        (
            "mapping values are not allowed",
            "这里不能出现冒号映射：多半是缩进不对，或值里的冒号需要加引号",
        ),
        ("could not find expected ':'", "缺少冒号“:”"),
        ("found character '\\t'", "YAML 不能用 Tab 缩进，请改用空格"),
        ("expected <block end>", "缩进不一致"),
        ("found undefined alias", "引用了未定义的锚点"),
        ("while scanning a quoted scalar", "引号没有闭合"),
        ("found unexpected end of stream", "引号没有闭合或文件意外结束"),
        ("while parsing a flow", "方括号或花括号没有闭合"),
        ("found unknown escape character", "双引号字符串里有无法识别的转义符"),
        ("expected a comment or a line break", "值的后面有多余的内容"),
    )
    for english, chinese in table:
        if english in problem:
            return chinese
    return f"YAML 语法错误（{problem}）"


class _Reader:
    def __init__(self, root: Path, file: str, files: frozenset[str] | None = None) -> None:
        self.root = root
        self.file = file
        self.files = files
        self.problems: list[Problem] = []

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
            self.problems.append(
                _p(
                    self.file,
                    mark.line + 1 if mark else None,
                    mark.column + 1 if mark else None,
                    "",
                    _translate_yaml_error(str(exc.problem or exc.context)),
                    "对照 docs/dossier-format.md 的示例检查这一行及上一行的缩进、冒号和引号。",
                    "yaml-syntax",
                )
            )
            return empty
        except YAMLError as exc:
            self.problems.append(
                _p(self.file, None, None, "", f"YAML 语法错误：{exc}", code="yaml-syntax")
            )
            return empty
        if root is None:
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

    # ------------------------------------------------------------ mappings
    def mapping(self, mnode, fields: tuple[Field, ...], path: str) -> Node:
        from ruamel.yaml.nodes import MappingNode

        out = Node(fields, self.loc(mnode, path))
        if not isinstance(mnode, MappingNode):
            self.problem(
                mnode,
                path or "<文档>",
                "这里应该是“键: 值”的映射。",
                "检查缩进：子项要比上一级多缩进两个空格。",
                "type",
            )
            return out
        by_name = {f.name: f for f in fields}
        seen: dict[str, object] = {}
        empty: set[str] = set()
        for key_node, value_node in mnode.value:
            key = key_node.value if key_node.tag == _TAG + "str" else None
            if key is None or key == "<<":
                self.problem(
                    key_node,
                    path,
                    f"不支持的键 “{key_node.value}”。",
                    "键必须是英文小写字母和下划线组成的名称，不要用 YAML 合并（<<）。",
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
            if value_node.tag == _TAG + "null":
                empty.add(key)
            value = self.value(value_node, spec, sub)
            if value is not None:
                out._set(key, value, self.loc(value_node, sub))
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
    def value(self, vnode, spec: Field, path: str):
        from ruamel.yaml.nodes import MappingNode, ScalarNode, SequenceNode

        if vnode.tag.removeprefix(_TAG) not in _STANDARD_TAGS:
            self.problem(
                vnode, path, f"不支持的 YAML 标签 “{vnode.tag}”。", "去掉以 ! 开头的标签。", "type"
            )
            return None
        if isinstance(vnode, ScalarNode) and vnode.tag == _TAG + "null":
            return None
        kind = spec.kind
        if kind == "section":
            return self.mapping(vnode, spec.fields, path)
        if kind in ("list", "records", "enums", "strs"):
            if not isinstance(vnode, SequenceNode):
                self.problem(
                    vnode,
                    path,
                    f"“{spec.name}”（{spec.zh}）应该是列表。",
                    "每一项占一行，以 “- ” 开头。",
                    "type",
                )
                return None
            items = []
            for i, item in enumerate(vnode.value):
                sub = f"{path}[{i}]"
                if kind == "list":
                    items.append(self.mapping(item, spec.fields, sub))
                elif kind == "records":
                    rec = self.record(item, sub)
                    if rec is not None:
                        items.append(rec)
                else:
                    one = Field(
                        spec.name,
                        "enum" if kind == "enums" else "str",
                        spec.zh,
                        choices=spec.choices,
                    )
                    v = self.scalar(item, one, sub)
                    if v is not None:
                        items.append(v)
            if kind == "enums" and len(set(items)) != len(items):
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
                f"“{spec.name}”（{spec.zh}）应该是{_KIND_ZH[kind]}，这里却是"
                f"{'映射' if isinstance(vnode, MappingNode) else '列表'}。",
                "检查缩进，或把值写在冒号后面的同一行。",
                "type",
            )
            return None
        return self.scalar(vnode, spec, path)

    def scalar(self, vnode, spec: Field, path: str):
        from ruamel.yaml.nodes import ScalarNode

        if not isinstance(vnode, ScalarNode):
            self.problem(vnode, path, f"“{spec.name}” 的每一项应该是单个值。", code="type")
            return None
        tag = vnode.tag.removeprefix(_TAG) if vnode.tag.startswith(_TAG) else vnode.tag
        text = vnode.value
        if tag not in ("str", "int", "float", "bool", "timestamp", "null"):
            self.problem(
                vnode, path, f"不支持的 YAML 标签 “{vnode.tag}”。", "去掉以 ! 开头的标签。", "type"
            )
            return None
        if tag == "null":
            return None
        kind = spec.kind
        name = f"“{spec.name}”（{spec.zh}）"
        if kind in ("str", "text", "enum", "path"):
            value = text.strip() if kind != "text" else text
            if _ILLEGAL.search(value):
                ch = _ILLEGAL.search(value).group()
                self.problem(
                    vnode,
                    path,
                    f"{name}含有文档中不允许出现的控制字符 U+{ord(ch):04X}。",
                    "删除该字符（双引号字符串中的 \\x.. 转义也会产生它）。",
                    "illegal-character",
                )
                return None
            if kind == "str" and "\n" in value.strip():
                self.problem(vnode, path, f"{name}应该是一行文字。", "把换行去掉。", "type")
                return None
            if not value.strip():
                return None
            if kind == "enum":
                return self.enum(vnode, spec, value, path)
            if kind == "path":
                return self.doc_path(vnode, spec, value, path)
            return value
        if kind == "int":
            if tag != "int":
                self.problem(
                    vnode, path, f"{name}应该是整数，这里是 “{text}”。", _range_hint(spec), "type"
                )
                return None
            number = (
                int(text.replace("_", ""), 0)
                if text.startswith("0x")
                else int(text.replace("_", ""))
            )
            if (spec.minimum is not None and number < spec.minimum) or (
                spec.maximum is not None and number > spec.maximum
            ):
                self.problem(
                    vnode, path, f"{name}的值 {number} 超出范围。", _range_hint(spec), "range"
                )
                return None
            return number
        if kind == "bool":
            if tag != "bool":
                self.problem(
                    vnode,
                    path,
                    f"{name}应该是 true 或 false，这里是 “{text}”。",
                    "写 true（是）或 false（否），不要加引号。",
                    "type",
                )
                return None
            return text.lower() == "true"
        if kind == "date":
            return self.date(vnode, spec, text, path)
        if kind == "money":
            if tag == "float" or tag == "int" or tag == "str":
                value = (
                    text
                    if tag == "str"
                    else (int(text.replace("_", "")) if tag == "int" else float(text))
                )
                try:
                    return parse_money(value)
                except MoneyError as exc:
                    self.problem(vnode, path, f"{name}：{exc}", "", "money")
                    return None
            self.problem(
                vnode,
                path,
                f"{name}应该是金额，这里是 “{text}”。",
                '写整数元（1850000）或带单位（"185万元"）。',
                "money",
            )
            return None
        raise AssertionError(f"unknown field kind {kind}")  # pragma: no cover

    def enum(self, vnode, spec: Field, value: str, path: str):
        if spec.choices and value not in spec.choices:
            close = difflib.get_close_matches(value, spec.choices, n=1, cutoff=0.5)
            hint = (
                (f"是不是想写 “{close[0]}”？" if close else "") + "可选：" + "、".join(spec.choices)
            )
            self.problem(vnode, path, f"“{spec.name}”（{spec.zh}）不能取 “{value}”。", hint, "enum")
            return None
        return value

    def date(self, vnode, spec: Field, text: str, path: str):
        name = f"“{spec.name}”（{spec.zh}）"
        m = _DATE.match(text.strip())
        if not m:
            self.problem(
                vnode,
                path,
                f"{name}应该是 YYYY-MM-DD 格式的日期，这里是 “{text}”。",
                "例如 2025-06-30；月、日不足两位时补 0。",
                "date",
            )
            return None
        year, month, day = (int(g) for g in m.groups())
        try:
            return date(year, month, day)
        except ValueError:
            if 1 <= month <= 12:
                import calendar

                last = calendar.monthrange(year, month)[1]
                why = f"{year}年{month}月只有{last}天"
            else:
                why = "月份必须在 1 到 12 之间"
            self.problem(
                vnode,
                path,
                f"{name}是不存在的日期 “{text}”：{why}。",
                "核对原始文件上的日期。",
                "date",
            )
            return None

    def doc_path(self, vnode, spec: Field, value: str, path: str):
        name = f"“{spec.name}”（{spec.zh}）"
        rel = Path(value)
        if rel.is_absolute() or re.match(r"^[A-Za-z]:[\\/]", value):
            self.problem(
                vnode,
                path,
                f"{name}写成了绝对路径 “{value}”。",
                "文件要放在档案目录内，并写相对于档案根目录的路径，如 docs/批复.pdf。",
                "path",
            )
            return None
        if self.files is not None:
            return self.tree_path(vnode, name, value, path)
        target = (self.root / rel).resolve()
        try:
            target.relative_to(self.root.resolve())
        except ValueError:
            self.problem(
                vnode,
                path,
                f"{name}指向档案目录以外：“{value}”。",
                "把文件复制到档案目录内（如 docs/），再写相对路径。",
                "path",
            )
            return None
        if not target.is_file():
            self.problem(
                vnode,
                path,
                f"{name}引用的文件不存在：“{value}”。",
                "检查文件名（含扩展名）和所在目录，或把文件放进档案后提交。",
                "missing-file",
            )
            return None
        return rel.as_posix()

    def tree_path(self, vnode, name: str, value: str, path: str):
        """``doc_path`` against a git tree: the same messages, no file system."""
        import posixpath

        norm = posixpath.normpath(value)
        if norm == ".." or norm.startswith("../"):
            self.problem(
                vnode,
                path,
                f"{name}指向档案目录以外：“{value}”。",
                "把文件复制到档案目录内（如 docs/），再写相对路径。",
                "path",
            )
            return None
        if norm not in (self.files or ()):
            self.problem(
                vnode,
                path,
                f"{name}引用的文件不存在：“{value}”。",
                "检查文件名（含扩展名）和所在目录，或把文件放进档案后提交。",
                "missing-file",
            )
            return None
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
        rec = self.mapping(item, record_fields(kind), path)
        if rec.get("date") is None:
            return None  # reported as missing; a record without a date cannot be ordered
        return rec


def _article_hint(spec: Field) -> str:
    base = f"参见 docs/dossier-format.md 中的 “{spec.name}”"
    return base + (f"（{spec.article}）。" if spec.article else "。")


def _range_hint(spec: Field) -> str:
    if spec.minimum is not None and spec.maximum is not None:
        return f"取值范围 {spec.minimum}–{spec.maximum}，不要加引号。"
    return "写阿拉伯数字，不要加引号。"
