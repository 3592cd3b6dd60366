"""The lifecycle table: complete, consistent with the schema and the regulation, queried right."""

from __future__ import annotations

import json
import re
from datetime import date
from pathlib import Path

import pytest

from xmgl.domain import lifecycle as lc
from xmgl.domain.schema import RECORD_KINDS, record_fields
from xmgl.domain.stages import STAGES


def test_every_move_names_real_stages_articles_and_record_kinds():
    for t in lc.TRANSITIONS:
        assert t.source in STAGES, t
        assert t.target in STAGES or t.target == lc.RESUME, t
        assert t.articles and all(
            re.fullmatch(r"第[一二三四五六七八九十]+条", a) for a in t.articles
        )
        assert t.events, f"{t.source}→{t.target} names no justifying record"
        assert t.zh
        for e in t.events:
            assert e.kind in RECORD_KINDS, e
            fields = {f.name: f for f in record_fields(e.kind)}
            for name, value in e.match:
                assert name in fields, (e.kind, name)
                if fields[name].choices:
                    assert value in fields[name].choices, (e.kind, name, value)


def test_every_cited_article_exists_in_the_regulation():
    """Against the text the package ships (xmgl/domain/dashiqiao-2025.txt), not this machine's."""
    from xmgl.domain.regulation import text as regulation_text

    text = regulation_text()
    for t in lc.TRANSITIONS:
        for a in t.articles:
            assert a in text, a


def test_every_stage_but_reserve_can_be_reached_and_only_terminated_is_final():
    targets = {t.target for t in lc.TRANSITIONS}
    for stage in STAGES:
        if stage == "reserve":
            assert stage not in targets
        else:
            assert stage in targets, f"{stage} cannot be reached"
    sources = {t.source for t in lc.TRANSITIONS}
    assert set(STAGES) - sources == {"terminated"}
    assert lc.moves_from("terminated") == []


def test_no_duplicate_moves():
    pairs = [(t.source, t.target) for t in lc.TRANSITIONS]
    assert len(pairs) == len(set(pairs))


def test_the_regular_track_in_order():
    assert lc.find_move("reserve", "plan").articles == ("第八条", "第九条")
    assert lc.find_move("plan", "feasibility") is not None
    assert lc.find_move("plan", "merged_design") is not None
    assert lc.find_move("feasibility", "preliminary_design").events[0].match == (
        ("subject", "可行性研究报告"),
    )
    assert lc.find_move("merged_design", "approved") is not None
    assert lc.find_move("procurement", "construction").events[0].kind == "contract"
    assert lc.find_move("acceptance_applied", "accepted") is not None
    assert lc.find_move("acceptance_applied", "acceptance_failed").articles == ("第十八条",)
    assert lc.find_move("reinspection", "accepted") is not None
    assert lc.find_move("reinspection", "acceptance_failed") is not None
    assert lc.find_move("self_evaluation", "post_evaluation") is not None


@pytest.mark.parametrize(
    ("source", "target"),
    [
        ("reserve", "feasibility"),  # not in the plan yet (第十条)
        ("reserve", "terminated"),  # 第二十条 applies after plan entry
        ("feasibility", "approved"),  # FSR approval is followed by the preliminary design
        ("procurement", "accepted"),
        ("acceptance_failed", "in_operation"),  # 第十八条: not put into use
        ("acceptance_failed", "accepted"),  # only through rectification and re-inspection
        ("construction", "construction"),
        ("terminated", "construction"),
        ("in_operation", "construction"),
    ],
)
def test_illegal_moves(source, target):
    assert lc.find_move(source, target, [source]) is None
    message, hint = lc.illegal_move_message(source, target, [source])
    assert STAGES[target] in message
    assert hint


def test_illegal_message_lists_the_allowed_moves():
    message, hint = lc.illegal_move_message("procurement", "accepted")
    assert "不能从 招标采购（procurement） 直接进入 竣工验收合格（accepted）" in message
    assert "建设实施（construction）" in hint
    _m, hint = lc.illegal_move_message("terminated", "construction")
    assert "终结阶段" in hint
    message, _h = lc.illegal_move_message("plan", "nonsense")
    assert "没有 “nonsense” 这个阶段" in message


