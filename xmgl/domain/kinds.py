"""The kinds of value a dossier field can hold, and ONE converter for each.

Every :class:`~xmgl.domain.schema.Field` names one of the kinds in :data:`KINDS`.
The loader (a value read from ``project.yaml``, with the YAML tag the parser
resolved) and ``xmgl record`` (a value typed on the command line, with no tag)
both turn text into a typed value through the converter of that kind, so a
value can only ever reach the code written for its kind; anything else is a
:class:`KindError` with a Chinese message, never an exception from deep inside.

A converter is ``convert(spec, text, tag)``:

* ``text`` is the scalar's text as written (without quotes);
* ``tag`` is the YAML core-schema tag the parser resolved (``"str"``, ``"int"``,
  ``"float"``, ``"bool"``, ``"timestamp"``), or ``None`` for command-line text;
* it returns the typed value, ``None`` for "no value" (empty text), or raises
  :class:`KindError`.

Kinds whose shape is ``"sequence"`` or ``"mapping"`` are structure, walked by the
loader; a sequence of scalars names its item kind (``enums`` → ``enum``).
"""

from __future__ import annotations

import difflib
import re
import unicodedata
from collections.abc import Callable
from datetime import date
from decimal import Decimal
from typing import TYPE_CHECKING, TypeAlias

from xmgl.value import Value

if TYPE_CHECKING:
    from xmgl.domain.schema import Field

Scalar: TypeAlias = str | int | bool | date | Decimal
"""A typed value of a scalar kind, as a converter returns it."""

Converter: TypeAlias = "Callable[[Field, str, str | None], Scalar | None]"
"""``convert(spec, text, tag)``: the typed value, ``None`` for no value, or a KindError."""

# characters XML 1.0 forbids; they would break every generated document
ILLEGAL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
# (lone surrogates come only from "\ud800"-style escapes: no file name or document holds one)

MIN_YEAR, MAX_YEAR = 1900, 2199
"""Dates xmgl computes with: the regulation's deadlines run months past any date, and the
holiday calendar only knows so many years; a year outside is a typing error."""

_DECIMAL = re.compile(r"^[+-]?\d+$")
_PREFIXED = re.compile(r"^[+-]?0[bBoOxX]")
_DATE = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})$")
_MAX_DIGITS = 30


class KindError(ValueError):
    """A value that is not of its field's kind. ``str(err)`` is a Chinese message."""

    def __init__(self, message: str, hint: str = "", code: str = "type", reason: str = "") -> None:
        super().__init__(message)
        self.message = message
        self.hint = hint
        self.code = code
        self.reason = reason or message  # the why alone, for "--as-of 的日期 “…” 无效：{reason}"


class Kind(Value):
    name: str
    zh: str
    shape: str  # "scalar", "sequence" (of item kind or of mappings) or "mapping"
    convert: Converter | None = None
    item: str | None = None  # the kind of each item of a sequence of scalars

    @property
    def on_command_line(self) -> bool:
        return self.shape == "scalar" or self.item is not None


def illegal_character(value: str) -> KindError | None:
    """The error for the first character of ``value`` that XML 1.0 forbids, if any."""
    bad = ILLEGAL.search(value)
    if bad is None:
        return None
    return KindError(
        f"含有文档中不允许出现的控制字符 U+{ord(bad.group()):04X}。",
        "删除该字符（常见于从网页或 PDF 复制的文字，双引号字符串中的 \\x.. 转义也会产生它）。",
        "illegal-character",
    )


# ---------------------------------------------------------------- converters


def _text(
    spec: Field, text: str, tag: str | None, *, one_line: bool, strip: bool = True
) -> str | None:
    value = text.strip() if strip else text
    bad = illegal_character(value)
    if bad:
        raise bad
    if one_line and "\n" in value.strip():
        raise KindError("应该是一行文字。", "把换行去掉。")
    if not value.strip():
        return None
    return value


def convert_str(spec: Field, text: str, tag: str | None) -> str | None:
    return _text(spec, text, tag, one_line=True)


