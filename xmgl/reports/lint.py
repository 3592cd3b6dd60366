"""Lint a docxtpl template before it is used: the mistakes a clerk's edit makes.

Word splits a typed ``{{ tag }}`` over several runs when part of it is retyped,
spell-checked or formatted; a Chinese input method types ``｛｛ ｝｝`` that Jinja
does not see at all; a ``{%p %}`` or ``{%tr %}`` tag takes its whole paragraph or
table row with it. :func:`lint_template` reports these, Jinja syntax errors and
variables the data will not have, each with a location a person can find
("正文第3段", "正文 表格2 第3行第1列", "页脚（footer1.xml）第1段").

The Jinja checks run on exactly the XML docxtpl would render (``patch_xml``), with
the environment :mod:`xmgl.reports.render` uses.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass

import jinja2
from docx.oxml.ns import qn
from docxtpl import DocxTemplate
from jinja2 import meta
from lxml import etree

from xmgl.reports.render import external_relationships, make_environment, open_template

ERROR = "error"
WARNING = "warning"

SPLIT_TAG = "split-tag"
FULLWIDTH_BRACES = "fullwidth-braces"
MULTIPLE_BLOCK_TAGS = "multiple-block-tags"
TEXT_BESIDE_STRUCTURAL_TAG = "text-beside-structural-tag"
UNBALANCED_TAG = "unbalanced-tag"
SYNTAX_ERROR = "syntax-error"
UNKNOWN_VARIABLE = "unknown-variable"
EXTERNAL_RELATIONSHIP = "external-relationship"


@dataclass(frozen=True)
class LintFinding:
    """One problem in a template."""

    code: str  # one of the constants above
    severity: str  # ERROR: rendering fails or loses text; WARNING: fragile
    message: str  # Chinese, says what to do
    location: str  # e.g. "正文第3段", "正文 表格1 第2行第1列", "页眉（header1.xml）第1段"
    text: str  # the offending text


_TAG = re.compile(r"\{\{.*?\}\}|\{%.*?%\}|\{#.*?#\}", re.S)
_DELIMITER = re.compile(r"\{\{|\}\}|\{%|%\}|\{#|#\}")
_CLOSER = {"{{": "}}", "{%": "%}", "{#": "#}"}
_FULLWIDTH = re.compile(r"[{｛][{｛%％#＃]|[}｝%％#＃][}｝]")
_FULLWIDTH_CHARS = set("｛｝％＃")
_BLOCK = re.compile(r"\{%(?:(tr|tc|p|r)\s)?")
# docxtpl removes the paragraph / table cell / table row holding these tags.
_STRUCTURAL = {"p": "w:p", "tc": "w:tc", "tr": "w:tr"}
_STRUCTURAL_NAME = {"p": "段落", "tc": "单元格", "tr": "表格行"}


def lint_template(
    path: str | os.PathLike[str], known_variables: set[str] | None = None
) -> list[LintFinding]:
    """Findings for the template at ``path``, in document order (body, headers, footers).

    With ``known_variables`` given, every top-level variable the template uses
    that is not in the set is reported (loop variables and ``loop`` are not).
    Raises render.TemplateOpenError when the file is missing or not a .docx.
    """
    tpl = open_template(path)
    doc = tpl.docx

    parts = [("正文", doc.element.body, tpl.get_xml())]
    for uri, label in ((tpl.HEADER_URI, "页眉"), (tpl.FOOTER_URI, "页脚")):
        for _rel_id, part in tpl.get_headers_footers(uri):
            name = str(part.partname).rsplit("/", 1)[-1]
            parts.append((f"{label}（{name}）", part.element, tpl.get_part_xml(part)))

    env = make_environment()
    findings: list[LintFinding] = []
    for label, root, xml in parts:
        paragraphs = _Paragraphs(root, label)
        findings += _check_paragraphs(paragraphs)
        findings += _check_structural_tags(paragraphs)
        findings += _check_jinja(tpl, env, label, xml, paragraphs, known_variables)
    for part, kind, target in external_relationships(path):
        findings.append(
            LintFinding(
                EXTERNAL_RELATIONSHIP,
                WARNING,  # the report strips it (render.strip_external_relationships)
                f"模板引用了外部资源（{kind}）：{target}。打开报告时 Word 会去访问这个地址"
                "（可能泄露信息或载入远程内容）；生成的报告会去掉这个引用。"
                "请在 Word 中删除该链接、链接的图片或附加模板后另存。",
                f"关系文件 {part}",
                target[:200],
            )
        )
    return findings


# --- paragraphs --------------------------------------------------------------------


class _Paragraphs:
    """The paragraphs of one part, with their text, run boundaries and locations."""

    def __init__(self, root: etree._Element, label: str):
        self.label = label
        self.items: list[tuple[etree._Element, str, list[int]]] = []
        self._location: dict[etree._Element, str] = {}
        self._tables = list(root.iter(qn("w:tbl")))
        loose = 0
        for p in root.iter(qn("w:p")):
            text, owners = _paragraph_text(p)
            self.items.append((p, text, owners))
            if _ancestor(p, "w:tc") is None:
                loose += 1
                self._location[p] = f"{label}第{loose}段"

    def location(self, el: etree._Element) -> str:
        if el in self._location:
            return self._location[el]
        tc = el if el.tag == qn("w:tc") else _ancestor(el, "w:tc")
        tr = el if el.tag == qn("w:tr") else _ancestor(tc if tc is not None else el, "w:tr")
        if tr is None:
            return self.label
        tbl = _ancestor(tr, "w:tbl")
        where = f"{self.label} 表格{self._tables.index(tbl) + 1} 第{_index(tr)}行"
        if tc is not None:
            where += f"第{_index(tc)}列"
            cell_paragraphs = tc.findall(qn("w:p"))
            if el.tag == qn("w:p") and len(cell_paragraphs) > 1:
                where += f" 第{cell_paragraphs.index(el) + 1}段"
        return where

    def text_of(self, container: etree._Element) -> str:
        return "".join(text for p, text, _ in self.items if _is_within(p, container))


def _paragraph_text(p: etree._Element) -> tuple[str, list[int]]:
    """The paragraph's text and, per character, an id of the run it is in."""
    chunks, owners = [], []
    for t in p.iter(qn("w:t")):
        if _ancestor(t, "w:p") is not p:  # text box paragraphs are paragraphs of their own
            continue
        run = t.getparent()
        chunks.append(t.text or "")
        owners += [id(run)] * len(t.text or "")
    return "".join(chunks), owners


