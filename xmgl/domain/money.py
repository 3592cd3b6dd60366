"""Money as exact :class:`~decimal.Decimal` 元, never float — one grammar everywhere.

The loader (``project.yaml``), ``xmgl record field=value`` and every other reader
call :func:`parse_money`, so an amount reads the same wherever it is written.
Accepted, as a clerk writes them (full-width characters are folded first):

- a whole number of 元: ``1850000`` (a YAML integer or the text ``"1850000"``,
  thousands separators allowed: ``"1,850,000"``);
- a figure with its unit: ``"1,850,000元"``, ``"185.5万元"``, ``"185万"`` (万
  without 元), ``"185 万元"``, ``"1.2亿元"``, ``"2百万"``, ``"2千万元"``, optional
  ``人民币``/``¥`` in front and ``整`` after;
- Chinese numerals, 大写 as on contracts and invoices or 小写:
  ``"贰佰万元整"``, ``"壹佰捌拾伍万伍仟元整"``, ``"壹万零伍拾元伍角"``, ``"两百万元"``.

Rejected with a message that lists these forms: a bare figure with a fractional
part (``185.5`` — 元 or 万元?), colloquial abbreviations (``"一万五"`` — 15,000
or 10,005?), amounts below a 分, negatives, anything else.
"""

from __future__ import annotations

import re
import unicodedata
from decimal import ROUND_HALF_UP, Decimal, Inexact, InvalidOperation, localcontext

UNITS = {"元": Decimal(1), "万元": Decimal(10_000), "亿元": Decimal(100_000_000)}

TWO_MILLION = Decimal(2_000_000)
"""第十条第三款的界限：总投资 200 万元（不含）以下。"""

HOW_TO_WRITE = (
    "可以写整数元（1850000）、带单位的数字（“185万元”“185万”“1,850,000元”“1.2亿元”"
    "“2百万”）或中文大写（“壹佰捌拾伍万元整”）"
)


class MoneyError(ValueError):
    """An amount that cannot be read exactly. ``str(err)`` is a Chinese message."""


# ---------------------------------------------------------------- reading

_DIGIT = {
    **dict.fromkeys("零〇", 0),
    **dict.fromkeys("壹一", 1),
    **dict.fromkeys("贰貳二两兩", 2),
    **dict.fromkeys("叁參三", 3),
    **dict.fromkeys("肆四", 4),
    **dict.fromkeys("伍五", 5),
    **dict.fromkeys("陆陸六", 6),
    **dict.fromkeys("柒七", 7),
    **dict.fromkeys("捌八", 8),
    **dict.fromkeys("玖九", 9),
}
_SMALL = {**dict.fromkeys("拾十", 10), **dict.fromkeys("佰百", 100), **dict.fromkeys("仟千", 1000)}
_WAN, _YI = "万萬", "亿億"
_CN = "".join(_DIGIT) + "".join(_SMALL) + _WAN + _YI

_NUMBER = r"(?P<num>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)"
_ARABIC = re.compile(
    rf"^{_NUMBER}\s*(?P<mult>[拾十佰百仟千]?[万萬]?[亿億]?)\s*(?P<yuan>元|圆)?\s*(?:整|正)?$"
)
_CHINESE = (
    rf"^(?P<int>[{_CN}]*?)(?P<yuan>元|圆)?(?P<frac>(?:[{_CN}]角)?[零〇]?(?:[{_CN}]分)?)(?:整|正)?$"
)
"""大写 amounts (贰佰万元整); compiled on first use by :func:`re.match` (and cached there): most
dossiers write figures, and compiling it costs every ``xmgl validate`` ~6 million instructions."""
_PREFIX = re.compile(r"^(?:人民币|RMB|¥)\s*", re.IGNORECASE)


def _multiplier(text: str) -> Decimal:
    m = Decimal(1)
    for ch in text:
        m *= _SMALL.get(ch) or (10_000 if ch in _WAN else 100_000_000)
    return m


def _section(text: str, original: str) -> int:
    """A Chinese number below 10,000 (``"伍仟零伍拾"``); strict about omitted units."""
    total, pending, last_unit, zero = 0, None, None, False
    for ch in text:
        if ch in "零〇":
            if pending is not None:
                raise _unreadable(original)
            zero = True
            continue
        if ch in _DIGIT:
            if pending is not None:
                raise _unreadable(original)
            pending = _DIGIT[ch]
            continue
        unit = _SMALL[ch]
        if last_unit is not None and unit >= last_unit:
            raise _unreadable(original)
        if pending is None:
            if total or unit != 10:
                raise _unreadable(original)
            pending = 1  # 十二 = 12
        total += pending * unit
        pending, last_unit, zero = None, unit, False
    if pending is not None:
        if last_unit not in (None, 10) and not zero:
            # 一百五: 150 or 105? 大写 writes 壹佰伍拾 or 壹佰零伍
            raise MoneyError(
                f"金额 “{original}” 省略了单位，有歧义（如“一万五”是 15000 还是 10005？）："
                + HOW_TO_WRITE
            )
        total += pending
    return total


def _chinese_int(text: str, original: str) -> int:
    """``"贰佰万"`` → 2000000 (sections of 亿 and 万)."""
    if not text:
        return 0
    for big, size in ((_YI, 100_000_000), (_WAN, 10_000)):
        parts = re.split(f"[{big}]", text)
        if len(parts) > 2:
            raise _unreadable(original)
        if len(parts) == 2:
            high, low = parts
            if not high.strip("零〇"):
                raise _unreadable(original)
            low_value = _chinese_int(low, original)
            if low and low_value and low_value < size // 10 and not low.startswith(("零", "〇")):
                # 壹万伍拾: 大写 writes 壹万零伍拾 when a place is skipped
                raise MoneyError(f"金额 “{original}” 在{big[0]}后缺“零”，有歧义：" + HOW_TO_WRITE)
            return _chinese_int(high, original) * size + low_value
    return _section(text, original)


