"""What a rule is, what it finds, and where it applies.

A rule is a plain function ``check(ctx) -> Iterable[Hit]`` registered with
:func:`rule`, which gives it a stable id, the article (an integer) and clause it
enforces, a severity, the stages where it applies and a Chinese title. The
engine (:func:`xmgl.domain.rules.check`) turns each :class:`Hit` into a
:class:`Finding` carrying the rule's id, article, clause and severity.

Stage applicability. A rule lists the stages where its obligation is due.
The side stages (监督整改、暂缓安排投资计划、暂停建设、终止) are entered from a
main-line stage and keep that stage's obligations: a rule applies in a side stage
when it lists the side stage *and* the main-line stage the project was in before
(its history, :func:`main_stage`). :func:`since` lists every side stage except
``terminated`` for rules about obligations that a terminated project no longer
has (quarterly reports, acceptance, self-evaluation); record-driven rules apply
everywhere.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import field
from datetime import date
from enum import StrEnum
from typing import TypeVar, cast

from xmgl.domain.model import Dossier, Location, Node
from xmgl.domain.regulation import EFFECTIVE
from xmgl.domain.schema import FSR, MERGED, PD
from xmgl.domain.stages import MAIN, ORDER, SIDE, STAGES
from xmgl.value import Value


class Severity(StrEnum):
    ERROR = "error"
    WARNING = "warning"
    INFO = "info"

    @property
    def zh(self) -> str:
        return {"error": "错误", "warning": "警告", "info": "提示"}[self.value]

    @property
    def rank(self) -> int:
        return {"error": 3, "warning": 2, "info": 1}[self.value]


class Finding(Value):
    """One place where the dossier breaks (or may break) the regulation."""

    rule: str
    article: int
    clause: str
    severity: Severity
    message: str
    hint: str
    location: Location

    def to_dict(self) -> dict[str, object]:
        """The finding as ``xmgl validate --format json`` writes it (see docs/validate.md)."""
        return {
            "rule": self.rule,
            "article": self.article,
            "clause": self.clause,
            "severity": str(self.severity),
            "message": self.message,
            "hint": self.hint,
            "file": self.location.file,
            "line": self.location.line,
            "column": self.location.column,
            "path": self.location.path,
        }


class Hit(Value):
    """What a rule's check yields: the message, the hint and where."""

    message: str
    hint: str
    location: Location


class Rule(Value):
    id: str
    article: int
    clause: str
    severity: Severity
    stages: frozenset[str]
    title: str
    check: Callable[[Context], Iterable[Hit]] = field(repr=False, compare=False)
    drafting: frozenset[str] = frozenset()
    """Main-line stages where the document the rule checks is still being written: there
    an error is a warning (第十一条 while the FSR is drafted); the gate that sends the
    document to evaluation and approval (the next stage) sees the error."""
    binds: str = ""
    """Another instrument that imposes the same duty whatever the funding (第二条): the
    rule keeps its severity for a project outside the measures' scope."""

    def applies(self, stage: str, main: str) -> bool:
        """True if the rule's obligation is due in ``stage`` (``main``: its main-line stage,
        :func:`main_stage`, which is ``stage`` itself for a main-line stage)."""
        return stage in self.stages and main in self.stages

    def severity_in(self, main: str) -> Severity:
        """The severity for a dossier whose main-line stage is ``main``."""
        if self.severity == Severity.ERROR and main in self.drafting:
            return Severity.WARNING
        return self.severity


# ---------------------------------------------------------------- stages

ALL: frozenset[str] = frozenset(STAGES)


def since(stage: str, *, terminated: bool = True) -> frozenset[str]:
    """Main-line stages from ``stage`` on, plus the side stages (``terminated`` optional)."""
    key = (stage, terminated)
    if key not in _SINCE:  # asked by every rule's decorator: computed once per stage
        side = SIDE if terminated else tuple(s for s in SIDE if s != "terminated")
        main = frozenset(s for s in MAIN if ORDER[s] >= ORDER[stage])
        _SINCE[key] = main | frozenset(side)
    return _SINCE[key]


_SINCE: dict[tuple[str, bool], frozenset[str]] = {}


def between(first: str, last: str) -> frozenset[str]:
    """Main-line stages from ``first`` to ``last`` (inclusive), plus the side stages."""
    return frozenset(s for s in MAIN if ORDER[first] <= ORDER[s] <= ORDER[last]) | frozenset(SIDE)


DRAFTING_APPLICATION: frozenset[str] = frozenset({"reserve"})
"""Where a 共建共享 project does its 需求分析、框架设计 (第七条): the lead department, the
participants and the initial data catalog are warnings there and errors at 项目申报
(entering ``plan``)."""
DRAFTING_FSR: frozenset[str] = frozenset({"feasibility", "merged_design"})
"""Where the 可行性研究报告 (alone or 代初步设计) is being written: 第十一条's contents are
warnings there and errors at the gate that sends it to evaluation and approval
(entering ``preliminary_design`` — the FSR approved — or ``approved``)."""


DRAFTING_GATE: dict[str, str] = {
    "reserve": "项目申报（进入“列入年度计划”）",
    "feasibility": "可研报送评估论证和批复（进入“初步设计编报”）",
    "merged_design": "可研代初步设计报送评估论证和批复（进入“立项批复”）",
}
"""Where a drafting stage's warnings become errors, as the note on a finding says it."""


