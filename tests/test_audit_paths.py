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


def _merge_fork(make_repo, keys, monkeypatch, line: str, key: str, who, first: str) -> tuple:
    """root lists alice; main adds ``line``; side is a plain commit; ``key`` merges as ``who``."""
    for k, v in as_(ALICE).items():
        monkeypatch.setenv(k, v)
    repo = make_repo()
    a = keys["alice"]
    listed = f"{ALICE[1]} {a.line}\n"
    root = repo.commit(
        "信任根", a, files={".xmgl/allowed_signers": listed, "project.yaml": PROJECT}
    )
    repo.commit("增加一行", a, files={".xmgl/allowed_signers": listed + line})
    repo.git("checkout", "-q", "-b", "side", root)
    repo.commit("旁支说明", a)
    repo.git("checkout", "-q", first)
    other = "side" if first == "main" else "main"
    repo.git(*signing(keys[key]), "merge", "-q", "--no-ff", "-S", "-m", "合并", other, env=as_(who))
    return repo, repo.git("rev-parse", "HEAD").strip()


@pytest.mark.parametrize("first", ["main", "side"])
def test_signer_not_committer_under_one_parent_is_worse_than_good(
    make_repo, keys, monkeypatch, first
):
    """alice's key is listed for bob on main only: bob's merge with it is not his, by side."""
    line = f"{BOB[1]} {keys['alice'].line}\n"
    repo, merge = _merge_fork(make_repo, keys, monkeypatch, line, "alice", BOB, first)
    report = both(repo.path)
    assert bad(report) == {merge: {"signer-not-committer"}}


@pytest.mark.parametrize("first", ["main", "side"])
def test_not_listed_under_one_parent_is_worse_than_not_the_committer(
    make_repo, keys, monkeypatch, first
):
    """bob's key, listed on main for bob, merges as alice: on side it is not listed at all."""
    line = f"{BOB[1]} {keys['bob'].line}\n"
    repo, merge = _merge_fork(make_repo, keys, monkeypatch, line, "bob", ALICE, first)
    report = both(repo.path)
    assert bad(report) == {merge: {"self-authorized"}}


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


# ---------------------------------------------------------------- anchors


def anchored(root, spec: str) -> tuple[object, list[str]]:
    """The anchor result and the top findings' codes, the same on both paths."""
    fast = verify(root, method=FAST, use_cache=False, anchor=spec)
    ref = verify(root, method=REFERENCE, anchor=spec)
    assert fast.anchor == ref.anchor, (fast.anchor, ref.anchor)
    assert [(f.code, f.message) for f in fast.findings] == [
        (f.code, f.message) for f in ref.findings
    ]
    return fast.anchor, [f.code for f in fast.findings]


def test_anchors_on_both_paths(forked):
    repo, root, added, side = forked
    r = repo.path
    a, codes = anchored(r, f"{root}:1")
    assert (a.commit, a.count, a.ok, a.head_count, codes) == (root, 1, True, 2, [])
    a, codes = anchored(r, f"{added.upper()}:2")  # any case, read as the id
    assert (a.commit, a.count, a.ok, a.head_count, codes) == (added, 2, True, 2, [])
    a, codes = anchored(r, added)  # no count: only the ancestry is checked
    assert (a.commit, a.count, a.ok, codes) == (added, 2, True, [])
    a, codes = anchored(r, f"{added}:3")
    assert (a.commit, a.count, a.ok, codes) == (added, 3, False, ["anchor-count-mismatch"])
    a, codes = anchored(r, f"{side}:2")  # exists, but not in HEAD's history
    assert (a.commit, a.count, a.ok, codes) == (side, 2, False, ["anchor-not-ancestor"])
    a, codes = anchored(r, f"{'e' * 40}:2")
    assert (a.commit, a.count, a.ok, codes) == (None, 2, False, ["anchor-missing"])


def test_anchor_count_of_a_merge_counts_every_ancestor_once(forked, keys):
    repo, *_ = forked
    repo.git(*signing(keys["alice"]), "merge", "-q", "--no-ff", "-S", "-m", "合并", "side")
    merge = repo.git("rev-parse", "HEAD").strip()
    a, codes = anchored(repo.path, f"{merge}:4")
    assert (a.ok, a.count, a.head_count, codes) == (True, 4, 4, [])


