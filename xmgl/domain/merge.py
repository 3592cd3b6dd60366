"""第十条: may the 可行性研究报告 and the 初步设计 be compiled (and approved) together?

ONE decision, :func:`merge_allowed`. ``xmgl report fsr --merged`` writes the
merged report only when it allows it, and the A10 rules (``rules/a08_a10.py``)
report exactly its :attr:`MergeDecision.problems`, so the two can never
disagree. The grounds, from 第十条第二款 and 第三款, count only when the dossier
declares them (``merged_fsr_pd.grounds``):

- 紧急建设 — only "且符合国家、省、市相关规定": the dossier must name the
  document that grounds the urgency (``merged_fsr_pd.urgent_basis`` or
  ``urgent_basis_document``); a bare claim is not enough.
- 技术方案简单, 建设内容单一 — the unit's own judgement, which the third-party
  evaluation (第十二条) checks; it needs its reason (``simple_reason``,
  ``single_reason``), a bare claim is not enough.
- 总投资 200 万元（不含）以下 — a fact: :func:`xmgl.domain.facts.total_investment`
  strictly below ¥2,000,000. Exactly ¥2,000,000 does NOT qualify. An amount
  below the bound that the dossier does not declare is named in the reasons as
  a ground it could declare, never used silently.

A declared ground that does not hold is a problem even when another one holds:
the dossier says something untrue and the merge is refused until it is fixed.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import field
from datetime import date
from decimal import Decimal

from xmgl.domain.facts import total_investment
from xmgl.domain.model import Dossier
from xmgl.domain.money import TWO_MILLION, wan_and_yuan
from xmgl.domain.schema import MERGE_GROUNDS
from xmgl.value import Value

URGENT, SIMPLE, SINGLE, SMALL = MERGE_GROUNDS  # the grounds as project.yaml writes them

ARTICLE_10 = (
    "第十条第二款：需要紧急建设，且符合国家、省、市相关规定的项目，项目单位可以合并编报和审批"
    "可行性研究报告和初步设计。第三款：对于技术方案简单、建设内容单一或总投资额200万元（不含）"
    "以下的项目，项目单位可以合并编报和审批可行性研究报告和初步设计。"
)


NO_GROUNDS = "no_grounds"  # requested, no ground declared           → A10-MERGE-GROUNDS
NO_URGENT_BASIS = "no_urgent_basis"  # 紧急建设 without its basis      → A10-MERGE-URGENT-BASIS
NO_REASON = "no_reason"  # 技术方案简单 / 建设内容单一 without a reason → A10-MERGE-GROUND-REASON
AMOUNT_NOT_BELOW = "amount_not_below"  # 总投资200万元以下 claimed, ≥ 200万 → A10-MERGE-AMOUNT
AMOUNT_UNKNOWN = "amount_unknown"  # 总投资200万元以下 claimed, no amount → A10-MERGE-AMOUNT
NOT_REQUESTED = "not_requested"  # the dossier does not declare merging (report only)

REASON_FIELD = {SIMPLE: "simple_reason", SINGLE: "single_reason"}


class Problem(Value):
    """A declared ground that does not hold (or no ground at all): ``code`` above."""

    code: str
    ground: str | None
    text: str


class MergeDecision(Value):
    """Whether 第十条 allows the merged report, and why (Chinese, one line per ground).

    Unpacks as ``allowed, reasons = merge_allowed(d)``.
    """

    allowed: bool
    grounds: tuple[str, ...]
    """The declared grounds that hold (a subset of ``schema.MERGE_GROUNDS``), in the article's order."""
    reasons: list[str] = field(default_factory=list)
    problems: tuple[Problem, ...] = ()

    def __iter__(self) -> Iterator[object]:
        return iter((self.allowed, self.reasons))

    def problems_of(self, *codes: str) -> list[Problem]:
        return [p for p in self.problems if p.code in codes]


