"""``xmgl audit verify``: real keys, real repositories, both verifiers, the same verdicts.

Each case starts from a copy of a clean history (tests/dossier_history.py: ten
transitions by two signers, the second added midway by the first) and breaks
it the way the issue lists. Every case is verified twice — in process (fast)
and through git + ssh-keygen (reference) — and both must give the same
error codes for every commit.
"""

from __future__ import annotations

import json
import subprocess
import zlib
from pathlib import Path

import pytest

from tests.conftest import flat
from tests.dossier_history import LIU, MALLORY, ZHANG, History
from xmgl.gitaudit import trailers as tr
from xmgl.gitaudit.audit import FAST, REFERENCE, verify


def both(root: Path, **kw):
    fast = verify(root, method=FAST, **kw)
    ref = verify(root, method=REFERENCE, **kw)
    assert fast.verdicts() == ref.verdicts(), (fast.verdicts(), ref.verdicts())
    assert fast.ok == ref.ok
    return fast, ref


def codes_of(report, sha: str) -> set[str]:
    return {f.code for c in report.commits if c.sha == sha for f in c.findings}


def failing(report) -> dict[str, set[str]]:
    """``{commit: error codes}`` of the failing commits (warnings left out)."""
    return {
        c.sha: {f.code for f in c.findings if f.severity == "error"}
        for c in report.commits
        if not c.ok
    }


def commit_as(
    h: History,
    who: tuple[str, str],
    key: str | None,
    message: str,
    *,
    files: dict[str, str] | None = None,
    committer: tuple[str, str] | None = None,
) -> str:
    """A commit made with plain git, signed with ``key`` (or unsigned)."""
    for name, text in (files or {}).items():
        (h.root / name).write_text(text, encoding="utf-8")
        h.git("add", name)
    c_name, c_email = committer or who
    env = {
        "GIT_AUTHOR_NAME": who[0],
        "GIT_AUTHOR_EMAIL": who[1],
        "GIT_COMMITTER_NAME": c_name,
        "GIT_COMMITTER_EMAIL": c_email,
    }
    args = ["-c", f"user.signingkey={h.keys[key]}", "commit", "-S"] if key else ["commit"]
    if not key:
        args.append("--no-gpg-sign")
    msg = h.root.parent / "msg.txt"
    msg.write_text(message, encoding="utf-8")
    h.git(*args, "-q", "--allow-empty", "-F", str(msg), env=env)
    return h.git("rev-parse", "HEAD").strip()


def fingerprint_of(key: Path) -> str:
    """What ssh-keygen -l says about a key's public half."""
    out = subprocess.run(["ssh-keygen", "-lf", f"{key}.pub"], capture_output=True, text=True)
    return out.stdout.split()[1]


# ---------------------------------------------------------------- passed


def test_clean_history_of_ten_transitions_by_two_signers_passes(history, xmgl):
    fast, ref = both(history.root)
    assert fast.ok and ref.ok
    transitions = [c for c in fast.commits if c.kind == "transition"]
    assert [c.sha for c in transitions] == history.transitions
    assert len(transitions) == 10
    signers = {c.committer_email for c in transitions}
    assert signers == {LIU[1], ZHANG[1]}
    # 张伟 was added by 刘晓梅 after the third transition and signed from the fourth on
    added = next(c for c in fast.commits if c.sha == history.signer_added)
    assert added.kind == "signers" and added.committer_email == LIU[1]
    index = [c.sha for c in fast.commits].index(history.signer_added)
    first_zhang = next(i for i, c in enumerate(fast.commits) if c.committer_email == ZHANG[1])
    assert first_zhang > index
    # the trust root and its fingerprint, printed for comparison out of band
    root_sha, root_signers = fast.trust_roots[0]
    assert root_sha == fast.commits[0].sha
    fpr = fingerprint_of(history.keys["liuxm"])
    assert root_signers == [(LIU[1], fpr, LIU[0])]
    r = xmgl("-C", history.root, "audit", "verify")
    assert r.exit_code == 0, r.output
    assert "审计验证：通过 ✓" in r.stdout
    assert fpr in r.stdout
    assert flat("共 13 个提交（阶段变更 10 次，签名人员变更 1 次）") in flat(r.stdout)


