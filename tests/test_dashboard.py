"""``xmgl portfolio`` over bare repositories, and the HTML page in a real browser.

The portfolio is generated (benchmarks/make_dossiers.py ``--bare``: a server
directory of bare repositories, no work trees); the expected counts come from
the repositories themselves (``git show HEAD:project.yaml``), not from xmgl.
The page is opened in headless Chromium (Debian's ``chromium``, driven by
Playwright for Python with that executable; no browser is downloaded).
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from collections import Counter
from pathlib import Path

import pytest

from tests.conftest import run_cli
from tests.tools import missing, need_module
from xmgl.domain.stages import STAGES

REPO = Path(__file__).resolve().parents[1]
AS_OF = "2026-06-30"
N = 14
CHROMIUM_FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


def chromium() -> str:
    for candidate in ("/usr/bin/chromium", shutil.which("chromium") or ""):
        if candidate and os.access(candidate, os.X_OK):
            return candidate
    missing("Chromium（Debian 软件包 chromium）：无法在真实浏览器中测试看板网页")


@pytest.fixture(scope="module")
def server(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("portfolio") / "server"
    r = subprocess.run(
        [
            sys.executable,
            str(REPO / "benchmarks" / "make_dossiers.py"),
            str(N),
            str(out),
            "--bare",
            "--broken-rate",
            "0",
            "--seed",
            "14",
        ],
        capture_output=True,
        text=True,
        env={**os.environ, "PYTHONPATH": str(REPO)},
    )
    assert r.returncode == 0, r.stderr
    return out


def tip_stage(repo: Path) -> str:
    text = subprocess.run(
        ["git", "--git-dir", str(repo), "show", "HEAD:project.yaml"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    return re.search(r"^stage:\n  current: (\w+)", text, re.M).group(1)


def test_portfolio_reads_bare_repositories_without_a_checkout(server, tmp_path):
    repos = sorted((server / "repos").iterdir())
    assert len(repos) == N and not any((r / "project.yaml").exists() for r in repos)
    out = tmp_path / "p.json"
    r = run_cli("portfolio", server, "--as-of", AS_OF, "--format", "json", "--output", out)
    assert r.exit_code == 0, r.output
    import json

    data = json.loads(out.read_text(encoding="utf-8"))
    assert data["count"] == N
    rows = {Path(d["path"]).name: d for d in data["dossiers"]}
    for repo in repos:
        row = rows[repo.name]
        assert row["ok"] and row["source"] == "git"
        assert row["stage"] == tip_stage(repo)
        state = server / "projects" / repo.name.removesuffix(".git") / "state.json"
        assert row["audit"] == ("accepted" if state.exists() else "unrecorded")
    expected = Counter(tip_stage(r) for r in repos)
    got = {g["key"]: g["count"] for g in data["summary"]["by_stage"]}
    assert got == dict(expected)


def test_a_bare_repository_gives_the_same_row_as_its_work_tree(history, tmp_path):
    """The git-object reader and the folder reader agree on every fact of a real dossier."""
    from datetime import date

    from xmgl.portfolio.scan import check_one

    bare = tmp_path / "bare.git"
    subprocess.run(["git", "clone", "-q", "--bare", str(history.root), str(bare)], check=True)
    today = date(2026, 11, 27)
    tree = check_one((str(history.root), today, None, (), True))
    git = check_one((str(bare), today, None, (), True))
    assert tree["ok"] and git["ok"]
    for key in ("name", "unit", "stage", "total", "errors", "warnings", "overdue", "findings"):
        assert git[key] == tree[key], key
    assert git["stages"] == tree["stages"] and len(git["stages"]) == 11
    assert git["source"] == "git" and git["audit"] == "unrecorded"
    # a document removed from the tip is missing for the git reader, as for the folder
    (history.root / "docs" / "可研批复.md").unlink()
    history.git("commit", "-q", "-am", "删除批复")
    subprocess.run(["git", "-C", str(history.root), "push", "-q", str(bare), "main"], check=True)
    tree = check_one((str(history.root), today, None))
    git = check_one((str(bare), today, None))
    assert not git["ok"] and not tree["ok"]
    assert git["problems"] == tree["problems"]
    assert any("引用的文件不存在：“docs/可研批复.md”" in p for p in git["problems"])


@pytest.fixture(scope="module")
def page_file(server, tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("html") / "看板.html"
    r = run_cli("portfolio", server, "--as-of", AS_OF, "--format", "html", "--output", out)
    assert r.exit_code == 0, r.output
    return out


def test_the_page_is_self_contained(page_file):
    text = page_file.read_text(encoding="utf-8")
    assert text.startswith("<!DOCTYPE html>") and '<html lang="zh-CN">' in text
    assert "http:" not in text and "https:" not in text and "//cdn" not in text
    assert "<link" not in text and " src=" not in text  # no stylesheet, script or image to fetch
    assert text.count('<tr class="tl-row"') == N
    assert "政务信息化项目组合看板" in text and f"截至 {AS_OF}" in text


def _browser(p, **context):
    from playwright.sync_api import Error

    try:
        return p.chromium.launch(executable_path=chromium(), args=CHROMIUM_FLAGS)
    except Error as exc:  # pragma: no cover - a broken browser install
        missing(f"可以启动的 Chromium（{exc}）")


def test_the_page_in_chromium(server, page_file, tmp_path):
    need_module("playwright")
    from playwright.sync_api import sync_playwright

    repos = sorted((server / "repos").iterdir())
    expected = Counter(tip_stage(r) for r in repos)
    with sync_playwright() as p:
        browser = _browser(p)
        page = browser.new_page(viewport={"width": 1280, "height": 900})
        problems: list[str] = []
        requests: list[str] = []
        page.on("console", lambda m: problems.append(m.text) if m.type == "error" else None)
        page.on("pageerror", lambda e: problems.append(str(e)))
        page.on("request", lambda req: requests.append(req.url))
        page.goto(page_file.as_uri())
        page.wait_for_load_state("load")
        assert problems == []
        assert all(u.startswith(("file:", "data:", "about:")) for u in requests), requests

        # the counts: totals, by stage (as the repositories say), one timeline row each
        assert page.inner_text("[data-card=projects] b") == str(N)
        # a card's figure is one number on one line; what it counts goes on the line below
        errors = page.inner_text("[data-card=errors] b")
        assert errors.isdigit(), errors
        assert page.inner_text("[data-card=errors] small").endswith("个项目")
        for b in page.locator(".card b").all():
            box = b.bounding_box()
            assert box is not None and box["height"] < 2 * 24, b.inner_text()
        for stage, n in expected.items():
            cell = page.locator(f"#by-stage tr[data-key={stage}] td[data-count]")
            assert cell.inner_text() == str(n), stage
            assert (
                page.locator(f"#by-stage tr[data-key={stage}] td").first.inner_text()
                == (STAGES[stage])
            )
        assert page.locator("#by-stage tbody tr").count() == len(expected)
        assert page.locator("#timeline tbody tr").count() == N
        assert page.locator("#timeline tbody tr svg.tl").count() == N
        assert page.locator("#timeline line.today").count() == N
        assert page.locator("#projects tbody tr").count() == N
        accepted = sum(
            1 for r in repos if (server / "projects" / r.name[:-4] / "state.json").exists()
        )
        assert page.locator("#projects td[data-audit=accepted]").count() == accepted

        # most urgent first: the days column never decreases
        days = [
            int(x)
            for x in page.eval_on_selector_all(
                "#urgent-table tbody td[data-sort]", "els => els.map(e => e.dataset.sort)"
            )
        ]
        assert days and days == sorted(days) and days[-1] <= 30

        # the small JavaScript: filter and sort (the page works without it, below)
        unit = page.locator("#projects tbody tr").first.locator("td").nth(2).inner_text()
        page.fill(".filter input", unit)
        shown = page.locator("#projects tbody tr:not([hidden])")
        assert 1 <= shown.count() < N
        assert all(unit in t for t in shown.all_inner_texts())
        page.fill(".filter input", "")
        page.click("#projects thead th:nth-child(5) button")
        totals = page.eval_on_selector_all(
            "#projects tbody td:nth-child(5)", "els => els.map(e => e.dataset.sort)"
        )
        values = [float(v) for v in totals if v]
        assert values == sorted(values)
        assert problems == []

        shot = tmp_path / "看板.png"
        page.screenshot(path=str(shot), full_page=True)
        review = os.environ.get("XMGL_SCREENSHOT_DIR")
        if review:
            Path(review).mkdir(parents=True, exist_ok=True)
            shutil.copy(shot, Path(review) / "看板.png")
        data = shot.read_bytes()
        assert data[:8] == b"\x89PNG\r\n\x1a\n"
        assert int.from_bytes(data[16:20], "big") == 1280

        # without JavaScript: every table and row is there, the filter box stays hidden
        context = browser.new_context(java_script_enabled=False)
        plain = context.new_page()
        plain.goto(page_file.as_uri())
        assert plain.locator("#timeline tbody tr").count() == N
        assert plain.locator("#projects tbody tr").count() == N
        assert not plain.locator(".filter").is_visible()
        context.close()
        browser.close()
