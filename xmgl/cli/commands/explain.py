"""``xmgl explain A10`` / ``xmgl explain A10-MERGE-AMOUNT``: the article's text and its rules."""

from __future__ import annotations

from typing import Annotated

import typer

from xmgl.cli.common import TextOrJson


def register(app: typer.Typer) -> None:
    @app.command("explain")
    def explain(
        what: Annotated[
            str,
            typer.Argument(
                help="条号（A10、10、第十条）或规则编号（A10-MERGE-AMOUNT）。",
                metavar="条号或规则",
                show_default=False,
            ),
        ],
        fmt: TextOrJson = "text",
    ) -> None:
        """显示条文原文、对应的校验规则和落实方式。"""

        from xmgl.domain.rules import find_rule

        rule = find_rule(what.strip())
        article = rule.article if rule is not None else parse_article(what)
        _show(article, rule, fmt)


def parse_article(text: str) -> int:
    from xmgl.domain import regulation
    from xmgl.errors import UsageError

    n = regulation.parse_article(text)
    if n is not None:
        return n
    raise UsageError(
        f"不认识“{text}”：既不是条号，也不是规则编号。",
        hint="条号写 A10、10 或 第十条（1–23）；规则编号见 “xmgl rules”。",
    )


def _show(article: int, rule, fmt: str) -> None:
    from xmgl.cli.commands.rules import rule_dict, stages_text
    from xmgl.domain.regulation import ARTICLES, TOPICS, article_zh
    from xmgl.domain.rules import rules_of_article
    from xmgl.domain.rules.matrix import clauses_of_article

    rules = [rule] if rule is not None else rules_of_article(article)
    clauses = clauses_of_article(article)
    if fmt == "json":
        from xmgl.cli.output import print_json

        print_json(
            {
                "article": article,
                "title": f"{article_zh(article)} {TOPICS[article]}",
                "text": list(ARTICLES[article]),
                "rules": [rule_dict(r) for r in rules],
                "clauses": [c.to_dict() for c in clauses],
            }
        )
        return
    from xmgl.cli.findings import SEVERITY_ZH, wrap

    lines = [f"{article_zh(article)} {TOPICS[article]}", ""]
    for para in ARTICLES[article]:
        lines += wrap(para, 2)
    if rule is not None:
        lines += ["", f"规则 {rule.id}（{SEVERITY_ZH[str(rule.severity)]}，{rule.clause}）"]
        lines += wrap(rule.title, 2)
        lines += wrap("适用：" + stages_text(rule.stages), 2)
        for c in clauses:
            if rule.id in c.rules:
                lines += wrap(f"落实 {c.id} {c.label}：{c.summary}", 2)
    else:
        lines += ["", "落实方式："]
        for c in clauses:
            lines += wrap(f"{c.id} {c.label}：{c.summary}", 2)
            if c.rules:
                lines += wrap("规则：" + "、".join(c.rules), 4)
            if c.format:
                lines += wrap("档案格式：" + c.format, 4)
            for g in c.gates:
                lines += wrap("阶段门槛：" + g, 4)
            for d in c.documents:
                lines += wrap("文档：" + d, 4)
            if c.not_checkable:
                lines += wrap("不可机器核对：" + c.not_checkable, 4)
        if rules:
            lines += ["", "本条的规则："]
            for r in rules:
                lines.append(f"  {r.id}  {SEVERITY_ZH[str(r.severity)]}  {r.clause}")
                lines += wrap(r.title, 4)
    from xmgl.cli.output import echo

    echo("\n".join(lines))
