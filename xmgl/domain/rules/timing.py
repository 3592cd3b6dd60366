"""The time bounds: 第八条 plan submission, 第十六条 quarterly reports, 第十七条 the
acceptance window, 第十八条 rectification, 第十九条 self-evaluation, 第二十条 supervision.

No date arithmetic here: :func:`xmgl.domain.deadlines.obligations` computes every
obligation (calendar months, 以上/以内 inclusive, last days moved past a 法定休假日)
and these rules only say what its status means. An obligation whose nominal last
day falls before the regulation took effect (第二十三条) is not checked.

Severity follows what can still be done: an obligation overdue today is an error
(do it now); one done late or early is history and a warning, so that it does not
block ``xmgl advance`` for ever; one open or not yet open is an info line telling
the user when it falls due.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Iterator

from xmgl.domain import deadlines as DL
from xmgl.domain.bounds import ACCEPTANCE as A17
from xmgl.domain.bounds import QUARTERLY as A16
from xmgl.domain.bounds import RECTIFICATION as A18
from xmgl.domain.bounds import SELF_EVALUATION as A19
from xmgl.domain.regulation import EFFECTIVE
from xmgl.domain.rules.base import ALL, Context, E, Hit, I, Severity, W, hit, rule, since


def _obligations(ctx: Context, kind: str) -> list[DL.Obligation]:
    every = ctx.cached("obligations", lambda: DL.obligations(ctx.d, ctx.as_of))
    return [o for o in every if o.kind == kind and o.due.nominal >= EFFECTIVE]


def _due(o: DL.Obligation) -> str:
    text = o.due.in_force.isoformat()
    if o.due.moved:
        text += f"（名义截止日 {o.due.nominal.isoformat()} 为法定休假日，顺延）"
    if o.due.notice:
        text += f"（{o.due.notice}）"
    return text


def _done(o: DL.Obligation) -> str:
    """The day ``o`` was done: said only of the statuses that have one (done, late)."""
    assert o.done is not None, o.status
    return o.done.isoformat()


def _opens(o: DL.Obligation) -> str:
    """The first allowed day: said only of a window (an obligation that has one)."""
    assert o.opens is not None, o.kind
    return o.opens.isoformat()


def _window(o: DL.Obligation) -> str:
    return f"{_opens(o)} 至 {_due(o)}"


def timing_rule(
    rule_id: str,
    article: int,
    clause: str,
    severity: Severity,
    stages: frozenset[str],
    title: str,
    kind: str,
    statuses: Collection[str],
    say: Callable[[DL.Obligation, Context], str],
    hint: str | Callable[[DL.Obligation], str],
) -> Callable[[Context], Iterator[Hit]]:
    """A rule that reports obligations of ``kind`` in one of ``statuses``."""

    @rule(rule_id, article, clause, severity, stages, title)
    def check(ctx: Context) -> Iterator[Hit]:
        for o in _obligations(ctx, kind):
            if o.status in statuses:
                yield hit(say(o, ctx), hint(o) if callable(hint) else hint, o.location)

    check.__name__ = rule_id
    return check


# ---------------------------------------------------------------- 第八条

timing_rule(
    "A8-SUBMISSION-LATE",
    8,
    "第八条",
    E,
    since("plan"),
    "年度项目计划须在征集截止日前报送",
    "plan_submission",
    {DL.DONE_LATE},
    lambda o, ctx: (
        f"{o.title}：{_done(o)} 才报送，晚于截止日 {_due(o)}。"
        "第八条要求项目单位按市数据局明确的要求和时限报送材料。"
    ),
    "核对报送日期；确属逾期报送的，应有市数据局同意补报的书面材料（放进档案并在记录 note 说明），"
    "否则不能据此列入年度计划。",
)
timing_rule(
    "A8-SUBMISSION-OVERDUE",
    8,
    "第八条",
    W,
    ALL,
    "征集截止日已过仍未报送年度项目计划",
    "plan_submission",
    {DL.OVERDUE},
    lambda o, ctx: f"{o.title}：截止日 {_due(o)} 已过，没有报送记录（第八条）。",
    "已报送的，补录 plan_submission 记录；未报送的，项目不能列入该年度计划，可按第九条第二款"
    "申请年中纳入。",
)
timing_rule(
    "A8-SUBMISSION-DUE",
    8,
    "第八条",
    I,
    ALL,
    "年度项目计划待报送",
    "plan_submission",
    {DL.OPEN},
    lambda o, ctx: f"{o.title}：请于 {_due(o)} 前报送市数据局（第八条）。",
    "报送后补录 plan_submission 记录。",
)

# ---------------------------------------------------------------- 第十六条

timing_rule(
    "A16-QUARTERLY-OVERDUE",
    16,
    "第十六条",
    E,
    since("approved"),
    f"{A16.span}向市数据局报送实施进展：已逾期",
    "quarterly_report",
    {DL.OVERDUE},
    lambda o, ctx: (
        f"{o.title}应于 {_due(o)} 前报送，已逾期：第十六条规定自项目批复之日起到"
        f"验收备案之日止，{A16.span}向市数据局报送项目实施进展情况。"
    ),
    lambda o: (
        f"编写第{o.period}期季度进展报告报送市数据局，然后补录 "
        f"quarterly_report 记录（period: {o.period}）。"
    ),
)
timing_rule(
    "A16-QUARTERLY-LATE",
    16,
    "第十六条",
    W,
    since("approved"),
    "季度进展报告逾期报送",
    "quarterly_report",
    {DL.DONE_LATE},
    lambda o, ctx: f"{o.title}于 {_done(o)} 报送，晚于截止日 {_due(o)}（第十六条）。",
    "已成事实，无需改动记录；以后的报告请按期报送（xmgl validate 会提示下一期的截止日）。",
)
timing_rule(
    "A16-QUARTERLY-DUE",
    16,
    "第十六条",
    I,
    since("approved"),
    "季度进展报告待报送",
    "quarterly_report",
    {DL.OPEN},
    lambda o, ctx: f"{o.title}：请于 {_due(o)} 前报送市数据局（第十六条）。",
    lambda o: f"报送后补录 quarterly_report 记录（period: {o.period}）。",
)

# ---------------------------------------------------------------- 第十七条

timing_rule(
    "A17-APPLY-TOO-EARLY",
    17,
    "第十七条第一款",
    E,
    since("preliminary_acceptance"),
    f"初验合格后须稳定运行{A17.lower}个月{A17.lower_word}方可申请竣工验收",
    "acceptance_window",
    {DL.DONE_EARLY},
    lambda o, ctx: (
        f"{_done(o)} 申请竣工验收，早于最早可申请日 {_opens(o)}："
        f"第十七条规定{A17.quote}的，方可申请（{o.title}）。"
    ),
    f"核对申请日期；确属提前申请的，应撤回，待稳定运行满{A17.lower}个月后、{A17.upper}个月内"
    "重新申请并补录新的 acceptance_application 记录。",
)
_A17_AGAIN = (
    "第十七条只允许初验合格且稳定运行{span}申请，此次初验的申请期限已过，申请资格已失效，"
    "不是补交就能了结的事。"
)
_A17_NOW = (
    "现在须重新组织初步验收（必要时先整改），补录新的 preliminary_acceptance 记录"
    "（result: 合格）；新的初验合格后稳定运行满{lower}个月、{upper}个月内向市数据局申请竣工验收，"
    "再补录 acceptance_application 记录。"
)

timing_rule(
    "A17-APPLY-OVERDUE",
    17,
    "第十七条第一款",
    E,
    since("preliminary_acceptance", terminated=False),
    f"初验合格后{A17.upper}个月{A17.upper_word}申请竣工验收：期限已过，申请资格失效",
    "acceptance_window",
    {DL.OVERDUE},
    lambda o, ctx: (
        f"初验合格已超过{A17.upper}个月（申请期限 {_window(o)}），没有申请竣工验收："
        + _A17_AGAIN.format(span=A17.span)
    ),
    _A17_NOW.format(lower=A17.lower, upper=A17.upper),
)
timing_rule(
    "A17-APPLY-LATE",
    17,
    "第十七条第一款",
    E,
    since("preliminary_acceptance"),
    f"竣工验收申请晚于初验合格后{A17.upper}个月：申请资格已失效",
    "acceptance_window",
    {DL.DONE_LATE},
    lambda o, ctx: (
        f"{_done(o)} 申请竣工验收，晚于期限 {_due(o)}：" + _A17_AGAIN.format(span=A17.span)
    ),
    "这次申请不能作为第十七条的竣工验收申请；" + _A17_NOW.format(lower=A17.lower, upper=A17.upper),
)
timing_rule(
    "A17-APPLY-WINDOW",
    17,
    "第十七条第一款",
    I,
    since("preliminary_acceptance", terminated=False),
    "竣工验收申请期限",
    "acceptance_window",
    {DL.OPEN, DL.NOT_YET_OPEN},
    lambda o, ctx: (
        f"可于 {_window(o)} 向市数据局申请竣工验收（第十七条：初验合格且稳定运行{A17.span}）。"
    ),
    "申请时附项目建设总结、财务报告、监理报告、安全风险评估报告、密码应用安全性评估报告。",
)

# ---------------------------------------------------------------- 第十八条

timing_rule(
    "A18-RECTIFICATION-OVERDUE",
    18,
    "第十八条",
    E,
    ALL,
    f"竣工验收不合格须{A18.span}完成整改：已逾期",
    "rectification",
    {DL.OVERDUE},
    lambda o, ctx: f"{o.title}：期限 {_due(o)} 已过，没有整改完成的记录（第十八条）。",
    "完成整改后补录 rectification 记录（subject: 竣工验收，completed: 完成日期），并申请市数据局复验。",
)
timing_rule(
    "A18-RECTIFICATION-LATE",
    18,
    "第十八条",
    W,
    ALL,
    f"竣工验收整改晚于{A18.upper}个月",
    "rectification",
    {DL.DONE_LATE},
    lambda o, ctx: f"{o.title}：{_done(o)} 才完成，晚于期限 {_due(o)}（第十八条）。",
    "已成事实；在复验申请中说明逾期原因。",
)
timing_rule(
    "A18-RECTIFICATION-DUE",
    18,
    "第十八条",
    I,
    ALL,
    "竣工验收整改期限",
    "rectification",
    {DL.OPEN},
    lambda o, ctx: f"{o.title}：请于 {_due(o)} 前完成（第十八条）。",
    "完成后补录 rectification 记录（completed: 完成日期），并申请市数据局复验。",
)

# ---------------------------------------------------------------- 第十九条

timing_rule(
    "A19-SELF-EVAL-OVERDUE",
    19,
    "第十九条",
    E,
    since("accepted", terminated=False),
    f"投入运行后{A19.upper}个月{A19.upper_word}开展自评价：已逾期",
    "self_evaluation",
    {DL.OVERDUE},
    lambda o, ctx: f"{o.title}：期限已过，没有自评价记录（第十九条）。",
    "尽快开展自评价，报送市数据局和市财政局后补录 self_evaluation 记录。",
)
timing_rule(
    "A19-SELF-EVAL-EARLY",
    19,
    "第十九条",
    W,
    since("accepted"),
    f"自评价早于投入运行后{A19.lower}个月",
    "self_evaluation",
    {DL.DONE_EARLY},
    lambda o, ctx: (
        f"{_done(o)} 的自评价早于最早日期 {_opens(o)}：第十九条规定"
        f"在通过验收并投入运行后{A19.span}开展（{o.title}）。"
    ),
    f"运行不满{A19.lower}个月的评价不能替代自评价；请在期限内重新开展并补录记录。",
)
timing_rule(
    "A19-SELF-EVAL-LATE",
    19,
    "第十九条",
    W,
    since("accepted"),
    f"自评价晚于投入运行后{A19.upper}个月",
    "self_evaluation",
    {DL.DONE_LATE},
    lambda o, ctx: f"{_done(o)} 的自评价晚于期限 {_due(o)}（第十九条）。",
    "已成事实；在自评价报告中说明逾期原因。",
)
timing_rule(
    "A19-SELF-EVAL-WINDOW",
    19,
    "第十九条",
    I,
    since("accepted", terminated=False),
    "自评价期限",
    "self_evaluation",
    {DL.OPEN, DL.NOT_YET_OPEN},
    lambda o, ctx: f"请在 {_window(o)} 开展自评价，报送市数据局和市财政局（第十九条）。",
    "完成后补录 self_evaluation 记录（sent_to: 市数据局、市财政局）。",
)

# ---------------------------------------------------------------- 第二十条

timing_rule(
    "A20-RECTIFICATION-OVERDUE",
    20,
    "第二十条",
    E,
    ALL,
    "监督检查发现的问题须限期整改：已逾期",
    "supervision_rectification",
    {DL.OVERDUE},
    lambda o, ctx: (
        f"{o.title}：整改期限 {_due(o)} 已过，没有整改完成的记录：第二十条规定逾期不"
        "整改的，市数据局可以暂缓安排投资计划、暂停项目建设直至终止项目。"
    ),
    "完成整改后补录 rectification 记录（subject: 监督检查，completed: 完成日期）。",
)
timing_rule(
    "A20-RECTIFICATION-LATE",
    20,
    "第二十条",
    W,
    ALL,
    "监督检查整改逾期完成",
    "supervision_rectification",
    {DL.DONE_LATE},
    lambda o, ctx: f"{o.title}：{_done(o)} 才完成，晚于期限 {_due(o)}（第二十条）。",
    "已成事实；在整改报告中说明逾期原因。",
)
