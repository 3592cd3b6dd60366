"""``xmgl record``: checked before written, written round-trip, nothing lost on failure."""

from __future__ import annotations

import difflib
from datetime import date
from decimal import Decimal

import pytest

from xmgl.dossier.loader import load_dossier
from xmgl.dossier.writer import ProjectEdit


def _added_lines(before: str, after: str) -> tuple[list[str], list[str]]:
    plus, minus = [], []
    for line in difflib.ndiff(before.splitlines(), after.splitlines()):
        if line.startswith("+ "):
            plus.append(line[2:])
        elif line.startswith("- "):
            minus.append(line[2:])
    return plus, minus


def test_round_trip_of_an_unchanged_file_is_byte_identical(example, tmp_path, xmgl):
    for root in (example, tmp_path / "new"):
        if root != example:
            assert xmgl("init", root).exit_code == 0
        edit = ProjectEdit(root)
        assert edit.render() == (root / "project.yaml").read_bytes()


def test_a_payment_is_added_and_nothing_else_changes(example, xmgl):
    before = (example / "project.yaml").read_text(encoding="utf-8")
    r = xmgl(
        "-C",
        example,
        "record",
        "payment",
        "contract=HT-2026-001",
        "amount=50万元",
        "date=2026-10-15",
        "voucher=0001",
        "note=第三笔进度款",
    )
    assert r.exit_code == 0, r.output
    assert "已添加支付记录" in r.stdout
    after = (example / "project.yaml").read_text(encoding="utf-8")
    plus, minus = _added_lines(before, after)
    assert minus == []
    assert plus == [
        "  - kind: payment",
        "    date: 2026-10-15",
        "    contract: HT-2026-001",
        '    amount: "50万元"',
        "    voucher: '0001'",  # quoted: it stays text, not the number 1
        "    note: 第三笔进度款",
    ]
    # every comment of the original is still there
    for line in before.splitlines():
        if line.lstrip().startswith("#"):
            assert line in after
    d = load_dossier(example)
    last = d.records_of("payment")[-1]
    assert last.amount == Decimal("500000") and last.voucher == "0001"


def test_a_record_is_inserted_in_date_order(example, xmgl):
    r = xmgl(
        "-C",
        example,
        "record",
        "progress",
        "date=2026-06-10",
        "description=完成详细设计",
        "percent=20",
    )
    assert r.exit_code == 0, r.output
    d = load_dossier(example)
    dates = [rec.date for rec in d.records]
    assert dates == sorted(dates)
    kinds = [(rec.kind, rec.date) for rec in d.records]
    i = kinds.index(("progress", date(2026, 6, 10)))
    assert kinds[i - 1] == ("quarterly_report", date(2026, 6, 8))
    assert kinds[i + 1] == ("payment", date(2026, 6, 15))


def test_first_record_in_a_new_dossier_turns_the_empty_list_into_a_block(tmp_path, xmgl):
    root = tmp_path / "new"
    assert xmgl("--as-of", "2026-01-05", "init", root).exit_code == 0
    r = xmgl(
        "-C",
        root,
        "--as-of",
        "2026-01-20",
        "record",
        "plan_inclusion",
        "year=2026",
        "approver=大石桥市人民政府",
        "midyear=true",
    )
    assert r.exit_code == 0, r.output
    text = (root / "project.yaml").read_text(encoding="utf-8")
    assert "records:\n  - kind: plan_inclusion\n    date: 2026-01-20\n    year: 2026\n" in text
    assert "    midyear: true\n" in text
    assert "# 可用 “xmgl record 类型 …” 添加" in text
    rec = load_dossier(root).records[0]
    assert rec.midyear is True and rec.date == date(2026, 1, 20)


def test_sections_and_lists_from_the_command_line(example, xmgl):
    r = xmgl(
        "-C",
        example,
        "record",
        "acceptance_application",
        "date=2026-11-02",
        "to=大石桥市数据局",
        "attachments.construction_summary=docs/项目安全方案.md",
        "attachments.crypto_assessment=docs/密码应用方案.md",
    )
    assert r.exit_code == 0, r.output
    rec = load_dossier(example).last("acceptance_application")
    assert rec.attachments.construction_summary == "docs/项目安全方案.md"
    r = xmgl(
        "-C",
        example,
        "record",
        "self_evaluation",
        "date=2026-11-03",
        "sent_to=大石桥市数据局，大石桥市财政局",
    )
    assert r.exit_code == 0, r.output
    assert load_dossier(example).last("self_evaluation").sent_to == [
        "大石桥市数据局",
        "大石桥市财政局",
    ]


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (["amount=abc", "contract=HT-1"], "amount=abc：无法识别的金额"),
        (
            ["amount=1万元", "contract=HT-1", "date=2026-02-30"],
            "date=2026-02-30：是不存在的日期 “2026-02-30”：2026年2月只有28天",
        ),
        (["amount=1万元"], "缺少必填字段：contract（合同编号）"),
        (["amount=1万元", "contract=HT-1", "amout=2"], "没有字段 “amout”"),
        (["amount=1万元", "contract=HT-1", "voucher"], "“voucher” 不是 字段=值 的形式"),
        (["amount=1万元", "contract=HT-1", "contract=HT-2"], "“contract” 写了两次"),
    ],
)
def test_bad_arguments_are_refused_and_the_file_is_untouched(example, xmgl, args, expected):
    before = (example / "project.yaml").read_bytes()
    r = xmgl("-C", example, "record", "payment", *args)
    assert r.exit_code == 2, r.output
    assert expected in r.stderr
    assert (example / "project.yaml").read_bytes() == before


