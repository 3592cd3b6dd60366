"""``xmgl audit verify``: can a stranger trust this dossier's history?

For every commit reachable from HEAD (replace refs and grafts ignored, every
object re-hashed):

* a valid SSH signature, made with a key that ``.xmgl/allowed_signers`` lists
  **as of the parent commit** for the ``git`` namespace at the committer date
  (the first commit is judged by its own file: it is the trust root, whose key
  fingerprints are printed for comparison out of band);
* the committer's e-mail is one of the principals listed for that key;
* no wildcard, negated or ``cert-authority`` lines in the file;
* the stage in ``project.yaml`` changes only in a transition commit whose
  trailers name the stages before and after and a move the lifecycle table
  allows (given the stages visited so far);
* with an anchor handed out earlier (commit and count), the anchor is an
  ancestor of HEAD and the count is the same.

The signature check runs in process (fast, cached) or through git and
ssh-keygen (``--reference``); everything else is the same code for both.
"""

from __future__ import annotations

import re
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TypeAlias

from xmgl.domain import lifecycle
from xmgl.domain.stages import label
from xmgl.gitaudit import auditsig as sig
from xmgl.gitaudit import trailers as tr
from xmgl.gitaudit.auditsource import CommitFacts, HistorySource
from xmgl.gitaudit.objects import Commit
from xmgl.gitaudit.stagescan import Stage

FAST = "fast"
REFERENCE = "reference"
ERROR = "error"
WARNING = "warning"


_INVISIBLE = re.compile(
    "[\x00-\x09\x0b-\x1f\x7f-\x9f\u061c\u200b-\u200f\u2028-\u202e\u2060-\u2069\ufeff]"
)


def visible(text: str | None, *, newlines: bool = False) -> str:
    """``text`` with every control, bidi or zero-width character shown as an escape.

    Commit subjects, names, e-mails and trailers are the signer's words: a crafted
    one must not redraw the terminal (``\\x1b[…``) or reorder a line (U+202E) so
    that an auditor reads a verdict the audit did not give. ``newlines`` keeps
    line feeds (for multi-line messages the audit wrote itself).
    """
    if not text:
        return text or ""

    def show(m: re.Match[str]) -> str:
        ch = m.group()
        if newlines and ch == "\n":
            return ch
        code = ord(ch)
        return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"

    pattern = _INVISIBLE if newlines else _INVISIBLE_LF
    return pattern.sub(show, text)


_INVISIBLE_LF = re.compile(_INVISIBLE.pattern[:-1] + "\n]")


@dataclass
class Finding:
    code: str
    message: str
    hint: str = ""
    commit: str | None = None
    severity: str = ERROR

    def __post_init__(self) -> None:
        self.message = visible(self.message, newlines=True)
        self.hint = visible(self.hint, newlines=True)

    def to_dict(self) -> dict[str, object]:
        return {
            "code": self.code,
            "severity": self.severity,
            "commit": self.commit,
            "message": self.message,
            "hint": self.hint,
        }


@dataclass
class CommitResult:
    sha: str
    parents: tuple[str, ...]
    committer: str
    committer_email: str
    committed: str
    subject: str
    kind: str
    trailers: dict[str, list[str]]
    stage: Stage | None
    signature: sig.SigVerdict | None
    findings: list[Finding] = field(default_factory=list)
    # the name listed for the verified key (parent's allowed_signers), only when it verified
    signer_name: str | None = None
    # the honoured lines of this commit's own allowed_signers: (principals, fingerprint, name)
    signers_lines: tuple[tuple[str, str, str], ...] = ()

    @property
    def ok(self) -> bool:
        return not any(f.severity == ERROR for f in self.findings)

    def trailer(self, key: str) -> str | None:
        return tr.one(self.trailers, key)

    def to_dict(self) -> dict[str, object]:
        s = self.signature
        return {
            "commit": self.sha,
            "parents": list(self.parents),
            "committer": self.committer,
            "committer_email": self.committer_email,
            "committed": self.committed,
            "subject": self.subject,
            "kind": self.kind,
            "from_stage": self.trailer(tr.FROM_STAGE),
            "to_stage": self.trailer(tr.TO_STAGE),
            "date": self.trailer(tr.DATE),
            "articles": self.trailer(tr.ARTICLES),
            "event": self.trailer(tr.EVENT),
            "actor": self.trailer(tr.ACTOR),
            "stage": None if self.stage is None else self.stage.current,
            "stage_since": None if self.stage is None else self.stage.since,
            "signature": None
            if s is None
            else {
                "status": s.status,
                "fingerprint": s.fingerprint,
                "principals": list(s.principals),
            },
            "signer_name": self.signer_name,
            "verdict": "pass" if self.ok else "fail",
            "findings": [f.to_dict() for f in self.findings],
        }


@dataclass
class AnchorResult:
    spec: str
    commit: str | None
    count: int | None
    ok: bool
    head_count: int | None = None

    def to_dict(self) -> dict[str, object]:
        return {
            "spec": self.spec,
            "commit": self.commit,
            "count": self.count,
            "ok": self.ok,
            "head_count": self.head_count,
        }


