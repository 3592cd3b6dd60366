"""``xmgl advance``: gate, stage record, one signed commit — or nothing at all."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

from tests.conftest import flat, person, snapshot
from xmgl.dossier.loader import load_dossier
from xmgl.gitaudit import trailers as tr


def git(root: Path, *args: str) -> str:
    return subprocess.run(
        ["git", "-c", "core.quotePath=false", "-C", str(root), *args],
        capture_output=True,
        check=True,
        text=True,
    ).stdout


def plan_record(xmgl, root, day="2025-07-20", *extra: str):
    """The annual plan's call, the unit's submission (第八条) and the inclusion (第九条)."""
    for args in (
        (
            "plan_call",
            "date=2025-05-06",
            "year=2026",
            "deadline=2025-05-26",
            "issuer=大石桥市数据局",
        ),
        ("plan_submission", "date=2025-05-20", "year=2026", "to=大石桥市数据局", "amount=386万元"),
        (
            "plan_inclusion",
            f"date={day}",
            "year=2026",
            "amount=386万元",
            "approver=大石桥市人民政府",
            "document_no=大政发〔2025〕9号",
            *extra,
        ),
    ):
        r = xmgl("-C", root, "record", *args)
        assert r.exit_code == 0, r.output


def test_advance_makes_one_signed_commit_with_trailers(signed_dossier, xmgl, ssh_keys):
    root = signed_dossier
    plan_record(xmgl, root)
    r = xmgl("-C", root, "advance", "plan", "--date", "2025-07-21")
    assert r.exit_code == 0, r.output
    assert flat("已进入 列入年度计划（plan）") in flat(r.stdout)
    assert flat("依据：第八条、第九条") in flat(r.stdout)
    # one new commit, signed, verified by git itself with the dossier's allowed signers
    assert git(root, "rev-list", "--count", "HEAD").strip() == "3"
    verify = subprocess.run(
        ["git", "-C", str(root), "verify-commit", "--raw", "HEAD"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert verify.returncode == 0, verify.stderr
    assert "GOODSIG" in verify.stderr or "Good" in verify.stderr
    message = git(root, "log", "-1", "--format=%B")
    assert message.startswith("阶段变更：项目储备 → 列入年度计划\n")
    t = tr.parse(message)
    assert t[tr.FROM_STAGE] == ["reserve"]
    assert t[tr.TO_STAGE] == ["plan"]
    assert t[tr.DATE] == ["2025-07-21"]
    assert t[tr.ARTICLES] == ["第八条、第九条"]
    assert t[tr.EVENT] == ["plan_inclusion 2025-07-20 大政发〔2025〕9号"]
    assert t[tr.ACTOR] == ["刘晓梅 <liuxm@example.gov.cn>"]
    # git reads the same trailers
    assert git(root, "log", "-1", "--format=%(trailers:key=Xmgl-To-Stage,valueonly)").strip() == (
        "plan"
    )
    # the stage and its record, committed together with the justifying record
    d = load_dossier(root)
    assert d.stage.current == "plan" and str(d.stage.since) == "2025-07-21"
    change = d.records_of("stage_change")[-1]
    assert (change.from_stage, change.to_stage, change.actor) == ("reserve", "plan", "刘晓梅")
    assert git(root, "status", "--porcelain") == ""
    shown = git(root, "show", "HEAD:project.yaml")
    assert "kind: plan_inclusion" in shown and "to_stage: plan" in shown


def test_dry_run_checks_everything_and_changes_nothing(signed_dossier, xmgl):
    root = signed_dossier
    plan_record(xmgl, root)
    before = snapshot(root)
    r = xmgl("-C", root, "advance", "plan", "--date", "2025-07-21", "--dry-run")
    assert r.exit_code == 0, r.output
    assert flat("门槛已通过") in flat(r.stdout) and flat("plan_inclusion 2025-07-20") in flat(
        r.stdout
    )
    assert snapshot(root) == before


def test_illegal_move_is_refused(signed_dossier, xmgl):
    before = snapshot(signed_dossier)
    r = xmgl("-C", signed_dossier, "advance", "construction", "--date", "2025-07-21")
    assert r.exit_code == 4
    assert flat("不能从 项目储备（reserve） 直接进入 建设实施（construction）") in flat(r.stderr)
    assert flat("只能进入：列入年度计划（plan）") in flat(r.stderr)
    assert snapshot(signed_dossier) == before


def test_missing_justifying_record_blocks_the_gate(signed_dossier, xmgl):
    before = snapshot(signed_dossier)
    r = xmgl("-C", signed_dossier, "advance", "plan", "--date", "2025-07-21")
    assert r.exit_code == 4
    assert flat("门槛未通过") in flat(r.stderr)
    assert flat("缺少这一步的事由记录：需要列入年度投资计划（plan_inclusion）") in flat(r.stderr)
    assert flat("规则 lifecycle.event") in flat(r.stderr)
    assert flat("xmgl record plan_inclusion") in flat(r.stderr)
    assert snapshot(signed_dossier) == before


@pytest.mark.parametrize(("day", "ok"), [("2025-05-31", False), ("2025-06-01", True)])
def test_the_move_cannot_predate_entering_the_stage(signed_dossier, xmgl, day, ok):
    plan_record(xmgl, signed_dossier, day="2025-05-30")
    r = xmgl("-C", signed_dossier, "advance", "plan", "--date", day)
    assert (r.exit_code == 0) is ok, r.output
    if not ok:
        assert flat("早于进入当前阶段的日期 2025-06-01") in flat(r.stderr)


def test_future_dates_are_refused(signed_dossier, xmgl):
    plan_record(xmgl, signed_dossier)
    r = xmgl("-C", signed_dossier, "advance", "plan", "--date", "2199-01-01")
    assert r.exit_code == 4 and flat("晚于今天") in flat(r.stderr)


def test_unrelated_uncommitted_changes_are_refused(signed_dossier, xmgl):
    root = signed_dossier
    plan_record(xmgl, root)
    (root / "docs" / "README.md").write_text("改过了\n", encoding="utf-8")
    before = snapshot(root)
    r = xmgl("-C", root, "advance", "plan", "--date", "2025-07-21")
    assert r.exit_code == 4
    assert flat("无关的未提交修改") in flat(r.stderr) and flat("docs/README.md") in flat(r.stderr)
    assert snapshot(root) == before


def test_untracked_unreferenced_files_stay_out_and_referenced_documents_go_in(signed_dossier, xmgl):
    root = signed_dossier
    (root / "scratch.txt").write_text("草稿\n", encoding="utf-8")
    (root / "docs" / "计划批文.pdf").write_bytes(b"%PDF-1.4 demo\n")
    plan_record(xmgl, root, "2025-07-20", "document=docs/计划批文.pdf")
    r = xmgl("-C", root, "advance", "plan", "--date", "2025-07-21")
    assert r.exit_code == 0, r.output
    assert flat("一并提交的文件：docs/计划批文.pdf") in flat(r.stdout)
    files = git(root, "show", "--name-only", "--format=", "HEAD").split()
    assert sorted(files) == ["docs/计划批文.pdf", "project.yaml"]
    assert git(root, "status", "--porcelain") == "?? scratch.txt\n"


def test_failed_signing_leaves_the_dossier_exactly_as_it_was(signed_dossier, xmgl, tmp_path):
    root = signed_dossier
    plan_record(xmgl, root)
    fake = tmp_path / "refuse-to-sign"
    fake.write_text("#!/bin/sh\necho 'sign_and_send_pubkey: signing failed' >&2\nexit 1\n")
    fake.chmod(0o755)
    git(root, "config", "gpg.ssh.program", str(fake))
    before = snapshot(root)
    r = xmgl("-C", root, "advance", "plan", "--date", "2025-07-21")
    assert r.exit_code == 5, r.output
    assert flat("没有生成提交；档案保持原样") in flat(r.stderr)
    assert flat("signing failed") in flat(r.stderr)
    assert snapshot(root) == before
    # and it works once signing works again
    git(root, "config", "--unset", "gpg.ssh.program")
    assert xmgl("-C", root, "advance", "plan", "--date", "2025-07-21").exit_code == 0


def test_missing_or_unreadable_key_is_refused(signed_dossier, xmgl, tmp_path):
    root = signed_dossier
    plan_record(xmgl, root)
    git(root, "config", "--unset", "user.signingkey")
    before = snapshot(root)
    r = xmgl("-C", root, "advance", "plan", "--date", "2025-07-21")
    assert r.exit_code == 5
    assert flat("没有配置签名密钥") in flat(r.stderr) and flat("xmgl signers use") in flat(r.stderr)
    assert snapshot(root) == before
    git(root, "config", "user.signingkey", str(tmp_path / "no-such-key"))
    r = xmgl("-C", root, "advance", "plan", "--date", "2025-07-21")
    assert r.exit_code == 5
    assert flat("签名密钥文件不存在") in flat(r.stderr)
    assert snapshot(root) == before


def test_a_key_not_in_the_allowed_signers_is_refused(signed_dossier, xmgl, ssh_keys, monkeypatch):
    root = signed_dossier
    plan_record(xmgl, root)
    person(monkeypatch, "张伟", "zhangwei@example.gov.cn")
    assert xmgl("-C", root, "signers", "use", ssh_keys("zhangwei")).exit_code == 0
    before = snapshot(root)
    r = xmgl("-C", root, "advance", "plan", "--date", "2025-07-21")
    assert r.exit_code == 5
    assert flat("不在已提交的 .xmgl/allowed_signers 中") in flat(r.stderr)
    assert flat("自己把自己加进名单的提交不会通过审计") in flat(r.stderr)
    assert snapshot(root) == before


def test_the_right_key_with_the_wrong_email_is_refused(signed_dossier, xmgl, monkeypatch):
    root = signed_dossier
    plan_record(xmgl, root)
    person(monkeypatch, "刘晓梅", "xiaomei.liu@example.com")
    r = xmgl("-C", root, "advance", "plan", "--date", "2025-07-21")
    assert r.exit_code == 5
    assert flat("登记的是 liuxm@example.gov.cn") in flat(r.stderr)
    assert flat("xiaomei.liu@example.com") in flat(r.stderr)


def test_no_git_repository_no_transition(example, xmgl):
    r = xmgl("-C", example, "advance", "preliminary_acceptance", "--date", "2026-07-01")
    # the gate speaks first (no record), then git: both refuse without touching anything
    assert r.exit_code == 4


def test_not_a_git_repository_is_said_plainly(example, xmgl):
    r = xmgl(
        "-C",
        example,
        "record",
        "preliminary_acceptance",
        "date=2026-10-01",
        "result=合格",
    )
    assert r.exit_code == 0, r.output
    before = (example / "project.yaml").read_bytes()
    r = xmgl("-C", example, "advance", "preliminary_acceptance", "--date", "2026-10-02")
    assert r.exit_code == 5
    assert flat("不是 git 仓库") in flat(r.stderr)
    assert (example / "project.yaml").read_bytes() == before


# ---------------------------------------------------------------- the gate and the rules


def test_rule_errors_for_the_target_stage_block_and_warnings_do_not(signed_dossier, xmgl):
    """The real rules, evaluated for the target stage on the move's date.

    A8-SUBMISSION-LATE applies only from 列入年度计划 on, so it fires only if the
    gate asks the rules about the target stage; A6-RESERVE-ENTRY is a warning
    there and must not block or be listed.
    """
    root = signed_dossier
    plan_record(xmgl, root)
    late = (
        (root / "project.yaml")
        .read_text(encoding="utf-8")
        .replace("date: 2025-05-20", "date: 2025-05-27")
    )
    (root / "project.yaml").write_text(late, encoding="utf-8")
    before = snapshot(root)
    r = xmgl("-C", root, "advance", "plan", "--date", "2025-07-21")
    assert r.exit_code == 4, r.output
    err = flat(r.stderr)
    assert flat("2025-05-27 才报送，晚于截止日 2025-05-26") in err
    assert flat("依据 第八条 · 规则 A8-SUBMISSION-LATE · 位置 project.yaml:") in err
    assert "A6-RESERVE-ENTRY" not in err
    assert snapshot(root) == before


def test_only_warnings_let_the_move_through(signed_dossier, xmgl):
    root = signed_dossier
    plan_record(xmgl, root)
    seen = xmgl("-C", root, "--as-of", "2025-07-21", "validate", "--stage", "plan")
    assert "警告 A6-RESERVE-ENTRY" in seen.stdout and "共 0 个错误、1 个警告" in seen.stdout
    r = xmgl("-C", root, "advance", "plan", "--date", "2025-07-21")
    assert r.exit_code == 0, r.output
    assert "已进入 列入年度计划（plan）" in r.stdout
    assert "A6-RESERVE-ENTRY" not in r.output


def test_an_unknown_stage_is_a_usage_error(xmgl, example):
    result = xmgl("-C", example, "advance", "constructoin")
    assert result.exit_code == 2
    assert "没有 “constructoin” 这个阶段" in result.stderr and "construction" in result.stderr
