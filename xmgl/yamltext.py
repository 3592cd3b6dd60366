"""Reading a YAML file's text the way the loader does: bytes to text, text to nodes.

Shared by :mod:`xmgl.dossier.loader` (which checks the whole dossier) and
:mod:`xmgl.gitaudit.stagescan` (which reads only the stage of thousands of
versions), so that both decode and parse every version the same way.
"""

from __future__ import annotations

from xmgl.errors import Problem


def _p(file, line, column, path, message, hint="", code="format") -> Problem:
    return Problem(
        file=file, line=line, column=column, path=path, message=message, hint=hint, code=code
    )


def decode(raw: bytes, file: str) -> tuple[str | None, list[Problem]]:
    """UTF-8 text, or a problem that says what the bytes look like instead."""
    wide = _wide_encoding(raw)
    if wide:
        return None, [
            _p(
                file,
                1,
                1,
                "",
                f"文件是 {wide} 编码，xmgl 只读 UTF-8。",
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


def _wide_encoding(raw: bytes) -> str | None:
    """ "UTF-32" or "UTF-16" when the bytes are one of those (with or without a BOM)."""
    if raw.startswith((b"\xff\xfe\x00\x00", b"\x00\x00\xfe\xff")):
        return "UTF-32"
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        return "UTF-16"
    if b"\x00" in raw[:4096]:  # UTF-8 text never holds NUL bytes; wide encodings do
        for name, codecs in (
            ("UTF-32", ("utf-32-le", "utf-32-be")),
            ("UTF-16", ("utf-16-le", "utf-16-be")),
        ):
            for codec in codecs:
                try:
                    text = raw.decode(codec)
                except UnicodeDecodeError:
                    continue
                if "\x00" not in text:
                    return name
    return None


def compose(text: str):
    """The YAML node tree of ``text``, with every scalar's line and column.

    With ``ruamel.yaml.clib`` installed this uses libyaml (about six times faster on
    a dossier: ``xmgl validate`` runs on every commit); its node tree and marks are
    the same as the pure-Python parser's. On a syntax error the text is parsed again
    in pure Python, so that the problem reported (and translated below) is always
    worded the same way whichever parser is installed.
    """
    import warnings

    from ruamel.yaml import YAML
    from ruamel.yaml.error import ReusedAnchorWarning, YAMLError
    from ruamel.yaml.parser import Parser

    with warnings.catch_warnings():
        # a reused anchor is a warning to ruamel (printed to stderr with its
        # source line); to xmgl it is an error with a line, like any other
        warnings.simplefilter("error", ReusedAnchorWarning)
        try:
            try:
                yaml = YAML(typ="safe")
                if yaml.Parser is not Parser:  # libyaml: see _one_version_resolver
                    yaml.Resolver = _one_version_resolver()
                return yaml.compose(text)
            except YAMLError:
                return YAML(typ="safe", pure=True).compose(text)
        except ReusedAnchorWarning as exc:
            raise _reused_anchor(str(exc)) from None


def _reused_anchor(said: str):
    """ruamel's ReusedAnchorWarning text as a ComposerError at the second anchor."""
    import re

    from ruamel.yaml.composer import ComposerError
    from ruamel.yaml.error import FileMark

    name = re.search(r"found duplicate anchor '(.*?)'", said)
    where = re.findall(r"line (\d+), column (\d+)", said)
    first = int(where[0][0]) if where else 0
    line, column = (int(where[-1][0]) - 1, int(where[-1][1]) - 1) if where else (0, 0)
    mark = FileMark("<unicode string>", 0, line, column)
    anchor = name.group(1) if name else "?"
    return ComposerError(None, None, f"found duplicate anchor {anchor!r} first {first}", mark)


_RESOLVER: list[type] = []


def _one_version_resolver() -> type:
    """ruamel's resolver, with the rules for the document's YAML version looked up once.

    ruamel's ``VersionedResolver`` looks up the version for every scalar it resolves,
    through attributes that the libyaml parser does not have (two exceptions raised and
    caught each time: a third of the time of reading a dossier), reaches each pattern
    through a lazy wrapper and builds a new tag object (decoding its URI character by
    character) for every scalar that is not a string. With libyaml the version never
    changes within a document — it is always YAML 1.2, ``%YAML 1.1`` or not — so the
    first answer is kept, with each first character's patterns in ruamel's order and
    one tag object per tag. The rules applied and the tags given are ruamel's own
    (tests/test_yaml_resolution.py compares both, node by node).
    """
    if not _RESOLVER:
        from ruamel.yaml.nodes import ScalarNode
        from ruamel.yaml.resolver import VersionedResolver
        from ruamel.yaml.tag import Tag

        tags: dict[str, Tag] = {}

        class _OneVersionResolver(VersionedResolver):
            @property
            def versioned_resolver(self):
                table = self.__dict__.get("_xmgl_table")
                if table is None:
                    table = self.__dict__["_xmgl_table"] = super().versioned_resolver
                return table

            def resolve(self, kind, value, implicit):
                if kind is not ScalarNode or not implicit[0] or self.yaml_path_resolvers:
                    return super().resolve(kind, value, implicit)
                by_first = self.__dict__.get("_xmgl_matchers")
                if by_first is None:
                    by_first = self.__dict__["_xmgl_matchers"] = _matchers(self.versioned_resolver)
                patterns = by_first.get(value[:1])  # value[:1]: "" for the empty scalar
                for tag, match in by_first[None] if patterns is None else patterns:
                    if match(value):
                        found = tags.get(tag)
                        if found is None:
                            found = tags[tag] = Tag(suffix=tag)
                        return found
                return self.DEFAULT_SCALAR_TAG

        _RESOLVER.append(_OneVersionResolver)
    return _RESOLVER[0]


def _matchers(table: dict) -> dict:
    """``versioned_resolver``'s table as first character → ((tag, pattern.match), …),
    the patterns for any first character (key None) after the others, as ruamel tries them."""
    rest = list(table.get(None, []))
    return {
        first: tuple((tag, regexp.match) for tag, regexp in [*patterns, *rest])
        for first, patterns in table.items()
        if first is not None
    } | {None: tuple((tag, regexp.match) for tag, regexp in rest)}


def tab_inside_value(text: str, line: int | None) -> bool:
    """Whether the line (1-based) the parser stopped on has a Tab after its first word.

    YAML allows a Tab between the words of a plain value (or after it), and libyaml reads
    it; ruamel's pure-Python parser (the one that edits a file in place, and the loader's
    parser where libyaml is not installed) stops there, with a message about tokens or
    brackets. Leading Tabs are indentation, and explained as such.
    """
    if not line:
        return False
    lines = text.split("\n")
    if line > len(lines):
        return False
    return "\t" in lines[line - 1].lstrip(" \t")


TAB_IN_VALUE = "这一行的值中（或值后）有 Tab 字符（常见于从 Word 或表格复制的文字）"
TAB_IN_VALUE_HINT = "把这个 Tab 换成空格，或给整个值加上引号。"


def explain_at(text: str, line: int | None, problem: str) -> tuple[str, str | None]:
    """The parser's ``problem`` at ``line`` (1-based) in Chinese, and a hint where the
    place itself says how to fix it (a Tab inside a value); None leaves the caller's."""
    if tab_inside_value(text, line):
        return TAB_IN_VALUE, TAB_IN_VALUE_HINT
    return explain_yaml_error(problem), None


def explain_yaml_error(problem: str) -> str:
    """The parser's English problem, said in Chinese (for the loader, the holiday file
    and the audit's stage reader alike)."""
    import re

    table = (
        (
            "mapping values are not allowed",
            "这里不能出现冒号映射：多半是缩进不对，或值里的冒号需要加引号",
        ),
        ("could not find expected ':'", "缺少冒号“:”"),
        ("found character '\\t'", "YAML 不能用 Tab 缩进，请改用空格"),
        ("found character '\t'", "YAML 不能用 Tab 缩进，请改用空格"),
        ("expected <block end>", "缩进不一致"),
        ("found undefined alias", "引用了未定义的锚点"),
        ("while scanning a quoted scalar", "引号没有闭合"),
        ("found unexpected end of stream", "引号没有闭合或文件意外结束"),
        ("while parsing a flow", "方括号或花括号没有闭合"),
        ("expected ',' or ']'", "方括号没有闭合，或列表项之间缺少逗号"),
        ("expected ',' or '}'", "花括号没有闭合，或映射项之间缺少逗号"),
        ("found unknown escape character", "双引号字符串里有无法识别的转义符"),
        ("expected a comment or a line break", "值的后面有多余的内容"),
        (
            "but found another document",
            "文件里有第二个 YAML 文档（“---” 或 “...” 之后还有内容），project.yaml 只能有一个",
        ),
        ("expected a single document", "文件里有多个 YAML 文档，project.yaml 只能有一个"),
        ("found incompatible YAML document", "只支持 YAML 1.x 文档（%YAML 指令的版本不对）"),
        ("that cannot start any token", "这个字符不能出现在值的开头（%、@、` 等），请给值加引号"),
        ("found duplicate anchor", "同一个锚点（&名称）定义了两次"),
        ("while scanning an anchor", "锚点（&名称）或引用（*名称）的名称不完整"),
        ("while scanning an alias", "锚点（&名称）或引用（*名称）的名称不完整"),
        ("while scanning a tag", "标签（以 ! 开头）写得不对"),
        ("while scanning a directive", "% 开头的指令行写得不对"),
        ("while scanning a block scalar", "多行文字（| 或 >）的写法不对"),
        ("complex key", "不支持 YAML 的复杂键（“? …”）"),
        ("while scanning a simple key", "缺少冒号“:”"),
        ("expected the node content", "这里缺少值，或有多余的符号"),
        ("expected '<document start>'", "文档开头有多余的内容"),
    )
    reused = re.search(r"found duplicate anchor '(.*)' first (\d+)", problem)
    if reused:
        name, first = reused.groups()
        return f"锚点 &{name} 已在第 {first} 行定义过，这里又定义了一次"
    for english, chinese in table:
        if english in problem:
            return chinese
    return f"YAML 语法错误（解析器原文：{problem}）"
