"""Reports: the FSR (plain and 代初步设计) and the quarterly report, read back from real .docx.

Every report here is made through the CLI (in-process) from a copy of a real
dossier and then opened with python-docx (and, end to end, LibreOffice).
"""

from __future__ import annotations

import datetime as dt
import json
import re
import shutil
import subprocess
import sys
import tomllib
import zipfile
from decimal import Decimal
from pathlib import Path

import docx
import pytest
from docx.oxml.ns import qn
from lxml import etree

from tests.conftest import REPO, edit_project, replace_in_project
from tests.tools import need_soffice
from xmgl.domain.merge import merge_decision
from xmgl.dossier.loader import load_dossier
from xmgl.reports import context as ctx
from xmgl.reports import generate, office, render, typography
from xmgl.reports.linebreak import WORD_JOINER

MERGED_SMALL = REPO / "tests" / "dossiers" / "merged-small"
AS_OF = "2026-09-15"
FSR_FILE = "reports/可行性研究报告.docx"
MERGED_FILE = "reports/可行性研究报告（代初步设计）.docx"

#: NDRC's twelve chapters with the 第十一条 chapters, as the report must show them.
FSR_HEADINGS = [
    "一、项目概述",
    "二、项目建设单位概况",
    "三、需求分析和项目建设的必要性",
    "四、总体建设方案",
    "五、本期项目建设方案",
    "六、数据资源共享分析篇",
    "七、安全可靠情况说明、项目安全方案和密码应用方案",
    "八、项目招标方案",
    "九、环保、消防、职业安全卫生和节能",
    "十、项目组织机构和人员培训",
    "十一、项目实施进度",
    "十二、投资估算和资金来源",
    "十三、效益与评价指标分析",
    "十四、项目风险与风险管理",
    "附表",
]


# --------------------------------------------------------------------------- helpers


def plain(text: str) -> str:
    """The text as a reader copies it from the PDF: without the zero-width word
    joiners that keep a 文号 on one line (xmgl.reports.linebreak)."""
    return text.replace(WORD_JOINER, "")


def paragraphs(doc) -> list[str]:
    return [plain(p.text) for p in doc.paragraphs]


def styled(doc, style: str) -> list[str]:
    return [plain(p.text) for p in doc.paragraphs if p.style.name == style]


def full_text(doc) -> str:
    parts = paragraphs(doc)
    for table in doc.tables:
        for row in table.rows:
            parts += [plain(c.text) for c in row.cells]
    return "\n".join(parts)


def table_with_header(doc, *header: str):
    for table in doc.tables:
        if tuple(c.text for c in table.rows[0].cells) == header:
            return table
    raise AssertionError(f"no table with header {header}")


def rows(table) -> list[list[str]]:
    return [[plain(c.text) for c in row.cells] for row in table.rows[1:]]


def strict_parse_all(path: Path) -> int:
    parser = etree.XMLParser(recover=False, resolve_entities=False, no_network=True)
    count = 0
    with zipfile.ZipFile(path) as zf:
        for name in zf.namelist():
            if name.endswith((".xml", ".rels")):
                etree.fromstring(zf.read(name), parser=parser)
                count += 1
    return count


def make(xmgl, root: Path, *args: str, as_of: str = AS_OF):
    result = xmgl("--as-of", as_of, "-C", root, "report", *args)
    assert result.exit_code == 0, result.output
    return result


def set_investment(root: Path, **values) -> None:
    def change(data):
        for key, value in values.items():
            data["investment"][key] = value

    edit_project(root, change)


# --------------------------------------------------------------------------- 第十条


@pytest.mark.parametrize(
    ("total", "allowed"),
    [
        (Decimal("1999999.99"), True),
        (Decimal("2000000"), False),
        (Decimal("2000000.01"), False),
        (None, False),
    ],
)
def test_merge_by_amount_excludes_two_million_itself(total, allowed):
    decision = merge_decision(["总投资200万元以下"], total)
    assert decision.allowed is allowed
    assert decision.grounds == (("总投资200万元以下",) if allowed else ())
    if total == Decimal("2000000"):
        assert any("恰为200万元" in r for r in decision.reasons)


SIMPLE_WHY = {"技术方案简单": "采用成熟产品，不需定制开发", "建设内容单一": "只建设一个业务系统"}


def test_merge_by_declared_grounds():
    big = Decimal("5000000")
    assert merge_decision(["技术方案简单"], big, None, SIMPLE_WHY).grounds == ("技术方案简单",)
    assert merge_decision(["建设内容单一"], big, None, SIMPLE_WHY).allowed
    # 技术方案简单 / 建设内容单一 need their reason (issue 11): a bare claim is refused
    bare_claim = merge_decision(["建设内容单一"], big)
    assert not bare_claim.allowed and bare_claim.grounds == ()
    assert [p.code for p in bare_claim.problems] == ["no_reason"]
    assert any("single_reason" in r for r in bare_claim.reasons)
    # 紧急建设 needs "符合国家、省、市相关规定": a basis document
    bare = merge_decision(["紧急建设"], big)
    assert not bare.allowed and any("依据文件" in r for r in bare.reasons)
    assert merge_decision(["紧急建设"], big, "营口市应急管理局文件（营应急〔2026〕8号）").allowed
    # a claimed amount ground that the amount does not bear out
    claimed = merge_decision(["总投资200万元以下"], Decimal("2000000"))
    assert not claimed.allowed and any("不成立" in r for r in claimed.reasons)
    allowed, reasons = merge_decision(["建设内容单一"], Decimal(1_500_000), None, SIMPLE_WHY)
    assert allowed and len(reasons) == 2


