"""The 数据局's server end to end: real bare repositories, real hooks, real pushes.

A server directory made by ``xmgl server init``; two project units, each with
its own ssh-keygen keys in its own clone, push over ``file://`` (git runs the
installed hook script, which runs ``python -m xmgl hook …``). Accepted pushes
get a receipt; every refused push must leave the server's repository and the
receipt log byte for byte as they were, and tell the pusher in Chinese which
commit failed, why, and how to fix it.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import subprocess
from pathlib import Path

import pytest

from tests.conftest import EXAMPLE, flat, make_ssh_key, run_cli
from tests.dossier_history import LIU, MALLORY, History, initial_project_text
from tests.test_audit import _transition_message, commit_as, fingerprint_of
from xmgl.server import receipts as rc

WANG = ("王芳", "wangfang@example.gov.cn")


def push(clone: Path, url: str, *args: str, env: dict[str, str] | None = None):
    proc = subprocess.run(
        ["git", "-C", str(clone), "push", "--porcelain", url, *args],
        capture_output=True,
        text=True,
        env={**os.environ, **(env or {})},
        check=False,
    )
    return proc


def snapshot(server: Path, repo: Path) -> dict:
    """Every byte of the repository, the receipt log and the server's records."""
    out = {}
    for folder in (repo, server / "projects"):
        for p in sorted(folder.rglob("*")):
            if p.is_file() and p.name != "lock":
                out[str(p.relative_to(server))] = hashlib.sha256(p.read_bytes()).hexdigest()
            elif p.is_dir():
                out[str(p.relative_to(server)) + "/"] = "dir"
    out["receipts.log"] = (server / "receipts.log").read_bytes()
    return out


class Said:
    """What the pusher saw; ``in`` ignores git's ``remote:`` prefixes and line breaks."""

    def __init__(self, raw: str) -> None:
        self.raw = raw
        self.flat = flat(raw.replace("remote:", ""))

    def __contains__(self, needle: str) -> bool:
        return flat(needle) in self.flat

    def __repr__(self) -> str:
        return self.raw


class Site:
    """A server directory with registered projects, and helpers to push to it."""

    def __init__(self, root: Path) -> None:
        self.root = root

    def url(self, project: str) -> str:
        return f"file://{self.root}/repos/{project}.git"

    def repo(self, project: str) -> Path:
        return self.root / "repos" / f"{project}.git"

    def receipts(self) -> list[rc.Receipt]:
        return rc.read_log(self.root / "receipts.log")

    def refused(self, clone: Path, project: str, *args: str, env=None) -> str:
        """Push, expect a refusal, and check nothing on the server changed."""
        before = snapshot(self.root, self.repo(project))
        proc = push(clone, self.url(project), *args, env=env)
        assert proc.returncode != 0, proc.stderr
        assert "推送被拒绝" in proc.stderr, proc.stderr
        assert snapshot(self.root, self.repo(project)) == before
        return Said(proc.stderr)

    def accepted(self, clone: Path, project: str, *args: str, env=None) -> str:
        proc = push(clone, self.url(project), *args, env=env)
        assert proc.returncode == 0, proc.stderr
        return Said(proc.stderr)


@pytest.fixture
def site(tmp_path, history, signer_key_dir):
    """The server with 刘晓梅's project (A) and 王芳's (B), each pinned to its own key."""
    root = tmp_path / "server"
    r = run_cli("server", "init", root)
    assert r.exit_code == 0, r.output
    assert "已建立服务器目录" in r.stdout
    liu_pub = f"{history.keys['liuxm']}.pub"
    r = run_cli(
        "server", "add", root, "DSQ-A", "--trust-root", fingerprint_of(history.keys["liuxm"])
    )
    assert r.exit_code == 0, r.output
    wang = make_ssh_key(signer_key_dir, "wangfang")
    r = run_cli("server", "add", root, "DSQ-B", "--trust-root", f"{wang}.pub")
    assert r.exit_code == 0, r.output
    assert fingerprint_of(wang) in r.stdout
    assert liu_pub  # 刘晓梅's key pins A by fingerprint, 王芳's pins B by key file
    return Site(root)


