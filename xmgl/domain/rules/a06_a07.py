"""第六条 reserve-library requirements; 第七条 cross-boundary projects."""

from __future__ import annotations

from collections.abc import Callable, Iterator

from xmgl.domain.model import Node
from xmgl.domain.rules.base import (
    ALL,
    DRAFTING_APPLICATION,
    DRAFTING_FSR,
    Context,
    E,
    Hit,
    I,
    W,
    hit,
    locate,
    rule,
    since,
)
from xmgl.domain.schema import SECURITY_DOMAINS, SYNC_STEPS

REQUIREMENTS = (
    ("digital_government_plan", "（一）", "符合数字政府总体规划", "A6-DIGITAL-GOV-PLAN"),
    ("sector_plan", "（二）", "符合行业中长期规划", "A6-SECTOR-PLAN"),
    (
        "intensive_mode",
        "（三）",
        "充分利用上级政务信息化基础支撑平台和全市性综合应用平台，采用集约化建设模式",
        "A6-INTENSIVE",
    ),
    (
        "data_sharing",
        "（四）",
        "符合《营口市政务信息共享开放管理办法》要求，能够实现数据共享",
        "A6-DATA-SHARING",
    ),
)
DOMAIN_ZH = dict(
    zip(SECURITY_DOMAINS, ("网络安全", "数据安全", "个人信息保护", "密码管理"), strict=True)
)
STEP_ZH = dict(
    zip(SYNC_STEPS, ("同步设计", "同步建设", "同步评估", "同步验收", "同步运行"), strict=True)
)


def _requirement_rule(
    name: str, item: str, text: str, rule_id: str
) -> Callable[[Context], Iterator[Hit]]:
    @rule(rule_id, 6, f"第六条第{item}项", E, ALL, f"项目储备要求：{text}")
    def check(ctx: Context) -> Iterator[Hit]:
        return _requirement_unmet(ctx, name, item, text)

    return check


def _requirement_unmet(ctx: Context, name: str, item: str, text: str) -> Iterator[Hit]:
    """The finding of one of 第六条's four requirements: no statement of how it is met."""
    reserve = ctx.d.reserve
    section = reserve.get(name) if reserve is not None else None
    if section is None or not section.statement:
        where = locate(ctx.d.data, "reserve", name, "statement")
        yield hit(
            f"没有说明项目如何满足第六条第{item}项“{text}”。",
            f"在 reserve.{name}.statement 写明依据（规划名称、条目），佐证材料放进档案并写在 "
            f"reserve.{name}.evidence。",
            where,
        )


for _name, _item, _text, _id in REQUIREMENTS:
    _requirement_rule(_name, _item, _text, _id)


@rule("A6-EVIDENCE", 6, "第六条", I, ALL, "储备要求的说明宜附佐证材料")
def evidence(ctx: Context) -> Iterator[Hit]:
    reserve = ctx.d.reserve
    if reserve is None:
        return
    for name, item, text, _ in REQUIREMENTS:
        section = reserve.get(name)
        if section is not None and section.statement and not section.evidence:
            yield hit(
                f"第六条第{item}项“{text}”有说明，但没有佐证材料。",
                f"把规划摘录、共享目录等佐证文件放进档案，在 reserve.{name}.evidence 写路径。",
                section.where("evidence"),
            )


@rule("A6-FIVE-SYNC", 6, "第六条第（五）项", E, ALL, "网络信息安全“五同步”")
def five_synchronous(ctx: Context) -> Iterator[Hit]:
    reserve = ctx.d.reserve
    grid = reserve.get("five_synchronous") if reserve is not None else None
    if grid is None:
        yield hit(
            "没有填写网络信息安全“五同步”：第六条第（五）项要求网络安全、数据安全、个人信息保护、"
            "密码管理与系统同步设计、同步建设、同步评估、同步验收、同步运行。",
            "在 reserve.five_synchronous 下按四个方面各填 design、build、assess、accept、"
            "operate 五项（true/false）。",
            locate(ctx.d.data, "reserve", "five_synchronous"),
        )
        return
    for domain in SECURITY_DOMAINS:
        row = grid.get(domain)
        missing = [s for s in SYNC_STEPS if row is None or row.get(s) is not True]
        if not missing:
            continue
        where = grid.where(domain)
        if row is not None:
            falses = [s for s in missing if row.get(s) is False]
            where = row.where(falses[0] if falses else missing[0])
        yield hit(
            f"{DOMAIN_ZH[domain]}没有做到"
            f"{'、'.join(STEP_ZH[s] for s in missing)}：第六条第（五）项要求“五同步”。",
            f"在方案中补齐{DOMAIN_ZH[domain]}的{'、'.join(STEP_ZH[s] for s in missing)}安排，"
            f"并把 reserve.five_synchronous.{domain} 的对应项改为 true。",
            where,
        )


