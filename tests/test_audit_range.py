"""``verify_range``: the audit of a pushed range (the 数据局 server's hook), on real repositories.

A range stands on a commit already audited (``RangeBase``) and judges only the
new commits, with the same judgement as ``xmgl audit verify``. These tests pin
what a range must never do differently from the full audit: read the commit set
through grafts or replace refs, lose the stages visited before it, or take a
second root for a continuation.
"""

from __future__ import annotations

import pytest

from tests.dossier_history import LIU
from tests.test_audit import commit_as
from xmgl.gitaudit.audit import FAST, RangeBase, verify, verify_range


def failing(report) -> dict[str, set[str]]:
    return {c.sha: {f.code for f in c.findings if f.severity == "error"} for c in report.commits}


def bad(report) -> dict[str, set[str]]:
    return {sha: codes for sha, codes in failing(report).items() if codes}


ALICE = "alice@example.com"
PROJECT = "stage:\n  current: reserve\n  since: 2025-06-01\n"


@pytest.fixture
def small(make_repo, keys, monkeypatch):
    """A small signed history made with plain git: root, a signed commit, an unsigned one,
    a signed tip. Returns the repository and the four commit ids."""
    for role in ("AUTHOR", "COMMITTER"):
        monkeypatch.setenv(f"GIT_{role}_NAME", "Alice")
        monkeypatch.setenv(f"GIT_{role}_EMAIL", ALICE)
    repo = make_repo()
    a = keys["alice"]
    files = {".xmgl/allowed_signers": f"{ALICE} {a.line}\n", "project.yaml": PROJECT}
    root = repo.commit("信任根", a, files=files)
    base = repo.commit("说明", a)
    hidden = repo.commit("未签名")
    tip = repo.commit("补充", a)
    return repo, (root, base, hidden, tip)


@pytest.mark.parametrize("with_base", [False, True])
def test_grafts_cannot_hide_a_commit_from_a_range(small, with_base):
    """A graft that skips the unsigned commit: git would not list it, the objects do."""
    repo, (root, base, hidden, tip) = small
    (repo.path / ".git/info").mkdir(exist_ok=True)
    (repo.path / ".git/info/grafts").write_text(f"{tip} {base}\n")
    ra = verify_range(repo.path / ".git", tip, RangeBase(base, ()) if with_base else None)
    assert bad(ra.report) == {hidden: {"unsigned"}}
    assert [(f.code, f.message, f.hint) for f in ra.report.findings] == [
        (
            "grafts",
            "仓库中有 .git/info/grafts（已废弃的嫁接文件），它能改变 git 看到的父提交；"
            "本审计已忽略它。",
            "删除 .git/info/grafts。",
        )
    ]
    assert not ra.report.ok
    want = [hidden, tip] if with_base else [root, base, hidden, tip]
    assert [c.sha for c in ra.report.commits] == want
    # the full audit says the same
    full = verify(repo.path, method=FAST, use_cache=False)
    assert bad(full) == {hidden: {"unsigned"}}
    assert [f.code for f in full.findings] == ["grafts"]


def test_a_replace_ref_is_reported_by_a_range_and_ignored(small):
    """The range reports the replace ref (the same finding as the full audit) and reads the
    original objects: a signed commit shown in place of the unsigned one changes nothing."""
    repo, (_root, base, hidden, tip) = small
    repo.git("replace", hidden, base)
    ra = verify_range(repo.path / ".git", tip, RangeBase(base, ()))
    assert ra.report.replace_refs == [f"refs/replace/{hidden}"]
    full = verify(repo.path, method=FAST, use_cache=False)
    assert [(f.code, f.message, f.hint) for f in ra.report.findings] == [
        (f.code, f.message, f.hint) for f in full.findings
    ]
    assert [(f.code, f.message, f.hint) for f in ra.report.findings] == [
        (
            "replace-refs",
            f"仓库中有替换引用（refs/replace）：refs/replace/{hidden}。git log 会在这些提交的"
            "哈希下显示另一个对象；本审计已忽略替换，核验的是原始对象。",
            "替换引用可以让人看到与签名不符的内容，审计记录中不应存在。"
            "确认后用 git replace -d 删除它们。",
        )
    ]
    repo.git("replace", base, hidden)  # two refs: both named
    names = "、".join(sorted([f"refs/replace/{hidden}", f"refs/replace/{base}"]))
    again = verify_range(repo.path / ".git", tip, RangeBase(base, ()))
    assert f"（refs/replace）：{names}。" in again.report.findings[0].message
    assert bad(ra.report) == {hidden: {"unsigned"}} == bad(full)


