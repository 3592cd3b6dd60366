"""Wall time of each report: `xmgl report fsr`, `fsr --merged`, `quarterly` (goal ≤ 0.5 s).

Usage: python benchmarks/bench_reports.py [--runs 11]

Two figures per report, on temporary copies of the example dossiers:
- "process": the whole command in a fresh process (`python -m xmgl … --force`),
  what a user waits for — interpreter start, imports, loading the dossier,
  rendering, writing;
- "render": the same report made in this process after a warm-up
  (context + docxtpl rendering + strict XML check + atomic write).
Medians are printed, with the child's CPU time (user + sys), which a busy
machine disturbs less than wall time. Not a test: timings vary with the machine.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

GOAL = 0.5


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=11)
    args = parser.parse_args()

    from xmgl.dossier.loader import load_dossier
    from xmgl.reports import generate

    with tempfile.TemporaryDirectory(prefix="xmgl-bench-") as tmp:
        example = Path(tmp, "example")
        small = Path(tmp, "small")
        shutil.copytree(REPO / "dossier-example", example, ignore=shutil.ignore_patterns("reports"))
        shutil.copytree(REPO / "tests" / "dossiers" / "merged-small", small)
        jobs = {
            "report fsr": (example, ["report", "fsr"], "2026-09-15"),
            "report fsr --merged": (small, ["report", "fsr", "--merged"], "2026-05-20"),
            "report quarterly": (example, ["report", "quarterly"], "2026-09-15"),
        }
        env = dict(os.environ, PYTHONPATH=str(REPO))
        process: dict[str, list[float]] = {name: [] for name in jobs}
        cpu: dict[str, list[float]] = {name: [] for name in jobs}
        inproc: dict[str, list[float]] = {name: [] for name in jobs}

        def run(name: str) -> float:
            root, argv, as_of = jobs[name]
            cmd = [sys.executable, "-m", "xmgl", "--as-of", as_of, "-C", str(root), *argv]
            before = resource.getrusage(resource.RUSAGE_CHILDREN)
            start = time.perf_counter()
            subprocess.run(cmd + ["--force"], env=env, check=True, capture_output=True)
            elapsed = time.perf_counter() - start
            after = resource.getrusage(resource.RUSAGE_CHILDREN)
            used = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
            cpu[name].append(used)
            return elapsed

        def make(name: str) -> float:
            root, argv, as_of = jobs[name]
            day = dt.date.fromisoformat(as_of)
            start = time.perf_counter()
            d = load_dossier(root)
            if argv[1] == "quarterly":
                generate.quarterly(d, day, force=True)
            else:
                generate.fsr(d, day, merged="--merged" in argv, force=True)
            return time.perf_counter() - start

        for name in jobs:  # warm caches and imports
            run(name)
            make(name)
        cpu = {name: [] for name in jobs}
        for _ in range(args.runs):
            for name in jobs:
                process[name].append(run(name))
                inproc[name].append(make(name))

    print(f"{'command':<24}{'process ms':>12}{'cpu ms':>10}{'render ms':>12}{'goal':>8}")
    for name in jobs:
        p = statistics.median(process[name])
        c = statistics.median(cpu[name])
        r = statistics.median(inproc[name])
        verdict = "ok" if p <= GOAL else "SLOW"
        print(f"{name:<24}{p * 1000:>12.0f}{c * 1000:>10.0f}{r * 1000:>12.0f}{verdict:>8}")
    print(f"(medians of {args.runs} runs; goal ≤ {GOAL * 1000:.0f} ms per report, whole process)")


if __name__ == "__main__":
    main()
