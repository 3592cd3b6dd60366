"""Every terminal a government PC has: output degrades, it never fails.

Real ``xmgl`` processes under ``LC_ALL=C``, ``PYTHONIOENCODING=ascii`` and ``gbk`` (a
Chinese Windows console), and a 40-column terminal.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys

import pytest

from tests.conftest import EXAMPLE

XMGL = [
    sys.executable,
    "-c",
    "import sys; sys.argv[0] = 'xmgl'; from xmgl.cli.main import main; main()",
]
AS_OF = "2026-11-27"


def run(args, **env):
    full = {**os.environ, "COLUMNS": "80", **env}
    return subprocess.run([*XMGL, *args], capture_output=True, env=full)


COMMANDS = [["validate"], ["stages"], ["status"], ["show"], ["rules"], ["explain", "A10"]]


@pytest.mark.parametrize("argv", COMMANDS)
@pytest.mark.parametrize(
    "env",
    [{"LC_ALL": "C", "LANG": "C"}, {"PYTHONIOENCODING": "ascii"}, {"PYTHONIOENCODING": "gbk"}],
    ids=["C", "ascii", "gbk"],
)
def test_commands_degrade_under_any_encoding(argv, env, tmp_path):
    root = tmp_path / "d"
    shutil.copytree(EXAMPLE, root, ignore=shutil.ignore_patterns("reports"))
    r = run(["-C", str(root), "--as-of", AS_OF, *argv], **env)
    assert r.returncode in (0, 1), r.stderr.decode("utf-8", "replace")
    assert b"Traceback" not in r.stderr
    chosen = env.get("PYTHONIOENCODING")
    if chosen is None:  # the C locale: UTF-8 written anyway
        r.stdout.decode("utf-8")
        assert "阶段".encode() in r.stdout + r.stderr or argv[0] in ("rules", "explain")
    else:
        r.stdout.decode(chosen)  # every byte is in the stream's encoding
        notes = r.stderr.count(b"Set a UTF-8 locale")
        assert notes <= 1  # said once at most
        if chosen == "ascii":
            assert notes == 1


def test_json_stays_valid_json_on_an_ascii_stream(tmp_path):
    r = run(
        ["-C", str(EXAMPLE), "--as-of", AS_OF, "status", "--format", "json"],
        PYTHONIOENCODING="ascii",
    )
    assert r.returncode == 0
    data = json.loads(r.stdout.decode("ascii"))  # \u escapes, not "?"
    assert data["project"]["name"] == "大石桥市城市运行综合指挥平台建设项目"


def test_audit_verify_under_ascii_is_not_an_internal_error(tmp_path):
    r = run(["-C", str(EXAMPLE), "audit", "verify"], PYTHONIOENCODING="ascii")
    assert r.returncode in (0, 1, 5, 7), r.stderr
    assert b"Traceback" not in r.stderr and r.returncode != 70


@pytest.mark.parametrize("columns", [40, 50, 60])
def test_status_never_cuts_a_date_at_narrow_widths(columns):
    r = run(["-C", str(EXAMPLE), "--as-of", AS_OF, "status"], COLUMNS=str(columns))
    assert r.returncode == 0
    text = r.stdout.decode()
    assert "…" not in text
    assert all(len(line) <= columns * 2 for line in text.splitlines())
    data = json.loads(
        run(["-C", str(EXAMPLE), "--as-of", AS_OF, "status", "--format", "json"]).stdout
    )
    dates = {
        o[key]
        for o in data["obligations"]
        for key in ("due_nominal", "due_in_force", "done")
        if o.get(key)
    }
    assert len(dates) >= 4
    for d in dates:
        assert d in text, f"{d} cut or missing at {columns} columns"