def test_an_amount_below_the_bound_is_no_ground_unless_declared():
    """Issue 13: `grounds: []` must not let `report fsr --merged` cite 总投资200万元以下."""
    decision = merge_decision([], Decimal(1_500_000))
    assert not decision.allowed and decision.grounds == ()
    assert [p.code for p in decision.problems] == ["no_grounds"]
    assert any("可在 merged_fsr_pd.grounds 写“总投资200万元以下”" in r for r in decision.reasons)
    # a false claim refuses the merge even when another ground holds
    mixed = merge_decision(
        ["技术方案简单", "总投资200万元以下"], Decimal(2_000_000), None, SIMPLE_WHY
    )
    assert not mixed.allowed and mixed.grounds == ("技术方案简单",)
    assert [p.code for p in mixed.problems] == ["amount_not_below"]


def test_merged_refused_at_exactly_two_million(xmgl, example):
    set_investment(example, budget="2000000元")
    result = xmgl("--as-of", AS_OF, "-C", example, "report", "fsr", "--merged")
    assert result.exit_code == 6
    err = result.stderr
    assert "不符合第十条规定的合并编报条件" in err
    assert "200万元（2,000,000元），恰为200万元" in err
    assert "第十条第二款" in err and "200万元（不含）以下" in err  # the article quoted
    assert not (example / "reports").exists()  # nothing left behind


def declare_merge(root: Path, *grounds: str, **reasons: str) -> None:
    def change(data):
        data["merged_fsr_pd"]["requested"] = True
        data["merged_fsr_pd"]["grounds"] = list(grounds)
        for name, text in reasons.items():
            data["merged_fsr_pd"][name] = text

    edit_project(root, change)


def test_merged_allowed_just_below_two_million(xmgl, example):
    set_investment(example, budget="1999999.99元")
    declare_merge(example, "总投资200万元以下")
    result = make(xmgl, example, "fsr", "--merged")
    assert "总投资200万元以下" in result.stdout
    doc = docx.Document(example / MERGED_FILE)
    h1 = styled(doc, "Heading 1")
    # one outline at design depth, not two chapters appended after the risks
    assert h1[4] == "五、本期项目建设方案（初步设计）"
    assert h1[11] == "十二、投资概算和资金来源"
    assert h1[-3:] == ["十三、效益与评价指标分析", "十四、项目风险与风险管理", "附表"]
    assert "可行性研究报告（代初步设计）" in styled(doc, "Title")
    text = full_text(doc)
    assert (
        "1. 《大石桥市政务信息化项目管理暂行办法》第十条第三款：本项目申报投资概算"
        "386万元（3,860,000元），批复概算199.999999万元（1,999,999.99元），"
        "批复概算在200万元（不含）以下。"
    ) in text


def test_merged_allowed_on_a_declared_ground_above_two_million(xmgl, example):
    declare_merge(example, "技术方案简单", simple_reason="采用成熟的排队叫号产品，不需定制开发")
    make(xmgl, example, "fsr", "--merged")
    doc = docx.Document(example / MERGED_FILE)
    assert (
        "1. 《大石桥市政务信息化项目管理暂行办法》第十条第三款：项目单位申报本项目技术方案简单，"
        "理由：采用成熟的排队叫号产品，不需定制开发。" in paragraphs(doc)
    )
    # one 概算 table, no separate 估算 table
    assert "附表2　投资概算表" in paragraphs(doc)
    assert not any("估算表" in t for t in paragraphs(doc))


@pytest.mark.parametrize(
    ("grounds", "reasons", "rule"),
    [
        ((), {}, "A10-MERGE-GROUNDS"),  # issue 13: grounds: [] and 概算 below 200万
        (("技术方案简单",), {}, "A10-MERGE-GROUND-REASON"),  # issue 11: a bare claim
    ],
)
def test_validate_and_report_merged_give_one_answer(xmgl, example, grounds, reasons, rule):
    set_investment(example, budget="150万元")
    declare_merge(example, *grounds, **reasons)
    found = xmgl("--as-of", AS_OF, "-C", example, "validate", "--format", "json")
    assert rule in [f["rule"] for f in json.loads(found.stdout)["findings"]]
    result = xmgl("--as-of", AS_OF, "-C", example, "report", "fsr", "--merged")
    assert result.exit_code == 6, result.output
    assert "不符合第十条规定的合并编报条件" in result.stderr
    assert "可在 merged_fsr_pd.grounds 写“总投资200万元以下”" in result.stderr
    assert not (example / "reports").exists()