def test_a_shallow_repository_is_reported_by_a_range(small, tmp_path):
    repo, (_root, _base, _hidden, tip) = small
    clone = tmp_path / "shallow"
    repo.git("clone", "-q", "--depth", "1", f"file://{repo.path}", clone)
    ra = verify_range(clone / ".git", tip)
    assert [(f.code, f.message, f.hint) for f in ra.report.findings if f.code == "shallow"] == [
        (
            "shallow",
            "这是浅克隆（shallow clone）：历史不完整，无法核验到信任根。",
            "运行 git fetch --unshallow 取得完整历史后再核验。",
        )
    ]


def test_a_range_on_a_base_judges_only_the_new_commits(small):
    repo, (root, base, hidden, tip) = small
    whole = verify_range(repo.path / ".git", tip)
    assert [c.sha for c in whole.report.commits] == [root, base, hidden, tip]
    assert len(whole.report.trust_roots) == 1 and whole.report.trust_roots[0][0] == root
    ra = verify_range(repo.path / ".git", tip, RangeBase(base, ("reserve", "approved")))
    assert [c.sha for c in ra.report.commits] == [hidden, tip]
    assert bad(ra.report) == {hidden: {"unsigned"}}
    assert ra.report.trust_roots == [] and ra.report.findings == []
    assert ra.report.head == tip and ra.report.method == FAST
    # the stage and the visited stages carry over from the base
    assert ra.stage == whole.stage and ra.stage is not None and ra.stage.current == "reserve"
    assert ra.visited == ("reserve", "approved")
    # an empty range (the tip is the base) keeps the base's visited stages
    same = verify_range(repo.path / ".git", base, RangeBase(base, ("reserve", "x")))
    assert same.report.commits == [] and same.stage is None
    assert same.visited == ("reserve", "x")
    assert verify_range(repo.path / ".git", root).visited == ("reserve",)


def test_a_second_root_in_a_range_on_a_base(small, keys):
    """A root commit pushed on top of an audited history is a second trust root."""
    repo, (_root, base, _hidden, _tip) = small
    repo.git("checkout", "-q", "--orphan", "other")
    other = repo.commit("另一个档案", keys["alice"])
    ra = verify_range(repo.path / ".git", other, RangeBase(base, ()))
    assert [f.code for f in ra.report.findings] == ["multiple-roots"]
    found = ra.report.findings[0]
    assert found.message == (
        f"推送的提交中有另一个首次提交（根提交）{other[:12]}：一个档案只能有一个信任根。"
    )
    assert found.hint == "不要把另一个仓库的历史合并进档案；从服务器上的历史继续工作（git pull）。"
    assert found.commit == other and found.severity == "error"
    assert [sha for sha, _ in ra.report.trust_roots] == [other]
    # without a base the same commit is simply the trust root of its own history
    alone = verify_range(repo.path / ".git", other)
    assert [f.code for f in alone.report.findings] == []
    assert [sha for sha, _ in alone.report.trust_roots] == [other]


# ---------------------------------------------------------------- the ten-transition history


@pytest.fixture
def grown(history):
    """The history plus an unsigned commit and a signed one on top of it."""
    h = history
    base = h.git("rev-parse", "HEAD").strip()
    hidden = commit_as(h, LIU, None, "补充说明（未签名）")
    tip = commit_as(h, LIU, "liuxm", "补充说明")
    return h, base, hidden, tip


