"""Both audit paths on small histories made with plain git and real ssh-keygen signatures.

Small on purpose (a few commits, no dossier CLI), so that each case runs in about a
second and a mutant of the audit's signature step dies quickly: a merge is judged by
every parent's allowed signers and the worst verdict wins, on the fast path and
through git + ssh-keygen alike.
"""

from __future__ import annotations

import pytest

from xmgl.gitaudit.audit import FAST, REFERENCE, verify

ALICE = ("Alice", "alice@example.com")
BOB = ("Bob", "bob@example.com")
PROJECT = "stage:\n  current: reserve\n  since: 2025-06-01\n"


def as_(who: tuple[str, str]) -> dict[str, str]:
    name, email = who
    return {
        "GIT_AUTHOR_NAME": name,
        "GIT_AUTHOR_EMAIL": email,
        "GIT_COMMITTER_NAME": name,
        "GIT_COMMITTER_EMAIL": email,
    }


def signing(key) -> list[str]:
    return ["-c", "gpg.format=ssh", "-c", f"user.signingkey={key.path}"]


def bad(report) -> dict[str, set[str]]:
    return {
        c.sha: {f.code for f in c.findings if f.severity == "error"}
        for c in report.commits
        if not c.ok
    }


def both(root):
    fast = verify(root, method=FAST, use_cache=False)
    ref = verify(root, method=REFERENCE)
    assert fast.verdicts() == ref.verdicts(), (fast.verdicts(), ref.verdicts())
    assert bad(fast) == bad(ref)
    return fast


@pytest.fixture
def forked(make_repo, keys, monkeypatch):
    """root (alice lists alice) → main: alice adds bob; side: a plain commit by alice."""
    for k, v in as_(ALICE).items():
        monkeypatch.setenv(k, v)
    repo = make_repo()
    a, b = keys["alice"], keys["bob"]
    listed = f"{ALICE[1]} {a.line}\n"
    root = repo.commit(
        "信任根", a, files={".xmgl/allowed_signers": listed, "project.yaml": PROJECT}
    )
    added = repo.commit(
        "增加签名人员", a, files={".xmgl/allowed_signers": listed + f"{BOB[1]} {b.line}\n"}
    )
    repo.git("checkout", "-q", "-b", "side", root)
    side = repo.commit("旁支说明", a)
    repo.git("checkout", "-q", "main")
    return repo, root, added, side


@pytest.mark.parametrize("first", ["main", "side"])
def test_a_merge_is_judged_by_every_parents_signers(forked, keys, first):
    """bob is listed on one parent only: his merge is refused, whichever parent is first
    (the merge brings his line to the other parent's history: self-authorized)."""
    repo, _root, added, side = forked
    repo.git("checkout", "-q", first)
    other = "side" if first == "main" else "main"
    repo.git(*signing(keys["bob"]), "merge", "-q", "--no-ff", "-S", "-m", "合并", other,
             env=as_(BOB))  # fmt: skip
    merge = repo.git("rev-parse", "HEAD").strip()
    report = both(repo.path)
    assert bad(report) == {merge: {"self-authorized"}}
    assert {c.sha for c in report.commits} >= {added, side, merge}


def test_a_merge_by_a_signer_of_both_parents_passes(forked, keys):
    repo, *_ = forked
    repo.git(*signing(keys["alice"]), "merge", "-q", "--no-ff", "-S", "-m", "合并", "side")
    report = both(repo.path)
    assert report.ok and bad(report) == {}
    assert [c.signature.status for c in report.commits if len(c.parents) == 2] == ["good"]


def test_the_root_is_judged_by_its_own_signers(make_repo, keys, monkeypatch):
    for k, v in as_(ALICE).items():
        monkeypatch.setenv(k, v)
    repo = make_repo()
    a, b = keys["alice"], keys["bob"]
    # the root lists bob only, and alice signs it
    root = repo.commit(
        "信任根",
        a,
        files={".xmgl/allowed_signers": f"{BOB[1]} {b.line}\n", "project.yaml": PROJECT},
    )
    report = both(repo.path)
    assert bad(report) == {root: {"key-not-allowed"}}