def test_json_report_and_reference_option(history, xmgl):
    r = xmgl("-C", history.root, "audit", "verify", "--reference", "--format", "json")
    assert r.exit_code == 0, r.output
    data = json.loads(r.stdout)
    assert data["verdict"] == "pass" and data["method"] == "reference"
    assert data["transitions"] == 10
    moves = [(c["from_stage"], c["to_stage"]) for c in data["commits"] if c["kind"] == "transition"]
    assert moves[0] == ("reserve", "plan") and moves[-1] == ("accepted", "in_operation")
    t = next(c for c in data["commits"] if c["to_stage"] == "construction")
    assert t["articles"] == "第十三条、第十四条"
    assert t["event"] == "contract 2026-06-01 HT-2026-001"
    assert t["signature"]["status"] == "good"
    assert t["signature"]["fingerprint"].startswith("SHA256:")


# ---------------------------------------------------------------- caught


def test_unsigned_commit(history, xmgl):
    sha = commit_as(history, LIU, None, "补充说明")
    fast, _ref = both(history.root)
    assert failing(fast) == {sha: {"unsigned"}}
    r = xmgl("-C", history.root, "audit", "verify")
    assert r.exit_code == 7
    assert "审计验证：未通过 ✗" in r.stdout
    assert f"提交 {sha[:12]}" in r.stdout and "[unsigned] 提交未签名。" in r.stdout


def test_key_not_allowed(history):
    sha = commit_as(history, MALLORY, "mallory", "补充说明")
    fast, ref = both(history.root)
    assert failing(fast) == {sha: {"key-not-allowed"}}
    f = next(f for c in fast.commits if c.sha == sha for f in c.findings)
    assert "不在上一提交的 .xmgl/allowed_signers 中" in f.message
    assert f.message == next(f.message for c in ref.commits if c.sha == sha for f in c.findings)


def test_commit_adding_its_own_signers_key(history):
    signers = (history.root / ".xmgl/allowed_signers").read_text(encoding="utf-8")
    pub = " ".join(Path(f"{history.keys['mallory']}.pub").read_text().split()[:2])
    sha = commit_as(
        history,
        MALLORY,
        "mallory",
        "增加签名人员",
        files={".xmgl/allowed_signers": signers + f'{MALLORY[1]} namespaces="git" {pub}\n'},
    )
    # git itself, reading the file as it is now, calls this commit good
    letter = history.git(
        "-c", "gpg.ssh.allowedSignersFile=.xmgl/allowed_signers", "log", "-1", "--format=%G?"
    ).strip()
    assert letter == "G"
    fast, _ref = both(history.root)
    assert failing(fast) == {sha: {"self-authorized"}}
    f = next(f for c in fast.commits if c.sha == sha for f in c.findings)
    assert "把自己的签名密钥" in f.message and "自己授权自己无效" in f.message
    # and what mallory signs afterwards is accepted only because the file now lists her:
    # the audit still fails on the self-authorising commit itself
    later = commit_as(history, MALLORY, "mallory", "再次提交")
    fast, _ref = both(history.root)
    assert later not in failing(fast) and sha in failing(fast) and not fast.ok


def test_signer_is_not_the_committer(history):
    # signed with 刘晓梅's key, committed under 张伟's e-mail
    sha = commit_as(history, ZHANG, "liuxm", "补充说明")
    letter = history.git(
        "-c", "gpg.ssh.allowedSignersFile=.xmgl/allowed_signers", "log", "-1", "--format=%G?"
    ).strip()
    assert letter == "G"  # git never compares the principal with the committer
    fast, _ref = both(history.root)
    assert failing(fast) == {sha: {"signer-not-committer"}}
    f = next(f for c in fast.commits if c.sha == sha for f in c.findings)
    assert LIU[1] in f.message and ZHANG[1] in f.message


