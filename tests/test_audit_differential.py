"""Fast path == reference path (git + ssh-keygen) on mutated signatures and allowed-signers files.

The reference path *is* git and ssh-keygen; the fast path must give the same
verdict on every input (issue 9, class 8). Each case runs both verifiers of
:mod:`xmgl.gitaudit.auditsig` on a real commit in a real repository: the
signature is made by ssh-keygen and then mutated (base64 pad bits, Ed25519 S+L,
line wrapping, a zero commit time), the allowed-signers text is mutated
(namespaces, validity windows with and without Z, first matching line, options
spelled differently, principals lists), and the time zone of the process is set
in the environment. A hand mutation of the fast path's validity-window or
namespace check makes cases here fail.
"""

from __future__ import annotations

import base64
import os
import subprocess
import time
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.gitfixtures import Key, Repo
from xmgl.gitaudit import auditsig as sig
from xmgl.gitaudit.objects import ObjectReader

L = 2**252 + 27742317777372353535851937790883648493  # the order of the Ed25519 base point
WHEN = 1772337600  # 2026-03-01 04:00:00 UTC, the commit time
EMAIL = "alice@example.com"


def _sign(key: Key, payload: bytes, tmp: Path) -> str:
    data = tmp / "payload"
    data.write_bytes(payload)
    subprocess.run(
        ["ssh-keygen", "-q", "-Y", "sign", "-n", "git", "-f", str(key.path), str(data)],
        check=True,
        capture_output=True,
    )
    out = Path(f"{data}.sig").read_text()
    Path(f"{data}.sig").unlink()
    return out


def _payload(repo: Repo, when: int, email: str = EMAIL, message: str = "说明\n") -> bytes:
    tree = _empty_tree(repo)
    ident = f"Alice <{email}> {when} +0800"
    return f"tree {tree}\nauthor {ident}\ncommitter {ident}\n\n{message}".encode()


def _empty_tree(repo: Repo) -> str:
    return repo.git("hash-object", "-t", "tree", "-w", "--stdin", input=b"").strip()


def _commit(repo: Repo, payload: bytes, armored: str) -> str:
    lines = armored.rstrip("\n").split("\n")
    header = ("gpgsig " + "\n ".join(lines) + "\n").encode()
    head, _, message = payload.partition(b"\n\n")
    raw = head + b"\n" + header + b"\n" + message
    return repo.write_commit_object(raw)


def _blob(armored: str) -> bytes:
    body = armored.split("-----BEGIN SSH SIGNATURE-----\n", 1)[1].split("\n-----END", 1)[0]
    return base64.b64decode("".join(body.split()))


def _armor(b64: str, width: int = 70) -> str:
    lines = [b64[i : i + width] for i in range(0, len(b64), width)]
    return "-----BEGIN SSH SIGNATURE-----\n" + "\n".join(lines) + "\n-----END SSH SIGNATURE-----\n"


def _s_plus_l(armored: str) -> str:
    """The same Ed25519 signature with S replaced by S + L (OpenSSH accepts it)."""
    blob = _blob(armored)
    assert blob[-64 - 4 - 11 : -64 - 4] == b"ssh-ed25519"
    r, s = blob[-64:-32], int.from_bytes(blob[-32:], "little")
    s2 = s + L
    assert s2 < 2**253
    out = blob[:-64] + r + s2.to_bytes(32, "little")
    return _armor(base64.b64encode(out).decode())


def _pad_bits(armored: str) -> str:
    """Non-zero bits in the base64 padding: the same bytes, a non-canonical text."""
    b64 = base64.b64encode(_blob(armored)).decode()
    assert b64.endswith("=") and not b64.endswith("==")
    alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/"
    last = alphabet.index(b64[-2])
    assert last & 0b11 == 0
    mutated = b64[:-2] + alphabet[last | 0b01] + "="
    assert base64.b64decode(mutated) == _blob(armored)  # Python does not mind
    return _armor(mutated)


def _rewrap(armored: str) -> str:
    return _armor(base64.b64encode(_blob(armored)).decode(), width=60)


