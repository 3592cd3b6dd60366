"""Read raw git objects through one long-lived ``git cat-file --batch`` process.

This is the speed path of the audit: commit objects are parsed here, byte for
byte, instead of through GitPython, so that the signed payload handed to the
signature check is exactly the one git hands to ``ssh-keygen``.

Every git process started here runs with ``--no-replace-objects``,
``GIT_NO_REPLACE_OBJECTS=1`` and ``GIT_GRAFT_FILE`` pointing at the null device:
``git replace`` and the deprecated ``info/grafts`` file can both make git show a
history that differs from the objects the hashes name, and an audit must see the
objects themselves. Variables that redirect git to another repository
(``GIT_DIR``, ``GIT_OBJECT_DIRECTORY`` ...) are dropped, so the repository is
always the one named by ``repo_path``.
"""

from __future__ import annotations

import datetime as dt
import os
import subprocess
import tempfile
import threading
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import IO, NamedTuple

__all__ = [
    "Commit",
    "CommitFormatError",
    "GitError",
    "Ident",
    "MissingObjectError",
    "ObjectReader",
    "ObjectTypeError",
    "RawObject",
    "git_env",
    "replace_refs",
    "rev_list",
    "split_signed_payload",
]

# Variables that make git look at another repository, object store or index than
# the one named on the command line (cf. ``git rev-parse --local-env-vars``).
_REDIRECTING_ENV = (
    "GIT_ALTERNATE_OBJECT_DIRECTORIES",
    "GIT_COMMON_DIR",
    "GIT_DIR",
    "GIT_GRAFT_FILE",
    "GIT_IMPLICIT_WORK_TREE",
    "GIT_INDEX_FILE",
    "GIT_INTERNAL_SUPER_PREFIX",
    "GIT_NAMESPACE",
    "GIT_NO_REPLACE_OBJECTS",
    "GIT_OBJECT_DIRECTORY",
    "GIT_PREFIX",
    "GIT_REPLACE_REF_BASE",
    "GIT_SHALLOW_FILE",
    "GIT_WORK_TREE",
)


class GitError(RuntimeError):
    """A git process failed; ``stderr`` holds what it said."""

    def __init__(self, message: str, stderr: str = "") -> None:
        super().__init__(f"{message}: {stderr.strip()}" if stderr.strip() else message)
        self.stderr = stderr


class MissingObjectError(LookupError):
    """The object named by a spec does not exist."""


class ObjectTypeError(TypeError):
    """The object exists but has another type than the one asked for."""


class CommitFormatError(ValueError):
    """A commit object that cannot be parsed (missing tree, bad ident ...)."""


def git_env(base: dict[str, str] | None = None) -> dict[str, str]:
    """Environment for audit git processes: no replace refs, no grafts, no redirection."""
    env = dict(os.environ if base is None else base)
    # git's own pre-receive quarantine (the pushed objects, not yet in the object
    # store): the server's hook audits exactly those objects, so it keeps the pair
    quarantine = env.get("GIT_QUARANTINE_PATH")
    keep = (
        ("GIT_OBJECT_DIRECTORY", "GIT_ALTERNATE_OBJECT_DIRECTORIES")
        if quarantine and env.get("GIT_OBJECT_DIRECTORY") == quarantine
        else ()
    )
    for name in _REDIRECTING_ENV:
        if name not in keep:
            env.pop(name, None)
    env["GIT_NO_REPLACE_OBJECTS"] = "1"
    env["GIT_GRAFT_FILE"] = os.devnull
    # git trusts .git/objects/info/commit-graph for parents without checking it
    # against the commit objects: the audit never reads it.
    given = env.get("GIT_CONFIG_COUNT", "")
    count = int(given) if given.isdigit() else 0
    # GIT_GRAFT_FILE=/dev/null exists, so git would print a deprecation hint
    # for it on every run: the audit's git says only what concerns the user.
    settings = {"core.commitGraph": "false", "advice.graftFileDeprecated": "false"}
    for i, (key, value) in enumerate(settings.items(), start=count):
        env[f"GIT_CONFIG_KEY_{i}"] = key
        env[f"GIT_CONFIG_VALUE_{i}"] = value
    env["GIT_CONFIG_COUNT"] = str(count + len(settings))
    env["LC_ALL"] = "C"
    return env


