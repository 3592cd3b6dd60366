"""The 可行性研究报告 and the 可研代初步设计 say nothing untrue on fresh dossiers (issue 10).

A second review, chapter by chapter, on dossiers unlike dossier-example/ and
tests/dossiers/merged-small: 改扩建 above 1000万元 with several funding sources,
a 涉密 system just under the 第十条 bound, a merge at exactly 200万元, documents
of every kind as 附件, dossier text with Latin, numbers, multi-line YAML and
punctuation of its own at the ends. Each test builds its dossier in tmp_path,
makes the real .docx through the CLI and reads it back with python-docx; the
first also reads what LibreOffice prints.
"""

from __future__ import annotations

import datetime as dt
import re
import subprocess
from pathlib import Path

import docx

from tests import tools
from tests.test_report_truth_fresh import REG, write_dossier
from tests.test_reports import FSR_FILE, MERGED_FILE, full_text, make, paragraphs

D = dt.date.fromisoformat


def with_documents(root: Path, *paths: str) -> Path:
    for path in paths:
        (root / path).parent.mkdir(parents=True, exist_ok=True)
        (root / path).write_text("# 材料\n", encoding="utf-8")
    return root


def expansion(root: Path, **sections) -> Path:
    """改扩建, 1250万元, three funding sources, the unit's words with their own ends."""
    project = {
        "name": "大石桥市智慧水务监管平台（二期）改扩建项目",
        "unit": "大石桥市水利局",
        "competent_department": "大石桥市水利局",
        "legal_person": "李明",
        "nature": "改扩建",
        "content_types": ["业务信息系统", "网络安全和密码防护"],
        "summary": "在一期SCADA系统基础上扩建：\n1. 新增IoT水质监测点120个；\n2. 升级GIS“一张图”；\n",
        "goals": "供水管网漏损率降至9.5%以下",
        "construction_months": 18,
    }
    reserve = {
        "digital_government_plan": {"statement": "列入数字政府规划。", "evidence": "docs/规划.md"},
        "sector_plan": {"statement": "符合水利“十四五”规划", "evidence": "docs/规划.md"},
        "intensive_mode": {"statement": "复用省智慧水利平台的GIS能力；"},
    }
    sections = {
        "project": project,
        "funding": {
            "source": "上级补助资金",
            "other_sources": ["专项债券资金", "市本级财政性资金"],
            "detail": "中央水利发展资金800万元；专项债券300万元；市本级150万元；",
        },
        "investment": {"estimate": "1250万元", "operation_annual": "45万元"},
        "reserve": reserve,
        "data_sharing": {"catalog": [], "sharing_list": [], "process": "按资源库平台流程申请"},
        **sections,
    }
    return write_dossier(root, **sections)


# ------------------------------------------------------------ the unit's words as sentences