def test_merged_small_dossier(xmgl, tmp_path):
    root = tmp_path / "small"
    shutil.copytree(MERGED_SMALL, root)
    make(xmgl, root, "fsr", "--merged", as_of="2026-05-20")
    doc = docx.Document(root / MERGED_FILE)
    text = full_text(doc)
    assert (
        "项目单位申报本项目建设内容单一，理由：只建设一个政务服务排队叫号系统，不涉及其他业务系统。"
        in text
    )
    # the figure 第十条 is met by is the one the request states (一（六）, 附表2)
    assert "本项目申报投资概算168万元（1,680,000元），在200万元（不含）以下。" in text
    # the 概算 of the request is the unit's proposed figure, not an approval's
    assert "项目申报投资概算168万元（1,680,000元）" in text
    assert "批复概算" not in text
    # 第五条: an existing system not on the cloud, with its migration plan as an 附件
    systems = table_with_header(doc, "已建系统", "已在政务云", "迁移计划")
    assert rows(systems) == [["排队叫号系统（2019年建）", "否", "见附件1《迁移计划》"]]


# --------------------------------------------------------------------------- FSR


@pytest.fixture
def fsr_doc(xmgl, example):
    make(xmgl, example, "fsr")
    return docx.Document(example / FSR_FILE)


def test_fsr_outline_in_order_with_heading_styles(fsr_doc):
    assert styled(fsr_doc, "Heading 1") == FSR_HEADINGS
    assert styled(fsr_doc, "Title") == ["大石桥市城市运行综合指挥平台建设项目", "可行性研究报告"]
    texts = paragraphs(fsr_doc)
    sharing = texts.index("六、数据资源共享分析篇")
    security = texts.index("七、安全可靠情况说明、项目安全方案和密码应用方案")
    h2 = [t for t in texts[sharing:security] if t in styled(fsr_doc, "Heading 2")]
    assert h2 == [
        "（一）信息资源目录",
        "（二）数据资源共享清单",
        "（三）共享流程",
        "（四）共享接口",
        "（五）更新和调用频率",
        "（六）接入统一政务信息资源库平台",
    ]
    h2_security = [t for t in texts[security:] if t.startswith("（")][:3]
    assert h2_security == [
        "（一）软硬件产品安全可靠情况说明",
        "（二）项目安全方案",
        "（三）密码应用方案",
    ]
    assert "（一）建设原则" in texts and "（四）部署方案" in texts
    # no purchase chapter without 政府购买服务 (第十一条（二）)
    assert not any("购买服务方式经济性比较" in t for t in texts)


def test_fsr_tables_hold_the_catalog_and_sharing_list(fsr_doc):
    catalog = table_with_header(
        fsr_doc, "序号", "信息资源名称", "提供部门", "摘要", "共享类型", "更新周期"
    )
    assert rows(catalog) == [
        [
            "1",
            "城市管理案件信息",
            "大石桥市城市管理综合行政执法局",
            "案件编号、类别、位置、处置过程与结果",
            "有条件共享",
            "实时",
        ],
        [
            "2",
            "市政设施台账",
            "大石桥市住房和城乡建设局",
            "道路、桥梁、路灯、井盖等设施基础信息",
            "无条件共享",
            "每日",
        ],
    ]
    sharing = table_with_header(
        fsr_doc, "序号", "数据资源", "提供方", "使用方", "共享接口（方式）", "频率"
    )
    assert rows(sharing)[2] == [
        "3",
        "人口基础信息（核验）",
        "营口市数据局",
        "大石桥市城市管理综合行政执法局",
        "统一政务信息资源库平台 API",
        "按需调用",
    ]
    assert len(rows(sharing)) == 3
    # the table rows keep the table styles from the template row
    cell = catalog.rows[1].cells[1].paragraphs[0]
    assert cell.style.name == "表格正文（五号）"


def test_fsr_filled_values(fsr_doc):
    text = full_text(fsr_doc)
    for expected in (
        "项目总投资估算386万元（3,860,000元）。",
        "合计\n386万元（3,860,000元）",  # 附表2
        "项目法人（责任人）：王建国",
        "本项目为非涉密信息系统，按网络安全等级保护第二级进行设计、建设和测评。",
        "审核情况：2026年2月25日经大石桥市国家密码管理局审核，结果：通过（大密审〔2026〕5号）。",
        "本项目依托营口市政务云部署，不单独建设机房和基础设施；按营口市要求接入统一政务信息资源库平台。",
        "本项目涉及跨部门、跨系统共建共享，牵头部门为大石桥市城市管理综合行政执法局。",
        "2026年9月15日",  # the cover date is the report's date (--as-of)
    ):
        assert expected in text, expected
    # 编制依据 cites 第一条's sources and this regulation, numbered
    basis = [t for t in paragraphs(fsr_doc) if re.match(r"^\d+\. ", t)]
    assert basis[:4] == [
        "1. 《国家政务信息化项目建设管理办法》（国办发〔2019〕57号）",
        "2. 《辽宁省省本级政府投资信息化项目管理暂行办法》",
        "3. 《营口市政务信息化项目管理办法》",
        "4. 《大石桥市政务信息化项目管理暂行办法》（大石桥市人民政府办公室2025年4月15日印发）",
    ]
    # 第四条's six principles, each a place to write
    for name in ("顶层设计", "协同共享", "数据回流", "安全可靠", "适度超前", "适配应用"):
        assert any(
            t.startswith(f"{i}. {name}：【待填写：")
            for i in range(1, 7)
            for t in paragraphs(fsr_doc)
        )
    # no Jinja left anywhere
    assert "{{" not in text and "{%" not in text


