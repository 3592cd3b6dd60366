"""Benchmark: ``xmgl audit verify`` against ``git log --format=%G?`` on 2,000 signed commits.

Builds (once, cached under ``benchmarks/out/``) a dossier repository whose
history looks like a long-lived project: the signed trust root (刘晓梅's key in
``.xmgl/allowed_signers``), then commits that each change ``project.yaml``
(a record added or edited), ten transition commits along the regular track
with their trailers, and midway a signer-change commit that adds 张伟, who
signs every other commit from then on. Objects are signed in process
(Ed25519 SSHSIG, the bytes ``ssh-keygen -Y sign`` makes) and written as loose
objects; ``git fsck`` and git's own verdicts check them.

Timed, one run each (the goal is ``xmgl audit verify`` ≤ 1/15 of git):

* ``git log --format=%G?`` with the HEAD's allowed signers (git starts
  ssh-keygen twice per commit);
* ``xmgl audit verify`` as a command (a new Python process, xmgl byte-compiled
  as ``pip install`` leaves it), cold cache;
* the same, warm cache (second run);
* ``xmgl audit verify --reference`` (git + ssh-keygen per commit, for scale).

Usage::

    PYTHONPATH=. /work/venv/bin/python benchmarks/bench_audit.py            # 2,000 commits
    PYTHONPATH=. /work/venv/bin/python benchmarks/bench_audit.py --growth append
"""

from __future__ import annotations

import argparse
import calendar
import datetime as dt
import json
import os
import shutil
import subprocess
import sys
import time
import zlib
from pathlib import Path

from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(HERE))

from bench_sshsig import isolated_env, oid, sshsig_sign, with_gpgsig  # noqa: E402

OUT = HERE / "out"
BASE_TIME = 1748736000  # 2025-06-01 00:00:00 UTC
LIU = ("刘晓梅", "liuxm@example.gov.cn")
ZHANG = ("张伟", "zhangwei@example.gov.cn")
TRACK = (
    ("reserve", "plan", "2026-01-15", "第八条、第九条", "plan_inclusion"),
    ("plan", "feasibility", "2026-01-16", "第十条", "plan_inclusion"),
    ("feasibility", "preliminary_design", "2026-03-11", "第十二条", "approval"),
    ("preliminary_design", "approved", "2026-04-10", "第三条、第十二条", "approval"),
    ("approved", "procurement", "2026-04-15", "第十三条、第十四条", "approval"),
    ("procurement", "construction", "2026-06-01", "第十三条、第十四条", "contract"),
    ("construction", "preliminary_acceptance", "2026-07-01", "第十七条", "preliminary_acceptance"),
    (
        "preliminary_acceptance",
        "acceptance_applied",
        "2026-10-02",
        "第十七条",
        "acceptance_application",
    ),
    ("acceptance_applied", "accepted", "2026-10-20", "第十七条", "acceptance"),
    ("accepted", "in_operation", "2026-10-25", "第十八条、第十九条", "go_live"),
)


def git(repo: Path, *args: str, input: bytes | None = None, env=None) -> str:
    proc = subprocess.run(
        ["git", "-C", str(repo), *args],
        input=input,
        capture_output=True,
        env=env or isolated_env(),
        check=False,
    )
    if proc.returncode != 0:
        raise SystemExit(f"git {' '.join(args)} failed:\n{proc.stderr.decode()}")
    return proc.stdout.decode()


class Store:
    """Loose objects written straight into .git/objects."""

    def __init__(self, repo: Path) -> None:
        self.objects = repo / ".git" / "objects"

    def put(self, kind: str, data: bytes) -> str:
        sha = oid(kind, data)
        path = self.objects / sha[:2] / sha[2:]
        if not path.exists():
            path.parent.mkdir(exist_ok=True)
            path.write_bytes(zlib.compress(f"{kind} {len(data)}\0".encode() + data, 1))
        return sha

    def tree(self, entries: list[tuple[str, str, str]]) -> str:
        body = b"".join(
            f"{mode} {name}".encode() + b"\0" + bytes.fromhex(sha)
            for mode, name, sha in sorted(
                entries, key=lambda e: e[1] + ("/" if e[0] == "40000" else "")
            )
        )
        return self.put("tree", body)


def project_head() -> str:
    text = (REPO / "dossier-example" / "project.yaml").read_text(encoding="utf-8")
    return text[: text.index("# 当前阶段")]


def render(head: str, stage: tuple[str, str], records: list[str]) -> bytes:
    body = "".join(records) if records else ""
    recs = "records:\n" + body if records else "records: []\n"
    return (
        head
        + "# 当前阶段（由 xmgl advance 维护，不要手工修改）\n"
        + f"stage:\n  current: {stage[0]}\n  since: {stage[1]}\n\n"
        + "# 记录：发生过的每一件事，按日期排列\n"
        + recs
    ).encode("utf-8")


