"""Render the example dossiers' reports to PNG pages for review.

    python tools/render_example.py                 # → build/review/
    python tools/render_example.py --output DIR --dpi 80

Makes, in a temporary copy of the dossiers (the repository is not touched):
- 可行性研究报告 of ``dossier-example``;
- 可行性研究报告（代初步设计）of ``tests/dossiers/merged-small`` (below 200万元,
  第十条第三款; the main example is 372.5万元 and may not merge);
- 季度进展报告 第2期 of ``dossier-example`` as of 2026-09-10,

then converts each with LibreOffice headless to PDF and with pdftoppm to PNG
pages: ``DIR/<report>/<report>-<page>.png``, plus the PDF and the .docx.

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
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))

from xmgl.dossier.loader import load_dossier  # noqa: E402
from xmgl.reports import generate, office  # noqa: E402

JOBS = (
    ("fsr", "dossier-example", dt.date(2026, 9, 15), {}),
    ("fsr_merged", "tests/dossiers/merged-small", dt.date(2026, 5, 5), {"merged": True}),
    ("quarterly", "dossier-example", dt.date(2026, 9, 10), {"period": 2}),
)


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


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--output", type=Path, default=REPO / "build" / "review")
    parser.add_argument("--dpi", type=int, default=80)
    parser.add_argument("--no-aliases", action="store_true", help="no font aliases")
    args = parser.parse_args(argv)
    if office.find_soffice() is None:
        print("LibreOffice (soffice) is not installed: cannot render PDF/PNG.", file=sys.stderr)
        return 2
    with tempfile.TemporaryDirectory(prefix="xmgl-review-") as tmp:
        if not args.no_aliases:
            os.environ["FONTCONFIG_FILE"] = str(font_aliases(Path(tmp)))
        for kind, source, as_of, options in JOBS:
            dossier_dir = Path(tmp, kind)
            shutil.copytree(REPO / source, dossier_dir, ignore=shutil.ignore_patterns("reports"))
            d = load_dossier(dossier_dir)
            if kind == "quarterly":
                made = generate.quarterly(d, as_of, **options)
            else:
                made = generate.fsr(d, as_of, **options)
            outdir = args.output / kind
            if outdir.exists():
                shutil.rmtree(outdir)
            outdir.mkdir(parents=True)
            docx_copy = outdir / f"{kind}.docx"
            shutil.copyfile(made.path, docx_copy)
            pdf = office.convert_to_pdf(docx_copy, outdir)
            pages = office.pdf_to_png(pdf, outdir, dpi=args.dpi)
            print(f"{kind}: {len(pages)} pages → {outdir}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
