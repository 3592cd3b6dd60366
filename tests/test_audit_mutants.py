"""Tests that kill the mutants of the audit's judge functions (docs/contributing.md).

Each case is a real history (tests/dossier_history.py), changed with the real git
and ssh-keygen, verified on both paths; each asserts the finding's code and words,
the verdict, and fails on the mutant it is named after.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from tests.dossier_history import LIU, MALLORY, ZHANG
from tests.test_audit import _tamper, both, commit_as, failing, fingerprint_of
from tests.test_audit_forgery import (
    move_head,
    payload_on_head,
    signed_commit_object,
    write_object,
)
from xmgl.gitaudit.audit import verify


def findings_of(report, sha: str) -> list:
    return [f for c in report.commits if c.sha == sha for f in c.findings]


def signers_text(history) -> str:
    return (history.root / ".xmgl/allowed_signers").read_text(encoding="utf-8")


def zhang_line(history) -> str:
    return next(line for line in signers_text(history).splitlines() if ZHANG[1] in line)


def add_signers_lines(history, *lines: str) -> tuple[str, int]:
    """刘晓梅 appends ``lines`` to the list; the commit and the first new line's number."""
    text = signers_text(history)
    first = len(text.splitlines()) + 1
    new = text + "".join(line + "\n" for line in lines)
    return commit_as(history, LIU, "liuxm", "更新名单", files={".xmgl/allowed_signers": new}), first


# ------------------------------------------------------------- the signers file


def test_signers_line_with_a_local_time_window_is_an_error_of_its_own(history):
    key = zhang_line(history).split(" ", 2)[2]
    sha, line = add_signers_lines(history, f'wang@example.gov.cn valid-after="20260101" {key}')
    fast, _ref = both(history.root)
    assert not fast.ok
    assert failing(fast) == {sha: {"signers-local-time"}}
    (f,) = findings_of(fast, sha)
    assert f.severity == "error"
    assert f.commit == sha
    assert f.message == (
        f".xmgl/allowed_signers 第 {line} 行的有效期没有写 Z（UTC）：ssh-keygen 会按"
        "核验者所在的时区理解它，结论会因地而异，审计不承认这一行。"
    )
    assert f.hint == (
        '有效期一律写成 UTC，如 valid-after="20260101Z"（xmgl signers add 就是这样写的）。'
    )


def test_signers_line_not_understood_is_a_warning_naming_the_line(history):
    sha, line = add_signers_lines(history, "这不是一行名单")
    fast, _ref = both(history.root)
    assert fast.ok  # ignored, and said so
    (f,) = findings_of(fast, sha)
    assert f.code == "signers-invalid-line" and f.severity == "warning"
    assert f.message.startswith(f".xmgl/allowed_signers 第 {line} 行无法识别（")
    assert f.message.endswith("），已忽略。")
    assert f.hint == "用 xmgl signers add/remove 维护名单，不要手工编辑。"
    assert f.commit == sha


def test_cert_authority_and_wildcard_lines_are_named_as_such(history):
    key = zhang_line(history).split(" ", 2)[2]
    sha, line = add_signers_lines(
        history,
        f'*@example.gov.cn namespaces="git" {key}',
        f'wang@example.gov.cn cert-authority,namespaces="git" {key}',
    )
    fast, _ref = both(history.root)
    assert failing(fast) == {sha: {"wildcard-principal"}}
    found = findings_of(fast, sha)
    assert {(f.commit, f.hint) for f in found} == {
        (sha, "每行只写一个确切的邮箱（签名人员的 git 提交邮箱）。")
    }
    assert [f.message for f in found] == [
        f".xmgl/allowed_signers 第 {line} 行使用了通配符或否定的身份 “*@example.gov.cn”："
        "审计不承认这一行。",
        f".xmgl/allowed_signers 第 {line + 1} 行使用了cert-authority 行：审计不承认这一行。",
    ]


def test_an_unchanged_signers_file_is_judged_once(history):
    key = zhang_line(history).split(" ", 2)[2]
    sha, _line = add_signers_lines(history, f'*@example.gov.cn namespaces="git" {key}')
    later = commit_as(history, LIU, "liuxm", "补充说明")
    fast, _ref = both(history.root)
    assert failing(fast) == {sha: {"wildcard-principal"}}
    assert findings_of(fast, later) == []


# ------------------------------------------------------------- unreadable commits


