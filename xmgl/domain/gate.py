"""The gate of a stage transition: what must hold before ``xmgl advance`` may move.

Two sources of blocking findings:

* the lifecycle itself — the move needs a record that justifies it
  (:func:`xmgl.domain.lifecycle.justify`) and a date no earlier than the day
  the current stage was entered;
* the rules — ``xmgl.domain.rules.check(dossier, as_of, stage=target)``: every
  finding of severity ``"error"`` that the target stage makes due blocks the
  move. Until the rules module exists the gate is rule-less (and says so).
"""

from __future__ import annotations

import importlib
import importlib.util
from dataclasses import dataclass
from datetime import date

from xmgl.domain.lifecycle import Transition, justify


@dataclass(frozen=True)
class GateFinding:
    """A blocking finding, shaped like ``xmgl.domain.rules.Finding``."""

    rule: str
    article: str
    clause: str
    severity: str
    message: str
    hint: str
    location: object = None


def rules_available() -> bool:
    try:
        return importlib.util.find_spec("xmgl.domain.rules") is not None
    except (ImportError, ValueError):  # pragma: no cover - broken package metadata
        return False


def rule_findings(dossier, as_of: date, stage: str) -> list:
    """The rules' findings for ``stage`` (empty while the rules are not installed)."""
    if not rules_available():
        return []
    rules = importlib.import_module("xmgl.domain.rules")
    return list(rules.check(dossier, as_of, stage=stage))


def blocking(findings) -> list:
    return [f for f in findings if getattr(f, "severity", "") == "error"]


def check_gate(dossier, move: Transition, on: date) -> tuple[list, object]:
    """Blocking findings for ``move`` on day ``on``, and the justification found.

    Returns ``(findings, justification)``; the move may happen only if
    ``findings`` is empty.
    """
    findings: list = []
    since = dossier.stage.since
    if since is not None and on < since:
        findings.append(
            GateFinding(
                rule="lifecycle.date",
                article="",
                clause="",
                severity="error",
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
            GateFinding(
                rule="lifecycle.event",
                article=move.articles_text(),
                clause="",
                severity="error",
                message=f"缺少这一步的事由记录：需要{wanted}{after}。",
                hint=f"先添加记录，例如：xmgl record {example} date=YYYY-MM-DD …",
                location=None,
            )
        )
    findings += blocking(rule_findings(dossier, on, move.target))
    return findings, just
