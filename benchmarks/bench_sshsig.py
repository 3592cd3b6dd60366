"""Benchmark: ``git log --format=%G?`` against the in-process verifier.

Builds (once, cached under ``benchmarks/out/``) a repository of N SSH-signed
commits, then times

* the reference: ``git -c gpg.ssh.allowedSignersFile=... log --format=%H %G?``
  (git starts ssh-keygen twice per signed commit), and
* the fast path: ``rev_list`` + one ``ObjectReader`` + ``verify_commit`` in
  process,

and checks that both give the same letter for every commit.

The repository is written without running ssh-keygen per commit: commit objects
are built and signed in process (Ed25519, PROTOCOL.sshsig, the same bytes
``ssh-keygen -Y sign`` produces up to the random-free Ed25519 signature), their
ids computed, and all objects stored with three ``git hash-object -w
--stdin-paths`` calls. git itself then verifies them in the timed reference run.
Mixed in: unsigned commits (N), commits signed by a key missing from
allowed_signers (U) and tampered commits (B); the rest must be G.

Usage::

    PYTHONPATH=. /work/venv/bin/python benchmarks/bench_sshsig.py --n 2000 --repeat 3
"""

from __future__ import annotations

import argparse
import base64
import hashlib
import json
import os
import shutil
import statistics
import struct
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from tests.sshsig_oracle import verify_commit  # noqa: E402
from xmgl.gitaudit.objects import ObjectReader, rev_list  # noqa: E402
from xmgl.gitaudit.sshsig import parse_allowed_signers  # noqa: E402

OUT = Path(__file__).resolve().parent / "out"
BASE_TIME = 1772337600  # 2026-03-01 04:00:00 UTC


def isolated_env() -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("GIT_")}
    env.pop("SSH_AUTH_SOCK", None)
    env.update(
        GIT_CONFIG_GLOBAL=os.devnull,
        GIT_CONFIG_SYSTEM=os.devnull,
        GIT_CONFIG_NOSYSTEM="1",
        LC_ALL="C",
    )
    return env


def git(repo: Path, *args: str, input: bytes | None = None) -> str:
    proc = subprocess.run(
        ["git", "-C", str(repo), *args],
        input=input,
        capture_output=True,
        env=isolated_env(),
        check=False,
    )
    if proc.returncode != 0:
        raise SystemExit(f"git {' '.join(args)} failed:\n{proc.stderr.decode()}")
    return proc.stdout.decode()


# ---------------------------------------------------------------------------
# In-process SSHSIG signing (benchmark fixture only; xmgl verifies, not signs)


def _s(data: bytes) -> bytes:
    return struct.pack(">I", len(data)) + data


def sshsig_sign(priv: Ed25519PrivateKey, payload: bytes, namespace: bytes = b"git") -> str:
    pk = priv.public_key().public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)
    digest = hashlib.sha512(payload).digest()
    signed = b"SSHSIG" + _s(namespace) + _s(b"") + _s(b"sha512") + _s(digest)
    sig_blob = _s(b"ssh-ed25519") + _s(priv.sign(signed))
    blob = (
        b"SSHSIG"
        + struct.pack(">I", 1)
        + _s(_s(b"ssh-ed25519") + _s(pk))
        + _s(namespace)
        + _s(b"")
        + _s(b"sha512")
        + _s(sig_blob)
    )
    b64 = base64.b64encode(blob).decode()
    lines = [b64[i : i + 70] for i in range(0, len(b64), 70)]  # as ssh-keygen wraps
    return "-----BEGIN SSH SIGNATURE-----\n" + "\n".join(lines) + "\n-----END SSH SIGNATURE-----"


def with_gpgsig(payload: bytes, armored: str) -> bytes:
    """Insert the signature header after the committer line, as git does."""
    head, _, body = payload.partition(b"\n\n")
    folded = armored.replace("\n", "\n ").encode()
    return head + b"\ngpgsig " + folded + b"\n\n" + body


