"""The loader: every class of bad input is reported at its exact line, all at once, in Chinese."""

from __future__ import annotations

import json
from decimal import Decimal

import pytest

from tests.conftest import edit_project, line_of, replace_in_project
from xmgl.dossier.loader import load_dossier
from xmgl.errors import DossierError


def problems_of(root):
    with pytest.raises(DossierError) as info:
        load_dossier(root)
    return info.value.problems


def only(problems, code):
    found = [p for p in problems if p.code == code]
    assert found, f"no {code} problem in {problems}"
    return found


def test_example_loads_with_typed_values(example):
    d = load_dossier(example)
    assert d.project.name == "大石桥市城市运行综合指挥平台建设项目"
    assert d.investment.budget == Decimal("3725000")
    assert d.stage_name == "construction"
    assert d.investment.where("budget").line == line_of(example, "budget:")
    payment = d.records_of("payment")[0]
    assert payment.amount == Decimal("1014000")
    assert payment.where("amount").line == line_of(example, '"101.4万元"')


def test_syntax_error_reports_its_line(example, xmgl):
    n = line_of(example, "legal_person:")
    replace_in_project(example, "  legal_person: 王建国", "  legal_person: 王建国: 李四")
    (p,) = problems_of(example)
    assert (p.code, p.line) == ("yaml-syntax", n)
    assert "冒号" in p.message
    result = xmgl("-C", example, "show")
    assert result.exit_code == 3
    assert f"project.yaml:{n}:" in result.stderr
    assert "Traceback" not in result.output


@pytest.mark.parametrize("stage_too", [False, True], ids=["project", "stage"])
def test_a_reused_anchor_is_an_error_at_its_second_definition(example, xmgl, stage_too):
    """YAML lets an anchor be defined again; ruamel only warns (on stderr, in English).

    xmgl refuses it where it stands, in Chinese, and prints nothing else.
    """
    first = line_of(example, "  contact:")
    replace_in_project(example, "  contact: ", "  contact: &who ")
    if stage_too:
        second = line_of(example, "  current: construction")
        replace_in_project(example, "  current: construction", "  current: &who construction")
    else:
        second = line_of(example, "  fsr_author:")
        replace_in_project(example, "  fsr_author: ", "  fsr_author: &who ")
    (p,) = problems_of(example)
    assert (p.code, p.line) == ("yaml-syntax", second)
    assert p.message == f"锚点 &who 已在第 {first} 行定义过，这里又定义了一次"
    result = xmgl("-C", example, "validate")
    assert result.exit_code == 3
    assert f"project.yaml:{second}:" in result.stdout + result.stderr
    assert "Warning" not in result.output and "ruamel" not in result.output


def test_wrong_types_each_reported(example):
    edit_project(example, lambda d: d["project"].__setitem__("construction_months", "十二"))
    edit_project(example, lambda d: d["security"].__setitem__("classified", "否"))
    problems = only(problems_of(example), "type")
    by_path = {p.path: p for p in problems}
    assert by_path["project.construction_months"].line == line_of(example, "construction_months:")
    assert "整数" in by_path["project.construction_months"].message
    assert by_path["security.classified"].line == line_of(example, "classified:")
    assert "true 或 false" in by_path["security.classified"].message


def test_unknown_key_suggests_the_near_miss(example):
    replace_in_project(example, "  legal_person: 王建国", "  legal_persn: 王建国")
    problems = problems_of(example)
    (unknown,) = only(problems, "unknown-key")
    assert unknown.line == line_of(example, "legal_persn")
    assert unknown.path == "project.legal_persn"
    assert "legal_person" in unknown.hint
    # and the now-missing required field is reported too, in the same run
    (missing,) = only(problems, "required")
    assert missing.path == "project.legal_person"


def test_unknown_record_kind_suggests(example):
    replace_in_project(example, "  - kind: payment\n", "  - kind: paymnet\n")
    (p,) = only(problems_of(example), "unknown-key")
    assert p.line == line_of(example, "kind: paymnet")
    assert "payment" in p.hint


def test_duplicate_key_names_both_lines(example):
    first = line_of(example, "  phone:")
    replace_in_project(example, "  phone: 0417-5881234\n", "  phone: 0417-5881234\n  phone: 110\n")
    (p,) = only(problems_of(example), "duplicate-key")
    assert p.line == first + 1
    assert f"第 {first} 行" in p.message


