"""One signed commit, all or nothing — even when the process is killed half-way.

:func:`signed_commit` makes the commit with git's plumbing, in an order where
every crash point leaves either the old state or the new one:

1. ``journal``: it writes ``.git/xmgl/journal.json`` (the branch, its old commit,
   the files it will write, a token) — from now on a crash is detectable;
2. ``index-lock``: it takes ``.git/index.lock`` as git does, writing the token
   into it — so a stale lock is provably xmgl's own;
3. ``objects``: the new contents go into git's object store and a tree is built
   in a *copy* of the index (``write-tree``);
4. ``signed``: ``git commit-tree -S`` makes the signed commit object (still
   unreachable); the journal records its id (``journal-commit``);
5. ``worktree``: the new files are written into the work tree (atomically);
6. ``index``: the index copy replaces the index;
7. ``ref``: ``git update-ref HEAD new old`` moves the branch — last, and only if
   it still points where it pointed when we began (compare-and-swap);
8. ``unlock``: the index lock is removed; then the journal.

Before step 4 completes (the journal has no commit) a crash leaves the old
state: nothing in the work tree, the index or the refs changed. After it, the
commit is complete and signed, and :func:`recover` — run by the next xmgl
command — rolls the transition forward: the files and the index from the
commit, then the branch. Stale ``index.lock``/``HEAD.lock``/ref locks and temp
files are removed only when the journal proves they are xmgl's own; anything
else is explained, never deleted.

Every step is named in :data:`STEPS`. For the fault-injection tests, the
environment variable ``XMGL_TEST_KILL_AFTER=<step>`` makes the process kill
itself (SIGKILL where the platform has it) right after that step.
"""

from __future__ import annotations

import contextlib
import json
import os
import shutil
import signal
import sys
import tempfile
import uuid
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, TypeAlias

from xmgl.errors import PreconditionError, SigningError
from xmgl.gitaudit import git as g
from xmgl.gitaudit.lock import say

STEPS = (
    "locked",
    "journal",
    "index-lock",
    "objects",
    "signed",
    "journal-commit",
    "file",
    "worktree",
    "index",
    "ref",
    "unlock",
    "done",
)
JOURNAL = "journal.json"
Journal: TypeAlias = "dict[str, Any]"
"""The journal's JSON object. Any: recover() reads back what _signed_commit wrote (str
values, ``paths`` a list of str) from a file a crash, an older xmgl or a person may have
left in any shape; a version-1 journal is taken as written, any other one is removed."""
_TMP_SUFFIX = ".xmgl-tmp"


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


_SIGNING_WORDS = (
    "sign",
    "ssh-keygen",
    "gpg",
    "passphrase",
    "agent",
    "key",
    "secret",
)


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


def _commit_failure(said: str) -> Exception:
    """A failed ``commit-tree -S``: a signing problem, or what git said about something else."""
    failure = g.failure("commit-tree", said)
    lowered = said.lower()
    disk = "no space left" in lowered or "quota exceeded" in lowered
    if not disk and any(w in lowered for w in _SIGNING_WORDS):
        return SigningError(
            f"{_translate(said)}，没有生成提交；档案保持原样。\ngit 的输出：{said}",
            hint="运行 “xmgl signers” 检查签名配置；密钥有口令时先把它加入 ssh-agent。",
        )
    failure.message += "\n没有生成提交；档案保持原样。"
    return failure


