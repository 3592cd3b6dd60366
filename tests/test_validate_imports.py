"""What ``xmgl validate`` does not load: the gains of issue 11's speed goal, kept.

``xmgl validate`` runs on every commit (pre-commit); benchmarks/bench_validate.py
measures it against the import floor. Timings are not tests; what the command leaves
out is: each module named here was once imported (or each table built) on every run
and is needed only on other paths.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest

from tests.conftest import EXAMPLE, REPO

PROBE = """
import sys
before = set(sys.modules)
sys.argv = ["xmgl", "-C", sys.argv[1], "--as-of", "2026-11-27", "validate", *sys.argv[2:]]
from xmgl.cli.main import run
code = run(sys.argv[1:])
loaded = set(sys.modules) - before
import dataclasses, json
import xmgl.domain.regulation as regulation
sys.stdout.flush()
sys.stderr.write("\\nPROBE " + json.dumps({
    "code": code,
    "loaded": sorted(loaded),
    "articles_parsed": bool(regulation._PARSED),
    "dataclasses": sorted(
        f"{name}.{attr}"
        for name in loaded
        if name.startswith("xmgl")
        for attr, obj in vars(sys.modules[name]).items()
        if isinstance(obj, type) and obj.__module__ == name and dataclasses.is_dataclass(obj)
    ),
}) + "\\n")
"""


def probe(*args: str) -> dict:
    """Run validate on the example in a fresh interpreter; what it imported and built."""
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    proc = subprocess.run(
        [sys.executable, "-c", PROBE, str(EXAMPLE), *args],
        capture_output=True,
        text=True,
        cwd=REPO,
        env=env,
        check=False,
    )
    line = next(x for x in proc.stderr.splitlines() if x.startswith("PROBE "))
    return {**json.loads(line.removeprefix("PROBE ")), "stdout": proc.stdout}


@pytest.fixture(scope="module")
def text_run() -> dict:
    return probe()


def test_validate_really_ran(text_run):
    assert text_run["code"] == 0
    assert "校验：大石桥市城市运行综合指挥平台建设项目" in text_run["stdout"]
    assert "A16-QUARTERLY-DUE" in text_run["stdout"]


@pytest.mark.parametrize(
    "module",
    [
        "json",  # text output is not JSON (xmgl.cli.output imports xmgl.jsonio on demand)
        "xmgl.jsonio",
        "calendar",  # kinds needs it only to say how many days an impossible month has
        "rich",  # findings are written without Rich
        "typer.rich_utils",  # help only
        "importlib.resources",  # the regulation is read beside its module
        "xmgl.domain.holidaydata",  # holiday-file dataclasses: the example has no such file
    ],
)
def test_text_validate_does_not_import(text_run, module):
    assert module not in text_run["loaded"]


def test_text_validate_does_not_parse_the_regulation(text_run):
    # validate needs EFFECTIVE from xmgl.domain.regulation, not the article table
    assert text_run["articles_parsed"] is False


def test_validate_defines_no_dataclass(text_run):
    # each @dataclass compiles its methods on import (3-6 million instructions a class);
    # the value classes on validate's path are xmgl.value.Value subclasses instead
    assert text_run["dataclasses"] == []


def test_json_validate_imports_json_on_demand():
    run = probe("--format", "json")
    assert run["code"] == 0
    assert json.loads(run["stdout"])["stage"] == "construction"
    assert "xmgl.jsonio" in run["loaded"]


@pytest.mark.parametrize(
    "module", ["xmgl.cli.app", "xmgl.cli.common", "xmgl.cli.commands.validate"]
)
def test_validate_options_are_not_string_annotations(module):
    # Typer builds the command from the annotations: each string one costs it an eval()
    import __future__

    import importlib

    assert getattr(importlib.import_module(module), "annotations", None) is not (
        __future__.annotations
    )
