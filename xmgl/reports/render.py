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

import contextlib
import datetime as dt
import functools
import io
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
    env.globals["range"] = _bounded_range
    return env


_budget: dict[str, float] = {}


def _bounded_range(*args: int):
    """``range`` for templates: every loop step counts against the rendering's budget."""
    import time

    steps = range(*args)
    if len(steps) > MAX_LOOP_STEPS:
        raise TemplateTooLargeError(
            f"模板中的 range 太大（{len(steps):,} 步，上限 {MAX_LOOP_STEPS:,}）。"
        )
    for i in steps:
        left = _budget.get("steps")
        if left is not None:
            _budget["steps"] = left - 1
            if left <= 0 or (i % 1024 == 0 and time.monotonic() > _budget["deadline"]):
                raise TemplateTooLargeError(
                    f"模板的循环太多或太深（超过 {MAX_LOOP_STEPS:,} 步或 {MAX_RENDER_SECONDS:.0f} 秒），"
                    "已停止渲染。检查模板中嵌套的 {% for %} 循环。"
                )
        yield i


@contextlib.contextmanager
def _time_limit():
    """Caps one rendering: the loop budget, and on POSIX a wall-clock alarm."""
    import signal
    import threading
    import time

    _budget.update(steps=MAX_LOOP_STEPS, deadline=time.monotonic() + MAX_RENDER_SECONDS)

    def expired(_signum, _frame):
        raise TemplateTooLargeError(
            f"模板渲染超过 {MAX_RENDER_SECONDS:.0f} 秒，已停止。检查模板中嵌套的循环。"
        )

    use_alarm = hasattr(signal, "SIGALRM") and threading.current_thread() is threading.main_thread()
    previous = None
    if use_alarm:
        previous = signal.signal(signal.SIGALRM, expired)
        signal.setitimer(signal.ITIMER_REAL, MAX_RENDER_SECONDS)
    try:
        yield
    finally:
        _budget.clear()
        if use_alarm:
            signal.setitimer(signal.ITIMER_REAL, 0)
            signal.signal(signal.SIGALRM, previous)


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

    shipped = False

    def build_xml(self, context, jinja_env=None):
        # A shipped template's body comes precompiled (patched by docxtpl and
        # compiled by Jinja at build time); anything else, or a stale file, the usual way.
        code = None
        if self.shipped and jinja_env is not None:
            code = precompiled_body(Path(self.template_file), self.get_xml())
        if code is None:
            return super().build_xml(context, jinja_env)
        self.current_rendering_part = self.docx._part
        template = jinja_env.template_class.from_code(
            jinja_env, code, jinja_env.make_globals(None), None
        )
        xml = re.sub(r"\n<w:p([ >])", r"<w:p\1", template.render(context))
        xml = xml.replace("{_{", "{{").replace("}_}", "}}").replace("{_%", "{%")
        return self.resolve_listing(xml.replace("%_}", "%}"))

    def resolve_listing(self, xml):
        # docxtpl turns a value's tab, newline, BEL and form feed into Word markup by
        # running three nested regular expressions over every paragraph; only the
        # paragraphs holding one of them can change, so only those are visited.
        if not _LISTING_CHARS.search(xml):
            return xml
        resolve = super().resolve_listing
        return _PARAGRAPH.sub(
            lambda m: resolve(m.group()) if _LISTING_CHARS.search(m.group()) else m.group(), xml
        )

    def get_headers_footers(self, uri):
        # a shipped header or footer without a tag ("— PAGE —") is left as it is
        for rel_key, part in super().get_headers_footers(uri):
            if self.shipped and b"{" not in part.blob:
                continue
            yield rel_key, part

    def render_properties(self, context, jinja_env=None):
        if self.shipped:  # the caller sets every core property (generate: set_core_properties)
            return
        # Core properties are plain strings that python-docx escapes on save;
        # XML-escaping them here as well would store "&amp;" for "&".
        env = jinja_env.overlay(autoescape=False) if jinja_env is not None else None
        super().render_properties(context, env)


# --- precompiled bodies of the shipped templates ----------------------------------


def body_source_path(template: Path) -> Path:
    """Where the precompiled body of ``template`` is kept: ``fsr.docx`` → ``fsr.body.py``."""
    return template.with_name(template.stem + ".body.py")


def _stamp(xml: str) -> str:
    import hashlib

    import docxtpl

    digest = hashlib.sha256(xml.encode("utf-8")).hexdigest()
    return f"# xmgl body: sha256 {digest} jinja2 {jinja2.__version__} docxtpl {docxtpl.__version__}"


