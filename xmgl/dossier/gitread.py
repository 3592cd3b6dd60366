"""A dossier read straight from git objects: a bare repository's tip, no checkout.

The 数据局's server holds bare repositories; the pre-receive hook validates a
commit that no ref names yet, and ``xmgl portfolio`` reads a thousand tips.
``project.yaml`` comes from the commit's tree and the documents it names are
looked up in the same tree (regular files only: a symlink is not a document),
with the loader's own messages (:func:`xmgl.dossier.loader.load_text`).
"""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

from xmgl.errors import DossierError

PROJECT_FILE = "project.yaml"
_REGULAR = (b"100644", b"100755")


def _git(git_dir: Path, *args: str) -> subprocess.CompletedProcess[bytes]:
    env = dict(os.environ)
    env.setdefault("LC_ALL", "C")
    return subprocess.run(
        ["git", "--git-dir", str(git_dir), "--no-replace-objects", *args],
        capture_output=True,
        env=env,
        check=False,
    )


def is_bare_repository(path: Path) -> bool:
    """A folder that looks like a bare repository (``HEAD``, ``objects/``, ``refs/``)."""
    return (
        (path / "HEAD").is_file()
        and (path / "objects").is_dir()
        and (path / "refs").is_dir()
        and not (path / PROJECT_FILE).exists()
    )


def tip(git_dir: Path, rev: str = "HEAD") -> str | None:
    """The commit ``rev`` names, or None (an empty repository)."""
    proc = _git(git_dir, "rev-parse", "--verify", "--quiet", f"{rev}^{{commit}}")
    out = proc.stdout.decode().strip()
    return out if proc.returncode == 0 and out else None


def read_ref(git_dir: Path, ref: str = "HEAD") -> str | None:
    """The commit ``ref`` names, read from the ref files (no git process); None if unborn.

    Falls back to ``git rev-parse`` for anything but plain loose or packed refs.
    """
    git_dir = Path(git_dir)
    name = ref
    for _ in range(5):
        try:
            text = (git_dir / name).read_text(encoding="ascii").strip()
        except (OSError, UnicodeDecodeError):
            text = ""
        if text.startswith("ref: "):
            name = text[5:].strip()
            continue
        if text:
            return text if len(text) in (40, 64) else tip(git_dir, ref)
        try:
            packed = (git_dir / "packed-refs").read_text(encoding="ascii", errors="replace")
        except OSError:
            return None
        for line in packed.splitlines():
            parts = line.split()
            if len(parts) == 2 and parts[1] == name:
                return parts[0]
        return None
    return tip(git_dir, ref)


def tree_files(git_dir: Path, rev: str) -> dict[str, str]:
    """``{path: blob id}`` of the regular files in ``rev``'s tree."""
    proc = _git(git_dir, "ls-tree", "-r", "-z", "--full-tree", rev)
    if proc.returncode != 0:
        said = proc.stderr.decode("utf-8", "replace").strip()
        raise DossierError(f"无法读取仓库 {git_dir} 的 {rev}：{said}")
    files: dict[str, str] = {}
    for entry in proc.stdout.split(b"\0"):
        if not entry:
            continue
        meta, _, name = entry.partition(b"\t")
        mode, kind, sha = meta.split(b" ")
        if kind == b"blob" and mode in _REGULAR:
            files[name.decode("utf-8", "surrogateescape")] = sha.decode()
    return files


def read_blob(git_dir: Path, sha: str) -> bytes:
    proc = _git(git_dir, "cat-file", "blob", sha)
    if proc.returncode != 0:
        raise DossierError(f"无法读取仓库 {git_dir} 中的文件对象 {sha}。")
    return proc.stdout