def test_fsr_fonts_resolve_through_styles(fsr_doc):
    expect = {
        "Normal": ("仿宋_GB2312", 16.0, False),
        "Title": ("方正小标宋简体", 22.0, False),
        "Heading 1": ("黑体", 16.0, False),
        "Heading 2": ("楷体_GB2312", 16.0, False),
        "表格正文（五号）": ("仿宋_GB2312", 10.5, False),
        "表格表头（小四）": ("仿宋_GB2312", 12.0, True),
    }
    for style, (font, size, bold) in expect.items():
        got = typography.resolve_font(fsr_doc, style)
        assert (got.east_asia, got.ascii, got.size_pt, got.bold) == (font, font, size, bold), style
    # body paragraphs carry no direct font: the style decides
    body = [p for p in fsr_doc.paragraphs if p.text.startswith("项目名称：")][0]
    assert body.style.name == "Normal"
    assert all(r._r.rPr is None or r._r.rPr.find(qn("w:rFonts")) is None for r in body.runs)
    styles_xml = fsr_doc.styles.element
    themed = [el for el in styles_xml.iter(qn("w:rFonts")) if el.get(qn("w:eastAsiaTheme"))]
    assert themed == []


def test_fsr_package_is_strict_xml_with_report_properties(example, fsr_doc):
    assert strict_parse_all(example / FSR_FILE) > 10
    cp = fsr_doc.core_properties
    assert cp.title == "大石桥市城市运行综合指挥平台建设项目可行性研究报告"
    assert cp.author == "大石桥市城市管理综合行政执法局"
    assert cp.last_modified_by == "大石桥市城市管理综合行政执法局"
    # created is when the report was written, not the template's or python-docx's date
    now = dt.datetime.now(dt.UTC)
    assert now - dt.timedelta(minutes=5) < cp.created <= now
    assert cp.category == "可行性研究报告"
    assert cp.revision == 1
    settings = fsr_doc.settings.element
    assert settings.find(qn("w:updateFields")).get(qn("w:val")) == "true"


def test_purchase_chapter_only_with_service_purchase(xmgl, example):
    replace_in_project(
        example, "service_purchase:\n  used: false", "service_purchase:\n  used: true"
    )
    make(xmgl, example, "fsr")
    h1 = styled(docx.Document(example / FSR_FILE), "Heading 1")
    assert h1[11:15] == [
        "十二、投资估算和资金来源",
        "十三、自建与购买服务方式经济性比较分析",
        "十四、效益与评价指标分析",
        "十五、项目风险与风险管理",
    ]


def test_missing_facts_become_visible_placeholders(xmgl, example):
    def change(data):
        del data["data_sharing"]
        del data["project"]["goals"]
        data["security"]["mlps_level"] = None

    edit_project(example, change)
    make(xmgl, example, "fsr")
    doc = docx.Document(example / FSR_FILE)
    catalog = table_with_header(
        doc, "序号", "信息资源名称", "提供部门", "摘要", "共享类型", "更新周期"
    )
    assert rows(catalog) == [
        [
            "1",
            "【待填写：信息资源名称】",
            "【待填写：提供部门】",
            "【待填写：摘要】",
            "【待填写：共享类型】",
            "【待填写：更新周期】",
        ]
    ]
    text = full_text(doc)
    assert "建设目标：【待填写：建设目标】" in text
    assert "【待填写：本项目为非涉密信息系统，网络安全等级保护定级】" in text


SPECIAL = "A&B<C>\"D'E “引号”《书名》、（括号）……——"


def test_special_characters_render_verbatim_in_both_reports(xmgl, example):
    def change(data):
        data["project"]["name"] = SPECIAL
        data["data_sharing"]["sharing_list"][1]["data"] = "台账&<清单>"
        first_progress = next(r for r in data["records"] if r["kind"] == "progress")
        first_progress["description"] = SPECIAL + "完成需求调研"

    edit_project(example, change)
    make(xmgl, example, "fsr")
    doc = docx.Document(example / FSR_FILE)
    assert styled(doc, "Title")[0].replace("\n", "") == SPECIAL  # a long title is broken
    assert f"项目名称：{SPECIAL}。项目编号：DSQ-XXH-2026-007。" in paragraphs(doc)
    assert styled(doc, "Heading 1")[-1] == "附表"  # nothing truncated after the value
    sharing = table_with_header(
        doc, "序号", "数据资源", "提供方", "使用方", "共享接口（方式）", "频率"
    )
    assert rows(sharing)[1][1] == "台账&<清单>"
    assert doc.core_properties.title == f"{SPECIAL}可行性研究报告"

    make(xmgl, example, "quarterly", "--period", "1", as_of="2026-06-10")
    q = docx.Document(example / "reports/季度进展报告-第1期.docx")
    assert q.paragraphs[0].text.replace("\n", "") == SPECIAL
    assert any(p.text.startswith(f"2026年6月5日：{SPECIAL}完成需求调研") for p in q.paragraphs)
    assert styled(q, "Heading 1")[-1] == "九、需协调解决的事项"
    assert strict_parse_all(example / "reports/季度进展报告-第1期.docx") > 10