@rule("A6-RESERVE-ENTRY", 6, "第六条", W, since("plan"), "项目应先纳入项目储备库")
def reserve_entry(ctx: Context) -> Iterator[Hit]:
    d = ctx.d
    if d.first("reserve_entry") is None:
        inclusion = d.first("plan_inclusion")
        if inclusion is not None and not ctx.in_force(inclusion.date):
            return  # 第二十三条: included in a plan before the regulation took effect
        yield hit(
            "没有纳入项目储备库的记录：第六条、第九条第一款规定年度投资计划综合项目储备库编制。",
            "补录 reserve_entry 记录（日期、文号）；如确未入库，请先向市数据局申请纳入储备库。",
            inclusion.where() if inclusion is not None else d.data.where("records"),
        )


def _cross(ctx: Context) -> Node | None:
    cb: Node | None = ctx.d.cross_boundary
    return cb if cb is not None and cb.kinds else None


@rule(
    "A7-LEAD",
    7,
    "第七条第一款",
    E,
    ALL,
    "跨部门等共建共享项目须明确牵头部门",
    drafting=DRAFTING_APPLICATION,
)
def lead(ctx: Context) -> Iterator[Hit]:
    cb = _cross(ctx)
    if cb is not None and not cb.lead_department:
        yield hit(
            f"项目属于{'、'.join(cb.kinds)}共建共享，却没有写牵头部门：第七条要求明确牵头部门。",
            "在 cross_boundary.lead_department 写牵头部门全称。",
            cb.where("lead_department"),
        )


@rule(
    "A7-PARTICIPANTS",
    7,
    "第七条第一款",
    E,
    ALL,
    "共建共享项目须列明参建部门",
    drafting=DRAFTING_APPLICATION,
)
def participants(ctx: Context) -> Iterator[Hit]:
    cb = _cross(ctx)
    if cb is not None and not cb.participants:
        yield hit(
            f"项目属于{'、'.join(cb.kinds)}共建共享，却没有列出参建部门：第七条要求牵头部门统筹"
            "组织参建部门进行需求分析、框架设计、项目申报和实施。",
            "在 cross_boundary.participants 逐个列出参建部门（department）。",
            cb.where("participants"),
        )


FLOWS = (("business_flow", "业务流"), ("data_flow", "数据流"), ("interfaces", "系统接口"))


@rule(
    "A7-FLOWS",
    7,
    "第七条第一款",
    E,
    since("feasibility"),
    "明确各部门与总体工程的业务流、数据流和系统接口",
    drafting=DRAFTING_FSR,
)
def flows(ctx: Context) -> Iterator[Hit]:
    cb = _cross(ctx)
    if cb is None:
        return
    for p in cb.participants:
        missing = [zh for name, zh in FLOWS if not p.get(name)]
        if missing:
            first = next(name for name, zh in FLOWS if not p.get(name))
            yield hit(
                f"参建部门“{p.department}”没有写明与总体工程的{'、'.join(missing)}：第七条要求"
                "明确各部门项目与总体工程的业务流、数据流和系统接口。",
                "在该参建部门下补写 business_flow、data_flow、interfaces。",
                p.where(first),
            )


@rule(
    "A7-DATA-CATALOG",
    7,
    "第七条第一款",
    E,
    ALL,
    "初步形成数据目录",
    drafting=DRAFTING_APPLICATION,
)
def data_catalog(ctx: Context) -> Iterator[Hit]:
    cb = _cross(ctx)
    if cb is not None and not cb.data_catalog:
        yield hit(
            "共建共享项目没有数据目录：第七条要求初步形成数据目录。",
            "把数据目录放进档案（如 docs/数据目录.xlsx），在 cross_boundary.data_catalog 写路径。",
            cb.where("data_catalog"),
        )


@rule("A7-UPPER-LEVEL", 7, "第七条第二款", W, since("feasibility"), "加强与上级项目的衔接")
def upper_level(ctx: Context) -> Iterator[Hit]:
    cb = _cross(ctx)
    if cb is not None and "跨层级" in cb.kinds and not cb.upper_level_project:
        yield hit(
            "跨层级项目没有写明衔接的上级项目：第七条第二款要求需要与上级共享协同的项目加强与"
            "上级项目的衔接。",
            "在 cross_boundary.upper_level_project 写上级项目名称。",
            cb.where("upper_level_project"),
        )
