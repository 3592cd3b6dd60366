"""Make the reports of a dossier: pick the template, build the context, render safely.

- :func:`fsr` — 可行性研究报告, or with ``merged=True`` the 可行性研究报告（代初步设计）,
  which 第十条 permits only on its grounds (:func:`xmgl.domain.merge.merge_allowed`).
- :func:`quarterly` — the 第十六条 项目建设进展情况季度报告 for one period.
- :func:`lint` — check a template against the variables the reports provide.

Templates: the dossier's own ``templates/<name>.docx`` wins over the shipped one
(:func:`find_template`); a dossier's template is linted before use, since a clerk
may have edited it. Output goes to ``<dossier>/reports/`` unless told otherwise,
and an existing file is never replaced without ``force``.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path

from xmgl.domain.model import Dossier
from xmgl.errors import TemplateError, UsageError
from xmgl.reports import context as ctx

TEMPLATE_FILES = {
    "fsr": "fsr.docx",
    "fsr_merged": "fsr_merged.docx",
    "quarterly": "quarterly.docx",
}
REPORTS_DIR = "reports"
DOSSIER_TEMPLATES = "templates"
CHINA = dt.timezone(dt.timedelta(hours=8))


@dataclass(frozen=True)
class Template:
    path: Path
    from_dossier: bool

    def describe(self, root: Path) -> str:
        if self.from_dossier:
            return f"档案模板 {self.path.relative_to(root).as_posix()}"
        return f"内置模板 {self.path.name}"


@dataclass
class Generated:
    """What was written, from which template, and anything the user should know."""

    kind: str
    path: Path
    template: Template
    title: str
    period: dict | None = None
    notes: list[str] = field(default_factory=list)
    placeholders: int = 0
    """How many 【待填写：…】 the report still has for a person to write."""

    def to_dict(self, root: Path) -> dict:
        return {
            "report": self.kind,
            "path": _display(self.path, root),
            "template": str(self.template.path),
            "template_from_dossier": self.template.from_dossier,
            "title": self.title,
            "period": self.period,
            "notes": self.notes,
            "placeholders": self.placeholders,
        }


# ----------------------------------------------------------------- templates


def shipped_template_dirs() -> list[Path]:
    """Where shipped templates may be: ``xmgl/templates`` in an installed wheel
    (pyproject force-includes them there), ``<repo>/templates`` in a source checkout."""
    package = Path(__file__).resolve().parents[1]
    return [package / "templates", package.parent / "templates"]


def find_template(root: Path, kind: str) -> Template:
    """The template for ``kind``: the dossier's ``templates/`` first, then the shipped one."""
    name = TEMPLATE_FILES[kind]
    own = root / DOSSIER_TEMPLATES / name
    if own.is_file():
        return Template(own, True)
    for folder in shipped_template_dirs():
        if (folder / name).is_file():
            return Template(folder / name, False)
    raise TemplateError(
        f"找不到报告模板 {name}：档案的 {DOSSIER_TEMPLATES}/ 目录中没有，xmgl 安装中也没有。",
        hint="重新安装 xmgl；或把模板放到档案的 templates/ 目录中。",
    )


def known_variables(kind: str | None = None) -> set[str]:
    """Top-level names a template of ``kind`` may use (all reports' when None)."""
    if kind is None:
        return set().union(*ctx.REPORT_KEYS.values())
    return set(ctx.REPORT_KEYS[kind])


def lint(path: Path, kind: str | None = None):
    """Lint findings for the template at ``path`` (xmgl.reports.lint.LintFinding)."""
    from xmgl.reports import lint as lint_mod
    from xmgl.reports import render

    try:
        return lint_mod.lint_template(path, known_variables(kind))
    except render.TemplateError as exc:
        raise TemplateError(str(exc), hint="确认文件是 Word（.docx）格式的模板。") from None


def _check_dossier_template(template: Template, kind: str, root: Path) -> list[str]:
    """Refuse a dossier template with lint errors; return its warnings as notes."""
    if not template.from_dossier:
        return []
    from xmgl.reports.lint import ERROR

    findings = lint(template.path, kind)
    errors = [f for f in findings if f.severity == ERROR]
    rel = template.path.relative_to(root).as_posix()
    if errors:
        lines = [f"{f.location}：{f.message}" + (f"（{f.text}）" if f.text else "") for f in errors]
        raise TemplateError(
            f"档案模板 {rel} 有 {len(errors)} 处错误，未生成报告：\n" + "\n".join(lines),
            hint=f"在 Word/WPS 中修改模板后，在档案目录中运行 “xmgl template lint {rel}” 复查；"
            f"或删除 {rel} 改用内置模板。",
        )
    return [f"模板提示：{f.location}：{f.message}" for f in findings]


# ----------------------------------------------------------------- reports


def default_filename(kind: str, period: int | None = None) -> str:
    if kind == "fsr":
        return "可行性研究报告.docx"
    if kind == "fsr_merged":
        return "可行性研究报告（代初步设计）.docx"
    return f"季度进展报告-第{period}期.docx"


