"""The one place a test may give up because a tool is missing from this machine.

Locally a missing tool (soffice, gpg, ssh-keygen, pdftotext, chromium…) skips the
test that needs it. CI sets ``XMGL_REQUIRE_TOOLS=1`` (``.ci/run``): there every
such skip is a failure, because CI installs every tool and a skip would hide that
the installation broke.
"""

from __future__ import annotations

import importlib.util
import os
import shutil

import pytest

VARIABLE = "XMGL_REQUIRE_TOOLS"


def required() -> bool:
    return os.environ.get(VARIABLE, "") not in ("", "0")


def missing(what: str) -> None:
    """Skip (locally) or fail (CI) the current test: ``what`` is not installed."""
    if required():
        pytest.fail(f"{what} is not installed, and {VARIABLE} is set (CI installs it)")
    pytest.skip(f"{what} is not installed")


def need(*tools: str) -> None:
    """Every one of ``tools`` must be on PATH."""
    absent = [t for t in tools if shutil.which(t) is None]
    if absent:
        missing(", ".join(absent))


def need_soffice() -> None:
    from xmgl.reports import office

    if office.find_soffice() is None:
        missing("LibreOffice (soffice)")


def need_module(name: str) -> None:
    if importlib.util.find_spec(name) is None:
        missing(f"the Python module {name}")
