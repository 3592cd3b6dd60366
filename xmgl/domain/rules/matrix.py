"""Every clause of 第一条–第二十三条 and where xmgl enforces it (``xmgl rules --matrix``).

Each :class:`Clause` says how the obligation is covered: by rules (``RULES`` ids), by
the dossier format (the loader refuses a file without the fact), by a lifecycle gate
(``xmgl advance`` runs the rules as if entering the stage and blocks on errors), by a
generated document, or it is marked not machine-checkable with the reason. The tests
check that every article is here, every rule is mapped and every id exists.
"""

from __future__ import annotations

from dataclasses import dataclass

from xmgl.domain import bounds as B


@dataclass(frozen=True)
class Clause:
    id: str
    article: int
    label: str
    summary: str
    rules: tuple[str, ...] = ()
    format: str = ""
    gates: tuple[str, ...] = ()
    documents: tuple[str, ...] = ()
    not_checkable: str = ""

    def to_dict(self) -> dict[str, object]:
        return {
            "clause": self.id,
            "article": self.article,
            "label": self.label,
            "summary": self.summary,
            "rules": list(self.rules),
            "format": self.format or None,
            "gates": list(self.gates),
            "documents": list(self.documents),
            "not_checkable": self.not_checkable or None,
        }


def C(  # noqa: N802 - a short constructor keeps the table readable
    id: str,  # noqa: A002 - the clause's id, as Clause names it
    article: int,
    label: str,
    summary: str,
    *rules: str,
    format: str = "",  # noqa: A002 - Clause.format
    gates: tuple[str, ...] = (),
    documents: tuple[str, ...] = (),
    not_checkable: str = "",
) -> Clause:
    return Clause(id, article, label, summary, rules, format, gates, documents, not_checkable)


ADVANCE = "xmgl advance {}：进入该阶段前按目标阶段运行全部规则，有错误即阻止"