def _git(repo: str | os.PathLike[str], *args: str, git: str = "git") -> str:
    cmd = [git, "-C", os.fspath(repo), "--no-replace-objects", *args]
    proc = subprocess.run(cmd, capture_output=True, env=git_env(), check=False)
    if proc.returncode != 0:
        raise GitError(
            f"{' '.join(cmd[3:])} failed with exit code {proc.returncode}",
            proc.stderr.decode("utf-8", "replace"),
        )
    return proc.stdout.decode("utf-8", "replace")


def rev_list(
    repo: str | os.PathLike[str],
    rev: str = "HEAD",
    *,
    exclude: str | None = None,
    git: str = "git",
) -> list[str]:
    """Commit ids reachable from ``rev`` (not from ``exclude``), oldest first (``--topo-order
    --reverse``), as the commit objects say: no replace refs, grafts or commit-graph."""
    tail = [f"^{exclude}"] if exclude is not None else []
    out = _git(
        repo, "rev-list", "--topo-order", "--reverse", "--end-of-options", rev, *tail, git=git
    )
    return out.split()


def replace_refs(repo: str | os.PathLike[str], *, git: str = "git") -> list[str]:
    """Names of any ``refs/replace/*`` refs; an audit reports them."""
    out = _git(repo, "for-each-ref", "--format=%(refname)", "refs/replace/", git=git)
    return out.split()


# ---------------------------------------------------------------------------
# Commit parsing


_LAST_DATE = 253402300799  # 9999-12-31T23:59:59Z


@dataclass(frozen=True)
class Ident:
    """An author or committer line: ``Name <email> <unix time> <+hhmm>``."""

    name: str
    email: str
    timestamp: int
    tz: str

    @property
    def offset_minutes(self) -> int:
        sign = -1 if self.tz.startswith("-") else 1
        digits = self.tz[1:]
        return sign * (int(digits[:2]) * 60 + int(digits[2:]))

    @property
    def datetime(self) -> dt.datetime:
        """Aware datetime in the ident's own zone (UTC if the zone is out of range).

        Raises ValueError for a timestamp no calendar date has (see :attr:`date_ok`).
        """
        try:
            tzinfo = dt.timezone(dt.timedelta(minutes=self.offset_minutes))
        except ValueError:
            tzinfo = dt.UTC
        try:
            return dt.datetime.fromtimestamp(self.timestamp, tzinfo)
        except (OverflowError, OSError, ValueError) as exc:
            raise ValueError(f"时间戳 {self.timestamp} 超出可表示的日期范围") from exc

    @property
    def date_ok(self) -> bool:
        """True when the timestamp is a date between years 1 and 9999 (UTC)."""
        return 0 < self.timestamp <= _LAST_DATE


def _parse_ident(value: bytes, what: str) -> Ident:
    # Same split as git's split_ident_line(): the mail is between the first "<"
    # and the next ">", the date follows the last ">".
    lt = value.find(b"<")
    gt = value.find(b">", lt + 1) if lt >= 0 else -1
    last_gt = value.rfind(b">")
    if lt < 0 or gt < 0:
        raise CommitFormatError(f"{what}: no <email> in {value!r}")
    fields = value[last_gt + 1 :].split()
    if len(fields) != 2 or not fields[0].isdigit():
        raise CommitFormatError(f"{what}: no timestamp in {value!r}")
    tz = fields[1]
    if len(tz) != 5 or tz[:1] not in (b"+", b"-") or not tz[1:].isdigit():
        raise CommitFormatError(f"{what}: bad time zone in {value!r}")
    return Ident(
        name=value[:lt].strip().decode("utf-8", "replace"),
        email=value[lt + 1 : gt].decode("utf-8", "replace"),
        timestamp=int(fields[0]),
        tz=tz.decode("ascii"),
    )


