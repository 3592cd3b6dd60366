"""``xmgl status``: stage, next actions and every deadline, as text and JSON."""

from __future__ import annotations

import json
import re
from datetime import date

from conftest import edit_project, line_of
from rich.cells import cell_len


def status_json(xmgl, root, *args):
    r = xmgl("-C", root, "status", "--format", "json", *args)
    assert r.exit_code == 0, r.output
    return json.loads(r.stdout)


def test_status_json_on_the_example(xmgl, example):
    data = status_json(xmgl, example, "--as-of", "2026-12-20")
    assert data["as_of"] == "2026-12-20"
    assert (data["stage"], data["stage_zh"], data["stage_since"]) == (
        "construction",
        "建设实施",
        "2026-06-01",
    )
    rows = [
        (o["kind"], o["period"], o["due_nominal"], o["due_in_force"], o["status"], o["clause"])
        for o in data["obligations"]
    ]
    assert rows == [
        ("plan_submission", None, "2025-07-15", "2025-07-15", "done", "第八条"),
        ("quarterly_report", 1, "2026-06-10", "2026-06-10", "done", "第十六条"),
        ("quarterly_report", 2, "2026-09-10", "2026-09-10", "done", "第十六条"),
        ("quarterly_report", 3, "2026-12-10", "2026-12-10", "overdue", "第十六条"),
        ("quarterly_report", 4, "2027-03-10", "2027-03-10", "open", "第十六条"),
    ]
    assert [o["done"] for o in data["obligations"][:3]] == [
        "2025-07-10",
        "2026-06-08",
        "2026-09-08",
    ]
    q3 = data["obligations"][3]
    assert q3["title"] == "第3期季度进展报告（2026-09-11 至 2026-12-10）"
    assert (q3["status_zh"], q3["days_left"], q3["article"]) == ("已逾期", -10, 16)
    # the clock started at the 可研批复 record: that is where the item points
    assert q3["line"] == line_of(example, "date: 2026-03-10")
    assert q3["path"].endswith(".date")
    q4 = data["obligations"][4]
    assert q4["calendar_notice"].startswith(
        "2027年的法定节假日安排不在 chinese-calendar 和节假日文件中"
    )
    assert q4["calendar_notice"].endswith("用 xmgl holidays import 通知.txt 导入")
    assert [(o["kind"], o["period"]) for o in data["next_actions"]] == [
        ("quarterly_report", 3),
        ("quarterly_report", 4),
    ]
    assert data["counts"]["overdue"] == 1 and data["counts"]["done"] == 3


def test_status_text_on_the_example(xmgl, example):
    r = xmgl("-C", example, "status", "--as-of", "2026-12-20")
    assert r.exit_code == 0, r.output
    out = r.stdout
    assert "大石桥市城市运行综合指挥平台建设项目" in out
    assert "当前阶段  建设实施（construction），自 2026-06-01 起" in out
    assert "1. 已逾期 10 天  第3期季度进展报告（2026-09-11 至 2026-12-10）" in out
    assert "最后一日 2026-12-10 · 依据第十六条" in out
    assert "2. 还有 80 天  第4期季度进展报告（2026-12-11 至 2027-03-10）" in out
    assert "共 1 项已逾期" in out
    note = re.sub(r"\s*\n", "", out)
    assert "注：2027年的法定节假日安排不在 chinese-calendar和节假日文件中" in note
    assert "通知公布后用 xmgl holidays import通知.txt 导入" in note
    table = out[out.index("法定期限") :]
    assert re.search(r"已逾期\s+第3期季度进展报告.*第十六条\s+2026-12-10\s+2026-12-10", table)
    assert re.search(r"已完成\s+第1期季度进展报告.*第十六条\s+2026-06-10\s+2026-06-10", table)
    assert "2026-06-08" in table  # the day it was done
    assert max(cell_len(line) for line in out.splitlines()) <= 80


def test_overdue_is_red_and_names_the_article(xmgl, example, monkeypatch):
    monkeypatch.delenv("NO_COLOR")
    monkeypatch.setenv("FORCE_COLOR", "1")
    monkeypatch.setenv("TERM", "xterm-256color")
    r = xmgl("-C", example, "status", "--as-of", "2026-12-20")
    assert r.exit_code == 0, r.output
    red = "\x1b[1;31m"
    overdue_line = next(line for line in r.stdout.splitlines() if "已逾期 10 天" in line)
    assert red + "已逾期 10 天" in overdue_line
    article_line = next(line for line in r.stdout.splitlines() if "最后一日 2026-12-10" in line)
    assert red + "第十六条" in article_line
    # done items are not red
    done_line = next(line for line in r.stdout.splitlines() if "第1期季度进展报告" in line)
    assert "\x1b[31m" not in done_line and red not in done_line


def test_status_shows_both_dates_when_a_holiday_moves_the_deadline(xmgl, example):
    def change(data):
        # approved on 2026-07-01: period 1 ends on 国庆节 2026-10-01
        data["records"] = [
            {
                "kind": "approval",
                "date": date(2026, 7, 1),
                "subject": "可行性研究报告",
                "issuer": "大石桥市营商环境建设局",
            }
        ]

    edit_project(example, change)
    r = xmgl("-C", example, "status", "--as-of", "2026-10-05")
    assert r.exit_code == 0, r.output
    assert "名义截止 2026-10-01，遇法定休假日顺延至 2026-10-08 · 依据第十六条" in r.stdout
    assert "还有 3 天" in r.stdout
    assert re.search(r"待办\s+第1期季度进展报告.*2026-10-01\s+2026-10-08", r.stdout, re.S)
    data = status_json(xmgl, example, "--as-of", "2026-10-09")
    q1 = data["obligations"][0]
    assert (q1["due_nominal"], q1["due_in_force"], q1["due_moved"], q1["status"]) == (
        "2026-10-01",
        "2026-10-08",
        True,
        "overdue",
    )


def test_global_as_of_works_too(xmgl, example):
    r = xmgl("--as-of", "2026-06-11", "-C", example, "status", "--format", "json")
    data = json.loads(r.stdout)
    assert data["as_of"] == "2026-06-11"
    assert [(o["period"], o["status"]) for o in data["obligations"][1:]] == [
        (1, "done"),
        (2, "open"),
    ]


def test_status_before_any_deadline(xmgl, example):
    edit_project(example, lambda d: d.__setitem__("records", []))
    r = xmgl("-C", example, "status", "--as-of", "2026-01-01")
    assert r.exit_code == 0, r.output
    assert "目前没有法定期限事项（立项批复后开始计算季度进展报告，第十六条）" in r.stdout


def test_status_bad_date_and_bad_dossier(xmgl, example):
    r = xmgl("-C", example, "status", "--as-of", "2026-13-01")
    assert r.exit_code == 2
    assert "--as-of 的日期 “2026-13-01” 无效" in r.stderr
    (example / "project.yaml").write_text("project: [\n", encoding="utf-8")
    r = xmgl("-C", example, "status")
    assert r.exit_code == 3
    assert "project.yaml" in r.stderr
