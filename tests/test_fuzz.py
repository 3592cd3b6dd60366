"""Fuzzing (hypothesis): no input, argument or environment ends in an internal error.

Dossiers are the example's ``project.yaml`` mutated the ways people and tools break
files (a value of the wrong kind, a section replaced by a scalar, a stray line, a
deleted line, bytes of another encoding, a second document, a tag…); arguments are
drawn from every command's options with absurd values; environments vary the
terminal width and the output encoding (ASCII, GBK, UTF-8). For every command:

* the exit code is a documented one, never 70 (internal error);
* no Python traceback reaches the user, and no Rich markup is printed literally;
* after any failure the dossier is byte-identical to what it was.

The budget is small by default (CI); ``XMGL_FUZZ_EXAMPLES=N`` sets the number of
examples per test, e.g. the large run documented in docs/contributing.md::

    XMGL_FUZZ_EXAMPLES=20000 python -m pytest -q tests/test_fuzz.py
"""

from __future__ import annotations

import io
import os
import re
import shutil
import sys
from datetime import date
from pathlib import Path

import pytest
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st

from tests.conftest import EXAMPLE
from xmgl.errors import DossierError, ExitCode

EXAMPLES = int(os.environ.get("XMGL_FUZZ_EXAMPLES", "0") or 0)
DOCUMENTED = {int(c) for c in ExitCode if c != ExitCode.INTERNAL} | {130}
AS_OF = date(2026, 11, 27)
ORIGINAL = (EXAMPLE / "project.yaml").read_text(encoding="utf-8")
LINES = ORIGINAL.splitlines(keepends=True)
_KEY_LINE = re.compile(r"^(\s*(?:- )?[a-z_]+:)( .*)?$")
KEY_LINES = [i for i, line in enumerate(LINES) if _KEY_LINE.match(line.rstrip("\n"))]


def budget(default: int):
    """Settings for one fuzz test: ``default`` examples in CI, XMGL_FUZZ_EXAMPLES when set."""
    return settings(
        max_examples=EXAMPLES or default,
        deadline=None,
        derandomize=not EXAMPLES,  # CI runs the same examples every time
        suppress_health_check=list(HealthCheck),
        database=None,
        # no shrinking: a failing example is printed as found (shrinking a whole
        # dossier through the CLI takes minutes and the mutation is readable as is)
        phases=[Phase.explicit, Phase.reuse, Phase.generate],
    )


# ---------------------------------------------------------------- dossiers

ODD_SCALARS = [
    "0o1",
    "0b1",
    "0x1F",
    "017",
    "1_000",
    "+5",
    "-1",
    "1e3",
    ".inf",
    "-.nan",
    "1.5",
    "185.5",
    "true",
    "false",
    "yes",
    "~",
    "null",
    "''",
    '""',
    "2025-02-30",
    "0000-01-01",
    "9999-12-31",
    "2025-13-01",
    "2025-00-10",
    "2025-01-00",
    "2025-2-3",
    "2025-02-03T10:00:00",
    "20250203",
    "!!binary aGk=",
    "!!python/object:os.system x",
    "!foo bar",
    "!!str 1",
    "!!int x",
    "!!float 1",
    "!!timestamp 2025-01-01",
    "!!set {a, b}",
    "!!omap [a: 1]",
    "&a 1",
    "*a",
    "[1, 2]",
    "[]",
    "{}",
    "{a: 1}",
    "[[1]]",
    "{kind: payment}",
    "|\n  多行\n  文字",
    ">-\n  x",
    '"unclosed',
    "'unclosed",
    "a: b",
    "- x",
    "? x",
    "%x",
    "@x",
    "`x",
    '"\\x07"',
    '"\\ud800"',
    "9" * 40,
    "-" + "9" * 25,
    '"' + "长" * 300 + '"',
    '"../../etc/passwd"',
    '"/etc/passwd"',
    '"C:\\\\x.pdf"',
    '"docs"',
    '"386万元"',
    '"1.2亿元"',
    '"-5万元"',
    '"0元"',
    "0",
    "-0",
    '"壹佰万元"',
    '"1,850,000元"',
    '"１８５万元"',
    "业务信息系统",
    "construction",
    "paymnet",
]