@dataclass
class AuditReport:
    method: str
    root: Path
    head: str | None
    commits: list[CommitResult]
    findings: list[Finding]
    trust_roots: list[tuple[str, list[tuple[str, str, str]]]]
    replace_refs: list[str]
    anchor: AnchorResult | None
    cache_hits: int = 0
    seconds: float = 0.0

    @property
    def ok(self) -> bool:
        return not any(f.severity == ERROR for f in self.all_findings())

    def all_findings(self) -> list[Finding]:
        out = list(self.findings)
        for c in self.commits:
            out += c.findings
        return out

    def failing_commits(self) -> list[CommitResult]:
        return [c for c in self.commits if not c.ok]

    def verdicts(self) -> dict[str, tuple[str, ...]]:
        """``{commit: sorted error codes}`` — what both verifiers must agree on."""
        out: dict[str, tuple[str, ...]] = {}
        for c in self.commits:
            out[c.sha] = tuple(sorted({f.code for f in c.findings if f.severity == ERROR}))
        out[""] = tuple(sorted({f.code for f in self.findings if f.severity == ERROR}))
        return out

    def to_dict(self) -> dict[str, object]:
        return {
            "verdict": "pass" if self.ok else "fail",
            "method": self.method,
            "dossier": str(self.root),
            "head": self.head,
            "count": len(self.commits),
            "transitions": sum(1 for c in self.commits if c.kind == "transition"),
            "trust_root": [
                {
                    "commit": sha,
                    "signers": [
                        {"principals": p, "fingerprint": fp, "name": name}
                        for p, fp, name in signers
                    ],
                }
                for sha, signers in self.trust_roots
            ],
            "replace_refs": self.replace_refs,
            "anchor": None if self.anchor is None else self.anchor.to_dict(),
            "findings": [f.to_dict() for f in self.findings],
            "failing_commits": [c.sha for c in self.failing_commits()],
            "commits": [c.to_dict() for c in self.commits],
            "cache_hits": self.cache_hits,
            "seconds": round(self.seconds, 3),
        }


# ---------------------------------------------------------------- entry point


def verify(
    root: Path,
    *,
    method: str = FAST,
    anchor: str | None = None,
    use_cache: bool = True,
) -> AuditReport:
    from xmgl.gitaudit import git as g
    from xmgl.gitaudit.git import repo_prefix

    started = time.perf_counter()
    root = Path(root).resolve()
    top, prefix = repo_prefix(root)
    refs, findings = _repository_findings(top)
    # the id HEAD names, without parsing the object (git refuses to peel a tampered
    # commit: that is a finding about the commit, never "no commits")
    said = g.git(top, "rev-parse", "--verify", "--quiet", "HEAD", check=False)
    head = said.stdout.decode().strip() if said.returncode == 0 else None
    if not head:
        findings.append(Finding("no-commits", "档案还没有任何提交，无可核验。"))
        return AuditReport(method, root, None, [], findings, [], refs, None)

    cache = None
    if method == FAST and use_cache:
        cache = sig.VerdictCache(g.git_path(top, "xmgl") / "audit-cache.json")
    with HistorySource(top, prefix) as src:
        ids = src.commit_ids(head)
        facts = src.facts(ids)
        by_sha = {f.sha: f for f in facts}
        verdicts = _signature_verdicts(top, facts, by_sha, method, cache, src.blob_ok)
        verdicts.update(_openpgp_verdicts(src, facts, by_sha))
        results, trust_roots = _judge(facts, by_sha, verdicts, findings)
        anchor_result = None
        if anchor is not None:
            anchor_result = _check_anchor(top, src, anchor, facts, method, findings)
    if cache is not None:
        cache.save()
    _worktree_stage(root, facts[-1] if facts else None, findings)
    report = AuditReport(
        method,
        root,
        head,
        results,
        findings,
        trust_roots,
        refs,
        anchor_result,
        cache_hits=cache.hits if cache else 0,
    )
    report.seconds = time.perf_counter() - started
    return report


def _repository_findings(top: Path) -> tuple[list[str], list[Finding]]:
    """What makes git show another history than the objects: replace refs, grafts, shallow.

    Both audits (:func:`verify`, :func:`verify_range`) report them; neither reads
    through them (every git call of the audit runs without replace refs, grafts
    and the commit-graph). Returns the replace refs' names and the findings.
    """
    from xmgl.gitaudit import git as g
    from xmgl.gitaudit.objects import replace_refs

    findings: list[Finding] = []
    refs = replace_refs(top)
    if refs:
        findings.append(
            Finding(
                "replace-refs",
                f"仓库中有替换引用（refs/replace）：{'、'.join(refs)}。git log 会在这些提交的"
                "哈希下显示另一个对象；本审计已忽略替换，核验的是原始对象。",
                "替换引用可以让人看到与签名不符的内容，审计记录中不应存在。"
                "确认后用 git replace -d 删除它们。",
            )
        )
    if g.git_path(top, "info/grafts").exists():
        findings.append(
            Finding(
                "grafts",
                "仓库中有 .git/info/grafts（已废弃的嫁接文件），它能改变 git 看到的父提交；"
                "本审计已忽略它。",
                "删除 .git/info/grafts。",
            )
        )
    if g.text(top, "rev-parse", "--is-shallow-repository") == "true":
        findings.append(
            Finding(
                "shallow",
                "这是浅克隆（shallow clone）：历史不完整，无法核验到信任根。",
                "运行 git fetch --unshallow 取得完整历史后再核验。",
            )
        )
    return refs, findings


@dataclass(frozen=True)
class RangeBase:
    """A commit already audited (by whoever keeps the record): a range audit stands on it.

    ``visited`` are the stages the history had visited up to and including it, as
    the full audit computed them (the lifecycle's side stages depend on them).
    """

    commit: str
    visited: tuple[str, ...]


@dataclass
class RangeAudit:
    report: AuditReport
    stage: Stage | None
    """The stage at the tip, as the audit read it."""
    visited: tuple[str, ...]
    """The stages visited up to the tip: the ``RangeBase`` of the next range."""


