"""The gate of a stage transition: what must hold before ``xmgl advance`` may move.

Two sources of blocking findings:

* the lifecycle itself — the move needs a record that justifies it
  (:func:`xmgl.domain.lifecycle.justify`) and a date no earlier than the day
  the current stage was entered;
* the rules — ``xmgl.domain.rules.check(dossier, as_of, stage=target)``: every
  finding of severity ``"error"`` that the target stage makes due blocks the
  move.

Both kinds are :class:`xmgl.domain.rules.Finding` objects; the lifecycle's have
rule ids ``lifecycle.date`` and ``lifecycle.event``.
"""

from __future__ import annotations

from datetime import date

from xmgl.domain.lifecycle import Justification, Transition, justify
from xmgl.domain.model import Dossier, Location
from xmgl.domain.rules import Finding, Severity, check


def rule_findings(dossier: Dossier, as_of: date, stage: str) -> list[Finding]:
    """The rules' findings for ``stage``: the dossier as if it entered ``stage`` on ``as_of``."""
    return check(dossier, as_of, stage=stage)


def blocking(findings: list[Finding]) -> list[Finding]:
    return [f for f in findings if f.severity is Severity.ERROR]


def check_gate(dossier: Dossier, move: Transition, on: date) -> tuple[list[Finding], Justification]:
    """Blocking findings for ``move`` on day ``on``, and the justification found.

    Returns ``(findings, justification)``; the move may happen only if
    ``findings`` is empty. The lifecycle's findings cite the move's articles
    in ``clause`` (a move may rest on several) and have ``article`` 0.
    """
    findings: list[Finding] = []
    since = dossier.stage.since
    if since is not None and on < since:
        findings.append(
            Finding(
                rule="lifecycle.date",
                article=0,
                clause="",
                severity=Severity.ERROR,
                message=(f"变更日期 {on.isoformat()} 早于进入当前阶段的日期 {since.isoformat()}。"),
                hint="用 --date 写实际发生变更的日期（不早于进入当前阶段的日期）。",
                location=dossier.stage.where("since"),
            )
        )
    just = justify(dossier, move, on)
    if not just.found:
        wanted = "或".join(e.describe() for e in move.events)
        after = (
            f"，日期在 {just.earliest.isoformat()}（进入当前阶段）至 {on.isoformat()} 之间"
            if just.earliest
            else f"，日期不晚于 {on.isoformat()}"
        )
        example = move.events[0].example()
        findings.append(
            Finding(
                rule="lifecycle.event",
                article=0,
                clause=move.articles_text(),
                severity=Severity.ERROR,
                message=f"缺少这一步的事由记录：需要{wanted}{after}。",
                hint=f"先添加记录，例如：xmgl record {example} date=YYYY-MM-DD …",
                location=Location(dossier.file, None, None, "records"),
            )
        )
    findings += blocking(rule_findings(dossier, on, move.target))
    return findings, just
