"""The audit benchmark still builds a history that git and xmgl both accept (small n, no timing)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]


def test_benchmark_runs_on_a_small_history(tmp_path):
    proc = subprocess.run(
        [sys.executable, str(REPO / "benchmarks" / "bench_audit.py"), "--n", "40"]
        + ["--skip-reference", "--out", str(tmp_path)],
        capture_output=True,
        text=True,
        env={"PATH": "/usr/bin:/bin", "HOME": str(tmp_path), "PYTHONPATH": str(REPO)},
        timeout=300,
    )
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert "git %G? letters: {'G': 40}" in proc.stdout
    assert "xmgl audit verify (cold cache)" in proc.stdout
