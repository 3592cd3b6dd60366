"""xmgl as a Python library: everything the commands do, without the command line.

The CLI (``xmgl.cli``) only parses arguments and formats what these functions
return; see docs/api.md for a walk-through. Heavy modules are imported inside
each function, so ``import xmgl.api`` stays cheap.

Every failure is an :class:`xmgl.errors.XmglError` with a Chinese message, a hint
and an exit code (:class:`xmgl.errors.ExitCode`), exactly as the CLI reports it.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # pragma: no cover - names for the annotations only
    from xmgl.domain.deadlines import Obligation
    from xmgl.domain.model import Dossier
    from xmgl.domain.rules import Finding
    from xmgl.dossier.signers import SignerStatus
    from xmgl.dossier.transition import Done, Plan
    from xmgl.gitaudit.audit import AuditReport
    from xmgl.validation import Validation

__all__ = [
    "advance",
    "check",
    "create",
    "deadlines",
    "load",
    "parse_article",
    "record",
    "report",
    "scan_portfolio",
    "signer_status",
    "validate",
    "verify_audit",
]


def load(path: str | Path) -> Dossier:
    """The dossier at ``path`` (or the nearest folder above it holding ``project.yaml``).

    Raises :class:`xmgl.errors.DossierError` listing every located problem.
    """
    from xmgl.dossier.loader import find_root, load_dossier

    return load_dossier(find_root(Path(path)))


def check(dossier: Dossier, as_of: date, *, stage: str | None = None) -> list[Finding]:
    """The findings (:class:`xmgl.domain.rules.Finding`), sorted by article, then position."""
    from xmgl.domain.rules import check as run

    return run(dossier, as_of, stage=stage)


def validate(path: str | Path, as_of: date, *, stage: str | None = None) -> Validation:
    """What ``xmgl validate`` computes: findings, summary, and the JSON and SARIF documents."""
    from xmgl.validation import validate as run

    return run(path, as_of, stage=stage)


def deadlines(dossier: Dossier, as_of: date) -> list[Obligation]:
    """Every statutory deadline and its status on ``as_of`` (what ``xmgl status`` lists)."""
    from xmgl.domain.deadlines import obligations

    return obligations(dossier, as_of)


def report(
    dossier: Dossier,
    kind: str,
    as_of: date,
    *,
    output: Path | None = None,
    force: bool = False,
    **options,
):
    """Write a .docx report: ``kind`` is ``"fsr"`` (``merged=``) or ``"quarterly"`` (``period=``)."""
    from xmgl.reports import generate

    makers = {"fsr": generate.fsr, "quarterly": generate.quarterly}
    if kind not in makers:
        from xmgl.errors import UsageError

        raise UsageError(f"没有 “{kind}” 这种报告。", hint="可选：" + "、".join(makers))
    return makers[kind](dossier, as_of, output=output, force=force, **options)


def create(target: Path, *, today: date, signing_key: Path | None = None, **facts) -> Path:
    """A new dossier (``xmgl init``); with ``signing_key`` a git repository, first commit signed."""
    from xmgl.dossier.scaffold import create_dossier

    return create_dossier(Path(target), today=today, signing_key=signing_key, **facts)


def record(root: Path, kind: str, pairs: list[str], today: date):
    """Add a record (``xmgl record KIND key=value…``), keeping comments and order."""
    from xmgl.dossier.record import add_record

    return add_record(Path(root), kind, pairs, today)


def advance(
    root: Path, target: str, on: date, *, today: date, dry_run: bool = False
) -> Plan | Done:
    """Move the dossier to ``target`` with one signed commit; ``dry_run`` only checks the gate."""
    from xmgl.dossier import transition

    if dry_run:
        return transition.plan_advance(Path(root), target, on, today=today)
    return transition.advance(Path(root), target, on, today=today)


def verify_audit(root: Path, **options) -> AuditReport:
    """Verify the signed history (``xmgl audit verify``); ``report.ok`` is the verdict."""
    from xmgl.gitaudit.audit import verify

    return verify(Path(root), **options)


def signer_status(root: Path) -> SignerStatus:
    """Who may sign, and whether this machine's key may sign now (``xmgl signers``)."""
    from xmgl.dossier.signers import signer_status as status

    return status(Path(root))


def scan_portfolio(paths: list[Path], as_of: date, **options) -> list[dict]:
    """One row per dossier found under ``paths`` (``xmgl portfolio``), in path order."""
    from xmgl.portfolio.scan import find_dossiers, scan

    return scan(find_dossiers([Path(p) for p in paths]), as_of, **options)


def parse_article(text: str) -> int | None:
    """``"A10"``, ``"10"``, ``"第十条"`` → 10; None if ``text`` names no article."""
    from xmgl.domain.regulation import parse_article as parse

    return parse(text)