def test_wildcard_principal_is_not_honoured(history):
    signers = (history.root / ".xmgl/allowed_signers").read_text(encoding="utf-8")
    pub = " ".join(Path(f"{history.keys['mallory']}.pub").read_text().split()[:2])
    sha = commit_as(
        history,
        LIU,
        "liuxm",
        "放宽名单",
        files={".xmgl/allowed_signers": signers + f'*@example.com namespaces="git" {pub}\n'},
    )
    later = commit_as(history, MALLORY, "mallory", "补充说明")
    fast, _ref = both(history.root)
    assert failing(fast) == {sha: {"wildcard-principal"}, later: {"key-not-allowed"}}


def test_stage_edited_by_hand_committed_and_uncommitted(history, xmgl):
    path = history.root / "project.yaml"
    text = path.read_text(encoding="utf-8")
    path.write_text(
        text.replace("  current: in_operation", "  current: self_evaluation"), encoding="utf-8"
    )
    fast, _ref = both(history.root)
    assert {f.code for f in fast.findings} == {"worktree-stage-edited"}
    sha = commit_as(history, LIU, "liuxm", "更新档案", files={"project.yaml": path.read_text()})
    fast, _ref = both(history.root)
    assert failing(fast) == {sha: {"stage-edited"}}
    f = next(f for c in fast.commits if c.sha == sha for f in c.findings)
    assert "阶段被直接修改：投入运行（in_operation） → 自评价（self_evaluation）" in f.message
    r = xmgl("-C", history.root, "audit", "verify")
    assert r.exit_code == 7 and "[stage-edited]" in r.stdout


def test_stage_date_edited_by_hand(history):
    path = history.root / "project.yaml"
    text = path.read_text(encoding="utf-8").replace("  since: 2026-10-25", "  since: 2026-09-25")
    sha = commit_as(history, LIU, "liuxm", "更正日期", files={"project.yaml": text})
    fast, _ref = both(history.root)
    assert failing(fast) == {sha: {"stage-edited"}}
    assert "阶段日期被直接修改：2026-10-25 → 2026-09-25" in fast.commits[-1].findings[0].message


def _transition_message(source: str, target: str, day: str) -> str:
    return tr.compose(
        f"阶段变更：{source} → {target}",
        "手工写的阶段变更。",
        [
            (tr.FROM_STAGE, source),
            (tr.TO_STAGE, target),
            (tr.DATE, day),
            (tr.ARTICLES, "第十九条"),
            (tr.EVENT, "post_evaluation 2026-11-01"),
            (tr.ACTOR, f"{LIU[0]} <{LIU[1]}>"),
        ],
    )


def test_illegal_jump_in_trailers(history):
    path = history.root / "project.yaml"
    text = path.read_text(encoding="utf-8")
    text = text.replace("  current: in_operation", "  current: post_evaluation").replace(
        "  since: 2026-10-25", "  since: 2026-11-01"
    )
    sha = commit_as(
        history,
        LIU,
        "liuxm",
        _transition_message("in_operation", "post_evaluation", "2026-11-01"),
        files={"project.yaml": text},
    )
    fast, _ref = both(history.root)
    assert failing(fast) == {sha: {"illegal-transition"}}
    f = fast.commits[-1].findings[0]
    assert f.message.startswith(
        "非法阶段跳转：投入运行（in_operation） → 后评价（post_evaluation）"
    )
    assert "自评价（self_evaluation）" in f.hint


def test_trailers_that_do_not_match_the_file(history):
    # the trailers claim a legal move, but the file says otherwise
    path = history.root / "project.yaml"
    text = path.read_text(encoding="utf-8").replace(
        "  current: in_operation", "  current: post_evaluation"
    )
    sha = commit_as(
        history,
        LIU,
        "liuxm",
        _transition_message("in_operation", "self_evaluation", "2026-10-25"),
        files={"project.yaml": text},
    )
    fast, _ref = both(history.root)
    assert failing(fast) == {sha: {"trailer-mismatch"}}


