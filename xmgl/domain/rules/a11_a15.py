"""第十一条 FSR contents; 第十二条 review before approval; 第十三条 management systems;
第十四条 procurement, no transfer; 第十五条 follow the approval."""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal

from xmgl.domain import bodies as B
from xmgl.domain import facts
from xmgl.domain import schema as S
from xmgl.domain.facts import budget_in_force
from xmgl.domain.model import Dossier, Node
from xmgl.domain.money import wan_and_yuan
from xmgl.domain.rules.base import (
    ALL,
    DRAFTING_FSR,
    Context,
    E,
    Hit,
    W,
    hit,
    locate,
    rule,
    since,
    stage_where,
)
from xmgl.domain.schema import BUDGET_SUBJECTS, COMPETITIVE_METHODS

BIDDING_LAW_48 = "《中华人民共和国招标投标法》第四十八条（中标人不得转让、肢解转让中标项目，不得分包主体、关键性工作）"
"""Binds every winning bidder whatever the funding: 第十四条第一款 restates it."""

# approval subject → the evaluation subject that must precede it (第十二条)
EVALUATED = {S.FSR: "可行性研究报告", S.PD: "初步设计", S.MERGED: "可研代初步设计"}


# ---------------------------------------------------------------- 第十一条


@rule(
    "A11-DATA-SHARING",
    11,
    "第十一条第（一）项",
    E,
    since("feasibility"),
    "数据资源共享分析：信息资源目录、共享清单、流程",
    drafting=DRAFTING_FSR,
)
def data_sharing(ctx: Context) -> Iterator[Hit]:
    ds = ctx.d.data_sharing
    parts = (
        ("catalog", "信息资源目录"),
        ("sharing_list", "数据资源共享清单（含接口、频率）"),
        ("process", "共享流程"),
    )
    for name, zh in parts:
        if ds is None or not ds.get(name):
            yield hit(
                f"缺少{zh}：第十一条第（一）项要求可研和初步设计包含数据资源共享分析篇（章），"
                "明确信息资源目录、数据资源共享清单、流程、接口、频率。",
                f"在 data_sharing.{name} 填写{zh}（字段见 docs/dossier-format.md）。",
                locate(ctx.d.data, "data_sharing", name),
            )


@rule(
    "A11-SERVICE-COMPARISON",
    11,
    "第十一条第（二）项",
    E,
    since("feasibility"),
    "政府购买服务须有自建与购买服务经济性比较",
    drafting=DRAFTING_FSR,
)
def service_comparison(ctx: Context) -> Iterator[Hit]:
    sp = ctx.d.service_purchase
    if sp is not None and sp.used and not sp.comparison:
        yield hit(
            "项目采用政府购买服务，却没有自建与购买服务方式的经济性比较分析：第十一条第（二）项"
            "要求增加这一章节。",
            "把经济性比较分析（可研的相应章节或单独文件）放进档案，在 "
            "service_purchase.comparison 写路径。",
            sp.where("comparison"),
        )


SECURITY_DOCS = (
    ("secure_reliable", "软硬件产品安全可靠情况说明"),
    ("scheme", "项目安全方案"),
    ("crypto_plan", "密码应用方案"),
)


@rule(
    "A11-SECURITY-DOCS",
    11,
    "第十一条第（三）项",
    E,
    since("feasibility"),
    "安全可靠情况说明、项目安全方案、密码应用方案",
    drafting=DRAFTING_FSR,
)
def security_docs(ctx: Context) -> Iterator[Hit]:
    for name, zh in SECURITY_DOCS:
        if not ctx.d.security.get(name):
            yield hit(
                f"缺少{zh}：第十一条第（三）项要求可研和初步设计包括软硬件产品安全可靠情况说明、"
                "项目安全、密码应用方案等。",
                f"把{zh}放进档案（如 docs/），在 security.{name} 写路径。",
                ctx.d.security.where(name),
            )