@pytest.fixture(scope="module")
def lab(tmp_path_factory, keys):
    """One repository; commits by alice (Ed25519) and carol (ECDSA) signed, then mutated."""
    tmp = tmp_path_factory.mktemp("differential")
    repo = Repo(tmp / "repo")
    commits: dict[str, str] = {}
    good = _sign(keys["alice"], _payload(repo, WHEN), tmp)
    commits["plain"] = _commit(repo, _payload(repo, WHEN), good)
    commits["s+l"] = _commit(repo, _payload(repo, WHEN), _s_plus_l(good))
    commits["pad bits"] = _commit(repo, _payload(repo, WHEN), _pad_bits(good))
    # Longer than a pipe buffer: ssh-keygen refuses the signature before it
    # reads the text, so git is always killed by SIGPIPE while writing it.
    long = _payload(repo, WHEN, message="说明\n" * 40_000)
    commits["pad bits, long"] = _commit(repo, long, _pad_bits(_sign(keys["alice"], long, tmp)))
    commits["rewrapped"] = _commit(repo, _payload(repo, WHEN), _rewrap(good))
    zero = _payload(repo, 0)
    commits["time 0"] = _commit(repo, zero, _sign(keys["alice"], zero, tmp))
    other = _payload(repo, WHEN + 1, "carol@example.com")
    commits["ecdsa"] = _commit(repo, other, _sign(keys["carol"], other, tmp))
    return repo, commits, keys


def _both(repo: Repo, sha: str, text: str) -> tuple[sig.SigVerdict, sig.SigVerdict]:
    with ObjectReader(repo.path) as r:
        commit = r.commit(sha)
    signers = sig.read_signers(text)
    fast = sig.fast_verdict(commit, signers)
    ref = sig.reference_verdicts(repo.path, [commit], signers, text)[sha]
    return fast, ref


def _same(fast: sig.SigVerdict, ref: sig.SigVerdict) -> None:
    assert (fast.status, fast.principals) == (ref.status, ref.principals), (fast, ref)
    if fast.status != sig.BAD:
        assert fast.fingerprint == ref.fingerprint


# ---------------------------------------------------------------- signature encodings


@pytest.mark.parametrize(
    ("case", "status"),
    [
        ("plain", sig.GOOD),
        ("s+l", sig.GOOD),  # OpenSSH (ref10) accepts S >= L below 2^253
        ("pad bits", sig.BAD),  # OpenSSH's base64 decoder refuses non-zero pad bits
        ("rewrapped", sig.GOOD),
        ("time 0", sig.GOOD),  # git passes no time: the windows are judged now
    ],
)
def test_signature_encodings(lab, case, status):
    repo, commits, keys = lab
    text = f"{EMAIL} {keys['alice'].line}\n"
    fast, ref = _both(repo, commits[case], text)
    _same(fast, ref)
    assert fast.status == status


def test_git_killed_mid_log_leaves_no_commit_unjudged(lab):
    """git dies of SIGPIPE on a signature ssh-keygen refuses unread; the rest are still judged."""
    repo, commits, keys = lab
    text = f"{EMAIL} {keys['alice'].line}\n"
    order = ["plain", "pad bits, long", "rewrapped", "pad bits, long", "s+l"]
    with ObjectReader(repo.path) as r:
        batch = [r.commit(commits[case]) for case in dict.fromkeys(order)]
    signers = sig.read_signers(text)
    ref = sig.reference_verdicts(repo.path, batch, signers, text)
    got = {case: ref[commits[case]].status for case in dict.fromkeys(order)}
    assert got == {
        "plain": sig.GOOD,
        "pad bits, long": sig.BAD,
        "rewrapped": sig.GOOD,
        "s+l": sig.GOOD,
    }
    for c in batch:
        assert ref[c.sha].status == sig.fast_verdict(c, signers).status


# ---------------------------------------------------------------- allowed-signers mutations

