"""Signing set-up: init's trust root, signers add/remove/keygen/use, record --commit, log."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

from tests.conftest import flat, person, snapshot
from xmgl.gitaudit import trailers as tr
from xmgl.gitaudit.audit import verify


def git(root: Path, *args: str) -> str:
    return subprocess.run(
        ["git", "-c", "core.quotePath=false", "-C", str(root), *args],
        capture_output=True,
        text=True,
        check=True,
    ).stdout


def fingerprint_of(key: Path) -> str:
    out = subprocess.run(["ssh-keygen", "-lf", f"{key}.pub"], capture_output=True, text=True)
    return out.stdout.split()[1]


# ---------------------------------------------------------------- init


def test_init_signs_the_trust_root(tmp_path, xmgl, ssh_keys):
    key = ssh_keys("liuxm")
    root = tmp_path / "d"
    r = xmgl("--as-of", "2025-06-01", "init", root, "--signing-key", key, "--name", "测试")
    assert r.exit_code == 0, r.output
    assert fingerprint_of(key) in r.stdout and "信任根" in r.stdout
    text = (root / ".xmgl/allowed_signers").read_text(encoding="utf-8")
    pub = " ".join(Path(f"{key}.pub").read_text().split()[:2])
    assert f'liuxm@example.gov.cn namespaces="git" {pub} 刘晓梅\n' in text
    assert "PRIVATE KEY" not in text
    assert git(root, "config", "--local", "gpg.format").strip() == "ssh"
    assert git(root, "config", "--local", "user.signingkey").strip() == str(key.resolve())
    assert git(root, "config", "--local", "commit.gpgsign").strip() == "true"
    # git verifies the first commit with the dossier's own file
    letter = git(root, "log", "-1", "--format=%G? %GS").strip()
    assert letter == "G liuxm@example.gov.cn"
    t = tr.parse(git(root, "log", "-1", "--format=%B"))
    assert t[tr.INIT] == ["1"] and t[tr.DATE] == ["2025-06-01"]
    assert t[tr.SIGNER] == [f"liuxm@example.gov.cn {fingerprint_of(key)}"]
    assert verify(root).ok
    # no private key anywhere in the committed tree
    for path in git(root, "ls-files").split():
        assert b"PRIVATE KEY" not in (root / path).read_bytes()


def test_init_uses_the_global_ssh_signing_key(tmp_path, xmgl, ssh_keys):
    key = ssh_keys("liuxm")
    git(tmp_path, "config", "--global", "gpg.format", "ssh")
    git(tmp_path, "config", "--global", "user.signingkey", str(key))
    r = xmgl("init", tmp_path / "d")
    assert r.exit_code == 0, r.output
    assert verify(tmp_path / "d").ok


def test_init_without_a_key_warns_and_the_audit_fails(tmp_path, xmgl):
    r = xmgl("init", tmp_path / "d")
    assert r.exit_code == 0, r.output
    assert flat("没有签名密钥，首次提交未签名") in flat(r.stdout)
    report = verify(tmp_path / "d")
    assert not report.ok
    assert {f.code for f in report.commits[0].findings} == {"unsigned", "no-trust-root"}


def test_demo_key_quick_path(tmp_path, xmgl):
    r = xmgl("init", tmp_path / "a", "--demo-key")
    assert r.exit_code == 0, r.output
    demo = Path.home() / ".ssh" / "xmgl_demo_ed25519"
    assert demo.exists() and flat("已生成演示密钥") in flat(r.stdout)
    assert verify(tmp_path / "a").ok
    r = xmgl("init", tmp_path / "b", "--demo-key")
    assert r.exit_code == 0 and "已生成演示密钥" not in r.stdout
    assert git(tmp_path / "b", "config", "user.signingkey").strip() == str(demo)


def test_init_refuses_a_key_inside_the_new_dossier(tmp_path, xmgl):
    root = tmp_path / "d"
    r = xmgl("init", root, "--signing-key", root / "keys" / "k")
    assert r.exit_code == 2 and flat("私钥绝不能放进档案") in flat(r.stderr)
    assert not root.exists()


# ---------------------------------------------------------------- signers


def test_add_and_remove_signers_are_signed_commits(signed_dossier, xmgl, ssh_keys):
    root = signed_dossier
    zhang = ssh_keys("zhangwei")
    r = xmgl(
        "-C", root, "signers", "add", "zhangwei@example.gov.cn", f"{zhang}.pub", "--name", "张伟"
    )
    assert r.exit_code == 0, r.output
    assert fingerprint_of(zhang) in r.stdout
    assert git(root, "log", "-1", "--format=%s").strip() == (
        "签名人员变更：增加 张伟 <zhangwei@example.gov.cn>"
    )
    t = tr.parse(git(root, "log", "-1", "--format=%B"))
    assert t[tr.SIGNERS] == ["add"]
    assert t[tr.SIGNER] == [f"zhangwei@example.gov.cn {fingerprint_of(zhang)}"]
    assert git(root, "show", "--name-only", "--format=", "HEAD").split() == [
        ".xmgl/allowed_signers"
    ]
    assert git(root, "status", "--porcelain") == ""
    r = xmgl("-C", root, "signers", "--format", "json")
    data = json.loads(r.stdout)
    assert [s["principals"] for s in data["allowed_signers"]] == [
        ["liuxm@example.gov.cn"],
        ["zhangwei@example.gov.cn"],
    ]
    assert data["local"]["allowed"] is True
    r = xmgl("-C", root, "signers", "remove", fingerprint_of(zhang))
    assert r.exit_code == 0, r.output
    assert git(root, "log", "-1", "--format=%s").strip() == (
        "签名人员变更：移除 zhangwei@example.gov.cn"
    )
    assert "zhangwei" not in (root / ".xmgl/allowed_signers").read_text()
    assert verify(root).ok


def test_signers_refusals(signed_dossier, xmgl, ssh_keys, monkeypatch):
    root = signed_dossier
    zhang = ssh_keys("zhangwei")
    before = snapshot(root)
    r = xmgl("-C", root, "signers", "add", "zhangwei@example.gov.cn", zhang)
    assert r.exit_code == 2 and "是私钥" in r.stderr
    r = xmgl("-C", root, "signers", "add", "*@example.gov.cn", f"{zhang}.pub")
    assert r.exit_code == 2 and flat("不能含通配符") in flat(r.stderr)
    r = xmgl("-C", root, "signers", "add", "zhangwei@example.gov.cn", "not-a-key")
    assert r.exit_code == 2 and "既不是公钥文件，也不是公钥" in r.stderr
    r = xmgl("-C", root, "signers", "remove", "liuxm@example.gov.cn")
    assert r.exit_code == 4 and "不能移除最后一位签名人员" in r.stderr
    r = xmgl("-C", root, "signers", "remove", "nobody@example.gov.cn")
    assert r.exit_code == 4 and "允许名单中没有" in r.stderr
    r = xmgl("-C", root, "signers", "add", "liuxm@example.gov.cn", f"{ssh_keys('liuxm')}.pub")
    assert r.exit_code == 4 and "已经在允许名单中" in r.stderr
    # someone not on the list cannot add anyone, not even themselves
    person(monkeypatch, "张伟", "zhangwei@example.gov.cn")
    assert xmgl("-C", root, "signers", "use", zhang).exit_code == 0
    before = snapshot(root)
    r = xmgl("-C", root, "signers", "add", "zhangwei@example.gov.cn", f"{zhang}.pub")
    assert r.exit_code == 5 and flat("不在已提交的 .xmgl/allowed_signers 中") in flat(r.stderr)
    assert snapshot(root) == before


def test_signers_use_refuses_keys_inside_and_lists_the_state(signed_dossier, xmgl, tmp_path):
    root = signed_dossier
    inside = root / "keys" / "k"
    r = xmgl("-C", root, "signers", "use", inside)
    assert r.exit_code == 2 and "位于档案目录内" in r.stderr
    r = xmgl("-C", root, "signers")
    assert r.exit_code == 0
    assert "liuxm@example.gov.cn  刘晓梅  ← 你" in r.stdout
    assert flat("已在名单中") in flat(r.stdout)


def test_keygen_makes_a_key_outside_the_dossier(tmp_path, xmgl, signed_dossier):
    target = tmp_path / "keys" / "mine"
    r = xmgl("signers", "keygen", target, "--no-passphrase")
    assert r.exit_code == 0, r.output
    assert target.exists() and Path(f"{target}.pub").exists()
    assert oct(target.stat().st_mode & 0o777) == "0o600"
    assert fingerprint_of(target) in r.stdout
    r = xmgl("signers", "keygen", target, "--no-passphrase")
    assert r.exit_code == 4 and "已存在" in r.stderr
    r = xmgl("-C", signed_dossier, "signers", "keygen", signed_dossier / "k", "--no-passphrase")
    assert r.exit_code == 2 and not (signed_dossier / "k").exists()


# ---------------------------------------------------------------- record --commit and log


def test_record_commit_is_signed_and_passes_the_audit(signed_dossier, xmgl):
    root = signed_dossier
    r = xmgl(
        "-C",
        root,
        "record",
        "plan_call",
        "date=2025-06-10",
        "year=2026",
        "deadline=2025-07-15",
        "--commit",
    )
    assert r.exit_code == 0, r.output
    assert "已签名提交" in r.stdout
    assert git(root, "log", "-1", "--format=%s").strip() == "记录：年度项目计划征集 2025-06-10"
    t = tr.parse(git(root, "log", "-1", "--format=%B"))
    assert t[tr.RECORD] == ["plan_call 2025-06-10"]
    assert git(root, "status", "--porcelain") == ""
    assert verify(root).ok


def test_log_shows_the_stage_timeline(history, xmgl):
    r = xmgl("-C", history.root, "log")
    assert r.exit_code == 0, r.output
    assert "项目储备 → 列入年度计划" in r.stdout
    assert "竣工验收合格 → 投入运行" in r.stdout
    r = xmgl("-C", history.root, "log", "--format", "json")
    data = json.loads(r.stdout)
    moves = [(e["from_stage"], e["to_stage"], e["date"]) for e in data if e["kind"] == "transition"]
    assert len(moves) == 10
    assert moves[5] == ("procurement", "construction", "2026-06-01")
    assert data[0]["kind"] == "init"
    r = xmgl("-C", history.root, "log", "--all", "--format", "json")
    kinds = [e["kind"] for e in json.loads(r.stdout)]
    assert kinds.count("signers") == 1 and kinds.count("other") == 1


def test_stages_command(xmgl, example):
    r = xmgl("stages")
    assert r.exit_code == 0
    assert "项目储备（reserve）" in r.stdout and "第二十条 监督管理" in r.stdout
    r = xmgl("-C", example, "stages")
    assert "▶ 建设实施（construction）" in r.stdout
    assert "下一步可进入" in r.stdout
    r = xmgl("-C", example, "stages", "--format", "json")
    data = json.loads(r.stdout)
    assert data["current"] == "construction"
    assert data["next"] == [
        "preliminary_acceptance",
        "supervision_rectification",
        "deferred",
        "suspended",
        "terminated",
    ]
    assert len(data["stages"]) == 21


# ---------------------------------------------------------------- the real rules


def test_the_real_rules_block_a_move(history, xmgl):
    root = history.root
    assert (
        xmgl(
            "-C",
            root,
            "record",
            "payment",
            "date=2026-11-01",
            "contract=HT-2026-001",
            "amount=500万元",
        ).exit_code
        == 0
    )
    assert (
        xmgl(
            "-C",
            root,
            "record",
            "self_evaluation",
            "date=2026-11-02",
            "sent_to=大石桥市数据局,大石桥市财政局",
        ).exit_code
        == 0
    )
    before = snapshot(root)
    r = xmgl("-C", root, "advance", "self_evaluation", "--date", "2026-11-02")
    assert r.exit_code == 4
    assert "A15-OVER-BUDGET" in r.stderr and "第十五条" in r.stderr
    assert snapshot(root) == before


# ---------------------------------------------------------------- the demonstration


def test_demo_sequence_from_the_example(tmp_path, xmgl, monkeypatch):
    """The quick path a fresh machine can run (proposed for the README):

    xmgl init 演示档案 --from dossier-example --demo-key
    xmgl -C 演示档案 record preliminary_acceptance date=2026-09-20 result=合格
    xmgl -C 演示档案 advance preliminary_acceptance --date 2026-09-20
    xmgl -C 演示档案 log
    xmgl -C 演示档案 audit verify
    """
    from tests.conftest import EXAMPLE

    monkeypatch.chdir(tmp_path)
    demo = tmp_path / "演示档案"
    r = xmgl("init", "演示档案", "--from", EXAMPLE, "--demo-key")
    assert r.exit_code == 0, r.output
    assert (demo / "docs" / "可研批复.md").exists()
    assert (demo / "project.yaml").read_bytes() == (EXAMPLE / "project.yaml").read_bytes()
    r = xmgl("-C", "演示档案", "record", "preliminary_acceptance", "date=2026-09-20", "result=合格")
    assert r.exit_code == 0, r.output
    r = xmgl("-C", "演示档案", "advance", "preliminary_acceptance", "--date", "2026-09-20")
    assert r.exit_code == 0, r.output
    r = xmgl("-C", "演示档案", "log")
    assert "建设实施 → 初步验收" in r.stdout
    r = xmgl("-C", "演示档案", "audit", "verify")
    assert r.exit_code == 0 and "审计验证：通过 ✓" in r.stdout
    assert "共 2 个提交（阶段变更 1 次" in r.stdout


def test_init_from_refuses_a_broken_source_and_creates_nothing(tmp_path, xmgl, example):
    from tests.conftest import replace_in_project

    replace_in_project(example, "construction_months: 12", "construction_months: 十二")
    r = xmgl("init", tmp_path / "new", "--from", example)
    assert r.exit_code == 3 and "construction_months" in r.stderr
    assert not (tmp_path / "new").exists()


def test_record_commit_that_cannot_be_signed_writes_nothing(signed_dossier, xmgl, tmp_path):
    root = signed_dossier
    fake = tmp_path / "refuse-to-sign"
    fake.write_text("#!/bin/sh\nexit 1\n")
    fake.chmod(0o755)
    git(root, "config", "gpg.ssh.program", str(fake))
    before = snapshot(root)
    r = xmgl(
        "-C", root, "record", "plan_call", "date=2025-06-10", "year=2026", "deadline=2025-07-15",
        "--commit",
    )  # fmt: skip
    assert r.exit_code == 5 and "档案保持原样" in flat(r.stderr)
    assert snapshot(root) == before


# ---------------------------------------------------------------- one signer policy (issue 13)


def test_a_key_valid_only_later_is_refused_by_signers_advance_and_the_audit(
    signed_dossier, xmgl, ssh_keys, monkeypatch
):
    """``signers``, the ``advance`` pre-check and the audit ask one function: same answer."""
    root = signed_dossier
    zhang = ssh_keys("zhangwei")
    r = xmgl(
        "-C", root, "signers", "add", "zhangwei@example.gov.cn", f"{zhang}.pub",
        "--name", "张伟", "--valid-after", "2099-01-01",
    )  # fmt: skip
    assert r.exit_code == 0, r.output
    person(monkeypatch, "张伟", "zhangwei@example.gov.cn")
    assert xmgl("-C", root, "signers", "use", zhang).exit_code == 0
    r = xmgl("-C", root, "signers")
    assert "已在名单中" not in r.stdout
    assert flat("现在不能签名") in flat(r.stdout) and "valid-after" in r.stdout
    r = xmgl("-C", root, "signers", "--format", "json")
    local = json.loads(r.stdout)["local"]
    assert local["allowed"] is False and local["status"] == "key-not-yet-valid"
    # the pre-check of advance / record --commit and the editor refuse before signing
    before = git(root, "rev-parse", "HEAD")
    r = xmgl(
        "-C", root, "record", "reserve_entry", "date=2025-06-05",
        "document_no=大数据发〔2025〕12号", "--commit",
    )  # fmt: skip
    assert r.exit_code == 5 and flat("有效期（valid-after）还没有开始") in flat(r.stderr)
    r = xmgl("-C", root, "signers", "add", "x@example.gov.cn", f"{ssh_keys('mallory')}.pub")
    assert r.exit_code == 5 and flat("有效期（valid-after）还没有开始") in flat(r.stderr)
    assert git(root, "rev-parse", "HEAD") == before
    # a commit made anyway (plain git) is judged the same way by the audit, with its own code
    git(root, "commit", "-q", "-S", "--allow-empty", "-m", "补充说明")
    report = verify(root)
    codes = {f.code for c in report.commits for f in c.findings if f.severity == "error"}
    assert codes == {"key-not-yet-valid"}
    assert "self-authorized" not in codes
