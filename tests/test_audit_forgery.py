"""Forged or tampered histories that an earlier audit accepted (issue 9, "false accepts").

Every case is built with the real git and ssh-keygen from the ten-transition
history (tests/dossier_history.py) and verified on both paths, which must agree;
each test failed on the code before the fix of its class.
"""

from __future__ import annotations

import subprocess
import zlib
from pathlib import Path

import pytest

from tests.dossier_history import LIU, MALLORY, History
from tests.test_audit import both, commit_as, failing
from xmgl.errors import UsageError
from xmgl.gitaudit.audit import FAST, parse_anchor, verify


def codes(report, sha: str) -> set[str]:
    return {f.code for c in report.commits if c.sha == sha for f in c.findings}


def raw_object(h: History, sha: str) -> bytes:
    return subprocess.run(
        ["git", "-C", str(h.root), "cat-file", "-p", sha], capture_output=True, check=True
    ).stdout


def write_object(h: History, kind: str, raw: bytes) -> str:
    return (
        subprocess.run(
            ["git", "-C", str(h.root), "hash-object", "-t", kind, "-w", "--literally", "--stdin"],
            input=raw,
            capture_output=True,
            check=True,
        )
        .stdout.decode()
        .strip()
    )


def ssh_sign(h: History, key: str, payload: bytes) -> bytes:
    """An SSH signature over ``payload`` in the git namespace, by ssh-keygen itself."""
    tmp = h.root.parent / "payload"
    tmp.write_bytes(payload)
    subprocess.run(
        ["ssh-keygen", "-q", "-Y", "sign", "-n", "git", "-f", str(h.keys[key]), str(tmp)],
        check=True,
        capture_output=True,
    )
    sig = Path(f"{tmp}.sig").read_bytes()
    Path(f"{tmp}.sig").unlink()
    return sig


def signed_commit_object(h: History, key: str, payload: bytes, trailing: bytes = b"") -> str:
    """Sign ``payload`` (a commit without signature) and store it as git would, plus
    ``trailing`` unsigned bytes after the END line if given."""
    sig = ssh_sign(h, key, payload) + trailing
    lines = sig.rstrip(b"\n").split(b"\n")
    header = b"gpgsig " + b"\n ".join(lines) + b"\n"
    head, _, message = payload.partition(b"\n\n")
    return write_object(h, "commit", head + b"\n" + header + b"\n" + message)


def move_head(h: History, sha: str) -> None:
    h.git("update-ref", "refs/heads/main", sha)
    h.git("reset", "-q", "--hard", sha)


def payload_on_head(
    h: History,
    message: str,
    *,
    tree: str | None = None,
    extra=b"",
    who: tuple[str, str] = LIU,
    when: int = 1780000000,
) -> bytes:
    """A commit on HEAD (its tree unless ``tree``), by ``who`` at ``when`` (+0800)."""
    head = h.git("rev-parse", "HEAD").strip()
    tree = tree or h.git("rev-parse", "HEAD^{tree}").strip()
    ident = f"{who[0]} <{who[1]}> {when} +0800".encode()
    return (
        f"tree {tree}\nparent {head}\n".encode()
        + b"author "
        + ident
        + b"\ncommitter "
        + ident
        + b"\n"
        + extra
        + b"\n"
        + message.encode()
    )


# ---------------------------------------------------------------- 1. the stage hidden


def test_a_trust_root_whose_stage_the_old_scanner_could_not_see(history):
    """A lone CR before 'stage:' — YAML (and the loader) breaks the line there."""
    path = history.root / "project.yaml"
    text = path.read_text(encoding="utf-8")
    hidden = text.replace("\nstage:\n", "\r\nstage:\n", 1).replace("\r\nstage", "\rstage", 1)
    assert "\rstage:" in hidden
    path.write_bytes(hidden.encode("utf-8"))
    history.git("commit", "-q", "-S", "-am", "换行")
    jumped = hidden.replace("current: operation", "current: terminated", 1)
    if jumped == hidden:  # whichever stage the history ended in
        import re

        jumped = re.sub(r"current: \w+", "current: terminated", hidden, count=1)
    path.write_bytes(jumped.encode("utf-8"))
    history.git("commit", "-q", "-S", "-am", "补充说明")
    sha = history.git("rev-parse", "HEAD").strip()
    fast, _ref = both(history.root)
    assert codes(fast, sha) == {"stage-edited"}, failing(fast)


