"""xmgl.gitaudit.policy: "may this key sign this commit now?", verdict by verdict.

The matrix of allowed_signers lines (windows on, before and after their bounds, namespaces,
principal lists, cert-authority, several lines for one key) is run against ``decide`` —
the function the audit and the commands call — and against the Chinese ``explain`` the
commands print. Keys are real (ssh-keygen, tests/gitfixtures.py); the verdicts do not depend
on their bytes. ``tests/test_sshsig.py`` checks the same rules against ssh-keygen and git.
"""

from __future__ import annotations

import time

import pytest

from tests.gitfixtures import Key
from xmgl.gitaudit import policy
from xmgl.gitaudit.auditsig import read_signers
from xmgl.gitaudit.sshsig import parse_public_key

T = 1772337600  # 2026-03-01 04:00:00 UTC, the commit's committer date
AT = "20260301040000Z"
BEFORE = "20260301035959Z"  # one second before T
AFTER = "20260301040001Z"  # one second after T
ALICE, BOB, CAROL = "alice@example.com", "bob@example.com", "carol@example.com"


def decide(keys: dict[str, Key], text: str, email: str = ALICE, when: int | None = T):
    """``decide`` for alice's key on ``text`` ({a} and {b} are alice's and bob's keys)."""
    lines = text.format(a=keys["alice"].line, b=keys["bob"].line) + "\n"
    key = parse_public_key(keys["alice"].line)
    return policy.decide(read_signers(lines).honored, key, email, when)


@pytest.mark.parametrize(
    ("text", "email", "status", "principals"),
    [
        pytest.param("alice@example.com {a}", ALICE, policy.GOOD, (ALICE,), id="listed"),
        pytest.param("", ALICE, policy.NOT_LISTED, (), id="empty-file"),
        pytest.param("bob@example.com {b}", ALICE, policy.NOT_LISTED, (), id="other-key"),
        pytest.param(
            "alice@example.com cert-authority {a}", ALICE, policy.NOT_LISTED, (), id="cert-auth"
        ),
        # the window's bounds are inclusive: on the second it opens or closes, it holds
        pytest.param(f'alice@example.com valid-after="{AT}" {{a}}', ALICE, "good", (ALICE,)),
        pytest.param(
            f'alice@example.com valid-after="{AFTER}" {{a}}', ALICE, "key-not-yet-valid", ()
        ),
        pytest.param(f'alice@example.com valid-before="{AT}" {{a}}', ALICE, "good", (ALICE,)),
        pytest.param(f'alice@example.com valid-before="{BEFORE}" {{a}}', ALICE, "key-expired", ()),
        pytest.param(
            f'alice@example.com valid-after="{BEFORE}",valid-before="{AFTER}" {{a}}',
            ALICE,
            "good",
            (ALICE,),
            id="inside-both-bounds",
        ),
        pytest.param('alice@example.com namespaces="file" {a}', ALICE, "key-wrong-namespace", ()),
        pytest.param('alice@example.com namespaces="file,git" {a}', ALICE, "good", (ALICE,)),
        # listed for someone else: git's signer is named, not the committer
        pytest.param("alice@example.com {a}", BOB, "not-committer", (ALICE,), id="committer"),
        pytest.param("alice@example.com,bob@example.com {a}", BOB, "good", (BOB,), id="second"),
        pytest.param(
            "alice@example.com,bob@example.com {a}", CAROL, "not-committer", (ALICE,), id="first"
        ),
        # the committer's own line must allow git too, even when git's signer may sign
        pytest.param(
            'alice@example.com {a}\nbob@example.com namespaces="file" {a}',
            BOB,
            "not-committer",
            (ALICE,),
            id="committer-line-wrong-namespace",
        ),
        # why not is judged at the commit's time, not now (the window ended since)
        pytest.param(
            'alice@example.com namespaces="file",valid-before="20260401000000Z" {a}',
            ALICE,
            "key-wrong-namespace",
            (),
            id="why-not-at-commit-time",
        ),
        # an empty window (after > before) is a malformed line, never honoured
        pytest.param(
            f'alice@example.com valid-after="{AT}",valid-before="{BEFORE}" {{a}}',
            ALICE,
            "not-allowed",
            (),
            id="empty-window",
        ),
        # ssh-keygen splits principals with strsep(): an empty one ends the list
        pytest.param(
            ",bob@example.com {a}", BOB, "key-wrong-namespace", (), id="empty-first-principal"
        ),
        pytest.param(
            "alice@example.com,,bob@example.com {a}", CAROL, "not-committer", (ALICE,), id="a,,b"
        ),
        # find-principals takes the first line valid at T; a later line may list the committer
        pytest.param(
            "alice@example.com {a}\nbob@example.com {a}", BOB, "good", (BOB,), id="later-line"
        ),
        pytest.param(
            f'old@example.com valid-before="{BEFORE}" {{a}}\nnew@example.com {{a}}',
            CAROL,
            "not-committer",
            ("new@example.com",),
            id="expired-line-skipped",
        ),
        # the first valid line names the principals; their check looks at every line
        pytest.param(
            'alice@example.com namespaces="file" {a}\n'
            "bob@example.com {a}\nalice@example.com,bob@example.com {a}",
            CAROL,
            "not-committer",
            (ALICE,),
            id="signer-checked-on-a-later-line",
        ),
        # ... and only its principals: bob's own line does not make alice's line sign (git: B)
        pytest.param(
            'alice@example.com namespaces="file" {a}\nbob@example.com {a}',
            BOB,
            "key-wrong-namespace",
            (),
            id="first-line-wrong-namespace",
        ),
        pytest.param(
            'alice@example.com,bob@example.com namespaces="file" {a}\nbob@example.com {a}',
            CAROL,
            "not-committer",
            (BOB,),
            id="second-principal-signs",
        ),
    ],
)
def test_decide(keys, text: str, email: str, status: str, principals: tuple[str, ...]) -> None:
    decision = decide(keys, text, email)
    fingerprint = parse_public_key(keys["alice"].line).fingerprint
    assert decision == policy.Decision(status, fingerprint, principals)
    assert decision.allowed is (status == policy.GOOD)


