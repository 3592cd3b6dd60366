"""``xmgl hook pre-receive | post-receive``: the audit at the moment of submission.

git runs the hook in the bare repository with one ``old new ref`` line per
updated ref on standard input; whatever the hook prints reaches the pusher as
``remote:`` lines. pre-receive exits non-zero to refuse the whole push (git then
drops the pushed objects: the repository stays as it was); post-receive runs
after the refs moved and writes the receipt.

pre-receive, for the main branch:

* refuses deletion, a non-fast-forward update, and a tip that does not descend
  from the last tip the server itself accepted (a rewritten history);
* audits the new commits with :func:`xmgl.gitaudit.audit.verify_range`, standing
  on that recorded tip (so one commit onto a long history is cheap); on a first
  push the whole history is audited and its root commit must be signed by a key
  pinned with ``xmgl server add --trust-root``;
* validates the new tip (``xmgl validate``'s rules): errors are reported and,
  only under ``--refuse validate-errors``, refused.

Any other ref is refused: a dossier's repository has one branch.
"""

from __future__ import annotations

import os
import sys
import unicodedata
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import TextIO

from xmgl.server.layout import MAIN, Server, State, now_utc, project_of

ZERO = {"0" * 40, "0" * 64}
WIDTH = 70  # git prefixes "remote: "; 78 columns in all
MAX_FAILED_COMMITS = 10
MAX_VALIDATE_ERRORS = 5


class HookTimeout(BaseException):
    """The hook ran out of its time (never caught by ordinary ``except Exception``)."""


@dataclass
class Update:
    old: str
    new: str
    ref: str

    @property
    def short(self) -> str:
        return self.ref.removeprefix("refs/heads/")


@dataclass
class Outcome:
    refused: bool = False
    lines: list[str] = field(default_factory=list)


def parse_updates(stream: TextIO) -> list[Update]:
    out = []
    for raw in stream.read().splitlines():
        parts = raw.split()
        if len(parts) == 3:
            out.append(Update(*parts))
    return out


# ---------------------------------------------------------------- text
def _width(text: str) -> int:
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)


def clean(text: str) -> str:
    """No control characters from a commit reach the pusher's terminal."""
    return "".join(c if c.isprintable() else "?" for c in text)


def wrap(text: str, indent: str = "", width: int = WIDTH) -> list[str]:
    """Lines of at most ``width`` columns; ASCII words (ids, paths) are not cut if they fit."""
    import re

    lines: list[str] = []
    current = indent
    for token in re.findall(r"[!-~]+|\s+|.", clean(text)):
        if token.isspace():
            token = " "
        if _width(current + token) > width and current.strip():
            if token == " ":
                continue
            if _width(token) <= width - len(indent) - 2:
                lines.append(current.rstrip())
                current = indent + "  "
        for ch in token:
            if _width(current + ch) > width and current.strip():
                lines.append(current.rstrip())
                current = indent + "  "
            current += ch
    if current.strip():
        lines.append(current.rstrip())
    return lines


# ---------------------------------------------------------------- git
def _git(git_dir: Path, *args: str):
    from xmgl.gitaudit import git as g

    return g.git(
        git_dir, "--no-replace-objects", "-c", "core.commitGraph=false", *args, check=False
    )


def is_ancestor(git_dir: Path, older: str, newer: str) -> bool:
    return _git(git_dir, "merge-base", "--is-ancestor", older, newer).returncode == 0


def count(git_dir: Path, tip: str) -> int:
    out = _git(git_dir, "rev-list", "--count", tip).stdout.decode().strip()
    return int(out or 0)


def main_ref(git_dir: Path) -> str:
    proc = _git(git_dir, "symbolic-ref", "-q", "HEAD")
    ref = proc.stdout.decode().strip()
    return ref if proc.returncode == 0 and ref else MAIN


# ---------------------------------------------------------------- pre-receive
def pre_receive(server: Server, git_dir: Path, updates: list[Update], today: date) -> Outcome:
    project = project_of(git_dir)
    out = Outcome()
    say = out.lines
    policy = server.policy()
    pinned = server.trust_root(project)
    state = server.state(project)
    main = main_ref(git_dir)
    for u in updates:
        if u.ref != main:
            out.refused = True
            say += wrap(
                f"✗ {u.ref}：数据局服务器只接收档案的主分支 {main.removeprefix('refs/heads/')}，"
                "不接收其他分支和标签。"
            )
            say += wrap(f"怎么改：推送到主分支：git push origin HEAD:{main}", "  ")
            continue
        if u.new in ZERO:
            out.refused = True
            say += wrap(
                f"✗ 不能删除主分支 {u.short}：档案的历史一经提交数据局，就不能撤回"
                "（第二十一条：如实提供，不得隐匿）。"
            )
            say += wrap("怎么改：不要删除分支；要更正内容，提交新的签名提交再推送。", "  ")
            continue
        if u.old not in ZERO and not is_ancestor(git_dir, u.old, u.new):
            out.refused = True
            say += _rewrite(u.old, u.new, "服务器上的最新提交")
            continue
        if state is not None and not is_ancestor(git_dir, state.tip, u.new):
            out.refused = True
            say += _rewrite(state.tip, u.new, "数据局上次接收并登记回执的提交")
            continue
        _audit(server, git_dir, project, u, state, pinned, policy, today, out)
    if out.refused:
        say.append("推送被拒绝：服务器上的仓库和回执日志都没有改变。")
    return out


