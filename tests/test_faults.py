"""File-system faults and interrupts: a Chinese error with a documented code, nothing lost.

Permission denied, a read-only dossier, a full disk and a deleted current
directory each end in exit 8 (docs/exit-codes.md) with what the system said,
and the dossier is byte-identical afterwards. A full disk and a read-only disk
are real (a small tmpfs, mounted when the tests run as root); permission denied
is injected at the file-system boundary (root ignores permission bits). Ctrl-C
is a real SIGINT sent to a real ``xmgl`` process at many moments.
"""

from __future__ import annotations

import errno
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.conftest import EXAMPLE
from tests.tools import missing

XMGL = [
    sys.executable,
    "-c",
    "import sys; sys.argv[0] = 'xmgl'; from xmgl.cli.main import main; main()",
]


def _snapshot(root: Path) -> dict[str, bytes]:
    return {
        p.relative_to(root).as_posix(): p.read_bytes()
        for p in sorted(root.rglob("*"))
        if p.is_file() and ".git" not in p.parts
    }


@pytest.fixture
def tmpfs(tmp_path):
    """A 600 kB tmpfs (real ENOSPC and EROFS); skipped where mounting is not allowed."""
    mount = tmp_path / "small"
    mount.mkdir()
    if os.geteuid() != 0 or shutil.which("mount") is None:
        missing("root and mount (to mount a small tmpfs)")
    made = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", "size=600k", "tmpfs", str(mount)], capture_output=True
    )
    if made.returncode != 0:
        missing("permission to mount a tmpfs")
    yield mount
    subprocess.run(["umount", "-l", str(mount)], check=False)


def _dossier_in(folder: Path) -> Path:
    root = folder / "d"
    shutil.copytree(EXAMPLE, root, ignore=shutil.ignore_patterns("reports"))
    return root


def _fill(folder: Path) -> None:
    fd = os.open(folder / "fill", os.O_WRONLY | os.O_CREAT)
    try:
        while True:
            os.write(fd, b"\0" * 4096)
    except OSError as err:
        assert err.errno == errno.ENOSPC
    finally:
        os.close(fd)


COMMANDS_THAT_WRITE = [
    (["record", "progress", "description=完成联调", "percent=60"], "project.yaml"),
    (["report", "fsr", "--output", "{out}/可研.docx"], "可研.docx"),
    (["report", "quarterly", "--output", "{out}/季度.docx"], "季度.docx"),
    (["calendar", "--ics", "{out}/期限.ics"], "期限.ics"),
]


@pytest.mark.parametrize(("argv", "what"), COMMANDS_THAT_WRITE)
# An object left half-written (an open zipfile) prints "Exception ignored … Traceback"
# when the process exits: make that a failure here.
@pytest.mark.filterwarnings("error::pytest.PytestUnraisableExceptionWarning")
def test_a_full_disk_is_exit_8_and_changes_nothing(xmgl, tmpfs, argv, what):
    root = _dossier_in(tmpfs)
    _fill(tmpfs)
    before = _snapshot(root)
    args = [a.replace("{out}", str(tmpfs)) for a in argv]
    r = xmgl("-C", root, "--as-of", "2026-11-27", *args)
    assert r.exit_code == 8, r.output
    assert "磁盘空间已满" in r.stderr and "原有文件没有被改动" in r.stderr
    assert "内部错误" not in r.output and "Traceback" not in r.output
    assert _snapshot(root) == before
    assert not list(tmpfs.rglob("*.xmgl-tmp")), "a temporary file was left behind"
    assert not (tmpfs / what).exists()


@pytest.mark.parametrize(("argv", "what"), COMMANDS_THAT_WRITE)
def test_a_read_only_dossier_is_exit_8_and_says_so(xmgl, tmpfs, argv, what):
    root = _dossier_in(tmpfs)
    before = _snapshot(root)
    subprocess.run(["mount", "-o", "remount,ro", str(tmpfs)], check=True)
    args = [a.replace("{out}", str(tmpfs)) for a in argv]
    r = xmgl("-C", root, "--as-of", "2026-11-27", *args)
    assert r.exit_code == 8, r.output
    assert "只读" in r.stderr and "--output" in r.stderr
    assert _snapshot(root) == before


def _deny(monkeypatch, name: str, method: str = "read_bytes") -> None:
    original = getattr(Path, method)

    def denied(self, *a, **kw):
        if self.name == name:
            raise PermissionError(errno.EACCES, "Permission denied", str(self))
        return original(self, *a, **kw)

    monkeypatch.setattr(Path, method, denied)


