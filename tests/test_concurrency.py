"""Many processes writing one dossier at once: every success is there, every refusal is clear.

Real processes (``python -m xmgl``), real files, real git and ssh-keygen
signatures; no mocks. Without the dossier lock, records go missing here.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from xmgl.dossier.loader import load_dossier

N = 8


def spawn(root: Path, *args: str, **env: str) -> subprocess.Popen:
    return subprocess.Popen(
        [sys.executable, "-m", "xmgl", "-C", str(root), *args],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env={**os.environ, "PYTHONIOENCODING": "utf-8", **env},
    )


def finish(procs: list[subprocess.Popen]) -> list[tuple[int, str]]:
    out = []
    for p in procs:
        stdout, stderr = p.communicate(timeout=300)
        out.append((p.returncode, stdout.decode("utf-8") + stderr.decode("utf-8")))
    return out


def notes(root: Path) -> list[str]:
    return [r.note for r in load_dossier(root).records_of("payment") if r.note]


def payment(k: int) -> tuple[str, ...]:
    return ("record", "payment", "contract=HT-2026-001", "amount=1万元", f"note=并发第{k}笔")


def test_n_records_at_once_all_land(example):
    before = notes(example)
    results = finish([spawn(example, *payment(k), XMGL_LOCK_TIMEOUT="120") for k in range(N)])
    for code, output in results:
        assert code == 0, output
        assert "已添加支付记录" in output
    added = [n for n in notes(example) if n not in before]
    assert sorted(added) == sorted(f"并发第{k}笔" for k in range(N))


def test_without_waiting_every_refusal_is_clear_and_every_success_is_there(example):
    results = finish([spawn(example, *payment(k), XMGL_LOCK_TIMEOUT="0") for k in range(N)])
    present = set(notes(example))
    codes = [code for code, _ in results]
    assert 0 in codes
    for k, (code, output) in enumerate(results):
        if code == 0:
            assert f"并发第{k}笔" in present
        else:
            assert code == 9, output
            assert "档案正被另一个 xmgl 命令修改" in output
            assert "这次没有做任何修改" in output
            assert "Traceback" not in output
            assert f"并发第{k}笔" not in present


def test_a_held_lock_makes_writers_wait_then_refuse(example):
    from xmgl.gitaudit.lock import dossier_lock

    before = (example / "project.yaml").read_bytes()
    with dossier_lock(example):
        p = spawn(example, *payment(1), XMGL_LOCK_TIMEOUT="0.5")
        [(code, output)] = finish([p])
    assert code == 9, output
    assert "等待它完成（最多 0.5 秒）" in output
    assert "等了 0.5 秒仍未结束" in output
    assert (example / "project.yaml").read_bytes() == before
    # released: the same command now succeeds
    [(code, output)] = finish([spawn(example, *payment(1))])
    assert code == 0, output
    assert "并发第1笔" in notes(example)


def test_signed_commits_at_once_all_land(signed_dossier):
    root = signed_dossier
    start = int(_git(root, "rev-list", "--count", "HEAD"))
    n = 4
    args = [payment(k) for k in range(n)]
    # a plan inclusion is not needed for a payment record; commit each one
    results = finish([spawn(root, *a, "--commit", XMGL_LOCK_TIMEOUT="300") for a in args])
    for code, output in results:
        assert code == 0, output
        assert "已签名提交" in output
    assert int(_git(root, "rev-list", "--count", "HEAD")) == start + n
    committed = _git(root, "show", "HEAD:project.yaml")
    for k in range(n):
        assert f"并发第{k}笔" in committed
    assert _git(root, "status", "--porcelain") == ""
    subjects = _git(root, "log", f"-{n}", "--format=%s").splitlines()
    assert len(subjects) == n and all(s.startswith("记录：支付") for s in subjects)


def _git(root: Path, *args: str) -> str:
    return subprocess.run(
        ["git", "-C", str(root), *args], capture_output=True, text=True, check=True
    ).stdout.strip()


def test_advance_and_record_at_once_both_land(signed_dossier):
    from tests.conftest import run_cli
    from tests.test_advance import plan_record

    root = signed_dossier
    plan_record(run_cli, root)
    subprocess.run(["git", "-C", str(root), "commit", "-qam", "计划记录", "-S"], check=True)
    start = int(_git(root, "rev-list", "--count", "HEAD"))

    def call(year: int) -> tuple[str, ...]:
        return (
            "record",
            "plan_call",
            "date=2025-07-22",
            f"year={year}",
            "deadline=2026-05-26",
            "issuer=大石桥市数据局",
        )

    results = finish(
        [
            spawn(root, "advance", "plan", "--date", "2025-07-21", XMGL_LOCK_TIMEOUT="300"),
            spawn(root, *call(2027), "--commit", XMGL_LOCK_TIMEOUT="300"),
            spawn(root, *call(2028), XMGL_LOCK_TIMEOUT="300"),
        ]
    )
    for code, output in results:
        assert code == 0, output
    assert int(_git(root, "rev-list", "--count", "HEAD")) == start + 2
    committed = _git(root, "show", "HEAD:project.yaml")
    assert "current: plan" in committed and "year: 2027" in committed
    d = load_dossier(root)
    assert d.stage_name == "plan"
    assert sorted(r.year for r in d.records_of("plan_call"))[-2:] == [2027, 2028]
