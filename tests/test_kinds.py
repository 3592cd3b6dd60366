"""One table of field kinds, one converter per kind, shared by the loader and ``record``.

Every odd YAML shape, tag, number form or document layout is a located Chinese
problem (exit 3), never an internal error (exit 70); the parser's English never
reaches the user.
"""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tests.conftest import line_of, replace_in_project
from xmgl.domain.kinds import KINDS, KindError, from_command_line, parse_date
from xmgl.domain.schema import RECORD_KINDS, TOP_LEVEL, Field, record_fields
from xmgl.dossier.loader import load_dossier
from xmgl.errors import DossierError


def _all_fields(fields):
    for f in fields:
        yield f
        yield from _all_fields(f.fields)


def test_every_field_of_the_schema_names_a_kind_of_the_table():
    every = list(_all_fields(TOP_LEVEL))
    for kind in RECORD_KINDS:
        every += list(_all_fields(record_fields(kind)))
    unknown = {f.kind for f in every} - set(KINDS)
    assert not unknown
    for k in KINDS.values():
        assert (k.shape == "scalar") == (k.convert is not None)
        assert k.item is None or KINDS[k.item].shape == "scalar"


def problems_of(root):
    with pytest.raises(DossierError) as info:
        load_dossier(root)
    return info.value.problems


@pytest.mark.parametrize(
    ("written", "expected"),
    [
        ("0o1", "八进制写法"),
        ("0b1", "二进制写法"),
        ("0x1", "十六进制写法"),
        ("017", "以 0 开头"),
        ('"1"', "加了引号"),
        ("1.0", "应该是整数"),
        ("[1]", "这里却是列表"),
        ("{a: 1}", "这里却是映射"),
        ("!!binary aGk=", "不支持的 YAML 标签"),
        ("9" * 40, "太大"),
    ],
)
def test_format_version_of_any_form_is_a_located_problem(example, xmgl, written, expected):
    replace_in_project(example, "format_version: 1", f"format_version: {written}")
    (p,) = problems_of(example)
    assert (p.line, p.path) == (line_of(example, "format_version:"), "format_version")
    assert expected in p.message
    r = xmgl("-C", example, "show")
    assert r.exit_code == 3, r.output
    assert f"project.yaml:{p.line}:" in r.stderr and expected in r.stderr


SHAPES = [
    # a scalar where a mapping belongs, in several sections
    ("project:\n  code:", "project: 大石桥\nx_project:\n  code:", "project", "映射"),
    ("funding:\n", "funding: 市本级\nx_funding:\n", "funding", "映射"),
    ("stage:\n  current:", "stage: construction\nx_stage:\n  current:", "stage", "映射"),
    # a list where a mapping belongs, a mapping where a list belongs
    ("investment:\n", "investment:\n  - 1\nx_investment:\n", "investment", "这里却是列表"),
    ("records:\n", "records: {kind: payment}\nx_records:\n", "records", "应该是列表"),
    (
        "  content_types:",
        "  content_types: {a: 1}\n  x_content_types:",
        "project.content_types",
        "列表",
    ),
    # a mapping where a scalar belongs, a list where a scalar belongs
    ("  name: 大石桥市城市", "  name: {a: 1}\n  x_name: 大石桥市城市", "project.name", "映射"),
    ("  since: 2026-06-01", "  since: [2026-06-01]", "stage.since", "这里却是列表"),
    # records that are not mappings
    ("records:\n", "records:\n  - 1\n", "records[0]", "每条记录应该是"),
    ("records:\n", "records:\n  - [kind, payment]\n", "records[0]", "每条记录应该是"),
    # tags on scalars, mappings and sequences
    ("  unit: ", "  unit: !!python/name:os.system\n  x_unit: ", "project.unit", "标签"),
    ("funding:\n", "funding: !!set\n  a: null\nx:\n", "funding", "标签"),
    ("records:\n", "records: !!omap\n", "records", "标签"),
    # a complex key
    ("format_version: 1", "format_version: 1\n? [a, b]\n: 1", "", "复杂键"),
    # list items that are lists
    ("    - 业务信息系统", "    - [业务信息系统]", "project.content_types[0]", "单个值"),
]


@pytest.mark.parametrize(("old", "new", "path", "expected"), SHAPES)
def test_yaml_shapes_where_code_expects_another(example, xmgl, old, new, path, expected):
    replace_in_project(example, old, new)
    problems = problems_of(example)
    mine = [p for p in problems if p.path == path or (not path and expected in p.message)]
    assert mine, problems
    assert expected in mine[0].message
    assert mine[0].line is not None
    r = xmgl("-C", example, "validate")
    assert r.exit_code == 3, r.output
    assert "内部错误" not in r.output


@pytest.mark.parametrize(
    ("tail", "line_from_end", "expected"),
    [
        ("---\nfoo: 1\n", 2, "第二个 YAML 文档"),
        ("...\nfoo: 1\n", 1, "第二个 YAML 文档"),
    ],
)
def test_a_second_document_is_told_in_chinese(example, xmgl, tail, line_from_end, expected):
    text = (example / "project.yaml").read_text(encoding="utf-8")
    (example / "project.yaml").write_text(text + tail, encoding="utf-8")
    (p,) = problems_of(example)
    assert expected in p.message and "found" not in p.message
    total = len((text + tail).splitlines())
    assert p.line == total - line_from_end + 1


