"""OpenPGP signers, for units that sign with GnuPG instead of SSH keys.

The dossier lists them in ``.xmgl/allowed_signers_openpgp``, one per line::

    liuxm@example.gov.cn 0123456789ABCDEF0123456789ABCDEF01234567 刘晓梅

and carries each public key, exported by gpg, as
``.xmgl/openpgp/<FINGERPRINT>.asc``. A commit signed with OpenPGP is checked
by gpg itself, in a throw-away keyring that holds only the keys listed as of
the parent commit (there is no in-process OpenPGP verifier: both the fast and
the reference audit ask gpg). The signing key's primary fingerprint must be
listed for the committer's e-mail.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import tempfile
from dataclasses import dataclass
from pathlib import Path

from xmgl.errors import PreconditionError, SigningError, UsageError

SIGNERS = ".xmgl/allowed_signers_openpgp"
KEYS = ".xmgl/openpgp"
ARMOR = "-----BEGIN PGP SIGNATURE-----"
HEADER = (
    "# 允许用 OpenPGP 签名的人员（xmgl）：每行一人——邮箱 主密钥指纹 姓名\n"
    "# 公钥在 .xmgl/openpgp/<指纹>.asc；由 xmgl signers add --gpg 维护。只放公钥。\n"
)
_FPR = re.compile(r"^(?:[0-9A-F]{40}|[0-9A-F]{64})$")
_WILDCARD = re.compile(r"[*?!,]")


@dataclass(frozen=True)
class Entry:
    line_no: int
    principal: str
    fingerprint: str
    name: str

    @property
    def wildcard(self) -> bool:
        return bool(_WILDCARD.search(self.principal))


def parse(text: str | None) -> tuple[list[Entry], list[tuple[int, str]]]:
    entries: list[Entry] = []
    bad: list[tuple[int, str]] = []
    for n, raw in enumerate((text or "").splitlines(), 1):
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        parts = line.split(None, 2)
        if len(parts) < 2 or not _FPR.match(parts[1].upper()):
            bad.append((n, raw))
            continue
        entries.append(Entry(n, parts[0], parts[1].upper(), parts[2] if len(parts) > 2 else ""))
    return entries, bad


def add(text: str, email: str, fingerprint: str, name: str = "") -> str:
    if not text.strip():
        text = HEADER
    if not text.endswith("\n"):
        text += "\n"
    return text + f"{email} {fingerprint}" + (f" {name}" if name else "") + "\n"


def remove(text: str, who: str) -> tuple[str, list[Entry]]:
    entries, _ = parse(text)
    gone = [e for e in entries if who in (e.principal, e.fingerprint)]
    drop = {e.line_no for e in gone}
    kept = [line for n, line in enumerate(text.splitlines(keepends=True), 1) if n not in drop]
    return "".join(kept), gone


def key_path(fingerprint: str) -> str:
    return f"{KEYS}/{fingerprint}.asc"


def gpg_binary() -> str:
    path = shutil.which("gpg")
    if path is None:
        raise PreconditionError("找不到 gpg 命令（OpenPGP 签名需要它）。", hint="安装 GnuPG。")
    return path


def _gpg(
    *args: str, home: str | None = None, input: bytes | None = None
) -> subprocess.CompletedProcess[bytes]:
    env = dict(os.environ)
    if home is not None:
        env["GNUPGHOME"] = home
    env["LC_ALL"] = "C"
    return subprocess.run(
        [gpg_binary(), "--batch", "--no-tty", *args],
        input=input,
        capture_output=True,
        env=env,
        check=False,
    )


def fingerprint_of(key_ref: str) -> str:
    """The primary fingerprint of a key in the user's keyring (a fingerprint, id or e-mail)."""
    proc = _gpg("--with-colons", "--list-keys", "--", key_ref)
    fprs = [
        line.split(":")[9]
        for line in proc.stdout.decode("utf-8", "replace").splitlines()
        if line.startswith("fpr:")
    ]
    if proc.returncode != 0 or not fprs:
        raise SigningError(
            f"gpg 的钥匙环中找不到密钥 “{key_ref}”。", hint="用 gpg --list-keys 查看可用的密钥。"
        )
    return fprs[0].upper()