def build(root: Path, n: int, growth: str) -> dict:
    if root.exists():
        shutil.rmtree(root)
    root.mkdir(parents=True)
    repo = root / "repo"
    git(root, "init", "-q", "-b", "main", str(repo))
    keys = {}
    for name in ("liuxm", "zhangwei"):
        subprocess.run(
            ["ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-C", name, "-f", str(root / name)],
            check=True,
        )
        keys[name] = serialization.load_ssh_private_key((root / name).read_bytes(), None)
        assert isinstance(keys[name], Ed25519PrivateKey)
    pub = {k: " ".join((root / f"{k}.pub").read_text().split()[:2]) for k in keys}
    signers_v1 = f'{LIU[1]} namespaces="git" {pub["liuxm"]} {LIU[0]}\n'
    signers_v2 = signers_v1 + f'{ZHANG[1]} namespaces="git" {pub["zhangwei"]} {ZHANG[0]}\n'

    store = Store(repo)
    head = project_head()
    records: list[str] = []
    stage = ("reserve", "2025-06-01")
    signers = signers_v1
    transitions_at = {int(n * (k + 1) / (len(TRACK) + 1)): k for k in range(len(TRACK))}
    signer_change_at = n // 2 + 3
    while signer_change_at in transitions_at:
        signer_change_at += 1
    assert len(transitions_at) == len(TRACK) and signer_change_at < n, n
    parent = None
    progress = None  # index of the progress record the "edit" commits change
    t0 = time.perf_counter()
    clock = BASE_TIME  # commit times: a minute apart, never before the day a transition claims
    for i in range(n):
        who, key = LIU, keys["liuxm"]
        if i > signer_change_at and i % 2:
            who, key = ZHANG, keys["zhangwei"]
        trailers = ""
        if i == 0:
            subject = "新建项目档案"
            trailers = f"Xmgl-Init: 1\nXmgl-Actor: {who[0]} <{who[1]}>\n"
        elif i == signer_change_at:
            who, key = LIU, keys["liuxm"]
            signers = signers_v2
            subject = f"签名人员变更：增加 {ZHANG[0]} <{ZHANG[1]}>"
            trailers = f"Xmgl-Signers: add\nXmgl-Actor: {who[0]} <{who[1]}>\n"
        elif i in transitions_at:
            src, dst, day, articles, event = TRACK[transitions_at[i]]
            assert stage[0] == src
            stage = (dst, day)
            clock = max(clock, calendar.timegm(dt.date.fromisoformat(day).timetuple()) + 3600)
            records.append(
                f"  - kind: stage_change\n    date: {day}\n    from_stage: {src}\n"
                f"    to_stage: {dst}\n    actor: {who[0]}\n"
            )
            subject = f"阶段变更：{src} → {dst}"
            trailers = (
                f"Xmgl-From-Stage: {src}\nXmgl-To-Stage: {dst}\nXmgl-Date: {day}\n"
                f"Xmgl-Articles: {articles}\nXmgl-Event: {event} {day}\n"
                f"Xmgl-Actor: {who[0]} <{who[1]}>\n"
            )
        else:
            subject = f"记录：进展 {i}"
            if growth == "append" or i % 10 == 1 or progress is None:
                progress = len(records)
                records.append(
                    f"  - kind: progress\n    date: 2026-06-05\n    description: 第 {i} 次进展\n"
                    f'    percent: {i % 100}\n    note: "修订 0"\n'
                )
            else:
                last = records[progress]
                records[progress] = last[: last.rindex("    note:")] + f'    note: "修订 {i}"\n'
            trailers = f"Xmgl-Record: progress 2026-06-05\nXmgl-Actor: {who[0]} <{who[1]}>\n"
        project = store.put("blob", render(head, stage, records))
        allowed = store.put("blob", signers.encode())
        xmgl_tree = store.tree([("100644", "allowed_signers", allowed)])
        tree = store.tree([("100644", "project.yaml", project), ("40000", ".xmgl", xmgl_tree)])
        clock += 60
        ts = clock
        ident = f"{who[0]} <{who[1]}> {ts} +0800".encode()
        payload = b"tree " + tree.encode() + b"\n"
        if parent:
            payload += b"parent " + parent.encode() + b"\n"
        payload += b"author " + ident + b"\ncommitter " + ident + b"\n\n"
        payload += f"{subject}\n\n由基准测试生成。\n\n{trailers}".encode()
        parent = store.put("commit", with_gpgsig(payload, sshsig_sign(key, payload)))
    built = time.perf_counter() - t0
    git(repo, "update-ref", "refs/heads/main", parent)
    git(repo, "checkout", "-q", "-f", "main")
    git(repo, "fsck", "--no-dangling", "--no-progress")
    size = (repo / "project.yaml").stat().st_size
    manifest = {"n": n, "growth": growth, "head": parent, "final_project_bytes": size}
    (root / "manifest.json").write_text(json.dumps(manifest))
    print(f"built {n} commits in {root} ({built:.1f} s; final project.yaml {size} bytes)")
    return manifest


