"""Test oracles: what git + ssh-keygen would say, emulated in process (tests and benchmarks only).

Moved out of :mod:`xmgl.gitaudit.sshsig` (issue 13): production asks
:func:`xmgl.gitaudit.policy.decide`; these emulations are checked against the
real git and ssh-keygen in tests/test_sshsig.py and serve the benchmarks.
"""

from __future__ import annotations

import datetime as dt
import time
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Protocol

from xmgl.gitaudit.sshsig import (
    AllowedSigner,
    PublicKey,
    SshSigError,
    UnsupportedAlgorithmError,
    _epoch,
    is_allowed_signer,
    verify_sshsig,
)


def find_principals(
    allowed: Iterable[AllowedSigner],
    pubkey: PublicKey,
    namespace: str | None,
    when: dt.datetime | int,
) -> list[str]:
    """Principal patterns allowed to sign with ``pubkey`` in ``namespace`` at ``when``.

    Every matching line counts (ssh-keygen's find-principals stops at the first
    and ignores namespaces); negated patterns are left out; wildcard patterns are
    returned as written (``*@example.com``) - match an identity against them with
    :func:`is_allowed_signer`. ``cert-authority`` lines never match a plain key.
    """
    t = _epoch(when)
    found: list[str] = []
    for signer in allowed:
        if signer.cert_authority or signer.key != pubkey:
            continue
        if not signer.allows_namespace(namespace) or not signer.valid_at(t):
            continue
        for p in signer.principals:
            if not p.negated and p.pattern and p.pattern not in found:
                found.append(p.pattern)
    return found


@dataclass(frozen=True)
class GitVerdict:
    """What ``git log --format=%G?`` would say, and why.

    ``status``: ``G`` good and allowed, ``U`` good but no allowed principal (key
    unknown or outside its validity window), ``B`` bad, ``N`` unsigned, ``E``
    cannot be checked here (not an SSH signature, or an unsupported key type) -
    ask the reference verifier. ``signer`` is the principal git reports (``%GS``).
    """

    status: str
    signer: str | None = None
    key: PublicKey | None = None
    reason: str = ""

    @property
    def fingerprint(self) -> str | None:
        return None if self.key is None else self.key.fingerprint


def git_verdict(
    signature: str | None,
    payload: bytes,
    allowed: Sequence[AllowedSigner],
    when: dt.datetime | int,
    namespace: str = "git",
) -> GitVerdict:
    """Emulate git 2.39 + ssh-keygen 9.2 on one signed payload.

    git runs ``ssh-keygen -Y find-principals`` (first line listing the key and
    valid at ``when``; namespaces ignored; its principals split on commas), then
    ``-Y verify -I <principal> -n git`` for each until one succeeds; without a
    principal it runs ``check-novalidate`` and reports U on success. Quirk kept:
    a key whose only lines exclude the namespace is ``B``, not ``U``. For exact
    agreement parse the file with ``strict=False`` (ssh-keygen skips bad lines).
    """
    if signature is None:
        return GitVerdict("N", reason="unsigned")
    if not signature.startswith("-----BEGIN SSH SIGNATURE-----"):
        return GitVerdict("E", reason="not an SSH signature")
    try:
        verified = verify_sshsig(signature, payload, namespace)
    except UnsupportedAlgorithmError as exc:
        return GitVerdict("E", reason=str(exc))
    except SshSigError as exc:
        return GitVerdict("B", reason=str(exc))
    key = verified.public_key
    t = _epoch(when)
    first = next(
        (s for s in allowed if not s.cert_authority and s.key == key and s.valid_at(t)), None
    )
    if first is None:
        return GitVerdict("U", key=key, reason="no allowed principal for this key at this time")
    candidates = []
    for p in first.principals_field.split(","):  # ssh-keygen: strsep(), stops at ""
        if not p:
            break
        candidates.append(p)
    for principal in candidates:
        if is_allowed_signer(allowed, key, principal, namespace, t):
            return GitVerdict("G", signer=principal, key=key, reason="good signature")
    # ssh-keygen -Y verify failed for every principal: git shows B and no key.
    return GitVerdict("B", reason=f"{key.fingerprint} is not allowed for namespace {namespace!r}")


class _SignedCommit(Protocol):
    @property
    def signature(self) -> str | None: ...

    @property
    def signed_payload(self) -> bytes: ...

    @property
    def committer(self) -> _Stamped: ...


class _Stamped(Protocol):
    @property
    def timestamp(self) -> int: ...


def verify_commit(commit: _SignedCommit, allowed: Sequence[AllowedSigner]) -> GitVerdict:
    """:func:`git_verdict` for a :class:`~xmgl.gitaudit.objects.Commit`.

    The validity windows are judged at the committer date, as git does (git
    passes no time for a zero timestamp, and ssh-keygen then uses the clock).
    """
    when = commit.committer.timestamp or int(time.time())
    return git_verdict(commit.signature, commit.signed_payload, allowed, when)
