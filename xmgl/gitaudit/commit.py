"""One signed commit, all or nothing.

:func:`signed_commit` builds the commit in a *copy* of the index, with the new
file contents written only into git's object store, and asks the git binary
to sign it (``git commit -S``). Only when the commit exists does it write the
new files into the work tree (atomically) and put the index copy in place.
If anything fails — the key is missing, ssh-keygen or gpg refuses, the
process is interrupted — the work tree, the index and HEAD are exactly as
they were (git may leave unreachable objects behind; they change nothing).

While it runs it holds ``.git/index.lock``, as git itself does, so no other
git command changes the index meanwhile.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import tempfile
from pathlib import Path

from xmgl.errors import PreconditionError, SigningError
from xmgl.gitaudit import git as g


def unrelated_changes(root: Path, related: set[str]) -> list[tuple[str, str]]:
    """Uncommitted changes to tracked files other than ``related`` (paths from the top).

    Untracked files that are not ``related`` do not count: the commit will not
    contain them.
    """
    out = []
    for xy, path in g.status(root):
        if path in related:
            continue
        if xy == "??":
            continue
        out.append((xy, path))
    return out


def _translate(said: str) -> str:
    lowered = said.lower()
    if "no such file" in lowered or "couldn't load public key" in lowered:
        return "签名密钥文件不存在或无法读取"
    if "incorrect passphrase" in lowered or "passphrase" in lowered:
        return "签名密钥的口令不正确，或无法在非交互方式下输入口令"
    if "agent" in lowered:
        return "ssh-agent 中没有这把密钥"
    if "secret key not available" in lowered or "no secret key" in lowered:
        return "gpg 中没有可用的私钥"
    if "failed to write commit object" in lowered or "gpg failed" in lowered:
        return "签名程序拒绝签名"
    return "签名失败"


def signed_commit(
    root: Path,
    message: str,
    *,
    write: dict[str, bytes] | None = None,
    include: list[str] | None = None,
    env: dict[str, str] | None = None,
) -> str:
    """Commit ``write`` (new contents) and ``include`` (work-tree files as they are), signed.

    Paths are relative to the repository's top level. Returns the new commit id.
    """
    write = dict(write or {})
    include = list(include or [])
    root = Path(root)
    top = g.top_level(root)
    if top is None:
        raise SigningError(
            f"{root} 不是 git 仓库，无法记录签名提交。",
            hint="用 “xmgl init” 新建档案，或在档案目录中运行 git init。",
        )
    index = g.git_path(top, "index")
    lock = index.with_name(index.name + ".lock")
    try:
        fd = os.open(lock, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o644)
    except FileExistsError:
        raise PreconditionError(
            f"另一个 git 命令正在使用这个档案（{lock} 存在）。",
            hint="等它结束后再试；如果没有 git 命令在运行，删除这个 .lock 文件。",
        ) from None
    os.close(fd)
    tmp_dir = tempfile.mkdtemp(prefix="xmgl-commit-", dir=index.parent)
    tmp_index = Path(tmp_dir) / "index"
    try:
        if index.exists():
            shutil.copyfile(index, tmp_index)
        run_env = {"GIT_INDEX_FILE": str(tmp_index), **(env or {})}
        for path, data in write.items():
            blob = (
                g.git(top, "hash-object", "-w", "--path", path, "--stdin", input=data)
                .stdout.decode()
                .strip()
            )
            mode = _mode_at_head(top, path)
            g.git(
                top,
                "update-index",
                "--add",
                "--cacheinfo",
                f"{mode},{blob},{path}",
                env=run_env,
            )
        if include:
            g.git(top, "add", "--", *include, env=run_env)
        msg_file = Path(tmp_dir) / "message"
        msg_file.write_text(message, encoding="utf-8")
        proc = g.git(
            top,
            "commit",
            "-S",
            "--no-verify",
            "--quiet",
            "--cleanup=verbatim",
            "-F",
            str(msg_file),
            env=run_env,
            check=False,
        )
        if proc.returncode != 0:
            said = (proc.stderr or proc.stdout).decode("utf-8", "replace").strip()
            raise SigningError(
                f"{_translate(said)}，没有生成提交；档案保持原样。\ngit 的输出：{said}",
                hint="运行 “xmgl signers” 检查签名配置；密钥有口令时先把它加入 ssh-agent。",
            )
        sha = g.text(top, "rev-parse", "HEAD")
        # The commit exists: now (and only now) the work tree and the index follow.
        from xmgl.fileio import atomic_write

        for path, data in write.items():
            atomic_write(top / path, data)
        shutil.copyfile(tmp_index, lock)
        os.replace(lock, index)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(lock)
        raise
    finally:
        shutil.rmtree(tmp_dir, ignore_errors=True)
    g.git(top, "update-index", "-q", "--refresh", check=False)
    return sha


def _mode_at_head(top: Path, path: str) -> str:
    proc = g.git(top, "ls-tree", "HEAD", "--", path, check=False)
    out = proc.stdout.decode().split()
    if proc.returncode == 0 and out and out[0] in ("100644", "100755"):
        return out[0]
    return "100644"
