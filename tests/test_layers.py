"""Package dependencies run one way: cli → (reports, portfolio, dossier, gitaudit) → domain.

Checked on the real import graph (grimp reads every ``import``, lazy ones inside
functions included), so a convenient shortcut cannot creep back in unnoticed.
"""

from __future__ import annotations

import itertools

import grimp
import pytest

GRAPH = grimp.build_graph("xmgl")
MIDDLE = ("xmgl.reports", "xmgl.portfolio", "xmgl.dossier", "xmgl.gitaudit", "xmgl.ical")
BASE = ("xmgl.errors", "xmgl.fileio", "xmgl.jsonio", "xmgl.yamltext", "xmgl.value")
"""Small modules every layer may use; they use nothing of xmgl but each other."""


def imports(importer: str, imported: str) -> list[str]:
    """``importer → imported`` lines (``module:line``), direct imports, either as a package."""
    if not GRAPH.direct_import_exists(importer=importer, imported=imported, as_packages=True):
        return []
    found = []
    for module in (
        GRAPH.find_descendants(importer) | {importer} if _is_package(importer) else {importer}
    ):
        for target in GRAPH.find_modules_directly_imported_by(module):
            if target == imported or target.startswith(imported + "."):
                for d in GRAPH.get_import_details(importer=module, imported=target):
                    found.append(f"{module}:{d['line_number']} {d['line_contents']}")
    return found


def _is_package(name: str) -> bool:
    return bool(GRAPH.find_children(name))


@pytest.mark.parametrize("package", [*MIDDLE, "xmgl.domain", *BASE])
def test_nothing_below_cli_imports_cli(package):
    assert imports(package, "xmgl.cli") == []


@pytest.mark.parametrize("package", [*MIDDLE, "xmgl.cli"])
def test_the_domain_imports_no_package_above_it(package):
    assert imports("xmgl.domain", package) == []


@pytest.mark.parametrize(("a", "b"), list(itertools.combinations(MIDDLE, 2)))
def test_no_cycle_between_middle_packages(a, b):
    """Siblings may use each other one way (dossier → gitaudit for signed commits), never both."""
    forward, backward = imports(a, b), imports(b, a)
    assert not (forward and backward), f"{a} ↔ {b}:\n" + "\n".join(forward + backward)


def test_gitaudit_does_not_import_dossier():
    """The audit reads the stage with gitaudit.stagescan (same decoding and parser as the
    loader, via xmgl.yamltext); the dossier's operations commit through gitaudit."""
    assert imports("xmgl.gitaudit", "xmgl.dossier") == []


@pytest.mark.parametrize("module", BASE)
def test_base_modules_use_only_each_other(module):
    used = {
        m.split(".")[1] if m.count(".") else m
        for m in GRAPH.find_modules_directly_imported_by(module)
        if m.startswith("xmgl")
    }
    assert used <= {b.removeprefix("xmgl.") for b in BASE}, used


def test_the_layers_form_no_cycle_at_all():
    """The whole package graph (xmgl.* one level down) is acyclic, cli on top."""
    top = sorted(GRAPH.find_children("xmgl") - {"xmgl.__main__"})
    edges = {
        (a, b)
        for a in top
        for b in top
        if a != b and GRAPH.direct_import_exists(importer=a, imported=b, as_packages=True)
    }
    for a, b in edges:
        assert (b, a) not in edges, f"{a} ↔ {b}"
