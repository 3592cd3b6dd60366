"""The text of 《大石桥市政务信息化项目管理暂行办法》(2025), article by article.

``ARTICLES[10]`` is 第十条 as published, one string per paragraph (款); the items (项)
of 第六条 and 第十一条 are lines of their own, as in the published text. Used by
``xmgl explain`` and by anything that quotes the regulation.
"""

from __future__ import annotations

import re
from datetime import date

TITLE = "大石桥市政务信息化项目管理暂行办法"
ADOPTED = date(2025, 4, 15)
PUBLISHED = date(2025, 5, 20)
EFFECTIVE = PUBLISHED
"""第二十三条：本办法自发布之日起施行（2025-05-20）。"""

SOURCE = "dashiqiao-2025.txt"
"""The published text, shipped in this package (xmgl/domain/dashiqiao-2025.txt)."""


def text() -> str:
    """The regulation as published (notice, title and 第一条–第二十三条), UTF-8."""
    import os

    # A plain read beside this module: importlib.resources would cost every command
    # (validate included) several milliseconds of imports. It remains the fallback
    # for a package that is not a folder of files (a zip).
    try:
        with open(os.path.join(os.path.dirname(__file__), SOURCE), encoding="utf-8") as fh:
            return fh.read()
    except OSError:
        from importlib.resources import files

        return files(__package__).joinpath(SOURCE).read_text(encoding="utf-8")


def _articles(published: str) -> dict[int, tuple[str, ...]]:
    """Each article's paragraphs (款) and items (项), one string per line of the text."""
    body = published.split(f"\n{TITLE}\n", 1)[1]
    numbers = {number_zh(n): n for n in range(1, 100)}
    found: dict[int, list[str]] = {}
    current = None
    for line in body.splitlines():
        line = line.strip()
        m = re.match(r"^第([一二三四五六七八九十]+)条\s+(.*)$", line)
        if m:
            current = numbers[m.group(1)]
            found[current] = [m.group(2)]
        elif line and current is not None:
            found[current].append(line)
    return {n: tuple(paragraphs) for n, paragraphs in found.items()}


_DIGITS = "零一二三四五六七八九"


def number_zh(n: int) -> str:
    """1 → 一, 10 → 十, 12 → 十二, 20 → 二十, 23 → 二十三 (1–99)."""
    if not 0 < n < 100:
        raise ValueError(f"条号超出范围：{n}")
    tens, ones = divmod(n, 10)
    head = "" if tens == 0 else ("十" if tens == 1 else _DIGITS[tens] + "十")
    return head + (_DIGITS[ones] if ones else "")


ARTICLES: dict[int, tuple[str, ...]]
"""``ARTICLES[10]`` is 第十条, parsed from :func:`text` when first asked for (:func:`articles`):
``xmgl validate`` imports this module for :data:`EFFECTIVE` and quotes no article."""

_PARSED: list[dict[int, tuple[str, ...]]] = []


def articles() -> dict[int, tuple[str, ...]]:
    """:data:`ARTICLES`: the text read and parsed once, on first use."""
    if not _PARSED:
        _PARSED.append(_articles(text()))
    return _PARSED[0]


def __getattr__(name: str) -> dict[int, tuple[str, ...]]:
    if name == "ARTICLES":
        return articles()
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def article_zh(n: int) -> str:
    """10 → 第十条."""
    return f"第{number_zh(n)}条"


_ARTICLE = r"^(?:A|第)?\s*(\d{1,2}|[一二三四五六七八九十]+)\s*条?$"  # compiled on first use


def parse_article(text: str) -> int | None:
    """``'A10'``, ``'10'``, ``'第十条'``, ``'十'`` → 10; None if ``text`` names no article."""
    m = re.match(_ARTICLE, text.strip(), re.IGNORECASE)
    if not m:
        return None
    token = m.group(1)
    known = articles()
    n = int(token) if token.isdigit() else next((i for i in known if number_zh(i) == token), 0)
    return n if n in known else None


TOPICS: dict[int, str] = {
    1: "目的和依据",
    2: "适用范围和建设内容",
    3: "职责分工",
    4: "建设原则",
    5: "部署和政务云",
    6: "项目储备库",
    7: "跨层级跨部门共建共享",
    8: "年度计划征集",
    9: "年度投资计划及调整",
    10: "可研和初步设计的编报",
    11: "可研和初步设计的内容",
    12: "评估论证和批复",
    13: "管理制度",
    14: "采购和转让",
    15: "按批复实施",
    16: "季度进展报告",
    17: "初步验收和竣工验收",
    18: "验收不合格的整改",
    19: "自评价和后评价",
    20: "监督管理",
    21: "接受监督、如实提供资料",
    22: "解释",
    23: "施行日期",
}