def oid(kind: str, data: bytes) -> str:
    return hashlib.sha1(f"{kind} {len(data)}\0".encode() + data).hexdigest()


def kind_of(i: int) -> str:
    if i % 97 == 50:
        return "N"
    if i % 89 == 40:
        return "U"
    if i % 499 == 250:
        return "B"
    return "G"


def build(root: Path, n: int) -> dict:
    if root.exists():
        shutil.rmtree(root)
    root.mkdir(parents=True)
    repo = root / "repo"
    for name in ("signer", "stranger"):
        subprocess.run(
            ["ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-C", f"{name}@example.com"]
            + ["-f", str(root / name)],
            check=True,
        )
    signer_pub = " ".join((root / "signer.pub").read_text().split()[:2])
    (root / "allowed_signers").write_text(f"bench@example.com {signer_pub}\n")
    load = serialization.load_ssh_private_key
    signer = load((root / "signer").read_bytes(), None)
    stranger = load((root / "stranger").read_bytes(), None)
    assert isinstance(signer, Ed25519PrivateKey) and isinstance(stranger, Ed25519PrivateKey)
    git(root, "init", "-q", "-b", "main", str(repo))

    objects: dict[str, list[tuple[str, bytes]]] = {"blob": [], "tree": [], "commit": []}
    expected: dict[str, str] = {}
    parent = None
    t0 = time.perf_counter()
    for i in range(n):
        blob = f"stage {i}\n".encode()
        blob_id = oid("blob", blob)
        tree = b"100644 stage.txt\0" + bytes.fromhex(blob_id)
        tree_id = oid("tree", tree)
        ts = BASE_TIME + 60 * i
        ident = f"Bench <bench@example.com> {ts} +0800".encode()
        payload = b"tree " + tree_id.encode() + b"\n"
        if parent:
            payload += b"parent " + parent.encode() + b"\n"
        payload += b"author " + ident + b"\ncommitter " + ident + b"\n\n"
        payload += f"stage transition {i}\n\nStage: {i}\n".encode()
        kind = kind_of(i)
        if kind == "N":
            raw = payload
        else:
            raw = with_gpgsig(payload, sshsig_sign(stranger if kind == "U" else signer, payload))
            if kind == "B":
                raw = raw.replace(b"stage transition", b"stage transitioN", 1)
        commit_id = oid("commit", raw)
        objects["blob"].append((blob_id, blob))
        objects["tree"].append((tree_id, tree))
        objects["commit"].append((commit_id, raw))
        expected[commit_id] = kind
        parent = commit_id
    t_sign = time.perf_counter() - t0

    with tempfile.TemporaryDirectory() as tmp:
        for kind, items in objects.items():
            paths = []
            for j, (_, data) in enumerate(items):
                p = Path(tmp) / f"{kind}{j}"
                p.write_bytes(data)
                paths.append(str(p))
            out = git(repo, "hash-object", "-w", "-t", kind, "--stdin-paths",
                      input="\n".join(paths).encode() + b"\n").split()  # fmt: skip
            if out != [object_id for object_id, _ in items]:
                raise SystemExit(f"git computed other ids for the {kind}s")
    git(repo, "update-ref", "refs/heads/main", parent or "")
    git(repo, "fsck", "--no-dangling", "--no-progress")
    manifest = {"n": n, "head": parent, "expected": expected}
    (root / "manifest.json").write_text(json.dumps(manifest))
    print(f"built {n} commits in {root} (objects signed in process in {t_sign:.2f} s)")
    return manifest