def verify_range(git_dir: Path, tip: str, base: RangeBase | None = None) -> RangeAudit:
    """Audit the commits reachable from ``tip`` but not from ``base.commit``, in any repository.

    The same judgement as :func:`verify`, applied to the new commits only: each is
    judged by its parents' allowed signers and stage, and the parents below the
    range are taken as ``base`` says (already audited). Without ``base`` the whole
    history of ``tip`` is audited, as :func:`verify` does for HEAD. Works in a bare
    repository and inside git's pre-receive quarantine (objects not yet in a ref);
    no work tree is looked at and no cache is read or written. A root commit
    inside a range that has a base is a second trust root: ``multiple-roots``.
    """
    from xmgl.gitaudit.objects import rev_list

    started = time.perf_counter()
    top = Path(git_dir)
    refs, findings = _repository_findings(top)
    # the range as the commit objects say (no grafts, replace refs or commit-graph)
    ids = rev_list(top, tip, exclude=base.commit if base is not None else None)
    with HistorySource(top) as src:
        facts = src.facts(ids)
        in_range = {f.sha for f in facts}
        below = sorted(
            {p for f in facts for p in f.parents if p not in in_range},
        )
        below_facts = src.facts(below)
        by_sha = {f.sha: f for f in [*below_facts, *facts]}
        state: dict[str, tuple[Stage | None, tuple[str, ...]]] = {}
        for f in below_facts:
            state[f.sha] = (f.stage, base.visited if base is not None else ())
        verdicts = _signature_verdicts(top, facts, by_sha, FAST, None, src.blob_ok)
        verdicts.update(_openpgp_verdicts(src, facts, by_sha))
        results, trust_roots = _judge(facts, by_sha, verdicts, findings, state)
    if base is not None:
        for sha, _signers in trust_roots:
            findings.append(
                Finding(
                    "multiple-roots",
                    f"推送的提交中有另一个首次提交（根提交）{sha[:12]}：一个档案只能有一个信任根。",
                    "不要把另一个仓库的历史合并进档案；从服务器上的历史继续工作（git pull）。",
                    sha,
                )
            )
    report = AuditReport(FAST, top, tip, results, findings, trust_roots, refs, None)
    report.seconds = time.perf_counter() - started
    stage, visited = state.get(tip, (None, base.visited if base is not None else ()))
    return RangeAudit(report, stage, visited)


# ---------------------------------------------------------------- signatures


def _judging_blobs(f: CommitFacts, by_sha: dict[str, CommitFacts]) -> list[str | None]:
    """The allowed_signers blobs a commit is judged by: its parents' (its own if a root)."""
    if not f.parents:
        return [f.signers_blob]
    return [by_sha[p].signers_blob if p in by_sha else None for p in f.parents]


_SEVERITY_ORDER = {
    sig.BAD: 0,
    sig.UNSIGNED: 1,
    sig.UNSUPPORTED: 2,
    sig.KEY_REVOKED: 3,
    sig.SIG_EXPIRED: 3,
    sig.KEY_EXPIRED: 3,
    sig.KEY_NOT_YET_VALID: 3,
    sig.WRONG_NAMESPACE: 3,
    sig.NOT_ALLOWED: 3,
    sig.NOT_COMMITTER: 4,
    sig.GOOD: 5,
}


BySha: TypeAlias = "dict[str, CommitFacts]"
"""The commits read, by id (those judged and, in a range, the parents they stand on)."""
Add: TypeAlias = "Callable[[Finding], None]"
"""Where a judge puts a commit's findings."""
StageState: TypeAlias = "tuple[Stage | None, tuple[str, ...]]"
"""A commit's stage and the stages visited up to it."""
SignerLines: TypeAlias = "tuple[tuple[str, str, str], ...]"
"""A signers file's lines: (principals, fingerprint, name), made visible."""
TrustRoot: TypeAlias = "tuple[str, list[tuple[str, str, str]]]"
"""A root commit and the signers it lists."""


def _cacheable(f: CommitFacts, blob: str | None, blob_ok: Callable[[str | None], bool]) -> bool:
    """A verdict may be cached only if every object it read hashed to its id."""
    c = f.commit
    if c is None:
        return False
    return not f.tampered and not f.malformed_trees and not c.anomalies and blob_ok(blob)


def _signature_verdicts(
    top: Path,
    facts: list[CommitFacts],
    by_sha: BySha,
    method: str,
    cache: sig.VerdictCache | None,
    blob_ok: Callable[[str | None], bool],
) -> dict[str, sig.SigVerdict]:
    signers_cache: dict[str | None, sig.SignersFile] = {}
    texts: dict[str | None, str | None] = {None: None}
    for f in by_sha.values():  # the commits judged and, in a range, the parents they stand on
        if f.signers_blob is not None:
            texts[f.signers_blob] = f.signers_text

    def signers(blob: str | None) -> sig.SignersFile:
        if blob not in signers_cache:
            signers_cache[blob] = sig.read_signers(texts.get(blob))
        return signers_cache[blob]

    per: dict[tuple[str, str | None], sig.SigVerdict] = {}
    # OpenPGP commits go to gpg; a date no calendar has gets no signature verdict
    # on either path (the audit reports the date instead).
    facts = [
        f
        for f in facts
        if f.commit is None
        or not (sig.is_openpgp(f.commit) or f.commit.committer.timestamp > sig.LAST_DATE)
    ]
    if method == REFERENCE:
        groups: dict[str | None, list[Commit]] = {}
        for f in facts:
            if f.commit is None:
                continue
            for blob in _judging_blobs(f, by_sha):
                groups.setdefault(blob, []).append(f.commit)
        for blob, commits in groups.items():
            got = sig.reference_verdicts(top, commits, signers(blob), texts.get(blob))
            for sha, v in got.items():
                per[(sha, blob)] = v
    else:
        for f in facts:
            if f.commit is None:
                continue
            for blob in _judging_blobs(f, by_sha):
                trusted = cache is not None and _cacheable(f, blob, blob_ok)
                cached = cache.get(f.sha, blob) if cache is not None and trusted else None
                if cached is None:
                    cached = sig.fast_verdict(f.commit, signers(blob))
                    if cache is not None and trusted:
                        cache.put(f.sha, blob, cached)
                per[(f.sha, blob)] = cached
    out: dict[str, sig.SigVerdict] = {}
    for f in facts:
        if f.commit is None:
            continue
        vs = [per[(f.sha, b)] for b in _judging_blobs(f, by_sha)]
        out[f.sha] = min(vs, key=lambda v: _SEVERITY_ORDER.get(v.status, -1))
    return out