@rule(
    "A11-MLPS-LEVEL", 11, "第十一条第（三）项", W, since("feasibility"), "写明网络安全等级保护级别"
)
def mlps_level(ctx: Context) -> Iterator[Hit]:
    sec = ctx.d.security
    if not sec.classified and sec.mlps_level is None:
        yield hit(
            "非涉密系统没有写网络安全等级保护级别：项目安全方案以定级为前提（第十一条第（三）项），"
            "竣工验收须附等级保护测评报告（第十七条第二款），由市公安局指导监督（第三条）。",
            "在 security.mlps_level 写定级（1–5）。",
            sec.where("mlps_level"),
        )


# ---------------------------------------------------------------- 第十二条


def project_approvals(d: Dossier) -> list[Node]:
    return [a for a in d.records_of("approval") if a.subject in EVALUATED]


@rule(
    "A12-APPROVAL-MISSING",
    12,
    "第十二条",
    E,
    frozenset({"preliminary_design"}) | since("approved"),
    "立项须有批复（可研、初步设计及概算，或可研代初步设计）",
)
def approval_missing(ctx: Context) -> Iterator[Hit]:
    d = ctx.d
    fsr = d.first("approval", subject=S.FSR)
    pd = d.first("approval", subject=S.PD)
    merged = d.first("approval", subject=S.MERGED)
    if ctx.main == "preliminary_design":
        if fsr is None:
            yield hit(
                "进入初步设计编报阶段，却没有可行性研究报告的批复记录（第三条第三款、第十二条）。",
                f"补录 approval 记录（subject: {S.FSR}，issuer: {B.CITY}{B.APPROVER[S.FSR][1:]}）。",
                stage_where(ctx),
            )
        return
    if merged is not None:
        return
    missing = []
    if fsr is None:
        missing.append("可行性研究报告的批复")
    if pd is None:
        missing.append("初步设计及概算的批复")
    if missing:
        yield hit(
            f"项目已立项，却没有{'和'.join(missing)}记录：第十二条规定由{B.APPROVER[S.PD]}"
            "评估论证后批复（合并编报的为可研代初步设计批复）。",
            "补录 approval 记录（subject、issuer、文号、金额）。",
            stage_where(ctx),
        )


@rule(
    "A12-EVAL-BEFORE-APPROVAL",
    12,
    "第十二条",
    E,
    ALL,
    "批复前须经第三方评估论证",
)
def eval_before_approval(ctx: Context) -> Iterator[Hit]:
    d = ctx.d
    evaluations = d.records_of("evaluation")
    for a in project_approvals(d):
        if not ctx.in_force(a.date):
            continue
        wanted = EVALUATED[a.subject]
        if not any(e.subject == wanted and e.date <= a.date for e in evaluations):
            later = [e for e in evaluations if e.subject == wanted]  # none is on or before
            why = (
                f"评估论证（{later[0].date.isoformat()}）晚于批复"
                if later
                else "档案中没有对应的评估论证记录"
            )
            yield hit(
                f"{a.date.isoformat()} 的{a.subject}批复之前没有第三方评估论证（{wanted}）：{why}。"
                "第十二条规定市营商环境建设局委托第三方中介服务机构评估论证后予以批复。",
                f"补录 evaluation 记录（subject: {wanted}，评估日期不晚于批复日期）；"
                "确未评估的，批复依据不足，请与市营商环境建设局核实。",
                a.where(),
            )


@rule(
    "A12-EVALUATOR-SELECTION",
    12,
    "第十二条",
    E,
    ALL,
    "第三方中介机构须通过竞争性方式选择",
)
def evaluator_selection(ctx: Context) -> Iterator[Hit]:
    for e in ctx.d.records_of("evaluation"):
        if ctx.in_force(e.date) and e.selection not in COMPETITIVE_METHODS:
            yield hit(
                f"评估论证机构“{e.evaluator}”以“{e.selection}”方式选定，不是竞争性方式："
                "第十二条规定第三方服务中介机构应通过竞争性方式选择确定。",
                f"核对选定方式（竞争性方式：{'、'.join(COMPETITIVE_METHODS)}）；"
                "确为非竞争性选定的，应重新选定机构评估。",
                e.where("selection"),
            )


