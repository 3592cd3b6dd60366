"""xmgl.domain.bounds: the time bounds live in one table, and that table drives everything.

The table's months and words are checked against the regulation the package ships;
a changed row is shown to change the computed deadlines (so the arithmetic reads it);
no other module writes a number of months (so the wording reads it too); the docs'
table is the table's.
"""

from __future__ import annotations

import ast
import re
from datetime import date

import pytest

from tests.conftest import REPO
from tests.test_deadlines import applied, approval, dossier, failed, live, passed, prelim
from xmgl.domain import bounds as B
from xmgl.domain import deadlines as dl
from xmgl.domain import periods
from xmgl.domain.lifecycle import TRANSITIONS
from xmgl.domain.regulation import ARTICLES, article_zh
from xmgl.domain.rules import RULES
from xmgl.domain.rules.matrix import CLAUSES
from xmgl.value import replace

D = date.fromisoformat


def test_each_bound_is_quoted_verbatim_from_its_article():
    months = [b for b in B.BOUNDS if b.quote_text]
    assert {b.article for b in months} == {16, 17, 18, 19}
    for b in months:
        text = "".join(ARTICLES[b.article])
        assert b.quote in text, (b.kind, b.quote)
        assert b.clause.startswith(article_zh(b.article))
    # the words the regulation uses include the bound (民法典第一千二百五十九条)
    assert B.ACCEPTANCE.lower_inclusive and B.ACCEPTANCE.upper_inclusive
    assert (B.ACCEPTANCE.lower, B.ACCEPTANCE.upper) == (3, 6)
    assert (B.SELF_EVALUATION.lower, B.SELF_EVALUATION.upper) == (12, 24)
    assert (B.RECTIFICATION.upper, B.QUARTERLY.every) == (3, 3)


def test_obligation_kinds_and_names_come_from_the_table():
    assert set(dl.KIND_ZH) == {b.kind for b in B.BOUNDS}
    assert dl.KIND_ZH["acceptance_window"] == "申请竣工验收"


def test_docs_status_table_is_the_bounds_table():
    doc = (REPO / "docs" / "status.md").read_text("utf-8")
    rows = B.docs_table().splitlines()
    assert rows[:2] == ["| 事项 | 依据 | 起算 | 期限 |", "| --- | --- | --- | --- |"]
    assert len(rows) == 2 + len(B.BOUNDS)
    assert rows[4] == (
        "| 申请竣工验收 | 第十七条第一款 | 初步验收合格 "
        "| 满 3 个月之日起可以申请，满 6 个月之日为最后一日 |"
    )
    assert B.docs_table() in doc, (
        "docs/status.md 的期限表与 xmgl/domain/bounds.py 不一致；用 "
        'python -c "from xmgl.domain.bounds import docs_table; print(docs_table())" 重新生成'
    )


def _literals(path):
    """The string constants of a module, docstrings left out."""
    tree = ast.parse(path.read_text("utf-8"))
    docs = set()
    for node in ast.walk(tree):
        if isinstance(node, (ast.Module, ast.FunctionDef, ast.ClassDef, ast.AsyncFunctionDef)):
            body = node.body
            if body and isinstance(body[0], ast.Expr) and isinstance(body[0].value, ast.Constant):
                docs.add(id(body[0].value))
    for node in ast.walk(tree):
        if isinstance(node, ast.Constant) and isinstance(node.value, str) and id(node) not in docs:
            yield node.lineno, node.value


def test_no_other_module_writes_a_number_of_months():
    months = re.compile(r"\d+\s*个月|\d+至\d+")
    owners = {"bounds.py", "regulation.py"}
    found = [
        f"{path.relative_to(REPO)}:{line}: {text}"
        for path in sorted((REPO / "xmgl").rglob("*.py"))
        if path.name not in owners
        for line, text in _literals(path)
        if months.search(text)
    ]
    assert not found, "\n".join(found)


def test_rules_lifecycle_and_matrix_word_the_bounds_from_the_table():
    titles = {r.id: r.title for r in RULES}
    assert titles["A17-APPLY-TOO-EARLY"] == "初验合格后须稳定运行3个月以上方可申请竣工验收"
    assert titles["A19-SELF-EVAL-OVERDUE"] == "投入运行后24个月内开展自评价：已逾期"
    moves = {(t.source, t.target): t.zh for t in TRANSITIONS}
    assert moves[("preliminary_acceptance", "acceptance_applied")].startswith(B.ACCEPTANCE.quote)
    assert B.SELF_EVALUATION.span in moves[("in_operation", "self_evaluation")]
    summaries = {c.id: c.summary for c in CLAUSES}
    assert B.ACCEPTANCE.span in summaries["A17.1"]
    assert B.QUARTERLY.span in summaries["A16"]


