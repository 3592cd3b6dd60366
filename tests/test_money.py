"""One money grammar: every spelling a clerk writes reads to the same Decimal.

The loader, ``xmgl record`` and the rules all call ``parse_money``; these tests
pin the grammar (docs: docs/dossier-format.md) and its refusals.
"""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from xmgl.domain.money import HOW_TO_WRITE, MoneyError, capital, parse_money, wan, yuan

_SMALL = str.maketrans("壹贰叁肆伍陆柒捌玖拾佰仟", "一二三四五六七八九十百千")


def spellings(amount: Decimal) -> list[object]:
    """Every way the grammar promises to read ``amount`` (whole 分, not negative)."""
    plain = format(amount, "f")
    out: list[object] = [
        f"{plain}元",
        yuan(amount),  # 1,855,000元 / 1,855,000.50元
        f"¥{amount:,.2f}",
        f"人民币{plain}元",
        wan(amount),  # 185.5万元
        wan(amount)[:-1],  # 185.5万
        wan(amount).replace("万元", " 万元"),
        f"{format((amount / 100_000_000).normalize(), 'f')}亿元",
        f"{format((amount / 1_000_000).normalize(), 'f')}百万",
        capital(amount),  # 壹佰捌拾伍万伍仟元整
        capital(amount).translate(_SMALL),  # 一百八十五万五千元整
        plain.translate(str.maketrans("0123456789", "０１２３４５６７８９"))
        + "元",  # full-width digits
    ]
    if amount == amount.to_integral_value():
        whole = int(amount)
        out += [whole, str(whole), f"{whole:,}", f"{whole}元整"]
    return out


amounts = st.one_of(
    st.integers(min_value=0, max_value=10**12 - 1).map(Decimal),
    st.integers(min_value=0, max_value=10**14 - 1).map(lambda c: Decimal(c) / 100),
    st.sampled_from([Decimal(n) for n in (0, 1, 10, 1000, 10_001, 100_005, 2_000_000, 10**8)]),
)


@given(amounts)
def test_every_spelling_reads_to_the_same_decimal(amount):
    for written in spellings(amount):
        assert parse_money(written) == amount, written


@pytest.mark.parametrize(
    ("written", "expected"),
    [
        ("200万", 2_000_000),
        ("200 万元", 2_000_000),
        ("贰佰万元整", 2_000_000),
        ("2百万", 2_000_000),
        ("两百万元", 2_000_000),
        ("3380000", 3_380_000),
        ("壹万零伍拾元伍角", Decimal("10050.50")),
        ("壹亿零伍元", 100_000_005),
        ("拾万元", 100_000),
        ("2千万元", 20_000_000),
    ],
)
def test_forms_from_the_issue(written, expected):
    assert parse_money(written) == Decimal(expected)


@pytest.mark.parametrize(
    ("written", "why"),
    [
        ("185.5", "无法判断是元还是万元"),
        ("一万五", "歧义"),  # 15000 or 10005?
        ("一百五", "歧义"),
        ("壹万伍拾元", "歧义"),  # 大写 writes 壹万零伍拾元
        ("五五元", "无法识别"),
        ("贰佰万元元", "无法识别"),
        ("万元", "无法识别"),
        ("-5元", "负数"),
        ("185.555元", "分以下"),
        ("二百万美元", "无法识别"),
    ],
)
def test_unreadable_amounts_show_the_accepted_forms(written, why):
    with pytest.raises(MoneyError) as err:
        parse_money(written)
    assert why in str(err.value)
    if why not in ("负数", "分以下"):
        assert HOW_TO_WRITE in str(err.value)
        assert "壹佰捌拾伍万元整" in str(err.value) and "185万" in str(err.value)


def test_capital_writes_zero_for_skipped_places():
    assert capital(Decimal(1_855_000)) == "壹佰捌拾伍万伍仟元整"
    assert capital(Decimal(100_000_005)) == "壹亿零伍元整"
    assert capital(Decimal(1_000_010_000)) == "壹拾亿零壹万元整"
    assert capital(Decimal("10050.5")) == "壹万零伍拾元伍角"
    assert capital(Decimal("1.05")) == "壹元零伍分"


# ---------------------------------------------------------------- exactness and size


@pytest.mark.parametrize(
    ("written", "ok"),
    [
        ("999999999999999", True),  # the largest whole amount below the limit
        ("999999999999999.99元", True),
        ("1000000000000000", False),  # 1000万亿元: on the limit, refused
        ("1000000000000001", False),
        ("999.99999999999999万亿元", True),  # 999,999,999,999,999.99元
        ("1000万亿元", False),
        ("100000000000000000000000000", False),  # beyond Decimal's 28 digits
        (10**27, False),
        (10**15 - 1, True),
    ],
)
def test_the_size_limit_is_exact_and_never_an_internal_error(written, ok):
    from xmgl.domain.money import LIMIT

    if ok:
        assert parse_money(written) < LIMIT
    else:
        with pytest.raises(MoneyError, match="大得不合情理"):
            parse_money(written)


@given(
    whole=st.integers(min_value=0, max_value=10**40),
    fraction=st.text("0123456789", min_size=0, max_size=40),
    unit=st.sampled_from(["元", "万元", "万", "亿元", "百万", "千元", "万亿元"]),
)
def test_an_amount_is_read_exactly_or_refused_never_rounded(whole, fraction, unit):
    """No digit is lost to Decimal's 28-digit default: "1.0…01万元" is not 10000."""
    from decimal import localcontext

    from xmgl.domain.money import LIMIT

    digits = f"{whole}.{fraction}" if fraction else str(whole)
    scale = {"元": 1, "万元": 10**4, "万": 10**4, "亿元": 10**8, "百万": 10**6}
    scale |= {"千元": 10**3, "万亿元": 10**12}
    with localcontext(prec=200):
        exact = Decimal(digits) * scale[unit]
    try:
        got = parse_money(digits + unit)
    except MoneyError:
        assert exact >= LIMIT or exact != exact.quantize(Decimal("0.01"))
        return
    assert got == exact and exact < LIMIT
