"""benchmarks/make_dossiers.py makes real git repositories that load (or break on purpose)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from xmgl.dossier.loader import load_dossier
from xmgl.errors import DossierError

REPO = Path(__file__).resolve().parents[1]


def make(n: int, out: Path, *args: str) -> str:
    r = subprocess.run(
        [sys.executable, str(REPO / "benchmarks" / "make_dossiers.py"), str(n), str(out), *args],
        capture_output=True,
        text=True,
        env={**os.environ, "PYTHONPATH": str(REPO)},
    )
    assert r.returncode == 0, r.stderr
    return r.stdout


def test_generated_dossiers_are_clean_git_repositories_that_load(tmp_path):
    out = tmp_path / "d"
    assert "6 个档案（其中 0 个故意损坏）" in make(6, out, "--broken-rate", "0")
    folders = sorted(out.iterdir())
    assert [f.name for f in folders] == [f"{i:05d}" for i in range(6)]
    for f in folders:
        log = subprocess.run(
            ["git", "-C", str(f), "log", "--format=%s"], capture_output=True, text=True, check=True
        )
        assert log.stdout == "建立项目档案\n"
        status = subprocess.run(
            ["git", "-C", str(f), "status", "--porcelain"], capture_output=True, text=True
        )
        assert status.stdout == ""
        d = load_dossier(f)
        assert d.project.unit.startswith("大石桥市")
        assert all(r.date.isoformat() <= "2026-06-30" for r in d.records)


def test_broken_ones_fail_to_load_and_the_output_must_be_empty(tmp_path):
    out = tmp_path / "d"
    make(4, out, "--broken-rate", "1")
    for f in sorted(out.iterdir()):
        try:
            load_dossier(f)
        except DossierError as err:
            assert err.problems
        else:
            raise AssertionError(f"{f} should be broken")
    r = subprocess.run(
        [sys.executable, str(REPO / "benchmarks" / "make_dossiers.py"), "1", str(out)],
        capture_output=True,
        text=True,
    )
    assert r.returncode == 2 and "不是空目录" in r.stderr
