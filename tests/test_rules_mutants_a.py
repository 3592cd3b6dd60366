"""Tests that kill the mutants of the rule engine and of 第二条–第七条's rules.

Each test pins one fact that a mutation of ``xmgl/domain/rules/{__init__,base,matrix,
a02_a05,a03,a06_a07}.py`` would change (``python tools/mutate.py``, docs/contributing.md),
with a case one edit away from the other outcome. The dossier is the example, loaded once
and read only, or a private copy edited the way a real dossier goes wrong.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from types import SimpleNamespace

import pytest

from tests.conftest import EXAMPLE, line_of, replace_in_project
from tests.rulekit import hits, set_record_field
from xmgl.domain import bodies as B
from xmgl.domain.model import Location
from xmgl.domain.rules import (
    RULES,
    Finding,
    Severity,
    a03,
    base,
    check,
    docs_table,
    find_rule,
    format_findings,
    rules_of_article,
)
from xmgl.domain.rules.base import ALL, Context, Rule, between, rule, severity_text, since
from xmgl.domain.rules.matrix import CLAUSES, C, Clause, clauses_of_article
from xmgl.domain.stages import MAIN, SIDE

REPO = Path(__file__).resolve().parent.parent
D = date.fromisoformat


@pytest.fixture(scope="module")
def dossier():
    """The example as loaded, shared by the tests that only read it."""
    from xmgl.dossier.loader import load_dossier

    return load_dossier(EXAMPLE)


# ---------------------------------------------------------------- the registry


def test_find_rule_takes_any_case_and_knows_only_registered_ids():
    assert find_rule("a3-wrong-body") is find_rule("A3-WRONG-BODY")
    assert find_rule("A3-WRONG-BODY").id == "A3-WRONG-BODY"
    assert find_rule("A3-WRONG-BODIES") is None


def test_rules_of_article_lists_that_articles_rules_in_registration_order():
    assert [r.id for r in rules_of_article(3)] == ["A3-WRONG-BODY", "A3-UNKNOWN-BODY"]
    assert [r.id for r in rules_of_article(4)] == []  # 第四条 is principles, no rule


@pytest.fixture
def registry(monkeypatch):
    """The decorator's registry, restored after the test."""
    monkeypatch.setattr(base, "REGISTRY", list(base.REGISTRY))
    monkeypatch.setattr(base, "_IDS", set(base._IDS))
    return base


def test_rule_decorator_registers_every_field_and_hands_the_function_back(registry):
    def check(ctx):
        return iter(())

    stages = {"reserve", "plan", "feasibility"}
    got = rule(
        "AX-TEST",
        99,
        "第九十九条",
        Severity.WARNING,
        stages,
        "标题",
        drafting={"plan"},
        binds="某法",
    )(check)
    assert got is check
    r = registry.REGISTRY[-1]
    assert (r.id, r.article, r.clause, r.severity, r.title, r.binds) == (
        "AX-TEST",
        99,
        "第九十九条",
        Severity.WARNING,
        "标题",
        "某法",
    )
    assert r.check is check
    assert type(r.stages) is frozenset and r.stages == frozenset(stages)
    assert type(r.drafting) is frozenset and r.drafting == frozenset({"plan"})
    # the defaults: no drafting stage, binds nothing
    rule("AX-PLAIN", 99, "第九十九条", Severity.ERROR, ALL, "标题")(check)
    assert (registry.REGISTRY[-1].drafting, registry.REGISTRY[-1].binds) == (frozenset(), "")


def test_rule_decorator_refuses_a_second_rule_with_an_id(registry):
    def check(ctx):
        return iter(())

    rule("AX-ONCE", 99, "第九十九条", Severity.ERROR, ALL, "标题")(check)
    with pytest.raises(ValueError, match="^duplicate rule id AX-ONCE$"):
        rule("AX-ONCE", 99, "第九十九条", Severity.ERROR, ALL, "标题")(check)
    with pytest.raises(ValueError, match="^duplicate rule id A3-WRONG-BODY$"):
        rule("A3-WRONG-BODY", 3, "第三条", Severity.ERROR, ALL, "标题")(check)


def test_rule_decorator_refuses_drafting_stages_outside_its_stages(registry):
    def check(ctx):
        return iter(())

    size = len(registry.REGISTRY)
    with pytest.raises(ValueError, match="^AX-DRAFT: drafting stages must be among its stages$"):
        rule(
            "AX-DRAFT",
            99,
            "第九十九条",
            Severity.ERROR,
            since("plan"),
            "标题",
            drafting={"reserve"},
        )(check)
    assert len(registry.REGISTRY) == size
    # one step inside: drafting where the rule applies
    rule("AX-DRAFT", 99, "第九十九条", Severity.ERROR, since("plan"), "标题", drafting={"plan"})(
        check
    )
    assert registry.REGISTRY[-1].drafting == {"plan"}
    rule("AX-EVERY", 99, "第九十九条", Severity.ERROR, {"plan"}, "标题", drafting={"plan"})(check)
    assert registry.REGISTRY[-1].drafting == registry.REGISTRY[-1].stages  # drafting throughout


# ---------------------------------------------------------------- stages


@pytest.fixture
def fresh_since(monkeypatch):
    """since() computes afresh: its cache was filled when the rules were imported."""
    monkeypatch.setattr(base, "_SINCE", {})


def test_since_is_the_main_line_from_the_stage_on_and_the_side_stages(fresh_since):
    later = set(MAIN[MAIN.index("construction") :])
    assert since("construction") == later | set(SIDE)
    assert since("construction", terminated=False) == later | set(SIDE) - {"terminated"}
    assert since("construction") == later | set(SIDE)  # each answer kept under its own key
    assert since("reserve") == set(MAIN) | set(SIDE)
    assert since("post_evaluation", terminated=False) == {"post_evaluation"} | set(SIDE) - {
        "terminated"
    }


def test_between_includes_both_ends_and_the_side_stages():
    assert between("plan", "approved") == {
        "plan",
        "feasibility",
        "preliminary_design",
        "merged_design",
        "approved",
    } | set(SIDE)
    assert between("construction", "construction") == {"construction"} | set(SIDE)


