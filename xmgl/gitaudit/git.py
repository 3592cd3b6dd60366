"""Running the git binary: one place for the environment, errors and messages.

Signed commits must go through the git binary (GitPython's ``index.commit``
never signs), and audits must not see ``refs/replace``; both are easier to get
right when every git call passes through :func:`git`.
"""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

from xmgl.errors import PreconditionError, SigningError


def git_binary() -> str:
    path = shutil.which("git")
    if path is None:
        raise PreconditionError("找不到 git 命令。", hint="先安装 git（2.34 或更新的版本）。")
    return path


def git(
    root: Path,
    *args: str,
    check: bool = True,
    input: bytes | None = None,
    env: dict[str, str] | None = None,
) -> subprocess.CompletedProcess[bytes]:
    """Run ``git -C root args…``; on failure raise :class:`SigningError` with git's words."""
    full_env = dict(os.environ)
    full_env.setdefault("LC_ALL", "C")
    full_env["GIT_TERMINAL_PROMPT"] = "0"
    if env:
        full_env.update(env)
    proc = subprocess.run(
        [git_binary(), "-C", str(root), *args],
        input=input,
        capture_output=True,
        env=full_env,
        check=False,
    )
    if check and proc.returncode != 0:
        said = (
            proc.stderr.decode("utf-8", "replace").strip()
            or proc.stdout.decode("utf-8", "replace").strip()
        )
        raise SigningError(f"git {args[0]} 失败：{said}")
    return proc


def text(root: Path, *args: str) -> str:
    return git(root, *args).stdout.decode("utf-8", "replace").strip()


def identity(root: Path) -> tuple[str, str]:
    """The committer's name and e-mail as git will record them, or a clear error.

    Like git: ``GIT_COMMITTER_NAME`` / ``GIT_COMMITTER_EMAIL`` win over
    ``user.name`` / ``user.email``.
    """
    name = os.environ.get("GIT_COMMITTER_NAME") or (
        git(root, "config", "user.name", check=False).stdout.decode().strip()
    )
    email = os.environ.get("GIT_COMMITTER_EMAIL") or (
        git(root, "config", "user.email", check=False).stdout.decode().strip()
    )
    if not name or not email:
        raise PreconditionError(
            "git 还不知道你是谁（缺少 user.name 或 user.email）。",
            hint='运行 git config --global user.name "姓名" 和 '
            "git config --global user.email 邮箱 后再试。",
        )
    return name, email


def is_repository(root: Path) -> bool:
    proc = git(root, "rev-parse", "--is-inside-work-tree", check=False)
    return proc.returncode == 0 and proc.stdout.strip() == b"true"


def config(root: Path, key: str) -> str | None:
    """A git config value as git resolves it here (repository, then global), or None."""
    proc = git(root, "config", "--get", key, check=False)
    value = proc.stdout.decode("utf-8", "replace").strip()
    return value if proc.returncode == 0 and value else None


def git_path(root: Path, name: str) -> Path:
    """``git rev-parse --git-path name`` as an absolute path (e.g. ``index``, ``xmgl``)."""
    out = text(root, "rev-parse", "--git-path", name)
    path = Path(out)
    return path if path.is_absolute() else (Path(root) / path).resolve()


def head(root: Path) -> str | None:
    """The commit HEAD names, or None in a repository without commits."""
    proc = git(root, "rev-parse", "--verify", "--quiet", "HEAD^{commit}", check=False)
    out = proc.stdout.decode().strip()
    return out if proc.returncode == 0 and out else None


def top_level(root: Path) -> Path | None:
    proc = git(root, "rev-parse", "--show-toplevel", check=False)
    out = proc.stdout.decode("utf-8", "replace").strip()
    return Path(out).resolve() if proc.returncode == 0 and out else None


def repo_prefix(root: Path) -> tuple[Path, str]:
    """The repository's top level and the dossier's path inside it (``''`` or ``'sub/'``)."""
    top = top_level(root)
    if top is None:
        raise SigningError(
            f"{root} 不是 git 仓库：阶段变更必须记录为签名提交。",
            hint="用 “xmgl init” 新建档案（会建立 git 仓库并完成签名设置）。",
        )
    rel = Path(root).resolve().relative_to(top).as_posix()
    return top, "" if rel == "." else rel + "/"


def status(root: Path) -> list[tuple[str, str]]:
    """Uncommitted changes as ``(XY, path)`` pairs (``??`` for untracked), paths from the top."""
    out = git(
        root,
        "--no-optional-locks",  # look only: never refresh the index on the way
        "-c",
        "core.quotePath=false",
        "status",
        "--porcelain=v1",
        "-z",
        "--untracked-files=all",
        "--no-renames",
        "--ignore-submodules=none",
    ).stdout
    entries = []
    for item in out.split(b"\0"):
        if not item:
            continue
        entries.append((item[:2].decode("ascii", "replace"), item[3:].decode("utf-8", "replace")))
    return entries


def show_file(root: Path, rev: str, path: str) -> bytes | None:
    """The bytes of ``path`` at ``rev`` (no replace refs), or None if it does not exist there."""
    proc = git(root, "--no-replace-objects", "cat-file", "blob", f"{rev}:{path}", check=False)
    return proc.stdout if proc.returncode == 0 else None
