"""Render docxtpl templates safely: sandboxed, escaped, plain data only, atomic.

A template a clerk can edit is code, and the values come from a dossier a person
typed. So:

- Jinja2 runs in an immutable sandbox with ``StrictUndefined``: a misspelt
  variable is an error naming it, not an empty gap in a report.
- Autoescape is on. docxtpl's default (off) lets a value containing ``&`` or ``<``
  break the XML, which docxtpl then "recovers" by silently dropping the rest of
  the document. As a second guard, the rendered body is parsed strictly before
  docxtpl's recovering parser sees it, and every XML part of the result is
  parsed again before the file is published.
- The context may hold only plain data (see :func:`validate_context`); characters
  XML cannot carry are refused with the key path, since the dossier loader
  should have refused them already.
- The result is written to a temporary file next to the target and moved into
  place; an existing file is replaced only with ``force=True``.
"""

from __future__ import annotations

import datetime as dt
import functools
import os
import re
import zipfile
from collections.abc import Mapping
from decimal import Decimal
from pathlib import Path
from typing import Any

import jinja2
from docx.opc.exceptions import PackageNotFoundError
from docxtpl import DocxTemplate
from jinja2.sandbox import ImmutableSandboxedEnvironment
from lxml import etree

__all__ = [
    "ContextError",
    "IllegalCharacterError",
    "OutputXmlError",
    "RenderError",
    "TargetExistsError",
    "TemplateError",
    "TemplateOpenError",
    "TemplateSyntaxError",
    "UndefinedVariableError",
    "UnsafeTemplateError",
    "UnsupportedValueError",
    "check_package_xml",
    "make_environment",
    "open_template",
    "render_template",
    "validate_context",
]

# XML 1.0 cannot carry these (tab, LF and CR are allowed); lone surrogates cannot
# even be encoded as UTF-8.
ILLEGAL_XML_CHARS = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")

#: Exact types a context may hold (subclasses such as markupsafe.Markup or
#: docxtpl.RichText are refused: they would bypass escaping).
PLAIN_SCALARS = (str, int, bool, Decimal, dt.date, dt.datetime, type(None))


# --- errors -------------------------------------------------------------------


class TemplateError(Exception):
    """Base of everything that can go wrong making a document from a template."""


class TemplateOpenError(TemplateError):
    """The template file is missing or not a .docx."""


class TemplateSyntaxError(TemplateError):
    """The template's Jinja tags do not parse."""


class UndefinedVariableError(TemplateError):
    """The template uses a variable (or key) the context does not have."""

    def __init__(self, name: str, message: str):
        super().__init__(message)
        self.name = name


class UnsafeTemplateError(TemplateError):
    """The template tried something the sandbox forbids."""


class RenderError(TemplateError):
    """An expression failed while rendering, or the result is not a valid document."""


class OutputXmlError(RenderError):
    """The rendered XML is not well-formed (the escaping was bypassed)."""


class ContextError(TemplateError):
    """A value in the context is not allowed; ``key_path`` says where (``a.b[2]``)."""

    def __init__(self, key_path: str, message: str):
        super().__init__(message)
        self.key_path = key_path


class UnsupportedValueError(ContextError):
    """A value is not plain data."""


class IllegalCharacterError(ContextError):
    """A string holds a character XML cannot carry (control characters …)."""


class TargetExistsError(TemplateError):
    """The output file exists and ``force`` was not given."""

    def __init__(self, path: Path):
        super().__init__(f"目标文件已存在：{path}（如需覆盖，请使用强制覆盖选项）")
        self.path = path


# --- the environment ------------------------------------------------------------


class _UndefinedNameError(jinja2.UndefinedError):
    """jinja2's UndefinedError, carrying the undefined name."""

    def __init__(self, message: str | None = None, *, name: object = None, owner: object = None):
        super().__init__(message)
        self.name = name
        self.owner = owner


class _StrictUndefined(jinja2.StrictUndefined):
    """StrictUndefined whose error knows which name was undefined."""

    __slots__ = ()

    def __init__(self, hint=None, obj=jinja2.utils.missing, name=None, exc=jinja2.UndefinedError):
        if exc is jinja2.UndefinedError:  # the sandbox passes SecurityError: keep it
            owner = None if obj is jinja2.utils.missing else obj
            exc = functools.partial(_UndefinedNameError, name=name, owner=owner)
        super().__init__(hint, obj, name, exc)