@rule("A12-EVALUATOR-QUALIFIED", 12, "第十二条", E, ALL, "第三方中介机构须具有资质")
def evaluator_qualified(ctx: Context) -> Iterator[Hit]:
    for e in ctx.d.records_of("evaluation"):
        if ctx.in_force(e.date) and e.qualified is False:
            yield hit(
                f"评估论证机构“{e.evaluator}”不具有相应资质：第十二条规定委托具有资质的第三方"
                "中介服务机构。",
                "委托具有资质的机构重新评估；如有资质，改为 qualified: true 并在 qualification "
                "写资质证书。",
                e.where("qualified"),
            )


@rule(
    "A12-CRYPTO-REVIEW",
    12,
    "第十二条",
    E,
    ALL,
    "批复前密码应用方案须经市国家密码管理局审核通过",
)
def crypto_review(ctx: Context) -> Iterator[Hit]:
    d = ctx.d
    reviews = [r for r in d.records_of("crypto_review") if r.result == "通过"]
    for a in project_approvals(d):
        if ctx.in_force(a.date) and not any(r.date <= a.date for r in reviews):
            yield hit(
                f"{a.date.isoformat()} 的{a.subject}批复之前，密码应用方案没有通过市国家密码管理局"
                "的合法性审核（第十二条、第三条第七款）。",
                "补录 crypto_review 记录（issuer: 大石桥市国家密码管理局，result: 通过，"
                "日期不晚于批复）；未审核的，先报审。",
                a.where(),
            )


# ---------------------------------------------------------------- 第十三条


@rule("A13-TENDER", 13, "第十三条", E, since("construction"), "招标投标制：建设前须有采购记录")
def tender(ctx: Context) -> Iterator[Hit]:
    if ctx.d.first("procurement") is None:
        yield hit(
            "项目进入建设实施，却没有招标采购记录：第十三条要求落实招标投标制，第十四条要求依法"
            "履行政府采购或招投标程序。",
            "补录 procurement 记录（采购内容、方式、中标单位、金额、公告编号）。",
            stage_where(ctx),
        )


@rule("A13-CONTRACT", 13, "第十三条", E, since("construction"), "合同管理制：建设前须签订合同")
def contract(ctx: Context) -> Iterator[Hit]:
    if ctx.d.first("contract") is None:
        yield hit(
            "项目进入建设实施，却没有合同记录：第十三条要求落实合同管理制。",
            "补录 contract 记录（合同编号、类型、相对方、金额）。",
            stage_where(ctx),
        )


@rule(
    "A13-SUPERVISION-CONTRACT",
    13,
    "第十三条",
    E,
    since("construction"),
    "建设监理制：建设项目须有监理合同",
)
def supervision_contract(ctx: Context) -> Iterator[Hit]:
    d = ctx.d
    if d.project.nature == "运行维护":
        return
    if not any(c.type == "监理" for c in d.records_of("contract")):
        yield hit(
            "项目进入建设实施，却没有监理合同：第十三条要求落实建设监理制（竣工验收还须附监理报告，"
            "第十七条第二款）。",
            "补录 contract 记录（type: 监理）。",
            stage_where(ctx),
        )


# ---------------------------------------------------------------- 第十四条


@rule(
    "A14-TRANSFER",
    14,
    "第十四条第一款",
    E,
    ALL,
    "中标单位不得转让中标项目",
    binds=BIDDING_LAW_48,
)
def transfer(ctx: Context) -> Iterator[Hit]:
    for t in ctx.d.records_of("transfer"):
        yield hit(
            f"合同 {t.contract} 的中标项目转让给了“{t.party}”：第十四条规定项目中标单位不得向他人"
            "转让中标项目。",
            "终止转让，由中标单位自行履行；已发生的，报市数据局、市财政局处理。",
            t.where(),
        )


