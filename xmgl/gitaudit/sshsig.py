"""In-process verification of SSH signatures (OpenSSH ``PROTOCOL.sshsig``).

Three layers:

* keys: :func:`parse_public_key` / :func:`load_public_key` read an OpenSSH public
  key line; :class:`PublicKey` gives the ``SHA256:`` fingerprint ``ssh-keygen -l``
  prints.
* signatures: :func:`verify_sshsig` checks an armored ``SSH SIGNATURE`` over a
  payload, with ``cryptography``; Ed25519, ECDSA (nistp256/384/521), RSA
  (rsa-sha2-256/512) and the FIDO variants ``sk-ssh-ed25519@openssh.com`` and
  ``sk-ecdsa-sha2-nistp256@openssh.com``.
* allowed signers: :func:`parse_allowed_signers` reads an ``allowed_signers``
  file (see ``ALLOWED SIGNERS`` in ssh-keygen(1)); :func:`is_allowed_signer`
  is ssh-keygen's ``-Y verify -I`` check of one identity.

Who may sign a commit is decided in one place, :func:`xmgl.gitaudit.policy.decide`
(git's rule: first line, then ``verify -I``). The emulation of ``git log
--format=%G?`` that checks it against git lives with the tests
(tests/sshsig_oracle.py).

Not supported (raise :class:`UnsupportedAlgorithmError`, verdict ``E``):
certificates as signing keys (hence ``cert-authority`` lines never match),
``ssh-dss``, webauthn signatures, hash algorithms other than sha256/sha512.
"""

from __future__ import annotations

import base64
import binascii
import calendar
import datetime as dt
import hashlib
import os
import re
import struct
import time
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from typing import TYPE_CHECKING

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.asymmetric import ec, padding, rsa
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey
from cryptography.hazmat.primitives.asymmetric.utils import encode_dss_signature

if TYPE_CHECKING:
    from cryptography.hazmat.primitives.hashes import HashAlgorithm

__all__ = [
    "AllowedSigner",
    "AllowedSignersError",
    "BadSignatureError",
    "KeyFormatError",
    "LineError",
    "NamespaceMismatchError",
    "Principal",
    "PublicKey",
    "SignatureFormatError",
    "SshSigError",
    "UnsupportedAlgorithmError",
    "VerifiedSig",
    "is_allowed_signer",
    "load_public_key",
    "match_pattern",
    "match_pattern_list",
    "parse_allowed_signers",
    "parse_public_key",
    "parse_timestamp",
    "verify_sshsig",
]

# ---------------------------------------------------------------------------
# Errors


class SshSigError(ValueError):
    """Base class: the signature cannot be accepted."""


class SignatureFormatError(SshSigError):
    """Not a well-formed armored SSHSIG (header, base64, blob structure, key blob)."""


class UnsupportedAlgorithmError(SshSigError):
    """Well-formed, but uses a key type, signature or hash algorithm not handled here."""


class NamespaceMismatchError(SshSigError):
    """The signature was made for another namespace than the one expected."""


class BadSignatureError(SshSigError):
    """The signature does not verify over the payload (tampered or wrong key)."""


class KeyFormatError(ValueError):
    """An OpenSSH public key line or blob that cannot be parsed."""


@dataclass(frozen=True)
class LineError:
    lineno: int
    reason: str
    line: str


class AllowedSignersError(ValueError):
    """Malformed ``allowed_signers`` lines; ``lineno`` is the first, ``errors`` all."""

    def __init__(self, errors: Sequence[LineError], source: str = "allowed_signers") -> None:
        self.errors = list(errors)
        self.lineno = self.errors[0].lineno
        self.source = source
        detail = "; ".join(f"{source}:{e.lineno}: {e.reason}" for e in self.errors)
        super().__init__(detail)


# ---------------------------------------------------------------------------
# SSH wire format


