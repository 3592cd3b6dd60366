"""Once the dossier is written, nothing about showing the result may fail the command.

Real processes whose stdout cannot take the output: encoded ASCII (a
misconfigured console) or the full device /dev/full (every write fails with
ENOSPC). The record or commit is made, the exit code is 0 — a retry would
otherwise add the record twice — and stderr says what was done.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.test_advance import plan_record
from xmgl.dossier.loader import load_dossier

FULL = Path("/dev/full")
needs_full = pytest.mark.skipif(not FULL.exists(), reason="/dev/full is Linux-only")


def run(root: Path, *args: str, stdout=subprocess.PIPE, **env: str):
    return subprocess.run(
        [sys.executable, "-m", "xmgl", "-C", str(root), *args],
        stdout=stdout,
        stderr=subprocess.PIPE,
        env={**os.environ, "PYTHONIOENCODING": "utf-8", **env},
        check=False,
        timeout=300,
    )


PAYMENT = ("record", "payment", "contract=HT-2026-001", "amount=1万元", "note=输出测试")


def notes(root: Path) -> list[str]:
    return [r.note for r in load_dossier(root).records_of("payment") if r.note == "输出测试"]


def test_record_on_an_ascii_stdout_succeeds_once(example):
    r = run(example, *PAYMENT, PYTHONIOENCODING="ascii")
    assert r.returncode == 0, r.stderr.decode("ascii", "replace")
    assert notes(example) == ["输出测试"]
    assert b"Traceback" not in r.stderr


@needs_full
@pytest.mark.parametrize("fmt", ["text", "json"])
def test_record_with_stdout_on_a_full_disk_succeeds_once(example, fmt):
    with FULL.open("wb") as full:
        r = run(example, *PAYMENT, "--format", fmt, stdout=full)
    err = r.stderr.decode("utf-8")
    assert r.returncode == 0, err
    assert notes(example) == ["输出测试"]
    assert "记录已写入 project.yaml" in err and "结果无法在此终端显示" in err
    assert "Traceback" not in err and "Exception ignored" not in err


@needs_full
def test_advance_with_stdout_on_a_full_disk_is_a_success(signed_dossier):
    from tests.conftest import run_cli

    root = signed_dossier
    plan_record(run_cli, root)
    with FULL.open("wb") as full:
        r = run(root, "advance", "plan", "--date", "2025-07-21", stdout=full)
    err = r.stderr.decode("utf-8")
    assert r.returncode == 0, err
    assert "已进入 plan，签名提交" in err
    log = subprocess.run(
        ["git", "-C", str(root), "log", "-1", "--format=%s"], capture_output=True, text=True
    ).stdout
    assert log.startswith("阶段变更：项目储备 → 列入年度计划")
    assert load_dossier(root).stage_name == "plan"


def test_record_commit_on_an_ascii_stdout_is_a_success(signed_dossier):
    root = signed_dossier
    r = run(root, *PAYMENT, "--commit", PYTHONIOENCODING="ascii")
    assert r.returncode == 0, r.stderr.decode("ascii", "replace")
    assert notes(root) == ["输出测试"]
    status = subprocess.run(
        ["git", "-C", str(root), "status", "--porcelain"], capture_output=True, text=True
    ).stdout
    assert status == ""