def test_anchor_count_is_the_objects_count_whatever_the_grafts(forked, keys):
    """A graft that drops a merge's parent changes git's count, not the anchor's."""
    repo, _root, added, _side = forked
    repo.git(*signing(keys["alice"]), "merge", "-q", "--no-ff", "-S", "-m", "合并", "side")
    merge = repo.git("rev-parse", "HEAD").strip()
    (repo.path / ".git/info").mkdir(exist_ok=True)
    (repo.path / ".git/info/grafts").write_text(f"{merge} {added}\n")
    a, codes = anchored(repo.path, f"{merge}:4")
    assert (a.ok, a.count, codes) == (True, 4, ["grafts"])


def test_anchor_messages(forked):
    repo, root, added, side = forked
    fast = verify(repo.path, use_cache=False, anchor=f"{added}:3")
    assert fast.findings[0].message == (
        f"锚点提交 {added[:12]} 之前（含）应有 3 个提交，实际为 2 个。"
    )
    fast = verify(repo.path, use_cache=False, anchor=side)
    assert fast.findings[0].message.startswith(f"锚点提交 {side[:12]} 存在，但不是当前历史")
    missing = "e" * 40
    fast = verify(repo.path, use_cache=False, anchor=missing)
    assert fast.findings[0].message.startswith(f"锚点提交 {missing} 在这个仓库中不存在")


def test_parse_anchor(tmp_path):
    from xmgl.errors import UsageError
    from xmgl.gitaudit.audit import parse_anchor

    sha1, sha256 = "ab" * 20, "cd" * 32
    assert parse_anchor(f"  {sha1}:12 ") == (sha1, 12)
    assert parse_anchor(sha256.upper()) == (sha256, None)
    anchor = tmp_path / "锚点.txt"
    anchor.write_text(f"# 审计锚点\nanchor: {sha1}:7\nstage: 建设\n", encoding="utf-8")
    assert parse_anchor(str(anchor)) == (sha1, 7)
    for short in (sha1[:7], sha1[:39], f"{sha1[:12]}:3", "a" * 41):
        with pytest.raises(UsageError) as err:
            parse_anchor(short)
        assert f"“{short.split(':')[0]}” 不是完整的 40 或 64 位哈希" in err.value.args[0]
    for nonsense in ("not-a-hash", f"{sha1}:x", f"{sha1}:", "abc"):
        with pytest.raises(UsageError) as err:
            parse_anchor(nonsense)
        assert err.value.args[0] == f"--anchor 的值 “{nonsense}” 无效。"
    empty = tmp_path / "空.txt"
    empty.write_text(f"commit {sha1}\n", encoding="utf-8")
    with pytest.raises(UsageError) as err:
        parse_anchor(str(empty))
    assert "不是 xmgl 审计锚点文件" in err.value.args[0]


# ---------------------------------------------------------------- what the audit prints


def test_visible_escapes_exactly_the_invisible_characters():
    from xmgl.gitaudit.audit import visible

    escaped = {
        "\x00": "\\x00",
        "\t": "\\x09",
        "\n": "\\x0a",
        "\x0b": "\\x0b",
        "\r": "\\x0d",
        "\x1b": "\\x1b",
        "\x1f": "\\x1f",
        "\x7f": "\\x7f",
        "\x85": "\\x85",
        "\x9f": "\\x9f",
        "\u061c": "\\u061c",
        "\u200b": "\\u200b",
        "\u200f": "\\u200f",
        "\u2028": "\\u2028",
        "\u202e": "\\u202e",
        "\u2060": "\\u2060",
        "\u2069": "\\u2069",
        "\ufeff": "\\ufeff",
    }
    for ch, shown in escaped.items():
        assert visible(f"甲{ch}乙") == f"甲{shown}乙", repr(ch)
    kept = " ~\xa0\u061b\u061d\u200a\u2010\u2027\u202f\u205f\u206a\ufefe·：✓"
    assert visible(kept) == kept
    # line feeds kept only when asked; every other character is still escaped
    assert visible("甲\n乙\r\x1b", newlines=True) == "甲\n乙\\x0d\\x1b"
    assert visible(None) == "" and visible("") == ""


# ---------------------------------------------------------------- the verdict cache


def test_the_cache_holds_one_verdict_per_commit_and_parent_list(forked, keys):
    """A merge is judged under each parent's list: two entries, two hits on the next run."""
    repo, *_ = forked
    repo.git(*signing(keys["alice"]), "merge", "-q", "--no-ff", "-S", "-m", "合并", "side")
    first = verify(repo.path)
    assert first.ok and first.cache_hits == 0
    assert len(first.commits) == 4
    second = verify(repo.path)
    assert second.ok and second.cache_hits == 5  # root, added, side: 1 each; the merge: 2
    assert second.verdicts() == first.verdicts()
    assert verify(repo.path, use_cache=False).cache_hits == 0
    assert verify(repo.path, method=REFERENCE).cache_hits == 0


