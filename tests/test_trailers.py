"""Commit message trailers as xmgl writes them and the audit reads them (git's rules)."""

from __future__ import annotations

import pytest

from xmgl.gitaudit import trailers as tr


def test_compose_writes_subject_body_and_trailers_as_three_paragraphs():
    msg = tr.compose(
        "  阶段变更：招标采购 → 建设实施 \n",
        "\n依据第十三条、第十四条。\n\n事由：合同。\n",
        [(tr.FROM_STAGE, "procurement"), (tr.TO_STAGE, "construction")],
    )
    assert msg == (
        "阶段变更：招标采购 → 建设实施\n\n依据第十三条、第十四条。\n\n事由：合同。\n\n"
        "Xmgl-From-Stage: procurement\nXmgl-To-Stage: construction\n"
    )
    assert tr.compose("说明", " \n ", [("Xmgl-Init", "1")]) == "说明\n\nXmgl-Init: 1\n"


@pytest.mark.parametrize(
    ("key", "value"),
    [("Bad Key", "x"), ("-Key", "x"), ("Key:", "x"), ("", "x"), ("Xmgl-Date", "a\nb")],
)
def test_compose_refuses_what_would_not_read_back(key, value):
    with pytest.raises(ValueError) as err:
        tr.compose("说明", "", [("Xmgl-Init", "1"), (key, value)])
    assert str(err.value) == f"bad trailer {key!r}: {value!r}"


def test_parse_reads_back_what_compose_wrote():
    pairs = [(tr.FROM_STAGE, "procurement"), (tr.DATE, "2026-06-01"), (tr.FROM_STAGE, "x")]
    msg = tr.compose("阶段变更", "依据", pairs)
    assert tr.parse(msg) == {tr.FROM_STAGE: ["procurement", "x"], tr.DATE: ["2026-06-01"]}
    assert tr.parse(msg.replace("\n", "\r\n")) == tr.parse(msg)


@pytest.mark.parametrize(
    ("message", "expected"),
    [
        ("只有标题\n", {}),
        ("Xmgl-Date: 2026-06-01\n", {}),  # a subject alone is never trailers
        ("标题\n\n说明\nXmgl-Date: 2026-06-01\n", {}),  # a paragraph that is not all trailers
        ("标题\n\nXmgl-Date: 2026-06-01\n说明\n", {}),
        ("标题\n\nK: a\n  b\n\tc\n", {"K": ["a b c"]}),  # continuation lines
        ("标题\n\nK:\n  b\n", {"K": ["b"]}),
        ("标题\n\n  b\nK: a\n", {}),  # a continuation with nothing to continue
        ("标题\n \t\nK: a\n", {"K": ["a"]}),  # a blank line of spaces ends a paragraph
        ("\n\n标题\n\nK:a\n\n\n", {"K": ["a"]}),
        ("标题\n\nK: a\n\n \t\n", {"K": ["a"]}),  # a trailing blank line, as git
        ("X标题\n\nK: aX\n", {"K": ["aX"]}),
        ("标题\n\nK: \t a  \n", {"K": ["a"]}),
        ("标题\n\nK:\ta\n", {"K": ["a"]}),
        ("标题\n\n1K-2: a\n", {"1K-2": ["a"]}),
        ("标题\n\n-K: a\n", {}),
        ("标题\n\nK_x: a\n", {}),
        ("标题\n\nK : a\n", {}),
        ("标题\n\n正文\n\nK: a\nJ: b\nK: c\n", {"K": ["a", "c"], "J": ["b"]}),
    ],
)
def test_parse(message, expected):
    assert tr.parse(message) == expected


def test_one_value_given_exactly_once():
    found = {"K": ["a"], "J": ["a", "b"]}
    assert tr.one(found, "K") == "a"
    assert tr.one(found, "J") is None
    assert tr.one(found, "L") is None


def test_kind_by_trailer():
    """One place says what a commit is: the audit's rows and ``xmgl log`` both ask it."""
    assert tr.kind({tr.TO_STAGE: ["construction"]}) == "transition"
    assert tr.kind({tr.FROM_STAGE: ["procurement"]}) == "transition"
    assert tr.kind({tr.SIGNERS: ["add"], tr.TO_STAGE: ["x"]}) == "transition"
    assert tr.kind({tr.SIGNERS: ["add"], tr.INIT: ["1"]}) == "signers"
    assert tr.kind({tr.INIT: ["1"], tr.RECORD: ["contract"]}) == "init"
    assert tr.kind({tr.RECORD: ["contract 2026-06-01"]}) == "record"
    assert tr.kind({tr.DATE: ["2026-06-01"]}) == "other"
    assert tr.kind({}) == "other"