CLAUSES: tuple[Clause, ...] = (
    C(
        "A1",
        1,
        "第一条",
        "制定目的和依据（国家、辽宁省、营口市的办法）",
        documents=("可行性研究报告“编制依据”一节引用",),
        not_checkable="立法目的和上位依据，没有项目单位要履行的义务。",
    ),
    C(
        "A2-scope",
        2,
        "第二条",
        "适用于使用市本级财政性资金建设和运行维护的项目（含部分使用的混合资金项目）；"
        "不使用的，其他规则的问题只作提示，不影响退出码和阶段门槛，另有法律同样要求的除外"
        "（第十四条第一款：招标投标法第四十八条）",
        "A2-SCOPE",
        format="funding.source 必填；混合资金写 funding.other_sources",
    ),
    C(
        "A2-platform",
        2,
        "第二条",
        "原则上本级不再单独建设系统平台，四种除外情形须明确",
        "A2-PLATFORM-EXCEPTION",
        "A2-PLATFORM-BASIS",
    ),
    C(
        "A2-kinds",
        2,
        "第二条",
        "建设内容类型（对接上级平台、业务信息系统、信息资源库……）",
        format="project.content_types 必填，只能取第二条列举的七类",
    ),
    C(
        "A3.1",
        3,
        "第三条第一款",
        "市数据局：行政主管部门，储备库、年度投资计划",
        "A3-WRONG-BODY",
        "A3-UNKNOWN-BODY",
    ),
    C("A3.2", 3, "第三条第二款", "市发展和改革局：提级论证", "A3-WRONG-BODY", "A3-UNKNOWN-BODY"),
    C(
        "A3.3",
        3,
        "第三条第三款",
        "市营商环境建设局：立项审批",
        "A3-WRONG-BODY",
        "A3-UNKNOWN-BODY",
    ),
    C(
        "A3.4",
        3,
        "第三条第四款",
        "市财政局：资金预算、资金规模、专项资金统筹、财务监督",
        "A15-OVER-BUDGET",
        "A19-SELF-EVAL-RECIPIENTS",
        not_checkable="预算编制、资金规模和统筹安排在财政系统内进行，档案只记录结果（概算、支付）。",
    ),
    C(
        "A3.5",
        3,
        "第三条第五款",
        "市委网信办：网络与信息安全监管",
        "A20-FINDING-DEADLINE",
        "A20-RECTIFICATION-OVERDUE",
        not_checkable="监管由网信办行使；其监督发现记为 supervision_finding，按第二十条检查整改。",
    ),
    C(
        "A3.6",
        3,
        "第三条第六款",
        "市公安局：指导监督落实等级保护制度",
        "A11-MLPS-LEVEL",
        "A17-ATTACHMENTS",
        "A17-SECURITY-REPORT",
    ),
    C(
        "A3.7",
        3,
        "第三条第七款",
        "市国家密码管理局：密码使用合规性审核",
        "A12-CRYPTO-REVIEW",
        "A3-WRONG-BODY",
    ),
    C(
        "A3.8",
        3,
        "第三条第八款",
        "项目单位负责实施、监督、竣工验收等工作",
        gates=(
            ADVANCE.format("preliminary_acceptance"),
            ADVANCE.format("acceptance_applied"),
        ),
        not_checkable="职责分配本身不可核对；项目单位的各项工作由第十三条至第十九条的规则检查。",
    ),
    C(
        "A4",
        4,
        "第四条",
        "建设原则（顶层设计、协同共享、数据回流……；清单化、项目化、工程化）",
        documents=("可行性研究报告“总体建设方案”提示逐条说明",),
        not_checkable="原则性要求，是否做到须由评审专家判断。",
    ),
    C(
        "A5-base",
        5,
        "第五条",
        "基础支撑平台和全市性综合应用平台由上级建设，本级不单独建设",
        "A2-PLATFORM-EXCEPTION",
    ),
    C(
        "A5-cloud",
        5,
        "第五条",
        "新建项目依托营口市级、省级政务云部署，接入统一政务信息资源库平台",
        "A5-CLOUD",
        "A5-RESOURCE-PLATFORM",
        format="deployment.cloud 必填",
    ),
    C("A5-migration", 5, "第五条", "已建系统逐步向政务云迁移", "A5-MIGRATION-PLAN"),
    C(
        "A6.1",
        6,
        "第六条第一款",
        "建立项目储备库，实行动态管理",
        "A6-RESERVE-ENTRY",
        "A6-EVIDENCE",
        gates=(ADVANCE.format("plan"),),
    ),
    C("A6(1)", 6, "第六条第（一）项", "符合数字政府总体规划", "A6-DIGITAL-GOV-PLAN"),
    C("A6(2)", 6, "第六条第（二）项", "符合行业中长期规划", "A6-SECTOR-PLAN"),
    C("A6(3)", 6, "第六条第（三）项", "利用上级平台，集约化建设", "A6-INTENSIVE"),
    C("A6(4)", 6, "第六条第（四）项", "符合营口市共享开放办法，能够共享数据", "A6-DATA-SHARING"),
    C("A6(5)", 6, "第六条第（五）项", "网络信息安全“五同步”", "A6-FIVE-SYNC"),
    C(
        "A7.1",
        7,
        "第七条第一款",
        "共建共享项目：牵头部门、参建部门、业务流数据流接口、数据目录、无重复交叉；牵头部门、"
        "参建部门和数据目录在需求分析、框架设计（项目储备）时为警告，项目申报时为错误；"
        "业务流、数据流和接口在可研编制中为警告，报送评估、批复时为错误",
        "A7-LEAD",
        "A7-PARTICIPANTS",
        "A7-FLOWS",
        "A7-DATA-CATALOG",
        gates=(ADVANCE.format("plan") + "（项目申报）",),
        not_checkable="“建设内容无重复交叉”须比对其他项目的建设内容，档案里没有，须由评审判断。",
    ),
    C("A7.2", 7, "第七条第二款", "需与上级共享协同的项目加强与上级项目衔接", "A7-UPPER-LEVEL"),
    C(
        "A8",
        8,
        "第八条",
        "年度计划征集：按要求和时限报送材料",
        "A8-SUBMISSION-MISSING",
        "A8-SUBMISSION-LATE",
        "A8-SUBMISSION-OVERDUE",
        "A8-SUBMISSION-DUE",
        documents=("年度项目计划申报表",),
    ),
    C(
        "A9.1",
        9,
        "第九条第一款",
        "市数据局会同发改、财政审核，编制年度投资计划，报市政府同意后实施",
        "A9-PLAN-INCLUSION",
        "A3-WRONG-BODY",
    ),
    C(
        "A9.2-adjust",
        9,
        "第九条第二款",
        "计划原则上不调整；调整须主管部门申请、征求发改财政意见、市政府同意；财政调整预算",
        "A9-ADJUSTMENT-PROCEDURE",
        not_checkable="“市财政局依据投资调整计划调整预算指标”是财政的内部程序，档案不记录。",
    ),
    C(
        "A9.2-midyear",
        9,
        "第九条第二款",
        "年中需要建设的项目：先征求发改、财政、数据局意见，市政府同意后纳入计划",
        "A9-MIDYEAR-PROCEDURE",
    ),
    C(
        "A10.1",
        10,
        "第十条第一款",
        "列入规划或年度投资计划的项目可直接编报可研",
        "A10-DIRECT-FSR",
        gates=(ADVANCE.format("feasibility"),),
    ),
    C(
        "A10.2",
        10,
        "第十条第二款",
        "紧急建设且符合规定的项目可合并编报可研和初步设计",
        "A10-MERGE-GROUNDS",
        "A10-MERGE-URGENT-BASIS",
        "A10-MERGE-UNDECLARED",
    ),
    C(
        "A10.3",
        10,
        "第十条第三款",
        "技术方案简单、建设内容单一或总投资200万元（不含）以下可合并编报",
        "A10-MERGE-GROUNDS",
        "A10-MERGE-AMOUNT",
        "A10-MERGE-GROUND-REASON",
        documents=(
            "可行性研究报告（代初步设计）只在第十条允许时生成（与规则同一判断：domain/merge.py）",
        ),
    ),
    C(
        "A11",
        11,
        "第十一条",
        "按发改、财政、营商、数据局要求编制可研和初步设计",
        documents=("可行性研究报告骨架（国家编制要求十二章 + 第十一条各章）",),
        gates=(
            ADVANCE.format("preliminary_design") + "（可研报送评估、批复）",
            ADVANCE.format("approved") + "（可研代初步设计报送评估、批复）",
        ),
    ),
    C(
        "A11(1)",
        11,
        "第十一条第（一）项",
        "数据资源共享分析篇（章）；可研编制中为警告，报送评估、批复时为错误",
        "A11-DATA-SHARING",
    ),
    C(
        "A11(2)",
        11,
        "第十一条第（二）项",
        "自建与购买服务经济性比较；可研编制中为警告，报送评估、批复时为错误",
        "A11-SERVICE-COMPARISON",
    ),
    C(
        "A11(3)",
        11,
        "第十一条第（三）项",
        "安全可靠情况说明、项目安全、密码应用方案；可研编制中为警告，报送评估、批复时为错误",
        "A11-SECURITY-DOCS",
        "A11-MLPS-LEVEL",
    ),
    C(
        "A12",
        12,
        "第十二条",
        "竞争性选择的有资质第三方评估论证后批复；密码应用方案合法性审核",
        "A12-APPROVAL-MISSING",
        "A12-EVAL-BEFORE-APPROVAL",
        "A12-EVALUATOR-SELECTION",
        "A12-EVALUATOR-QUALIFIED",
        "A12-CRYPTO-REVIEW",
        gates=(ADVANCE.format("approved"),),
    ),
    C(
        "A13",
        13,
        "第十三条",
        "项目法人责任制、招标投标制、建设监理制、合同管理制",
        "A13-TENDER",
        "A13-CONTRACT",
        "A13-SUPERVISION-CONTRACT",
        format="project.legal_person（项目法人）必填",
        gates=(ADVANCE.format("construction"),),
    ),
    C(
        "A14.1",
        14,
        "第十四条第一款",
        "依法采购；中标单位不得转让，不得肢解后分别转让",
        "A14-TRANSFER",
        "A14-SUBCONTRACT-MAIN",
        "A14-SPLIT-TRANSFER",
        "A14-PROCUREMENT-FOR-CONTRACT",
    ),
    C(
        "A14.2",
        14,
        "第十四条第二款",
        "政务云运维服务按政务云提供方要求统一组织；其他运维由项目单位组织",
        not_checkable="由谁组织采购在档案之外；档案的采购方式可写“政务云统一组织”，"
        "政务云服务合同不要求对应本单位的采购记录（A14-PROCUREMENT-FOR-CONTRACT 不检查）。",
    ),
    C(
        "A15",
        15,
        "第十五条",
        "严格执行批复的初步设计和概算；增加投资须重新提级论证、重新审批",
        "A15-OVER-BUDGET",
        "A15-BUDGET-UNKNOWN",
        "A15-BUDGET-MISMATCH",
        "A15-CHANGE-UNAPPROVED",
        "A15-INVESTMENT-INCREASE",
        "A15-REAPPROVAL-PROCEDURE",
    ),
    C(
        "A16",
        16,
        "第十六条",
        f"自批复之日起到验收备案之日止，{B.QUARTERLY.span}报送实施进展",
        "A16-QUARTERLY-OVERDUE",
        "A16-QUARTERLY-LATE",
        "A16-QUARTERLY-DUE",
        documents=("项目建设进展情况季度报告",),
    ),
    C(
        "A17.1",
        17,
        "第十七条第一款",
        f"自行初验；初验合格且稳定运行{B.ACCEPTANCE.span}申请竣工验收，第三方验收",
        "A17-APPLICATION-MISSING",
        "A17-PRELIM-PASSED",
        "A17-APPLY-TOO-EARLY",
        "A17-APPLY-OVERDUE",
        "A17-APPLY-LATE",
        "A17-APPLY-WINDOW",
        "A17-ACCEPTANCE-WITHOUT-APPLICATION",
        "A17-THIRD-PARTY",
        gates=(ADVANCE.format("acceptance_applied"),),
    ),
    C(
        "A17.2",
        17,
        "第十七条第二款",
        "验收申请附建设总结、财务报告、监理报告、安全风险评估报告（涉密信息系统附安全保密测评报告，"
        "非涉密附等级保护测评报告，按 security.classified 核对）、密码应用安全性评估报告",
        "A17-ATTACHMENTS",
        "A17-SECURITY-REPORT",
        documents=("竣工验收申请（附件清单）",),
    ),
    C(
        "A18",
        18,
        "第十八条",
        f"不合格的{B.RECTIFICATION.span}整改、复验；未经验收不得投入使用、支付剩余资金、"
        "继续使用政务云",
        "A18-RECTIFICATION-OVERDUE",
        "A18-RECTIFICATION-LATE",
        "A18-RECTIFICATION-DUE",
        "A18-IN-USE-WITHOUT-ACCEPTANCE",
        "A18-PAYMENT-AFTER-FAILED",
        "A18-FINAL-PAYMENT",
        not_checkable="复验由市数据局组织，何时复验不由项目单位决定；“不能继续使用政务云资源”"
        "无法从档案核实（资源使用记录在政务云平台）。",
    ),
    C(
        "A19",
        19,
        "第十九条",
        f"通过验收并投入运行后{B.SELF_EVALUATION.span}自评价，报数据局和财政局；可委托后评价",
        "A19-SELF-EVAL-OVERDUE",
        "A19-SELF-EVAL-EARLY",
        "A19-SELF-EVAL-LATE",
        "A19-SELF-EVAL-WINDOW",
        "A19-SELF-EVAL-RECIPIENTS",
        documents=("自评价报告",),
        not_checkable="后评价由市数据局决定是否委托，不是项目单位的义务。",
    ),
    C(
        "A20",
        20,
        "第二十条",
        "监督检查发现问题限期整改；逾期不改的暂缓计划、暂停直至终止",
        "A20-FINDING-DEADLINE",
        "A20-RECTIFICATION-OVERDUE",
        "A20-RECTIFICATION-LATE",
        "A20-SANCTION-BASIS",
        gates=(
            ADVANCE.format("supervision_rectification"),
            ADVANCE.format("deferred"),
            ADVANCE.format("suspended"),
            ADVANCE.format("terminated"),
        ),
        documents=("整改报告",),
    ),
    C(
        "A21",
        21,
        "第二十一条",
        "接受发改、数据、财政、审计等部门监督，如实提供资料，不得拒绝、隐匿、瞒报",
        "A21-CONTRACT-REFS",
        "A21-STAGE-HISTORY",
        "A21-FUTURE-RECORD",
        documents=("审计轨迹：签名提交的档案历史（xmgl audit）",),
    ),
    C(
        "A22",
        22,
        "第二十二条",
        "本办法由市数据局负责解释",
        not_checkable="解释权归属，没有项目单位要履行的义务。",
    ),
    C(
        "A23",
        23,
        "第二十三条",
        "自发布之日（2025-05-20）起施行",
        "A23-BEFORE-EFFECTIVE",
        not_checkable="施行日之前的事项和期限由各规则跳过（见 docs/validate.md），不单独报告。",
    ),
)


def clauses_of_article(article: int) -> list[Clause]:
    return [c for c in CLAUSES if c.article == article]