def test_missing_required_fields(example):
    edit_project(example, lambda d: d["project"].pop("unit"))
    edit_project(example, lambda d: d["records"][0].pop("date"))
    problems = only(problems_of(example), "required")
    assert {p.path for p in problems} == {"project.unit", "records[0].date"}
    rec = next(p for p in problems if p.path == "records[0].date")
    assert rec.line == line_of(example, "kind: reserve_entry")


@pytest.mark.parametrize(
    ("bad", "why"),
    [("2026-02-29", "2026年2月只有28天"), ("2026-13-01", "月份"), ("2026-6-1", "YYYY-MM-DD")],
)
def test_impossible_dates(example, bad, why):
    replace_in_project(example, "date: 2026-06-15", f"date: {bad}")
    (p,) = only(problems_of(example), "date")
    assert p.line == line_of(example, f"date: {bad}")
    assert why in p.message


def test_leap_day_is_a_real_date(example):
    replace_in_project(example, "date: 2025-06-05", "date: 2024-02-29")
    assert load_dossier(example).records[0].date.isoformat() == "2024-02-29"


@pytest.mark.parametrize(
    ("written", "message"),
    [
        ("185.5", "无法判断是元还是万元"),
        ('"185.5"', "无法判断是元还是万元"),
        ('"一万五"', "歧义"),
        ('"185万元元"', "无法识别"),
        ('"0.001元"', "分以下"),
    ],
)
def test_ambiguous_money_is_rejected(example, written, message):
    replace_in_project(example, 'operation_annual: "28万元"', f"operation_annual: {written}")
    (p,) = only(problems_of(example), "money")
    assert p.line == line_of(example, "operation_annual:")
    assert message in p.message
    if written != '"0.001元"':
        assert "185万元" in p.message and "壹佰捌拾伍万元整" in p.message  # the accepted forms


@pytest.mark.parametrize(
    ("written", "expected"),
    [
        ("2800000", "2800000"),
        ('"280万元"', "2800000"),
        ('"2,800,000元"', "2800000"),
        ('"280.05万元"', "2800500"),
        ('"0.028亿元"', "2800000"),
        ('"１８５万元"', "1850000"),
        ('"280万"', "2800000"),
        ('"280 万元"', "2800000"),
        ('"贰佰捌拾万元整"', "2800000"),
        ('"2.8百万"', "2800000"),
        ('"2800000"', "2800000"),
    ],
)
def test_money_forms(example, written, expected):
    replace_in_project(example, 'operation_annual: "28万元"', f"operation_annual: {written}")
    assert load_dossier(example).investment.operation_annual == Decimal(expected)


def test_raw_control_character(example):
    replace_in_project(example, "contact: 刘晓梅", "contact: 刘晓\x07梅")
    (p,) = only(problems_of(example), "illegal-character")
    assert (p.line, p.column) == (line_of(example, "contact:"), 14)
    assert "U+0007" in p.message


def test_escaped_control_character_in_quoted_string(example):
    replace_in_project(example, "contact: 刘晓梅", 'contact: "刘晓\\x0b梅"')
    (p,) = only(problems_of(example), "illegal-character")
    assert p.line == line_of(example, "contact:")
    assert p.path == "project.contact"


def test_gbk_file_is_named_as_such(example, xmgl):
    text = (example / "project.yaml").read_text(encoding="utf-8")
    (example / "project.yaml").write_bytes(text.encode("gb18030"))
    (p,) = problems_of(example)
    assert p.code == "encoding"
    assert "GBK" in p.message
    assert p.line == 1  # the first comment line already holds Chinese
    result = xmgl("-C", example, "show")
    assert result.exit_code == 3 and "UTF-8" in result.stderr and "Traceback" not in result.output


def test_utf8_bom_is_accepted(example):
    path = example / "project.yaml"
    path.write_bytes(b"\xef\xbb\xbf" + path.read_bytes())
    assert load_dossier(example).format_version == 1


def test_missing_document(example):
    (example / "docs" / "密码应用方案.md").unlink()
    (p,) = only(problems_of(example), "missing-file")
    assert p.line == line_of(example, "crypto_plan:")
    assert "密码应用方案.md" in p.message


@pytest.mark.parametrize("where", ["../outside.md", "/etc/passwd", "docs/../../outside.md"])
def test_document_outside_the_dossier(example, where):
    (example.parent / "outside.md").write_text("x", encoding="utf-8")
    replace_in_project(example, "crypto_plan: docs/密码应用方案.md", f"crypto_plan: {where}")
    (p,) = only(problems_of(example), "path")
    assert p.line == line_of(example, "crypto_plan:")


