"""Reports say nothing untrue on fresh dossiers, not only on dossier-example/ (issue 10).

Each test writes a dossier of its own shape in tmp_path — only the required
sections, a 涉密 合并编报 project before approval, a project with a change and
an approved extension, an O&M request for the annual plan, mixed funding, zero
amounts, a long unit name — makes the real .docx through the CLI, reads it back
with python-docx and checks the sentence a 数据局 reviewer would read.
"""

from __future__ import annotations

import datetime as dt
import io
import re
import shutil
from pathlib import Path

import docx
from ruamel.yaml import YAML

from tests.conftest import REPO, edit_project
from tests.test_reports import FSR_FILE, MERGED_FILE, MERGED_SMALL, full_text, make, paragraphs

D = dt.date.fromisoformat
LONG_UNIT = "大石桥市农业农村局（大石桥市乡村振兴局、大石桥市农村经济经营管理服务中心）"
REG = "《大石桥市政务信息化项目管理暂行办法》"


def write_dossier(root: Path, **sections) -> Path:
    """A dossier with only the required sections, plus ``sections`` (replacing)."""
    data = {
        "format_version": 1,
        "project": {
            "name": "大石桥市农村集体经济组织财务监管平台建设项目",
            "unit": LONG_UNIT,
            "competent_department": "大石桥市农业农村局",
            "legal_person": "陈志强",
            "nature": "新建",
            "content_types": ["业务信息系统"],
        },
        "funding": {"source": "市本级财政性资金"},
        "investment": {},
        "deployment": {"cloud": "营口市政务云"},
        "security": {"classified": False},
        "stage": {"current": "feasibility", "since": D("2026-10-09")},
        "records": [],
    }
    data.update(sections)
    root.mkdir(parents=True)
    buf = io.StringIO()
    YAML(typ="safe", pure=True).dump(data, buf)
    (root / "project.yaml").write_text(buf.getvalue(), encoding="utf-8")
    return root


def approved_minimal(root: Path, *records: dict, **sections) -> Path:
    """Only the required sections; approved as 可研代初步设计, in construction."""
    project = {
        "name": "大石桥市农村集体经济组织财务监管平台建设项目",
        "unit": LONG_UNIT,
        "competent_department": "大石桥市农业农村局",
        "legal_person": "陈志强",
        "nature": "新建",
        "content_types": ["业务信息系统"],
        "construction_months": 6,
    }
    approval = {
        "kind": "approval",
        "date": D("2026-05-15"),
        "subject": "可研代初步设计",
        "issuer": "大石桥市营商环境建设局",
    }
    return write_dossier(
        root,
        project=project,
        stage={"current": "construction", "since": D("2026-07-01")},
        records=[approval, *records],
        **sections,
    )


def copy_example(root: Path) -> Path:
    shutil.copytree(REPO / "dossier-example", root, ignore=shutil.ignore_patterns("reports"))
    return root


def add_records(root: Path, *records: dict) -> None:
    edit_project(root, lambda data: data["records"].extend(records))


def quarterly_texts(xmgl, root: Path, period: int, as_of: str) -> list[str]:
    make(xmgl, root, "quarterly", "--period", str(period), as_of=as_of)
    return paragraphs(docx.Document(root / f"reports/季度进展报告-第{period}期.docx"))


# ------------------------------------------------------------ missing data is not "0"


def test_quarterly_without_data_sharing_does_not_count_zero(xmgl, tmp_path):
    root = approved_minimal(tmp_path / "d")
    texts = quarterly_texts(xmgl, root, 3, "2026-12-02")
    line = next(t for t in texts if t.startswith("3. 数据共享对接："))
    assert "0项" not in line  # no data_sharing section: nothing is known, not "none"
    assert line.startswith("3. 数据共享对接：【待填写：信息资源目录和数据资源共享清单的项数")


def test_progress_without_percent_is_not_called_no_progress(xmgl, tmp_path):
    progress = {
        "kind": "progress",
        "date": D("2026-07-20"),
        "description": "完成需求调研。",
        "problems": "部分乡镇网络不通。",
    }
    root = approved_minimal(tmp_path / "d", progress)
    texts = quarterly_texts(xmgl, root, 3, "2026-12-02")
    line = next(t for t in texts if "累计形象进度" in t)
    assert "没有进展记录" not in line  # there is one: it only lacks the percentage
    assert line == "【待填写：截至2026年12月2日的累计形象进度（进展记录中没有写形象进度）】。"


