"""Chinese numerals live once (xmgl.domain.regulation): article numbers and chapter numbers."""

from __future__ import annotations

import pytest

from xmgl.domain.regulation import ARTICLES, article_zh, number_zh, parse_article
from xmgl.reports import context


@pytest.mark.parametrize(
    ("n", "zh"),
    [
        (1, "一"),
        (9, "九"),
        (10, "十"),
        (11, "十一"),
        (16, "十六"),
        (20, "二十"),
        (23, "二十三"),
        (99, "九十九"),
    ],
)
def test_number_zh(n, zh):
    assert number_zh(n) == zh
    assert context.chinese_numeral is number_zh  # the reports' chapter numbers are the same fact


@pytest.mark.parametrize("n", [0, 100, -1])
def test_number_zh_out_of_range(n):
    with pytest.raises(ValueError):
        number_zh(n)


@pytest.mark.parametrize("n", sorted(ARTICLES))
@pytest.mark.parametrize(
    "spell", [str, lambda n: f"A{n}", lambda n: f"a{n}", article_zh, number_zh]
)
def test_every_article_parses_back_however_written(n, spell):
    assert parse_article(spell(n)) == n
    assert parse_article(f"  {spell(n)} ") == n


@pytest.mark.parametrize("text", ["", "24", "A0", "第二十四条", "十十", "A10-MERGE", "第条", "1.5"])
def test_what_names_no_article(text):
    assert parse_article(text) is None