def compile_body(template: Path) -> str:
    """The Python source Jinja makes of ``template``'s body, as docxtpl prepares it,
    with the stamp that ties it to that body (``tools/build_templates.py`` writes it)."""
    doc = open_template(template)
    xml = doc.get_xml()
    source = re.sub(r"<w:p([ >])", r"\n<w:p\1", doc.patch_xml(xml))
    return _stamp(xml) + "\n" + make_environment().compile(source, raw=True)


def precompiled_body(template: Path, xml: str):
    """The code object of the precompiled body of ``template`` if it was made from
    exactly this ``xml`` with these jinja2 and docxtpl versions; None otherwise."""
    path = body_source_path(template)
    try:
        source = path.read_text(encoding="utf-8")
    except OSError:
        return None
    first, _, rest = source.partition("\n")
    if first != _stamp(xml):
        return None
    return compile(rest, "<template>", "exec")


_LISTING_CHARS = re.compile("[\t\a\n\f]")
_PARAGRAPH = re.compile(r"<w:p(?: [^>]*)?>.*?</w:p>", re.DOTALL)  # as docxtpl finds them


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
    shipped: bool = False,
) -> Path:
    """Render the docxtpl ``template`` with ``context`` into ``target``; return the path.

    ``properties`` are core properties set on the result after rendering (e.g. the
    report's ``created``/``modified`` dates, ``last_modified_by``), by their
    python-docx ``CoreProperties`` names; ``finish`` is called with the filled
    python-docx ``Document`` before it is saved. ``shipped``: the template is one
    xmgl ships (part of the installed package, as trusted as its code): the
    hostile-file checks of :func:`preflight` are skipped, its precompiled body
    (:func:`precompiled_body`) is used when it matches, footers without a tag are
    not rendered, and core properties are left to the caller (``generate`` sets
    every one with ``typography.set_core_properties``). The file appears only when rendering
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
    doc = open_template(template, shipped=shipped)
    try:
        with _time_limit():
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

    strip_external_relationships(doc.docx)
    for name, value in (properties or {}).items():
        setattr(doc.docx.core_properties, name, value)
    if finish is not None:  # a callable given the filled python-docx Document
        finish(doc.docx)

    from xmgl.fileio import publish, temp_beside

    tmp = temp_beside(target)
    try:
        # Zip in memory, then write once: a full disk fails the plain write (one
        # OSError), never inside zipfile, whose unclosed archive would print
        # "Exception ignored … Traceback" at exit.
        buf = io.BytesIO()
        doc.save(buf)
        with open(tmp, "wb") as fh:
            fh.write(buf.getbuffer())
            fh.flush()
            os.fsync(fh.fileno())
        check_package_xml(tmp)
        try:
            publish(tmp, target, force=force)
        except FileExistsError:
            raise TargetExistsError(target) from None
    finally:
        tmp.unlink(missing_ok=True)
    return target


def open_template(template: str | os.PathLike[str], *, shipped: bool = False) -> DocxTemplate:
    """Load the .docx template (for rendering or linting); TemplateOpenError if it can't be.
    A ``shipped`` template (xmgl's own) skips :func:`preflight`."""
    template = Path(template)
    if not template.is_file():
        raise TemplateOpenError(f"找不到模板文件：{template}")
    if not shipped:
        preflight(template)
    doc = _GuardedDocxTemplate(template)
    doc.shipped = shipped
    try:
        doc.init_docx()
    except (OSError, ValueError, KeyError, zipfile.BadZipFile, PackageNotFoundError) as exc:
        # ValueError: a zip that is not a Word document (e.g. a renamed .xlsx)
        raise TemplateOpenError(f"无法读取模板 {template}：{exc}") from exc
    return doc


# --- hostile files ---------------------------------------------------------------

MAX_PART_BYTES = 32 * 1024 * 1024
"""Largest uncompressed part a template may hold (a Word template is a few hundred kB)."""
MAX_TOTAL_BYTES = 128 * 1024 * 1024
"""Largest total uncompressed size: a zip bomb inflating to gigabytes is refused unread."""
MAX_PARTS = 4000
MAX_RENDER_SECONDS = 30.0
"""Longest a template may take to render (nested loops of a hostile template)."""
MAX_LOOP_STEPS = 2_000_000
"""Most loop iterations (``range``) one rendering may make, all loops together."""


class TemplateTooLargeError(TemplateOpenError):
    """The template inflates past the caps (a zip bomb) or renders for too long."""


def preflight(path: str | os.PathLike[str]) -> None:
    """Check the .docx at ``path`` before any XML library reads it.

    Refuses (TemplateOpenError, exit 6) a file that is not a zip, a zip whose parts
    inflate past :data:`MAX_PART_BYTES` / :data:`MAX_TOTAL_BYTES` (zip bomb), an XML
    part with a DOCTYPE or ENTITY declaration (Word never writes one; "billion
    laughs" needs one), and an XML part that is not well-formed (a corrupt
    document.xml or [Content_Types].xml), naming the part.
    """
    path = Path(path)
    try:
        zf = zipfile.ZipFile(path)
    except (zipfile.BadZipFile, OSError, ValueError) as exc:
        raise TemplateOpenError(f"无法读取模板 {path}：不是 .docx（zip）文件（{exc}）") from exc
    with zf:
        infos = zf.infolist()
        if len(infos) > MAX_PARTS:
            raise TemplateTooLargeError(
                f"模板 {path} 含有 {len(infos)} 个部件，超过上限 {MAX_PARTS}。"
            )
        total = 0
        for info in infos:
            total += info.file_size
            if info.file_size > MAX_PART_BYTES or total > MAX_TOTAL_BYTES:
                raise TemplateTooLargeError(
                    f"模板 {path} 解压后过大（部件 {info.filename} 为 {info.file_size:,} 字节，"
                    f"上限 {MAX_PART_BYTES:,} 字节，合计上限 {MAX_TOTAL_BYTES:,} 字节），"
                    "可能是“压缩炸弹”，已拒绝读取。"
                )
        names = {i.filename for i in infos}
        if "[Content_Types].xml" not in names or "word/document.xml" not in names:
            raise TemplateOpenError(
                f"无法读取模板 {path}：缺少 [Content_Types].xml 或 word/document.xml，不是 Word 文档。"
            )
        for info in infos:
            if not info.filename.endswith((".xml", ".rels")):
                continue
            try:
                data = _read_capped(zf, info)
            except (zipfile.BadZipFile, OSError, ValueError, EOFError) as exc:
                raise TemplateOpenError(f"模板的部件 {info.filename} 已损坏：{exc}") from exc
            head = data[:4096].upper()
            if b"<!DOCTYPE" in head or b"<!ENTITY" in data.upper():
                raise TemplateOpenError(
                    f"模板的部件 {info.filename} 含有 XML 实体声明（DOCTYPE/ENTITY）。Word 不会写出"
                    "这种内容，它可能是“十亿笑声”之类的实体膨胀攻击，已拒绝读取。"
                )
            try:
                etree.fromstring(data, parser=_strict_parser())
            except etree.XMLSyntaxError as exc:
                raise TemplateOpenError(
                    f"模板的部件 {info.filename} 不是合法的 XML（已损坏）：{exc}"
                ) from exc


def _read_capped(zf: zipfile.ZipFile, info: zipfile.ZipInfo) -> bytes:
    """The part's bytes, never more than its declared (already capped) size."""
    with zf.open(info) as fh:
        data = fh.read(MAX_PART_BYTES + 1)
    if len(data) > MAX_PART_BYTES:
        raise TemplateTooLargeError(f"部件 {info.filename} 解压后过大。")
    return data


def external_relationships(path: str | os.PathLike[str]) -> list[tuple[str, str, str]]:
    """``(part, type, target)`` of every relationship that points outside the file."""
    found = []
    with zipfile.ZipFile(path) as zf:
        for name in zf.namelist():
            if not name.endswith(".rels"):
                continue
            root = etree.fromstring(_read_capped(zf, zf.getinfo(name)), parser=_strict_parser())
            for rel in root:
                if rel.get("TargetMode") == "External":
                    kind = (rel.get("Type") or "").rsplit("/", 1)[-1]
                    found.append((name, kind, rel.get("Target") or ""))
    return found


_R_NS = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}"


def strip_external_relationships(document) -> int:
    """Remove every relationship to an outside target from the python-docx ``document``.

    A hyperlink keeps its text; a linked image, an attached remote template, a
    remote frame or object loses the link. Returns how many were removed.
    """
    removed = 0
    for part in document.part.package.iter_parts():
        rels = part.rels
        external = {r_id for r_id, rel in list(rels.items()) if rel.is_external}
        if not external:
            continue
        element = getattr(part, "_element", None)
        if element is not None:
            for el in list(element.iter()):
                for attr in [a for a in el.attrib if a.startswith(_R_NS)]:
                    if el.get(attr) in external:
                        if el.tag.endswith("}attachedTemplate"):
                            el.getparent().remove(el)
                            break
                        del el.attrib[attr]
        for r_id in external:
            store = getattr(rels, "_rels", rels)
            store.pop(r_id, None)
            removed += 1
    return removed


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
