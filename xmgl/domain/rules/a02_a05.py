"""第二条 scope and the "no own platform" principle; 第五条 deployment."""

from __future__ import annotations

from collections.abc import Iterator

from xmgl.domain.rules.base import ALL, Context, E, Hit, I, W, hit, rule


@rule("A2-SCOPE", 2, "第二条", I, ALL, "本办法只适用于使用市本级财政性资金的项目")
def scope(ctx: Context) -> Iterator[Hit]:
    funding = ctx.d.funding
    if not ctx.in_scope:
        from xmgl.domain.rules.a11_a15 import BIDDING_LAW_48

        yield hit(
            f"资金来源是“{funding.source}”，不是市本级财政性资金：第二条规定本办法适用于使用"
            "市本级财政性资金建设和运行维护的项目。其他各条的问题因此只作提示，不影响退出码和"
            f"阶段变更；第十四条第一款除外，{BIDDING_LAW_48}对本项目同样适用，仍为错误。",
            "项目部分使用市本级财政性资金（混合资金）的，适用本办法：在 funding.other_sources "
            "写上“市本级财政性资金”。资金来源的上级办法（如《营口市政务信息化项目管理办法》）"
            "另有要求的，按其办理。",
            funding.where("source"),
        )


@rule(
    "A2-PLATFORM-EXCEPTION",
    2,
    "第二条",
    E,
    ALL,
    "单独建设系统平台须属于四种除外情形之一",
)
def platform_exception(ctx: Context) -> Iterator[Hit]:
    p = ctx.d.platform
    if p is not None and p.standalone and not p.exception:
        yield hit(
            "项目单独建设系统平台，却没有写明除外情形：第二条规定原则上本级不再单独建设系统平台"
            "（第五条：基础支撑平台和全市性综合应用平台由上级统一建设），只有承接上级试点任务、"
            "落实上级平台分建任务、国家和地方法律法规文件要求配套、数字城市基础底座建设除外。",
            "在 platform.exception 写明属于哪种除外情形；都不属于的，应改为依托上级平台建设"
            "（platform.standalone: false）。",
            p.where("exception"),
        )


@rule("A2-PLATFORM-BASIS", 2, "第二条", E, ALL, "单独建设系统平台的除外情形须有依据文件")
def platform_basis(ctx: Context) -> Iterator[Hit]:
    p = ctx.d.platform
    if p is not None and p.standalone and p.exception and not (p.basis or p.basis_document):
        yield hit(
            f"项目以“{p.exception}”为由单独建设系统平台，但没有写明依据文件：第二条的除外情形"
            "须“明确”，评审时要看到上级任务或法规文件。",
            "在 platform.basis 写依据文件的名称和文号，并把文件放进档案、在 "
            "platform.basis_document 写它的路径。",
            p.where("basis"),
        )


@rule("A5-CLOUD", 5, "第五条", E, ALL, "新建项目依托营口市级、省级政务云部署")
def cloud(ctx: Context) -> Iterator[Hit]:
    d = ctx.d
    dep = d.deployment
    if d.project.nature == "新建" and dep.cloud == "其他" and not dep.justification:
        yield hit(
            "新建项目不部署在营口市级或省级政务云，却没有说明理由：第五条规定除上级另有规定"
            "以及业务特殊需要外，新建的项目应当依托营口市级、省级政务云进行部署。",
            "改为部署在营口市政务云或辽宁省政务云；确有上级规定或业务特殊需要的，在 "
            "deployment.justification 写明（含依据文件）。",
            dep.where("cloud"),
        )


@rule("A5-RESOURCE-PLATFORM", 5, "第五条", W, ALL, "新建项目接入统一政务信息资源库平台")
def resource_platform(ctx: Context) -> Iterator[Hit]:
    d = ctx.d
    dep = d.deployment
    if d.project.nature == "新建" and dep.resource_platform is not True:
        yield hit(
            "新建项目未写明接入统一政务信息资源库平台：第五条要求新建项目按营口市要求接入。",
            "接入的，写 deployment.resource_platform: true；营口市另有安排不需接入的，"
            "在 deployment.justification 说明。",
            dep.where("resource_platform"),
        )


@rule("A5-MIGRATION-PLAN", 5, "第五条", W, ALL, "已建系统逐步向政务云迁移")
def migration_plan(ctx: Context) -> Iterator[Hit]:
    for system in ctx.d.deployment.existing_systems:
        if system.on_cloud is False and not system.migration_plan:
            yield hit(
                f"已建系统“{system.name}”不在政务云上，也没有迁移计划：第五条规定已建的系统"
                "应当逐步向政务云迁移。",
                "制定迁移计划，放进档案，在该系统的 migration_plan 写文件路径。",
                system.where("migration_plan"),
            )
