"""Holiday files and ``xmgl holidays``: the State Council's notices drive the deadlines.

The 2025 and 2026 notices (tests/data/holidays, copied from the brief's reading list)
must read back to exactly the chinese-calendar data for those years; a made-up 2027
notice shows deadlines in a year the package does not cover (its coverage is pinned to
1.11's by conftest, so these tests hold whatever release is installed).
"""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest
from conftest import edit_project

from xmgl.domain import deadlines as dl
from xmgl.domain import periods
from xmgl.domain.holidays import Calendar, Holiday, HolidayYear, package_year
from xmgl.domain.notice import NoticeError, read_notice
from xmgl.dossier.holidays import dump, load_file
from xmgl.dossier.loader import load_dossier

DATA = Path(__file__).parent / "data" / "holidays"
D = date.fromisoformat
DOC = {
    2025: ("国办发明电〔2024〕12号", "2024-11-12"),  # invented for the test
    2026: ("国办发明电〔2025〕7号", "2025-11-04"),
}


def notice(year: int) -> Path:
    return DATA / f"notice-{year}.txt"


def imported(xmgl, root: Path, year: int, *extra):
    args = ["-C", root, "holidays", "import", notice(year), "--yes", *extra]
    if year in DOC:
        args += ["--document-no", DOC[year][0], "--issued", DOC[year][1]]
    return xmgl(*args)


# ------------------------------------------------------------------ reading notices


@pytest.mark.parametrize("year", [2025, 2026])
def test_notice_reads_back_to_the_package_data_exactly(year):
    read = read_notice(notice(year).read_text("utf-8"))
    got = read.to_year(DOC[year][0], D(DOC[year][1]))
    rest, work = package_year(year)
    assert rest and work  # the package really has the year
    assert (got.rest, got.work) == (rest, work)
    assert (read.year, read.document_no, read.issued) == (year, None, None)


def test_notice_2027_reads_its_number_date_and_days():
    read = read_notice(notice(2027).read_text("utf-8"))
    assert (read.document_no, read.issued) == ("国办发明电〔2026〕9号", D("2026-11-10"))
    spring = read.holidays[1]
    assert (spring.name, spring.first, spring.last, spring.work) == (
        "春节",
        D("2027-02-05"),
        D("2027-02-13"),
        (D("2027-02-20"),),
    )
    assert [h.name for h in read.holidays][-2:] == ["中秋节", "国庆节"]


SPRING_2026 = (
    "　　二、春节：2月15日（农历腊月二十八、周日）至23日（农历正月初七、周一）放假调休，"
    "共9天。2月14日（周六）、2月28日（周六）上班。"
)


@pytest.mark.parametrize(
    ("replacement", "said"),
    [
        # a sentence of another kind
        (SPRING_2026.replace("上班。", "上班。具体安排另行通知。"), "具体安排另行通知"),
        # the weekday in brackets contradicts the date
        (SPRING_2026.replace("2月14日（周六）", "2月14日（周五）"), "2026-02-14 是周六"),
        # 共N天 contradicts the span
        (SPRING_2026.replace("共9天", "共8天"), "共8天"),
        # an item lost in copying: the numbers jump
        ("", "应为第2项"),
        # the item's colon replaced: a dated line that is not an item
        (SPRING_2026.replace("：", " ", 1), "不是“一、元旦：……”这样的条目"),
        # no full stop at the end: cut off
        (SPRING_2026.rstrip("。"), "不以句号结束"),
        # a day that does not exist
        (SPRING_2026.replace("2月28日", "2月30日"), "没有 2026年2月30日"),
        # an unknown festival
        (SPRING_2026.replace("春节", "植树节"), "植树节"),
    ],
)
def test_notice_is_refused_unless_read_fully(replacement, said):
    text = notice(2026).read_text("utf-8")
    assert SPRING_2026 in text
    with pytest.raises(NoticeError) as err:
        read_notice(text.replace(SPRING_2026, replacement))
    assert said in err.value.message
    lineno = text.splitlines().index(SPRING_2026) + 1
    if "缺" not in said and replacement:
        assert err.value.line == lineno