def _openpgp_verdicts(
    src: HistorySource, facts: list[CommitFacts], by_sha: BySha
) -> dict[str, sig.SigVerdict]:
    """OpenPGP-signed commits: gpg, with the keys listed as of each parent (both methods)."""
    from xmgl.gitaudit import openpgp

    out: dict[str, sig.SigVerdict] = {}
    for f in facts:
        if f.commit is None or not sig.is_openpgp(f.commit):
            continue
        judges = [f] if not f.parents else [by_sha[p] for p in f.parents if p in by_sha]
        verdicts = []
        for j in judges:
            entries, _bad = openpgp.parse(j.openpgp_text)
            keys, bad = src.openpgp_keys(j.sha, {e.fingerprint for e in entries})
            for what in bad:
                if what not in f.tampered:
                    f.tampered.append(what)
            verdicts.append(sig.pgp_verdict(f.commit, j.openpgp_text, keys))
        if verdicts:
            out[f.sha] = min(verdicts, key=lambda v: _SEVERITY_ORDER.get(v.status, -1))
    return out


# ---------------------------------------------------------------- judgement


def _judge(
    facts: list[CommitFacts],
    by_sha: BySha,
    verdicts: dict[str, sig.SigVerdict],
    repo_findings: list[Finding],
    state: dict[str, StageState] | None = None,
) -> tuple[list[CommitResult], list[TrustRoot]]:
    """Judge ``facts`` in order; ``state`` ({commit: (stage, visited)}) may hold the parents
    a range stands on (:func:`verify_range`) and receives the state of each commit judged."""
    results: list[CommitResult] = []
    windows: dict[str | None, dict[str, bool]] = {}  # signers blob -> {fingerprint: has window}
    lines_cache: dict[str | None, SignerLines] = {}
    if state is None:
        state = {}
    trust_roots: list[TrustRoot] = []
    roots = [f for f in facts if f.commit is not None and not f.parents]
    if len(roots) > 1:
        repo_findings.append(
            Finding(
                "multiple-roots",
                f"历史中有 {len(roots)} 个首次提交（根提交）：{'、'.join(f.sha[:12] for f in roots)}。"
                "一个档案只能有一个信任根。",
                "查明多出的根提交从何而来（合并了另一个仓库？）。",
            )
        )
    for f in facts:
        c = f.commit
        if c is None:
            result = CommitResult(f.sha, (), "", "", "", "", "other", {}, None, None)
            result.findings.append(
                Finding("object-missing", "无法读取提交：" + "；".join(f.missing), commit=f.sha)
            )
            results.append(result)
            continue
        trailers = tr.parse(c.message)
        shown = {k: [visible(v) for v in vs] for k, vs in trailers.items()}
        result = CommitResult(
            sha=f.sha,
            parents=c.parents,
            committer=visible(c.committer.name),
            committer_email=visible(c.committer.email),
            committed=c.committer.datetime.isoformat() if c.committer.date_ok else "",
            subject=visible(c.message.split("\n", 1)[0]),
            kind=tr.kind(trailers),
            trailers=shown,
            stage=f.stage,
            signature=verdicts.get(f.sha),
        )
        add = result.findings.append
        if f.tampered:
            add(
                Finding(
                    "object-tampered",
                    "对象内容与其哈希不符（对象库被改动过）：" + "；".join(f.tampered) + "。",
                    "从可信的副本重新取得档案；运行 git fsck --full 查看所有损坏的对象。",
                    f.sha,
                )
            )
        if f.missing:
            add(Finding("object-missing", "缺少对象：" + "；".join(f.missing), commit=f.sha))
        _judge_shape(f, add)
        if not f.parents:
            trust_roots.append((f.sha, _root_signers(f)))
        _judge_signers_file(f, by_sha, add)
        _judge_signature(f, by_sha, result.signature, add)
        _window_caveat(f, by_sha, result.signature, add, windows)
        result.signers_lines = _lines_of(f, lines_cache)
        result.signer_name = _signer_name(f, by_sha, result.signature, lines_cache)
        state[f.sha] = _judge_stage(f, by_sha, state, trailers, add)
        results.append(result)
    return results, trust_roots


def _judge_shape(f: CommitFacts, add: Add) -> None:
    """What git could read differently from the audit, and dates no calendar has."""
    c = f.commit
    assert c is not None  # only readable commits are judged
    if c.anomalies:
        add(
            Finding(
                "malformed-commit",
                "提交对象的格式有歧义，git 与审计可能读出不同的内容："
                + "；".join(c.anomalies)
                + "。",
                "正常的 git 和 xmgl 不会写出这样的提交：从可信的副本重新取得档案，"
                "并用 git fsck --full 检查。",
                f.sha,
            )
        )
    if f.malformed_trees:
        add(
            Finding(
                "malformed-tree",
                "目录树对象的格式有歧义，git 与审计可能读出不同的文件："
                + "；".join(f.malformed_trees)
                + "。",
                "正常的 git 不会写出这样的目录树：从可信的副本重新取得档案，并用 git fsck --full 检查。",
                f.sha,
            )
        )
    trailing = c.signature_trailing
    if trailing:
        add(
            Finding(
                "signature-trailing-data",
                f"签名的结束行之后还有 {len(trailing.encode())} 个字节的数据：这些数据不受签名保护，"
                "git 和 ssh-keygen 都忽略它，却会改变提交的哈希（可用来伪造哈希前缀）。",
                "签名之后不应有任何内容：从可信的副本重新取得档案，核对完整的锚点哈希。",
                f.sha,
            )
        )
    if not c.committer.date_ok:
        add(
            Finding(
                "date-unreadable",
                f"提交者日期的时间戳 {c.committer.timestamp} 不是可用的日期"
                "（早于 1970 年或超出公元 9999 年）：名单有效期无法按它判断。",
                "提交日期由签名人自己填写，不应有这样的值：查明提交是怎样产生的。",
                f.sha,
            )
        )


