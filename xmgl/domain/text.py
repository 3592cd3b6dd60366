"""Dossier text as a document prints it: one paragraph, no stray space in Chinese.

YAML's folded style (``>``) and a clerk's line breaks join lines with a space, which
Chinese text does not use: ``"汇聚数据，\\n  实现共享"`` reads ``"汇聚数据， 实现共享"``.
The reports (``xmgl.reports``) and the portfolio's plan draft (``xmgl.portfolio``) both
print dossier text through :func:`oneline`, so a text reads the same in each.
"""

from __future__ import annotations

import re

_CJK_GAP = re.compile(r"(?<=[^\x00-\x7f])[ \t]+(?=[^\x00-\x7f])")
"""Spaces between two non-ASCII characters (汉字 or full-width punctuation)."""

CHINESE_PUNCTUATION = "，。；：、！？"
_PUNCT_GAP = re.compile(rf"(?<=[{CHINESE_PUNCTUATION}])[ \t]+|[ \t]+(?=[{CHINESE_PUNCTUATION}])")
"""Spaces next to a Chinese comma, stop, colon … whatever is on the other side: a folded
line that ends "采用，" before "GIS" reads "采用， GIS"; the mark carries its own spacing.
(Quotes and brackets keep a space a clerk typed next to Latin text.)"""


def oneline(value: str) -> str:
    """Lines joined into one paragraph, without the spaces Chinese text does not use:
    between two Chinese characters, and next to ，。；：、！？. Spaces between Latin
    words and figures ("GB/T 39786", "Java 17") stay."""
    lines = [ln.strip() for ln in value.splitlines() if ln.strip()]
    return _PUNCT_GAP.sub("", _CJK_GAP.sub("", " ".join(lines)))