def _rewrite(old: str, new: str, what: str) -> list[str]:
    return [
        *wrap(
            f"✗ 强制推送被拒绝：新的提交 {new[:12]} 不是{what} {old[:12]} 的后续——"
            "已提交数据局的历史被改写了（变基、修改或删除了已推送的提交）。"
        ),
        *wrap(
            "怎么改：git fetch origin 后在 origin/main 之上继续工作（git rebase origin/main "
            "只移动尚未推送的提交），不要用 --force 推送。",
            "  ",
        ),
    ]


def _audit(server, git_dir, project, u, state, pinned, policy, today, out: Outcome) -> None:
    from xmgl.gitaudit.audit import ERROR, RangeBase, verify_range

    say = out.lines
    base = RangeBase(state.tip, state.visited) if state is not None else None
    ra = verify_range(git_dir, u.new, base)
    report = ra.report
    problems = [f for f in report.findings if f.severity == ERROR]
    if base is None:
        problems += _pinned_root(report, pinned)
    failing = [c for c in report.commits if not c.ok]
    if failing or problems:
        out.refused = True
        n = len(report.commits)
        say += wrap(f"✗ 审计未通过：推送的 {n} 个新提交中，{len(failing)} 个有问题。")
        for f in problems:
            where = f"提交 {f.commit[:12]}：" if f.commit else ""
            say += wrap(f"[{f.code}] {where}{f.message}", "  ")
            if f.hint:
                say += wrap(f"怎么改：{f.hint}", "    ")
        for c in failing[:MAX_FAILED_COMMITS]:
            say += wrap(
                f"提交 {c.sha[:12]}（{c.committed[:10]}，{c.committer} <{c.committer_email}>）："
                f"“{c.subject}”",
                "  ",
            )
            for f in c.findings:
                if f.severity != ERROR:
                    continue
                say += wrap(f"[{f.code}] {f.message}", "    ")
                if f.hint:
                    say += wrap(f"怎么改：{f.hint}", "      ")
        if len(failing) > MAX_FAILED_COMMITS:
            say.append(f"  …… 另有 {len(failing) - MAX_FAILED_COMMITS} 个提交有问题。")
        say += wrap(
            "在本地运行 xmgl audit verify 可以看到同样的结论；改正后（只改写尚未推送的提交）"
            "再推送。",
        )
        return
    say += wrap(f"✓ 审计通过：{len(report.commits)} 个新提交（{u.short}）。")
    _validate(git_dir, u.new, policy, today, out)


def _pinned_root(report, pinned: list[str]):
    from xmgl.gitaudit.audit import Finding

    found = []
    for c in report.commits:
        if c.parents:
            continue
        fp = c.signature.fingerprint if c.signature is not None else None
        if fp is None or fp not in pinned:
            found.append(
                Finding(
                    "trust-root-not-pinned",
                    f"首次提交 {c.sha[:12]} 的签名密钥 {fp or '（无签名）'} 不是数据局为本项目登记的"
                    "信任根："
                    + "、".join(pinned)
                    + "。这是用另一把密钥重新建立的历史，不能代替已登记的档案。",
                    "用登记的密钥签名首次提交（xmgl init --signing-key）；确需更换信任根，"
                    "请与数据局联系，由管理员重新登记。",
                    c.sha,
                )
            )
    return found


def _validate(git_dir: Path, tip: str, policy, today: date, out: Outcome) -> None:
    from xmgl.domain.rules import check
    from xmgl.dossier.gitread import load_from_git
    from xmgl.errors import DossierError

    say = out.lines
    try:
        d = load_from_git(git_dir, tip)
    except DossierError as err:
        lines = [f"{p.location()}：{p.message}" for p in err.problems] or [err.message]
        errors = [(ln, "") for ln in lines]
    else:
        errors = [
            (
                f"{f.location.file}:{f.location.line} [{f.rule}] {f.clause}：{f.message}",
                getattr(f, "hint", "") or "",
            )
            for f in check(d, today)
            if str(f.severity) == "error"
        ]
    if not errors:
        say += wrap(f"✓ 校验通过（{today.isoformat()}）：没有错误。")
        return
    verdict = "按本服务器的规定，拒绝接收" if policy.refuse_validate_errors else "仍予接收"
    say += wrap(
        f"{'✗' if policy.refuse_validate_errors else '!'} 校验发现 {len(errors)} 个错误"
        f"（xmgl validate，{today.isoformat()}），{verdict}："
    )
    for text, hint in errors[:MAX_VALIDATE_ERRORS]:
        say += wrap(text, "  ")
        if hint and policy.refuse_validate_errors:
            say += wrap(f"怎么改：{hint}", "    ")
    if len(errors) > MAX_VALIDATE_ERRORS:
        say.append(
            f"  …… 另有 {len(errors) - MAX_VALIDATE_ERRORS} 个，在本地运行 xmgl validate 查看。"
        )
    if policy.refuse_validate_errors:
        out.refused = True
        say += wrap("在本地运行 xmgl validate，改正这些错误并签名提交后再推送。")


