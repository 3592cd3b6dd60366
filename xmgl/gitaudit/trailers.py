"""Commit messages written by xmgl: a Chinese subject and body, English trailer keys last.

::

    阶段变更：招标采购 → 建设实施

    依据第十三条、第十四条：签订合同，开始建设（合同管理制）。
    事由：合同（contract）2026-06-01 HT-2026-001。

    Xmgl-From-Stage: procurement
    Xmgl-To-Stage: construction
    Xmgl-Date: 2026-06-01
    Xmgl-Articles: 第十三条、第十四条
    Xmgl-Event: contract 2026-06-01 HT-2026-001
    Xmgl-Actor: 刘晓梅 <liuxm@example.gov.cn>

The trailers are the last paragraph and nothing else is in it (git's own
``%(trailers)`` reads them the same way); the signature covers them.
"""

from __future__ import annotations

import re

FROM_STAGE = "Xmgl-From-Stage"
TO_STAGE = "Xmgl-To-Stage"
DATE = "Xmgl-Date"
ARTICLES = "Xmgl-Articles"
EVENT = "Xmgl-Event"
ACTOR = "Xmgl-Actor"
SIGNERS = "Xmgl-Signers"  # add / remove
SIGNER = "Xmgl-Signer"  # principal and fingerprint
RECORD = "Xmgl-Record"  # kind and date of a record committed by xmgl record --commit
INIT = "Xmgl-Init"

_KEY = r"[A-Za-z0-9][A-Za-z0-9-]*"
_TRAILER = re.compile(rf"^({_KEY}):[ \t]*(.*)$")


def compose(subject: str, body: str, trailers: list[tuple[str, str]]) -> str:
    """The full message; trailer values are kept on one line."""
    for key, value in trailers:
        if not re.fullmatch(_KEY, key) or "\n" in value:
            raise ValueError(f"bad trailer {key!r}: {value!r}")
    parts = [subject.strip()]
    if body.strip():
        parts.append(body.strip())
    parts.append("\n".join(f"{k}: {v}" for k, v in trailers))
    return "\n\n".join(parts) + "\n"


def parse(message: str) -> dict[str, list[str]]:
    """Trailers of a message: the last paragraph, if every line of it is ``Key: value``.

    Continuation lines (starting with whitespace) extend the previous value, as
    in git. A message whose last paragraph is not all trailers has none.
    """
    # blank lines (spaces and tabs only) before and after the message are not paragraphs
    text = message.replace("\r\n", "\n").strip()
    paragraphs = re.split(r"\n[ \t]*\n", text)
    if len(paragraphs) < 2:
        return {}
    last = paragraphs[-1].split("\n")
    out: dict[str, list[str]] = {}
    current: str | None = None
    for line in last:
        if line[:1] in (" ", "\t") and current is not None:
            out[current][-1] = (out[current][-1] + " " + line.strip()).strip()
            continue
        m = _TRAILER.match(line)
        if not m:
            return {}
        current = m.group(1)
        out.setdefault(current, []).append(m.group(2).strip())
    return out


def one(trailers: dict[str, list[str]], key: str) -> str | None:
    """The value of a trailer given exactly once (None if absent or repeated)."""
    values = trailers.get(key, [])
    return values[0] if len(values) == 1 else None


def kind(trailers: dict[str, list[str]]) -> str:
    """What a commit is by its trailers: transition, signers, init, record or other."""
    if TO_STAGE in trailers or FROM_STAGE in trailers:
        return "transition"
    if SIGNERS in trailers:
        return "signers"
    if INIT in trailers:
        return "init"
    if RECORD in trailers:
        return "record"
    return "other"