def _rule(stages, severity=Severity.ERROR, drafting=frozenset()):
    return Rule("AX", 99, "第九十九条", severity, frozenset(stages), "标题", None, drafting)


def test_a_rule_applies_in_its_stages_and_in_a_side_stage_only_from_one_of_them():
    r = _rule(since("construction", terminated=False))
    assert r.applies("construction", "construction")
    assert not r.applies("approved", "approved")
    assert r.applies("suspended", "construction")  # entered from construction
    assert not r.applies("suspended", "approved")  # one stage early: not yet due
    assert not r.applies("terminated", "construction")  # not listed at all
    only_main = _rule({"construction"})
    assert not only_main.applies("suspended", "construction")


def test_severity_in_a_drafting_stage_is_a_warning_only_for_errors():
    r = _rule(ALL, drafting=frozenset({"feasibility"}))
    assert r.severity_in("feasibility") == Severity.WARNING
    assert r.severity_in("approved") == Severity.ERROR
    info = _rule(ALL, Severity.INFO, frozenset({"feasibility"}))
    assert info.severity_in("feasibility") == Severity.INFO


def test_severity_text_names_the_drafting_stages_in_main_line_order():
    r = _rule(ALL, drafting=frozenset({"merged_design", "feasibility"}))
    assert severity_text(r) == "错误（“可行性研究报告编报”、“可研代初步设计编报”中为警告）"
    assert severity_text(_rule(ALL, Severity.WARNING)) == "警告"


def test_stages_text_words_every_shape_of_stage_set(fresh_since):
    assert base.stages_text(ALL) == "全部阶段"
    assert base.stages_text(since("approved")) == "自“立项批复”起"
    assert base.stages_text(since("approved", terminated=False)) == "自“立项批复”起（终止后不适用）"
    assert base.stages_text(between("plan", "feasibility")) == (
        "列入年度计划、可行性研究报告编报（含监督整改、暂缓、暂停、终止）"
    )
    assert base.stages_text(frozenset({"feasibility", "plan", "deferred"})) == (
        "列入年度计划、可行性研究报告编报"
    )


# ---------------------------------------------------------------- Finding, Clause


def test_finding_to_dict_has_every_documented_key():
    f = Finding(
        "A3-WRONG-BODY",
        3,
        "第三条",
        Severity.ERROR,
        "消息",
        "建议",
        Location("project.yaml", 12, 5, "records[3].issuer"),
    )
    assert f.to_dict() == {
        "rule": "A3-WRONG-BODY",
        "article": 3,
        "clause": "第三条",
        "severity": "error",
        "message": "消息",
        "hint": "建议",
        "file": "project.yaml",
        "line": 12,
        "column": 5,
        "path": "records[3].issuer",
    }


def test_clause_to_dict_has_every_key_and_null_for_an_empty_text():
    full = C(
        "A9-x",
        9,
        "第九条",
        "摘要",
        "A9-R1",
        "A9-R2",
        format="f",
        gates=("g",),
        documents=("d",),
        not_checkable="n",
    )
    assert full == Clause("A9-x", 9, "第九条", "摘要", ("A9-R1", "A9-R2"), "f", ("g",), ("d",), "n")
    assert full.to_dict() == {
        "clause": "A9-x",
        "article": 9,
        "label": "第九条",
        "summary": "摘要",
        "rules": ["A9-R1", "A9-R2"],
        "format": "f",
        "gates": ["g"],
        "documents": ["d"],
        "not_checkable": "n",
    }
    bare = C("A9-y", 9, "第九条", "摘要")
    assert bare.to_dict() == {
        "clause": "A9-y",
        "article": 9,
        "label": "第九条",
        "summary": "摘要",
        "rules": [],
        "format": None,
        "gates": [],
        "documents": [],
        "not_checkable": None,
    }


def test_clauses_of_article_are_that_articles_clauses_in_table_order():
    got = clauses_of_article(7)
    assert got == [c for c in CLAUSES if c.article == 7]
    assert got and all(c.label.startswith("第七条") for c in got)


# ---------------------------------------------------------------- format problems


def _problem(code, line=3, column=7):
    return SimpleNamespace(
        file="project.yaml",
        line=line,
        column=column,
        path="project.name",
        message=f"消息{code}",
        hint=f"建议{code}",
        code=code,
    )


def test_format_findings_turn_each_problem_into_a_located_error():
    got = format_findings([_problem("yaml-syntax"), _problem(None, None, None), _problem("format")])
    assert [f.rule for f in got] == ["FORMAT-YAML-SYNTAX", "FORMAT", "FORMAT"]
    assert got[0] == Finding(
        "FORMAT-YAML-SYNTAX",
        0,
        "档案格式",
        Severity.ERROR,
        "消息yaml-syntax",
        "建议yaml-syntax",
        Location("project.yaml", 3, 7, "project.name"),
    )
    assert got[1].location == Location("project.yaml", None, None, "project.name")


def test_format_findings_without_a_problem_is_one_no_dossier_finding():
    got = format_findings([], message="没有档案", hint="先 xmgl init", file="x/project.yaml")
    assert got == [
        Finding(
            "FORMAT-NO-DOSSIER",
            0,
            "档案格式",
            Severity.ERROR,
            "没有档案",
            "先 xmgl init",
            Location("x/project.yaml", None, None, ""),
        )
    ]
    (default,) = format_findings([])
    assert (default.message, default.hint, default.location.file) == ("", "", "project.yaml")


def test_the_docs_table_is_the_one_in_the_validate_docs_row_by_row():
    table = docs_table()
    lines = table.splitlines()
    assert lines[:2] == ["| 规则 | 条款 | 级别 | 内容 | 适用阶段 |", "|---|---|---|---|---|"]
    assert len(lines) == 2 + len(RULES) and table.endswith("|\n")
    assert (
        "| `A3-WRONG-BODY` | 第三条 | 错误 | 批复、审核、意见和报送对象须是第三条规定的部门 | 全部阶段 |"
        in lines
    )
    (a14,) = [x for x in lines if x.startswith("| `A14-TRANSFER` |")]
    assert "（不使用市本级财政性资金的项目同样适用：《中华人民共和国招标投标法》第四十八条）" in a14
    assert table in (REPO / "docs" / "validate.md").read_text(encoding="utf-8")