def test_bad_enum_suggests(example):
    replace_in_project(example, "cloud: 营口市政务云", "cloud: 营口政务云")
    (p,) = only(problems_of(example), "enum")
    assert p.line == line_of(example, "cloud:")
    assert "营口市政务云" in p.hint


def test_newer_format_version(example):
    replace_in_project(example, "format_version: 1", "format_version: 2")
    (p,) = only(problems_of(example), "format-version")
    assert p.line == line_of(example, "format_version:")


def test_all_problems_at_once(example, xmgl):
    replace_in_project(example, "cloud: 营口市政务云", "cloud: 营口政务云")
    replace_in_project(example, "date: 2026-06-15", "date: 2026-02-30")
    replace_in_project(example, 'operation_annual: "28万元"', "operation_annual: 28.5")
    assert {p.code for p in problems_of(example)} == {"enum", "date", "money"}
    result = xmgl("-C", example, "show", "--format", "json")
    assert result.exit_code == 3
    payload = json.loads(result.stdout)
    lines = sorted(p["line"] for p in payload["error"]["problems"])
    assert lines == sorted(
        [line_of(example, "cloud:"), line_of(example, "2026-02-30"), line_of(example, "28.5")]
    )


def test_empty_file_and_not_a_mapping(example):
    (example / "project.yaml").write_text("", encoding="utf-8")
    assert problems_of(example)[0].code == "required"
    (example / "project.yaml").write_text("- a\n- b\n", encoding="utf-8")
    assert problems_of(example)[0].code == "type"


def test_python_tags_are_never_constructed(example):
    replace_in_project(example, "contact: 刘晓梅", "contact: !!python/object/apply:os.system [id]")
    (p,) = only(problems_of(example), "type")
    assert "标签" in p.message


def test_document_behind_a_symlink_that_leaves_the_dossier(example):
    secret = example.parent / "secret.md"
    secret.write_text("x", encoding="utf-8")
    (example / "docs" / "link.md").symlink_to(secret)
    replace_in_project(example, "crypto_plan: docs/密码应用方案.md", "crypto_plan: docs/link.md")
    (p,) = only(problems_of(example), "path")
    assert p.line == line_of(example, "crypto_plan:")
    assert "档案目录以外" in p.message


def test_utf16_file_is_named_as_such(example):
    text = (example / "project.yaml").read_text(encoding="utf-8")
    (example / "project.yaml").write_bytes(text.encode("utf-16"))
    (p,) = problems_of(example)
    assert (p.code, p.line) == ("encoding", 1)
    assert "UTF-16" in p.message and "UTF-8" in p.hint


@pytest.mark.parametrize("escape", ["\\ud800", "\\udfff", "\\x07", "\\x00", "\\uffff"])
@pytest.mark.parametrize(
    ("old", "new", "path"),
    [
        ("  - kind: evaluation", '  - kind: "{e}"', "records[{i}].kind"),  # a vocabulary
        ("  unit: ", '  "u{e}nit": ', "project"),  # a key
        ("  budget: ", '  budget: "1{e}万元"  #', "investment.budget"),  # money
        ("  since: ", '  since: "2026{e}-06-01"  #', "stage.since"),  # a date
        ("  contact: 刘晓梅", '  contact: "刘{e}晓梅"', "project.contact"),  # text
    ],
    ids=["enum", "key", "money", "date", "text"],
)
def test_an_escaped_illegal_character_is_located_in_any_field(
    example, xmgl, escape, old, new, path
):
    """A double-quoted escape can write what the text may not hold; every kind refuses it
    where it stands, and no output (JSON included) breaks on it (was: exit 70)."""
    n = line_of(example, old.strip())
    text = (example / "project.yaml").read_text(encoding="utf-8")
    i = sum(1 for line in text.splitlines()[: n - 1] if line.startswith("  - kind:"))
    replace_in_project(example, old, new.format(e=escape))
    problems = [p for p in problems_of(example) if p.code == "illegal-character"]
    assert [(p.line, p.path) for p in problems] == [(n, path.format(i=i))]
    assert f"U+{escape[2:].upper().zfill(4)}" in problems[0].message
    result = xmgl("-C", example, "validate", "--format", "json")
    assert result.exit_code == 3, result.output
    (finding,) = json.loads(result.stdout)["findings"]
    assert (finding["rule"], finding["line"]) == ("FORMAT-ILLEGAL-CHARACTER", n)
