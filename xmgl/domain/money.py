"""Money as exact :class:`~decimal.Decimal` 元, never float.

A dossier writes an amount as an integer number of 元 (``1850000``) or as a
string carrying its unit (``"185万元"``, ``"1,850,000元"``, ``"1.2亿元"``). A bare
number with a fractional part (``185.5``) is ambiguous — 元 or 万元? — and is
rejected with a message that shows how to write it.
"""

from __future__ import annotations

import re
import unicodedata
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

UNITS = {"元": Decimal(1), "万元": Decimal(10_000), "亿元": Decimal(100_000_000)}
# most decimal places a figure may have in each unit so that it stays whole 分
_MAX_PLACES = {"元": 2, "万元": 6, "亿元": 10}
_NUMBER = r"(?P<num>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)"
_PATTERN = re.compile(rf"^{_NUMBER}\s*(?P<unit>元|万元|亿元)$")

TWO_MILLION = Decimal(2_000_000)
"""第十条第三款的界限：总投资 200 万元（不含）以下。"""

HOW_TO_WRITE = '请写成整数元（如 1850000）或带单位的字符串（如 "185万元"、"1,850,000元"）'


class MoneyError(ValueError):
    """An amount that cannot be read exactly. ``str(err)`` is a Chinese message."""


def parse_money(value: object) -> Decimal:
    """Read an amount in 元 from a YAML value (int or str with a unit)."""
    if isinstance(value, bool):
        raise MoneyError(f"金额不能是布尔值：{HOW_TO_WRITE}")
    if isinstance(value, int):
        if value < 0:
            raise MoneyError(f"金额不能为负数：{value}")
        return Decimal(value)
    if isinstance(value, float | Decimal):
        raise MoneyError(f"金额 {value} 带小数却没有单位，无法判断是元还是万元：{HOW_TO_WRITE}")
    if not isinstance(value, str):
        raise MoneyError(f"金额的类型不对：{HOW_TO_WRITE}")
    text = unicodedata.normalize("NFKC", value).strip()
    match = _PATTERN.match(text)
    if not match:
        if re.fullmatch(r"[\d,.]+", text):
            raise MoneyError(f"金额 “{value}” 没有单位：{HOW_TO_WRITE}")
        raise MoneyError(f"无法识别的金额 “{value}”：{HOW_TO_WRITE}")
    unit = match["unit"]
    digits = match["num"].replace(",", "")
    if "." in digits and len(digits.split(".")[1]) > _MAX_PLACES[unit]:
        raise MoneyError(f"金额 “{value}” 精确到了分以下，请核对")
    try:
        return _canonical(Decimal(digits) * UNITS[unit])
    except InvalidOperation as exc:  # pragma: no cover - the regex admits only digits
        raise MoneyError(f"无法识别的金额 “{value}”：{HOW_TO_WRITE}") from exc


def _canonical(amount: Decimal) -> Decimal:
    """Whole 元 without an exponent or trailing zeros; otherwise exactly two places."""
    if amount == amount.to_integral_value():
        return amount.quantize(Decimal(1))
    return amount.quantize(Decimal("0.01"))


def yuan(amount: Decimal) -> str:
    """``Decimal('1850000')`` → ``'1,850,000元'`` (分 shown only when present)."""
    q = amount.quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)
    if q == q.to_integral_value():
        return f"{int(q):,}元"
    return f"{q:,.2f}元"


def wan(amount: Decimal) -> str:
    """``Decimal('1855000')`` → ``'185.5万元'``: exact, trailing zeros dropped."""
    w = amount / UNITS["万元"]
    text = format(w.normalize(), "f")
    return f"{text}万元"


def wan_and_yuan(amount: Decimal) -> str:
    """The form reports use: ``'185.5万元（1,855,000元）'``."""
    return f"{wan(amount)}（{yuan(amount)}）"
