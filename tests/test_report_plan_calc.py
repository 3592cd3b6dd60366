"""The annual plan .xlsx in LibreOffice Calc: its totals are formulas that follow an edit.

The 数据局 edits the draft (an amount corrected, a missing request filled in);
every total on the three sheets must follow. openpyxl writes the formulas
without cached values, so a spreadsheet program computes them: here LibreOffice
Calc, headless, exports every sheet as CSV and the test reads the computed
totals back.
"""

from __future__ import annotations

import csv
import os
import re
import subprocess
from decimal import Decimal
from pathlib import Path

import pytest
from openpyxl import load_workbook

from tests.conftest import PLAN_ARGS, make_plan_dossiers
from tests.tools import missing, need_soffice
from xmgl.reports import office


def need_calc() -> str:
    need_soffice()
    soffice = office.find_soffice()
    program = Path(os.path.realpath(soffice)).parent
    if not (program / "libsclo.so").exists():
        missing("LibreOffice Calc (libreoffice-calc)")
    return str(soffice)


def calc_csv(xlsx: Path, outdir: Path) -> dict[str, list[list[str]]]:
    """Every sheet of ``xlsx`` as LibreOffice Calc computes it: {sheet: rows}."""
    soffice = need_calc()
    # CSV filter: comma, quote ", UTF-8, … , token 12 = -1: every sheet to <stem>-<sheet>.csv
    flt = "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1"
    subprocess.run(
        [
            soffice,
            f"-env:UserInstallation={(outdir / 'profile').as_uri()}",
            "--headless",
            "--norestore",
            "--convert-to",
            flt,
            "--outdir",
            str(outdir),
            str(xlsx),
        ],
        capture_output=True,
        check=True,
        timeout=180,
        stdin=subprocess.DEVNULL,
    )
    sheets = {}
    for path in outdir.glob(f"{xlsx.stem}-*.csv"):
        with path.open(encoding="utf-8", newline="") as fh:
            sheets[path.stem.removeprefix(f"{xlsx.stem}-")] = list(csv.reader(fh))
    return sheets


@pytest.fixture
def plan_xlsx(xmgl, tmp_path) -> Path:
    """The 2027 draft over a 新建 request (120万元) and an O&M request without amount."""
    top = make_plan_dossiers(tmp_path / "各单位")
    stem = tmp_path / "草案"
    r = xmgl("portfolio", top, *PLAN_ARGS, "--output", stem)
    assert r.exit_code == 0, r.output
    return stem.with_name("草案.xlsx")


def _by_key(rows: list[list[str]]) -> dict[str, tuple[str, Decimal]]:
    return {row[0]: (row[1], Decimal(row[2] or "0")) for row in rows[1:]}


def test_totals_follow_an_edited_amount_in_calc(plan_xlsx, tmp_path):
    as_written = calc_csv(plan_xlsx, tmp_path / "before")
    assert set(as_written) == {"项目清单", "按项目单位", "按项目性质"}
    listed = as_written["项目清单"]
    head = listed[2]
    amount = head.index("申报投资（万元）")
    assert listed[-1][1:3] == ["合计", "2个项目"] and Decimal(listed[-1][amount]) == 120
    # one way to write a count or an amount, as in the .docx: no space before the unit
    spaced = [
        cell
        for rows in as_written.values()
        for row in rows
        for cell in row
        if re.search(r"\d[\s\u3000]+(?:个|万元|亿元|元)", cell)
    ]
    assert not spaced, spaced

    # the 数据局 corrects the 新建 amount and fills in the O&M request
    wb = load_workbook(plan_xlsx)
    ws = wb["项目清单"]
    col = amount + 1
    rows = {ws.cell(row=r, column=5).value: r for r in (4, 5)}  # 项目性质 → row
    ws.cell(row=rows["新建"], column=col).value = 150.5
    ws.cell(row=rows["运行维护"], column=col).value = 30
    edited = tmp_path / "edited.xlsx"
    wb.save(edited)

    computed = calc_csv(edited, tmp_path / "after")
    assert Decimal(computed["项目清单"][-1][amount]) == Decimal("180.5")
    assert _by_key(computed["按项目单位"]) == {
        "大石桥市城市管理综合行政执法局": ("1", Decimal("150.5")),
        "大石桥市营商环境建设局": ("1", Decimal(30)),
        "合计": ("2", Decimal("180.5")),
    }
    assert _by_key(computed["按项目性质"]) == {
        "新建": ("1", Decimal("150.5")),
        "改扩建": ("0", Decimal(0)),
        "运行维护": ("1", Decimal(30)),
        "合计": ("2", Decimal("180.5")),
    }
