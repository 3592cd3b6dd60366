"""Regenerate the transition table in docs/lifecycle.md from the lifecycle.

Usage: python tools/gen_lifecycle_doc.py [--check]

The table between the markers is generated from ``xmgl.domain.lifecycle`` so
that the documentation and ``xmgl advance`` / ``xmgl audit verify`` can never
disagree; ``--check`` (run by the tests) fails when the file is stale.
"""

from __future__ import annotations

import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from docblock import regenerate  # noqa: E402 - tools/ is the script's folder

from xmgl.domain import lifecycle  # noqa: E402
from xmgl.domain.stages import MAIN, SIDE, STAGES, label  # noqa: E402

DOC = REPO / "docs" / "lifecycle.md"
BEGIN = "<!-- BEGIN GENERATED: xmgl/domain/lifecycle.py -->"


def _events(t: lifecycle.Transition) -> str:
    return "；或 ".join(f"`{e.example()}`（{e.describe().split('（')[0]}）" for e in t.events)


def generate() -> str:
    lines = [
        "### 阶段",
        "",
        "| 阶段 id | 名称 | 类别 |",
        "|---|---|---|",
    ]
    for stage, zh in STAGES.items():
        kind = "第二十条 中断" if stage in SIDE else "主线"
        lines.append(f"| `{stage}` | {zh} | {kind} |")
    lines += [
        "",
        "### 主线的阶段变更",
        "",
        "“新事由”：记录的日期须在进入当前阶段之日至变更之日之间；"
        "“既有依据”：已有的记录即可（例如已列入年度计划）。",
        "",
        "| 从 | 到 | 依据条款 | 所需记录 | 类型 | 说明 |",
        "|---|---|---|---|---|---|",
    ]
    interruptions = []
    for t in lifecycle.TRANSITIONS:
        if t.source in SIDE or t.target in SIDE:
            interruptions.append(t)
            continue
        lines.append(
            f"| {label(t.source)} | {label(t.target)} | {t.articles_text()} | {_events(t)} | "
            f"{'新事由' if t.fresh else '既有依据'} | {t.zh} |"
        )
    lines += [
        "",
        "### 第二十条：监督整改、暂缓、暂停、终止",
        "",
        "列入年度计划（`plan`）之后的每一个主线阶段都可以进入下列阶段（所需记录相同）：",
        "",
        "| 到 | 依据条款 | 所需记录 | 说明 |",
        "|---|---|---|---|",
    ]
    seen = set()
    for t in interruptions:
        if t.source in MAIN and t.target not in seen:
            seen.add(t.target)
            lines.append(f"| {label(t.target)} | {t.articles_text()} | {_events(t)} | {t.zh} |")
    lines += [
        "",
        "中断之后：",
        "",
        "| 从 | 到 | 依据条款 | 所需记录 | 说明 |",
        "|---|---|---|---|---|",
    ]
    for t in interruptions:
        if t.source in SIDE:
            target = "原阶段（中断前的主线阶段）" if t.resumes else label(t.target)
            lines.append(
                f"| {label(t.source)} | {target} | {t.articles_text()} | {_events(t)} | {t.zh} |"
            )
    lines.append("")
    lines.append(f"`{label('terminated')}` 是终结阶段，之后不能再变更。")
    return "\n".join(lines) + "\n"


def main(argv: list[str]) -> int:
    return regenerate(DOC, BEGIN, generate(), "gen_lifecycle_doc.py", argv)


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