def test_notice_missing_a_festival_or_a_year_is_refused():
    text = notice(2026).read_text("utf-8")
    lines = text.splitlines()
    last_item = next(i for i, ln in enumerate(lines) if "七、国庆节" in ln)
    with pytest.raises(NoticeError, match="没有找到国庆节的安排"):
        read_notice("\n".join(lines[:last_item] + lines[last_item + 1 :]))
    with pytest.raises(NoticeError, match="读不出通知是哪一年的"):
        read_notice("\n".join(lines[4:]))
    assert read_notice("\n".join(lines[4:]), year=2026).year == 2026


# ------------------------------------------------------------------ the CLI


def test_import_shows_what_it_read_and_writes_the_dossier_file(xmgl, example):
    r = imported(xmgl, example, 2026)
    assert r.exit_code == 0, r.output
    assert "读到：国务院办公厅关于2026年部分节假日安排的通知" in r.stdout
    assert "春节：放假 2026-02-15（周日）至 2026-02-23（周一），共9天" in r.stdout
    assert "调休上班：2026-02-14（周六）、2026-02-28（周六）" in r.stdout
    assert "与 chinese-calendar 1.11.0 的2026年数据相比：一致。" in r.stdout
    assert "已在 .xmgl/holidays.yaml 中写入了2026年的节假日安排" in r.stdout
    assert all(len(line) <= 80 for line in r.stdout.splitlines())
    years = load_file(example / ".xmgl" / "holidays.yaml")
    assert [(y.year, y.document_no, y.issued) for y in years] == [
        (2026, "国办发明电〔2025〕7号", D("2025-11-04"))
    ]
    assert years[0].rest == package_year(2026)[0]
    # a second notice is added, the same year again replaces
    assert imported(xmgl, example, 2027).exit_code == 0
    again = imported(xmgl, example, 2026)
    assert "替换了2026年" in again.stdout
    assert [y.year for y in load_file(example / ".xmgl" / "holidays.yaml")] == [2026, 2027]


def test_import_without_yes_only_shows(xmgl, example):
    r = xmgl("-C", example, "holidays", "import", notice(2027))
    assert r.exit_code == 0, r.output
    assert "春节：放假 2027-02-05（周五）至 2027-02-13（周六），共9天" in r.stdout
    assert "chinese-calendar 1.11.0 没有2027年的数据" in r.stdout
    assert "未写入" in r.stderr and "--yes" in r.stderr
    assert not (example / ".xmgl" / "holidays.yaml").exists()


def test_import_refuses_a_notice_it_cannot_read_and_writes_nothing(xmgl, example, tmp_path):
    bad = tmp_path / "通知.txt"
    bad.write_text(
        notice(2026).read_text("utf-8").replace("2月14日（周六）", "2月14日（周五）"), "utf-8"
    )
    r = xmgl("-C", example, "holidays", "import", bad, "--yes", "--document-no", "X", "--issued",
             "2025-11-04")  # fmt: skip
    assert r.exit_code == 3
    assert "没有完整读懂，未写入任何内容" in r.stderr
    assert "第二项（春节）的这句读不懂" in r.stderr and "是周六" in r.stderr
    assert f"通知.txt:{line_of_text(bad, '二、春节')}" in r.stderr
    assert not (example / ".xmgl" / "holidays.yaml").exists()
    # no 文号 in the text and none given: said, not guessed
    r = xmgl("-C", example, "holidays", "import", notice(2026), "--yes")
    assert r.exit_code == 2 and "--document-no" in r.stderr


def line_of_text(path: Path, needle: str) -> int:
    return next(i for i, ln in enumerate(path.read_text("utf-8").splitlines(), 1) if needle in ln)