@rule(
    "A14-SUBCONTRACT-MAIN",
    14,
    "第十四条第一款",
    E,
    ALL,
    "主体、关键性工作不得分包",
    binds=BIDDING_LAW_48,
)
def subcontract_main(ctx: Context) -> Iterator[Hit]:
    for s in ctx.d.records_of("subcontract"):
        if s.main_part:
            yield hit(
                f"合同 {s.contract} 把主体、关键性工作分包给了“{s.party}”：第十四条禁止肢解中标项目"
                "后分别向他人转让。",
                "主体、关键性工作须由中标单位自行完成；只能分包非主体、非关键性工作。",
                s.where("main_part"),
            )


@rule(
    "A14-SPLIT-TRANSFER",
    14,
    "第十四条第一款",
    E,
    ALL,
    "不得将中标项目肢解后分别转让",
    binds=BIDDING_LAW_48,
)
def split_transfer(ctx: Context) -> Iterator[Hit]:
    d = ctx.d
    amounts = {c.id: c.amount for c in d.records_of("contract")}
    totals: dict[str, Decimal] = {}
    for s in d.records_of("subcontract"):
        if s.amount is None or s.contract not in amounts:
            continue
        before = totals.get(s.contract, Decimal(0))
        totals[s.contract] = before + s.amount
        if before < amounts[s.contract] <= totals[s.contract]:
            yield hit(
                f"合同 {s.contract} 的分包金额累计 {wan_and_yuan(totals[s.contract])}，达到合同金额 "
                f"{wan_and_yuan(amounts[s.contract])}：等于把中标项目肢解后分别转让（第十四条）。",
                "核对分包范围：中标单位须自行完成主体工作，分包只能是其中一部分。",
                s.where("amount"),
            )


PROCURED_TYPES = ("建设", "监理", "运维")


@rule(
    "A14-PROCUREMENT-FOR-CONTRACT",
    14,
    "第十四条第一款",
    W,
    ALL,
    "合同相对方应经政府采购或招投标产生",
)
def procurement_for_contract(ctx: Context) -> Iterator[Hit]:
    d = ctx.d
    winners = {B.normalize(p.winner) for p in d.records_of("procurement")}
    for c in d.records_of("contract"):
        if c.type in PROCURED_TYPES and B.normalize(c.party) not in winners:
            yield hit(
                f"{c.type}合同 {c.id} 的相对方“{c.party}”不是任何采购记录的中标（成交）单位："
                "第十四条要求依法依规履行政府采购或招投标程序。",
                "补录对应的 procurement 记录（winner 与合同相对方一致）；限额以下依法直接采购的，"
                "在合同记录的 note 说明。",
                c.where("party"),
            )


# ---------------------------------------------------------------- 第十五条


@rule(
    "A15-OVER-BUDGET",
    15,
    "第十五条",
    E,
    since("procurement"),
    "合同和支付累计（运维合同除外）不得超过批复概算",
)
def over_budget(ctx: Context) -> Iterator[Hit]:
    d = ctx.d
    budget = budget_in_force(d)
    if budget is None:
        return
    # 运维 contracts are the annual O&M cost, outside the 概算 (facts.OPERATION)
    scope = "（不含运维合同）" if facts.operation_contract_ids(d) else ""
    for kind, zh in (("contract", "合同金额"), ("payment", "支付金额")):
        total = Decimal(0)
        for r in facts.against_budget(d, kind):
            total += r.amount
            if total > budget:
                yield hit(
                    f"{zh}累计{scope} {wan_and_yuan(total)}，超过批复概算 {wan_and_yuan(budget)}："
                    "第十五条规定不得擅自调整投资；确需增加投资的，须报市发展和改革局重新提级论证、"
                    "报市营商环境建设局重新审批。",
                    "核对金额；确需增加投资的，办理重新审批后补录 approval 记录（subject: 重新审批，"
                    "amount 为新的概算）。",
                    r.where("amount"),
                )
                break