def _drop_object(history, sha: str) -> None:
    path = history.root / ".git" / "objects" / sha[:2] / sha[2:]
    assert path.is_file(), "the history's objects are loose"
    path.chmod(0o644)
    path.unlink()


def test_a_missing_commit_object_is_named_and_its_child_has_no_list(history):
    parent = history.transitions[5]
    child = history.git("rev-list", "--parents", "-n", "1", history.transitions[6]).split()
    assert child[1] == parent
    email = history.git("log", "-1", "--format=%ce", child[0]).strip()
    signer = {LIU[1]: "liuxm", ZHANG[1]: "zhangwei"}[email]
    _drop_object(history, parent)
    report = verify(history.root)
    assert not report.ok
    (missing,) = [c for c in report.commits if c.sha == parent]
    assert [f.code for f in missing.findings] == ["object-missing"]
    assert missing.findings[0].message.startswith("无法读取提交：")
    assert missing.findings[0].commit == parent
    codes = {f.code: f.message for f in findings_of(report, child[0])}
    assert codes["key-not-allowed"] == (
        f"无法读取上一提交，签名密钥 {fingerprint(history, signer)} 没有可依据的名单"
        "（浅克隆或对象缺失）。"
    )
    (f,) = [f for f in findings_of(report, child[0]) if f.code == "key-not-allowed"]
    assert f.hint == "取得完整的历史（git fetch --unshallow）后再核验。" and f.commit == child[0]


def test_a_trust_root_signed_by_a_key_it_does_not_list(history):
    root = history.root.parent / "other"
    h = type(history)(root, history.keys)
    history.git("init", "-q", "-b", "main", str(root))
    h.git("config", "gpg.format", "ssh")
    (root / ".xmgl").mkdir()
    signers = f'{MALLORY[1]} namespaces="git" ' + zhang_line(history).split(" ", 2)[2] + "\n"
    sha = commit_as(h, MALLORY, "mallory", "新建档案", files={".xmgl/allowed_signers": signers})
    report = verify(root)
    assert not report.ok
    assert wording(report, sha) == [
        (
            "key-not-allowed",
            "error",
            f"信任根的签名密钥 {fingerprint(history, 'mallory')} "
            "不在它自己的 .xmgl/allowed_signers 中。",
            "用 xmgl init --signing-key 新建档案。",
        )
    ]


def commit_dated(history, who, key, message, date: str, files=None) -> str:
    """``commit_as`` with author and committer dates set (``git commit`` date syntax)."""
    for name, text in (files or {}).items():
        (history.root / name).write_text(text, encoding="utf-8")
        history.git("add", name)
    env = {
        "GIT_AUTHOR_NAME": who[0],
        "GIT_AUTHOR_EMAIL": who[1],
        "GIT_COMMITTER_NAME": who[0],
        "GIT_COMMITTER_EMAIL": who[1],
        "GIT_AUTHOR_DATE": date,
        "GIT_COMMITTER_DATE": date,
    }
    msg = history.root.parent / "msg.txt"
    msg.write_text(message, encoding="utf-8")
    args = ["-c", f"user.signingkey={history.keys[key]}", "commit", "-S"]
    history.git(*args, "-q", "--allow-empty", "-F", str(msg), env=env)
    return history.git("rev-parse", "HEAD").strip()


def with_zhang_option(history, option: str) -> str:
    """刘晓梅 rewrites 张伟's line with ``option`` in place of ``namespaces="git"``."""
    text = signers_text(history)
    new = text.replace(f'{ZHANG[1]} namespaces="git"', f"{ZHANG[1]} {option}")
    assert new != text
    return commit_as(history, LIU, "liuxm", "更新名单", files={".xmgl/allowed_signers": new})


def project_text(history) -> str:
    return (history.root / "project.yaml").read_text(encoding="utf-8")


def current_stage(history) -> tuple[str, str]:
    found = re.search(r"stage:\n  current: (\w+)\n  since: ([0-9-]+)", project_text(history))
    assert found
    return found.group(1), found.group(2)


def with_stage(history, target: str | None, day: str | None) -> dict[str, str]:
    """project.yaml with its stage block changed (or removed, for ``target`` None)."""
    block = "" if target is None else f"stage:\n  current: {target}\n  since: {day}\n"
    new, n = re.subn(r"stage:\n  current: \w+\n  since: [0-9-]+\n", block, project_text(history))
    assert n == 1
    return {"project.yaml": new}


# ------------------------------------------------------------- dates in messages


