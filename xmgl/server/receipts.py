"""The receipt log: one line per accepted push, appended, never rewritten.

A receipt proves when a dossier's history reached the 数据局 (第十六条 quarterly
progress, 第十七条 acceptance application). Each line is complete or absent:

    xmgl-receipt 1 time=2026-12-02T01:55:03Z project=DSQ-2026-001 old=<id|-> new=<id>
    added=3 count=42 stage=construction prev=<16 hex>

(one line in the file). ``prev`` is the start of the SHA-256 of the line before
it, so a line taken out or edited later breaks the chain. Appending takes an
exclusive lock, cuts a torn last line (a crash in the middle of a write is the
only way to get one; it was never acknowledged), writes the whole line with one
``write`` on an ``O_APPEND`` descriptor and fsyncs it: a kill at any moment
leaves every earlier line intact and the new line either whole or absent.
"""

from __future__ import annotations

import hashlib
import os
import re
from dataclasses import dataclass
from pathlib import Path

MAGIC = "xmgl-receipt"
VERSION = "1"
_FIELDS = ("time", "project", "old", "new", "added", "count", "stage", "prev")
_LINE = re.compile(
    r"^xmgl-receipt 1 " + " ".join(rf"{name}=(?P<{name}>\S+)" for name in _FIELDS) + r"$"
)
_HEX = re.compile(r"^[0-9a-f]{40}(?:[0-9a-f]{24})?$")


@dataclass(frozen=True)
class Receipt:
    time: str
    project: str
    old: str | None
    new: str
    added: int
    count: int
    stage: str
    prev: str = "0"

    def line(self) -> str:
        return (
            f"{MAGIC} {VERSION} time={self.time} project={self.project} "
            f"old={self.old or '-'} new={self.new} added={self.added} count={self.count} "
            f"stage={self.stage or '-'} prev={self.prev}"
        )

    @property
    def anchor(self) -> str:
        """The anchor this receipt vouches for: ``new:count``."""
        return f"{self.new}:{self.count}"


class ReceiptError(ValueError):
    """Not a receipt, or a log whose chain is broken."""


def parse(line: str) -> Receipt:
    m = _LINE.match(line.strip())
    if m is None or not _HEX.match(m["new"]):
        raise ReceiptError(f"不是 xmgl 回执：{line.strip()[:60]}")
    old = None if m["old"] == "-" else m["old"]
    return Receipt(
        time=m["time"],
        project=m["project"],
        old=old,
        new=m["new"],
        added=int(m["added"]),
        count=int(m["count"]),
        stage="" if m["stage"] == "-" else m["stage"],
        prev=m["prev"],
    )


def digest(line: str) -> str:
    return hashlib.sha256((line.rstrip("\n") + "\n").encode("utf-8")).hexdigest()[:16]


def read_log(path: Path) -> list[Receipt]:
    """Every receipt in the log, checking the chain; a torn last line is ignored."""
    data = Path(path).read_bytes()
    lines = data.split(b"\n")
    lines = lines[:-1]  # the part after the last newline is empty or torn (never acknowledged)
    out: list[Receipt] = []
    prev = "0"
    for no, raw in enumerate(lines, 1):
        text = raw.decode("utf-8", "replace")
        try:
            r = parse(text)
        except ReceiptError as exc:
            raise ReceiptError(f"回执日志 {path} 第 {no} 行不是回执：被改动过。") from exc
        if r.prev != prev:
            raise ReceiptError(
                f"回执日志 {path} 第 {no} 行的 prev={r.prev} 与上一行不符（应为 {prev}）："
                "日志中有行被删除、插入或改动过。"
            )
        prev = digest(text)
        out.append(r)
    return out


def append(path: Path, make) -> Receipt:
    """Append the receipt ``make(prev)`` builds, under an exclusive lock; return it.

    ``make`` receives the digest of the last complete line (``"0"`` for the first)
    and is called with the lock held, so two pushes never chain to the same line.
    """
    import fcntl

    path = Path(path)
    fd = os.open(path, os.O_RDWR | os.O_APPEND | os.O_CREAT, 0o644)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX)
        size = os.fstat(fd).st_size
        prev = "0"
        if size:
            tail = _tail(fd, size)
            cut = tail.rfind(b"\n")
            if cut != len(tail) - 1:  # a torn last line: never acknowledged, cut it
                keep = size - (len(tail) - cut - 1)
                os.ftruncate(fd, keep)
                os.fsync(fd)
                tail = tail[: cut + 1]
            body = tail[:-1]
            last = body[body.rfind(b"\n") + 1 :] if body else b""
            if last:
                prev = digest(last.decode("utf-8", "replace"))
        receipt = make(prev)
        data = (receipt.line() + "\n").encode("utf-8")
        written = os.write(fd, data)
        if written != len(data):  # pragma: no cover - a full disk
            raise OSError("回执日志只写入了一部分（磁盘已满？）")
        os.fsync(fd)
        return receipt
    finally:
        os.close(fd)


def _tail(fd: int, size: int, chunk: int = 8192) -> bytes:
    """The end of the file: at least its last two lines (or all of it)."""
    start = size
    data = b""
    while start > 0:
        start = max(0, start - chunk)
        data = os.pread(fd, size - start, start)
        if data.count(b"\n") >= 2 or start == 0:
            return data if start == 0 else data[data.index(b"\n") + 1 :]
    return data


def resolve_anchor(spec: str, root: Path) -> str:
    """``--anchor`` as ``audit verify`` takes it: a receipt line or a receipt log becomes
    ``commit:count``; anything else is returned unchanged.

    A log holds every project's receipts. The dossier's project is the one whose
    first receipt names a commit of this repository (``日志#项目编号`` names it
    outright); its **last** receipt is the anchor, so a history rewritten after
    that push fails the check instead of falling back to an older receipt.
    """
    from xmgl.errors import UsageError

    text = spec.strip()
    project = None
    if MAGIC in text:
        try:
            return parse(text).anchor
        except ReceiptError as exc:
            raise UsageError(str(exc), hint="把回执整行原样复制过来（一整行，不要换行）。") from exc
    name, _, named = text.partition("#")
    path = Path(name).expanduser()
    if not path.is_file():
        return spec
    if named:
        project = named
    head = path.read_bytes()[:4096]
    if MAGIC.encode() not in head:
        return spec
    try:
        receipts = read_log(path)
    except ReceiptError as exc:
        raise UsageError(str(exc), hint="回执日志应由数据局服务器原样提供。") from exc
    first: dict[str, Receipt] = {}
    for r in receipts:
        first.setdefault(r.project, r)
    if project is None:
        mine = [p for p, r in first.items() if _has_commit(root, r.new)]
        if len(mine) != 1:
            why = "没有一个项目" if not mine else f"有 {len(mine)} 个项目（{'、'.join(mine)}）"
            raise UsageError(
                f"回执日志 {path} 中{why}的首次回执指向本档案的提交。",
                hint=f"用 “{path}#项目编号” 指明项目；没有本档案的回执，说明它从未被数据局接收，"
                "或首次推送的历史已被改写。",
            )
        project = mine[0]
    last = [r for r in receipts if r.project == project]
    if not last:
        raise UsageError(f"回执日志 {path} 中没有项目 {project} 的回执。")
    return last[-1].anchor


def _has_commit(root: Path, sha: str) -> bool:
    from xmgl.gitaudit import git as g

    proc = g.git(root, "--no-replace-objects", "cat-file", "-e", f"{sha}^{{commit}}", check=False)
    return proc.returncode == 0
