"""The annual plan draft says what its totals are made of, wherever it states them.

A total is "申报投资" only when every amount in it is a request. When the approved 概算
stands in for a missing request, or a request has no amount at all, the console line,
the per-nature lines, the JSON and the .xlsx say so, as the .docx does (plan.Total.text).
Dossier text in the draft is one paragraph without the spaces a folded YAML scalar leaves
in Chinese, as in the reports (xmgl.domain.text.oneline, one function for both).
"""

from __future__ import annotations

import json
import shutil
from datetime import date
from pathlib import Path

import docx
from openpyxl import load_workbook
from rich.cells import cell_len

from tests.conftest import EXAMPLE, edit_project
from tests.test_reports import make, paragraphs

AS_OF = "2026-12-20"
SUBSTITUTED = "金额合计492.5万元（其中1个项目未填写申报投资，按批复概算列示，计372.5万元）"
MISSING = "其中1个项目未填写申报投资，也没有可列示的金额，未计入金额合计，需补报。"


def _copy(root: Path, name: str, submission: dict, change=None) -> None:
    shutil.copytree(EXAMPLE, root, ignore=shutil.ignore_patterns("reports"))

    def edit(data):
        data["project"]["name"] = name
        data["records"].append(
            {"kind": "plan_submission", "date": date(2026, 7, 10), "year": 2027, **submission}
        )
        if change:
            change(data)

    edit_project(root, edit)


def plan_dossiers(top: Path) -> Path:
    """A request of 120万元; a request without an amount (the 概算 372.5万元 stands in);
    an O&M request without an amount of a project with no O&M estimate (nothing to list)."""
    _copy(top / "a", "大石桥市城市运行综合指挥平台建设项目", {"amount": "120万元"})
    _copy(top / "b", "大石桥市智慧教育云平台二期项目", {})

    def no_operation_estimate(data):
        del data["investment"]["operation_annual"]

    _copy(top / "c", "大石桥市数字档案馆项目", {"nature": "运行维护"}, no_operation_estimate)
    return top


def draft(xmgl, top: Path, stem: Path, *extra: str):
    r = xmgl("portfolio", top, "--plan-year", "2027", "--output", stem, "--as-of", AS_OF, *extra)
    assert r.exit_code == 0, r.output
    return r


def test_console_says_what_the_total_is_made_of(xmgl, tmp_path):
    top = plan_dossiers(tmp_path / "各单位")
    r = draft(xmgl, top, tmp_path / "草案")
    out = r.stdout
    assert "申报投资合计 " not in out and "申报投资合计492.5" not in out
    lines = out.splitlines()
    assert lines[:6] == [
        "大石桥市2027年度政务信息化项目投资计划（草案）：3个项目，金额合计492.5万元。",
        "  其中1个项目未填写申报投资，按批复概算列示，计372.5万元。",
        "  " + MISSING,
        "  新建  2个  金额合计492.5万元",
        "    其中1个项目未填写申报投资，按批复概算列示，计372.5万元",
        "  运行维护  1个  没有可列示的金额",
    ]
    assert max(cell_len(line) for line in lines) <= 80
    # the .docx says the same of the same total
    doc = docx.Document(str(tmp_path / "草案.docx"))
    body = "\n".join(p.text for p in doc.paragraphs)
    assert f"报送2027年度项目计划3个，{SUBSTITUTED}" in body and MISSING in body


def test_json_says_what_the_total_is_made_of(xmgl, tmp_path):
    top = plan_dossiers(tmp_path / "各单位")
    data = json.loads(draft(xmgl, top, tmp_path / "草案.xlsx", "--format", "json").stdout)
    assert data["total_amount"] == "4925000"
    assert (data["requested_amount"], data["substituted"], data["substituted_amount"]) == (
        "1200000",
        1,
        "3725000",
    )
    assert data["missing_amount"] == 1
    assert data["total_text"] == SUBSTITUTED
    natures = {n["key"]: n for n in data["by_nature"]}
    assert natures["新建"]["text"] == SUBSTITUTED
    assert (natures["运行维护"]["missing"], natures["运行维护"]["text"]) == (1, "没有可列示的金额")


def test_xlsx_heads_and_note_say_what_the_amounts_are(xmgl, tmp_path):
    top = plan_dossiers(tmp_path / "各单位")
    draft(xmgl, top, tmp_path / "草案.xlsx")
    wb = load_workbook(tmp_path / "草案.xlsx")
    ws = wb["项目清单"]
    note, heads = ws.cell(row=2, column=1).value, [c.value for c in ws[3]]
    assert "金额（万元）" in heads and "申报投资（万元）" not in heads
    assert "其中1个项目未填写申报投资，按批复概算列示（见“金额依据”“备注”栏）" in note
    assert "1个项目未填写申报投资，也没有可列示的金额，未计入合计" in note
    for sheet in ("按项目单位", "按项目性质"):
        assert [c.value for c in wb[sheet][1]] == [sheet[1:], "项目数", "金额（万元）"]


def test_all_requests_keep_the_requested_heading(xmgl, tmp_path):
    top = tmp_path / "各单位"
    _copy(top / "a", "大石桥市城市运行综合指挥平台建设项目", {"amount": "120万元"})
    r = draft(xmgl, top, tmp_path / "草案.xlsx")
    assert "1个项目，申报投资合计120万元。" in r.stdout
    heads = [c.value for c in load_workbook(tmp_path / "草案.xlsx")["项目清单"][3]]
    assert "申报投资（万元）" in heads


SUMMARY = "建设城市运行综合指挥平台，整合城管案件、市政设施、环卫作业等业务数据，实现案件统一受理"


def test_plan_summary_reads_as_the_reports_do(xmgl, tmp_path):
    """The example's summary is a folded scalar whose first line ends with "，": YAML joins
    it to the next with a space ("数据， 实现"). A second line break before Latin text
    ("平台，" then "GIS 服务") leaves one too; "GIS 服务" keeps its own space."""
    top = tmp_path / "各单位"
    _copy(top / "a", "大石桥市城市运行综合指挥平台建设项目", {"amount": "120万元"})
    root = top / "a"
    text = (root / "project.yaml").read_text(encoding="utf-8")
    text = text.replace(
        "实现案件统一受理、智能派遣、联动处置和综合评价。",
        "实现案件统一受理，\n    GIS 服务接入省级平台。",
        1,
    )
    (root / "project.yaml").write_text(text, encoding="utf-8")
    expected = SUMMARY + "，GIS 服务接入省级平台。"

    draft(xmgl, top, tmp_path / "草案.xlsx")
    ws = load_workbook(tmp_path / "草案.xlsx")["项目清单"]
    heads = [c.value for c in ws[3]]
    assert ws.cell(row=4, column=heads.index("建设内容概述") + 1).value == expected

    make(xmgl, root, "fsr")
    fsr = docx.Document(root / "reports/可行性研究报告.docx")
    assert any(expected in p for p in paragraphs(fsr))