def test_cross_boundary_without_kinds_is_not_declared_none(xmgl, tmp_path):
    root = write_dossier(tmp_path / "d", cross_boundary={"lead_department": "大石桥市农业农村局"})
    make(xmgl, root, "fsr", as_of="2026-12-02")
    text = full_text(docx.Document(root / FSR_FILE))
    assert "本项目不涉及跨层级" not in text
    assert "【待填写：本项目是否涉及跨层级、跨地域、跨系统、跨部门、跨业务共建共享" in text


def test_announced_participants_table_is_never_empty(xmgl, tmp_path):
    root = write_dossier(tmp_path / "d", cross_boundary={"kinds": ["跨层级"]})
    make(xmgl, root, "fsr", as_of="2026-12-02")
    doc = docx.Document(root / FSR_FILE)
    table = next(t for t in doc.tables if t.rows[0].cells[0].text == "参建部门")
    assert len(table.rows) == 2  # "……如下" is followed by a row to fill in
    assert table.rows[1].cells[0].text == "【待填写：参建部门】"


# ------------------------------------------------------------ as of the report's date


def test_fsr_states_nothing_recorded_after_its_date(xmgl, tmp_path):
    root = copy_example(tmp_path / "d")
    make(xmgl, root, "fsr", as_of="2026-01-10")  # before the plan (01-15) and crypto (02-25)
    text = full_text(docx.Document(root / FSR_FILE))
    assert "2026年2月25日" not in text and "结果：通过" not in text
    assert "审核情况：【待填写：密码应用方案经市国家密码管理局审核的情况】" in text
    assert "列入2026年度政务信息化项目投资计划" not in text
    assert "本项目于2025年6月5日纳入项目储备库（大数据发〔2025〕12号）" in text


def test_regenerated_report_states_what_it_said_when_submitted(xmgl, tmp_path):
    root = copy_example(tmp_path / "d")
    late = {
        "kind": "payment",
        "date": D("2026-09-09"),
        "contract": "HT-2026-002",
        "amount": "1万元",
        "note": "报送后、期末前的支付",
    }
    add_records(root, late)
    texts = quarterly_texts(xmgl, root, 2, "2026-12-01")  # submitted 2026-09-08
    assert texts[-2] == "2026年9月8日"  # the date, above the 附注
    assert any(
        "本报告于2026年9月8日报送（档案记录），以下数据截至2026年9月8日。" in t for t in texts
    )
    assert not any("截至本期末" in t for t in texts)
    doc = docx.Document(root / "reports/季度进展报告-第2期.docx")
    assert "报送后、期末前的支付" not in full_text(doc)
    money = {r.cells[0].text: r.cells[1].text for r in doc.tables[1].rows}
    assert money["累计支付"] == "104.34万元（1,043,400元）"


def test_change_approved_after_the_cutoff_is_not_yet_approved(xmgl, tmp_path):
    root = copy_example(tmp_path / "d")
    no = "大营商审批〔2026〕88号"
    add_records(
        root,
        {
            "kind": "change",
            "date": D("2026-10-12"),
            "aspect": "进度",
            "description": "因省平台接口调整，建设期延长6个月。",
            "approval_no": no,
            "construction_months": 18,
        },
        {
            "kind": "approval",
            "date": D("2026-12-20"),
            "subject": "变更",
            "issuer": "大石桥市营商环境建设局",
            "document_no": no,
        },
    )
    texts = quarterly_texts(xmgl, root, 3, "2027-01-05")  # period 3 ends 2026-12-10
    doc = docx.Document(root / "reports/季度进展报告-第3期.docx")
    text = full_text(doc)
    assert "2026年12月20日" not in text  # approved after the period: not in this report
    assert "18个月" not in text
    assert any(t.startswith(f"按照{REG}第十五条") for t in texts)


def test_plan_from_an_earlier_period_is_not_called_last_periods(xmgl, tmp_path):
    root = copy_example(tmp_path / "d")
    add_records(
        root,
        {
            "kind": "progress",
            "date": D("2026-11-20"),
            "description": "联动处置子系统完成开发。",
            "percent": 70,
            "next_steps": "完成综合评价子系统。",
        },
    )
    # period 5 (2027-03-11 …): the plan was recorded in period 3, nothing since
    texts = quarterly_texts(xmgl, root, 5, "2027-03-20")
    assert not any(t.startswith("上期报告期内") for t in texts)
    assert (
        "第3期（2026年11月20日记录）提出的下一步工作计划（此后档案中没有新的工作计划）："
        "完成综合评价子系统。" in texts
    )


