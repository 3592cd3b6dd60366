"""The dossier's ``.xmgl/allowed_signers``: reading it for people, changing it line by line.

The file has the format of ssh-keygen's ALLOWED SIGNERS (``man ssh-keygen``)::

    liuxm@example.gov.cn namespaces="git" ssh-ed25519 AAAAC3Nz… 刘晓梅

xmgl writes one exact e-mail principal per line, restricted to the ``git``
namespace; the comment after the key carries the person's name. Lines xmgl
does not write (other comments, other keys) are kept as they are. The audit
reads the file with :mod:`xmgl.gitaudit.sshsig`, which follows ssh-keygen
exactly; this module is only the editor.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from xmgl.gitaudit.signing import SSH_KEY_TYPES, PublicKey, fingerprint

HEADER = (
    '# 允许签名的人员（xmgl）：每行一人——邮箱 namespaces="git" 公钥 姓名\n'
    "# 由 xmgl signers add/remove 维护；每次修改都是一次由已允许人员签名的提交。\n"
    "# 这里只放公钥，绝不放私钥。\n"
)
_WILDCARD = re.compile(r"[*?!]")


@dataclass(frozen=True)
class Entry:
    line_no: int
    principals: tuple[str, ...]
    options: str
    key: PublicKey
    raw: str

    @property
    def fingerprint(self) -> str:
        return self.key.fingerprint

    @property
    def name(self) -> str:
        return self.key.comment

    @property
    def wildcard(self) -> bool:
        return any(_WILDCARD.search(p) for p in self.principals)

    def option(self, name: str) -> str | None:
        m = re.search(rf'(?:^|,){re.escape(name)}="?([^",]*)"?', self.options)
        return m.group(1) if m else None


def _split_options(rest: str) -> tuple[str, str]:
    """``'namespaces="git" ssh-ed25519 AAA c'`` → (options, remainder)."""
    if rest.split(None, 1)[0] in SSH_KEY_TYPES:
        return "", rest
    quoted = False
    for i, ch in enumerate(rest):
        if ch == '"':
            quoted = not quoted
        elif ch in " \t" and not quoted:
            return rest[:i], rest[i:].lstrip()
    return rest, ""


def parse(text: str) -> tuple[list[Entry], list[tuple[int, str]]]:
    """Entries, and the (line number, text) of lines that are not valid entries."""
    entries: list[Entry] = []
    bad: list[tuple[int, str]] = []
    for n, raw in enumerate(text.splitlines(), 1):
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        parts = line.split(None, 1)
        if len(parts) < 2:
            bad.append((n, raw))
            continue
        principals, rest = parts
        options, rest = _split_options(rest)
        key_parts = rest.split(None, 2)
        if len(key_parts) < 2 or key_parts[0] not in SSH_KEY_TYPES:
            bad.append((n, raw))
            continue
        key = PublicKey(key_parts[0], key_parts[1], key_parts[2] if len(key_parts) > 2 else "")
        if fingerprint(key.key).startswith("（"):
            bad.append((n, raw))
            continue
        entries.append(Entry(n, tuple(principals.split(",")), options, key, raw))
    return entries, bad


def entry_line(principal: str, key: PublicKey, name: str = "", valid_after: str = "") -> str:
    options = 'namespaces="git"'
    if valid_after:
        options += f',valid-after="{valid_after}"'
    comment = f" {name}" if name else ""
    return f"{principal} {options} {key.keytype} {key.key}{comment}"


def add(text: str, principal: str, key: PublicKey, name: str = "", valid_after: str = "") -> str:
    """The file with one more entry (the header is written into a new file)."""
    if not text.strip():
        text = HEADER
    if not text.endswith("\n"):
        text += "\n"
    return text + entry_line(principal, key, name, valid_after) + "\n"


def remove(text: str, who: str) -> tuple[str, list[Entry]]:
    """The file without the entries whose principal or fingerprint is ``who``."""
    entries, _ = parse(text)
    gone = [e for e in entries if who in e.principals or e.fingerprint == who]
    drop = {e.line_no for e in gone}
    lines = text.splitlines(keepends=True)
    kept = [line for n, line in enumerate(lines, 1) if n not in drop]
    return "".join(kept), gone