def _loose_path(h: History, sha: str) -> Path:
    return h.root / ".git" / "objects" / sha[:2] / sha[2:]


def _tamper(h: History, sha: str, old: bytes, new: bytes) -> None:
    path = _loose_path(h, sha)
    raw = zlib.decompress(path.read_bytes())
    header, _, body = raw.partition(b"\0")
    assert old in body
    body = body.replace(old, new, 1)
    kind = header.split(b" ")[0]
    path.chmod(0o644)
    path.write_bytes(zlib.compress(kind + b" %d\0" % len(body) + body))


def test_tampered_commit_object(history):
    target = history.transitions[5]  # 招标采购 → 建设实施
    _tamper(history, target, "经办人：刘晓梅".encode(), "经办人：王建国".encode())
    fast, _ref = both(history.root)
    assert failing(fast) == {target: {"object-tampered", "bad-signature"}}
    # git shows the tampered text under the old id
    assert "王建国" in history.git("log", "-1", "--format=%B", target)


def test_tampered_file_object(history):
    target = history.transitions[5]
    blob = history.git("rev-parse", f"{target}:project.yaml").strip()
    _tamper(
        history,
        blob,
        b'amount: "338\xe4\xb8\x87\xe5\x85\x83"',
        b'amount: "388\xe4\xb8\x87\xe5\x85\x83"',
    )
    fast, _ref = both(history.root)
    bad = failing(fast)
    assert target in bad and all(codes == {"object-tampered"} for codes in bad.values())
    msg = next(f.message for c in fast.commits if c.sha == target for f in c.findings)
    assert blob in msg and "project.yaml" in msg


def test_rewritten_and_resigned_history_against_an_earlier_anchor(history, xmgl, tmp_path):
    anchor_file = tmp_path / "anchor.txt"
    r = xmgl("-C", history.root, "audit", "anchor", "--output", anchor_file)
    assert r.exit_code == 0, r.output
    old_head = history.git("rev-parse", "HEAD").strip()
    count = int(history.git("rev-list", "--count", "HEAD"))
    assert f"anchor: {old_head}:{count}" in anchor_file.read_text(encoding="utf-8")
    # rewrite: go back before the last transition and make it again, with another date
    history.git("reset", "-q", "--hard", "HEAD~1")
    r = xmgl("-C", history.root, "record", "go_live", "date=2026-10-26")
    assert r.exit_code == 0, r.output
    r = xmgl("-C", history.root, "advance", "in_operation", "--date", "2026-10-26")
    assert r.exit_code == 0, r.output
    # the rewritten history is signed properly: without the anchor it passes
    fast, _ref = both(history.root)
    assert fast.ok
    # against the anchor it does not
    fast, _ref = both(history.root, anchor=f"{old_head}:{count}")
    assert {f.code for f in fast.findings} == {"anchor-not-ancestor"}
    r = xmgl("-C", history.root, "audit", "verify", "--anchor", anchor_file)
    assert r.exit_code == 7 and flat("不是当前历史（HEAD）的祖先") in flat(r.stdout)
    # a fresh clone does not even have the old commit
    clone = tmp_path / "clone"
    subprocess.run(["git", "clone", "-q", "--no-local", str(history.root), str(clone)], check=True)
    fast, _ref = both(clone, anchor=f"{old_head}:{count}")
    assert {f.code for f in fast.findings} == {"anchor-missing"}
    # an earlier, honest anchor still holds — with the right count only
    early = history.transitions[4]
    early_count = int(history.git("rev-list", "--count", early))
    fast, _ref = both(history.root, anchor=f"{early}:{early_count}")
    assert fast.ok and fast.anchor.ok and fast.anchor.count == early_count
    fast, _ref = both(history.root, anchor=f"{early}:{early_count + 1}")
    assert {f.code for f in fast.findings} == {"anchor-count-mismatch"}