# ---------------------------------------------------------------- 第三条 bodies


def _wrong(root, old, new):
    replace_in_project(root, old, new)
    (f,) = hits(root, "A3-WRONG-BODY")
    return f


def test_wrong_body_names_the_record_the_body_and_the_role_it_cannot_replace(example):
    f = _wrong(
        example,
        '    issuer: 大石桥市营商环境建设局\n    amount: "375万元"',
        '    issuer: 大石桥市财政局\n    amount: "375万元"',
    )
    assert f.message == (
        "2026-03-10 的批复（可行性研究报告）写的是“大石桥市财政局”（市财政局），但按第三条第三款、"
        "第十二条，这件事由市营商环境建设局负责。"
    )
    assert f.hint == (
        "核对原件：如确为市营商环境建设局出具（或报送给它），改正 issuer；如确由市财政局出具，"
        "这份文件不能替代市营商环境建设局的项目立项审批。"
    )
    assert f.location.line == line_of(example, "issuer: 大石桥市财政局")


def test_wrong_body_of_a_record_without_subject_names_no_subject(example):
    f = _wrong(example, "issuer: 大石桥市国家密码管理局", "issuer: 大石桥市数据局")
    assert f.message.startswith("2026-02-25 的密码应用方案审核写的是“大石桥市数据局”（市数据局）")
    assert f.hint.endswith("这份文件不能替代市国家密码管理局的项目密码使用合规性审核。")


def test_wrong_body_where_two_bodies_may_act_names_both_and_their_duty(example):
    f = _wrong(example, "approver: 大石桥市人民政府", "approver: 大石桥市财政局")
    assert "这件事由市人民政府或市数据局负责。" in f.message
    assert f.hint == (
        "核对原件：如确为市人民政府或市数据局出具（或报送给它），改正 approver；"
        "如确由市财政局出具，这份文件不能替代市人民政府或市数据局的职责。"
    )


def test_every_body_that_alone_may_act_has_a_role_to_name():
    alone = {bodies[0] for _, _, by in a03.ISSUERS for bodies, _ in by.values() if len(bodies) == 1}
    assert alone and all(B.ROLES[b].split("，")[0] for b in alone)


def test_every_subject_a_record_kind_allows_has_its_bodies():
    from xmgl.domain.schema import RECORD_KINDS

    for kind, _, by_subject in a03.ISSUERS:
        subject = next((f for f in RECORD_KINDS[kind].fields if f.name == "subject"), None)
        if a03._ANY_SUBJECT not in by_subject:
            assert subject is not None and subject.required, kind
            assert set(subject.choices) == set(by_subject), kind


def _opinions(root, *issuers):
    """One 提级论证 opinion per issuer (``None``: no issuer written), in date order."""
    from tests.rulekit import append_records

    for day, issuer in enumerate(issuers, 10):
        line = f"\n  issuer: {issuer}" if issuer else ""
        append_records(root, f"- kind: opinion\n  date: 2025-05-{day}\n  subject: 提级论证{line}\n")


def test_a_record_without_a_body_does_not_hide_the_next_ones(example):
    from tests.rulekit import append_records

    append_records(
        example,
        "- kind: application\n  date: 2026-07-01\n  subject: 变更\n"
        "  applicant: 大石桥市城市管理综合行政执法局\n",
    )
    append_records(
        example,
        "- kind: application\n  date: 2026-07-02\n  subject: 变更\n"
        "  applicant: 大石桥市城市管理综合行政执法局\n  to: 大石桥市财政局\n",
    )
    (f,) = hits(example, "A3-WRONG-BODY")
    assert f.message.startswith("2026-07-02 的申请（变更）写的是“大石桥市财政局”（市财政局）")
    assert "按第十五条，这件事由市营商环境建设局或市发展和改革局或市数据局负责。" in f.message
    assert f.location.line == line_of(example, "to: 大石桥市财政局")


def test_opinions_name_the_article_of_their_subject(example):
    _opinions(example, "大石桥市财政局", "大石桥市发改局")
    (f,) = hits(example, "A3-WRONG-BODY")
    assert "2025-05-10 的意见（提级论证）" in f.message and "按第三条第二款" in f.message
    assert f.hint.endswith("不能替代市发展和改革局的项目提级论证。")


# ---------------------------------------------------------------- main stage


def _stage_changes(root, *moves):
    from tests.rulekit import append_records

    for day, (a, b) in enumerate(moves, 10):
        append_records(
            root,
            f"- kind: stage_change\n  date: 2026-10-{day}\n  from_stage: {a}\n  to_stage: {b}\n",
        )


def _main(root, stage="suspended", current=None):
    from xmgl.domain.rules import main_stage
    from xmgl.dossier.loader import load_dossier

    if current is not None:
        replace_in_project(root, "current: construction", f"current: {current}")
    return main_stage(load_dossier(root), stage)


def test_main_stage_of_a_main_line_stage_is_itself(example):
    assert _main(example, "approved") == "approved"


def test_main_stage_entering_a_side_stage_is_the_current_one_not_the_history(example):
    _stage_changes(example, ("approved", "supervision_rectification"))
    assert _main(example) == "construction"


def test_main_stage_in_a_side_stage_is_the_one_the_latest_move_left(example):
    # procurement → supervision → suspended: the side-to-side move names no main stage,
    # the move before it does; the records alone (a contract) would say construction
    _stage_changes(
        example,
        ("procurement", "supervision_rectification"),
        ("supervision_rectification", "suspended"),
    )
    assert _main(example, current="suspended") == "procurement"


