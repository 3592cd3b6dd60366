"""Mutation testing of xmgl/domain and xmgl/gitaudit with mutmut, in a scratch copy.

Usage (from the repository root, in the test venv)::

    python tools/mutate.py                                  # everything (hours)
    python tools/mutate.py --only xmgl/domain/periods.py \\
        --tests tests/test_periods.py tests/test_deadlines.py   # one module (minutes)
    python tools/mutate.py --only 'xmgl/domain/rules/*' --tests tests/test_rules.py
    python tools/mutate.py --only xmgl/domain/bounds.py      # tests from TESTS_FOR
    python tools/mutate.py --work /tmp/m --rerun --report /tmp/m/survivors.md

The repository's files (tracked, and new ones not ignored) are copied to a temporary
folder (``--work`` keeps them somewhere you choose), ``[tool.mutmut]`` is written there
for this run, and ``mutmut run`` mutates the chosen files and runs the chosen tests
against every mutant. Without ``--tests``, a module listed in :data:`TESTS_FOR` is run
against its own test files (a short run), anything else against the whole suite.

``--rerun`` reuses a finished ``--work`` folder: it copies the repository again (the
tests you wrote since) and runs only the mutants that survived or timed out last time.
``--mutants GLOB`` runs only the mutants whose names match (``'*x_add_months*'``).
``--pytest-args="-kEXPR"`` (attached, one word) keeps only the tests named by EXPR: a
group of mutants (``--mutants '*_rectifications__*'``) against the tests of that group is
a short run even where the module's tests are slow. A ``--rerun`` must keep the same
``--tests`` and ``--pytest-args``: mutmut forgets every verdict when they change.
At the end the counts (mutants, killed, survived, timeouts) and the survivors are printed,
one per line; ``--report FILE`` also writes each survivor's diff to FILE. Read one with
``cd WORK && mutmut show NAME`` (docs/contributing.md says how to judge them).
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

#: The test files that cover a module, so that one module's run stays short. A module not
#: listed here is run against the whole suite unless ``--tests`` says otherwise.
TESTS_FOR: dict[str, list[str]] = {
    "xmgl/domain/periods.py": ["tests/test_periods.py"],
    "xmgl/domain/bounds.py": [
        "tests/test_bounds.py",
        "tests/test_rules_bounds.py",
        "tests/test_mutation_claims.py",
    ],
    "xmgl/domain/deadlines.py": [
        "tests/test_deadlines.py",
        "tests/test_periods.py",
        "tests/test_bounds.py",
    ],
    "xmgl/domain/rules/timing.py": ["tests/test_rules_bounds.py"],
    "xmgl/domain/rules/*": [
        "tests/test_rules.py",
        "tests/test_rules_bounds.py",
        "tests/test_rules_fidelity.py",
        "tests/test_mutation_claims.py",
    ],
    "xmgl/domain/rules/__init__.py": ["tests/test_rules_mutants_a.py"],
    "xmgl/domain/rules/base.py": ["tests/test_rules_mutants_a.py"],
    "xmgl/domain/rules/matrix.py": ["tests/test_rules_mutants_a.py"],
    "xmgl/domain/rules/a02_a05.py": ["tests/test_rules_mutants_a.py"],
    "xmgl/domain/rules/a03.py": ["tests/test_rules_mutants_a.py"],
    "xmgl/domain/rules/a06_a07.py": ["tests/test_rules_mutants_a.py"],
    "xmgl/domain/rules/a08_a10.py": ["tests/test_rules_mutants_b.py"],
    "xmgl/domain/rules/a11_a15.py": ["tests/test_rules_mutants_b.py"],
    "xmgl/domain/rules/a17_a23.py": ["tests/test_rules_mutants_b.py"],
    "xmgl/gitaudit/policy.py": ["tests/test_policy.py"],
    "xmgl/gitaudit/auditsig.py": [
        "tests/test_auditsig.py",
        "tests/test_audit_reference.py",
        "tests/test_audit_differential.py",
    ],
    "xmgl/gitaudit/trailers.py": ["tests/test_trailers.py"],
    "xmgl/gitaudit/openpgp.py": ["tests/test_audit_reference.py", "tests/test_openpgp.py"],
    "xmgl/gitaudit/audit.py": [
        "tests/test_audit_range.py",
        "tests/test_audit_paths.py",
        "tests/test_audit.py",
    ],
}

#: Decorators that only register the function they decorate (``@rule(...)``). mutmut leaves
#: every decorated function alone, so in the scratch copy such a function is rewritten as a
#: plain ``def`` followed by ``name = rule(...)(name)``: the same registration, in the same
#: order, and the rule's body gets mutated too.
REGISTERING_DECORATORS = ("rule",)

#: mutmut's words for a mutant's fate, and ours.
NOT_KILLED = ("survived", "timeout", "suspicious", "no tests")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--only", nargs="+", default=DEFAULT_ONLY, help="files (globs) to mutate")
    ap.add_argument("--tests", nargs="+", help="tests run against mutants (default: TESTS_FOR)")
    ap.add_argument("--work", type=Path, help="scratch folder (default: a temporary one)")
    ap.add_argument("--jobs", type=int, default=None, help="parallel mutants (default: cores)")
    ap.add_argument("--rerun", action="store_true", help="rerun last survivors in --work")
    ap.add_argument("--mutants", nargs="+", default=[], help="only mutants matching these globs")
    ap.add_argument("--report", type=Path, help="write the survivors' diffs to this file")
    ap.add_argument(
        "--pytest-args",
        nargs="+",
        default=["-k", "not import_is_lazy"],  # mutmut's trampolines import more
        help="extra pytest arguments (default: skip the lazy-import checks)",
    )
    args = ap.parse_args(argv)
    if args.rerun and args.work is None:
        ap.error("--rerun needs the --work folder of an earlier run")
    tests = args.tests or _tests_for(args.only)

    work = args.work or Path(tempfile.mkdtemp(prefix="xmgl-mutate-"))
    names = list(args.mutants)
    if args.rerun:
        names += [name for name, status in _results(work) if status in NOT_KILLED]
        if not names:
            print("mutate: nothing to rerun, no mutant survived the last run")
            return 0
    _copy_tracked(work)
    _undecorate(work, args.only)
    _configure(work / "pyproject.toml", args.only, tests, args.pytest_args)
    run = [sys.executable, "-m", "mutmut", "run"]
    if args.jobs:
        run += ["--max-children", str(args.jobs)]
    print(f"mutate: {' '.join(args.only)} against {' '.join(tests)} in {work}", flush=True)
    if subprocess.run(run + names, cwd=work, check=False).returncode != 0:
        print("mutate: mutmut failed (the tests must pass on the unmutated code first)")
        return 2
    results = _results(work)
    survivors = [name for name, status in results if status == "survived"]
    counts: dict[str, int] = {}
    for _, status in results:
        counts[status] = counts.get(status, 0) + 1
    for name in survivors:
        print(f"    {name}: survived")
    tally = ", ".join(f"{n} {status}" for status, n in sorted(counts.items()))
    print(f"mutate: {len(results)} mutants: {tally}")
    if args.report:
        _report(work, args.report, [n for n, s in results if s in NOT_KILLED], dict(results))
        print(f"mutate: diffs of the survivors in {args.report}")
    print(f"mutate: {len(survivors)} survivor(s); inspect with: cd {work} && mutmut show NAME")
    return 1 if survivors else 0


def _tests_for(only: list[str]) -> list[str]:
    tests: list[str] = []
    for pattern in only:
        if pattern not in TESTS_FOR:
            return ["tests"]
        tests += [t for t in TESTS_FOR[pattern] if t not in tests]
    return tests


def _results(work: Path) -> list[tuple[str, str]]:
    """``(mutant, status)`` for every mutant of the last run in ``work``."""
    if not (work / "mutants").is_dir():
        return []
    out = subprocess.run(
        [sys.executable, "-m", "mutmut", "results", "--all", "true"],
        cwd=work,
        capture_output=True,
        text=True,
        check=False,
    ).stdout
    pairs = (line.strip().rpartition(": ") for line in out.splitlines() if ": " in line)
    return [(name, status) for name, _, status in pairs if name]


def _report(work: Path, target: Path, names: list[str], status: dict[str, str]) -> None:
    parts = [f"# Mutants not killed ({len(names)})\n"]
    for name in names:
        diff = subprocess.run(
            [sys.executable, "-m", "mutmut", "show", name],
            cwd=work,
            capture_output=True,
            text=True,
            check=False,
        ).stdout
        body = "\n".join(line for line in diff.splitlines() if not line.startswith("# "))
        parts.append(f"## {name} ({status[name]})\n\n```diff\n{body.strip()}\n```\n")
    target.write_text("\n".join(parts), encoding="utf-8")


def _copy_tracked(work: Path) -> None:
    files = subprocess.run(
        ["git", "-C", str(REPO), "ls-files", "-z", "--cached", "--others", "--exclude-standard"],
        capture_output=True,
        check=True,
    ).stdout.split(b"\0")
    for name in filter(None, files):
        source = REPO / name.decode()
        if source.is_file():
            target = work / name.decode()
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, target)


def _undecorate(work: Path, only: list[str]) -> None:
    """Turn ``@rule(...) def f`` into ``def f`` + ``f = rule(...)(f)`` in the files mutated."""
    import ast

    for path in sorted({p for pattern in only for p in work.glob(pattern) if p.suffix == ".py"}):
        text = path.read_text(encoding="utf-8")
        lines = text.splitlines(keepends=True)
        tree = ast.parse(text)
        registered = [
            node
            for node in tree.body
            if isinstance(node, ast.FunctionDef)
            and len(node.decorator_list) == 1
            and isinstance(call := node.decorator_list[0], ast.Call)
            and isinstance(call.func, ast.Name)
            and call.func.id in REGISTERING_DECORATORS
        ]
        for node in reversed(registered):  # from the bottom, so earlier line numbers hold
            deco = node.decorator_list[0]
            source = ast.get_source_segment(text, deco)
            first, last = deco.lineno - 1, node.end_lineno  # the "@" line (0-based), the end
            assert last is not None and lines[first].lstrip().startswith("@")
            lines[last:last] = [f"\n\n{node.name} = {source}({node.name})\n"]
            del lines[first : node.lineno - 1]
        if registered:
            path.write_text("".join(lines), encoding="utf-8")


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
