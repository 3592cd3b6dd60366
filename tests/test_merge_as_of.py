"""第十条 judged as of the report's date (issue 10: never state what the dossier
did not yet say). A 可研代初步设计 generated before its approval is judged on the
unit's own estimate, not on the 概算 approved later: the console's 合并编报依据
and the report's grounds agree with the report's date."""

from __future__ import annotations

import shutil

import docx

from tests.conftest import REPO, edit_project, run_cli

MERGED = "reports/可行性研究报告（代初步设计）.docx"


def _later_approval_over_the_bound(data: dict) -> None:
    approval = next(r for r in data["records"] if r["kind"] == "approval")
    approval["amount"] = "205万元"  # approved 2026-05-12, after the report below
    data["investment"]["budget"] = "205万元"  # the 批复概算 fact that approval gives


def test_merged_report_before_its_approval_is_judged_on_the_estimate(tmp_path):
    root = tmp_path / "d"
    shutil.copytree(
        REPO / "tests/dossiers/merged-small", root, ignore=shutil.ignore_patterns("reports")
    )
    edit_project(root, _later_approval_over_the_bound)
    r = run_cli("--as-of", "2026-05-05", "-C", root, "report", "fsr", "--merged")
    assert r.exit_code == 0, r.output
    grounds = r.output.split("合并编报依据（第十条）：")[1].split("。")[0]
    assert set(grounds.split("、")) == {"总投资200万元以下", "建设内容单一"}, r.output
    text = "\n".join(p.text for p in docx.Document(str(root / MERGED)).paragraphs)
    assert "205万元" not in text  # the approval of 2026-05-12 is not yet a fact
    # after the approval the same dossier no longer meets the amount ground
    r = run_cli("--as-of", "2026-05-20", "-C", root, "report", "fsr", "--merged", "--force")
    assert r.exit_code == 6, r.output
    assert "总投资 205万元（2,050,000元），不低于200万元" in r.output