def convert_text(spec: Field, text: str, tag: str | None) -> str | None:
    return _text(spec, text, tag, one_line=False, strip=tag is None)


def convert_path(spec: Field, text: str, tag: str | None) -> str | None:
    value = _text(spec, text, tag, one_line=True)
    if value is None:
        return None
    if value.startswith(("/", "\\")) or re.match(r"^[A-Za-z]:[\\/]", value):
        raise KindError(
            f"写成了绝对路径 “{value}”。",
            "文件要放在档案目录内，并写相对于档案根目录的路径，如 docs/批复.pdf。",
            "path",
        )
    return value


def convert_enum(spec: Field, text: str, tag: str | None) -> str | None:
    value = _text(spec, text, tag, one_line=True)
    if value is None or not spec.choices or value in spec.choices:
        return value
    close = difflib.get_close_matches(value, spec.choices, n=1, cutoff=0.5)
    raise KindError(
        f"不能取 “{value}”。",
        (f"是不是想写 “{close[0]}”？" if close else "") + "可选：" + "、".join(spec.choices),
        "enum",
    )


def _range_hint(spec: Field) -> str:
    lo, hi = getattr(spec, "minimum", None), getattr(spec, "maximum", None)
    if lo is not None and hi is not None:
        return f"取值范围 {lo}–{hi}，写十进制阿拉伯数字，不要加引号。"
    return "写十进制阿拉伯数字，不要加引号。"


def whole_number(text: str, hint: str = "写十进制阿拉伯数字。") -> int:
    """A decimal integer (``1``, ``+12``, ``1_000``); anything else is a KindError."""
    digits = unicodedata.normalize("NFKC", text).strip().replace("_", "")
    if _PREFIXED.match(digits):
        base = {"b": "二", "o": "八", "x": "十六"}[digits.lstrip("+-")[1].lower()]
        raise KindError(f"“{text}” 是{base}进制写法，这里只认十进制整数。", hint, "type")
    if not _DECIMAL.match(digits) or "__" in text or text.strip().startswith("_"):
        raise KindError(f"应该是整数，这里是 “{text}”。", hint)
    body = digits.lstrip("+-")
    if len(body) > 1 and body.startswith("0"):
        raise KindError(
            f"整数 “{text}” 以 0 开头，可能被当作八进制。", "去掉开头的 0。" + hint, "type"
        )
    if len(body) > _MAX_DIGITS:
        raise KindError(f"数字 “{text[:20]}…” 太大（{len(body)} 位）。", hint, "range")
    return int(digits)


def convert_int(spec: Field, text: str, tag: str | None) -> int | None:
    hint = _range_hint(spec)
    if tag is not None and tag != "int":
        if tag == "str" and _DECIMAL.match(text.strip()):
            raise KindError(f"应该是整数，这里是加了引号的文字 “{text}”。", hint)
        raise KindError(f"应该是整数，这里是 “{text}”。", hint)
    if tag is None and not text.strip():
        return None
    number = whole_number(text, hint)
    lo, hi = spec.minimum, spec.maximum
    if (lo is not None and number < lo) or (hi is not None and number > hi):
        raise KindError(f"值 {number} 超出范围。", hint, "range")
    return number


_TRUE = {"true", "yes", "是", "y"}
_FALSE = {"false", "no", "否", "n"}


def convert_bool(spec: Field, text: str, tag: str | None) -> bool | None:
    low = text.strip().lower()
    if tag is None:  # the command line: the words people type
        if not low:
            return None
        if low in _TRUE:
            return True
        if low in _FALSE:
            return False
    elif tag == "bool":
        return low == "true"
    raise KindError(
        f"应该是 true 或 false，这里是 “{text}”。", "写 true（是）或 false（否），不要加引号。"
    )


