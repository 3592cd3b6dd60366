"""Find dossiers under folders and check each one in a worker process.

A worker loads one dossier, computes its obligations and its findings (the rules
of ``xmgl validate``), and returns a small plain ``dict``: the parent never
holds a :class:`~xmgl.domain.model.Dossier`, so memory stays flat however many
there are. A dossier that cannot be loaded, or whose check fails in any way, is
a row with its error — it never stops the run.

This module is imported by the worker processes: it must not import docx, git,
typer or rich (nor anything that does).
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable
from datetime import date
from pathlib import Path

PROJECT_FILE = "project.yaml"
MAX_PROBLEMS = 5
MAX_FINDINGS = 20

#: Folders never searched: VCS internals, caches, the dossiers' own output.
SKIP_DIRS = frozenset({"node_modules", "__pycache__", "reports"})
_BARE = frozenset({"HEAD", "objects", "refs"})


# ------------------------------------------------------------------ discovery
def find_dossiers(paths: Iterable[Path]) -> list[Path]:
    """Every dossier under ``paths``: a folder holding ``project.yaml``.

    A git working tree (a folder with ``.git``) without ``project.yaml`` is
    returned too — it was meant to be a dossier, and its row will say what is
    missing. A bare repository (``HEAD``, ``objects/``, ``refs/``: a server's
    ``repos/*.git``) is a dossier read from its tip's git objects, no checkout.
    The search does not descend into a dossier, nor into hidden folders.
    Each dossier appears once, in sorted order.
    """
    found: set[Path] = set()
    for top in paths:
        top = Path(top)
        stack = [top]
        while stack:
            folder = stack.pop()
            try:
                with os.scandir(folder) as it:
                    entries = list(it)
            except (PermissionError, NotADirectoryError, FileNotFoundError):
                continue
            names = {e.name for e in entries}
            if PROJECT_FILE in names or (".git" in names and folder != top):
                found.add(folder.resolve())
                continue
            if names >= _BARE and (folder / "HEAD").is_file():
                found.add(folder.resolve())  # a bare repository: the 数据局's server
                continue
            for e in entries:
                if e.name.startswith(".") or e.name in SKIP_DIRS:
                    continue
                if e.is_dir(follow_symlinks=False):
                    stack.append(Path(e.path))
    return sorted(found)


# ------------------------------------------------------------------ one dossier
def check_one(task: tuple) -> dict:
    """Load and check one dossier (a folder or a bare repository's tip); never raises.

    ``task``: (root, as_of, plan_year[, holiday years handed out for all dossiers
    [, detail]]); with ``detail``, also the timeline the HTML page draws.
    """
    root, as_of, plan_year, *rest = task
    shared = rest[0] if rest else ()
    detail = len(rest) > 1 and bool(rest[1])
    row: dict = {"path": root, "ok": False, "error": None, "problems": []}
    try:
        from xmgl.dossier.loader import load_dossier
        from xmgl.errors import DossierError, XmglError

        bare = _is_bare(Path(root))
        if bare:
            row.update(_server_facts(Path(root)))
        try:
            if bare:
                from xmgl.dossier.gitread import load_from_git

                d = load_from_git(Path(root), row.get("tip") or "HEAD")
            else:
                d = load_dossier(Path(root))
        except DossierError as err:
            row["error"] = err.message
            row["problems"] = [f"{p.location()}：{p.message}" for p in err.problems[:MAX_PROBLEMS]]
            row["problem_count"] = len(err.problems)
            return row
        except XmglError as err:
            row["error"] = err.message
            return row
        except OSError as err:
            row["error"] = f"无法读取：{err.strerror or err}"
            return row
        if shared:
            from xmgl.domain.holidays import Calendar

            d.calendar = d.calendar.with_fallback(Calendar(shared))  # the dossier's file wins
        row.update(_facts(d, as_of, plan_year))
        if detail:
            row.update(_timeline(d, as_of))
        row["ok"] = True
    except Exception as err:  # noqa: BLE001 - a defect must cost one row, not the run
        row["ok"] = False
        row["error"] = f"xmgl 内部错误：{type(err).__name__}: {err}"
    return row


def _facts(d, as_of: date, plan_year: int | None) -> dict:
    from xmgl.domain import deadlines as dl
    from xmgl.domain import facts
    from xmgl.domain.stages import STAGES

    p = d.project
    m = facts.money(d, until=as_of)
    found = dl.obligations(d, as_of)
    overdue = [o for o in found if o.status == dl.OVERDUE]
    todo = dl.next_actions(found)
    nxt = todo[0] if todo else None
    row = {
        "code": p.code or "",
        "name": p.name,
        "unit": p.unit,
        "department": p.competent_department,
        "nature": p.nature,
        "content_types": "、".join(p.content_types),
        "funding": d.funding.source,
        "stage": d.stage_name,
        "stage_zh": STAGES.get(d.stage_name, d.stage_name),
        "stage_since": d.stage.since,
        "estimate": m.estimate,
        "budget": m.budget,
        "total": facts.total_investment(d),
        # against the 概算; the 运维 contracts (annual O&M) apart (facts.OPERATION)
        "contracted": m.contracted,
        "paid": m.paid,
        "operation_contracted": m.operation_contracted,
        "operation_paid": m.operation_paid,
        "overdue": len(overdue),
        "open": sum(1 for o in found if o.status == dl.OPEN),
        "overdue_items": [
            {
                "title": o.title,
                "short": f"第{o.period}期{dl.KIND_ZH[o.kind]}" if o.period else dl.KIND_ZH[o.kind],
                "kind": o.kind,
                "clause": o.clause,
                "due_nominal": o.due.nominal,
                "due": o.due.in_force,
                "days": -o.days_left(as_of),
            }
            for o in overdue
        ],
        "next_title": nxt.title if nxt else "",
        "next_clause": nxt.clause if nxt else "",
        "next_due": nxt.due.in_force if nxt else None,
        "next_status": nxt.status if nxt else "",
    }
    row.update(_checked(d, as_of))
    if plan_year is not None:
        row["plan"] = _plan_entry(d, as_of, plan_year)
    return row


# ------------------------------------------------------------------ bare repositories
def _is_bare(path: Path) -> bool:
    from xmgl.dossier.gitread import is_bare_repository

    return is_bare_repository(path)


def _server_facts(repo: Path) -> dict:
    """The tip, and what the server's hook recorded about it (the audit state).

    ``audit``: ``accepted`` (the tip is the one the hook audited and receipted),
    ``diverged`` (the repository's tip is not the recorded one: changed outside
    the hook), ``unrecorded`` (no record: not an xmgl server, or never pushed
    through the hook), ``empty`` (nothing pushed yet).
    """
    import json

    from xmgl.dossier.gitread import read_ref

    tip = read_ref(repo)
    out: dict = {"source": "git", "tip": tip, "audit": "empty" if tip is None else "unrecorded"}
    server = repo.parent.parent
    project = _project_id(repo)
    out["project_id"] = project
    state_file = server / "projects" / project / "state.json"
    if (server / "xmgl-server.json").is_file() and state_file.is_file():
        try:
            state = json.loads(state_file.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            state = {}
        out["audit_tip"] = state.get("tip")
        out["audit_time"] = state.get("time")
        out["audit_count"] = state.get("count")
        if tip is not None:
            out["audit"] = "accepted" if state.get("tip") == tip else "diverged"
    return out


def _project_id(repo: Path) -> str:
    """``xmgl.project`` from the repository's config (as xmgl server add wrote it), else its name."""
    import re

    try:
        config = (repo / "config").read_text(encoding="utf-8", errors="replace")
    except OSError:
        config = ""
    m = re.search(r"^\[xmgl\][^\[]*?^\s*project\s*=\s*(\S+)", config, re.M | re.S)
    if m:
        return m.group(1)
    return repo.name[:-4] if repo.name.endswith(".git") else repo.name


# ------------------------------------------------------------------ the HTML page's timeline
def _timeline(d, as_of: date) -> dict:
    """Stages as spans (from the ``stage_change`` records) and the pending deadlines."""
    from xmgl.domain import deadlines as dl

    changes = sorted(d.records_of("stage_change"), key=lambda c: c.date)
    dates = [r.date for r in d.records if isinstance(getattr(r, "date", None), date)]
    spans: list[dict] = []
    if changes:
        spans.append({"stage": changes[0].from_stage, "start": min([changes[0].date, *dates])})
        spans += [{"stage": c.to_stage, "start": c.date} for c in changes]
    else:
        since = d.stage.since if d.stage is not None else None
        start = since if isinstance(since, date) else (min(dates) if dates else as_of)
        spans.append({"stage": d.stage_name, "start": start})
    for a, b in zip(spans, spans[1:], strict=False):
        a["end"] = b["start"]
    spans[-1]["end"] = None
    marks = [
        {
            "due": o.due.in_force,
            "title": o.title,
            "short": f"第{o.period}期{dl.KIND_ZH[o.kind]}" if o.period else dl.KIND_ZH[o.kind],
            "clause": o.clause,
            "status": o.status,
            "days": o.days_left(as_of),
        }
        for o in dl.obligations(d, as_of)
        if o.pending
    ]
    return {"stages": spans, "marks": marks}


# ------------------------------------------------------------------ rules
def _checked(d, as_of: date) -> dict:
    """The findings of ``xmgl validate`` (``xmgl.domain.rules.check``), counted.

    Each row keeps the rule, clause and line of at most :data:`MAX_FINDINGS`
    errors and warnings, not their messages: ten thousand rows must stay small
    (``xmgl validate`` on the dossier tells the whole story).
    """
    from xmgl.domain.rules import check

    found = check(d, as_of)
    sev = [str(f.severity) for f in found]
    return {
        "errors": sev.count("error"),
        "warnings": sev.count("warning"),
        "findings": [
            {
                "severity": str(f.severity),
                "rule": f.rule,
                "clause": f.clause,
                "line": f.location.line,
            }
            for f in found
            if str(f.severity) in ("error", "warning")
        ][:MAX_FINDINGS],
    }


# ------------------------------------------------------------------ 第八条、第九条
def _plan_entry(d, as_of: date, year: int) -> dict | None:
    """What the draft 年度投资计划 needs from a project submitted for ``year``; else None."""
    from xmgl.domain import facts
    from xmgl.domain.text import oneline

    # the latest submission for the year: a revised request replaces the first one
    sub = next(
        (
            s
            for s in reversed(d.records_of("plan_submission"))
            if s.year == year and s.date <= as_of
        ),
        None,
    )
    if sub is None:
        return None
    notes = []
    # classify by what is requested: an O&M request of a 新建 project is 运行维护
    nature = sub.nature
    if nature is None:
        accepted = d.first("acceptance")
        if d.project.nature != "运行维护" and accepted is not None and accepted.date <= sub.date:
            nature = "运行维护"
            notes.append("申报未注明性质；项目已验收，按运行维护列示")
        else:
            nature = d.project.nature
            notes.append(f"申报未注明性质，按项目性质（{nature}）列示")
    amount, basis = sub.amount, "申报投资"
    if amount is None:
        if nature == "运行维护" and d.project.nature != "运行维护":
            # the construction 概算 is not what an O&M request asks for
            amount, basis = d.investment.operation_annual, "年运行维护费用估算"
        else:
            amount = facts.total_investment(d)
            basis = (
                "批复概算"
                if amount is not None and amount == facts.budget_in_force(d)
                else "投资估算"
            )
    if amount is None:
        basis = "未填写"
    if basis != "申报投资":
        notes.insert(
            0,
            f"未填写申报投资，按{basis}列示"
            if amount is not None
            else "未填写申报投资，未计入合计",
        )
    if nature == "运行维护":
        start = "—"
    else:
        began = next(
            (r for r in d.records_of("stage_change") if r.to_stage == "construction"), None
        )
        start = "续建" if began is not None and began.date.year < year else "新开工"
    # one paragraph, without the spaces a folded YAML text leaves in Chinese (as the reports)
    summary = oneline(d.project.summary or "")
    f = d.funding
    return {
        # mixed funding: every source the dossier names, not only the first
        "funding": "、".join(dict.fromkeys([f.source, *f.other_sources])),
        "date": sub.date,
        "amount": amount,
        "basis": basis,
        "nature": nature,
        "start": start,
        "notes": "；".join(notes),
        "operation_annual": d.investment.operation_annual,
        "months": d.project.construction_months,
        "summary": summary if len(summary) <= 200 else summary[:199] + "…",
    }


# ------------------------------------------------------------------ many dossiers
def scan(
    roots: list[Path],
    as_of: date,
    *,
    plan_year: int | None = None,
    detail: bool = False,
    jobs: int | None = None,
    on_start: Callable[[int], None] | None = None,
    on_result: Callable[[dict], None] | None = None,
    holidays: tuple = (),
) -> list[dict]:
    """Check every dossier in ``roots`` on ``jobs`` processes (default: all cores).

    Rows come back in the order of ``roots``. ``on_start(n)`` is called once the
    worker processes exist (start a progress display there, not before: the
    workers are forked and must not inherit a running display thread);
    ``on_result(row)`` after each dossier. ``holidays``: the holiday years the 数据局
    hands out (:class:`~xmgl.domain.holidays.HolidayYear`), used where a dossier's own
    ``.xmgl/holidays.yaml`` has no such year.
    """
    tasks = [(str(r), as_of, plan_year, tuple(holidays), detail) for r in roots]
    jobs = max(1, jobs or os.cpu_count() or 1)
    rows: list[dict] = []
    if jobs == 1 or len(tasks) < 4:
        if on_start:
            on_start(len(tasks))
        for t in tasks:
            rows.append(check_one(t))
            if on_result:
                on_result(rows[-1])
        return rows

    import multiprocessing

    try:
        ctx = multiprocessing.get_context("fork")  # cheap: workers inherit loaded modules
    except ValueError:  # pragma: no cover - platforms without fork
        ctx = multiprocessing.get_context("spawn")
    jobs = min(jobs, len(tasks))
    chunk = max(1, min(32, len(tasks) // (jobs * 16)))
    _warm_up()
    from concurrent.futures import ProcessPoolExecutor

    # Stopped by Ctrl-C, the pool must end without a traceback or a leftover process:
    # futures are never cancelled (CPython 3.11's manager thread then fails them:
    # InvalidStateError), the workers are terminated here (none is started again, as
    # multiprocessing.Pool may do, leaving an orphan that holds the output open) and
    # the manager thread is waited for (else it races the exit hook: EBADF).
    pool = ProcessPoolExecutor(max_workers=jobs, mp_context=ctx, initializer=_ignore_interrupts)
    try:
        chunks = [tasks[i : i + chunk] for i in range(0, len(tasks), chunk)]
        futures = [pool.submit(_check_many, c) for c in chunks]  # forks the workers now
        if on_start:
            on_start(len(tasks))
        for future in futures:
            for row in future.result():
                rows.append(row)
                if on_result:
                    on_result(row)
    except BaseException:
        # Ctrl-C (or any failure): only this process reports it; the workers, which
        # ignore SIGINT, are stopped without printing anything.
        # every child this process started: a Ctrl-C between a worker's start and its
        # entry in the pool's table would leave it out, and exit would wait for it forever
        workers = multiprocessing.active_children()
        pool.shutdown(wait=False)
        for proc in workers:
            proc.terminate()
        manager = getattr(pool, "_executor_manager_thread", None)
        if manager is not None:
            manager.join(timeout=10)
        raise
    pool.shutdown(wait=True)
    return rows


def _check_many(tasks: list[tuple]) -> list[dict]:
    """In a worker: one chunk of dossiers."""
    return [check_one(t) for t in tasks]


def _ignore_interrupts() -> None:
    """In a worker: Ctrl-C is the parent's to handle (one message, exit 130)."""
    import signal

    signal.signal(signal.SIGINT, signal.SIG_IGN)


def _warm_up() -> None:
    """Import what every worker needs once, before forking (copy-on-write afterwards)."""
    import chinese_calendar  # noqa: F401
    import ruamel.yaml  # noqa: F401

    import xmgl.domain.deadlines  # noqa: F401
    import xmgl.domain.facts  # noqa: F401
    import xmgl.domain.rules  # noqa: F401
    import xmgl.dossier.loader  # noqa: F401