def test_a_range_without_base_is_the_full_audit(grown):
    h, _base, hidden, tip = grown
    ra = verify_range(h.root / ".git", tip)
    full = verify(h.root, method=FAST, use_cache=False)
    assert ra.report.verdicts() == full.verdicts()
    assert [c.sha for c in ra.report.commits] == [c.sha for c in full.commits]
    assert bad(ra.report) == {hidden: {"unsigned"}}
    assert ra.report.findings == [] and ra.report.head == tip
    assert ra.report.method == FAST
    assert ra.stage is not None and ra.stage.current == "in_operation"
    assert ra.visited[0] == "reserve" and ra.visited[-1] == "in_operation"
    assert len(ra.report.trust_roots) == 1


def test_two_roots_inside_one_range(small, keys):
    """A history that merged an unrelated one: two trust roots, with or without a base."""
    repo, (root, base, _hidden, _tip) = small
    repo.git("checkout", "-q", "--orphan", "other")
    other = repo.commit("另一个档案", keys["alice"])
    repo.git("checkout", "-q", "main")
    repo.git(
        "-c", "gpg.format=ssh", "-c", f"user.signingkey={keys['alice'].path}",
        "merge", "-q", "-S", "--allow-unrelated-histories", "-m", "合并", "other",
    )  # fmt: skip
    merge = repo.git("rev-parse", "HEAD").strip()
    ra = verify_range(repo.path / ".git", merge)
    assert [f.code for f in ra.report.findings] == ["multiple-roots"]
    message = ra.report.findings[0].message
    assert "历史中有 2 个首次提交" in message and root[:12] in message and other[:12] in message
    assert sorted(sha for sha, _ in ra.report.trust_roots) == sorted([root, other])


def test_the_range_report_names_its_repository_and_its_time(small):
    import time

    repo, (_root, base, _hidden, tip) = small
    before = time.perf_counter()
    ra = verify_range(repo.path / ".git", tip, RangeBase(base, ()))
    took = time.perf_counter() - before
    assert ra.report.root == repo.path / ".git"
    assert 0 <= ra.report.seconds <= took  # measured inside the call, not a bound on speed


def test_an_openpgp_commit_in_a_range_is_judged_by_gpg(small, keys, tmp_path, monkeypatch):
    """The range asks gpg with the keys listed as of the parent, as the full audit does."""
    import subprocess

    from tests.tools import need
    from xmgl.gitaudit import openpgp

    need("gpg")
    repo, (_root, _base, _hidden, tip) = small
    home = tmp_path / "gnupg"
    home.mkdir(mode=0o700)
    monkeypatch.setenv("GNUPGHOME", str(home))
    uid = f"Alice <{ALICE}>"
    subprocess.run(
        ["gpg", "--batch", "--pinentry-mode", "loopback", "--passphrase", ""]
        + ["--quick-gen-key", uid, "ed25519", "sign", "never"],
        check=True,
        capture_output=True,
    )
    try:
        fpr = openpgp.fingerprint_of(uid)
        files = {
            openpgp.SIGNERS: openpgp.add("", ALICE, fpr, "Alice"),
            openpgp.key_path(fpr): openpgp.export_public(fpr).decode(),
        }
        listing = repo.commit("登记 OpenPGP 签名人员", keys["alice"], files=files)
        repo.git("-c", "gpg.format=openpgp", "-c", f"user.signingkey={fpr}",
                 "commit", "-q", "--allow-empty", "-S", "-m", "OpenPGP 签名")  # fmt: skip
        signed = repo.git("rev-parse", "HEAD").strip()
        ra = verify_range(repo.path / ".git", signed, RangeBase(tip, ()))
        assert [c.sha for c in ra.report.commits] == [listing, signed]
        verdict = ra.report.commits[1].signature
        assert verdict is not None and (verdict.status, verdict.fingerprint) == ("good", fpr)
        assert bad(ra.report) == {}
    finally:
        subprocess.run(["gpgconf", "--kill", "all"], capture_output=True, check=False)