def test_an_expired_key_names_the_signed_commit_time(history):
    with_zhang_option(history, 'valid-before="20200101Z"')
    sha = commit_dated(history, ZHANG, "zhangwei", "补充说明", "2026-11-03T09:15:00+0800")
    fast, _ref = both(history.root)
    assert failing(fast) == {sha: {"key-expired"}}
    expired = [f.message for f in findings_of(fast, sha) if f.code == "key-expired"]
    assert expired and "在提交时（2026-11-03 09:15 +0800）已过期" in expired[0]


def test_a_verdict_on_the_timestamp_zero_shows_the_raw_timestamp(history):
    # 0 is no calendar date (date-unreadable), yet both paths judge the window: at "now"
    with_zhang_option(history, 'valid-before="20200101Z"')
    payload = payload_on_head(history, "补充说明\n", who=ZHANG, when=0)
    sha = signed_commit_object(history, "zhangwei", payload)
    history.git("update-ref", "refs/heads/main", sha)
    fast, _ref = both(history.root)
    assert failing(fast) == {sha: {"date-unreadable", "key-expired"}}
    expired = [f.message for f in findings_of(fast, sha) if f.code == "key-expired"]
    assert expired and "在提交时（0）已过期" in expired[0]


# ------------------------------------------------------------- stages


def test_a_stage_removed_by_a_plain_commit_says_none(history):
    before, _since = current_stage(history)
    sha = commit_as(history, LIU, "liuxm", "整理", files=with_stage(history, None, None))
    fast, _ref = both(history.root)
    assert not fast.ok
    assert "stage-edited" in failing(fast)[sha]
    edited = [f.message for f in findings_of(fast, sha) if f.code == "stage-edited"]
    assert edited and edited[0].startswith("阶段被直接修改：投入运行（in_operation） → （无），")
    assert before == "in_operation"


def case_one_stage_trailer(history) -> str:
    stage, _since = current_stage(history)
    message = f"阶段变更\n\nXmgl-From-Stage: {stage}\nXmgl-Date: 2026-11-01\n"
    files = with_stage(history, "suspended", "2026-11-01")
    return commit_as(history, LIU, "liuxm", message, files=files)


# ------------------------------------------------------------- every word of a finding
#
# Each case breaks the history one way; the test compares every finding of the commit
# (code, severity, message, hint, commit) with what an auditor must read.


def wording(report, sha: str) -> list[tuple[str, str, str, str]]:
    found = findings_of(report, sha)
    assert all(f.commit == sha for f in found)
    return [(f.code, f.severity, f.message, f.hint) for f in found]


def fingerprint(history, key: str) -> str:
    return fingerprint_of(history.keys[key])


def mallory_line(history) -> str:
    pub = " ".join(Path(f"{history.keys['mallory']}.pub").read_text().split()[:2])
    return f'{MALLORY[1]} namespaces="git" {pub}\n'


def case_unsigned(history) -> str:
    return commit_as(history, LIU, None, "补充说明")


def case_key_not_allowed(history) -> str:
    return commit_as(history, MALLORY, "mallory", "补充说明")


def case_self_authorized(history) -> str:
    new = signers_text(history) + mallory_line(history)
    return commit_as(
        history, MALLORY, "mallory", "增加签名人员", files={".xmgl/allowed_signers": new}
    )


def case_signer_not_committer(history) -> str:
    return commit_as(history, ZHANG, "liuxm", "补充说明")


def case_not_yet_valid(history) -> str:
    with_zhang_option(history, 'valid-after="20990101Z"')
    return commit_dated(history, ZHANG, "zhangwei", "补充说明", "2026-11-03T09:15:00+0800")


def case_wrong_namespace(history) -> str:
    with_zhang_option(history, 'namespaces="file"')
    return commit_as(history, ZHANG, "zhangwei", "补充说明")


def case_window(history) -> str:
    with_zhang_option(history, 'namespaces="git",valid-after="20260101Z"')
    return commit_dated(history, ZHANG, "zhangwei", "补充说明", "2026-11-03T09:15:00+0800")


def case_unsupported(history) -> str:
    payload = payload_on_head(history, "补充说明\n")
    head, _, message = payload.partition(b"\n\n")
    armor = b"gpgsig -----BEGIN SIGNED MESSAGE-----\n MIIB\n -----END SIGNED MESSAGE-----\n"
    sha = write_object(history, "commit", head + b"\n" + armor + b"\n" + message)
    move_head(history, sha)
    return sha