def merge_decision(
    declared: list[str] | tuple[str, ...],
    total: Decimal | None,
    urgent_basis: str | None = None,
    ground_reasons: dict[str, str | None] | None = None,
    *,
    requested: bool = True,
) -> MergeDecision:
    """The 第十条 decision from its inputs alone (what :func:`merge_allowed` reads).

    ``ground_reasons`` maps 技术方案简单 / 建设内容单一 to the reason the dossier gives.
    """
    declared = tuple(declared or ())
    ground_reasons = ground_reasons or {}
    held: list[str] = []
    reasons: list[str] = []
    problems: list[Problem] = []

    def problem(code: str, ground: str | None, text: str) -> None:
        problems.append(Problem(code, ground, text))
        reasons.append(text)

    if not requested:
        problem(
            NOT_REQUESTED,
            None,
            "档案没有申明合并编报（merged_fsr_pd.requested: true），第十条的合并编报须由项目单位申报。",
        )
    if URGENT in declared:
        if urgent_basis:
            held.append(URGENT)
            reasons.append(f"需要紧急建设，依据：{urgent_basis}（第十条第二款）。")
        else:
            problem(
                NO_URGENT_BASIS,
                URGENT,
                "申报了“紧急建设”，但没有写明符合国家、省、市相关规定的依据文件"
                "（merged_fsr_pd.urgent_basis 或 urgent_basis_document），不能据此合并（第十条第二款）。",
            )
    for ground in (SIMPLE, SINGLE):
        if ground not in declared:
            continue
        why = (ground_reasons.get(ground) or "").strip()
        if why:
            held.append(ground)
            reasons.append(f"{ground}：{why}（第十条第三款；由第三方评估论证核实）。")
        else:
            problem(
                NO_REASON,
                ground,
                f"申报了“{ground}”，但没有写理由（merged_fsr_pd.{REASON_FIELD[ground]}），"
                "不能据此合并（第十条第三款）。",
            )

    if total is None:
        text = "档案中没有总投资（投资估算或批复概算），无法按金额判断（第十条第三款）。"
        if SMALL in declared:
            problem(AMOUNT_UNKNOWN, SMALL, "申报了“总投资200万元以下”，但" + text)
        else:
            reasons.append(text)
    elif total < TWO_MILLION:
        if SMALL in declared:
            held.append(SMALL)
            reasons.append(f"总投资 {wan_and_yuan(total)}，在200万元（不含）以下（第十条第三款）。")
        else:
            reasons.append(
                f"总投资 {wan_and_yuan(total)}，在200万元（不含）以下，但档案没有申报这一依据"
                "（可在 merged_fsr_pd.grounds 写“总投资200万元以下”，第十条第三款）。"
            )
    else:
        bound = (
            "恰为200万元，不属于“200万元（不含）以下”" if total == TWO_MILLION else "不低于200万元"
        )
        text = f"总投资 {wan_and_yuan(total)}，{bound}"
        if SMALL in declared:
            problem(
                AMOUNT_NOT_BELOW,
                SMALL,
                f"{text}；申报的“总投资200万元以下”不成立（第十条第三款）。",
            )
        else:
            reasons.append(f"{text}（第十条第三款）。")

    if not declared:
        problem(NO_GROUNDS, None, "档案没有申报任何合并编报依据（merged_fsr_pd.grounds）。")
    order = (URGENT, SIMPLE, SINGLE, SMALL)
    grounds = tuple(g for g in order if g in held)
    return MergeDecision(
        allowed=bool(grounds) and not problems,
        grounds=grounds,
        reasons=reasons,
        problems=tuple(problems),
    )


def merge_allowed(d: Dossier, until: date | None = None) -> MergeDecision:
    """第十条 for a dossier: grounds and reasons from ``merged_fsr_pd``, the amount from the
    facts (as of ``until`` when given: a report dated before an approval is judged
    without it)."""
    m = d.data.merged_fsr_pd
    declared = list(m.grounds) if m is not None else []
    basis = None
    ground_reasons: dict[str, str | None] = {}
    if m is not None:
        basis = m.urgent_basis or m.urgent_basis_document
        ground_reasons = {g: m.get(name) for g, name in REASON_FIELD.items()}
    total = total_investment(d, until)
    return merge_decision(declared, total, basis, ground_reasons, requested=d.merged)
