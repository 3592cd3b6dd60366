"""`xmgl validate`, `xmgl rules`, `xmgl explain` from the command line, and the stage API."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest

from tests.conftest import EXAMPLE, REPO, line_of, replace_in_project
from tests.rulekit import AS_OF, append_records, findings
from tests.tools import need_module
from xmgl.cli.findings import text_width
from xmgl.domain.rules import RULES, check
from xmgl.domain.rules.matrix import CLAUSES
from xmgl.dossier.loader import load_dossier

ASOF = AS_OF.isoformat()
EXPECTED_EXAMPLE = ["A6-EVIDENCE", "A6-EVIDENCE", "A16-QUARTERLY-DUE"]


def fits_80(text: str) -> bool:
    return all(text_width(line) <= 80 for line in text.splitlines())


# ---------------------------------------------------------------- validate


def test_example_validates_without_errors_and_with_its_documented_findings(xmgl):
    result = xmgl("-C", EXAMPLE, "validate", "--as-of", ASOF, "--format", "json")
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["stage"] == "construction" and data["as_of"] == ASOF
    assert Path(data["dossier"]) == EXAMPLE.resolve()
    assert [f["rule"] for f in data["findings"]] == EXPECTED_EXAMPLE
    assert data["summary"] == {"error": 0, "warning": 0, "info": 3}
    first = data["findings"][0]
    assert set(first) == {
        "rule", "article", "clause", "severity", "message", "hint", "file", "line", "column", "path"
    }  # fmt: skip
    assert first["article"] == 6 and isinstance(first["article"], int)
    assert first["line"] == line_of(EXAMPLE, "intensive_mode:") + 1
    assert first["path"] == "reserve.intensive_mode.evidence"


@pytest.mark.parametrize("as_of", ["2026-06-01", "2026-10-15", "2026-12-10"])
def test_example_has_no_error_on_any_day_of_its_construction(as_of):
    errors = [f for f in findings(EXAMPLE, date.fromisoformat(as_of)) if f.severity == "error"]
    assert errors == []


def test_text_output_grouped_by_article_with_locations_and_80_columns(xmgl):
    result = xmgl("-C", EXAMPLE, "--as-of", ASOF, "validate")
    out = result.stdout
    assert result.exit_code == 0
    assert out.index("第六条 项目储备库") < out.index("第十六条 季度进展报告")
    line = line_of(EXAMPLE, "intensive_mode:") + 1
    assert f"提示 A6-EVIDENCE  project.yaml:{line}:5" in out
    assert "共 0 个错误、0 个警告、3 条提示。" in out
    assert fits_80(out), out


def test_errors_fail_and_fail_on_warning_fails_on_warnings(xmgl, example):
    replace_in_project(example, "resource_platform: true", "resource_platform: false")  # warning
    assert xmgl("-C", example, "validate", "--as-of", ASOF).exit_code == 0
    warn = xmgl("-C", example, "validate", "--as-of", ASOF, "--fail-on", "warning")
    assert warn.exit_code == 1
    assert "警告 A5-RESOURCE-PLATFORM" in warn.stdout
    replace_in_project(example, "qualified: true", "qualified: false")  # error
    result = xmgl("-C", example, "validate", "--as-of", ASOF)
    assert result.exit_code == 1
    assert f"错误 A12-EVALUATOR-QUALIFIED  project.yaml:{line_of(example, 'qualified: false')}" in (
        result.stdout
    )


def test_as_of_and_stage_options(xmgl, example):
    local = xmgl("-C", example, "validate", "--as-of", "2026-09-11", "--format", "json")
    global_ = xmgl("-C", example, "--as-of", "2026-09-11", "validate", "--format", "json")
    assert json.loads(local.stdout)["as_of"] == json.loads(global_.stdout)["as_of"] == "2026-09-11"
    gate = xmgl("-C", example, "validate", "--as-of", ASOF, "--stage", "acceptance_applied")
    assert gate.exit_code == 1
    assert "A17-APPLICATION-MISSING" in gate.stdout and "按进入该阶段的要求" in gate.stdout
    bad = xmgl("-C", example, "validate", "--stage", "built")
    assert bad.exit_code == 2 and "--stage" in bad.stderr


def test_broken_yaml_comes_out_as_format_findings(xmgl, example):
    replace_in_project(example, "  unit: 大石桥市城市管理综合行政执法局", "  unit: [未闭合")
    result = xmgl("-C", example, "validate", "--format", "json")
    assert result.exit_code == 3
    data = json.loads(result.stdout)
    assert data["stage"] is None
    (f,) = data["findings"]
    assert f["rule"] == "FORMAT-YAML-SYNTAX" and f["article"] == 0 and f["severity"] == "error"
    assert f["line"] is not None and data["summary"]["error"] == 1
    text = xmgl("-C", example, "validate")
    assert text.exit_code == 3 and "档案格式" in text.stdout and "FORMAT-YAML-SYNTAX" in text.stdout


def test_every_schema_problem_is_a_finding(xmgl, example):
    replace_in_project(example, "nature: 新建", "nature: 新建设")
    replace_in_project(example, "date: 2026-02-20", "date: 2026-02-30")
    data = json.loads(xmgl("-C", example, "validate", "--format", "json").stdout)
    rules = {(f["rule"], f["line"]) for f in data["findings"]}
    assert ("FORMAT-ENUM", line_of(example, "nature: 新建设")) in rules
    assert ("FORMAT-DATE", line_of(example, "date: 2026-02-30")) in rules


def test_no_dossier_is_one_finding(xmgl, tmp_path):
    result = xmgl("-C", tmp_path, "validate", "--format", "json")
    assert result.exit_code == 3
    (f,) = json.loads(result.stdout)["findings"]
    assert f["rule"] == "FORMAT-NO-DOSSIER" and f["file"] == "project.yaml" and f["line"] is None


# ---------------------------------------------------------------- SARIF


def sarif_of(xmgl, root, *extra):
    result = xmgl("-C", root, "validate", "--as-of", ASOF, "--format", "sarif", *extra)
    return result, json.loads(result.stdout)


def test_sarif_validates_against_the_oasis_schema(xmgl, example):
    need_module("jsonschema")
    import jsonschema

    schema = json.loads((REPO / "tests" / "data" / "sarif-schema-2.1.0.json").read_text("utf-8"))
    replace_in_project(example, "qualified: true", "qualified: false")
    result, log = sarif_of(xmgl, example)
    jsonschema.Draft4Validator(schema).validate(log)
    replace_in_project(example, "  unit: 大石桥市城市管理综合行政执法局", "  unit: [未闭合")
    _, broken = sarif_of(xmgl, example)
    jsonschema.Draft4Validator(schema).validate(broken)


def test_sarif_structure(xmgl, example):
    replace_in_project(example, "qualified: true", "qualified: false")
    result, log = sarif_of(xmgl, example)
    assert result.exit_code == 1
    assert log["version"] == "2.1.0" and log["$schema"].endswith("sarif-schema-2.1.0.json")
    (run,) = log["runs"]
    driver = run["tool"]["driver"]
    assert driver["name"] == "xmgl"
    assert [r["id"] for r in driver["rules"]] == [r.id for r in RULES]
    base = run["originalUriBaseIds"]["DOSSIER"]["uri"]
    assert base.startswith("file://") and base.endswith("/")
    levels = {r["ruleId"]: r["level"] for r in run["results"]}
    assert levels["A12-EVALUATOR-QUALIFIED"] == "error" and levels["A6-EVIDENCE"] == "note"
    res = next(r for r in run["results"] if r["ruleId"] == "A12-EVALUATOR-QUALIFIED")
    assert driver["rules"][res["ruleIndex"]]["id"] == res["ruleId"]
    loc = res["locations"][0]["physicalLocation"]
    assert loc["artifactLocation"] == {"uri": "project.yaml", "uriBaseId": "DOSSIER"}
    assert loc["region"]["startLine"] == line_of(example, "qualified: false")
    assert loc["region"]["startColumn"] >= 1
    assert res["properties"]["article"] == 12
    for r in run["results"]:
        region = r["locations"][0]["physicalLocation"].get("region", {})
        assert region.get("startLine", 1) >= 1


# ---------------------------------------------------------------- speed: nothing heavy imported

HEAVY = ("docx", "docxtpl", "jinja2", "git", "gitdb", "openpyxl", "lxml", "icalendar")


@pytest.mark.parametrize("fmt", ["text", "json", "sarif"])
def test_validate_imports_no_docx_jinja_or_git(fmt):
    env = dict(os.environ, PYTHONPATH=str(REPO))
    cmd = [sys.executable, "-X", "importtime", "-m", "xmgl", "-C", str(EXAMPLE), "validate"]
    result = subprocess.run(
        [*cmd, "--as-of", ASOF, "--format", fmt], capture_output=True, text=True, env=env
    )
    assert result.returncode == 0, result.stderr[-2000:]
    imported = {
        line.split("|")[-1].strip()
        for line in result.stderr.splitlines()
        if line.startswith("import time:")
    }
    assert "xmgl.domain.rules" in imported
    loaded = {name.split(".")[0] for name in imported}
    assert not loaded & set(HEAVY), sorted(loaded & set(HEAVY))


# ---------------------------------------------------------------- rules, matrix, explain


def test_rules_lists_every_rule(xmgl):
    data = json.loads(xmgl("rules", "--format", "json").stdout)
    assert [r["id"] for r in data["rules"]] == [r.id for r in RULES]
    one = next(r for r in data["rules"] if r["id"] == "A10-MERGE-AMOUNT")
    assert one["article"] == 10 and one["clause"] == "第十条第三款" and one["severity"] == "error"
    assert "construction" in one["stages"] and one["title"]
    text = xmgl("rules").stdout
    assert all(r.id in text for r in RULES) and fits_80(text)
    assert f"共 {len(RULES)} 条规则" in text


def test_matrix_covers_every_article_and_rule(xmgl):
    data = json.loads(xmgl("rules", "--matrix", "--format", "json").stdout)["clauses"]
    assert sorted({c["article"] for c in data}) == list(range(1, 24))
    mapped = {rid for c in data for rid in c["rules"]}
    assert mapped == {r.id for r in RULES}
    for c in data:  # every clause is covered somehow, or says why not
        assert c["rules"] or c["format"] or c["gates"] or c["documents"] or c["not_checkable"]
        if not c["rules"] and not c["format"]:
            assert c["not_checkable"] or c["gates"], c
    text = xmgl("rules", "--matrix").stdout
    assert "第二十三条" in text and "不可机器核对" in text and fits_80(text)


def test_matrix_every_paragraph_and_item_of_the_text_has_a_clause():
    from xmgl.domain.regulation import ARTICLES

    ids = {c.id for c in CLAUSES}
    for n, paras in ARTICLES.items():
        items = [p for p in paras if p.startswith("(")]
        if items:  # 第六条、第十一条: each （一）…（五） item
            for i in range(1, len(items) + 1):
                assert f"A{n}({i})" in ids, (n, i)
        elif len(paras) > 1:  # each 款
            for i in range(1, len(paras) + 1):
                assert any(x == f"A{n}.{i}" or x.startswith(f"A{n}.{i}-") for x in ids), (n, i)
        else:
            assert any(x == f"A{n}" or x.startswith(f"A{n}-") for x in ids), n


@pytest.mark.parametrize("arg", ["A10", "10", "第十条", "a10"])
def test_explain_article(xmgl, arg):
    result = xmgl("explain", arg)
    assert result.exit_code == 0
    assert result.stdout.startswith("第十条 可研和初步设计的编报")
    assert "200万元(不含)以下" in result.stdout  # the published text
    assert "A10-MERGE-AMOUNT" in result.stdout and fits_80(result.stdout)


def test_explain_rule_and_unknown(xmgl):
    result = xmgl("explain", "A17-APPLY-TOO-EARLY")
    assert result.exit_code == 0
    assert "第十七条" in result.stdout and "规则 A17-APPLY-TOO-EARLY（错误，第十七条第一款）" in (
        result.stdout
    )
    data = json.loads(xmgl("explain", "A12", "--format", "json").stdout)
    assert data["article"] == 12 and data["text"][0].startswith("市营商环境建设局应当委托")
    bad = xmgl("explain", "A99")
    assert bad.exit_code == 2 and "不认识" in bad.stderr


def test_pre_commit_hook_runs_validate():
    from ruamel.yaml import YAML

    hooks = YAML(typ="safe").load((REPO / ".pre-commit-hooks.yaml").read_text("utf-8"))
    by_id = {h["id"]: h for h in hooks}
    assert by_id["xmgl-validate"]["entry"] == "xmgl validate"
    assert by_id["xmgl-validate"]["pass_filenames"] is False
    assert by_id["xmgl-validate-system"]["language"] == "system"


# ---------------------------------------------------------------- stages


def test_gate_evaluates_the_target_stage(example):
    d = load_dossier(example)
    now = {f.rule for f in check(d, AS_OF)}
    gate = {f.rule for f in check(d, AS_OF, stage="acceptance_applied")}
    assert "A17-APPLICATION-MISSING" in gate - now
    with pytest.raises(ValueError):
        check(d, AS_OF, stage="nowhere")


def test_procurement_dossier_entering_construction_needs_contracts(example):
    from tests.rulekit import remove_records

    remove_records(example, "contract")
    remove_records(example, "payment")
    replace_in_project(example, "current: construction", "current: procurement")
    remove_records(example, "stage_change", to_stage="construction")
    d = load_dossier(example)
    assert "A13-CONTRACT" not in {f.rule for f in check(d, AS_OF)}
    gate = [f for f in check(d, AS_OF, stage="construction") if f.severity == "error"]
    assert {"A13-CONTRACT", "A13-SUPERVISION-CONTRACT"} <= {f.rule for f in gate}


def test_side_stage_keeps_the_obligations_of_the_stage_it_came_from(example):
    from tests.rulekit import remove_records

    remove_records(example, "quarterly_report", period=2)
    replace_in_project(example, "current: construction", "current: suspended")
    append_records(
        example,
        "- kind: stage_change\n  date: 2026-10-01\n  from_stage: construction\n"
        "  to_stage: suspended\n",
    )
    rules = {f.rule for f in findings(example)}
    assert "A16-QUARTERLY-OVERDUE" in rules  # reports go on while construction is suspended
    assert "A17-APPLICATION-MISSING" not in rules


def test_side_stage_takes_its_main_stage_from_the_stage_history(example):
    """The latest move into a side stage says which main stage it interrupted, even when the
    records show more (a passed preliminary acceptance not yet advanced to) and an earlier
    sojourn left from another stage."""
    from tests.test_rules import PRELIM
    from xmgl.domain.rules import main_stage

    append_records(example, PRELIM.format(date="2026-10-10"))
    replace_in_project(example, "current: construction", "current: suspended")
    append_records(
        example,
        "- kind: stage_change\n  date: 2026-04-12\n  from_stage: approved\n"
        "  to_stage: supervision_rectification\n"
        "- kind: stage_change\n  date: 2026-04-14\n  from_stage: supervision_rectification\n"
        "  to_stage: approved\n"
        "- kind: stage_change\n  date: 2026-10-12\n  from_stage: construction\n"
        "  to_stage: suspended\n",
    )
    d = load_dossier(example)
    assert main_stage(d, "suspended") == "construction"
    assert main_stage(d, "construction") == "construction"
    rules = {f.rule for f in check(d, AS_OF)}
    assert "A17-APPLY-WINDOW" not in rules  # construction has no acceptance window yet
    replace_in_project(
        example, "from_stage: construction\n", "from_stage: preliminary_acceptance\n"
    )
    d = load_dossier(example)
    assert main_stage(d, "suspended") == "preliminary_acceptance"
    assert "A17-APPLY-WINDOW" in {f.rule for f in check(d, AS_OF)}


def test_terminated_project_has_no_acceptance_window(example):
    from tests.test_rules import PRELIM

    append_records(example, PRELIM.format(date="2027-01-11"))
    replace_in_project(example, "current: construction", "current: terminated")
    append_records(
        example,
        "- kind: stage_change\n  date: 2027-02-01\n  from_stage: preliminary_acceptance\n"
        "  to_stage: terminated\n",
    )
    rules = {f.rule for f in findings(example, date(2027, 8, 1))}
    assert "A17-APPLY-OVERDUE" not in rules
    suspended = example / "project.yaml"
    suspended.write_text(
        suspended.read_text("utf-8").replace("current: terminated", "current: suspended"), "utf-8"
    )
    replace_in_project(example, "to_stage: terminated", "to_stage: suspended")
    assert "A17-APPLY-OVERDUE" in {f.rule for f in findings(example, date(2027, 8, 1))}


def test_docs_list_every_rule_and_the_json_fields():
    doc = (REPO / "docs" / "validate.md").read_text("utf-8")
    missing = [r.id for r in RULES if f"`{r.id}`" not in doc]
    assert not missing, missing
    for key in ("rule", "article", "clause", "severity", "hint", "column", "path", "summary"):
        assert f'"{key}"' in doc
    assert "FORMAT-NO-DOSSIER" in doc and "xmgl-validate" in doc


def test_the_rule_table_in_the_docs_is_generated_from_the_rules():
    """docs/validate.md's table is xmgl.domain.rules.docs_table() (tools/gen_rules_doc.py)."""
    from xmgl.domain.rules import docs_table

    proc = subprocess.run(
        [sys.executable, str(REPO / "tools" / "gen_rules_doc.py"), "--check"],
        capture_output=True,
        text=True,
    )
    assert proc.returncode == 0, proc.stdout
    table = docs_table()
    for r in RULES:  # one row per rule, with its clause and stages as `xmgl rules` words them
        (row,) = [line for line in table.splitlines() if line.startswith(f"| `{r.id}` |")]
        assert f"| {r.clause} |" in row and r.title in row
