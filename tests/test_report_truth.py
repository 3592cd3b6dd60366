"""Reports say nothing the dossier does not say (issue 10, "Never state …").

Each test makes a real .docx through the CLI from a copy of a real dossier,
reads it back with python-docx and checks the sentence a reviewer would read.
"""

from __future__ import annotations

import datetime as dt
import re
import shutil

import docx
import pytest

from tests.conftest import REPO, edit_project
from tests.test_reports import (
    FSR_FILE,
    MERGED_FILE,
    MERGED_SMALL,
    full_text,
    make,
    paragraphs,
    rows_of_all,
    table_with_header,
)
from xmgl.reports.linebreak import WORD_JOINER

REG = "《大石桥市政务信息化项目管理暂行办法》"
Q2 = "reports/季度进展报告-第2期.docx"
Q3 = "reports/季度进展报告-第3期.docx"


def _after(texts: list[str], heading: str, n: int = 3) -> list[str]:
    i = len(texts) - 1 - texts[::-1].index(heading)  # the heading, not its 目录 entry
    return texts[i + 1 : i + 1 + n]


# --------------------------------------------------------------------- 1. O&M


def test_operation_cost_is_a_separate_yearly_figure(xmgl, example):
    make(xmgl, example, "fsr")
    texts = paragraphs(docx.Document(example / FSR_FILE))
    overview = " ".join(_after(texts, "（六）总投资及资金来源", 2))
    assert "其中年运行维护" not in overview  # O&M is not part of the estimate
    assert "项目总投资估算386万元（3,860,000元）。" in overview
    assert "年运行维护费用估算28万元（280,000元）/年，另行申请，不含在上述总投资内" in overview


# --------------------------------------------------------------------- 2. no claims


#: Sentences that state a fact; each must not appear when its section is absent.
CLAIMS = {
    "cross_boundary": "本项目不涉及跨层级",
    "platform": "本项目不单独建设系统平台",
}


@pytest.mark.parametrize("section", sorted(CLAIMS))
def test_an_absent_section_is_a_placeholder_not_a_negative(xmgl, example, section):
    edit_project(example, lambda data: data.pop(section))
    make(xmgl, example, "fsr")
    text = full_text(docx.Document(example / FSR_FILE))
    assert CLAIMS[section] not in text
    expected = {
        "cross_boundary": "【待填写：本项目是否涉及跨层级、跨地域、跨系统、跨部门、跨业务共建共享",
        "platform": "【待填写：是否单独建设系统平台",
    }[section]
    assert expected in text


def test_declared_none_is_stated_from_the_dossier(xmgl, example):
    # an explicit empty list is what the dossier says: then "不涉及" is true
    edit_project(example, lambda data: data.__setitem__("cross_boundary", {"kinds": []}))
    make(xmgl, example, "fsr")
    text = full_text(docx.Document(example / FSR_FILE))
    assert "本项目不涉及跨层级、跨地域、跨系统、跨部门、跨业务共建共享。" in text


def test_merged_report_claims_no_evaluation_or_design_that_does_not_exist(xmgl, tmp_path):
    root = tmp_path / "small"
    shutil.copytree(MERGED_SMALL, root)
    make(xmgl, root, "fsr", "--merged", as_of="2026-04-01")  # before any evaluation
    text = full_text(docx.Document(root / MERGED_FILE))
    assert "第三方评估论证核实" not in text
    assert "merged_fsr_pd" not in text  # no YAML keys in a submission
    # GB/T 39786 is cited as a basis; nothing claims the (unwritten) design meets it
    assert not re.search(r"符合\s*GB/T\s*39786", text)
    assert "对照 GB/T 39786—2021 的要求逐项说明】" in text


# --------------------------------------------------------------------- 3. merged 概算


def test_merged_budget_is_the_proposed_figure_before_approval(xmgl, tmp_path):
    root = tmp_path / "small"
    shutil.copytree(MERGED_SMALL, root)

    def unapproved(data):
        del data["investment"]["budget"]
        data["records"] = [
            r for r in data["records"] if r["kind"] not in ("approval", "quarterly_report")
        ]
        data["stage"] = {"current": "feasibility", "since": dt.date(2026, 4, 1)}

    edit_project(root, unapproved)
    make(xmgl, root, "fsr", "--merged", as_of="2026-04-25")
    doc = docx.Document(root / MERGED_FILE)
    text = full_text(doc)
    assert "批复概算" not in text
    assert "项目申报投资概算168万元（1,680,000元）" in text
    budget = table_with_header(doc, "序号", "工程或费用名称", "金额", "说明")
    cells = [c.text.replace(WORD_JOINER, "") for c in budget.rows[-1].cells]
    assert cells[1:3] == ["概算合计", "168万元（1,680,000元）"]


# --------------------------------------------------------------------- 4. as of