def test_main_stage_without_history_is_the_furthest_the_records_show(example):
    from tests.rulekit import append_records

    assert _main(example, current="suspended") == "construction"  # a contract
    append_records(
        example,
        "- kind: acceptance\n  date: 2026-09-20\n  result: 不合格\n  organizer: 大石桥市数据局\n",
    )
    assert _main(example) == "acceptance_failed"


def test_main_stage_without_history_or_records_is_reserve(example):
    path = example / "project.yaml"
    text = path.read_text(encoding="utf-8")
    head = text[: text.index("records:\n")]
    path.write_text(head + "records:\n  - kind: reserve_entry\n    date: 2025-06-05\n", "utf-8")
    assert _main(example, current="suspended") == "reserve"


# ---------------------------------------------------------------- context, hits, locations


def test_context_caches_each_key_once(dossier):
    ctx = Context(dossier, D("2026-10-15"), "construction", "construction")
    calls = []
    assert ctx.cached("k", lambda: calls.append(1) or ["v"]) == ["v"]
    assert ctx.cached("k", lambda: calls.append(2) or ["w"]) == ["v"]
    assert calls == [1]


def test_in_force_from_the_effective_day_on():
    from xmgl.domain.regulation import EFFECTIVE

    ctx = Context(None, EFFECTIVE, "construction", "construction")
    assert ctx.in_force(EFFECTIVE)
    assert not ctx.in_force(date.fromordinal(EFFECTIVE.toordinal() - 1))
    assert not ctx.in_force(None)


def test_hit_is_located_at_a_node_or_at_a_location(dossier):
    h = base.hit("消息", "建议", dossier.deployment)
    assert (h.message, h.hint, h.location) == ("消息", "建议", dossier.deployment.where())
    where = dossier.deployment.where("cloud")
    assert base.hit("消息", "建议", where) == base.Hit("消息", "建议", where)


def test_locate_points_at_the_deepest_written_parent_with_the_full_path(dossier):
    reserve = dossier.reserve
    gov = reserve.digital_government_plan
    assert base.locate(dossier.data, "reserve", "digital_government_plan", "statement") == (
        gov.where("statement")
    )
    assert base.locate(dossier.data, "reserve", "five_synchronous") == (
        reserve.five_synchronous.where()
    )
    start = reserve.where("no_plan")
    assert base.locate(dossier.data, "reserve", "no_plan", "a", "b") == Location(
        start.file, start.line, start.column, "reserve.no_plan.a.b"
    )


# ---------------------------------------------------------------- check: order, stage, severity

_T = "{design: true, build: true, assess: true, accept: true, operate: true}"
_F = "{design: true, build: false, assess: true, accept: true, operate: true}"


def test_check_orders_by_article_then_line_then_column(example):
    # “五同步” first in reserve and on one line, data_security written before
    # network_security: line beats rule id, column beats the rules' own order
    grid = (
        "  five_synchronous:             # 网络信息安全“五同步”\n"
        f"    network_security: {_T}\n    data_security: {_T}\n"
        f"    personal_information: {_T}\n    crypto: {_T}\n"
    )
    replace_in_project(example, grid, "")
    flow = (
        f"  five_synchronous: {{data_security: {_F}, network_security: {_F}, "
        f"personal_information: {_T}, crypto: {_T}}}\n"
    )
    replace_in_project(example, "reserve:\n", "reserve:\n" + flow)
    found = [(f.article, f.rule, f.location.path) for f in check(_load(example), AS_OF)]
    assert found == [
        (6, "A6-FIVE-SYNC", "reserve.five_synchronous.data_security.build"),
        (6, "A6-FIVE-SYNC", "reserve.five_synchronous.network_security.build"),
        (6, "A6-EVIDENCE", "reserve.intensive_mode.evidence"),
        (6, "A6-EVIDENCE", "reserve.data_sharing.evidence"),
        (16, "A16-QUARTERLY-DUE", "records[8].date"),
    ]
    first = check(_load(example), AS_OF)[0]
    assert (first.clause, first.severity, first.location.line) == (
        "第六条第（五）项",
        Severity.ERROR,
        line_of(example, "five_synchronous: {data_security"),
    )
    assert first.message == "数据安全没有做到同步建设：第六条第（五）项要求“五同步”。"
    assert first.hint.startswith("在方案中补齐数据安全的同步建设安排")


def _load(root):
    from xmgl.dossier.loader import load_dossier

    return load_dossier(root)


AS_OF = D("2026-10-15")


def test_check_as_if_entering_a_stage_runs_that_stages_rules(dossier):
    assert "A10-MERGE-UNDECLARED" not in {f.rule for f in check(dossier, AS_OF)}
    (f,) = [f for f in check(dossier, AS_OF, stage="merged_design") if f.rule.startswith("A10-")]
    assert f.rule == "A10-MERGE-UNDECLARED" and f.location.path == "merged_fsr_pd"
    # a side stage keeps the obligations of the main stage it interrupts (construction)
    suspended = {f.rule for f in check(dossier, AS_OF, stage="suspended")}
    assert "A16-QUARTERLY-DUE" in suspended
    with pytest.raises(ValueError, match="^unknown stage 'nowhere'$"):
        check(dossier, AS_OF, stage="nowhere")


def test_check_on_another_day_sees_other_deadlines(dossier):
    due = [f for f in check(dossier, AS_OF) if f.rule.startswith("A16-")]
    assert [(f.rule, f.severity) for f in due] == [("A16-QUARTERLY-DUE", Severity.INFO)]
    assert "2026-12-10" in due[0].message
    late = [f.rule for f in check(dossier, D("2026-12-11")) if f.rule.startswith("A16-")]
    assert "A16-QUARTERLY-OVERDUE" in late


def _flows_finding(root, stage):
    (f,) = [f for f in check(_load(root), AS_OF, stage=stage) if f.rule == "A7-FLOWS"]
    return f


