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
from dataclasses import dataclass, field
from pathlib import Path

from xmgl.dossier.stagescan import Stage, StageUnreadable, read_stage
from xmgl.gitaudit.objects import (
    Commit,
    CommitFormatError,
    ObjectReader,
    parse_commit,
    rev_list,
)

PROJECT = "project.yaml"
SIGNERS = ".xmgl/allowed_signers"


@dataclass
class CommitFacts:
    sha: str
    commit: Commit | None  # None if the object could not be read or parsed
    tampered: list[str] = field(default_factory=list)  # "commit abc…", "blob def… (project.yaml)"
    missing: list[str] = field(default_factory=list)
    project_blob: str | None = None
    stage: Stage | None = None
    stage_error: str | None = None
    signers_blob: str | None = None
    signers_text: str | None = None

    @property
    def parents(self) -> tuple[str, ...]:
        return self.commit.parents if self.commit else ()


def _object_hash(fmt: str, otype: str, data: bytes) -> str:
    h = hashlib.sha256() if fmt == "sha256" else hashlib.sha1()
    h.update(f"{otype} {len(data)}\0".encode())
    h.update(data)
    return h.hexdigest()


def parse_tree(data: bytes, hash_len: int) -> dict[str, tuple[str, str]]:
    """``{name: (mode, id)}`` of a raw tree object."""
    out: dict[str, tuple[str, str]] = {}
    pos, end = 0, len(data)
    while pos < end:
        space = data.index(b" ", pos)
        nul = data.index(b"\0", space)
        mode = data[pos:space].decode("ascii", "replace")
        name = data[space + 1 : nul].decode("utf-8", "surrogateescape")
        sha = data[nul + 1 : nul + 1 + hash_len].hex()
        out[name] = (mode, sha)
        pos = nul + 1 + hash_len
    return out


class HistorySource:
    """Reads a repository's commits and the two files the audit needs, hash-checked."""

    def __init__(self, top: Path, prefix: str = "") -> None:
        self.top = Path(top)
        self.prefix = prefix
        self.reader = ObjectReader(self.top)
        self.fmt = self.reader.object_format
        self.hash_len = 32 if self.fmt == "sha256" else 20
        self._trees: dict[str, dict[str, tuple[str, str]] | None] = {}
        self._blobs: dict[str, bytes | None] = {}
        self._tampered_objects: set[str] = set()
        self._stages: dict[str, tuple[Stage | None, str | None]] = {}

    def close(self) -> None:
        self.reader.close()

    def __enter__(self) -> HistorySource:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    # ------------------------------------------------------------ objects
    def commit_ids(self, rev: str = "HEAD") -> list[str]:
        return rev_list(self.top, rev)

    def exists(self, sha: str) -> str | None:
        """The type of the object ``sha`` names, or None (for anchors)."""
        obj = self.reader.read(sha)
        return None if obj is None else obj.type

    def _checked(self, obj, expected_type: str) -> bool:
        if obj.type != expected_type:
            return False
        if _object_hash(self.fmt, obj.type, obj.data) != obj.sha:
            self._tampered_objects.add(obj.sha)
            return False
        return True

    def _load_trees(self, ids) -> None:
        todo = [i for i in dict.fromkeys(ids) if i and i not in self._trees]
        for sha, obj in self.reader.read_many(todo):
            if obj is None or obj.type != "tree":
                self._trees[sha] = None
                continue
            if not self._checked(obj, "tree"):
                self._trees[sha] = parse_tree(obj.data, self.hash_len)  # read, but flagged
                continue
            self._trees[sha] = parse_tree(obj.data, self.hash_len)

    def _load_blobs(self, ids) -> None:
        todo = [i for i in dict.fromkeys(ids) if i and i not in self._blobs]
        for sha, obj in self.reader.read_many(todo):
            if obj is None or obj.type != "blob":
                self._blobs[sha] = None
                continue
            self._checked(obj, "blob")
            self._blobs[sha] = obj.data

    def _lookup(self, tree: str, path: str) -> tuple[str | None, list[str]]:
        """Blob id at ``path`` under ``tree`` and the tree ids walked through."""
        walked = [tree]
        parts = path.split("/")
        current = tree
        for i, part in enumerate(parts):
            if current not in self._trees:
                self._load_trees([current])
            entries = self._trees.get(current)
            if entries is None or part not in entries:
                return None, walked
            mode, sha = entries[part]
            if i == len(parts) - 1:
                return (sha if not mode.startswith("4") else None), walked
            if not mode.startswith("4"):
                return None, walked
            current = sha
            walked.append(current)
        return None, walked

    # ------------------------------------------------------------ facts
    def facts(self, ids: list[str]) -> list[CommitFacts]:
        out: list[CommitFacts] = []
        for sha, obj in self.reader.read_many(ids):
            f = CommitFacts(sha, None)
            if obj is None:
                f.missing.append(f"提交 {sha}")
            elif obj.type != "commit":
                f.missing.append(f"{sha} 不是提交对象")
            else:
                if not self._checked(obj, "commit"):
                    f.tampered.append(f"提交对象 {sha}")
                try:
                    f.commit = parse_commit(sha, obj.data, object_format=self.fmt)
                except CommitFormatError as exc:
                    f.missing.append(f"提交 {sha} 无法解析：{exc}")
            out.append(f)
        self._load_trees(f.commit.tree for f in out if f.commit)
        project_path = self.prefix + PROJECT
        signers_path = self.prefix + SIGNERS
        for f in out:
            if f.commit is None:
                continue
            f.project_blob, walked_p = self._lookup(f.commit.tree, project_path)
            f.signers_blob, walked_s = self._lookup(f.commit.tree, signers_path)
            for t in dict.fromkeys(walked_p + walked_s):
                if t in self._tampered_objects:
                    f.tampered.append(f"目录树对象 {t}")
        self._load_blobs([f.project_blob for f in out] + [f.signers_blob for f in out])
        for f in out:
            if f.commit is None:
                continue
            for blob, what in ((f.project_blob, PROJECT), (f.signers_blob, SIGNERS)):
                if blob and blob in self._tampered_objects:
                    f.tampered.append(f"文件对象 {blob}（{what}）")
            if f.signers_blob:
                data = self._blobs.get(f.signers_blob)
                f.signers_text = None if data is None else data.decode("utf-8", "replace")
            if f.project_blob:
                f.stage, f.stage_error = self._stage(f.project_blob)
            else:
                f.stage = Stage(None, None)
        return out

    def _stage(self, blob: str) -> tuple[Stage | None, str | None]:
        if blob not in self._stages:
            data = self._blobs.get(blob)
            if data is None:
                self._stages[blob] = (None, "文件对象缺失")
            else:
                try:
                    self._stages[blob] = (read_stage(data), None)
                except StageUnreadable as exc:
                    self._stages[blob] = (None, str(exc))
        return self._stages[blob]

    def blob_at(self, commit: CommitFacts, path: str) -> bytes | None:
        if commit.commit is None:
            return None
        blob, _ = self._lookup(commit.commit.tree, self.prefix + path)
        if blob is None:
            return None
        self._load_blobs([blob])
        return self._blobs.get(blob)