def split_signed_payload(
    raw: bytes, header: bytes = b"gpgsig"
) -> tuple[bytes, bytes | None, tuple[tuple[str, bytes], ...]]:
    """Split a commit object the way git's ``parse_buffer_signed_by_header()`` does.

    Returns ``(payload, signature, others)``: ``payload`` is the object without any
    ``gpgsig*`` header and its continuation lines (what git signs and verifies),
    ``signature`` the unfolded value of ``header`` (``gpgsig`` in SHA-1
    repositories, ``gpgsig-sha256`` in SHA-256 ones) or None, ``others`` the other
    ``gpgsig*`` headers (name, unfolded value), which git drops from the payload
    too. Only the header block is searched; the message is never touched.
    """
    payload = bytearray()
    signature = bytearray()
    others: list[tuple[str, bytearray]] = []
    saw_signature = in_signature = other_signature = False
    prefix = header + b" "
    pos, end = 0, len(raw)
    while pos < end:
        nl = raw.find(b"\n", pos)
        nxt = end if nl < 0 else nl + 1
        line = raw[pos:nxt]
        sig_part: bytes | None = None
        if in_signature and line[:1] == b" ":
            sig_part = line[1:]
        elif line.startswith(prefix):
            sig_part = line[len(prefix) :]
            other_signature = False
        elif line.startswith(b"gpgsig"):
            other_signature = True
            name, _, value = line.rstrip(b"\n").partition(b" ")
            others.append((name.decode("ascii", "replace"), bytearray(value + b"\n")))
        elif other_signature and line[:1] == b" ":
            others[-1][1].extend(line[1:])
        elif other_signature:
            other_signature = False
        if sig_part is not None:
            signature += sig_part
            saw_signature = in_signature = True
            pos = nxt
            continue
        if line[:1] == b"\n":
            # End of the header block: the message is payload as it stands.
            nxt = end
            line = raw[pos:]
        if not other_signature:
            payload += line
        in_signature = False
        pos = nxt
    return (
        bytes(payload),
        bytes(signature) if saw_signature else None,
        tuple((name, bytes(value)) for name, value in others),
    )


@dataclass(frozen=True)
class Commit:
    """A parsed commit object.

    ``signature`` is the armored value of the signature header git uses for this
    repository's object format (``gpgsig`` for SHA-1, ``gpgsig-sha256`` for
    SHA-256), unfolded, each line ending in ``\\n``; None for an unsigned commit.
    ``other_signatures`` holds any other ``gpgsig*`` header (e.g. the SHA-256
    signature of a dual-signed commit in a SHA-1 repository); git ignores them for
    verification but, like git, they are not part of ``signed_payload``.
    """

    sha: str
    tree: str
    parents: tuple[str, ...]
    author: Ident
    committer: Ident
    message: str
    signature: str | None
    signed_payload: bytes
    other_signatures: tuple[tuple[str, str], ...] = ()
    encoding: str | None = None
    raw: bytes = b""
    anomalies: tuple[str, ...] = ()  # what git could read differently (malformed-commit)

    @property
    def is_signed(self) -> bool:
        return self.signature is not None

    @property
    def signature_trailing(self) -> str:
        """Unsigned text after the signature's END line (ignored by git and ssh-keygen)."""
        sig = self.signature or ""
        for end in ("-----END SSH SIGNATURE-----", "-----END PGP SIGNATURE-----"):
            at = sig.find(end)
            if at >= 0:
                rest = sig[at + len(end) :]
                return rest[1:] if rest.startswith("\n") else rest
        return ""


_HEX = {"sha1": 40, "sha256": 64}
_MULTILINE = (b"gpgsig", b"gpgsig-sha256", b"mergetag")


def _anomalies(headers: list[tuple[bytes, bytes]], continued: list[bytes], fmt: str) -> list[str]:
    """Header shapes git may read differently from this parser (``git fsck`` order)."""
    out: list[str] = []
    names = [n for n, _v in headers]
    for name in (b"tree", b"author", b"committer", b"encoding", b"gpgsig", b"gpgsig-sha256"):
        if names.count(name) > 1:
            out.append(f"{name.decode()} 头出现 {names.count(name)} 次")
    # tree, parent*, author, committer, then the rest
    rank = {b"tree": 0, b"parent": 1, b"author": 2, b"committer": 3}
    last = -1
    for name in names:
        r = rank.get(name, 4)
        if r < last or (r == last and r != 1 and r != 4):
            out.append(f"{name.decode('ascii', 'replace')} 头的位置不对")
            break
        last = r
    hexlen = _HEX.get(fmt, 40)
    for name, value in headers:
        if name in (b"tree", b"parent") and (
            len(value) != hexlen or value.strip(b"0123456789abcdef")
        ):
            out.append(f"{name.decode()} 头的对象 id 无效")
        if not name or name.strip(b"abcdefghijklmnopqrstuvwxyz0123456789-"):
            out.append(f"无法识别的头 {name!r}")
    for name in continued:
        if name not in _MULTILINE:
            out.append(f"{name.decode('ascii', 'replace')} 头后有续行")
    return list(dict.fromkeys(out))


