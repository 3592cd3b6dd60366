"""Wall time and peak memory of ``xmgl portfolio`` over generated dossiers.

    python benchmarks/bench_portfolio.py [--sizes 1000,10000] [--jobs J] [--out DIR]

For each size N, dossiers are generated once into OUT/N (default
benchmarks/out/, which git ignores) with make_dossiers.py, then
``xmgl portfolio OUT/N --format json --as-of 2026-06-30`` runs as a subprocess
with its output discarded. Reported:

* wall time, and per dossier;
* peak memory of the whole process tree (the command and its workers), sampled
  from /proc every 20 ms — as the sum of RSS (pages shared copy-on-write by the
  forked workers counted once per process: an upper bound) and as the sum of PSS
  (shared pages split between the processes that share them: what the tree
  really costs);
* the largest single process (``getrusage(RUSAGE_CHILDREN).ru_maxrss``, the
  maximum over the runs so far);
* CPU time of the whole tree (user + system): unlike wall time it does not depend
  on what else the machine is doing — the 1-minute load average at the start is
  printed so that a busy machine shows.

Goals (issue 6): 1,000 dossiers ≤ 10 s on 2 cores, 10,000 linear, peak ≤ 200 MB.
Timings are figures to read, never test assertions.
"""

from __future__ import annotations

import argparse
import os
import resource
import subprocess
import sys
import threading
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
AS_OF = "2026-06-30"


def _children(pid: int) -> list[int]:
    out = []
    try:
        for task in os.listdir(f"/proc/{pid}/task"):
            with open(f"/proc/{pid}/task/{task}/children") as f:
                out += [int(c) for c in f.read().split()]
    except OSError:
        pass
    return out


def _tree(pid: int) -> list[int]:
    seen, todo = [], [pid]
    while todo:
        p = todo.pop()
        seen.append(p)
        todo += _children(p)
    return seen


def _kb(path: str, key: str) -> int:
    try:
        with open(path) as f:
            for line in f:
                if line.startswith(key):
                    return int(line.split()[1])
    except OSError:
        pass
    return 0


class Sampler(threading.Thread):
    def __init__(self, pid: int) -> None:
        super().__init__(daemon=True)
        self.pid = pid
        self.stop = threading.Event()
        self.rss = self.pss = 0
        self.procs = 0

    def run(self) -> None:
        while not self.stop.is_set():
            pids = _tree(self.pid)
            rss = sum(_kb(f"/proc/{p}/status", "VmRSS:") for p in pids)
            pss = sum(_kb(f"/proc/{p}/smaps_rollup", "Pss:") for p in pids)
            self.rss, self.pss = max(self.rss, rss), max(self.pss, pss)
            self.procs = max(self.procs, len(pids))
            time.sleep(0.02)


def ensure(n: int, out: Path) -> Path:
    target = out / str(n)
    if not (target.is_dir() and len(list(target.iterdir())) >= n):
        subprocess.run(
            [sys.executable, str(HERE / "make_dossiers.py"), str(n), str(target)], check=True
        )
    return target


def measure(folder: Path, jobs: int | None, extra: list[str], shim: str | None = None) -> dict:
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(p for p in (shim, str(REPO)) if p)}
    cmd = [sys.executable, "-m", "xmgl", "portfolio", str(folder), "--format", "json"]
    cmd += ["--as-of", AS_OF, *extra]
    if jobs:
        cmd += ["--jobs", str(jobs)]
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    load = os.getloadavg()[0]
    started = time.perf_counter()
    proc = subprocess.Popen(cmd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    sampler = Sampler(proc.pid)
    sampler.start()
    _, err = proc.communicate()
    wall = time.perf_counter() - started
    sampler.stop.set()
    sampler.join()
    if proc.returncode != 0:
        raise SystemExit(f"xmgl portfolio failed ({proc.returncode}): {err.decode()}")
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime + after.ru_stime) - (before.ru_utime + before.ru_stime)
    return {
        "wall": wall,
        "cpu": cpu,
        "load": load,
        "rss_mb": sampler.rss / 1024,
        "pss_mb": sampler.pss / 1024,
        "procs": sampler.procs,
        "max_proc_mb": resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024,
        "note": err.decode().strip().splitlines()[-1] if err.strip() else "",
    }


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sizes", default="1000,10000")
    ap.add_argument("--jobs", type=int, default=None, help="default: all cores")
    ap.add_argument("--out", type=Path, default=HERE / "out")
    ap.add_argument("--plan-year", action="store_true", help="also time --plan-year 2027")
    ap.add_argument(
        "--pure-yaml",
        action="store_true",
        help="hide ruamel.yaml.clib (the C parser) to measure the pure-Python YAML parser",
    )
    args = ap.parse_args(argv)
    shim = None
    if args.pure_yaml:
        import tempfile

        shim = tempfile.mkdtemp(prefix="xmgl-pure-yaml-")
        Path(shim, "_ruamel_yaml.py").write_text("raise ImportError('hidden by bench')\n")
    probe = subprocess.run(
        [sys.executable, "-c", "from ruamel.yaml import YAML; print(YAML(typ='safe').Parser)"],
        env={**os.environ, "PYTHONPATH": shim or ""},
        capture_output=True,
        text=True,
    )
    print(f"YAML parser: {probe.stdout.strip()}")
    print(
        f"CPU cores: {os.cpu_count()}, jobs: {args.jobs or os.cpu_count()}, python {sys.version.split()[0]}"
    )
    print(
        f"{'N':>7} {'wall s':>8} {'ms/doss':>8} {'cpu s':>8} {'cpu ms/d':>9} {'RSS MB':>7} "
        f"{'PSS MB':>7} {'proc MB':>8} {'load':>5}"
    )
    base = None
    for n in (int(s) for s in args.sizes.split(",")):
        folder = ensure(n, args.out)
        runs = [("", [])]
        if args.plan_year:
            plan = args.out / f"plan-{n}"
            runs.append((" (+plan)", ["--plan-year", "2027", "--output", str(plan)]))
        for label, extra in runs:
            m = measure(folder, args.jobs, extra, shim)
            per = m["wall"] / n * 1000
            cpu = m["cpu"] / n * 1000
            print(
                f"{n:>7} {m['wall']:>8.2f} {per:>8.2f} {m['cpu']:>8.1f} {cpu:>9.2f} "
                f"{m['rss_mb']:>7.1f} {m['pss_mb']:>7.1f} {m['max_proc_mb']:>8.1f} "
                f"{m['load']:>5.2f}{label}"
            )
            if not label:
                if base is None:
                    base = (per, cpu)
                else:
                    print(
                        f"        per dossier vs the first size: wall {per / base[0]:.2f}×, "
                        f"cpu {cpu / base[1]:.2f}×"
                    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
