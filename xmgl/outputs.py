"""Where a command may write an output file: one rule for every ``--output``-like option.

``calendar --ics``, ``portfolio --output``, ``report … --output``, ``audit
export --output-dir``, ``audit anchor --output`` all ask :func:`check_output`
before they write, and write through :func:`write_output`:

* never into a git directory (``.git/…``, also through a symlink or a linked
  work tree's ``gitdir``), not even with ``--force``: that is the audit trail;
* never onto a dossier's ``project.yaml``, its ``.xmgl/`` settings (allowed
  signers) or a document the dossier references, not even with ``--force``;
* never onto an existing file without ``--force`` — and without it, not even
  onto one that appears between the check and the write (the finished file is
  published with a hard link, which fails if the name is taken).

The dossiers looked at are the command's own and the one the output would land
in (the nearest folder above it holding ``project.yaml``).
"""

from __future__ import annotations

import os
from pathlib import Path

from xmgl.errors import DossierError, TemplateError, UsageError

PROJECT_FILE = "project.yaml"


class OutputExists(TemplateError):
    """The output file exists and ``--force`` was not given (exit 6, as for reports)."""


def _key(path: Path) -> str:
    return os.path.normcase(os.path.abspath(str(path)))


def _inside(path: Path, folder: Path) -> bool:
    p, f = _key(path), _key(folder)
    return p == f or p.startswith(f.rstrip(os.sep) + os.sep)


def _dossier_above(folder: Path) -> Path | None:
    for candidate in (folder, *folder.parents):
        if (candidate / PROJECT_FILE).is_file():
            return candidate
    return None


def _referenced(root: Path, loaded=None) -> set[str] | None:
    """Paths (relative, posix) of the documents the dossier refers to; None if unreadable.
    ``loaded``: the dossier the command has already read, used when it is this one."""
    from xmgl.dossier.docpaths import document_paths

    if loaded is not None and _key(Path(loaded.root).resolve()) == _key(root):
        return document_paths(loaded)
    from xmgl.dossier.loader import load_dossier

    try:
        return document_paths(load_dossier(root))
    except (DossierError, OSError, ValueError):
        return None


def protected_reason(
    target: Path, roots: list[Path] | tuple[Path, ...] = (), *, loaded=None
) -> str | None:
    """Why ``target`` must never be written by an output option, or None if it may be.
    ``loaded``: a dossier already read (not read again when it is one of the roots)."""
    from xmgl.gitaudit.lock import git_dir

    resolved = Path(target).expanduser().resolve()
    if ".git" in resolved.parts:
        return "它在 git 仓库的内部目录 .git 中，写入会破坏档案的审计记录"
    found = git_dir(resolved.parent)
    if found is not None and _inside(resolved, found):
        return "它在 git 仓库的内部目录中，写入会破坏档案的审计记录"
    if resolved.name == PROJECT_FILE:
        return "这是项目档案 project.yaml"
    dossiers = [Path(r).resolve() for r in roots]
    above = _dossier_above(resolved.parent)
    if above is not None:
        dossiers.append(above)
    for root in dict.fromkeys(dossiers):  # the one above is often one of roots: read it once
        if not _inside(resolved, root):
            continue
        rel = resolved.relative_to(root) if resolved.is_relative_to(root) else None
        if rel is None:
            continue
        if rel.parts and rel.parts[0] == ".xmgl":
            return "它在档案的 .xmgl/ 中（签名人员名单等设置）"
        docs = _referenced(root, loaded)
        if docs is None:
            if rel.parts and rel.parts[0] == "docs":
                return "它在档案的 docs/ 中（档案无法读取，无法确认它是否被引用）"
            continue
        if any(_key(root / d) == _key(resolved) for d in docs):
            return f"这是档案引用的文件（{rel.as_posix()}）"
    return None


def refuse_protected(
    path: Path, option: str, roots: list[Path] | tuple[Path, ...] = (), *, loaded=None
) -> None:
    """UsageError if ``path`` is in .git/ or is the dossier's own file (whatever --force says)."""
    why = protected_reason(path, roots, loaded=loaded)
    if why is not None:
        raise UsageError(
            f"不能把输出写到 {path}：{why}。即使加 --force 也不会覆盖它。",
            hint=f"给 {option} 换一个文件名或目录。",
        )


def check_output(
    path: Path, *, force: bool, option: str, roots: list[Path] | tuple[Path, ...] = ()
) -> Path:
    """``path`` if an output may be written there; a clear error otherwise."""
    path = Path(path).expanduser()
    if path.is_dir():
        raise UsageError(f"{option} 指向的是一个目录：{path}", hint="写成文件名。")
    folder = path.parent if str(path.parent) else Path(".")
    if not folder.is_dir():
        raise UsageError(
            f"{option} 的目录不存在：{folder}", hint="先创建该目录，或换一个保存位置。"
        )
    refuse_protected(path, option, roots)
    if not force and (path.exists() or path.is_symlink()):
        raise OutputExists(
            f"{path} 已存在，未覆盖。",
            hint=f"确认要替换它时加 --force；或给 {option} 换一个文件名。",
        )
    return path


def write_output(path: Path, data: bytes, *, force: bool) -> None:
    """Write a checked output all at once; without ``force`` never over a file that appeared."""
    from xmgl.fileio import publish, temp_beside

    path = Path(path)
    tmp = temp_beside(path)
    try:
        with open(tmp, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        try:
            publish(tmp, path, force=force)
        except FileExistsError:
            raise OutputExists(
                f"{path} 已存在（在写入期间出现），未覆盖。",
                hint="确认要替换它时加 --force；或换一个文件名。",
            ) from None
    finally:
        if tmp.exists():
            tmp.unlink()