class _Wire:
    """Reader for the RFC 4251 encodings (uint32, string, mpint)."""

    def __init__(self, data: bytes, what: str, error: type[Exception]) -> None:
        self.data = data
        self.pos = 0
        self.what = what
        self.error = error

    def fail(self, reason: str) -> Exception:
        return self.error(f"{self.what}: {reason}")

    def take(self, n: int) -> bytes:
        if n < 0 or self.pos + n > len(self.data):
            raise self.fail("truncated")
        out = self.data[self.pos : self.pos + n]
        self.pos += n
        return out

    def u8(self) -> int:
        return self.take(1)[0]

    def u32(self) -> int:
        number: int = struct.unpack(">I", self.take(4))[0]  # ">I": one unsigned 32-bit int
        return number

    def string(self) -> bytes:
        return self.take(self.u32())

    def cstring(self) -> str:
        raw = self.string()
        if b"\0" in raw:
            raise self.fail("string contains NUL")
        try:
            return raw.decode("utf-8")
        except UnicodeDecodeError:
            raise self.fail("string is not UTF-8") from None

    def mpint(self) -> int:
        raw = self.string()
        if raw and raw[0] & 0x80:
            raise self.fail("negative mpint")
        return int.from_bytes(raw, "big")

    def end(self) -> None:
        if self.pos != len(self.data):
            raise self.fail("trailing data")


def _string(data: bytes) -> bytes:
    return struct.pack(">I", len(data)) + data