def test_a_drafted_documents_error_is_a_warning_that_names_its_gate(example):
    from tests.rulekit import remove_lines

    remove_lines(example, "      interfaces: 案件协同接口（HTTPS/JSON）")
    plain = "参建部门“大石桥市公安局”没有写明与总体工程的系统接口：第七条要求明确各部门项目与总体工程的业务流、数据流和系统接口。"
    f = _flows_finding(example, None)
    assert (f.severity, f.message) == (Severity.ERROR, plain)
    f = _flows_finding(example, "feasibility")
    assert (f.severity, f.message) == (
        Severity.WARNING,
        plain + "（可行性研究报告编报阶段材料尚在编制，为警告；"
        "可研报送评估论证和批复（进入“初步设计编报”）时为错误。）",
    )


def test_every_drafting_stage_has_the_gate_where_it_becomes_an_error():
    assert {s for r in RULES for s in r.drafting} <= set(base.DRAFTING_GATE)


def test_outside_the_scope_only_what_another_law_imposes_stays_an_error(example):
    from tests.rulekit import append_records

    replace_in_project(example, "source: 市本级财政性资金", "source: 上级补助资金")
    replace_in_project(example, "cloud: 营口市政务云", "cloud: 其他")
    replace_in_project(example, "resource_platform: true", "resource_platform: false")
    append_records(
        example,
        "- kind: transfer\n  date: 2026-08-01\n  contract: HT-2026-001\n"
        "  party: 沈阳某某科技有限公司\n  scope: 全部开发工作\n",
    )
    got = {f.rule: f for f in check(_load(example), AS_OF)}
    info = "（本项目不使用市本级财政性资金，本办法不适用（第二条），仅供参考。）"
    assert got["A2-SCOPE"].severity == Severity.INFO
    assert got["A2-SCOPE"].message.endswith("对本项目同样适用，仍为错误。")
    for rule_id in ("A5-CLOUD", "A5-RESOURCE-PLATFORM"):  # an error and a warning
        assert got[rule_id].severity == Severity.INFO
        assert got[rule_id].message.endswith("。" + info)
    evidence = got["A6-EVIDENCE"]  # (the last one) information stays as it is, without the note
    assert (evidence.severity, evidence.message) == (
        Severity.INFO,
        "第六条第（四）项“符合《营口市政务信息共享开放管理办法》要求，能够实现数据共享”有说明，"
        "但没有佐证材料。",
    )
    transfer = got["A14-TRANSFER"]
    assert transfer.severity == Severity.ERROR
    assert transfer.message.endswith(
        "（本项目不使用市本级财政性资金，本办法不适用（第二条），但《中华人民共和国招标投标法》"
        "第四十八条（中标人不得转让、肢解转让中标项目，不得分包主体、关键性工作）有同样的要求，"
        "仍为错误。）"
    )
    # one edit away: mixed funding is in scope, the same findings keep their severity
    replace_in_project(
        example,
        "source: 上级补助资金",
        "source: 上级补助资金\n  other_sources: [市本级财政性资金]",
    )
    got = {f.rule: f for f in check(_load(example), AS_OF)}
    assert "A2-SCOPE" not in got
    assert (got["A5-CLOUD"].severity, got["A5-RESOURCE-PLATFORM"].severity) == (
        Severity.ERROR,
        Severity.WARNING,
    )
    assert not any(info in f.message or "本办法不适用" in f.message for f in got.values())


# ---------------------------------------------------------------- 第二条、第五条 rules


def _only(root, rule_id, as_of=AS_OF, stage=None):
    return [f for f in check(_load(root), as_of, stage=stage) if f.rule == rule_id]


def test_scope_finding_names_the_source_and_points_at_it(example):
    replace_in_project(example, "source: 市本级财政性资金", "source: 专项债券资金")
    (f,) = _only(example, "A2-SCOPE")
    assert f.message == (
        "资金来源是“专项债券资金”，不是市本级财政性资金：第二条规定本办法适用于使用"
        "市本级财政性资金建设和运行维护的项目。其他各条的问题因此只作提示，不影响退出码和"
        "阶段变更；第十四条第一款除外，《中华人民共和国招标投标法》第四十八条（中标人不得转让、"
        "肢解转让中标项目，不得分包主体、关键性工作）对本项目同样适用，仍为错误。"
    )
    assert f.hint == (
        "项目部分使用市本级财政性资金（混合资金）的，适用本办法：在 funding.other_sources "
        "写上“市本级财政性资金”。资金来源的上级办法（如《营口市政务信息化项目管理办法》）"
        "另有要求的，按其办理。"
    )
    assert (f.location.line, f.location.path) == (
        line_of(example, "source: 专项债券资金"),
        "funding.source",
    )


STANDALONE = "  standalone: false"


@pytest.mark.parametrize(
    ("platform", "fires"),
    [
        ("  standalone: true", ["A2-PLATFORM-EXCEPTION"]),
        ("  standalone: true\n  exception: 承接上级试点任务", ["A2-PLATFORM-BASIS"]),
        ("  standalone: true\n  exception: 承接上级试点任务\n  basis: 营数发〔2025〕8号", []),
        (
            "  standalone: true\n  exception: 承接上级试点任务\n"
            "  basis_document: docs/规划符合性说明.md",
            [],
        ),
        ("  standalone: false\n  exception: 承接上级试点任务", []),
    ],
)
def test_a_standalone_platform_needs_an_exception_and_its_basis(example, platform, fires):
    replace_in_project(example, STANDALONE, platform)
    found = [f for f in check(_load(example), AS_OF) if f.rule.startswith("A2-PLATFORM")]
    assert [f.rule for f in found] == fires
    for f in found:
        field = "exception" if f.rule == "A2-PLATFORM-EXCEPTION" else "basis"
        assert f.location.path == f"platform.{field}"
        assert f.location.line == line_of(example, "standalone: true")


