"""kill -9 at every step of a signed commit: the dossier is the old state or the new, never a mix.

Each case runs the real command in a real process with
``XMGL_TEST_KILL_AFTER=<step>``, which makes xmgl SIGKILL itself right after
that step of :func:`xmgl.gitaudit.commit.signed_commit`. Then a plain reading
command (``xmgl status``) runs, which must repair what the killed one left; the
dossier must then be exactly the state before the command or exactly the state
a clean run produces (files, index, branch, message), with no lock or temp file
left, and the next command must work.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from tests.test_advance import plan_record
from xmgl.gitaudit.commit import STEPS

COMMANDS = {
    "advance": ("advance", "plan", "--date", "2025-07-21"),
    "record --commit": (
        "record",
        "payment",
        "contract=HT-2026-001",
        "amount=1万元",
        "date=2025-07-21",
        "note=崩溃测试",
        "--commit",
    ),
}


def run(root: Path, *args: str, kill_after: str | None = None) -> subprocess.CompletedProcess:
    env = {**os.environ, "PYTHONIOENCODING": "utf-8"}
    env.pop("XMGL_TEST_KILL_AFTER", None)
    if kill_after:
        env["XMGL_TEST_KILL_AFTER"] = kill_after
    return subprocess.run(
        [sys.executable, "-m", "xmgl", "-C", str(root), *args],
        capture_output=True,
        text=True,
        env=env,
        check=False,
        timeout=300,
    )


def git(root: Path, *args: str) -> str:
    return subprocess.run(
        ["git", "--no-optional-locks", "-C", str(root), *args],
        capture_output=True,
        text=True,
        check=True,
    ).stdout


def state(root: Path) -> dict:
    """What a user sees of the dossier: files, index, branch, last message (not timestamps)."""
    files = {
        p.relative_to(root).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(root.rglob("*"))
        if p.is_file() and ".git" not in p.relative_to(root).parts
    }
    return {
        "files": files,
        "index": git(root, "ls-files", "-s"),
        "tree": git(root, "rev-parse", "HEAD^{tree}"),
        "count": git(root, "rev-list", "--count", "HEAD"),
        "message": git(root, "log", "-1", "--format=%B"),
        "status": git(root, "status", "--porcelain=v1", "--untracked-files=all"),
    }


def leftovers(root: Path) -> list[str]:
    gitdir = root / ".git"
    found = [p.name for p in gitdir.rglob("*.lock") if p.name != "dossier.lock"]
    found += [p.name for p in root.glob(".*.xmgl-tmp")]
    found += [p.name for p in gitdir.rglob("xmgl-commit-*")]
    found += [p.name for p in (gitdir / "xmgl").glob("journal*")]
    return found


@pytest.fixture(scope="module")
def prepared(tmp_path_factory, signer_key_dir):
    """A signed dossier with the plan records written (not committed), and the two outcomes."""
    from tests.conftest import run_cli

    mp = pytest.MonkeyPatch()
    base = tmp_path_factory.mktemp("crash")
    try:
        home = base / "home"
        home.mkdir()
        _environment(mp, home)
        from tests.conftest import make_ssh_key

        key = make_ssh_key(signer_key_dir, "liuxm")
        root = base / "dossier"
        r = run_cli("--as-of", "2025-06-01", "init", root, "--signing-key", key, "--name", "测试")
        assert r.exit_code == 0, r.output
        from tests.conftest import EXAMPLE
        from tests.dossier_history import initial_project_text

        (root / "project.yaml").write_text(initial_project_text(), encoding="utf-8")
        for doc in (EXAMPLE / "docs").iterdir():
            shutil.copy(doc, root / "docs" / doc.name)
        git(root, "add", "-A")
        subprocess.run(["git", "-C", str(root), "commit", "-q", "-m", "填写项目档案"], check=True)
        plan_record(run_cli, root)
        old = state(root)
        new = {}
        for name, args in COMMANDS.items():
            copy = base / f"clean-{name.replace(' ', '')}"
            shutil.copytree(root, copy)
            done = run(copy, *args)
            assert done.returncode == 0, done.stdout + done.stderr
            new[name] = state(copy)
            assert new[name]["count"] != old["count"]
        yield root, old, new, mp
    finally:
        mp.undo()


def _environment(mp, home: Path) -> None:
    from tests.gitfixtures import GIT_LEAKS

    for name in GIT_LEAKS:
        mp.delenv(name, raising=False)
    mp.setenv("LC_ALL", "C.UTF-8")
    mp.setenv("HOME", str(home))
    mp.setenv("GIT_CONFIG_GLOBAL", str(home / ".gitconfig"))
    mp.setenv("GIT_CONFIG_NOSYSTEM", "1")
    for who in ("AUTHOR", "COMMITTER"):
        mp.setenv(f"GIT_{who}_NAME", "刘晓梅")
        mp.setenv(f"GIT_{who}_EMAIL", "liuxm@example.gov.cn")
    (home / ".gitconfig").write_text(
        "[user]\n\tname = 刘晓梅\n\temail = liuxm@example.gov.cn\n[init]\n\tdefaultBranch = main\n",
        encoding="utf-8",
    )
    mp.setenv("COLUMNS", "80")
    mp.setenv("NO_COLOR", "1")


@pytest.mark.parametrize("step", STEPS)
@pytest.mark.parametrize("command", list(COMMANDS))
def test_kill_at_every_step_leaves_old_or_new(prepared, tmp_path, command, step, monkeypatch):
    base, old, new, mp = prepared
    root = tmp_path / "dossier"
    shutil.copytree(base, root)
    new = new[command]

    killed = run(root, *COMMANDS[command], kill_after=step)
    assert killed.returncode == -getattr(signal, "SIGKILL", signal.SIGTERM), (
        killed.stdout + killed.stderr
    )
    # the branch moves last, in one atomic step: it is the old commit or the new one
    assert git(root, "rev-list", "--count", "HEAD") in (old["count"], new["count"])

    # the next command — a reading one — repairs what the killed one left
    after = run(root, "status")
    assert after.returncode == 0, after.stdout + after.stderr
    assert "Traceback" not in after.stderr
    now = state(root)
    assert now in (old, new), f"mixed state after kill at {step}"
    assert leftovers(root) == []
    if now == new and step not in ("ref", "unlock", "done"):
        assert "已把它补完" in after.stderr
    if now == old and step not in ("locked",):
        assert "没有任何改动" in after.stderr

    # and the command itself works next: it finishes the job or says it is done
    again = run(root, *COMMANDS[command])
    if now == old:
        assert again.returncode == 0, again.stdout + again.stderr
        assert state(root) == new
    else:
        assert state(root)["count"] in (new["count"], str(int(new["count"]) + 1) + "\n")
    verify = subprocess.run(
        ["git", "-C", str(root), "verify-commit", "HEAD"], capture_output=True, check=False
    )
    assert verify.returncode == 0, verify.stderr


# ---------------------------------------------------------------- what is not ours is explained


def _snapshot(root: Path) -> dict:
    from tests.conftest import snapshot

    return snapshot(root)


def test_a_foreign_stale_ref_lock_is_told_as_git_said_and_nothing_changes(signed_dossier):
    root = signed_dossier
    plan_record(__import__("tests.conftest", fromlist=["run_cli"]).run_cli, root)
    stale = root / ".git" / "refs" / "heads" / "main.lock"
    stale.write_text("left by a crashed git\n", encoding="utf-8")
    before = _snapshot(root)
    r = run(root, *COMMANDS["record --commit"])
    assert r.returncode == 4, r.stdout + r.stderr
    assert "另一个 git 命令正在使用这个仓库，或它崩溃后留下了锁文件" in r.stderr
    assert "main.lock" in r.stderr and "File exists" in r.stderr  # what git said
    assert "签名" not in r.stderr.split("git 的输出")[0]
    assert "Traceback" not in r.stderr
    assert stale.read_text(encoding="utf-8") == "left by a crashed git\n"  # not ours: kept
    assert _snapshot(root) == before
    stale.unlink()
    assert run(root, *COMMANDS["record --commit"]).returncode == 0


def test_a_foreign_index_lock_is_explained_not_deleted(signed_dossier):
    root = signed_dossier
    (root / ".git" / "index.lock").write_bytes(b"")
    before = (root / "project.yaml").read_bytes()
    r = run(root, *COMMANDS["record --commit"])
    assert r.returncode == 4, r.stdout + r.stderr
    assert "index.lock" in r.stderr and "删除这个 .lock 文件" in r.stderr
    assert (root / ".git" / "index.lock").exists()
    assert (root / "project.yaml").read_bytes() == before


def test_advance_on_a_detached_head_is_refused_before_anything_changes(signed_dossier):
    from tests.conftest import run_cli

    root = signed_dossier
    plan_record(run_cli, root)
    git(root, "checkout", "-q", "--detach")
    before = _snapshot(root)
    for args in (("advance", "plan", "--date", "2025-07-21"), ("advance", "plan", "--dry-run")):
        r = run(root, *args)
        assert r.returncode == 4, r.stdout + r.stderr
        assert "HEAD 处于分离状态" in r.stderr and "git switch main" in r.stderr
    r = run(root, *COMMANDS["record --commit"])
    assert r.returncode == 4 and "HEAD 处于分离状态" in r.stderr
    assert _snapshot(root) == before


def test_two_advances_at_once_one_wins_the_other_is_told_why(signed_dossier):
    from tests.conftest import run_cli

    root = signed_dossier
    plan_record(run_cli, root)
    env = {**os.environ, "PYTHONIOENCODING": "utf-8", "XMGL_LOCK_TIMEOUT": "300"}
    procs = [
        subprocess.Popen(
            [sys.executable, "-m", "xmgl", "-C", str(root), *COMMANDS["advance"]],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            env=env,
        )
        for _ in range(2)
    ]
    results = [
        (p.wait(timeout=300), p.stdout.read().decode(), p.stderr.read().decode()) for p in procs
    ]
    codes = sorted(code for code, _, _ in results)
    assert codes == [0, 4], results
    loser = next(err for code, _, err in results if code == 4)
    assert "项目已经处于 列入年度计划（plan）" in loser
    assert "签名失败" not in loser and "口令" not in loser
    assert git(root, "rev-list", "--count", "HEAD").strip() == "3"
    assert git(root, "status", "--porcelain") == ""


def test_git_failures_are_told_as_what_git_said():
    from xmgl.errors import ExitCode
    from xmgl.gitaudit import git as g

    full = g.failure("hash-object", "error: unable to write file: No space left on device")
    assert full.message.startswith("磁盘空间不足：git hash-object 没有完成。")
    assert "No space left on device" in full.message and full.exit_code == ExitCode.SIGNING
    raced = g.failure(
        "update-ref",
        "fatal: update_ref failed for ref 'HEAD': cannot lock ref 'HEAD': is at 4b27 "
        "but expected 1a2b",
    )
    assert raced.message.startswith("分支在此期间被另一个命令改动了")
    assert raced.exit_code == ExitCode.PRECONDITION
    for err in (full, raced):
        assert "签名" not in err.message and "口令" not in err.hint
