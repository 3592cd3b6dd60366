"""Signing keys: finding the one git will use, creating a demo key, configuring a dossier.

xmgl never signs by itself: git signs (``ssh-keygen -Y sign`` for SSH, ``gpg``
for OpenPGP). This module only reads and writes git's configuration, asks
``ssh-keygen`` for keys, and refuses what would end badly: a private key inside
the dossier, a key that is missing or unreadable, a key that the dossier's
``.xmgl/allowed_signers`` does not allow for the committer's e-mail.
"""

from __future__ import annotations

import base64
import hashlib
import os
import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path

from xmgl.errors import PreconditionError, SigningError, UsageError
from xmgl.gitaudit import git as g

ALLOWED_SIGNERS = ".xmgl/allowed_signers"
SSH_KEY_TYPES = (
    "ssh-ed25519",
    "ssh-rsa",
    "ecdsa-sha2-nistp256",
    "ecdsa-sha2-nistp384",
    "ecdsa-sha2-nistp521",
    "sk-ssh-ed25519@openssh.com",
    "sk-ecdsa-sha2-nistp256@openssh.com",
)
PRIVATE_MARKERS = (b"PRIVATE KEY-----", b"PuTTY-User-Key-File")


def default_key_path() -> Path:
    """Where ``xmgl signers keygen`` puts a key unless told otherwise."""
    return Path.home() / ".ssh" / "xmgl_ed25519"


def ssh_keygen() -> str:
    path = shutil.which("ssh-keygen")
    if path is None:
        raise PreconditionError(
            "找不到 ssh-keygen 命令（SSH 签名需要它）。",
            hint="安装 OpenSSH 客户端（Debian/Ubuntu：apt install openssh-client）。",
        )
    return path


def fingerprint(key_b64: str) -> str:
    """``SHA256:…`` as ``ssh-keygen -l`` prints it."""
    try:
        blob = base64.b64decode(key_b64, validate=True)
    except ValueError:
        return "（无效的公钥）"
    digest = base64.b64encode(hashlib.sha256(blob).digest()).decode().rstrip("=")
    return f"SHA256:{digest}"


@dataclass(frozen=True)
class PublicKey:
    keytype: str
    key: str  # base64
    comment: str = ""

    @property
    def fingerprint(self) -> str:
        return fingerprint(self.key)

    def line(self) -> str:
        return f"{self.keytype} {self.key}"


def parse_public_key(text: str) -> PublicKey | None:
    """The first OpenSSH public key in ``text`` (``ssh-ed25519 AAAA… comment``), or None."""
    for raw in text.splitlines():
        parts = raw.strip().split(None, 2)
        if len(parts) >= 2 and parts[0] in SSH_KEY_TYPES:
            try:
                base64.b64decode(parts[1], validate=True)
            except ValueError:
                continue
            return PublicKey(parts[0], parts[1], parts[2] if len(parts) > 2 else "")
    return None


def looks_private(data: bytes) -> bool:
    return any(marker in data for marker in PRIVATE_MARKERS)


def inside(path: Path, root: Path) -> bool:
    try:
        path.resolve().relative_to(Path(root).resolve())
    except ValueError:
        return False
    return True


def public_key_from_file(path: Path) -> PublicKey:
    """The public key of a key file: ``x.pub`` itself, or the ``.pub`` next to a private key."""
    path = Path(path).expanduser()
    if not path.exists():
        raise PreconditionError(
            f"签名密钥文件不存在：{path}",
            hint="检查路径，或用 “xmgl signers keygen” 新建一个密钥。",
        )
    data = path.read_bytes()
    if not looks_private(data):
        key = parse_public_key(data.decode("utf-8", "replace"))
        if key is None:
            raise PreconditionError(
                f"{path} 不是 OpenSSH 公钥或私钥文件。",
                hint="公钥文件形如 “ssh-ed25519 AAAA… 备注”，通常以 .pub 结尾。",
            )
        return key
    pub = path.with_name(path.name + ".pub")
    if pub.exists():
        key = parse_public_key(pub.read_text("utf-8", "replace"))
        if key is not None:
            return key
    proc = subprocess.run(
        [ssh_keygen(), "-y", "-P", "", "-f", str(path)],
        capture_output=True,
        check=False,
        stdin=subprocess.DEVNULL,
    )
    key = parse_public_key(proc.stdout.decode("utf-8", "replace"))
    if proc.returncode != 0 or key is None:
        raise PreconditionError(
            f"无法从 {path} 读出公钥（私钥可能设有口令，且旁边没有 {pub.name}）。",
            hint=f"把对应的公钥放在 {pub}，或直接指定 .pub 文件。",
        )
    return key


@dataclass(frozen=True)
class SigningSetup:
    """What git will sign with in this repository."""

    format: str  # "ssh" or "openpgp" (or "x509")
    key_ref: str | None  # user.signingkey as configured
    public: PublicKey | None  # SSH only
    gpgsign: bool

    @property
    def fingerprint(self) -> str | None:
        return self.public.fingerprint if self.public else None