class _Batch:
    """One ``git cat-file --batch`` for a repository: every object a load needs, one process."""

    def __init__(self, git_dir: Path) -> None:
        env = dict(os.environ)
        env.setdefault("LC_ALL", "C")
        self.proc = subprocess.Popen(
            ["git", "--git-dir", str(git_dir), "--no-replace-objects", "cat-file", "--batch"],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL,
            env=env,
        )

    def many(self, specs: list[str]) -> list[tuple[str, str, bytes] | None]:
        """``(id, type, content)`` of each spec (None where git has no such object)."""
        assert self.proc.stdin is not None and self.proc.stdout is not None
        self.proc.stdin.write("".join(f"{spec}\n" for spec in specs).encode("utf-8"))
        self.proc.stdin.flush()
        out: list[tuple[str, str, bytes] | None] = []
        for _ in specs:
            parts = self.proc.stdout.readline().split()
            if len(parts) != 3:
                out.append(None)
                continue
            sha, kind, size = parts
            data = self.proc.stdout.read(int(size))
            self.proc.stdout.read(1)
            out.append((sha.decode(), kind.decode(), data))
        return out

    def close(self) -> None:
        if self.proc.stdin is not None:
            self.proc.stdin.close()
        self.proc.wait()

    def __enter__(self) -> _Batch:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def _entries(data: bytes, hash_len: int):
    pos = 0
    while pos < len(data):
        space = data.index(b" ", pos)
        nul = data.index(b"\0", space)
        yield (
            data[pos:space],
            data[space + 1 : nul].decode("utf-8", "surrogateescape"),
            data[nul + 1 : nul + 1 + hash_len].hex(),
        )
        pos = nul + 1 + hash_len


def _walk(batch: _Batch, rev: str) -> dict[str, str] | None:
    """``{path: blob id}`` of the regular files of ``rev``'s tree, level by level."""
    root = batch.many([f"{rev}^{{tree}}"])[0]
    if root is None or root[1] != "tree":
        return None
    hash_len = len(root[0]) // 2
    files: dict[str, str] = {}
    level = [("", root[2])]
    while level:
        subtrees: list[tuple[str, str]] = []
        for prefix, data in level:
            for mode, name, sha in _entries(data, hash_len):
                if mode in _REGULAR:
                    files[prefix + name] = sha
                elif mode.startswith(b"4"):
                    subtrees.append((f"{prefix}{name}/", sha))
        got = batch.many([sha for _, sha in subtrees]) if subtrees else []
        level = [
            (prefix, obj[2])
            for (prefix, _), obj in zip(subtrees, got, strict=True)
            if obj is not None and obj[1] == "tree"
        ]
    return files


def load_from_git(git_dir: Path, rev: str = "HEAD"):
    """The dossier at ``rev`` of the repository ``git_dir``; DossierError says what is wrong.

    One ``git cat-file --batch`` reads the tree (level by level), ``project.yaml``
    and the holiday file: a thousand repositories are a thousand processes, not more.
    """
    from xmgl.domain.holidays import HOLIDAY_FILE
    from xmgl.dossier.loader import load_text

    git_dir = Path(git_dir)
    with _Batch(git_dir) as batch:
        files = _walk(batch, rev)
        if files is None:
            raise DossierError(
                f"仓库 {git_dir} 还没有提交（{rev}），没有档案可读。",
                hint="项目单位第一次 git push 之后才有档案。",
            )
        blob = files.get(PROJECT_FILE)
        if blob is None:
            raise DossierError(
                f"仓库 {git_dir} 的最新提交中没有 {PROJECT_FILE}：不是项目档案。",
                hint="推送的应是 xmgl init 建立的档案仓库。",
            )
        wanted = [blob] + ([files[HOLIDAY_FILE]] if HOLIDAY_FILE in files else [])
        got = batch.many(wanted)
    if got[0] is None:
        raise DossierError(f"无法读取仓库 {git_dir} 中的文件对象 {blob}。")
    holidays = got[1][2] if len(got) > 1 and got[1] is not None else None
    return load_text(git_dir, got[0][2], files=frozenset(files), holidays=holidays)