def fsr(
    d: Dossier,
    as_of: dt.date,
    *,
    merged: bool = False,
    output: Path | None = None,
    force: bool = False,
) -> Generated:
    """Write the 可行性研究报告 (``merged``: 代初步设计, only where 第十条 permits)."""
    from xmgl.domain.merge import ARTICLE_10, merge_allowed

    kind = "fsr_merged" if merged else "fsr"
    notes: list[str] = []
    if merged:
        decision = merge_allowed(d, as_of)
        if not decision.allowed:  # exit 6, as docs/exit-codes.md lists it
            raise TemplateError(
                "不能生成可行性研究报告（代初步设计）：本项目不符合第十条规定的合并编报条件。\n"
                + "\n".join(f"· {r}" for r in decision.reasons)
                + f"\n{ARTICLE_10}",
                hint="去掉 --merged 生成可行性研究报告（初步设计另行编报）；"
                "如确属紧急建设，在 project.yaml 的 merged_fsr_pd 中写明 grounds 和依据文件。",
            )
        notes.append("合并编报依据（第十条）：" + "、".join(decision.grounds) + "。")
    elif d.merged:
        notes.append("档案申报合并编报可研和初步设计；需要代初步设计的版本时加 --merged。")
    data = ctx.fsr_context(d, as_of, merged=merged)
    return _render(d, kind, data, as_of, output, force, notes, period=None)


def quarterly(
    d: Dossier,
    as_of: dt.date,
    *,
    period: int | None = None,
    output: Path | None = None,
    force: bool = False,
) -> Generated:
    """Write the 第十六条 quarterly progress report (default: the latest due period)."""
    data = ctx.quarterly_context(d, as_of, period)
    p = data["period"]
    notes = list(p["notes"])
    if p["submitted"]:
        notes.append(f"第{p['index']}期季度报告已于{p['submitted']}报送（档案记录）。")
    if p["running"]:
        notes.append(
            f"第{p['index']}期到 {p['end']} 结束，截至 {as_of.isoformat()} 的记录已计入；"
            "期末前如有新记录，请重新生成（--force）。"
        )
    if p["calendar_notice"]:
        notes.append(p["calendar_notice"])
    summary = {
        k: p[k] for k in ("index", "start", "end", "due_nominal", "due_in_force", "submitted")
    }
    return _render(d, "quarterly", data, as_of, output, force, notes, period=summary)


def _render(
    d: Dossier,
    kind: str,
    data: dict,
    as_of: dt.date,
    output: Path | None,
    force: bool,
    notes: list[str],
    period: dict | None,
) -> Generated:
    from xmgl.reports import render

    root = Path(d.root)
    template = find_template(root, kind)
    notes = notes + _check_dossier_template(template, kind, root)
    index = period["index"] if period else None
    target = output if output is not None else root / REPORTS_DIR / default_filename(kind, index)
    from xmgl.outputs import refuse_protected

    # never .git/, project.yaml, its documents; the dossier is not read a second time
    refuse_protected(target, "--output", [root], loaded=d)
    if target.suffix.lower() != ".docx":
        raise UsageError(f"输出文件必须以 .docx 结尾：{target}", hint="例如 --output 报告.docx。")
    created_dir = None
    if output is None and not target.parent.exists():
        created_dir = target.parent
    elif not target.parent.is_dir():
        raise UsageError(f"输出目录不存在：{target.parent}", hint="先创建该目录，或换一个路径。")
    if target.exists() and not force:
        raise _exists(target, root)
    from xmgl.reports import finish
    from xmgl.reports.typography import set_core_properties

    left: list[int] = []

    def complete(document) -> None:
        left.append(finish.finish(document))
        title = data["report"]["title"]
        set_core_properties(  # keywords: as the (rendered) template has them
            document,
            title=data["report"]["full_title"],
            author=d.project.unit,
            subject=title,
            keywords=None,
            category=title,
        )

    try:
        if created_dir is not None:
            created_dir.mkdir(parents=True)
        render.render_template(
            template.path,
            data,
            target,
            force=force,
            finish=complete,
            shipped=not template.from_dossier,
        )
    except render.TargetExistsError:
        raise _exists(target, root) from None
    except render.TemplateError as exc:
        if template.from_dossier:
            rel = template.path.relative_to(root).as_posix()
            hint = f"在档案目录中运行 “xmgl template lint {rel}” 检查模板。"
        else:
            hint = "这是内置模板的问题，请带 --debug 的输出报告给维护人员。"
        raise TemplateError(f"用{template.describe(root)} 生成报告失败：{exc}", hint=hint) from None
    finally:
        if created_dir is not None and created_dir.is_dir() and not any(created_dir.iterdir()):
            created_dir.rmdir()  # a failed run leaves the dossier as it was
    return Generated(
        kind=kind,
        path=target,
        template=template,
        title=data["report"]["full_title"],
        period=period,
        notes=notes,
        placeholders=left[0] if left else 0,
    )


def _exists(target: Path, root: Path) -> TemplateError:
    return TemplateError(
        f"{_display(target, root)} 已存在，未覆盖。",
        hint="确认要替换它时加 --force；或用 --output 另存为其他文件。",
    )


def _display(path: Path, root: Path) -> str:
    try:
        return path.resolve().relative_to(root.resolve()).as_posix()
    except ValueError:
        return str(path)
