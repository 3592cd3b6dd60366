"""The one way the docs' generated tables are written: between two markers, or checked.

Each ``tools/gen_*_doc.py`` names its document, its markers and the generated text;
``--check`` (run by the tests) fails when the document is stale.
"""

from __future__ import annotations

from pathlib import Path

END = "<!-- END GENERATED -->"


def regenerate(doc: Path, begin: str, body: str, script: str, argv: list[str]) -> int:
    """Put ``body`` between ``begin`` and the end marker of ``doc``; with ``--check`` only compare."""
    text = doc.read_text(encoding="utf-8")
    start = text.index(begin) + len(begin)
    end = text.index(END, start)
    new = text[:start] + "\n" + body + text[end:]
    if "--check" in argv:
        if new != text:
            print(f"docs/{doc.name} is stale: run python tools/{script}")
            return 1
        return 0
    doc.write_text(new, encoding="utf-8")
    return 0
