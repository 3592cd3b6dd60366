"""The audit's stage reader: the fast path equals the full YAML parse, or steps aside."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import EXAMPLE
from xmgl.gitaudit.stagescan import Stage, StageUnreadable, _fast, _full, read_stage

BASE = (EXAMPLE / "project.yaml").read_text(encoding="utf-8")
STAGE_BLOCK = "stage:\n  current: construction\n  since: 2026-06-01\n"


def variant(old: str, new: str) -> str:
    assert old in BASE
    return BASE.replace(old, new, 1)


def full_or_error(text: str):
    try:
        return _full(text)
    except StageUnreadable:
        return "unreadable"


CASES = {
    "example": BASE,
    "flow stage": variant(STAGE_BLOCK, "stage: {current: accepted, since: 2026-11-01}\n"),
    "quoted values": variant(
        STAGE_BLOCK, "stage:\n  current: \"accepted\"\n  since: '2026-11-01'\n"
    ),
    "comments in block": variant(
        STAGE_BLOCK, "stage:\n  # 手改\n  current: accepted   # 注释\n\n  since: 2026-11-01\n"
    ),
    "no stage": variant(STAGE_BLOCK, ""),
    "null stage": variant(STAGE_BLOCK, "stage:\n"),
    "two stage keys": variant(STAGE_BLOCK, STAGE_BLOCK + "stage:\n  current: accepted\n"),
    "quoted top key": variant(STAGE_BLOCK, STAGE_BLOCK + '"stage":\n  current: accepted\n'),
    "anchor and alias": variant(
        STAGE_BLOCK, "stage: &s\n  current: accepted\n  since: 2026-11-01\n"
    ).replace("records:", "other: *s\nrecords:", 1),
    "alias into stage": variant("  goals: 实现", "  goals: &g 实现").replace(
        "  current: construction", "  current: *g", 1
    ),
    "merge key": variant(STAGE_BLOCK, "base: &b {current: accepted}\nstage:\n  <<: *b\n"),
    # a multi-line double-quoted scalar hides a column-0 "stage:" line inside it
    "stage inside a quoted scalar": variant(
        "  goals: 实现城市管理问题“一网统管”，案件平均处置时长缩短30%。",
        '  goals: "第一行\nstage:\n  current: accepted\n  最后一行"',
    ),
    # ... and inside a multi-line flow sequence
    "stage inside a flow sequence": variant(
        "  kinds: [跨部门, 跨系统]", "  kinds: [跨部门,\nstage: x,\n跨系统]"
    ),
    "literal block with quotes": variant(
        "  goals: 实现城市管理问题“一网统管”，案件平均处置时长缩短30%。",
        '  goals: |\n    他说 "好\n    stage: x\n',
    ),
    "plain scalar with quote inside": variant("  contact: 刘晓梅", '  contact: 刘"晓梅'),
    "flow with quote inside plain": variant(
        "  kinds: [跨部门, 跨系统]", '  kinds: [跨部门 "x, "y]'
    ),
    "tab indentation": variant("  current: construction", "\tcurrent: construction"),
    "document marker": "---\n" + BASE,
    "two documents": BASE + "---\nstage:\n  current: accepted\n",
    "bom": "\ufeff" + BASE,
    "crlf": BASE.replace("\n", "\r\n"),
    "syntax error elsewhere": variant("  contact: 刘晓梅", "  contact: [刘晓梅"),
    "bad stage block": variant(STAGE_BLOCK, "stage:\n  current: [accepted\n"),
    "sequence at top": "- a\n- b\n",
    "empty": "",
    "only comments": "# nothing\n",
    "stage not a mapping": variant(STAGE_BLOCK, "stage: construction\n"),
    "tagged": variant("  current: construction", "  current: !!str construction"),
    "dup key inside stage": variant(STAGE_BLOCK, "stage:\n  current: a\n  current: b\n"),
}


@pytest.mark.parametrize("name", list(CASES))
def test_read_stage_equals_the_full_parse(name):
    text = CASES[name]
    expected = full_or_error(text.replace("\r\n", "\n"))
    try:
        got = read_stage(text.encode("utf-8"))
    except StageUnreadable:
        got = "unreadable"
    if name == "syntax error elsewhere":
        # a broken line outside the stage block makes the fast path step aside
        assert _fast(text) is None
    assert got == expected, name


def test_fast_path_takes_the_files_xmgl_writes(tmp_path, xmgl):
    assert _fast(BASE) == Stage("construction", "2026-06-01")
    root = tmp_path / "new"
    assert xmgl("--as-of", "2026-01-05", "init", root).exit_code == 0
    scaffold = (root / "project.yaml").read_text(encoding="utf-8")
    assert _fast(scaffold) == Stage("reserve", "2026-01-05")
    small = (Path(__file__).parent / "dossiers/merged-small/project.yaml").read_text("utf-8")
    assert _fast(small) == _full(small)


def test_fast_path_steps_aside_for_the_dangerous_shapes():
    for name in (
        "stage inside a quoted scalar",
        "stage inside a flow sequence",
        "quoted top key",
        "two stage keys",
        "merge key",
        "alias into stage",
        "tab indentation",
        "document marker",
        "flow with quote inside plain",
    ):
        assert _fast(CASES[name]) is None, name


def test_not_utf8_is_unreadable():
    with pytest.raises(StageUnreadable):
        read_stage(BASE.encode("gb18030"))


def test_what_follows_the_stage_block_is_read_as_the_loader_reads_it():
    # a broken records list: the loader refuses the file, so the stage is unreadable
    # (the fast path used to read the stage from the lines before it and answer)
    broken = BASE + "  - kind: payment\n    amount: [1,\n"
    assert full_or_error(broken) == "unreadable"
    assert _fast(broken) is None
    with pytest.raises(StageUnreadable):
        read_stage(broken.encode("utf-8"))
    # ... and a second column-0 "stage:" after it, real or inside a value, is never ignored
    sneaky = BASE + '  - kind: progress\n    description: "x\nstage:\n  current: accepted\n  y"\n'
    assert _fast(sneaky) is None
    assert read_stage(sneaky.encode("utf-8")) == _full(sneaky)
    twice = BASE + "stage:\n  current: accepted\n"
    assert _fast(twice) is None
    with pytest.raises(StageUnreadable):
        read_stage(twice.encode("utf-8"))


# Everything the loader refuses after the stage block (issue 9: the fast reader
# answered where the loader refuses). Each is appended to the example, whose
# stage block comes before its records.
REFUSED_AFTER_THE_STAGE = {
    "unclosed flow sequence": "  - kind: payment\n    amount: [1,\n",
    "unclosed quote": '  - kind: progress\n    note: "说明\n',
    "mapping in a plain value": "  - kind: progress\n    note: a: b\n",
    "bad indentation": "  - kind: progress\n   date: 2026-06-05\n",
    "entry after content": "  - kind: progress\n    note: x\n  date: 2026-06-05\n",
    "control character": "  - kind: progress\n    note: a\x01b\n",
    "DEL character": "  - kind: progress\n    note: a\x7fb\n",
    "U+FFFF": "  - kind: progress\n    note: a\uffffb\n",
    "undefined alias": "  - kind: progress\n    note: *nowhere\n",
    "tab indentation": "  - kind: progress\n\tnote: x\n",
    "null key": "null: 1\n",
    "bool key": "true: 1\n",
    "unknown escape": '  - kind: progress\n    note: "\\q"\n',
    "second document": "---\nname: x\n",
    "bad block scalar": "  - kind: progress\n    note: |0\n      x\n",
    "stray sequence at top": "- x\n",
}


@pytest.mark.parametrize("name", list(REFUSED_AFTER_THE_STAGE))
def test_a_file_the_loader_refuses_has_no_stage_wherever_the_fault_is(name):
    text = BASE + REFUSED_AFTER_THE_STAGE[name]
    assert full_or_error(text) == "unreadable", name
    assert _fast(text) is None, name
    with pytest.raises(StageUnreadable):
        read_stage(text.encode("utf-8"))


def test_invalid_utf8_after_the_stage_block_is_unreadable():
    data = BASE.encode("utf-8") + b"  - kind: progress\n    note: \xff\xfe\n"
    assert _fast(data) is None
    with pytest.raises(StageUnreadable):
        read_stage(data)


def test_versions_compared_with_the_previous_one_are_judged_whole():
    # the fast path looks only at what changed since the version before: a fault
    # added to a version that was fine must still be seen, and removed again
    records = "".join(
        f"  - kind: progress\n    date: 2026-06-05\n    description: 第 {i} 次\n" for i in range(40)
    )
    good = BASE + records
    assert _fast(good) == Stage("construction", "2026-06-01")
    for fault in ("    note: [x\n", "    note: a\x01\n", "   bad: 1\n"):
        cut = good.index("  - kind: progress\n    date: 2026-06-05\n    description: 第 20 次")
        bad = good[:cut] + fault + good[cut:]
        assert full_or_error(bad) == "unreadable", fault
        assert _fast(good) is not None
        assert _fast(bad) is None, fault
        assert _fast(good) == Stage("construction", "2026-06-01")
    moved = good.replace("  current: construction", "  current: accepted")
    assert _fast(moved) == Stage("accepted", "2026-06-01")


# ---------------------------------------------------------------- differential property test
# The audit must read the stage as the loader does, or refuse: the fast scanner may
# only answer where its answer is the loader's (issue 9, class 1).

from hypothesis import HealthCheck, given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

from xmgl.gitaudit.stagescan import loader_stage  # noqa: E402

BREAKS = ["\n", "\r\n", "\r", "\x85", "\u2028", "\u2029"]
STAGES = ["construction", "accepted", "terminated", "reserve"]


def loader_or_error(data: bytes):
    try:
        return loader_stage(data)
    except StageUnreadable:
        return "unreadable"


@st.composite
def scalar(draw, value: str) -> str:
    style = draw(st.sampled_from(["plain", "single", "double"]))
    if style == "single":
        return f"'{value}'"
    if style == "double":
        return f'"{value}"'
    return value


@st.composite
def stage_block(draw) -> list[str]:
    current = draw(scalar(draw(st.sampled_from(STAGES))))
    since = draw(scalar(draw(st.sampled_from(["2026-06-01", "2026-11-01"]))))
    inner = draw(st.sampled_from([2, 4]))
    if draw(st.booleans()):
        return [f"stage: {{current: {current}, since: {since}}}"]
    lines = ["stage:", " " * inner + f"current: {current}", " " * inner + f"since: {since}"]
    if draw(st.booleans()):
        lines.insert(draw(st.integers(1, 3)), " " * inner + "# 注释")
    if draw(st.booleans()):
        lines.append(" " * inner + f"current: {current}")  # duplicate key inside stage
    return lines


@st.composite
def documents(draw) -> bytes:
    blocks = [
        ["format_version: 1"],
        ["project:", "  name: 城市运行平台", "  kinds: [跨部门, 跨系统]"],
        ["records:", "  - kind: progress", '    note: "说明"'],
    ]
    stage = draw(stage_block())
    where = draw(st.integers(0, len(blocks)))
    blocks.insert(where, stage)
    if draw(st.booleans()):  # a second stage block, or another duplicate top key
        blocks.append(draw(st.sampled_from([draw(stage_block()), ["format_version: 1"]])))
    lines = [line for block in blocks for line in block]
    for _ in range(draw(st.integers(0, 2))):
        lines.insert(draw(st.integers(0, len(lines))), draw(st.sampled_from(["# c", "", "  # c"])))
    indent = " " * draw(st.sampled_from([0, 0, 1, 2]))
    lines = [indent + line if line else line for line in lines]
    mixed = draw(st.booleans())
    main_break = draw(st.sampled_from(BREAKS))
    text = ""
    for line in lines:
        brk = draw(st.sampled_from(BREAKS)) if mixed else main_break
        text += line + brk
    if draw(st.booleans()):
        text = "\ufeff" + text
    return text.encode("utf-8")


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(documents())
def test_fast_reader_is_the_loader_or_undecided(data):
    expected = loader_or_error(data)
    fast = _fast(data)
    assert fast is None or fast == expected, (data, fast, expected)
    try:
        got = read_stage(data)
    except StageUnreadable:
        got = "unreadable"
    assert got == expected


@pytest.mark.parametrize(
    "text",
    [
        "name: x\rstage:\n  current: terminated\n",  # lone CR: a line break to YAML
        "name: x\x85stage:\n  current: terminated\n",  # NEL
        "name: x\u2028stage:\n  current: terminated\n",  # LS
        "name: x\u2029stage:\n  current: terminated\n",  # PS
        "  stage:\n    current: terminated\n  name: x\n",  # the whole mapping indented
    ],
)
def test_shapes_that_hid_the_stage_from_the_old_scanner(text):
    data = text.encode("utf-8")
    assert loader_stage(data) == Stage("terminated", None)
    assert read_stage(data) == Stage("terminated", None)


def test_a_file_without_a_readable_stage_is_never_no_stage():
    with pytest.raises(StageUnreadable):
        read_stage(b"stage:\n  current: a\nstage:\n  current: b\n")
    with pytest.raises(StageUnreadable):
        read_stage(b"name: x\nname: y\nstage:\n  current: a\n")  # the loader refuses it


# ------------------------------------------- faults anywhere, and versions one after another
# The fast reader looks at units of the file and, for a new version, only at the
# units that changed since the previous one. Whatever the fault and wherever it
# is (before, in or after the stage block), the answer is the loader's or none.

FAULT_LINES = [
    "    note: [x",
    '    note: "x',
    "    note: a: b",
    "   odd: 1",
    "  stray: 1",
    "\tnote: x",
    "    note: a\x01",
    "    note: a\x7f",
    "    note: a\x85b",
    "    note: *a",
    "    note: &a x",
    '    note: "\\q"',
    "    note: |0",
    "    note: |",
    "      literal [ ] : #",
    "    - nested",
    "null: 1",
    "true: 1",
    "- top",
    "---",
    "...",
    "%YAML 1.2",
    "? k",
    "  -",
    "  -x",
    "  - ",
    "# c",
    "",
    "   ",
    "records:",
    "stage:",
    "stage: x",
    "  current: accepted",
    "  since: 2026-11-01",
    "project: {a: 1}",
    "  - kind: progress",
    "    - kind: progress",
    " - kind: progress",
    "- kind: progress",
]
FAULT_BYTES = [b":", b"-", b"#", b'"', b"'", b"[", b"]", b"{", b"}", b"&", b"*", b"!", b"|"]
FAULT_BYTES += [b">", b" ", b"\n", b"\t", b"\x01", b"\xff", b"\r", b"  - ", b"\n  - a\n"]


@st.composite
def record_document(draw) -> list[str]:
    # the indentation styles xmgl's writer keeps (dash offset 0 to 4), and a nested
    # sequence that may sit at the same indentation as the records' entries
    dash = draw(st.sampled_from([0, 1, 2, 3, 4]))
    nested = draw(st.sampled_from([2, 4]))
    lines = ["# 项目档案", "format_version: 1", "project:", "  name: 城市运行平台"]
    lines += ["  participants:", " " * nested + "- department: 公安局"]
    stage = [
        "stage:",
        f"  current: {draw(st.sampled_from(STAGES))}",
        f"  since: {draw(st.sampled_from(['2026-06-01', '2026-11-01']))}",
    ]
    records = ["records:"]
    entry, field = " " * dash + "- ", " " * (dash + 2)
    for i in range(draw(st.integers(0, 6))):
        records += [
            entry + "kind: progress",
            f"{field}date: 2026-06-0{i % 9 + 1}",
            f"{field}note: 第 {i} 次",
        ]
    blocks = [stage, records]
    if draw(st.booleans()):
        blocks.reverse()
    return lines + blocks[0] + blocks[1]


@st.composite
def damage(draw, lines: list[str]) -> bytes:
    lines = list(lines)
    for _ in range(draw(st.integers(0, 2))):
        lines.insert(draw(st.integers(0, len(lines))), draw(st.sampled_from(FAULT_LINES)))
    data = ("\n".join(lines) + "\n").encode("utf-8")
    for _ in range(draw(st.integers(0, 2))):
        at = draw(st.integers(0, len(data)))
        cut = draw(st.integers(0, 1))
        data = data[:at] + draw(st.sampled_from(FAULT_BYTES)) + data[at + cut :]
    return data


def fast_agrees(data: bytes) -> None:
    expected = loader_or_error(data)
    fast = _fast(data)
    assert fast is None or fast == expected, (data, fast, expected)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.data())
def test_a_fault_anywhere_is_seen_as_the_loader_sees_it(data):
    fast_agrees(data.draw(damage(data.draw(record_document()))))


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.data())
def test_each_version_after_the_previous_is_the_loader_or_undecided(data):
    lines = data.draw(record_document())
    fast_agrees(("\n".join(lines) + "\n").encode("utf-8"))  # a fine version first
    for _ in range(data.draw(st.integers(1, 4))):
        version = data.draw(damage(lines))
        fast_agrees(version)
        if data.draw(st.booleans()):  # the next version grows from this one
            lines = version.decode("utf-8", "replace").split("\n")[:-1]


@pytest.mark.parametrize("dash", [1, 2, 3, 4])
def test_the_fast_path_takes_records_at_each_indentation_xmgl_keeps(dash):
    """Entries at the file's own indentation are units: growing records stay cheap."""
    entry, field = " " * dash + "- ", " " * (dash + 2)
    text = "format_version: 1\nproject:\n  name: 城市运行平台\n" + STAGE_BLOCK + "records:\n"
    for i in range(3):  # each version one record longer, as in a history
        text += f"{entry}kind: progress\n{field}date: 2026-06-05\n{field}note: 第 {i} 次\n"
        assert full_or_error(text) == Stage("construction", "2026-06-01")
        assert _fast(text) == Stage("construction", "2026-06-01"), dash
    # each entry was judged as a unit of its own (not the records block as a whole)
    from xmgl.gitaudit import stagescan

    assert any(unit.startswith(entry.encode() + b"kind:") for unit in stagescan._units)


@pytest.mark.parametrize(
    ("old", "new", "said"),
    [
        ("  fsr_author: ", "  fsr_author: &a ", "锚点 &a 已在第 {n} 行定义过"),
        ("  goals: ", "  goals: : ", "不能出现冒号映射"),
    ],
)
def test_an_unreadable_version_is_told_in_chinese_with_its_line(old, new, said):
    """The audit quotes why a version's stage is unreadable: the loader's words, not ruamel's."""
    text = BASE.replace("  contact: ", "  contact: &a ", 1).replace(old, new, 1)
    n = 1 + BASE.splitlines().index(
        next(x for x in BASE.splitlines() if x.startswith("  contact:"))
    )
    with pytest.raises(StageUnreadable) as err:
        read_stage(text.encode("utf-8"))
    message = str(err.value)
    assert said.format(n=n) in message and "第 " in message
    assert "found" not in message and "mapping values" not in message
