"""The shipped templates' bodies come precompiled (speed, issue 10): the same document.

``tools/build_templates.py`` writes beside each shipped template the Python code
Jinja makes of its body (``fsr.body.py``), stamped with the body's SHA-256 and
the jinja2/docxtpl versions. A report rendered from it must be byte for byte the
report rendered the usual way; a body that does not match its stamp is ignored.
"""

from __future__ import annotations

import datetime as dt
import zipfile
from pathlib import Path

import pytest

from tests.conftest import EXAMPLE
from xmgl.dossier.loader import load_dossier
from xmgl.reports import context as ctx
from xmgl.reports import generate, render

TEMPLATES = generate.shipped_template_dirs()[1]


def _data(kind: str) -> dict:
    if kind == "fsr_merged":
        d = load_dossier(EXAMPLE.parent / "tests/dossiers/merged-small")
        return ctx.fsr_context(d, dt.date(2026, 5, 20), merged=True)
    d = load_dossier(EXAMPLE)
    if kind == "quarterly":
        return ctx.quarterly_context(d, dt.date(2026, 9, 10), 2)
    return ctx.fsr_context(d, dt.date(2026, 9, 15), merged=False)


def _body(path: Path) -> bytes:
    with zipfile.ZipFile(path) as zf:
        return zf.read("word/document.xml")


@pytest.mark.parametrize("kind", ["fsr", "fsr_merged", "quarterly"])
def test_precompiled_body_renders_the_same_document(kind, tmp_path, monkeypatch):
    template = TEMPLATES / generate.TEMPLATE_FILES[kind]
    data = _data(kind)
    # a value with a line break and a tab: docxtpl's listing markup, on the fast path too
    data["project"]["name"] += "\n（第二行）\t制表"
    used = []
    real = render.precompiled_body
    monkeypatch.setattr(render, "precompiled_body", lambda t, xml: used.append(t) or real(t, xml))
    fast = render.render_template(template, data, tmp_path / "fast.docx", shipped=True)
    assert used == [template] and real(template, render.open_template(template).get_xml())
    # the usual way: compiled now, and docxtpl's own resolve_listing on every paragraph
    from docxtpl import DocxTemplate

    monkeypatch.setattr(
        render._GuardedDocxTemplate, "resolve_listing", DocxTemplate.resolve_listing
    )
    slow = render.render_template(template, data, tmp_path / "slow.docx")
    assert len(used) == 1  # a dossier's (not shipped) template is compiled as it is
    assert _body(fast) == _body(slow)
    text = _body(fast).decode("utf-8")
    assert "<w:br/>" in text and "<w:tab/>" in text and "（第二行）" in text


def test_a_body_that_does_not_match_its_template_is_not_used(tmp_path):
    template = tmp_path / "fsr.docx"
    template.write_bytes((TEMPLATES / "fsr.docx").read_bytes())
    source = (TEMPLATES / "fsr.body.py").read_text(encoding="utf-8")
    xml = render.open_template(template).get_xml()
    body = render.body_source_path(template)
    body.write_text(source, encoding="utf-8")
    assert render.precompiled_body(template, xml) is not None
    # the template edited after the build: its body no longer matches the stamp
    assert render.precompiled_body(template, xml.replace("项目", "工程", 1)) is None
    # a stamp for other jinja2/docxtpl versions
    body.write_text(source.replace(" jinja2 ", " jinja2 0.", 1), encoding="utf-8")
    assert render.precompiled_body(template, xml) is None
    body.unlink()
    assert render.precompiled_body(template, xml) is None
    out = render.render_template(template, _data("fsr"), tmp_path / "out.docx", shipped=True)
    assert "可行性研究报告" in _body(out).decode("utf-8")
