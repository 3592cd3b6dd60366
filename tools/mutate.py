"""Mutation testing of xmgl/domain and xmgl/gitaudit with mutmut, in a scratch copy.

Usage (from the repository root, in the test venv)::

    python tools/mutate.py                                  # everything (hours)
    python tools/mutate.py --only xmgl/domain/periods.py \\
        --tests tests/test_periods.py tests/test_deadlines.py   # one module (minutes)
    python tools/mutate.py --only 'xmgl/domain/rules/*' --tests tests/test_rules.py

The repository's tracked files are copied to a temporary folder (``--work`` keeps
them somewhere you choose), ``[tool.mutmut]`` is written there for this run, and
``mutmut run`` mutates the chosen files and runs the chosen tests against every
mutant. At the end the survivors are listed, one per line, with the count; read one
with ``cd WORK && mutmut show NAME`` (docs/contributing.md says how to judge them).
Exit status: 0 if no mutant survived, 1 if some did, 2 if mutmut could not run.
"""

from __future__ import annotations

import argparse
import json
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
DEFAULT_ONLY = ["xmgl/domain/*", "xmgl/gitaudit/*"]


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--only", nargs="+", default=DEFAULT_ONLY, help="files (globs) to mutate")
    ap.add_argument("--tests", nargs="+", default=["tests"], help="tests run against mutants")
    ap.add_argument("--work", type=Path, help="scratch folder (default: a temporary one)")
    ap.add_argument("--jobs", type=int, default=None, help="parallel mutants (default: cores)")
    ap.add_argument(
        "--pytest-args",
        nargs="+",
        default=["-k", "not import_is_lazy"],  # mutmut's trampolines import more
        help="extra pytest arguments (default: skip the lazy-import checks)",
    )
    args = ap.parse_args(argv)

    work = args.work or Path(tempfile.mkdtemp(prefix="xmgl-mutate-"))
    _copy_tracked(work)
    _configure(work / "pyproject.toml", args.only, args.tests, args.pytest_args)
    run = [sys.executable, "-m", "mutmut", "run"]
    if args.jobs:
        run += ["--max-children", str(args.jobs)]
    print(f"mutate: {' '.join(args.only)} against {' '.join(args.tests)} in {work}", flush=True)
    if subprocess.run(run, cwd=work, check=False).returncode != 0:
        print("mutate: mutmut failed (the tests must pass on the unmutated code first)")
        return 2
    results = subprocess.run(
        [sys.executable, "-m", "mutmut", "results"], cwd=work, capture_output=True, text=True
    )
    survivors = [line.strip() for line in results.stdout.splitlines() if "survived" in line]
    for line in survivors:
        print(line)
    print(f"mutate: {len(survivors)} survivor(s); inspect with: cd {work} && mutmut show NAME")
    return 1 if survivors else 0


def _copy_tracked(work: Path) -> None:
    files = subprocess.run(
        ["git", "-C", str(REPO), "ls-files", "-z"], capture_output=True, check=True
    ).stdout.split(b"\0")
    for name in filter(None, files):
        source = REPO / name.decode()
        if source.is_file():
            target = work / name.decode()
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, target)


def _configure(pyproject: Path, only: list[str], tests: list[str], extra: list[str]) -> None:
    text = pyproject.read_text(encoding="utf-8")
    text = text.split("\n[tool.mutmut]")[0].rstrip() + "\n"
    quoted, selected, args = (", ".join(json.dumps(x) for x in xs) for xs in (only, tests, extra))
    text += (
        "\n[tool.mutmut]\n"
        'source_paths = ["xmgl"]\n'
        f"only_mutate = [{quoted}]\n"
        'also_copy = ["templates", "dossier-example", "docs", "README.md", "benchmarks", '
        '"tools", ".ci"]\n'
        f"pytest_add_cli_args_test_selection = [{selected}]\n"
        f"pytest_add_cli_args = [{args}]\n"
    )
    pyproject.write_text(text, encoding="utf-8")


if __name__ == "__main__":
    raise SystemExit(main())