@pytest.fixture
def unit_b(tmp_path, signer_key_dir):
    """王芳's own dossier, in its own clone, signed with her own key."""
    key = make_ssh_key(signer_key_dir, "wangfang")
    root = tmp_path / "unit-b"
    env = {
        "GIT_AUTHOR_NAME": WANG[0],
        "GIT_AUTHOR_EMAIL": WANG[1],
        "GIT_COMMITTER_NAME": WANG[0],
        "GIT_COMMITTER_EMAIL": WANG[1],
    }
    with pytest.MonkeyPatch.context() as mp:
        for k, v in env.items():
            mp.setenv(k, v)
        r = run_cli("--as-of", "2025-06-01", "init", root, "--signing-key", key, "--name", WANG[0])
        assert r.exit_code == 0, r.output
        (root / "project.yaml").write_text(initial_project_text(), encoding="utf-8")
        for doc in (EXAMPLE / "docs").iterdir():
            shutil.copy(doc, root / "docs" / doc.name)
        subprocess.run(["git", "-C", str(root), "add", "-A"], check=True)
        subprocess.run(["git", "-C", str(root), "commit", "-q", "-m", "填写项目档案"], check=True)
    return History(root, {"wangfang": key}), env


def head(clone: Path) -> str:
    return subprocess.run(
        ["git", "-C", str(clone), "rev-parse", "HEAD"], capture_output=True, text=True, check=True
    ).stdout.strip()


def count(clone: Path) -> int:
    out = subprocess.run(
        ["git", "-C", str(clone), "rev-list", "--count", "HEAD"],
        capture_output=True,
        text=True,
        check=True,
    )
    return int(out.stdout)


# ---------------------------------------------------------------- accepted


def test_two_units_push_and_get_receipts(site, history, unit_b, xmgl):
    out = site.accepted(history.root, "DSQ-A", "main")
    assert "✓ 审计通过：" in out and f"{count(history.root)} 个新提交" in out
    assert "数据局已接收并登记：项目 DSQ-A" in out
    [first] = site.receipts()
    assert first.project == "DSQ-A" and first.old is None
    assert first.new == head(history.root) and first.count == count(history.root)
    assert first.added == first.count and first.stage == "in_operation"
    assert first.line() in out.raw  # the pusher gets the receipt line itself, whole

    # 王芳 pushes her own project with her own key
    b, env = unit_b
    out = site.accepted(b.root, "DSQ-B", "main", env=env)
    assert "阶段：项目储备" in out

    # 刘晓梅 records something and pushes one more commit: incremental, chained
    commit_as(history, LIU, "liuxm", "补充说明")
    out = site.accepted(history.root, "DSQ-A", "main")
    assert "✓ 审计通过：1 个新提交" in out
    receipts = site.receipts()
    assert [r.project for r in receipts] == ["DSQ-A", "DSQ-B", "DSQ-A"]
    last = receipts[-1]
    assert last.old == first.new and last.new == head(history.root)
    assert last.added == 1 and last.count == first.count + 1
    assert last.prev == rc.digest(receipts[1].line())
    state = json.loads((site.root / "projects/DSQ-A/state.json").read_text())
    assert state["tip"] == last.new and state["stage"] == "in_operation"

    # the receipt, or the whole log, is an anchor for audit verify
    r = xmgl("-C", history.root, "audit", "verify", "--anchor", last.line())
    assert r.exit_code == 0, r.output
    assert f"锚点：{last.new[:12]}（{last.count} 个提交）是当前历史的祖先" in r.stdout
    r = xmgl("-C", b.root, "audit", "verify", "--anchor", site.root / "receipts.log")
    assert r.exit_code == 0, r.output
    assert f"锚点：{receipts[1].new[:12]}" in r.stdout


def test_validate_errors_are_reported_and_accepted_unless_the_server_refuses_them(
    site, unit_b, tmp_path
):
    b, env = unit_b
    # a signed commit that deletes the documents project.yaml names: validate errors,
    # not audit failures
    subprocess.run(["git", "-C", str(b.root), "rm", "-r", "-q", "docs"], check=True)
    subprocess.run(
        ["git", "-C", str(b.root), "commit", "-q", "-m", "删除文件"],
        check=True,
        env={**os.environ, **env},
    )
    out = site.accepted(b.root, "DSQ-B", "main", env=env)
    assert "校验发现" in out and "仍予接收" in out and "引用的文件不存在" in out
    assert len(site.receipts()) == 1
    strict = tmp_path / "strict"
    assert run_cli("server", "init", strict, "--refuse", "validate-errors").exit_code == 0
    wang = b.keys["wangfang"]
    assert run_cli("server", "add", strict, "DSQ-B", "--trust-root", f"{wang}.pub").exit_code == 0
    s = Site(strict)
    out = s.refused(b.root, "DSQ-B", "main", env=env)
    assert "按本服务器的规定，拒绝接收" in out and "引用的文件不存在" in out
    assert "在本地运行 xmgl validate" in out
    assert s.receipts() == []


# ---------------------------------------------------------------- refused


@pytest.fixture
def pushed(site, history):
    site.accepted(history.root, "DSQ-A", "main")
    return site


