"""The time bounds of the regulation, once: how long, inclusive or not, counted from what.

Each :class:`Bound` is one row: the article, what must be done, the event that starts
the clock, and the months (a lower bound, an upper bound, a recurrence) with the word
the regulation uses for each (以上、以内、内 …). Everything that needs one of these facts
reads it here:

* the date arithmetic in :mod:`xmgl.domain.deadlines` (:meth:`Bound.window`,
  :meth:`Bound.due`, :attr:`Bound.every`);
* the wording of the rules in :mod:`xmgl.domain.rules.timing`, the moves of
  :mod:`xmgl.domain.lifecycle` and the clause summaries of
  :mod:`xmgl.domain.rules.matrix` (:attr:`Bound.span`, :attr:`Bound.quote`);
* the table “事项 / 依据 / 起算 / 期限” of ``docs/status.md`` (:func:`docs_table`,
  checked by a test).

Inclusivity follows 民法典第一千二百五十九条: 以上、以下、以内、内、届满 include the
number; 不满、超过、以外 exclude it. The regulation only uses inclusive words, but the
arithmetic honours an exclusive one (a day later for a lower bound, a day earlier for an
upper bound), so a changed article is one edit here.
"""

from __future__ import annotations

from datetime import date, timedelta

from xmgl.domain import periods
from xmgl.domain.holidays import Calendar
from xmgl.value import Value

INCLUSIVE = {"以上": True, "以下": True, "以内": True, "内": True, "届满": True}
EXCLUSIVE = {"不满": False, "超过": False, "以外": False}
_WORDS = INCLUSIVE | EXCLUSIVE


class Bound(Value):
    """One time bound of the regulation (a row of :data:`BOUNDS`)."""

    kind: str
    """The obligation kind in :mod:`xmgl.domain.deadlines`."""
    article: int
    clause: str
    zh: str
    """What must be done: 申请竣工验收."""
    counts_from: str
    """The event that starts the clock, as docs/status.md says it."""
    lower: int | None = None
    """Months after which the act is first allowed (a window's opening)."""
    lower_word: str = "以上"
    upper: int | None = None
    """Months within which the act must be done (the last day to act)."""
    upper_word: str = "以内"
    every: int | None = None
    """Months of a recurring period (第十六条)."""
    span_text: str = ""
    """The regulation's words for the bound, with ``{lower}``/``{upper}``/``{every}``."""
    quote_text: str = ""
    """The whole condition as the article words it (found verbatim in the article)."""
    limit_text: str = ""
    """The 期限 column of docs/status.md."""

    def __post_init__(self) -> None:
        for word in (self.lower_word, self.upper_word):
            if word not in _WORDS:
                raise ValueError(f"未知的期间用语：{word}")

    def _fill(self, text: str) -> str:
        return text.format(lower=self.lower, upper=self.upper, every=self.every)

    @property
    def span(self) -> str:
        """``3个月以上至6个月内``, ``12至24个月内``, ``3个月内``, ``每3个月``."""
        return self._fill(self.span_text)

    @property
    def quote(self) -> str:
        """``初验合格且系统稳定运行3个月以上至6个月内`` (verbatim in the article)."""
        return self._fill(self.quote_text)

    @property
    def limit(self) -> str:
        return self._fill(self.limit_text)

    @property
    def lower_inclusive(self) -> bool:
        return _WORDS[self.lower_word]

    @property
    def upper_inclusive(self) -> bool:
        return _WORDS[self.upper_word]

    @property
    def step(self) -> int:
        """The months of a recurring period (:attr:`every`); an error for a bound without one."""
        if self.every is None:
            raise ValueError(f"{self.clause}不是按期重复的期限")
        return self.every

    def opens(self, event: date) -> date:
        """The earliest day allowed: ``lower`` months after ``event`` (never moved for holidays)."""
        if self.lower is None:
            raise ValueError(f"{self.clause}没有最短期限")
        day = periods.add_months(event, self.lower)
        return day if self.lower_inclusive else day + timedelta(days=1)

    def due(self, event: date, calendar: Calendar | None = None) -> periods.Deadline:
        """The last day to act: ``upper`` months after ``event``, moved past a 法定休假日."""
        if self.upper is None:
            raise ValueError(f"{self.clause}没有最长期限")
        day = periods.period_end(event, self.upper)
        if not self.upper_inclusive:
            day -= timedelta(days=1)
        return periods.deadline(day, calendar)

    def window(self, event: date, calendar: Calendar | None = None) -> periods.Window:
        """Both bounds after ``event``: from :meth:`opens` to :meth:`due`."""
        return periods.Window(opens=self.opens(event), closes=self.due(event, calendar))


PLAN_SUBMISSION = Bound(
    "plan_submission",
    8,
    "第八条",
    "报送年度项目计划",
    "征集通知（`plan_call`）",
    limit_text="征集通知的截止日期",
)
QUARTERLY = Bound(
    "quarterly_report",
    16,
    "第十六条",
    "季度进展报告",
    "立项批复（可研、可研代初设或初设批复中最早的）",
    every=3,
    span_text="每{every}个月",
    quote_text="项目批复之日起,到项目验收备案之日止,项目单位应当每{every}个月",
    limit_text=(
        "每 {every} 个月一期，期末为最后一日；到验收备案（竣工验收或复验合格、终止）为止，"
        "验收当日仍在进行的那一期不再需要"
    ),
)
ACCEPTANCE = Bound(
    "acceptance_window",
    17,
    "第十七条第一款",
    "申请竣工验收",
    "初步验收合格",
    lower=3,
    lower_word="以上",
    upper=6,
    upper_word="内",
    span_text="{lower}个月以上至{upper}个月内",
    quote_text="初验合格且系统稳定运行{lower}个月以上至{upper}个月内",
    limit_text="满 {lower} 个月之日起可以申请，满 {upper} 个月之日为最后一日",
)
RECTIFICATION = Bound(
    "rectification",
    18,
    "第十八条",
    "竣工验收整改",
    "竣工验收（或复验）不合格",
    upper=3,
    upper_word="内",
    span_text="{upper}个月内",
    quote_text="项目竣工验收不合格的,项目单位应在{upper}个月内完成整改",
    limit_text="{upper} 个月内完成整改",
)
SELF_EVALUATION = Bound(
    "self_evaluation",
    19,
    "第十九条",
    "自评价",
    "通过验收与投入运行两者中较晚的一天",
    lower=12,
    lower_word="以上",
    upper=24,
    upper_word="内",
    span_text="{lower}至{upper}个月内",
    quote_text="项目通过验收并投入运行后{lower}至{upper}个月内",
    limit_text="满 {lower} 个月之日起，满 {upper} 个月之日为最后一日",
)
SUPERVISION = Bound(
    "supervision_rectification",
    20,
    "第二十条",
    "监督检查整改",
    "监督检查发现问题",
    limit_text="记录中的整改期限",
)

BOUNDS: tuple[Bound, ...] = (
    PLAN_SUBMISSION,
    QUARTERLY,
    ACCEPTANCE,
    RECTIFICATION,
    SELF_EVALUATION,
    SUPERVISION,
)
BY_KIND: dict[str, Bound] = {b.kind: b for b in BOUNDS}


def docs_table() -> str:
    """The Markdown table of docs/status.md (事项 / 依据 / 起算 / 期限)."""
    lines = ["| 事项 | 依据 | 起算 | 期限 |", "| --- | --- | --- | --- |"]
    lines += [f"| {b.zh} | {b.clause} | {b.counts_from} | {b.limit} |" for b in BOUNDS]
    return "\n".join(lines)
