"""Check a dossier and build the documents ``xmgl validate`` writes, as a library.

:meth:`Validation.to_json` is the ``--format json`` document, :meth:`Validation.to_sarif`
the SARIF 2.1.0 log; the CLI only prints them.
"""

from __future__ import annotations

from dataclasses import field
from datetime import date
from pathlib import Path

from xmgl.domain.rules import Finding, Severity
from xmgl.value import Value

SARIF_SCHEMA = (
    "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
)
SARIF_LEVEL = {"error": "error", "warning": "warning", "info": "note"}


class Validation(Value, frozen=False):
    """The findings for a dossier on a day, evaluated for a stage."""

    root: Path
    as_of: date
    stage: str | None
    """The stage evaluated; None when the dossier could not be read."""
    findings: list[Finding]
    name: str | None = None
    current: str | None = None
    """The dossier's current stage (differs from ``stage`` under ``--stage``)."""
    notes: list[str] = field(default_factory=list)
    readable: bool = True

    def failed(self, fail_on: str = "error") -> list[Finding]:
        """The findings at or above ``fail_on`` (``"error"`` or ``"warning"``)."""
        threshold = Severity(fail_on).rank
        return [f for f in self.findings if f.severity.rank >= threshold]

    def summary(self) -> dict[str, int]:
        return summary(self.findings)

    def to_json(self) -> dict:
        """The ``xmgl validate --format json`` document (see docs/validate.md)."""
        return {
            "dossier": str(self.root),
            "as_of": self.as_of.isoformat(),
            "stage": self.stage,
            "findings": [f.to_dict() for f in self.findings],
            "summary": self.summary(),
            "notes": list(self.notes),
        }

    def to_sarif(self) -> dict:
        """The ``xmgl validate --format sarif`` log (SARIF 2.1.0, one run)."""
        from xmgl import __version__
        from xmgl.domain.rules import RULES

        return sarif(
            self.findings,
            root=self.root,
            rules=RULES,
            version=__version__,
            as_of=self.as_of,
            stage=self.stage,
        )


def validate(root: str | Path, as_of: date, *, stage: str | None = None) -> Validation:
    """Load the dossier at ``root`` and check it; an unreadable dossier gives FORMAT-* findings."""
    from xmgl.domain import rules as R
    from xmgl.dossier.loader import find_root, load_dossier
    from xmgl.errors import DossierError

    root = Path(root)
    try:
        root = find_root(root)
        dossier = load_dossier(root)
    except DossierError as err:
        findings = R.format_findings(err.problems, message=err.message, hint=err.hint)
        return Validation(root, as_of, None, findings, readable=False)
    return of_dossier(dossier, as_of, stage=stage)


def of_dossier(dossier, as_of: date, *, stage: str | None = None) -> Validation:
    """Check an already loaded dossier (see :func:`validate`)."""
    from xmgl.domain import rules as R

    findings = R.check(dossier, as_of, stage=stage)
    notes = [d.message() for d in dossier.calendar.differences()] if dossier.calendar else []
    return Validation(
        dossier.root,
        as_of,
        stage or dossier.stage_name,
        findings,
        name=dossier.project.name,
        current=dossier.stage_name,
        notes=notes,
    )


def summary(findings) -> dict[str, int]:
    counts = {"error": 0, "warning": 0, "info": 0}
    for f in findings:
        counts[str(f.severity)] += 1
    return counts


def sarif(findings, *, root, rules, version: str, as_of, stage) -> dict:
    """A SARIF 2.1.0 log with one run; ``rules`` are the registry's rules (driver.rules)."""
    from xmgl.domain.regulation import article_zh

    descriptors = []
    index: dict[str, int] = {}

    def describe(rule_id, title, article, clause, severity, stages=None):
        index[rule_id] = len(descriptors)
        props = {"article": article, "clause": clause}
        if stages is not None:
            props["stages"] = sorted(stages)
        descriptors.append(
            {
                "id": rule_id,
                "name": rule_id.replace("-", "_"),
                "shortDescription": {"text": title},
                "fullDescription": {
                    "text": f"{article_zh(article)}（{clause}）：{title}" if article else title
                },
                "defaultConfiguration": {"level": SARIF_LEVEL[str(severity)]},
                "properties": props,
            }
        )

    for r in rules:
        describe(r.id, r.title, r.article, r.clause, r.severity, r.stages)
    results = []
    for f in findings:
        if f.rule not in index:
            describe(f.rule, "档案格式问题", f.article, f.clause, f.severity)
        location: dict = {
            "physicalLocation": {
                "artifactLocation": {"uri": f.location.file, "uriBaseId": "DOSSIER"},
            }
        }
        if f.location.line:
            region = {"startLine": f.location.line}
            if f.location.column:
                region["startColumn"] = f.location.column
            location["physicalLocation"]["region"] = region
        if f.location.path:
            location["logicalLocations"] = [{"fullyQualifiedName": f.location.path}]
        text = f.message + (f"\n提示：{f.hint}" if f.hint else "")
        results.append(
            {
                "ruleId": f.rule,
                "ruleIndex": index[f.rule],
                "level": SARIF_LEVEL[str(f.severity)],
                "message": {"text": text},
                "locations": [location],
                "properties": {"article": f.article, "clause": f.clause, "hint": f.hint},
            }
        )
    base = root.resolve().as_uri().rstrip("/") + "/"
    return {
        "$schema": SARIF_SCHEMA,
        "version": "2.1.0",
        "runs": [
            {
                "tool": {
                    "driver": {
                        "name": "xmgl",
                        "version": version,
                        "semanticVersion": version,
                        "rules": descriptors,
                    }
                },
                "originalUriBaseIds": {"DOSSIER": {"uri": base}},
                "invocations": [
                    {
                        "executionSuccessful": True,
                        "properties": {"as_of": as_of.isoformat(), "stage": stage},
                    }
                ],
                "columnKind": "unicodeCodePoints",
                "results": results,
            }
        ],
    }