def test_control_character_in_the_dossier_is_refused_with_its_line(xmgl, example):
    replace_in_project(example, "contact: 刘晓梅", 'contact: "刘\\x07晓梅"')
    result = xmgl("--as-of", AS_OF, "-C", example, "report", "fsr")
    assert result.exit_code == 3
    assert "project.yaml:" in result.stderr and "U+0007" in result.stderr
    assert not (example / "reports").exists()


def test_existing_report_is_not_overwritten_without_force(xmgl, example):
    make(xmgl, example, "fsr")
    target = example / FSR_FILE
    target.write_bytes(b"clerk's edited copy")
    again = xmgl("--as-of", AS_OF, "-C", example, "report", "fsr")
    assert again.exit_code == 6
    assert "reports/可行性研究报告.docx 已存在，未覆盖" in again.stderr
    assert "--force" in again.stderr
    assert target.read_bytes() == b"clerk's edited copy"
    make(xmgl, example, "fsr", "--force")
    assert styled(docx.Document(target), "Heading 1") == FSR_HEADINGS


def test_output_option_and_json(xmgl, example, tmp_path):
    out = tmp_path / "别处" / "可研.docx"
    out.parent.mkdir()
    result = make(xmgl, example, "fsr", "--output", out, "--format", "json")
    payload = json.loads(result.stdout)
    assert payload["path"] == str(out)
    assert payload["template_from_dossier"] is False
    assert payload["title"] == "大石桥市城市运行综合指挥平台建设项目可行性研究报告"
    assert styled(docx.Document(out), "Heading 1")[0] == "一、项目概述"
    bad = xmgl("-C", example, "report", "fsr", "--output", tmp_path / "x.pdf")
    assert bad.exit_code == 2 and "必须以 .docx 结尾" in bad.stderr


# --------------------------------------------------------------------------- templates


def test_dossier_template_overrides_the_shipped_one(xmgl, example):
    own = example / "templates" / "fsr.docx"
    own.parent.mkdir()
    shutil.copyfile(REPO / "templates" / "fsr.docx", own)
    doc = docx.Document(own)
    doc.add_paragraph("本单位自定义：{{ project.code }}")
    doc.save(own)
    result = make(xmgl, example, "fsr")
    assert "模板：档案模板 templates/fsr.docx" in result.stdout
    texts = paragraphs(docx.Document(example / FSR_FILE))
    assert texts[-1] == "本单位自定义：DSQ-XXH-2026-007"


def test_broken_dossier_template_is_refused_before_use(xmgl, example):
    own = example / "templates" / "quarterly.docx"
    own.parent.mkdir()
    doc = docx.Document(REPO / "templates" / "quarterly.docx")
    doc.add_paragraph("负责人：{{ leader }}，｛｛ project.unit ｝｝")
    doc.save(own)
    result = xmgl("--as-of", AS_OF, "-C", example, "report", "quarterly")
    assert result.exit_code == 6
    assert "档案模板 templates/quarterly.docx 有 2 处错误" in result.stderr
    assert "未知变量“leader”" in result.stderr and "全角" in result.stderr
    assert "xmgl template lint templates/quarterly.docx" in result.stderr
    assert not (example / "reports").exists()
    lint = xmgl("-C", example, "template", "lint", "templates/quarterly.docx")
    assert lint.exit_code == 1 and "2 个错误" in lint.stdout.replace("\n", "")


def test_dossier_template_with_unknown_attribute_fails_at_render(xmgl, example):
    own = example / "templates" / "fsr.docx"
    own.parent.mkdir()
    doc = docx.Document(REPO / "templates" / "fsr.docx")
    doc.add_paragraph("负责人：{{ project.leader }}")  # lint sees top-level names only
    doc.save(own)
    result = xmgl("--as-of", AS_OF, "-C", example, "report", "fsr")
    assert result.exit_code == 6
    assert "用档案模板 templates/fsr.docx 生成报告失败" in result.stderr
    assert "模板变量未定义：leader" in result.stderr
    # the hint's command works from the dossier (-C): it finds the same findings-free file
    lint = xmgl("-C", example, "template", "lint", "templates/fsr.docx")
    assert lint.exit_code == 0 and "没有发现问题" in lint.stdout
    assert not (example / "reports").exists()


