"""The stages of a project's life (the names only; the moves live in ``lifecycle``).

Stage ids are English so they are easy to type (``xmgl advance construction``);
every id has its Chinese name, which is what users read.
"""

from __future__ import annotations

STAGES: dict[str, str] = {
    "reserve": "项目储备",
    "plan": "列入年度计划",
    "feasibility": "可行性研究报告编报",
    "preliminary_design": "初步设计编报",
    "merged_design": "可研代初步设计编报",
    "approved": "立项批复",
    "procurement": "招标采购",
    "construction": "建设实施",
    "preliminary_acceptance": "初步验收",
    "acceptance_applied": "已申请竣工验收",
    "accepted": "竣工验收合格",
    "acceptance_failed": "竣工验收不合格",
    "rectification": "验收整改",
    "reinspection": "复验",
    "in_operation": "投入运行",
    "self_evaluation": "自评价",
    "post_evaluation": "后评价",
    "supervision_rectification": "监督整改",
    "deferred": "暂缓安排投资计划",
    "suspended": "暂停建设",
    "terminated": "终止",
}

ORDER = {stage: i for i, stage in enumerate(STAGES)}

SIDE: tuple[str, ...] = ("supervision_rectification", "deferred", "suspended", "terminated")
"""The side stages of 第二十条 (supervision interrupts the main line; ``xmgl stages`` and the
docs call them 中断). A project enters one from a main-line stage and, except from
``terminated``, returns to the main-line stage it left (:func:`xmgl.domain.lifecycle.resume_target`);
while there it keeps that stage's obligations (:func:`xmgl.domain.rules.main_stage`)."""

MAIN: tuple[str, ...] = tuple(s for s in STAGES if s not in SIDE)
"""The main line, in order: 项目储备 … 后评价."""


def label(stage: str) -> str:
    """``'construction'`` → ``'建设实施（construction）'``."""
    return f"{STAGES.get(stage, stage)}（{stage}）"