def _finalize(value: Any) -> Any:
    return "" if value is None else value


def make_environment() -> ImmutableSandboxedEnvironment:
    """The Jinja2 environment every template is rendered (and linted) with."""
    env = ImmutableSandboxedEnvironment(
        autoescape=True,
        undefined=_StrictUndefined,
        finalize=_finalize,  # None renders as "", not "None"
    )
    # "|safe" would switch escaping off for a value; nothing in a report needs it.
    del env.filters["safe"]
    return env


class _GuardedDocxTemplate(DocxTemplate):
    """DocxTemplate that refuses malformed output instead of "recovering" it."""

    def fix_tables(self, xml):
        # docxtpl parses the rendered body with recover=True, which silently drops
        # everything after a stray "&" or "<". Parse strictly first.
        try:
            etree.fromstring(xml, parser=_strict_parser())
        except etree.XMLSyntaxError as exc:
            raise OutputXmlError(f"渲染结果不是合法的 XML（正文）：{exc}") from exc
        return super().fix_tables(xml)

    def render_properties(self, context, jinja_env=None):
        # Core properties are plain strings that python-docx escapes on save;
        # XML-escaping them here as well would store "&amp;" for "&".
        env = jinja_env.overlay(autoescape=False) if jinja_env is not None else None
        super().render_properties(context, env)


def _strict_parser() -> etree.XMLParser:
    return etree.XMLParser(recover=False, resolve_entities=False, no_network=True, huge_tree=True)


# --- context validation --------------------------------------------------------


def validate_context(context: Mapping[str, Any]) -> None:
    """Check that ``context`` is plain data that XML can carry.

    Allowed: str, int, bool, Decimal, date, datetime, None, and lists and dicts
    (with str keys) of those. Floats are refused: amounts belong in Decimal.
    Raises UnsupportedValueError or IllegalCharacterError naming the key path.
    """
    if type(context) is not dict:
        if not isinstance(context, Mapping):
            raise UnsupportedValueError("", f"模板数据必须是字典，得到 {type(context).__name__}")
        context = dict(context)
    _check_value(context, "", set())


def _check_value(value: Any, path: str, active: set[int]) -> None:
    kind = type(value)
    if kind is str:
        _check_text(value, path)
    elif kind in PLAIN_SCALARS:
        return
    elif kind is dict or kind is list:
        if id(value) in active:
            raise UnsupportedValueError(path, f"模板数据存在循环引用：{path or '（根）'}")
        active.add(id(value))
        if kind is dict:
            for key, item in value.items():
                if type(key) is not str:
                    raise UnsupportedValueError(
                        path, f"模板数据的键必须是字符串：{path or '（根）'} 下有键 {key!r}"
                    )
                key_path = f"{path}.{key}" if path else key
                _check_text(key, key_path)
                _check_value(item, key_path, active)
        else:
            for index, item in enumerate(value):
                _check_value(item, f"{path}[{index}]", active)
        active.discard(id(value))
    else:
        hint = "；金额等小数请使用 Decimal" if kind is float else ""
        raise UnsupportedValueError(
            path,
            f"模板数据只能是纯数据（字符串、整数、Decimal、日期、布尔、空值及其列表和字典），"
            f"{path or '（根）'} 的类型是 {kind.__module__}.{kind.__qualname__}{hint}",
        )


def _check_text(text: str, path: str) -> None:
    match = ILLEGAL_XML_CHARS.search(text)
    if match:
        char = match.group()
        raise IllegalCharacterError(
            path,
            f"{path or '（根）'} 含有文档中不允许的控制字符 U+{ord(char):04X}"
            f"（第 {match.start() + 1} 个字符）；请在档案中删除该字符",
        )


# --- rendering -------------------------------------------------------------------


