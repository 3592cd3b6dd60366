"""Who signed a commit, and may they: in process (fast) or through git + ssh-keygen (reference).

Both answer the same question for a commit and the ``allowed_signers`` text
in force for it (its parent's; the first commit's own): is there a valid SSH
signature, is its key listed for the ``git`` namespace at the committer date,
and is the committer's e-mail one of the principals listed for that key?

Lines xmgl does not honour are removed before either path looks at the file:
wildcard or negated principals and ``cert-authority`` lines (the audit reports
them separately).
"""

from __future__ import annotations

import contextlib
import hashlib
import hmac
import json
import os
import subprocess
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from xmgl.gitaudit import policy
from xmgl.gitaudit.objects import Commit, git_env
from xmgl.gitaudit.sshsig import (
    AllowedSigner,
    SshSigError,
    UnsupportedAlgorithmError,
    parse_allowed_signers,
    verify_sshsig,
)

SSH_ARMOR = "-----BEGIN SSH SIGNATURE-----"
LAST_DATE = 253402300799  # 9999-12-31T23:59:59Z: later committer dates get no verdict


def _policy_version() -> str:
    """Names every rule a cached verdict depends on: a change makes old entries unread."""
    from xmgl import __version__

    # time rules: committer date, 0 = now (as git), windows only with Z, first line
    return f"xmgl-audit-2/{__version__}/time:committer,zero-now,utc-only/lines:first"


POLICY_VERSION = _policy_version()

GOOD = policy.GOOD
UNSIGNED = "unsigned"
BAD = "bad"
UNSUPPORTED = "unsupported"
NOT_ALLOWED = policy.NOT_LISTED
NOT_COMMITTER = policy.NOT_COMMITTER
KEY_REVOKED = "key-revoked"  # OpenPGP: the key is revoked
KEY_EXPIRED = policy.KEY_EXPIRED  # the key's window ended before the commit (or OpenPGP expiry)
SIG_EXPIRED = "signature-expired"  # OpenPGP: the signature itself expired
KEY_NOT_YET_VALID = policy.KEY_NOT_YET_VALID  # valid-after is later than the commit
WRONG_NAMESPACE = policy.WRONG_NAMESPACE  # listed, but not for the git namespace


@dataclass(frozen=True)
class SigVerdict:
    status: str
    fingerprint: str | None = None
    principals: tuple[str, ...] = ()
    reason: str = ""

    def to_list(self) -> list[object]:
        return [self.status, self.fingerprint, list(self.principals), self.reason]

    @classmethod
    def from_list(cls, data: list[Any]) -> SigVerdict:  # Any: JSON of the cache, MAC-checked
        status, fpr, principals, reason = data
        return cls(status, fpr, tuple(principals), reason)


@dataclass(frozen=True)
class SignersFile:
    """An ``allowed_signers`` text as the audit reads it."""

    honored: tuple[AllowedSigner, ...]
    rejected: tuple[tuple[int, str, str], ...]  # (line, text, why)
    invalid: tuple[tuple[int, str, str], ...]  # (line, text, parser's reason)

    def honored_text(self, original: str) -> str:
        lines = original.split("\n")
        keep = {s.lineno for s in self.honored}
        return "\n".join(line for n, line in enumerate(lines, 1) if n in keep) + "\n"

    def fingerprints(self) -> list[tuple[str, str, str]]:
        """``(principals, fingerprint, comment)`` of each honoured line."""
        return [(s.principals_field, s.key.fingerprint, s.key.comment) for s in self.honored]


def read_signers(text: str | None) -> SignersFile:
    if not text:
        return SignersFile((), (), ())
    from xmgl.gitaudit.sshsig import AllowedSignersError

    invalid: list[tuple[int, str, str]] = []
    try:
        parsed = parse_allowed_signers(text, strict=True)
    except AllowedSignersError as err:
        invalid = [(e.lineno, e.line, e.reason) for e in err.errors]
        parsed = parse_allowed_signers(text, strict=False)
    honored, rejected = [], []
    for s in parsed:
        if s.cert_authority:
            rejected.append((s.lineno, s.principals_field, "cert-authority"))
        elif s.wildcard or any(p.negated for p in s.principals):
            rejected.append((s.lineno, s.principals_field, "wildcard"))
        elif s.local_time:
            # ssh-keygen reads a window without Z in the auditor's own time zone:
            # the verdict would depend on where the audit runs
            rejected.append((s.lineno, s.principals_field, "local-time"))
        else:
            honored.append(s)
    return SignersFile(tuple(honored), tuple(rejected), tuple(invalid))


