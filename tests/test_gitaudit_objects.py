"""ObjectReader and rev_list on real repositories."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from tests.gitfixtures import Repo
from xmgl.gitaudit.objects import (
    GitError,
    MissingObjectError,
    ObjectReader,
    ObjectTypeError,
    parse_commit,
    replace_refs,
    rev_list,
    split_signed_payload,
)


def test_commit_fields(make_repo) -> None:
    repo: Repo = make_repo()
    first = repo.commit("立项", date="2026-03-01T12:00:00+08:00", files={"a.txt": "1\n"})
    second = repo.commit("审批\n\n依据第十条。\n\nStage: approved", files={"a.txt": "2\n"})
    with ObjectReader(repo.path) as reader:
        c1 = reader.commit(first)
        c2 = reader.commit("HEAD")
    assert c1.sha == first and c1.parents == ()
    assert c1.tree == repo.git("rev-parse", f"{first}^{{tree}}").strip()
    assert (c1.author.name, c1.author.email) == ("刘晓梅", "liuxm@example.gov.cn")  # conftest
    assert c1.committer.timestamp == 1772337600 and c1.committer.tz == "+0800"
    assert c1.committer.datetime == dt.datetime(2026, 3, 1, 4, tzinfo=dt.UTC)
    assert c1.committer.datetime.utcoffset() == dt.timedelta(hours=8)
    assert c1.message == "立项\n"
    assert c1.signature is None and not c1.is_signed
    assert c1.signed_payload == c1.raw == repo.git("cat-file", "commit", first).encode()
    assert c2.sha == second and c2.parents == (first,)
    assert c2.message == "审批\n\n依据第十条。\n\nStage: approved\n"


def test_blob_and_read(make_repo) -> None:
    repo: Repo = make_repo()
    sha = repo.commit("files", files={"docs/allowed_signers": "x@y ssh-ed25519 AAAA\n"})
    with ObjectReader(repo.path) as reader:
        assert reader.blob(f"{sha}:docs/allowed_signers") == b"x@y ssh-ed25519 AAAA\n"
        assert reader.blob(f"{sha}:no/such/file") is None
        assert reader.blob("0" * 40) is None
        tree = reader.read(f"{sha}:docs")
        assert tree is not None and tree.type == "tree"
        with pytest.raises(ObjectTypeError):
            reader.blob(f"{sha}:docs")
        with pytest.raises(ObjectTypeError):
            reader.commit(f"{sha}:docs/allowed_signers")
        with pytest.raises(MissingObjectError):
            reader.commit("refs/heads/nope")
        with pytest.raises(ValueError):
            reader.read("HEAD\nHEAD")
        # the process survives all of the above
        assert reader.commit(sha).sha == sha


def test_read_many_can_stop_early(make_repo) -> None:
    repo: Repo = make_repo()
    shas = [repo.commit(f"c{i}") for i in range(20)]
    with ObjectReader(repo.path) as reader:
        for _spec, _obj in reader.read_many(shas):
            break
        assert reader.commit(shas[3]).sha == shas[3]
        assert [c.sha for c in reader.commits(shas)] == shas
        assert [o is None for _, o in reader.read_many(["nope", shas[0]])] == [True, False]


def test_not_a_repository(tmp_path: Path) -> None:
    with pytest.raises(GitError):
        ObjectReader(tmp_path)


def test_replace_refs_and_grafts_are_ignored(make_repo) -> None:
    """``git replace`` and ``info/grafts`` change what git shows; the audit sees objects."""
    repo: Repo = make_repo()
    a = repo.commit("a")
    b = repo.commit("b")
    c = repo.commit("c")
    fake = repo.git("commit-tree", f"{b}^{{tree}}", "-p", a, "-m", "rewritten b").strip()
    repo.git("replace", b, fake)
    assert "rewritten b" in repo.git("log", "--format=%s", b)
    assert replace_refs(repo.path) == [f"refs/replace/{b}"]
    with ObjectReader(repo.path) as reader:
        assert reader.commit(b).message == "b\n"
    (repo.path / ".git" / "info" / "grafts").write_text(f"{c}\n")  # c "has no parent"
    assert repo.git("rev-list", "HEAD").split() == [c]
    assert rev_list(repo.path) == [a, b, c]


def test_rev_list_topo_order_with_merge(make_repo) -> None:
    repo: Repo = make_repo()
    base = repo.commit("base")
    repo.git("checkout", "-q", "-b", "side")
    side = repo.commit("side")
    repo.git("checkout", "-q", "main")
    main = repo.commit("main")
    repo.git("merge", "-q", "--no-ff", "--no-gpg-sign", "-m", "merge", "side")
    merge = repo.git("rev-parse", "HEAD").strip()
    order = rev_list(repo.path)
    assert order[0] == base and order[-1] == merge and set(order) == {base, side, main, merge}
    with ObjectReader(repo.path) as reader:
        assert reader.commit(merge).parents == (main, side)
    assert rev_list(repo.path, "side") == [base, side]
    with pytest.raises(GitError):
        rev_list(repo.path, "--all")  # taken as a revision, not an option


def test_split_signed_payload_like_git() -> None:
    raw = (
        b"tree t\nparent p\nauthor A <a@x> 1 +0000\ncommitter A <a@x> 1 +0000\n"
        b"gpgsig-sha256 other\n  line\ngpgsig -----BEGIN SSH SIGNATURE-----\n abc\n \n"
        b" -----END SSH SIGNATURE-----\nmergetag object x\n type commit\n\n"
        b"msg\ngpgsig not a header\n"
    )
    payload, sig, others = split_signed_payload(raw)
    assert sig == b"-----BEGIN SSH SIGNATURE-----\nabc\n\n-----END SSH SIGNATURE-----\n"
    assert others == (("gpgsig-sha256", b"other\n line\n"),)
    assert payload == (
        b"tree t\nparent p\nauthor A <a@x> 1 +0000\ncommitter A <a@x> 1 +0000\n"
        b"mergetag object x\n type commit\n\nmsg\ngpgsig not a header\n"
    )
    commit = parse_commit("x", raw)
    assert commit.message == "msg\ngpgsig not a header\n"
    assert commit.signature == sig.decode()


def test_malformed_commit_raises() -> None:
    from xmgl.gitaudit.objects import CommitFormatError

    with pytest.raises(CommitFormatError):
        parse_commit("x", b"author A <a@x> 1 +0000\n\nmsg\n")
    with pytest.raises(CommitFormatError):
        parse_commit("x", b"tree t\nauthor A <a@x> 1 +0000\ncommitter A a@x 1 +0000\n\nm\n")
    with pytest.raises(CommitFormatError):
        parse_commit("x", b"tree t\nauthor A <a@x> 1 +0000\ncommitter A <a@x> soon\n\nm\n")