def load_or_build(n: int, growth: str, rebuild: bool, out: Path = OUT) -> tuple[Path, dict]:
    root = out / f"audit-{n}-{growth}"
    path = root / "manifest.json"
    if not rebuild and path.exists():
        manifest = json.loads(path.read_text())
        head = git(root / "repo", "rev-parse", "HEAD").strip()
        if manifest.get("head") == head:
            print(f"reusing {root}")
            return root, manifest
    return root, build(root, n, growth)


def timed(args: list[str], cwd: Path, env: dict) -> tuple[float, subprocess.CompletedProcess]:
    t0 = time.perf_counter()
    proc = subprocess.run(args, cwd=cwd, capture_output=True, env=env, check=False)
    return time.perf_counter() - t0, proc


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--n", type=int, default=2000, help="number of commits (default 2000)")
    ap.add_argument(
        "--growth",
        choices=("edit", "append"),
        default="edit",
        help="edit: a record every 10th commit, the others edit one (default); "
        "append: every commit adds a record (project.yaml grows to ~n records)",
    )
    ap.add_argument("--rebuild", action="store_true", help="rebuild the cached repository")
    ap.add_argument("--skip-reference", action="store_true", help="do not time --reference")
    ap.add_argument("--out", type=Path, default=OUT, help="where to build (default benchmarks/out)")
    args = ap.parse_args(argv)

    root, manifest = load_or_build(args.n, args.growth, args.rebuild, args.out)
    repo = root / "repo"
    env = isolated_env()
    env["PYTHONPATH"] = str(REPO)
    env["XDG_CACHE_HOME"] = str(root / "xdg-cache")
    # xmgl is timed as installed: byte-compiled, as ``pip install`` leaves it. In an
    # environment with PYTHONDONTWRITEBYTECODE=1 every run would otherwise compile
    # each module from source again, and the timing would include the compiler.
    subprocess.run(
        [sys.executable, "-m", "compileall", "-q", str(REPO / "xmgl")], env=env, check=True
    )
    allowed = root / "allowed_signers.head"
    allowed.write_text(git(repo, "show", "HEAD:.xmgl/allowed_signers"), encoding="utf-8")

    t_git, proc = timed(
        ["git", "-c", f"gpg.ssh.allowedSignersFile={allowed}", "log", "--format=%H %G?"],
        repo,
        env,
    )
    letters = dict(line.split() for line in proc.stdout.decode().splitlines())
    assert len(letters) == args.n, len(letters)
    counts = {k: list(letters.values()).count(k) for k in set(letters.values())}

    xmgl = [sys.executable, "-m", "xmgl", "audit", "verify"]
    shutil.rmtree(repo / ".git" / "xmgl", ignore_errors=True)
    t_cold, cold = timed(xmgl, repo, env)
    t_warm, warm = timed(xmgl, repo, env)
    assert cold.returncode == 0 and warm.returncode == 0, cold.stdout.decode()[-2000:]
    report = json.loads(
        subprocess.run([*xmgl, "--format", "json"], cwd=repo, env=env, capture_output=True).stdout
    )
    assert report["verdict"] == "pass" and report["count"] == args.n
    assert report["transitions"] == len(TRACK) and report["cache_hits"] == args.n
    shutil.rmtree(repo / ".git" / "xmgl", ignore_errors=True)
    in_process = json.loads(
        subprocess.run([*xmgl, "--format", "json"], cwd=repo, env=env, capture_output=True).stdout
    )["seconds"]
    t_ref = None
    if not args.skip_reference:
        t_ref, ref = timed([*xmgl, "--reference"], repo, env)
        assert ref.returncode == 0, ref.stdout.decode()[-2000:]
    t_start, _ = timed([sys.executable, "-c", "import xmgl.cli.app"], repo, env)

    print(
        f"commits: {args.n} (growth={args.growth}, final project.yaml "
        f"{manifest['final_project_bytes']} bytes), git %G? letters: {counts}"
    )
    print(f"  git log --format=%G?                     {t_git:8.3f} s")
    print(
        f"  xmgl audit verify (cold cache)            {t_cold:8.3f} s   "
        f"ratio 1/{t_git / t_cold:.1f}   (in-process part {in_process:.3f} s)"
    )
    print(
        f"  xmgl audit verify (warm cache)            {t_warm:8.3f} s   "
        f"ratio 1/{t_git / t_warm:.1f}"
    )
    if t_ref is not None:
        print(f"  xmgl audit verify --reference             {t_ref:8.3f} s")
    print(f"  (python -c 'import xmgl.cli.app': {t_start:.3f} s of each xmgl run)")
    goal = t_cold <= t_git / 15
    print(f"  goal ≤ 1/15 of git: {'met' if goal else 'NOT met'} (cold cache)")
    return 0


if __name__ == "__main__":
    os.environ.setdefault("LC_ALL", "C.UTF-8")
    raise SystemExit(main())
