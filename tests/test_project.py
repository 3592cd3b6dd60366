"""The project's own promises: README commands, CI, generated docs, a real wheel."""

from __future__ import annotations

import os
import re
import subprocess
import sys
import zipfile

import pytest

from tests.conftest import REPO

README = (REPO / "README.md").read_text(encoding="utf-8")


def readme_commands() -> list[str]:
    return re.findall(r"```sh\n(.+?)\n```", README, re.S)


def test_readme_opens_with_two_commands_and_ci_runs_the_second():
    first, second = readme_commands()[:2]
    assert "pip install ." in first and "dossier-example" in first
    assert "pytest" in second
    ci = (REPO / ".ci" / "run").read_text(encoding="utf-8")
    assert second in ci.splitlines()


def test_format_reference_is_generated_from_the_schema():
    proc = subprocess.run(
        [sys.executable, str(REPO / "tools" / "gen_format_doc.py"), "--check"],
        capture_output=True,
        text=True,
    )
    assert proc.returncode == 0, proc.stdout


def test_every_record_kind_is_documented():
    from xmgl.domain.schema import RECORD_KINDS

    doc = (REPO / "docs" / "dossier-format.md").read_text(encoding="utf-8")
    for kind in RECORD_KINDS:
        assert f"#### `{kind}`" in doc


@pytest.mark.slow
def test_a_plain_wheel_ships_templates_and_runs_outside_the_repo(tmp_path):
    """`pip install .` (not editable) must carry templates/ and the scaffold."""
    wheel_dir = tmp_path / "wheel"
    proc = subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", str(wheel_dir), str(REPO)],
        capture_output=True,
        text=True,
    )
    assert proc.returncode == 0, proc.stderr
    (wheel,) = wheel_dir.glob("xmgl-*.whl")
    names = zipfile.ZipFile(wheel).namelist()
    assert "xmgl/scaffold/project.yaml.tmpl" in names
    assert "xmgl/domain/dashiqiao-2025.txt" in names  # the regulation the tool quotes
    assert any(n.startswith("xmgl/templates/") for n in names)
    target = tmp_path / "site"
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "install",
            "--no-deps",
            "-q",
            "--target",
            str(target),
            str(wheel),
        ],
        check=True,
    )
    env = dict(os.environ, PYTHONPATH=str(target))
    outside = tmp_path / "elsewhere"
    outside.mkdir()
    proc = subprocess.run(
        [sys.executable, "-c", "import xmgl, sys; print(xmgl.__file__)"],
        capture_output=True,
        text=True,
        cwd=outside,
        env=env,
    )
    assert proc.stdout.startswith(str(target)), proc.stdout
    proc = subprocess.run(
        [sys.executable, "-m", "xmgl", "-C", str(REPO / "dossier-example"), "show"],
        capture_output=True,
        text=True,
        cwd=outside,
        env=env,
    )
    assert proc.returncode == 0, proc.stderr
    assert "大石桥市城市运行综合指挥平台建设项目" in proc.stdout
    proc = subprocess.run(
        [sys.executable, "-m", "xmgl", "init", str(outside / "新档案")],
        capture_output=True,
        text=True,
        cwd=outside,
        env=env,
    )
    assert proc.returncode == 0, proc.stderr
    assert "format_version: 1" in (outside / "新档案" / "project.yaml").read_text("utf-8")


def test_the_readme_main_job_runs_on_a_copy_of_the_example(xmgl, example):
    """Every xmgl call of the README's first command, on a private copy of the example."""
    import shlex

    import docx

    first = readme_commands()[0]
    calls = [shlex.split(part)[1:] for part in first.split(" && ") if part.startswith("xmgl ")]
    assert len(calls) >= 3
    for args in calls:
        args = [str(example) if a == "dossier-example" else a for a in args]
        result = xmgl(*args)
        assert result.exit_code == 0, (args, result.output)
    assert "共 0 个错误" in xmgl("--as-of", "2026-11-27", "-C", example, "validate").stdout
    reports = sorted(p.name for p in (example / "reports").glob("*.docx"))
    assert len(reports) == 2, reports
    texts = [
        "\n".join(p.text for p in docx.Document(example / "reports" / n).paragraphs)
        for n in reports
    ]
    assert any("可行性研究报告" in t for t in texts)
    assert any("季度报告" in t for t in texts)