def test_template_lint_finds_clerks_mistakes(xmgl, tmp_path):
    path = tmp_path / "fsr.docx"
    doc = docx.Document()
    p = doc.add_paragraph()
    p.add_run("项目：{{ pro")  # Word split the tag over two runs
    p.add_run("ject.name }}")
    doc.add_paragraph("单位：｛｛ project.unit ｝｝")  # typed with a Chinese input method
    doc.add_paragraph("金额：{{ budjet }}")
    doc.save(path)
    result = xmgl("template", "lint", path, "--format", "json")
    assert result.exit_code == 1
    payload = json.loads(result.stdout)
    assert payload["report"] == "fsr"  # known from the file name
    found = {(f["code"], f["location"]) for f in payload["findings"]}
    assert found == {
        ("split-tag", "正文第1段"),
        ("fullwidth-braces", "正文第2段"),
        ("unknown-variable", "正文第3段"),
    }
    unknown = next(f for f in payload["findings"] if f["code"] == "unknown-variable")
    assert unknown["text"] == "{{ budjet }}" and "budjet" in unknown["message"]
    text = xmgl("template", "lint", path)
    assert "正文第1段" in text.stdout and "2 个错误，1 个提示" in text.stdout

    blocks = tmp_path / "blocks.docx"
    doc = docx.Document()
    doc.add_paragraph("{%p if merge.allowed %}{%p endif %}")
    doc.save(blocks)
    result = xmgl("template", "lint", blocks, "--format", "json")
    assert result.exit_code == 1
    codes = {f["code"] for f in json.loads(result.stdout)["findings"]}
    assert "multiple-block-tags" in codes


@pytest.mark.parametrize("name", ["fsr.docx", "fsr_merged.docx", "quarterly.docx"])
def test_shipped_templates_lint_clean(xmgl, name):
    result = xmgl("template", "lint", REPO / "templates" / name)
    assert result.exit_code == 0
    assert "没有发现问题" in result.stdout


def test_lint_knows_which_variables_each_report_has(xmgl):
    # the quarterly template uses period/money, which the FSR context lacks
    result = xmgl("template", "lint", REPO / "templates" / "quarterly.docx", "--report", "fsr")
    assert result.exit_code == 1
    assert "未知变量“money”" in result.stdout and "未知变量“period”" in result.stdout


def test_shipped_templates_are_built_reproducibly_and_up_to_date(tmp_path):
    env = {"PYTHONPATH": str(REPO), "PATH": "/usr/bin:/bin"}
    script = str(REPO / "tools" / "build_templates.py")
    for out in ("a", "b"):
        subprocess.run(
            [sys.executable, script, "--output", str(tmp_path / out)],
            check=True,
            env=env,
            capture_output=True,
        )
    for stem in ("fsr", "fsr_merged", "quarterly"):  # each template and its precompiled body
        for name in (f"{stem}.docx", f"{stem}.body.py"):
            a, b = (tmp_path / "a" / name).read_bytes(), (tmp_path / "b" / name).read_bytes()
            assert a == b, name
    check = subprocess.run(
        [sys.executable, script, "--check"], env=env, capture_output=True, text=True
    )
    assert check.returncode == 0, check.stdout
    assert "templates up to date" in check.stdout


