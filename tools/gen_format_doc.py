"""Regenerate the field reference in docs/dossier-format.md from the schema.

Usage: python tools/gen_format_doc.py [--check]

The reference between the markers is generated from ``xmgl.domain.schema`` so
that the documentation and the loader can never disagree; ``--check`` (run by
the tests) fails when the file is stale.
"""

from __future__ import annotations

import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from docblock import regenerate  # noqa: E402 - tools/ is the script's folder

from xmgl.domain.schema import FACTS, RECORD_KINDS, Field  # noqa: E402

DOC = REPO / "docs" / "dossier-format.md"
BEGIN = "<!-- BEGIN GENERATED: xmgl/domain/schema.py -->"

KIND_ZH = {
    "str": "文字（一行）",
    "text": "文字",
    "int": "整数",
    "bool": "true/false",
    "date": "日期",
    "money": "金额",
    "path": "文件路径",
    "enum": "取值之一",
    "enums": "取值列表",
    "strs": "文字列表",
    "section": "映射",
    "list": "映射的列表",
}


def _rows(fields: tuple[Field, ...], prefix: str) -> list[str]:
    rows = []
    for f in fields:
        name = f"{prefix}{f.name}"
        kind = KIND_ZH.get(f.kind, f.kind)
        if f.minimum is not None or f.maximum is not None:
            kind += f"（{f.minimum if f.minimum is not None else ''}–"
            kind += f"{f.maximum if f.maximum is not None else ''}）"
        choices = "、".join(f.choices) if f.choices else ""
        rows.append(
            f"| `{name}` | {f.zh} | {kind} | {'是' if f.required else ''} | {choices} "
            f"| {f.article} |"
        )
        if f.kind in ("section", "list"):
            sub = f"{name}[]." if f.kind == "list" else f"{name}."
            rows += _rows(f.fields, sub)
    return rows


def generate() -> str:
    head = "| 键 | 含义 | 类型 | 必填 | 取值 | 条款 |\n|---|---|---|---|---|---|"
    out = ["### 事实（顶层各节）", "", head, *_rows(FACTS, ""), ""]
    out += [
        "### 记录（`records` 的每一项）",
        "",
        "每条记录都有 `kind`（类型，必填）、`date`（日期，必填）、`document`（文件路径）、"
        "`note`（备注）。各类型另有以下字段：",
        "",
    ]
    for rk in RECORD_KINDS.values():
        out += [f"#### `{rk.name}` — {rk.zh}（{rk.article}）", ""]
        if rk.fields:
            out += [head, *_rows(rk.fields, ""), ""]
        else:
            out += ["（无其他字段）", ""]
    return "\n".join(out).rstrip() + "\n"


def main() -> int:
    return regenerate(DOC, BEGIN, generate(), "gen_format_doc.py", sys.argv)


if __name__ == "__main__":
    raise SystemExit(main())
