"""docs/api.md runs: every example, in order, with its printed results checked (doctest)."""

from __future__ import annotations

import doctest
import shutil

from tests.conftest import EXAMPLE, REPO


def test_every_example_of_the_api_doc_runs_as_written(tmp_path, monkeypatch):
    shutil.copytree(EXAMPLE, tmp_path / "dossier-example")
    monkeypatch.chdir(tmp_path)
    result = doctest.testfile(
        str(REPO / "docs" / "api.md"),
        module_relative=False,
        optionflags=doctest.ELLIPSIS | doctest.NORMALIZE_WHITESPACE,
        verbose=False,
        report=True,
    )
    assert result.attempted >= 40
    assert result.failed == 0, f"{result.failed} examples of docs/api.md failed (see above)"


def test_the_facade_names_what_the_doc_documents():
    from xmgl import api

    doc = (REPO / "docs" / "api.md").read_text(encoding="utf-8")
    for name in api.__all__:
        assert f"api.{name}(" in doc, name
