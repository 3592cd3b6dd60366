"""How fast xmgl starts: `xmgl --help` and `xmgl show` against `import typer`.

Usage: python benchmarks/bench_startup.py [--runs 21]

Each command runs in a fresh process, interleaved so that machine noise falls
on all of them alike; the medians are printed. Not a test: timings vary.
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


# As installed, xmgl runs from cached bytecode: don't let this environment forbid it.
ENV = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}


def wall(cmd: list[str]) -> float:
    start = time.perf_counter()
    subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=True, env=ENV)
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=21)
    args = parser.parse_args()
    py = sys.executable
    commands = {
        'python -c "import typer"': [py, "-c", "import typer"],
        "xmgl --help": [py, "-m", "xmgl", "--help"],
        "xmgl show": [py, "-m", "xmgl", "-C", str(EXAMPLE), "show"],
        "xmgl show --format json": [
            py,
            "-m",
            "xmgl",
            "-C",
            str(EXAMPLE),
            "show",
            "--format",
            "json",
        ],
    }
    times: dict[str, list[float]] = {name: [] for name in commands}
    for cmd in commands.values():  # warm the file cache
        wall(cmd)
    for _ in range(args.runs):
        for name, cmd in commands.items():
            times[name].append(wall(cmd))
    floor = statistics.median(times['python -c "import typer"'])
    print(f"{'command':<28}{'median ms':>10}{'× import typer':>16}")
    for name, values in times.items():
        med = statistics.median(values)
        print(f"{name:<28}{med * 1000:>10.1f}{med / floor:>16.2f}")


if __name__ == "__main__":
    main()