def _step(name: str) -> None:
    """Fault injection for the tests: die right here, as ``kill -9`` would."""
    if os.environ.get("XMGL_TEST_KILL_AFTER") == name:
        sys.stdout.flush()
        os.kill(os.getpid(), getattr(signal, "SIGKILL", signal.SIGTERM))


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
    Holds the dossier lock (re-entrant) throughout.
    """
    from xmgl.gitaudit.lock import dossier_lock

    root = Path(root)
    top = g.top_level(root)
    if top is None:
        raise SigningError(
            f"{root} 不是 git 仓库，无法记录签名提交。",
            hint="用 “xmgl init” 新建档案，或在档案目录中运行 git init。",
        )
    with dossier_lock(top):
        _step("locked")
        recover(top)
        return _signed_commit(top, message, dict(write or {}), list(include or []), env)


def _signed_commit(
    top: Path,
    message: str,
    write: dict[str, bytes],
    include: list[str],
    env: dict[str, str] | None,
) -> str:
    from xmgl.fileio import atomic_write
    from xmgl.gitaudit.lock import state_dir

    ref = g.branch(top)
    old = g.head(top)
    for path in write:
        if (top / path).is_symlink():
            raise PreconditionError(
                f"{path} 是符号链接：签名提交只能记录档案中的真实文件，不会把链接换成普通文件。"
                "档案未被修改。",
                hint="把链接指向的文件复制到档案中（替换链接），提交后再试。",
            )
    state = state_dir(top)
    state.mkdir(parents=True, exist_ok=True)
    index = g.git_path(top, "index")
    lock = index.with_name(index.name + ".lock")
    if lock.exists():
        raise PreconditionError(
            f"另一个 git 命令正在使用这个档案（{lock} 存在），或它崩溃后留下了这个文件。"
            "档案未被修改。",
            hint="等它结束后再试；确认没有 git 命令在运行时，删除这个 .lock 文件。",
        )
    tmp_dir = Path(tempfile.mkdtemp(prefix="xmgl-commit-", dir=state))
    token = f"xmgl-transaction {uuid.uuid4()}\n"
    subject = message.splitlines()[0] if message else ""
    journal: Journal = {
        "version": 1,
        "pid": os.getpid(),
        "started": datetime.now(UTC).isoformat(timespec="seconds"),
        "subject": subject,
        "ref": ref,
        "old": old,
        "commit": None,
        "token": token,
        "index_lock": str(lock),
        "tmp": str(tmp_dir),
        "paths": sorted(write),
    }
    try:
        _write_journal(state, journal)
    except BaseException:
        shutil.rmtree(tmp_dir, ignore_errors=True)
        raise
    _step("journal")
    try:
        try:
            fd = os.open(lock, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o644)
        except FileExistsError:
            raise PreconditionError(
                f"另一个 git 命令正在使用这个档案（{lock} 存在）。档案未被修改。",
                hint="等它结束后再试；确认没有 git 命令在运行时，删除这个 .lock 文件。",
            ) from None
        try:
            os.write(fd, token.encode("ascii"))
        finally:
            os.close(fd)
        _step("index-lock")
        tmp_index = tmp_dir / "index"
        if index.exists():
            shutil.copyfile(index, tmp_index)
        run_env = {"GIT_INDEX_FILE": str(tmp_index), **(env or {})}
        for path, data in write.items():
            blob = g.git(top, "hash-object", "-w", "--path", path, "--stdin", input=data)
            g.git(
                top,
                "update-index",
                "--add",
                "--cacheinfo",
                f"{_mode_at_head(top, path)},{blob.stdout.decode().strip()},{path}",
                env=run_env,
            )
        if include:
            g.git(top, "add", "--", *include, env=run_env)
        tree = g.git(top, "write-tree", env=run_env).stdout.decode().strip()
        _step("objects")
        msg_file = tmp_dir / "message"
        msg_file.write_bytes(message.encode("utf-8"))
        parents = ["-p", old] if old else []
        proc = g.git(
            top, "commit-tree", "-S", tree, *parents, "-F", str(msg_file), env=env, check=False
        )
        if proc.returncode != 0:
            said = (proc.stderr or proc.stdout).decode("utf-8", "replace").strip()
            raise _commit_failure(said)
        sha = proc.stdout.decode().strip()
        _step("signed")
        journal["commit"] = sha
        _write_journal(state, journal)
        _step("journal-commit")
        if g.head(top) != old:  # a git command moved the branch meanwhile: nothing written yet
            raise PreconditionError(
                "分支在这次提交期间被另一个 git 命令改动了；没有生成提交，档案保持原样。",
                hint="运行 git log 看看发生了什么，然后再运行一次。",
            )
    except BaseException:
        _abandon(state, journal)
        raise
    # The signed commit exists: from here on the transition is completed, by us or by recover().
    before = {path: (top / path).read_bytes() for path in write if (top / path).is_file()}
    saved_index = tmp_dir / "index.old"
    try:
        for path, data in write.items():
            atomic_write(top / path, data)
            _step("file")
        _step("worktree")
        if index.exists():
            shutil.copyfile(index, saved_index)
        os.replace(tmp_index, index)
        _step("index")
    except OSError as err:
        raise PreconditionError(
            f"签名提交 {sha[:12]} 已经生成，但写入工作区时失败（{err.strerror or err}）。"
            "分支还没有移动；下一次运行 xmgl 命令时会自动把这次提交补完。",
            hint="腾出磁盘空间或改正权限后运行 xmgl status。",
        ) from None
    reflog = ("commit: " if old else "commit (initial): ") + subject
    moved = g.git(top, "update-ref", "-m", reflog, "HEAD", sha, old or "", check=False)
    if moved.returncode != 0:  # the branch moved under us after all: put everything back
        for path in write:
            if path in before:
                atomic_write(top / path, before[path])
            else:
                with contextlib.suppress(FileNotFoundError):
                    (top / path).unlink()
        if saved_index.exists():
            os.replace(saved_index, index)
        _abandon(state, journal)
        said = moved.stderr.decode("utf-8", "replace").strip()
        raise g.failure("update-ref", said)
    _step("ref")
    # The commit is on the branch: the command has succeeded. Tidying up is best effort
    # (what is left, the next command removes); nothing from here on may fail it.
    with contextlib.suppress(OSError):
        _remove_if_ours(lock, token)
    _step("unlock")
    with contextlib.suppress(OSError):
        _finish(state, journal)
    with contextlib.suppress(Exception):
        g.git(top, "update-index", "-q", "--refresh", check=False)
    _step("done")
    return sha


def _write_journal(state: Path, journal: Journal) -> None:
    from xmgl.fileio import atomic_write

    atomic_write(state / JOURNAL, json.dumps(journal, ensure_ascii=False, indent=1).encode())


def _read_journal(state: Path) -> Journal | None:
    try:
        data = json.loads((state / JOURNAL).read_text(encoding="utf-8"))
    except FileNotFoundError:
        return None
    except (OSError, ValueError):
        return {"version": 0}
    return data if isinstance(data, dict) else {"version": 0}


def _remove_if_ours(lock: Path, token: str) -> bool:
    try:
        content = lock.read_bytes()
    except FileNotFoundError:
        return False
    if content.decode("ascii", "replace") != token:
        return False
    lock.unlink()
    return True


def _abandon(state: Path, journal: Journal) -> None:
    """Undo a transaction that made no commit: only its own lock and temp files go."""
    _remove_if_ours(Path(journal["index_lock"]), journal["token"])
    _finish(state, journal)


def _finish(state: Path, journal: Journal) -> None:
    shutil.rmtree(journal.get("tmp") or "", ignore_errors=True)
    with contextlib.suppress(FileNotFoundError):
        (state / JOURNAL).unlink()


def pending(root: Path) -> bool:
    """True if an interrupted transaction of xmgl's is waiting to be repaired (a cheap check)."""
    from xmgl.gitaudit.lock import git_dir

    found = git_dir(root)
    return found is not None and (found / "xmgl" / JOURNAL).exists()