def test_import_gbk_text_and_standalone_file(xmgl, tmp_path):
    gbk = tmp_path / "gbk.txt"
    gbk.write_bytes(notice(2027).read_text("utf-8").encode("gb18030"))
    out = tmp_path / "数据局节假日.yaml"
    r = xmgl("-C", tmp_path, "holidays", "import", gbk, "-o", out, "--yes")
    assert r.exit_code == 0, r.output
    assert [y.year for y in load_file(out)] == [2027]
    # outside a dossier and without -o: where to write is asked for
    r = xmgl("-C", tmp_path, "holidays", "import", gbk, "--yes")
    assert r.exit_code == 2 and "-o" in r.stderr


def test_holidays_lists_each_years_source(xmgl, example):
    assert imported(xmgl, example, 2027).exit_code == 0
    r = xmgl("-C", example, "--as-of", "2026-12-02", "holidays", "--format", "json")
    assert r.exit_code == 0, r.output
    rows = json.loads(r.stdout)["years"]
    assert [(x["first"], x["last"], x["source"]) for x in rows] == [
        (2004, 2026, "package"),
        (2027, 2027, "file"),
    ]
    assert rows[1]["document_no"] == "国办发明电〔2026〕9号"
    assert rows[1]["file"] == ".xmgl/holidays.yaml"
    text = xmgl("-C", example, "--as-of", "2027-12-02", "holidays").stdout
    assert "2004–2026  chinese-calendar 1.11.0 软件包" in text
    assert "2027       .xmgl/holidays.yaml（国办发明电〔2026〕9号，2026-11-10）" in text
    assert "2028       无官方数据，按仅周末估算；通知公布后运行 xmgl holidays" in text


# ------------------------------------------------------------------ deadlines


def quarter_ending(example, day: str):
    """The example with one approval, so that the first quarterly report is due on ``day``."""
    approval = periods.add_months(D(day), -3)

    def change(data):
        data["records"] = [
            {"kind": "approval", "date": approval, "subject": "可行性研究报告",
             "issuer": "大石桥市营商环境建设局"},
        ]  # fmt: skip

    edit_project(example, change)
    return load_dossier(example)


@pytest.mark.parametrize(
    ("due", "without", "with_file"),
    [
        # inside the Spring Festival: without the notice, a week early
        ("2027-02-08", "2027-02-08", "2027-02-15"),
        # a make-up working Saturday: without the notice, taken for a rest day
        ("2027-02-20", "2027-02-22", "2027-02-20"),
    ],
)
def test_2027_deadlines_follow_the_dossiers_holiday_file(xmgl, example, due, without, with_file):
    q = [o for o in dl.obligations(quarter_ending(example, due), D(due)) if o.period == 1][0]
    assert q.due.in_force == D(without)
    assert q.due.notice.startswith("2027年的法定节假日安排不在 chinese-calendar 和节假日文件中")
    assert "xmgl holidays import 通知.txt" in q.due.notice
    assert imported(xmgl, example, 2027).exit_code == 0
    q = [o for o in dl.obligations(load_dossier(example), D(due)) if o.period == 1][0]
    assert (q.due.nominal, q.due.in_force, q.due.notice) == (D(due), D(with_file), None)


def _differing_2026() -> HolidayYear:
    """2026 as the package has it, but without the make-up working day 2026-10-10."""
    read = read_notice(notice(2026).read_text("utf-8")).to_year(
        "国办发明电〔2025〕7号", D("2025-11-04")
    )
    national = read.holidays[-1]
    changed = Holiday(national.name, national.first, national.last, (D("2026-09-20"),))
    return HolidayYear(2026, read.document_no, read.issued, (*read.holidays[:-1], changed))