def parse_date(text: str) -> date:
    """``YYYY-MM-DD`` → date, or a KindError that says exactly why not (month, day, year)."""
    value = unicodedata.normalize("NFKC", text).strip()
    m = _DATE.match(value)
    if not m:
        raise KindError(
            f"应该是 YYYY-MM-DD 格式的日期，这里是 “{text}”。",
            "例如 2025-06-30；月、日不足两位时补 0。",
            "date",
            "应该写成 YYYY-MM-DD",
        )
    year, month, day = (int(g) for g in m.groups())
    if len(m.group(2)) != 2 or len(m.group(3)) != 2:
        raise KindError(
            f"应该是 YYYY-MM-DD 格式的日期（月、日各两位），这里是 “{text}”。",
            f"写成 {year:04d}-{month:02d}-{day:02d}。",
            "date",
            "月、日应各写两位（YYYY-MM-DD）",
        )
    if not 1 <= month <= 12:
        why = "月份必须在 1 到 12 之间"
    elif day < 1:
        why = "日必须从 1 开始"
    elif not MIN_YEAR <= year <= MAX_YEAR:
        raise KindError(
            f"的年份超出 xmgl 能计算的范围（{MIN_YEAR}–{MAX_YEAR} 年）：“{text}”。",
            "核对年份是否写错。",
            "date",
            f"年份超出 xmgl 能计算的范围（{MIN_YEAR}–{MAX_YEAR} 年）",
        )
    else:
        try:
            return date(year, month, day)
        except ValueError:  # a day past the month's last
            import calendar  # only here: validate reads dates without it

            why = f"{year}年{month}月只有{calendar.monthrange(year, month)[1]}天"
    raise KindError(f"是不存在的日期 “{text}”：{why}。", "核对原始文件上的日期。", "date", why)


def convert_date(spec: Field, text: str, tag: str | None) -> date | None:
    if tag is None and not text.strip():
        return None
    return parse_date(text)


def convert_money(spec: Field, text: str, tag: str | None) -> Decimal | None:
    from xmgl.domain.money import HOW_TO_WRITE, MoneyError, parse_money

    if tag is None and not text.strip():
        return None
    if tag == "bool":
        value: object = True
    elif tag == "int":
        value = whole_number(text, HOW_TO_WRITE + "。")
    elif tag == "float" and re.fullmatch(r"[+-]?\d+\.\d+", text.strip()):
        value = Decimal(text.strip())  # a bare 185.5: 元 or 万元? parse_money says which to write
    else:
        value = text
    try:
        return parse_money(value)
    except MoneyError as exc:
        raise KindError(str(exc), "", "money") from None


# ---------------------------------------------------------------- the table

KINDS: dict[str, Kind] = {
    k.name: k
    for k in (
        Kind("str", "一行文字", "scalar", convert_str),
        Kind("text", "文字", "scalar", convert_text),
        Kind("int", "整数", "scalar", convert_int),
        Kind("bool", "true 或 false", "scalar", convert_bool),
        Kind("date", "日期（YYYY-MM-DD）", "scalar", convert_date),
        Kind("money", "金额", "scalar", convert_money),
        Kind("path", "档案内的文件路径", "scalar", convert_path),
        Kind("enum", "规定的取值之一", "scalar", convert_enum),
        Kind("enums", "列表", "sequence", item="enum"),
        Kind("strs", "列表", "sequence", item="str"),
        Kind("section", "映射（键: 值）", "mapping"),
        Kind("list", "列表", "sequence"),
        Kind("records", "列表", "sequence"),
    )
}

_SPLIT = r"[,，、]"
"""Item separators on the command line (compiled by :func:`re.split` on first use, not on import)."""


def from_command_line(spec: Field, raw: str) -> Scalar | list[Scalar]:
    """``field=value`` typed on the command line → the field's typed value (KindError if not)."""
    kind = KINDS[spec.kind]
    if kind.item is not None:
        items = [p for p in re.split(_SPLIT, raw) if p.strip()]
        if not items:
            raise KindError("值为空。")
        convert = KINDS[kind.item].convert
        assert convert is not None  # list items are kinds with a converter
        out = [convert(spec, p, None) for p in items]
        return [v for v in out if v is not None]
    if kind.convert is None:
        raise KindError(f"“{spec.name}” 是{kind.zh}，不能在命令行直接填写。")
    value = kind.convert(spec, raw, None)
    if value is None:
        raise KindError("值为空。")
    return value