def parse_commit(sha: str, raw: bytes, *, object_format: str = "sha1") -> Commit:
    """Parse the raw bytes of a commit object (without the ``commit <size>\\0`` prefix)."""
    head, sep, body = raw.partition(b"\n\n")
    if not sep and raw.endswith(b"\n"):
        head, body = raw[:-1], b""
    lines = head.split(b"\n")
    headers: list[tuple[bytes, bytes]] = []
    continued: list[bytes] = []
    for line in lines:
        if line.startswith(b" "):
            # continuation of a multi-line header (gpgsig, mergetag ...)
            continued.append(headers[-1][0] if headers else b"")
            continue
        name, _, value = line.partition(b" ")
        headers.append((name, value))
    anomalies = _anomalies(headers, continued, object_format)
    if not headers or headers[0][0] != b"tree":
        raise CommitFormatError(f"commit {sha}: first header is not 'tree'")
    tree = headers[0][1].decode("ascii", "replace")
    parents: list[str] = []
    for name, value in headers[1:]:
        if name != b"parent":
            break
        parents.append(value.decode("ascii", "replace"))
    found = {}
    for name, value in headers:
        if name in (b"author", b"committer", b"encoding") and name not in found:
            found[name] = value
    for required in (b"author", b"committer"):
        if required not in found:
            raise CommitFormatError(f"commit {sha}: no {required.decode()} header")
    encoding = found[b"encoding"].decode("ascii", "replace") if b"encoding" in found else None
    if encoding is not None and encoding.lower() not in ("utf-8", "utf8"):
        # git re-encodes with iconv, Python with its own codecs (unicode_escape ...):
        # they may show different text. The message is read as the bytes say.
        anomalies.append(f"encoding 头为 {encoding!r}（只接受 UTF-8）")
    message = body.decode("utf-8", "replace")
    sig_header = b"gpgsig" if object_format == "sha1" else b"gpgsig-" + object_format.encode()
    payload, signature, others = split_signed_payload(raw, sig_header)
    return Commit(
        sha=sha,
        tree=tree,
        parents=tuple(parents),
        author=_parse_ident(found[b"author"], f"commit {sha} author"),
        committer=_parse_ident(found[b"committer"], f"commit {sha} committer"),
        message=message,
        signature=None if signature is None else signature.decode("utf-8", "replace"),
        signed_payload=payload,
        other_signatures=tuple((n, v.decode("utf-8", "replace")) for n, v in others),
        encoding=encoding,
        raw=raw,
        anomalies=tuple(anomalies),
    )


# ---------------------------------------------------------------------------
# The reader


class RawObject(NamedTuple):
    sha: str
    type: str
    data: bytes


def _check_spec(spec: str) -> bytes:
    if not spec or any(c in spec for c in "\n\r\0"):
        raise ValueError(f"invalid object spec {spec!r}")
    return spec.encode("utf-8")


def _widen_pipe(pipe: IO[bytes] | None) -> None:
    """Let git write up to 1 MiB ahead of the reader (Linux; elsewhere a no-op).

    A history's blobs can add up to hundreds of megabytes; through the default
    64 KiB pipe git and the audit take turns thousands of times, and on a busy
    machine every turn waits for a CPU.
    """
    if pipe is None:
        return
    try:
        import fcntl

        fcntl.fcntl(pipe.fileno(), fcntl.F_SETPIPE_SZ, 1 << 20)
    except (ImportError, AttributeError, OSError, ValueError):
        pass