def test_a_changed_row_changes_the_deadlines(example, monkeypatch):
    """The arithmetic reads the table: 4 months instead of 3 moves the window's opening."""
    d = dossier(example, approval("2025-06-10"), prelim("2026-01-15"))
    before = [o for o in dl.obligations(d, D("2026-03-01")) if o.kind == "acceptance_window"]
    assert before[0].opens == D("2026-04-15")
    monkeypatch.setattr(B, "ACCEPTANCE", replace(B.ACCEPTANCE, lower=4, upper=7))
    after = [o for o in dl.obligations(d, D("2026-03-01")) if o.kind == "acceptance_window"]
    assert (after[0].opens, after[0].due.nominal) == (D("2026-05-15"), D("2026-08-15"))
    assert "4个月以上至7个月内" in after[0].title
    monkeypatch.setattr(B, "QUARTERLY", replace(B.QUARTERLY, every=2))
    first = [o for o in dl.obligations(d, D("2025-09-01")) if o.kind == "quarterly_report"]
    assert first[0].due.nominal == D("2025-08-10")


@pytest.mark.parametrize(
    ("lower_word", "upper_word", "opens", "closes"),
    [
        ("以上", "以内", "2026-04-15", "2026-07-15"),
        ("超过", "不满", "2026-04-16", "2026-07-14"),
    ],
)
def test_inclusivity_follows_the_word(lower_word, upper_word, opens, closes):
    bound = replace(B.ACCEPTANCE, lower_word=lower_word, upper_word=upper_word)
    window = bound.window(D("2026-01-15"))
    assert (window.opens, window.closes.nominal) == (D(opens), D(closes))


def test_an_unknown_word_is_refused():
    with pytest.raises(ValueError, match="期间用语"):
        replace(B.ACCEPTANCE, upper_word="左右")


def test_first_passed_acceptance_is_found_once_for_every_clock(example):
    """Failed, then passed on re-inspection, then a later passed acceptance (file order mixed).

    第十六条 stops, 第十九条 starts and the 第十八条 rules all take the re-inspection date.
    """
    from xmgl.domain.rules.a17_a23 import passed_on

    d = dossier(
        example,
        passed("2026-09-01"),
        approval("2025-06-10"),
        live("2026-06-20"),
        {"kind": "reinspection", "date": D("2026-06-01"), "result": "合格"},
        failed("2026-03-01"),
        prelim("2025-10-01"),
        applied("2026-01-05"),
    )
    first = dl.first_passed_acceptance(d)
    assert (first.kind, first.date) == ("reinspection", D("2026-06-01"))
    assert dl.first_passed_acceptance(d, D("2026-05-31")) is None
    assert dl.quarterly_stop(d) == D("2026-06-01")
    assert dl.quarterly_stop(d, D("2026-05-31")) is None
    assert dl.evaluation_start(d)[0] == D("2026-06-20")  # went live after passing
    assert passed_on(d) == D("2026-06-01")


def test_a_bound_without_a_lower_or_upper_limit_says_which_article():
    with pytest.raises(ValueError, match="^第十八条没有最短期限$"):
        B.RECTIFICATION.opens(D("2026-01-15"))
    with pytest.raises(ValueError, match="^第二十条没有最长期限$"):
        B.SUPERVISION.due(D("2026-01-15"))
    with pytest.raises(ValueError, match="^第十七条第一款不是按期重复的期限$"):
        B.ACCEPTANCE.step  # noqa: B018


def test_the_calendar_reaches_the_last_day_of_every_bound():
    """A holiday file's rest day (2027-05-03, a Monday) moves the last day of each bound."""
    from tests.test_periods import MAY_2027

    moved = periods.Deadline(D("2027-05-03"), D("2027-05-06"))
    assert B.RECTIFICATION.due(D("2027-02-03"), MAY_2027) == moved
    assert B.RECTIFICATION.due(D("2027-02-03")).in_force == D("2027-05-03")  # weekends only
    window = B.ACCEPTANCE.window(D("2026-11-03"), MAY_2027)
    assert (window.opens, window.closes) == (D("2027-02-03"), moved)