def _move(history, source: str, target: str, day: str, files, signed_on: str) -> str:
    message = (
        f"阶段变更：{source} → {target}\n\n说明。\n\n"
        f"Xmgl-From-Stage: {source}\nXmgl-To-Stage: {target}\nXmgl-Date: {day}\n"
    )
    return commit_dated(history, LIU, "liuxm", message, signed_on, files=files)


def case_trailers_disagree(history) -> str:
    # the file says 自评价 on 11-01; the trailers claim 暂停 from 储备 on 11-02
    files = with_stage(history, "self_evaluation", "2026-11-01")
    return _move(history, "reserve", "suspended", "2026-11-02", files, "2026-11-02T10:00+0800")


def case_date_not_a_date(history) -> str:
    files = with_stage(history, "suspended", "2026-11-01")
    return _move(history, "in_operation", "suspended", "2026-13-01", files, "2026-11-02T10:00+0800")


def case_date_before_previous(history) -> str:
    files = with_stage(history, "suspended", "2026-10-01")
    return _move(history, "in_operation", "suspended", "2026-10-01", files, "2026-11-02T10:00+0800")


def case_date_after_signing(history) -> str:
    files = with_stage(history, "suspended", "2026-11-04")
    return _move(history, "in_operation", "suspended", "2026-11-04", files, "2026-11-02T10:00+0800")


def case_date_far_before_signing(history) -> str:
    files = with_stage(history, "suspended", "2026-11-01")
    return _move(history, "in_operation", "suspended", "2026-11-01", files, "2026-12-03T10:00+0800")


def case_stage_date_edited(history) -> str:
    files = with_stage(history, "in_operation", "2026-09-25")
    return commit_as(history, LIU, "liuxm", "更正日期", files=files)


def case_merge_changes_stage(history) -> str:
    history.git("checkout", "-q", "-b", "side")
    commit_as(history, LIU, "liuxm", "旁支")
    history.git("checkout", "-q", "main")
    files = with_stage(history, "suspended", "2026-11-01")
    for name, text in files.items():
        (history.root / name).write_text(text, encoding="utf-8")
    env = {"GIT_COMMITTER_NAME": LIU[0], "GIT_COMMITTER_EMAIL": LIU[1]}
    history.git("merge", "-q", "--no-ff", "--no-commit", "side", env=env)
    history.git("add", "project.yaml")
    key = ["-c", f"user.signingkey={history.keys['liuxm']}"]
    history.git(*key, "commit", "-q", "-S", "-m", "合并", env=env)
    return history.git("rev-parse", "HEAD").strip()


def case_tampered(history) -> str:
    target = history.transitions[5]
    _tamper(history, target, "经办人：刘晓梅".encode(), "经办人：王建国".encode())
    return target


def case_absurd_date(history) -> str:
    payload = payload_on_head(history, "补充说明\n", when=99999999999999)
    sha = signed_commit_object(history, "liuxm", payload)
    move_head(history, sha)
    return sha