# ------------------------------------------------------------ 涉密, merged, before approval


def secret_merged(root: Path) -> Path:
    shutil.copytree(MERGED_SMALL, root, ignore=shutil.ignore_patterns("reports"))

    def change(data):
        data["project"]["name"] = "大石桥市保密技术检查监管平台项目"
        data["security"]["classified"] = True
        del data["security"]["mlps_level"]
        del data["investment"]["budget"]
        data["investment"]["operation_annual"] = 0
        data["stage"] = {"current": "merged_design", "since": D("2026-03-01")}
        keep = ("reserve_entry", "plan_call", "plan_submission", "plan_inclusion")
        data["records"] = [r for r in data["records"] if r["kind"] in keep]

    edit_project(root, change)
    return root


def test_classified_system_is_not_graded_under_mlps(xmgl, tmp_path):
    root = secret_merged(tmp_path / "d")
    make(xmgl, root, "fsr", "--merged", as_of="2026-03-20")
    text = full_text(docx.Document(root / MERGED_FILE))
    assert "涉密信息系统，网络安全等级保护定级" not in text
    assert "【待填写：本项目为涉密信息系统，写明密级和分级保护要求】" in text
    assert "GB/T 22239" not in text  # not a basis of a 涉密 system
    assert "等级保护测评" not in text  # the 概算 row is the 安全保密测评
    assert "安全保密测评和密码应用安全性评估费" in text
    assert "【待填写：涉密信息系统分级保护所依据的国家保密标准】" in text


def test_classified_quarterly_reports_protection_by_grade(xmgl, tmp_path):
    root = approved_minimal(tmp_path / "d", security={"classified": True})
    texts = quarterly_texts(xmgl, root, 3, "2026-12-02")
    assert "六、分级保护、密码应用和数据共享对接进展" in texts
    line = next(t for t in texts if t.startswith("1. "))
    assert line.startswith("1. 涉密信息系统分级保护：【待填写：本项目为涉密信息系统")
    assert "网络安全等级保护" not in line
    assert "定级备案" not in line


def test_zero_operation_cost_is_not_applied_for(xmgl, tmp_path):
    root = secret_merged(tmp_path / "d")
    make(xmgl, root, "fsr", "--merged", as_of="2026-03-20")
    texts = paragraphs(docx.Document(root / MERGED_FILE))
    assert "项目建成后，年运行维护费用估算0元/年。" in texts
    assert not any("0元/年，另行申请" in t for t in texts)


# ------------------------------------------------------------ the dossier's words, once


def test_dossier_punctuation_is_not_doubled(xmgl, tmp_path):
    root = write_dossier(
        tmp_path / "d",
        deployment={"cloud": "其他", "justification": "省公安厅要求部署在公安网。"},
        platform={"standalone": True, "exception": "承接上级试点任务", "basis": "某某文件。"},
    )
    make(xmgl, root, "fsr", as_of="2026-12-02")
    text = full_text(docx.Document(root / FSR_FILE))
    assert "理由：省公安厅要求部署在公安网；" in text
    assert "依据：某某文件。" in text
    assert not re.search(r"[。；，][。；，]", text)


def test_mixed_funding_names_every_source(xmgl, tmp_path):
    funding = {"source": "上级补助资金", "other_sources": ["市本级财政性资金"]}
    root = approved_minimal(tmp_path / "d", funding=funding)
    make(xmgl, root, "fsr", as_of="2026-12-02")
    assert "资金来源：上级补助资金、市本级财政性资金。" in full_text(docx.Document(root / FSR_FILE))
    quarterly_texts(xmgl, root, 3, "2026-12-02")
    doc = docx.Document(root / "reports/季度进展报告-第3期.docx")
    basic = {r.cells[0].text: r.cells[1].text for r in doc.tables[0].rows}
    assert basic["资金来源"] == "上级补助资金、市本级财政性资金"


# ------------------------------------------------------------ the annual plan draft


