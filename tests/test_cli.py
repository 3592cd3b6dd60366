"""The command line itself: Chinese help, errors without tracebacks, -C, init and show."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import EXAMPLE, REPO, replace_in_project
from xmgl import __version__
from xmgl.dossier.loader import load_dossier

CJK = re.compile(r"[\u4e00-\u9fff]")


def all_command_paths():
    from typer.main import get_command

    from xmgl.cli.app import app

    def walk(cmd, prefix):
        yield prefix, cmd
        for name, sub in getattr(cmd, "commands", {}).items():
            yield from walk(sub, [*prefix, name])

    return list(walk(get_command(app), []))


def test_version(xmgl):
    result = xmgl("--version")
    assert result.stdout.strip() == f"xmgl {__version__}"


@pytest.mark.parametrize("path", [p for p, _ in all_command_paths()], ids=" ".join)
def test_every_command_has_chinese_help_within_80_columns(xmgl, path):
    result = xmgl(*path, "--help")
    assert result.exit_code == 0
    assert "用法:" in result.stdout and "选项" in result.stdout
    assert "Show this message" not in result.stdout
    lines = result.stdout.splitlines()
    assert max(len(line) for line in lines) <= 80
    # the command's own description is Chinese
    assert CJK.search("\n".join(lines[3:6])), result.stdout


def test_every_option_help_is_chinese():
    for path, cmd in all_command_paths():
        for param in cmd.params:
            help_text = getattr(param, "help", None)
            if param.name in ("help",) or help_text is None:
                continue
            assert CJK.search(help_text), f"{' '.join(path)} {param.name}: {help_text!r}"


def test_unknown_option_is_a_chinese_usage_error(xmgl):
    result = xmgl("-C", EXAMPLE, "show", "--formt", "json")
    assert result.exit_code == 2
    assert "没有这个选项：--formt" in result.stderr
    assert "--format" in result.stderr  # did-you-mean
    assert "Traceback" not in result.output


def test_unknown_command(xmgl):
    result = xmgl("shwo")
    assert result.exit_code == 2
    assert "没有这个命令" in result.stderr


def test_bad_choice_and_bad_date(xmgl):
    result = xmgl("-C", EXAMPLE, "show", "--format", "xml")
    assert result.exit_code == 2 and "--format 不能取 “xml”" in result.stderr
    result = xmgl("--as-of", "2026-02-30", "-C", EXAMPLE, "show")
    assert result.exit_code == 2
    assert "--as-of 的日期 “2026-02-30” 无效：2026年2月只有28天" in result.stderr


def test_missing_directory(xmgl, tmp_path):
    result = xmgl("-C", tmp_path / "nope", "show")
    assert result.exit_code == 2 and "-C 指定的目录不存在" in result.stderr


def test_not_a_dossier(xmgl, tmp_path):
    result = xmgl("-C", tmp_path, "show")
    assert result.exit_code == 3
    assert "找不到项目档案" in result.stderr and "xmgl init" in result.stderr


def test_debug_shows_the_traceback_and_nothing_else_does(xmgl, example):
    replace_in_project(example, "cloud: 营口市政务云", "cloud: 营口政务云")
    quiet = xmgl("-C", example, "show")
    loud = xmgl("--debug", "-C", example, "show")
    assert quiet.exit_code == loud.exit_code == 3
    assert "Traceback" not in quiet.output
    assert "Traceback" in loud.stderr and "DossierError" in loud.stderr


def test_show_text(xmgl):
    result = xmgl("-C", EXAMPLE, "show")
    assert result.exit_code == 0
    out = result.stdout
    assert "大石桥市城市运行综合指挥平台建设项目" in out
    assert "建设实施（construction）" in out
    assert "372.5万元（3,725,000元）" in out  # 概算 in force
    assert "205.74万元（2,057,400元）" in out  # paid: 101.4 + 2.94 + 101.4 万元
    assert "55.23%" in out
    assert max(len(line) for line in out.splitlines()) <= 80


def test_show_json(xmgl):
    payload = json.loads(xmgl("-C", EXAMPLE, "show", "--format", "json").stdout)
    assert payload["stage"] == "construction"
    assert payload["money"] == {
        "estimate": "3860000",
        "budget": "3725000",
        "contracted": "3478000",
        "paid": "2057400",
        "pay_rate_percent": "55.23",
        "operation": {"contracts": [], "contracted": "0", "paid": "0"},
    }
    assert {"event": "可研批复", "date": "2026-03-10"} in payload["key_dates"]
    assert payload["data"]["project"]["unit"] == "大石桥市城市管理综合行政执法局"


def test_dash_c_from_a_subdirectory(xmgl):
    result = xmgl("-C", EXAMPLE / "docs", "show", "--format", "json")
    assert json.loads(result.stdout)["dossier"] == str(EXAMPLE)


def git(root, *args):
    return subprocess.run(
        ["git", "-C", str(root), *args], capture_output=True, text=True, check=True
    ).stdout


def test_init_creates_a_loadable_committed_dossier(xmgl, tmp_path):
    target = tmp_path / "新项目"
    result = xmgl("--as-of", "2026-11-27", "init", target, "--name", "测试项目", "--unit", "某局")
    assert result.exit_code == 0, result.output
    d = load_dossier(target)
    assert d.project.name == "测试项目"
    assert d.project.unit == "某局"
    assert d.project.legal_person == "【待填写】"
    assert d.stage_name == "reserve"
    assert d.stage.since.isoformat() == "2026-11-27"
    text = (target / "project.yaml").read_text(encoding="utf-8")
    assert "# 项目基本信息（第二条、第十三条）" in text  # commented scaffold
    assert git(target, "status", "--porcelain") == ""
    assert git(target, "log", "--format=%s").strip() == "新建项目档案"
    tracked = git(target, "ls-files").split()
    assert "project.yaml" in tracked and "docs/README.md" in tracked
    assert not any("key" in name and not name.endswith(".md") for name in tracked)


def test_init_refuses_a_non_empty_directory_and_changes_nothing(xmgl, tmp_path):
    target = tmp_path / "existing"
    target.mkdir()
    (target / "notes.txt").write_text("keep me", encoding="utf-8")
    result = xmgl("init", target)
    assert result.exit_code == 4
    assert "不是空目录" in result.stderr
    assert [p.name for p in target.iterdir()] == ["notes.txt"]


def test_init_without_git_identity_leaves_nothing(xmgl, tmp_path, monkeypatch):
    for var in ("GIT_AUTHOR_NAME", "GIT_AUTHOR_EMAIL", "GIT_COMMITTER_NAME", "GIT_COMMITTER_EMAIL"):
        monkeypatch.delenv(var)
    Path(tmp_path / "home.gitconfig").write_text("", encoding="utf-8")
    monkeypatch.setenv("GIT_CONFIG_GLOBAL", str(tmp_path / "home.gitconfig"))
    target = tmp_path / "p"
    result = xmgl("init", target)
    assert result.exit_code == 4
    assert "user.name" in result.stderr
    assert not target.exists()


def test_init_rejects_an_unknown_nature(xmgl, tmp_path):
    result = xmgl("init", tmp_path / "p", "--nature", "新建项目")
    assert result.exit_code == 2 and "新建、改扩建、运行维护" in result.stderr
    assert not (tmp_path / "p").exists()


def test_module_entry_point_and_exit_code_in_a_real_process(tmp_path):
    proc = subprocess.run(
        [sys.executable, "-m", "xmgl", "-C", str(EXAMPLE), "show", "--format", "json"],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        env=_env(),
    )
    assert proc.returncode == 0, proc.stderr
    assert json.loads(proc.stdout)["stage"] == "construction"


def _env():
    import os

    env = dict(os.environ)
    env["PYTHONPATH"] = str(REPO)
    return env