def _chinese_fraction(text: str, original: str) -> Decimal:
    """``"伍角陆分"``, ``"零伍分"`` → Decimal('0.56'), Decimal('0.05')."""
    m = re.fullmatch(rf"(?:([{_CN}])角)?[零〇]?(?:([{_CN}])分)?", text)
    if not m or (m[1] and m[1] not in _DIGIT) or (m[2] and m[2] not in _DIGIT):
        raise _unreadable(original)
    jiao = _DIGIT[m[1]] if m[1] else 0
    fen = _DIGIT[m[2]] if m[2] else 0
    return Decimal(jiao) / 10 + Decimal(fen) / 100


def _unreadable(original: str) -> MoneyError:
    return MoneyError(f"无法识别的金额 “{original}”：{HOW_TO_WRITE}")


LIMIT = Decimal(10) ** 15
"""Amounts from 1000万亿元 up are refused as typing slips. Below it every amount and every
sum or percentage xmgl computes from them stays exact in Decimal's 28 digits."""


def _bounded(amount: Decimal, original: object) -> Decimal:
    if amount >= LIMIT:
        raise MoneyError(f"金额 “{original}” 大得不合情理（达到 1000万亿元），请核对位数。")
    return amount


def parse_money(value: object) -> Decimal:
    """Read an amount in 元 (a YAML int, or text in any form the module docstring lists)."""
    if isinstance(value, bool):
        raise MoneyError(f"金额不能是布尔值：{HOW_TO_WRITE}")
    if isinstance(value, int):
        if value < 0:
            raise MoneyError(f"金额不能为负数：{value}")
        return _bounded(Decimal(value), value)
    if isinstance(value, float | Decimal):
        raise MoneyError(f"金额 {value} 带小数却没有单位，无法判断是元还是万元：{HOW_TO_WRITE}")
    if not isinstance(value, str):
        raise MoneyError(f"金额的类型不对：{HOW_TO_WRITE}")
    text = unicodedata.normalize("NFKC", value).strip()
    currency = _PREFIX.match(text)  # ¥ / 人民币 in front: the figure is in 元
    text = text[currency.end() :] if currency else text
    if text.startswith(("-", "负")):
        raise MoneyError(f"金额不能为负数：“{value}”")
    match = _ARABIC.match(text)
    if match:
        digits = match["num"].replace(",", "")
        if "." in digits and not (match["mult"] or match["yuan"] or currency):
            raise MoneyError(
                f"金额 “{value}” 带小数却没有单位，无法判断是元还是万元：{HOW_TO_WRITE}"
            )
        try:
            # exactly, whatever the number of digits: at the default 28 digits
            # "1.0000000000000000000000000001万元" would round to 10000 unseen
            with localcontext(prec=len(digits) + 20) as exact:
                exact.traps[Inexact] = True
                amount = Decimal(digits) * _multiplier(match["mult"])
        except (InvalidOperation, Inexact) as exc:  # pragma: no cover - exact by precision
            raise _unreadable(value) from exc
    else:
        match = re.match(_CHINESE, text)
        if not match or not (match["int"] or match["frac"]):
            raise _unreadable(value)
        amount = Decimal(_chinese_int(match["int"], value))
        if match["frac"]:
            amount += _chinese_fraction(match["frac"], value)
    _bounded(amount, value)
    if amount != amount.quantize(Decimal("0.01"), rounding=ROUND_HALF_UP):
        raise MoneyError(f"金额 “{value}” 精确到了分以下，请核对")
    return _canonical(amount)


def _canonical(amount: Decimal) -> Decimal:
    """Whole 元 without an exponent or trailing zeros; otherwise exactly two places."""
    if amount == amount.to_integral_value():
        return amount.quantize(Decimal(1))
    return amount.quantize(Decimal("0.01"))


# ---------------------------------------------------------------- writing


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


_CAP_DIGITS = "零壹贰叁肆伍陆柒捌玖"
_CAP_UNITS = ("", "拾", "佰", "仟")


def _cap_section(n: int) -> str:
    """0 < n < 10000 in 大写, with 零 for skipped places inside (not leading)."""
    out, zero = "", False
    for place in range(3, -1, -1):
        d = n // 10**place % 10
        if d == 0:
            zero = bool(out)
            continue
        if zero:
            out += "零"
            zero = False
        out += _CAP_DIGITS[d] + _CAP_UNITS[place]
    return out


def capital(amount: Decimal) -> str:
    """``Decimal('1855000')`` → ``'壹佰捌拾伍万伍仟元整'`` (大写, as contracts write it)."""
    q = amount.quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)
    whole = int(q)
    if not 0 <= whole < 10**12:
        raise ValueError(f"capital() takes 0 to 1万亿元, not {amount}")
    cents = int((q - whole) * 100)
    parts: list[str] = []
    sections = [
        (whole // 100_000_000, "亿"),
        (whole // 10_000 % 10_000, "万"),
        (whole % 10_000, ""),
    ]
    pending_zero = False
    for value, unit in sections:
        if value == 0:
            pending_zero = bool(parts)
            continue
        if parts and (pending_zero or value < 1000):
            parts.append("零")
        parts.append(_cap_section(value) + unit)
        pending_zero = False
    text = "".join(parts) or "零"
    text += "元"
    if cents == 0:
        return text + "整"
    jiao, fen = divmod(cents, 10)
    if jiao:
        text += _CAP_DIGITS[jiao] + "角"
    elif whole:
        text += "零"
    if fen:
        text += _CAP_DIGITS[fen] + "分"
    return text
