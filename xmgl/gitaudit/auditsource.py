"""What the audit reads from a dossier's history, and nothing it has not checked.

Every object is read through one ``git cat-file --batch`` (no replace refs,
no grafts; :class:`xmgl.gitaudit.objects.ObjectReader`) and its content is
hashed again here: git does not re-hash objects when it reads them, so a
tampered object would otherwise pass for the one its id names. The facts of
each commit — parents, committer, message, signature and signed payload, the
``project.yaml`` stage and the ``.xmgl/allowed_signers`` text — come out as
:class:`CommitFacts`, the same for the fast and the reference verifier.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from types import TracebackType

from xmgl.gitaudit.objects import (
    Commit,
    CommitFormatError,
    GitError,
    ObjectReader,
    RawObject,
    parse_commit,
    rev_list,
)
from xmgl.gitaudit.stagescan import Stage, StageUnreadable, read_stage

PROJECT = "project.yaml"
SIGNERS = ".xmgl/allowed_signers"
OPENPGP_SIGNERS = ".xmgl/allowed_signers_openpgp"
OPENPGP_KEYS = ".xmgl/openpgp"


@dataclass
class CommitFacts:
    sha: str
    commit: Commit | None  # None if the object could not be read or parsed
    tampered: list[str] = field(default_factory=list)  # "commit abc…", "blob def… (project.yaml)"
    missing: list[str] = field(default_factory=list)
    malformed_trees: list[str] = field(default_factory=list)  # "目录树 abc…：条目 x 重复出现"
    project_blob: str | None = None
    stage: Stage | None = None
    stage_error: str | None = None
    signers_blob: str | None = None
    signers_text: str | None = None
    openpgp_blob: str | None = None
    openpgp_text: str | None = None

    @property
    def parents(self) -> tuple[str, ...]:
        return self.commit.parents if self.commit else ()


def _object_hash(fmt: str, otype: str, data: bytes) -> str:
    h = hashlib.sha256() if fmt == "sha256" else hashlib.sha1()
    h.update(f"{otype} {len(data)}\0".encode())
    h.update(data)
    return h.hexdigest()


def parse_tree(data: bytes, hash_len: int) -> dict[str, tuple[str, str]]:
    """``{name: (mode, id)}`` of a raw tree object (the first of duplicate names, as git)."""
    return read_tree(data, hash_len)[0]


def _tree_key(name: bytes, mode: int) -> bytes:
    # git's sort order: a directory sorts as if its name ended in "/"
    return name + b"/" if mode & 0o170000 == 0o040000 else name


def read_tree(data: bytes, hash_len: int) -> tuple[dict[str, tuple[str, str]], list[str]]:
    """``({name: (mode, id)}, anomalies)``: a tree object read strictly, as git reads it.

    The mode is octal as git parses it (``040000`` is a directory, reported as
    ``40000``); anything git could read differently — duplicate names, entries
    out of git's order, zero-padded or unknown modes, empty or slashed names, a
    truncated entry — is an anomaly (``malformed-tree``).
    """
    out: dict[str, tuple[str, str]] = {}
    anomalies: list[str] = []
    pos, end = 0, len(data)
    previous: bytes | None = None
    while pos < end:
        space = data.find(b" ", pos)
        nul = data.find(b"\0", space + 1) if space >= 0 else -1
        if space < 0 or nul < 0 or nul + 1 + hash_len > end:
            anomalies.append("目录树对象被截断")
            break
        raw_mode = data[pos:space]
        raw_name = data[space + 1 : nul]
        sha = data[nul + 1 : nul + 1 + hash_len].hex()
        pos = nul + 1 + hash_len
        try:
            mode = int(raw_mode, 8) if raw_mode and raw_mode.isdigit() else -1
        except ValueError:
            mode = -1
        if mode < 0:
            anomalies.append(f"条目 {raw_name!r} 的模式 {raw_mode!r} 无效")
            continue
        if mode not in (0o040000, 0o100644, 0o100755, 0o120000, 0o160000, 0o100664):
            anomalies.append(f"条目 {raw_name.decode('utf-8', 'replace')} 的模式 {oct(mode)} 未知")
        if not raw_name or b"/" in raw_name or raw_name in (b".", b".."):
            anomalies.append(f"条目名 {raw_name!r} 无效")
        name = raw_name.decode("utf-8", "surrogateescape")
        key = _tree_key(raw_name, mode)
        if name in out:
            anomalies.append(f"条目 {name} 重复出现")
            continue
        if previous is not None and key <= previous:
            anomalies.append(f"条目 {name} 不在 git 的排列顺序中")
        previous = key
        out[name] = (f"{mode:o}", sha)
    return out, list(dict.fromkeys(anomalies))


class HistorySource:
    """Reads a repository's commits and the two files the audit needs, hash-checked.

    Objects are asked for by id, level by level (commits, root trees, the
    trees on the way, blobs), each level one pipelined request; blobs are
    checked as they arrive while git inflates the next. Every object is
    re-hashed and the way to each file follows the entries of hashed trees, so
    nothing git resolved is taken on trust.
    """

    def __init__(self, top: Path, prefix: str = "") -> None:
        self.top = Path(top)
        self.prefix = prefix
        self.reader = ObjectReader(self.top)
        self.fmt = self.reader.object_format
        self.hash_len = 32 if self.fmt == "sha256" else 20
        self._trees: dict[str, tuple[bool, dict[str, tuple[str, str]] | None]] = {}
        self._tree_anomalies: dict[str, list[str]] = {}
        self._blobs: dict[str, tuple[bool, bytes]] = {}  # signers files: (hash ok, data)
        self._stages: dict[str, tuple[bool, Stage | None, str | None]] = {}
        self._commits: dict[str, CommitFacts] = {}

    def close(self) -> None:
        self.reader.close()

    def __enter__(self) -> HistorySource:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()

    def commit_ids(self, head: str) -> list[str]:
        """Every commit reachable from ``head``, parents before children.

        The set and the order come from the parsed commit objects themselves
        (each re-hashed when its facts are taken), never from git's answer:
        ``rev-list`` (run without the commit-graph) only says which objects to
        read first, and any parent it left out is read as well.
        """
        try:
            hint = rev_list(self.top, head)
        except GitError:
            hint = [head]
        self._read_commits(hint)
        order: list[str] = []
        state: dict[str, int] = {}  # 1: on the stack, 2: done
        stack: list[tuple[str, int]] = [(head, 0)]
        while stack:
            sha, i = stack.pop()
            if i == 0:
                if state.get(sha):
                    continue
                state[sha] = 1
                if sha not in self._commits:
                    self._read_commits([sha])
            parents = self._commits[sha].parents
            if i < len(parents):
                stack.append((sha, i + 1))
                p = parents[i]
                if not state.get(p):
                    if p not in self._commits:
                        self._read_commits([p])
                    stack.append((p, 0))
                continue
            state[sha] = 2
            order.append(sha)
        return order

    def _read_commits(self, ids: Iterable[str]) -> None:
        todo = [i for i in dict.fromkeys(ids) if i not in self._commits]
        for sha, cobj in self.reader.read_many(todo):
            self._commits[sha] = self._commit(sha, cobj)

    def exists(self, sha: str) -> str | None:
        """The type of the object ``sha`` names, or None (for anchors)."""
        obj = self.reader.read(sha)
        return None if obj is None else obj.type

    def _hash_ok(self, obj: RawObject) -> bool:
        return _object_hash(self.fmt, obj.type, obj.data) == obj.sha

    def _tree(self, obj: RawObject) -> tuple[bool, dict[str, tuple[str, str]] | None]:
        known = self._trees.get(obj.sha)
        if known is None:
            entries, anomalies = read_tree(obj.data, self.hash_len)
            known = (self._hash_ok(obj), entries)
            self._trees[obj.sha] = known
            if anomalies:
                self._tree_anomalies[obj.sha] = anomalies
        return known

    def facts(self, ids: list[str]) -> list[CommitFacts]:
        self._read_commits(ids)
        out: list[CommitFacts] = [self._commits[sha] for sha in ids]
        project_path = self.prefix + PROJECT
        signers_path = self.prefix + SIGNERS
        openpgp_path = self.prefix + OPENPGP_SIGNERS
        # walk the paths level by level; each level is one pipelined request
        where = {f.sha: f.commit.tree for f in out if f.commit is not None}
        found: dict[tuple[str, str], str | None] = {}
        odd: dict[tuple[str, str], str] = {}  # listed, but not a regular file / directory
        for path in (project_path, signers_path, openpgp_path):
            current = dict(where)
            parts = path.split("/")
            for depth, part in enumerate(parts):
                self._read_trees(current.values())
                nxt: dict[str, str] = {}
                for sha, tree_id in current.items():
                    f_ok, entries = self._trees.get(tree_id, (True, None))
                    if not f_ok:
                        self._flag(out, sha, f"目录树对象 {tree_id}")
                    for what in self._tree_anomalies.get(tree_id, ()):
                        self._flag_malformed(out, sha, f"目录树 {tree_id[:12]}：{what}")
                    listed = entries.get(part) if entries else None
                    last = depth == len(parts) - 1
                    is_dir = listed is not None and listed[0] == "40000"
                    is_file = listed is not None and listed[0] in ("100644", "100755", "100664")
                    if listed is None or not (is_file if last else is_dir):
                        if last:
                            found[(sha, path)] = None
                        if listed is not None:
                            odd[(sha, path)] = "/".join(parts[: depth + 1])
                        continue
                    if last:
                        found[(sha, path)] = listed[1]
                    else:
                        nxt[sha] = listed[1]
                current = nxt
        by_sha = {f.sha: f for f in out}
        for (sha, path), blob in found.items():
            if path == project_path:
                by_sha[sha].project_blob = blob
            elif path == signers_path:
                by_sha[sha].signers_blob = blob
            else:
                by_sha[sha].openpgp_blob = blob
        self._read_blobs([f.signers_blob for f in out], keep=True)
        self._read_blobs([f.openpgp_blob for f in out], keep=True)
        self._read_blobs([f.project_blob for f in out], keep=False)
        for f in out:
            if f.commit is None:
                continue
            if f.signers_blob:
                if f.signers_blob not in self._blobs:
                    f.missing.append(f"{SIGNERS} 的文件对象 {f.signers_blob}")
                else:
                    ok, data = self._blobs[f.signers_blob]
                    if not ok:
                        f.tampered.append(f"文件对象 {f.signers_blob}（{SIGNERS}）")
                    f.signers_text = data.decode("utf-8", "replace")
            if f.openpgp_blob and f.openpgp_blob in self._blobs:
                ok, data = self._blobs[f.openpgp_blob]
                if not ok:
                    f.tampered.append(f"文件对象 {f.openpgp_blob}（{OPENPGP_SIGNERS}）")
                f.openpgp_text = data.decode("utf-8", "replace")
            if f.project_blob:
                ok, f.stage, f.stage_error = self._stages[f.project_blob]
                if not ok:
                    f.tampered.append(f"文件对象 {f.project_blob}（{PROJECT}）")
            elif (f.sha, project_path) in odd:
                f.stage_error = f"{odd[(f.sha, project_path)]} 不是普通文件（符号链接或子模块）"
            else:
                f.stage = Stage(None, None)
        return out

    def blob_ok(self, blob: str | None) -> bool:
        """The signers file ``blob`` was read and hashes to its id (None: no file, fine)."""
        if blob is None:
            return True
        known = self._blobs.get(blob)
        return known is not None and known[0]

    def _flag_malformed(self, out: list[CommitFacts], sha: str, what: str) -> None:
        f = self._commits.get(sha)
        if f is not None and what not in f.malformed_trees:
            f.malformed_trees.append(what)

    @staticmethod
    def _flag(out: list[CommitFacts], sha: str, what: str) -> None:
        for f in out:
            if f.sha == sha and what not in f.tampered:
                f.tampered.append(what)

    def _commit(self, sha: str, cobj: RawObject | None) -> CommitFacts:
        f = CommitFacts(sha, None)
        if cobj is None:
            f.missing.append(f"提交 {sha}")
            return f
        if cobj.type != "commit":
            f.missing.append(f"{sha} 不是提交对象")
            return f
        if not self._hash_ok(cobj):
            f.tampered.append(f"提交对象 {sha}")
        try:
            f.commit = parse_commit(sha, cobj.data, object_format=self.fmt)
        except CommitFormatError as exc:
            f.missing.append(f"提交 {sha} 无法解析：{exc}")
        return f

    def _read_trees(self, ids: Iterable[str]) -> None:
        todo = [i for i in dict.fromkeys(ids) if i not in self._trees]
        for sha, obj in self.reader.read_many(todo):
            if obj is None or obj.type != "tree":
                self._trees[sha] = (True, None)
            else:
                self._tree(obj)

    def _read_blobs(self, ids: Iterable[str | None], *, keep: bool) -> None:
        """Read and hash-check blobs as they arrive (git inflates the next meanwhile).

        ``keep``: keep the content (signers files); otherwise keep only the stage.
        """
        seen = self._blobs if keep else self._stages
        todo = [i for i in dict.fromkeys(ids) if i and i not in seen]
        for sha, obj in self.reader.read_many(todo):
            if obj is None or obj.type != "blob":
                if not keep:
                    self._stages[sha] = (True, None, "文件对象缺失")
                continue
            if keep:
                self._keep(obj)
            else:
                self._stage(obj)

    def _keep(self, obj: RawObject) -> tuple[bool, bytes]:
        known = (self._hash_ok(obj), obj.data)
        self._blobs[obj.sha] = known
        return known

    def _stage(self, obj: RawObject) -> tuple[bool, Stage | None, str | None]:
        known = self._stages.get(obj.sha)
        if known is None:
            ok = self._hash_ok(obj)
            try:
                known = (ok, read_stage(obj.data), None)
            except StageUnreadable as exc:
                known = (ok, None, str(exc))
            self._stages[obj.sha] = known
        return known

    def openpgp_keys(
        self, sha: str, fingerprints: Iterable[str]
    ) -> tuple[dict[str, bytes], list[str]]:
        """The listed OpenPGP key files as of commit ``sha``, and any that fail their hash."""
        keys: dict[str, bytes] = {}
        bad: list[str] = []
        for fpr in fingerprints:
            obj = self.reader.read(f"{sha}:{self.prefix}{OPENPGP_KEYS}/{fpr}.asc")
            if obj is None or obj.type != "blob":
                continue
            if not self._hash_ok(obj):
                bad.append(f"文件对象 {obj.sha}（{OPENPGP_KEYS}/{fpr}.asc）")
                continue
            keys[fpr] = obj.data
        return keys, bad
