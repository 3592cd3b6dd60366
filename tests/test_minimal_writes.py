"""A write changes only the lines of the change — whatever the file's layout.

Property test (hypothesis): the example dossier laid out in any indentation
style, with or without a ``%YAML 1.2`` directive or ``---``, a BOM, CRLF line
endings and extra comments. ``xmgl record`` must insert exactly the new
record's lines and leave every other line byte for byte; ``advance``'s edit must
change exactly the stage's two lines besides. Symlinks are followed, not replaced.
"""

from __future__ import annotations

import difflib
import io
import os
import re
import shutil
import tempfile
from datetime import date
from pathlib import Path

import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from tests.conftest import EXAMPLE
from xmgl.dossier.loader import load_dossier
from xmgl.dossier.record import add_record
from xmgl.dossier.writer import ProjectEdit
from xmgl.errors import DossierError

_KEY_LINE = re.compile(r"^\s*(- )?[a-z_]+:( |$)")
_EOL_OK = re.compile(r"^\s*(- )?[a-z_]+: [^\s\"'|>#&*!{\[][^#\"']*$")


@st.composite
def layouts(draw):
    mapping = draw(st.sampled_from([2, 3, 4]))
    offset = draw(st.integers(0, 3))
    sequence = offset + draw(st.integers(2, 4))
    head = draw(st.sampled_from(["", "---\n", "%YAML 1.2\n---\n"]))
    crlf = draw(st.booleans())
    bom = draw(st.booleans())
    from ruamel.yaml import YAML

    y = YAML(typ="rt")
    y.width = 4096
    y.preserve_quotes = True
    y.indent(mapping=mapping, sequence=sequence, offset=offset)
    data = y.load((EXAMPLE / "project.yaml").read_text(encoding="utf-8"))
    buf = io.StringIO()
    y.dump(data, buf)
    lines = buf.getvalue().splitlines(keepends=True)
    out = []
    for i, line in enumerate(lines):
        if _KEY_LINE.match(line) and draw(st.integers(0, 9)) == 0:
            out.append(" " * draw(st.integers(0, 6)) + f"# 注释 {i}\n")
        if _EOL_OK.match(line.rstrip("\n")) and draw(st.integers(0, 5)) == 0:
            line = line.rstrip("\n") + f"  # 行尾注释 {i}\n"
        out.append(line)
    text = head + "".join(out)
    if crlf:
        text = text.replace("\n", "\r\n")
    raw = text.encode("utf-8")
    return (b"\xef\xbb\xbf" + raw) if bom else raw


def _dossier(raw: bytes) -> Path:
    root = Path(tempfile.mkdtemp(prefix="xmgl-minimal-"))
    shutil.copytree(EXAMPLE / "docs", root / "docs")
    (root / "project.yaml").write_bytes(raw)
    try:
        load_dossier(root)
    except DossierError:
        shutil.rmtree(root)
        assume(False)
    return root


def _lines(raw: bytes) -> list[bytes]:
    return raw.splitlines(keepends=True)


def _changes(before: bytes, after: bytes):
    """(old lines replaced or deleted, inserted blocks) between two files."""
    sm = difflib.SequenceMatcher(None, _lines(before), _lines(after), autojunk=False)
    touched, inserted = 0, []
    for tag, i1, i2, j1, j2 in sm.get_opcodes():
        if tag == "equal":
            continue
        touched += i2 - i1
        if tag in ("insert", "replace"):
            inserted.append(_lines(after)[j1:j2])
    return touched, inserted


def _same_shape(before: bytes, after: bytes) -> None:
    if b"\r\n" in before:
        assert after.count(b"\n") == after.count(b"\r\n"), "CRLF file got LF lines"
    assert after.startswith(b"\xef\xbb\xbf") == before.startswith(b"\xef\xbb\xbf")
    first = before.lstrip(b"\xef\xbb\xbf").splitlines()[0]
    assert after.lstrip(b"\xef\xbb\xbf").splitlines()[0] == first  # directive, ---, comment


# bounded in CI; XMGL_PROPERTY_EXAMPLES=2000 python -m pytest tests/test_minimal_writes.py for more
SETTINGS = settings(
    max_examples=int(os.environ.get("XMGL_PROPERTY_EXAMPLES", "15")),
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much],
)


