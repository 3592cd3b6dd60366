"""The template context: what a report says, as plain data built from a dossier.

A template sees only what is built here — ``str``, ``int``, ``Decimal``, ``date``,
``bool``, ``None`` and lists and dicts of those; no paths, no objects, nothing
with I/O (``xmgl.reports.render`` checks it again). Every key is always present,
whatever the dossier holds, so a template that uses a key never fails on a
thinner dossier; where the dossier has nothing to say the value is a visible
placeholder ``【待填写：…】`` for a person to replace.

Amounts are shown as 万元 with the exact 元 (``185.5万元（1,855,000元）``);
dates in prose as ``2026年3月10日`` and in table cells as ``2026-03-10``.

:func:`fsr_context` serves the 可行性研究报告 (and the merged 可研代初步设计);
:func:`quarterly_context` the 第十六条 progress report. :data:`FSR_KEYS` and
:data:`QUARTERLY_KEYS` list their top-level keys (``xmgl template lint`` checks
templates against them).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from xmgl.domain import deadlines, facts
from xmgl.domain.bounds import QUARTERLY
from xmgl.domain.merge import merge_allowed
from xmgl.domain.model import Dossier, Node
from xmgl.domain.money import wan_and_yuan as _wan_and_yuan
from xmgl.domain.regulation import number_zh as chinese_numeral
from xmgl.domain.text import oneline
from xmgl.errors import PreconditionError, UsageError

REGULATION = "《大石桥市政务信息化项目管理暂行办法》"
NATIONAL = "《国家政务信息化项目建设管理办法》"
LIAONING = "《辽宁省省本级政府投资信息化项目管理暂行办法》"
YINGKOU = "《营口市政务信息化项目管理办法》"
RECIPIENT = "大石桥市数据局"  # 第十六条: reports go to the 市数据局

TODO = "【待填写：{}】"


def todo(what: str) -> str:
    """The visible placeholder for what a person must still write."""
    return TODO.format(what)


# ----------------------------------------------------------------- the outline

#: The chapters of the 可行性研究报告, in order: (key, title, condition).
#: NDRC's twelve chapters (发改高技〔2008〕2544号) with the 第十一条 chapters placed
#: where they belong; ``service_purchase`` chapters appear only when 政府购买服务 is
#: used (第十一条（二））. The 可研代初步设计 (第十条) has the same chapters, written
#: to design depth inside them (see docs/reports.md), with the titles in
#: :data:`MERGED_TITLES`.
FSR_CHAPTERS: tuple[tuple[str, str, str | None], ...] = (
    ("overview", "项目概述", None),
    ("unit", "项目建设单位概况", None),
    ("needs", "需求分析和项目建设的必要性", None),
    ("overall", "总体建设方案", None),
    ("scheme", "本期项目建设方案", None),
    ("sharing", "数据资源共享分析篇", None),
    ("security", "安全可靠情况说明、项目安全方案和密码应用方案", None),
    ("tender", "项目招标方案", None),
    ("environment", "环保、消防、职业安全卫生和节能", None),
    ("organization", "项目组织机构和人员培训", None),
    ("schedule", "项目实施进度", None),
    ("investment", "投资估算和资金来源", None),
    ("purchase", "自建与购买服务方式经济性比较分析", "service_purchase"),
    ("benefits", "效益与评价指标分析", None),
    ("risks", "项目风险与风险管理", None),
)

#: Chapter titles of the 可研代初步设计 that differ from the FSR's.
MERGED_TITLES: dict[str, str] = {
    "scheme": "本期项目建设方案（初步设计）",
    "investment": "投资概算和资金来源",
}

#: 第四条: the principles the overall design answers, with what to write for each.
PRINCIPLES: tuple[tuple[str, str], ...] = (
    ("顶层设计", "说明本项目与数字政府总体规划、行业中长期规划的衔接"),
    ("协同共享", "说明跨部门业务协同、系统共享复用和数据共享的安排"),
    ("数据回流", "说明需要上级回流本级的数据、回流方式和用途"),
    ("安全可靠", "说明安全可靠软硬件产品的采用和网络信息安全保障措施"),
    ("适度超前", "说明技术路线、容量和性能规划的前瞻性"),
    ("适配应用", "说明与现有业务流程、已建系统和用户使用习惯的适配"),
)

_MLPS = {1: "第一级", 2: "第二级", 3: "第三级", 4: "第四级", 5: "第五级"}
_SYNC_DOMAINS = (
    ("network_security", "网络安全"),
    ("data_security", "数据安全"),
    ("personal_information", "个人信息保护"),
    ("crypto", "密码管理"),
)
_SYNC_STEPS = ("design", "build", "assess", "accept", "operate")


def chapter_numbers(*, service_purchase: bool, merged: bool) -> dict[str, str]:
    """Chapter key → its numeral in this report; "" for a chapter left out."""
    present = {None: True, "service_purchase": service_purchase, "merged": merged}
    out: dict[str, str] = {}
    n = 0
    for key, _title, cond in FSR_CHAPTERS:
        if present[cond]:
            n += 1
            out[key] = chinese_numeral(n)
        else:
            out[key] = ""
    return out


# ----------------------------------------------------------------- formatting


def cn_date(d: date | None, missing: str = "日期") -> str:
    """``2026-03-10`` → ``2026年3月10日``."""
    if d is None:
        return todo(missing)
    return f"{d.year}年{d.month}月{d.day}日"


def iso(d: date | None) -> str:
    return d.isoformat() if d is not None else ""


def amount(value: Decimal | None, missing: str) -> str:
    """万元 with the exact 元, or the placeholder."""
    return wan_and_yuan(value) if value is not None else todo(missing)


def percent(value: Decimal | None, missing: str = "支付率") -> str:
    if value is None:
        return todo(missing)
    return f"{value.normalize():f}%" if value == value.to_integral_value() else f"{value}%"


def text(value: object, missing: str) -> str:
    """A dossier text as one paragraph (folded lines joined), or the placeholder."""
    if value is None or (isinstance(value, str) and not value.strip()):
        return todo(missing)
    return oneline(str(value))


def clause(value: str) -> str:
    """A dossier text the report continues after ("理由：X；", "依据：X。"): without its
    own closing punctuation, so the report never writes "。；" or "。。"."""
    return oneline(value).rstrip("。；，、.;, ")


def sentence(value: object, missing: str) -> str:
    """A dossier text the report writes as a sentence of its own, or followed by more
    words: ending in one full stop whatever the dossier's punctuation ("X；" and "X"
    alike become "X。", never "X。（…）" or "X【…】"); the placeholder when missing."""
    if value is None or (isinstance(value, str) and not value.strip()):
        return todo(missing)
    body = clause(str(value))
    return body if body.endswith(("！", "？", "…", "】")) else body + "。"


def wan_and_yuan(value: Decimal) -> str:
    """Every amount a report writes: 万元 with the exact 元, and zero always as
    ``0元`` (never also "0万元（0元）" in the same document)."""
    return _wan_and_yuan(value) if value else ZERO_AMOUNT


ZERO_AMOUNT = "0元"


def _opt(value: object) -> str:
    """A dossier text or "" (for cells that may stay empty)."""
    return oneline(str(value)) if value not in (None, "") else ""


def _yes(value: bool | None) -> str:
    return {True: "是", False: "否", None: todo("是/否")}[value]


# ----------------------------------------------------------------- common facts


def _project(d: Dossier) -> dict:
    p = d.project
    months = p.construction_months
    return {
        "name": p.name,
        "code": p.code or todo("项目编号"),
        "unit": p.unit,
        "competent_department": p.competent_department,
        "legal_person": p.legal_person,
        "contact": p.contact or todo("联系人"),
        "phone": p.phone or todo("联系电话"),
        "nature": p.nature,
        "content_types": "、".join(p.content_types) or todo("建设内容类型"),
        "summary": sentence(p.summary, "建设内容概述"),
        "goals": sentence(p.goals, "建设目标"),
        # the goals with more words after them (十四（三）): a sentence either way
        "goals_lead": sentence(p.goals, "建设目标")
        if p.goals and p.goals.strip()
        else todo("建设目标") + "。",
        "construction_months": months,
        "construction_period": f"{months}个月" if months else todo("建设期"),
        "fsr_author": clause(p.fsr_author) if p.fsr_author else todo("可行性研究报告编制单位"),
    }


def _investment(d: Dossier, until: date | None = None, *, merged: bool = False) -> dict:
    """``merged``: the 可研代初步设计 calls the figure it requests 投资概算, not 总投资."""
    inv = d.investment
    budget = facts.budget_in_force(d, until)
    total = facts.total_investment(d)
    return {
        "estimate": amount(inv.estimate, "投资估算"),
        # 可研代初步设计 is the request for approval: its 概算 is the unit's own figure
        "proposed_budget": amount(inv.estimate, "申报的投资概算"),
        "budget": amount(budget, "批复概算"),
        "total": amount(total, "总投资"),
        "operation_annual": amount(inv.operation_annual, "年运行维护费用估算"),
        # O&M is a separate, yearly figure, never part of the construction investment
        "operation_statement": _operation_statement(
            inv.operation_annual, "投资概算" if merged else "总投资"
        ),
        "estimate_yuan": inv.estimate,
        "budget_yuan": budget,
        "total_yuan": total,
        "operation_annual_yuan": inv.operation_annual,
    }


def _operation_statement(value: Decimal | None, above: str = "总投资") -> str:
    """The yearly O&M cost, a figure of its own: applied for separately when there is
    one (nothing is applied for when the dossier says 0). ``above``: what the report
    calls the investment figure it has just stated."""
    if value is None:
        return todo(f"项目建成后的年运行维护费用估算（每年，不含在{above}内）")
    if not value:
        return f"项目建成后，年运行维护费用估算{ZERO_AMOUNT}/年"
    return f"项目建成后，年运行维护费用估算{wan_and_yuan(value)}/年，另行申请，不含在上述{above}内"


def _funding(d: Dossier) -> dict:
    f = d.funding
    # a sentence in the report, whatever the dossier's punctuation
    detail = sentence(f.detail, "资金来源说明及落实情况")
    # mixed funding: every source the dossier names, not only the first
    sources = [f.source, *(s for s in f.other_sources if s != f.source)]
    return {"source": "、".join(dict.fromkeys(sources)), "detail": detail}


def _security(d: Dossier, att: Attachments, until: date | None = None) -> dict:
    s = d.security
    level = s.mlps_level
    review = next(
        (r for r in reversed(d.records_of("crypto_review")) if until is None or r.date <= until),
        None,
    )
    if review is not None:
        no = f"（{review.document_no}）" if review.document_no else ""
        review_text = f"{cn_date(review.date)}经{review.issuer}审核，结果：{review.result}{no}"
    else:
        review_text = todo("密码应用方案经市国家密码管理局审核的情况")
    if s.classified is None:
        kind = todo("涉密信息系统或非涉密信息系统")
    else:
        kind = "涉密信息系统" if s.classified else "非涉密信息系统"
    if level:
        mlps = f"本项目为{kind}，按网络安全等级保护{_MLPS[level]}进行设计、建设和测评"
    elif s.classified:
        # a 涉密 system is protected by grade under the secrecy rules, not 等级保护-graded
        mlps = todo(f"本项目为{kind}，写明密级和分级保护要求")
    else:
        mlps = todo(f"本项目为{kind}，网络安全等级保护定级")
    protection = "涉密信息系统分级保护" if s.classified else "网络安全等级保护"
    protection_progress = todo(
        "分级保护方案审查、安全保密测评进展" if s.classified else "定级备案、测评进展"
    )
    # registered in the order chapter 七 mentions them
    secure_reliable = _doc_ref(att, s.secure_reliable, "软硬件产品安全可靠情况说明")
    scheme = _doc_ref(att, s.scheme, "项目安全方案")
    crypto_plan = _doc_ref(att, s.crypto_plan, "密码应用方案")
    return {
        "classified": bool(s.classified),
        "classified_text": kind,
        "mlps_level": level,
        "mlps_text": _MLPS[level] if level else todo("等级保护级别"),
        "mlps_statement": mlps,
        "protection": protection,
        "protection_short": protection[-4:],  # 等级保护 / 分级保护
        "protection_progress": protection_progress,
        "scheme": s.scheme or "",
        "scheme_text": scheme,
        "secure_reliable": s.secure_reliable or "",
        "secure_reliable_text": secure_reliable,
        "crypto_plan": s.crypto_plan or "",
        "crypto_plan_text": crypto_plan,
        "crypto_review": review_text,
        "assessment_report": "安全保密测评报告" if s.classified else "网络安全等级保护测评报告",
        "assessment_report_fee": (
            "安全保密测评和密码应用安全性评估费"
            if s.classified
            else "等级保护测评和密码应用安全性评估费"
        ),
    }


def _doc_ref(att: Attachments, path: str | None, what: str) -> str:
    if path:
        return f"{what}见{att.ref(path, what)}，要点如下：{todo(what + '要点')}"
    return todo(what)


class Attachments:
    """The 附件 of a report: every dossier document it refers to, numbered in order.

    A reviewer cannot open "docs/项目安全方案.md"; the report says "见附件2《项目安全
    方案》" and lists the 附件 at the end (GB/T 9704 附件说明). A document referred to
    twice keeps its first number. The title is the file's name without its
    extension when that is Chinese, else what the report calls it.
    """

    def __init__(self) -> None:
        self._items: dict[str, dict] = {}

    def ref(self, path: str, what: str) -> str:
        item = self._items.get(path)
        if item is None:
            stem = path.replace("\\", "/").rsplit("/", 1)[-1].rsplit(".", 1)[0]
            title = stem if re.search(r"[\u4e00-\u9fff]", stem) else what
            item = {"no": str(len(self._items) + 1), "title": title, "path": path}
            self._items[path] = item
        return f"附件{item['no']}《{item['title']}》"

    def listing(self) -> list[dict]:
        """Items for the 附件说明: "附件：1. …", the next ones aligned under the first;
        a single 附件 has no number (GB/T 9704 7.3.4: "附件：名称")."""
        single = len(self._items) == 1
        return [
            {
                **item,
                "lead": "附件：" if i == 0 else "\u3000" * 3,
                "label": item["title"] if single else f"{item['no']}. {item['title']}",
            }
            for i, item in enumerate(self._items.values())
        ]

    def settle(self, value):
        """``value`` (the report's context) with the references as the final count
        has them: "见附件《名称》" when there is only one 附件, as its 附件说明 reads."""
        if len(self._items) != 1:
            return value
        (item,) = self._items.values()
        numbered = f"附件1《{item['title']}》"

        def walk(v):
            if isinstance(v, str):
                return v.replace(numbered, f"附件《{item['title']}》")
            if isinstance(v, dict):
                return {k: walk(x) for k, x in v.items()}
            if isinstance(v, list):
                return [walk(x) for x in v]
            return v

        return walk(value)


def _deployment(d: Dossier, att: Attachments) -> dict:
    dep = d.deployment
    on_cloud = dep.cloud in ("营口市政务云", "辽宁省政务云")
    facilities = [t for t in d.project.content_types if t in ("电子政务基础设施", "信息采集设施")]
    if on_cloud and facilities:
        # the project builds facilities of its own (第二条): never "不单独建设……基础设施"
        where = f"本项目依托{dep.cloud}部署；建设内容包括{'、'.join(facilities)}，" + todo(
            "拟建设的设施、部署位置及其与政务云的关系"
        )
    elif on_cloud:
        where = f"本项目依托{dep.cloud}部署，不单独建设机房和基础设施"
    else:
        why = text(dep.justification, "不依托政务云部署的理由（上级另有规定或业务特殊需要）")
        why = clause(why) if dep.justification else why
        where = f"本项目不依托营口市级、省级政务云部署，理由：{why}"
    if dep.resource_platform is True:
        platform = "按营口市要求接入统一政务信息资源库平台"
    elif dep.resource_platform is False:  # the dossier's fact stays when the reason is filled
        platform = "未按营口市要求接入统一政务信息资源库平台，原因：" + todo("未接入的原因")
    else:
        platform = todo("是否按营口市要求接入统一政务信息资源库平台")
    systems = [
        {
            "name": s.name,
            "on_cloud": "是" if s.on_cloud else "否",
            "migration_plan": (
                (f"见{att.ref(s.migration_plan, '迁移计划')}" if s.migration_plan else "")
                or todo("迁移计划")
            )
            if not s.on_cloud
            else "—",
        }
        for s in dep.existing_systems
    ]
    # what the design chapters ask for and cite follows the deployment: a project
    # off the 政务云 applies for no 政务云 resources, rents none, and organises its own
    # O&M (第十四条第二款's second half); a 涉密 system is not on the 政务外网
    rule = f"按照{REGULATION}第十四条，"
    if on_cloud:
        rule += (
            "涉及政务云运维服务采购及实施工作按照政务云提供方要求统一组织，"
            "涉及其他运维服务采购及实施工作由项目单位组织。"
        )
    else:
        rule += "本项目不依托政务云部署，运维服务采购及实施工作由项目单位组织。"
    classified = bool(d.security.classified)
    return {
        "cloud": dep.cloud,
        "on_cloud": on_cloud,
        "compute_need": "计算、存储资源需求" + ("（政务云资源申请）" if on_cloud else "及部署环境"),
        "network_need": "涉密网络接入方案" if classified else "政务外网等网络接入方案",
        "operation_rule": rule,
        "resource_fee": "政务云资源租用费" if on_cloud else "计算、存储资源和机房配套费",
        "statement": where,
        "resource_platform": dep.resource_platform is True,
        "resource_platform_text": platform,
        "existing_systems": systems,
    }


def _rows(items: list[dict], blank: dict) -> list[dict]:
    """Numbered table rows; one row of placeholders when there are none."""
    if not items:
        return [{"no": "1", **blank}]
    return [{"no": str(i), **row} for i, row in enumerate(items, 1)]


def _distinct(values) -> str:
    seen: list[str] = []
    for v in values:
        if v and v not in seen:
            seen.append(v)
    return "、".join(seen)


def _data_sharing(d: Dossier, att: Attachments) -> dict:
    ds = d.data.data_sharing
    cb = d.data.cross_boundary
    catalog_doc = cb.data_catalog if cb is not None else None
    catalog = list(ds.catalog) if ds is not None else []
    sharing = list(ds.sharing_list) if ds is not None else []
    process = ds.process if ds is not None else None
    if ds is not None and ds.has("catalog") and ds.has("sharing_list"):
        count_text = f"信息资源目录{len(catalog)}项，数据资源共享清单{len(sharing)}项"
    else:
        count_text = todo("信息资源目录和数据资源共享清单的项数（档案中没有写）")
    return {
        "catalog": _rows(
            [
                {
                    "name": c.name,
                    "provider": c.provider,
                    "description": _opt(c.description),
                    "share_type": c.share_type,
                    "update_frequency": _opt(c.update_frequency),
                }
                for c in catalog
            ],
            {
                "name": todo("信息资源名称"),
                "provider": todo("提供部门"),
                "description": todo("摘要"),
                "share_type": todo("共享类型"),
                "update_frequency": todo("更新周期"),
            },
        ),
        "sharing_list": _rows(
            [
                {
                    "data": s.data,
                    "provider": s.provider,
                    "consumer": s.consumer,
                    "interface": s.interface,
                    "frequency": s.frequency,
                }
                for s in sharing
            ],
            {
                "data": todo("数据资源"),
                "provider": todo("提供方"),
                "consumer": todo("使用方"),
                "interface": todo("共享接口"),
                "frequency": todo("频率"),
            },
        ),
        "catalog_document": f"信息资源目录详见{att.ref(catalog_doc, '数据目录')}。"
        if catalog_doc
        else "",
        "catalog_count": len(catalog),
        "sharing_count": len(sharing),
        "count_text": count_text,
        "process": sentence(process, "数据共享流程（申请、审核、授权、调用、留痕）"),
        "interfaces": _distinct(s.interface for s in sharing) or todo("共享接口方式"),
        "frequencies": _distinct(s.frequency for s in sharing) or todo("更新或调用频率"),
    }


def _cross_boundary(d: Dossier) -> dict:
    cb = d.data.cross_boundary
    kinds = list(cb.kinds) if cb is not None else []
    participants = list(cb.participants) if cb is not None else []
    if cb is None or not cb.has("kinds"):  # "不涉及" only when the dossier says so
        statement = todo(
            "本项目是否涉及跨层级、跨地域、跨系统、跨部门、跨业务共建共享；不涉及的写“不涉及”"
        )
    elif not kinds:
        statement = "本项目不涉及跨层级、跨地域、跨系统、跨部门、跨业务共建共享。"
    else:
        statement = ""
    return {
        "applies": bool(kinds),
        "statement": statement,
        "kinds": "、".join(kinds),
        "lead_department": clause((cb.lead_department if cb is not None else None) or "")
        or (todo("牵头部门") if kinds else ""),
        # the table the text announces ("如下") always has a row to fill in
        "participants": [
            {
                "department": p.department,
                "business_flow": text(p.business_flow, "业务流"),
                "data_flow": text(p.data_flow, "数据流"),
                "interfaces": text(p.interfaces, "系统接口"),
            }
            for p in participants
        ]
        or [
            {
                "department": todo("参建部门"),
                "business_flow": todo("业务流"),
                "data_flow": todo("数据流"),
                "interfaces": todo("系统接口"),
            }
        ],
        "upper_level_project": clause((cb.upper_level_project if cb is not None else None) or ""),
    }


def _platform(d: Dossier, att: Attachments) -> dict:
    pl = d.data.platform
    if pl is None:
        statement = todo("是否单独建设系统平台；单独建设的，写明属于哪一除外情形及依据文件")
        return {"standalone": False, "exception": "", "basis": "", "statement": statement}
    if not pl.standalone:
        # what the dossier says; how it uses higher-level platforms is 第六条（三）'s
        # statement (reserve.intensive_mode), written in chapter 三 or left to fill in
        statement = "本项目不单独建设系统平台"
        return {"standalone": False, "exception": "", "basis": "", "statement": statement}
    exception = pl.exception or todo("除外情形")
    basis = clause(pl.basis or "")
    if pl.basis_document:
        ref = att.ref(pl.basis_document, "单独建设系统平台依据文件")
        basis = f"{basis}（{ref}）" if basis else ref
    basis = basis or todo("依据文件名称和文号")
    statement = (
        f"本项目单独建设系统平台，属于{REGULATION}第二条规定的“{exception}”情形，依据：{basis}"
    )
    return {"standalone": True, "exception": exception, "basis": basis, "statement": statement}


def _reserve(d: Dossier, att: Attachments) -> dict:
    r = d.data.reserve
    names = {
        "digital_government_plan": "符合数字政府总体规划的说明",
        "sector_plan": "符合行业中长期规划的说明",
        "intensive_mode": "利用上级平台、集约化建设的说明",
        "data_sharing": "符合《营口市政务信息共享开放管理办法》、能够实现数据共享的说明",
    }
    out: dict[str, object] = {}
    for key, what in names.items():
        node = getattr(r, key) if r is not None else None
        statement = node.statement if node is not None else None
        given = statement is not None and bool(statement.strip())
        # the unit's statement, then its evidence, then one full stop: never
        # "X。（佐证材料见…）" nor a statement left without its end
        line = clause(statement) if given else todo(what)
        if node is not None and node.evidence:
            line += f"（佐证材料见{att.ref(node.evidence, what)}）"
        out[key] = line + "。" if given else line
    grid = r.five_synchronous if r is not None else None
    rows = []
    for key, zh in _SYNC_DOMAINS:
        node = getattr(grid, key) if grid is not None else None
        row = {"domain": zh}
        for step in _SYNC_STEPS:
            value = getattr(node, step) if node is not None else None
            row[step] = {True: "是", False: "否", None: todo("是/否")}[value]
        rows.append(row)
    out["five_synchronous"] = rows
    return out


def _approvals(d: Dossier, until: date | None = None) -> list[dict]:
    return [_approval(r) for r in d.records_of("approval") if until is None or r.date <= until]


def _approval(r: Node) -> dict:
    return {
        "date": iso(r.date),
        "date_cn": cn_date(r.date),
        "subject": r.subject,
        "issuer": r.issuer,
        "document_no": r.document_no or "",
        "amount": amount(r.amount, "批复金额") if r.amount is not None else "",
    }


def _merge(d: Dossier, att: Attachments, as_of: date) -> dict:
    """第十条 grounds as the report states them: facts and the unit's declarations,
    each said as what it is (the decision itself is ``merge_allowed``'s)."""
    from xmgl.domain.merge import SIMPLE, SINGLE, SMALL, URGENT

    decision = merge_allowed(d)
    m = d.data.merged_fsr_pd
    basis = ""
    if m is not None:
        basis = clause(m.urgent_basis or "")
        if m.urgent_basis_document:
            ref = att.ref(m.urgent_basis_document, "紧急建设依据文件")
            basis = f"{basis}（{ref}）" if basis else ref
    # the figure 第十条 is judged on, named as what it is and as of the report's date:
    # the unit's own 申报投资概算 (一（六）) when it is below the bound; else the 概算
    # approved by then, next to the requested figure the report states everywhere
    # else — never an approval dated after the report, never an unnamed "总投资"
    from xmgl.domain.money import TWO_MILLION

    estimate = d.investment.estimate
    requested = f"本项目申报投资概算{wan_and_yuan(estimate)}" if estimate is not None else ""
    small = todo("总投资额在200万元（不含）以下的依据（截至报告日期没有在此以下的批复概算）")
    if estimate is not None and estimate < TWO_MILLION:
        small = f"{requested}，在200万元（不含）以下"
    else:
        found = facts.budget_source(d, as_of)
        if found is not None and found[0] < TWO_MILLION:
            approved = f"批复概算{wan_and_yuan(found[0])}"
            small = (
                f"{requested}，{approved}，批复概算在200万元（不含）以下"
                if requested
                else f"本项目{approved}，在200万元（不含）以下"
            )
        elif requested:
            small = f"{requested}，{small}"
    lines = []
    for g in decision.grounds:
        if g == URGENT:
            lines.append(f"第十条第二款：本项目需要紧急建设，依据为{basis}")
        elif g in (SIMPLE, SINGLE):
            reason = (m.simple_reason if g == SIMPLE else m.single_reason) if m else None
            why = f"，理由：{clause(reason)}" if reason else ""
            lines.append(f"第十条第三款：项目单位申报本项目{g}{why}")
        elif g == SMALL:
            lines.append(f"第十条第三款：{small}")
    return {
        "requested": d.merged,
        "allowed": decision.allowed,
        "grounds": list(decision.grounds),
        "grounds_text": "、".join(decision.grounds) or "无",
        "statements": [f"{REGULATION}{line}" for line in lines],
        "urgent_basis": basis,
    }


def _basis(d: Dossier, until: date) -> list[str]:
    out = [
        f"{NATIONAL}（国办发〔2019〕57号）",
        LIAONING,
        YINGKOU,
        f"{REGULATION}（大石桥市人民政府办公室2025年4月15日印发）",
        "《国家电子政务工程建设项目可行性研究报告编制要求》（发改高技〔2008〕2544号附件）",
        "《营口市政务信息共享开放管理办法》",
        # a 涉密 system is not graded under 等级保护: its standards are the secrecy rules'
        todo("涉密信息系统分级保护所依据的国家保密标准")
        if d.security.classified
        else "GB/T 22239—2019《信息安全技术 网络安全等级保护基本要求》",
        "GB/T 39786—2021《信息安全技术 信息系统密码应用基本要求》",
    ]
    reserve = d.first("reserve_entry")
    if reserve is not None and reserve.date <= until:
        no = f"（{reserve.document_no}）" if reserve.document_no else ""
        out.append(f"本项目于{cn_date(reserve.date)}纳入项目储备库{no}")
    plan = next((r for r in reversed(d.records_of("plan_inclusion")) if r.date <= until), None)
    if plan is not None:
        no = f"（{plan.document_no}）" if plan.document_no else ""
        out.append(f"本项目列入{plan.year}年度政务信息化项目投资计划{no}")
    out.append(todo("其他编制依据（行业规划、上级文件、技术标准等）"))
    return out


def _common(d: Dossier, as_of: date, att: Attachments, until: date | None = None) -> dict:
    """The facts every report shows; documents are registered with ``att`` in the
    order the FSR mentions them (chapter 四, 六, 七, then the purchase comparison).
    Records dated after ``until`` (default: the report date) are not yet facts."""
    until = as_of if until is None else until
    sp = d.data.service_purchase
    deployment = _deployment(d, att)
    platform = _platform(d, att)
    data_sharing = _data_sharing(d, att)
    security = _security(d, att, until)
    comparison = (sp.comparison or "") if sp is not None else ""
    return {
        "project": _project(d),
        "funding": _funding(d),
        "security": security,
        "deployment": deployment,
        "data_sharing": data_sharing,
        "cross_boundary": _cross_boundary(d),
        "platform": platform,
        "service_purchase": {
            "used": bool(sp is not None and sp.used),
            # no service_purchase section: the report cannot leave the 第十一条（二）
            # chapter out silently, as if the dossier had said "not used"
            "unknown": todo(
                f"本项目是否涉及政府购买服务；涉及的，按照{REGULATION}第十一条（二）"
                "增加自建和购买服务方式经济性比较分析一章"
            )
            if sp is None
            else "",
            "comparison": comparison,
            "comparison_ref": att.ref(comparison, "自建与购买服务经济性比较")
            if comparison and sp.used
            else "",
        },
        "regulation": {
            "name": REGULATION,
            "national": NATIONAL,
            "liaoning": LIAONING,
            "yingkou": YINGKOU,
            "recipient": RECIPIENT,
        },
        "generated": {"date": iso(as_of), "date_cn": cn_date(as_of)},
    }


# ----------------------------------------------------------------- 可行性研究报告


def fsr_context(d: Dossier, as_of: date, *, merged: bool = False) -> dict:
    """Context of the 可行性研究报告 (``merged``: 可行性研究报告（代初步设计）)."""
    att = Attachments()
    merge = _merge(d, att if merged else Attachments(), as_of)  # 一、项目概述 (merged only)
    reserve = _reserve(d, att)  # 三、必要性
    ctx = _common(d, as_of, att)
    used = ctx["service_purchase"]["used"]
    title = "可行性研究报告（代初步设计）" if merged else "可行性研究报告"
    ctx.update(
        {
            "report": {
                "kind": "fsr_merged" if merged else "fsr",
                "title": title,
                "full_title": f"{d.project.name}{title}",
                "merged": merged,
            },
            "ch": chapter_numbers(service_purchase=used, merged=merged),
            "basis": _basis(d, as_of),
            "principles": [
                {"no": str(i), "name": name, "text": todo(hint)}
                for i, (name, hint) in enumerate(PRINCIPLES, 1)
            ],
            "investment": _investment(d, merged=merged),
            "reserve": reserve,
            "merge": merge,
            "approvals": _approvals(d, as_of),
            "attachments": att.listing(),
        }
    )
    return att.settle(ctx)


# ----------------------------------------------------------------- 季度进展报告


@dataclass(frozen=True)
class QuarterChoice:
    """Which 第十六条 period a report covers, and what to tell the user about it."""

    period: object  # xmgl.domain.periods.Period
    notes: tuple[str, ...]


def choose_period(d: Dossier, as_of: date, index: int | None = None) -> QuarterChoice:
    """Period ``index``, or by default the latest due as of ``as_of`` (the running one).

    Raises PreconditionError before the approval, UsageError for a period that has
    not begun or that falls after the acceptance filing (第十六条 stops there).
    """
    approval = d.approval_date()
    if approval is None or approval > as_of:
        raise PreconditionError(
            f"项目尚未批复，还没有季度进展报告：第十六条自项目批复之日起{QUARTERLY.span}报送一次。",
            hint="在 project.yaml 的 records 中登记立项批复（kind: approval）后再生成。",
        )
    due = [o for o in deadlines.obligations(d, as_of) if o.kind == "quarterly_report"]
    stop = deadlines.quarterly_stop(d)
    notes: list[str] = []
    if index is None:
        if not due:
            raise PreconditionError(
                f"截至 {as_of.isoformat()} 没有需要报送的季度进展报告"
                + (f"（项目已于 {stop.isoformat()} 验收备案）" if stop else "")
                + "。",
                hint="用 --period N 指定报告期。",
            )
        index = due[-1].period
        missed = [o for o in due if o.period != index and o.status in (deadlines.OVERDUE,)]
        if missed:
            ps = "、".join(f"第{o.period}期" for o in missed)
            notes.append(f"{ps}季度报告已逾期未报送，可用 --period 指定期号生成。")
    if index < 1:
        raise UsageError(f"--period 必须是正整数，这里是 {index}。", hint="第1期自批复次日起算。")
    months = (as_of.year - approval.year) * 12 + as_of.month - approval.month
    if (index - 1) * QUARTERLY.every > months + 12:  # far beyond as_of: do not count them all
        raise UsageError(
            f"第{index}期截至 {as_of.isoformat()} 尚未开始（第1期自 {approval.isoformat()} "
            f"批复次日起，{QUARTERLY.span}一期）。",
            hint=f"当前最近一期是第{due[-1].period}期。" if due else "用 --as-of 指定日期。",
        )
    period = deadlines.quarterly_period(d, index)
    if period.start > as_of:
        raise UsageError(
            f"第{index}期（{period.start.isoformat()} 至 {period.end.isoformat()}）"
            f"截至 {as_of.isoformat()} 尚未开始。",
            hint=f"当前最近一期是第{due[-1].period}期；或用 --as-of 指定日期。"
            if due
            else "用 --as-of 指定日期。",
        )
    if stop is not None and period.end > stop:
        raise UsageError(
            f"项目已于 {stop.isoformat()} 验收备案，第十六条的季度报告到此为止；"
            f"第{index}期（{period.start.isoformat()} 至 {period.end.isoformat()}）不需报送。",
            hint=f"最后一期是第{due[-1].period}期。" if due else "",
        )
    return QuarterChoice(period=period, notes=tuple(notes))


def quarterly_context(d: Dossier, as_of: date, period_index: int | None = None) -> dict:
    """Context of the 项目建设进展情况季度报告 for one period (第十六条)."""
    choice = choose_period(d, as_of, period_index)
    p = choice.period
    submitted = next(
        (r for r in d.records_of("quarterly_report") if r.period == p.index and r.date <= as_of),
        None,
    )
    # nothing recorded after the period, after today, or after the report was submitted
    # (a regenerated report says what it said when it was signed) counts
    cutoff = min(p.end, as_of, submitted.date if submitted is not None else as_of)

    def within(r: Node) -> bool:
        return p.start <= r.date <= cutoff

    def upto(kind: str) -> list[Node]:
        return [r for r in d.records_of(kind) if r.date <= cutoff]

    ctx = _common(d, as_of, Attachments(), until=cutoff)
    approval_day = d.approval_date()
    first = next(r for r in d.records_of("approval") if r.date == approval_day)
    budget_rec = next(
        (
            r
            for r in reversed(upto("approval"))
            if r.subject in (*facts.BUDGET_SUBJECTS, "重新审批")
        ),
        None,
    )
    money = facts.money(d, until=cutoff)
    # against the 概算, as the totals: 运维 payments apart (facts.against_budget)
    paid_period = sum(
        (r.amount for r in facts.against_budget(d, "payment", cutoff) if within(r)), Decimal(0)
    )

    contracts = upto("contract")
    kinds = {"建设": [], "监理": []}
    for c in contracts:
        if c.type in kinds and c.party not in kinds[c.type]:
            kinds[c.type].append(c.party)

    progress = [r for r in upto("progress") if within(r)]
    all_progress = upto("progress")
    earlier = [r for r in all_progress if r.date < p.start]
    status = _progress_status(d, p, cutoff, all_progress, money.budget)
    problems = [oneline(r.problems) for r in progress if r.problems]
    next_steps = [oneline(r.next_steps) for r in progress if r.next_steps][-1:]
    planned = next((r for r in reversed(earlier) if r.next_steps), None)
    carried = _open_problems(earlier, progress)
    # 第二十条: a 监督检查 finding is a problem of the project until its rectification
    found_now, found_open = _findings(d, p.start, cutoff)
    problems += found_now
    carried += found_open
    due = p.due
    due_text = cn_date(due.in_force)
    if due.moved:
        due_text += f"（名义截止日{cn_date(due.nominal)}为法定休假日，顺延）"

    ctx.update(
        {
            "report": {
                "kind": "quarterly",
                "title": "项目建设进展情况季度报告",
                "full_title": f"{d.project.name}建设进展情况季度报告（第{p.index}期）",
                "merged": False,
            },
            "period": {
                "index": p.index,
                "start": iso(p.start),
                "end": iso(p.end),
                "start_cn": cn_date(p.start),
                "end_cn": cn_date(p.end),
                "due_nominal": iso(due.nominal),
                "due_in_force": iso(due.in_force),
                "due_moved": due.moved,
                "due_text": due_text,
                "calendar_notice": due.notice or "",
                "submitted": cn_date(submitted.date) if submitted else "",
                "cutoff": iso(cutoff),
                "cutoff_cn": cn_date(cutoff),
                "as_of_text": _as_of_text(p, as_of, cutoff, submitted),
                "no_progress_text": ""
                if progress
                else f"档案中本期（{cn_date(p.start)}至{cn_date(cutoff)}）没有进展记录。",
                "running": submitted is None and as_of < p.end,
                "notes": list(choice.notes),
            },
            "approval": {
                **_approval(first),
                "text": _approval_text(first),
                "budget_text": _approval_text(budget_rec) if budget_rec else todo("概算批复"),
            },
            "approvals": _approvals(d, cutoff),
            "investment": _investment(d, cutoff),
            "builders": "、".join(kinds["建设"]) or todo("承建单位"),
            "supervisors": "、".join(kinds["监理"]) or todo("监理单位"),
            "schedule": status,
            "signed_date": cn_date(submitted.date) if submitted else cn_date(as_of),
            "contracts": [
                {
                    "id": c.id,
                    "type": c.type,
                    "party": c.party,
                    "amount": wan_and_yuan(c.amount),
                    "subject": _opt(c.subject),
                    "date": iso(c.date),
                    "date_cn": cn_date(c.date),
                    "this_period": within(c),
                }
                for c in contracts
            ],
            "procurements": [
                {
                    "date": iso(r.date),
                    "date_cn": cn_date(r.date),
                    "subject": r.subject,
                    "method": r.method,
                    "winner": r.winner,
                    "amount": wan_and_yuan(r.amount),
                    "notice_no": r.notice_no or "",
                    "this_period": within(r),
                }
                for r in upto("procurement")
            ],
            "money": {
                "budget": amount(money.budget, "批复概算"),
                "contracted": wan_and_yuan(money.contracted),
                "paid_period": wan_and_yuan(paid_period),
                "paid_total": wan_and_yuan(money.paid),
                "pay_rate": percent(money.pay_rate, "支付率（无批复概算，无法计算）"),
                "unpaid": wan_and_yuan(money.contracted - money.paid),
                "budget_yuan": money.budget,
                "contracted_yuan": money.contracted,
                "paid_period_yuan": paid_period,
                "paid_total_yuan": money.paid,
                "pay_rate_percent": money.pay_rate,
                "operation_note": _operation_contracts_note(money, upto("payment"), within),
            },
            "payments": [
                {
                    "date": iso(r.date),
                    "date_cn": cn_date(r.date),
                    "contract": r.contract,
                    "amount": wan_and_yuan(r.amount),
                    "voucher": r.voucher or "",
                    "note": _opt(r.note),
                }
                for r in upto("payment")
                if within(r)
            ],
            "changes": [_change(d, r, within(r), cutoff) for r in upto("change")],
            "changes_in_period": sum(1 for r in upto("change") if within(r)),
            "progress": [
                {
                    "date": iso(r.date),
                    "date_cn": cn_date(r.date),
                    "description": oneline(r.description),
                    "percent": f"{r.percent}%" if r.percent is not None else "",
                    "percent_note": f"（累计形象进度{r.percent}%）"
                    if r.percent is not None
                    else "",
                }
                for r in progress
            ],
            "percent": status["percent_text"],
            "planned": _planned_text(d, p.index, planned),
            "carried_problems": carried,
            # progress and milestone records of the period, in date order (one line each)
            "events": _events(progress, [r for r in d.records if within(r)]),
            "problems": problems or [todo("本期新出现的问题与风险；没有则写“无”")],
            "next_steps": next_steps or [todo("下期工作计划")],
        }
    )
    return ctx


def _as_of_text(p, as_of: date, cutoff: date, submitted: Node | None) -> str:
    """The sentence that says which day the figures are as of, and why that day."""
    if submitted is not None and submitted.date < p.end:
        return (
            f"报告期至{cn_date(p.end)}结束，本报告于{cn_date(submitted.date)}报送（档案记录），"
            f"以下数据截至{cn_date(cutoff)}。"
        )
    if as_of < p.end:
        return (
            f"报告期至{cn_date(p.end)}结束，本报告编写于{cn_date(as_of)}，"
            f"以下数据截至{cn_date(cutoff)}。"
        )
    return f"以下数据截至本期末（{cn_date(cutoff)}）。"


def _planned_text(d: Dossier, index: int, planned: Node | None) -> str:
    """The work planned for this period, said as of the period it was planned in:
    "上期" only when it was recorded in the previous period."""
    if planned is None:
        return ""
    steps = oneline(planned.next_steps)
    day = cn_date(planned.date)
    k = _period_index_of(d, planned.date, index)
    if k == index - 1:
        return f"上期报告期内（{day}记录）计划本期：{steps}"
    where = f"第{k}期" if k else "项目批复前"
    return f"{where}（{day}记录）提出的下一步工作计划（此后档案中没有新的工作计划）：{steps}"


def _period_index_of(d: Dossier, day: date, below: int) -> int:
    """The 第十六条 period (1 …) holding ``day``, searched below ``below``; 0 before period 1."""
    for k in range(below - 1, 0, -1):
        period = deadlines.quarterly_period(d, k)
        if period is not None and period.start <= day:
            return k
    return 0


def _operation_contracts_note(money: facts.Money, payments: list[Node], within) -> str:
    """The totals, the 本期支付 and the 支付率 are against the 概算 (facts.money): say
    which 运维 contracts they leave out and how much those are, so the 本期支付明细
    (every payment) adds up."""
    ids = money.operation_contracts
    if not ids:
        return ""
    now = sum((r.amount for r in payments if r.contract in ids and within(r)), Decimal(0))
    return (
        f"上表的合同金额累计、支付和支付率按批复概算核算，不含运维合同（{'、'.join(ids)}）："
        f"运维合同金额{wan_and_yuan(money.operation_contracted)}，"
        f"已支付{wan_and_yuan(money.operation_paid)}"
        + (f"，其中本期{wan_and_yuan(now)}" if now else "")
        + "。"
    )


def _findings(d: Dossier, start: date, cutoff: date) -> tuple[list[str], list[dict]]:
    """监督检查 findings up to ``cutoff``: those of this period (as problems) and those
    of earlier periods not rectified when it began (carried, with their state)."""
    rectified = [  # only a completion date says the rectification is done
        r.completed
        for r in d.records_of("rectification")
        if r.subject == "监督检查" and r.completed is not None and r.completed <= cutoff
    ]
    now: list[str] = []
    carried: list[dict] = []
    for f in d.records_of("supervision_finding"):
        if f.date > cutoff:
            continue
        done = next((day for day in rectified if day >= f.date), None)
        what = f"{f.issuer}监督检查发现（{f.area}）：{clause(f.description)}"
        limit = f"，整改期限{cn_date(f.deadline)}" if f.deadline else ""
        if f.date >= start:
            fixed = f"；{cn_date(done)}已整改完成" if done else ""
            now.append(f"{what}（{cn_date(f.date)}记录{limit}{fixed}）。")
        elif done is None or done >= start:
            state = (
                f"已整改完成（{cn_date(done)}）"
                if done
                else todo(f"整改情况{limit}；档案中尚无整改完成的记录")
            )
            carried.append({"date_cn": cn_date(f.date), "text": what + "。", "state": state})
    return now, carried


_MILESTONES = {
    "preliminary_acceptance": lambda r: f"组织初步验收，结论：{r.result}",
    "acceptance_application": lambda r: "提出竣工验收申请" + (f"（报{r.to}）" if r.to else ""),
    "go_live": lambda r: "系统投入运行",
    "reinspection": lambda r: f"复验，结论：{r.result}",
}


def _events(progress: list[Node], records: list[Node]) -> list[dict]:
    """The period's progress records and its milestones recorded as records of their
    own (初验, 验收申请, 投入运行, 复验, 开工), one line each, in date order."""
    out = []
    for r in progress:
        note = f"（累计形象进度{r.percent}%）" if r.percent is not None else ""
        out.append({"date": r.date, "line": f"{cn_date(r.date)}：{oneline(r.description)}{note}"})
    for r in records:
        if r.kind in _MILESTONES:
            text = _MILESTONES[r.kind](r)
        elif r.kind == "stage_change" and r.to_stage == "construction":
            text = "进入建设实施阶段（开工）"
        else:
            continue
        out.append({"date": r.date, "line": f"{cn_date(r.date)}：{text}。"})
    out.sort(key=lambda e: e["date"])  # stable: a progress record first on the same day
    return [{"date": iso(e["date"]), "line": e["line"]} for e in out]


def _open_problems(earlier: list[Node], current: list[Node]) -> list[dict]:
    """Problems recorded before this period and not yet resolved when it began,
    with what this period's records say about them (``problems_resolved``)."""
    open_: list[Node] = []
    for r in earlier:
        if r.problems_resolved:
            open_ = []
        if r.problems:
            open_.append(r)
    if not open_:
        return []
    solved = next((r for r in current if r.problems_resolved), None)
    state = (
        f"已解决（{cn_date(solved.date)}记录）"
        if solved is not None
        else todo("本期解决情况；档案中尚无已解决的记录")
    )
    return [
        {"date_cn": cn_date(r.date), "text": oneline(r.problems), "state": state} for r in open_
    ]


def _progress_status(
    d: Dossier, p, cutoff: date, progress: list[Node], budget: Decimal | None
) -> dict:
    """开工日期, 计划完工日期 (with an approved extension), 累计形象进度 and
    累计完成投资 as of their record dates, and whether the work is on schedule."""
    from xmgl.domain.periods import period_end

    start_rec = next(
        (
            r
            for r in d.records_of("stage_change")
            if r.to_stage == "construction" and r.date <= cutoff
        ),
        None,
    )
    start = start_rec.date if start_rec is not None else None
    months = d.project.construction_months
    ext = _extension(d, cutoff)
    if ext is not None and ext["months"] is not None:
        months = ext["months"]
    planned_end = period_end(start, months) if start is not None and months else None

    pct = next((r for r in reversed(progress) if r.percent is not None), None)
    inv = next((r for r in reversed(progress) if r.invested is not None), None)
    if pct is not None:
        where = "本期" if pct.date >= p.start else "上期及以前"
        percent_text = (
            f"截至{cn_date(pct.date)}（{where}最近一次进展记录），累计形象进度{pct.percent}%"
        )
    else:
        why = "进展记录中没有写形象进度" if progress else "档案中没有进展记录"
        percent_text = todo(f"截至{cn_date(cutoff)}的累计形象进度（{why}）")
    if inv is not None:
        share = (
            f"，占批复概算的{percent((inv.invested * 100 / budget).quantize(Decimal('0.01')))}"
            if budget
            else ""
        )
        invested_text = f"截至{cn_date(inv.date)}，累计完成投资{wan_and_yuan(inv.invested)}{share}"
    else:
        invested_text = todo(
            f"截至{cn_date(cutoff)}的累计完成投资及其占批复概算的比例（不同于累计支付）"
        )

    # the day the work reached 100%: finished on time is not "behind" while it awaits acceptance
    done = next((r for r in progress if r.percent == 100), None)
    if start is None or not months:
        verdict = todo("与计划进度相比是否按期（档案中缺少开工日期或建设期）")
    elif done is not None and done.date <= planned_end:
        verdict = (
            f"{cn_date(done.date)}形象进度达到100%，在计划完工日期{cn_date(planned_end)}前"
            "完成建设任务"
        )
    elif done is not None:
        verdict = (
            f"{cn_date(done.date)}形象进度达到100%，晚于计划完工日期{cn_date(planned_end)}，"
            "进度滞后"
        )
    elif cutoff > planned_end:
        verdict = (
            f"截至{cn_date(cutoff)}，已超过计划完工日期{cn_date(planned_end)}，项目尚未完成验收，"
            "档案中没有完成建设（形象进度100%）的记录，进度滞后"
        )
    elif pct is None:
        verdict = todo("与计划进度相比是否按期（档案中没有形象进度记录）")
    else:
        total_days = (planned_end - start).days or 1
        elapsed = max(0, (pct.date - start).days)
        expected = Decimal(elapsed * 100) / Decimal(total_days)
        expected_text = f"{expected.quantize(Decimal('1'))}%"
        if Decimal(pct.percent) >= expected:
            verdict = (
                f"截至{cn_date(pct.date)}，建设期已过{expected_text}，形象进度{pct.percent}%，"
                "按期推进"
            )
        else:
            verdict = (
                f"截至{cn_date(pct.date)}，建设期已过{expected_text}，形象进度{pct.percent}%，"
                "进度滞后于计划"
            )
    stopped = _stopped(d, cutoff)
    if stopped:
        verdict = stopped if verdict.startswith("【") else f"{stopped}；此前{verdict}"
    return {
        "start": cn_date(start, "开工日期"),
        "planned_end": cn_date(planned_end, "计划完工日期"),
        "percent_text": percent_text,
        "invested_text": invested_text,
        "verdict": verdict,
        "period_text": _period_text(d, ext),
    }


_STOPS = {"suspension": "暂停项目建设", "termination": "终止项目"}


def _stopped(d: Dossier, until: date) -> str:
    """The 第二十条 suspension or termination in force on ``until``, said before any
    schedule verdict (a suspended project is not "按期推进"); "" when there is none."""
    stop = next(
        (r for r in reversed(d.records_of(*_STOPS)) if r.date <= until),
        None,
    )
    if stop is None:
        return ""
    resumed = next(
        (
            r
            for r in d.records_of("stage_change")
            if r.from_stage == "suspended" and stop.date <= r.date <= until
        ),
        None,
    )
    if stop.kind == "suspension" and resumed is not None:
        return ""
    no = f"（{stop.document_no}）" if stop.document_no else ""
    why = f"，原因：{clause(stop.reason)}" if stop.reason else ""
    text = f"{cn_date(stop.date)}{stop.issuer}决定{_STOPS[stop.kind]}{no}{why}"
    if stop.kind == "suspension":
        text += f"，截至{cn_date(until)}档案中没有恢复建设的记录"
    return text


def _extension(d: Dossier, until: date) -> dict | None:
    """The latest approved 进度 change up to ``until`` (第十五条), if any."""
    for r in reversed([r for r in d.records_of("change") if r.date <= until]):
        if r.aspect != "进度" or not r.approval_no:
            continue
        approval = next(
            (
                a
                for a in d.records_of("approval")
                if a.document_no == r.approval_no and a.date <= until
            ),
            None,
        )
        if approval is None:
            continue
        return {
            "months": r.construction_months,
            "text": f"{approval.issuer}{cn_date(approval.date)}批复（{approval.document_no}）",
        }
    return None


def _period_text(d: Dossier, ext: dict | None) -> str:
    months = d.project.construction_months
    original = f"{months}个月" if months else todo("建设期")
    if ext is None:
        return original
    if ext["months"] is None:
        return f"{original}；建设期已经{ext['text']}调整，调整后为{todo('调整后建设期')}"
    return f"{ext['months']}个月（原{original}，经{ext['text']}调整）"


def _approval_text(r: Node) -> str:
    no = f"（{r.document_no}）" if r.document_no else ""
    amt = f"，批复金额{wan_and_yuan(r.amount)}" if r.amount is not None else ""
    if r.subject == "重新审批":  # not "批复重新审批"
        return f"{r.issuer}{cn_date(r.date)}重新审批{no}{amt}"
    return f"{r.issuer}{cn_date(r.date)}批复{r.subject}{no}{amt}"


def _change(d: Dossier, r: Node, this_period: bool, until: date) -> dict:
    """A change as the report on ``until`` sees it: an approval dated later is not yet given."""
    approval = None
    if r.approval_no:
        approval = next(
            (
                a
                for a in d.records_of("approval")
                if a.document_no == r.approval_no and a.date <= until
            ),
            None,
        )
    if approval is not None:
        status = f"已批复：{approval.issuer}{cn_date(approval.date)}（{approval.document_no}）"
    elif r.approval_no:
        status = f"批复文号 {r.approval_no}（档案中没有对应的批复记录）"
    else:
        status = "档案中未见批复"  # the table's caption says as of which day
    return {
        "date": iso(r.date),
        "date_cn": cn_date(r.date),
        "aspect": r.aspect,
        "description": oneline(r.description),
        "amount_delta": wan_and_yuan(r.amount_delta) if r.amount_delta is not None else "",
        "approval_no": r.approval_no or "",
        "approval": status,
        "approved": approval is not None,
        "this_period": this_period,
    }


# ----------------------------------------------------------------- the keys

_COMMON_KEYS = (
    "project",
    "funding",
    "security",
    "deployment",
    "data_sharing",
    "cross_boundary",
    "platform",
    "service_purchase",
    "regulation",
    "generated",
    "report",
    "investment",
    "approvals",
)
FSR_KEYS: frozenset[str] = frozenset(
    (*_COMMON_KEYS, "ch", "basis", "principles", "reserve", "merge", "attachments")
)
QUARTERLY_KEYS: frozenset[str] = frozenset(
    (
        *_COMMON_KEYS,
        "period",
        "approval",
        "builders",
        "supervisors",
        "contracts",
        "procurements",
        "money",
        "payments",
        "changes",
        "changes_in_period",
        "progress",
        "percent",
        "problems",
        "next_steps",
        "schedule",
        "signed_date",
        "planned",
        "carried_problems",
        "events",
    )
)
REPORT_KEYS = {"fsr": FSR_KEYS, "fsr_merged": FSR_KEYS, "quarterly": QUARTERLY_KEYS}
