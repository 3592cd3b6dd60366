"""Regenerate the rule table in docs/validate.md from the rules.

Usage: python tools/gen_rules_doc.py [--check]

The table between the markers is ``xmgl.domain.rules.docs_table()`` (id, clause,
severity with its drafting stages, title, stages), so the documentation and
``xmgl rules`` can never disagree; ``--check`` (run by the tests) fails when the
file is stale.
"""

from __future__ import annotations

import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from docblock import regenerate  # noqa: E402 - tools/ is the script's folder

from xmgl.domain.rules import docs_table  # noqa: E402

DOC = REPO / "docs" / "validate.md"
BEGIN = "<!-- BEGIN GENERATED: xmgl/domain/rules -->"


def main() -> int:
    return regenerate(DOC, BEGIN, docs_table(), "gen_rules_doc.py", sys.argv)


if __name__ == "__main__":
    raise SystemExit(main())