def load_or_build(n: int, rebuild: bool) -> tuple[Path, dict]:
    root = OUT / f"sshsig-{n}"
    manifest_path = root / "manifest.json"
    if not rebuild and manifest_path.exists():
        manifest = json.loads(manifest_path.read_text())
        head = subprocess.run(
            ["git", "-C", str(root / "repo"), "rev-parse", "HEAD"],
            capture_output=True,
            env=isolated_env(),
            check=False,
        ).stdout.decode()
        if manifest.get("n") == n and head.strip() == manifest["head"]:
            print(f"reusing {root}")
            return root, manifest
    return root, build(root, n)


# ---------------------------------------------------------------------------
# Timed runs


def reference(root: Path) -> dict[str, str]:
    out = git(
        root / "repo",
        "-c",
        f"gpg.ssh.allowedSignersFile={root / 'allowed_signers'}",
        "log",
        "--format=%H %G?",
    )
    return dict(line.split() for line in out.splitlines())


def fast(root: Path, pipelined: bool = True) -> dict[str, str]:
    allowed = parse_allowed_signers((root / "allowed_signers").read_text())
    shas = rev_list(root / "repo")
    with ObjectReader(root / "repo") as reader:
        commits = reader.commits(shas) if pipelined else map(reader.commit, shas)
        return {c.sha: verify_commit(c, allowed).status for c in commits}


def phases(root: Path) -> dict[str, float]:
    """One run of the fast path split into its phases."""
    t0 = time.perf_counter()
    allowed = parse_allowed_signers((root / "allowed_signers").read_text())
    shas = rev_list(root / "repo")
    t1 = time.perf_counter()
    with ObjectReader(root / "repo") as reader:
        commits = list(reader.commits(shas))
    t2 = time.perf_counter()
    for c in commits:
        verify_commit(c, allowed)
    t3 = time.perf_counter()
    return {"rev-list": t1 - t0, "read+parse": t2 - t1, "verify": t3 - t2}


def timed(fn: Callable[[], dict[str, str]], repeat: int) -> tuple[list[float], dict[str, str]]:
    times, result = [], {}
    for _ in range(repeat):
        t0 = time.perf_counter()
        result = fn()
        times.append(time.perf_counter() - t0)
    return times, result


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--n", type=int, default=2000, help="number of commits (default 2000)")
    ap.add_argument("--repeat", type=int, default=3, help="timed runs per method (default 3)")
    ap.add_argument("--rebuild", action="store_true", help="rebuild the cached repository")
    args = ap.parse_args(argv)

    root, manifest = load_or_build(args.n, args.rebuild)
    expected = manifest["expected"]
    counts = {k: list(expected.values()).count(k) for k in "GUBN"}
    print(f"commits: {args.n}  expected verdicts: {counts}")

    git_times, git_result = timed(lambda: reference(root), args.repeat)
    fast_times, fast_result = timed(lambda: fast(root), args.repeat)
    rt_times, rt_result = timed(lambda: fast(root, pipelined=False), args.repeat)

    if git_result != expected:
        bad = [s for s in expected if git_result.get(s) != expected[s]][:5]
        raise SystemExit(f"git disagrees with the manifest on {bad}")
    for name, result in (("pipelined", fast_result), ("round-trip", rt_result)):
        if result != git_result:
            bad = [s for s in git_result if result.get(s) != git_result[s]][:5]
            raise SystemExit(f"in-process ({name}) disagrees with git on {bad}")
    print(f"verdicts: identical for all {len(git_result)} commits (git, in-process)")

    def line(label: str, times: list[float]) -> str:
        med = statistics.median(times)
        return f"  {label:<42} median {med:8.3f} s   min {min(times):8.3f} s   ({len(times)} runs)"

    print(line("git log --format=%G? (ssh-keygen)", git_times))
    print(line("in-process, pipelined cat-file", fast_times))
    print(line("in-process, one cat-file round trip/commit", rt_times))
    speedup = statistics.median(git_times) / statistics.median(fast_times)
    print(f"  speed-up (median): {speedup:.0f}x")
    print("  fast-path phases: " + ", ".join(f"{k} {v:.3f} s" for k, v in phases(root).items()))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