def stages_text(stages: frozenset[str]) -> str:
    """A rule's stages in words: 全部阶段 / 自“立项批复”起 / a list."""
    if stages == ALL:
        return "全部阶段"
    for s in MAIN:
        if stages == since(s):
            return f"自“{STAGES[s]}”起"
        if stages == since(s, terminated=False):
            return f"自“{STAGES[s]}”起（终止后不适用）"
    main = [STAGES[s] for s in MAIN if s in stages]
    text = "、".join(main)
    if all(s in stages for s in SIDE):
        text += "（含监督整改、暂缓、暂停、终止）"
    return text


def severity_text(r: Rule) -> str:
    """``错误``, or ``错误（“可行性研究报告编报”中为警告）`` for a rule with drafting stages."""
    text = r.severity.zh
    if r.drafting:
        where = "、".join(f"“{STAGES[s]}”" for s in MAIN if s in r.drafting)
        text += f"（{where}中为警告）"
    return text


# what the records say about how far a project has come, latest first
_EVIDENCE: tuple[tuple[str, str, dict[str, str]], ...] = (
    ("in_operation", "go_live", {}),
    ("accepted", "acceptance", {"result": "合格"}),
    ("acceptance_failed", "acceptance", {"result": "不合格"}),
    ("acceptance_applied", "acceptance_application", {}),
    ("preliminary_acceptance", "preliminary_acceptance", {}),
    ("construction", "contract", {}),
    ("procurement", "procurement", {}),
    ("approved", "approval", {"subject": PD}),
    ("approved", "approval", {"subject": MERGED}),
    ("preliminary_design", "approval", {"subject": FSR}),
    ("plan", "plan_inclusion", {}),
    ("plan", "plan_submission", {}),
)


def main_stage(dossier: Dossier, stage: str) -> str:
    """The main-line stage whose obligations hold while the project is in ``stage``.

    ``stage`` itself when it is a main-line stage. For a side stage: the dossier's
    current stage when that is a main-line one (the project is entering the side
    stage from it); else the stage the project left for its latest side-stage
    sojourn (the ``stage_change`` history); else the furthest stage its records
    show (a contract means construction, a passed acceptance means accepted …).
    """
    if stage not in SIDE:
        return stage
    current = dossier.stage_name
    if current not in SIDE:
        return current
    for rec in reversed(dossier.records_of("stage_change")):
        if rec.from_stage in MAIN and rec.to_stage in SIDE:
            left: str = rec.from_stage
            return left
    for found, kind, match in _EVIDENCE:
        if dossier.first(kind, **match) is not None:
            return found
    return "reserve"


# ---------------------------------------------------------------- context

T = TypeVar("T")


class Context(Value, frozen=False):
    """What a rule's check receives: the dossier, the date and the stage evaluated."""

    dossier: Dossier
    as_of: date
    stage: str
    main: str
    _cache: dict[str, object] = field(default_factory=dict, repr=False)

    @property
    def d(self) -> Dossier:
        return self.dossier

    @property
    def in_scope(self) -> bool:
        """第二条: the measures apply (the project uses 市本级财政性资金, alone or mixed)."""
        from xmgl.domain.facts import in_scope

        return bool(self.cached("in_scope", lambda: in_scope(self.dossier)))

    def in_force(self, day: date | None) -> bool:
        """True if ``day`` is on or after the regulation took effect (第二十三条)."""
        return day is not None and day >= EFFECTIVE

    def cached(self, key: str, compute: Callable[[], T]) -> T:
        if key not in self._cache:
            self._cache[key] = compute()
        # the value stored under a key is what that key's compute returned: each key is
        # computed by one call site, so the type is the one it was stored with
        return cast(T, self._cache[key])


def hit(message: str, hint: str, where: Location | Node) -> Hit:
    location = where.where() if isinstance(where, Node) else where
    return Hit(message, hint, location)


def stage_where(ctx: Context) -> Location:
    """Where the current stage is written: the place of a finding about the stage itself."""
    where: Location = ctx.d.stage.where("current")
    return where


def locate(node: Node, *names: str) -> Location:
    """Where ``node.a.b.c`` is, or the deepest of its parents that exists (with the full path)."""
    for i, name in enumerate(names):
        child = node.get(name)
        if not isinstance(child, Node):
            loc = node.where(name)
            rest = ".".join(names[i + 1 :])
            if rest:
                loc = Location(loc.file, loc.line, loc.column, f"{loc.path}.{rest}")
            return loc
        node = child
    return node.where()


# ---------------------------------------------------------------- registry

REGISTRY: list[Rule] = []
_IDS: set[str] = set()

Check = TypeVar("Check", bound="Callable[[Context], Iterable[Hit]]")
"""A rule's check: the decorator registers it and hands it back unchanged."""


def rule(
    id: str,  # noqa: A002 - the rule's id is its name in the regulation's tooling
    article: int,
    clause: str,
    severity: Severity,
    stages: frozenset[str],
    title: str,
    *,
    drafting: frozenset[str] = frozenset(),
    binds: str = "",
) -> Callable[[Check], Check]:
    """Register the decorated ``check(ctx)`` as a rule (``drafting``, ``binds``: see :class:`Rule`)."""

    def register(check: Check) -> Check:
        if id in _IDS:
            raise ValueError(f"duplicate rule id {id}")
        if not drafting <= stages:
            raise ValueError(f"{id}: drafting stages must be among its stages")
        REGISTRY.append(
            Rule(
                id,
                article,
                clause,
                severity,
                frozenset(stages),
                title,
                check,
                frozenset(drafting),
                binds,
            )
        )
        _IDS.add(id)
        return check

    return register


E, W, I = Severity.ERROR, Severity.WARNING, Severity.INFO  # noqa: E741