def test_replace_ref_is_reported_and_ignored(history, xmgl):
    target = history.transitions[5]
    other = history.transitions[4]
    history.git("replace", target, other)
    # git log now shows another object under the transition's id
    assert history.git("log", "-1", "--format=%s", target) != history.git(
        "--no-replace-objects", "log", "-1", "--format=%s", target
    )
    fast, _ref = both(history.root)
    assert {f.code for f in fast.findings} == {"replace-refs"}
    assert failing(fast) == {}  # the real objects are judged, and they are fine
    r = xmgl("-C", history.root, "audit", "verify")
    assert r.exit_code == 7 and flat(f"refs/replace/{target}") in flat(r.stdout)


def test_a_second_root_commit_is_caught(history):
    orphan = history.root.parent / "orphan"
    subprocess.run(["git", "init", "-q", "-b", "main", str(orphan)], check=True)
    subprocess.run(
        ["git", "-C", str(orphan), "commit", "-q", "--allow-empty", "--no-gpg-sign", "-m", "x"],
        check=True,
    )
    history.git("fetch", "-q", str(orphan), "main:other")
    merge_env = {"GIT_COMMITTER_NAME": LIU[0], "GIT_COMMITTER_EMAIL": LIU[1]}
    history.git(
        "merge", "-q", "-S", "--allow-unrelated-histories", "-m", "合并", "other", env=merge_env
    )
    fast, _ref = both(history.root)
    assert "multiple-roots" in {f.code for f in fast.findings}


# ---------------------------------------------------------------- the cache


def test_cache_is_used_and_cannot_be_forged(history, tmp_path):
    first = verify(history.root)
    assert first.ok and first.cache_hits == 0
    second = verify(history.root)
    assert second.cache_hits == len(second.commits)
    cache_file = history.root / ".git" / "xmgl" / "audit-cache.json"
    assert cache_file.exists()
    tracked = history.git("ls-files").split()
    assert not any("audit-cache" in p for p in tracked)
    # an unsigned commit, and a forged "good" entry for it
    sha = commit_as(history, LIU, None, "补充说明")
    data = json.loads(cache_file.read_text())
    blob = history.git("rev-parse", "HEAD~1:.xmgl/allowed_signers").strip()
    good = next(iter(data["entries"].values()))
    data["entries"][f"{sha}:{blob}"] = good  # a valid entry of another commit, moved over
    cache_file.write_text(json.dumps(data))
    report = verify(history.root)
    assert failing(report) == {sha: {"unsigned"}}


def test_a_cache_from_another_machine_is_not_believed(history, monkeypatch, tmp_path):
    verify(history.root)
    sha = commit_as(history, LIU, None, "补充说明")
    cache_file = history.root / ".git" / "xmgl" / "audit-cache.json"
    # someone else's cache key signs a verdict "good" for the unsigned commit
    from xmgl.gitaudit import auditsig

    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "elsewhere"))
    forged = auditsig.VerdictCache(cache_file)
    blob = history.git("rev-parse", "HEAD~1:.xmgl/allowed_signers").strip()
    forged.put(sha, blob, auditsig.SigVerdict("good", "SHA256:x", (LIU[1],)))
    forged.save()
    monkeypatch.delenv("XDG_CACHE_HOME")
    report = verify(history.root)
    assert failing(report) == {sha: {"unsigned"}}


def test_a_tampered_object_cannot_hide_behind_the_cache(history):
    assert verify(history.root).ok  # every verdict cached as good
    target = history.transitions[5]
    _tamper(history, target, "经办人：刘晓梅".encode(), "经办人：王建国".encode())
    report = verify(history.root)
    assert failing(report) == {target: {"object-tampered", "bad-signature"}}


# ---------------------------------------------------------------- anchor and export