def _root_signers(f: CommitFacts) -> list[tuple[str, str, str]]:
    from xmgl.gitaudit import openpgp

    found = sig.read_signers(f.signers_text).fingerprints()
    entries, _ = openpgp.parse(f.openpgp_text)
    found += [(e.principal, f"OpenPGP {e.fingerprint}", e.name) for e in entries if not e.wildcard]
    return [(visible(p), visible(fp), visible(name)) for p, fp, name in found]


def _judge_signers_file(f: CommitFacts, by_sha: BySha, add: Add) -> None:
    from xmgl.gitaudit import openpgp

    first_parent = by_sha.get(f.parents[0]) if f.parents else None
    if first_parent is None or first_parent.openpgp_blob != f.openpgp_blob:
        entries, _bad = openpgp.parse(f.openpgp_text)
        for e in entries:
            if e.wildcard:
                add(
                    Finding(
                        "wildcard-principal",
                        f"{openpgp.SIGNERS} 第 {e.line_no} 行使用了通配符或否定的身份"
                        f"“{e.principal}”：审计不承认这一行。",
                        "每行只写一个确切的邮箱（签名人员的 git 提交邮箱）。",
                        f.sha,
                    )
                )
    changed = first_parent is None or first_parent.signers_blob != f.signers_blob
    if not changed:
        return
    parsed = sig.read_signers(f.signers_text)
    if not f.parents and not _root_signers(f):
        add(
            Finding(
                "no-trust-root",
                "首次提交中没有 .xmgl/allowed_signers，或其中没有可用的公钥：没有信任根。",
                "用 xmgl init --signing-key 新建档案：首次提交登记并使用签名密钥。",
                f.sha,
            )
        )
    for line, principals, why in parsed.rejected:
        if why == "local-time":
            add(
                Finding(
                    "signers-local-time",
                    f".xmgl/allowed_signers 第 {line} 行的有效期没有写 Z（UTC）：ssh-keygen 会按"
                    "核验者所在的时区理解它，结论会因地而异，审计不承认这一行。",
                    '有效期一律写成 UTC，如 valid-after="20260101Z"（xmgl signers add 就是这样写的）。',
                    f.sha,
                )
            )
            continue
        what = (
            "cert-authority 行" if why == "cert-authority" else f"通配符或否定的身份 “{principals}”"
        )
        add(
            Finding(
                "wildcard-principal",
                f".xmgl/allowed_signers 第 {line} 行使用了{what}：审计不承认这一行。",
                "每行只写一个确切的邮箱（签名人员的 git 提交邮箱）。",
                f.sha,
            )
        )
    for line, _text, reason in parsed.invalid:
        add(
            Finding(
                "signers-invalid-line",
                f".xmgl/allowed_signers 第 {line} 行无法识别（{reason}），已忽略。",
                "用 xmgl signers add/remove 维护名单，不要手工编辑。",
                f.sha,
                WARNING,
            )
        )


def _judge_signature(f: CommitFacts, by_sha: BySha, v: sig.SigVerdict | None, add: Add) -> None:
    if v is None or v.status == sig.GOOD:
        return
    assert f.commit is not None  # only readable commits have a verdict
    email = f.commit.committer.email
    if v.status == sig.UNSIGNED:
        add(
            Finding(
                "unsigned",
                "提交未签名。",
                "档案中的每个提交都必须签名（xmgl advance、xmgl record --commit 或 git commit -S）。",
                f.sha,
            )
        )
    elif v.status == sig.BAD:
        add(
            Finding(
                "bad-signature",
                f"签名无效：提交内容与签名不符（{v.reason}）——提交在签名后被改动，或签名是伪造的。",
                "从可信的副本重新取得档案，与市数据局保存的锚点核对。",
                f.sha,
            )
        )
    elif v.status == sig.UNSUPPORTED:
        add(
            Finding(
                "unsupported-signature",
                f"无法核验的签名：{v.reason}。",
                "xmgl 的审计核验 SSH 签名；用 xmgl signers keygen 生成 SSH 密钥签名。",
                f.sha,
            )
        )
    elif v.status == sig.NOT_ALLOWED:
        from xmgl.gitaudit import openpgp

        own = sig.read_signers(f.signers_text)
        own_fps = {fp for _p, fp, _n in own.fingerprints()}
        pgp, _ = openpgp.parse(f.openpgp_text)
        own_fps |= {
            e.fingerprint
            for e in pgp
            if v.fingerprint and e.fingerprint.endswith(v.fingerprint.upper())
        }
        if v.fingerprint in own_fps or any(
            v.fingerprint and fp.endswith(str(v.fingerprint)) for fp in own_fps
        ):
            own_fps.add(str(v.fingerprint))
        parents_known = all(p in by_sha and by_sha[p].commit is not None for p in f.parents)
        if not f.parents:
            add(
                Finding(
                    "key-not-allowed",
                    f"信任根的签名密钥 {v.fingerprint} 不在它自己的 .xmgl/allowed_signers 中。",
                    "用 xmgl init --signing-key 新建档案。",
                    f.sha,
                )
            )
        elif not parents_known:
            add(
                Finding(
                    "key-not-allowed",
                    f"无法读取上一提交，签名密钥 {v.fingerprint} 没有可依据的名单"
                    "（浅克隆或对象缺失）。",
                    "取得完整的历史（git fetch --unshallow）后再核验。",
                    f.sha,
                )
            )
        elif v.fingerprint in own_fps:
            add(
                Finding(
                    "self-authorized",
                    f"该提交把自己的签名密钥 {v.fingerprint} 加入了 .xmgl/allowed_signers："
                    "签名密钥必须已在上一提交的名单中，自己授权自己无效。",
                    "应先由一位已允许的签名人员做登记提交（xmgl signers add），再由新人员签名提交。",
                    f.sha,
                )
            )
        else:
            add(
                Finding(
                    "key-not-allowed",
                    f"签名密钥 {v.fingerprint} 不在上一提交的 .xmgl/allowed_signers 中。",
                    "签名人员须先由已允许的人员用 xmgl signers add 登记；登记之后的提交才有效。",
                    f.sha,
                )
            )
    elif v.status == sig.KEY_NOT_YET_VALID:
        add(
            Finding(
                "key-not-yet-valid",
                f"签名密钥 {v.fingerprint} 在上一提交的名单中登记了有效期（valid-after），"
                f"提交时（{_when(f)}）有效期还没有开始。",
                "有效期开始后再签名；或由已允许的人员更正登记的有效期。",
                f.sha,
            )
        )
    elif v.status == sig.WRONG_NAMESPACE:
        add(
            Finding(
                "key-wrong-namespace",
                f"签名密钥 {v.fingerprint} 在上一提交的名单中登记的用途（namespaces）不含 git，"
                "不能签名提交。",
                '由已允许的人员按 namespaces="git" 重新登记（xmgl signers add）。',
                f.sha,
            )
        )
    elif v.status == sig.KEY_REVOKED:
        add(
            Finding(
                "key-revoked",
                f"签名密钥 {v.fingerprint} 已被吊销（{v.reason}）：吊销之后的签名不能作为依据。",
                "由仍有效的签名人员重新做这次变更；从名单中移除被吊销的密钥（xmgl signers remove）。",
                f.sha,
            )
        )
    elif v.status == sig.KEY_EXPIRED:
        add(
            Finding(
                "key-expired",
                f"签名密钥 {v.fingerprint} 在提交时（{_when(f)}）已过期"
                f"（{v.reason or '超出上一提交名单中登记的有效期 valid-before'}）。",
                "由仍在有效期内的签名人员重新做这次变更；需要延长时由已允许的人员更新名单。",
                f.sha,
            )
        )
    elif v.status == sig.SIG_EXPIRED:
        add(
            Finding(
                "signature-expired",
                f"签名本身已过期（{v.reason}）。",
                "由有效的签名人员重新签名这次变更。",
                f.sha,
            )
        )
    elif v.status == sig.NOT_COMMITTER:
        add(
            Finding(
                "signer-not-committer",
                f"签名者与提交者不符：密钥 {v.fingerprint} 登记给 {'、'.join(v.principals)}，"
                f"提交者邮箱却是 {email}。",
                "每个人用自己的密钥、以自己的邮箱提交（检查 git config user.email）。",
                f.sha,
            )
        )