def test_a_version_the_loader_refuses_below_the_stage_block_has_no_stage(history):
    """A syntax error after the stage block: the loader refuses the file, so does the audit.

    The fast reader used to read the stage from the lines above and pass the commit.
    """
    text = (history.root / "project.yaml").read_text(encoding="utf-8")
    assert text.index("\nstage:") < text.index("\nrecords:")
    broken = text + "  - kind: progress\n    note: [未闭合\n"
    sha = commit_as(history, LIU, "liuxm", "补充记录", files={"project.yaml": broken})
    fast, _ref = both(history.root)
    assert failing(fast) == {sha: {"stage-unreadable"}}
    message = next(f.message for c in fast.commits if c.sha == sha for f in c.findings)
    assert "YAML 语法错误" in message


# ---------------------------------------------------------------- 2. merges


def test_a_merge_cannot_bring_back_an_earlier_stage(history):
    before_last = history.transitions[-1] + "~1"
    history.git("branch", "side", before_last)
    history.git("checkout", "-q", "side")
    commit_as(history, LIU, "liuxm", "分支上的说明")
    history.git("checkout", "-q", "main")
    history.git("merge", "-q", "--no-ff", "-S", "-m", "合并", "side")
    # the merge takes the side branch's project.yaml: the last transition undone
    history.git("checkout", "side", "--", "project.yaml")
    history.git("commit", "-q", "-S", "--amend", "--no-edit", "-a")
    merge = history.git("rev-parse", "HEAD").strip()
    assert len(history.git("log", "-1", "--format=%P").split()) == 2
    fast, _ref = both(history.root)
    assert failing(fast) == {merge: {"merge-stage-changed"}}
    assert "第一个父提交" in next(
        f.message for f in fast.all_findings() if f.code == "merge-stage-changed"
    )


def test_a_merge_keeping_the_first_parents_stage_passes(history):
    history.git("branch", "side", history.transitions[-1] + "~1")
    history.git("checkout", "-q", "side")
    commit_as(history, LIU, "liuxm", "分支上的说明")
    history.git("checkout", "-q", "main")
    history.git("merge", "-q", "--no-ff", "-S", "-m", "合并", "side")
    fast, _ref = both(history.root)
    assert fast.ok, failing(fast)


# ---------------------------------------------------------------- 3. commit-graph


def _forge_commit_graph(h: History, child: str, fake_parent: str) -> None:
    """Write a real commit-graph, then point ``child``'s first parent at ``fake_parent``."""
    tips = f"{child}\n{fake_parent}\n".encode()
    subprocess.run(
        ["git", "-C", str(h.root), "commit-graph", "write", "--stdin-commits"],
        input=tips,
        check=True,
        capture_output=True,
    )
    graph = h.root / ".git/objects/info/commit-graph"
    data = bytearray(graph.read_bytes())
    n_chunks = data[6]
    chunks = {}
    for i in range(n_chunks + 1):
        at = 8 + 12 * i
        chunks[bytes(data[at : at + 4])] = int.from_bytes(data[at + 4 : at + 12], "big")
    oidl = chunks[b"OIDL"]
    count = int.from_bytes(data[chunks[b"OIDF"] + 255 * 4 : chunks[b"OIDF"] + 256 * 4], "big")
    ids = [bytes(data[oidl + 20 * i : oidl + 20 * (i + 1)]).hex() for i in range(count)]
    entry = chunks[b"CDAT"] + (20 + 16) * ids.index(child)
    data[entry + 20 : entry + 24] = ids.index(fake_parent).to_bytes(4, "big")
    graph.chmod(0o644)
    graph.write_bytes(bytes(data))
    h.git("config", "core.commitGraph", "true")


def test_a_forged_commit_graph_does_not_make_an_anchor_an_ancestor(history):
    # an anchor handed out earlier; then the history is rewritten from transition 3 on
    anchor = history.git("rev-parse", "HEAD").strip()
    count = int(history.git("rev-list", "--count", "HEAD"))
    history.git("reset", "-q", "--hard", history.transitions[2])
    rewritten = commit_as(history, LIU, "liuxm", "改写后的历史")
    assert verify(history.root, anchor=f"{anchor}:{count}").anchor.ok is False
    # ... and a forged commit-graph that says the rewritten head descends from the anchor
    _forge_commit_graph(history, rewritten, anchor)
    said = history.git("merge-base", "--is-ancestor", anchor, "HEAD", check=False)
    assert said == ""  # git itself now believes it (exit 0)
    fast, _ref = both(history.root, anchor=f"{anchor}:{count}")
    assert {f.code for f in fast.findings} == {"anchor-not-ancestor"}
    assert anchor not in {c.sha for c in fast.commits}


