"""The project's history as xmgl wrote it: transitions, signer changes, records (from trailers).

This reads what the commits *say*; whether they may be believed is
``xmgl audit verify``'s job.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from xmgl.gitaudit import git as g
from xmgl.gitaudit import trailers as tr


@dataclass(frozen=True)
class Entry:
    commit: str
    committed: str  # ISO 8601
    author: str
    author_email: str
    committer: str
    committer_email: str
    subject: str
    trailers: dict[str, list[str]] = field(default_factory=dict)

    @property
    def kind(self) -> str:
        return tr.kind(self.trailers)

    def get(self, key: str) -> str | None:
        return tr.one(self.trailers, key)


def entries(root: Path, rev: str = "HEAD") -> list[Entry]:
    """Every commit reachable from ``rev``, oldest first (replace refs ignored)."""
    if g.head(root) is None:
        return []
    out = g.git(
        root,
        "log",
        "--topo-order",
        "--reverse",
        "-z",
        "--format=%H%x1f%cI%x1f%an%x1f%ae%x1f%cn%x1f%ce%x1f%s%x1f%B",
        rev,
        "--",
        env={"GIT_NO_REPLACE_OBJECTS": "1"},  # what the commits say, not what replaces them
    ).stdout.decode("utf-8", "replace")
    result = []
    for chunk in out.split("\0"):
        if not chunk.strip():
            continue
        parts = chunk.split("\x1f", 7)
        if len(parts) != 8:
            continue
        sha, when, an, ae, cn, ce, subject, body = parts
        result.append(Entry(sha.strip(), when, an, ae, cn, ce, subject, tr.parse(body)))
    return result
