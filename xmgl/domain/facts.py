"""Facts derived from the records: money in force, totals, key dates.

Used by ``show``, the rules, the reports and the portfolio alike, so that a
figure means the same everywhere.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from decimal import Decimal

from xmgl.domain.model import Dossier, Location, Node
from xmgl.domain.schema import BUDGET_SUBJECTS, FSR, MERGED, PD, REAPPROVAL
from xmgl.value import Value

OPERATION = "运维"
"""The contract type that pays for running the system, not for building it.

第九条 has the units submit 项目建设和运维计划 — construction and O&M — and the dossier
writes the O&M cost apart from the investment, as a yearly figure
(``investment.operation_annual``, 年运行维护费用估算). The 概算 that 第十五条 holds the
project to is the approved 初步设计及概算: the construction investment. So a 运维
contract and the payments on it are not counted against the 概算; every other contract
(建设, 监理, 咨询, 测评, 政务云服务, 其他) is, and so is a payment whose contract is not
registered (A21-CONTRACT-REFS reports it): only what is known to be O&M is left out.
"""


class Money(Value):
    estimate: Decimal | None
    budget: Decimal | None
    """概算 in force: the latest re-approval (第十五条), else the approved 概算."""
    contracted: Decimal
    """Contracts counted against the 概算: every contract but 运维 (:data:`OPERATION`)."""
    paid: Decimal
    """Payments counted against the 概算: every payment but those on a 运维 contract."""
    operation_contracts: tuple[str, ...]
    """The ids of the 运维 contracts (annual O&M, outside the 概算), in record order."""
    operation_contracted: Decimal
    operation_paid: Decimal

    @property
    def pay_rate(self) -> Decimal | None:
        """Paid against the 概算 in force (运维 payments not counted), in percent, two places."""
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


def operation_contract_ids(d: Dossier) -> frozenset[str]:
    """The ids of the registered 运维 contracts (a repeated id: its first record)."""
    types: dict[str, str] = {}
    for c in d.records_of("contract"):
        types.setdefault(c.id, c.type)
    return frozenset(i for i, t in types.items() if t == OPERATION)


def against_budget(d: Dossier, kind: str, until: date | None = None) -> list[Node]:
    """The contracts (``kind="contract"``) or payments (``"payment"``) that count
    against the 概算, in record order, up to ``until``: all but the 运维 ones
    (:data:`OPERATION`). The one definition the totals, the 支付率, A15-OVER-BUDGET,
    the reports and the portfolio use."""
    return [r for r in _upto(d, kind, until) if not _is_operation(r, operation_contract_ids(d))]


def _upto(d: Dossier, kind: str, until: date | None) -> list[Node]:
    return [r for r in d.records_of(kind) if until is None or r.date <= until]


def _is_operation(r: Node, operation: frozenset[str]) -> bool:
    return (r.id if r.kind == "contract" else r.contract) in operation


def money(d: Dossier, until: date | None = None) -> Money:
    """The money figures on ``until`` (every record when None). ``contracted``,
    ``paid`` and the 支付率 are against the 概算; the 运维 contracts are apart."""
    operation = operation_contract_ids(d)
    contracts, payments = _upto(d, "contract", until), _upto(d, "payment", until)
    om_contracts = [c for c in contracts if _is_operation(c, operation)]
    om_payments = [r for r in payments if _is_operation(r, operation)]
    return Money(
        estimate=d.investment.estimate,
        budget=budget_in_force(d, until),
        contracted=_sum(c for c in contracts if not _is_operation(c, operation)),
        paid=_sum(r for r in payments if not _is_operation(r, operation)),
        operation_contracts=tuple(dict.fromkeys(c.id for c in om_contracts)),
        operation_contracted=_sum(om_contracts),
        operation_paid=_sum(om_payments),
    )


def _sum(records: Iterable[Node]) -> Decimal:
    return sum((r.amount for r in records), Decimal(0))


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