INSERT_LINES = [
    "records:",
    "- kind: payment",
    "  - kind: payment",
    "    date: 2026-01-01",
    "stage: construction",
    "stage:",
    "  current: acceptance",
    "---",
    "...",
    "%YAML 1.2",
    "%TAG ! tag:x,2000:",
    "? [a, b]",
    ": 1",
    "<<: *a",
    "x: &a {b: 1}",
    "project: null",
    "format_version: 2",
    "\tname: tab",
    "# 注释",
    "  - 1",
    "  -",
    "extra_key: 1",
]

byte_noise = st.sampled_from(
    [b"\xff\xfe", b"\xfe\xff", b"\xef\xbb\xbf", b"\x00", b"\xc3", b"\xd6\xd0\xce\xc4", b"\r",
     b"\r\n", b"\x1b[31m", b"\x85", b"\xe2\x80\xa8", b"\t", b"\x7f"]
)  # fmt: skip


@st.composite
def mutation(draw, text: str) -> str:
    lines = text.splitlines(keepends=True)
    keyed = [i for i, line in enumerate(lines) if _KEY_LINE.match(line.rstrip("\n"))]
    choice = draw(st.integers(0, 6))
    if choice <= 2 and keyed:  # a value of another kind, or a section turned into a scalar
        i = draw(st.sampled_from(keyed))
        head = _KEY_LINE.match(lines[i].rstrip("\n")).group(1)
        value = draw(st.one_of(st.sampled_from(ODD_SCALARS), st.text(max_size=8)))
        value = value.replace("\n", "\n" + " " * (len(head) - len(head.lstrip()) + 2))
        lines[i] = f"{head} {value}\n"
    elif choice == 3:
        i = draw(st.integers(0, len(lines)))
        indent = " " * draw(st.sampled_from([0, 1, 2, 4, 6]))
        lines.insert(i, indent + draw(st.sampled_from(INSERT_LINES)) + "\n")
    elif choice == 4 and lines:
        del lines[draw(st.integers(0, len(lines) - 1))]
    elif choice == 5:
        return text + draw(st.sampled_from(["---\nfoo: 1\n", "...\nx\n", "---\n", "\n- 1\n"]))
    else:
        return "\x00RAW"  # marker: mutate bytes instead (below)
    return "".join(lines)


class Mutated(bytes):
    """The mutated file; shown in a failure report as the mutations, not as 20 kB of bytes."""

    ops: tuple = ()

    def __repr__(self) -> str:
        return f"Mutated({self.ops!r})"


def _mutated(raw: bytes, ops: list) -> Mutated:
    out = Mutated(raw)
    out.ops = tuple(ops)
    return out


@st.composite
def project_bytes(draw) -> Mutated:
    text = ORIGINAL
    ops: list = []
    for _ in range(draw(st.integers(1, 3))):
        mutated = draw(mutation(text))
        if mutated == "\x00RAW":
            raw = text.encode("utf-8")
            at = draw(st.integers(0, len(raw)))
            if draw(st.booleans()):
                noise = draw(byte_noise)
                return _mutated(raw[:at] + noise + raw[at:], [*ops, ("bytes", at, noise)])
            enc = draw(st.sampled_from(["gbk", "utf-16", "utf-16-le", "utf-32", "utf-32-be"]))
            return _mutated(text.encode(enc, errors="replace"), [*ops, ("encoding", enc)])
        ops.append([d for d in _diff(text, mutated)])
        text = mutated
    return _mutated(text.encode("utf-8"), ops)


def _diff(old: str, new: str) -> list[str]:
    import difflib

    return [
        line
        for line in difflib.unified_diff(old.splitlines(), new.splitlines(), n=0, lineterm="")
        if line[:1] in "+-" and line[:3] not in ("+++", "---")
    ]


# ---------------------------------------------------------------- library level


@budget(200)
@given(raw=project_bytes())
def test_loader_rules_and_deadlines_never_fail_inside(raw):
    """Every file is a dossier or a list of located Chinese problems; a dossier checks."""
    from xmgl.domain import deadlines
    from xmgl.domain import rules as R
    from xmgl.dossier.loader import load_text

    try:
        dossier = load_text(EXAMPLE, raw)
    except DossierError as err:
        assert err.problems
        for p in err.problems:
            assert re.search(r"[\u4e00-\u9fff]", p.message), p
            assert p.line is None or p.line >= 1
            assert "Traceback" not in p.message
        return
    R.check(dossier, AS_OF)
    deadlines.next_actions(deadlines.obligations(dossier, AS_OF))


