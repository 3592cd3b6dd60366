"""The files a dossier refers to: light enough for every command that writes an output
(it must not overwrite one of them) without loading the transition machinery."""

from __future__ import annotations


def document_paths(dossier) -> set[str]:
    """Every file the dossier refers to (``path`` fields, anywhere), relative to its root."""
    from xmgl.domain.model import Node

    found: set[str] = set()

    def walk(value) -> None:
        if isinstance(value, Node):
            for name, item in value.items():
                spec = value._fields.get(name)
                if spec is not None and spec.kind == "path" and isinstance(item, str):
                    found.add(item)
                else:
                    walk(item)
        elif isinstance(value, list):
            for item in value:
                walk(item)

    walk(dossier.data)
    return found
