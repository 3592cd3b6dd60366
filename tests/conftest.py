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


PACKAGE_YEARS = (2004, 2026)
"""The years chinese-calendar 1.11 covers. Tests pin the package's coverage to them, so a
release that adds 2027 does not change what they expect ("2027 is not in the data")."""


@pytest.fixture(autouse=True)
def _chinese_calendar_as_of_1_11(monkeypatch):
    from xmgl.domain import holidays

    lo, hi = holidays.package_years()
    assert (lo, hi >= PACKAGE_YEARS[1]) == (PACKAGE_YEARS[0], True), (
        "installed chinesecalendar covers less than 1.11 did"
    )
    monkeypatch.setattr(holidays, "package_years", lambda: PACKAGE_YEARS)


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


#: The annual plan draft every report test makes: 2027, as of 2026-12-20.
PLAN_ARGS = ("--plan-year", "2027", "--as-of", "2026-12-20")


def make_plan_dossiers(top: Path) -> Path:
    """Two units asking for 2027 money, the inputs of the plan-draft tests: the
    example (城管, a 新建 project asking for 120万元) and merged-small (营商, an
    O&M request with no amount, so the draft substitutes one). Returns ``top``;
    the draft is ``xmgl portfolio TOP *PLAN_ARGS --output STEM``."""
    from datetime import date

    for source, unit, extra in (
        (EXAMPLE, "城管", {"amount": "120万元"}),
        (REPO / "tests/dossiers/merged-small", "营商", {"nature": "运行维护"}),
    ):
        root = top / unit
        shutil.copytree(source, root, ignore=shutil.ignore_patterns("reports"))
        edit_project(
            root,
            lambda d, e=extra: d["records"].append(
                {"kind": "plan_submission", "date": date(2026, 7, 10), "year": 2027, **e}
            ),
        )
    return top


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


# ---------------------------------------------------------------- signing (lifecycle, audit)


def make_ssh_key(directory: Path, name: str) -> Path:
    """A real Ed25519 key pair made by ssh-keygen (no passphrase); returns the private key."""
    import subprocess

    directory.mkdir(parents=True, exist_ok=True)
    path = directory / name
    if not path.exists():
        subprocess.run(
            ["ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-C", name, "-f", str(path)],
            check=True,
        )
    return path


@pytest.fixture(scope="session")
def signer_key_dir(tmp_path_factory) -> Path:
    """Where signers' test keys live: outside every dossier, shared by the whole session."""
    return tmp_path_factory.mktemp("signer-keys")


@pytest.fixture
def ssh_keys(signer_key_dir) -> Callable[[str], Path]:
    """``ssh_keys('liuxm')`` → path of a real private key (its ``.pub`` beside it)."""
    return lambda name: make_ssh_key(signer_key_dir, name)


@pytest.fixture
def signed_dossier(tmp_path, ssh_keys) -> Path:
    """A dossier at stage reserve (since 2025-06-01) whose history is two signed commits.

    ``xmgl --as-of 2025-06-01 init`` with 刘晓梅's key (the trust root), then the
    example's facts and documents, no records yet, committed and signed.
    """
    import shutil
    import subprocess

    from tests.dossier_history import initial_project_text

    root = tmp_path / "signed"
    result = run_cli(
        "--as-of", "2025-06-01", "init", root, "--signing-key", ssh_keys("liuxm"), "--name", "测试"
    )
    assert result.exit_code == 0, result.output
    (root / "project.yaml").write_text(initial_project_text(), encoding="utf-8")
    for doc in (EXAMPLE / "docs").iterdir():
        shutil.copy(doc, root / "docs" / doc.name)
    subprocess.run(["git", "-C", str(root), "add", "-A"], check=True)
    subprocess.run(["git", "-C", str(root), "commit", "-q", "-m", "填写项目档案"], check=True)
    return root


def person(monkeypatch, name: str, email: str) -> None:
    """Act as another person from now on (git author and committer)."""
    for who in ("AUTHOR", "COMMITTER"):
        monkeypatch.setenv(f"GIT_{who}_NAME", name)
        monkeypatch.setenv(f"GIT_{who}_EMAIL", email)


def snapshot(root: Path) -> dict:
    """Everything a failed command must leave alone: files, index, HEAD, refs, status."""
    import hashlib
    import subprocess

    files = {}
    for p in sorted(root.rglob("*")):
        if ".git" in p.relative_to(root).parts or not p.is_file():
            continue
        files[p.relative_to(root).as_posix()] = hashlib.sha256(p.read_bytes()).hexdigest()
    git_dir = root / ".git"

    def run(*args):
        return subprocess.run(
            ["git", "--no-optional-locks", "-C", str(root), *args], capture_output=True, check=False
        ).stdout

    return {
        "files": files,
        "index": hashlib.sha256((git_dir / "index").read_bytes()).hexdigest()
        if (git_dir / "index").exists()
        else None,
        "head": run("rev-parse", "HEAD"),
        "refs": run("for-each-ref"),
        "status": run("status", "--porcelain=v1", "--untracked-files=all"),
        "locks": sorted(p.name for p in git_dir.glob("*.lock")),
    }


def flat(text: str) -> str:
    """Text without whitespace: Rich breaks lines at 80 columns, sometimes at a space."""
    import re

    return re.sub(r"\s+", "", text)


@pytest.fixture(scope="session")
def _history_template(tmp_path_factory, signer_key_dir):
    """The ten-transition history (tests/dossier_history.py), built once per session."""
    from tests.dossier_history import build

    base = tmp_path_factory.mktemp("history")
    home = base / "home"
    home.mkdir()
    (home / ".gitconfig").write_text(
        "[user]\n\tname = 刘晓梅\n\temail = liuxm@example.gov.cn\n[init]\n\tdefaultBranch = main\n",
        encoding="utf-8",
    )
    with pytest.MonkeyPatch.context() as mp:
        from tests.gitfixtures import GIT_LEAKS

        for name in GIT_LEAKS:
            mp.delenv(name, raising=False)
        mp.setenv("HOME", str(home))
        mp.setenv("GIT_CONFIG_GLOBAL", str(home / ".gitconfig"))
        mp.setenv("GIT_CONFIG_NOSYSTEM", "1")
        mp.setenv("LC_ALL", "C.UTF-8")
        mp.setenv("COLUMNS", "80")
        mp.setenv("NO_COLOR", "1")
        mp.setenv("TERM", "dumb")
        for role in ("AUTHOR", "COMMITTER"):
            mp.setenv(f"GIT_{role}_NAME", "刘晓梅")
            mp.setenv(f"GIT_{role}_EMAIL", "liuxm@example.gov.cn")
        return build(base, signer_key_dir)


@pytest.fixture
def history(_history_template, tmp_path):
    """A private copy of the ten-transition history (acting as 刘晓梅)."""
    return _history_template.copy(tmp_path / "history")