def _check_paragraphs(paragraphs: _Paragraphs) -> list[LintFinding]:
    findings = []
    for p, text, owners in paragraphs.items:
        if not text:
            continue
        where = paragraphs.location(p)
        for m in _TAG.finditer(text):
            if len(set(owners[m.start() : m.end()])) > 1:
                findings.append(
                    LintFinding(
                        SPLIT_TAG,
                        WARNING,
                        "标签被拆分在多个文本片段（run）中，通常是编辑时改过其中几个字或格式；"
                        "docxtpl 能修复一部分，但很容易失效。请选中整个标签，清除格式后重新输入。",
                        where,
                        m.group(),
                    )
                )
        wide = [m for m in _FULLWIDTH.finditer(text) if _FULLWIDTH_CHARS.intersection(m.group())]
        if wide:
            findings.append(
                LintFinding(
                    FULLWIDTH_BRACES,
                    ERROR,
                    "标签使用了全角符号（｛ ｝ ％），模板不会识别它；请切换到英文输入法，"
                    "改为半角 {{ }} 或 {% %}。",
                    where,
                    _snippet(text, wide[0].start(), wide[-1].end()),
                )
            )
        problem = _unbalanced(text)
        if problem:
            findings.append(
                LintFinding(
                    UNBALANCED_TAG,
                    ERROR,
                    f"标签不完整：{problem}；标签的开头和结尾必须在同一段中成对出现。",
                    where,
                    _snippet(text, 0, len(text)),
                )
            )
        blocks = list(_BLOCK.finditer(text))
        if len(blocks) > 1 and not any(m.group(1) in _STRUCTURAL for m in blocks):
            findings.append(
                LintFinding(
                    MULTIPLE_BLOCK_TAGS,
                    WARNING,
                    "一段中有多个 {% %} 块标签。段内条件可以这样写，但若它们控制整段内容，"
                    "请改用 {%p … %}，并让每个标签单独占一段。",
                    where,
                    " ".join(_TAG.findall(text)) or text,
                )
            )
    return findings


