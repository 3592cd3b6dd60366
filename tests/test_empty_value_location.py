"""A key written with nothing after it (``data_sharing:``) is where its findings point.

The loader kept locations only for keys with a value, so a finding about an emptied
section fell back to where the enclosing section starts, lines above the key.
"""

from __future__ import annotations

import re
import shutil

import pytest

from tests.conftest import EXAMPLE
from tests.rulekit import findings
from xmgl.errors import DossierError

LINES = (EXAMPLE / "project.yaml").read_text(encoding="utf-8").split("\n")


def _sections() -> list[tuple[int, str, int]]:
    """(line number, key, lines in its block) of every block section of the example."""
    out = []
    for i, row in enumerate(LINES[:-1]):
        m = re.fullmatch(r"( *)([a-z_0-9]+):\s*(#.*)?", row)
        if not m:
            continue
        indent = len(m.group(1))
        n = 0
        for below in LINES[i + 1 :]:
            if below.strip() and len(below) - len(below.lstrip()) <= indent:
                break
            n += 1
        if n and not LINES[i + 1].lstrip().startswith("- "):
            out.append((i + 1, m.group(2), n))
    return out


SECTIONS = _sections()


def test_the_example_has_sections_to_empty():
    assert len(SECTIONS) >= 10
    assert any(key == "data_sharing" for _, key, _ in SECTIONS)


@pytest.mark.parametrize(
    ("line", "key", "size"), SECTIONS, ids=[f"{k}@{n}" for n, k, _ in SECTIONS]
)
def test_an_emptied_section_is_reported_at_its_key(tmp_path, line, key, size):
    root = tmp_path / "d"
    shutil.copytree(EXAMPLE, root, ignore=shutil.ignore_patterns("reports"))
    before = {(f.rule, f.location.path) for f in findings(root)}
    emptied = LINES[:line] + LINES[line + size :]
    (root / "project.yaml").write_text("\n".join(emptied), encoding="utf-8")
    try:
        result = findings(root)
    except DossierError as err:
        found = [(p.path, p.line) for p in err.problems]
    else:
        found = [
            (f.location.path, f.location.line)
            for f in result
            if (f.rule, f.location.path) not in before
        ]
    mine = [(path, n) for path, n in found if re.search(rf"(^|\.){key}(\.|$|\[)", path)]
    assert all(n == line for _, n in mine), (mine, line)
    if key in ("data_sharing", "intensive_mode"):
        assert mine, found  # these sections are required: emptying one is a finding
