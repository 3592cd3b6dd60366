"""The dossier format, version 1: every field of ``project.yaml``, declared once.

The loader (``xmgl.dossier.loader``) checks a file against this description,
the scaffold written by ``xmgl init`` and ``docs/dossier-format.md`` describe
the same thing, and the rules read the loaded values through it. A new fact
the regulation needs is one :class:`Field` here.

Kinds of value:

``str``      one line of text              ``text``   free text, may span lines
``int``      whole number                  ``bool``   true / false
``date``     ISO date ``YYYY-MM-DD``        ``money``  amount in 元 (see ``money``)
``path``     a file inside the dossier     ``enum``   one of ``choices``
``enums``    a list of ``choices``         ``strs``   a list of text
``section``  a mapping of ``fields``       ``list``   a list of ``section`` items
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import field

from xmgl.domain.stages import STAGES
from xmgl.value import Value

FORMAT_VERSION = 1


class Field(Value):
    name: str
    kind: str
    zh: str
    required: bool = False
    choices: tuple[str, ...] = ()
    fields: tuple[Field, ...] = ()
    minimum: int | None = None
    maximum: int | None = None
    article: str = ""

    def child(self, name: str) -> Field | None:
        for f in self.fields:
            if f.name == name:
                return f
        return None


def F(  # noqa: N802 - a short constructor keeps the table readable
    name: str,
    kind: str,
    zh: str,
    *,
    required: bool = False,
    choices: Iterable[str] = (),
    minimum: int | None = None,
    maximum: int | None = None,
    article: str = "",
) -> Field:
    return Field(
        name,
        kind,
        zh,
        required=required,
        choices=tuple(choices),
        minimum=minimum,
        maximum=maximum,
        article=article,
    )


def S(name: str, zh: str, *fields: Field, required: bool = False, article: str = "") -> Field:  # noqa: N802
    return Field(name, "section", zh, required=required, fields=tuple(fields), article=article)


def L(name: str, zh: str, *fields: Field, required: bool = False, article: str = "") -> Field:  # noqa: N802
    return Field(name, "list", zh, required=required, fields=tuple(fields), article=article)


# ---------------------------------------------------------------- vocabularies

NATURES = ("新建", "改扩建", "运行维护")
CONTENT_TYPES = (  # 第二条
    "对接上级电子政务平台",
    "业务信息系统",
    "信息资源库",
    "电子政务基础设施",
    "信息采集设施",
    "网络安全和密码防护",
    "相关支撑体系",
)
PLATFORM_EXCEPTIONS = (  # 第二条 除外情形
    "承接上级试点任务",
    "落实上级平台分建任务",
    "国家和地方法律法规文件要求配套",
    "数字城市基础底座建设",
)
FUNDING_SOURCES = ("市本级财政性资金", "上级补助资金", "专项债券资金", "其他资金")
CITY_FISCAL = "市本级财政性资金"
MERGE_GROUNDS = (  # 第十条第二款、第三款
    "紧急建设",
    "技术方案简单",
    "建设内容单一",
    "总投资200万元以下",
)
CROSS_KINDS = ("跨层级", "跨地域", "跨系统", "跨部门", "跨业务")  # 第七条
CLOUDS = ("营口市政务云", "辽宁省政务云", "其他")  # 第五条
SHARE_TYPES = ("无条件共享", "有条件共享", "不予共享")
SELECTION_METHODS = (  # how a third-party evaluator or a supplier was chosen
    "公开招标",
    "邀请招标",
    "竞争性谈判",
    "竞争性磋商",
    "询价",
    "单一来源",
    "直接委托",
    "框架协议",
    "政务云统一组织",
)
COMPETITIVE_METHODS = ("公开招标", "邀请招标", "竞争性谈判", "竞争性磋商", "询价")
CONTRACT_TYPES = ("建设", "监理", "运维", "政务云服务", "咨询", "测评", "其他")
RESULTS = ("合格", "不合格")
REVIEW_RESULTS = ("通过", "不通过")
CHANGE_ASPECTS = ("规模", "内容", "标准", "投资", "进度")  # 第十五条
SUPERVISION_AREAS = ("政务信息共享", "招标采购", "资金使用", "密码应用", "网络安全")  # 第二十条
# approval subjects (批复事项): each is written once, here
FSR = "可行性研究报告"
PD = "初步设计及概算"
MERGED = "可研代初步设计"  # 第十条 合并编报
REAPPROVAL = "重新审批"  # 第十五条 增加投资
PLAN_ADJUSTMENT = "计划调整"  # 第九条第二款
MID_YEAR = "年中纳入"  # 第九条第三款
CHANGE = "变更"
APPROVAL_SUBJECTS = (FSR, PD, MERGED, REAPPROVAL, PLAN_ADJUSTMENT, MID_YEAR, CHANGE)
PROJECT_APPROVALS = (FSR, MERGED, PD)
"""The approvals of 第十二条 (立项批复): the first of them starts the clock of 第十六条."""
BUDGET_SUBJECTS = (PD, MERGED)
"""The approvals that fix the 概算."""
OPINION_SUBJECTS = ("提级论证", "重新提级论证", "计划调整", "年中纳入", "变更")
APPLICATION_SUBJECTS = ("计划调整", "年中纳入", "重新审批", "变更")
EVALUATION_SUBJECTS = ("可行性研究报告", "初步设计", "可研代初步设计")
RECTIFICATION_SUBJECTS = ("竣工验收", "监督检查")
SECURITY_REPORTS = (  # 第十七条第二款 安全风险评估报告: which one, by 是否涉密
    "涉密信息系统安全保密测评报告",
    "网络安全等级保护测评报告",
)
CLASSIFIED_REPORT, MLPS_REPORT = SECURITY_REPORTS
SECURITY_DOMAINS = ("network_security", "data_security", "personal_information", "crypto")
SYNC_STEPS = ("design", "build", "assess", "accept", "operate")

# ---------------------------------------------------------------- facts

_requirement = (
    F("statement", "text", "说明"),
    F("evidence", "path", "佐证材料"),
)
_sync_grid = tuple(
    S(
        domain,
        zh,
        *(
            F(step, "bool", step_zh)
            for step, step_zh in zip(
                SYNC_STEPS,
                ("同步设计", "同步建设", "同步评估", "同步验收", "同步运行"),
                strict=True,
            )
        ),
    )
    for domain, zh in zip(
        SECURITY_DOMAINS, ("网络安全", "数据安全", "个人信息保护", "密码管理"), strict=True
    )
)

FACTS: tuple[Field, ...] = (
    F("format_version", "int", "档案格式版本", required=True, minimum=1),
    S(
        "project",
        "项目基本信息",
        F("code", "str", "项目编号"),
        F("name", "str", "项目名称", required=True),
        F("unit", "str", "项目单位", required=True),
        F("competent_department", "str", "行业主管部门", required=True),
        F("legal_person", "str", "项目法人（责任人）", required=True, article="第十三条"),
        F("contact", "str", "联系人"),
        F("phone", "str", "联系电话"),
        F("nature", "enum", "项目性质", required=True, choices=NATURES, article="第二条"),
        F(
            "content_types",
            "enums",
            "建设内容类型",
            required=True,
            choices=CONTENT_TYPES,
            article="第二条",
        ),
        F("summary", "text", "建设内容概述"),
        F("goals", "text", "建设目标"),
        F("construction_months", "int", "建设期（月）", minimum=1, maximum=120),
        F("fsr_author", "str", "可研报告编制单位"),
        required=True,
    ),
    S(
        "funding",
        "资金来源",
        F("source", "enum", "资金来源", required=True, choices=FUNDING_SOURCES, article="第二条"),
        F("other_sources", "enums", "其他资金来源（混合资金）", choices=FUNDING_SOURCES),
        F("detail", "text", "资金来源说明"),
        required=True,
        article="第二条",
    ),
    S(
        "investment",
        "投资",
        F("estimate", "money", "投资估算（可研）"),
        F("budget", "money", "批复概算"),
        F("operation_annual", "money", "年运行维护费用估算"),
        required=True,
        article="第十条、第十五条",
    ),
    S(
        "merged_fsr_pd",
        "合并编报可研和初步设计",
        F("requested", "bool", "是否合并编报", required=True),
        F("grounds", "enums", "合并依据", choices=MERGE_GROUNDS),
        F("simple_reason", "text", "技术方案简单的理由"),
        F("single_reason", "text", "建设内容单一的理由"),
        F("urgent_basis", "str", "紧急建设的依据文件（名称、文号）"),
        F("urgent_basis_document", "path", "紧急建设依据文件"),
        article="第十条",
    ),
    S(
        "platform",
        "单独建设系统平台",
        F("standalone", "bool", "是否单独建设系统平台", required=True),
        F("exception", "enum", "除外情形", choices=PLATFORM_EXCEPTIONS),
        F("basis", "str", "依据文件（名称、文号）"),
        F("basis_document", "path", "依据文件"),
        article="第二条、第五条",
    ),
    S(
        "service_purchase",
        "政府购买服务",
        F("used", "bool", "是否采用政府购买服务", required=True),
        F("comparison", "path", "自建与购买服务经济性比较"),
        article="第十一条",
    ),
    S(
        "cross_boundary",
        "跨层级、跨地域、跨系统、跨部门、跨业务",
        F("kinds", "enums", "共建共享类型", choices=CROSS_KINDS),
        F("lead_department", "str", "牵头部门"),
        L(
            "participants",
            "参建部门",
            F("department", "str", "部门", required=True),
            F("business_flow", "text", "业务流"),
            F("data_flow", "text", "数据流"),
            F("interfaces", "text", "系统接口"),
        ),
        F("upper_level_project", "str", "衔接的上级项目"),
        F("data_catalog", "path", "数据目录"),
        article="第七条",
    ),
    S(
        "deployment",
        "部署",
        F("cloud", "enum", "部署位置", choices=CLOUDS, required=True),
        F("justification", "text", "不上政务云的理由（上级另有规定或业务特殊需要）"),
        F("resource_platform", "bool", "接入统一政务信息资源库平台"),
        L(
            "existing_systems",
            "已建系统",
            F("name", "str", "系统名称", required=True),
            F("on_cloud", "bool", "已在政务云", required=True),
            F("migration_plan", "path", "迁移计划"),
        ),
        required=True,
        article="第五条",
    ),
    S(
        "security",
        "网络与信息安全",
        F("classified", "bool", "是否涉密", required=True),
        F("mlps_level", "int", "等级保护级别", minimum=1, maximum=5),
        F("scheme", "path", "项目安全方案"),
        F("secure_reliable", "path", "软硬件产品安全可靠情况说明"),
        F("crypto_plan", "path", "密码应用方案"),
        required=True,
        article="第十一条、第十二条",
    ),
    S(
        "data_sharing",
        "数据资源共享",
        L(
            "catalog",
            "信息资源目录",
            F("name", "str", "信息资源名称", required=True),
            F("provider", "str", "提供部门", required=True),
            F("description", "text", "摘要"),
            F("share_type", "enum", "共享类型", choices=SHARE_TYPES, required=True),
            F("update_frequency", "str", "更新周期"),
        ),
        L(
            "sharing_list",
            "数据资源共享清单",
            F("data", "str", "数据资源", required=True),
            F("provider", "str", "提供方", required=True),
            F("consumer", "str", "使用方", required=True),
            F("interface", "str", "共享接口（方式）", required=True),
            F("frequency", "str", "频率", required=True),
        ),
        F("process", "text", "共享流程"),
        article="第十一条（一）、第六条（四）",
    ),
    S(
        "reserve",
        "项目储备（第六条）",
        S("digital_government_plan", "符合数字政府总体规划", *_requirement),
        S("sector_plan", "符合行业中长期规划", *_requirement),
        S("intensive_mode", "利用上级平台、集约化建设", *_requirement),
        S(
            "data_sharing",
            "符合《营口市政务信息共享开放管理办法》，能够实现数据共享",
            *_requirement,
        ),
        S("five_synchronous", "网络信息安全“五同步”", *_sync_grid),
        article="第六条",
    ),
    S(
        "stage",
        "当前阶段",
        F("current", "enum", "当前阶段", required=True, choices=tuple(STAGES)),
        F("since", "date", "进入日期"),
        required=True,
    ),
)

# ---------------------------------------------------------------- records

COMMON_RECORD_FIELDS: tuple[Field, ...] = (
    F("kind", "enum", "记录类型", required=True),  # choices filled below
    F("date", "date", "日期", required=True),
    F("document", "path", "文件"),
    F("note", "text", "备注"),
)


class RecordKind(Value):
    name: str
    zh: str
    article: str
    fields: tuple[Field, ...] = field(default=())


def _rk(name: str, zh: str, article: str, *fields: Field) -> RecordKind:
    return RecordKind(name, zh, article, tuple(fields))


_doc_no = F("document_no", "str", "文号")
_issuer = F("issuer", "str", "出具单位", required=True)

RECORD_KINDS: dict[str, RecordKind] = {
    rk.name: rk
    for rk in (
        _rk("reserve_entry", "纳入项目储备库", "第六条", _doc_no),
        _rk(
            "plan_call",
            "年度项目计划征集",
            "第八条",
            F("year", "int", "计划年度", required=True, minimum=2000, maximum=2100),
            F("deadline", "date", "报送截止日期", required=True),
            F("issuer", "str", "征集单位"),
        ),
        _rk(
            "plan_submission",
            "报送年度项目计划",
            "第八条",
            F("year", "int", "计划年度", required=True, minimum=2000, maximum=2100),
            F("to", "str", "报送单位"),
            F("amount", "money", "申报投资"),
            F("nature", "enum", "申报性质（新建、改扩建或运行维护）", choices=NATURES),
        ),
        _rk(
            "plan_inclusion",
            "列入年度投资计划",
            "第九条",
            F("year", "int", "计划年度", required=True, minimum=2000, maximum=2100),
            F("amount", "money", "计划投资"),
            F("approver", "str", "批准单位"),
            F("midyear", "bool", "年中纳入"),
            _doc_no,
        ),
        _rk(
            "application",
            "申请",
            "第九条、第十五条",
            F("subject", "enum", "事项", required=True, choices=APPLICATION_SUBJECTS),
            F("applicant", "str", "申请单位", required=True),
            F("to", "str", "受理单位"),
            F("amount", "money", "涉及金额"),
            _doc_no,
        ),
        _rk(
            "opinion",
            "意见",
            "第三条、第九条、第十五条",
            F("subject", "enum", "事项", required=True, choices=OPINION_SUBJECTS),
            _issuer,
            F("conclusion", "str", "结论"),
            _doc_no,
        ),
        _rk(
            "evaluation",
            "第三方评估论证",
            "第十二条",
            F("subject", "enum", "评估对象", required=True, choices=EVALUATION_SUBJECTS),
            F("evaluator", "str", "第三方中介服务机构", required=True),
            F("commissioned_by", "str", "委托单位", required=True),
            F("selection", "enum", "选择方式", required=True, choices=SELECTION_METHODS),
            F("qualified", "bool", "具有相应资质", required=True),
            F("qualification", "str", "资质证书"),
            F("conclusion", "text", "评估结论"),
            F("amount", "money", "评估核定投资"),
        ),
        _rk(
            "crypto_review",
            "密码应用方案审核",
            "第十二条",
            _issuer,
            F("result", "enum", "审核结果", required=True, choices=REVIEW_RESULTS),
            _doc_no,
        ),
        _rk(
            "approval",
            "批复",
            "第三条、第九条、第十二条、第十五条",
            F("subject", "enum", "批复事项", required=True, choices=APPROVAL_SUBJECTS),
            _issuer,
            F("amount", "money", "批复金额"),
            _doc_no,
        ),
        _rk(
            "procurement",
            "采购",
            "第十四条",
            F("subject", "str", "采购内容", required=True),
            F("method", "enum", "采购方式", required=True, choices=SELECTION_METHODS),
            F("winner", "str", "中标（成交）单位", required=True),
            F("amount", "money", "中标金额", required=True),
            F("notice_no", "str", "公告编号"),
        ),
        _rk(
            "contract",
            "合同",
            "第十三条",
            F("id", "str", "合同编号", required=True),
            F("type", "enum", "合同类型", required=True, choices=CONTRACT_TYPES),
            F("party", "str", "合同相对方", required=True),
            F("amount", "money", "合同金额", required=True),
            F("subject", "str", "合同内容"),
        ),
        _rk(
            "subcontract",
            "分包",
            "第十四条",
            F("contract", "str", "所属合同编号", required=True),
            F("party", "str", "分包单位", required=True),
            F("scope", "text", "分包内容", required=True),
            F("main_part", "bool", "是否主体、关键性工作", required=True),
            F("amount", "money", "分包金额"),
        ),
        _rk(
            "transfer",
            "转让",
            "第十四条",
            F("contract", "str", "所属合同编号", required=True),
            F("party", "str", "受让单位", required=True),
            F("scope", "text", "转让内容", required=True),
        ),
        _rk(
            "payment",
            "支付",
            "第十八条",
            F("contract", "str", "合同编号", required=True),
            F("amount", "money", "支付金额", required=True),
            F("voucher", "str", "凭证号"),
        ),
        _rk(
            "change",
            "变更",
            "第十五条",
            F("aspect", "enum", "变更事项", required=True, choices=CHANGE_ASPECTS),
            F("description", "text", "变更内容", required=True),
            F("amount_delta", "money", "投资增加额"),
            F("approval_no", "str", "批复文号"),
            F("construction_months", "int", "调整后建设期（月）", minimum=1, maximum=120),
        ),
        _rk(
            "progress",
            "进展",
            "第十六条",
            F("description", "text", "完成内容", required=True),
            F("percent", "int", "累计形象进度（%）", minimum=0, maximum=100),
            F("invested", "money", "累计完成投资"),
            F("problems", "text", "存在的问题与风险"),
            F("problems_resolved", "bool", "此前记录的问题已全部解决"),
            F("next_steps", "text", "下期工作计划"),
        ),
        _rk(
            "quarterly_report",
            "季度进展报告报送",
            "第十六条",
            F("period", "int", "报告期序号", required=True, minimum=1, maximum=200),
            F("to", "str", "报送单位"),
        ),
        _rk(
            "preliminary_acceptance",
            "初步验收",
            "第十七条",
            F("result", "enum", "结论", required=True, choices=RESULTS),
        ),
        _rk(
            "acceptance_application",
            "竣工验收申请",
            "第十七条",
            F("to", "str", "受理单位"),
            S(
                "attachments",
                "申请附件",
                F("construction_summary", "path", "项目建设总结"),
                F("financial_report", "path", "财务报告"),
                F("supervision_report", "path", "监理报告"),
                F(
                    "security_assessment",
                    "path",
                    "安全风险评估报告（涉密：安全保密测评报告；非涉密：等级保护测评报告）",
                ),
                F(
                    "security_assessment_kind",
                    "enum",
                    "安全风险评估报告是哪一种",
                    choices=SECURITY_REPORTS,
                ),
                F("crypto_assessment", "path", "密码应用安全性评估报告"),
                required=True,
            ),
        ),
        _rk(
            "acceptance",
            "竣工验收",
            "第十七条、第十八条",
            F("result", "enum", "结论", required=True, choices=RESULTS),
            F("organizer", "str", "组织单位"),
            F("third_party", "str", "承担验收的第三方"),
        ),
        _rk(
            "rectification",
            "整改",
            "第十八条、第二十条",
            F("subject", "enum", "整改事由", required=True, choices=RECTIFICATION_SUBJECTS),
            F("description", "text", "整改内容"),
            F("completed", "date", "完成日期"),
        ),
        _rk(
            "reinspection",
            "复验",
            "第十八条",
            F("result", "enum", "结论", required=True, choices=RESULTS),
            F("organizer", "str", "组织单位"),
        ),
        _rk("go_live", "投入运行", "第十九条"),
        _rk(
            "self_evaluation",
            "自评价",
            "第十九条",
            F("sent_to", "strs", "报送单位", required=True),
        ),
        _rk(
            "post_evaluation",
            "后评价",
            "第十九条",
            F("evaluator", "str", "第三方咨询机构"),
            F("commissioned_by", "str", "委托单位"),
        ),
        _rk(
            "supervision_finding",
            "监督检查发现问题",
            "第二十条",
            _issuer,
            F("area", "enum", "领域", required=True, choices=SUPERVISION_AREAS),
            F("description", "text", "问题", required=True),
            F("deadline", "date", "整改期限"),
        ),
        _rk(
            "deferral",
            "暂缓安排投资计划",
            "第二十条",
            _issuer,
            _doc_no,
            F("reason", "text", "原因"),
        ),
        _rk(
            "suspension", "暂停项目建设", "第二十条", _issuer, _doc_no, F("reason", "text", "原因")
        ),
        _rk("termination", "终止项目", "第二十条", _issuer, _doc_no, F("reason", "text", "原因")),
        _rk(
            "stage_change",
            "阶段变更",
            "第二十一条",
            F("from_stage", "enum", "原阶段", required=True, choices=tuple(STAGES)),
            F("to_stage", "enum", "新阶段", required=True, choices=tuple(STAGES)),
            F("actor", "str", "经办人"),
        ),
    )
}

RECORD_KINDS_CHOICES = tuple(RECORD_KINDS)


def record_fields(kind: str) -> tuple[Field, ...]:
    """All fields a record of ``kind`` may carry (common ones first)."""
    common = (
        Field("kind", "enum", "记录类型", required=True, choices=RECORD_KINDS_CHOICES),
    ) + COMMON_RECORD_FIELDS[1:]
    return common + RECORD_KINDS[kind].fields


RECORDS_FIELD = F("records", "records", "记录（按日期）", article="第二十一条")

TOP_LEVEL: tuple[Field, ...] = FACTS + (RECORDS_FIELD,)


def top_field(name: str) -> Field | None:
    for f in TOP_LEVEL:
        if f.name == name:
            return f
    return None
