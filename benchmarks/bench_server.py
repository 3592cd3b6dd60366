"""Benchmark: a one-commit push onto a 2,000-commit history, checked by the server's hook.

Builds (bench_audit.py's generator, cached under ``benchmarks/out/``) a signed
history of 2,001 commits, makes a server directory (``xmgl server init`` /
``server add`` with 刘晓梅's key pinned), pushes the first 2,000 commits (the
first push: the whole history audited), then the last one. Timed with git's
own trace (``GIT_TRACE2_EVENT``: each hook's run time as git measured it):

* the pre-receive hook of the one-commit push (the check; goal ≤ 0.5 s);
* the post-receive hook (the receipt) and the whole ``git push``;
* the same for the first push of 2,000 commits, for scale.

Usage::

    PYTHONPATH=. python benchmarks/bench_server.py [--out DIR]
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(HERE))

from bench_audit import OUT, load_or_build  # noqa: E402
from bench_sshsig import isolated_env  # noqa: E402


def hook_times(trace: Path) -> dict[str, float]:
    """``{hook name: seconds}`` from a trace2 event file."""
    starts: dict[int, str] = {}
    out: dict[str, float] = {}
    for line in trace.read_text().splitlines():
        ev = json.loads(line)
        if ev.get("event") == "child_start" and ev.get("child_class") == "hook":
            starts[ev["child_id"]] = ev.get("hook_name", "?")
        elif ev.get("event") == "child_exit" and ev.get("child_id") in starts:
            out[starts[ev["child_id"]]] = float(ev["t_rel"])
    return out


def push(clone: Path, url: str, refspec: str, env: dict, trace: Path) -> tuple[float, dict]:
    trace.unlink(missing_ok=True)
    t0 = time.perf_counter()
    proc = subprocess.run(
        ["git", "-C", str(clone), "push", url, refspec],
        capture_output=True,
        env={**env, "GIT_TRACE2_EVENT": str(trace)},
        check=False,
    )
    wall = time.perf_counter() - t0
    said = proc.stderr.decode("utf-8", "replace")
    if proc.returncode != 0 or "数据局已接收" not in said:
        raise SystemExit(f"push {refspec} was not accepted:\n{said[-3000:]}")
    return wall, hook_times(trace)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--n", type=int, default=2000, help="commits already on the server")
    ap.add_argument("--out", type=Path, default=OUT, help="where to build (default benchmarks/out)")
    args = ap.parse_args(argv)

    root, _manifest = load_or_build(args.n + 1, "edit", False, args.out)
    clone = root / "repo"
    server = root / "server"
    shutil.rmtree(server, ignore_errors=True)
    env = isolated_env()
    env["PYTHONPATH"] = str(REPO)
    env["XMGL_PYTHON"] = sys.executable
    xmgl = [sys.executable, "-m", "xmgl"]
    subprocess.run([*xmgl, "server", "init", str(server)], env=env, check=True, capture_output=True)
    subprocess.run(
        [*xmgl, "server", "add", str(server), "BENCH", "--trust-root", str(root / "liuxm.pub")],
        env=env,
        check=True,
        capture_output=True,
    )
    url = f"file://{server}/repos/BENCH.git"
    trace = root / "trace2.json"
    first_wall, first = push(clone, url, "HEAD~1:refs/heads/main", env, trace)
    one_wall, one = push(clone, url, "HEAD:refs/heads/main", env, trace)
    receipts = (server / "receipts.log").read_text().splitlines()
    assert len(receipts) == 2 and f"count={args.n + 1}" in receipts[-1], receipts
    print(f"history: {args.n} commits on the server, then one more (cpu count {os.cpu_count()})")
    print(
        f"  one-commit push: pre-receive (the check)   {one['pre-receive']:7.3f} s   goal ≤ 0.5 s"
    )
    print(f"                   post-receive (receipt)     {one['post-receive']:7.3f} s")
    print(f"                   whole git push             {one_wall:7.3f} s")
    print(f"  first push of {args.n}: pre-receive        {first['pre-receive']:7.3f} s")
    print(f"                   post-receive (receipt)     {first['post-receive']:7.3f} s")
    print(f"                   whole git push             {first_wall:7.3f} s")
    return 0 if one["pre-receive"] <= 0.5 else 1


if __name__ == "__main__":
    sys.exit(main())
