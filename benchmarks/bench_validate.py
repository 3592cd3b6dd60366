"""How fast `xmgl validate` runs on dossier-example, against the import floor.

Usage: python benchmarks/bench_validate.py [--runs 31] [--breakdown] [--instructions]

The floor is `python -c "import typer, rich.table, ruamel.yaml"`: the modules any
xmgl command needs. The goal (issue 3) is `xmgl validate` ≤ 1.3 × the floor. Each
command runs in a fresh process, interleaved so that machine noise falls on all of
them alike; medians are printed. `--breakdown` adds intermediate steps (import the
CLI, load the dossier, run the rules) to show where the time goes. Not a test:
timings vary from machine to machine.

On a busy machine (shared CI runners, several jobs on two cores) the wall-clock ratio
swings by ±20 %. ``--instructions`` counts instead what each command executes, with
valgrind's callgrind (``apt-get install valgrind``): one run each, the same count on every
run and under any load, so a change's effect shows in the same minute. It is a proxy —
instructions leave out system calls and cache misses, and weigh compiling (dataclasses,
regular expressions) more than reading files — so the goal stays the wall-clock ratio
on a quiet machine.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
EXAMPLE = REPO / "dossier-example"
FLOOR = 'python -c "import typer, rich.table, ruamel.yaml"'
GOAL = 1.3


def wall(cmd: list[str], env: dict) -> float:
    start = time.perf_counter()
    subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env, check=False)
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=31)
    parser.add_argument("--breakdown", action="store_true")
    parser.add_argument("--instructions", action="store_true", help="count with callgrind")
    args = parser.parse_args()
    py = sys.executable
    # .pyc files as an installed xmgl has them (pip compiles on install): without them every
    # run would also compile xmgl from source, which typer and rich never pay for.
    extra = os.environ.get("BENCH_EXTRA_PATH")
    env = dict(os.environ, PYTHONPATH=os.pathsep.join(filter(None, [str(REPO), extra])))
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    ex = str(EXAMPLE)
    commands = {
        'python -c "pass"': [py, "-c", "pass"],
        FLOOR: [py, "-c", "import typer, rich.table, ruamel.yaml"],
        "xmgl validate": [py, "-m", "xmgl", "-C", ex, "validate"],
        "xmgl validate --format json": [py, "-m", "xmgl", "-C", ex, "validate", "--format", "json"],
        "xmgl validate --format sarif": [
            py,
            "-m",
            "xmgl",
            "-C",
            ex,
            "validate",
            "--format",
            "sarif",
        ],
    }
    if args.breakdown:
        load = (
            "from pathlib import Path; from xmgl.dossier.loader import load_dossier; "
            f"d = load_dossier(Path({ex!r}))"
        )
        commands.update(
            {
                "import xmgl.cli.app": [py, "-c", "import xmgl.cli.app"],
                "… + load_dossier": [py, "-c", "import xmgl.cli.app; " + load],
                "… + rules.check": [
                    py,
                    "-c",
                    "import xmgl.cli.app; "
                    + load
                    + "; import datetime; from xmgl.domain.rules import check; "
                    "check(d, datetime.date.today())",
                ],
            }
        )
    if args.instructions:
        instructions(commands, env)
        return
    times: dict[str, list[float]] = {name: [] for name in commands}
    for cmd in commands.values():  # warm the file cache and the .pyc files
        wall(cmd, env)
    for _ in range(args.runs):
        for name, cmd in commands.items():
            times[name].append(wall(cmd, env))
    floor = statistics.median(times[FLOOR])
    print(f"runs: {args.runs} · python: {sys.version.split()[0]} · goal ≤ {GOAL}× floor")
    print(f"{'command':<52}{'median ms':>10}{'× floor':>9}")
    for name, values in times.items():
        med = statistics.median(values)
        print(f"{name:<52}{med * 1000:>10.1f}{med / floor:>9.2f}")


def instructions(commands: dict[str, list[str]], env: dict) -> None:
    """Instructions executed by each command (callgrind), and the ratio to the floor's."""
    import re
    import shutil

    if shutil.which("valgrind") is None:
        sys.exit("--instructions needs valgrind (apt-get install valgrind)")
    env = dict(env, PYTHONHASHSEED="0")  # the same dict layouts, the same count each run
    counts: dict[str, int] = {}
    for name, cmd in commands.items():
        subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env)
        proc = subprocess.run(
            ["valgrind", "--tool=callgrind", "--callgrind-out-file=/dev/null", *cmd],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
            text=True,
            env=env,
            check=False,
        )
        found = re.search(r"Collected : (\d+)", proc.stderr)
        if found is None:
            sys.exit(f"callgrind gave no count for {name}:\n{proc.stderr[-2000:]}")
        counts[name] = int(found.group(1))
    floor = counts[FLOOR]
    print(f"instructions (callgrind) · python: {sys.version.split()[0]}")
    print(f"{'command':<52}{'millions':>10}{'× floor':>9}")
    for name, n in counts.items():
        print(f"{name:<52}{n / 1e6:>10.1f}{n / floor:>9.3f}")


if __name__ == "__main__":
    main()