def test_plan_draft_marks_substitutions_and_cites_in_full(xmgl, tmp_path):
    top = tmp_path / "clones"
    top.mkdir()
    # an accepted 新建 project asking for O&M money
    om = copy_example(top / "运维")

    def operating(data):
        data["project"]["name"] = "大石桥市社会保障卡一卡通服务平台项目"
        data["stage"] = {"current": "in_operation", "since": D("2026-10-20")}
        data["records"] += [
            {"kind": "acceptance", "date": D("2026-10-18"), "result": "合格"},
            {
                "kind": "plan_submission",
                "date": D("2026-11-10"),
                "year": 2027,
                "amount": "26万元",
                "nature": "运行维护",
            },
        ]

    edit_project(om, operating)
    # a 续建 project that asked without an amount: the 概算 stands in for it
    cont = copy_example(top / "续建")

    def continuing(data):
        data["project"]["name"] = "大石桥市智慧教育云平台二期项目"
        data["project"]["unit"] = "大石桥市教育局"
        data["funding"]["other_sources"] = ["上级补助资金"]
        data["records"].append({"kind": "plan_submission", "date": D("2026-11-12"), "year": 2027})

    edit_project(cont, continuing)
    stem = tmp_path / "草案"
    r = xmgl("portfolio", top, "--plan-year", "2027", "--output", stem, "--as-of", "2026-12-01")
    assert r.exit_code == 0, r.output
    doc = docx.Document(str(stem.with_name("草案.docx")))
    body = "\n".join(p.text for p in doc.paragraphs)
    # the total is not all "申报投资": what stands in is said where the total is
    assert "申报投资合计398.5万元" not in body
    assert "金额合计398.5万元（其中1个项目未填写申报投资，按批复概算列示，计372.5万元）" in body
    assert "未填写申报投资的，按批复概算列示，并在“备注”栏注明。" in body
    assert "xmgl" not in body.lower()  # no English, no tool name in a 数据局 document
    assert "（第九条）" not in body and f"按照{REG}第九条，" in body
    listing = doc.tables[-1]
    head = [c.text for c in listing.rows[0].cells]
    rows = {
        r.cells[2].text: dict(zip(head, [c.text for c in r.cells], strict=True))
        for r in listing.rows
    }
    assert rows["大石桥市社会保障卡一卡通服务平台项目"]["性质"] == "运行维护"
    assert rows["大石桥市社会保障卡一卡通服务平台项目"]["建设期"] == "—"  # O&M: no 建设期
    assert rows["大石桥市智慧教育云平台二期项目"]["资金来源"] == "市本级财政性资金、上级补助资金"
    assert rows["大石桥市智慧教育云平台二期项目"]["新开工/续建"] == "续建"


def test_work_finished_on_time_is_not_behind_while_awaiting_acceptance(xmgl, tmp_path):
    root = copy_example(tmp_path / "d")

    def finished(data):
        data["project"]["construction_months"] = 4  # planned end 2026-10-01
        data["records"] += [
            {
                "kind": "progress",
                "date": D("2026-09-25"),
                "description": "全部功能完成，试运行。",
                "percent": 100,
            },
            {"kind": "preliminary_acceptance", "date": D("2026-10-05"), "result": "合格"},
        ]
        data["stage"] = {"current": "preliminary_acceptance", "since": D("2026-10-05")}

    edit_project(root, finished)
    texts = quarterly_texts(xmgl, root, 3, "2026-12-01")
    line = next(t for t in texts if t.startswith("进度情况："))
    assert "滞后" not in line
    assert line == (
        "进度情况：2026年9月25日形象进度达到100%，在计划完工日期2026年10月1日前完成建设任务。"
    )


def test_suspended_project_is_reported_as_suspended(xmgl, tmp_path):
    root = copy_example(tmp_path / "d")

    def suspend(data):
        data["records"].append(
            {
                "kind": "suspension",
                "date": D("2026-10-01"),
                "issuer": "大石桥市数据局",
                "document_no": "大数据发〔2026〕40号",
                "reason": "资金未到位。",
            }
        )
        data["stage"] = {"current": "suspended", "since": D("2026-10-01")}

    edit_project(root, suspend)
    texts = quarterly_texts(xmgl, root, 3, "2026-12-01")
    line = next(t for t in texts if t.startswith("进度情况："))
    assert line.startswith(
        "进度情况：2026年10月1日大石桥市数据局决定暂停项目建设（大数据发〔2026〕40号），"
        "原因：资金未到位，截至2026年12月1日档案中没有恢复建设的记录；"
    )


