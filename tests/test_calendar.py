"""``xmgl calendar --ics``: the file is parsed back with icalendar and checked event by event."""

from __future__ import annotations

from datetime import date, timedelta

from conftest import edit_project
from icalendar import Calendar


def export(xmgl, root, target, *args) -> Calendar:
    r = xmgl("-C", root, "calendar", "--ics", target, *args)
    assert r.exit_code == 0, r.output
    return Calendar.from_ical(target.read_bytes())


def events(cal: Calendar) -> dict[str, object]:
    return {str(e["UID"]): e for e in cal.walk("VEVENT")}


def test_ics_parsed_back_on_the_example(xmgl, example, tmp_path):
    target = tmp_path / "期限.ics"
    cal = export(xmgl, example, target, "--as-of", "2026-12-20", "--ahead", "6")
    assert str(cal["VERSION"]) == "2.0"
    assert str(cal["X-WR-CALNAME"]) == "大石桥市城市运行综合指挥平台建设项目·法定期限"
    ev = events(cal)
    key = "DSQ-XXH-2026-007@xmgl"
    assert sorted(ev) == sorted(
        [
            f"plan_submission-2025-06-10-due.{key}",
            *(f"quarterly_report-p{i}-due.{key}" for i in range(1, 7)),
        ]
    )
    q3 = ev[f"quarterly_report-p3-due.{key}"]
    # an all-day event on the last day in force
    assert q3["DTSTART"].dt == date(2026, 12, 10)
    assert q3["DTEND"].dt == date(2026, 12, 11)
    assert q3["DTSTART"].params.get("VALUE") == "DATE"
    assert str(q3["SUMMARY"]) == "已逾期：第3期季度进展报告（2026-09-11 至 2026-12-10）"
    desc = str(q3["DESCRIPTION"])
    assert "依据：《大石桥市政务信息化项目管理暂行办法》第十六条" in desc
    assert "名义截止日：2026-12-10" in desc and "生效截止日：2026-12-10" in desc
    assert "状态（截至 2026-12-20）：已逾期" in desc
    # a pending item reminds a week ahead; a done one does not
    (alarm,) = q3.walk("VALARM")
    assert alarm["TRIGGER"].dt == timedelta(days=-7)
    q1 = ev[f"quarterly_report-p1-due.{key}"]
    assert str(q1["SUMMARY"]).startswith("已办：第1期季度进展报告")
    assert "2026-06-08 已办" in str(q1["DESCRIPTION"])
    assert q1.walk("VALARM") == []
    # periods ahead: 5 (2027-03-11..06-10) and 6 begin within the next 6 months
    q6 = ev[f"quarterly_report-p6-due.{key}"]
    assert q6["DTSTART"].dt == date(2027, 9, 10)
    assert str(q6["SUMMARY"]) == "截止：第6期季度进展报告（2027-06-11 至 2027-09-10）"
    assert "按仅周末顺延估算" in str(q6["DESCRIPTION"])
    # writing again: refused without --force (the file is kept), replaced with it
    again = xmgl("-C", example, "calendar", "--ics", target)
    assert again.exit_code == 6 and "已存在，未覆盖" in again.stderr
    assert "已写入" in xmgl("-C", example, "calendar", "--ics", target, "--force").stderr


def test_uids_are_stable_across_exports(xmgl, example, tmp_path):
    a = events(export(xmgl, example, tmp_path / "a.ics", "--as-of", "2026-12-20"))
    b = events(export(xmgl, example, tmp_path / "b.ics", "--as-of", "2027-01-15"))
    same = set(a) & set(b)
    assert len(same) == len(a)  # everything of December is still there in January
    uid = next(u for u in same if u.startswith("quarterly_report-p3"))
    assert a[uid]["DTSTART"].dt == b[uid]["DTSTART"].dt


def test_holiday_moved_deadline_and_window_opening(xmgl, example, tmp_path):
    def change(data):
        data["project"].pop("code")
        data["records"] = [
            {
                "kind": "approval",
                "date": date(2025, 1, 10),
                "subject": "可行性研究报告",
                "issuer": "大石桥市营商环境建设局",
            },
            {"kind": "acceptance", "date": date(2025, 7, 30), "result": "合格"},
            {"kind": "preliminary_acceptance", "date": date(2025, 4, 1), "result": "合格"},
            {"kind": "go_live", "date": date(2025, 8, 1)},
        ]

    edit_project(example, change)
    cal = export(xmgl, example, tmp_path / "x.ics", "--as-of", "2026-01-10")
    ev = events(cal)
    # without a project code the UIDs use a hash of name and unit (still stable)
    assert all(u.endswith("@xmgl") and ".DSQ" not in u for u in ev)
    acc = next(e for u, e in ev.items() if u.startswith("acceptance_window-2025-04-01-due"))
    # 2025-04-01 + 6 months = 2025-10-01 (国庆节) → in force 2025-10-09
    assert acc["DTSTART"].dt == date(2025, 10, 9)
    desc = str(acc["DESCRIPTION"])
    assert "名义截止日：2025-10-01" in desc
    assert "生效截止日：2025-10-09（名义截止日为法定休假日，依民法典第二百零三条顺延）" in desc
    assert "第十七条第一款" in desc
    assert str(acc["SUMMARY"]).startswith("已逾期：申请竣工验收")
    opens = next(e for u, e in ev.items() if u.startswith("self_evaluation-2025-08-01-opens"))
    assert opens["DTSTART"].dt == date(2026, 8, 1)  # 12 months, not moved (a Saturday)
    assert str(opens["SUMMARY"]).startswith("可以开始：自评价")
    due = next(e for u, e in ev.items() if u.startswith("self_evaluation-2025-08-01-due"))
    assert due["DTSTART"].dt == date(2027, 8, 2)  # 2027-08-01 is a Sunday (estimate)
    assert "第十九条" in str(due["DESCRIPTION"])


def test_ics_to_stdout_and_bad_target(xmgl, example, tmp_path):
    r = xmgl("-C", example, "calendar", "--ics", "-", "--as-of", "2026-12-20")
    assert r.exit_code == 0
    cal = Calendar.from_ical(r.stdout.encode())
    assert len(cal.walk("VEVENT")) == 9
    r = xmgl("-C", example, "calendar", "--ics", tmp_path / "missing" / "x.ics")
    assert r.exit_code == 2
    assert "目录不存在" in r.stderr
    r = xmgl("-C", example, "calendar")
    assert r.exit_code == 2
    assert "--ics" in r.stderr