# ---------------------------------------------------------------- post-receive
def post_receive(server: Server, git_dir: Path, updates: list[Update]) -> Outcome:
    """Record every accepted update of the main branch: receipt first, then the state."""
    import fcntl

    from xmgl.domain.stages import STAGES
    from xmgl.gitaudit.audit import RangeBase, verify_range
    from xmgl.server import receipts as rc

    project = project_of(git_dir)
    out = Outcome()
    main = main_ref(git_dir)
    lock_path = server.project_dir(project) / "lock"
    lock_path.parent.mkdir(parents=True, exist_ok=True)
    for u in updates:
        if u.ref != main or u.new in ZERO:
            continue
        fd = os.open(lock_path, os.O_RDWR | os.O_CREAT, 0o644)
        try:
            fcntl.flock(fd, fcntl.LOCK_EX)
            state = server.state(project)
            base = None
            if state is not None and is_ancestor(git_dir, state.tip, u.new):
                base = RangeBase(state.tip, state.visited)
            ra = verify_range(git_dir, u.new, base)
            total = count(git_dir, u.new)
            stage = ra.stage.current if ra.stage is not None else None
            since = ra.stage.since if ra.stage is not None else None
            if not ra.report.commits and state is not None:
                stage, since = state.stage, state.since

            def make(prev: str, state=state, total=total, stage=stage, ra=ra, u=u):
                return rc.Receipt(
                    time=now_utc(),
                    project=project,
                    old=state.tip if state is not None else None,
                    new=u.new,
                    added=len(ra.report.commits),
                    count=total,
                    stage=stage or "",
                    prev=prev,
                )

            receipt = rc.append(server.receipts, make)
            server.save_state(
                project, State(u.new, total, stage, since, tuple(ra.visited), receipt.time)
            )
        finally:
            os.close(fd)
        old = receipt.old[:12] if receipt.old else "（首次推送）"
        out.lines += wrap(
            f"数据局已接收并登记：项目 {project}，{old} → {u.new[:12]}"
            f"（新增 {receipt.added} 个提交，共 {receipt.count} 个），"
            f"阶段：{STAGES.get(stage or '', stage or '（无）')}，时间 {receipt.time}。"
        )
        out.lines.append("回执（请保存；核验：xmgl audit verify --anchor '回执'）：")
        out.lines.append(receipt.line())
    return out


# ---------------------------------------------------------------- entry
def run(kind: str, server_dir: Path, stdin: TextIO, stderr: TextIO, today: date) -> int:
    """Run one hook; never raises. A crash or a timeout refuses (pre-receive)."""
    import signal

    refusing = kind == "pre-receive"

    def expired(_signum, _frame):
        raise HookTimeout

    try:
        server = Server.open(server_dir)
        policy = server.policy()
        if hasattr(signal, "setitimer"):
            signal.signal(signal.SIGALRM, expired)
            signal.setitimer(signal.ITIMER_REAL, policy.timeout)
        git_dir = Path(os.environ.get("GIT_DIR", ".")).resolve()
        updates = parse_updates(stdin)
        if refusing:
            outcome = pre_receive(server, git_dir, updates, today)
        else:
            outcome = post_receive(server, git_dir, updates)
        if hasattr(signal, "setitimer"):
            signal.setitimer(signal.ITIMER_REAL, 0)
        for line in outcome.lines:
            stderr.write(line + "\n")
        stderr.flush()
        return 1 if outcome.refused else 0
    except HookTimeout:
        if refusing:
            text = (
                "推送被拒绝：数据局服务器的检查超时，这次推送没有被接收（仓库和回执日志都"
                "没有改变）。请稍后重试；仍然超时请联系服务器管理员。"
            )
        else:
            text = (
                "推送已被接收，但回执未能在时限内写入。下一次推送的回执会涵盖这次的提交；"
                "也可请服务器管理员补记。"
            )
    except BaseException as err:  # noqa: BLE001 - a hook must never accept by accident
        from xmgl.errors import XmglError

        why = err.message if isinstance(err, XmglError) else f"{type(err).__name__}: {err}"
        if refusing:
            text = (
                f"推送被拒绝：数据局服务器的检查程序出错（{why}），这次推送没有被接收。"
                "请稍后重试；仍然失败请把这段话发给服务器管理员。"
            )
        else:
            text = (
                f"推送已被接收，但回执未能写入（{why}）。下一次推送的回执会涵盖这次的提交；"
                "请把这段话发给服务器管理员。"
            )
    for line in wrap(text):
        stderr.write(line + "\n")
    stderr.flush()
    return 1 if refusing else 0


def main_stdin() -> TextIO:
    return sys.stdin