WORDING = {
    "absurd_date": [
        (
            "date-unreadable",
            "error",
            "提交者日期的时间戳 99999999999999 不是可用的日期（早于 1970 年或超出公元 9999 年）："
            "名单有效期无法按它判断。",
            "提交日期由签名人自己填写，不应有这样的值：查明提交是怎样产生的。",
        ),
    ],
    "one_stage_trailer": [
        (
            "trailer-mismatch",
            "error",
            "阶段变更提交的 Xmgl-From-Stage / Xmgl-To-Stage 缺失或重复。",
            "阶段变更提交只能由 xmgl advance 生成。",
        ),
    ],
    "unsigned": [
        (
            "unsigned",
            "error",
            "提交未签名。",
            "档案中的每个提交都必须签名（xmgl advance、xmgl record --commit 或 git commit -S）。",
        ),
    ],
    "key_not_allowed": [
        (
            "key-not-allowed",
            "error",
            "签名密钥 {mallory} 不在上一提交的 .xmgl/allowed_signers 中。",
            "签名人员须先由已允许的人员用 xmgl signers add 登记；登记之后的提交才有效。",
        ),
    ],
    "self_authorized": [
        (
            "self-authorized",
            "error",
            "该提交把自己的签名密钥 {mallory} 加入了 .xmgl/allowed_signers："
            "签名密钥必须已在上一提交的名单中，自己授权自己无效。",
            "应先由一位已允许的签名人员做登记提交（xmgl signers add），再由新人员签名提交。",
        ),
    ],
    "signer_not_committer": [
        (
            "signer-not-committer",
            "error",
            "签名者与提交者不符：密钥 {liuxm} 登记给 liuxm@example.gov.cn，"
            "提交者邮箱却是 zhangwei@example.gov.cn。",
            "每个人用自己的密钥、以自己的邮箱提交（检查 git config user.email）。",
        ),
    ],
    "not_yet_valid": [
        (
            "key-not-yet-valid",
            "error",
            "签名密钥 {zhangwei} 在上一提交的名单中登记了有效期（valid-after）"
            "，提交时（2026-11-03 09:15 +0800）有效期还没有开始。",
            "有效期开始后再签名；或由已允许的人员更正登记的有效期。",
        ),
        (
            "window-verdict",
            "warning",
            "这一结论依据名单中为密钥 {zhangwei} 登记的有效期，"
            "而有效期按提交者日期（2026-11-03 09:15 +0800）"
            "判断：提交者日期由签名人自己填写，审计无法独立证明它。",
            "需要确证时，对照提交前后在档案以外保存的锚点（xmgl audit anchor）的时间。",
        ),
    ],
    "wrong_namespace": [
        (
            "key-wrong-namespace",
            "error",
            "签名密钥 {zhangwei} 在上一提交的名单中登记的用途（namespaces）"
            "不含 git，不能签名提交。",
            '由已允许的人员按 namespaces="git" 重新登记（xmgl signers add）。',
        ),
    ],
    "window": [
        (
            "window-verdict",
            "warning",
            "这一结论依据名单中为密钥 {zhangwei} 登记的有效期，"
            "而有效期按提交者日期（2026-11-03 09:15 +0800）"
            "判断：提交者日期由签名人自己填写，审计无法独立证明它。",
            "需要确证时，对照提交前后在档案以外保存的锚点（xmgl audit anchor）的时间。",
        ),
    ],
    "unsupported": [
        (
            "unsupported-signature",
            "error",
            "无法核验的签名：不是 SSH 签名（可能是 OpenPGP 或 X.509）。",
            "xmgl 的审计核验 SSH 签名；用 xmgl signers keygen 生成 SSH 密钥签名。",
        ),
    ],
    "trailers_disagree": [
        (
            "trailer-mismatch",
            "error",
            "提交说明写从 项目储备（reserve） 变更，但上一提交中的阶段是 投入运行（in_operation）"
            "。",
            "阶段变更提交只能由 xmgl advance 生成，提交说明与 project.yaml 必须一致。",
        ),
        (
            "trailer-mismatch",
            "error",
            "提交说明写变更为 暂停建设（suspended），但本提交中的阶段是 自评价（self_evaluation）"
            "。",
            "阶段变更提交只能由 xmgl advance 生成，提交说明与 project.yaml 必须一致。",
        ),
        (
            "trailer-mismatch",
            "error",
            "Xmgl-Date 为 2026-11-02，但 project.yaml 中的进入日期是 2026-11-01。",
            "阶段变更提交只能由 xmgl advance 生成，提交说明与 project.yaml 必须一致。",
        ),
        (
            "illegal-transition",
            "error",
            "非法阶段跳转：项目储备（reserve） → 暂停建设（suspended）"
            " 不在阶段变更表中（见 xmgl stages）。",
            "从 项目储备（reserve） 只能进入：列入年度计划（plan）。",
        ),
    ],
    "date_not_a_date": [
        (
            "trailer-mismatch",
            "error",
            "Xmgl-Date 为 2026-13-01，但 project.yaml 中的进入日期是 2026-11-01。",
            "阶段变更提交只能由 xmgl advance 生成，提交说明与 project.yaml 必须一致。",
        ),
        (
            "trailer-mismatch",
            "error",
            "Xmgl-Date “2026-13-01” 不是日期（应为 YYYY-MM-DD）。",
            "阶段变更提交只能由 xmgl advance 生成。",
        ),
    ],
    "date_before_previous": [
        (
            "date-before-previous-stage",
            "error",
            "阶段变更日期 2026-10-01 早于上一阶段的进入日期 2026-10-25：阶段不能倒着走。",
            "xmgl advance 不允许这样的日期；查明这次变更是怎样记录的。",
        ),
        (
            "date-far-from-signing",
            "warning",
            "阶段变更日期 2026-10-01 比签名提交的时间 2026-11-02 早 32 天："
            "变更是事后补记的。签名只证明提交的时间，不证明所写日期的真实性。",
            "核对这次变更的原始文件（批复、验收文件）上的日期。",
        ),
    ],
    "date_after_signing": [
        (
            "date-after-signing",
            "error",
            "阶段变更日期 2026-11-04 晚于签名提交的时间 2026-11-02：签名时这件事还没有发生。",
            "xmgl advance 不允许记录未来的日期；查明这次变更是怎样记录的。",
        ),
    ],
    "date_far_before_signing": [
        (
            "date-far-from-signing",
            "warning",
            "阶段变更日期 2026-11-01 比签名提交的时间 2026-12-03 早 32 天："
            "变更是事后补记的。签名只证明提交的时间，不证明所写日期的真实性。",
            "核对这次变更的原始文件（批复、验收文件）上的日期。",
        ),
    ],
    "stage_date_edited": [
        (
            "stage-edited",
            "error",
            "阶段日期被直接修改：2026-10-25 → 2026-09-25（阶段仍是 投入运行（in_operation）"
            "），但这个提交不是阶段变更提交。",
            "阶段和进入日期只能由 xmgl advance 写入；撤回这次修改。",
        ),
    ],
    "merge_changes_stage": [
        (
            "merge-stage-changed",
            "error",
            "合并提交改变了阶段：第一个父提交是 投入运行（in_operation）"
            "（2026-10-25），合并后是 暂停建设（suspended）"
            "（2026-11-01）。合并提交必须保持第一个父提交的阶段，"
            "阶段只能在单父的阶段变更提交中变更。",
            "在主线上用 xmgl advance 做阶段变更；合并分支时保留主线的 project.yaml 阶段。",
        ),
    ],
}