def test_a_cached_verdict_is_the_verdict(forked, keys):
    """Failing verdicts are cached as they are, and read back as they were."""
    repo, root, added, side = forked
    repo.git(*signing(keys["bob"]), "commit", "-q", "--allow-empty", "-S", "-m", "鲍勃",
             env=as_(BOB))  # fmt: skip
    by_bob = repo.git("rev-parse", "HEAD").strip()
    repo.git("commit", "-q", "--allow-empty", "--no-gpg-sign", "-m", "未签名")
    unsigned = repo.git("rev-parse", "HEAD").strip()
    first = verify(repo.path)
    second = verify(repo.path)
    assert second.cache_hits == 4
    assert bad(first) == bad(second) == {unsigned: {"unsigned"}}
    assert [c.signature for c in first.commits] == [c.signature for c in second.commits]
    assert {c.sha: c.signature.status for c in second.commits} == {
        root: "good",
        added: "good",
        by_bob: "good",
        unsigned: "unsigned",
    }
    assert side not in {c.sha for c in second.commits}


# ---------------------------------------------------------------- xmgl log's reading


def test_history_entries_as_the_commits_say(forked, keys, make_repo):
    from xmgl.gitaudit import trailers as tr
    from xmgl.gitaudit.history import entries

    repo, root, added, side = forked
    message = tr.compose(
        "阶段变更：项目储备 → 已批复",
        "依据第九条。",
        [(tr.FROM_STAGE, "reserve"), (tr.TO_STAGE, "approved"), (tr.DATE, "2026-03-01")],
    )
    env = {
        **as_(BOB),
        "GIT_COMMITTER_NAME": "张伟",
        "GIT_COMMITTER_DATE": "2026-03-01T12:00:00+08:00",
    }
    repo.git("commit", "-q", "--allow-empty", "--no-gpg-sign", "-m", message, env=env)
    moved = repo.git("rev-parse", "HEAD").strip()
    repo.git("replace", added, side)  # a replace ref is not read
    got = entries(repo.path)
    assert [e.commit for e in got] == [root, added, moved]
    last = got[-1]
    assert (last.author, last.author_email) == BOB
    assert (last.committer, last.committer_email) == ("张伟", BOB[1])
    assert last.committed == "2026-03-01T12:00:00+08:00"
    assert last.subject == "阶段变更：项目储备 → 已批复"
    assert last.trailers == {
        tr.FROM_STAGE: ["reserve"],
        tr.TO_STAGE: ["approved"],
        tr.DATE: ["2026-03-01"],
    }
    assert last.kind == "transition" and last.get(tr.DATE) == "2026-03-01"
    assert got[1].subject == "增加签名人员" and got[1].trailers == {} and got[1].kind == "other"
    assert [e.commit for e in entries(repo.path, "side")] == [root, side]
    assert entries(make_repo().path) == []


# ---------------------------------------------------------------- the last date a calendar has


def test_the_last_second_of_9999_is_judged_and_the_next_is_unreadable(forked, keys):
    repo, *_ = forked
    a = signing(keys["alice"])
    last = {"GIT_COMMITTER_DATE": "@253402300799 +0000"}
    repo.git(*a, "commit", "-q", "--allow-empty", "-S", "-m", "最后一秒", env=last)
    judged = repo.git("rev-parse", "HEAD").strip()
    after = {"GIT_COMMITTER_DATE": "@253402300800 +0000"}
    repo.git(*a, "commit", "-q", "--allow-empty", "-S", "-m", "再一秒", env=after)
    unreadable = repo.git("rev-parse", "HEAD").strip()
    report = both(repo.path)
    by_sha = {c.sha: c for c in report.commits}
    assert by_sha[judged].signature is not None
    assert by_sha[judged].signature.status == "good"
    assert by_sha[judged].committed.startswith("9999-12-31T23:59:59")
    assert by_sha[unreadable].signature is None
    assert bad(report) == {unreadable: {"date-unreadable"}}