def recover(top: Path) -> str | None:
    """Complete or undo a transaction a killed xmgl left half-done; the dossier lock is held.

    Returns (and prints on stderr) what was done, or None when nothing was pending.
    """
    from xmgl.gitaudit.lock import state_dir

    state = state_dir(top)
    journal = _read_journal(state)
    _remove_stale_temp_files(top, state, journal)
    if journal is None:
        return None
    if journal.get("version") != 1:
        with contextlib.suppress(FileNotFoundError):
            (state / JOURNAL).unlink()
        return None
    when = journal.get("started", "")
    what = journal.get("subject", "")
    sha = journal.get("commit")
    if not sha:
        _abandon(state, journal)
        said = (
            f"上次的 xmgl 提交（{what}，{when} 开始）在生成签名提交之前被中断：没有任何改动，"
            "已清理它留下的锁文件和临时文件。"
        )
        say(said)
        return said
    ref, old = journal["ref"], journal.get("old")
    for lock in (g.git_path(top, "HEAD.lock"), g.git_path(top, ref + ".lock")):
        _remove_ref_lock_if_ours(lock, sha)
    proc = g.git(top, "rev-parse", "--verify", "--quiet", ref, check=False)
    at = proc.stdout.decode().strip() or None
    if at == sha:
        _remove_if_ours(Path(journal["index_lock"]), journal["token"])
        _finish(state, journal)
        g.git(top, "update-index", "-q", "--refresh", check=False)
        said = f"上次的 xmgl 提交（{what}）已经完成（{sha[:12]}），已清理它留下的临时文件。"
        say(said)
        return said
    if at != old:
        _remove_if_ours(Path(journal["index_lock"]), journal["token"])
        _finish(state, journal)
        said = (
            f"上次中断的 xmgl 提交（{what}，{sha[:12]}）没有补完：分支此后已被改动"
            f"（现在是 {(at or '无')[:12]}）。工作区可能还有那次提交写下的文件，"
            "请用 git status 检查。"
        )
        say(said)
        return said
    from xmgl.fileio import atomic_write

    for path in journal.get("paths", []):
        data = g.show_file(top, sha, path)
        if data is not None:
            atomic_write(top / path, data)
    _remove_if_ours(Path(journal["index_lock"]), journal["token"])
    g.git(top, "read-tree", sha)
    reflog = ("commit: " if old else "commit (initial): ") + what
    g.git(top, "update-ref", "-m", reflog, "HEAD", sha, old or "")
    _finish(state, journal)
    g.git(top, "update-index", "-q", "--refresh", check=False)
    said = (
        f"上次的 xmgl 提交（{what}）在签名提交 {sha[:12]} 生成之后被中断，"
        "已把它补完：工作区、暂存区和分支现在都是提交后的状态。"
    )
    say(said)
    return said