@pytest.mark.parametrize("name", sorted(WORDING))
def test_wording_of_each_finding(history, name):
    sha = globals()[f"case_{name}"](history)
    fast, ref = both(history.root)
    fps = {k: fingerprint(history, k) for k in ("liuxm", "zhangwei", "mallory")}
    expected = [
        (code, severity, message.format(**fps), hint.format(**fps))
        for code, severity, message, hint in WORDING[name]
    ]
    assert wording(fast, sha) == expected
    assert wording(ref, sha) == expected
    errors = {code for code, severity, _m, _h in expected if severity == "error"}
    assert failing(fast).get(sha, set()) == errors
    assert fast.ok is (not failing(fast))


def test_a_transition_dated_the_day_after_it_was_signed_is_accepted(history):
    # a day's grace for time zones: the day after the signed date is not "after signing"
    files = with_stage(history, "suspended", "2026-11-03")
    sha = _move(history, "in_operation", "suspended", "2026-11-03", files, "2026-11-02T10:00+0800")
    fast, _ref = both(history.root)
    assert fast.ok and findings_of(fast, sha) == []


def test_a_transition_signed_31_days_after_its_date_is_not_flagged(history):
    files = with_stage(history, "suspended", "2026-11-01")
    sha = _move(history, "in_operation", "suspended", "2026-11-01", files, "2026-12-02T10:00+0800")
    fast, _ref = both(history.root)
    assert fast.ok and findings_of(fast, sha) == []


def test_a_transition_dated_the_previous_stage_day_is_accepted(history):
    files = with_stage(history, "suspended", "2026-10-25")  # in_operation since 2026-10-25
    sha = _move(history, "in_operation", "suspended", "2026-10-25", files, "2026-10-26T10:00+0800")
    fast, _ref = both(history.root)
    assert fast.ok and findings_of(fast, sha) == []


def test_wording_of_a_tampered_commit(history):
    sha = case_tampered(history)
    fast, ref = both(history.root)
    assert failing(fast) == {sha: {"object-tampered", "bad-signature"}}
    for report, reason in ((fast, "signature does not verify"), (ref, "git：签名无效")):
        found = [w for w in wording(report, sha) if w[0] != "date-far-from-signing"]
        assert found == [
            (
                "object-tampered",
                "error",
                f"对象内容与其哈希不符（对象库被改动过）：提交对象 {sha}。",
                "从可信的副本重新取得档案；运行 git fsck --full 查看所有损坏的对象。",
            ),
            (
                "bad-signature",
                "error",
                f"签名无效：提交内容与签名不符（{reason}）——提交在签名后被改动，或签名是伪造的。",
                "从可信的副本重新取得档案，与市数据局保存的锚点核对。",
            ),
        ]