def test_platform_findings_say_what_is_missing(example):
    replace_in_project(example, STANDALONE, "  standalone: true")
    (f,) = _only(example, "A2-PLATFORM-EXCEPTION")
    assert f.message == (
        "项目单独建设系统平台，却没有写明除外情形：第二条规定原则上本级不再单独建设系统平台"
        "（第五条：基础支撑平台和全市性综合应用平台由上级统一建设），只有承接上级试点任务、"
        "落实上级平台分建任务、国家和地方法律法规文件要求配套、数字城市基础底座建设除外。"
    )
    assert f.hint == (
        "在 platform.exception 写明属于哪种除外情形；都不属于的，应改为依托上级平台建设"
        "（platform.standalone: false）。"
    )
    replace_in_project(
        example, "  standalone: true", "  standalone: true\n  exception: 数字城市基础底座建设"
    )
    (f,) = _only(example, "A2-PLATFORM-BASIS")
    assert f.message == (
        "项目以“数字城市基础底座建设”为由单独建设系统平台，但没有写明依据文件：第二条的除外情形"
        "须“明确”，评审时要看到上级任务或法规文件。"
    )
    assert f.hint == (
        "在 platform.basis 写依据文件的名称和文号，并把文件放进档案、在 "
        "platform.basis_document 写它的路径。"
    )


def test_no_platform_section_is_no_platform_finding(example):
    from tests.rulekit import remove_lines

    remove_lines(example, "platform:", STANDALONE)
    assert [f.rule for f in check(_load(example), AS_OF) if f.rule.startswith("A2-")] == []


@pytest.mark.parametrize(
    ("nature", "deployment", "fires"),
    [
        ("新建", "  cloud: 其他\n  resource_platform: true", ["A5-CLOUD"]),
        ("改扩建", "  cloud: 其他\n  resource_platform: true", []),
        ("新建", "  cloud: 其他\n  justification: 上级规定\n  resource_platform: true", []),
        ("新建", "  cloud: 辽宁省政务云\n  resource_platform: true", []),
        ("新建", "  cloud: 营口市政务云\n  resource_platform: false", ["A5-RESOURCE-PLATFORM"]),
        ("新建", "  cloud: 营口市政务云", ["A5-RESOURCE-PLATFORM"]),
        ("运行维护", "  cloud: 营口市政务云\n  resource_platform: false", []),
    ],
)
def test_a_new_project_goes_on_the_government_cloud_and_the_resource_platform(
    example, nature, deployment, fires
):
    replace_in_project(example, "nature: 新建", f"nature: {nature}")
    replace_in_project(
        example,
        "  cloud: 营口市政务云\n  resource_platform: true       # 接入统一政务信息资源库平台",
        deployment,
    )
    found = [f for f in check(_load(example), AS_OF) if f.rule.startswith("A5-")]
    assert [f.rule for f in found] == fires
    for f in found:
        field = "cloud" if f.rule == "A5-CLOUD" else "resource_platform"
        assert f.location.path == f"deployment.{field}"


def test_deployment_findings_say_what_is_wrong_and_how_to_fix_it(example):
    replace_in_project(
        example,
        "  cloud: 营口市政务云\n  resource_platform: true",
        "  cloud: 其他\n  resource_platform: false",
    )
    got = {f.rule: f for f in check(_load(example), AS_OF)}
    assert got["A5-CLOUD"].message == (
        "新建项目不部署在营口市级或省级政务云，却没有说明理由：第五条规定除上级另有规定"
        "以及业务特殊需要外，新建的项目应当依托营口市级、省级政务云进行部署。"
    )
    assert got["A5-CLOUD"].hint == (
        "改为部署在营口市政务云或辽宁省政务云；确有上级规定或业务特殊需要的，在 "
        "deployment.justification 写明（含依据文件）。"
    )
    assert got["A5-CLOUD"].location.line == line_of(example, "cloud: 其他")
    assert got["A5-RESOURCE-PLATFORM"].message == (
        "新建项目未写明接入统一政务信息资源库平台：第五条要求新建项目按营口市要求接入。"
    )
    assert got["A5-RESOURCE-PLATFORM"].hint == (
        "接入的，写 deployment.resource_platform: true；营口市另有安排不需接入的，"
        "在 deployment.justification 说明。"
    )
    assert got["A5-RESOURCE-PLATFORM"].location.line == line_of(example, "resource_platform: false")


def test_each_existing_system_off_the_cloud_needs_a_migration_plan(example):
    systems = (
        "  existing_systems:\n"
        "    - name: 甲系统\n      on_cloud: false\n      migration_plan: docs/数据目录.md\n"
        "    - name: 乙系统\n      on_cloud: true\n"
        "    - name: 丙系统\n      on_cloud: false\n"
        "    - name: 丁系统\n      on_cloud: false\n"
    )
    replace_in_project(
        example, "  resource_platform: true", "  resource_platform: true\n" + systems
    )
    found = _only(example, "A5-MIGRATION-PLAN")
    assert [f.message for f in found] == [
        f"已建系统“{name}”不在政务云上，也没有迁移计划：第五条规定已建的系统应当逐步向政务云迁移。"
        for name in ("丙系统", "丁系统")
    ]
    assert [f.location.line for f in found] == [
        line_of(example, "- name: 丙系统"),
        line_of(example, "- name: 丁系统"),
    ]
    assert found[0].hint == "制定迁移计划，放进档案，在该系统的 migration_plan 写文件路径。"
    assert found[0].location.path.endswith("existing_systems[2].migration_plan")


def test_unknown_body_says_who_is_responsible_and_how_to_write_it(example):
    replace_in_project(example, "issuer: 大石桥市国家密码管理局", "issuer: 营口市国家密码管理局")
    (f,) = _only(example, "A3-UNKNOWN-BODY")
    assert f.message == (
        "2026-02-25 的密码应用方案审核写的是“营口市国家密码管理局”，无法识别为大石桥市的部门："
        "按第三条第七款、第十二条，这件事由市国家密码管理局负责。"
    )
    assert f.hint == (
        "写规范的单位全称（如“大石桥市国家密码管理局”）；如确由其他单位出具，请核实它是否有权。"
    )
    assert f.location.line == line_of(example, "issuer: 营口市国家密码管理局")
    assert _only(example, "A3-WRONG-BODY") == []


