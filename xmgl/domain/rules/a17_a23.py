"""第十七条 acceptance; 第十八条 failed or absent acceptance; 第十九条 self-evaluation
recipients; 第二十条 supervision; 第二十一条 truthful records; 第二十三条 effective date.

The time bounds of 第八条、第十六条–第二十条 are in ``timing``.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from decimal import Decimal

from xmgl.domain import bodies as B
from xmgl.domain.bounds import ACCEPTANCE
from xmgl.domain.deadlines import first_passed_acceptance
from xmgl.domain.model import Dossier, Node
from xmgl.domain.money import wan_and_yuan
from xmgl.domain.regulation import EFFECTIVE
from xmgl.domain.rules.base import ALL, Context, E, Hit, I, W, hit, rule, since, stage_where
from xmgl.domain.schema import CLASSIFIED_REPORT, MLPS_REPORT, PROJECT_APPROVALS


def passed_on(d: Dossier) -> date | None:
    """The first day the project passed completion acceptance (or its re-inspection)."""
    passed = first_passed_acceptance(d)
    if passed is None:
        return None
    day: date = passed.date
    return day


# ---------------------------------------------------------------- 第十七条


@rule(
    "A17-APPLICATION-MISSING",
    17,
    "第十七条第一款",
    E,
    since("acceptance_applied"),
    "竣工验收须由项目单位向市数据局申请",
)
def application_missing(ctx: Context) -> Iterator[Hit]:
    if ctx.d.first("acceptance_application") is None:
        yield hit(
            "项目处于竣工验收阶段，却没有竣工验收申请记录（第十七条第一款）。",
            "补录 acceptance_application 记录（申请日期、受理单位、附件）。",
            stage_where(ctx),
        )


@rule(
    "A17-PRELIM-PASSED",
    17,
    "第十七条第一款",
    E,
    since("acceptance_applied"),
    "申请竣工验收前须初验合格",
)
def prelim_passed(ctx: Context) -> Iterator[Hit]:
    d = ctx.d
    passed = [p.date for p in d.records_of("preliminary_acceptance") if p.result == "合格"]
    application = d.first("acceptance_application")
    if application is not None:
        if not any(day <= application.date for day in passed):
            yield hit(
                f"{application.date.isoformat()} 申请竣工验收，此前没有初步验收合格的记录："
                f"第十七条规定{ACCEPTANCE.quote}的，方可申请竣工验收。",
                "补录 preliminary_acceptance 记录（result: 合格，日期早于申请）。",
                application.where(),
            )
    elif not passed:
        yield hit(
            "进入竣工验收申请阶段，却没有初步验收合格的记录（第十七条第一款）。",
            "补录 preliminary_acceptance 记录（result: 合格）。",
            stage_where(ctx),
        )


ATTACHMENTS = (
    ("construction_summary", "项目建设总结"),
    ("financial_report", "财务报告"),
    ("supervision_report", "监理报告"),
    ("security_assessment", None),
    ("crypto_assessment", "密码应用安全性评估报告"),
)


@rule("A17-ATTACHMENTS", 17, "第十七条第二款", E, ALL, "竣工验收申请须附五类材料")
def attachments(ctx: Context) -> Iterator[Hit]:
    d = ctx.d
    security_zh = (
        "安全风险评估报告（涉密信息系统安全保密测评报告）"
        if d.security.classified
        else "安全风险评估报告（网络安全等级保护测评报告）"
    )
    for app in d.records_of("acceptance_application"):
        att = app.attachments  # required (schema): a mapping, maybe empty
        for name, zh in ATTACHMENTS:
            if not att.get(name):
                yield hit(
                    f"{app.date.isoformat()} 的竣工验收申请缺少{zh or security_zh}："
                    "第十七条第二款要求一并附上项目建设总结、财务报告、监理报告、安全风险评估报告、"
                    "密码应用安全性评估报告。",
                    f"把{zh or security_zh}放进档案，在 attachments.{name} 写路径。",
                    att.where(name),
                )


@rule(
    "A17-SECURITY-REPORT",
    17,
    "第十七条第二款",
    E,
    ALL,
    "安全风险评估报告须与是否涉密相符（涉密：安全保密测评；非涉密：等级保护测评）",
)
def security_report(ctx: Context) -> Iterator[Hit]:
    d = ctx.d
    wanted = CLASSIFIED_REPORT if d.security.classified else MLPS_REPORT
    what = "涉密" if d.security.classified else "非涉密"
    for app in d.records_of("acceptance_application"):
        att = app.attachments
        if not att.get("security_assessment"):
            continue  # a missing report is A17-ATTACHMENTS
        kind = att.get("security_assessment_kind")
        if kind == wanted:
            continue
        if kind is None:
            message = (
                f"{app.date.isoformat()} 的竣工验收申请附了安全风险评估报告，却没有写明是哪一种："
                f"第十七条第二款要求涉密信息系统附{CLASSIFIED_REPORT}，非涉密信息系统附{MLPS_REPORT}，"
                f"本系统为{what}系统（security.classified），须附{wanted}。"
            )
            where = att.where("security_assessment")
        else:
            message = (
                f"{app.date.isoformat()} 的竣工验收申请附的是{kind}，但本系统为{what}系统"
                f"（security.classified: {'true' if d.security.classified else 'false'}）："
                f"第十七条第二款要求{what}信息系统附{wanted}。"
            )
            where = att.where("security_assessment_kind")
        yield hit(
            message,
            f"附上{wanted}，在 attachments.security_assessment 写路径、"
            f"attachments.security_assessment_kind 写“{wanted}”；如 security.classified 写错了，"
            "先改正它。",
            where,
        )


@rule(
    "A17-ACCEPTANCE-WITHOUT-APPLICATION",
    17,
    "第十七条第一款",
    E,
    ALL,
    "竣工验收须经申请",
)
def acceptance_without_application(ctx: Context) -> Iterator[Hit]:
    d = ctx.d
    applications = d.records_of("acceptance_application")
    for a in d.records_of("acceptance"):
        if ctx.in_force(a.date) and not any(x.date <= a.date for x in applications):
            yield hit(
                f"{a.date.isoformat()} 的竣工验收之前没有竣工验收申请记录（第十七条第一款）。",
                "补录 acceptance_application 记录（日期不晚于验收）。",
                a.where(),
            )


@rule("A17-THIRD-PARTY", 17, "第十七条第一款", W, ALL, "竣工验收由市数据局委托第三方完成")
def third_party(ctx: Context) -> Iterator[Hit]:
    for a in ctx.d.records_of("acceptance"):
        if not a.third_party:
            yield hit(
                f"{a.date.isoformat()} 的竣工验收没有写承担验收的第三方：第十七条规定由市数据局"
                "委托第三方完成竣工验收。",
                "在验收记录的 third_party 写第三方机构名称，organizer 写市数据局。",
                a.where("third_party"),
            )


# ---------------------------------------------------------------- 第十八条


@rule(
    "A18-IN-USE-WITHOUT-ACCEPTANCE",
    18,
    "第十八条",
    E,
    ALL,
    "未经竣工验收或验收不合格的项目不得投入使用",
)
def in_use(ctx: Context) -> Iterator[Hit]:
    d = ctx.d
    passed = passed_on(d)
    for g in d.records_of("go_live"):
        if passed is None or g.date < passed:
            yield hit(
                f"{g.date.isoformat()} 投入运行时项目尚未通过竣工验收：第十八条规定未经竣工验收或"
                "竣工验收不合格的项目不得投入使用。",
                "核对日期；确已提前投入使用的，应停止使用，验收合格后再投入运行。",
                g.where(),
            )


CONSTRUCTION = "建设"


def _construction_contracts(d: Dossier) -> dict[str, Decimal]:
    return {c.id: c.amount for c in d.records_of("contract") if c.type == CONSTRUCTION}


@rule(
    "A18-PAYMENT-AFTER-FAILED",
    18,
    "第十八条",
    E,
    ALL,
    "竣工验收不合格的项目不得继续支付建设资金",
)
def payment_after_failed(ctx: Context) -> Iterator[Hit]:
    d = ctx.d
    verdicts = sorted(
        ((r.date, r.result == "合格") for r in d.records_of("acceptance", "reinspection")),
        key=lambda v: v[0],
    )
    if all(ok for _, ok in verdicts):
        return
    contracts = _construction_contracts(d)
    for p in d.records_of("payment"):
        if p.contract not in contracts:
            continue
        failed = _failed_before(verdicts, p.date)
        if failed is not None:
            yield hit(
                f"{p.date.isoformat()} 向合同 {p.contract} 支付 {wan_and_yuan(p.amount)}，此时竣工"
                f"验收不合格（{failed.isoformat()}）且尚未复验合格：第十八条规定不得支付剩余"
                "资金建设。",
                "暂停支付，整改并经市数据局复验合格后再付；如日期记错，改正支付日期。",
                p.where(),
            )


def _failed_before(verdicts: list[tuple[date, bool]], day: date) -> date | None:
    """The date the failure in force on ``day`` began, or None: the last verdict
    before ``day`` (竣工验收 or 复验, in date order, same-day ones in the order
    recorded) is 不合格 and no 合格 is recorded on ``day`` itself (a payment the
    day of a failed verdict, or of a passed re-inspection, may come after it)."""
    failed = None
    for when, ok in verdicts:
        if when >= day:
            if when == day and ok:
                return None
            continue
        failed = None if ok else (failed or when)
    return failed


@rule(
    "A18-FINAL-PAYMENT",
    18,
    "第十八条",
    E,
    ALL,
    "竣工验收合格前不得付清建设合同",
)
def final_payment(ctx: Context) -> Iterator[Hit]:
    d = ctx.d
    passed = passed_on(d)
    contracts = _construction_contracts(d)
    paid: dict[str, Decimal] = {}
    for p in d.records_of("payment"):
        if p.contract not in contracts:
            continue
        before = paid.get(p.contract, Decimal(0))
        paid[p.contract] = before + p.amount
        amount = contracts[p.contract]
        if before < amount <= paid[p.contract] and (passed is None or p.date < passed):
            yield hit(
                f"{p.date.isoformat()} 付清建设合同 {p.contract}（累计 "
                f"{wan_and_yuan(paid[p.contract])}，合同 {wan_and_yuan(amount)}），而项目尚未通过"
                "竣工验收：第十八条规定未经竣工验收的项目不得支付剩余资金。",
                "尾款留待竣工验收合格后支付；如验收已合格，补录 acceptance 记录。",
                p.where(),
            )


# ---------------------------------------------------------------- 第十九条


@rule(
    "A19-SELF-EVAL-RECIPIENTS",
    19,
    "第十九条",
    E,
    ALL,
    "自评价报告须报送市数据局和市财政局",
)
def self_eval_recipients(ctx: Context) -> Iterator[Hit]:
    for s in ctx.d.records_of("self_evaluation"):
        sent = {B.canonical(x) for x in s.sent_to}
        missing = [b for b in (B.DATA_BUREAU, B.FINANCE) if b not in sent]
        if missing:
            yield hit(
                f"{s.date.isoformat()} 的自评价报告没有报送{'、'.join(missing)}：第十九条规定自评价"
                "报告报送市数据局和市财政局。",
                f"报送后在 sent_to 加上{'、'.join('大石桥' + m for m in missing)}。",
                s.where("sent_to"),
            )


# ---------------------------------------------------------------- 第二十条


@rule("A20-FINDING-DEADLINE", 20, "第二十条", W, ALL, "监督检查发现的问题应限期整改")
def finding_deadline(ctx: Context) -> Iterator[Hit]:
    for f in ctx.d.records_of("supervision_finding"):
        if f.deadline is None:
            yield hit(
                f"{f.date.isoformat()} {f.issuer}发现的问题没有记录整改期限：第二十条规定发现问题的"
                "应当要求项目单位限期整改。",
                "在该记录的 deadline 写整改通知规定的期限。",
                f.where("deadline"),
            )


SANCTIONS = {
    "deferral": "暂缓安排投资计划",
    "suspension": "暂停项目建设",
    "termination": "终止项目",
}


@rule("A20-SANCTION-BASIS", 20, "第二十条", W, ALL, "暂缓、暂停、终止应以逾期不整改为前提")
def sanction_basis(ctx: Context) -> Iterator[Hit]:
    d = ctx.d
    findings = d.records_of("supervision_finding")
    for kind, zh in SANCTIONS.items():
        for s in d.records_of(kind):
            if not any(f.date <= s.date for f in findings):
                yield hit(
                    f"{s.date.isoformat()} {zh}，档案中此前没有监督检查发现问题的记录：第二十条规定"
                    "逾期不整改或整改后仍不符合要求的，市数据局可以暂缓安排投资计划、暂停直至终止。",
                    "补录 supervision_finding 记录（发现问题、整改期限）和相应的整改记录。",
                    s.where(),
                )


# ---------------------------------------------------------------- 第二十一条


@rule("A21-CONTRACT-REFS", 21, "第二十一条", E, ALL, "支付、分包、转让须对应已登记的合同")
def contract_refs(ctx: Context) -> Iterator[Hit]:
    d = ctx.d
    seen: dict[str, Node] = {}
    for c in d.records_of("contract"):
        if c.id in seen:
            yield hit(
                f"合同编号 {c.id} 重复登记（第一次在 {seen[c.id].date.isoformat()}）：第二十一条要求"
                "如实提供资料，一个编号只能对应一份合同。",
                "删除重复的记录；补充协议请用新的编号，并在 note 说明所属合同。",
                c.where("id"),
            )
        else:
            seen[c.id] = c
    for r in d.records_of("payment", "subcontract", "transfer"):
        if r.contract not in seen:
            yield hit(
                f"{r.date.isoformat()} 的记录引用了未登记的合同 {r.contract}（第二十一条：资料须真实、"
                "完整、可核对）。",
                "核对合同编号，或先补录该合同的 contract 记录。",
                r.where("contract"),
            )


@rule("A21-STAGE-HISTORY", 21, "第二十一条", W, ALL, "当前阶段须与阶段变更记录一致")
def stage_history(ctx: Context) -> Iterator[Hit]:
    d = ctx.d
    changes = d.records_of("stage_change")
    if changes and changes[-1].to_stage != d.stage_name:
        last = changes[-1]
        yield hit(
            f"当前阶段是“{d.stage_name}”，最后一条阶段变更记录却是变更为“{last.to_stage}”"
            f"（{last.date.isoformat()}）：阶段被手工改过或漏记了变更（第二十一条）。",
            "用 xmgl advance 变更阶段（会同时写记录并签名提交），不要手工改 stage.current。",
            d.stage.where("current"),
        )


@rule("A21-FUTURE-RECORD", 21, "第二十一条", W, ALL, "记录日期不应晚于今天")
def future_record(ctx: Context) -> Iterator[Hit]:
    for r in ctx.d.records:
        if r.date > ctx.as_of:
            yield hit(
                f"记录日期 {r.date.isoformat()} 晚于今天（{ctx.as_of.isoformat()}）："
                "记录应如实反映已经发生的事（第二十一条）。",
                "核对日期（常见是年份写错）；尚未发生的事不要提前记录。",
                r.where("date"),
            )


# ---------------------------------------------------------------- 第二十三条


@rule("A23-BEFORE-EFFECTIVE", 23, "第二十三条", I, ALL, "本办法施行前批复的项目")
def before_effective(ctx: Context) -> Iterator[Hit]:
    d = ctx.d
    approved = d.approval_date()
    if approved is not None and approved < EFFECTIVE:
        # the 立项批复 itself, not another approval (a 变更, say) of the same day
        a = next(
            r
            for r in d.records_of("approval")
            if r.subject in PROJECT_APPROVALS and r.date == approved
        )
        yield hit(
            f"项目于 {approved.isoformat()} 批复，早于本办法施行日（{EFFECTIVE.isoformat()}）："
            "施行前发生的事项和已届满的期限不按本办法检查（第二十三条）。",
            "无需处理；施行后发生的事项仍按本办法检查。",
            a.where(),
        )
