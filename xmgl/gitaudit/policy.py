"""May this key sign this commit now? The one answer, for the audit and for the commands.

``xmgl audit verify`` (fast path), ``xmgl signers``, the pre-check of ``xmgl
advance`` / ``record --commit`` and the allowed-signers editor all ask
:func:`decide` (or :func:`may_sign` with the file's text). The rule is the one
git applies with ssh-keygen (the audit's reference path), on the lines of the
**parent commit's** ``.xmgl/allowed_signers`` that xmgl honours:

1. ssh-keygen's ``find-principals``: the *first* line that lists the key
   (no ``cert-authority``) and whose ``valid-after``/``valid-before`` window
   holds the commit time; its principals, in order (namespaces are not looked
   at here);
2. ``ssh-keygen -Y verify -I <principal> -n git`` for each of them: *some* line
   lists that principal with the key, allows the ``git`` namespace and is in
   its window; the first that passes is the signer git reports;
3. the committer's e-mail must be that signer, or pass the same check itself.

The commit time is the committer date; a committer date of 0 means "now", as
git passes no time to ssh-keygen then. Lines that are not honoured (wildcards,
negations, ``cert-authority``, windows written without ``Z`` — read in the
auditor's own time zone by ssh-keygen) are removed before, by
:func:`xmgl.gitaudit.auditsig.read_signers`.

When the answer is no, :func:`why_not` names the cause from the lines that
list the key: not listed, expired, not yet valid, or not for the ``git``
namespace — the same for both audit paths, since it only needs the key's
fingerprint.
"""

from __future__ import annotations

import time
from collections.abc import Sequence
from dataclasses import dataclass

from xmgl.gitaudit.sshsig import AllowedSigner, PublicKey, is_allowed_signer

GOOD = "good"
NOT_COMMITTER = "not-committer"
NOT_LISTED = "not-allowed"
KEY_EXPIRED = "key-expired"
KEY_NOT_YET_VALID = "key-not-yet-valid"
WRONG_NAMESPACE = "key-wrong-namespace"
NAMESPACE = "git"


@dataclass(frozen=True)
class Decision:
    status: str  # one of the constants above
    fingerprint: str
    principals: tuple[str, ...] = ()  # good: the committer; not-committer: git's signer

    @property
    def allowed(self) -> bool:
        return self.status == GOOD


def effective_time(timestamp: int | None) -> int:
    """The time windows are judged at: the committer date, or now for 0 / None (as git)."""
    return int(timestamp) if timestamp else int(time.time())


def decide(
    honored: Sequence[AllowedSigner], key: PublicKey, email: str, when: int | None
) -> Decision:
    """May ``key`` sign a commit by ``email`` committed at ``when``, under ``honored`` lines?"""
    t = effective_time(when)
    fpr = key.fingerprint
    first = next(
        (s for s in honored if not s.cert_authority and s.key == key and s.valid_at(t)), None
    )
    if first is None:
        return Decision(why_not(honored, fpr, t), fpr)
    candidates: list[str] = []
    for p in first.principals_field.split(","):  # ssh-keygen: strsep(), stops at ""
        if not p:
            break
        candidates.append(p)
    signer = next((p for p in candidates if is_allowed_signer(honored, key, p, NAMESPACE, t)), None)
    if signer is None:
        return Decision(why_not(honored, fpr, t), fpr)
    if signer == email or is_allowed_signer(honored, key, email, NAMESPACE, t):
        return Decision(GOOD, fpr, (email,))
    return Decision(NOT_COMMITTER, fpr, (signer,))


def why_not(honored: Sequence[AllowedSigner], fingerprint: str | None, when: int | None) -> str:
    """Why a key is not allowed at ``when``: the lines that list it say."""
    t = effective_time(when)
    lines = [
        s
        for s in honored
        if not s.cert_authority and fingerprint and s.key.fingerprint == fingerprint
    ]
    if not lines:
        return NOT_LISTED
    if any(s.valid_at(t) for s in lines):
        return WRONG_NAMESPACE
    if all(s.valid_after is not None and t < s.valid_after for s in lines):
        return KEY_NOT_YET_VALID
    return KEY_EXPIRED


def may_sign(text: str | None, key: PublicKey, email: str, when: int | None = None) -> Decision:
    """:func:`decide` on an ``allowed_signers`` text, read as the audit reads it."""
    from xmgl.gitaudit.auditsig import read_signers

    return decide(read_signers(text).honored, key, email, when)


def public_key(keytype: str, base64_key: str) -> PublicKey:
    """The audit's key object for a key the commands hold as ``type base64``."""
    from xmgl.gitaudit.sshsig import parse_public_key

    return parse_public_key(f"{keytype} {base64_key}")


def explain(decision: Decision, email: str) -> tuple[str, str]:
    """``(why, hint)`` in Chinese for a decision that is not allowed (for the commands)."""
    fpr = decision.fingerprint
    if decision.status == NOT_COMMITTER:
        listed = "、".join(decision.principals)
        return (
            f"这把密钥在允许名单中登记的是 {listed}，而你的 git 邮箱是 {email}",
            f"用 git config user.email {decision.principals[0]} 改正邮箱，或由已允许的人员为你登记。",
        )
    if decision.status == KEY_NOT_YET_VALID:
        return (
            f"这把密钥（{fpr}）在允许名单中的有效期（valid-after）还没有开始",
            "等到有效期开始后再签名，或由已允许的人员更正登记的有效期。",
        )
    if decision.status == KEY_EXPIRED:
        return (
            f"这把密钥（{fpr}）在允许名单中的有效期（valid-before）已经结束",
            "请已允许的签名人员为你重新登记（xmgl signers add）。",
        )
    if decision.status == WRONG_NAMESPACE:
        return (
            f"这把密钥（{fpr}）在允许名单中没有登记 git 用途（namespaces 不含 git）",
            '请已允许的签名人员按 xmgl signers add 的格式重新登记（namespaces="git"）。',
        )
    return (
        f"这把密钥（{fpr}）不在已提交的 .xmgl/allowed_signers 中",
        "请一位已允许的签名人员运行 “xmgl signers add 你的邮箱 你的公钥.pub”，"
        "提交后再试。自己把自己加进名单的提交不会通过审计。",
    )
