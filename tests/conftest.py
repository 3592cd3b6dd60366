"""Shared fixtures: real files, real git, the real CLI (in-process)."""

from __future__ import annotations

import io
import os
import shutil
import sys
from collections.abc import Callable
from contextlib import redirect_stderr, redirect_stdout
from dataclasses import dataclass
from pathlib import Path

import pytest

from tests.gitfixtures import GIT_LEAKS, keys, make_repo  # noqa: F401 - fixtures

REPO = Path(__file__).resolve().parent.parent
EXAMPLE = REPO / "dossier-example"


@dataclass
class Result:
    exit_code: int
    stdout: str
    stderr: str

    @property
    def output(self) -> str:
        return self.stdout + self.stderr


def run_cli(*args: str | os.PathLike) -> Result:
    """Run ``xmgl args…`` in this process, exactly as the console script does."""
    from xmgl.cli.main import run

    out, err = io.StringIO(), io.StringIO()
    with redirect_stdout(out), redirect_stderr(err):
        code = run([str(a) for a in args])
    return Result(code, out.getvalue(), err.getvalue())


@pytest.fixture
def xmgl() -> Callable[..., Result]:
    return run_cli


@pytest.fixture(autouse=True)
def _isolated_environment(tmp_path_factory, monkeypatch):
    """No host git config, no colour, an 80-column terminal, a known git identity."""
    for name in GIT_LEAKS:
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("LC_ALL", "C.UTF-8")
    home = tmp_path_factory.mktemp("home")
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.setenv("GIT_CONFIG_GLOBAL", str(home / ".gitconfig"))
    monkeypatch.setenv("GIT_CONFIG_NOSYSTEM", "1")
    monkeypatch.setenv("GIT_AUTHOR_NAME", "刘晓梅")
    monkeypatch.setenv("GIT_AUTHOR_EMAIL", "liuxm@example.gov.cn")
    monkeypatch.setenv("GIT_COMMITTER_NAME", "刘晓梅")
    monkeypatch.setenv("GIT_COMMITTER_EMAIL", "liuxm@example.gov.cn")
    (home / ".gitconfig").write_text(
        "[user]\n\tname = 刘晓梅\n\temail = liuxm@example.gov.cn\n[init]\n\tdefaultBranch = main\n",
        encoding="utf-8",
    )
    monkeypatch.setenv("COLUMNS", "80")
    monkeypatch.setenv("NO_COLOR", "1")
    monkeypatch.delenv("FORCE_COLOR", raising=False)
    monkeypatch.setenv("TERM", "dumb")


@pytest.fixture
def example(tmp_path) -> Path:
    """A private copy of dossier-example/ (not a git repository)."""
    target = tmp_path / "dossier"
    shutil.copytree(EXAMPLE, target, ignore=shutil.ignore_patterns("reports"))
    return target


def edit_project(root: Path, change: Callable[[dict], object]) -> None:
    """Change project.yaml through ruamel's round-trip mode (comments kept)."""
    from ruamel.yaml import YAML

    yaml = YAML(typ="rt")
    path = root / "project.yaml"
    data = yaml.load(path.read_text(encoding="utf-8"))
    change(data)
    buf = io.StringIO()
    yaml.dump(data, buf)
    path.write_text(buf.getvalue(), encoding="utf-8")


def line_of(root: Path, needle: str, nth: int = 1) -> int:
    """1-based line number of the nth line containing ``needle`` in project.yaml."""
    seen = 0
    for i, line in enumerate((root / "project.yaml").read_text(encoding="utf-8").splitlines(), 1):
        if needle in line:
            seen += 1
            if seen == nth:
                return i
    raise AssertionError(f"{needle!r} not in project.yaml")


def replace_in_project(root: Path, old: str, new: str, count: int = 1) -> None:
    path = root / "project.yaml"
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in project.yaml"
    path.write_text(text.replace(old, new, count), encoding="utf-8")


assert sys.version_info >= (3, 11)