def test_anchor_is_refused_for_a_failing_history_and_inside_the_dossier(history, xmgl):
    r = xmgl("-C", history.root, "audit", "anchor", "--output", history.root / "anchor.txt")
    assert r.exit_code == 2 and flat("不能写在档案目录内") in flat(r.stderr)
    commit_as(history, LIU, None, "补充说明")
    r = xmgl("-C", history.root, "audit", "anchor")
    assert r.exit_code == 7 and "unsigned" in r.stderr


def test_anchor_json(history, xmgl):
    r = xmgl("-C", history.root, "audit", "anchor", "--format", "json")
    assert r.exit_code == 0, r.output
    data = json.loads(r.stdout)
    head = history.git("rev-parse", "HEAD").strip()
    assert data["commit"] == head and data["stage"] == "in_operation"
    assert data["anchor"] == f"{head}:{int(history.git('rev-list', '--count', 'HEAD'))}"
    assert data["project"] == "大石桥市城市运行综合指挥平台建设项目"


def test_bad_anchor_values(history, xmgl):
    r = xmgl("-C", history.root, "audit", "verify", "--anchor", "not-a-hash")
    assert r.exit_code == 2 and "--anchor 的值 “not-a-hash” 无效" in r.stderr


@pytest.mark.parametrize("method", [FAST, REFERENCE])
def test_not_a_repository(example, method):
    from xmgl.errors import SigningError

    with pytest.raises(SigningError):
        verify(example, method=method)


def _csv_table(path: Path) -> tuple[list[list[str]], list[dict]]:
    """The verdict lines before the blank line, then the table."""
    import csv

    with open(path, encoding="utf-8-sig", newline="") as fh:
        lines = list(csv.reader(fh))
    blank = lines.index([])
    header, body = lines[blank + 1], lines[blank + 2 :]
    return lines[:blank], [dict(zip(header, row, strict=True)) for row in body]


def test_export_docx_csv_json_of_every_transition(history, xmgl, tmp_path):
    from docx import Document

    out = tmp_path / "out"
    r = xmgl("-C", history.root, "--as-of", "2026-11-01", "audit", "export", "-o", out)
    assert r.exit_code == 0, r.output
    stem = out / "阶段变更审计-2026-11-01"
    doc = Document(str(stem.with_suffix(".docx")))
    paragraphs = [p.text for p in doc.paragraphs]
    text = "\n".join(paragraphs)
    assert paragraphs[0] == "大石桥市城市运行综合指挥平台建设项目\n阶段变更审计报告"
    assert paragraphs[1] == "审计验证结论：通过"  # the verdict comes first
    assert "其中阶段变更 10 次" in text
    fpr = fingerprint_of(history.keys["liuxm"])
    assert f"刘晓梅（liuxm@example.gov.cn）：\n{fpr}" in text
    assert "签名历史始于首次提交" in text and "当时的阶段为 项目储备" in text
    head = history.git("rev-parse", "HEAD").strip()
    assert f"本报告对应的锚点：\n{head}:" in text
    # hashes and fingerprints: monospace runs of their own
    mono = [run for p in doc.paragraphs for run in p.runs if run.font.name == "DejaVu Sans Mono"]
    assert fpr in {run.text for run in mono} and head in {run.text for run in mono}
    table = doc.tables[0]
    assert [c.text for c in table.rows[0].cells] == [
        "序号",
        "日期",
        "签名时间",
        "阶段变更",
        "依据",
        "经办人",
        "核验",
    ]
    assert len(table.rows) == 11
    row = [c.text for c in table.rows[6].cells]
    assert row[:2] == ["6", "2026年6月1日"] and row[3:] == [  # the .docx writes dates 年月日
        "招标采购 → 建设实施",
        "第十三条、第十四条",
        "刘晓梅",
        "通过",
    ]
    assert [c.text for c in table.rows[9].cells][5] == "张伟"
    # the reader sees the record kind in Chinese; the CSV keeps the signed trailer as is
    text = "\n".join(p.text for p in doc.paragraphs)
    assert "事由：合同 2026年6月1日 HT-2026-001" in text and "事由：contract" not in text
    signers = doc.tables[1]
    assert [c.text for c in signers.rows[1].cells][1] == "首次登记"
    assert [c.text for c in signers.rows[2].cells][1:3] == [
        "增加",
        "张伟（zhangwei@example.gov.cn）",
    ]
    head_lines, rows = _csv_table(stem.with_suffix(".csv"))
    assert head_lines[0][:2] == ["审计验证结论", "通过"]
    assert len(rows) == 10
    assert (
        rows[0]["原阶段"] == "项目储备（reserve）" and rows[0]["新阶段"] == "列入年度计划（plan）"
    )
    assert rows[5]["事由"] == "contract 2026-06-01 HT-2026-001"
    assert rows[5]["提交"] == history.transitions[5] and rows[5]["核验结论"] == "通过"
    assert rows[5]["签名密钥指纹"] == fpr and rows[5]["经办人（核验的签名人）"] == "刘晓梅"
    assert rows[5]["签名时间"].startswith("20")
    data = json.loads(stem.with_suffix(".json").read_text(encoding="utf-8"))
    assert next(iter(data)) == "verdict" and data["verdict"] == "pass"
    assert len(data["transitions_table"]) == 10 and data["anchor_for_safekeeping"]
    assert data["signer_changes"][1]["变更"] == "增加"


