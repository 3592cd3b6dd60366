"""第八条 annual plan call; 第九条 investment plan, adjustment, mid-year inclusion; 第十条 which documents."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

from xmgl.domain import bodies as B
from xmgl.domain import merge as M
from xmgl.domain.facts import total_investment_source
from xmgl.domain.model import Dossier, Node
from xmgl.domain.money import wan_and_yuan
from xmgl.domain.rules.base import ALL, Context, E, Hit, W, between, hit, rule, since, stage_where
from xmgl.domain.schema import MERGED


@rule("A8-SUBMISSION-MISSING", 8, "第八条", E, since("plan"), "列入年度计划须先按要求报送材料")
def submission_missing(ctx: Context) -> Iterator[Hit]:
    d = ctx.d
    submissions = d.records_of("plan_submission")
    inclusions = d.records_of("plan_inclusion")
    for inc in inclusions:
        if inc.midyear or not ctx.in_force(inc.date):
            continue  # 年中纳入 follows 第九条第二款 instead
        if not any(s.year == inc.year and s.date <= inc.date for s in submissions):
            yield hit(
                f"列入 {inc.year} 年度投资计划，却没有此前报送 {inc.year} 年度项目计划的记录："
                "第八条要求项目单位按市数据局征集的要求和时限报送材料。",
                f"补录 plan_submission 记录（year: {inc.year}、报送日期）；如是年中新增项目，"
                "在 plan_inclusion 写 midyear: true 并按第九条第二款补齐意见和市政府同意。",
                inc.where(),
            )
    if not inclusions and not submissions:
        yield hit(
            "项目已进入年度计划阶段，却没有报送年度项目计划的记录（第八条）。",
            "补录 plan_submission 记录（计划年度、报送日期、报送单位）。",
            stage_where(ctx),
        )


def _opinions(d: Dossier, subject: str, body: str, start: date | None, end: date) -> list[Node]:
    return [
        o
        for o in d.records_of("opinion")
        if o.subject == subject
        and B.canonical(o.issuer) == body
        and (start is None or o.date >= start)
        and o.date <= end
    ]


@rule(
    "A9-PLAN-INCLUSION",
    9,
    "第九条第一款",
    E,
    since("approved"),
    "实施的项目须列入年度项目投资计划",
)
def plan_inclusion(ctx: Context) -> Iterator[Hit]:
    d = ctx.d
    if d.first("plan_inclusion") is not None:
        return
    approved = d.approval_date()
    if approved is not None and not ctx.in_force(approved):
        return
    yield hit(
        "项目已立项，却没有列入年度项目投资计划的记录：第九条规定年度投资计划确定拟实施的"
        "项目清单，报市政府同意后实施；年中需要建设的项目须按第九条第二款纳入。",
        "补录 plan_inclusion 记录（计划年度、文号）；年中新增的写 midyear: true。",
        stage_where(ctx),
    )


@rule(
    "A9-ADJUSTMENT-PROCEDURE",
    9,
    "第九条第二款",
    E,
    ALL,
    "计划调整：主管部门申请→征求发改、财政意见→市政府同意",
)
def adjustment(ctx: Context) -> Iterator[Hit]:
    d = ctx.d
    dept = B.normalize(d.project.competent_department)  # required (schema)
    for approval in d.records_of("approval"):
        if approval.subject != "计划调整" or not ctx.in_force(approval.date):
            continue
        missing = []
        apps = [
            a
            for a in d.records_of("application")
            if a.subject == "计划调整" and a.date <= approval.date
        ]
        if not apps:
            missing.append("行业主管部门向市数据局提出的调整申请（application，subject: 计划调整）")
        elif not any(B.normalize(a.applicant) == dept for a in apps):
            missing.append(f"由行业主管部门（{d.project.competent_department}）提出的调整申请")
        start = apps[0].date if apps else None
        for body in (B.DRC, B.FINANCE):
            if not _opinions(d, "计划调整", body, start, approval.date):
                missing.append(f"{body}的意见（opinion，subject: 计划调整）")
        if missing:
            yield hit(
                f"{approval.date.isoformat()} 的计划调整批复之前缺少：{'；'.join(missing)}。"
                "第九条第二款规定计划调整须由行业主管部门申请，市数据局审核并征求市发展和改革局、"
                "市财政局意见，报市政府同意。",
                "补录缺少的申请和意见记录（日期须在市政府同意之前）；确未履行的，须补办程序。",
                approval.where(),
            )


@rule(
    "A9-MIDYEAR-PROCEDURE",
    9,
    "第九条第二款",
    E,
    ALL,
    "年中纳入：先征求发改、财政、数据局意见→市政府同意→纳入计划",
)
def midyear(ctx: Context) -> Iterator[Hit]:
    d = ctx.d
    for inc in d.records_of("plan_inclusion"):
        if not inc.midyear or not ctx.in_force(inc.date):
            continue
        approvals = [
            a for a in d.records_of("approval") if a.subject == "年中纳入" and a.date <= inc.date
        ]
        end = approvals[-1].date if approvals else inc.date
        missing = [
            f"{body}的意见"
            for body in (B.DRC, B.FINANCE, B.DATA_BUREAU)
            if not _opinions(d, "年中纳入", body, None, end)
        ]
        if not approvals:
            missing.append("市政府同意（approval，subject: 年中纳入）")
        if missing:
            yield hit(
                f"{inc.date.isoformat()} 年中纳入年度投资计划之前缺少：{'、'.join(missing)}。"
                "第九条第二款规定年中需要建设的项目，由项目单位先征求市发展和改革局、市财政局、"
                "市数据局意见，报市政府同意后纳入。",
                "补录意见（opinion，subject: 年中纳入）和市政府同意（approval，subject: 年中纳入）"
                "记录，日期须在纳入计划之前。",
                inc.where(),
            )


@rule(
    "A10-DIRECT-FSR",
    10,
    "第十条第一款",
    W,
    between("feasibility", "merged_design"),
    "直接编报可研须列入相关规划或年度投资计划",
)
def direct_fsr(ctx: Context) -> Iterator[Hit]:
    d = ctx.d
    if d.first("plan_inclusion") is None:
        yield hit(
            "正在编报可行性研究报告，但没有列入年度投资计划的记录：第十条第一款规定列入本级及"
            "以上相关规划或者年度投资计划的项目可以直接编报可研。",
            "补录 plan_inclusion 记录；如依据的是相关规划，在 reserve.digital_government_plan "
            "或 reserve.sector_plan 写明规划名称和条目。",
            stage_where(ctx),
        )


def _merge_problems(ctx: Context, *codes: str) -> list[M.Problem]:
    """The 第十条 decision's problems of ``codes`` — only for a dossier that requests merging.

    The decision is :func:`xmgl.domain.merge.merge_allowed`, the same one
    ``xmgl report fsr --merged`` obeys.
    """
    m = ctx.d.merged_fsr_pd
    if m is None or not m.requested:
        return []
    decision = ctx.cached("merge", lambda: M.merge_allowed(ctx.d))
    return decision.problems_of(*codes)


@rule("A10-MERGE-GROUNDS", 10, "第十条第二款、第三款", E, ALL, "合并编报可研和初步设计须有依据")
def merge_grounds(ctx: Context) -> Iterator[Hit]:
    m = ctx.d.merged_fsr_pd
    for _ in _merge_problems(ctx, M.NO_GROUNDS):
        yield hit(
            "申请合并编报可行性研究报告和初步设计，却没有写依据：第十条只允许需要紧急建设且符合"
            "相关规定、技术方案简单、建设内容单一或总投资200万元（不含）以下的项目合并编报。",
            "在 merged_fsr_pd.grounds 写明依据（紧急建设 / 技术方案简单 / 建设内容单一 / "
            "总投资200万元以下）；都不符合的，改为 requested: false，分别编报可研和初步设计。",
            m.where("grounds"),
        )


@rule("A10-MERGE-AMOUNT", 10, "第十条第三款", E, ALL, "以投资额为依据合并编报：总投资须低于200万元")
def merge_amount_rule(ctx: Context) -> Iterator[Hit]:
    d = ctx.d
    if not _merge_problems(ctx, M.AMOUNT_NOT_BELOW, M.AMOUNT_UNKNOWN):
        return  # merge_allowed gives at most one of the two, for the one 总投资 ground
    found = total_investment_source(d)
    if found is None:  # M.AMOUNT_UNKNOWN: merge_allowed found no amount either
        yield hit(
            "以“总投资200万元以下”为依据合并编报，但档案里没有投资额，无法核对（第十条第三款）。",
            "在 investment.estimate 写投资估算。",
            d.investment.where("estimate"),
        )
        return
    amount, where, what = found
    yield hit(
        f"{what}为 {wan_and_yuan(amount)}，不在“200万元（不含）以下”：第十条第三款以投资额"
        "为依据合并编报，只适用于总投资低于200万元的项目，恰为200万元的也不适用。",
        "删去 merged_fsr_pd.grounds 中的“总投资200万元以下”；没有其他依据的，"
        "分别编报可研和初步设计。",
        where,
    )


@rule("A10-MERGE-URGENT-BASIS", 10, "第十条第二款", E, ALL, "紧急建设合并编报须符合相关规定")
def merge_urgent(ctx: Context) -> Iterator[Hit]:
    m = ctx.d.merged_fsr_pd
    for _ in _merge_problems(ctx, M.NO_URGENT_BASIS):
        yield hit(
            "以“紧急建设”为依据合并编报，却没有写所依据的规定：第十条第二款要求需要紧急建设，"
            "且符合国家、省、市相关规定。",
            "在 merged_fsr_pd.urgent_basis 写依据文件的名称和文号，文件放进档案并写在 "
            "urgent_basis_document。",
            m.where("urgent_basis"),
        )


@rule(
    "A10-MERGE-GROUND-REASON",
    10,
    "第十条第三款",
    E,
    ALL,
    "以技术方案简单、建设内容单一为依据合并编报须写明理由",
)
def merge_ground_reason(ctx: Context) -> Iterator[Hit]:
    m = ctx.d.merged_fsr_pd
    for p in _merge_problems(ctx, M.NO_REASON):
        assert p.ground is not None  # merge_allowed names the ground that lacks its reason
        name = M.REASON_FIELD[p.ground]
        yield hit(
            f"以“{p.ground}”为依据合并编报，却没有写理由：第十条第三款的“{p.ground}”是需要"
            "第三方评估论证（第十二条）核实的判断，档案须说明为什么。",
            f"在 merged_fsr_pd.{name} 写明理由（如只建一个业务系统、采用成熟产品无需定制开发）；"
            "说不出理由的，删去这一依据。",
            m.where("grounds"),  # an empty reason is no reason: the loader keeps none
        )


@rule("A10-MERGE-UNDECLARED", 10, "第十条第二款、第三款", E, ALL, "可研代初步设计须申明合并编报")
def merge_undeclared(ctx: Context) -> Iterator[Hit]:
    d = ctx.d
    if d.merged:
        return
    approval = d.first("approval", subject=MERGED)
    if approval is not None:
        yield hit(
            "有“可研代初步设计”批复，档案却没有申明合并编报：第十条只允许符合条件的项目合并编报"
            "和审批。",
            "在 merged_fsr_pd 写 requested: true 和依据 grounds。",
            approval.where("subject"),
        )
    elif ctx.stage == "merged_design" or d.stage_name == "merged_design":
        yield hit(
            "项目处于“可研代初步设计编报”阶段，档案却没有申明合并编报（第十条）。",
            "在 merged_fsr_pd 写 requested: true 和依据 grounds。",
            d.data.where("merged_fsr_pd"),  # the section, or the top of the file without it
        )