def _remove_ref_lock_if_ours(lock: Path, sha: str) -> None:
    """A ref lock left by our killed ``update-ref``: empty or (part of) our commit id."""
    try:
        content = lock.read_bytes().decode("ascii", "replace").strip()
    except FileNotFoundError:
        return
    if sha.startswith(content):
        lock.unlink()


def _remove_stale_temp_files(top: Path, state: Path, journal: Journal | None) -> None:
    """Temp files of atomic writes cut short: ours by name, and no writer holds the lock."""
    names = [state / JOURNAL]
    names += [top / p for p in (journal or {}).get("paths", []) or [] if isinstance(p, str)]
    for target in names:
        with contextlib.suppress(OSError):
            for tmp in target.parent.glob(f".{target.name}.*{_TMP_SUFFIX}"):
                with contextlib.suppress(OSError):
                    tmp.unlink()
    with contextlib.suppress(OSError):  # transaction folders no journal names any more
        current = (journal or {}).get("tmp")
        for folder in [*state.glob("xmgl-commit-*"), *state.parent.glob("xmgl-commit-*")]:
            if str(folder) != current:
                shutil.rmtree(folder, ignore_errors=True)


def _mode_at_head(top: Path, path: str) -> str:
    proc = g.git(top, "ls-tree", "HEAD", "--", path, check=False)
    out = proc.stdout.decode().split()
    if proc.returncode == 0 and out and out[0] in ("100644", "100755"):
        return out[0]
    return "100644"