class ObjectReader:
    """Reads objects of one repository through a single ``git cat-file --batch``.

    Use as a context manager::

        with ObjectReader(repo) as r:
            c = r.commit("HEAD")
            text = r.blob(f"{c.sha}:allowed_signers")   # None if absent

    Calls from several threads are serialised by a lock: correct, not parallel.
    """

    _proc: subprocess.Popen[bytes] | None = None

    def __init__(self, repo_path: str | os.PathLike[str], *, git: str = "git") -> None:
        self.repo_path = os.fspath(repo_path)
        fmt = _git(self.repo_path, "rev-parse", "--show-object-format", git=git)
        self.object_format = fmt.strip()
        self._lock = threading.Lock()
        self._stderr = tempfile.TemporaryFile()  # noqa: SIM115 - closed in close()
        try:
            self._proc = subprocess.Popen(
                [git, "-C", self.repo_path, "--no-replace-objects", "cat-file", "--batch"],
                stdin=subprocess.PIPE,
                stdout=subprocess.PIPE,
                stderr=self._stderr,
                env=git_env(),
                bufsize=1 << 16,
            )
        except OSError:
            self._stderr.close()
            raise
        _widen_pipe(self._proc.stdout)

    # -- lifecycle --------------------------------------------------------
    def __enter__(self) -> ObjectReader:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def __del__(self) -> None:
        self.close()

    def close(self) -> None:
        """Stop the cat-file process; idempotent."""
        proc, self._proc = self._proc, None
        if proc is None:
            return
        try:
            if proc.stdin:
                proc.stdin.close()
            proc.wait(timeout=5)
        except (OSError, subprocess.TimeoutExpired):
            proc.kill()
            proc.wait()
        finally:
            if proc.stdout:
                proc.stdout.close()
            self._stderr.close()

    # -- protocol -----------------------------------------------------------
    def _pipes(self) -> subprocess.Popen[bytes]:
        if self._proc is None:
            raise ValueError("ObjectReader is closed")
        return self._proc

    def _died(self) -> GitError:
        self._stderr.seek(0)
        err = self._stderr.read().decode("utf-8", "replace")
        return GitError("git cat-file --batch stopped unexpectedly", err)

    def _read_response(self, proc: subprocess.Popen[bytes], spec: str) -> RawObject | None:
        assert proc.stdout is not None
        header = proc.stdout.readline()
        if not header.endswith(b"\n"):
            raise self._died()
        header = header[:-1]
        if header.endswith(b" missing"):
            return None
        if header.endswith(b" ambiguous"):
            raise MissingObjectError(f"object name {spec!r} is ambiguous")
        try:
            sha, otype, size_text = header.split(b" ")
            size = int(size_text)
        except ValueError:
            raise GitError(f"unexpected cat-file reply {header!r} for {spec!r}") from None
        data = proc.stdout.read(size)
        if len(data) != size or proc.stdout.read(1) != b"\n":
            raise self._died()
        return RawObject(sha.decode("ascii"), otype.decode("ascii"), data)

    def _send(self, proc: subprocess.Popen[bytes], payload: bytes) -> None:
        assert proc.stdin is not None
        try:
            proc.stdin.write(payload)
            proc.stdin.flush()
        except BrokenPipeError:
            raise self._died() from None

    def read(self, spec: str) -> RawObject | None:
        """The object named by ``spec`` (any rev/``<commit>:<path>``); None if missing."""
        line = _check_spec(spec) + b"\n"
        with self._lock:
            proc = self._pipes()
            self._send(proc, line)
            return self._read_response(proc, spec)

    def read_many(self, specs: Iterable[str]) -> Iterator[tuple[str, RawObject | None]]:
        """Pipelined :meth:`read`: requests are written by a helper thread.

        Much faster than a round trip per object for long lists. The reader stays
        locked until the iterator is exhausted or closed.
        """
        specs = list(specs)
        lines = b"".join(_check_spec(s) + b"\n" for s in specs)
        with self._lock:
            proc = self._pipes()
            failure: list[BaseException] = []

            def feed() -> None:
                try:
                    self._send(proc, lines)
                except BaseException as exc:  # noqa: BLE001 - re-raised below
                    failure.append(exc)

            writer = threading.Thread(target=feed, daemon=True)
            writer.start()
            done = 0
            try:
                for spec in specs:
                    obj = self._read_response(proc, spec)
                    done += 1
                    yield spec, obj
            finally:
                if done < len(specs) and not failure and self._proc is not None:
                    # Consumer stopped early: drain the replies still in the pipe
                    # so the next request reads its own answer.
                    try:
                        for spec in specs[done:]:
                            self._read_response(proc, spec)
                    except GitError:
                        pass
                writer.join()
            if failure:
                raise failure[0]

    def _typed(self, spec: str, obj: RawObject | None, wanted: str) -> RawObject:
        if obj is None:
            raise MissingObjectError(f"no object {spec!r} in {self.repo_path}")
        if obj.type != wanted:
            raise ObjectTypeError(f"{spec!r} is a {obj.type}, not a {wanted}")
        return obj

    def commit(self, spec: str) -> Commit:
        """Parse the commit named by ``spec``; raises MissingObjectError/ObjectTypeError."""
        obj = self._typed(spec, self.read(spec), "commit")
        return parse_commit(obj.sha, obj.data, object_format=self.object_format)

    def commits(self, specs: Iterable[str]) -> Iterator[Commit]:
        """Pipelined :meth:`commit` over many specs, in order."""
        for spec, obj in self.read_many(specs):
            obj = self._typed(spec, obj, "commit")
            yield parse_commit(obj.sha, obj.data, object_format=self.object_format)

    def blob(self, spec: str) -> bytes | None:
        """Content of a blob, e.g. ``f"{sha}:allowed_signers"``; None if it does not exist."""
        obj = self.read(spec)
        if obj is None:
            return None
        return self._typed(spec, obj, "blob").data