@pytest.mark.parametrize(
    ("windows", "status"),
    [
        pytest.param([("valid-after", AFTER), ("valid-after", AFTER)], "key-not-yet-valid"),
        pytest.param([("valid-before", BEFORE), ("valid-before", BEFORE)], "key-expired"),
        # one line not yet valid, one expired: the key is not simply "not yet" valid
        pytest.param([("valid-after", AFTER), ("valid-before", BEFORE)], "key-expired"),
        pytest.param([("valid-before", BEFORE), ("valid-after", AFTER)], "key-expired"),
    ],
)
def test_why_not_over_several_lines(keys, windows, status) -> None:
    text = "\n".join(f'alice@example.com {w}="{v}" {{a}}' for w, v in windows)
    assert decide(keys, text).status == status


def test_why_not_ignores_cert_authority_lines_and_unknown_keys(keys) -> None:
    text = f"alice@example.com cert-authority {keys['alice'].line}\n"
    fingerprint = parse_public_key(keys["alice"].line).fingerprint
    honored = read_signers(f"alice@example.com {keys['alice'].line}\n").honored
    assert policy.why_not(honored, fingerprint, T) == policy.WRONG_NAMESPACE  # valid at T
    assert policy.why_not(honored, None, T) == policy.NOT_LISTED
    ca = policy.decide(read_signers(text).honored, parse_public_key(keys["alice"].line), ALICE, T)
    assert ca.status == policy.NOT_LISTED


def test_a_zero_or_missing_committer_date_is_judged_now(keys) -> None:
    # git passes no time to ssh-keygen for a committer date of 0: the window is read "now"
    assert policy.effective_time(T) == T
    for missing in (None, 0):
        before = int(time.time())
        now = policy.effective_time(missing)
        assert before <= now <= int(time.time())
    expired = 'alice@example.com valid-before="20200101000000Z" {a}'
    assert decide(keys, expired, when=1500000000).status == "good"  # 2017: before the end
    assert decide(keys, expired, when=0).status == "key-expired"
    assert decide(keys, expired, when=None).status == "key-expired"
    future = 'alice@example.com valid-after="21000101000000Z" {a}'
    assert decide(keys, future, when=0).status == "key-not-yet-valid"
    assert decide(keys, future, when=None).status == "key-not-yet-valid"


def test_may_sign_reads_the_file_as_the_audit_does(keys) -> None:
    key = policy.public_key(*keys["alice"].line.split())
    assert key == parse_public_key(keys["alice"].line)
    listed = f"alice@example.com {keys['alice'].line}\n"
    assert policy.may_sign(listed, key, ALICE, T).status == policy.GOOD
    assert policy.may_sign(listed, key, ALICE).status == policy.GOOD  # now
    # the commit's time, not now: a window that has ended since still holds for it
    ended = f'alice@example.com valid-before="20260401000000Z" {keys["alice"].line}\n'
    assert policy.may_sign(ended, key, ALICE, T).status == policy.GOOD
    assert policy.may_sign(ended, key, ALICE).status == policy.KEY_EXPIRED
    # a wildcard line is not honoured: the key is not listed at all
    assert policy.may_sign(f"*@example.com {keys['alice'].line}\n", key, ALICE, T).status == (
        policy.NOT_LISTED
    )
    assert policy.may_sign(None, key, ALICE, T).status == policy.NOT_LISTED


def test_explain_says_what_is_wrong_and_how_to_fix_it(keys) -> None:
    fpr = parse_public_key(keys["alice"].line).fingerprint
    cases = {
        policy.NOT_COMMITTER: (
            f"这把密钥在允许名单中登记的是 {ALICE}、{BOB}，而你的 git 邮箱是 {CAROL}",
            f"用 git config user.email {ALICE} 改正邮箱，或由已允许的人员为你登记。",
        ),
        policy.KEY_NOT_YET_VALID: (
            f"这把密钥（{fpr}）在允许名单中的有效期（valid-after）还没有开始",
            "等到有效期开始后再签名，或由已允许的人员更正登记的有效期。",
        ),
        policy.KEY_EXPIRED: (
            f"这把密钥（{fpr}）在允许名单中的有效期（valid-before）已经结束",
            "请已允许的签名人员为你重新登记（xmgl signers add）。",
        ),
        policy.WRONG_NAMESPACE: (
            f"这把密钥（{fpr}）在允许名单中没有登记 git 用途（namespaces 不含 git）",
            '请已允许的签名人员按 xmgl signers add 的格式重新登记（namespaces="git"）。',
        ),
        policy.NOT_LISTED: (
            f"这把密钥（{fpr}）不在已提交的 .xmgl/allowed_signers 中",
            "请一位已允许的签名人员运行 “xmgl signers add 你的邮箱 你的公钥.pub”，"
            "提交后再试。自己把自己加进名单的提交不会通过审计。",
        ),
    }
    for status, expected in cases.items():
        principals = (ALICE, BOB) if status == policy.NOT_COMMITTER else ()
        assert policy.explain(policy.Decision(status, fpr, principals), CAROL) == expected