def test_export_of_a_failing_history_says_so(history, xmgl, tmp_path):
    from docx import Document

    # signed by 刘晓梅 under another committer name; then an unsigned commit
    renamed = commit_as(history, LIU, "liuxm", "补充说明", committer=("王五", LIU[1]))
    sha = commit_as(history, LIU, None, "补充说明")
    out = tmp_path / "out"
    r = xmgl("-C", history.root, "--as-of", "2026-11-01", "audit", "export", "-o", out)
    assert r.exit_code == 7, r.output  # written, and still a failed audit
    assert "未通过" in r.stdout
    stem = out / "阶段变更审计-2026-11-01"
    doc = Document(str(stem.with_suffix(".docx")))
    paragraphs = [p.text for p in doc.paragraphs]
    text = "\n".join(paragraphs)
    assert paragraphs[1].startswith("审计验证结论：未通过")
    assert "锚点" not in text.split("五、锚点与复核方法")[0].replace("不出具锚点", "")
    assert "审计未通过：不出具锚点" in text and "本报告对应的锚点" not in text
    assert f"\n{sha}\n" in text and "[unsigned] 提交未签名。" in text
    assert "提示：档案中的每个提交都必须签名" in text
    # the CSV: verdict first, the failing commit a row with code, time, committer and hint
    head_lines, rows = _csv_table(stem.with_suffix(".csv"))
    assert head_lines[0][:2] == ["审计验证结论", "未通过"]
    bad = next(row for row in rows if row["提交"] == sha)
    assert bad["问题代码"] == "unsigned" and bad["核验结论"] == "未通过"
    assert bad["签名时间"] and bad["提交者（未核验）"] == LIU[0] and "必须签名" in bad["提示"]
    assert bad["经办人（核验的签名人）"] == "（未核验）"
    assert renamed not in {row["提交"] for row in rows}  # it passed: the listed name stands
    # the JSON: verdict first, every finding at the top, no anchor
    data = json.loads(stem.with_suffix(".json").read_text(encoding="utf-8"))
    assert list(data)[:2] == ["verdict", "failing_commits"] and data["verdict"] == "fail"
    assert [c["commit"] for c in data["failing_commits"]] == [sha]
    assert {f["code"] for f in data["findings"] if f["severity"] == "error"} == {"unsigned"}
    assert data["anchor_for_safekeeping"] is None
    renamed_row = next(c for c in data["commits"] if c["commit"] == renamed)
    assert renamed_row["committer"] == "王五" and renamed_row["signer_name"] == "刘晓梅"