def test_shipped_templates_found_in_an_installed_layout(tmp_path):
    """After ``pip install .`` the wheel holds xmgl/templates (pyproject force-include)."""
    pyproject = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))
    force = pyproject["tool"]["hatch"]["build"]["targets"]["wheel"]["force-include"]
    assert force == {"templates": "xmgl/templates"}
    site = tmp_path / "site"
    shutil.copytree(REPO / "xmgl", site / "xmgl", ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copytree(REPO / "templates", site / "xmgl" / "templates")
    code = (
        "from pathlib import Path; from xmgl.reports.generate import find_template;"
        "t = find_template(Path('/nonexistent'), 'quarterly'); print(t.path, t.from_dossier)"
    )
    out = subprocess.run(
        [sys.executable, "-c", code],
        env={"PYTHONPATH": str(site), "PATH": "/usr/bin:/bin"},
        cwd=tmp_path,
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    assert out.strip() == f"{site / 'xmgl' / 'templates' / 'quarterly.docx'} False"


# --------------------------------------------------------------------------- quarterly


def test_quarterly_default_is_the_latest_due_period(xmgl, example):
    # period 2 runs 2026-06-11 .. 2026-09-10; period 3 starts the day after
    before = make(xmgl, example, "quarterly", "--output", example / "b.docx", as_of="2026-09-09")
    assert "第2期 2026-06-11 至 2026-09-10" in before.stdout
    on = make(xmgl, example, "quarterly", as_of="2026-09-10")
    assert "第2期 2026-06-11 至 2026-09-10，报送截止 2026-09-10" in on.stdout
    after = make(xmgl, example, "quarterly", as_of="2026-09-11")
    assert "第3期 2026-09-11 至 2026-12-10" in after.stdout
    assert (example / "reports/季度进展报告-第2期.docx").is_file()
    assert (example / "reports/季度进展报告-第3期.docx").is_file()


def test_quarterly_report_content(xmgl, example):
    make(xmgl, example, "quarterly", "--period", "2", as_of="2026-10-01")
    doc = docx.Document(example / "reports/季度进展报告-第2期.docx")
    assert styled(doc, "Heading 1") == [
        "一、基本信息",
        "二、本期完成的建设内容与里程碑",
        "三、投资完成与资金支付",
        "四、招标采购与合同情况",
        "五、变更情况",
        "六、等级保护、密码应用和数据共享对接进展",
        "七、存在的问题与风险",
        "八、下期工作计划",
        "九、需协调解决的事项",
    ]
    basic = dict(rows_of_all(doc.tables[0]))
    assert basic["报告期"] == "第2期：2026年6月11日至2026年9月10日"
    assert basic["承建单位"] == "辽宁某某信息技术有限公司"
    assert basic["监理单位"] == "营口某某工程监理有限公司"
    assert basic["批复概算（在用）"] == "372.5万元（3,725,000元）"
    assert basic["立项批复"].startswith(
        "大石桥市营商环境建设局2026年3月10日批复可行性研究报告（大营商审批〔2026〕21号）"
    )
    money = dict(rows_of_all(doc.tables[1]))
    # the 09-30 payment lies in period 3: neither this period nor cumulative to 09-10
    assert money["本期支付"] == "104.34万元（1,043,400元）"
    assert money["累计支付"] == "104.34万元（1,043,400元）"
    assert money["合同金额累计"] == "347.8万元（3,478,000元）"
    assert money["支付率"] == "28.01%（累计支付÷批复概算）"
    payments = table_with_header(doc, "支付日期", "合同编号", "金额", "凭证号", "说明")
    assert rows(payments) == [
        [
            "2026年6月15日",
            "HT-2026-001",
            "101.4万元（1,014,000元）",
            "大财支〔2026〕0615-03",
            "合同首付款（30%）",
        ],
        ["2026年6月20日", "HT-2026-002", "2.94万元（29,400元）", "", "监理首付款（30%）"],
    ]
    contracts = table_with_header(doc, "合同编号", "类型", "合同相对方", "金额", "签订日期")
    assert [r[:2] for r in rows(contracts)] == [["HT-2026-001", "建设"], ["HT-2026-002", "监理"]]
    texts = paragraphs(doc)
    assert (
        "2026年9月4日：案件受理、智能派遣子系统完成开发并部署到营口市政务云测试环境。（累计形象进度55%）"
        in texts
    )
    assert "1. 市政设施台账数据质量不一，需住建局配合清洗。" in texts
    assert "完成联动处置和综合评价子系统，开展等级保护测评准备。" in texts
    # submitted on 09-08 (quarterly_report record): the report states what it said then
    assert "截至2026年9月8日，档案中没有变更记录。" in texts
    assert any("本期报告报送截止日期为2026年9月10日。" in t for t in texts)


def test_quarterly_writes_dates_one_way(xmgl, example):
    make(xmgl, example, "quarterly", "--period", "2", as_of="2026-10-01")
    text = full_text(docx.Document(example / "reports/季度进展报告-第2期.docx"))
    assert not re.findall(r"\b20\d\d-\d\d-\d\d\b", text)  # 2026年6月15日, never 2026-06-15


def rows_of_all(table):
    return [(plain(row.cells[0].text), plain(row.cells[1].text)) for row in table.rows]


def test_quarterly_cumulative_and_changes_with_approvals(xmgl, example):
    def change(data):
        data["records"].append(
            {
                "kind": "change",
                "date": dt.date(2026, 10, 8),
                "aspect": "进度",
                "description": "联调延后一个月",
                "approval_no": "大营商审批〔2026〕34号",
            }
        )
        data["records"].append(
            {
                "kind": "change",
                "date": dt.date(2026, 10, 9),
                "aspect": "内容",
                "description": "增加移动端",
            }
        )

    edit_project(example, change)
    make(xmgl, example, "quarterly", as_of="2026-10-10")
    doc = docx.Document(example / "reports/季度进展报告-第3期.docx")
    money = dict(rows_of_all(doc.tables[1]))
    assert money["本期支付"] == "101.4万元（1,014,000元）"
    assert money["累计支付"] == "205.74万元（2,057,400元）"
    assert money["支付率"] == "55.23%（累计支付÷批复概算）"
    changes = table_with_header(doc, "日期", "事项", "变更内容", "投资增加", "批复情况")
    assert rows(changes) == [
        [
            "2026年10月8日",
            "进度",
            "联调延后一个月",
            "",
            "已批复：大石桥市营商环境建设局2026年4月10日（大营商审批〔2026〕34号）",
        ],
        ["2026年10月9日", "内容", "增加移动端", "", "档案中未见批复"],
    ]
    # no progress recorded in period 3 yet: a place to write, not an invented sentence
    texts = paragraphs(doc)
    assert "档案中本期（2026年9月11日至2026年10月10日）没有进展记录。" in texts
    assert "【待填写：本期完成的建设内容与里程碑】" in texts


def test_quarterly_budget_in_force_follows_the_period(example):
    def change(data):
        data["records"].append(
            {
                "kind": "approval",
                "date": dt.date(2026, 10, 20),
                "subject": "重新审批",
                "issuer": "大石桥市营商环境建设局",
                "amount": "400万元",
            }
        )

    edit_project(example, change)
    d = load_dossier(example)
    before = ctx.quarterly_context(d, dt.date(2026, 11, 1), 2)
    after = ctx.quarterly_context(d, dt.date(2026, 11, 1), 3)
    assert before["money"]["budget"] == "372.5万元（3,725,000元）"
    assert after["money"]["budget"] == "400万元（4,000,000元）"


def test_quarterly_refusals(xmgl, example):
    early = xmgl("--as-of", "2026-03-09", "-C", example, "report", "quarterly")
    assert early.exit_code == 4 and "项目尚未批复" in early.stderr and "第十六条" in early.stderr
    future = xmgl("--as-of", AS_OF, "-C", example, "report", "quarterly", "--period", "4")
    assert future.exit_code == 2
    assert "第4期（2026-12-11 至 2027-03-10）截至 2026-09-15 尚未开始" in future.stderr
    zero = xmgl("--as-of", AS_OF, "-C", example, "report", "quarterly", "--period", "0")
    assert zero.exit_code == 2 and "--period 必须是正整数" in zero.stderr
    assert not (example / "reports").exists()


def test_quarterly_stops_at_the_acceptance_filing(xmgl, example):
    def change(data):
        data["records"].append(
            {"kind": "acceptance", "date": dt.date(2026, 11, 20), "result": "合格"}
        )

    edit_project(example, change)
    result = xmgl("--as-of", "2027-01-05", "-C", example, "report", "quarterly", "--period", "3")
    assert result.exit_code == 2
    assert "项目已于 2026-11-20 验收备案" in result.stderr and "第3期" in result.stderr
    ok = make(xmgl, example, "quarterly", as_of="2027-01-05")
    assert "第2期" in ok.stdout  # the last whole period before the filing


def test_contexts_are_plain_data_with_the_declared_keys():
    for root in (REPO / "dossier-example", MERGED_SMALL):
        d = load_dossier(root)
        fsr = ctx.fsr_context(d, dt.date(2026, 9, 15), merged=True)
        assert set(fsr) == ctx.FSR_KEYS
        render.validate_context(fsr)
        q = ctx.quarterly_context(d, dt.date(2026, 9, 15))
        assert set(q) == ctx.QUARTERLY_KEYS
        render.validate_context(q)
    assert generate.known_variables() == ctx.FSR_KEYS | ctx.QUARTERLY_KEYS


def test_chinese_numerals():
    assert [ctx.chinese_numeral(n) for n in (1, 9, 10, 11, 16, 20, 21)] == [
        "一",
        "九",
        "十",
        "十一",
        "十六",
        "二十",
        "二十一",
    ]


# --------------------------------------------------------------------------- LibreOffice


def _squash(text: str) -> str:
    return re.sub(r"\s+", "", text)


def test_end_to_end_pdf_of_both_reports(xmgl, example, tmp_path):
    need_soffice()
    make(xmgl, example, "fsr")
    make(xmgl, example, "quarterly", "--period", "2", as_of="2026-09-10")
    fsr_pdf = office.convert_to_pdf(example / FSR_FILE, tmp_path)
    q_pdf = office.convert_to_pdf(example / "reports/季度进展报告-第2期.docx", tmp_path)
    fsr_text = _squash(office.pdf_text(fsr_pdf))
    for expected in [
        *FSR_HEADINGS,
        "表2信息资源目录",
        "城市管理案件信息",
        "人口基础信息（核验）",
        "386万元（3,860,000元）",
        "—3—",  # page number
    ]:
        assert _squash(expected) in fsr_text, expected
    q_text = _squash(office.pdf_text(q_pdf))
    for expected in (
        "建设进展情况季度报告",
        "（第2期：2026年6月11日至2026年9月10日）",
        "三、投资完成与资金支付",
        "104.34万元（1,043,400元）",
        "28.01%",
        "营口某某工程监理有限公司",
    ):
        assert _squash(expected) in q_text, expected


def test_quarterly_due_date_moved_past_a_rest_day(xmgl, example):
    # approved 2026-03-13: period 1 ends Saturday 2026-06-13, the last day moves to Monday
    replace_in_project(
        example,
        "    date: 2026-03-10\n    subject: 可行性研究报告",
        "    date: 2026-03-13\n    subject: 可行性研究报告",
    )
    result = make(xmgl, example, "quarterly", as_of="2026-06-01")
    assert (
        "第1期 2026-03-14 至 2026-06-13，报送截止 2026-06-15（名义 2026-06-13"
        in result.stdout.replace("\n", "")
    )
    doc = docx.Document(example / "reports/季度进展报告-第1期.docx")
    basic = dict(rows_of_all(doc.tables[0]))
    assert basic["报送截止日期"] == "2026年6月15日（名义截止日2026年6月13日为法定休假日，顺延）"
