"""Real ssh-keygen keys and throw-away git repositories driven through the git binary.

Imported by conftest.py so that the fixtures are visible to every test."""

from __future__ import annotations

import os
import subprocess
from dataclasses import dataclass
from pathlib import Path

import pytest

# Variables that would point git at another repository or leak host config.
GIT_LEAKS = (
    "GIT_DIR",
    "GIT_WORK_TREE",
    "GIT_INDEX_FILE",
    "GIT_OBJECT_DIRECTORY",
    "GIT_ALTERNATE_OBJECT_DIRECTORIES",
    "GIT_COMMON_DIR",
    "GIT_CONFIG",
    "GIT_CONFIG_PARAMETERS",
    "GIT_CONFIG_COUNT",
    "GIT_NO_REPLACE_OBJECTS",
    "GIT_GRAFT_FILE",
    "SSH_AUTH_SOCK",
)


def _need(tool: str) -> None:
    from tests.tools import need

    need(tool)


def run(
    *args: str | os.PathLike[str],
    input: bytes | None = None,
    env: dict[str, str] | None = None,
) -> str:
    proc = subprocess.run(
        [os.fspath(a) for a in args],
        input=input,
        capture_output=True,
        check=False,
        env=None if env is None else {**os.environ, **env},
    )
    if proc.returncode != 0:
        raise AssertionError(
            f"{' '.join(map(str, args))} -> {proc.returncode}\n{proc.stderr.decode()}"
        )
    return proc.stdout.decode()


@dataclass(frozen=True)
class Key:
    path: Path  # private key; public key at path.with_suffix(".pub")

    @property
    def pub(self) -> Path:
        return Path(f"{self.path}.pub")

    @property
    def line(self) -> str:
        """``<type> <base64>`` without the comment, as written in allowed_signers."""
        return " ".join(self.pub.read_text().split()[:2])


@pytest.fixture(scope="session")
def keys(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Key]:
    """Real keys made by ssh-keygen, once per session."""
    _need("ssh-keygen")
    d = tmp_path_factory.mktemp("keys")
    specs = {
        "alice": ["-t", "ed25519"],
        "bob": ["-t", "ed25519"],
        "mallory": ["-t", "ed25519"],
        "carol": ["-t", "ecdsa", "-b", "256"],
        "erin": ["-t", "ecdsa", "-b", "384"],
        "frank": ["-t", "ecdsa", "-b", "521"],
        "dave": ["-t", "rsa", "-b", "2048"],
    }
    out = {}
    for name, spec in specs.items():
        path = d / name
        run("ssh-keygen", "-q", *spec, "-N", "", "-C", f"{name}@example.com", "-f", path)
        out[name] = Key(path)
    return out


class Repo:
    """A throw-away repository driven through the git binary."""

    def __init__(self, path: Path, object_format: str = "sha1") -> None:
        _need("git")
        self.path = path
        run("git", "init", "-q", f"--object-format={object_format}", "-b", "main", path)

    def git(
        self,
        *args: str | os.PathLike[str],
        input: bytes | None = None,
        env: dict[str, str] | None = None,
    ) -> str:
        return run("git", "-C", self.path, *args, input=input, env=env)

    def commit(
        self,
        message: str,
        key: Key | None = None,
        *,
        date: str | None = None,
        files: dict[str, str] | None = None,
    ) -> str:
        for name, text in (files or {}).items():
            target = self.path / name
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(text)
            self.git("add", name)
        args: list[str] = []
        if key is not None:
            args = ["-c", "gpg.format=ssh", "-c", f"user.signingkey={key.path}"]
        env = None if date is None else {"GIT_AUTHOR_DATE": date, "GIT_COMMITTER_DATE": date}
        sign = "-S" if key else "--no-gpg-sign"
        self.git(*args, "commit", "-q", "--allow-empty", sign, "-m", message, env=env)
        return self.git("rev-parse", "HEAD").strip()

    def write_commit_object(self, raw: bytes) -> str:
        """Store a raw commit object as it stands (no checks) and return its id."""
        return self.git(
            "hash-object", "-t", "commit", "-w", "--literally", "--stdin", input=raw
        ).strip()

    def statuses(self, allowed_file: Path, *shas: str) -> dict[str, tuple[str, str, str]]:
        """The reference verifier: ``git log --no-walk --format=%H %G? %GK %GS``."""
        out = self.git(
            "-c",
            f"gpg.ssh.allowedSignersFile={allowed_file}",
            "log",
            "--no-walk=unsorted",
            "--format=%H%x00%G?%x00%GK%x00%GS",
            *shas,
        )
        result = {}
        for line in out.splitlines():
            sha, status, fpr, signer = line.split("\0")
            result[sha] = (status, fpr, signer)
        return result


@pytest.fixture
def make_repo(tmp_path: Path):
    counter = iter(range(1000))

    def factory(object_format: str = "sha1") -> Repo:
        return Repo(tmp_path / f"repo{next(counter)}", object_format)

    return factory
