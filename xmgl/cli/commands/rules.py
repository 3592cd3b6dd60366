"""``xmgl rules``: every rule, or (``--matrix``) every clause and how it is enforced."""

from __future__ import annotations

from typing import Annotated

import typer

from xmgl.cli.common import TextOrJson


def register(app: typer.Typer) -> None:
    @app.command("rules")
    def rules(
        fmt: TextOrJson = "text",
        matrix: Annotated[
            bool,
            typer.Option(
                "--matrix",
                help="列出第一条至第二十三条每一款（项）由哪些规则、阶段门槛或文档落实，"
                "或不可机器核对的理由。",
            ),
        ] = False,
    ) -> None:
        """列出全部校验规则（编号、条款、级别、适用阶段、标题）。"""

        if matrix:
            _matrix(fmt)
        else:
            _rules(fmt)


def stages_text(stages: frozenset[str]) -> str:
    """A rule's stages in words (see :func:`xmgl.domain.rules.base.stages_text`)."""
    from xmgl.domain.rules.base import stages_text as text

    return text(stages)


def rule_dict(r) -> dict:
    return {
        "id": r.id,
        "article": r.article,
        "clause": r.clause,
        "severity": str(r.severity),
        "drafting": sorted(r.drafting),
        "binds": r.binds or None,
        "stages": sorted(r.stages),
        "stages_text": stages_text(r.stages),
        "title": r.title,
    }


def _rules(fmt: str) -> None:
    from xmgl.domain.rules import RULES
    from xmgl.domain.rules.base import severity_text

    if fmt == "json":
        from xmgl.cli.output import print_json

        print_json({"rules": [rule_dict(r) for r in RULES]})
        return
    from xmgl.cli.findings import SEVERITY_ZH, wrap
    from xmgl.domain.regulation import TOPICS, article_zh

    lines = []
    article = None
    for r in RULES:
        if r.article != article:
            article = r.article
            if lines:
                lines.append("")
            lines.append(f"{article_zh(article)} {TOPICS[article]}")
        lines.append(f"  {r.id}  {SEVERITY_ZH[str(r.severity)]}  {r.clause}")
        lines += wrap(r.title, 4)
        if r.drafting:
            lines += wrap("级别：" + severity_text(r), 4)
        if r.binds:
            lines += wrap("不使用市本级财政性资金也适用：" + r.binds, 4)
        lines += wrap("适用：" + stages_text(r.stages), 4)
    lines.append("")
    lines.append(f"共 {len(RULES)} 条规则。“xmgl explain 规则编号” 查看条文和说明。")
    from xmgl.cli.output import echo

    echo("\n".join(lines))


def _matrix(fmt: str) -> None:
    from xmgl.domain.rules.matrix import CLAUSES

    if fmt == "json":
        from xmgl.cli.output import print_json

        print_json({"clauses": [c.to_dict() for c in CLAUSES]})
        return
    from xmgl.cli.findings import wrap
    from xmgl.domain.regulation import TOPICS, article_zh

    lines = []
    article = None
    for c in CLAUSES:
        if c.article != article:
            article = c.article
            if lines:
                lines.append("")
            lines.append(f"{article_zh(article)} {TOPICS[article]}")
        lines.append(f"  {c.id}  {c.label}")
        lines += wrap(c.summary, 4)
        if c.rules:
            lines += wrap("规则：" + "、".join(c.rules), 6)
        if c.format:
            lines += wrap("档案格式：" + c.format, 6)
        for g in c.gates:
            lines += wrap("阶段门槛：" + g, 6)
        for d in c.documents:
            lines += wrap("文档：" + d, 6)
        if c.not_checkable:
            lines += wrap("不可机器核对：" + c.not_checkable, 6)
    from xmgl.cli.output import echo

    echo("\n".join(lines))