# ---------------------------------------------------------------- 4. anchors and trailing data


@pytest.mark.parametrize("short", ["abc1234", "0123456789abcdef0123", "a" * 39])
def test_abbreviated_anchors_are_refused(short):
    with pytest.raises(UsageError) as err:
        parse_anchor(f"{short}:12")
    assert "完整" in err.value.args[0]


def test_full_anchors_are_accepted():
    assert parse_anchor("A" * 40 + ":3") == ("a" * 40, 3)
    assert parse_anchor("b" * 64) == ("b" * 64, None)


def test_unsigned_bytes_after_the_signature_are_a_finding(history):
    payload = payload_on_head(history, "补充说明\n")
    sha = signed_commit_object(history, "liuxm", payload, trailing=b"grind 12345\n")
    move_head(history, sha)
    # git and ssh-keygen call the signature good: the bytes are not signed
    allowed = history.root / ".xmgl/allowed_signers"
    letter = history.git(
        "-c", f"gpg.ssh.allowedSignersFile={allowed}", "log", "-1", "--format=%G?"
    ).strip()
    assert letter == "G"
    fast, _ref = both(history.root)
    assert failing(fast) == {sha: {"signature-trailing-data"}}


# ---------------------------------------------------------------- 5. the cache


def _loose(h: History, sha: str) -> Path:
    return h.root / ".git/objects" / sha[:2] / sha[2:]


def _replace_loose(h: History, sha: str, body: bytes) -> bytes:
    path = _loose(h, sha)
    old = path.read_bytes()
    raw = zlib.decompress(old)
    kind = raw.partition(b"\0")[0].split(b" ")[0]
    path.chmod(0o644)
    path.write_bytes(zlib.compress(kind + b" %d\0" % len(body) + body))
    return old


def test_a_verdict_against_a_tampered_signers_file_is_never_cached(history):
    blob = history.git("rev-parse", "HEAD:.xmgl/allowed_signers").strip()
    genuine = history.git("cat-file", "-p", blob)
    pub = " ".join(Path(f"{history.keys['mallory']}.pub").read_text().split()[:2])
    line = f'{MALLORY[1]} namespaces="git" {pub}\n'
    # mallory's commit lists her (its own file is genuine); her key was never allowed before
    mallory_commit = commit_as(
        history,
        MALLORY,
        "mallory",
        "增加签名人员",
        files={".xmgl/allowed_signers": genuine + line},
        committer=MALLORY,
    )
    # the parent's file, tampered to list her too, under its genuine id
    saved = _replace_loose(history, blob, (genuine + line).encode())
    poisoned = verify(history.root, method=FAST)
    assert "object-tampered" in codes(poisoned, history.git("rev-parse", "HEAD~1").strip())
    # the blob is restored: the commit by a key never allowed must still fail, cache or not
    _loose(history, blob).write_bytes(saved)
    for report in (verify(history.root), verify(history.root, use_cache=False)):
        assert failing(report) == {mallory_commit: {"self-authorized"}}


# ---------------------------------------------------------------- 6. strict parsing


def test_two_committer_headers_are_a_malformed_commit(history):
    payload = payload_on_head(
        history,
        "补充说明\n",
        extra=f"committer {MALLORY[0]} <{MALLORY[1]}> 1780000000 +0800\n".encode(),
    )
    sha = signed_commit_object(history, "liuxm", payload)
    move_head(history, sha)
    fast, _ref = both(history.root)
    assert "malformed-commit" in codes(fast, sha)
    assert "committer 头出现 2 次" in next(
        f.message for f in fast.all_findings() if f.code == "malformed-commit"
    )


def test_an_unknown_encoding_is_a_malformed_commit(history):
    message = "补充说明\n\nXmgl-To-Stage: terminated\n"
    payload = payload_on_head(history, message, extra=b"encoding unicode_escape\n")
    sha = signed_commit_object(history, "liuxm", payload)
    move_head(history, sha)
    fast, _ref = both(history.root)
    assert "malformed-commit" in codes(fast, sha)