@SETTINGS
@given(raw=layouts(), day=st.sampled_from(["2025-01-02", "2026-07-01", "2026-12-31"]))
def test_record_inserts_only_the_new_records_lines(raw, day):
    root = _dossier(raw)
    try:
        before_count = len(load_dossier(root).records)
        added = add_record(
            root,
            "payment",
            ["contract=HT-2026-001", "amount=1万元", f"date={day}", "note=性质测试"],
            date(2027, 1, 1),
        )
        after = (root / "project.yaml").read_bytes()
        touched, inserted = _changes(raw, after)
        assert touched == 0, "an existing line changed"
        assert len(inserted) == 1 and len(inserted[0]) == 5
        assert b"kind: payment" in inserted[0][0]
        _same_shape(raw, after)
        d = load_dossier(root)
        assert len(d.records) == before_count + 1
        assert d.records[added.index].note == "性质测试"
    finally:
        shutil.rmtree(root)


@SETTINGS
@given(raw=layouts())
def test_a_stage_change_touches_the_two_stage_lines_and_adds_its_record(raw):
    root = _dossier(raw)
    try:
        edit = ProjectEdit(root)
        edit.set_stage("preliminary_acceptance", date(2026, 12, 30))
        edit.add_record(
            {
                "kind": "stage_change",
                "date": date(2026, 12, 30),
                "from_stage": "construction",
                "to_stage": "preliminary_acceptance",
                "actor": "刘晓梅",
            }
        )
        new, _ = edit.checked()
        touched, inserted = _changes(raw, new)
        assert touched == 2, "only stage.current and stage.since may change"
        flat = b"".join(b"".join(block) for block in inserted)
        assert b"current: preliminary_acceptance" in flat and b"since: 2026-12-30" in flat
        assert b"kind: stage_change" in flat
        _same_shape(raw, new)
    finally:
        shutil.rmtree(root)


def test_a_symlinked_project_yaml_is_followed_and_stays_a_link(example, tmp_path, xmgl):
    real = tmp_path / "elsewhere" / "project.yaml"
    real.parent.mkdir()
    shutil.move(example / "project.yaml", real)
    (example / "project.yaml").symlink_to(real)
    r = xmgl("-C", example, "record", "payment", "contract=HT-2026-001", "amount=1万元")
    assert r.exit_code == 0, r.output
    assert (example / "project.yaml").is_symlink()
    assert (example / "project.yaml").resolve() == real.resolve()
    assert "kind: payment\n    date: " in real.read_text(encoding="utf-8")
    assert load_dossier(example).records_of("payment")[-1].amount == 10000


def test_a_symlinked_project_yaml_is_not_replaced_by_a_signed_commit(signed_dossier, tmp_path):
    import subprocess
    import sys

    root = signed_dossier
    real = tmp_path / "project-real.yaml"
    shutil.copy(root / "project.yaml", real)
    (root / "project.yaml").unlink()
    (root / "project.yaml").symlink_to(real)
    subprocess.run(["git", "-C", str(root), "add", "-A"], check=True)
    subprocess.run(["git", "-C", str(root), "commit", "-qm", "链接"], check=True)
    r = subprocess.run(
        [sys.executable, "-m", "xmgl", "-C", str(root), "record", "payment"]
        + ["contract=HT-2026-001", "amount=1万元", "--commit"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert r.returncode == 4, r.stdout + r.stderr
    assert "project.yaml 是符号链接" in r.stderr
    assert (root / "project.yaml").is_symlink()
    assert "性质" not in real.read_text(encoding="utf-8")


@pytest.mark.parametrize("style", [(2, 4, 2), (4, 4, 0), (3, 5, 2)])
def test_the_example_in_each_style_keeps_its_directive(style, tmp_path):
    from ruamel.yaml import YAML

    y = YAML(typ="rt")
    y.width = 4096
    y.indent(mapping=style[0], sequence=style[1], offset=style[2])
    buf = io.StringIO()
    y.dump(y.load((EXAMPLE / "project.yaml").read_text(encoding="utf-8")), buf)
    raw = ("%YAML 1.2\n---\n" + buf.getvalue()).encode()
    shutil.copytree(EXAMPLE / "docs", tmp_path / "docs")
    (tmp_path / "project.yaml").write_bytes(raw)
    add_record(tmp_path, "payment", ["contract=HT-2026-001", "amount=1万元"], date(2026, 10, 1))
    after = (tmp_path / "project.yaml").read_bytes()
    assert after.startswith(b"%YAML 1.2\n---\n")
    touched, inserted = _changes(raw, after)
    assert touched == 0 and len(inserted) == 1
