"""第八条–第十五条、第十七条–第二十三条: each rule's exact finding, and its near misses (issue 13).

Mutation testing (tools/mutate.py) of rules/a08_a10.py, a11_a15.py and a17_a23.py
showed which comparisons, branches and words no test noticed. Each scenario here edits
the example's project.yaml in memory (no copy, no ruamel round trip: a scenario takes
milliseconds, so a mutant's run is short), runs every rule as of a fixed day and
compares what one rule reports — the line, the Chinese message and the hint, all of
it — with what a user must read. Scenarios come in pairs where a bound is involved:
the one that fires and the one a day (a yuan, a field) away that stays silent.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

import pytest

from tests.conftest import EXAMPLE
from tests.rulekit import APPLICATION, AS_OF, ATTACH
from xmgl.domain.rules import check
from xmgl.dossier.loader import load_text

D = date.fromisoformat
TEXT = (EXAMPLE / "project.yaml").read_text(encoding="utf-8")


def edit(text: str, old: str, new: str, count: int = 1) -> str:
    assert old in text, f"{old!r} not in project.yaml"
    return text.replace(old, new, count)


def append(text: str, records: str) -> str:
    """Add records (YAML at column 0, ``- kind: …``) at the end of the records list."""
    lines = records.strip("\n").splitlines()
    return text.rstrip("\n") + "\n" + "".join(f"  {line}\n" for line in lines)


def drop(text: str, kind: str, **match: str) -> str:
    """Remove every record of ``kind`` whose fields (as written) match ``match``."""
    head, _, body = text.partition("\nrecords:\n")
    items = body.split("\n  - kind: ")
    keep = [items[0]]
    for item in items[1:]:
        fields = dict(line.strip().split(": ", 1) for line in item.splitlines()[1:] if ": " in line)
        same = item.splitlines()[0] == kind and all(fields.get(k) == v for k, v in match.items())
        if not same:
            keep.append(item)
    return head + "\nrecords:\n" + "\n  - kind: ".join(keep)


def line_of(text: str, needle: str, nth: int = 1) -> int:
    hits = [i for i, line in enumerate(text.splitlines(), 1) if needle in line]
    assert len(hits) >= nth, f"{needle!r} not in project.yaml {nth} times"
    return hits[nth - 1]


@dataclass(frozen=True)
class Scenario:
    rule: str
    change: Callable[[str], str]
    as_of: date = AS_OF
    stage: str | None = None


def run(s: Scenario) -> tuple[str, list[tuple[int, str, str, str]]]:
    text = s.change(TEXT)
    found = check(load_text(EXAMPLE, text.encode("utf-8")), s.as_of, stage=s.stage)
    return text, [
        (f.location.line, f.location.path, f.message, f.hint) for f in found if f.rule == s.rule
    ]


def where(text: str, line: int | str) -> int:
    """An expected line: the one line that holds this text, or a number (below 0: from the end)."""
    if isinstance(line, str):
        return line_of(text, line)
    return line if line > 0 else len(text.splitlines()) + 1 + line


SCENARIOS: dict[str, Scenario] = {}
EXPECTED: dict[str, list[tuple[int | str, str, str, str]]] = {}
"""Per scenario: (the line, or its text; the field's path; the message; the hint)."""


def scenario(name: str, rule: str, change: Callable[[str], str], **kw) -> None:
    assert name not in SCENARIOS
    SCENARIOS[name] = Scenario(rule, change, **kw)


# ---------------------------------------------------------------- 第八条

scenario("a8 no submission", "A8-SUBMISSION-MISSING", lambda t: drop(t, "plan_submission"))
scenario(
    "a8 submitted the day of inclusion",
    "A8-SUBMISSION-MISSING",
    lambda t: edit(t, "date: 2025-07-10", "date: 2026-01-15"),
)
scenario(
    "a8 submitted the day after inclusion",
    "A8-SUBMISSION-MISSING",
    lambda t: edit(t, "date: 2025-07-10", "date: 2026-01-16"),
)
scenario(
    "a8 submitted for another year",
    "A8-SUBMISSION-MISSING",
    lambda t: edit(
        t, "    year: 2026\n    to: 大石桥市数据局", "    year: 2027\n    to: 大石桥市数据局"
    ),
)
scenario(
    "a8 midyear inclusion needs no submission",
    "A8-SUBMISSION-MISSING",
    lambda t: edit(
        drop(t, "plan_submission"),
        "document_no: 大政发〔2026〕3号",
        "document_no: 大政发〔2026〕3号\n    midyear: true",
    ),
)
scenario(
    "a8 inclusion the day before the regulation",
    "A8-SUBMISSION-MISSING",
    lambda t: edit(drop(t, "plan_submission"), "date: 2026-01-15", "date: 2025-05-19"),
)
scenario(
    "a8 inclusion the day the regulation took effect",
    "A8-SUBMISSION-MISSING",
    lambda t: edit(drop(t, "plan_submission"), "date: 2026-01-15", "date: 2025-05-20"),
)
scenario(
    "a8 plan stage with nothing sent",
    "A8-SUBMISSION-MISSING",
    lambda t: drop(drop(t, "plan_submission"), "plan_inclusion"),
    stage="plan",
)
scenario(
    "a8 a midyear inclusion, then a regular one not sent",
    "A8-SUBMISSION-MISSING",
    lambda t: append(
        edit(
            t, "document_no: 大政发〔2026〕3号", "document_no: 大政发〔2026〕3号\n    midyear: true"
        ),
        "- kind: plan_inclusion\n  date: 2026-10-01\n  year: 2027\n  approver: 大石桥市人民政府\n",
    ),
)
scenario(
    "a8 plan stage with a submission only",
    "A8-SUBMISSION-MISSING",
    lambda t: drop(t, "plan_inclusion"),
    stage="plan",
)

# ---------------------------------------------------------------- 第九条

scenario("a9 no inclusion", "A9-PLAN-INCLUSION", lambda t: drop(t, "plan_inclusion"))
scenario("a9 included", "A9-PLAN-INCLUSION", lambda t: t)


def since_first(t: str) -> str:
    """The stage's ``since`` written before ``current``: a finding on the stage names its line."""
    return edit(
        t,
        "  current: construction\n  since: 2026-06-01\n",
        "  since: 2026-06-01\n  current: construction\n",
    )


scenario(
    "a9 no inclusion, since written first",
    "A9-PLAN-INCLUSION",
    lambda t: since_first(drop(t, "plan_inclusion")),
)
scenario(
    "a9 no inclusion, approved before the regulation",
    "A9-PLAN-INCLUSION",
    lambda t: edit(drop(t, "plan_inclusion"), "date: 2026-03-10", "date: 2025-05-19"),
)
scenario(
    "a9 no inclusion, approved the day it took effect",
    "A9-PLAN-INCLUSION",
    lambda t: edit(drop(t, "plan_inclusion"), "date: 2026-03-10", "date: 2025-05-20"),
)
scenario(
    "a9 no inclusion, no approval",
    "A9-PLAN-INCLUSION",
    lambda t: drop(drop(t, "plan_inclusion"), "approval"),
)


def adjustment(
    app: str | None = "2026-06-01",
    drc: str | None = "2026-06-10",
    fin: str | None = "2026-06-12",
    *,
    applicant: str = "大石桥市住房和城乡建设局",
    day: str = "2026-07-01",
    subject: str = "计划调整",
) -> Callable[[str], str]:
    records = ""
    if app:
        records += f"- kind: application\n  date: {app}\n  subject: 计划调整\n  applicant: {applicant}\n  to: 大石桥市数据局\n"
    for when, body in ((drc, "大石桥市发展和改革局"), (fin, "大石桥市财政局")):
        if when:
            records += f"- kind: opinion\n  date: {when}\n  subject: 计划调整\n  issuer: {body}\n"
    records += (
        f"- kind: approval\n  date: {day}\n  subject: {subject}\n  issuer: 大石桥市人民政府\n"
    )
    return lambda t: append(t, records)


ADJ = "A9-ADJUSTMENT-PROCEDURE"
scenario("a9 adjustment with every step", ADJ, adjustment())
scenario("a9 adjustment with no step", ADJ, adjustment(None, None, None))
scenario("a9 adjustment applied for by another body", ADJ, adjustment(applicant="大石桥市数据局"))
scenario(
    "a9 adjustment, every step on the approval day",
    ADJ,
    adjustment("2026-07-01", "2026-07-01", "2026-07-01"),
)
scenario("a9 adjustment applied for the day after", ADJ, adjustment("2026-07-02"))
scenario("a9 adjustment, opinion before the application", ADJ, adjustment("2026-06-11"))
scenario("a9 adjustment, opinion on the application day", ADJ, adjustment("2026-06-10"))
scenario("a9 adjustment, opinion after the approval", ADJ, adjustment(fin="2026-07-02"))
scenario("a9 adjustment before the regulation", ADJ, adjustment(None, None, None, day="2025-05-19"))
scenario(
    "a9 adjustment the day it took effect", ADJ, adjustment(None, None, None, day="2025-05-20")
)
scenario(
    "a9 another approval is no adjustment", ADJ, adjustment(None, None, None, subject="年中纳入")
)
scenario(
    "a9 adjustment, the first application opens the window",
    ADJ,
    lambda t: adjustment("2026-06-15", "2026-06-01")(
        append(
            t,
            "- kind: application\n  date: 2026-05-25\n  subject: 计划调整\n  applicant: 大石桥市数据局\n  to: 大石桥市数据局\n",
        )
    ),
)
scenario(
    "a9 adjustment, an opinion on another subject",
    ADJ,
    lambda t: adjustment(fin=None)(
        append(
            t,
            "- kind: opinion\n  date: 2026-06-12\n  subject: 年中纳入\n  issuer: 大石桥市财政局\n",
        )
    ),
)
scenario(
    "a9 adjustment, an opinion by another body",
    ADJ,
    lambda t: adjustment(fin=None)(
        append(
            t,
            "- kind: opinion\n  date: 2026-06-12\n  subject: 计划调整\n  issuer: 大石桥市数据局\n",
        )
    ),
)

MIDYEAR = "A9-MIDYEAR-PROCEDURE"


def midyear(
    drc: str | None = "2026-01-05",
    fin: str | None = "2026-01-06",
    data: str | None = "2026-01-07",
    approvals: tuple[str, ...] = ("2026-01-12",),
    included: str = "2026-01-15",
    subject: str = "年中纳入",
) -> Callable[[str], str]:
    records = ""
    for when, body in (
        (drc, "大石桥市发展和改革局"),
        (fin, "大石桥市财政局"),
        (data, "大石桥市数据局"),
    ):
        if when:
            records += f"- kind: opinion\n  date: {when}\n  subject: {subject}\n  issuer: {body}\n"
    for when in approvals:
        records += (
            f"- kind: approval\n  date: {when}\n  subject: 年中纳入\n  issuer: 大石桥市人民政府\n"
        )

    def change(t: str) -> str:
        t = edit(t, "date: 2026-01-15\n    year: 2026", f"date: {included}\n    year: 2026")
        t = edit(
            t, "document_no: 大政发〔2026〕3号", "document_no: 大政发〔2026〕3号\n    midyear: true"
        )
        return append(t, records)

    return change


scenario("a9 midyear with every step", MIDYEAR, midyear())
scenario("a9 midyear with no step", MIDYEAR, midyear(None, None, None, ()))
scenario("a9 midyear approved the day of inclusion", MIDYEAR, midyear(approvals=("2026-01-15",)))
scenario("a9 midyear approved the day after inclusion", MIDYEAR, midyear(approvals=("2026-01-16",)))
scenario("a9 midyear opinion after the approval", MIDYEAR, midyear(data="2026-01-13"))
scenario("a9 midyear opinion on the approval day", MIDYEAR, midyear(data="2026-01-12"))
scenario(
    "a9 midyear opinion after the first of two approvals",
    MIDYEAR,
    midyear(data="2026-01-11", approvals=("2026-01-10", "2026-01-12")),
)
scenario("a9 midyear opinions on another subject", MIDYEAR, midyear(subject="计划调整"))
scenario(
    "a9 midyear inclusion before the regulation",
    MIDYEAR,
    midyear(None, None, None, (), included="2025-05-19"),
)
scenario(
    "a9 midyear inclusion the day it took effect",
    MIDYEAR,
    midyear(None, None, None, (), included="2025-05-20"),
)
scenario("a9 a regular inclusion is no midyear one", MIDYEAR, lambda t: t)
scenario(
    "a9 a regular inclusion, then a midyear one without steps",
    MIDYEAR,
    lambda t: append(
        t,
        "- kind: plan_inclusion\n  date: 2026-10-01\n  year: 2026\n  approver: 大石桥市人民政府\n"
        "  midyear: true\n",
    ),
)

# ---------------------------------------------------------------- 第十条

scenario(
    "a10 direct fsr without inclusion",
    "A10-DIRECT-FSR",
    lambda t: drop(t, "plan_inclusion"),
    stage="feasibility",
)
scenario("a10 direct fsr with inclusion", "A10-DIRECT-FSR", lambda t: t, stage="feasibility")

MERGED = "merged_fsr_pd:\n  requested: false\n"


def merged(body: str) -> Callable[[str], str]:
    return lambda t: edit(t, MERGED, "merged_fsr_pd:\n" + body)


scenario("a10 merge requested without grounds", "A10-MERGE-GROUNDS", merged("  requested: true\n"))
scenario(
    "a10 merge with empty grounds",
    "A10-MERGE-GROUNDS",
    merged("  requested: true\n  grounds: []\n"),
)
scenario(
    "a10 merge not requested, no grounds",
    "A10-MERGE-GROUNDS",
    merged("  requested: false\n  grounds: []\n"),
)
scenario(
    "a10 merge with one ground",
    "A10-MERGE-GROUNDS",
    merged("  requested: true\n  grounds: [技术方案简单]\n  simple_reason: 采用成熟产品\n"),
)

SMALL = "  requested: true\n  grounds: [总投资200万元以下]\n"
scenario("a10 amount ground over the bound", "A10-MERGE-AMOUNT", merged(SMALL))
scenario(
    "a10 amount ground at 200万 exactly",
    "A10-MERGE-AMOUNT",
    lambda t: edit(merged(SMALL)(t), 'budget: "372.5万元"', 'budget: "200万元"'),
)
scenario(
    "a10 amount ground a yuan below",
    "A10-MERGE-AMOUNT",
    lambda t: edit(merged(SMALL)(t), 'budget: "372.5万元"', 'budget: "1999999元"'),
)
scenario(
    "a10 amount ground on the estimate",
    "A10-MERGE-AMOUNT",
    lambda t: drop(
        drop(
            edit(
                merged(SMALL)(t),
                '  budget: "372.5万元"     # 批复概算：合同和支付累计不得超过此数（第十五条）\n',
                "",
            ),
            "approval",
        ),
        "evaluation",
    ),
)
scenario(
    "a10 amount ground without an amount",
    "A10-MERGE-AMOUNT",
    lambda t: drop(
        drop(
            edit(
                edit(
                    merged(SMALL)(t),
                    '  budget: "372.5万元"     # 批复概算：合同和支付累计不得超过此数（第十五条）\n',
                    "",
                ),
                '  estimate: "386万元"     # 可研投资估算\n',
                "",
            ),
            "approval",
        ),
        "evaluation",
    ),
)
scenario(
    "a10 amount ground not requested",
    "A10-MERGE-AMOUNT",
    merged("  requested: false\n  grounds: [总投资200万元以下]\n"),
)

URGENT = "  requested: true\n  grounds: [紧急建设]\n"
scenario("a10 urgent without basis", "A10-MERGE-URGENT-BASIS", merged(URGENT))
scenario(
    "a10 urgent with basis",
    "A10-MERGE-URGENT-BASIS",
    merged(URGENT + "  urgent_basis: 营政办发〔2026〕5号\n"),
)

scenario(
    "a10 single without reason",
    "A10-MERGE-GROUND-REASON",
    merged("  requested: true\n  grounds: [建设内容单一]\n"),
)
scenario(
    "a10 simple with an empty reason",
    "A10-MERGE-GROUND-REASON",
    merged("  requested: true\n  grounds: [技术方案简单]\n  simple_reason: ''\n"),
)
scenario(
    "a10 single with its reason",
    "A10-MERGE-GROUND-REASON",
    merged("  requested: true\n  grounds: [建设内容单一]\n  single_reason: 只建一个系统\n"),
)

UNDECLARED = "A10-MERGE-UNDECLARED"
FSR_PD = "subject: 初步设计及概算"
scenario(
    "a10 merged approval undeclared",
    UNDECLARED,
    lambda t: edit(t, FSR_PD, "subject: 可研代初步设计"),
)
scenario(
    "a10 merged approval declared",
    UNDECLARED,
    lambda t: merged(
        "  requested: true\n  grounds: [技术方案简单]\n  simple_reason: 采用成熟产品\n"
    )(edit(t, FSR_PD, "subject: 可研代初步设计")),
)
scenario("a10 merged stage entered undeclared", UNDECLARED, lambda t: t, stage="merged_design")
scenario(
    "a10 merged stage current undeclared",
    UNDECLARED,
    lambda t: edit(t, "current: construction", "current: merged_design"),
)
scenario(
    "a10 merged stage without the section",
    UNDECLARED,
    lambda t: edit(t, MERGED, ""),
    stage="merged_design",
)
scenario("a10 another stage entered", UNDECLARED, lambda t: t, stage="feasibility")


# ---------------------------------------------------------------- 第十一条

PROCESS = "  process: 通过统一政务信息资源库平台申请、审核、授权后调用，调用日志留存不少于6个月。\n"
SHARING = "A11-DATA-SHARING"
scenario("a11 no sharing process", SHARING, lambda t: edit(t, PROCESS, ""))
scenario(
    "a11 an empty sharing list",
    SHARING,
    lambda t: t[: t.index("  sharing_list:\n")] + "  sharing_list: []\n" + t[t.index(PROCESS) :],
)
scenario(
    "a11 no data sharing section",
    SHARING,
    lambda t: t[: t.index("\ndata_sharing:\n")] + t[t.index("\n# 项目储备") :],
)

SERVICE = "A11-SERVICE-COMPARISON"
scenario(
    "a11 service bought without comparison",
    SERVICE,
    lambda t: edit(t, "  used: false", "  used: true"),
)
scenario(
    "a11 service bought with comparison",
    SERVICE,
    lambda t: edit(t, "  used: false", "  used: true\n  comparison: docs/安全可靠情况说明.md"),
)
scenario("a11 no service bought", SERVICE, lambda t: t)
scenario(
    "a11 no service section",
    SERVICE,
    lambda t: edit(t, "service_purchase:\n  used: false\n", ""),
)

SECURITY = "A11-SECURITY-DOCS"
scenario(
    "a11 no crypto plan", SECURITY, lambda t: edit(t, "  crypto_plan: docs/密码应用方案.md\n", "")
)
scenario(
    "a11 no security documents",
    SECURITY,
    lambda t: edit(
        t,
        "  scheme: docs/项目安全方案.md\n  secure_reliable: docs/安全可靠情况说明.md\n"
        "  crypto_plan: docs/密码应用方案.md\n",
        "",
    ),
)

MLPS_LINE = "  mlps_level: 2                 # 网络安全等级保护第二级\n"
scenario("a11 no mlps level", "A11-MLPS-LEVEL", lambda t: edit(t, MLPS_LINE, ""))
scenario(
    "a11 classified needs no mlps level",
    "A11-MLPS-LEVEL",
    lambda t: edit(edit(t, MLPS_LINE, ""), "classified: false", "classified: true"),
)
scenario("a11 mlps level written", "A11-MLPS-LEVEL", lambda t: t)

# ---------------------------------------------------------------- 第十二条

MISSING = "A12-APPROVAL-MISSING"
FSR_SUBJECT = "subject: 可行性研究报告\n    issuer: 大石桥市营商环境建设局"


def fsr_subject(subject: str) -> Callable[[str], str]:
    return lambda t: edit(t, FSR_SUBJECT, f"subject: {subject}\n    issuer: 大石桥市营商环境建设局")


scenario(
    "a12 preliminary design without fsr approval",
    MISSING,
    fsr_subject("变更"),
    stage="preliminary_design",
)
scenario(
    "a12 preliminary design with fsr approval", MISSING, lambda t: t, stage="preliminary_design"
)
scenario("a12 approved without fsr approval", MISSING, fsr_subject("变更"))
scenario("a12 approved without pd approval", MISSING, lambda t: edit(t, FSR_PD, "subject: 变更"))
scenario(
    "a12 approved without any approval",
    MISSING,
    lambda t: fsr_subject("变更")(edit(t, FSR_PD, "subject: 变更")),
)
scenario(
    "a12 approved with the merged approval only",
    MISSING,
    lambda t: fsr_subject("变更")(edit(t, FSR_PD, "subject: 可研代初步设计")),
)

EVAL = "A12-EVAL-BEFORE-APPROVAL"
scenario(
    "a12 evaluated the day after approval",
    EVAL,
    lambda t: edit(t, "date: 2026-02-20", "date: 2026-03-11"),
)
scenario(
    "a12 evaluated on the approval day",
    EVAL,
    lambda t: edit(t, "date: 2026-02-20", "date: 2026-03-10"),
)
scenario(
    "a12 evaluated twice after approval",
    EVAL,
    lambda t: append(
        edit(t, "date: 2026-02-20", "date: 2026-03-12"),
        "- kind: evaluation\n  date: 2026-03-20\n  subject: 可行性研究报告\n  evaluator: 辽宁某某工程咨询有限公司\n"
        "  commissioned_by: 大石桥市营商环境建设局\n  selection: 竞争性磋商\n  qualified: true\n",
    ),
)
scenario(
    "a12 evaluation of another subject",
    EVAL,
    lambda t: edit(
        t, "subject: 可行性研究报告\n    evaluator:", "subject: 初步设计\n    evaluator:"
    ),
)
scenario(
    "a12 unevaluated approval before the regulation",
    EVAL,
    lambda t: edit(
        edit(t, "subject: 可行性研究报告\n    evaluator:", "subject: 初步设计\n    evaluator:"),
        "date: 2026-03-10",
        "date: 2025-05-19",
    ),
)

SELECTION = "A12-EVALUATOR-SELECTION"
scenario(
    "a12 evaluator chosen directly",
    SELECTION,
    lambda t: edit(t, "selection: 竞争性磋商", "selection: 直接委托"),
)
scenario(
    "a12 evaluator chosen by inquiry",
    SELECTION,
    lambda t: edit(t, "selection: 竞争性磋商", "selection: 询价"),
)
scenario(
    "a12 evaluator chosen directly before the regulation",
    SELECTION,
    lambda t: edit(
        edit(t, "selection: 竞争性磋商", "selection: 直接委托"),
        "date: 2026-02-20",
        "date: 2025-05-19",
    ),
)

QUALIFIED = "A12-EVALUATOR-QUALIFIED"
scenario(
    "a12 evaluator not qualified",
    QUALIFIED,
    lambda t: edit(t, "qualified: true", "qualified: false"),
)
scenario(
    "a12 evaluator not qualified before the regulation",
    QUALIFIED,
    lambda t: edit(
        edit(t, "qualified: true", "qualified: false"), "date: 2026-02-20", "date: 2025-05-19"
    ),
)

CRYPTO = "A12-CRYPTO-REVIEW"
scenario(
    "a12 crypto review the day after approval",
    CRYPTO,
    lambda t: edit(t, "date: 2026-02-25", "date: 2026-03-11"),
)
scenario(
    "a12 crypto review on the approval day",
    CRYPTO,
    lambda t: edit(t, "date: 2026-02-25", "date: 2026-03-10"),
)
scenario("a12 crypto review failed", CRYPTO, lambda t: edit(t, "result: 通过", "result: 不通过"))
scenario(
    "a12 no crypto review before the regulation",
    CRYPTO,
    lambda t: edit(drop(t, "crypto_review"), "date: 2026-03-10", "date: 2025-05-19"),
)

# ---------------------------------------------------------------- 第十三条

scenario("a13 no procurement", "A13-TENDER", lambda t: drop(t, "procurement"))
scenario(
    "a13 no procurement, since written first",
    "A13-TENDER",
    lambda t: since_first(drop(t, "procurement")),
)
scenario("a13 no contract", "A13-CONTRACT", lambda t: drop(t, "contract"))
scenario(
    "a13 no supervision contract",
    "A13-SUPERVISION-CONTRACT",
    lambda t: edit(t, "type: 监理", "type: 咨询"),
)
scenario(
    "a13 operation needs no supervision contract",
    "A13-SUPERVISION-CONTRACT",
    lambda t: edit(edit(t, "type: 监理", "type: 咨询"), "nature: 新建", "nature: 运行维护"),
)
scenario("a13 supervision contract signed", "A13-SUPERVISION-CONTRACT", lambda t: t)

# ---------------------------------------------------------------- 第十四条


def sub(day: str, amount: str | None, main: str = "false", contract: str = "HT-2026-001") -> str:
    text = (
        f"- kind: subcontract\n  date: 2026-07-{day}\n  contract: {contract}\n  party: 甲公司\n"
        f"  scope: 子系统开发\n  main_part: {main}\n"
    )
    return text + (f'  amount: "{amount}"\n' if amount else "")


TRANSFER = "- kind: transfer\n  date: 2026-08-01\n  contract: HT-2026-001\n  party: 沈阳某某科技有限公司\n  scope: 全部开发工作\n"
scenario("a14 transfer", "A14-TRANSFER", lambda t: append(t, TRANSFER))
scenario(
    "a14 main part subcontracted",
    "A14-SUBCONTRACT-MAIN",
    lambda t: append(t, sub("01", "12万元", "true")),
)
scenario(
    "a14 other part subcontracted", "A14-SUBCONTRACT-MAIN", lambda t: append(t, sub("01", "12万元"))
)

SPLIT = "A14-SPLIT-TRANSFER"
scenario(
    "a14 subcontracts reach the contract",
    SPLIT,
    lambda t: append(t, sub("01", "200万元") + sub("02", "138万元") + sub("03", "1万元")),
)
scenario(
    "a14 subcontracts a yuan short",
    SPLIT,
    lambda t: append(t, sub("01", "200万元") + sub("02", "1379999元")),
)
scenario("a14 one subcontract over the contract", SPLIT, lambda t: append(t, sub("01", "339万元")))
scenario(
    "a14 subcontract without amount",
    SPLIT,
    lambda t: append(t, sub("01", None) + sub("02", "338万元")),
)
scenario(
    "a14 subcontract of another contract",
    SPLIT,
    lambda t: append(t, sub("01", "200万元") + sub("02", "138万元", contract="HT-2026-002")),
)
scenario(
    "a14 subcontract of an unknown contract",
    SPLIT,
    lambda t: append(t, sub("01", "400万元", contract="HT-2026-009")),
)

PROCURED = "A14-PROCUREMENT-FOR-CONTRACT"
scenario(
    "a14 contract party never won",
    PROCURED,
    lambda t: edit(t, "party: 辽宁某某信息技术有限公司", "party: 沈阳某某科技有限公司"),
)
scenario(
    "a14 consulting party needs no procurement",
    PROCURED,
    lambda t: edit(
        edit(t, "party: 辽宁某某信息技术有限公司", "party: 沈阳某某科技有限公司"),
        "type: 建设",
        "type: 咨询",
    ),
)
scenario(
    "a14 contract party written with a space",
    PROCURED,
    lambda t: edit(t, "party: 辽宁某某信息技术有限公司", "party: 辽宁某某 信息技术有限公司"),
)
scenario(
    "a14 operation contract party never won",
    PROCURED,
    lambda t: append(
        t,
        '- kind: contract\n  date: 2026-07-01\n  id: HT-2026-003\n  type: 运维\n  party: 丙公司\n  amount: "1万元"\n',
    ),
)

# ---------------------------------------------------------------- 第十五条

BUDGET_LINE = '  budget: "372.5万元"     # 批复概算：合同和支付累计不得超过此数（第十五条）\n'


def budget(amount: str) -> Callable[[str], str]:
    return lambda t: edit(t, 'budget: "372.5万元"', f'budget: "{amount}"')


OVER = "A15-OVER-BUDGET"
scenario(
    "a15 contracts a yuan over the budget",
    OVER,
    lambda t: edit(
        budget("347.79万元")(t),
        'amount: "372.5万元"\n    document_no',
        'amount: "347.79万元"\n    document_no',
    ),
)
scenario(
    "a15 contracts exactly the budget",
    OVER,
    lambda t: edit(
        budget("347.8万元")(t),
        'amount: "372.5万元"\n    document_no',
        'amount: "347.8万元"\n    document_no',
    ),
)
scenario(
    "a15 payments over the budget",
    OVER,
    lambda t: append(
        t,
        '- kind: payment\n  date: 2026-10-01\n  contract: HT-2026-001\n  amount: "200万元"\n'
        '- kind: payment\n  date: 2026-10-02\n  contract: HT-2026-001\n  amount: "1万元"\n',
    ),
)
scenario(
    "a15 no budget to compare with",
    OVER,
    lambda t: edit(edit(t, BUDGET_LINE, ""), 'amount: "372.5万元"\n    document_no', "document_no"),
)

UNKNOWN = "A15-BUDGET-UNKNOWN"


def no_budget(t: str) -> str:
    return edit(edit(t, BUDGET_LINE, ""), 'amount: "372.5万元"\n    document_no', "document_no")


scenario("a15 contracts without a budget", UNKNOWN, no_budget)
scenario("a15 a procurement without a budget", UNKNOWN, lambda t: drop(no_budget(t), "contract"))
scenario(
    "a15 nothing bought without a budget",
    UNKNOWN,
    lambda t: drop(drop(drop(no_budget(t), "contract"), "procurement"), "payment"),
)

MISMATCH = "A15-BUDGET-MISMATCH"
scenario("a15 budget differs from the approval", MISMATCH, budget("327.5万元"))
scenario(
    "a15 budget differs, re-approved",
    MISMATCH,
    lambda t: append(
        budget("327.5万元")(t),
        '- kind: approval\n  date: 2026-09-01\n  subject: 重新审批\n  issuer: 大石桥市营商环境建设局\n  amount: "327.5万元"\n',
    ),
)
scenario(
    "a15 approval without amount",
    MISMATCH,
    lambda t: edit(budget("327.5万元")(t), 'amount: "372.5万元"\n    document_no', "document_no"),
)
scenario("a15 no budget fact", MISMATCH, lambda t: edit(t, BUDGET_LINE, ""))
scenario(
    "a15 the later approval counts",
    MISMATCH,
    lambda t: append(
        budget("327.5万元")(t),
        '- kind: approval\n  date: 2026-09-01\n  subject: 可研代初步设计\n  issuer: 大石桥市营商环境建设局\n  amount: "327.5万元"\n',
    ),
)
scenario(
    "a15 an approval of another subject",
    MISMATCH,
    lambda t: append(
        t,
        '- kind: approval\n  date: 2026-09-01\n  subject: 可行性研究报告\n  issuer: 大石桥市营商环境建设局\n  amount: "327.5万元"\n',
    ),
)


def change(aspect: str, extra: str = "") -> Callable[[str], str]:
    return lambda t: append(
        t,
        f"- kind: change\n  date: 2026-08-20\n  aspect: {aspect}\n  description: 增加移动端应用\n"
        + extra,
    )


CHANGED = "A15-CHANGE-UNAPPROVED"
scenario("a15 content changed unapproved", CHANGED, change("内容"))
scenario(
    "a15 content changed approved",
    CHANGED,
    change("内容", "  approval_no: 大营商审批〔2026〕60号\n"),
)
scenario("a15 schedule changed unapproved", CHANGED, change("进度"))

INCREASE = "A15-INVESTMENT-INCREASE"
APPROVED_NO = "  approval_no: 大营商审批〔2026〕61号\n"
REAPPROVAL = '- kind: approval\n  date: 2026-09-01\n  subject: 重新审批\n  issuer: 大石桥市营商环境建设局\n  amount: "392.5万元"\n'
scenario(
    "a15 investment increased", INCREASE, change("投资", '  amount_delta: "20万元"\n' + APPROVED_NO)
)
scenario(
    "a15 investment increased by a yuan",
    INCREASE,
    change("投资", '  amount_delta: "1元"\n' + APPROVED_NO),
)
scenario(
    "a15 investment unchanged", INCREASE, change("投资", '  amount_delta: "0元"\n' + APPROVED_NO)
)
scenario("a15 investment change without amount", INCREASE, change("投资", APPROVED_NO))
scenario(
    "a15 content change with an amount",
    INCREASE,
    change("内容", '  amount_delta: "20万元"\n' + APPROVED_NO),
)
scenario(
    "a15 investment increased and re-approved",
    INCREASE,
    lambda t: append(change("投资", '  amount_delta: "20万元"\n' + APPROVED_NO)(t), REAPPROVAL),
)

PROCEDURE = "A15-REAPPROVAL-PROCEDURE"


def rereview(
    day: str, issuer: str = "大石桥市发展和改革局", subject: str = "重新提级论证"
) -> Callable[[str], str]:
    return lambda t: append(
        t,
        f"- kind: opinion\n  date: {day}\n  subject: {subject}\n  issuer: {issuer}\n" + REAPPROVAL,
    )


scenario("a15 re-approval without re-review", PROCEDURE, lambda t: append(t, REAPPROVAL))
scenario("a15 re-review on the re-approval day", PROCEDURE, rereview("2026-09-01"))
scenario(
    "a15 re-review the day after",
    PROCEDURE,
    lambda t: append(
        t,
        REAPPROVAL
        + "- kind: opinion\n  date: 2026-09-02\n  subject: 重新提级论证\n  issuer: 大石桥市发展和改革局\n",
    ),
)
scenario(
    "a15 re-review by another body", PROCEDURE, rereview("2026-08-25", issuer="大石桥市财政局")
)
scenario("a15 an opinion on another subject", PROCEDURE, rereview("2026-08-25", subject="计划调整"))
scenario(
    "a15 re-approval before the regulation",
    PROCEDURE,
    lambda t: append(t, REAPPROVAL.replace("2026-09-01", "2025-05-19")),
)


# ---------------------------------------------------------------- 第十七条

PRELIM = "- kind: preliminary_acceptance\n  date: {date}\n  result: {result}\n"
MLPS_KIND = "    security_assessment_kind: 网络安全等级保护测评报告\n"
CLASSIFIED_KIND = "    security_assessment_kind: 涉密信息系统安全保密测评报告\n"


def records(*texts: str) -> Callable[[str], str]:
    return lambda t: append(t, "".join(texts))


def prelim(day: str, result: str = "合格") -> str:
    return PRELIM.format(date=day, result=result)


def application(day: str) -> str:
    return APPLICATION.format(date=day)


def classified(t: str) -> str:
    return edit(t, "classified: false", "classified: true")


APPLIED = "acceptance_applied"
scenario(
    "a17 applied stage without application", "A17-APPLICATION-MISSING", lambda t: t, stage=APPLIED
)
scenario(
    "a17 applied stage with application",
    "A17-APPLICATION-MISSING",
    records(prelim("2026-06-30"), application("2026-10-08")),
    stage=APPLIED,
)

scenario(
    "a17 applied stage without application, since written first",
    "A17-APPLICATION-MISSING",
    since_first,
    stage=APPLIED,
)

PASSED = "A17-PRELIM-PASSED"
scenario(
    "a17 applied without preliminary acceptance",
    PASSED,
    records(application("2026-10-08")),
    stage=APPLIED,
)
scenario(
    "a17 applied the day of preliminary acceptance",
    PASSED,
    records(prelim("2026-10-08"), application("2026-10-08")),
    stage=APPLIED,
)
scenario(
    "a17 applied the day before preliminary acceptance",
    PASSED,
    records(application("2026-10-08"), prelim("2026-10-09")),
    stage=APPLIED,
    as_of=D("2026-10-15"),
)
scenario(
    "a17 applied after a failed preliminary acceptance",
    PASSED,
    records(prelim("2026-09-08", "不合格"), application("2026-10-08")),
    stage=APPLIED,
)
scenario("a17 applied stage, no application, no preliminary", PASSED, lambda t: t, stage=APPLIED)
scenario(
    "a17 applied stage, no application, failed preliminary",
    PASSED,
    records(prelim("2026-09-08", "不合格")),
    stage=APPLIED,
)
scenario(
    "a17 applied stage, no application, passed preliminary",
    PASSED,
    records(prelim("2026-09-08")),
    stage=APPLIED,
)

ATTACHMENTS = "A17-ATTACHMENTS"
scenario(
    "a17 application without crypto assessment",
    ATTACHMENTS,
    records(ATTACH.format(date="2026-10-08")),
)
scenario("a17 application with every attachment", ATTACHMENTS, records(application("2026-10-08")))
scenario(
    "a17 application without attachments",
    ATTACHMENTS,
    records(
        "- kind: acceptance_application\n  date: 2026-10-08\n  to: 大石桥市数据局\n  attachments: {}\n"
    ),
)
scenario(
    "a17 classified application without security assessment",
    ATTACHMENTS,
    lambda t: classified(
        append(
            t,
            application("2026-10-08")
            .replace("    security_assessment: docs/项目安全方案.md\n", "")
            .replace(MLPS_KIND, ""),
        )
    ),
)
scenario(
    "a17 application without security assessment",
    ATTACHMENTS,
    records(
        application("2026-10-08")
        .replace("    security_assessment: docs/项目安全方案.md\n", "")
        .replace(MLPS_KIND, "")
    ),
)

REPORT = "A17-SECURITY-REPORT"
scenario(
    "a17 classified system with the mlps report",
    REPORT,
    lambda t: classified(append(t, application("2026-10-08"))),
)
scenario(
    "a17 classified system with its report",
    REPORT,
    lambda t: classified(append(t, application("2026-10-08").replace(MLPS_KIND, CLASSIFIED_KIND))),
)
scenario(
    "a17 open system with the classified report",
    REPORT,
    records(application("2026-10-08").replace(MLPS_KIND, CLASSIFIED_KIND)),
)
scenario("a17 open system with its report", REPORT, records(application("2026-10-08")))
scenario(
    "a17 report kind not written", REPORT, records(application("2026-10-08").replace(MLPS_KIND, ""))
)
scenario(
    "a17 report kind not written, classified",
    REPORT,
    lambda t: classified(append(t, application("2026-10-08").replace(MLPS_KIND, ""))),
)
scenario(
    "a17 no report, no kind",
    REPORT,
    records(
        application("2026-10-08")
        .replace("    security_assessment: docs/项目安全方案.md\n", "")
        .replace(MLPS_KIND, "")
    ),
)
scenario(
    "a17 no report, a wrong kind",
    REPORT,
    records(
        application("2026-10-08")
        .replace("    security_assessment: docs/项目安全方案.md\n", "")
        .replace(MLPS_KIND, CLASSIFIED_KIND)
    ),
)

ACCEPTANCE = "- kind: acceptance\n  date: {date}\n  result: {result}\n  organizer: 大石桥市数据局\n"
THIRD = "  third_party: 辽宁某某信息工程监理咨询有限公司\n"


def acceptance(day: str, result: str = "合格", third: bool = True) -> str:
    return ACCEPTANCE.format(date=day, result=result) + (THIRD if third else "")


WITHOUT = "A17-ACCEPTANCE-WITHOUT-APPLICATION"
scenario("a17 acceptance without application", WITHOUT, records(acceptance("2026-10-12")))
scenario(
    "a17 acceptance the day of application",
    WITHOUT,
    records(application("2026-10-12"), acceptance("2026-10-12")),
)
scenario(
    "a17 acceptance the day before application",
    WITHOUT,
    records(acceptance("2026-10-12"), application("2026-10-13")),
)
scenario(
    "a17 acceptance without application before the regulation",
    WITHOUT,
    records(
        "- kind: acceptance\n  date: 2025-05-19\n  result: 合格\n  organizer: 大石桥市数据局\n"
        + THIRD
    ),
)

scenario(
    "a17 acceptance without third party",
    "A17-THIRD-PARTY",
    records(acceptance("2026-10-12", third=False)),
)
scenario("a17 acceptance with third party", "A17-THIRD-PARTY", records(acceptance("2026-10-12")))

# ---------------------------------------------------------------- 第十八条

GO_LIVE = "- kind: go_live\n  date: {date}\n"
IN_USE = "A18-IN-USE-WITHOUT-ACCEPTANCE"
scenario("a18 in use without acceptance", IN_USE, records(GO_LIVE.format(date="2026-10-01")))
scenario(
    "a18 in use the day of acceptance",
    IN_USE,
    records(application("2026-09-01"), acceptance("2026-10-01"), GO_LIVE.format(date="2026-10-01")),
)
scenario(
    "a18 in use the day before acceptance",
    IN_USE,
    records(application("2026-09-01"), GO_LIVE.format(date="2026-09-30"), acceptance("2026-10-01")),
)
scenario(
    "a18 in use after a failed acceptance",
    IN_USE,
    records(
        application("2026-09-01"),
        acceptance("2026-09-20", "不合格"),
        GO_LIVE.format(date="2026-10-01"),
    ),
)
scenario(
    "a18 in use after the re-inspection",
    IN_USE,
    records(
        application("2026-09-01"),
        acceptance("2026-09-20", "不合格"),
        "- kind: reinspection\n  date: 2026-09-28\n  result: 合格\n",
        GO_LIVE.format(date="2026-10-01"),
    ),
)

FAILED_PAY = "A18-PAYMENT-AFTER-FAILED"


def pay(day: str, amount: str, contract: str = "HT-2026-001") -> str:
    return f'- kind: payment\n  date: {day}\n  contract: {contract}\n  amount: "{amount}"\n'


def reinspection(day: str, result: str = "合格") -> str:
    return f"- kind: reinspection\n  date: {day}\n  result: {result}\n"


FAILED = application("2026-09-10") + acceptance("2026-10-01", "不合格")
scenario(
    "a18 paid the day after a failed acceptance",
    FAILED_PAY,
    records(FAILED, pay("2026-10-02", "1万元")),
)
scenario(
    "a18 paid the day of a failed acceptance",
    FAILED_PAY,
    records(FAILED, pay("2026-10-01", "1万元")),
)
scenario(
    "a18 supervision paid after a failed acceptance",
    FAILED_PAY,
    records(FAILED, pay("2026-10-02", "1万元", "HT-2026-002")),
)
scenario(
    "a18 paid the day of the re-inspection",
    FAILED_PAY,
    records(FAILED, reinspection("2026-10-05"), pay("2026-10-05", "1万元")),
)
scenario(
    "a18 paid the day before the re-inspection",
    FAILED_PAY,
    records(FAILED, pay("2026-10-04", "1万元"), reinspection("2026-10-05")),
)
scenario(
    "a18 paid after a failed re-inspection",
    FAILED_PAY,
    records(FAILED, reinspection("2026-10-05", "不合格"), pay("2026-10-06", "1万元")),
)
scenario(
    "a18 re-inspected the day of the failure",
    FAILED_PAY,
    records(
        application("2026-09-10"),
        reinspection("2026-10-01"),
        acceptance("2026-10-01", "不合格"),
        pay("2026-10-02", "1万元"),
    ),
)
scenario(
    # the failure in force is the latest verdict: a pass ends it, a new failure
    # starts another (第十八条 speaks of the project's state, not of its first failure)
    "a18 paid after a second failure",
    FAILED_PAY,
    records(
        FAILED,
        reinspection("2026-10-05"),
        pay("2026-10-20", "1万元"),
        acceptance("2026-11-01", "不合格"),
        pay("2026-11-02", "1万元"),
    ),
)
scenario(
    "a18 paid after a passed acceptance",
    FAILED_PAY,
    records(application("2026-09-10"), acceptance("2026-10-01"), pay("2026-10-02", "1万元")),
)

FINAL = "A18-FINAL-PAYMENT"
scenario(
    "a18 paid in full before acceptance",
    FINAL,
    records(pay("2026-10-10", "135.2万元"), pay("2026-10-11", "1万元")),
)
scenario("a18 paid a yuan short before acceptance", FINAL, records(pay("2026-10-10", "1351999元")))
scenario(
    "a18 paid in full the day of acceptance",
    FINAL,
    records(application("2026-10-01"), acceptance("2026-10-10"), pay("2026-10-10", "135.2万元")),
)
scenario(
    "a18 paid in full the day before acceptance",
    FINAL,
    records(application("2026-10-01"), pay("2026-10-09", "135.2万元"), acceptance("2026-10-10")),
)
scenario(
    "a18 supervision paid in full before acceptance",
    FINAL,
    records(pay("2026-10-10", "6.86万元", "HT-2026-002")),
)
scenario(
    "a18 payment of an unknown contract",
    FINAL,
    records(pay("2026-10-10", "400万元", "HT-2026-009")),
)

# ---------------------------------------------------------------- 第十九条、第二十条


def self_eval(to: str) -> Callable[[str], str]:
    return records(f"- kind: self_evaluation\n  date: 2026-10-14\n  sent_to: [{to}]\n")


RECIPIENTS = "A19-SELF-EVAL-RECIPIENTS"
scenario(
    "a19 self-evaluation sent to the data bureau only", RECIPIENTS, self_eval("大石桥市数据局")
)
scenario("a19 self-evaluation sent to the government", RECIPIENTS, self_eval("大石桥市人民政府"))
scenario("a19 self-evaluation sent to both", RECIPIENTS, self_eval("市数据局, 财政局"))

FINDING = "- kind: supervision_finding\n  date: {date}\n  issuer: 大石桥市委网信办\n  area: 网络安全\n  description: 测试环境存在弱口令\n"
scenario(
    "a20 finding without deadline",
    "A20-FINDING-DEADLINE",
    records(FINDING.format(date="2026-09-01")),
)
scenario(
    "a20 finding with deadline",
    "A20-FINDING-DEADLINE",
    records(FINDING.format(date="2026-09-01") + "  deadline: 2026-09-30\n"),
)


def sanction(kind: str, day: str = "2026-10-10") -> str:
    return f"- kind: {kind}\n  date: {day}\n  issuer: 大石桥市数据局\n  reason: 逾期未整改\n"


BASIS = "A20-SANCTION-BASIS"
scenario(
    "a20 sanctions without finding",
    BASIS,
    records(
        sanction("termination", "2026-10-01"),
        sanction("suspension", "2026-10-02"),
        sanction("deferral", "2026-10-03"),
    ),
)
scenario(
    "a20 sanction the day of the finding",
    BASIS,
    records(FINDING.format(date="2026-10-10"), sanction("suspension")),
)
scenario(
    "a20 sanction the day before the finding",
    BASIS,
    records(sanction("suspension", "2026-10-09"), FINDING.format(date="2026-10-10")),
)

# ---------------------------------------------------------------- 第二十一条、第二十三条

REFS = "A21-CONTRACT-REFS"
scenario(
    "a21 contract registered twice", REFS, lambda t: edit(t, "id: HT-2026-002", "id: HT-2026-001")
)
scenario(
    "a21 records of an unknown contract",
    REFS,
    records(
        pay("2026-10-01", "1万元", "HT-2026-009"),
        sub("01", "1万元", contract="HT-2026-008"),
        TRANSFER.replace("HT-2026-001", "HT-2026-007"),
    ),
)
scenario(
    "a21 records of known contracts",
    REFS,
    records(pay("2026-10-01", "1万元", "HT-2026-002"), sub("01", "1万元")),
)

HISTORY = "A21-STAGE-HISTORY"
scenario(
    "a21 stage changed by hand",
    HISTORY,
    lambda t: edit(t, "current: construction", "current: procurement"),
)
scenario(
    "a21 no stage history",
    HISTORY,
    lambda t: edit(drop(t, "stage_change"), "current: construction", "current: procurement"),
)
scenario("a21 stage as recorded", HISTORY, lambda t: t)

FUTURE = "A21-FUTURE-RECORD"
scenario("a21 records after today", FUTURE, lambda t: t, as_of=D("2026-09-07"))
scenario("a21 the last record today", FUTURE, lambda t: t, as_of=D("2026-09-30"))
scenario("a21 the last record tomorrow", FUTURE, lambda t: t, as_of=D("2026-09-29"))

BEFORE = "A23-BEFORE-EFFECTIVE"
scenario(
    "a23 approved the day before the regulation",
    BEFORE,
    lambda t: edit(t, "date: 2026-03-10", "date: 2025-05-19"),
)
scenario(
    "a23 approved the day it took effect",
    BEFORE,
    lambda t: edit(t, "date: 2026-03-10", "date: 2025-05-20"),
)
scenario("a23 never approved", BEFORE, lambda t: drop(t, "approval"))
scenario(
    "a23 another approval the same day",
    BEFORE,
    lambda t: edit(
        edit(t, "date: 2026-03-10", "date: 2025-05-19"),
        "- kind: crypto_review\n    date: 2026-02-25",
        "- kind: approval\n    date: 2025-05-19\n    subject: 变更\n    issuer: 大石桥市营商环境建设局\n"
        "  - kind: crypto_review\n    date: 2026-02-25",
    ),
)


scenario("a15 a contract without a budget", UNKNOWN, lambda t: drop(no_budget(t), "procurement"))
scenario(
    "a15 contracts and payments over the budget",
    OVER,
    lambda t: append(budget("300万元")(t), pay("2026-10-01", "200万元")),
)

scenario(
    "a12 an approval before the regulation, then an unevaluated one",
    EVAL,
    lambda t: edit(
        edit(t, "date: 2026-03-10", "date: 2025-05-19"), "date: 2026-04-02", "date: 2026-04-11"
    ),
)

scenario(
    "a10 in the merged stage, entering the next one undeclared",
    UNDECLARED,
    lambda t: edit(t, "current: construction", "current: merged_design"),
    stage="approved",
)

NO_REPORT = "    security_assessment: docs/项目安全方案.md\n"
scenario(
    "a17 a right report, then a wrong one",
    REPORT,
    records(
        application("2026-10-08"),
        application("2026-10-09").replace(MLPS_KIND, CLASSIFIED_KIND),
    ),
)
scenario(
    "a17 no report, then a wrong one",
    REPORT,
    records(
        application("2026-10-08").replace(NO_REPORT, "").replace(MLPS_KIND, ""),
        application("2026-10-09").replace(MLPS_KIND, CLASSIFIED_KIND),
    ),
)

scenario(
    "a18 paid the day a second acceptance passed",
    FAILED_PAY,
    records(FAILED, acceptance("2026-10-05"), pay("2026-10-05", "1万元")),
)

# the unchanged example meets each of these clauses: one edit (above) away from firing
for _rule in (
    "A11-DATA-SHARING",
    "A11-SECURITY-DOCS",
    "A13-TENDER",
    "A13-CONTRACT",
    "A14-TRANSFER",
):
    scenario(f"{_rule} met by the example", _rule, lambda t: t)


@pytest.mark.parametrize("name", sorted(SCENARIOS))
def test_rule_reports_exactly(name):
    s = SCENARIOS[name]
    text, found = run(s)
    expected = [(where(text, line), *rest) for line, *rest in EXPECTED[name]]
    assert found == expected


def test_every_scenario_has_its_expectation():
    assert sorted(SCENARIOS) == sorted(EXPECTED)


# ---------------------------------------------------------------- what each scenario reports
EXPECTED["a10 amount ground a yuan below"] = []
EXPECTED["a10 amount ground at 200万 exactly"] = [
    (
        'budget: "200万元"     # 批复概算：合同和支付累计不得超过此数（第十五条）',
        "investment.budget",
        "批复概算为 200万元（2,000,000元），不在“200万元（不含）以下”：第十条第三款以投资额为依据合并编报，只适用于总投资低于200万元的项目，恰为200万元的也不适用。",
        "删去 merged_fsr_pd.grounds 中的“总投资200万元以下”；没有其他依据的，分别编报可研和初步设计。",
    )
]
EXPECTED["a10 amount ground not requested"] = []
EXPECTED["a10 amount ground on the estimate"] = [
    (
        'estimate: "386万元"     # 可研投资估算',
        "investment.estimate",
        "投资估算为 386万元（3,860,000元），不在“200万元（不含）以下”：第十条第三款以投资额为依据合并编报，只适用于总投资低于200万元的项目，恰为200万元的也不适用。",
        "删去 merged_fsr_pd.grounds 中的“总投资200万元以下”；没有其他依据的，分别编报可研和初步设计。",
    )
]
EXPECTED["a10 amount ground over the bound"] = [
    (
        'budget: "372.5万元"     # 批复概算：合同和支付累计不得超过此数（第十五条）',
        "investment.budget",
        "批复概算为 372.5万元（3,725,000元），不在“200万元（不含）以下”：第十条第三款以投资额为依据合并编报，只适用于总投资低于200万元的项目，恰为200万元的也不适用。",
        "删去 merged_fsr_pd.grounds 中的“总投资200万元以下”；没有其他依据的，分别编报可研和初步设计。",
    )
]
EXPECTED["a10 amount ground without an amount"] = [
    (
        'operation_annual: "28万元"',
        "investment.estimate",
        "以“总投资200万元以下”为依据合并编报，但档案里没有投资额，无法核对（第十条第三款）。",
        "在 investment.estimate 写投资估算。",
    )
]
EXPECTED["a10 another stage entered"] = []
EXPECTED["a10 direct fsr with inclusion"] = []
EXPECTED["a10 direct fsr without inclusion"] = [
    (
        "current: construction",
        "stage.current",
        "正在编报可行性研究报告，但没有列入年度投资计划的记录：第十条第一款规定列入本级及以上相关规划或者年度投资计划的项目可以直接编报可研。",
        "补录 plan_inclusion 记录；如依据的是相关规划，在 reserve.digital_government_plan 或 reserve.sector_plan 写明规划名称和条目。",
    )
]
EXPECTED["a10 merge not requested, no grounds"] = []
EXPECTED["a10 merge requested without grounds"] = [
    (
        "requested: true",
        "merged_fsr_pd.grounds",
        "申请合并编报可行性研究报告和初步设计，却没有写依据：第十条只允许需要紧急建设且符合相关规定、技术方案简单、建设内容单一或总投资200万元（不含）以下的项目合并编报。",
        "在 merged_fsr_pd.grounds 写明依据（紧急建设 / 技术方案简单 / 建设内容单一 / 总投资200万元以下）；都不符合的，改为 requested: false，分别编报可研和初步设计。",
    )
]
EXPECTED["a10 merge with empty grounds"] = [
    (
        "grounds: []",
        "merged_fsr_pd.grounds",
        "申请合并编报可行性研究报告和初步设计，却没有写依据：第十条只允许需要紧急建设且符合相关规定、技术方案简单、建设内容单一或总投资200万元（不含）以下的项目合并编报。",
        "在 merged_fsr_pd.grounds 写明依据（紧急建设 / 技术方案简单 / 建设内容单一 / 总投资200万元以下）；都不符合的，改为 requested: false，分别编报可研和初步设计。",
    )
]
EXPECTED["a10 merge with one ground"] = []
EXPECTED["a10 merged approval declared"] = []
EXPECTED["a10 merged approval undeclared"] = [
    (
        "subject: 可研代初步设计",
        "records[11].subject",
        "有“可研代初步设计”批复，档案却没有申明合并编报：第十条只允许符合条件的项目合并编报和审批。",
        "在 merged_fsr_pd 写 requested: true 和依据 grounds。",
    )
]
EXPECTED["a10 merged stage current undeclared"] = [
    (
        "requested: false",
        "merged_fsr_pd",
        "项目处于“可研代初步设计编报”阶段，档案却没有申明合并编报（第十条）。",
        "在 merged_fsr_pd 写 requested: true 和依据 grounds。",
    )
]
EXPECTED["a10 merged stage entered undeclared"] = [
    (
        "requested: false",
        "merged_fsr_pd",
        "项目处于“可研代初步设计编报”阶段，档案却没有申明合并编报（第十条）。",
        "在 merged_fsr_pd 写 requested: true 和依据 grounds。",
    )
]
EXPECTED["a10 merged stage without the section"] = [
    (
        "format_version: 1",
        "merged_fsr_pd",
        "项目处于“可研代初步设计编报”阶段，档案却没有申明合并编报（第十条）。",
        "在 merged_fsr_pd 写 requested: true 和依据 grounds。",
    )
]
EXPECTED["a10 simple with an empty reason"] = [
    (
        "grounds: [技术方案简单]",
        "merged_fsr_pd.grounds",
        "以“技术方案简单”为依据合并编报，却没有写理由：第十条第三款的“技术方案简单”是需要第三方评估论证（第十二条）核实的判断，档案须说明为什么。",
        "在 merged_fsr_pd.simple_reason 写明理由（如只建一个业务系统、采用成熟产品无需定制开发）；说不出理由的，删去这一依据。",
    )
]
EXPECTED["a10 single with its reason"] = []
EXPECTED["a10 single without reason"] = [
    (
        "grounds: [建设内容单一]",
        "merged_fsr_pd.grounds",
        "以“建设内容单一”为依据合并编报，却没有写理由：第十条第三款的“建设内容单一”是需要第三方评估论证（第十二条）核实的判断，档案须说明为什么。",
        "在 merged_fsr_pd.single_reason 写明理由（如只建一个业务系统、采用成熟产品无需定制开发）；说不出理由的，删去这一依据。",
    )
]
EXPECTED["a10 urgent with basis"] = []
EXPECTED["a10 urgent without basis"] = [
    (
        "requested: true",
        "merged_fsr_pd.urgent_basis",
        "以“紧急建设”为依据合并编报，却没有写所依据的规定：第十条第二款要求需要紧急建设，且符合国家、省、市相关规定。",
        "在 merged_fsr_pd.urgent_basis 写依据文件的名称和文号，文件放进档案并写在 urgent_basis_document。",
    )
]
EXPECTED["a11 an empty sharing list"] = [
    (
        "sharing_list: []",
        "data_sharing.sharing_list",
        "缺少数据资源共享清单（含接口、频率）：第十一条第（一）项要求可研和初步设计包含数据资源共享分析篇（章），明确信息资源目录、数据资源共享清单、流程、接口、频率。",
        "在 data_sharing.sharing_list 填写数据资源共享清单（含接口、频率）（字段见 docs/dossier-format.md）。",
    )
]
EXPECTED["a11 classified needs no mlps level"] = []
EXPECTED["a11 mlps level written"] = []
EXPECTED["a11 no crypto plan"] = [
    (
        "classified: false",
        "security.crypto_plan",
        "缺少密码应用方案：第十一条第（三）项要求可研和初步设计包括软硬件产品安全可靠情况说明、项目安全、密码应用方案等。",
        "把密码应用方案放进档案（如 docs/），在 security.crypto_plan 写路径。",
    )
]
EXPECTED["a11 no data sharing section"] = [
    (
        "format_version: 1",
        "data_sharing.catalog",
        "缺少信息资源目录：第十一条第（一）项要求可研和初步设计包含数据资源共享分析篇（章），明确信息资源目录、数据资源共享清单、流程、接口、频率。",
        "在 data_sharing.catalog 填写信息资源目录（字段见 docs/dossier-format.md）。",
    ),
    (
        "format_version: 1",
        "data_sharing.sharing_list",
        "缺少数据资源共享清单（含接口、频率）：第十一条第（一）项要求可研和初步设计包含数据资源共享分析篇（章），明确信息资源目录、数据资源共享清单、流程、接口、频率。",
        "在 data_sharing.sharing_list 填写数据资源共享清单（含接口、频率）（字段见 docs/dossier-format.md）。",
    ),
    (
        "format_version: 1",
        "data_sharing.process",
        "缺少共享流程：第十一条第（一）项要求可研和初步设计包含数据资源共享分析篇（章），明确信息资源目录、数据资源共享清单、流程、接口、频率。",
        "在 data_sharing.process 填写共享流程（字段见 docs/dossier-format.md）。",
    ),
]
EXPECTED["a11 no mlps level"] = [
    (
        "classified: false",
        "security.mlps_level",
        "非涉密系统没有写网络安全等级保护级别：项目安全方案以定级为前提（第十一条第（三）项），竣工验收须附等级保护测评报告（第十七条第二款），由市公安局指导监督（第三条）。",
        "在 security.mlps_level 写定级（1–5）。",
    )
]
EXPECTED["a11 no security documents"] = [
    (
        "classified: false",
        "security.secure_reliable",
        "缺少软硬件产品安全可靠情况说明：第十一条第（三）项要求可研和初步设计包括软硬件产品安全可靠情况说明、项目安全、密码应用方案等。",
        "把软硬件产品安全可靠情况说明放进档案（如 docs/），在 security.secure_reliable 写路径。",
    ),
    (
        "classified: false",
        "security.scheme",
        "缺少项目安全方案：第十一条第（三）项要求可研和初步设计包括软硬件产品安全可靠情况说明、项目安全、密码应用方案等。",
        "把项目安全方案放进档案（如 docs/），在 security.scheme 写路径。",
    ),
    (
        "classified: false",
        "security.crypto_plan",
        "缺少密码应用方案：第十一条第（三）项要求可研和初步设计包括软硬件产品安全可靠情况说明、项目安全、密码应用方案等。",
        "把密码应用方案放进档案（如 docs/），在 security.crypto_plan 写路径。",
    ),
]
EXPECTED["a11 no service bought"] = []
EXPECTED["a11 no service section"] = []
EXPECTED["a11 no sharing process"] = [
    (
        81,
        "data_sharing.process",
        "缺少共享流程：第十一条第（一）项要求可研和初步设计包含数据资源共享分析篇（章），明确信息资源目录、数据资源共享清单、流程、接口、频率。",
        "在 data_sharing.process 填写共享流程（字段见 docs/dossier-format.md）。",
    )
]
EXPECTED["a11 service bought with comparison"] = []
EXPECTED["a11 service bought without comparison"] = [
    (
        "used: true",
        "service_purchase.comparison",
        "项目采用政府购买服务，却没有自建与购买服务方式的经济性比较分析：第十一条第（二）项要求增加这一章节。",
        "把经济性比较分析（可研的相应章节或单独文件）放进档案，在 service_purchase.comparison 写路径。",
    )
]
EXPECTED["a12 approved with the merged approval only"] = []
EXPECTED["a12 approved without any approval"] = [
    (
        "current: construction",
        "stage.current",
        "项目已立项，却没有可行性研究报告的批复和初步设计及概算的批复记录：第十二条规定由市营商环境建设局评估论证后批复（合并编报的为可研代初步设计批复）。",
        "补录 approval 记录（subject、issuer、文号、金额）。",
    )
]
EXPECTED["a12 approved without fsr approval"] = [
    (
        "current: construction",
        "stage.current",
        "项目已立项，却没有可行性研究报告的批复记录：第十二条规定由市营商环境建设局评估论证后批复（合并编报的为可研代初步设计批复）。",
        "补录 approval 记录（subject、issuer、文号、金额）。",
    )
]
EXPECTED["a12 approved without pd approval"] = [
    (
        "current: construction",
        "stage.current",
        "项目已立项，却没有初步设计及概算的批复记录：第十二条规定由市营商环境建设局评估论证后批复（合并编报的为可研代初步设计批复）。",
        "补录 approval 记录（subject、issuer、文号、金额）。",
    )
]
EXPECTED["a12 crypto review failed"] = [
    (
        180,
        "records[8]",
        "2026-03-10 的可行性研究报告批复之前，密码应用方案没有通过市国家密码管理局的合法性审核（第十二条、第三条第七款）。",
        "补录 crypto_review 记录（issuer: 大石桥市国家密码管理局，result: 通过，日期不晚于批复）；未审核的，先报审。",
    ),
    (
        201,
        "records[11]",
        "2026-04-10 的初步设计及概算批复之前，密码应用方案没有通过市国家密码管理局的合法性审核（第十二条、第三条第七款）。",
        "补录 crypto_review 记录（issuer: 大石桥市国家密码管理局，result: 通过，日期不晚于批复）；未审核的，先报审。",
    ),
]
EXPECTED["a12 crypto review on the approval day"] = []
EXPECTED["a12 crypto review the day after approval"] = [
    (
        180,
        "records[8]",
        "2026-03-10 的可行性研究报告批复之前，密码应用方案没有通过市国家密码管理局的合法性审核（第十二条、第三条第七款）。",
        "补录 crypto_review 记录（issuer: 大石桥市国家密码管理局，result: 通过，日期不晚于批复）；未审核的，先报审。",
    )
]
EXPECTED["a12 evaluated on the approval day"] = []
EXPECTED["a12 evaluated the day after approval"] = [
    (
        180,
        "records[8]",
        "2026-03-10 的可行性研究报告批复之前没有第三方评估论证（可行性研究报告）：评估论证（2026-03-11）晚于批复。第十二条规定市营商环境建设局委托第三方中介服务机构评估论证后予以批复。",
        "补录 evaluation 记录（subject: 可行性研究报告，评估日期不晚于批复日期）；确未评估的，批复依据不足，请与市营商环境建设局核实。",
    )
]
EXPECTED["a12 evaluated twice after approval"] = [
    (
        180,
        "records[8]",
        "2026-03-10 的可行性研究报告批复之前没有第三方评估论证（可行性研究报告）：评估论证（2026-03-12）晚于批复。第十二条规定市营商环境建设局委托第三方中介服务机构评估论证后予以批复。",
        "补录 evaluation 记录（subject: 可行性研究报告，评估日期不晚于批复日期）；确未评估的，批复依据不足，请与市营商环境建设局核实。",
    )
]
EXPECTED["a12 evaluation of another subject"] = [
    (
        180,
        "records[8]",
        "2026-03-10 的可行性研究报告批复之前没有第三方评估论证（可行性研究报告）：档案中没有对应的评估论证记录。第十二条规定市营商环境建设局委托第三方中介服务机构评估论证后予以批复。",
        "补录 evaluation 记录（subject: 可行性研究报告，评估日期不晚于批复日期）；确未评估的，批复依据不足，请与市营商环境建设局核实。",
    )
]
EXPECTED["a12 evaluator chosen by inquiry"] = []
EXPECTED["a12 evaluator chosen directly"] = [
    (
        "selection: 直接委托",
        "records[6].selection",
        "评估论证机构“辽宁某某工程咨询有限公司”以“直接委托”方式选定，不是竞争性方式：第十二条规定第三方服务中介机构应通过竞争性方式选择确定。",
        "核对选定方式（竞争性方式：公开招标、邀请招标、竞争性谈判、竞争性磋商、询价）；确为非竞争性选定的，应重新选定机构评估。",
    )
]
EXPECTED["a12 evaluator chosen directly before the regulation"] = []
EXPECTED["a12 evaluator not qualified"] = [
    (
        "qualified: false",
        "records[6].qualified",
        "评估论证机构“辽宁某某工程咨询有限公司”不具有相应资质：第十二条规定委托具有资质的第三方中介服务机构。",
        "委托具有资质的机构重新评估；如有资质，改为 qualified: true 并在 qualification 写资质证书。",
    )
]
EXPECTED["a12 evaluator not qualified before the regulation"] = []
EXPECTED["a12 no crypto review before the regulation"] = [
    (
        196,
        "records[10]",
        "2026-04-10 的初步设计及概算批复之前，密码应用方案没有通过市国家密码管理局的合法性审核（第十二条、第三条第七款）。",
        "补录 crypto_review 记录（issuer: 大石桥市国家密码管理局，result: 通过，日期不晚于批复）；未审核的，先报审。",
    )
]
EXPECTED["a12 preliminary design with fsr approval"] = []
EXPECTED["a12 preliminary design without fsr approval"] = [
    (
        "current: construction",
        "stage.current",
        "进入初步设计编报阶段，却没有可行性研究报告的批复记录（第三条第三款、第十二条）。",
        "补录 approval 记录（subject: 可行性研究报告，issuer: 大石桥市营商环境建设局）。",
    )
]
EXPECTED["a12 unevaluated approval before the regulation"] = []
EXPECTED["a13 no contract"] = [
    (
        "current: construction",
        "stage.current",
        "项目进入建设实施，却没有合同记录：第十三条要求落实合同管理制。",
        "补录 contract 记录（合同编号、类型、相对方、金额）。",
    )
]
EXPECTED["a13 no procurement"] = [
    (
        "current: construction",
        "stage.current",
        "项目进入建设实施，却没有招标采购记录：第十三条要求落实招标投标制，第十四条要求依法履行政府采购或招投标程序。",
        "补录 procurement 记录（采购内容、方式、中标单位、金额、公告编号）。",
    )
]
EXPECTED["a13 no procurement, since written first"] = [
    (
        "current: construction",
        "stage.current",
        "项目进入建设实施，却没有招标采购记录：第十三条要求落实招标投标制，第十四条要求依法履行政府采购或招投标程序。",
        "补录 procurement 记录（采购内容、方式、中标单位、金额、公告编号）。",
    )
]
EXPECTED["a13 no supervision contract"] = [
    (
        "current: construction",
        "stage.current",
        "项目进入建设实施，却没有监理合同：第十三条要求落实建设监理制（竣工验收还须附监理报告，第十七条第二款）。",
        "补录 contract 记录（type: 监理）。",
    )
]
EXPECTED["a13 operation needs no supervision contract"] = []
EXPECTED["a13 supervision contract signed"] = []
EXPECTED["a14 consulting party needs no procurement"] = []
EXPECTED["a14 contract party never won"] = [
    (
        "party: 沈阳某某科技有限公司",
        "records[16].party",
        "建设合同 HT-2026-001 的相对方“沈阳某某科技有限公司”不是任何采购记录的中标（成交）单位：第十四条要求依法依规履行政府采购或招投标程序。",
        "补录对应的 procurement 记录（winner 与合同相对方一致）；限额以下依法直接采购的，在合同记录的 note 说明。",
    )
]
EXPECTED["a14 contract party written with a space"] = []
EXPECTED["a14 main part subcontracted"] = [
    (
        "main_part: true",
        "records[26].main_part",
        "合同 HT-2026-001 把主体、关键性工作分包给了“甲公司”：第十四条禁止肢解中标项目后分别向他人转让。",
        "主体、关键性工作须由中标单位自行完成；只能分包非主体、非关键性工作。",
    )
]
EXPECTED["a14 one subcontract over the contract"] = [
    (
        'amount: "339万元"',
        "records[26].amount",
        "合同 HT-2026-001 的分包金额累计 339万元（3,390,000元），达到合同金额 338万元（3,380,000元）：等于把中标项目肢解后分别转让（第十四条）。",
        "核对分包范围：中标单位须自行完成主体工作，分包只能是其中一部分。",
    )
]
EXPECTED["a14 operation contract party never won"] = [
    (
        "party: 丙公司",
        "records[26].party",
        "运维合同 HT-2026-003 的相对方“丙公司”不是任何采购记录的中标（成交）单位：第十四条要求依法依规履行政府采购或招投标程序。",
        "补录对应的 procurement 记录（winner 与合同相对方一致）；限额以下依法直接采购的，在合同记录的 note 说明。",
    )
]
EXPECTED["a14 other part subcontracted"] = []
EXPECTED["a14 subcontract of an unknown contract"] = []
EXPECTED["a14 subcontract of another contract"] = [
    (
        'amount: "138万元"',
        "records[27].amount",
        "合同 HT-2026-002 的分包金额累计 138万元（1,380,000元），达到合同金额 9.8万元（98,000元）：等于把中标项目肢解后分别转让（第十四条）。",
        "核对分包范围：中标单位须自行完成主体工作，分包只能是其中一部分。",
    )
]
EXPECTED["a14 subcontract without amount"] = [
    (
        -1,
        "records[27].amount",
        "合同 HT-2026-001 的分包金额累计 338万元（3,380,000元），达到合同金额 338万元（3,380,000元）：等于把中标项目肢解后分别转让（第十四条）。",
        "核对分包范围：中标单位须自行完成主体工作，分包只能是其中一部分。",
    )
]
EXPECTED["a14 subcontracts a yuan short"] = []
EXPECTED["a14 subcontracts reach the contract"] = [
    (
        'amount: "138万元"',
        "records[27].amount",
        "合同 HT-2026-001 的分包金额累计 338万元（3,380,000元），达到合同金额 338万元（3,380,000元）：等于把中标项目肢解后分别转让（第十四条）。",
        "核对分包范围：中标单位须自行完成主体工作，分包只能是其中一部分。",
    )
]
EXPECTED["a14 transfer"] = [
    (
        "- kind: transfer",
        "records[26]",
        "合同 HT-2026-001 的中标项目转让给了“沈阳某某科技有限公司”：第十四条规定项目中标单位不得向他人转让中标项目。",
        "终止转让，由中标单位自行履行；已发生的，报市数据局、市财政局处理。",
    )
]
EXPECTED["a15 a procurement without a budget"] = [
    (
        'estimate: "386万元"     # 可研投资估算',
        "investment.budget",
        "已有采购或合同，档案里却没有批复概算，无法核对是否超概算（第十五条）。",
        "在 investment.budget 写批复概算，或在初步设计及概算批复记录中写 amount。",
    )
]
EXPECTED["a15 an approval of another subject"] = []
EXPECTED["a15 an opinion on another subject"] = [
    (
        -5,
        "records[27]",
        "2026-09-01 的重新审批之前没有市发展和改革局的重新提级论证意见（第十五条）。",
        "补录 opinion 记录（subject: 重新提级论证，issuer: 大石桥市发展和改革局，日期不晚于重新审批）。",
    )
]
EXPECTED["a15 approval without amount"] = []
EXPECTED["a15 budget differs from the approval"] = [
    (
        'budget: "327.5万元"     # 批复概算：合同和支付累计不得超过此数（第十五条）',
        "investment.budget",
        "investment.budget 写的批复概算 327.5万元（3,275,000元） 与初步设计及概算批复（2026-04-10）的金额 372.5万元（3,725,000元） 不一致：第十五条要求严格执行已批复的概算，xmgl 以 investment.budget 核对合同和支付。",
        "按批复文件改正其中一处。",
    )
]
EXPECTED["a15 budget differs, re-approved"] = []
EXPECTED["a15 content change with an amount"] = []
EXPECTED["a15 content changed approved"] = []
EXPECTED["a15 content changed unapproved"] = [
    (
        "- kind: change",
        "records[26].approval_no",
        "2026-08-20 的内容变更没有批复文号：第十五条规定项目单位应当严格执行已批复的初步设计及概算，不得擅自调整项目规模、内容、标准、投资。",
        "报原审批部门（市营商环境建设局）批准后，在 approval_no 写批复文号，并补录 approval 记录（subject: 变更 或 重新审批）。",
    )
]
EXPECTED["a15 contracts a yuan over the budget"] = [
    (
        243,
        "records[17].amount",
        "合同金额累计 347.8万元（3,478,000元），超过批复概算 347.79万元（3,477,900元）：第十五条规定不得擅自调整投资；确需增加投资的，须报市发展和改革局重新提级论证、报市营商环境建设局重新审批。",
        "核对金额；确需增加投资的，办理重新审批后补录 approval 记录（subject: 重新审批，amount 为新的概算）。",
    )
]
EXPECTED["a15 contracts exactly the budget"] = []
EXPECTED["a15 contracts without a budget"] = [
    (
        'estimate: "386万元"     # 可研投资估算',
        "investment.budget",
        "已有采购或合同，档案里却没有批复概算，无法核对是否超概算（第十五条）。",
        "在 investment.budget 写批复概算，或在初步设计及概算批复记录中写 amount。",
    )
]
EXPECTED["a15 investment change without amount"] = []
EXPECTED["a15 investment increased"] = [
    (
        'amount_delta: "20万元"',
        "records[26].amount_delta",
        "2026-08-20 的变更增加投资 20万元（200,000元），没有重新审批记录：第十五条规定确需增加投资的，应报市发展和改革局重新提级论证、报市营商环境建设局重新审批。",
        "补录重新提级论证意见（opinion，subject: 重新提级论证）和重新审批（approval，subject: 重新审批，amount 为新的概算）。",
    )
]
EXPECTED["a15 investment increased and re-approved"] = []
EXPECTED["a15 investment increased by a yuan"] = [
    (
        'amount_delta: "1元"',
        "records[26].amount_delta",
        "2026-08-20 的变更增加投资 0.0001万元（1元），没有重新审批记录：第十五条规定确需增加投资的，应报市发展和改革局重新提级论证、报市营商环境建设局重新审批。",
        "补录重新提级论证意见（opinion，subject: 重新提级论证）和重新审批（approval，subject: 重新审批，amount 为新的概算）。",
    )
]
EXPECTED["a15 investment unchanged"] = []
EXPECTED["a15 no budget fact"] = []
EXPECTED["a15 no budget to compare with"] = []
EXPECTED["a15 nothing bought without a budget"] = []
EXPECTED["a15 payments over the budget"] = [
    (
        'amount: "200万元"',
        "records[26].amount",
        "支付金额累计 405.74万元（4,057,400元），超过批复概算 372.5万元（3,725,000元）：第十五条规定不得擅自调整投资；确需增加投资的，须报市发展和改革局重新提级论证、报市营商环境建设局重新审批。",
        "核对金额；确需增加投资的，办理重新审批后补录 approval 记录（subject: 重新审批，amount 为新的概算）。",
    )
]
EXPECTED["a15 re-approval before the regulation"] = []
EXPECTED["a15 re-approval without re-review"] = [
    (
        -5,
        "records[26]",
        "2026-09-01 的重新审批之前没有市发展和改革局的重新提级论证意见（第十五条）。",
        "补录 opinion 记录（subject: 重新提级论证，issuer: 大石桥市发展和改革局，日期不晚于重新审批）。",
    )
]
EXPECTED["a15 re-review by another body"] = [
    (
        -5,
        "records[27]",
        "2026-09-01 的重新审批之前没有市发展和改革局的重新提级论证意见（第十五条）。",
        "补录 opinion 记录（subject: 重新提级论证，issuer: 大石桥市发展和改革局，日期不晚于重新审批）。",
    )
]
EXPECTED["a15 re-review on the re-approval day"] = []
EXPECTED["a15 re-review the day after"] = [
    (
        -9,
        "records[26]",
        "2026-09-01 的重新审批之前没有市发展和改革局的重新提级论证意见（第十五条）。",
        "补录 opinion 记录（subject: 重新提级论证，issuer: 大石桥市发展和改革局，日期不晚于重新审批）。",
    )
]
EXPECTED["a15 schedule changed unapproved"] = []
EXPECTED["a15 the later approval counts"] = []
EXPECTED["a17 acceptance the day before application"] = [
    (
        -15,
        "records[26]",
        "2026-10-12 的竣工验收之前没有竣工验收申请记录（第十七条第一款）。",
        "补录 acceptance_application 记录（日期不晚于验收）。",
    )
]
EXPECTED["a17 acceptance the day of application"] = []
EXPECTED["a17 acceptance with third party"] = []
EXPECTED["a17 acceptance without application"] = [
    (
        "- kind: acceptance",
        "records[26]",
        "2026-10-12 的竣工验收之前没有竣工验收申请记录（第十七条第一款）。",
        "补录 acceptance_application 记录（日期不晚于验收）。",
    )
]
EXPECTED["a17 acceptance without application before the regulation"] = []
EXPECTED["a17 acceptance without third party"] = [
    (
        "- kind: acceptance",
        "records[26].third_party",
        "2026-10-12 的竣工验收没有写承担验收的第三方：第十七条规定由市数据局委托第三方完成竣工验收。",
        "在验收记录的 third_party 写第三方机构名称，organizer 写市数据局。",
    )
]
EXPECTED["a17 application with every attachment"] = []
EXPECTED["a17 application without attachments"] = [
    (
        "attachments: {}",
        "records[26].attachments.construction_summary",
        "2026-10-08 的竣工验收申请缺少项目建设总结：第十七条第二款要求一并附上项目建设总结、财务报告、监理报告、安全风险评估报告、密码应用安全性评估报告。",
        "把项目建设总结放进档案，在 attachments.construction_summary 写路径。",
    ),
    (
        "attachments: {}",
        "records[26].attachments.financial_report",
        "2026-10-08 的竣工验收申请缺少财务报告：第十七条第二款要求一并附上项目建设总结、财务报告、监理报告、安全风险评估报告、密码应用安全性评估报告。",
        "把财务报告放进档案，在 attachments.financial_report 写路径。",
    ),
    (
        "attachments: {}",
        "records[26].attachments.supervision_report",
        "2026-10-08 的竣工验收申请缺少监理报告：第十七条第二款要求一并附上项目建设总结、财务报告、监理报告、安全风险评估报告、密码应用安全性评估报告。",
        "把监理报告放进档案，在 attachments.supervision_report 写路径。",
    ),
    (
        "attachments: {}",
        "records[26].attachments.security_assessment",
        "2026-10-08 的竣工验收申请缺少安全风险评估报告（网络安全等级保护测评报告）：第十七条第二款要求一并附上项目建设总结、财务报告、监理报告、安全风险评估报告、密码应用安全性评估报告。",
        "把安全风险评估报告（网络安全等级保护测评报告）放进档案，在 attachments.security_assessment 写路径。",
    ),
    (
        "attachments: {}",
        "records[26].attachments.crypto_assessment",
        "2026-10-08 的竣工验收申请缺少密码应用安全性评估报告：第十七条第二款要求一并附上项目建设总结、财务报告、监理报告、安全风险评估报告、密码应用安全性评估报告。",
        "把密码应用安全性评估报告放进档案，在 attachments.crypto_assessment 写路径。",
    ),
]
EXPECTED["a17 application without crypto assessment"] = [
    (
        "construction_summary: docs/可研批复.md",
        "records[26].attachments.crypto_assessment",
        "2026-10-08 的竣工验收申请缺少密码应用安全性评估报告：第十七条第二款要求一并附上项目建设总结、财务报告、监理报告、安全风险评估报告、密码应用安全性评估报告。",
        "把密码应用安全性评估报告放进档案，在 attachments.crypto_assessment 写路径。",
    )
]
EXPECTED["a17 application without security assessment"] = [
    (
        "construction_summary: docs/可研批复.md",
        "records[26].attachments.security_assessment",
        "2026-10-08 的竣工验收申请缺少安全风险评估报告（网络安全等级保护测评报告）：第十七条第二款要求一并附上项目建设总结、财务报告、监理报告、安全风险评估报告、密码应用安全性评估报告。",
        "把安全风险评估报告（网络安全等级保护测评报告）放进档案，在 attachments.security_assessment 写路径。",
    )
]
EXPECTED["a17 applied after a failed preliminary acceptance"] = [
    (
        "- kind: acceptance_application",
        "records[27]",
        "2026-10-08 申请竣工验收，此前没有初步验收合格的记录：第十七条规定初验合格且系统稳定运行3个月以上至6个月内的，方可申请竣工验收。",
        "补录 preliminary_acceptance 记录（result: 合格，日期早于申请）。",
    )
]
EXPECTED["a17 applied stage with application"] = []
EXPECTED["a17 applied stage without application"] = [
    (
        "current: construction",
        "stage.current",
        "项目处于竣工验收阶段，却没有竣工验收申请记录（第十七条第一款）。",
        "补录 acceptance_application 记录（申请日期、受理单位、附件）。",
    )
]
EXPECTED["a17 applied stage without application, since written first"] = [
    (
        "current: construction",
        "stage.current",
        "项目处于竣工验收阶段，却没有竣工验收申请记录（第十七条第一款）。",
        "补录 acceptance_application 记录（申请日期、受理单位、附件）。",
    )
]
EXPECTED["a17 applied stage, no application, failed preliminary"] = [
    (
        "current: construction",
        "stage.current",
        "进入竣工验收申请阶段，却没有初步验收合格的记录（第十七条第一款）。",
        "补录 preliminary_acceptance 记录（result: 合格）。",
    )
]
EXPECTED["a17 applied stage, no application, no preliminary"] = [
    (
        "current: construction",
        "stage.current",
        "进入竣工验收申请阶段，却没有初步验收合格的记录（第十七条第一款）。",
        "补录 preliminary_acceptance 记录（result: 合格）。",
    )
]
EXPECTED["a17 applied stage, no application, passed preliminary"] = []
EXPECTED["a17 applied the day before preliminary acceptance"] = [
    (
        "- kind: acceptance_application",
        "records[26]",
        "2026-10-08 申请竣工验收，此前没有初步验收合格的记录：第十七条规定初验合格且系统稳定运行3个月以上至6个月内的，方可申请竣工验收。",
        "补录 preliminary_acceptance 记录（result: 合格，日期早于申请）。",
    )
]
EXPECTED["a17 applied the day of preliminary acceptance"] = []
EXPECTED["a17 applied without preliminary acceptance"] = [
    (
        "- kind: acceptance_application",
        "records[26]",
        "2026-10-08 申请竣工验收，此前没有初步验收合格的记录：第十七条规定初验合格且系统稳定运行3个月以上至6个月内的，方可申请竣工验收。",
        "补录 preliminary_acceptance 记录（result: 合格，日期早于申请）。",
    )
]
EXPECTED["a17 classified application without security assessment"] = [
    (
        "construction_summary: docs/可研批复.md",
        "records[26].attachments.security_assessment",
        "2026-10-08 的竣工验收申请缺少安全风险评估报告（涉密信息系统安全保密测评报告）：第十七条第二款要求一并附上项目建设总结、财务报告、监理报告、安全风险评估报告、密码应用安全性评估报告。",
        "把安全风险评估报告（涉密信息系统安全保密测评报告）放进档案，在 attachments.security_assessment 写路径。",
    )
]
EXPECTED["a17 classified system with its report"] = []
EXPECTED["a17 classified system with the mlps report"] = [
    (
        "security_assessment_kind: 网络安全等级保护测评报告",
        "records[26].attachments.security_assessment_kind",
        "2026-10-08 的竣工验收申请附的是网络安全等级保护测评报告，但本系统为涉密系统（security.classified: true）：第十七条第二款要求涉密信息系统附涉密信息系统安全保密测评报告。",
        "附上涉密信息系统安全保密测评报告，在 attachments.security_assessment 写路径、attachments.security_assessment_kind 写“涉密信息系统安全保密测评报告”；如 security.classified 写错了，先改正它。",
    )
]
EXPECTED["a17 no report, a wrong kind"] = []
EXPECTED["a17 no report, no kind"] = []
EXPECTED["a17 open system with its report"] = []
EXPECTED["a17 open system with the classified report"] = [
    (
        "security_assessment_kind: 涉密信息系统安全保密测评报告",
        "records[26].attachments.security_assessment_kind",
        "2026-10-08 的竣工验收申请附的是涉密信息系统安全保密测评报告，但本系统为非涉密系统（security.classified: false）：第十七条第二款要求非涉密信息系统附网络安全等级保护测评报告。",
        "附上网络安全等级保护测评报告，在 attachments.security_assessment 写路径、attachments.security_assessment_kind 写“网络安全等级保护测评报告”；如 security.classified 写错了，先改正它。",
    )
]
EXPECTED["a17 report kind not written"] = [
    (
        "security_assessment: docs/项目安全方案.md",
        "records[26].attachments.security_assessment",
        "2026-10-08 的竣工验收申请附了安全风险评估报告，却没有写明是哪一种：第十七条第二款要求涉密信息系统附涉密信息系统安全保密测评报告，非涉密信息系统附网络安全等级保护测评报告，本系统为非涉密系统（security.classified），须附网络安全等级保护测评报告。",
        "附上网络安全等级保护测评报告，在 attachments.security_assessment 写路径、attachments.security_assessment_kind 写“网络安全等级保护测评报告”；如 security.classified 写错了，先改正它。",
    )
]
EXPECTED["a17 report kind not written, classified"] = [
    (
        "security_assessment: docs/项目安全方案.md",
        "records[26].attachments.security_assessment",
        "2026-10-08 的竣工验收申请附了安全风险评估报告，却没有写明是哪一种：第十七条第二款要求涉密信息系统附涉密信息系统安全保密测评报告，非涉密信息系统附网络安全等级保护测评报告，本系统为涉密系统（security.classified），须附涉密信息系统安全保密测评报告。",
        "附上涉密信息系统安全保密测评报告，在 attachments.security_assessment 写路径、attachments.security_assessment_kind 写“涉密信息系统安全保密测评报告”；如 security.classified 写错了，先改正它。",
    )
]
EXPECTED["a18 in use after a failed acceptance"] = [
    (
        "- kind: go_live",
        "records[28]",
        "2026-10-01 投入运行时项目尚未通过竣工验收：第十八条规定未经竣工验收或竣工验收不合格的项目不得投入使用。",
        "核对日期；确已提前投入使用的，应停止使用，验收合格后再投入运行。",
    )
]
EXPECTED["a18 in use after the re-inspection"] = []
EXPECTED["a18 in use the day before acceptance"] = [
    (
        "- kind: go_live",
        "records[27]",
        "2026-09-30 投入运行时项目尚未通过竣工验收：第十八条规定未经竣工验收或竣工验收不合格的项目不得投入使用。",
        "核对日期；确已提前投入使用的，应停止使用，验收合格后再投入运行。",
    )
]
EXPECTED["a18 in use the day of acceptance"] = []
EXPECTED["a18 in use without acceptance"] = [
    (
        "- kind: go_live",
        "records[26]",
        "2026-10-01 投入运行时项目尚未通过竣工验收：第十八条规定未经竣工验收或竣工验收不合格的项目不得投入使用。",
        "核对日期；确已提前投入使用的，应停止使用，验收合格后再投入运行。",
    )
]
EXPECTED["a18 paid a yuan short before acceptance"] = []
EXPECTED["a18 paid after a failed re-inspection"] = [
    (
        -4,
        "records[29]",
        "2026-10-06 向合同 HT-2026-001 支付 1万元（10,000元），此时竣工验收不合格（2026-10-01）且尚未复验合格：第十八条规定不得支付剩余资金建设。",
        "暂停支付，整改并经市数据局复验合格后再付；如日期记错，改正支付日期。",
    )
]
EXPECTED["a18 paid after a passed acceptance"] = []
EXPECTED["a18 paid after a second failure"] = [
    (
        -4,
        "records[31]",
        "2026-11-02 向合同 HT-2026-001 支付 1万元（10,000元），此时竣工验收不合格（2026-11-01）且尚未复验合格：第十八条规定不得支付剩余资金建设。",
        "暂停支付，整改并经市数据局复验合格后再付；如日期记错，改正支付日期。",
    )
]
EXPECTED["a18 paid in full before acceptance"] = [
    (
        -8,
        "records[26]",
        "2026-10-10 付清建设合同 HT-2026-001（累计 338万元（3,380,000元），合同 338万元（3,380,000元）），而项目尚未通过竣工验收：第十八条规定未经竣工验收的项目不得支付剩余资金。",
        "尾款留待竣工验收合格后支付；如验收已合格，补录 acceptance 记录。",
    )
]
EXPECTED["a18 paid in full the day before acceptance"] = [
    (
        -9,
        "records[27]",
        "2026-10-09 付清建设合同 HT-2026-001（累计 338万元（3,380,000元），合同 338万元（3,380,000元）），而项目尚未通过竣工验收：第十八条规定未经竣工验收的项目不得支付剩余资金。",
        "尾款留待竣工验收合格后支付；如验收已合格，补录 acceptance 记录。",
    )
]
EXPECTED["a18 paid in full the day of acceptance"] = []
EXPECTED["a18 paid the day after a failed acceptance"] = [
    (
        -4,
        "records[28]",
        "2026-10-02 向合同 HT-2026-001 支付 1万元（10,000元），此时竣工验收不合格（2026-10-01）且尚未复验合格：第十八条规定不得支付剩余资金建设。",
        "暂停支付，整改并经市数据局复验合格后再付；如日期记错，改正支付日期。",
    )
]
EXPECTED["a18 paid the day before the re-inspection"] = [
    (
        -7,
        "records[28]",
        "2026-10-04 向合同 HT-2026-001 支付 1万元（10,000元），此时竣工验收不合格（2026-10-01）且尚未复验合格：第十八条规定不得支付剩余资金建设。",
        "暂停支付，整改并经市数据局复验合格后再付；如日期记错，改正支付日期。",
    )
]
EXPECTED["a18 paid the day of a failed acceptance"] = []
EXPECTED["a18 paid the day of the re-inspection"] = []
EXPECTED["a18 payment of an unknown contract"] = []
EXPECTED["a18 re-inspected the day of the failure"] = [
    (
        -4,
        "records[29]",
        "2026-10-02 向合同 HT-2026-001 支付 1万元（10,000元），此时竣工验收不合格（2026-10-01）且尚未复验合格：第十八条规定不得支付剩余资金建设。",
        "暂停支付，整改并经市数据局复验合格后再付；如日期记错，改正支付日期。",
    )
]
EXPECTED["a18 supervision paid after a failed acceptance"] = []
EXPECTED["a18 supervision paid in full before acceptance"] = []
EXPECTED["a19 self-evaluation sent to both"] = []
EXPECTED["a19 self-evaluation sent to the data bureau only"] = [
    (
        "sent_to: [大石桥市数据局]",
        "records[26].sent_to",
        "2026-10-14 的自评价报告没有报送市财政局：第十九条规定自评价报告报送市数据局和市财政局。",
        "报送后在 sent_to 加上大石桥市财政局。",
    )
]
EXPECTED["a19 self-evaluation sent to the government"] = [
    (
        "sent_to: [大石桥市人民政府]",
        "records[26].sent_to",
        "2026-10-14 的自评价报告没有报送市数据局、市财政局：第十九条规定自评价报告报送市数据局和市财政局。",
        "报送后在 sent_to 加上大石桥市数据局、大石桥市财政局。",
    )
]
EXPECTED["a20 finding with deadline"] = []
EXPECTED["a20 finding without deadline"] = [
    (
        "- kind: supervision_finding",
        "records[26].deadline",
        "2026-09-01 大石桥市委网信办发现的问题没有记录整改期限：第二十条规定发现问题的应当要求项目单位限期整改。",
        "在该记录的 deadline 写整改通知规定的期限。",
    )
]
EXPECTED["a20 sanction the day before the finding"] = [
    (
        "- kind: suspension",
        "records[26]",
        "2026-10-09 暂停项目建设，档案中此前没有监督检查发现问题的记录：第二十条规定逾期不整改或整改后仍不符合要求的，市数据局可以暂缓安排投资计划、暂停直至终止。",
        "补录 supervision_finding 记录（发现问题、整改期限）和相应的整改记录。",
    )
]
EXPECTED["a20 sanction the day of the finding"] = []
EXPECTED["a20 sanctions without finding"] = [
    (
        "- kind: termination",
        "records[26]",
        "2026-10-01 终止项目，档案中此前没有监督检查发现问题的记录：第二十条规定逾期不整改或整改后仍不符合要求的，市数据局可以暂缓安排投资计划、暂停直至终止。",
        "补录 supervision_finding 记录（发现问题、整改期限）和相应的整改记录。",
    ),
    (
        "- kind: suspension",
        "records[27]",
        "2026-10-02 暂停项目建设，档案中此前没有监督检查发现问题的记录：第二十条规定逾期不整改或整改后仍不符合要求的，市数据局可以暂缓安排投资计划、暂停直至终止。",
        "补录 supervision_finding 记录（发现问题、整改期限）和相应的整改记录。",
    ),
    (
        "- kind: deferral",
        "records[28]",
        "2026-10-03 暂缓安排投资计划，档案中此前没有监督检查发现问题的记录：第二十条规定逾期不整改或整改后仍不符合要求的，市数据局可以暂缓安排投资计划、暂停直至终止。",
        "补录 supervision_finding 记录（发现问题、整改期限）和相应的整改记录。",
    ),
]
EXPECTED["a21 contract registered twice"] = [
    (
        240,
        "records[17].id",
        "合同编号 HT-2026-001 重复登记（第一次在 2026-06-01）：第二十一条要求如实提供资料，一个编号只能对应一份合同。",
        "删除重复的记录；补充协议请用新的编号，并在 note 说明所属合同。",
    ),
    (
        "contract: HT-2026-002",
        "records[22].contract",
        "2026-06-20 的记录引用了未登记的合同 HT-2026-002（第二十一条：资料须真实、完整、可核对）。",
        "核对合同编号，或先补录该合同的 contract 记录。",
    ),
]
EXPECTED["a21 no stage history"] = []
EXPECTED["a21 records after today"] = [
    (
        "date: 2026-09-08",
        "records[24].date",
        "记录日期 2026-09-08 晚于今天（2026-09-07）：记录应如实反映已经发生的事（第二十一条）。",
        "核对日期（常见是年份写错）；尚未发生的事不要提前记录。",
    ),
    (
        "date: 2026-09-30",
        "records[25].date",
        "记录日期 2026-09-30 晚于今天（2026-09-07）：记录应如实反映已经发生的事（第二十一条）。",
        "核对日期（常见是年份写错）；尚未发生的事不要提前记录。",
    ),
]
EXPECTED["a21 records of an unknown contract"] = [
    (
        "contract: HT-2026-009",
        "records[26].contract",
        "2026-10-01 的记录引用了未登记的合同 HT-2026-009（第二十一条：资料须真实、完整、可核对）。",
        "核对合同编号，或先补录该合同的 contract 记录。",
    ),
    (
        "contract: HT-2026-008",
        "records[27].contract",
        "2026-07-01 的记录引用了未登记的合同 HT-2026-008（第二十一条：资料须真实、完整、可核对）。",
        "核对合同编号，或先补录该合同的 contract 记录。",
    ),
    (
        "contract: HT-2026-007",
        "records[28].contract",
        "2026-08-01 的记录引用了未登记的合同 HT-2026-007（第二十一条：资料须真实、完整、可核对）。",
        "核对合同编号，或先补录该合同的 contract 记录。",
    ),
]
EXPECTED["a21 records of known contracts"] = []
EXPECTED["a21 stage as recorded"] = []
EXPECTED["a21 stage changed by hand"] = [
    (
        "current: procurement",
        "stage.current",
        "当前阶段是“procurement”，最后一条阶段变更记录却是变更为“construction”（2026-06-01）：阶段被手工改过或漏记了变更（第二十一条）。",
        "用 xmgl advance 变更阶段（会同时写记录并签名提交），不要手工改 stage.current。",
    )
]
EXPECTED["a21 the last record today"] = []
EXPECTED["a21 the last record tomorrow"] = [
    (
        "date: 2026-09-30",
        "records[25].date",
        "记录日期 2026-09-30 晚于今天（2026-09-29）：记录应如实反映已经发生的事（第二十一条）。",
        "核对日期（常见是年份写错）；尚未发生的事不要提前记录。",
    )
]
EXPECTED["a23 another approval the same day"] = [
    (
        184,
        "records[9]",
        "项目于 2025-05-19 批复，早于本办法施行日（2025-05-20）：施行前发生的事项和已届满的期限不按本办法检查（第二十三条）。",
        "无需处理；施行后发生的事项仍按本办法检查。",
    )
]
EXPECTED["a23 approved the day before the regulation"] = [
    (
        180,
        "records[8]",
        "项目于 2025-05-19 批复，早于本办法施行日（2025-05-20）：施行前发生的事项和已届满的期限不按本办法检查（第二十三条）。",
        "无需处理；施行后发生的事项仍按本办法检查。",
    )
]
EXPECTED["a23 approved the day it took effect"] = []
EXPECTED["a23 never approved"] = []
EXPECTED["a8 a midyear inclusion, then a regular one not sent"] = [
    (
        -4,
        "records[26]",
        "列入 2027 年度投资计划，却没有此前报送 2027 年度项目计划的记录：第八条要求项目单位按市数据局征集的要求和时限报送材料。",
        "补录 plan_submission 记录（year: 2027、报送日期）；如是年中新增项目，在 plan_inclusion 写 midyear: true 并按第九条第二款补齐意见和市政府同意。",
    )
]
EXPECTED["a8 inclusion the day before the regulation"] = []
EXPECTED["a8 inclusion the day the regulation took effect"] = [
    (
        "- kind: plan_inclusion",
        "records[2]",
        "列入 2026 年度投资计划，却没有此前报送 2026 年度项目计划的记录：第八条要求项目单位按市数据局征集的要求和时限报送材料。",
        "补录 plan_submission 记录（year: 2026、报送日期）；如是年中新增项目，在 plan_inclusion 写 midyear: true 并按第九条第二款补齐意见和市政府同意。",
    )
]
EXPECTED["a8 midyear inclusion needs no submission"] = []
EXPECTED["a8 no submission"] = [
    (
        "- kind: plan_inclusion",
        "records[2]",
        "列入 2026 年度投资计划，却没有此前报送 2026 年度项目计划的记录：第八条要求项目单位按市数据局征集的要求和时限报送材料。",
        "补录 plan_submission 记录（year: 2026、报送日期）；如是年中新增项目，在 plan_inclusion 写 midyear: true 并按第九条第二款补齐意见和市政府同意。",
    )
]
EXPECTED["a8 plan stage with a submission only"] = []
EXPECTED["a8 plan stage with nothing sent"] = [
    (
        "current: construction",
        "stage.current",
        "项目已进入年度计划阶段，却没有报送年度项目计划的记录（第八条）。",
        "补录 plan_submission 记录（计划年度、报送日期、报送单位）。",
    )
]
EXPECTED["a8 submitted for another year"] = [
    (
        "- kind: plan_inclusion",
        "records[3]",
        "列入 2026 年度投资计划，却没有此前报送 2026 年度项目计划的记录：第八条要求项目单位按市数据局征集的要求和时限报送材料。",
        "补录 plan_submission 记录（year: 2026、报送日期）；如是年中新增项目，在 plan_inclusion 写 midyear: true 并按第九条第二款补齐意见和市政府同意。",
    )
]
EXPECTED["a8 submitted the day after inclusion"] = [
    (
        "- kind: plan_inclusion",
        "records[3]",
        "列入 2026 年度投资计划，却没有此前报送 2026 年度项目计划的记录：第八条要求项目单位按市数据局征集的要求和时限报送材料。",
        "补录 plan_submission 记录（year: 2026、报送日期）；如是年中新增项目，在 plan_inclusion 写 midyear: true 并按第九条第二款补齐意见和市政府同意。",
    )
]
EXPECTED["a8 submitted the day of inclusion"] = []
EXPECTED["a9 a regular inclusion is no midyear one"] = []
EXPECTED["a9 adjustment applied for by another body"] = [
    (
        -4,
        "records[29]",
        "2026-07-01 的计划调整批复之前缺少：由行业主管部门（大石桥市住房和城乡建设局）提出的调整申请。第九条第二款规定计划调整须由行业主管部门申请，市数据局审核并征求市发展和改革局、市财政局意见，报市政府同意。",
        "补录缺少的申请和意见记录（日期须在市政府同意之前）；确未履行的，须补办程序。",
    )
]
EXPECTED["a9 adjustment applied for the day after"] = [
    (
        -4,
        "records[29]",
        "2026-07-01 的计划调整批复之前缺少：行业主管部门向市数据局提出的调整申请（application，subject: 计划调整）。第九条第二款规定计划调整须由行业主管部门申请，市数据局审核并征求市发展和改革局、市财政局意见，报市政府同意。",
        "补录缺少的申请和意见记录（日期须在市政府同意之前）；确未履行的，须补办程序。",
    )
]
EXPECTED["a9 adjustment before the regulation"] = []
EXPECTED["a9 adjustment the day it took effect"] = [
    (
        -4,
        "records[26]",
        "2025-05-20 的计划调整批复之前缺少：行业主管部门向市数据局提出的调整申请（application，subject: 计划调整）；市发展和改革局的意见（opinion，subject: 计划调整）；市财政局的意见（opinion，subject: 计划调整）。第九条第二款规定计划调整须由行业主管部门申请，市数据局审核并征求市发展和改革局、市财政局意见，报市政府同意。",
        "补录缺少的申请和意见记录（日期须在市政府同意之前）；确未履行的，须补办程序。",
    )
]
EXPECTED["a9 adjustment with every step"] = []
EXPECTED["a9 adjustment with no step"] = [
    (
        -4,
        "records[26]",
        "2026-07-01 的计划调整批复之前缺少：行业主管部门向市数据局提出的调整申请（application，subject: 计划调整）；市发展和改革局的意见（opinion，subject: 计划调整）；市财政局的意见（opinion，subject: 计划调整）。第九条第二款规定计划调整须由行业主管部门申请，市数据局审核并征求市发展和改革局、市财政局意见，报市政府同意。",
        "补录缺少的申请和意见记录（日期须在市政府同意之前）；确未履行的，须补办程序。",
    )
]
EXPECTED["a9 adjustment, an opinion by another body"] = [
    (
        -4,
        "records[29]",
        "2026-07-01 的计划调整批复之前缺少：市财政局的意见（opinion，subject: 计划调整）。第九条第二款规定计划调整须由行业主管部门申请，市数据局审核并征求市发展和改革局、市财政局意见，报市政府同意。",
        "补录缺少的申请和意见记录（日期须在市政府同意之前）；确未履行的，须补办程序。",
    )
]
EXPECTED["a9 adjustment, an opinion on another subject"] = [
    (
        -4,
        "records[29]",
        "2026-07-01 的计划调整批复之前缺少：市财政局的意见（opinion，subject: 计划调整）。第九条第二款规定计划调整须由行业主管部门申请，市数据局审核并征求市发展和改革局、市财政局意见，报市政府同意。",
        "补录缺少的申请和意见记录（日期须在市政府同意之前）；确未履行的，须补办程序。",
    )
]
EXPECTED["a9 adjustment, every step on the approval day"] = []
EXPECTED["a9 adjustment, opinion after the approval"] = [
    (
        -4,
        "records[29]",
        "2026-07-01 的计划调整批复之前缺少：市财政局的意见（opinion，subject: 计划调整）。第九条第二款规定计划调整须由行业主管部门申请，市数据局审核并征求市发展和改革局、市财政局意见，报市政府同意。",
        "补录缺少的申请和意见记录（日期须在市政府同意之前）；确未履行的，须补办程序。",
    )
]
EXPECTED["a9 adjustment, opinion before the application"] = [
    (
        -4,
        "records[29]",
        "2026-07-01 的计划调整批复之前缺少：市发展和改革局的意见（opinion，subject: 计划调整）。第九条第二款规定计划调整须由行业主管部门申请，市数据局审核并征求市发展和改革局、市财政局意见，报市政府同意。",
        "补录缺少的申请和意见记录（日期须在市政府同意之前）；确未履行的，须补办程序。",
    )
]
EXPECTED["a9 adjustment, opinion on the application day"] = []
EXPECTED["a9 adjustment, the first application opens the window"] = []
EXPECTED["a9 another approval is no adjustment"] = []
EXPECTED["a9 included"] = []
EXPECTED["a9 midyear approved the day after inclusion"] = [
    (
        "- kind: plan_inclusion",
        "records[3]",
        "2026-01-15 年中纳入年度投资计划之前缺少：市政府同意（approval，subject: 年中纳入）。第九条第二款规定年中需要建设的项目，由项目单位先征求市发展和改革局、市财政局、市数据局意见，报市政府同意后纳入。",
        "补录意见（opinion，subject: 年中纳入）和市政府同意（approval，subject: 年中纳入）记录，日期须在纳入计划之前。",
    )
]
EXPECTED["a9 midyear approved the day of inclusion"] = []
EXPECTED["a9 midyear inclusion before the regulation"] = []
EXPECTED["a9 midyear inclusion the day it took effect"] = [
    (
        "- kind: plan_inclusion",
        "records[3]",
        "2025-05-20 年中纳入年度投资计划之前缺少：市发展和改革局的意见、市财政局的意见、市数据局的意见、市政府同意（approval，subject: 年中纳入）。第九条第二款规定年中需要建设的项目，由项目单位先征求市发展和改革局、市财政局、市数据局意见，报市政府同意后纳入。",
        "补录意见（opinion，subject: 年中纳入）和市政府同意（approval，subject: 年中纳入）记录，日期须在纳入计划之前。",
    )
]
EXPECTED["a9 midyear opinion after the approval"] = [
    (
        "- kind: plan_inclusion",
        "records[3]",
        "2026-01-15 年中纳入年度投资计划之前缺少：市数据局的意见。第九条第二款规定年中需要建设的项目，由项目单位先征求市发展和改革局、市财政局、市数据局意见，报市政府同意后纳入。",
        "补录意见（opinion，subject: 年中纳入）和市政府同意（approval，subject: 年中纳入）记录，日期须在纳入计划之前。",
    )
]
EXPECTED["a9 midyear opinion after the first of two approvals"] = []
EXPECTED["a9 midyear opinion on the approval day"] = []
EXPECTED["a9 midyear opinions on another subject"] = [
    (
        "- kind: plan_inclusion",
        "records[3]",
        "2026-01-15 年中纳入年度投资计划之前缺少：市发展和改革局的意见、市财政局的意见、市数据局的意见。第九条第二款规定年中需要建设的项目，由项目单位先征求市发展和改革局、市财政局、市数据局意见，报市政府同意后纳入。",
        "补录意见（opinion，subject: 年中纳入）和市政府同意（approval，subject: 年中纳入）记录，日期须在纳入计划之前。",
    )
]
EXPECTED["a9 midyear with every step"] = []
EXPECTED["a9 midyear with no step"] = [
    (
        "- kind: plan_inclusion",
        "records[3]",
        "2026-01-15 年中纳入年度投资计划之前缺少：市发展和改革局的意见、市财政局的意见、市数据局的意见、市政府同意（approval，subject: 年中纳入）。第九条第二款规定年中需要建设的项目，由项目单位先征求市发展和改革局、市财政局、市数据局意见，报市政府同意后纳入。",
        "补录意见（opinion，subject: 年中纳入）和市政府同意（approval，subject: 年中纳入）记录，日期须在纳入计划之前。",
    )
]
EXPECTED["a9 no inclusion"] = [
    (
        "current: construction",
        "stage.current",
        "项目已立项，却没有列入年度项目投资计划的记录：第九条规定年度投资计划确定拟实施的项目清单，报市政府同意后实施；年中需要建设的项目须按第九条第二款纳入。",
        "补录 plan_inclusion 记录（计划年度、文号）；年中新增的写 midyear: true。",
    )
]
EXPECTED["a9 no inclusion, approved before the regulation"] = []
EXPECTED["a9 no inclusion, approved the day it took effect"] = [
    (
        "current: construction",
        "stage.current",
        "项目已立项，却没有列入年度项目投资计划的记录：第九条规定年度投资计划确定拟实施的项目清单，报市政府同意后实施；年中需要建设的项目须按第九条第二款纳入。",
        "补录 plan_inclusion 记录（计划年度、文号）；年中新增的写 midyear: true。",
    )
]
EXPECTED["a9 no inclusion, no approval"] = [
    (
        "current: construction",
        "stage.current",
        "项目已立项，却没有列入年度项目投资计划的记录：第九条规定年度投资计划确定拟实施的项目清单，报市政府同意后实施；年中需要建设的项目须按第九条第二款纳入。",
        "补录 plan_inclusion 记录（计划年度、文号）；年中新增的写 midyear: true。",
    )
]
EXPECTED["a9 no inclusion, since written first"] = [
    (
        "current: construction",
        "stage.current",
        "项目已立项，却没有列入年度项目投资计划的记录：第九条规定年度投资计划确定拟实施的项目清单，报市政府同意后实施；年中需要建设的项目须按第九条第二款纳入。",
        "补录 plan_inclusion 记录（计划年度、文号）；年中新增的写 midyear: true。",
    )
]
EXPECTED["A11-DATA-SHARING met by the example"] = []
EXPECTED["A11-SECURITY-DOCS met by the example"] = []
EXPECTED["A13-TENDER met by the example"] = []
EXPECTED["A13-CONTRACT met by the example"] = []
EXPECTED["A14-TRANSFER met by the example"] = []
EXPECTED["a9 a regular inclusion, then a midyear one without steps"] = [
    (
        -5,
        "records[26]",
        "2026-10-01 年中纳入年度投资计划之前缺少：市发展和改革局的意见、市财政局的意见、市数据局的意见、市政府同意（approval，subject: 年中纳入）。第九条第二款规定年中需要建设的项目，由项目单位先征求市发展和改革局、市财政局、市数据局意见，报市政府同意后纳入。",
        "补录意见（opinion，subject: 年中纳入）和市政府同意（approval，subject: 年中纳入）记录，日期须在纳入计划之前。",
    )
]
EXPECTED["a15 a contract without a budget"] = [
    (
        'estimate: "386万元"     # 可研投资估算',
        "investment.budget",
        "已有采购或合同，档案里却没有批复概算，无法核对是否超概算（第十五条）。",
        "在 investment.budget 写批复概算，或在初步设计及概算批复记录中写 amount。",
    )
]
EXPECTED["a15 contracts and payments over the budget"] = [
    (
        236,
        "records[16].amount",
        "合同金额累计 338万元（3,380,000元），超过批复概算 300万元（3,000,000元）：第十五条规定不得擅自调整投资；确需增加投资的，须报市发展和改革局重新提级论证、报市营商环境建设局重新审批。",
        "核对金额；确需增加投资的，办理重新审批后补录 approval 记录（subject: 重新审批，amount 为新的概算）。",
    ),
    (
        'amount: "200万元"',
        "records[26].amount",
        "支付金额累计 405.74万元（4,057,400元），超过批复概算 300万元（3,000,000元）：第十五条规定不得擅自调整投资；确需增加投资的，须报市发展和改革局重新提级论证、报市营商环境建设局重新审批。",
        "核对金额；确需增加投资的，办理重新审批后补录 approval 记录（subject: 重新审批，amount 为新的概算）。",
    ),
]
EXPECTED["a12 an approval before the regulation, then an unevaluated one"] = [
    (
        201,
        "records[11]",
        "2026-04-10 的初步设计及概算批复之前没有第三方评估论证（初步设计）：评估论证（2026-04-11）晚于批复。第十二条规定市营商环境建设局委托第三方中介服务机构评估论证后予以批复。",
        "补录 evaluation 记录（subject: 初步设计，评估日期不晚于批复日期）；确未评估的，批复依据不足，请与市营商环境建设局核实。",
    )
]
EXPECTED["a10 in the merged stage, entering the next one undeclared"] = [
    (
        "requested: false",
        "merged_fsr_pd",
        "项目处于“可研代初步设计编报”阶段，档案却没有申明合并编报（第十条）。",
        "在 merged_fsr_pd 写 requested: true 和依据 grounds。",
    )
]
EXPECTED["a17 a right report, then a wrong one"] = [
    (
        "security_assessment_kind: 涉密信息系统安全保密测评报告",
        "records[27].attachments.security_assessment_kind",
        "2026-10-09 的竣工验收申请附的是涉密信息系统安全保密测评报告，但本系统为非涉密系统（security.classified: false）：第十七条第二款要求非涉密信息系统附网络安全等级保护测评报告。",
        "附上网络安全等级保护测评报告，在 attachments.security_assessment 写路径、attachments.security_assessment_kind 写“网络安全等级保护测评报告”；如 security.classified 写错了，先改正它。",
    )
]
EXPECTED["a17 no report, then a wrong one"] = [
    (
        "security_assessment_kind: 涉密信息系统安全保密测评报告",
        "records[27].attachments.security_assessment_kind",
        "2026-10-09 的竣工验收申请附的是涉密信息系统安全保密测评报告，但本系统为非涉密系统（security.classified: false）：第十七条第二款要求非涉密信息系统附网络安全等级保护测评报告。",
        "附上网络安全等级保护测评报告，在 attachments.security_assessment 写路径、attachments.security_assessment_kind 写“网络安全等级保护测评报告”；如 security.classified 写错了，先改正它。",
    )
]
EXPECTED["a18 paid the day a second acceptance passed"] = []