def test_the_readme_signing_demo_runs(xmgl, tmp_path, monkeypatch):
    block = readme_commands()[2]
    monkeypatch.chdir(tmp_path)
    for line in block.splitlines():
        args = [
            str(REPO / "dossier-example") if a == "dossier-example" else a
            for a in __import__("shlex").split(line)[1:]
        ]
        result = xmgl(*args)
        assert result.exit_code == 0, (line, result.output)
    assert "审计验证：通过" in result.stdout


def test_a_missing_tool_skips_here_and_fails_in_ci(monkeypatch):
    from tests import tools

    monkeypatch.setenv("PATH", "")
    monkeypatch.delenv(tools.VARIABLE, raising=False)
    with pytest.raises(pytest.skip.Exception, match="gpg is not installed"):
        tools.need("gpg")
    monkeypatch.setenv(tools.VARIABLE, "1")
    with pytest.raises(pytest.fail.Exception, match="gpg is not installed"):
        tools.need("gpg")
    with pytest.raises(pytest.fail.Exception, match="no_such_module_xyz"):
        tools.need_module("no_such_module_xyz")


def test_ci_requires_the_tools():
    ci = (REPO / ".ci" / "run").read_text(encoding="utf-8")
    assert "export XMGL_REQUIRE_TOOLS=1" in ci.splitlines()


def test_no_test_skips_around_the_shared_helper():
    """Skips for missing tools go through tests/tools.py, which CI turns into failures."""
    import ast

    for path in sorted((REPO / "tests").glob("*.py")):
        if path.name == "tools.py":
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            called = ast.unparse(node.func) if isinstance(node, ast.Call) else ""
            if called in ("pytest.skip", "pytest.importorskip"):
                raise AssertionError(f"{path.name}:{node.lineno} skips; use tests.tools")


def test_ci_type_checks_the_domain_and_the_audit():
    import tomllib

    config = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["mypy"]
    assert set(config["files"]) == {"xmgl/domain", "xmgl/gitaudit"}
    assert config["check_untyped_defs"] is True
    assert "mypy" in (REPO / ".ci" / "run").read_text(encoding="utf-8").splitlines()


def _mypy_strict_flags() -> set[str]:
    """The flags ``mypy --strict`` turns on, as the installed mypy's --help lists them."""
    env = {**os.environ, "COLUMNS": "1000"}
    out = subprocess.run(
        [sys.executable, "-m", "mypy", "--help"], capture_output=True, text=True, env=env
    ).stdout
    found = re.search(r"enables the following flags:(.*?)\n\s*--", out, re.S)
    assert found is not None, out
    listed = re.sub(r"\s+", " ", re.sub(r"-\n\s+", "-", found.group(1)))
    return {f.strip(" .").removeprefix("--").replace("-", "_") for f in listed.split(",")}


def test_the_domain_and_the_audit_are_mypy_strict():
    """`strict` is a command-line switch only: the override lists every flag it enables."""
    import tomllib

    mypy = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["mypy"]
    strict = [o for o in mypy.get("overrides", []) if "xmgl.domain.*" in o["module"]]
    assert len(strict) == 1, mypy.get("overrides")
    assert set(strict[0]["module"]) == {"xmgl.domain.*", "xmgl.gitaudit.*"}
    flags = _mypy_strict_flags()
    assert "disallow_untyped_defs" in flags and "warn_return_any" in flags, flags
    on = {k for k, v in strict[0].items() if v is True} | {k for k, v in mypy.items() if v is True}
    assert flags <= on, f"missing from [[tool.mypy.overrides]]: {sorted(flags - on)}"