def test_a_resume_goes_back_to_the_stage_left_and_nowhere_else(history):
    files = with_stage(history, "suspended", "2026-11-01")
    _move(history, "in_operation", "suspended", "2026-11-01", files, "2026-11-01T10:00+0800")
    base = history.git("rev-parse", "HEAD").strip()
    files = with_stage(history, "in_operation", "2026-11-05")
    back = _move(history, "suspended", "in_operation", "2026-11-05", files, "2026-11-05T10:00+0800")
    fast, _ref = both(history.root)
    assert fast.ok and findings_of(fast, back) == []
    history.git("reset", "-q", "--hard", base)
    files = with_stage(history, "construction", "2026-11-05")
    wrong = _move(
        history, "suspended", "construction", "2026-11-05", files, "2026-11-05T10:00+0800"
    )
    fast, _ref = both(history.root)
    assert failing(fast) == {wrong: {"illegal-transition"}}
    (f,) = findings_of(fast, wrong)
    assert f.message == (
        "非法阶段跳转：暂停建设（suspended） → 建设实施（construction） "
        "不在阶段变更表中（见 xmgl stages）。"
    )
    assert "投入运行（in_operation）" in f.hint


def test_an_unreadable_stage_is_named_and_the_next_commit_compares_with_the_last_read(history):
    stage, since = current_stage(history)
    good = project_text(history)
    bad = commit_as(history, LIU, "liuxm", "整理", files={"project.yaml": good + "stage: [\n"})
    fixed = commit_as(history, LIU, "liuxm", "恢复", files={"project.yaml": good})
    fast, _ref = both(history.root)
    assert failing(fast) == {bad: {"stage-unreadable"}}
    (f,) = findings_of(fast, bad)
    assert f.message.startswith("此提交中的 project.yaml 无法读取阶段：")
    assert f.hint == "project.yaml 必须是有效的 YAML；运行 xmgl validate 查看问题。"
    assert f.commit == bad
    assert findings_of(fast, fixed) == []  # the same stage as before the unreadable commit
    assert (stage, since) == ("in_operation", "2026-10-25")


# ------------------------------------------------------------- what a commit's row says


def test_each_commit_row_names_signer_stage_and_trailers(history):
    report = verify(history.root)
    assert report.ok
    root = report.commits[0]
    assert root.parents == () and root.kind != "transition"
    assert report.trust_roots == [(root.sha, list(root.signers_lines))]
    t = next(c for c in report.commits if c.sha == history.transitions[3])
    d = t.to_dict()
    assert d["parents"] == [history.git("rev-parse", f"{t.sha}^").strip()]
    assert d["kind"] == "transition" and d["verdict"] == "pass"
    assert {f["code"] for f in d["findings"]} <= {"date-far-from-signing"}  # built today
    shown = history.git("log", "-1", "--format=%cn%x00%ce%x00%cI%x00%s", t.sha).strip()
    assert (d["committer"], d["committer_email"], d["committed"], d["subject"]) == tuple(
        shown.split("\0")
    )
    assert d["to_stage"] == d["stage"] and d["date"] == d["stage_since"]
    assert t.trailers["Xmgl-To-Stage"] == [d["to_stage"]]
    who = {LIU[1]: LIU[0], ZHANG[1]: ZHANG[0]}
    assert d["signer_name"] == who[d["committer_email"]]
    assert d["signature"]["status"] == "good"
    assert d["signature"]["fingerprint"] == fingerprint(
        history, "liuxm" if d["committer_email"] == LIU[1] else "zhangwei"
    )
    # each commit's own list: 刘晓梅 alone before 张伟 was added, both from then on
    added = next(c for c in report.commits if c.sha == history.signer_added)
    assert [line[0] for line in root.signers_lines] == [LIU[1]]
    assert [line[2] for line in added.signers_lines] == [LIU[0], ZHANG[0]]


def test_a_row_of_an_unreadable_date_has_no_time(history):
    sha = case_absurd_date(history)
    report = verify(history.root)
    row = next(c for c in report.commits if c.sha == sha)
    assert row.committed == "" and row.signature is None and row.subject == "补充说明"


