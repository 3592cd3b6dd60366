"""``xmgl portfolio``: many dossiers, one broken; every output read back."""

from __future__ import annotations

import csv
import io
import json
import shutil
import subprocess
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest
from conftest import EXAMPLE, edit_project, line_of

AS_OF = "2026-12-20"


def copy_example(target: Path) -> Path:
    shutil.copytree(EXAMPLE, target, ignore=shutil.ignore_patterns("reports"))
    return target


def git_init(root: Path) -> None:
    for args in (["init", "-q"], ["add", "-A"], ["commit", "-q", "-m", "建立项目档案"]):
        subprocess.run(["git", "-C", str(root), *args], check=True, capture_output=True)


def education(root: Path, name: str, nature: str, amount: str) -> Path:
    """A project of 大石桥市教育局 in the plan stage, submitted for 2027."""
    copy_example(root)

    def change(data):
        p = data["project"]
        p["name"], p["unit"], p["nature"], p["code"] = name, "大石桥市教育局", nature, ""
        data["investment"]["estimate"] = amount
        del data["investment"]["budget"]
        data["stage"]["current"] = "plan"
        data["stage"]["since"] = date(2026, 7, 10)
        data["records"] = [
            {"kind": "plan_call", "date": date(2026, 6, 10), "year": 2027,
             "deadline": date(2026, 7, 15), "issuer": "大石桥市数据局"},
            {"kind": "plan_submission", "date": date(2026, 7, 10), "year": 2027,
             "to": "大石桥市数据局", "amount": amount},
        ]  # fmt: skip

    edit_project(root, change)
    return root


@pytest.fixture
def three(tmp_path) -> Path:
    """城管 (the example, a git clone), 教育局 (plan stage), and one with malformed YAML."""
    top = tmp_path / "克隆"
    top.mkdir()
    git_init(copy_example(top / "a-城管"))
    education(top / "c-教育", "大石桥市智慧校园平台建设项目", "新建", "150万元")
    broken = copy_example(top / "b-损坏")
    text = (broken / "project.yaml").read_text(encoding="utf-8")
    (broken / "project.yaml").write_text(
        text.replace("funding:\n  source:", "funding:\n source:\n   source:", 1), encoding="utf-8"
    )
    return top


def run_json(xmgl, *args) -> dict:
    r = xmgl("portfolio", *args, "--as-of", AS_OF, "--format", "json")
    assert r.exit_code == 0, r.output
    return json.loads(r.stdout)  # the progress bar never reaches stdout


def test_three_dossiers_one_broken_json(xmgl, three):
    data = run_json(xmgl, three)
    assert data["count"] == 3
    rows = {Path(r["path"]).name: r for r in data["dossiers"]}
    assert list(rows) == ["a-城管", "b-损坏", "c-教育"]
    a, b, c = rows["a-城管"], rows["b-损坏"], rows["c-教育"]
    assert (a["ok"], a["unit"], a["stage"], a["total"]) == (
        True,
        "大石桥市城市管理综合行政执法局",
        "construction",
        "3725000",
    )
    assert (a["overdue"], a["open"], a["paid"]) == (1, 1, "2057400")
    (item,) = a["overdue_items"]
    assert (item["title"], item["clause"], item["due"], item["days"]) == (
        "第3期季度进展报告（2026-09-11 至 2026-12-10）",
        "第十六条",
        "2026-12-10",
        10,
    )
    assert (c["ok"], c["stage_zh"], c["total"], c["overdue"]) == (
        True,
        "列入年度计划",
        "1500000",
        0,
    )
    assert b["ok"] is False
    assert b["error"] == "project.yaml 有 1 处问题，请逐条修改后再试。"
    bad_line = line_of(three / "b-损坏", "   source:") + 1  # where YAML notices it
    (problem,) = b["problems"]
    # the wording is the loader's (it differs between the pure-Python and the C YAML parser)
    assert problem.startswith(f"project.yaml:{bad_line}:3：")
    assert ("缩进" in problem) or ("YAML 语法错误" in problem)
    totals = data["summary"]["totals"]
    assert (totals["count"], totals["unreadable"], totals["overdue"]) == (3, 1, 1)
    assert totals["total_investment"] == "5225000"
    units = {g["label"]: g for g in data["summary"]["by_unit"]}
    assert units["（无法读取）"]["unreadable"] == 1
    assert units["大石桥市教育局"]["total_investment"] == "1500000"
    stages = [g["key"] for g in data["summary"]["by_stage"]]
    assert stages == ["plan", "construction", "unreadable"]
    # the findings are those of xmgl validate
    assert (a["errors"], a["warnings"]) == (1, 0)
    (finding,) = a["findings"]
    assert (finding["rule"], finding["severity"], finding["clause"]) == (
        "A16-QUARTERLY-OVERDUE",
        "error",
        "第十六条",
    )
    assert finding["line"] == line_of(three / "a-城管", "date: 2026-03-10")  # the approval
    assert totals["errors"] == 1 + c["errors"]