@budget(300)
@given(
    field=st.sampled_from([f for f in KEY_LINES]),
    value=st.one_of(
        st.sampled_from(ODD_SCALARS),
        st.integers(-(10**30), 10**30).map(str),
        st.dates().map(str),
        st.from_regex(r"\A[0-9]{1,5}-[0-9]{1,3}-[0-9]{1,3}\Z"),
    ),
)
def test_every_field_takes_any_scalar(field, value):
    """Each field of the example, given any value: a typed value or a located problem."""
    from xmgl.domain import rules as R
    from xmgl.dossier.loader import load_text

    lines = list(LINES)
    head = _KEY_LINE.match(lines[field].rstrip("\n")).group(1)
    lines[field] = f"{head} {value}\n"
    try:
        dossier = load_text(EXAMPLE, "".join(lines).encode())
    except DossierError as err:
        assert all(p.message for p in err.problems)
        return
    R.check(dossier, AS_OF)


# ---------------------------------------------------------------- the command line

RECORD_PAIRS = st.lists(
    st.one_of(
        st.tuples(
            st.sampled_from(
                [
                    "amount",
                    "date",
                    "contract",
                    "percent",
                    "period",
                    "year",
                    "result",
                    "subject",
                    "description",
                    "midyear",
                    "sent_to",
                    "attachments.financial_report",
                    "document",
                    "note",
                    "x",
                    "attachments",
                ]
            ),  # fmt: skip
            st.one_of(st.sampled_from(ODD_SCALARS), st.text(max_size=6)),
        ).map(lambda kv: f"{kv[0]}={kv[1]}"),
        st.text(max_size=6),
    ),
    max_size=4,
)

COMMANDS = st.one_of(
    st.sampled_from(
        [
            ["validate"],
            ["validate", "--format", "json"],
            ["validate", "--format", "sarif"],
            ["validate", "--fail-on", "warning"],
            ["show"],
            ["show", "--format", "json"],
            ["status"],
            ["status", "--format", "json"],
            ["stages"],
            ["rules"],
            ["rules", "--matrix"],
            ["explain", "A10"],
            ["explain", "第十条"],
            ["log"],
            ["audit", "verify"],
            ["calendar", "--ics", "{out}/d.ics"],
            ["report", "quarterly", "--output", "{out}/q.docx"],
        ]
    ),  # fmt: skip
    st.tuples(
        st.sampled_from(
            [
                "payment",
                "progress",
                "quarterly_report",
                "plan_inclusion",
                "acceptance_application",
                "self_evaluation",
                "approval",
                "nope",
            ]
        ),
        RECORD_PAIRS,
        st.sampled_from([[], ["--dry-run"], ["--format", "json"]]),
    ).map(lambda t: ["record", t[0], *t[1], *t[2]]),  # fmt: skip
)

ABSURD = st.sampled_from(
    ["9999-12-31", "0001-01-01", "1900-01-01", "2199-12-31", "2026-02-30", "20261127",
     "999999999999999999999", "-1", "0", "", " ", "x" * 300, "\x00", "２０２６-１１-２７", "../.."]
)  # fmt: skip

ARGUMENTS = st.one_of(
    st.sampled_from(
        [
            ["status", "--ahead", "{v}"],
            ["report", "quarterly", "--period", "{v}", "--output", "{out}/q.docx"],
            ["validate", "--stage", "{v}"],
            ["explain", "{v}"],
            ["validate", "--format", "{v}"],
            ["record", "payment", "contract=HT-1", "amount={v}", "--dry-run"],
            ["record", "progress", "description=x", "percent={v}", "--dry-run"],
            ["show", "{v}"],
            ["calendar", "--ics", "{v}"],
            ["{v}"],
            ["validate", "--fail-on", "{v}"],
        ]
    ),  # fmt: skip
    st.lists(st.sampled_from(["--help", "-h", "--version", "--format", "json", "-C"])),
).flatmap(lambda argv: st.tuples(st.just(argv), ABSURD))


def _snapshot(root: Path) -> dict[str, bytes]:
    return {
        p.relative_to(root).as_posix(): p.read_bytes()
        for p in sorted(root.rglob("*"))
        if p.is_file() and ".git" not in p.parts
    }