@rule(
    "A15-BUDGET-UNKNOWN",
    15,
    "第十五条",
    W,
    since("procurement"),
    "须记录批复概算，才能核对合同和支付",
)
def budget_unknown(ctx: Context) -> Iterator[Hit]:
    d = ctx.d
    if budget_in_force(d) is None and (d.first("contract") or d.first("procurement")):
        yield hit(
            "已有采购或合同，档案里却没有批复概算，无法核对是否超概算（第十五条）。",
            "在 investment.budget 写批复概算，或在初步设计及概算批复记录中写 amount。",
            d.investment.where("budget"),
        )


@rule(
    "A15-BUDGET-MISMATCH",
    15,
    "第十五条",
    W,
    ALL,
    "批复概算须与概算批复记录一致",
)
def budget_mismatch(ctx: Context) -> Iterator[Hit]:
    d = ctx.d
    fact = d.investment.budget
    if fact is None or any(r.subject == "重新审批" for r in d.records_of("approval")):
        return
    approved = [r for r in d.records_of("approval") if r.subject in BUDGET_SUBJECTS and r.amount]
    if approved and approved[-1].amount != fact:
        r = approved[-1]
        yield hit(
            f"investment.budget 写的批复概算 {wan_and_yuan(fact)} 与{r.subject}批复"
            f"（{r.date.isoformat()}）的金额 {wan_and_yuan(r.amount)} 不一致：第十五条要求严格执行"
            "已批复的概算，xmgl 以 investment.budget 核对合同和支付。",
            "按批复文件改正其中一处。",
            d.investment.where("budget"),
        )


CONTROLLED = ("规模", "内容", "标准", "投资")


@rule("A15-CHANGE-UNAPPROVED", 15, "第十五条", E, ALL, "不得擅自调整规模、内容、标准、投资")
def change_unapproved(ctx: Context) -> Iterator[Hit]:
    for c in ctx.d.records_of("change"):
        if c.aspect in CONTROLLED and not c.approval_no:
            yield hit(
                f"{c.date.isoformat()} 的{c.aspect}变更没有批复文号：第十五条规定项目单位应当严格执行"
                "已批复的初步设计及概算，不得擅自调整项目规模、内容、标准、投资。",
                "报原审批部门（市营商环境建设局）批准后，在 approval_no 写批复文号，"
                "并补录 approval 记录（subject: 变更 或 重新审批）。",
                c.where("approval_no"),
            )


@rule("A15-INVESTMENT-INCREASE", 15, "第十五条", E, ALL, "增加投资须重新提级论证、重新审批")
def investment_increase(ctx: Context) -> Iterator[Hit]:
    d = ctx.d
    reapproved = d.first("approval", subject=S.REAPPROVAL) is not None
    for c in d.records_of("change"):
        if c.aspect == "投资" and (c.amount_delta or 0) > 0 and not reapproved:
            yield hit(
                f"{c.date.isoformat()} 的变更增加投资 {wan_and_yuan(c.amount_delta)}，没有重新审批"
                "记录：第十五条规定确需增加投资的，应报市发展和改革局重新提级论证、报市营商环境"
                "建设局重新审批。",
                "补录重新提级论证意见（opinion，subject: 重新提级论证）和重新审批（approval，"
                "subject: 重新审批，amount 为新的概算）。",
                c.where("amount_delta"),
            )


@rule(
    "A15-REAPPROVAL-PROCEDURE",
    15,
    "第十五条",
    E,
    ALL,
    "重新审批前须经市发展和改革局重新提级论证",
)
def reapproval_procedure(ctx: Context) -> Iterator[Hit]:
    d = ctx.d
    for a in d.records_of("approval"):
        if a.subject != "重新审批" or not ctx.in_force(a.date):
            continue
        if not any(
            o.subject == "重新提级论证" and B.canonical(o.issuer) == B.DRC and o.date <= a.date
            for o in d.records_of("opinion")
        ):
            yield hit(
                f"{a.date.isoformat()} 的重新审批之前没有市发展和改革局的重新提级论证意见"
                "（第十五条）。",
                "补录 opinion 记录（subject: 重新提级论证，issuer: 大石桥市发展和改革局，"
                "日期不晚于重新审批）。",
                a.where(),
            )