def _mpint(value: int) -> bytes:
    raw = value.to_bytes((value.bit_length() + 8) // 8, "big") if value else b""
    return _string(raw)


# ---------------------------------------------------------------------------
# Public keys

_ECDSA_CURVES: dict[str, tuple[str, ec.EllipticCurve, type[HashAlgorithm]]] = {
    "ecdsa-sha2-nistp256": ("nistp256", ec.SECP256R1(), hashes.SHA256),
    "ecdsa-sha2-nistp384": ("nistp384", ec.SECP384R1(), hashes.SHA384),
    "ecdsa-sha2-nistp521": ("nistp521", ec.SECP521R1(), hashes.SHA512),
}
SK_ED25519 = "sk-ssh-ed25519@openssh.com"
SK_ECDSA = "sk-ecdsa-sha2-nistp256@openssh.com"
SUPPORTED_KEY_TYPES = ("ssh-ed25519", *_ECDSA_CURVES, "ssh-rsa", SK_ED25519, SK_ECDSA)
# Names OpenSSH knows but this module cannot verify with: such keys may appear in
# allowed_signers (the line parses) but their signatures raise Unsupported.
_KNOWN_UNSUPPORTED = (
    "ssh-dss",
    "ssh-xmss@openssh.com",
    "ssh-rsa-cert-v01@openssh.com",
    "ssh-dss-cert-v01@openssh.com",
    "ssh-ed25519-cert-v01@openssh.com",
    "ssh-xmss-cert-v01@openssh.com",
    "ecdsa-sha2-nistp256-cert-v01@openssh.com",
    "ecdsa-sha2-nistp384-cert-v01@openssh.com",
    "ecdsa-sha2-nistp521-cert-v01@openssh.com",
    "sk-ssh-ed25519-cert-v01@openssh.com",
    "sk-ecdsa-sha2-nistp256-cert-v01@openssh.com",
)
RSA_MIN_BITS = 1024  # OpenSSH's SSH_RSA_MINIMUM_MODULUS_SIZE


@dataclass(frozen=True)
class PublicKey:
    """An SSH public key: its type name and canonical wire blob.

    Two keys are equal when type and blob are; the comment is not compared.
    """

    key_type: str
    blob: bytes
    comment: str = field(default="", compare=False)

    @classmethod
    def from_blob(cls, blob: bytes, comment: str = "") -> PublicKey:
        """Parse and canonicalise a wire-format key blob (raises KeyFormatError)."""
        w = _Wire(blob, "public key", KeyFormatError)
        key_type = w.cstring()
        if key_type in ("ssh-ed25519", SK_ED25519):
            pk = w.string()
            if len(pk) != 32:
                raise KeyFormatError("public key: Ed25519 key must be 32 bytes")
            canon = _string(key_type.encode()) + _string(pk)
            if key_type == SK_ED25519:
                canon += _string(w.string())  # application
        elif key_type in _ECDSA_CURVES or key_type == SK_ECDSA:
            curve_name, curve, _ = _ECDSA_CURVES[
                "ecdsa-sha2-nistp256" if key_type == SK_ECDSA else key_type
            ]
            if w.cstring() != curve_name:
                raise KeyFormatError(f"public key: curve does not match {key_type}")
            point = w.string()
            if point[:1] != b"\x04":
                raise KeyFormatError("public key: EC point is not uncompressed")
            try:
                ec.EllipticCurvePublicKey.from_encoded_point(curve, point)
            except ValueError:
                raise KeyFormatError("public key: invalid EC point") from None
            canon = _string(key_type.encode()) + _string(curve_name.encode()) + _string(point)
            if key_type == SK_ECDSA:
                canon += _string(w.string())
        elif key_type == "ssh-rsa":
            e, n = w.mpint(), w.mpint()
            if n.bit_length() < RSA_MIN_BITS:
                raise KeyFormatError(f"public key: RSA modulus under {RSA_MIN_BITS} bits")
            if e < 3 or e % 2 == 0:
                raise KeyFormatError("public key: bad RSA exponent")
            canon = _string(b"ssh-rsa") + _mpint(e) + _mpint(n)
        elif key_type in _KNOWN_UNSUPPORTED:
            return cls(key_type, blob, comment)  # kept verbatim, compared by bytes
        else:
            raise KeyFormatError(f"public key: unknown key type {key_type!r}")
        w.end()
        return cls(key_type, canon, comment)

    @property
    def supported(self) -> bool:
        return self.key_type in SUPPORTED_KEY_TYPES

    @property
    def fingerprint(self) -> str:
        """``SHA256:<base64 without padding>``, as ``ssh-keygen -lf`` prints it."""
        digest = hashlib.sha256(self.blob).digest()
        return "SHA256:" + base64.b64encode(digest).decode().rstrip("=")

    @property
    def bits(self) -> int | None:
        if self.key_type in ("ssh-ed25519", SK_ED25519, SK_ECDSA):
            return 256
        if self.key_type in _ECDSA_CURVES:
            return _ECDSA_CURVES[self.key_type][1].key_size
        if self.key_type == "ssh-rsa":
            w = _Wire(self.blob, "public key", KeyFormatError)
            w.string()
            w.mpint()
            return w.mpint().bit_length()
        return None

    @property
    def application(self) -> str | None:
        """The FIDO application string of an ``sk-`` key (``ssh:`` usually)."""
        if self.key_type not in (SK_ED25519, SK_ECDSA):
            return None
        w = _Wire(self.blob, "public key", KeyFormatError)
        for _ in range(2 if self.key_type == SK_ED25519 else 3):
            w.string()
        return w.string().decode("utf-8", "replace")

    def openssh(self) -> str:
        """The ``<type> <base64>`` form used in key files and allowed_signers."""
        return f"{self.key_type} {base64.b64encode(self.blob).decode()}"

    def __str__(self) -> str:
        return f"{self.key_type} {self.fingerprint}"


_KEY_NAMES = frozenset(SUPPORTED_KEY_TYPES + _KNOWN_UNSUPPORTED)
_WS = " \t\r\n"


def _b64decode(text: str) -> bytes:
    compact = "".join(text.split())
    try:
        return base64.b64decode(compact, validate=True)
    except (binascii.Error, ValueError):
        raise KeyFormatError("invalid base64") from None


def _read_key(text: str) -> tuple[PublicKey, str]:
    """Read ``<type> <base64>`` at the start of ``text`` like OpenSSH's sshkey_read().

    Returns the key and the rest of the line (the comment). Raises KeyFormatError.
    """
    m = re.match(r"([^ \t]*)[ \t]+([^ \t]*)", text.lstrip(" \t"))
    if m is None:
        raise KeyFormatError("no key type")
    key_type, b64 = m.group(1), m.group(2)
    if key_type not in _KEY_NAMES:
        raise KeyFormatError(f"unknown key type {key_type!r}")
    if not b64.strip(_WS):
        raise KeyFormatError("no key data")
    comment = text.lstrip(" \t")[m.end() :].strip(_WS)
    key = PublicKey.from_blob(_b64decode(b64), comment)
    if key.key_type != key_type:
        raise KeyFormatError(f"key type {key_type!r} does not match the key data")
    return key, comment


def parse_public_key(line: str) -> PublicKey:
    """Parse an OpenSSH public key line ``<type> <base64> [comment]`` (a ``.pub`` file)."""
    key, _ = _read_key(line.strip(_WS) + "\n")
    return key


def load_public_key(path: str | os.PathLike[str]) -> PublicKey:
    """Read the first key of an OpenSSH ``.pub`` file (comments and blank lines skipped)."""
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            if line.strip() and not line.lstrip().startswith("#"):
                return parse_public_key(line)
    raise KeyFormatError(f"{os.fspath(path)}: no public key")


# ---------------------------------------------------------------------------
# Patterns (OpenSSH match.c)


@lru_cache(maxsize=4096)
def _pattern_regex(pattern: bytes) -> re.Pattern[bytes]:
    out = []
    for i in range(len(pattern)):
        c = pattern[i : i + 1]
        out.append(b".*" if c == b"*" else b"." if c == b"?" else re.escape(c))
    return re.compile(b"".join(out), re.DOTALL)


def match_pattern(string: str, pattern: str) -> bool:
    """OpenSSH ``match_pattern()``: ``*`` and ``?`` wildcards, case-sensitive."""
    return _pattern_regex(pattern.encode()).fullmatch(string.encode()) is not None


def match_pattern_list(string: str, pattern_list: str) -> int:
    """OpenSSH ``match_pattern_list()``: 1 on a match, -1 if a ``!pattern`` matches, else 0."""
    got_positive = 0
    for sub in pattern_list.split(","):
        negated = sub.startswith("!")
        if negated:
            sub = sub[1:]
        if len(sub.encode()) >= 1023:
            return 0
        if match_pattern(string, sub):
            if negated:
                return -1
            got_positive = 1
    return got_positive


# ---------------------------------------------------------------------------
# allowed_signers


@dataclass(frozen=True)
class Principal:
    """One entry of the principals pattern-list."""

    pattern: str
    negated: bool = False

    @property
    def wildcard(self) -> bool:
        return "*" in self.pattern or "?" in self.pattern


def parse_timestamp(value: str) -> tuple[int, bool]:
    """Parse a ``valid-after``/``valid-before`` time like OpenSSH's parse_absolute_time().

    Formats ``YYYYMMDD``, ``YYYYMMDDHHMM``, ``YYYYMMDDHHMMSS``, optionally followed
    by ``Z`` or ``UTC`` (case-insensitive) for UTC; otherwise the time is in the
    local zone of this process, as ssh-keygen reads it. Returns (unix time,
    is_utc). Raises ValueError.
    """
    s = value
    is_utc = False
    if len(s) > 1 and s[-1] in "Zz":
        is_utc, s = True, s[:-1]
    elif len(s) > 3 and s[-3:].upper() == "UTC":
        is_utc, s = True, s[:-3]
    if len(s) not in (8, 12, 14) or not s.isascii() or not s.isdigit():
        raise ValueError(f"invalid time {value!r}")
    parts = [int(s[0:4]), int(s[4:6]), int(s[6:8])]
    parts += [int(s[i : i + 2]) for i in range(8, len(s), 2)]
    parts += [0] * (6 - len(parts))
    year, month, day, hour, minute, second = parts
    # Ranges accepted by glibc strptime (%m %d %H %M %S); day overflow such as
    # 0231 is normalised by timegm()/mktime() exactly as in OpenSSH.
    if not (1 <= month <= 12 and 1 <= day <= 31 and hour <= 23 and minute <= 59 and second <= 61):
        raise ValueError(f"invalid time {value!r}")
    try:
        if is_utc:
            epoch = calendar.timegm((year, month, day, hour, minute, second, 0, 0, 0))
        else:
            epoch = int(time.mktime((year, month, day, hour, minute, second, 0, 0, 0)))
    except (OverflowError, ValueError):
        raise ValueError(f"invalid time {value!r}") from None
    if epoch < 0:
        raise ValueError(f"invalid time {value!r}")
    return epoch, is_utc


@dataclass(frozen=True)
class AllowedSigner:
    """One line of an ``allowed_signers`` file.

    ``valid_after``/``valid_before`` are unix times (inclusive bounds, as in
    OpenSSH) or None. ``local_time`` is true if a bound was written without ``Z``
    and was therefore read in this process's time zone.
    """

    lineno: int
    principals_field: str
    principals: tuple[Principal, ...]
    key: PublicKey
    cert_authority: bool = False
    namespaces: str | None = None
    valid_after: int | None = None
    valid_before: int | None = None
    local_time: bool = False
    options: str = ""

    @property
    def wildcard(self) -> bool:
        return any(p.wildcard for p in self.principals)

    @property
    def namespace_list(self) -> tuple[str, ...] | None:
        return None if self.namespaces is None else tuple(self.namespaces.split(","))

    @property
    def valid_after_utc(self) -> dt.datetime | None:
        return (
            None
            if self.valid_after is None
            else dt.datetime.fromtimestamp(self.valid_after, dt.UTC)
        )

    @property
    def valid_before_utc(self) -> dt.datetime | None:
        if self.valid_before is None:
            return None
        return dt.datetime.fromtimestamp(self.valid_before, dt.UTC)

    def allows_namespace(self, namespace: str | None) -> bool:
        if self.namespaces is None or namespace is None:
            return True
        return match_pattern_list(namespace, self.namespaces) == 1

    def valid_at(self, when: dt.datetime | int) -> bool:
        t = _epoch(when)
        if self.valid_after is not None and t < self.valid_after:
            return False
        return not (self.valid_before is not None and t > self.valid_before)

    def matches_identity(self, identity: str) -> bool:
        return match_pattern_list(identity, self.principals_field) == 1


def _strdelimw(s: str) -> tuple[str | None, str | None]:
    """OpenSSH's strdelimw(): next token, honouring one double-quoted section.

    Returns (token, rest); rest is None at the end of the string, token is None
    for an unmatched quote.
    """
    idx = next((i for i, c in enumerate(s) if c in _WS or c == '"'), -1)
    if idx < 0:
        return s, None
    if s[idx] == '"':
        s = s[:idx] + s[idx + 1 :]
        close = s.find('"', idx)
        if close < 0:
            return None, None
        return s[:close], s[close + 1 :].lstrip(_WS)
    return s[:idx], s[idx + 1 :].lstrip(_WS)


def _advance_past_options(s: str) -> int | None:
    """Index of the end of an options field (quotes may hold blanks); None if unterminated."""
    quoted = False
    i = 0
    while i < len(s) and (quoted or s[i] not in " \t"):
        if s[i] == "\\" and s[i + 1 : i + 2] == '"':
            i += 1
        elif s[i] == '"':
            quoted = not quoted
        i += 1
    if i >= len(s) and quoted:
        return None
    return i


def _dequote(opts: str, pos: int) -> tuple[str, int]:
    if opts[pos : pos + 1] != '"':
        raise ValueError("missing start quote")
    out = []
    i = pos + 1
    while i < len(opts) and opts[i] != '"':
        if opts[i] == "\\" and opts[i + 1 : i + 2] == '"':
            i += 1
        out.append(opts[i])
        i += 1
    if i >= len(opts):
        raise ValueError("missing end quote")
    return "".join(out), i + 1


@dataclass
class _Options:
    ca: bool = False
    namespaces: str | None = None
    valid_after: int | None = None
    valid_before: int | None = None
    local_time: bool = False


def _parse_options(opts: str) -> _Options:
    """OpenSSH sshsigopt_parse(). Raises ValueError with OpenSSH's reason."""
    result = _Options()
    pos, n = 0, len(opts)
    while pos < n and opts[pos] not in " \t":
        low = opts[pos:].lower()
        if low.startswith("cert-authority"):
            result.ca = True
            pos += len("cert-authority")
        elif low.startswith("namespaces="):
            if result.namespaces is not None:
                raise ValueError('multiple "namespaces" clauses')
            result.namespaces, pos = _dequote(opts, pos + len("namespaces="))
        else:
            for name in ("valid-after", "valid-before"):
                if not low.startswith(name + "="):
                    continue
                attr = name.replace("-", "_")
                if getattr(result, attr) is not None:
                    raise ValueError(f'multiple "{name}" clauses')
                value, pos = _dequote(opts, pos + len(name) + 1)
                try:
                    epoch, is_utc = parse_timestamp(value)
                except ValueError:
                    raise ValueError(f'invalid "{name}" time') from None
                if epoch == 0:
                    raise ValueError(f'invalid "{name}" time')
                setattr(result, attr, epoch)
                result.local_time = result.local_time or not is_utc
                break
        if pos >= n or opts[pos] in " \t":
            break
        if opts[pos] != ",":
            raise ValueError("unknown key option")
        pos += 1
        if pos >= n:
            raise ValueError("unexpected end-of-options")
    after, before = result.valid_after, result.valid_before
    if after is not None and before is not None and before <= after:
        raise ValueError('"valid-before" time is before "valid-after"')
    return result


def _parse_line(lineno: int, line: str) -> AllowedSigner | None:
    """Parse one line like OpenSSH's parse_principals_key_and_options(); None for blanks."""
    cp = line.lstrip(_WS)
    if not cp or cp.startswith("#"):
        return None
    principals_field, rest = _strdelimw(cp + "\n")
    if principals_field is None or rest is None:
        raise ValueError("invalid line")
    options = ""
    try:
        key, _ = _read_key(rest)
    except KeyFormatError:
        end = _advance_past_options(rest)
        if end is None:
            raise ValueError("invalid options") from None
        options, rest = rest[:end], rest[end:]
        if not rest.strip(_WS):
            raise ValueError("missing key") from None
        try:
            key, _ = _read_key(rest[1:])
        except KeyFormatError as exc:
            raise ValueError(f"invalid key ({exc})") from None
    try:
        opts = _parse_options(options)
    except ValueError as exc:
        raise ValueError(f"bad options: {exc}") from None
    principals = []
    for sub in principals_field.split(","):
        negated = sub.startswith("!")
        principals.append(Principal(sub[1:] if negated else sub, negated))
    return AllowedSigner(
        lineno=lineno,
        principals_field=principals_field,
        principals=tuple(principals),
        key=key,
        cert_authority=opts.ca,
        namespaces=opts.namespaces,
        valid_after=opts.valid_after,
        valid_before=opts.valid_before,
        local_time=opts.local_time,
        options=options,
    )


def parse_allowed_signers(
    text: str, *, strict: bool = True, source: str = "allowed_signers"
) -> list[AllowedSigner]:
    """Parse an ``allowed_signers`` file (format: ALLOWED SIGNERS in ssh-keygen(1)).

    Each line: ``principals [options] keytype base64 [comment]``. Principals are a
    comma-separated pattern-list (``*``/``?`` wildcards, ``!`` negation) and may be
    double-quoted; options are ``cert-authority``, ``namespaces="..."``,
    ``valid-after="..."``, ``valid-before="..."`` (values must be quoted, as
    OpenSSH requires).

    With ``strict`` (the default) any malformed line raises
    :class:`AllowedSignersError` naming every bad line. With ``strict=False`` bad
    lines are skipped, which is what ssh-keygen does (it logs and ignores them).
    """
    signers: list[AllowedSigner] = []
    errors: list[LineError] = []
    for lineno, line in enumerate(text.split("\n"), start=1):
        try:
            signer = _parse_line(lineno, line)
        except ValueError as exc:
            errors.append(LineError(lineno, str(exc), line))
            continue
        if signer is not None:
            signers.append(signer)
    if errors and strict:
        raise AllowedSignersError(errors, source)
    return signers


def _epoch(when: dt.datetime | int) -> int:
    if isinstance(when, dt.datetime):
        if when.tzinfo is None or when.utcoffset() is None:
            raise ValueError("a naive datetime is ambiguous; pass an aware one")
        return int(when.timestamp() // 1)
    return int(when)


def is_allowed_signer(
    allowed: Iterable[AllowedSigner],
    pubkey: PublicKey,
    identity: str,
    namespace: str | None,
    when: dt.datetime | int,
) -> bool:
    """Whether ``identity`` (e.g. the committer's e-mail) may sign with ``pubkey``.

    The check of ``ssh-keygen -Y verify -I identity``: some line whose principals
    pattern-list matches the identity (negations respected) lists this key,
    allows the namespace and is valid at ``when``.
    """
    t = _epoch(when)
    return any(
        not s.cert_authority
        and s.key == pubkey
        and s.matches_identity(identity)
        and s.allows_namespace(namespace)
        and s.valid_at(t)
        for s in allowed
    )


# ---------------------------------------------------------------------------
# SSHSIG

_BEGIN = "-----BEGIN SSH SIGNATURE-----\n"
_END = "\n-----END SSH SIGNATURE-----"
_HASHES = {"sha256": hashlib.sha256, "sha512": hashlib.sha512}


@dataclass(frozen=True)
class VerifiedSig:
    """A signature that verified: who signed (key), for what, how."""

    public_key: PublicKey
    namespace: str
    hash_algorithm: str
    signature_algorithm: str
    sk_flags: int | None = None
    sk_counter: int | None = None

    @property
    def fingerprint(self) -> str:
        return self.public_key.fingerprint


def _dearmor(armored: str | bytes) -> bytes:
    text = armored.decode("utf-8", "replace") if isinstance(armored, bytes) else armored
    if not text.startswith(_BEGIN):
        raise SignatureFormatError("missing '-----BEGIN SSH SIGNATURE-----' header")
    end = text.find(_END, len(_BEGIN) - 1)
    if end < 0:
        raise SignatureFormatError("missing '-----END SSH SIGNATURE-----' footer")
    body = text[len(_BEGIN) : end]
    try:
        blob = _b64decode(body)
    except KeyFormatError:
        raise SignatureFormatError("invalid base64 in signature") from None
    # OpenSSH's decoder (b64_pton) refuses bits set in the padding, which
    # Python's ignores: the same bytes, but ssh-keygen calls the signature bad.
    if base64.b64encode(blob).decode() != "".join(body.split()):
        raise SignatureFormatError("non-canonical base64 in signature (padding bits set)")
    return blob


_ED25519_L = 2**252 + 27742317777372353535851937790883648493


def _ref10_s(raw: bytes) -> bytes:
    """An Ed25519 signature as OpenSSH's ref10 code checks it.

    OpenSSH only refuses S with one of its top three bits set; OpenSSL also
    refuses L <= S < 2^253. Since [S]B = [S mod L]B, reducing S makes OpenSSL
    give OpenSSH's answer (a signature with S + L is the same signature to it).
    """
    s = int.from_bytes(raw[32:], "little")
    if raw[63] & 0xE0 or s < _ED25519_L:
        return raw
    return raw[:32] + (s % _ED25519_L).to_bytes(32, "little")


def _verify_raw(key: PublicKey, sig_blob: bytes, data: bytes) -> tuple[str, int | None, int | None]:
    """Verify an SSH signature blob over ``data`` (sshkey_verify). Returns (alg, flags, counter)."""
    w = _Wire(sig_blob, "signature", SignatureFormatError)
    sig_type = w.cstring()
    kw = _Wire(key.blob, "public key", SignatureFormatError)
    kw.string()
    try:
        if key.key_type == "ssh-ed25519":
            if sig_type != "ssh-ed25519":
                raise BadSignatureError(f"signature type {sig_type} for an Ed25519 key")
            raw = w.string()
            w.end()
            if len(raw) != 64:
                raise SignatureFormatError("signature: Ed25519 signature must be 64 bytes")
            Ed25519PublicKey.from_public_bytes(kw.string()).verify(_ref10_s(raw), data)
            return sig_type, None, None
        if key.key_type in _ECDSA_CURVES:
            if sig_type != key.key_type:
                raise BadSignatureError(f"signature type {sig_type} for a {key.key_type} key")
            _, curve, hash_cls = _ECDSA_CURVES[key.key_type]
            kw.string()
            pub = ec.EllipticCurvePublicKey.from_encoded_point(curve, kw.string())
            inner = _Wire(w.string(), "signature", SignatureFormatError)
            r, s = inner.mpint(), inner.mpint()
            inner.end()
            w.end()
            pub.verify(encode_dss_signature(r, s), data, ec.ECDSA(hash_cls()))
            return sig_type, None, None
        if key.key_type == "ssh-rsa":
            rsa_hash: dict[str, type[HashAlgorithm]] = {
                "rsa-sha2-256": hashes.SHA256,
                "rsa-sha2-512": hashes.SHA512,
            }
            if sig_type not in rsa_hash:
                # SSHSIG forbids RSA/SHA-1 ("ssh-rsa") signatures.
                raise UnsupportedAlgorithmError(f"RSA signature algorithm {sig_type}")
            raw = w.string()
            w.end()
            e, n = kw.mpint(), kw.mpint()
            modlen = (n.bit_length() + 7) // 8
            if len(raw) > modlen:
                raise SignatureFormatError("signature: RSA signature longer than modulus")
            raw = raw.rjust(modlen, b"\0")
            pub_rsa = rsa.RSAPublicNumbers(e, n).public_key()
            pub_rsa.verify(raw, data, padding.PKCS1v15(), rsa_hash[sig_type]())
            return sig_type, None, None
        if key.key_type in (SK_ED25519, SK_ECDSA):
            if sig_type != key.key_type:
                raise BadSignatureError(f"signature type {sig_type} for a {key.key_type} key")
            if key.key_type == SK_ED25519:
                pk = kw.string()
            else:
                kw.string()
                point = kw.string()
            application = kw.string()
            raw = w.string()
            flags, counter = w.u8(), w.u32()
            w.end()
            signed = (
                hashlib.sha256(application).digest()
                + bytes([flags])
                + struct.pack(">I", counter)
                + hashlib.sha256(data).digest()
            )
            if key.key_type == SK_ED25519:
                if len(raw) != 64:
                    raise SignatureFormatError("signature: Ed25519 signature must be 64 bytes")
                Ed25519PublicKey.from_public_bytes(pk).verify(_ref10_s(raw), signed)
            else:
                inner = _Wire(raw, "signature", SignatureFormatError)
                r, s = inner.mpint(), inner.mpint()
                inner.end()
                pub = ec.EllipticCurvePublicKey.from_encoded_point(ec.SECP256R1(), point)
                pub.verify(encode_dss_signature(r, s), signed, ec.ECDSA(hashes.SHA256()))
            return sig_type, flags, counter
    except InvalidSignature:
        raise BadSignatureError("signature does not verify") from None
    raise UnsupportedAlgorithmError(f"key type {key.key_type} is not supported")


def verify_sshsig(armored: str | bytes, payload: bytes, namespace: str = "git") -> VerifiedSig:
    """Verify an armored SSH signature over ``payload`` for ``namespace``.

    Follows PROTOCOL.sshsig and OpenSSH's sshsig_verifyb(): magic ``SSHSIG``,
    version 1, no trailing data, the namespace must equal ``namespace``, hash
    sha256 or sha512, RSA only as rsa-sha2-256/512. This checks the signature
    only, not whether the key is trusted: see :func:`find_principals`.

    Raises SignatureFormatError, UnsupportedAlgorithmError,
    NamespaceMismatchError or BadSignatureError (all :class:`SshSigError`).
    """
    blob = _dearmor(armored)
    w = _Wire(blob, "signature", SignatureFormatError)
    if w.take(6) != b"SSHSIG":
        raise SignatureFormatError("signature: bad magic (not SSHSIG)")
    version = w.u32()
    if version != 1:
        raise UnsupportedAlgorithmError(f"SSHSIG version {version}")
    key_blob = w.string()
    sig_namespace = w.cstring()
    w.string()  # reserved: ignored, as OpenSSH does
    hash_alg = w.cstring()
    sig_blob = w.string()
    w.end()
    try:
        key = PublicKey.from_blob(key_blob)
    except KeyFormatError as exc:
        if "unknown key type" in str(exc):
            raise UnsupportedAlgorithmError(str(exc)) from None
        raise SignatureFormatError(str(exc)) from None
    if hash_alg not in _HASHES:
        raise UnsupportedAlgorithmError(f"hash algorithm {hash_alg!r}")
    if sig_namespace != namespace:
        raise NamespaceMismatchError(
            f"signature namespace {sig_namespace!r}, expected {namespace!r}"
        )
    if not key.supported:
        raise UnsupportedAlgorithmError(f"key type {key.key_type} is not supported")
    signed = (
        b"SSHSIG"
        + _string(namespace.encode())
        + _string(b"")
        + _string(hash_alg.encode())
        + _string(_HASHES[hash_alg](payload).digest())
    )
    sig_alg, flags, counter = _verify_raw(key, sig_blob, signed)
    return VerifiedSig(key, sig_namespace, hash_alg, sig_alg, flags, counter)