def _tree_with_entries(h: History, base_tree: str, edit) -> str:
    """A tree object built by hand from ``base_tree``'s raw entries, edited by ``edit``."""
    raw = subprocess.run(
        ["git", "-C", str(h.root), "cat-file", "tree", base_tree], capture_output=True, check=True
    ).stdout
    entries = []
    pos = 0
    while pos < len(raw):
        nul = raw.index(b"\0", pos)
        mode, name = raw[pos:nul].split(b" ", 1)
        entries.append([mode, name, raw[nul + 1 : nul + 21]])
        pos = nul + 21
    entries = edit(entries)
    return write_object(h, "tree", b"".join(m + b" " + n + b"\0" + s for m, n, s in entries))


def test_a_hidden_second_signers_entry_is_a_malformed_tree(history):
    pub = " ".join(Path(f"{history.keys['mallory']}.pub").read_text().split()[:2])
    outsider = write_object(history, "blob", f'{MALLORY[1]} namespaces="git" {pub}\n'.encode())
    xmgl_tree = history.git("rev-parse", "HEAD:.xmgl").strip()

    def add_duplicate(entries):
        at = next(i for i, e in enumerate(entries) if e[1] == b"allowed_signers")
        return (
            entries[: at + 1]
            + [[b"100644", b"allowed_signers", bytes.fromhex(outsider)]]
            + entries[at + 1 :]
        )

    new_xmgl = _tree_with_entries(history, xmgl_tree, add_duplicate)

    def swap(entries):
        for e in entries:
            if e[1] == b".xmgl":
                e[2] = bytes.fromhex(new_xmgl)
        return entries

    tree = _tree_with_entries(history, history.git("rev-parse", "HEAD^{tree}").strip(), swap)
    sha = signed_commit_object(history, "liuxm", payload_on_head(history, "x\n", tree=tree))
    history.git("update-ref", "refs/heads/main", sha)
    fast, _ref = both(history.root)
    assert "malformed-tree" in codes(fast, sha)
    assert "重复出现" in next(f.message for f in fast.all_findings() if f.code == "malformed-tree")


def test_a_zero_padded_directory_mode_is_read_as_git_reads_it(history):
    def pad(entries):
        for e in entries:
            if e[1] == b".xmgl":
                e[0] = b"040000"
        return entries

    tree = _tree_with_entries(history, history.git("rev-parse", "HEAD^{tree}").strip(), pad)
    sha = signed_commit_object(history, "liuxm", payload_on_head(history, "x\n", tree=tree))
    move_head(history, sha)
    assert history.git("show", f"{sha}:.xmgl/allowed_signers")  # git reads the directory
    # the next commit is judged by that commit's signers file: it must be found
    commit_as(history, LIU, "liuxm", "补充说明")
    fast, _ref = both(history.root)
    assert fast.ok, failing(fast)


# ---------------------------------------------------------------- dates no calendar has


def test_an_absurd_timestamp_is_a_finding_not_a_crash(history, xmgl):
    payload = payload_on_head(history, "补充说明\n", when=99999999999999)
    sha = signed_commit_object(history, "liuxm", payload)
    history.git("update-ref", "refs/heads/main", sha)
    fast, _ref = both(history.root)
    assert failing(fast) == {sha: {"date-unreadable"}}
    r = xmgl("-C", history.root, "audit", "verify")
    assert r.exit_code == 7 and "date-unreadable" in r.stdout


def test_the_audits_git_keeps_the_callers_config_and_prints_no_hint(history, monkeypatch):
    """git_env adds its settings after the caller's and silences the grafts hint."""
    from xmgl.gitaudit.objects import git_env

    monkeypatch.setenv("GIT_CONFIG_COUNT", "1")
    monkeypatch.setenv("GIT_CONFIG_KEY_0", "core.abbrev")
    monkeypatch.setenv("GIT_CONFIG_VALUE_0", "12")
    proc = subprocess.run(
        ["git", "-C", str(history.root), "log", "-1", "--format=%h"],
        capture_output=True,
        env=git_env(),
        check=True,
    )
    assert len(proc.stdout.strip()) == 12  # the caller's setting still holds
    assert proc.stderr == b""  # no "Support for <GIT_DIR>/info/grafts is deprecated"
    got = subprocess.run(
        ["git", "-C", str(history.root), "config", "core.commitGraph"],
        capture_output=True,
        env=git_env(),
        check=False,
    )
    assert got.stdout.strip() == b"false"