def current_setup(root: Path) -> SigningSetup:
    fmt = (g.config(root, "gpg.format") or "openpgp").lower()
    ref = g.config(root, "user.signingkey")
    gpgsign = (g.config(root, "commit.gpgsign") or "false").lower() in ("true", "yes", "on", "1")
    public = None
    if fmt == "ssh" and ref:
        if ref.startswith("key::"):
            public = parse_public_key(ref[5:])
        elif parse_public_key(ref) is not None:
            public = parse_public_key(ref)
        else:
            path = Path(ref).expanduser()
            if not path.is_absolute():
                path = Path(root) / path
            try:
                public = public_key_from_file(path)
            except PreconditionError as err:  # configured, but unusable: a signing failure
                raise SigningError(err.message, hint=err.hint) from None
    return SigningSetup(fmt, ref, public, gpgsign)


def require_signing(root: Path) -> SigningSetup:
    """The signing set-up, or a clear error saying what to configure."""
    setup = current_setup(root)
    if setup.format == "ssh":
        if not setup.key_ref:
            raise SigningError(
                "没有配置签名密钥（git 的 user.signingkey 为空）。",
                hint="运行 “xmgl signers use 公钥文件” 为本档案配置密钥；"
                "没有密钥时先运行 “xmgl signers keygen”。",
            )
        ssh_keygen()
        return setup
    if setup.format == "openpgp":
        if shutil.which(g.config(root, "gpg.program") or "gpg") is None:
            raise SigningError("找不到 gpg 命令（OpenPGP 签名需要它）。", hint="安装 GnuPG。")
        return setup
    raise SigningError(
        f"不支持的签名格式 gpg.format={setup.format}。",
        hint="用 “git config gpg.format ssh”（推荐）或 openpgp。",
    )


def configure(root: Path, key_path: Path | None = None, *, gpg_key: str | None = None) -> None:
    """Set this repository's git to sign every commit with the given key (local config only)."""
    if gpg_key:
        g.git(root, "config", "--local", "gpg.format", "openpgp")
        g.git(root, "config", "--local", "user.signingkey", gpg_key)
    else:
        assert key_path is not None
        g.git(root, "config", "--local", "gpg.format", "ssh")
        g.git(root, "config", "--local", "user.signingkey", str(Path(key_path).resolve()))
        g.git(root, "config", "--local", "gpg.ssh.allowedSignersFile", ALLOWED_SIGNERS)
    g.git(root, "config", "--local", "commit.gpgsign", "true")


def check_key_outside(path: Path, root: Path) -> None:
    """Refuse a key file that lives inside the dossier (a private key must never be committed)."""
    if inside(path, root):
        raise UsageError(
            f"密钥文件 {path} 位于档案目录内。私钥绝不能放进档案（它会随档案一起被复制和提交）。",
            hint="把密钥放在档案以外（如 ~/.ssh/），再指定那里的路径。",
        )


def keygen(path: Path, comment: str, *, passphrase: str | None) -> PublicKey:
    """Create an Ed25519 key with ssh-keygen; ``passphrase=None`` lets ssh-keygen ask."""
    path = Path(path).expanduser()
    if path.exists() or path.with_name(path.name + ".pub").exists():
        raise PreconditionError(
            f"{path} 已存在，不会覆盖已有的密钥。",
            hint="直接使用它（xmgl signers use），或指定另一个路径。",
        )
    path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
    args = [ssh_keygen(), "-q", "-t", "ed25519", "-C", comment, "-f", str(path)]
    if passphrase is not None:
        args += ["-N", passphrase]
    proc = subprocess.run(args, capture_output=passphrase is not None, check=False)
    if proc.returncode != 0:
        said = (proc.stderr or b"").decode("utf-8", "replace").strip()
        raise SigningError(f"ssh-keygen 没能生成密钥：{said or '（无输出）'}")
    os.chmod(path, 0o600)
    return public_key_from_file(path.with_name(path.name + ".pub"))


def global_ssh_key() -> Path | None:
    """The SSH signing key of the user's global git config, if one is set up."""
    import subprocess as sp

    def get(key: str) -> str | None:
        proc = sp.run(
            [g.git_binary(), "config", "--global", "--get", key],
            capture_output=True,
            check=False,
        )
        value = proc.stdout.decode("utf-8", "replace").strip()
        return value if proc.returncode == 0 and value else None

    if (get("gpg.format") or "").lower() != "ssh":
        return None
    ref = get("user.signingkey")
    if not ref or ref.startswith("key::"):
        return None
    path = Path(ref).expanduser()
    return path if path.is_absolute() and path.exists() else None


def demo_key_path() -> Path:
    return Path.home() / ".ssh" / "xmgl_demo_ed25519"


def ensure_demo_key(comment: str) -> tuple[Path, bool]:
    """The demo key (created without a passphrase on first use); True if just created."""
    path = demo_key_path()
    if path.exists():
        return path, False
    keygen(path, comment, passphrase="")
    return path, True
