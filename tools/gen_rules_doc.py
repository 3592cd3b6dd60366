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

from xmgl.domain.rules import docs_table  # noqa: E402

DOC = REPO / "docs" / "validate.md"
BEGIN = "<!-- BEGIN GENERATED: xmgl/domain/rules -->"
END = "<!-- END GENERATED -->"


def main() -> int:
    text = DOC.read_text(encoding="utf-8")
    start, end = text.index(BEGIN) + len(BEGIN), text.index(END)
    new = text[:start] + "\n" + docs_table() + text[end:]
    if "--check" in sys.argv:
        if new != text:
            print("docs/validate.md is stale: run python tools/gen_rules_doc.py")
            return 1
        return 0
    DOC.write_text(new, encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
