"""The lifecycle of a project: which stage may follow which, and why (one table).

Every move names the articles of the regulation that allow it and the record
kinds (events) that justify it. ``xmgl advance`` checks a move against this
table before it makes the signed transition commit, ``xmgl audit verify``
checks every transition commit in the history against it, and ``xmgl stages``
prints it. A new article is one row here.

The regular track (analysis, "Lifecycle implied by the text")::

    reserve → plan → feasibility → preliminary_design ─┐
                   └→ merged_design ───────────────────┴→ approved → procurement
    → construction → preliminary_acceptance → acceptance_applied → accepted
                                                                 └→ acceptance_failed
    acceptance_failed → rectification → reinspection → accepted | acceptance_failed
    accepted → in_operation → self_evaluation → post_evaluation

From every regular stage after plan entry a supervision finding (第二十条) can
interrupt the project: supervision_rectification, deferred, suspended or
terminated. An interruption ends by *resuming* the regular stage it
interrupted (:data:`RESUME`), or escalates (deferred → suspended →
terminated). Plan adjustment (第九条第二款) and investment re-approval
(第十五条) are records, not stages.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING

from xmgl.domain import bounds as B
from xmgl.domain.schema import FSR, MERGED, PD, RECORD_KINDS
from xmgl.domain.stages import MAIN, STAGES, label

if TYPE_CHECKING:
    from xmgl.domain.model import Dossier, Node

RESUME = "*resume*"
"""Target of a move that returns to the regular stage an interruption interrupted."""

AFTER_PLAN = MAIN[MAIN.index("plan") :]
FINAL = ("terminated",)


@dataclass(frozen=True)
class Event:
    """A record kind (with required field values) that justifies a move."""

    kind: str
    match: tuple[tuple[str, object], ...] = ()

    def matches(self, record: Node) -> bool:
        return record.kind == self.kind and all(
            getattr(record, k, None) == v for k, v in self.match
        )

    def describe(self) -> str:
        """``'批复（subject=可行性研究报告）'``."""
        zh = RECORD_KINDS[self.kind].zh
        if not self.match:
            return f"{zh}（{self.kind}）"
        cond = "，".join(f"{k}={_text(v)}" for k, v in self.match)
        return f"{zh}（{self.kind}，{cond}）"

    def example(self) -> str:
        """The ``xmgl record`` arguments that create such a record (the required part)."""
        return " ".join([self.kind, *(f"{k}={_text(v)}" for k, v in self.match)])


def _text(v: object) -> str:
    if isinstance(v, bool):
        return "true" if v else "false"
    return str(v)


def E(kind: str, **match: object) -> Event:  # noqa: N802 - short constructor for the table
    return Event(kind, tuple(match.items()))


@dataclass(frozen=True)
class Transition:
    """One allowed move ``source → target``.

    ``events``: any one of these records justifies the move. ``fresh``: the
    record must be dated on or after the day the source stage was entered (a
    new fact); otherwise the move follows from a fact that already holds
    (e.g. a project in the annual plan may compile its FSR, 第十条第一款).
    """

    source: str
    target: str
    articles: tuple[str, ...]
    events: tuple[Event, ...]
    zh: str
    fresh: bool = True

    @property
    def resumes(self) -> bool:
        return self.target == RESUME

    def articles_text(self) -> str:
        return "、".join(self.articles)

    def resolved(self, target: str) -> Transition:
        """This move with :data:`RESUME` replaced by the concrete stage."""
        return Transition(self.source, target, self.articles, self.events, self.zh, self.fresh)


def _t(
    source: str,
    target: str,
    articles: str | Sequence[str],
    events: Event | Sequence[Event],
    zh: str,
    fresh: bool = True,
) -> Transition:
    if isinstance(articles, str):
        articles = (articles,)
    if isinstance(events, Event):
        events = (events,)
    return Transition(source, target, tuple(articles), tuple(events), zh, fresh)


_APPROVAL_FSR = E("approval", subject=FSR)
_APPROVAL_PD = E("approval", subject=PD)
_APPROVAL_MERGED = E("approval", subject=MERGED)
_SUPERVISION_FIXED = E("rectification", subject="监督检查")


def _regular_track() -> list[Transition]:
    return [
        _t(
            "reserve",
            "plan",
            ("第八条", "第九条"),
            E("plan_inclusion"),
            "列入年度项目投资计划（含年中纳入，第九条第三款）",
        ),
        _t(
            "plan",
            "feasibility",
            "第十条",
            E("plan_inclusion"),
            "列入年度投资计划的项目可直接编报可行性研究报告（第十条第一款）",
            fresh=False,
        ),
        _t(
            "plan",
            "merged_design",
            "第十条",
            E("plan_inclusion"),
            "紧急建设或技术方案简单、内容单一、总投资200万元（不含）以下的，"
            "合并编报可研和初步设计（第十条第二款、第三款）",
            fresh=False,
        ),
        _t(
            "feasibility",
            "preliminary_design",
            ("第十二条",),
            _APPROVAL_FSR,
            "可行性研究报告经第三方评估论证后批复，编报初步设计",
        ),
        _t(
            "preliminary_design",
            "approved",
            ("第三条", "第十二条"),
            _APPROVAL_PD,
            "初步设计及概算经评估论证后由市营商环境建设局批复（立项批复）",
        ),
        _t(
            "merged_design",
            "approved",
            ("第十条", "第十二条"),
            _APPROVAL_MERGED,
            "可研代初步设计经评估论证后批复（立项批复）",
        ),
        _t(
            "approved",
            "procurement",
            ("第十三条", "第十四条"),
            (_APPROVAL_PD, _APPROVAL_MERGED),
            "立项批复后依法履行政府采购或招投标程序",
            fresh=False,
        ),
        _t(
            "procurement",
            "construction",
            ("第十三条", "第十四条"),
            E("contract"),
            "签订合同，开始建设（合同管理制）",
        ),
        _t(
            "construction",
            "preliminary_acceptance",
            "第十七条",
            E("preliminary_acceptance", result="合格"),
            "项目单位自行组织初步验收，初验合格",
        ),
        _t(
            "preliminary_acceptance",
            "acceptance_applied",
            "第十七条",
            E("acceptance_application"),
            f"{B.ACCEPTANCE.quote}，向市数据局申请竣工验收",
        ),
        _t(
            "acceptance_applied",
            "accepted",
            "第十七条",
            E("acceptance", result="合格"),
            "第三方完成竣工验收，验收合格",
        ),
        _t(
            "acceptance_applied",
            "acceptance_failed",
            "第十八条",
            E("acceptance", result="不合格"),
            "竣工验收不合格",
        ),
        _t(
            "acceptance_failed",
            "rectification",
            "第十八条",
            (E("rectification", subject="竣工验收"), E("acceptance", result="不合格")),
            f"验收不合格，{B.RECTIFICATION.span}完成整改",
            fresh=False,
        ),
        _t(
            "rectification",
            "reinspection",
            "第十八条",
            E("rectification", subject="竣工验收"),
            "整改完成，由市数据局组织复验",
        ),
        _t(
            "reinspection",
            "accepted",
            "第十八条",
            E("reinspection", result="合格"),
            "复验合格",
        ),
        _t(
            "reinspection",
            "acceptance_failed",
            "第十八条",
            E("reinspection", result="不合格"),
            "复验仍不合格",
        ),
        _t(
            "accepted",
            "in_operation",
            ("第十八条", "第十九条"),
            E("go_live"),
            "通过竣工验收后投入运行",
        ),
        _t(
            "in_operation",
            "self_evaluation",
            "第十九条",
            E("self_evaluation"),
            f"投入运行后{B.SELF_EVALUATION.span}开展自评价",
        ),
        _t(
            "self_evaluation",
            "post_evaluation",
            "第十九条",
            E("post_evaluation"),
            "市数据局委托第三方咨询机构开展后评价",
        ),
    ]


_DEFER = E("deferral")
_SUSPEND = E("suspension")
_TERMINATE = E("termination")


def _interruptions() -> list[Transition]:
    moves = []
    for stage in AFTER_PLAN:
        moves += [
            _t(
                stage,
                "supervision_rectification",
                "第二十条",
                E("supervision_finding"),
                "监督检查发现违反规定或批复要求，限期整改",
            ),
            _t(stage, "deferred", "第二十条", _DEFER, "市数据局暂缓安排投资计划"),
            _t(stage, "suspended", "第二十条", _SUSPEND, "市数据局暂停项目建设"),
            _t(stage, "terminated", "第二十条", _TERMINATE, "市数据局终止项目"),
        ]
    moves += [
        _t(
            "supervision_rectification",
            RESUME,
            "第二十条",
            _SUPERVISION_FIXED,
            "限期整改完成，回到整改前的阶段",
        ),
        _t(
            "supervision_rectification",
            "deferred",
            "第二十条",
            _DEFER,
            "逾期不整改或整改后仍不符合要求，暂缓安排投资计划",
        ),
        _t(
            "supervision_rectification",
            "suspended",
            "第二十条",
            _SUSPEND,
            "逾期不整改或整改后仍不符合要求，暂停项目建设",
        ),
        _t(
            "supervision_rectification",
            "terminated",
            "第二十条",
            _TERMINATE,
            "逾期不整改或整改后仍不符合要求，终止项目",
        ),
        _t(
            "deferred",
            RESUME,
            ("第九条", "第二十条"),
            (_SUPERVISION_FIXED, E("plan_inclusion")),
            "整改到位或重新纳入投资计划，回到暂缓前的阶段",
        ),
        _t("deferred", "suspended", "第二十条", _SUSPEND, "暂缓后仍不符合要求，暂停项目建设"),
        _t("deferred", "terminated", "第二十条", _TERMINATE, "暂缓后仍不符合要求，终止项目"),
        _t(
            "suspended",
            RESUME,
            "第二十条",
            _SUPERVISION_FIXED,
            "整改到位，恢复建设，回到暂停前的阶段",
        ),
        _t("suspended", "terminated", "第二十条", _TERMINATE, "暂停后仍不符合要求，终止项目"),
    ]
    return moves


TRANSITIONS: tuple[Transition, ...] = tuple(_regular_track() + _interruptions())


# ---------------------------------------------------------------- queries


def resume_target(visited: Sequence[str]) -> str | None:
    """The regular stage an interruption returns to: the last regular stage visited."""
    for stage in reversed(visited):
        if stage in MAIN:
            return stage
    return None


def moves_from(stage: str, visited: Sequence[str] = ()) -> list[Transition]:
    """The moves allowed from ``stage``; :data:`RESUME` resolved when ``visited`` tells where."""
    back = resume_target(visited)
    out = []
    for t in TRANSITIONS:
        if t.source != stage:
            continue
        if t.resumes and back is not None:
            t = t.resolved(back)
        out.append(t)
    return out


def find_move(source: str, target: str, visited: Sequence[str] = ()) -> Transition | None:
    """The move ``source → target`` if the table allows it (given the stages visited so far)."""
    for t in moves_from(source, visited):
        if t.target == target:
            return t
    return None


def illegal_move_message(source: str, target: str, visited: Sequence[str] = ()) -> tuple[str, str]:
    """Chinese message and hint for a move the table does not allow."""
    if target not in STAGES:
        return (
            f"没有 “{target}” 这个阶段。",
            "可用的阶段见 “xmgl stages”：" + "、".join(STAGES),
        )
    if source == target:
        return (f"项目已经处于 {label(target)}。", "用 “xmgl stages” 查看下一步可进入的阶段。")
    allowed = moves_from(source, visited)
    if not allowed:
        hint = f"{label(source)} 是终结阶段，之后不能再变更。"
    else:
        names = "、".join(label(t.target) if not t.resumes else "原阶段" for t in allowed)
        hint = f"从 {label(source)} 只能进入：{names}。"
    return (
        f"不能从 {label(source)} 直接进入 {label(target)}：阶段变更表中没有这一步。",
        hint,
    )


def path_from_changes(initial: str, changes: Iterable[tuple[str, str]]) -> list[str]:
    """The stages visited: ``initial`` followed by the target of each (from, to) change."""
    path = [initial]
    for _source, target in changes:
        path.append(target)
    return path


def visited_stages(dossier: Dossier) -> list[str]:
    """The stages the dossier has been in, from its ``stage_change`` records (oldest first)."""
    changes = dossier.records_of("stage_change")
    if not changes:
        return [dossier.stage_name]
    path = path_from_changes(changes[0].from_stage, ((c.from_stage, c.to_stage) for c in changes))
    if path[-1] != dossier.stage_name:
        path.append(dossier.stage_name)
    return path


def entered_by_transition(dossier: Dossier) -> date | None:
    """The date the current stage was entered by a recorded transition (None if never)."""
    last = dossier.last("stage_change", to_stage=dossier.stage_name)
    if last is None:
        return None
    entered: date = last.date
    return entered


@dataclass(frozen=True)
class Justification:
    """The record chosen to justify a move, or why none fits."""

    record: Node | None
    event: Event | None
    earliest: date | None
    """Records dated before this day do not count (the move needs a new fact)."""

    @property
    def found(self) -> bool:
        return self.record is not None


def justify(dossier: Dossier, move: Transition, on: date) -> Justification:
    """The latest record that justifies ``move`` on day ``on`` (the first of that day).

    A record counts if it matches one of the move's events and is dated no
    later than ``on``; for a ``fresh`` move it must also be dated no earlier
    than the day the current stage was entered by a transition.
    """
    earliest = entered_by_transition(dossier) if move.fresh else None
    best: Node | None = None
    best_event: Event | None = None
    for record in dossier.records:
        if record.date is None or record.date > on:
            continue
        if earliest is not None and record.date < earliest:
            continue
        for event in move.events:
            if event.matches(record) and (best is None or record.date > best.date):
                best, best_event = record, event
    return Justification(best, best_event, earliest)


def event_summary(record: Node) -> str:
    """One line naming a record: ``'contract 2026-06-01 HT-2026-001'``."""
    parts = [record.kind, record.date.isoformat()]
    for name in ("id", "document_no", "subject", "result", "contract"):
        value = getattr(record, name, None)
        if value:
            parts.append(str(value))
            break
    return " ".join(parts)


def table_rows() -> list[dict[str, object]]:
    """The table as plain data (``xmgl stages --format json``, docs)."""
    return [
        {
            "from": t.source,
            "to": t.target if not t.resumes else "resume",
            "articles": list(t.articles),
            "events": [{"kind": e.kind, "match": dict(e.match)} for e in t.events],
            "fresh": t.fresh,
            "description": t.zh,
        }
        for t in TRANSITIONS
    ]