def test_text_summary(xmgl, three):
    r = xmgl("portfolio", three, "--as-of", AS_OF)
    assert r.exit_code == 0, r.output
    out = r.stdout
    assert "项目组合（截至 2026-12-20）" in out
    assert "3 个档案，其中 1 个无法读取；总投资 522.5万元" in out
    assert "逾期事项 1 项（1 个项目）" in out
    assert "校验错误 1 条（1 个项目）" in out
    assert "无法读取的档案（1 个）" in out and "b-损坏" in out
    assert "逾期 10 天  第3期季度进展报告，最后一日 2026-12-10，依据第十六条" in out
    assert "大石桥市教育局" in out and "150" in out
    assert "已检查 3 个档案（1 个无法读取）" in r.stderr


def test_csv_output_read_back(xmgl, three, tmp_path):
    target = tmp_path / "汇总.csv"
    r = xmgl("portfolio", three, "--as-of", AS_OF, "--format", "csv", "--output", target)
    assert r.exit_code == 0, r.output
    raw = target.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")  # Excel reads UTF-8 only with the BOM
    rows = list(csv.DictReader(io.StringIO(raw.decode("utf-8-sig"))))
    assert [Path(r["档案路径"]).name for r in rows] == ["a-城管", "b-损坏", "c-教育"]
    a, b, c = rows
    assert a["总投资（元）"] == "3725000" and a["逾期事项数"] == "1"
    assert a["逾期事项"] == "第3期季度进展报告（2026-09-11 至 2026-12-10）（第十六条，逾期10天）"
    assert a["下一项"].startswith("第3期季度进展报告") and a["下一项截止"] == "2026-12-10"
    assert b["无法读取的原因"].startswith("project.yaml 有 1 处问题")
    assert b["项目名称"] == ""
    assert c["当前阶段"] == "列入年度计划"
    # to stdout: no BOM, same rows
    r = xmgl("portfolio", three, "--as-of", AS_OF, "--format", "csv")
    assert len(list(csv.DictReader(io.StringIO(r.stdout)))) == 3


def test_xlsx_output_read_back(xmgl, three, tmp_path):
    from openpyxl import load_workbook

    target = tmp_path / "汇总.xlsx"
    r = xmgl("portfolio", three, "--as-of", AS_OF, "--format", "xlsx", "-o", target)
    assert r.exit_code == 0, r.output
    wb = load_workbook(target)
    assert wb.sheetnames == ["汇总", "项目清单", "逾期事项", "无法读取"]
    summary = {row[0]: row[1] for row in wb["汇总"].iter_rows(values_only=True) if row}
    assert summary["档案数"] == 3 and summary["无法读取"] == 1
    assert summary["总投资（万元）"] == pytest.approx(522.5)
    assert summary["大石桥市教育局"] == 1
    ws = wb["项目清单"]
    head = [c.value for c in ws[1]]
    assert head[:3] == ["档案路径", "项目编号", "项目名称"]
    assert "总投资（万元）" in head
    body = [dict(zip(head, row, strict=True)) for row in ws.iter_rows(min_row=2, values_only=True)]
    assert body[0]["总投资（万元）"] == pytest.approx(372.5)
    assert body[0]["进入阶段日期"].date() == date(2026, 6, 1)
    assert body[2]["项目单位"] == "大石桥市教育局"
    overdue = list(wb["逾期事项"].iter_rows(min_row=2, values_only=True))
    assert [(o[2], o[3], o[6]) for o in overdue] == [
        ("第3期季度进展报告（2026-09-11 至 2026-12-10）", "第十六条", 10)
    ]
    (bad,) = list(wb["无法读取"].iter_rows(min_row=2, values_only=True))
    assert bad[0].endswith("b-损坏") and bad[1].startswith("project.yaml 有 1 处问题")


