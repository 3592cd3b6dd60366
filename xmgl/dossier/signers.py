"""Adding and removing signers: each change is one signed commit by an already-allowed signer."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from xmgl.errors import PreconditionError, UsageError
from xmgl.gitaudit import allowed
from xmgl.gitaudit import trailers as tr
from xmgl.gitaudit.signing import ALLOWED_SIGNERS, PublicKey, looks_private, parse_public_key

_EMAIL = re.compile(r"^[^\s@*?!,\"]+@[^\s@*?!,\"]+\.[^\s@*?!,\"]+$")


@dataclass(frozen=True)
class SignerChange:
    action: str  # "add" or "remove"
    principal: str
    key: PublicKey | None  # None for an OpenPGP signer
    commit: str


def read_key_argument(text: str) -> PublicKey:
    """A public key given as a file path or as the key line itself; never a private key."""
    candidate = Path(text).expanduser()
    if candidate.exists():
        data = candidate.read_bytes()
        if looks_private(data):
            raise UsageError(
                f"{candidate} 是私钥。允许名单只收公钥，私钥绝不能交给别人或放进档案。",
                hint=f"改用对应的公钥文件（通常是 {candidate.name}.pub）。",
            )
        key = parse_public_key(data.decode("utf-8", "replace"))
    else:
        if looks_private(text.encode()):
            raise UsageError("给出的是私钥内容。允许名单只收公钥。")
        key = parse_public_key(text)
    if key is None:
        raise UsageError(
            f"“{text}” 既不是公钥文件，也不是公钥。",
            hint="给出 .pub 文件路径，或 “ssh-ed25519 AAAA…” 形式的公钥。",
        )
    return key


def check_principal(email: str) -> str:
    if not _EMAIL.match(email):
        raise UsageError(
            f"“{email}” 不是有效的邮箱。签名人员以 git 提交邮箱登记，不能含通配符（*、?、!）或逗号。",
            hint="写这位人员 git config user.email 的值，例如 zhangwei@example.gov.cn。",
        )
    return email


def _current_text(root: Path, prefix: str) -> str:
    from xmgl.gitaudit import git as g

    data = g.show_file(root, "HEAD", prefix + ALLOWED_SIGNERS)
    return (data or b"").decode("utf-8", "replace")


def _prepare(root: Path):
    from xmgl.dossier.transition import require_allowed_signer
    from xmgl.gitaudit import git as g
    from xmgl.gitaudit.commit import unrelated_changes
    from xmgl.gitaudit.git import repo_prefix

    _top, prefix = repo_prefix(root)
    name, email = g.identity(root)
    require_allowed_signer(root, prefix, email)
    path = prefix + ALLOWED_SIGNERS
    from xmgl.gitaudit import openpgp

    unrelated = unrelated_changes(root, {path, prefix + openpgp.SIGNERS})
    if unrelated:
        raise PreconditionError(
            "工作区有未提交的修改，签名人员变更提交不会夹带它们：\n"
            + "\n".join(f"  {xy} {p}" for xy, p in unrelated[:20]),
            hint="先提交（git commit -S）或撤销这些修改再试。",
        )
    return prefix, path, name, email


def add_signer(
    root: Path, principal: str, key: PublicKey, name: str = "", valid_after: date | None = None
) -> SignerChange:
    from xmgl.gitaudit.commit import signed_commit

    check_principal(principal)
    prefix, path, actor, email = _prepare(root)
    text = _current_text(root, prefix)
    entries, _bad = allowed.parse(text)
    for e in entries:
        if e.key.key == key.key and principal in e.principals:
            raise PreconditionError(
                f"{principal} 的这把密钥（{key.fingerprint}）已经在允许名单中。",
                hint="无需重复添加；用 “xmgl signers” 查看名单。",
            )
    stamp = valid_after.strftime("%Y%m%d") + "Z" if valid_after else ""
    new = allowed.add(text, principal, key, name, stamp)
    who = f"{name} <{principal}>" if name else principal
    message = tr.compose(
        f"签名人员变更：增加 {who}",
        f"由 {actor} 将 {who} 的公钥（{key.fingerprint}）加入 {ALLOWED_SIGNERS}。"
        "此后此人可以签名提交；本提交本身须由已在名单中的人员签名。",
        [
            (tr.SIGNERS, "add"),
            (tr.SIGNER, f"{principal} {key.fingerprint}"),
            (tr.ACTOR, f"{actor} <{email}>"),
        ],
    )
    sha = signed_commit(root, message, write={path: new.encode("utf-8")})
    return SignerChange("add", principal, key, sha)


def add_openpgp_signer(root: Path, principal: str, key_ref: str, name: str = "") -> str:
    """List an OpenPGP key (exported from the local keyring) for ``principal``; signed commit."""
    from xmgl.gitaudit import git as g
    from xmgl.gitaudit import openpgp
    from xmgl.gitaudit.commit import signed_commit, unrelated_changes

    check_principal(principal)
    prefix, _path, actor, email = _prepare(root)
    fpr = openpgp.fingerprint_of(key_ref)
    key = openpgp.export_public(fpr)
    text = (g.show_file(root, "HEAD", prefix + openpgp.SIGNERS) or b"").decode("utf-8", "replace")
    entries, _ = openpgp.parse(text)
    if any(e.fingerprint == fpr and e.principal == principal for e in entries):
        raise PreconditionError(f"{principal} 的 OpenPGP 密钥 {fpr} 已经在允许名单中。")
    listed, keyfile = prefix + openpgp.SIGNERS, prefix + openpgp.key_path(fpr)
    unrelated = unrelated_changes(root, {listed, keyfile})
    if unrelated:
        raise PreconditionError("工作区有未提交的修改，先提交或撤销后再试。")
    who = f"{name} <{principal}>" if name else principal
    message = tr.compose(
        f"签名人员变更：增加 {who}",
        f"由 {actor} 将 {who} 的 OpenPGP 公钥（{fpr}）加入 {openpgp.SIGNERS}。",
        [
            (tr.SIGNERS, "add"),
            (tr.SIGNER, f"{principal} OpenPGP {fpr}"),
            (tr.ACTOR, f"{actor} <{email}>"),
        ],
    )
    return signed_commit(
        root,
        message,
        write={listed: openpgp.add(text, principal, fpr, name).encode("utf-8"), keyfile: key},
    )


def remove_signer(root: Path, who: str) -> list[SignerChange]:
    from xmgl.gitaudit import git as g
    from xmgl.gitaudit import openpgp
    from xmgl.gitaudit.commit import signed_commit

    prefix, path, actor, email = _prepare(root)
    text = _current_text(root, prefix)
    new, gone = allowed.remove(text, who)
    pgp_path = prefix + openpgp.SIGNERS
    pgp_text = (g.show_file(root, "HEAD", pgp_path) or b"").decode("utf-8", "replace")
    pgp_new, pgp_gone = openpgp.remove(pgp_text, who)
    if not gone and not pgp_gone:
        raise PreconditionError(
            f"允许名单中没有 “{who}”。", hint="用 “xmgl signers” 查看名单中的邮箱和指纹。"
        )
    left, _ = allowed.parse(new)
    if not left and not openpgp.parse(pgp_new)[0]:
        raise PreconditionError(
            "不能移除最后一位签名人员：之后将没有人能再签名提交。",
            hint="先用 “xmgl signers add” 加入接替的人员，再移除。",
        )
    names = "、".join(
        sorted({p for e in gone for p in e.principals} | {e.principal for e in pgp_gone})
    )
    message = tr.compose(
        f"签名人员变更：移除 {names}",
        f"由 {actor} 将 {names} 从允许名单中移除。此后其签名的提交不再被接受。",
        [(tr.SIGNERS, "remove")]
        + [(tr.SIGNER, f"{','.join(e.principals)} {e.fingerprint}") for e in gone]
        + [(tr.SIGNER, f"{e.principal} OpenPGP {e.fingerprint}") for e in pgp_gone]
        + [(tr.ACTOR, f"{actor} <{email}>")],
    )
    write = {}
    if gone:
        write[path] = new.encode("utf-8")
    if pgp_gone:
        write[pgp_path] = pgp_new.encode("utf-8")
    sha = signed_commit(root, message, write=write)
    out = [SignerChange("remove", ",".join(e.principals), e.key, sha) for e in gone]
    out += [SignerChange("remove", e.principal, None, sha) for e in pgp_gone]
    return out


@dataclass
class SignerStatus:
    """Who may sign (as committed) and whether this machine's key may sign now.

    What ``xmgl signers`` shows; :meth:`to_dict` is its ``--format json`` document.
    """

    entries: list
    invalid_lines: list[int]
    pgp_entries: list
    uncommitted_changes: bool
    setup: object | None
    setup_error: str | None
    email: str | None
    decision: object | None
    allowed: bool

    @property
    def mine(self):
        return self.setup.public if self.setup is not None else None

    def to_dict(self) -> dict:
        setup = self.setup
        return {
            "openpgp_signers": [
                {"principal": e.principal, "fingerprint": e.fingerprint, "name": e.name}
                for e in self.pgp_entries
            ],
            "allowed_signers": [
                {
                    "principals": list(e.principals),
                    "name": e.name,
                    "keytype": e.key.keytype,
                    "fingerprint": e.fingerprint,
                    "valid_after": e.option("valid-after"),
                    "valid_before": e.option("valid-before"),
                    "wildcard": e.wildcard,
                }
                for e in self.entries
            ],
            "invalid_lines": list(self.invalid_lines),
            "uncommitted_changes": self.uncommitted_changes,
            "local": {
                "format": setup.format if setup else None,
                "key": setup.key_ref if setup else None,
                "fingerprint": setup.fingerprint if setup else None,
                "email": self.email,
                "allowed": self.allowed,
                "status": self.decision.status if self.decision else None,
                "error": self.setup_error,
            },
        }


def signer_status(root: Path) -> SignerStatus:
    """The committed signer lists and this machine's signing setup, judged by the one policy."""
    from xmgl.errors import XmglError
    from xmgl.gitaudit import git as g
    from xmgl.gitaudit import openpgp, policy, signing
    from xmgl.gitaudit.git import repo_prefix

    _top, prefix = repo_prefix(root)
    committed = g.show_file(root, "HEAD", prefix + signing.ALLOWED_SIGNERS)
    text = (committed or b"").decode("utf-8", "replace")
    entries, bad = allowed.parse(text)
    worktree = root / signing.ALLOWED_SIGNERS
    differs = worktree.exists() and worktree.read_bytes() != (committed or b"")
    try:
        setup = signing.current_setup(root)
        setup_error = None
    except XmglError as err:
        setup, setup_error = None, err.message
    try:
        _name, email = g.identity(root)
    except XmglError:
        email = None
    mine = setup.public if setup is not None else None
    decision = None
    if mine is not None and email:
        decision = policy.may_sign(text, policy.public_key(mine.keytype, mine.key), email)
    ok = bool(decision and decision.allowed)
    pgp_text = g.show_file(root, "HEAD", prefix + openpgp.SIGNERS)
    pgp_entries, _ = openpgp.parse((pgp_text or b"").decode("utf-8", "replace"))
    if setup is not None and setup.format == "openpgp" and setup.key_ref:
        try:
            mine_fpr = openpgp.fingerprint_of(setup.key_ref)
        except XmglError:
            mine_fpr = None
        ok = any(e.fingerprint == mine_fpr and e.principal == email for e in pgp_entries)
    return SignerStatus(
        entries=entries,
        invalid_lines=[n for n, _ in bad],
        pgp_entries=pgp_entries,
        uncommitted_changes=differs,
        setup=setup,
        setup_error=setup_error,
        email=email,
        decision=decision,
        allowed=ok,
    )