def render_template(
    template: str | os.PathLike[str],
    context: Mapping[str, Any],
    target: str | os.PathLike[str],
    *,
    force: bool = False,
    properties: Mapping[str, Any] | None = None,
    finish: Any = None,
) -> Path:
    """Render the docxtpl ``template`` with ``context`` into ``target``; return the path.

    ``properties`` are core properties set on the result after rendering (e.g. the
    report's ``created``/``modified`` dates, ``last_modified_by``), by their
    python-docx ``CoreProperties`` names; ``finish`` is called with the filled
    python-docx ``Document`` before it is saved. The file appears only when rendering
    fully succeeded. Raises a TemplateError subclass with a Chinese message on any
    problem.
    """
    template = Path(template)
    target = Path(target)
    if target.is_dir():
        raise TemplateError(f"目标路径是一个目录：{target}")
    if not force and target.exists():
        raise TargetExistsError(target)
    if not target.parent.is_dir():
        raise TemplateError(f"目标目录不存在：{target.parent}")
    validate_context(context)
    doc = open_template(template)
    try:
        doc.render(dict(context), jinja_env=make_environment(), autoescape=True)
    except TemplateError:
        raise
    except jinja2.TemplateSyntaxError as exc:
        where = _docx_context(exc)
        raise TemplateSyntaxError(f"模板语法错误：{exc.message}{where}") from exc
    except _UndefinedNameError as exc:
        raise _undefined_error(exc) from exc
    except jinja2.exceptions.SecurityError as exc:
        raise UnsafeTemplateError(f"模板执行了不允许的操作：{exc}") from exc
    except jinja2.TemplateError as exc:
        raise RenderError(f"模板渲染失败：{exc}") from exc
    except etree.XMLSyntaxError as exc:  # headers/footers are parsed strictly by python-docx
        raise OutputXmlError(f"渲染结果不是合法的 XML（页眉或页脚）：{exc}") from exc
    except (TypeError, ValueError, ArithmeticError) as exc:
        raise RenderError(f"模板中的表达式无法计算：{exc}") from exc

    for name, value in (properties or {}).items():
        setattr(doc.docx.core_properties, name, value)
    if finish is not None:  # a callable given the filled python-docx Document
        finish(doc.docx)

    from xmgl.fileio import publish, temp_beside

    tmp = temp_beside(target)
    try:
        doc.save(tmp)
        check_package_xml(tmp)
        with open(tmp, "rb+") as fh:
            os.fsync(fh.fileno())
        try:
            publish(tmp, target, force=force)
        except FileExistsError:
            raise TargetExistsError(target) from None
    finally:
        tmp.unlink(missing_ok=True)
    return target


def open_template(template: str | os.PathLike[str]) -> DocxTemplate:
    """Load the .docx template (for rendering or linting); TemplateOpenError if it can't be."""
    template = Path(template)
    if not template.is_file():
        raise TemplateOpenError(f"找不到模板文件：{template}")
    doc = _GuardedDocxTemplate(template)
    try:
        doc.init_docx()
    except (OSError, ValueError, KeyError, zipfile.BadZipFile, PackageNotFoundError) as exc:
        # ValueError: a zip that is not a Word document (e.g. a renamed .xlsx)
        raise TemplateOpenError(f"无法读取模板 {template}：{exc}") from exc
    return doc


def check_package_xml(path: str | os.PathLike[str]) -> None:
    """Parse every XML part of the .docx at ``path`` strictly; raise OutputXmlError."""
    with zipfile.ZipFile(path) as zf:
        for name in zf.namelist():
            if name.endswith((".xml", ".rels")):
                try:
                    etree.fromstring(zf.read(name), parser=_strict_parser())
                except etree.XMLSyntaxError as exc:
                    raise OutputXmlError(f"渲染结果不是合法的 XML（{name}）：{exc}") from exc


def _undefined_error(exc: _UndefinedNameError) -> UndefinedVariableError:
    name = str(exc.name) if exc.name is not None else str(exc)
    if exc.owner is None:
        message = f"模板变量未定义：{name}（档案数据中没有这一项）"
    else:
        message = f"模板变量未定义：{name}（所在的数据项中没有键“{name}”）"
    return UndefinedVariableError(name, message)


def _docx_context(exc: Exception) -> str:
    """The text around a syntax error, as docxtpl attaches it."""
    lines = [line.strip() for line in getattr(exc, "docx_context", []) or []]
    text = " ".join(line for line in lines if line)
    return f"；附近文字：{text[:200]}" if text else ""