def _when(f: CommitFacts) -> str:
    assert f.commit is not None  # only readable commits are judged
    c = f.commit.committer
    return c.datetime.strftime("%Y-%m-%d %H:%M %z") if c.date_ok else str(c.timestamp)


def _judge_stage(
    f: CommitFacts,
    by_sha: BySha,
    state: dict[str, StageState],
    trailers: dict[str, list[str]],
    add: Add,
) -> StageState:
    """Check the stage change of one commit; return its (stage, visited) state."""
    parents = [p for p in f.parents if p in state]
    parent_states = [state[p] for p in parents]
    stage = f.stage
    if f.stage_error is not None:
        add(
            Finding(
                "stage-unreadable",
                f"此提交中的 project.yaml 无法读取阶段：{f.stage_error}。",
                "project.yaml 必须是有效的 YAML；运行 xmgl validate 查看问题。",
                f.sha,
            )
        )
        return parent_states[0] if parent_states else (None, ())
    if not parent_states:  # the trust root (or a commit whose parent is unreadable)
        return stage, ((stage.current,) if stage and stage.current else ())
    # A merge keeps its first parent's stage and stage date: stage changes happen
    # only in single-parent transition commits (docs/audit.md).
    before, visited = parent_states[0]
    is_transition = tr.FROM_STAGE in trailers or tr.TO_STAGE in trailers
    changed = before != stage
    if len(f.parents) > 1 and (changed or is_transition):
        b, a = before or Stage(None, None), stage or Stage(None, None)
        add(
            Finding(
                "merge-stage-changed",
                f"合并提交改变了阶段：第一个父提交是 {_stage_label(b.current)}（{_since_label(b.since)}），"
                f"合并后是 {_stage_label(a.current)}（{_since_label(a.since)}）。合并提交必须保持"
                "第一个父提交的阶段，阶段只能在单父的阶段变更提交中变更。",
                "在主线上用 xmgl advance 做阶段变更；合并分支时保留主线的 project.yaml 阶段。",
                f.sha,
            )
        )
        return stage, visited  # flagged once; later commits compare with what the file says
    if is_transition:
        _judge_transition(f, before, stage, visited, trailers, add)
    elif changed:
        b, a = before or Stage(None, None), stage or Stage(None, None)
        if b.current != a.current:
            add(
                Finding(
                    "stage-edited",
                    f"阶段被直接修改：{_stage_label(b.current)} → {_stage_label(a.current)}，"
                    "但这个提交不是阶段变更提交（没有 Xmgl-From-Stage / Xmgl-To-Stage）。",
                    "阶段只能用 xmgl advance 变更：撤回这次修改（git revert），再用 xmgl advance。",
                    f.sha,
                )
            )
        else:
            add(
                Finding(
                    "stage-edited",
                    f"阶段日期被直接修改：{_since_label(b.since)} → {_since_label(a.since)}"
                    f"（阶段仍是 {_stage_label(a.current)}），"
                    "但这个提交不是阶段变更提交。",
                    "阶段和进入日期只能由 xmgl advance 写入；撤回这次修改。",
                    f.sha,
                )
            )
    if stage is not None and stage.current and (before is None or before.current != stage.current):
        visited = (*visited, stage.current)
    return stage, visited


def _stage_label(stage: str | None) -> str:
    return label(stage) if stage else "（无）"


def _since_label(since: str | None) -> str:
    """A stage's date as a message shows it: a file without one says 无日期, never None."""
    return since or "无日期"