@pytest.mark.parametrize("argv", [["validate"], ["show"], ["status"], ["record", "go_live"]])
def test_permission_denied_on_project_yaml(xmgl, example, monkeypatch, argv):
    _deny(monkeypatch, "project.yaml")
    r = xmgl("-C", example, *argv)
    assert r.exit_code == 8, r.output
    assert f"没有权限读写“{example / 'project.yaml'}”" in r.stderr
    assert "ls -l" in r.stderr


def test_permission_denied_on_the_temporary_file(xmgl, example, monkeypatch):
    import tempfile

    def denied(*a, **kw):
        raise PermissionError(errno.EACCES, "Permission denied", str(example / ".tmp"))

    monkeypatch.setattr(tempfile, "mkstemp", denied)
    before = _snapshot(example)
    r = xmgl("-C", example, "record", "progress", "description=联调")
    assert r.exit_code == 8 and "没有权限读写" in r.stderr
    assert _snapshot(example) == before


def test_a_deleted_current_directory(tmp_path):
    gone = tmp_path / "gone"
    gone.mkdir()
    r = subprocess.run(
        ["sh", "-c", f'cd "{gone}" && rmdir "{gone}" && exec "$@"', "sh", *XMGL, "validate"],
        capture_output=True,
        text=True,
    )
    assert r.returncode == 8, r.stderr
    assert "当前目录已不存在" in r.stderr and "Traceback" not in r.stderr


# ---------------------------------------------------------------- Ctrl-C


def _interrupt(argv: list[str], after: float, cwd: Path) -> subprocess.CompletedProcess:
    proc = subprocess.Popen(
        [*XMGL, *argv], cwd=cwd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
    )
    time.sleep(after)
    proc.send_signal(signal.SIGINT)
    out, err = proc.communicate(timeout=60)
    return subprocess.CompletedProcess(proc.args, proc.returncode, out, err)


@pytest.mark.slow
@pytest.mark.parametrize("after", [0.02, 0.05, 0.08, 0.1, 0.15, 0.2, 0.3, 0.4])
def test_ctrl_c_is_one_line_and_exit_130(tmp_path, after):
    root = _dossier_in(tmp_path)
    out = tmp_path / "out.docx"
    r = _interrupt(
        ["-C", str(root), "--as-of", "2026-11-27", "report", "fsr", "--output", str(out)],
        after,
        tmp_path,
    )
    if r.returncode == 0:  # finished before the signal
        assert out.exists()
        return
    if r.returncode != 130 and "xmgl" not in r.stderr:
        return  # interrupted inside the interpreter's own start-up, before any xmgl code
    assert r.returncode == 130, (r.returncode, r.stderr)
    lines = [line for line in r.stderr.splitlines() if line.strip()]
    assert len(lines) == 1 and lines[0].startswith("已中断"), r.stderr
    assert not out.exists() and not list(tmp_path.rglob("*.xmgl-tmp"))


@pytest.mark.slow
@pytest.mark.parametrize("after", [0.3, 0.6, 1.0])
def test_ctrl_c_during_portfolio_workers(tmp_path, after):
    roots = []
    for i in range(12):
        roots.append(_dossier_in(tmp_path / f"p{i}"))
    out = tmp_path / "plan.xlsx"
    r = _interrupt(
        ["--as-of", "2026-11-27", "portfolio", *map(str, roots), "--jobs", "2"],
        after,
        tmp_path,
    )
    assert r.returncode in (0, 130), r.stderr
    assert "Traceback" not in r.stderr and "内部错误" not in r.stderr, r.stderr
    if r.returncode == 130:  # one message; before it at most the scan's own summary
        lines = [line for line in r.stderr.splitlines() if line.strip()]
        assert lines[-1].startswith("已中断"), r.stderr
        assert all(line.startswith("已检查 12 个档案") for line in lines[:-1]), r.stderr
    assert not out.exists()


def test_ctrl_c_after_the_command_finished_changes_nothing(tmp_path):
    """A Ctrl-C that arrives while the finished command shuts down (here: from an atexit
    callback) leaves its exit code and prints nothing: the work is done and published."""
    code = (
        "import atexit, os, signal, sys\n"
        "atexit.register(lambda: os.kill(os.getpid(), signal.SIGINT))\n"
        "sys.argv = ['xmgl', '--version']\n"
        "from xmgl.cli.main import main\n"
        "main()\n"
    )
    r = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=tmp_path)
    assert r.returncode == 0, (r.returncode, r.stderr)
    assert "xmgl" in r.stdout
    assert r.stderr == "", r.stderr
