"""``xmgl advance STAGE``: gate, stage record, one signed transition commit.

Everything that can refuse is checked before anything is written: the
dossier loads, the move is in the lifecycle table, the gate passes, the work
tree has no unrelated uncommitted changes, a signing key is configured and
``.xmgl/allowed_signers`` (as committed) allows it for the committer's e-mail.
The new ``project.yaml`` is rendered and checked in memory, and
:func:`xmgl.gitaudit.commit.signed_commit` makes the commit before the file in
the work tree changes — so a failure at any point leaves the dossier exactly as
it was.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path

from xmgl.domain import lifecycle
from xmgl.domain.gate import check_gate
from xmgl.domain.regulation import article_zh
from xmgl.domain.stages import STAGES, label
from xmgl.dossier.docpaths import document_paths
from xmgl.errors import PreconditionError, SigningError, UsageError
from xmgl.gitaudit import trailers as tr
from xmgl.gitaudit.git import repo_prefix


@dataclass(frozen=True)
class Plan:
    """What ``advance`` is about to commit (also what ``--dry-run`` shows)."""

    move: lifecycle.Transition
    on: date
    event: object
    actor: str
    email: str
    message: str
    write: dict[str, bytes]
    include: list[str]


@dataclass(frozen=True)
class Done:
    plan: Plan
    commit: str


def require_allowed_signer(root: Path, prefix: str, email: str):
    """The signing set-up, if ``.xmgl/allowed_signers`` at HEAD allows it for ``email``."""
    from xmgl.gitaudit import git as g
    from xmgl.gitaudit import policy, signing

    setup = signing.require_signing(root)
    if g.head(root) is None:
        raise PreconditionError(
            "档案还没有任何提交。", hint="用 “xmgl init” 新建档案，它会做首次签名提交。"
        )
    if setup.format == "openpgp":
        from xmgl.gitaudit import openpgp

        fpr = openpgp.fingerprint_of(setup.key_ref or email)
        listed = g.show_file(root, "HEAD", prefix + openpgp.SIGNERS)
        entries, _ = openpgp.parse((listed or b"").decode("utf-8", "replace"))
        if not any(e.fingerprint == fpr and e.principal == email for e in entries):
            raise SigningError(
                f"不能用这把 OpenPGP 密钥签名：{fpr} 没有在已提交的 {openpgp.SIGNERS} 中"
                f"登记给 {email}。审计会拒绝这样的提交。",
                hint="请一位已允许的签名人员运行 “xmgl signers add 你的邮箱 --gpg 你的指纹”。",
            )
        return setup
    if setup.format != "ssh":
        return setup
    text = g.show_file(root, "HEAD", prefix + signing.ALLOWED_SIGNERS)
    decision = policy.may_sign(
        (text or b"").decode("utf-8", "replace"),
        policy.public_key(setup.public.keytype, setup.public.key),
        email,
    )
    if not decision.allowed:
        why, hint = policy.explain(decision, email)
        raise SigningError(f"不能用这把密钥签名：{why}。审计会拒绝这样的提交。", hint=hint)
    return setup


def plan_advance(root: Path, target: str, on: date, *, today: date) -> Plan:
    from xmgl.dossier.loader import PROJECT_FILE, load_dossier
    from xmgl.dossier.writer import ProjectEdit
    from xmgl.gitaudit import git as g
    from xmgl.gitaudit.commit import unrelated_changes

    if target not in STAGES:  # a word typed wrong on the command line
        message, hint = lifecycle.illegal_move_message("", target)
        raise UsageError(message, hint=hint)
    if on > today:
        raise PreconditionError(
            f"变更日期 {on.isoformat()} 晚于今天（{today.isoformat()}）。",
            hint="阶段变更只能记录已经发生的事；用 --date 写实际日期。",
        )
    dossier = load_dossier(root)
    source = dossier.stage_name
    visited = lifecycle.visited_stages(dossier)
    move = lifecycle.find_move(source, target, visited)
    if move is None:
        message, hint = lifecycle.illegal_move_message(source, target, visited)
        raise PreconditionError(message, hint=hint)
    findings, just = check_gate(dossier, move, on)
    if findings:
        raise PreconditionError(_gate_message(move, findings), hint=_gate_hint(findings))

    top, prefix = repo_prefix(root)
    g.branch(root)  # a detached HEAD is refused before anything else (even for --dry-run)
    name, email = g.identity(root)
    require_allowed_signer(root, prefix, email)

    edit = ProjectEdit(root)
    edit.set_stage(target, on)
    edit.add_record(
        {
            "kind": "stage_change",
            "date": on,
            "from_stage": source,
            "to_stage": target,
            "actor": name,
        }
    )
    new, new_dossier = edit.checked()
    docs = {prefix + p for p in document_paths(new_dossier)}
    project = prefix + PROJECT_FILE
    unrelated = unrelated_changes(root, {project, *docs})
    if unrelated:
        listing = "\n".join(f"  {xy} {path}" for xy, path in unrelated[:20])
        more = f"\n  ……另有 {len(unrelated) - 20} 项" if len(unrelated) > 20 else ""
        raise PreconditionError(
            "工作区有与这次阶段变更无关的未提交修改，阶段变更提交不会夹带它们：\n" + listing + more,
            hint="先提交（git commit -S）或撤销（git restore）这些修改，再运行 xmgl advance。",
        )
    changed = {path for _xy, path in g.status(root)}
    include = sorted(p for p in docs if p in changed)
    message = transition_message(move, on, just.record, name, email)
    return Plan(
        move=move,
        on=on,
        event=just.record,
        actor=name,
        email=email,
        message=message,
        write={project: new},
        include=include,
    )


def advance(root: Path, target: str, on: date, *, today: date) -> Done:
    from xmgl.gitaudit.commit import signed_commit

    plan = plan_advance(root, target, on, today=today)
    sha = signed_commit(root, plan.message, write=plan.write, include=plan.include)
    return Done(plan, sha)


def transition_message(move, on: date, event, name: str, email: str) -> str:
    source, target = STAGES[move.source], STAGES[move.target]
    what = lifecycle.event_summary(event)
    body = (
        f"依据{move.articles_text()}：{move.zh}。\n"
        f"事由：{_record_zh(event)} {what}。\n"
        f"变更日期：{on.isoformat()}；经办人：{name}。"
    )
    return tr.compose(
        f"阶段变更：{source} → {target}",
        body,
        [
            (tr.FROM_STAGE, move.source),
            (tr.TO_STAGE, move.target),
            (tr.DATE, on.isoformat()),
            (tr.ARTICLES, move.articles_text()),
            (tr.EVENT, what),
            (tr.ACTOR, f"{name} <{email}>"),
        ],
    )


def _record_zh(record) -> str:
    from xmgl.domain.schema import RECORD_KINDS

    return RECORD_KINDS[record.kind].zh


def _gate_message(move, findings) -> str:
    lines = [
        f"不能进入 {label(move.target)}：门槛未通过，有 {len(findings)} 项错误"
        f"（{move.articles_text()}）。"
    ]
    for f in findings:
        lines.append(f"  ✗ {f.message}")
        if f.clause.startswith("第") or not f.article:
            cite = f.clause
        else:
            cite = article_zh(f.article) + f.clause
        facts = [f"依据 {cite}"] if cite else []
        facts.append(f"规则 {f.rule}")
        if f.location.line:
            facts.append(f"位置 {f.location}")
        lines.append("    " + " · ".join(facts))
        if f.hint:
            lines.append(f"    提示：{f.hint}")
    lines.append("档案未被修改。")
    return "\n".join(lines)


def _gate_hint(findings) -> str:
    return "逐项处理后再运行 xmgl advance；用 “xmgl stages” 查看每一步需要的记录。"
