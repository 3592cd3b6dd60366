"""Benchmark: the portfolio over 1,000 bare repositories, and its HTML page in Chromium.

    PYTHONPATH=. python benchmarks/bench_dashboard.py [--n 1000] [--out DIR]

Generates (once, cached under OUT/bare-N) a server directory of N bare
repositories with make_dossiers.py ``--bare``, then times, one run each:

* ``xmgl portfolio DIR --format json`` (goal: 1,000 bare repositories ≤ 10 s);
* ``xmgl portfolio DIR --format html --output 看板.html`` (the same scan plus the page);
* the page in headless Chromium (Debian's ``chromium`` through Playwright):
  navigation start to the end of the load event, as the browser measures it
  (goal ≤ 2 s), and the page's size.

Timings are figures to read, never test assertions.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
OUT = HERE / "out"
AS_OF = "2026-06-30"
FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


def timed(args: list[str], env: dict) -> float:
    t0 = time.perf_counter()
    proc = subprocess.run(args, env=env, capture_output=True, check=False)
    took = time.perf_counter() - t0
    if proc.returncode != 0:
        raise SystemExit(proc.stderr.decode("utf-8", "replace")[-2000:])
    return took


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--n", type=int, default=1000)
    ap.add_argument("--out", type=Path, default=OUT)
    ap.add_argument("--chromium", default="/usr/bin/chromium")
    args = ap.parse_args(argv)
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    server = args.out / f"bare-{args.n}"
    if not (server / "repos").is_dir():
        subprocess.run(
            [sys.executable, str(HERE / "make_dossiers.py"), str(args.n), str(server), "--bare"],
            env=env,
            check=True,
        )
    xmgl = [sys.executable, "-m", "xmgl", "portfolio", str(server), "--as-of", AS_OF]
    t_json = timed([*xmgl, "--format", "json", "--output", str(args.out / "bare.json")], env)
    page = args.out / "看板.html"
    page.unlink(missing_ok=True)
    t_html = timed([*xmgl, "--format", "html", "--output", str(page)], env)

    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=args.chromium, args=FLAGS)
        tab = browser.new_page(viewport={"width": 1280, "height": 900})
        errors: list[str] = []
        tab.on("pageerror", lambda e: errors.append(str(e)))
        tab.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
        t0 = time.perf_counter()
        tab.goto(page.as_uri(), wait_until="load")
        wall = time.perf_counter() - t0
        nav = tab.evaluate(
            "() => { const n = performance.getEntriesByType('navigation')[0];"
            " return [n.domContentLoadedEventEnd, n.loadEventEnd]; }"
        )
        paint = tab.evaluate(
            "() => (performance.getEntriesByType('paint').find(e => e.name === "
            "'first-contentful-paint') || {}).startTime || null"
        )
        rows = tab.locator("#timeline tbody tr").count()
        tab.screenshot(path=str(args.out / "看板-1000.png"))
        browser.close()
    print(f"{args.n} bare repositories in {server} (cpu count {os.cpu_count()})")
    print(f"  xmgl portfolio --format json              {t_json:7.2f} s   goal ≤ 10 s")
    print(f"  xmgl portfolio --format html              {t_html:7.2f} s")
    print(
        f"  page: {page.stat().st_size / 1e6:.1f} MB, {rows} timeline rows, console errors {errors}"
    )
    print(
        f"  Chromium: DOMContentLoaded {nav[0] / 1000:.2f} s, load event end {nav[1] / 1000:.2f} s"
    )
    print(
        f"            first contentful paint {paint / 1000 if paint else float('nan'):.2f} s,"
        f" goto wall {wall:.2f} s   goal ≤ 2 s"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