def test_plan_year_xlsx_and_docx(xmgl, tmp_path):
    from docx import Document
    from openpyxl import load_workbook

    from xmgl.reports.typography import resolve_font

    top = tmp_path / "各单位"
    top.mkdir()
    city = copy_example(top / "城管")
    edit_project(
        city,
        lambda d: d["records"].append(
            {"kind": "plan_submission", "date": date(2026, 7, 1), "year": 2027,
             "to": "大石桥市数据局", "amount": "120万元"}
        ),
    )  # fmt: skip
    education(top / "教育-新建", "大石桥市智慧校园平台建设项目", "新建", "150万元")
    education(top / "教育-运维", "大石桥市教育城域网运行维护项目", "运行维护", "35.5万元")
    education(top / "不报送", "大石桥市某项目", "新建", "99万元")
    edit_project(top / "不报送", lambda d: d["records"].pop())  # no submission for 2027
    shutil.copytree(top / "城管", top / "损坏")
    (top / "损坏" / "project.yaml").write_text("project: [\n", encoding="utf-8")

    stem = tmp_path / "2027年度投资计划草案"
    r = xmgl("portfolio", top, "--plan-year", "2027", "--output", stem, "--as-of", AS_OF)
    assert r.exit_code == 0, r.output
    assert (
        "大石桥市2027年度政务信息化项目投资计划（草案）：3个项目，申报投资合计305.5万元。"
        in r.stdout
    )
    assert "1 个档案无法读取" in r.stdout

    wb = load_workbook(stem.with_name(stem.name + ".xlsx"))
    assert wb.sheetnames == ["项目清单", "按项目单位", "按项目性质", "未能汇总的档案"]
    # totals are formulas over the list, so they follow when an amount is edited
    units = {row[0]: row[1:] for row in wb["按项目单位"].iter_rows(min_row=2, values_only=True)}
    assert units["大石桥市教育局"] == (
        "=COUNTIF('项目清单'!B4:B6,A2)",
        "=SUMIF('项目清单'!B4:B6,A2,'项目清单'!I4:I6)",
    )
    assert units["合计"] == ("=SUM(B2:B3)", "=SUM(C2:C3)")
    natures = {row[0]: row[1:] for row in wb["按项目性质"].iter_rows(min_row=2, values_only=True)}
    assert natures["运行维护"] == (
        "=COUNTIF('项目清单'!E4:E6,A4)",
        "=SUMIF('项目清单'!E4:E6,A4,'项目清单'!I4:I6)",
    )
    items = list(wb["项目清单"].iter_rows(min_row=4, values_only=True))
    names = [row[2] for row in items if isinstance(row[0], int)]
    assert names == [
        "大石桥市城市运行综合指挥平台建设项目",
        "大石桥市智慧校园平台建设项目",
        "大石桥市教育城域网运行维护项目",
    ]
    assert [row[8] for row in items[:3]] == [120, 150, pytest.approx(35.5)]
    assert items[-1][1] == "合计" and items[-1][8] == "=SUM(I4:I6)"

    doc = Document(str(stem.with_name(stem.name + ".docx")))
    paras = [(p.style.name, p.text) for p in doc.paragraphs]
    # a title too long for one line is broken between words (linebreak.balance_titles)
    assert paras[0] == ("Title", "大石桥市2027年度政务信息化\n项目投资计划（草案）")
    headings = [t for s, t in paras if s == "Heading 1"]
    assert headings == [
        "一、总体情况",
        "二、按项目单位汇总",
        "三、按项目性质汇总",
        "四、项目清单",
        "五、说明",
    ]
    body = "\n".join(t for _, t in paras)
    assert "共有2个项目单位报送2027年度项目计划3个，申报投资合计305.5万元" in body
    assert "新建项目2个、270万元，运行维护项目1个、35.5万元" in body
    assert "以下1个档案无法读取，未列入本草案" in body and "损坏" in body
    by_unit, by_nature, listing = doc.tables
    assert [c.text for c in by_unit.rows[0].cells] == ["项目单位", "项目数", "申报投资（万元）"]
    assert [[c.text for c in r.cells] for r in by_unit.rows[1:]] == [
        ["大石桥市教育局", "2", "185.5"],
        ["大石桥市城市管理综合行政执法局", "1", "120"],
        ["合计", "3", "305.5"],
    ]
    assert [c.text for c in by_nature.rows[3].cells] == ["运行维护", "1", "35.5"]
    assert [c.text for c in listing.rows[0].cells] == [
        "序号",
        "项目单位",
        "项目名称",
        "项目编号",
        "性质",
        "新开工/续建",
        "资金来源",
        "建设期",
        "申报投资（万元）",
        "年运维费（万元）",
        "备注",
    ]
    row = [c.text for c in listing.rows[2].cells]
    assert row[1:3] == ["大石桥市教育局", "大石桥市智慧校园平台建设项目"]
    assert row[4:6] == ["新建", "新开工"] and row[8] == "150"
    # 落款: the 数据局 and the date, at the end
    assert [p.text for p in doc.paragraphs[-2:]] == ["大石桥市数据局", "2026年12月20日"]
    assert doc.core_properties.author == "大石桥市数据局"
    assert len(listing.rows) == 1 + 3 + 1
    # GB/T 9704 typography (xmgl.reports.typography)
    assert resolve_font(doc, "Normal").east_asia == "仿宋_GB2312"
    assert resolve_font(doc, "Title").east_asia == "方正小标宋简体"
    assert resolve_font(doc, "Heading 1").east_asia == "黑体"


