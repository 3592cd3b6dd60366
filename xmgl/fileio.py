"""Writing files all at once or not at all.

Every file xmgl writes — ``project.yaml``, reports, calendars, exports, the
audit cache — goes through here: a temporary file in the same folder, flushed
to disk, then renamed over the target. A failure or an interrupt never leaves
half a file, and the old file stays as it was.
"""

from __future__ import annotations

import contextlib
import os
import secrets
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import IO

_written: list[Path] = []


def written() -> list[Path]:
    """The files this process has put in place so far, in order (an interrupted command
    says which of its outputs exist; files inside a .git folder are xmgl's own state)."""
    return [p for p in _written if ".git" not in p.parts]


@contextlib.contextmanager
def atomic_open(path: Path, mode: str = "wb", encoding: str | None = None) -> Iterator[IO]:
    """Open a temporary file that replaces ``path`` when the block ends without error.

    The file keeps the permissions of the file it replaces (0644 for a new one).
    """
    path = Path(path)
    try:
        perms = path.stat().st_mode & 0o7777
    except FileNotFoundError:
        perms = 0o644
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".xmgl-tmp", dir=path.parent)
    try:
        with os.fdopen(fd, mode, encoding=encoding) as fh:
            yield fh
            fh.flush()
            os.fsync(fh.fileno())
        os.chmod(tmp, perms)
        os.replace(tmp, path)
        _written.append(path)
    except BaseException as exc:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(tmp)
        if isinstance(exc, OSError) and not exc.filename:
            exc.filename = str(path)  # "disk full" says which file could not be written
        raise
    _sync_folder(path.parent)


def atomic_write(path: Path, data: bytes) -> None:
    """Replace ``path`` with ``data`` all at once, or not at all."""
    with atomic_open(path, "wb") as fh:
        fh.write(data)


def temp_beside(target: Path) -> Path:
    """An empty, new file next to ``target`` (created with the usual, umask mode)."""
    target = Path(target)
    for _ in range(100):
        tmp = target.with_name(f".{target.name}.{secrets.token_hex(4)}.xmgl-tmp")
        try:
            fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666)
        except FileExistsError:
            continue
        os.close(fd)
        return tmp
    raise FileExistsError(f"no free temporary name beside {target}")  # pragma: no cover


def publish(tmp: Path, target: Path, *, force: bool) -> None:
    """Move the finished, synced file ``tmp`` to ``target`` all at once.

    Without ``force`` an existing ``target`` is never replaced, not even one that
    appears between a check and the move: a hard link fails if the name is
    taken (FileExistsError). With ``force`` the target is replaced.
    """
    if force:
        os.replace(tmp, target)
    else:
        try:
            os.link(tmp, target)
        except FileExistsError:
            raise
        except OSError:  # file system without hard links
            if Path(target).exists():
                raise FileExistsError(str(target)) from None
            os.replace(tmp, target)
    _written.append(Path(target))
    _sync_folder(Path(target).parent)


def _sync_folder(folder: Path) -> None:
    """Make the rename itself durable (POSIX); a no-op where folders can't be opened."""
    try:
        dirfd = os.open(folder, os.O_RDONLY)
    except OSError:  # pragma: no cover - platforms without directory fds
        return
    try:
        os.fsync(dirfd)
    except OSError:  # pragma: no cover
        pass
    finally:
        os.close(dirfd)