ENVIRONMENTS = [
    ("utf-8", ""),  # a UTF-8 terminal
    ("ascii", ""),  # LC_ALL=C: ASCII only because of the locale
    ("ascii", "ascii"),  # PYTHONIOENCODING=ascii
    ("gbk", "gbk"),  # a GBK console on a Chinese Windows PC
]


def run_in(argv: list[str], *, env: tuple[str, str] = ("utf-8", ""), columns: int = 80):
    """Run the CLI in-process with stdout/stderr encoded like a real console of ``env``."""
    from xmgl.cli.main import run

    encoding, chosen = env
    out_bytes, err_bytes = io.BytesIO(), io.BytesIO()
    out = io.TextIOWrapper(out_bytes, encoding=encoding, errors="strict", write_through=True)
    err = io.TextIOWrapper(
        err_bytes, encoding=encoding, errors="backslashreplace", write_through=True
    )
    saved = sys.stdout, sys.stderr, dict(os.environ)
    sys.stdout, sys.stderr = out, err
    os.environ["COLUMNS"] = str(columns)
    os.environ["PYTHONIOENCODING"] = chosen
    try:
        code = run(argv)
    finally:
        sys.stdout, sys.stderr = saved[0], saved[1]
        os.environ.clear()
        os.environ.update(saved[2])
    shown = encoding if chosen else "utf-8"
    return code, out_bytes.getvalue().decode(shown), err_bytes.getvalue().decode(shown)


def assert_clean(code: int, stdout: str, stderr: str) -> None:
    text = stdout + stderr
    assert code in DOCUMENTED, (code, text[-2000:])
    assert "Traceback" not in text and "内部错误" not in text, text[-2000:]
    for markup in ("[/]", "[dim]", "[bold", "[green]", "[red]", "[cyan]", "[yellow]"):
        assert markup not in text, (markup, text[-2000:])


@pytest.fixture(scope="module")
def fuzz_dir(tmp_path_factory):
    return tmp_path_factory.mktemp("fuzz")


@budget(60)
@given(
    raw=project_bytes(),
    argv=COMMANDS,
    env=st.sampled_from(ENVIRONMENTS),
    columns=st.sampled_from([40, 80, 200]),
)
def test_every_command_on_broken_dossiers(fuzz_dir, raw, argv, env, columns):
    root = fuzz_dir / "d"
    out = fuzz_dir / "out"
    shutil.rmtree(root, ignore_errors=True)
    shutil.rmtree(out, ignore_errors=True)
    shutil.copytree(EXAMPLE, root, ignore=shutil.ignore_patterns("reports"))
    out.mkdir()
    (root / "project.yaml").write_bytes(raw)
    before = _snapshot(root)
    args = ["-C", str(root), "--as-of", "2026-11-27", *(a.replace("{out}", str(out)) for a in argv)]
    code, stdout, stderr = run_in(args, env=env, columns=columns)
    assert_clean(code, stdout, stderr)
    if code != 0 or argv[0] != "record" or "--dry-run" in argv:
        assert _snapshot(root) == before, "a failed command changed the dossier"


@budget(80)
@given(case=ARGUMENTS, env=st.sampled_from(ENVIRONMENTS))
def test_absurd_arguments(fuzz_dir, case, env):
    argv, value = case
    root = fuzz_dir / "a"
    if not root.exists():
        shutil.copytree(EXAMPLE, root, ignore=shutil.ignore_patterns("reports"))
    out = fuzz_dir / "aout"
    shutil.rmtree(out, ignore_errors=True)
    out.mkdir()
    before = _snapshot(root)
    args = [a.replace("{v}", value).replace("{out}", str(out)) for a in argv]
    cwd = out / "cwd" / "sub"  # relative output paths (and "../..") stay in the scratch folder
    cwd.mkdir(parents=True)
    here = os.getcwd()
    os.chdir(cwd)
    try:
        code, stdout, stderr = run_in(["-C", str(root), *args], env=env)
    finally:
        os.chdir(here)
    assert_clean(code, stdout, stderr)
    assert _snapshot(root) == before


@budget(40)
@given(as_of=ABSURD, argv=st.sampled_from([["status"], ["validate"], ["show"], ["stages"]]))
def test_absurd_global_date(as_of, argv):
    code, stdout, stderr = run_in(["-C", str(EXAMPLE), "--as-of", as_of, *argv])
    assert_clean(code, stdout, stderr)
    if code == 2:
        assert "--as-of" in stderr or ("\x00" in as_of and "空字符" in stderr)