def test_what_only_the_loader_knows_is_told_as_the_argument(example, xmgl):
    before = (example / "project.yaml").read_bytes()
    r = xmgl(
        "-C",
        example,
        "record",
        "approval",
        "subject=可行性研究报告",
        "issuer=大石桥市营商环境建设局",
        "document=docs/不存在的批复.pdf",
    )
    assert r.exit_code == 3, r.output
    assert "参数 document=" in r.stderr
    assert "引用的文件不存在：“docs/不存在的批复.pdf”" in r.stderr
    assert "project.yaml 未被修改" in r.stderr
    assert (example / "project.yaml").read_bytes() == before


def test_enum_values_are_checked_with_a_suggestion(example, xmgl):
    r = xmgl("-C", example, "record", "acceptance", "result=合 格")
    assert r.exit_code == 2
    assert "可选：合格、不合格" in r.stderr


def test_unknown_kind_and_chinese_kind_names(example, xmgl):
    r = xmgl("-C", example, "record", "paymnet", "amount=1")
    assert r.exit_code == 2 and "是不是想写 “payment”" in r.stderr
    r = xmgl("-C", example, "record", "支付", "contract=HT-2026-001", "amount=1万元")
    assert r.exit_code == 0, r.output
    assert load_dossier(example).records_of("payment")[-1].amount == Decimal("10000")


def test_stage_change_records_only_come_from_advance(example, xmgl):
    r = xmgl("-C", example, "record", "stage_change", "from_stage=plan", "to_stage=feasibility")
    assert r.exit_code == 2
    assert "只能由 xmgl advance 写入" in r.stderr


def test_dry_run_writes_nothing_and_json_shows_the_record(example, xmgl):
    import json

    before = (example / "project.yaml").read_bytes()
    r = xmgl(
        "-C",
        example,
        "--as-of",
        "2026-10-01",
        "record",
        "quarterly_report",
        "period=3",
        "to=大石桥市数据局",
        "--dry-run",
        "--format",
        "json",
    )
    assert r.exit_code == 0, r.output
    data = json.loads(r.stdout)
    assert data["written"] is False
    assert data["record"] == {
        "kind": "quarterly_report",
        "date": "2026-10-01",
        "period": 3,
        "to": "大石桥市数据局",
    }
    assert (example / "project.yaml").read_bytes() == before


def test_a_broken_dossier_gets_no_record(example, xmgl):
    from tests.conftest import replace_in_project

    replace_in_project(example, "construction_months: 12", "construction_months: 十二")
    before = (example / "project.yaml").read_bytes()
    r = xmgl("-C", example, "record", "payment", "contract=HT-2026-001", "amount=1万元")
    assert r.exit_code == 3
    assert "construction_months" in r.stderr
    assert (example / "project.yaml").read_bytes() == before


def test_crlf_and_other_indentation_survive(example, xmgl):
    path = example / "project.yaml"
    text = path.read_text(encoding="utf-8")
    # a hand-written variant: sequences not indented under their key, CRLF line ends
    head, tail = text.split("\nrecords:\n")
    text = head + "\nrecords:\n" + tail.replace("  - ", "- ").replace("    ", "  ")
    path.write_bytes(text.replace("\n", "\r\n").encode("utf-8"))
    assert load_dossier(example).records
    before = path.read_bytes()
    assert ProjectEdit(example).render() == before
    r = xmgl("-C", example, "record", "payment", "contract=HT-2026-001", "amount=1万元")
    assert r.exit_code == 0, r.output
    after = path.read_bytes()
    assert after.startswith(before)
    added = after[len(before) :].decode("utf-8")
    assert added == (
        f"- kind: payment\r\n  date: {date.today().isoformat()}\r\n"
        '  contract: HT-2026-001\r\n  amount: "1万元"\r\n'
    )