def test_unknown_body_of_a_supervision_finding_may_be_any_city_body(example):
    from tests.rulekit import append_records

    append_records(
        example,
        "- kind: supervision_finding\n  date: 2026-09-01\n  issuer: 营口市审计局\n"
        "  area: 资金使用\n  description: 台账不全\n",
    )
    (f,) = _only(example, "A3-UNKNOWN-BODY")
    assert f.message.endswith("这件事由第三条列出的市级部门负责。")
    assert f.hint == (
        "写规范的单位全称（如“大石桥市数据局”）；如确由其他单位出具，请核实它是否有权。"
    )


# ---------------------------------------------------------------- 第六条、第七条 rules

GOV = "    statement: 列入《大石桥市数字政府建设总体规划（2024—2027年）》“一网统管”重点任务。"


def test_a_requirement_without_statement_fires_where_its_section_is(example):
    from tests.rulekit import remove_lines

    remove_lines(example, GOV)  # the evidence stays: a statement is still missing
    (f,) = _only(example, "A6-DIGITAL-GOV-PLAN")
    assert f.message == "没有说明项目如何满足第六条第（一）项“符合数字政府总体规划”。"
    assert f.hint == (
        "在 reserve.digital_government_plan.statement 写明依据（规划名称、条目），佐证材料放进档案"
        "并写在 reserve.digital_government_plan.evidence。"
    )
    assert (f.clause, f.location.line, f.location.path) == (
        "第六条第（一）项",
        line_of(example, "evidence: docs/规划符合性说明.md"),  # where the section starts
        "reserve.digital_government_plan.statement",
    )
    # its evidence alone is no A6-EVIDENCE matter; the other requirements stay silent
    evidence = _only(example, "A6-EVIDENCE")
    assert [x.location.path for x in evidence] == [
        "reserve.intensive_mode.evidence",
        "reserve.data_sharing.evidence",
    ]
    assert evidence[0].hint == (
        "把规划摘录、共享目录等佐证文件放进档案，在 reserve.intensive_mode.evidence 写路径。"
    )
    assert _only(example, "A6-SECTOR-PLAN") == []


def test_without_a_reserve_section_every_requirement_and_the_grid_fire(example):
    path = example / "project.yaml"
    text = path.read_text(encoding="utf-8")
    start, end = text.index("reserve:\n"), text.index("# 当前阶段")
    path.write_text(text[:start] + text[end:], encoding="utf-8")
    found = [f for f in check(_load(example), AS_OF) if f.article == 6]
    assert [(f.rule, f.location.path) for f in found] == [  # one place: by rule id
        ("A6-DATA-SHARING", "reserve.data_sharing.statement"),
        ("A6-DIGITAL-GOV-PLAN", "reserve.digital_government_plan.statement"),
        ("A6-FIVE-SYNC", "reserve.five_synchronous"),
        ("A6-INTENSIVE", "reserve.intensive_mode.statement"),
        ("A6-SECTOR-PLAN", "reserve.sector_plan.statement"),
    ]
    assert {f.location.line for f in found} == {_load(example).data.location.line}
    grid = found[2]
    assert grid.message == (
        "没有填写网络信息安全“五同步”：第六条第（五）项要求网络安全、数据安全、个人信息保护、"
        "密码管理与系统同步设计、同步建设、同步评估、同步验收、同步运行。"
    )
    assert grid.hint == (
        "在 reserve.five_synchronous 下按四个方面各填 design、build、assess、accept、"
        "operate 五项（true/false）。"
    )


_GRID = (
    "  five_synchronous:             # 网络信息安全“五同步”\n"
    f"    network_security: {_T}\n    data_security: {_T}\n"
    f"    personal_information: {_T}\n    crypto: {_T}\n"
)


def test_five_sync_names_every_missing_step_and_points_at_the_first_false(example):
    grid = (
        "  five_synchronous:\n"
        "    network_security: {design: true, build: true, accept: false, operate: true}\n"
        "    data_security: {design: true, build: true, assess: true, accept: true}\n"
        f"    personal_information: {_T}\n"
    )
    replace_in_project(example, _GRID, grid)
    found = _only(example, "A6-FIVE-SYNC")
    assert sorted((f.location.path, f.message) for f in found) == [
        (
            "reserve.five_synchronous.crypto",
            "密码管理没有做到同步设计、同步建设、同步评估、同步验收、同步运行：第六条第（五）项要求“五同步”。",
        ),
        (
            "reserve.five_synchronous.data_security.operate",
            "数据安全没有做到同步运行：第六条第（五）项要求“五同步”。",
        ),
        (
            "reserve.five_synchronous.network_security.accept",
            "网络安全没有做到同步评估、同步验收：第六条第（五）项要求“五同步”。",
        ),
    ]
    by_path = {f.location.path.rsplit(".", 1)[-1]: f for f in found}
    assert by_path["accept"].hint == (
        "在方案中补齐网络安全的同步评估、同步验收安排，并把 "
        "reserve.five_synchronous.network_security 的对应项改为 true。"
    )
    line = line_of(example, "network_security:")
    assert [by_path[k].location.line for k in ("accept", "operate", "crypto")] == [
        line,
        line + 1,
        line,  # no row: where the grid starts
    ]


def test_reserve_entry_is_due_from_the_plan_on_unless_included_before_the_regulation(example):
    from tests.rulekit import remove_records

    remove_records(example, "reserve_entry")
    (f,) = _only(example, "A6-RESERVE-ENTRY")
    assert f.message == (
        "没有纳入项目储备库的记录：第六条、第九条第一款规定年度投资计划综合项目储备库编制。"
    )
    assert f.hint == (
        "补录 reserve_entry 记录（日期、文号）；如确未入库，请先向市数据局申请纳入储备库。"
    )
    assert (f.location.line, f.location.path) == (
        line_of(example, "- kind: plan_inclusion"),
        "records[2]",
    )
    assert _only(example, "A6-RESERVE-ENTRY", stage="reserve") == []
    assert len(_only(example, "A6-RESERVE-ENTRY", stage="plan")) == 1
    # included in a plan the day before the regulation took effect: 第二十三条
    from xmgl.domain.regulation import EFFECTIVE

    eve = date.fromordinal(EFFECTIVE.toordinal() - 1)
    set_record_field(example, "plan_inclusion", "date", eve)
    assert _only(example, "A6-RESERVE-ENTRY") == []
    set_record_field(example, "plan_inclusion", "date", EFFECTIVE)
    assert len(_only(example, "A6-RESERVE-ENTRY")) == 1


