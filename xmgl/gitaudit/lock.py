"""One lock per dossier, held by every command that writes it.

Two ``xmgl record`` (or ``record --commit``, ``advance``, ``signers add``…) on
one dossier at the same time would each read ``project.yaml``, add their
record and write it back: the later write drops the earlier record. Every
command that writes the dossier therefore holds :func:`dossier_lock` for its
whole read-modify-write-commit.

The lock is an operating-system file lock taken through the ``filelock``
library (``flock`` on Linux, including 信创 distributions; ``msvcrt.locking``
on Windows). The operating system releases it when the process ends, however
it ends (a crash or ``kill -9`` included), so a lock is never left stale and
never has to be deleted by hand; the lock file itself may stay behind, empty.

Where the lock lives: in the git directory of the dossier's repository
(``.git/xmgl/dossier.lock``; one per work tree, as git's index is), so it is
never part of the dossier's files. A dossier outside git is locked by a file in
the temporary folder named after the dossier's path.

If the lock is taken, the command waits (``XMGL_LOCK_TIMEOUT`` seconds, 15 by
default), saying so once on stderr, and then refuses with :class:`DossierBusy`
(exit code 9).
"""

from __future__ import annotations

import contextlib
import os
import sys
from collections.abc import Iterator
from pathlib import Path

from xmgl.errors import DossierBusy, FileSystemError

DEFAULT_TIMEOUT = 15.0


def git_dir(start: Path) -> Path | None:
    """The git directory of the repository holding ``start`` (as git finds it), or None.

    Pure file-system look-up (no git process): ``.git`` folder, or a ``.git``
    file saying ``gitdir: …`` (linked work trees, submodules).
    """
    start = Path(start).resolve()
    for folder in (start, *start.parents):
        dot = folder / ".git"
        if dot.is_dir():
            return dot
        if dot.is_file():
            try:
                text = dot.read_text(encoding="utf-8", errors="replace").strip()
            except OSError:
                return None
            if text.startswith("gitdir:"):
                target = Path(text[len("gitdir:") :].strip())
                return (target if target.is_absolute() else folder / target).resolve()
            return None
    return None


def state_dir(root: Path) -> Path:
    """Where xmgl keeps its own state for the dossier at ``root`` (lock, journal)."""
    found = git_dir(root)
    if found is not None:
        return found / "xmgl"
    import hashlib  # only for a dossier outside git; every command reaches this module
    import tempfile

    digest = hashlib.sha256(str(Path(root).resolve()).encode("utf-8")).hexdigest()[:16]
    return Path(tempfile.gettempdir()) / "xmgl-locks" / digest


def lock_path(root: Path) -> Path:
    return state_dir(root) / "dossier.lock"


def _timeout() -> float:
    raw = os.environ.get("XMGL_LOCK_TIMEOUT", "")
    try:
        value = float(raw)
    except ValueError:
        return DEFAULT_TIMEOUT
    return value if value >= 0 else DEFAULT_TIMEOUT


@contextlib.contextmanager
def dossier_lock(root: Path) -> Iterator[Path]:
    """Hold the dossier's lock for the block; wait briefly, then refuse with DossierBusy.

    Re-entrant within one process (a command holding it may call code that takes it again).
    """
    from filelock import FileLock, Timeout

    path = lock_path(root)
    with contextlib.suppress(OSError):  # FileLock below reports an unusable folder
        path.parent.mkdir(parents=True, exist_ok=True)
    lock = FileLock(str(path), is_singleton=True)
    try:
        try:
            lock.acquire(blocking=False)
        except Timeout:
            wait = _timeout()
            say(f"档案正被另一个 xmgl 命令修改，等待它完成（最多 {wait:g} 秒）……")
            try:
                lock.acquire(timeout=wait)
            except Timeout:
                raise DossierBusy(
                    f"档案正被另一个 xmgl 命令修改，等了 {wait:g} 秒仍未结束；"
                    f"这次没有做任何修改。\n锁文件：{path}",
                    hint="等那个命令结束后再运行一次。锁由操作系统管理，进程退出（包括崩溃）"
                    "时自动释放，不要删除锁文件；要等更久，设置环境变量 XMGL_LOCK_TIMEOUT（秒）。",
                ) from None
    except OSError as err:  # read-only medium, no permission, no space…
        raise FileSystemError(
            f"无法取得档案锁：不能在 {path.parent} 中创建锁文件（{err.strerror or err}）。"
            "档案未被修改。",
            hint="检查档案目录（及其 .git 目录）是否可写：只读介质或没有写权限时不能修改档案。",
        ) from None
    try:
        if lock.lock_counter == 1:  # the outermost holder tidies what a killed writer left
            repair(root)
        yield path
    finally:
        lock.release()


def pending(root: Path) -> bool:
    """True if a killed xmgl left a half-done commit here (one stat; no git process)."""
    found = git_dir(root)
    return found is not None and (found / "xmgl" / "journal.json").exists()


def repair(root: Path) -> None:
    """With the lock held: finish or undo a killed writer's work (provably its own only).

    No other xmgl writer can be running (we hold the lock), so temp files of an
    atomic write of ``project.yaml`` are left-overs of a killed one; a journal
    means a signed commit was cut short (see :func:`xmgl.gitaudit.commit.recover`).
    """
    root = Path(root)
    for tmp in root.glob(".project.yaml.*.xmgl-tmp"):
        with contextlib.suppress(OSError):
            tmp.unlink()
    if pending(root):
        from xmgl.gitaudit import git as g
        from xmgl.gitaudit.commit import recover

        top = g.top_level(root)
        if top is not None:
            recover(top)


def repair_if_pending(root: Path) -> None:
    """For every command, reading ones too: repair a half-done commit before looking at it."""
    if pending(root):
        with dossier_lock(root):
            pass


def say(text: str) -> None:
    """One line to the user on stderr; a stream that cannot take it changes nothing."""
    try:
        sys.stderr.write(text + "\n")
        sys.stderr.flush()
    except (OSError, UnicodeError, ValueError):
        pass