def test_quarterly_figures_say_the_date_they_are_as_of(xmgl, example):
    make(xmgl, example, "quarterly", as_of="2026-10-10")  # period 3, still running
    doc = docx.Document(example / Q3)
    texts = paragraphs(doc)
    assert not any("截至本期末" in t for t in texts)
    # the 55% was recorded on 2026-09-04, in period 2: the report says so
    assert "截至2026年9月4日（上期及以前最近一次进展记录），累计形象进度55%。" in texts
    assert "档案中本期（2026年9月11日至2026年10月10日）没有进展记录。" in texts
    assert any("以下数据截至2026年10月10日" in t for t in texts)
    captions = [p.text for p in doc.paragraphs if p.style.name == "表题"]
    assert "表2　资金支付情况（截至2026年10月10日）" in captions
    assert all("截至本期末" not in c for c in captions)


# --------------------------------------------------------------------- 5. dates, extension


def test_regenerated_report_is_dated_as_submitted(xmgl, example):
    make(xmgl, example, "quarterly", "--period", "1", as_of="2026-09-15")
    texts = paragraphs(docx.Document(example / "reports/季度进展报告-第1期.docx"))
    assert texts[-2] == "2026年6月8日"  # the recorded submission, not 2026-09-15
    assert texts[-1].startswith("（填报人：")  # the 附注 below the date (GB/T 9704 7.3.6)
    assert "2026年9月15日" not in texts[-4:]


def test_approved_extension_shows_in_basic_information(xmgl, example):
    def extend(data):
        data["records"] += [
            {
                "kind": "approval",
                "date": dt.date(2026, 8, 20),
                "subject": "变更",
                "issuer": "大石桥市营商环境建设局",
                "document_no": "大营商审批〔2026〕60号",
            },
            {
                "kind": "change",
                "date": dt.date(2026, 8, 21),
                "aspect": "进度",
                "description": "因公安视频授权延迟，建设期延长6个月",
                "approval_no": "大营商审批〔2026〕60号",
                "construction_months": 18,
            },
        ]

    edit_project(example, extend)
    make(xmgl, example, "quarterly", "--period", "2", as_of="2026-09-10")
    basic = dict(rows_of_all(docx.Document(example / Q2).tables[0]))
    assert basic["建设期"] == (
        "18个月（原12个月，经大石桥市营商环境建设局2026年8月20日批复（大营商审批〔2026〕60号）调整）"
    )
    assert basic["计划完工日期"] == "2027年12月1日"  # 开工 2026-06-01 + 18 months


# --------------------------------------------------------------------- 7. citations

ARTICLE = re.compile(r"第[一二三四五六七八九十百]+条")
CITED = re.compile(
    re.escape("》")
    + r"(第[一二三四五六七八九十百]+条(（[一二三四五六七八九十]+）)?(第[一二三四五六七八九十]+款)?[、和]?)+"
)


def bare_articles(text: str) -> list[str]:
    """Article numbers not written as 《…》第N条 (a chain 》第八条、第九条 counts as cited)."""
    out = []
    for line in text.splitlines():
        stripped = CITED.sub("》", line)
        if ARTICLE.search(stripped):
            out.append(line)
    return out


def test_bare_article_detector():
    assert bare_articles(f"按照{REG}第十三条，项目实行") == []
    assert bare_articles(f"{REG}第八条、第九条") == []
    assert bare_articles(f"{REG}第十一条（一）和") == []
    assert bare_articles("王建国（第十三条 项目法人责任制）") == [
        "王建国（第十三条 项目法人责任制）"
    ]


def test_articles_cited_in_full_in_every_report(xmgl, example, tmp_path):
    make(xmgl, example, "fsr")
    make(xmgl, example, "quarterly", "--period", "2", as_of="2026-10-01")
    small = tmp_path / "small"
    shutil.copytree(MERGED_SMALL, small)
    make(xmgl, small, "fsr", "--merged", as_of="2026-05-20")
    for path in (example / FSR_FILE, example / Q2, small / MERGED_FILE):
        text = full_text(docx.Document(path))
        assert bare_articles(text) == [], path.name
        assert "项目法人（责任人）：王建国（" not in text
    assert REPO.is_dir()


# --------------------------------------------------------------------- a submission


def test_documents_are_attachments_not_paths(xmgl, example):
    make(xmgl, example, "fsr")
    doc = docx.Document(example / FSR_FILE)
    text = full_text(doc)
    assert "docs/" not in text and "档案文件" not in text
    assert "项目安全方案见附件4《项目安全方案》，要点如下：" in text
    assert "（佐证材料见附件1《规划符合性说明》）" in text  # cited twice, numbered once
    texts = paragraphs(doc)
    start = texts.index("附件：1. 规划符合性说明")
    assert texts[start : start + 5] == [
        "附件：1. 规划符合性说明",
        "\u3000\u3000\u30002. 数据目录",
        "\u3000\u3000\u30003. 安全可靠情况说明",
        "\u3000\u3000\u30004. 项目安全方案",
        "\u3000\u3000\u30005. 密码应用方案",
    ]