@pytest.mark.parametrize(
    ("written", "stored", "amount"),
    [
        ("3380000", "    amount: 3380000", 3_380_000),  # docs/lifecycle.md: 3380000 works
        ("338万", '    amount: "338万"', 3_380_000),
        ("叁佰叁拾捌万元整", '    amount: "叁佰叁拾捌万元整"', 3_380_000),
        ("3,380,000", '    amount: "3,380,000"', 3_380_000),
    ],
)
def test_record_reads_amounts_with_the_loaders_grammar(example, xmgl, written, stored, amount):
    r = xmgl(
        "-C",
        example,
        "record",
        "payment",
        "contract=HT-2026-001",
        f"amount={written}",
        "date=2026-10-15",
    )
    assert r.exit_code == 0, r.output
    assert stored in (example / "project.yaml").read_text(encoding="utf-8").splitlines()
    assert load_dossier(example).records_of("payment")[-1].amount == Decimal(amount)


def test_record_refuses_an_ambiguous_amount_and_shows_the_forms(example, xmgl):
    before = (example / "project.yaml").read_bytes()
    r = xmgl("-C", example, "record", "payment", "contract=HT-2026-001", "amount=185.5")
    assert r.exit_code == 2, r.output
    assert "amount=185.5：" in r.stderr and "无法判断是元还是万元" in r.stderr
    assert "壹佰捌拾伍万元整" in r.stderr
    assert (example / "project.yaml").read_bytes() == before


# ------------------------------------------------------------------ what libyaml reads but
# the in-place editor (ruamel's own parser) does not: a Tab inside or after a plain value

PROCESS = "  process: 通过统一政务信息资源库平台申请、审核、授权后调用，调用日志留存不少于6个月。"
NAME = "  name: 大石桥市城市运行综合指挥平台建设项目     # 项目名称"
TAB_PLACES = [
    # (a line of the example, the same line with a Tab, where)
    (PROCESS, PROCESS.replace("审核、", "审核\t、"), "inside"),
    (PROCESS, PROCESS + "\t", "after"),
    (NAME, NAME.replace("项目     #", "项目\t#"), "before-comment"),
]


@pytest.mark.parametrize(("old", "new", "why"), TAB_PLACES, ids=[w for *_, w in TAB_PLACES])
def test_a_tab_the_loader_reads_but_the_editor_cannot_is_a_located_error(
    example, xmgl, old, new, why
):
    from tests.conftest import replace_in_project

    replace_in_project(example, old, new)
    text = (example / "project.yaml").read_text(encoding="utf-8")
    line = 1 + text.split("\n").index(new)
    load_dossier(example)  # libyaml reads it: validate has nothing to say
    before = (example / "project.yaml").read_bytes()
    r = xmgl("-C", example, "record", "payment", "contract=HT-2026-001", "amount=1万元")
    assert r.exit_code == 3, r.output
    assert f"project.yaml:{line}:" in r.stderr
    assert "Tab" in r.stderr and "档案未被修改" in r.stderr
    assert "内部错误" not in r.output
    assert (example / "project.yaml").read_bytes() == before


def test_whatever_the_loader_reads_the_editor_edits_or_refuses_with_a_place(tmp_path):
    """The class: every file the loader accepts either gets the record or a located
    DossierError, never an exception of the parser (exit 70)."""
    import shutil

    from hypothesis import HealthCheck, given, settings
    from hypothesis import strategies as st

    from tests.conftest import EXAMPLE
    from xmgl.errors import DossierError

    base = (EXAMPLE / "project.yaml").read_text(encoding="utf-8")
    lines = base.split("\n")
    root = tmp_path / "d"
    shutil.copytree(EXAMPLE, root, ignore=shutil.ignore_patterns("reports"))

    @settings(max_examples=150, deadline=None, suppress_health_check=list(HealthCheck))
    @given(
        st.integers(0, len(lines) - 1),
        st.floats(0, 1),
        st.sampled_from(["\t", " \t", "\t ", "\u3000", "\t# 注", "\x85", "\u2028"]),
    )
    def check(i, where, blank):
        row = lines[i]
        at = round(where * len(row))
        changed = [*lines[:i], row[:at] + blank + row[at:], *lines[i + 1 :]]
        (root / "project.yaml").write_text("\n".join(changed), encoding="utf-8")
        try:
            load_dossier(root)
        except DossierError:
            return  # the loader refused it: validate says where
        try:
            edit = ProjectEdit(root)
        except DossierError as err:
            assert err.problems and err.problems[0].line, err
            return
        edit.add_record({"kind": "payment", "date": date(2026, 11, 1), "amount": "1万元"})

    check()


def test_a_tab_is_told_as_indentation_only_where_it_indents():
    from xmgl.yamltext import tab_inside_value

    text = "a: x\n\tb: y\nc: 审核\t、授权\nd: [x\ty]\n  e: 1\t\n"
    assert [tab_inside_value(text, n) for n in range(1, 7)] == [
        False,  # no Tab
        False,  # a leading Tab: indentation
        True,
        True,
        True,  # after the value
        False,  # past the end
    ]