# ---------------------------------------------------------------- fast path


def fast_verdict(commit: Commit, signers: SignersFile) -> SigVerdict:
    if commit.signature is None:
        return SigVerdict(UNSIGNED)
    if not commit.signature.startswith(SSH_ARMOR):
        return SigVerdict(UNSUPPORTED, reason="不是 SSH 签名（可能是 OpenPGP 或 X.509）")
    try:
        verified = verify_sshsig(commit.signature, commit.signed_payload, "git")
    except UnsupportedAlgorithmError as exc:
        return SigVerdict(UNSUPPORTED, reason=str(exc))
    except SshSigError as exc:
        return SigVerdict(BAD, reason=str(exc))
    d = policy.decide(
        signers.honored, verified.public_key, commit.committer.email, commit.committer.timestamp
    )
    return SigVerdict(d.status, d.fingerprint, d.principals)


class VerdictCache:
    """Verdicts of earlier runs under (commit id, allowed_signers blob id), authenticated.

    Kept in ``.git/xmgl/audit-cache.json`` (never a tracked file). Each entry
    carries an HMAC made with a key that lives in the user's own cache folder
    (``~/.cache/xmgl/audit-cache.key``), so a cache file that arrives with a
    copied repository — or is edited — is simply not believed. Commits are
    re-read and re-hashed on every run; a cached verdict only saves the
    signature arithmetic of an object whose content hashes to the id it was
    stored under.
    """

    def __init__(self, path: Path, key_path: Path | None = None) -> None:
        self.path = path
        self.key_path = key_path or default_key_path()
        self.key = self._key()
        self.entries: dict[str, SigVerdict] = {}
        self.new: dict[str, list[object]] = {}
        self.hits = 0
        self._load()

    def _key(self) -> bytes:
        stored = self._stored_key()
        if stored is not None:
            return stored
        data = os.urandom(32)
        try:
            self.key_path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
            fd = os.open(self.key_path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
            with os.fdopen(fd, "wb") as fh:
                fh.write(data)
        except FileExistsError:
            stored = self._stored_key()
            if stored is not None:
                return stored  # another run made it first
            self._replace_key(data)  # a short key file (a write cut short) is no key
        except OSError:
            pass  # no writable cache folder: this run's key only
        return data

    def _stored_key(self) -> bytes | None:
        try:
            data = self.key_path.read_bytes()
        except OSError:
            return None
        return data if len(data) >= 32 else None

    def _replace_key(self, data: bytes) -> None:
        tmp = self.key_path.with_name(f".{self.key_path.name}.{os.getpid()}")
        try:
            fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
            with os.fdopen(fd, "wb") as fh:
                fh.write(data)
            os.replace(tmp, self.key_path)
        except OSError:  # this run's key only
            with contextlib.suppress(OSError):
                tmp.unlink()

    def _mac(self, key: str, value: list[object]) -> str:
        msg = json.dumps([POLICY_VERSION, key, value], ensure_ascii=True, sort_keys=True)
        return hmac.new(self.key, msg.encode(), hashlib.sha256).hexdigest()

    def _load(self) -> None:
        try:
            raw = json.loads(self.path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return
        if not isinstance(raw, dict) or raw.get("policy") != POLICY_VERSION:
            return
        for key, item in (raw.get("entries") or {}).items():
            try:
                value, mac = item
                if hmac.compare_digest(mac, self._mac(key, value)):
                    self.entries[key] = SigVerdict.from_list(value)
            except (TypeError, ValueError):
                continue

    def get(self, sha: str, blob: str | None) -> SigVerdict | None:
        v = self.entries.get(f"{sha}:{blob}")
        if v is not None:
            self.hits += 1
        return v

    def put(self, sha: str, blob: str | None, verdict: SigVerdict) -> None:
        key = f"{sha}:{blob}"
        self.entries[key] = verdict
        self.new[key] = verdict.to_list()

    def save(self) -> None:
        if not self.new:
            return
        data = {
            "policy": POLICY_VERSION,
            "entries": {
                k: [v.to_list(), self._mac(k, v.to_list())] for k, v in self.entries.items()
            },
        }
        try:
            from xmgl.fileio import atomic_write

            self.path.parent.mkdir(parents=True, exist_ok=True)
            text = json.dumps(data, ensure_ascii=True, separators=(",", ":"))
            atomic_write(self.path, text.encode("ascii"))
        except OSError:
            pass  # a cache that cannot be written is only a slower next run


def default_key_path() -> Path:
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "xmgl" / "audit-cache.key"


def pgp_verdict(commit: Commit, listed_text: str | None, keys: dict[str, bytes]) -> SigVerdict:
    """An OpenPGP-signed commit, checked by gpg against the keys listed for it (both paths)."""
    from xmgl.gitaudit import openpgp

    entries, _bad = openpgp.parse(listed_text)
    status, fpr, reason = openpgp.verify(commit.signature or "", commit.signed_payload, keys)
    if status == "bad":
        return SigVerdict(BAD, reason=reason)
    if status in (KEY_REVOKED, KEY_EXPIRED, SIG_EXPIRED):
        return SigVerdict(status, fpr, reason=reason)
    if status == "unknown-key":
        return SigVerdict(NOT_ALLOWED, fpr)
    principals = tuple(
        dict.fromkeys(e.principal for e in entries if e.fingerprint == fpr and not e.wildcard)
    )
    if not principals:
        return SigVerdict(NOT_ALLOWED, fpr)
    if commit.committer.email not in principals:
        return SigVerdict(NOT_COMMITTER, fpr, principals)
    return SigVerdict(GOOD, fpr, principals)


def is_openpgp(commit: Commit) -> bool:
    from xmgl.gitaudit import openpgp

    return bool(commit.signature and commit.signature.startswith(openpgp.ARMOR))


# ---------------------------------------------------------------- reference path


def reference_verdicts(
    top: Path, commits: list[Commit], signers: SignersFile, signers_text: str | None
) -> dict[str, SigVerdict]:
    """Verdicts from ``git log --format=%G?`` and ``ssh-keygen -Y`` (git's own verifier).

    git is given the honoured lines of ``signers_text`` as its
    ``gpg.ssh.allowedSignersFile``; it runs ssh-keygen (find-principals, then
    verify) for every commit. When git's principal is not the committer, or git
    says B, ssh-keygen is asked directly (``-Y verify -I <committer>``,
    ``-Y check-novalidate``) to tell the cases apart.
    """
    out: dict[str, SigVerdict] = {}
    if not commits:
        return out
    with tempfile.TemporaryDirectory(prefix="xmgl-audit-") as tmp:
        allowed = Path(tmp) / "allowed_signers"
        allowed.write_text(signers.honored_text(signers_text or ""), encoding="utf-8")
        letters = _git_letters(top, allowed, commits)
        for c in commits:
            if c.sha in letters:
                status, fpr, signer = letters[c.sha]
                v = _judge_letter(Path(tmp), allowed, c, status, fpr, signer)
            else:
                v = _judge_directly(Path(tmp), allowed, c)
            if v.status == NOT_ALLOWED:  # the cause, from the lines that list the key
                why = policy.why_not(signers.honored, v.fingerprint, c.committer.timestamp)
                v = SigVerdict(why, v.fingerprint, v.principals, v.reason)
            out[c.sha] = v
    return out


def _git_letters(
    top: Path, allowed: Path, commits: list[Commit]
) -> dict[str, tuple[str, str, str]]:
    """git's ``%G? %GK %GS`` for each commit it could judge.

    git dies of SIGPIPE when ssh-keygen refuses a signature before reading the
    signed text (git restores SIGPIPE's default whatever its parent did): the
    commits after that one get no line. git is asked again for those; the
    commit it died on gets none and is judged by ssh-keygen directly.
    """
    fmt = "%H%x00%G?%x00%GK%x00%GS"
    letters: dict[str, tuple[str, str, str]] = {}
    todo = [c.sha for c in commits]
    while todo:
        proc = subprocess.run(
            [
                "git",
                "-C",
                str(top),
                "-c",
                "gpg.format=ssh",
                "-c",
                f"gpg.ssh.allowedSignersFile={allowed}",
                "log",
                "--no-walk=unsorted",
                f"--format={fmt}",
                *todo,
                "--",
            ],
            capture_output=True,
            env=git_env(),  # no replace refs, grafts or commit-graph
            check=False,
        )
        for line in proc.stdout.decode("utf-8", "replace").splitlines():
            parts = line.split("\0")
            if len(parts) == 4:
                letters[parts[0]] = (parts[1], parts[2], parts[3])
        missing = [sha for sha in todo if sha not in letters]
        if proc.returncode == 0 or not missing:
            break
        todo = missing[1:]  # git printed in order: it died on missing[0]
    return letters


def _judge_directly(tmp: Path, allowed: Path, c: Commit) -> SigVerdict:
    """What git would have said had it not died: ssh-keygen verify, then check-novalidate."""
    if c.signature is None:
        return SigVerdict(UNSIGNED)
    if not c.signature.startswith(SSH_ARMOR):
        return SigVerdict(UNSUPPORTED, reason="不是 SSH 签名（可能是 OpenPGP 或 X.509）")
    if _ssh_keygen_verify(tmp, allowed, c, c.committer.email):
        return SigVerdict(GOOD, _ssh_keygen_novalidate(tmp, c), (c.committer.email,))
    fingerprint = _ssh_keygen_novalidate(tmp, c)
    if fingerprint:
        return SigVerdict(NOT_ALLOWED, fingerprint)
    return SigVerdict(BAD, reason="ssh-keygen：签名无效")


def _judge_letter(
    tmp: Path, allowed: Path, c: Commit, status: str, fpr: str, signer: str
) -> SigVerdict:
    if c.signature is None:
        return SigVerdict(UNSIGNED)
    if not c.signature.startswith(SSH_ARMOR):  # git says N for what gpg cannot read
        return SigVerdict(UNSUPPORTED, reason="不是 SSH 签名（可能是 OpenPGP 或 X.509）")
    if status == "N":
        return SigVerdict(UNSIGNED)
    if status == "G":
        if signer == c.committer.email:
            return SigVerdict(GOOD, fpr or None, (signer,))
        if _ssh_keygen_verify(tmp, allowed, c, c.committer.email):
            return SigVerdict(GOOD, fpr or None, (c.committer.email,))
        return SigVerdict(NOT_COMMITTER, fpr or None, (signer,))
    if status == "U":
        return SigVerdict(NOT_ALLOWED, fpr or None)
    if status == "B":
        fingerprint = _ssh_keygen_novalidate(tmp, c)
        if fingerprint:
            return SigVerdict(NOT_ALLOWED, fingerprint)
        return SigVerdict(BAD, reason="git：签名无效")
    return SigVerdict(UNSUPPORTED, reason=f"git 的核验结果为 {status!r}")


def _sig_files(tmp: Path, c: Commit) -> tuple[Path, bytes]:
    sig = tmp / f"{c.sha}.sig"
    sig.write_text(c.signature or "", encoding="utf-8")
    return sig, c.signed_payload


def _ssh_keygen_verify(tmp: Path, allowed: Path, c: Commit, principal: str) -> bool:
    sig, payload = _sig_files(tmp, c)
    proc = subprocess.run(
        [
            "ssh-keygen",
            "-Y",
            "verify",
            "-f",
            str(allowed),
            "-I",
            principal,
            "-n",
            "git",
            "-s",
            str(sig),
            *([f"-Overify-time={_time(c)}"] if c.committer.timestamp else []),
        ],
        input=payload,
        capture_output=True,
        check=False,
    )
    return proc.returncode == 0


def _ssh_keygen_novalidate(tmp: Path, c: Commit) -> str | None:
    """The key's fingerprint if the signature itself is sound (whoever the key is)."""
    sig, payload = _sig_files(tmp, c)
    proc = subprocess.run(
        ["ssh-keygen", "-Y", "check-novalidate", "-n", "git", "-s", str(sig)],
        input=payload,
        capture_output=True,
        check=False,
    )
    if proc.returncode != 0:
        return None
    text = (proc.stdout + proc.stderr).decode("utf-8", "replace")
    for word in text.split():
        if word.startswith("SHA256:"):
            return word
    return "SHA256:?"


def _time(c: Commit) -> str:
    import datetime as dt

    when = dt.datetime.fromtimestamp(c.committer.timestamp, dt.UTC)
    return when.strftime("%Y%m%d%H%M%SZ")