def test_unsigned_commit_is_refused(pushed, history):
    sha = commit_as(history, LIU, None, "补充说明")
    out = pushed.refused(history.root, "DSQ-A", "main")
    assert f"提交 {sha[:12]}" in out and "[unsigned] 提交未签名。" in out
    assert "怎么改：" in out and "git commit -S" in out


def test_unknown_key_is_refused(pushed, history):
    sha = commit_as(history, MALLORY, "mallory", "补充说明")
    out = pushed.refused(history.root, "DSQ-A", "main")
    assert f"提交 {sha[:12]}" in out and "[key-not-allowed]" in out
    assert "xmgl signers add" in out


def test_stage_edited_by_hand_is_refused(pushed, history):
    path = history.root / "project.yaml"
    text = path.read_text(encoding="utf-8").replace(
        "  current: in_operation", "  current: self_evaluation"
    )
    sha = commit_as(history, LIU, "liuxm", "更新档案", files={"project.yaml": text})
    out = pushed.refused(history.root, "DSQ-A", "main")
    assert f"提交 {sha[:12]}" in out and "[stage-edited]" in out
    assert "xmgl advance" in out


def test_illegal_transition_is_refused(pushed, history):
    path = history.root / "project.yaml"
    text = path.read_text(encoding="utf-8")
    text = text.replace("  current: in_operation", "  current: post_evaluation").replace(
        "  since: 2026-10-25", "  since: 2026-11-01"
    )
    message = _transition_message("in_operation", "post_evaluation", "2026-11-01")
    sha = commit_as(history, LIU, "liuxm", message, files={"project.yaml": text})
    out = pushed.refused(history.root, "DSQ-A", "main")
    assert f"提交 {sha[:12]}" in out and "[illegal-transition]" in out


def test_force_push_of_a_rewritten_history_is_refused(pushed, history):
    # rewrite the last pushed commit (re-signed, otherwise valid) and force it
    history.git(
        "-c",
        f"user.signingkey={history.keys['liuxm']}",
        "commit",
        "-q",
        "-S",
        "--amend",
        "-m",
        "改写过的提交",
    )
    out = pushed.refused(history.root, "DSQ-A", "+main")
    assert "强制推送被拒绝" in out and "git fetch origin" in out


def test_a_new_history_under_a_key_that_is_not_pinned_is_refused(site, tmp_path, history):
    # 马某 makes a fresh dossier with his own key and pushes it as project A's first push
    key = history.keys["mallory"]
    root = tmp_path / "forged"
    env = {
        "GIT_AUTHOR_NAME": MALLORY[0],
        "GIT_AUTHOR_EMAIL": MALLORY[1],
        "GIT_COMMITTER_NAME": MALLORY[0],
        "GIT_COMMITTER_EMAIL": MALLORY[1],
    }
    with pytest.MonkeyPatch.context() as mp:
        for k, v in env.items():
            mp.setenv(k, v)
        assert run_cli("--as-of", "2025-06-01", "init", root, "--signing-key", key).exit_code == 0
    out = site.refused(root, "DSQ-A", "main", env=env)
    assert "[trust-root-not-pinned]" in out
    assert f"签名密钥 {fingerprint_of(key)} 不是数据局为本项目登记的信任根" in out
    # and once project A has its history, a re-created one is a rewrite
    site.accepted(history.root, "DSQ-A", "main")
    out = site.refused(root, "DSQ-A", "+main", env=env)
    assert "强制推送被拒绝" in out


def test_branch_deletion_and_other_branches_are_refused(pushed, history):
    out = pushed.refused(history.root, "DSQ-A", ":main")
    assert "不能删除主分支 main" in out
    out = pushed.refused(history.root, "DSQ-A", "main:refs/heads/草稿")
    assert "只接收档案的主分支 main" in out


def test_a_hook_that_crashes_or_times_out_refuses(pushed, history):
    config = pushed.root / "xmgl-server.json"
    good = config.read_text(encoding="utf-8")
    commit_as(history, LIU, "liuxm", "补充说明")
    config.write_text("{ 不是 JSON", encoding="utf-8")
    out = pushed.refused(history.root, "DSQ-A", "main")
    assert "检查程序出错" in out and "服务器配置" in out
    data = json.loads(good)
    data["timeout_seconds"] = 0.001
    config.write_text(json.dumps(data), encoding="utf-8")
    out = pushed.refused(history.root, "DSQ-A", "main")
    assert "检查超时" in out
    config.write_text(good, encoding="utf-8")
    pushed.accepted(history.root, "DSQ-A", "main")


def test_every_remote_line_fits_80_columns(pushed, history):
    from xmgl.server.hook import _width

    commit_as(history, MALLORY, "mallory", "补充说明")
    out = pushed.refused(history.root, "DSQ-A", "main")
    lines = [ln for ln in out.raw.splitlines() if ln.startswith("remote:")]
    assert lines and all(_width(ln.rstrip()) <= 80 for ln in lines), lines