def test_two_roots_are_named_in_the_history_findings(history):
    orphan = history.root.parent / "orphan"
    history.git("init", "-q", "-b", "main", str(orphan))
    o = type(history)(orphan, history.keys)
    o.git("config", "gpg.format", "ssh")
    other = commit_as(o, LIU, "liuxm", "x")
    history.git("fetch", "-q", str(orphan), "main:other")
    env = {"GIT_COMMITTER_NAME": LIU[0], "GIT_COMMITTER_EMAIL": LIU[1]}
    key = ["-c", f"user.signingkey={history.keys['liuxm']}"]
    history.git(
        *key, "merge", "-q", "-S", "--allow-unrelated-histories", "-m", "合并", "other", env=env
    )
    fast, _ref = both(history.root)
    first = fast.commits[0].sha
    found = [f for f in fast.findings if f.code == "multiple-roots"]
    assert [(f.message, f.hint, f.commit) for f in found] == [
        (
            f"历史中有 2 个首次提交（根提交）：{first[:12]}、{other[:12]}。一个档案只能有一个信任根。",
            "查明多出的根提交从何而来（合并了另一个仓库？）。",
            None,
        )
    ]
    assert not fast.ok


def test_a_transition_after_the_stage_was_removed_names_none_as_the_stage_before(history):
    removed = commit_as(history, LIU, "liuxm", "整理", files=with_stage(history, None, None))
    files = {"project.yaml": project_text(history) + "stage:\n  current: suspended\n"}
    files["project.yaml"] += "  since: 2026-11-01\n"
    sha = _move(history, "in_operation", "suspended", "2026-11-01", files, "2026-11-01T10:00+0800")
    fast, _ref = both(history.root)
    assert failing(fast) == {removed: {"stage-edited"}, sha: {"trailer-mismatch"}}
    assert [f.message for f in findings_of(fast, sha)] == [
        "提交说明写从 投入运行（in_operation） 变更，但上一提交中的阶段是 （无）。"
    ]


def test_a_transition_that_removes_the_stage_names_none_as_the_stage_after(history):
    files = with_stage(history, None, None)
    sha = _move(history, "in_operation", "suspended", "2026-11-01", files, "2026-11-01T10:00+0800")
    fast, _ref = both(history.root)
    assert failing(fast) == {sha: {"trailer-mismatch"}}
    assert [f.message for f in findings_of(fast, sha)] == [
        "提交说明写变更为 暂停建设（suspended），但本提交中的阶段是 （无）。",
        "Xmgl-Date 为 2026-11-01，但 project.yaml 中的进入日期是 无日期。",  # never "None"
    ]


def test_a_transition_on_a_root_whose_stage_is_unreadable_names_none_before(history):
    root = history.root.parent / "fresh"
    history.git("init", "-q", "-b", "main", str(root))
    h = type(history)(root, history.keys)
    h.git("config", "gpg.format", "ssh")
    (root / ".xmgl").mkdir()
    listed = next(x for x in signers_text(history).splitlines() if x.startswith(LIU[1]))
    first = commit_as(
        h,
        LIU,
        "liuxm",
        "新建档案",
        files={".xmgl/allowed_signers": listed + "\n", "project.yaml": "stage: [\n"},
    )
    text = "stage:\n  current: plan\n  since: 2026-01-15\n"
    sha = _move(h, "reserve", "plan", "2026-01-15", {"project.yaml": text}, "2026-01-16T10:00+0800")
    report = verify(root)
    assert failing(report) == {first: {"stage-unreadable"}, sha: {"trailer-mismatch"}}
    assert [f.message for f in findings_of(report, sha)] == [
        "提交说明写从 项目储备（reserve） 变更，但上一提交中的阶段是 （无）。"
    ]


def test_a_stage_date_removed_by_a_plain_commit_says_no_date(history):
    text = project_text(history).replace("  since: 2026-10-25\n", "", 1)
    sha = commit_as(history, LIU, "liuxm", "整理", files={"project.yaml": text})
    fast, _ref = both(history.root)
    assert failing(fast) == {sha: {"stage-edited"}}
    assert [f.message for f in findings_of(fast, sha)] == [
        "阶段日期被直接修改：2026-10-25 → 无日期（阶段仍是 投入运行（in_operation）），"
        "但这个提交不是阶段变更提交。"
    ]


def test_a_transition_after_a_stage_date_that_is_no_date_is_judged_on_the_rest(history):
    text = project_text(history).replace("  since: 2026-10-25\n", "  since: 2026-13-45\n", 1)
    edited = commit_as(history, LIU, "liuxm", "整理", files={"project.yaml": text})
    files = with_stage(history, "suspended", "2026-11-01")
    sha = _move(history, "in_operation", "suspended", "2026-11-01", files, "2026-11-01T10:00+0800")
    fast, _ref = both(history.root)
    assert failing(fast) == {edited: {"stage-edited"}}
    assert findings_of(fast, sha) == []  # no previous date to compare with, no crash