def test_interruptions_from_every_stage_after_plan_entry():
    for stage in lc.AFTER_PLAN:
        for target in ("supervision_rectification", "deferred", "suspended", "terminated"):
            move = lc.find_move(stage, target)
            assert move is not None and move.articles == ("第二十条",), (stage, target)
    assert lc.find_move("reserve", "supervision_rectification") is None


def test_an_interruption_resumes_the_stage_it_interrupted():
    path = ["reserve", "plan", "feasibility", "supervision_rectification"]
    assert lc.resume_target(path) == "feasibility"
    move = lc.find_move("supervision_rectification", "feasibility", path)
    assert move is not None and move.target == "feasibility"
    assert lc.find_move("supervision_rectification", "construction", path) is None
    # escalation keeps the stage to come back to
    path = ["construction", "supervision_rectification", "suspended"]
    assert lc.find_move("suspended", "construction", path) is not None
    assert lc.find_move("suspended", "procurement", path) is None
    # terminated is final, whatever came before
    assert lc.find_move("terminated", "construction", [*path, "terminated"]) is None


def test_table_rows_are_json():
    rows = lc.table_rows()
    assert len(rows) == len(lc.TRANSITIONS)
    json.dumps(rows, ensure_ascii=False)
    resume = [r for r in rows if r["to"] == "resume"]
    assert {r["from"] for r in resume} == {"supervision_rectification", "deferred", "suspended"}


# ---------------------------------------------------------------- justification


def _dossier(example, records_yaml: str, stage="feasibility", since="2026-01-16"):
    from xmgl.dossier.loader import load_dossier

    text = (example / "project.yaml").read_text(encoding="utf-8")
    head = text[: text.index("# 当前阶段")]
    (example / "project.yaml").write_text(
        head + f"stage:\n  current: {stage}\n  since: {since}\n\nrecords:\n" + records_yaml,
        encoding="utf-8",
    )
    return load_dossier(example)


_FSR_APPROVAL = """\
  - kind: stage_change
    date: 2026-01-16
    from_stage: plan
    to_stage: feasibility
  - kind: approval
    date: {day}
    subject: 可行性研究报告
    issuer: 大石桥市营商环境建设局
"""


@pytest.mark.parametrize(
    ("day", "on", "found"),
    [
        ("2026-01-16", "2026-03-11", True),  # on the day the stage was entered: counts
        ("2026-01-15", "2026-03-11", False),  # one day before: an old fact, not new
        ("2026-01-17", "2026-03-11", True),
        ("2026-03-11", "2026-03-11", True),  # on the day of the move
        ("2026-03-12", "2026-03-11", False),  # after the move: not yet happened
    ],
)
def test_a_fresh_move_needs_a_record_between_entering_and_moving(example, day, on, found):
    d = _dossier(example, _FSR_APPROVAL.format(day=day))
    move = lc.find_move("feasibility", "preliminary_design")
    just = lc.justify(d, move, date.fromisoformat(on))
    assert just.found is found
    assert just.earliest == date(2026, 1, 16)
    if found:
        assert just.record.subject == "可行性研究报告"


def test_a_move_that_follows_from_a_standing_fact_accepts_older_records(example):
    records = """\
  - kind: plan_inclusion
    date: 2025-12-01
    year: 2026
  - kind: stage_change
    date: 2026-01-16
    from_stage: reserve
    to_stage: plan
"""
    d = _dossier(example, records, stage="plan", since="2026-01-16")
    move = lc.find_move("plan", "feasibility")
    assert move.fresh is False
    just = lc.justify(d, move, date(2026, 2, 1))
    assert just.found and just.record.kind == "plan_inclusion" and just.earliest is None


def test_visited_stages_follow_the_stage_change_records(example):
    from xmgl.dossier.loader import load_dossier

    d = load_dossier(example)
    assert lc.visited_stages(d) == [
        "reserve",
        "plan",
        "feasibility",
        "preliminary_design",
        "approved",
        "procurement",
        "construction",
    ]


def test_docs_lifecycle_table_is_current():
    import subprocess
    import sys

    repo = Path(__file__).resolve().parents[1]
    proc = subprocess.run(
        [sys.executable, str(repo / "tools" / "gen_lifecycle_doc.py"), "--check"],
        capture_output=True,
        text=True,
    )
    assert proc.returncode == 0, proc.stdout + proc.stderr
    text = (repo / "docs" / "lifecycle.md").read_text(encoding="utf-8")
    for t in lc.TRANSITIONS:
        assert t.articles_text() in text