def test_project_building_facilities_is_not_said_to_build_none(xmgl, tmp_path):
    project = {
        "name": "大石桥市城区视频监控补点建设项目",
        "unit": "大石桥市公安局",
        "competent_department": "大石桥市公安局",
        "legal_person": "周立军",
        "nature": "新建",
        "content_types": ["信息采集设施", "业务信息系统"],
    }
    root = write_dossier(tmp_path / "d", project=project)
    make(xmgl, root, "fsr", as_of="2026-12-02")
    text = full_text(docx.Document(root / FSR_FILE))
    assert "不单独建设机房和基础设施" not in text  # it builds 信息采集设施
    assert (
        "本项目依托营口市政务云部署；建设内容包括信息采集设施，"
        "【待填写：拟建设的设施、部署位置及其与政务云的关系】" in text
    )


def test_plan_draft_uses_the_revised_request(xmgl, tmp_path):
    top = tmp_path / "clones"
    top.mkdir()
    root = copy_example(top / "修改")
    add_records(
        root,
        {"kind": "plan_submission", "date": D("2026-07-01"), "year": 2027, "amount": "80万元"},
        {"kind": "plan_submission", "date": D("2026-07-20"), "year": 2027, "amount": "65万元"},
    )
    stem = tmp_path / "草案"
    r = xmgl("portfolio", top, "--plan-year", "2027", "--output", stem, "--as-of", "2026-12-01")
    assert r.exit_code == 0, r.output
    body = "\n".join(p.text for p in docx.Document(str(stem.with_name("草案.docx"))).paragraphs)
    assert "申报投资合计65万元" in body  # the request as revised on 07-20, not the first


def test_merged_report_states_one_investment_figure(xmgl, tmp_path):
    # approved at 165万 after asking for 168万: the request says 168万 throughout
    root = tmp_path / "d"
    shutil.copytree(MERGED_SMALL, root, ignore=shutil.ignore_patterns("reports"))
    make(xmgl, root, "fsr", "--merged", as_of="2026-09-15")
    text = full_text(docx.Document(root / MERGED_FILE))
    amounts = set(re.findall(r"\d+(?:\.\d+)?万元", text))
    assert amounts == {"168万元", "200万元"}  # 200万元: the 第十条 threshold
    assert "本项目申报投资概算168万元（1,680,000元），在200万元（不含）以下。" in text


def test_declared_facts_stay_when_placeholders_are_filled(xmgl, tmp_path):
    # resource_platform: false is the dossier's fact; only the reason is for a person to write
    root = write_dossier(
        tmp_path / "d",
        deployment={"cloud": "营口市政务云", "resource_platform": False},
    )
    make(xmgl, root, "fsr", as_of="2026-12-02")
    texts = paragraphs(docx.Document(root / FSR_FILE))
    assert (
        "本项目未按营口市要求接入统一政务信息资源库平台，原因：【待填写：未接入的原因】。" in texts
    )


def test_merged_grounds_carry_the_units_reasons(xmgl, tmp_path):
    root = secret_merged(tmp_path / "d")
    make(xmgl, root, "fsr", "--merged", as_of="2026-03-20")
    texts = paragraphs(docx.Document(root / MERGED_FILE))
    assert (
        f"1. {REG}第十条第三款：项目单位申报本项目建设内容单一，"
        "理由：只建设一个政务服务排队叫号系统，不涉及其他业务系统。" in texts
    )


# ------------------------------------------------------------ what the period's records say


