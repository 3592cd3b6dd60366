"""第十条: may the 可行性研究报告 and the 初步设计 be compiled (and approved) together?

One pure decision, :func:`merge_allowed`, used by ``xmgl report fsr --merged``
and meant for the rules (a merged FSR+PD without a ground is an error). The
grounds, from 第十条第二款 and 第三款:

- 紧急建设 — only "且符合国家、省、市相关规定": the dossier must name the
  document that grounds the urgency (``merged_fsr_pd.urgent_basis`` or
  ``urgent_basis_document``); a bare claim is not enough.
- 技术方案简单, 建设内容单一 — the unit's own statement; xmgl cannot judge it, the
  third-party evaluation (第十二条) does. Accepted as declared.
- 总投资 200 万元（不含）以下 — a fact: :func:`xmgl.domain.facts.total_investment`
  strictly below ¥2,000,000. Exactly ¥2,000,000 does NOT qualify. It holds
  whether or not the dossier lists it as a ground; listing it when the amount
  is 200万元 or more is itself a mistake the reasons name.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from decimal import Decimal

from xmgl.domain.facts import total_investment
from xmgl.domain.model import Dossier
from xmgl.domain.money import TWO_MILLION, wan_and_yuan
from xmgl.domain.schema import MERGE_GROUNDS

URGENT, SIMPLE, SINGLE, SMALL = MERGE_GROUNDS  # the grounds as project.yaml writes them

ARTICLE_10 = (
    "第十条第二款：需要紧急建设，且符合国家、省、市相关规定的项目，项目单位可以合并编报和审批"
    "可行性研究报告和初步设计。第三款：对于技术方案简单、建设内容单一或总投资额200万元（不含）"
    "以下的项目，项目单位可以合并编报和审批可行性研究报告和初步设计。"
)


@dataclass(frozen=True)
class MergeDecision:
    """Whether 第十条 allows the merged report, and why (Chinese, one line per ground).

    Unpacks as ``allowed, reasons = merge_allowed(d)``.
    """

    allowed: bool
    grounds: tuple[str, ...]
    """The grounds that hold (a subset of ``schema.MERGE_GROUNDS``), in the article's order."""
    reasons: list[str] = field(default_factory=list)

    def __iter__(self) -> Iterator[object]:
        return iter((self.allowed, self.reasons))


def merge_decision(
    declared: list[str] | tuple[str, ...],
    total: Decimal | None,
    urgent_basis: str | None = None,
) -> MergeDecision:
    """The 第十条 decision from its inputs alone (what :func:`merge_allowed` reads)."""
    declared = tuple(declared or ())
    held: list[str] = []
    reasons: list[str] = []

    if URGENT in declared:
        if urgent_basis:
            held.append(URGENT)
            reasons.append(f"需要紧急建设，依据：{urgent_basis}（第十条第二款）。")
        else:
            reasons.append(
                "申报了“紧急建设”，但没有写明符合国家、省、市相关规定的依据文件"
                "（merged_fsr_pd.urgent_basis 或 urgent_basis_document），不能据此合并（第十条第二款）。"
            )
    for ground in (SIMPLE, SINGLE):
        if ground in declared:
            held.append(ground)
            reasons.append(f"项目单位说明{ground}（第十条第三款；由第三方评估论证核实）。")

    if total is None:
        reasons.append("档案中没有总投资（投资估算或批复概算），无法按金额判断（第十条第三款）。")
    elif total < TWO_MILLION:
        held.append(SMALL)
        reasons.append(f"总投资 {wan_and_yuan(total)}，在200万元（不含）以下（第十条第三款）。")
    else:
        bound = (
            "恰为200万元，不属于“200万元（不含）以下”" if total == TWO_MILLION else "不低于200万元"
        )
        note = "；申报的“总投资200万元以下”不成立" if SMALL in declared else ""
        reasons.append(f"总投资 {wan_and_yuan(total)}，{bound}{note}（第十条第三款）。")

    if not held and not declared:
        reasons.append("档案没有申报任何合并编报依据（merged_fsr_pd.grounds）。")
    order = (URGENT, SIMPLE, SINGLE, SMALL)
    grounds = tuple(g for g in order if g in held)
    return MergeDecision(allowed=bool(grounds), grounds=grounds, reasons=reasons)


def merge_allowed(d: Dossier) -> MergeDecision:
    """第十条 for a dossier: grounds from ``merged_fsr_pd``, the amount from the facts."""
    m = d.data.merged_fsr_pd
    declared = list(m.grounds) if m is not None else []
    basis = None
    if m is not None:
        basis = m.urgent_basis or m.urgent_basis_document
    return merge_decision(declared, total_investment(d), basis)