def test_plan_year_one_file_by_suffix_and_json(xmgl, three, tmp_path):
    target = tmp_path / "草案.docx"
    r = xmgl(
        "portfolio", three, "--plan-year", "2027", "-o", target, "--format", "json",
        "--as-of", AS_OF,
    )  # fmt: skip
    assert r.exit_code == 0, r.output
    data = json.loads(r.stdout)
    assert data["files"] == [str(target)]
    assert (data["count"], data["total_amount"]) == (1, "1500000")
    assert data["items"][0]["basis"] == "申报投资"
    assert target.exists() and not target.with_suffix(".xlsx").exists()


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--format", "xlsx"], "--format xlsx 需要用 --output 指定文件"),
        (["--plan-year", "2027"], "--plan-year 需要用 --output 指定草案文件"),
        (["--plan-year", "2027", "--format", "csv", "-o", "x"], "--plan-year 不能与 --format csv"),
        (["--plan-year", "2027", "-o", "x.pdf"], "计划草案只能是 .xlsx 或 .docx"),
        (["--format", "pdf"], "--format 不能取 “pdf”"),
    ],
)
def test_option_errors_before_any_work(xmgl, three, args, message, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    r = xmgl("portfolio", three, *args)
    assert r.exit_code == 2
    assert message in r.stderr
    assert list(tmp_path.iterdir()) == [three]  # nothing written


def test_paths_never_taken_for_subcommands(xmgl, tmp_path, monkeypatch):
    # folders named like commands or options' values are just folders
    for name in ("status", "calendar", "json"):
        copy_example(tmp_path / name)
    monkeypatch.chdir(tmp_path)
    data = run_json(xmgl, "status", "calendar", "json")
    assert [Path(r["path"]).name for r in data["dossiers"]] == ["calendar", "json", "status"]
    r = xmgl("portfolio", "没有这个目录")
    assert r.exit_code == 2 and "找不到文件夹：没有这个目录" in r.stderr
    (tmp_path / "空").mkdir()
    r = xmgl("portfolio", "空")
    assert r.exit_code == 2 and "没有找到项目档案" in r.stderr
    r = xmgl("portfolio")
    assert r.exit_code == 2 and "缺少参数" in r.stderr


def test_discovery(tmp_path):
    from xmgl.portfolio.scan import find_dossiers

    top = tmp_path / "top"
    copy_example(top / "a")
    copy_example(top / "group" / "b")
    (top / "a" / "nested").mkdir()
    (top / "a" / "nested" / "project.yaml").write_text("x", encoding="utf-8")  # inside a: no
    copy_example(top / ".hidden" / "c")  # hidden folders are skipped
    (top / "repo-without-yaml" / ".git").mkdir(parents=True)  # a clone missing its file
    (top / "plain" / "docs").mkdir(parents=True)  # neither: not listed
    found = [p.relative_to(top.resolve()).as_posix() for p in find_dossiers([top])]
    assert found == ["a", "group/b", "repo-without-yaml"]
    assert find_dossiers([top / "a", top]) == find_dossiers([top])  # each once


def test_clone_without_project_yaml_is_a_row(xmgl, three):
    (three / "d-空仓库" / ".git").mkdir(parents=True)
    data = run_json(xmgl, three)
    row = next(r for r in data["dossiers"] if r["path"].endswith("d-空仓库"))
    assert row["ok"] is False
    assert "缺少 project.yaml" in row["error"]


def test_parallel_and_serial_give_the_same_rows(xmgl, three):
    for i in range(5):
        copy_example(three / f"more-{i}")
    serial = run_json(xmgl, three, "--jobs", "1")
    parallel = run_json(xmgl, three, "--jobs", "2")
    assert serial["dossiers"] == parallel["dossiers"]
    assert serial["summary"] == parallel["summary"]
    assert serial["count"] == 8


def test_a_failing_check_costs_one_row_not_the_run(xmgl, three, monkeypatch):
    import xmgl.domain.rules as rules

    real = rules.check

    def check(dossier, as_of, *, stage=None):
        if dossier.project.unit == "大石桥市教育局":
            raise RuntimeError("规则缺陷")
        return real(dossier, as_of, stage=stage)

    monkeypatch.setattr(rules, "check", check)
    data = run_json(xmgl, three, "--jobs", "1")  # in this process, where the patch is
    rows = {Path(r["path"]).name: r for r in data["dossiers"]}
    assert rows["a-城管"]["ok"] is True and rows["a-城管"]["errors"] == 1
    assert rows["c-教育"]["ok"] is False
    assert rows["c-教育"]["error"] == "xmgl 内部错误：RuntimeError: 规则缺陷"
    assert data["summary"]["totals"]["unreadable"] == 2


def test_money_stays_exact(tmp_path):
    from xmgl.portfolio.summary import summarize

    rows = [
        {"ok": True, "unit": "u", "stage": "plan", "total": Decimal("0.10"), "errors": 0,
         "overdue": 0, "checked": False},
        {"ok": True, "unit": "u", "stage": "plan", "total": Decimal("0.20"), "errors": 0,
         "overdue": 0, "checked": False},
    ]  # fmt: skip
    assert summarize(rows).all.total == Decimal("0.30")


def test_json_to_a_file_equals_stdout(xmgl, three, tmp_path):
    target = tmp_path / "汇总.json"
    r = xmgl("portfolio", three, "--as-of", AS_OF, "--format", "json", "-o", target)
    assert r.exit_code == 0, r.output
    assert r.stdout == "" and "已写入" in r.stderr
    assert json.loads(target.read_text(encoding="utf-8")) == run_json(xmgl, three)


def test_plan_classifies_by_request_and_marks_every_substitution(xmgl, tmp_path):
    from docx import Document

    top = tmp_path / "各单位"
    top.mkdir()
    city = copy_example(top / "城管-运维")  # a 新建 project asking for its O&M money
    edit_project(
        city,
        lambda d: d["records"].append(
            {"kind": "plan_submission", "date": date(2026, 7, 1), "year": 2027,
             "amount": "28万元", "nature": "运行维护"}
        ),
    )  # fmt: skip
    other = copy_example(top / "城管-未填金额")
    edit_project(
        other,
        lambda d: d["records"].append(
            {"kind": "plan_submission", "date": date(2026, 7, 2), "year": 2027}
        ),
    )
    target = tmp_path / "草案.docx"
    r = xmgl("portfolio", top, "--plan-year", "2027", "-o", target, "--as-of", AS_OF)
    assert r.exit_code == 0, r.output
    doc = Document(str(target))
    by_nature = {r.cells[0].text: r.cells[1].text for r in doc.tables[1].rows[1:]}
    assert by_nature["运行维护"] == "1" and by_nature["新建"] == "1"
    listing = [[c.text for c in row.cells] for row in doc.tables[2].rows[1:-1]]
    notes = {row[4]: row[10] for row in listing}
    assert notes["运行维护"] == ""  # as requested: nothing substituted
    assert notes["新建"] == (
        "未填写申报投资，按批复概算列示；申报未注明性质，按项目性质（新建）列示"
    )
    amounts = {row[4]: row[8] for row in listing}
    assert amounts == {"运行维护": "28", "新建": "372.5"}
    body = "\n".join(p.text for p in doc.paragraphs)
    assert "清单中1个项目的金额或性质不是项目单位申报的原数，已在“备注”栏逐项注明。" in body


def test_an_om_request_never_takes_the_construction_budget(xmgl, tmp_path):
    from docx import Document

    top = tmp_path / "各单位"
    top.mkdir()
    city = copy_example(top / "城管")  # 新建, 概算 372.5万元, 年运维 28万元
    edit_project(
        city,
        lambda d: d["records"].append(
            {"kind": "plan_submission", "date": date(2026, 7, 1), "year": 2027,
             "nature": "运行维护"}
        ),
    )  # fmt: skip
    target = tmp_path / "草案.docx"
    r = xmgl("portfolio", top, "--plan-year", "2027", "-o", target, "--as-of", AS_OF)
    assert r.exit_code == 0, r.output
    row = [c.text for c in Document(str(target)).tables[2].rows[1].cells]
    assert (row[4], row[8]) == ("运行维护", "28")
    assert row[10] == "未填写申报投资，按年运行维护费用估算列示"
