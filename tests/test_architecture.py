"""The layering the brief asks for, checked rather than hoped for."""

from __future__ import annotations

import ast
import subprocess
import sys

import pytest

from tests.conftest import REPO

PACKAGE = REPO / "xmgl"
MODULES = sorted(
    ".".join(p.relative_to(REPO).with_suffix("").parts).removesuffix(".__init__")
    for p in PACKAGE.rglob("*.py")
    if p.name != "__main__.py"  # running it is its job
)
ADAPTER_LIBRARIES = {
    "typer",
    "rich",
    "click",
    "docx",
    "docxtpl",
    "jinja2",
    "git",
    "gitdb",
    "openpyxl",
    "icalendar",
    "lxml",
    "ruamel",
    "subprocess",
}


def imported_roots(path):
    tree = ast.parse(path.read_text(encoding="utf-8"))
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            for alias in node.names:
                yield alias.name.split(".")[0], node.lineno
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            yield node.module.split(".")[0], node.lineno


@pytest.mark.parametrize("path", sorted((PACKAGE / "domain").rglob("*.py")), ids=lambda p: p.name)
def test_the_domain_imports_no_adapter(path):
    """Rules, lifecycle, deadlines: plain Python, anywhere in the file (even lazily)."""
    bad = [(name, line) for name, line in imported_roots(path) if name in ADAPTER_LIBRARIES]
    assert not bad, f"{path.relative_to(REPO)} imports {bad}"


def test_every_module_imports_on_its_own_in_a_fresh_process():
    """Catches import cycles that a test run, importing in one order, would hide."""
    code = (
        "import importlib, sys\n"
        "for name in sys.argv[1:]:\n"
        "    importlib.import_module(name)\n"
        "    for loaded in [m for m in sys.modules if m.startswith('xmgl')]:\n"
        "        del sys.modules[loaded]\n"
    )
    proc = subprocess.run(
        [sys.executable, "-c", code, *MODULES], capture_output=True, text=True, cwd=REPO
    )
    assert proc.returncode == 0, proc.stderr