# ---------------------------------------------------------------- the receipt log


def _receipt(prev: str, n: int) -> rc.Receipt:
    return rc.Receipt("2026-12-01T00:00:00Z", "P", None, f"{n:040x}", 1, n, "plan", prev)


def test_a_torn_last_line_is_cut_and_the_chain_goes_on(tmp_path):
    log = tmp_path / "receipts.log"
    rc.append(log, lambda prev: _receipt(prev, 1))
    with log.open("ab") as fh:
        fh.write(b"xmgl-receipt 1 time=2026-12-01T00:00:01Z project=P old=- new=")  # torn
    assert len(rc.read_log(log)) == 1  # a reader ignores the torn line
    rc.append(log, lambda prev: _receipt(prev, 2))
    got = rc.read_log(log)
    assert [r.count for r in got] == [1, 2]
    assert got[1].prev == rc.digest(got[0].line())
    # an edited line breaks the chain
    log.write_text(log.read_text().replace("count=1", "count=9"))
    with pytest.raises(rc.ReceiptError, match="第 2 行的 prev"):
        rc.read_log(log)


def test_the_log_survives_kills_at_any_moment(tmp_path):
    """Writers killed at random moments: every line left is whole and the chain holds."""
    import random
    import signal
    import sys
    import time

    log = tmp_path / "receipts.log"
    code = (
        "import sys\n"
        "from xmgl.server import receipts as rc\n"
        "n = 0\n"
        "while True:\n"
        "    n += 1\n"
        "    rc.append(sys.argv[1], lambda prev: rc.Receipt('2026-12-01T00:00:00Z', 'P', None,"
        " f'{n:040x}', 1, n, 'plan', prev))\n"
    )
    rng = random.Random(14)
    for _ in range(6):
        size = log.stat().st_size if log.exists() else 0
        procs = [subprocess.Popen([sys.executable, "-c", code, str(log)]) for _ in range(2)]
        deadline = time.monotonic() + 60  # a loaded machine starts Python slowly
        while (log.stat().st_size if log.exists() else 0) <= size and time.monotonic() < deadline:
            time.sleep(0.01)
        time.sleep(0.05 + rng.random() * 0.2)  # killed mid-append, somewhere
        for p in procs:
            os.kill(p.pid, signal.SIGKILL)
            p.wait()
    receipts = rc.read_log(log)
    assert len(receipts) > 10
    rc.append(log, lambda prev: _receipt(prev, 10**6))
    assert rc.read_log(log)[-1].count == 10**6


def test_two_pushes_at_once_are_serialized(pushed, history, tmp_path):
    """Two clones push different commits at the same moment: one is accepted, one refused."""
    other = history.copy(tmp_path / "other-clone")
    a = commit_as(history, LIU, "liuxm", "甲的补充")
    b = commit_as(other, LIU, "liuxm", "乙的补充")
    before = len(pushed.receipts())
    procs = [
        subprocess.Popen(
            ["git", "-C", str(clone.root), "push", pushed.url("DSQ-A"), "main"],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for clone in (history, other)
    ]
    results = [(p.wait(), p.stderr.read()) for p in procs]
    assert sorted(code == 0 for code, _ in results) == [False, True], results
    winner = a if results[0][0] == 0 else b
    receipts = pushed.receipts()
    assert len(receipts) == before + 1 and receipts[-1].new == winner
    state = json.loads((pushed.root / "projects/DSQ-A/state.json").read_text())
    assert state["tip"] == winner
    tip = subprocess.run(
        ["git", "--git-dir", str(pushed.repo("DSQ-A")), "rev-parse", "main"],
        capture_output=True,
        text=True,
    ).stdout.strip()
    assert tip == winner


def test_the_hook_command_is_the_same_check(pushed, history, monkeypatch):
    """``xmgl hook pre-receive`` (what Gitea/GitLab admins may call) refuses as the script does."""
    import io

    from tests.conftest import run_cli as cli

    tip = head(history.root)
    monkeypatch.setenv("GIT_DIR", str(pushed.repo("DSQ-A")))
    monkeypatch.setattr("sys.stdin", io.StringIO(f"{tip} {'0' * 40} refs/heads/main\n"))
    r = cli("hook", "pre-receive", "--server", pushed.root)
    assert r.exit_code == 1
    assert flat("不能删除主分支 main") in flat(r.stderr) and "推送被拒绝" in r.stderr
    monkeypatch.setattr("sys.stdin", io.StringIO(f"{tip} {tip} refs/heads/main\n"))
    r = cli("hook", "pre-receive", "--server", pushed.root)
    assert r.exit_code == 0, r.output