def test_quarterly_fields_a_reviewer_expects(xmgl, example):
    def record(data):
        for r in data["records"]:
            if r["kind"] == "progress" and r["date"] == dt.date(2026, 9, 4):
                r["invested"] = "186.25万元"
                r["percent"] = 20  # behind: a quarter of the 12 months has passed

    edit_project(example, record)
    make(xmgl, example, "quarterly", "--period", "2", as_of="2026-09-10")
    doc = docx.Document(example / Q2)
    texts = paragraphs(doc)
    basic = dict(rows_of_all(doc.tables[0]))
    assert (basic["开工日期"], basic["计划完工日期"]) == ("2026年6月1日", "2027年6月1日")
    # 累计完成投资 is its own figure, with its share of the 概算 (not the payments)
    assert "截至2026年9月4日，累计完成投资186.25万元（1,862,500元），占批复概算的50%。" in texts
    assert "进度情况：截至2026年9月4日，建设期已过26%，形象进度20%，进度滞后于计划。" in texts
    # the previous period's plan, shown against this period's progress
    assert (
        "上期报告期内（2026年6月5日记录）计划本期：完成详细设计，启动案件受理子系统开发。" in texts
    )
    # the previous period's problem is carried forward until a record resolves it
    assert any(
        t.startswith(
            "1. 公安视频点位对接需市公安局出具共享授权。（2026年6月5日记录）解决情况：【待填写"
        )
        for t in texts
    )


def test_resolved_problems_are_not_carried_forward(xmgl, example):
    def resolve(data):
        for r in data["records"]:
            if r["kind"] == "progress" and r["date"] == dt.date(2026, 9, 4):
                r["problems_resolved"] = True

    edit_project(example, resolve)
    make(xmgl, example, "quarterly", "--period", "2", as_of="2026-09-10")
    texts = paragraphs(docx.Document(example / Q2))
    assert any("公安视频点位" in t and "已解决（2026年9月4日记录）" in t for t in texts)
    make(xmgl, example, "quarterly", "--period", "3", as_of="2026-10-10")
    texts3 = paragraphs(docx.Document(example / Q3))
    assert not any("公安视频点位" in t for t in texts3)  # resolved before period 3
    assert any(t.startswith("1. 市政设施台账数据质量不一") for t in texts3)


def test_placeholders_are_highlighted_counted_and_checked(xmgl, example, tmp_path):
    result = make(xmgl, example, "fsr")
    path = example / FSR_FILE
    doc = docx.Document(path)
    runs = [r for p in doc.paragraphs for r in p.runs if "【待填写" in r.text]
    assert runs and all(r.font.highlight_color is not None for r in runs)
    assert all(r.text.startswith("【待填写") and r.text.endswith("】") for r in runs)
    total = full_text(doc).count("【待填写")
    assert f"文中还有 {total} 处【待填写：…】" in result.stdout.replace("\n", "")

    left = xmgl("-C", example, "report", "fsr", "--check", path)
    assert left.exit_code == 1
    assert f"还有 {total} 处【待填写：…】需要补充" in left.stdout.replace("\n", "")
    assert "（八）主要结论与建议：【待填写：可行性研究的主要结论与建议】" in left.stdout

    # the unit fills every placeholder in Word: the check then passes
    for p in doc.paragraphs:
        for r in p.runs:
            r.text = re.sub(r"【待填写[^】]*】", "已填写", r.text)
    for table in doc.tables:
        for row in table.rows:
            for cell in row.cells:
                for p in cell.paragraphs:
                    for r in p.runs:
                        r.text = re.sub(r"【待填写[^】]*】", "已填写", r.text)
    done = tmp_path / "done.docx"
    doc.save(done)
    ok = xmgl("-C", example, "report", "fsr", "--check", done, "--format", "json")
    assert ok.exit_code == 0, ok.output
    assert '"placeholders": 0' in ok.stdout


def test_toc_entries_are_written_at_generation(xmgl, example):
    make(xmgl, example, "fsr")
    doc = docx.Document(example / FSR_FILE)
    toc = [p.text for p in doc.paragraphs if p.style.name in ("toc 1", "toc 2")]
    assert toc[:3] == ["一、项目概述", "（一）项目名称", "（二）项目建设单位和负责人"]
    assert "十四、项目风险与风险管理" in toc and "附表" in toc
    body = doc.element.body
    names = {
        b.get(docx.oxml.ns.qn("w:name")) for b in body.iter(docx.oxml.ns.qn("w:bookmarkStart"))
    }
    anchors = {
        h.get(docx.oxml.ns.qn("w:anchor")) for h in body.iter(docx.oxml.ns.qn("w:hyperlink"))
    }
    assert anchors and anchors <= names


def test_tables_are_numbered_by_count(xmgl, example):
    edit_project(example, lambda data: data.__setitem__("cross_boundary", {"kinds": []}))
    make(xmgl, example, "fsr")
    doc = docx.Document(example / FSR_FILE)
    captions = [p.text for p in doc.paragraphs if p.style.name == "表题"]
    numbered = [c for c in captions if c.startswith("表")]
    assert [c.split("\u3000")[0] for c in numbered] == [
        f"表{i}" for i in range(1, len(numbered) + 1)
    ]
    assert numbered[0] == "表1\u3000信息资源目录"  # the participants table is not there
