"""The no-overwrite publish is race-safe (xmgl.fileio.publish, as render_template uses it).

A report is written to a temporary file and published with a hard link, which
fails if the target appeared in the meantime, so a file a clerk saved between
xmgl's "does it exist?" check and the publish is never clobbered. Each test
makes the target appear at that very moment (in the ``finish`` hook, which runs
after the check and before the publish).
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from tests.conftest import REPO
from xmgl.reports import render

TEMPLATE = REPO / "templates" / "quarterly.docx"


def _context():
    from datetime import date

    from xmgl.dossier.loader import load_dossier
    from xmgl.reports.context import quarterly_context

    return quarterly_context(load_dossier(REPO / "dossier-example"), date(2026, 9, 10), 2)


def _appear(target: Path):
    def finish(_document) -> None:  # runs after the exists-check, before the publish
        target.write_bytes(b"the clerk's copy")

    return finish


def leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.endswith(".tmp"))


def test_a_target_that_appears_during_rendering_is_not_overwritten(tmp_path):
    target = tmp_path / "报告.docx"
    with pytest.raises(render.TargetExistsError):
        render.render_template(TEMPLATE, _context(), target, finish=_appear(target))
    assert target.read_bytes() == b"the clerk's copy"
    assert leftovers(tmp_path) == []


def test_without_hard_links_the_fallback_still_refuses(tmp_path, monkeypatch):
    def no_links(src, dst, *a, **kw):
        raise OSError(1, "Operation not permitted")  # e.g. a FAT or SMB share

    monkeypatch.setattr(os, "link", no_links)
    target = tmp_path / "报告.docx"
    with pytest.raises(render.TargetExistsError):
        render.render_template(TEMPLATE, _context(), target, finish=_appear(target))
    assert target.read_bytes() == b"the clerk's copy"
    # and with nothing in the way the fallback publishes
    other = tmp_path / "另一份.docx"
    render.render_template(TEMPLATE, _context(), other)
    assert other.read_bytes()[:2] == b"PK"
    assert leftovers(tmp_path) == []


def test_force_replaces_even_a_file_that_appeared(tmp_path):
    target = tmp_path / "报告.docx"
    render.render_template(TEMPLATE, _context(), target, force=True, finish=_appear(target))
    assert target.read_bytes()[:2] == b"PK"
    assert leftovers(tmp_path) == []