def test_reserve_entry_without_any_plan_record_points_at_the_records(example):
    from tests.rulekit import remove_records

    remove_records(example, "reserve_entry")
    remove_records(example, "plan_inclusion")
    (f,) = _only(example, "A6-RESERVE-ENTRY")
    assert (f.location.line, f.location.path) == (line_of(example, "- kind: plan_call"), "records")


CROSS = "  kinds: [跨部门, 跨系统]\n  lead_department: 大石桥市城市管理综合行政执法局\n"


def test_cross_boundary_lead_participants_and_catalog(example):
    from tests.rulekit import remove_lines

    replace_in_project(example, CROSS, "  kinds: [跨部门, 跨系统]\n")
    remove_lines(example, "  data_catalog: docs/数据目录.md")
    got = {f.rule: f for f in check(_load(example), AS_OF) if f.article == 7}
    assert sorted(got) == ["A7-DATA-CATALOG", "A7-LEAD"]
    assert got["A7-LEAD"].message == (
        "项目属于跨部门、跨系统共建共享，却没有写牵头部门：第七条要求明确牵头部门。"
    )
    assert got["A7-LEAD"].hint == "在 cross_boundary.lead_department 写牵头部门全称。"
    assert got["A7-LEAD"].location.path == "cross_boundary.lead_department"
    assert (
        got["A7-DATA-CATALOG"].message == "共建共享项目没有数据目录：第七条要求初步形成数据目录。"
    )
    assert got["A7-DATA-CATALOG"].hint == (
        "把数据目录放进档案（如 docs/数据目录.xlsx），在 cross_boundary.data_catalog 写路径。"
    )
    assert got["A7-DATA-CATALOG"].location.path == "cross_boundary.data_catalog"
    # one edit away: not a shared project at all, so nothing of 第七条 is due
    replace_in_project(example, "  kinds: [跨部门, 跨系统]\n", "  kinds: []\n")
    assert [f.rule for f in check(_load(example), AS_OF) if f.article == 7] == []


def test_cross_boundary_participants_and_their_flows(example):
    replace_in_project(
        example,
        "      business_flow: 市政设施损坏案件派遣与处置反馈\n      data_flow: 市政设施台账、处置结果回传\n"
        "      interfaces: 设施台账同步接口（每日）\n",
        "      data_flow: 市政设施台账、处置结果回传\n",
    )
    (f,) = _only(example, "A7-FLOWS")
    assert f.message == (
        "参建部门“大石桥市住房和城乡建设局”没有写明与总体工程的业务流、系统接口：第七条要求"
        "明确各部门项目与总体工程的业务流、数据流和系统接口。"
    )
    assert f.hint == "在该参建部门下补写 business_flow、data_flow、interfaces。"
    assert f.location.path == "cross_boundary.participants[1].business_flow"
    assert f.location.line == line_of(example, "- department: 大石桥市住房和城乡建设局")
    path = example / "project.yaml"
    text = path.read_text(encoding="utf-8")
    start, end = text.index("  participants:\n"), text.index("  upper_level_project:")
    path.write_text(text[:start] + text[end:], encoding="utf-8")
    (f,) = _only(example, "A7-PARTICIPANTS")
    assert f.message == (
        "项目属于跨部门、跨系统共建共享，却没有列出参建部门：第七条要求牵头部门统筹"
        "组织参建部门进行需求分析、框架设计、项目申报和实施。"
    )
    assert f.hint == "在 cross_boundary.participants 逐个列出参建部门（department）。"
    assert f.location.path == "cross_boundary.participants"


@pytest.mark.parametrize(
    ("kinds", "project", "fires"),
    [
        ("[跨层级, 跨部门]", "", True),
        ("[跨层级, 跨部门]", "  upper_level_project: 营口市城市运行管理服务平台\n", False),
        ("[跨地域, 跨部门]", "", False),
    ],
)
def test_a_cross_level_project_names_the_upper_level_project(example, kinds, project, fires):
    replace_in_project(example, "  kinds: [跨部门, 跨系统]", f"  kinds: {kinds}")
    replace_in_project(example, "  upper_level_project: 营口市城市运行管理服务平台\n", project)
    found = _only(example, "A7-UPPER-LEVEL")
    assert len(found) == fires
    if fires:
        assert found[0].message == (
            "跨层级项目没有写明衔接的上级项目：第七条第二款要求需要与上级共享协同的项目加强与"
            "上级项目的衔接。"
        )
        assert found[0].hint == "在 cross_boundary.upper_level_project 写上级项目名称。"
        assert found[0].location.path == "cross_boundary.upper_level_project"


def test_a_participants_flows_finding_points_at_the_first_missing_flow(example):
    from tests.rulekit import remove_lines

    remove_lines(example, "      data_flow: 共享视频点位与案件移交单")
    (f,) = _only(example, "A7-FLOWS")
    assert f.message.startswith("参建部门“大石桥市公安局”没有写明与总体工程的数据流：第七条")
    assert f.location.path == "cross_boundary.participants[0].data_flow"


def test_unknown_body_where_two_bodies_may_act_names_both(example):
    replace_in_project(example, "approver: 大石桥市人民政府", "approver: 营口市人民政府")
    (f,) = _only(example, "A3-UNKNOWN-BODY")
    assert f.message == (
        "2026-01-15 的列入年度投资计划写的是“营口市人民政府”，无法识别为大石桥市的部门："
        "按第三条第一款、第九条第一款，这件事由市人民政府或市数据局负责。"
    )
    assert "（如“大石桥市人民政府”）" in f.hint
