"""Output options never overwrite the dossier, git's own files, or (without --force) anything.

One rule (xmgl/outputs.py) for every command that writes an output file; the
table below runs each command against each kind of forbidden target and checks
the exit code, the Chinese message and that the target's bytes are unchanged.
"""

from __future__ import annotations

import hashlib
import os
import subprocess
from pathlib import Path

import pytest

AS_OF = "2026-03-01"


def _calendar(root: Path, target: Path, *extra: str):
    return ("-C", root, "calendar", "--as-of", AS_OF, "--ics", target, *extra)


def _portfolio(root: Path, target: Path, *extra: str):
    return ("portfolio", root, "--as-of", AS_OF, "--format", "csv", "--output", target, *extra)


def _report(root: Path, target: Path, *extra: str):
    return ("-C", root, "--as-of", AS_OF, "report", "fsr", "--output", target, *extra)


COMMANDS = {"calendar --ics": _calendar, "portfolio --output": _portfolio, "report": _report}


@pytest.fixture
def dossier(example) -> Path:
    """The example dossier as a git repository (so it has a .git/ to protect)."""
    subprocess.run(["git", "init", "-q", str(example)], check=True)
    return example


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


FORBIDDEN = {
    "project.yaml": lambda root: root / "project.yaml",
    "a referenced document": lambda root: root / "docs" / "数据目录.md",
    ".git/config": lambda root: root / ".git" / "config",
    "git's HEAD": lambda root: root / ".git" / "HEAD",
    "a signers file": lambda root: _made(root / ".xmgl" / "allowed_signers"),
}


def _made(path: Path) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("# 允许签名的人员\n", encoding="utf-8")
    return path


@pytest.mark.parametrize("force", [False, True], ids=["", "--force"])
@pytest.mark.parametrize("what", list(FORBIDDEN))
@pytest.mark.parametrize("command", list(COMMANDS))
def test_the_dossier_and_git_are_never_output_targets(xmgl, dossier, command, what, force):
    target = FORBIDDEN[what](dossier)
    before = digest(target)
    r = xmgl(*COMMANDS[command](dossier, target, *(["--force"] if force else [])))
    assert r.exit_code == 2, r.output
    assert f"不能把输出写到 {target}" in r.stderr
    assert "即使加 --force 也不会覆盖它" in r.stderr
    assert digest(target) == before


@pytest.mark.parametrize("command", list(COMMANDS))
def test_a_symlink_onto_the_dossier_is_followed_and_refused(xmgl, dossier, command, tmp_path):
    link = tmp_path / ("link.docx" if command == "report" else "link.out")
    os.symlink(dossier / "project.yaml", link)
    before = digest(dossier / "project.yaml")
    r = xmgl(*COMMANDS[command](dossier, link, "--force"))
    assert r.exit_code == 2, r.output
    assert "这是项目档案 project.yaml" in r.stderr
    assert link.is_symlink() and digest(dossier / "project.yaml") == before


@pytest.mark.parametrize("command", list(COMMANDS))
def test_an_existing_file_needs_force(xmgl, dossier, command, tmp_path):
    target = tmp_path / ("旧.docx" if command == "report" else "旧文件")
    target.write_bytes(b"keep me")
    r = xmgl(*COMMANDS[command](dossier, target))
    assert r.exit_code == 6, r.output
    assert "已存在，未覆盖" in r.stderr and "--force" in r.stderr
    assert target.read_bytes() == b"keep me"
    r = xmgl(*COMMANDS[command](dossier, target, "--force"))
    assert r.exit_code == 0, r.output
    assert target.read_bytes() != b"keep me"


def test_calendar_with_force_writes_the_calendar(xmgl, dossier, tmp_path):
    target = tmp_path / "期限.ics"
    target.write_text("old", encoding="utf-8")
    r = xmgl(*_calendar(dossier, target, "--force"))
    assert r.exit_code == 0, r.output
    assert target.read_text(encoding="utf-8").startswith("BEGIN:VCALENDAR")
    assert not list(tmp_path.glob(".*.xmgl-tmp"))


def test_audit_export_and_anchor_keep_off_git_and_existing_files(xmgl, signed_dossier, tmp_path):
    root = signed_dossier
    config = digest(root / ".git" / "config")
    r = xmgl("-C", root, "audit", "export", "--output-dir", root / ".git")
    assert r.exit_code == 2, r.output
    assert "git 仓库的内部目录 .git" in r.stderr
    assert digest(root / ".git" / "config") == config
    assert not list((root / ".git").glob("阶段变更审计-*"))
    out = tmp_path / "导出"
    r = xmgl("-C", root, "--as-of", "2025-06-02", "audit", "export", "--output-dir", out)
    assert r.exit_code == 0, r.output
    docx = out / "阶段变更审计-2025-06-02.docx"
    first = digest(docx)
    r = xmgl("-C", root, "--as-of", "2025-06-02", "audit", "export", "--output-dir", out)
    assert r.exit_code == 6, r.output
    assert f"{docx} 已存在，未覆盖" in r.stderr
    assert digest(docx) == first
    anchor = tmp_path / "锚点.txt"
    anchor.write_text("前一次的锚点\n", encoding="utf-8")
    r = xmgl("-C", root, "audit", "anchor", "--output", anchor)
    assert r.exit_code == 6, r.output
    assert anchor.read_text(encoding="utf-8") == "前一次的锚点\n"
    r = xmgl("-C", root, "audit", "anchor", "--output", anchor, "--force")
    assert r.exit_code == 0, r.output
    assert "xmgl 审计锚点" in anchor.read_text(encoding="utf-8")