def test_the_file_wins_over_the_package_and_validate_says_so_once(xmgl, example):
    package = periods.deadline(D("2026-10-10"))
    assert package.in_force == D("2026-10-10")  # a make-up working Saturday in the package
    cal = Calendar([_differing_2026()])
    assert periods.deadline(D("2026-10-10"), cal).in_force == D("2026-10-12")
    (example / ".xmgl").mkdir(exist_ok=True)
    (example / ".xmgl" / "holidays.yaml").write_text(dump([_differing_2026()]), "utf-8")
    r = xmgl("-C", example, "validate", "--as-of", "2026-10-15")
    note = "说明：2026年的节假日安排：.xmgl/holidays.yaml 与 chinese-calendar 1.11.0 在"
    assert r.stdout.count(note) == 1, r.stdout
    assert "2026-10-10" in r.stdout and "按 .xmgl/holidays.yaml 计算期限" in r.stdout
    data = json.loads(xmgl("-C", example, "validate", "--as-of", "2026-10-15",
                           "--format", "json").stdout)  # fmt: skip
    assert len(data["notes"]) == 1 and "2026-10-10" in data["notes"][0]
    listing = xmgl("-C", example, "holidays").stdout
    assert "与软件包不一致，以文件为准" in listing
    # the same data as the package: nothing to say
    (example / ".xmgl" / "holidays.yaml").write_text(
        dump([read_notice(notice(2026).read_text("utf-8")).to_year("X", D("2025-11-04"))]),
        "utf-8",
    )
    r = xmgl("-C", example, "validate", "--as-of", "2026-10-15", "--format", "json")
    assert json.loads(r.stdout)["notes"] == []


def test_a_broken_holiday_file_is_a_located_dossier_problem(xmgl, example):
    path = example / ".xmgl" / "holidays.yaml"
    path.parent.mkdir(exist_ok=True)
    text = dump([_differing_2026()]).replace("from: 2026-02-15", "from: 2026-02-30")
    path.write_text(text, "utf-8")
    r = xmgl("-C", example, "validate", "--format", "json")
    assert r.exit_code == 3
    found = [f for f in json.loads(r.stdout)["findings"] if f["file"] == ".xmgl/holidays.yaml"]
    assert found and "2026-02-30" in found[0]["message"]
    assert found[0]["line"] == line_of_text(path, "from: 2026-02-30")


def test_portfolio_takes_the_holiday_file_of_the_data_bureau(xmgl, tmp_path):
    from tests.test_portfolio import copy_example

    top = tmp_path / "档案"
    top.mkdir()
    one = copy_example(top / "a")
    quarter_ending(one, "2027-02-08")
    shared = tmp_path / "节假日.yaml"
    assert xmgl("holidays", "import", notice(2027), "-o", shared, "--yes").exit_code == 0

    def overdue(*extra):
        r = xmgl("portfolio", top, "--format", "json", "--as-of", "2027-02-10", "-j", "1", *extra)
        assert r.exit_code == 0, r.output
        return json.loads(r.stdout)["dossiers"][0]["overdue"]

    assert overdue() == 1  # due 2027-02-08 by weekends only
    assert overdue("--holidays", shared) == 0  # due 2027-02-15 after the Spring Festival
    broken = tmp_path / "坏.yaml"
    broken.write_text("years: 1\n", "utf-8")
    r = xmgl("portfolio", top, "--holidays", broken)
    assert r.exit_code == 3 and "坏.yaml" in r.stderr


def test_holiday_file_round_trips():
    years = [read_notice(notice(y).read_text("utf-8")).to_year("国办发明电〔2026〕9号", D("2026-11-10"))
             for y in (2026, 2027)]  # fmt: skip
    from xmgl.dossier.holidays import _Reader

    reader = _Reader("x.yaml")
    assert reader.read(dump(years).encode("utf-8")) == years
    assert reader.problems == []


def test_docs_describe_the_holiday_file_and_commands():
    doc = (Path(__file__).parents[1] / "docs" / "status.md").read_text("utf-8")
    for needle in (".xmgl/holidays.yaml", "xmgl holidays import", "document_no", "issued",
                   "work:", "--holidays", "以文件为准"):  # fmt: skip
        assert needle in doc, needle