def _check_structural_tags(paragraphs: _Paragraphs) -> list[LintFinding]:
    """``{%p``/``{%tc``/``{%tr``: one per paragraph / cell / row, and nothing beside it."""
    findings = []
    seen: set[tuple[int, str]] = set()
    for p, text, _ in paragraphs.items:
        for m in _BLOCK.finditer(text):
            kind = m.group(1)
            if kind not in _STRUCTURAL:
                continue
            container = p if kind == "p" else _ancestor(p, _STRUCTURAL[kind])
            if container is None or (id(container), kind) in seen:
                continue
            seen.add((id(container), kind))
            where = paragraphs.location(container)
            whole = paragraphs.text_of(container)
            tags = [t for t in _TAG.findall(whole) if t.startswith(f"{{%{kind} ")]
            unit = _STRUCTURAL_NAME[kind]
            if len(tags) > 1:
                findings.append(
                    LintFinding(
                        MULTIPLE_BLOCK_TAGS,
                        ERROR,
                        f"同一{unit}中有 {len(tags)} 个 {{%{kind} %}} 标签；docxtpl 会用第一个标签"
                        f"替换整个{unit}，其余标签随之丢失。请让每个标签单独占一个{unit}。",
                        where,
                        " ".join(tags),
                    )
                )
            rest = whole
            for tag in tags:
                rest = rest.replace(tag, "")
            if rest.strip():
                findings.append(
                    LintFinding(
                        TEXT_BESIDE_STRUCTURAL_TAG,
                        WARNING,
                        f"{{%{kind} %}} 标签所在的整个{unit}在生成时会被删除，"
                        f"同一{unit}中的其他文字也会丢失。",
                        where,
                        _snippet(whole, 0, len(whole)),
                    )
                )
    return findings


def _unbalanced(text: str) -> str | None:
    stack: list[str] = []
    for m in _DELIMITER.finditer(text):
        token = m.group()
        if token in _CLOSER:
            if stack:
                return f"“{stack[-1]}”之后、闭合之前又出现了“{token}”"
            stack.append(token)
        elif not stack:
            return f"“{token}”前面没有对应的开头"
        elif _CLOSER[stack[-1]] != token:
            return f"“{stack[-1]}”应以“{_CLOSER[stack[-1]]}”结束，却遇到了“{token}”"
        else:
            stack.pop()
    if stack:
        return f"“{stack[-1]}”没有对应的“{_CLOSER[stack[-1]]}”"
    return None


# --- Jinja ----------------------------------------------------------------------------


def _check_jinja(
    tpl: DocxTemplate,
    env: jinja2.Environment,
    label: str,
    xml: str,
    paragraphs: _Paragraphs,
    known_variables: set[str] | None,
) -> list[LintFinding]:
    # The same preparation docxtpl's render_xml_part does, so line numbers match it.
    source = re.sub(r"<w:p([ >])", r"\n<w:p\1", tpl.patch_xml(xml))
    try:
        ast = env.parse(source)
        env.compile(ast)  # unknown filters/tests are reported at compile time
    except jinja2.TemplateSyntaxError as exc:
        # Lines are paragraphs of the prepared XML, which {%p %}/{%tr %} have
        # already reshaped: give the text there, not a paragraph number.
        lines = source.splitlines()
        line = lines[exc.lineno - 1] if exc.lineno and exc.lineno <= len(lines) else ""
        text = re.sub(r"<[^>]+>", "", line).strip()
        return [LintFinding(SYNTAX_ERROR, ERROR, f"模板语法错误：{exc.message}", label, text)]
    if known_variables is None:
        return []
    found = []
    for name in meta.find_undeclared_variables(ast) - set(known_variables):
        position, where, tag = len(paragraphs.items), label, name
        pattern = re.compile(rf"(?<![\w.]){re.escape(name)}(?!\w)")
        for index, (p, text, _) in enumerate(paragraphs.items):
            hit = next((t for t in _TAG.findall(text) if pattern.search(t)), None)
            if hit:
                position, where, tag = index, paragraphs.location(p), hit
                break
        message = f"模板使用了未知变量“{name}”，档案数据中没有这一项；请检查拼写。"
        found.append((position, name, LintFinding(UNKNOWN_VARIABLE, ERROR, message, where, tag)))
    return [finding for *_, finding in sorted(found)]


# --- small helpers ----------------------------------------------------------------------


def _ancestor(el: etree._Element, tag: str) -> etree._Element | None:
    wanted = qn(tag)
    parent = el.getparent()
    while parent is not None and parent.tag != wanted:
        parent = parent.getparent()
    return parent


def _is_within(el: etree._Element, container: etree._Element) -> bool:
    while el is not None:
        if el is container:
            return True
        el = el.getparent()
    return False


def _index(el: etree._Element) -> int:
    """1-based position of ``el`` among its parent's children with the same tag."""
    return el.getparent().findall(el.tag).index(el) + 1


def _snippet(text: str, start: int, end: int, margin: int = 12, limit: int = 80) -> str:
    return text[max(0, start - margin) : min(len(text), end + margin)][:limit]