@pytest.mark.parametrize("quote", ['"', "'"])
def test_an_unclosed_quote_is_reported_where_it_opens(example, quote):
    n = line_of(example, "estimate:")
    replace_in_project(example, 'estimate: "386万元"', f"estimate: {quote}386万元")
    (p,) = problems_of(example)
    assert p.line == n
    assert "引号" in p.message and "没有闭合" in p.message
    assert "缩进" not in p.message


def test_parser_english_never_reaches_the_user(example):
    replace_in_project(example, "format_version: 1", "format_version: [1")
    (p,) = problems_of(example)
    assert "方括号" in p.message
    assert not any(w in p.message for w in ("expected", "found", "but got"))


@pytest.mark.parametrize(
    ("encoding", "name"),
    [("utf-32", "UTF-32"), ("utf-32-be", "UTF-32"), ("utf-16", "UTF-16"), ("utf-16-le", "UTF-16")],
)
def test_wide_encodings_are_named_correctly(example, encoding, name):
    text = (example / "project.yaml").read_text(encoding="utf-8")
    (example / "project.yaml").write_bytes(text.encode(encoding))
    (p,) = problems_of(example)
    assert p.code == "encoding"
    assert f"文件是 {name} 编码" in p.message


@pytest.mark.parametrize(
    ("written", "why"),
    [
        ("2025-02-30", "2025年2月只有28天"),
        ("2024-02-30", "2024年2月只有29天"),
        ("2025-04-31", "2025年4月只有30天"),
        ("2025-00-10", "月份必须在 1 到 12 之间"),
        ("2025-01-00", "日必须从 1 开始"),
        ("0000-01-15", "年份超出"),
        ("9999-12-31", "年份超出"),
    ],
)
def test_impossible_dates_give_the_right_reason(example, xmgl, written, why):
    replace_in_project(example, "date: 2026-06-15", f"date: {written}")
    (p,) = [p for p in problems_of(example) if p.code == "date"]
    assert why in p.message
    assert "0年1月" not in p.message
    # the command line reads dates with the same converter
    r = xmgl("-C", example, "--as-of", written, "rules")
    assert r.exit_code == 2 and why in r.stderr


@given(st.text(max_size=12))
@settings(max_examples=300, deadline=None)
def test_parse_date_never_fails_inside(text):
    try:
        d = parse_date(text)
    except KindError as err:
        assert err.message
    else:
        assert 1900 <= d.year <= 2199


SCALAR_KINDS = [k for k, v in KINDS.items() if v.shape == "scalar" or v.item]


@given(
    kind=st.sampled_from(SCALAR_KINDS),
    text=st.text(max_size=30),
    tag=st.sampled_from([None, "str", "int", "float", "bool", "timestamp"]),
)
@settings(max_examples=600, deadline=None)
def test_every_converter_returns_a_value_or_a_kind_error(kind, text, tag):
    spec = Field("f", kind, "字段", choices=("甲", "乙"), minimum=1, maximum=10)
    try:
        if tag is None:
            from_command_line(spec, text)
        elif KINDS[kind].convert is not None:
            KINDS[kind].convert(spec, text, tag)
    except KindError as err:
        assert err.message and not err.message.isascii()


@pytest.mark.parametrize(
    ("pair", "expected"),
    [
        ("percent=0o5", "八进制写法"),
        ("percent=0x5", "十六进制写法"),
        ("percent=" + "9" * 25, "超出范围"),
        ("date=2025-02-30", "2025年2月只有28天"),
        ("date=2025W011", "YYYY-MM-DD"),
    ],
)
def test_record_reads_values_with_the_loaders_converters(example, xmgl, pair, expected):
    before = (example / "project.yaml").read_bytes()
    r = xmgl("-C", example, "record", "progress", "description=完成", pair)
    assert r.exit_code == 2, r.output
    assert expected in r.stderr
    assert (example / "project.yaml").read_bytes() == before


def test_located_errors_show_the_path_dimmed_not_as_markup(example, xmgl):
    replace_in_project(example, "format_version: 1", "format_version: 0o1")
    r = xmgl("-C", example, "show")
    assert r.exit_code == 3
    assert "[dim]" not in r.stderr and "[/]" not in r.stderr
    assert "project.yaml:5:17  format_version" in r.stderr


@pytest.mark.parametrize("blank", ["''", '""', "|", ">-", '" "'])
def test_a_blank_required_value_is_reported_as_empty(example, blank):
    n = line_of(example, "winner: 营口某某工程监理有限公司")
    replace_in_project(example, "winner: 营口某某工程监理有限公司", f"winner: {blank}")
    (p,) = [p for p in problems_of(example) if p.code == "required"]
    assert p.line == n and "为空" in p.message


@pytest.mark.parametrize(
    ("written", "expected"),
    [('"\\ud800"', "控制字符 U+D800"), ('"' + "长" * 300 + '"', "不是可用的文件路径")],
)
def test_document_paths_no_file_system_can_hold(example, written, expected):
    """Found by the fuzz suite: a lone surrogate and a too-long name reached pathlib."""
    replace_in_project(example, "scheme: docs/项目安全方案.md", f"scheme: {written}")
    (p,) = [p for p in problems_of(example) if p.path == "security.scheme"]
    assert expected in p.message


def test_a_nul_in_an_argument_is_a_usage_error(xmgl, example, tmp_path):
    """Found by the large fuzz run: calendar --ics '\\0' ended in exit 70."""
    r = xmgl("-C", example, "calendar", "--ics", "a\x00b")
    assert r.exit_code == 2 and "空字符" in r.stderr