def test_dossier_text_ends_as_one_sentence(xmgl, tmp_path):
    root = with_documents(expansion(tmp_path / "d"), "docs/规划.md")
    make(xmgl, root, "fsr", as_of="2026-12-02")
    texts = paragraphs(docx.Document(root / FSR_FILE))
    # the statement, its evidence, one full stop: not "规划。（佐证…）" nor no end at all
    assert "1. 符合数字政府总体规划：列入数字政府规划（佐证材料见附件《规划》）。" in texts
    assert "2. 符合行业中长期规划：符合水利“十四五”规划（佐证材料见附件《规划》）。" in texts
    assert "3. 利用上级平台、采用集约化建设模式：复用省智慧水利平台的GIS能力。" in texts
    assert "建设目标：供水管网漏损率降至9.5%以下。" in texts
    assert "项目建设目标：供水管网漏损率降至9.5%以下。【待填写：可量化的绩效评价指标】" in texts
    assert "在一期SCADA系统基础上扩建：1. 新增IoT水质监测点120个；2. 升级GIS“一张图”。" in texts
    assert "按资源库平台流程申请。" in texts
    assert any(
        t.endswith("中央水利发展资金800万元；专项债券300万元；市本级150万元。") for t in texts
    )
    text = full_text(docx.Document(root / FSR_FILE))
    assert not re.search(r"[。；，]（佐证", text)
    assert not re.search(r"[；，、]$", text, re.M)  # no paragraph ends mid-sentence
    tools.need("pdftotext")
    tools.need_soffice()
    from xmgl.reports.office import convert_to_pdf

    pdf = convert_to_pdf(root / FSR_FILE, tmp_path / "pdf")
    printed = subprocess.run(
        ["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True
    ).stdout
    flat = re.sub(r"—\d+—", "", re.sub(r"\s+", "", printed).replace("\u2060", ""))
    assert "列入数字政府规划（佐证材料见附件《规划》）。2.符合行业中长期规划" in flat


def test_placeholder_is_never_glued_to_the_next_sentence(xmgl, tmp_path):
    root = write_dossier(tmp_path / "d")  # no goals
    make(xmgl, root, "fsr", as_of="2026-12-02")
    texts = paragraphs(docx.Document(root / FSR_FILE))
    assert "项目建设目标：【待填写：建设目标】。【待填写：可量化的绩效评价指标】" in texts
    assert "选型原则：【待填写：软硬件选型原则】。配置清单见附表1。" in texts
    text = full_text(docx.Document(root / FSR_FILE))
    # a placeholder ends its clause: what follows starts after punctuation
    assert not re.search(r"】[^\s。，；：、）】（|]", text)


# ------------------------------------------------------------ 第十条 on the report's date


def merged_request(
    root: Path, estimate: str, *records: dict, deployment: dict | None = None, **investment
) -> Path:
    project = {
        "name": "大石桥市机要文件流转系统项目",
        "unit": "大石桥市委机要局",
        "competent_department": "大石桥市委办公室",
        "legal_person": "王五",
        "nature": "新建",
        "content_types": ["业务信息系统"],
    }
    return write_dossier(
        root,
        project=project,
        investment={"estimate": estimate, **investment},
        merged_fsr_pd={"requested": True, "grounds": ["总投资200万元以下"]},
        security={"classified": True},
        stage={"current": "merged_design", "since": D("2026-09-01")},
        records=list(records),
        deployment=deployment or {"cloud": "营口市政务云"},
    )


def test_merge_ground_is_not_an_approval_dated_after_the_report(xmgl, tmp_path):
    approval = {
        "kind": "approval",
        "date": D("2026-12-20"),
        "subject": "可研代初步设计",
        "issuer": "大石桥市营商环境建设局",
        "amount": "195万元",
    }
    root = merged_request(tmp_path / "d", "210万元", approval)
    make(xmgl, root, "fsr", "--merged", as_of="2026-12-02")
    texts = paragraphs(docx.Document(root / MERGED_FILE))
    text = "\n".join(texts)
    assert "195万元" not in text  # approved on 12-20: not a fact on 12-02
    assert not re.search(r"批复概算\d", text)
    line = next(t for t in texts if t.startswith(f"1. {REG}第十条第三款"))
    assert line == (
        f"1. {REG}第十条第三款：本项目申报投资概算210万元（2,100,000元），"
        "【待填写：总投资额在200万元（不含）以下的依据（截至报告日期没有在此以下的批复概算）】。"
    )


def test_merge_ground_names_the_requested_figure_beside_the_approved(xmgl, tmp_path):
    # asked for exactly 200万元 (not below the bound); the 概算 approved at 198万元
    approval = {
        "kind": "approval",
        "date": D("2026-11-10"),
        "subject": "可研代初步设计",
        "issuer": "大石桥市营商环境建设局",
        "amount": "198万元",
    }
    root = merged_request(tmp_path / "d", "200万元", approval, budget="198万元")
    make(xmgl, root, "fsr", "--merged", as_of="2026-12-02")
    texts = paragraphs(docx.Document(root / MERGED_FILE))
    assert "项目申报投资概算200万元（2,000,000元），构成见附表2。" in texts
    # the request is named as the report states it everywhere else, then the approval
    assert (
        f"1. {REG}第十条第三款：本项目申报投资概算200万元（2,000,000元），"
        "批复概算198万元（1,980,000元），批复概算在200万元（不含）以下。" in texts
    )
    assert not any(t.startswith(f"1. {REG}第十条第三款：本项目批复概算") for t in texts)


# ------------------------------------------------------------ what the deployment says


def test_design_off_the_cloud_asks_for_no_cloud_resources(xmgl, tmp_path):
    off_cloud = {"cloud": "其他", "justification": "涉密网络部署。"}
    root = merged_request(tmp_path / "d", "1999999.99元", deployment=off_cloud)
    make(xmgl, root, "fsr", "--merged", as_of="2026-12-02")
    doc = docx.Document(root / MERGED_FILE)
    texts = paragraphs(doc)
    text = full_text(doc)
    # a 涉密 system off the 政务云: no 政务云 resources, rent or 政务外网 asked for
    assert "政务云资源" not in text
    assert "政务外网" not in text
    assert "【待填写：计算、存储资源需求及部署环境和配置】" in texts
    assert "【待填写：涉密网络接入方案、网络拓扑和带宽设计】" in texts
    # 第十四条: the O&M of a project off the cloud is the unit's to organise
    assert (
        f"按照{REG}第十四条，本项目不依托政务云部署，运维服务采购及实施工作由项目单位组织。"
        in texts
    )
    budget = next(t for t in doc.tables if t.rows[0].cells[1].text == "工程或费用名称")
    assert budget.rows[5].cells[1].text == "计算、存储资源和机房配套费"


def test_design_on_the_cloud_cites_both_halves_of_article_14(xmgl, tmp_path):
    root = write_dossier(tmp_path / "d")
    make(xmgl, root, "fsr", as_of="2026-12-02")
    texts = paragraphs(docx.Document(root / FSR_FILE))
    assert (
        f"按照{REG}第十四条，涉及政务云运维服务采购及实施工作按照政务云提供方要求统一组织，"
        "涉及其他运维服务采购及实施工作由项目单位组织。" in texts
    )


# ------------------------------------------------------------ a chapter left out is a claim


def test_purchase_chapter_is_not_dropped_when_the_dossier_is_silent(xmgl, tmp_path):
    root = write_dossier(tmp_path / "d")  # no service_purchase section
    make(xmgl, root, "fsr", as_of="2026-12-02")
    texts = paragraphs(docx.Document(root / FSR_FILE))
    assert (
        f"【待填写：本项目是否涉及政府购买服务；涉及的，按照{REG}第十一条（二）"
        "增加自建和购买服务方式经济性比较分析一章】" in texts
    )
    # declared not used: the chapter is left out and nothing is asked
    declared = write_dossier(tmp_path / "e", service_purchase={"used": False})
    make(xmgl, declared, "fsr", as_of="2026-12-02")
    assert not any("政府购买服务" in t for t in paragraphs(docx.Document(declared / FSR_FILE)))


def test_five_synchronous_is_a_plan_not_a_record_of_work_done(xmgl, tmp_path):
    sync = {"design": True, "build": True, "assess": True, "accept": True, "operate": True}
    reserve = {"five_synchronous": {"network_security": sync}}
    root = write_dossier(tmp_path / "d", reserve=reserve)  # feasibility: nothing built yet
    make(xmgl, root, "fsr", as_of="2026-12-02")
    texts = paragraphs(docx.Document(root / FSR_FILE))
    assert not any("“五同步”落实情况" in t for t in texts)  # nothing accepted or running yet
    assert (
        f"按照{REG}第六条（五），网络信息安全应当与系统同步设计、同步建设、同步评估、"
        "同步验收、同步运行。本项目的“五同步”安排如下：" in texts
    )


def test_reserve_requirements_are_not_claimed_before_they_are_stated(xmgl, tmp_path):
    root = write_dossier(tmp_path / "d")  # no reserve section: nothing is stated
    make(xmgl, root, "fsr", as_of="2026-12-02")
    texts = paragraphs(docx.Document(root / FSR_FILE))
    start = texts.index(f"对照{REG}第六条的项目建设要求，逐项说明如下：")
    assert texts[start + 1] == "1. 符合数字政府总体规划：【待填写：符合数字政府总体规划的说明】"
    assert not any(t.endswith("本项目：") for t in texts)  # "本项目：1. 符合……" is a claim


def test_merged_report_keeps_o_and_m_outside_its_own_figure(xmgl, tmp_path):
    root = merged_request(tmp_path / "d", "180万元", operation_annual="12万元")
    make(xmgl, root, "fsr", "--merged", as_of="2026-12-02")
    texts = paragraphs(docx.Document(root / MERGED_FILE))
    # the figure above is the 申报投资概算: no "总投资" the report never stated
    line = "项目建成后，年运行维护费用估算12万元（120,000元）/年，另行申请，不含在上述投资概算内。"
    assert texts.count(line) == 1
    assert not any("上述总投资" in t for t in texts)


# ------------------------------------------------------------ 附件


def test_a_single_attachment_is_not_numbered(xmgl, tmp_path):
    security = {"classified": False, "mlps_level": 2, "scheme": "docs/安全方案.md"}
    root = with_documents(write_dossier(tmp_path / "d", security=security), "docs/安全方案.md")
    make(xmgl, root, "fsr", as_of="2026-12-02")
    texts = paragraphs(docx.Document(root / FSR_FILE))
    # GB/T 9704 7.3.4: "附件：名称"; numbers only when there are several
    assert "附件：安全方案" in texts
    assert "项目安全方案见附件《安全方案》，要点如下：【待填写：项目安全方案要点】" in texts
    assert not any(re.search(r"附件[：]?1", t) for t in texts)
    # two: numbered, in the order the text first refers to them
    more = dict(security, crypto_plan="docs/密码应用方案.md")
    two = write_dossier(tmp_path / "e", security=more)
    with_documents(two, "docs/安全方案.md", "docs/密码应用方案.md")
    make(xmgl, two, "fsr", as_of="2026-12-02")
    texts = paragraphs(docx.Document(two / FSR_FILE))
    start = texts.index("附件：1. 安全方案")
    assert texts[start + 1] == "\u3000\u3000\u30002. 密码应用方案"
    assert "密码应用方案见附件2《密码应用方案》，要点如下：【待填写：密码应用方案要点】" in texts