def _judge_transition(
    f: CommitFacts,
    before: Stage | None,
    after: Stage | None,
    visited: tuple[str, ...],
    trailers: dict[str, list[str]],
    add: Add,
) -> None:
    source = tr.one(trailers, tr.FROM_STAGE)
    target = tr.one(trailers, tr.TO_STAGE)
    day = tr.one(trailers, tr.DATE)
    if source is None or target is None:
        add(
            Finding(
                "trailer-mismatch",
                "阶段变更提交的 Xmgl-From-Stage / Xmgl-To-Stage 缺失或重复。",
                "阶段变更提交只能由 xmgl advance 生成。",
                f.sha,
            )
        )
        return
    problems = []
    if (before.current if before else None) != source:
        problems.append(
            f"提交说明写从 {_stage_label(source)} 变更，但上一提交中的阶段是 "
            f"{_stage_label(before.current if before else None)}"
        )
    if (after.current if after else None) != target:
        problems.append(
            f"提交说明写变更为 {_stage_label(target)}，但本提交中的阶段是 "
            f"{_stage_label(after.current if after else None)}"
        )
    if day is not None and after is not None and after.since != day:
        problems.append(
            f"Xmgl-Date 为 {day}，但 project.yaml 中的进入日期是 {_since_label(after.since)}"
        )
    for p in problems:
        add(
            Finding(
                "trailer-mismatch",
                p + "。",
                "阶段变更提交只能由 xmgl advance 生成，提交说明与 project.yaml 必须一致。",
                f.sha,
            )
        )
    _judge_dates(f, before, day, add)
    move = lifecycle.find_move(source, target, visited)
    if move is None:
        message, hint = lifecycle.illegal_move_message(source, target, visited)
        add(
            Finding(
                "illegal-transition",
                f"非法阶段跳转：{_stage_label(source)} → {_stage_label(target)} "
                "不在阶段变更表中（见 xmgl stages）。",
                hint,
                f.sha,
            )
        )


FAR_DAYS = 31  # a transition signed more than this long after its claimed date is flagged


def _lines_of(f: CommitFacts, cache: dict[str | None, SignerLines]) -> SignerLines:
    known = cache.get(f.signers_blob)
    if known is None:
        found = sig.read_signers(f.signers_text).fingerprints()
        known = tuple((visible(p), visible(fp), visible(n)) for p, fp, n in found)
        cache[f.signers_blob] = known
    return known


def _signer_name(
    f: CommitFacts,
    by_sha: BySha,
    v: sig.SigVerdict | None,
    cache: dict[str | None, SignerLines],
) -> str | None:
    """The name listed with the verified key and principal, in the list that judged it."""
    if v is None or v.status != sig.GOOD or not v.fingerprint or f.commit is None:
        return None
    judges = [by_sha[p] for p in f.parents if p in by_sha] if f.parents else [f]
    email = visible(f.commit.committer.email)
    for j in judges:
        for principals, fp, name in _lines_of(j, cache):
            if fp == v.fingerprint and email in principals.split(","):
                return name or email
    if sig.is_openpgp(f.commit):
        from xmgl.gitaudit import openpgp

        for j in judges:
            for e in openpgp.parse(j.openpgp_text)[0]:
                if e.fingerprint == v.fingerprint and e.principal == f.commit.committer.email:
                    return visible(e.name) or email
    return email


def _window_caveat(
    f: CommitFacts,
    by_sha: BySha,
    v: sig.SigVerdict | None,
    add: Add,
    windows: dict[str | None, dict[str, bool]],
) -> None:
    """Say so when a verdict rests on a validity window (judged at a date the signer chose)."""
    if v is None or not v.fingerprint or v.status in (sig.BAD, sig.UNSIGNED):
        return
    judges = [by_sha[p] for p in f.parents if p in by_sha] if f.parents else [f]
    for j in judges:
        known = windows.get(j.signers_blob)
        if known is None:
            known = {}
            for line in sig.read_signers(j.signers_text).honored:
                fp = line.key.fingerprint
                has = line.valid_after is not None or line.valid_before is not None
                known[fp] = known.get(fp, False) or has
            windows[j.signers_blob] = known
        if known.get(v.fingerprint):
            add(
                Finding(
                    "window-verdict",
                    f"这一结论依据名单中为密钥 {v.fingerprint} 登记的有效期，而有效期按提交者日期"
                    f"（{_when(f)}）判断：提交者日期由签名人自己填写，审计无法独立证明它。",
                    "需要确证时，对照提交前后在档案以外保存的锚点（xmgl audit anchor）的时间。",
                    f.sha,
                    WARNING,
                )
            )
            return


def _judge_dates(f: CommitFacts, before: Stage | None, day: str | None, add: Add) -> None:
    """The claimed Xmgl-Date against the signed commit time and the previous stage's date.

    ``advance`` refuses a date before the current stage's date or after the day it
    signs; the audit checks both on the history, and flags a date claimed long
    before it was signed (the committer date is signed, the claimed date is not
    checked by anyone else).
    """
    import datetime as dt

    if day is None:
        return
    try:
        claimed = dt.date.fromisoformat(day)
    except ValueError:
        add(
            Finding(
                "trailer-mismatch",
                f"Xmgl-Date “{visible(day)}” 不是日期（应为 YYYY-MM-DD）。",
                "阶段变更提交只能由 xmgl advance 生成。",
                f.sha,
            )
        )
        return
    since = before.since if before else None
    if since:
        try:
            previous = dt.date.fromisoformat(since)
        except ValueError:
            previous = None
        if previous is not None and claimed < previous:
            add(
                Finding(
                    "date-before-previous-stage",
                    f"阶段变更日期 {day} 早于上一阶段的进入日期 {since}：阶段不能倒着走。",
                    "xmgl advance 不允许这样的日期；查明这次变更是怎样记录的。",
                    f.sha,
                )
            )
    assert f.commit is not None  # only readable commits are judged
    c = f.commit.committer
    if not c.date_ok:
        return
    signed = c.datetime.date()
    if claimed > signed + dt.timedelta(days=1):
        add(
            Finding(
                "date-after-signing",
                f"阶段变更日期 {day} 晚于签名提交的时间 {signed}：签名时这件事还没有发生。",
                "xmgl advance 不允许记录未来的日期；查明这次变更是怎样记录的。",
                f.sha,
            )
        )
    elif (signed - claimed).days > FAR_DAYS:
        add(
            Finding(
                "date-far-from-signing",
                f"阶段变更日期 {day} 比签名提交的时间 {signed} 早 {(signed - claimed).days} 天："
                "变更是事后补记的。签名只证明提交的时间，不证明所写日期的真实性。",
                "核对这次变更的原始文件（批复、验收文件）上的日期。",
                f.sha,
                WARNING,
            )
        )


