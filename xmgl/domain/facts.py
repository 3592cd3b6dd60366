"""Facts derived from the records: money in force, totals, key dates.

Used by ``show``, the rules, the reports and the portfolio alike, so that a
figure means the same everywhere.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from xmgl.domain.model import Dossier, Location, Node
from xmgl.domain.schema import BUDGET_SUBJECTS, FSR, MERGED, PD, REAPPROVAL
from xmgl.value import Value


class Money(Value):
    estimate: Decimal | None
    budget: Decimal | None
    """概算 in force: the latest re-approval (第十五条), else the approved 概算."""
    contracted: Decimal
    paid: Decimal

    @property
    def pay_rate(self) -> Decimal | None:
        """Paid against the 概算 in force, in percent, two places."""
        if not self.budget:
            return None
        return (self.paid * 100 / self.budget).quantize(Decimal("0.01"))


def budget_source(d: Dossier, until: date | None = None) -> tuple[Decimal, Location, str] | None:
    """The 概算 in force, where it is written and what it is.

    The latest re-approval (第十五条), else the 批复概算 fact, else the amount of
    the latest 初步设计及概算 / 可研代初步设计 approval. On ``until``, approvals
    after that day are not yet in force. (A fact that disagrees with its
    approval record is a finding of its own, A15-BUDGET-MISMATCH.)
    """
    approvals = [r for r in d.records_of("approval") if until is None or r.date <= until]
    for r in reversed(approvals):
        if r.subject == REAPPROVAL and r.amount is not None:
            return r.amount, r.where("amount"), "重新审批的概算"
    # the 批复概算 fact may already carry an approval dated after ``until``
    later = until is not None and any(
        r.date > until and r.amount is not None and r.subject in (*BUDGET_SUBJECTS, REAPPROVAL)
        for r in d.records_of("approval")
    )
    if d.investment.budget is not None and not later:
        return d.investment.budget, d.investment.where("budget"), "批复概算"
    for r in reversed(approvals):
        if r.subject in BUDGET_SUBJECTS and r.amount is not None:
            return r.amount, r.where("amount"), f"{r.subject}批复金额"
    return None


def budget_in_force(d: Dossier, until: date | None = None) -> Decimal | None:
    """The 概算 in force (on ``until`` when given: later re-approvals are not yet in force)."""
    found = budget_source(d, until)
    return found[0] if found else None


def total_investment_source(d: Dossier) -> tuple[Decimal, Location, str] | None:
    """总投资 as 第十条 compares it, with its location: the 概算 if approved, else the 估算."""
    found = budget_source(d)
    if found is not None:
        return found
    if d.investment.estimate is not None:
        return d.investment.estimate, d.investment.where("estimate"), "投资估算"
    return None


def total_investment(d: Dossier) -> Decimal | None:
    """总投资 as the regulation compares it (第十条): the 概算 if approved, else the 估算."""
    found = total_investment_source(d)
    return found[0] if found else None


def money(d: Dossier, until: date | None = None) -> Money:
    def upto(kind: str) -> list[Node]:
        return [r for r in d.records_of(kind) if until is None or r.date <= until]

    return Money(
        estimate=d.investment.estimate,
        budget=budget_in_force(d, until),
        contracted=sum((r.amount for r in upto("contract")), Decimal(0)),
        paid=sum((r.amount for r in upto("payment")), Decimal(0)),
    )


KEY_EVENTS: tuple[tuple[str, str, dict[str, str]], ...] = (
    ("纳入储备库", "reserve_entry", {}),
    ("报送年度计划", "plan_submission", {}),
    ("列入年度投资计划", "plan_inclusion", {}),
    ("可研批复", "approval", {"subject": FSR}),
    ("可研代初设批复", "approval", {"subject": MERGED}),
    ("初步设计及概算批复", "approval", {"subject": PD}),
    ("首份合同签订", "contract", {}),
    ("初步验收", "preliminary_acceptance", {}),
    ("申请竣工验收", "acceptance_application", {}),
    ("竣工验收", "acceptance", {}),
    ("投入运行", "go_live", {}),
    ("自评价", "self_evaluation", {}),
)


def key_dates(d: Dossier) -> list[tuple[str, date]]:
    out = []
    for label, kind, match in KEY_EVENTS:
        r = d.first(kind, **match)
        if r is not None:
            out.append((label, r.date))
    return out


def in_scope(d: Dossier) -> bool:
    """第二条: the measures apply to projects built or run with 市本级财政性资金.

    A project funded in part by the city (``funding.source`` or one of
    ``funding.other_sources`` is 市本级财政性资金) is in scope; so is a dossier that
    does not say (the loader requires ``funding.source``, so only an empty one).
    """
    from xmgl.domain.schema import CITY_FISCAL

    funding = d.funding
    if not funding.source:
        return True
    return funding.source == CITY_FISCAL or CITY_FISCAL in (funding.get("other_sources") or ())
