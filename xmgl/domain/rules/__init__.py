"""The regulation as checks: every checkable clause of 第二条–第二十三条 is a :class:`Rule`.

Usage::

    from xmgl.domain.rules import check, RULES
    findings = check(dossier, as_of)                       # the dossier's current stage
    findings = check(dossier, as_of, stage="construction")  # as if entering construction

Adding a rule is one decorated function in the module of its article (``a11_a15.py``
…, ``timing.py`` for time bounds) plus its tests; :data:`RULES` and ``xmgl rules``
pick it up, ``matrix.py`` maps it to its clause. Plain Python: no CLI, docx or git.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from typing import TYPE_CHECKING

from xmgl.domain.model import Dossier
from xmgl.domain.rules import a02_a05, a03, a06_a07, a08_a10, a11_a15, a17_a23, timing  # noqa: F401
from xmgl.domain.rules.base import (
    DRAFTING_GATE,
    REGISTRY,
    Context,
    Finding,
    Hit,
    Rule,
    Severity,
    main_stage,
)
from xmgl.domain.stages import MAIN, SIDE, STAGES

if TYPE_CHECKING:
    from typing import Protocol

    class LoadProblem(Protocol):
        """What :func:`format_findings` reads of a loader problem (:class:`xmgl.errors.Problem`)."""

        @property
        def file(self) -> str: ...
        @property
        def line(self) -> int | None: ...
        @property
        def column(self) -> int | None: ...
        @property
        def path(self) -> str: ...
        @property
        def message(self) -> str: ...
        @property
        def hint(self) -> str: ...
        @property
        def code(self) -> str: ...


__all__ = [
    "MAIN",
    "RULES",
    "SIDE",
    "Finding",
    "Hit",
    "Rule",
    "Severity",
    "check",
    "format_findings",
    "find_rule",
    "main_stage",
    "rules_of_article",
]

# by article, in the order of registration within one (sorted() is stable)
RULES: tuple[Rule, ...] = tuple(sorted(REGISTRY, key=lambda r: r.article))
_BY_ID = {r.id: r for r in RULES}


def find_rule(rule_id: str) -> Rule | None:
    return _BY_ID.get(rule_id.upper())


def rules_of_article(article: int) -> list[Rule]:
    return [r for r in RULES if r.article == article]


def check(dossier: Dossier, as_of: date, *, stage: str | None = None) -> list[Finding]:
    """Every finding for ``dossier`` on ``as_of``, sorted by article, then file position.

    ``stage=None`` evaluates the dossier in its current stage; a stage id evaluates it
    as if it were entering that stage (the lifecycle's gate blocks on errors).
    """
    target = stage or dossier.stage_name
    if target not in STAGES:
        raise ValueError(f"unknown stage {target!r}")
    ctx = Context(dossier, as_of, target, main_stage(dossier, target))
    found: list[Finding] = []
    for rule in RULES:
        if not rule.applies(target, ctx.main):
            continue
        severity, note = _severity(rule, ctx)
        for h in rule.check(ctx):
            found.append(
                Finding(
                    rule.id,
                    rule.article,
                    rule.clause,
                    severity,
                    h.message + note,
                    h.hint,
                    h.location,
                )
            )
    return sorted(found, key=_order)


SCOPE_RULE = "A2-SCOPE"


def _severity(rule: Rule, ctx: Context) -> tuple[Severity, str]:
    """The severity of ``rule``'s findings here, and a note appended to their message.

    Outside 第二条's scope (no 市本级财政性资金) the measures do not bind the unit: their
    findings are information (no exit code, no blocked gate) unless another instrument
    imposes the same duty (``rule.binds``). While a document is drafted (``rule.drafting``)
    an error is a warning.
    """
    severity = rule.severity_in(ctx.main)
    note = ""
    if severity != rule.severity:
        note = (
            f"（{STAGES[ctx.main]}阶段材料尚在编制，为警告；{DRAFTING_GATE[ctx.main]}时为错误。）"
        )
    if ctx.in_scope or rule.id == SCOPE_RULE or severity == Severity.INFO:
        return severity, note
    if rule.binds:
        return severity, (
            f"（本项目不使用市本级财政性资金，本办法不适用（第二条），但{rule.binds}有同样的要求，"
            f"仍为{severity.zh}。）"
        )
    return Severity.INFO, "（本项目不使用市本级财政性资金，本办法不适用（第二条），仅供参考。）"


def _order(f: Finding) -> tuple[int, int, int, str]:
    return (f.article, f.location.line or 0, f.location.column or 0, f.rule)


FORMAT_ARTICLE = 0
"""Findings about the file itself (YAML syntax, types, missing fields) cite no article."""


def format_findings(
    problems: Iterable[LoadProblem],
    *,
    message: str = "",
    hint: str = "",
    file: str = "project.yaml",
) -> list[Finding]:
    """The loader's problems (:class:`xmgl.errors.Problem`) as error findings.

    Rule id ``FORMAT-<CODE>`` (``FORMAT-YAML-SYNTAX``, ``FORMAT-REQUIRED`` …), article 0,
    clause “档案格式”. Without located problems (no ``project.yaml`` at all) one
    ``FORMAT-NO-DOSSIER`` finding carries ``message`` and ``hint``.
    """
    from xmgl.domain.model import Location

    out = []
    for p in problems:
        code = (p.code or "format").upper()
        rule_id = "FORMAT" if code == "FORMAT" else f"FORMAT-{code}"
        out.append(
            Finding(
                rule_id,
                FORMAT_ARTICLE,
                "档案格式",
                Severity.ERROR,
                p.message,
                p.hint,
                Location(p.file, p.line, p.column, p.path),
            )
        )
    if not out:
        out.append(
            Finding(
                "FORMAT-NO-DOSSIER",
                FORMAT_ARTICLE,
                "档案格式",
                Severity.ERROR,
                message,
                hint,
                Location(file, None, None, ""),
            )
        )
    return out


def docs_table() -> str:
    """The rule table of docs/validate.md (checked by a test; ``tools/gen_rules_doc.py``)."""
    from xmgl.domain.rules.base import severity_text, stages_text

    lines = ["| 规则 | 条款 | 级别 | 内容 | 适用阶段 |", "|---|---|---|---|---|"]
    for r in RULES:
        title = r.title
        if r.binds:
            title += f"（不使用市本级财政性资金的项目同样适用：{r.binds.split('（')[0]}）"
        lines.append(
            f"| `{r.id}` | {r.clause} | {severity_text(r)} | {title} | {stages_text(r.stages)} |"
        )
    return "\n".join(lines) + "\n"