def export_public(fingerprint: str) -> bytes:
    """``gpg --export --armor``: the public key only, never a secret key."""
    proc = _gpg("--armor", "--export", "--", fingerprint)
    data = proc.stdout
    if proc.returncode != 0 or b"BEGIN PGP PUBLIC KEY BLOCK" not in data:
        raise SigningError(f"gpg 没能导出公钥 {fingerprint}。")
    if b"PRIVATE KEY" in data:  # pragma: no cover - gpg --export never does this
        raise UsageError("导出的内容含私钥，已拒绝。")
    return data


def verify(signature: str, payload: bytes, keys: dict[str, bytes]) -> tuple[str, str | None, str]:
    """gpg's verdict on a detached signature, with only ``keys`` in the keyring.

    Returns ``(status, fingerprint, reason)`` with status ``good`` (fingerprint is
    the primary key's), ``bad``, or ``unknown-key`` (fingerprint is the long key id).
    """
    with tempfile.TemporaryDirectory(prefix="xmgl-gpg-") as home:
        os.chmod(home, 0o700)
        for data in keys.values():
            _gpg("--import", home=home, input=data)
        sig = Path(home) / "commit.sig"
        body = Path(home) / "commit.payload"
        sig.write_text(signature, encoding="utf-8")
        body.write_bytes(payload)
        proc = _gpg("--status-fd", "1", "--verify", str(sig), str(body), home=home)
    return judge_status(proc.stdout.decode("utf-8", "replace"))


# gpg status keywords that make a signature unacceptable even when it verifies
# mathematically (git shows R, X or Y for them); checked before VALIDSIG.
_REFUSED = (
    ("REVKEYSIG", "key-revoked", "gpg：签名密钥已被吊销（REVKEYSIG）"),
    ("KEYREVOKED", "key-revoked", "gpg：签名密钥已被吊销（KEYREVOKED）"),
    ("EXPKEYSIG", "key-expired", "gpg：签名密钥已过期（EXPKEYSIG）"),
    ("KEYEXPIRED", "key-expired", "gpg：签名密钥已过期（KEYEXPIRED）"),
    ("EXPSIG", "signature-expired", "gpg：签名本身已过期（EXPSIG）"),
)


def judge_status(text: str) -> tuple[str, str | None, str]:
    """``(status, fingerprint, reason)`` from gpg's ``--status-fd`` lines.

    ``good`` only for a GOODSIG with a VALIDSIG and none of REVKEYSIG, EXPKEYSIG,
    EXPSIG, KEYREVOKED, KEYEXPIRED; those give ``key-revoked``, ``key-expired``
    or ``signature-expired`` (with the key's fingerprint when gpg names it).
    """
    lines = [line.split() for line in text.splitlines()]
    words = [p for p in lines if len(p) > 1 and p[0] == "[GNUPG:]"]
    valid = next((p for p in words if p[1] == "VALIDSIG" and len(p) > 2), None)
    fpr = valid[-1].upper() if valid else None
    for keyword, status, reason in _REFUSED:
        hit = next((p for p in words if p[1] == keyword), None)
        if hit is not None:
            return status, fpr or (hit[2].upper() if len(hit) > 2 else None), reason
    good = any(p[1] == "GOODSIG" for p in words)
    if valid is not None and good:
        return "good", fpr, ""
    for parts in words:
        if len(parts) > 2 and parts[1] == "BADSIG":
            return "bad", None, "gpg：签名无效（BADSIG）"
        if len(parts) > 2 and parts[1] == "ERRSIG":
            # ERRSIG <keyid> <pkalgo> <hashalgo> <class> <time> <rc> [<fpr>]; rc 9: no public key
            if len(parts) > 7 and parts[7] == "9":
                who = parts[8] if len(parts) > 8 and parts[8] != "-" else parts[2]
                return "unknown-key", who.upper(), "签名密钥不在名单中"
            return "bad", None, f"gpg：无法核验（ERRSIG {' '.join(parts[2:])}）"
    return "bad", None, "gpg：没有有效签名"