POLICIES = [
    '{e} namespaces="git" {a}',
    '{e} namespaces="file" {a}',
    '{e} namespaces="file" {a}\n{e} namespaces="git" {a}',
    '{e} namespaces="file,git" {a}',
    '{e} namespaces="g*" {a}',
    '{e} NAMESPACES="git" {a}',
    'bob@example.com namespaces="file" {a}\n{e} {a}',  # first line: git says B
    "bob@example.com {a}\n{e} {a}",  # first line names bob: git verifies the committer too
    "{e},bob@example.com {a}",
    "bob@example.com,{e} {a}",
    '"{e}" {a}',
    '{e} valid-after="20260301040000Z" {a}',
    '{e} valid-after="20260301040001Z" {a}',
    '{e} valid-before="20260301035959Z" {a}',
    '{e} valid-before="20260301040000Z" {a}',
    '{e} valid-after="20990101Z" {a}\n{e} {a}',
    '{e} valid-before="20200101Z" {a}\nbob@example.com {a}',
    '{e} valid-after="20260301" {a}',  # no Z: not honoured on either path
    '{e} valid-after="20260301120000UTC" {a}',
    "{e} cert-authority {a}",
    "{e}\t{a}",
    "# comment\n\n{e} {a} 备注",
    "{e} {b}",
    "*@example.com {a}",
    "",
]


@pytest.mark.parametrize("tz", ["UTC", "Asia/Shanghai", "America/Los_Angeles"])
@pytest.mark.parametrize("policy", POLICIES)
def test_allowed_signers_mutations(lab, policy, tz, monkeypatch):
    repo, commits, keys = lab
    monkeypatch.setenv("TZ", tz)
    time.tzset()
    try:
        text = policy.format(e=EMAIL, a=keys["alice"].line, b=keys["bob"].line) + "\n"
        for case in ("plain", "time 0"):
            fast, ref = _both(repo, commits[case], text)
            _same(fast, ref)
    finally:
        monkeypatch.undo()
        time.tzset()


def test_the_window_and_namespace_checks_have_distinct_verdicts(lab):
    """What a hand mutation of either check would change (issue 13)."""
    repo, commits, keys = lab
    a = keys["alice"].line
    cases = {
        f'{EMAIL} valid-after="20260301040001Z" {a}': sig.KEY_NOT_YET_VALID,
        f'{EMAIL} valid-before="20260301035959Z" {a}': sig.KEY_EXPIRED,
        f'{EMAIL} valid-after="20260301040000Z" {a}': sig.GOOD,
        f'{EMAIL} valid-before="20260301040000Z" {a}': sig.GOOD,
        f'{EMAIL} namespaces="file" {a}': sig.WRONG_NAMESPACE,
        f'{EMAIL} namespaces="file,git" {a}': sig.GOOD,
        f'bob@example.com namespaces="file" {a}\n{EMAIL} {a}': sig.WRONG_NAMESPACE,
        f"bob@example.com {keys['bob'].line}": sig.NOT_ALLOWED,
    }
    for text, status in cases.items():
        fast, ref = _both(repo, commits["plain"], text + "\n")
        _same(fast, ref)
        assert fast.status == status, text


# ---------------------------------------------------------------- random files


def _line(draw, keys) -> str:
    who = draw(st.sampled_from([EMAIL, "bob@example.com", f"{EMAIL},bob@example.com"]))
    key = draw(st.sampled_from([keys["alice"].line, keys["bob"].line, keys["carol"].line]))
    options = []
    if draw(st.booleans()):
        options.append(f'namespaces="{draw(st.sampled_from(["git", "file", "git,file", "*"]))}"')
    if draw(st.booleans()):
        stamp = draw(st.sampled_from(["20260301040000", "20260301040001", "20200101", "20990101"]))
        zone = draw(st.sampled_from(["Z", "Z", ""]))
        which = draw(st.sampled_from(["valid-after", "valid-before"]))
        options.append(f'{which}="{stamp}{zone}"')
    return " ".join([who, ",".join(options), key] if options else [who, key])


@settings(max_examples=25, deadline=None, suppress_health_check=list(HealthCheck))
@given(data=st.data())
def test_random_allowed_signers_files(lab, data):
    repo, commits, keys = lab
    n = data.draw(st.integers(1, 3))
    text = "\n".join(_line(data.draw, keys) for _ in range(n)) + "\n"
    case = data.draw(st.sampled_from(["plain", "ecdsa", "s+l"]))
    tz = data.draw(st.sampled_from(["UTC", "Asia/Shanghai"]))
    old = os.environ.get("TZ")
    os.environ["TZ"] = tz
    time.tzset()
    try:
        fast, ref = _both(repo, commits[case], text)
        _same(fast, ref)
    finally:
        if old is None:
            os.environ.pop("TZ", None)
        else:
            os.environ["TZ"] = old
        time.tzset()