def test_history_entries_parents_first_whatever_the_dates(make_repo, keys, monkeypatch):
    """A merge whose branch was committed with an earlier clock: parents still come first."""
    from xmgl.gitaudit.history import entries

    for k, v in as_(ALICE).items():
        monkeypatch.setenv(k, v)
    repo = make_repo()

    def at(when: str, message: str) -> str:
        env = {"GIT_COMMITTER_DATE": when, "GIT_AUTHOR_DATE": when}
        repo.git("commit", "-q", "--allow-empty", "--no-gpg-sign", "-m", message, env=env)
        return repo.git("rev-parse", "HEAD").strip()

    a = at("2026-01-05T00:00:00Z", "甲")
    b = at("2026-01-01T00:00:00Z", "乙（时钟拨慢）")
    repo.git("checkout", "-q", "-b", "side", a)
    c = at("2026-01-03T00:00:00Z", "丙")
    repo.git("checkout", "-q", "main")
    env = {"GIT_COMMITTER_DATE": "2026-01-06T00:00:00Z"}
    repo.git("merge", "-q", "--no-ff", "--no-gpg-sign", "-m", "合并", "side", env=env)
    m = repo.git("rev-parse", "HEAD").strip()
    order = [e.commit for e in entries(repo.path)]
    assert order[0] == a and order[-1] == m and set(order[1:3]) == {b, c}
    # a file named like the revision is not taken for it
    (repo.path / "side").write_text("同名文件\n", encoding="utf-8")
    assert [e.commit for e in entries(repo.path, "side")] == [a, c]


def test_history_entries_of_a_message_that_is_not_utf8(make_repo, monkeypatch):
    from xmgl.gitaudit.history import entries

    for k, v in as_(ALICE).items():
        monkeypatch.setenv(k, v)
    repo = make_repo()
    tree = repo.git("hash-object", "-t", "tree", "-w", "--stdin", input=b"").strip()
    ident = b"Alice <alice@example.com> 1772337600 +0800"
    body = b"\xb2\xe2\xca\xd4 GBK\n\n\x1f\x1f\n\nXmgl-Date: 2026-03-01\n"  # and separators
    raw = b"tree %s\nauthor %s\ncommitter %s\n\n%s" % (
        tree.encode(),
        ident,
        ident,
        body,
    )
    sha = repo.write_commit_object(raw)
    repo.git("update-ref", "refs/heads/main", sha)
    (got,) = entries(repo.path)
    assert got.commit == sha and got.subject == "\ufffd\ufffd\ufffd\ufffd GBK"
    assert (got.author_email, got.committer_email) == (ALICE[1], ALICE[1])
    assert got.trailers == {"Xmgl-Date": ["2026-03-01"]}


def _loose(repo, sha: str):
    return repo.path / ".git" / "objects" / sha[:2] / sha[2:]


def _rewrite(repo, sha: str, old: bytes, new: bytes) -> bytes:
    """Change a loose object's content under its id (what an attacker with the files can do);
    returns the original file's bytes."""
    import zlib

    path = _loose(repo, sha)
    saved = path.read_bytes()
    header, _, body = zlib.decompress(saved).partition(b"\0")
    assert old in body
    body = body.replace(old, new, 1)
    path.chmod(0o644)
    path.write_bytes(zlib.compress(header.split(b" ")[0] + b" %d\0" % len(body) + body))
    return saved


@pytest.mark.parametrize("head", [False, True])
def test_a_tampered_commit_is_not_read_from_the_cache(forked, keys, head):
    """Also when it is HEAD's commit (git cannot even peel HEAD then): it is judged, never
    taken for "no commits"."""
    repo, _root, added, _side = forked
    if not head:
        repo.git(*signing(keys["alice"]), "commit", "-q", "--allow-empty", "-S", "-m", "说明")
    assert verify(repo.path).ok  # every verdict cached as good
    _rewrite(repo, added, "增加签名人员".encode(), "删除签名人员".encode())
    for report in (verify(repo.path), verify(repo.path, method=REFERENCE)):
        assert bad(report) == {added: {"object-tampered", "bad-signature"}}
        assert report.head == repo.git("rev-parse", "HEAD").strip()


def test_a_verdict_against_a_tampered_list_is_not_cached(forked, keys):
    """bob signs on root's list, which does not name him; the list is forged to name him
    while the audit runs, then put back: his commit must still fail, cache or not."""
    repo, root, _added, _side = forked
    repo.git("checkout", "-q", "side")
    repo.git(*signing(keys["bob"]), "commit", "-q", "--allow-empty", "-S", "-m", "鲍勃",
             env=as_(BOB))  # fmt: skip
    by_bob = repo.git("rev-parse", "HEAD").strip()
    blob = repo.git("rev-parse", f"{root}:.xmgl/allowed_signers").strip()
    alice = keys["alice"].line
    saved = _rewrite(repo, blob, ALICE[1].encode(), b"bob@example.com")
    forged = verify(repo.path)
    assert "object-tampered" in {f.code for c in forged.commits for f in c.findings}
    _loose(repo, blob).write_bytes(saved)
    assert alice in repo.git("show", f"{root}:.xmgl/allowed_signers")
    for report in (verify(repo.path), verify(repo.path, use_cache=False)):
        assert bad(report) == {by_bob: {"key-not-allowed"}}