def _worktree_stage(root: Path, last: CommitFacts | None, findings: list[Finding]) -> None:
    from xmgl.gitaudit.stagescan import StageUnreadable, read_stage

    path = root / "project.yaml"
    if last is None or last.stage is None or not path.exists():
        return
    try:
        here = read_stage(path.read_bytes())
    except StageUnreadable:
        return
    if here != last.stage:
        findings.append(
            Finding(
                "worktree-stage-edited",
                f"工作区中 project.yaml 的阶段（{here}）与最新提交（{last.stage}）不同："
                "阶段被手工修改，且没有阶段变更提交。",
                "撤销这处修改（git restore project.yaml）；阶段只能用 xmgl advance 变更。",
            )
        )


# ---------------------------------------------------------------- anchors

# Full object ids only: an abbreviated id can be ground (bytes after a signature's
# END line are unsigned, so a signed commit's id is free to choose), and
# ``git rev-parse`` prefers a branch named like the prefix.
_ANCHOR = re.compile(r"^([0-9a-fA-F]{40}|[0-9a-fA-F]{64})(?::(\d+))?$")
_ANCHOR_LIKE = re.compile(r"^([0-9a-fA-F]{4,63}|[0-9a-fA-F]{65,})(?::(\d+))?$")


def parse_anchor(spec: str) -> tuple[str, int | None]:
    """``COMMIT[:COUNT]`` or a file written by ``xmgl audit anchor``."""
    from xmgl.errors import UsageError

    text = spec.strip()
    path = Path(text).expanduser()
    if not _ANCHOR.match(text) and path.is_file():
        content = path.read_text(encoding="utf-8", errors="replace")
        m = re.search(r"^anchor:\s*(\S+)\s*$", content, re.M)
        if m is None:
            raise UsageError(
                f"{path} 不是 xmgl 审计锚点文件（缺少 “anchor: 提交:数量” 一行）。",
                hint="用 xmgl audit anchor --output 文件 生成锚点文件。",
            )
        text = m.group(1)
    m = _ANCHOR.match(text)
    if m is None and _ANCHOR_LIKE.match(text):
        raise UsageError(
            f"--anchor 的提交哈希 “{text.split(':')[0]}” 不是完整的 40 或 64 位哈希。",
            hint="锚点只接受完整哈希（缩写可以被伪造）：使用 xmgl audit anchor 打印的完整值。",
        )
    if m is None:
        raise UsageError(
            f"--anchor 的值 “{spec}” 无效。",
            hint="写成 提交哈希:提交数量（如 3f2a…c9:42），或锚点文件的路径。",
        )
    return m.group(1).lower(), int(m.group(2)) if m.group(2) else None


def _ancestors_count(sha: str, by_sha: dict[str, CommitFacts]) -> int:
    seen = {sha}
    todo = [sha]
    while todo:
        f = by_sha.get(todo.pop())
        for p in f.parents if f else ():
            if p not in seen:
                seen.add(p)
                todo.append(p)
    return len(seen)


def _check_anchor(
    top: Path,
    src: HistorySource,
    spec: str,
    facts: list[CommitFacts],
    method: str,
    findings: list[Finding],
) -> AnchorResult:
    from xmgl.gitaudit import git as g

    want, count = parse_anchor(spec)
    by_sha = {f.sha: f for f in facts}
    head_count = len(facts)
    if method == REFERENCE:
        from xmgl.gitaudit.objects import git_env

        env = git_env()  # no replace refs, grafts or commit-graph
        kind = g.git(top, "cat-file", "-t", want, check=False, env=env).stdout.decode().strip()
        found = want if kind == "commit" else None
        is_ancestor = found is not None and (
            g.git(top, "merge-base", "--is-ancestor", want, "HEAD", check=False, env=env).returncode
            == 0
        )
        count_of = g.git(top, "rev-list", "--count", want, "--", env=env) if is_ancestor else None
        actual = int(count_of.stdout) if count_of is not None else None
    else:
        is_ancestor = want in by_sha
        found = want if is_ancestor or src.exists(want) == "commit" else None
        actual = _ancestors_count(want, by_sha) if is_ancestor else None
    result = AnchorResult(spec, found, count, False, head_count)
    if found is None:
        findings.append(
            Finding(
                "anchor-missing",
                f"锚点提交 {want} 在这个仓库中不存在：历史被改写过，或锚点抄错了。",
                "与市数据局保存的锚点逐字核对；若无误，说明交付锚点之后历史被重写。",
            )
        )
        return result
    if not is_ancestor:
        findings.append(
            Finding(
                "anchor-not-ancestor",
                f"锚点提交 {found[:12]} 存在，但不是当前历史（HEAD）的祖先："
                "交付锚点之后，历史被改写并重新签名。",
                "比较锚点之后的历史：git log --oneline HEAD 与锚点提交的差别。",
            )
        )
        return result
    if count is not None and actual != count:
        findings.append(
            Finding(
                "anchor-count-mismatch",
                f"锚点提交 {found[:12]} 之前（含）应有 {count} 个提交，实际为 {actual} 个。",
                "与市数据局保存的锚点核对提交数量。",
            )
        )
        return result
    result.ok = True
    result.count = actual
    return result