def test_supervision_findings_are_problems_until_rectified(xmgl, tmp_path):
    root = copy_example(tmp_path / "d")
    add_records(
        root,
        {
            "kind": "supervision_finding",
            "date": D("2026-08-10"),
            "issuer": "大石桥市数据局",
            "area": "资金使用",
            "description": "进度款支付凭证不全。",
            "deadline": D("2026-09-30"),
        },
        {
            "kind": "supervision_finding",
            "date": D("2026-10-15"),
            "issuer": "大石桥市审计局",
            "area": "招标采购",
            "description": "监理合同未备案",
        },
    )
    texts = quarterly_texts(xmgl, root, 3, "2026-12-01")
    assert (
        "3. 大石桥市数据局监督检查发现（资金使用）：进度款支付凭证不全。（2026年8月10日记录）"
        "解决情况：【待填写：整改情况，整改期限2026年9月30日；档案中尚无整改完成的记录】" in texts
    )
    assert (
        "1. 大石桥市审计局监督检查发现（招标采购）：监理合同未备案（2026年10月15日记录）。" in texts
    )
    add_records(
        root,
        {
            "kind": "rectification",
            "date": D("2026-11-20"),
            "subject": "监督检查",
            "completed": D("2026-11-20"),
        },
    )
    texts = quarterly_texts(xmgl, root, 4, "2027-01-20")
    assert not any("监督检查发现" in t for t in texts)  # rectified before period 4 began


def test_milestone_records_are_reported_in_date_order(xmgl, tmp_path):
    root = copy_example(tmp_path / "d")

    def finished(data):
        data["project"]["construction_months"] = 4
        data["records"] += [
            {"kind": "preliminary_acceptance", "date": D("2026-10-05"), "result": "合格"},
            {
                "kind": "progress",
                "date": D("2026-09-25"),
                "description": "全部功能完成，试运行。",
                "percent": 100,
            },
        ]

    edit_project(root, finished)
    texts = quarterly_texts(xmgl, root, 3, "2026-12-01")
    start = texts.index("2026年9月25日：全部功能完成，试运行。（累计形象进度100%）")
    assert texts[start + 1] == "2026年10月5日：组织初步验收，结论：合格。"
    texts = quarterly_texts(xmgl, root, 1, "2026-09-15")
    start = texts.index("2026年6月1日：进入建设实施阶段（开工）。")
    assert texts[start + 1].startswith("2026年6月5日：完成需求调研和总体设计")


def test_operation_contracts_in_the_totals_are_said(xmgl, tmp_path):
    root = copy_example(tmp_path / "d")
    add_records(
        root,
        {
            "kind": "contract",
            "date": D("2026-09-20"),
            "id": "HT-2026-010",
            "type": "运维",
            "party": "营口某某运维服务有限公司",
            "amount": "28万元",
        },
        {"kind": "payment", "date": D("2026-10-10"), "contract": "HT-2026-010", "amount": "14万元"},
    )
    texts = quarterly_texts(xmgl, root, 3, "2026-12-01")
    # the totals and the 支付率 are against the 概算 (facts.against_budget): the report
    # says which 运维 contracts they leave out and how much (tests/test_money_scope.py)
    assert (
        "上表的合同金额累计、支付和支付率按批复概算核算，不含运维合同（HT-2026-010）："
        "运维合同金额28万元（280,000元），已支付14万元（140,000元），其中本期14万元（140,000元）。"
        in texts
    )


def test_reapproved_budget_is_worded_as_a_reapproval(xmgl, tmp_path):
    root = copy_example(tmp_path / "d")
    add_records(
        root,
        {
            "kind": "approval",
            "date": D("2026-08-20"),
            "subject": "重新审批",
            "issuer": "大石桥市营商环境建设局",
            "amount": "399万元",
            "document_no": "大营商审批〔2026〕70号",
        },
    )
    quarterly_texts(xmgl, root, 2, "2026-09-05")
    doc = docx.Document(root / "reports/季度进展报告-第2期.docx")
    basic = {r.cells[0].text: r.cells[1].text for r in doc.tables[0].rows}
    assert basic["概算批复"].replace("\u2060", "") == (
        "大石桥市营商环境建设局2026年8月20日重新审批（大营商审批〔2026〕70号），"
        "批复金额399万元（3,990,000元）"
    )
    assert basic["批复概算（在用）"] == "399万元（3,990,000元）"


def test_no_standalone_platform_claims_no_use_of_higher_platforms(xmgl, tmp_path):
    root = write_dossier(tmp_path / "d", platform={"standalone": False})
    make(xmgl, root, "fsr", as_of="2026-12-02")
    texts = paragraphs(docx.Document(root / FSR_FILE))
    assert "本项目不单独建设系统平台。" in texts
    # no reserve.intensive_mode: using the higher-level platforms is not yet stated
    assert not any("充分利用上级" in t for t in texts)
    assert (
        "3. 利用上级平台、采用集约化建设模式：【待填写：利用上级平台、集约化建设的说明】" in texts
    )
