"""The regulation's text ships inside the package and the article table is parsed from it."""

from __future__ import annotations

from pathlib import Path

import xmgl
from xmgl.domain import regulation as reg


def test_the_text_is_package_data_not_a_path_on_this_machine():
    shipped = Path(xmgl.__file__).parent / "domain" / reg.SOURCE
    assert shipped.is_file()
    assert reg.text() == shipped.read_text(encoding="utf-8")
    assert reg.TITLE in reg.text() and "发布时间:2025-05-20" in reg.text()


def test_every_article_is_parsed_with_its_paragraphs_and_items():
    assert sorted(reg.ARTICLES) == list(range(1, 24))
    assert reg.ARTICLES[23] == ("本办法自发布之日起施行。",)
    assert len(reg.ARTICLES[3]) == 8  # eight bodies, eight paragraphs
    assert reg.ARTICLES[6][1] == "(一)符合数字政府总体规划;"  # items are lines of their own
    for n, paragraphs in reg.ARTICLES.items():
        first = paragraphs[0]
        assert f"{reg.article_zh(n)}  {first}" in reg.text()
        assert not any(p.startswith("第") and "条  " in p for p in paragraphs)
