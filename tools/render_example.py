"""Render every report xmgl writes to PNG pages for review.

    python tools/render_example.py                 # → build/review/
    python tools/render_example.py --output DIR --dpi 80 [--only fsr,quarterly]

Makes, in temporary copies (the repository is not touched):
- ``fsr``: 可行性研究报告 of ``dossier-example``;
- ``fsr_merged``: 可行性研究报告（代初步设计）of ``tests/dossiers/merged-small``
  (below 200万元, 第十条第三款; the main example is 372.5万元 and may not merge);
- ``quarterly``: 季度进展报告 第2期 of ``dossier-example`` as of 2026-09-10;
- ``audit_pass`` / ``audit_fail``: ``xmgl audit export`` of a real signed history
  (tests/dossier_history.py: ten transitions by two signers, real ssh-keygen
  keys), then of the same history with an unsigned commit on top;
- ``plan_docx`` / ``plan_xlsx``: ``xmgl portfolio --plan-year 2027`` over the
  example (a 新建 project asking for 2027) and merged-small (asking for its O&M);

then converts each with LibreOffice headless to PDF and with pdftoppm to PNG
pages: ``DIR/<report>/<report>-<page>.png``, plus the PDF and the source file.

The GB/T 9704 fonts (仿宋_GB2312, 楷体_GB2312, 黑体, 方正小标宋简体) are rarely
installed on Linux; LibreOffice would show every one as the same fallback. For
review, a fontconfig alias maps the serif ones to Noto Serif CJK SC and 黑体 to
Noto Sans CJK SC (fonts-noto-cjk), so heading levels stay distinguishable
(``--no-aliases`` to see the plain fallback).
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))

from xmgl.dossier.loader import load_dossier  # noqa: E402
from xmgl.reports import generate, office  # noqa: E402

SERIF = (
    "仿宋_GB2312",
    "仿宋",
    "FangSong",
    "楷体_GB2312",
    "楷体",
    "KaiTi",
    "方正小标宋简体",
    "宋体",
)
SANS = ("黑体", "SimHei")


def font_aliases(folder: Path) -> Path:
    """A fontconfig file: the system configuration plus the aliases above."""

    def alias(name: str, target: str) -> str:
        return (
            f'  <alias binding="same"><family>{name}</family>'
            f"<prefer><family>{target}</family></prefer></alias>\n"
        )

    body = "".join(alias(n, "Noto Serif CJK SC") for n in SERIF)
    body += "".join(alias(n, "Noto Sans CJK SC") for n in SANS)
    conf = folder / "fonts.conf"
    conf.write_text(
        '<?xml version="1.0"?>\n<!DOCTYPE fontconfig SYSTEM "fonts.dtd">\n<fontconfig>\n'
        '  <include ignore_missing="yes">/etc/fonts/fonts.conf</include>\n'
        f"{body}</fontconfig>\n",
        encoding="utf-8",
    )
    return conf


def _copy(source: str, target: Path) -> Path:
    shutil.copytree(REPO / source, target, ignore=shutil.ignore_patterns("reports"))
    return target


def _xmgl(*args) -> None:
    env = dict(os.environ, PYTHONPATH=str(REPO), COLUMNS="80")
    proc = subprocess.run(
        [sys.executable, "-m", "xmgl", *map(str, args)], capture_output=True, text=True, env=env
    )
    if proc.returncode not in (0, 1, 7):  # 7: a failed audit, its report still written
        raise RuntimeError(f"xmgl {' '.join(map(str, args))}: {proc.stderr or proc.stdout}")


def fsr(tmp: Path) -> list[Path]:
    d = load_dossier(_copy("dossier-example", tmp / "fsr"))
    return [generate.fsr(d, dt.date(2026, 9, 15)).path]


def fsr_merged(tmp: Path) -> list[Path]:
    d = load_dossier(_copy("tests/dossiers/merged-small", tmp / "merged"))
    return [generate.fsr(d, dt.date(2026, 5, 5), merged=True).path]


def quarterly(tmp: Path) -> list[Path]:
    d = load_dossier(_copy("dossier-example", tmp / "quarterly"))
    return [generate.quarterly(d, dt.date(2026, 9, 10), period=2).path]


def _history(tmp: Path):
    """The signed ten-transition history of the tests, built with the real CLI."""
    home = tmp / "home"
    home.mkdir(parents=True, exist_ok=True)
    (home / ".gitconfig").write_text(
        "[user]\n\tname = 刘晓梅\n\temail = liuxm@example.gov.cn\n[init]\n\tdefaultBranch = main\n",
        encoding="utf-8",
    )
    os.environ.update(HOME=str(home), GIT_CONFIG_GLOBAL=str(home / ".gitconfig"))
    os.environ["GIT_CONFIG_NOSYSTEM"] = "1"
    from tests.dossier_history import build

    return build(tmp / "history", tmp / "keys")


def audit(tmp: Path, *, failing: bool) -> list[Path]:
    h = _history(tmp / ("fail" if failing else "pass"))
    if failing:  # an unsigned commit on top: the audit does not pass
        h.git("-c", "commit.gpgsign=false", "commit", "-q", "--allow-empty", "-m", "补充说明")
    out = tmp / ("audit-fail" if failing else "audit-pass")
    _xmgl("-C", h.root, "--as-of", "2026-11-01", "audit", "export", "-o", out)
    return sorted(out.glob("*.docx"))


def plan(tmp: Path) -> list[Path]:
    from ruamel.yaml import YAML

    top = tmp / "各单位"
    top.mkdir()
    yaml = YAML()
    for source, name, extra in (
        ("dossier-example", "城管", {"amount": "120万元"}),
        ("tests/dossiers/merged-small", "营商", {"nature": "运行维护"}),
    ):
        root = _copy(source, top / name)
        path = root / "project.yaml"
        data = yaml.load(path.read_text(encoding="utf-8"))
        data["records"].append(
            {"kind": "plan_submission", "date": dt.date(2026, 7, 10), "year": 2027, **extra}
        )
        with path.open("w", encoding="utf-8") as fh:
            yaml.dump(data, fh)
    stem = tmp / "2027年度投资计划草案"
    _xmgl("portfolio", top, "--plan-year", "2027", "--output", stem, "--as-of", "2026-12-20")
    return [stem.with_name(stem.name + ".docx"), stem.with_name(stem.name + ".xlsx")]


JOBS = {
    "fsr": fsr,
    "fsr_merged": fsr_merged,
    "quarterly": quarterly,
    "audit_pass": lambda tmp: audit(tmp, failing=False),
    "audit_fail": lambda tmp: audit(tmp, failing=True),
    "plan": plan,
}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--output", type=Path, default=REPO / "build" / "review")
    parser.add_argument("--dpi", type=int, default=80)
    parser.add_argument("--no-aliases", action="store_true", help="no font aliases")
    parser.add_argument("--only", default="", help="comma-separated: " + ",".join(JOBS))
    args = parser.parse_args(argv)
    if office.find_soffice() is None:
        print("LibreOffice (soffice) is not installed: cannot render PDF/PNG.", file=sys.stderr)
        return 2
    chosen = [j for j in args.only.split(",") if j] or list(JOBS)
    with tempfile.TemporaryDirectory(prefix="xmgl-review-") as tmp:
        if not args.no_aliases:
            os.environ["FONTCONFIG_FILE"] = str(font_aliases(Path(tmp)))
        for job in chosen:
            work = Path(tmp, job)
            work.mkdir()
            for made in JOBS[job](work):
                name = job if made.suffix == ".docx" else f"{job}_{made.suffix[1:]}"
                outdir = args.output / name
                if outdir.exists():
                    shutil.rmtree(outdir)
                outdir.mkdir(parents=True)
                copy = outdir / f"{name}{made.suffix}"
                shutil.copyfile(made, copy)
                try:
                    pdf = office.convert_to_pdf(copy, outdir)
                except office.OfficeError as exc:
                    print(f"{name}: not rendered ({exc})", file=sys.stderr)
                    continue
                pages = office.pdf_to_png(pdf, outdir, dpi=args.dpi)
                print(f"{name}: {len(pages)} pages → {outdir}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
