"""LibreOffice and poppler helpers: .docx → PDF → text / PNG.

Used to check generated documents the way a reader sees them (tests, a future
``--pdf`` option). Each conversion runs LibreOffice headless with a throw-away
profile, so it neither touches nor waits for the user's own LibreOffice.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import signal
import subprocess
import tempfile
from pathlib import Path

_SOFFICE_CANDIDATES = (
    "/usr/bin/soffice",
    "/usr/lib/libreoffice/program/soffice",
    "/opt/libreoffice/program/soffice",
    "/Applications/LibreOffice.app/Contents/MacOS/soffice",
    r"C:\Program Files\LibreOffice\program\soffice.exe",
)


class OfficeError(Exception):
    """A conversion tool is missing, failed or took too long."""


def find_soffice() -> Path | None:
    """The LibreOffice ``soffice`` executable, or None when it is not installed."""
    for name in ("soffice", "libreoffice"):
        found = shutil.which(name)
        if found:
            return Path(found)
    for candidate in _SOFFICE_CANDIDATES:
        if os.access(candidate, os.X_OK):
            return Path(candidate)
    return None


def convert_to_pdf(
    docx_path: str | os.PathLike[str],
    outdir: str | os.PathLike[str],
    *,
    timeout: float = 180,
    soffice: str | os.PathLike[str] | None = None,
) -> Path:
    """Convert ``docx_path`` to ``outdir/<stem>.pdf`` (replacing one already there)."""
    docx_path = Path(docx_path)
    outdir = Path(outdir)
    if not docx_path.is_file():
        raise OfficeError(f"找不到要转换的文件：{docx_path}")
    exe = soffice or find_soffice()
    if exe is None:
        raise OfficeError("未安装 LibreOffice（找不到 soffice），无法转换为 PDF")
    outdir.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="xmgl-office-") as tmp:
        work = Path(tmp, "out")
        work.mkdir()
        cmd = _soffice_pdf(exe, Path(tmp, "profile"), work, [docx_path.resolve()])
        result = _run(cmd, timeout=timeout, what="LibreOffice 转换 PDF")
        produced = work / f"{docx_path.stem}.pdf"
        if not produced.is_file():
            # soffice exits 0 even when it could not load or convert the file.
            raise OfficeError(
                f"LibreOffice 未能将 {docx_path.name} 转换为 PDF：{_tail(result.stderr or result.stdout)}"
            )
        target = outdir / produced.name
        shutil.move(produced, target)
    return target


def convert_all_to_pdf(
    paths: list[Path], outdir: str | os.PathLike[str], *, timeout: float = 600
) -> dict[Path, Path]:
    """Convert every .docx in ``paths`` to ``outdir/<stem>.pdf`` in one LibreOffice
    run (its start-up is most of the time of one conversion); returns each path's PDF."""
    exe = find_soffice()
    if exe is None:
        raise OfficeError("未安装 LibreOffice（找不到 soffice），无法转换为 PDF")
    outdir = Path(outdir)
    outdir.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="xmgl-office-") as tmp:
        cmd = _soffice_pdf(exe, Path(tmp, "profile"), outdir, [p.resolve() for p in paths])
        result = _run(cmd, timeout=timeout, what="LibreOffice 转换 PDF")
    pdfs = {p: outdir / f"{p.stem}.pdf" for p in paths}
    missing = [p.name for p, pdf in pdfs.items() if not pdf.is_file()]
    if missing:
        raise OfficeError(
            f"LibreOffice 未能转换 {'、'.join(missing)}：{_tail(result.stderr or result.stdout)}"
        )
    return pdfs


def _soffice_pdf(
    exe: str | os.PathLike[str], profile: Path, outdir: Path, paths: list[Path]
) -> list[str]:
    """The headless conversion command, with a private profile (a running LibreOffice
    of the user's, or another conversion, is left alone)."""
    return [
        str(exe),
        f"-env:UserInstallation={profile.as_uri()}",
        "--headless",
        "--norestore",
        "--nologo",
        "--nolockcheck",
        "--convert-to",
        "pdf",
        "--outdir",
        str(outdir),
        *map(str, paths),
    ]


def pdf_text(pdf: str | os.PathLike[str], *, layout: bool = False, timeout: float = 60) -> str:
    """The text of ``pdf`` via poppler's ``pdftotext`` (UTF-8)."""
    exe = _require("pdftotext")
    cmd = [exe, "-enc", "UTF-8"] + (["-layout"] if layout else []) + [os.fspath(pdf), "-"]
    return _run(cmd, timeout=timeout, what="pdftotext").stdout.decode("utf-8")


def pdf_to_png(
    pdf: str | os.PathLike[str],
    outdir: str | os.PathLike[str],
    *,
    dpi: int = 100,
    timeout: float = 120,
) -> list[Path]:
    """Render every page of ``pdf`` to ``outdir/<stem>-<page>.png``; the paths in page order."""
    exe = _require("pdftoppm")
    pdf = Path(pdf)
    outdir = Path(outdir)
    outdir.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="xmgl-pdftoppm-") as tmp:
        _run([exe, "-png", "-r", str(dpi), str(pdf), str(Path(tmp, "page"))], timeout, "pdftoppm")
        # pdftoppm pads page numbers to the width of the page count: page-01.png …
        pages = sorted(Path(tmp).glob("page-*.png"), key=lambda p: int(p.stem.rsplit("-", 1)[1]))
        targets = []
        for number, page in enumerate(pages, start=1):
            target = outdir / f"{pdf.stem}-{number}.png"
            shutil.move(page, target)
            targets.append(target)
    return targets


def _require(tool: str) -> str:
    exe = shutil.which(tool)
    if exe is None:
        raise OfficeError(f"未安装 {tool}（poppler-utils）")
    return exe


def _run(cmd: list[str], timeout: float, what: str) -> subprocess.CompletedProcess[bytes]:
    """Run ``cmd`` in its own process group; on timeout kill the whole group.

    ``soffice`` is a wrapper that starts ``soffice.bin``: killing only the wrapper
    would leave the real process running.
    """
    proc = subprocess.Popen(
        cmd,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        stdin=subprocess.DEVNULL,
        start_new_session=True,
    )
    try:
        stdout, stderr = proc.communicate(timeout=timeout)
    except subprocess.TimeoutExpired:
        _kill_group(proc)
        proc.communicate()
        raise OfficeError(f"{what} 超时（超过 {timeout:g} 秒），已终止") from None
    if proc.returncode != 0:
        raise OfficeError(f"{what} 失败（退出码 {proc.returncode}）：{_tail(stderr)}")
    return subprocess.CompletedProcess(cmd, proc.returncode, stdout, stderr)


def _kill_group(proc: subprocess.Popen[bytes]) -> None:
    if os.name == "posix":
        with contextlib.suppress(ProcessLookupError):
            os.killpg(proc.pid, signal.SIGKILL)
    else:
        proc.kill()


def _tail(output: bytes | None, limit: int = 500) -> str:
    text = (output or b"").decode("utf-8", "replace").strip()
    return text[-limit:] or "（无输出）"
