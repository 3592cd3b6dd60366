"""Change ``project.yaml`` without losing what people wrote in it.

Every change goes the same way:

1. load the file with ruamel.yaml's round-trip mode, in the indentation the
   file already uses (so comments, key order, quotes and folded text survive);
2. change the data in memory (:class:`ProjectEdit`);
3. render the new text and check it with the real loader
   (:func:`xmgl.dossier.loader.load_text`) — a change that would make the file
   invalid is refused with the loader's problems, and nothing is written;
4. write it atomically (:func:`atomic_write`): a temporary file in the same
   folder, flushed to disk, then renamed over the old one. An interrupted or
   failed write leaves the old file exactly as it was.
"""

from __future__ import annotations

import io
import os
from datetime import date
from pathlib import Path

from xmgl.domain.schema import RECORD_KINDS, record_fields
from xmgl.dossier.loader import PROJECT_FILE, load_text
from xmgl.errors import DossierError
from xmgl.fileio import atomic_write

# (mapping indent, sequence indent, dash offset) styles people and xmgl write
_INDENTS = ((2, 4, 2), (2, 2, 0), (4, 4, 2), (4, 6, 4), (4, 4, 0), (2, 3, 1))
_WIDTH = 4096  # never re-wrap long lines


def _yaml(indent: tuple[int, int, int]):
    from ruamel.yaml import YAML

    y = YAML(typ="rt")
    y.preserve_quotes = True
    y.width = _WIDTH
    y.allow_duplicate_keys = False
    mapping, sequence, offset = indent
    y.indent(mapping=mapping, sequence=sequence, offset=offset)
    return y


def _dump(y, data) -> str:
    buf = io.StringIO()
    y.dump(data, buf)
    return buf.getvalue()


class ProjectEdit:
    """``project.yaml`` loaded round-trip, ready to be changed and rendered."""

    def __init__(self, root: Path) -> None:
        self.root = Path(root)
        self.path = self.root / PROJECT_FILE
        try:
            self.original = self.path.read_bytes()
        except FileNotFoundError:
            raise DossierError(
                f"{self.root} 不是项目档案：缺少 {PROJECT_FILE}。",
                hint="用 -C 指定档案目录。",
            ) from None
        text = self.original.decode("utf-8-sig")
        self.bom = self.original.startswith(b"\xef\xbb\xbf")
        self.crlf = "\r\n" in text
        self.text = text.replace("\r\n", "\n")
        from ruamel.yaml.error import YAMLError

        try:
            self.data = _yaml(_INDENTS[0]).load(self.text)
        except YAMLError as exc:
            raise _cannot_edit(self.text, exc) from None
        self._edits: list[tuple] = []  # what changed, for the line-level edit of the text

    # ------------------------------------------------------------ changes
    def set_stage(self, current: str, since: date) -> None:
        stage = self.data.get("stage")
        if stage is None:
            from ruamel.yaml.comments import CommentedMap

            stage = CommentedMap()
            self.data["stage"] = stage
        stage["current"] = current
        stage["since"] = _fresh(since)
        self._edits.append(("stage", current, since))

    def add_record(self, values: dict) -> int:
        """Insert a record in date order (after the last one dated on or before it).

        Returns the index of the new record in ``records``.
        """
        from ruamel.yaml.comments import CommentedMap, CommentedSeq

        records = self.data.get("records")
        if records is None:
            records = CommentedSeq()
            self.data["records"] = records
        if not isinstance(records, CommentedSeq):
            raise DossierError(
                f"{PROJECT_FILE} 中的 records 不是列表，无法追加记录。",
                hint="先运行 xmgl validate 并按提示修正。",
            )
        if records.fa.flow_style():
            records.fa.set_block_style()
        entry = CommentedMap()
        for key, value in _ordered(values):
            entry[key] = _yaml_value(value)
        when = values["date"]
        position = 0
        for i, existing in enumerate(records):
            d = existing.get("date") if hasattr(existing, "get") else None
            if isinstance(d, date) and d <= when:
                position = i + 1
            elif not isinstance(d, date):
                position = max(position, i + 1)
        records.insert(position, entry)
        self._edits.append(("record", position, entry))
        return position

    # ------------------------------------------------------------ output
    def render(self) -> bytes:
        text = self._render_text()
        if self.crlf:
            text = text.replace("\n", "\r\n")
        data = text.encode("utf-8")
        return (b"\xef\xbb\xbf" + data) if self.bom else data

    def _render_text(self) -> str:
        """The changed file, touching only the lines of the change.

        First choice: the change is made on the original lines themselves (a
        new record's lines inserted, the stage's two values replaced), in the
        indentation the records already use — so directives (``%YAML 1.2``),
        comments, quoting and any indentation style stay as they were. It is
        kept only if the result means exactly the intended data.

        Otherwise ruamel.yaml renders the file; it writes one indentation style for the whole file. The file is
        rendered in each usual style; if the unchanged data renders exactly as
        the original, that rendering is used. Otherwise the change (the diff
        between the unchanged and the changed rendering) is applied to the
        original lines, and kept only if it means exactly the intended data.
        """
        intended = _dump(_yaml(_INDENTS[0]), self.data)
        edited = _edit_lines(self.text, self._edits)
        if edited is not None and _same(edited, intended):
            return edited
        first = None
        for indent in _INDENTS:
            y = _yaml(indent)
            new = _dump(y, self.data)
            first = first or new
            base = _dump(y, y.load(self.text))
            if base == self.text:
                return new
            merged = _merge(self.text, base, new)
            if merged is not None and _same(merged, new):
                return merged
        return first

    def checked(self):
        """The rendered bytes and the dossier they load as; DossierError if invalid."""
        new = self.render()
        dossier = load_text(self.root, new)
        return new, dossier

    @property
    def target(self) -> Path:
        """The file to write: ``project.yaml``, or the file it links to (the link stays a link)."""
        return Path(os.path.realpath(self.path)) if self.path.is_symlink() else self.path

    def write(self) -> object:
        """Check, then write atomically; returns the loaded new dossier."""
        new, dossier = self.checked()
        atomic_write(self.target, new)
        return dossier


def _cannot_edit(text: str, exc: Exception) -> DossierError:
    """The file the loader read but the in-place editor cannot parse, as a located error.

    The loader reads with libyaml where it is installed; the editor, which must keep every
    comment and quote, uses ruamel's own parser, which refuses a few things libyaml reads
    (a Tab inside a plain value). Nothing has been written when this is raised.
    """
    from xmgl.errors import Problem
    from xmgl.yamltext import explain_at

    mark = getattr(exc, "problem_mark", None) or getattr(exc, "context_mark", None)
    line = mark.line + 1 if mark else None
    column = mark.column + 1 if mark else None
    said = getattr(exc, "problem", None) or getattr(exc, "context", None) or str(exc)
    message, hint = explain_at(text, line, str(said))
    hint = hint or "按提示修改这一行后重试。"
    problem = Problem(
        file=PROJECT_FILE,
        line=line,
        column=column,
        path="",
        message=f"xmgl 无法改写本文件：{message}",
        hint=hint,
        code="yaml-syntax",
    )
    return DossierError(
        f"{PROJECT_FILE} 无法在原样保留其余内容的前提下改写，档案未被修改。",
        [problem],
        hint="改好后重新运行这条命令。",
    )


def _edit_lines(text: str, edits: list[tuple]) -> str | None:
    """The edits made on the original lines; None where the layout is not the usual one."""
    from ruamel.yaml import YAML
    from ruamel.yaml.comments import CommentedMap, CommentedSeq
    from ruamel.yaml.error import YAMLError

    try:
        original = YAML(typ="rt").load(text)
    except YAMLError:
        return None
    if not isinstance(original, CommentedMap):
        return None
    lines = text.splitlines(keepends=True)
    if lines and not lines[-1].endswith("\n"):
        lines[-1] += "\n"
    replace: dict[int, str] = {}
    inserts: list[tuple[int, list[str]]] = []
    records = original.get("records")
    added = 0
    for edit in edits:
        if edit[0] == "stage":
            stage = original.get("stage")
            if not isinstance(stage, CommentedMap):
                return None
            for key, value in (("current", edit[1]), ("since", edit[2].isoformat())):
                if key not in stage:
                    return None
                row, col = stage.lc.value(key)
                line = replace.get(row, lines[row])
                end = _scalar_end(line, col)
                if end is None:
                    return None
                replace[row] = line[:col] + value + line[end:]
        else:
            _kind, position, entry = edit
            if not isinstance(records, CommentedSeq) or not records or added:
                return None  # an empty or flow list, or two records: let ruamel lay it out
            block = _item_lines(lines, records, position, entry, original)
            if block is None:
                return None
            inserts.append(block)
            added += 1
    out = [replace.get(i, line) for i, line in enumerate(lines)]
    for at, new_lines in sorted(inserts, reverse=True):
        out[at:at] = new_lines
    return "".join(out)


def _scalar_end(line: str, col: int) -> int | None:
    """Where the plain or quoted scalar starting at ``col`` ends (before a comment)."""
    rest = line[col:]
    if not rest or rest[0] in "|>&*!{[":
        return None
    if rest[0] in "'\"":
        close = rest.find(rest[0], 1)
        return None if close < 0 else col + close + 1
    cut = rest.find(" #")
    body = rest if cut < 0 else rest[:cut]
    return col + len(body.rstrip())


def _item_lines(lines, records, position, entry, original) -> tuple[int, list[str]] | None:
    """Where the new record goes and its lines, laid out like the records around it."""
    n = len(records)
    row, col = records.lc.item(min(position, n - 1))
    line = lines[row]
    dash = line.rfind("-", 0, col)
    if dash < 0 or line[:dash].strip() or line[dash + 1 : col].strip():
        return None
    step = _mapping_step(original, lines)
    rendered = _dump_item(entry, col - dash, step)
    if rendered is None:
        return None
    pad = " " * dash
    new_lines = [pad + text if text.strip() else text for text in rendered]
    if position < n:
        at = row
        while at > 0 and _is_gap(lines[at - 1]):  # comments above an item stay with it
            at -= 1
        return at, new_lines
    at = row + 1
    while at < len(lines) and (_is_gap(lines[at]) or _indent(lines[at]) > dash):
        at += 1
    while at > row + 1 and _is_gap(lines[at - 1]):  # trailing comments stay below
        at -= 1
    return at, new_lines


def _is_gap(line: str) -> bool:
    stripped = line.strip()
    return not stripped or stripped.startswith("#")


def _indent(line: str) -> int:
    return len(line) - len(line.lstrip(" "))


def _mapping_step(original, lines) -> int:
    """The file's mapping indentation (2 unless a nested mapping says otherwise)."""
    from ruamel.yaml.comments import CommentedMap

    for key, value in original.items():
        if isinstance(value, CommentedMap) and value:
            child_row, child_col = value.lc.key(next(iter(value)))
            parent_row, parent_col = original.lc.key(key)
            if child_row > parent_row and child_col > parent_col:
                return child_col - parent_col
    return 2


def _dump_item(entry, key_offset: int, step: int) -> list[str] | None:
    """``entry`` as one list item: dash at column 0, keys at ``key_offset``."""
    if key_offset < 2:
        return None
    y = _yaml((step, key_offset, 0))
    text = _dump(y, [entry])
    out = text.splitlines(keepends=True)
    if not out or not out[0].startswith("-"):
        return None
    return out


def _merge(original: str, base: str, new: str) -> str | None:
    """Apply the base→new change to ``original`` (which renders as ``base``); None if unsure."""
    from difflib import SequenceMatcher

    o, b, n = (t.splitlines(keepends=True) for t in (original, base, new))
    where: dict[int, int] = {}
    for tag, i1, i2, j1, _j2 in SequenceMatcher(None, b, o, autojunk=False).get_opcodes():
        if tag == "equal":
            for k in range(i2 - i1):
                where[i1 + k] = j1 + k
    out: list[str] = []
    pos = 0
    for tag, i1, i2, j1, j2 in SequenceMatcher(None, b, n, autojunk=False).get_opcodes():
        if tag == "equal":
            continue
        if i2 > i1:
            if any(k not in where for k in range(i1, i2)):
                return None
            o1, o2 = where[i1], where[i2 - 1] + 1
            if o2 - o1 != i2 - i1:
                return None
        elif i1 - 1 in where:
            o1 = o2 = where[i1 - 1] + 1
        elif i1 in where:
            o1 = o2 = where[i1]
        else:
            return None
        if o1 < pos:
            return None
        out += o[pos:o1] + n[j1:j2]
        pos = o2
    return "".join(out + o[pos:])


def _same(a: str, b: str) -> bool:
    from ruamel.yaml import YAML
    from ruamel.yaml.error import YAMLError

    try:
        y = YAML(typ="safe", pure=True)
        return y.load(a) == y.load(b)
    except YAMLError:
        return False


def _ordered(values: dict) -> list[tuple[str, object]]:
    kind = values["kind"]
    names = ["kind", "date", *(f.name for f in RECORD_KINDS[kind].fields), "document", "note"]
    known = [(n, values[n]) for n in names if n in values and values[n] is not None]
    extra = [(k, v) for k, v in values.items() if k not in names and v is not None]
    return known + extra


def _yaml_value(value):
    from ruamel.yaml.comments import CommentedMap
    from ruamel.yaml.scalarstring import DoubleQuotedScalarString, LiteralScalarString

    if isinstance(value, dict):
        m = CommentedMap()
        for k, v in value.items():
            m[k] = _yaml_value(v)
        return m
    if isinstance(value, list):
        return [_yaml_value(v) for v in value]
    if isinstance(value, Money):
        return DoubleQuotedScalarString(value.text) if not value.text.isdigit() else int(value.text)
    if isinstance(value, date):
        return _fresh(value)
    if isinstance(value, str) and "\n" in value:
        return LiteralScalarString(value if value.endswith("\n") else value + "\n")
    return value


def _fresh(day: date) -> date:
    """A new date object: ruamel writes one object met twice as an anchor and an alias."""
    return date(day.year, day.month, day.day)


class Money:
    """A money amount as the user wrote it (``"101.4万元"``), written quoted like the example."""

    __slots__ = ("text",)

    def __init__(self, text: str) -> None:
        self.text = text

    def __repr__(self) -> str:
        return f"Money({self.text!r})"


def require_fields(kind: str) -> list[str]:
    """Names of the fields a record of ``kind`` must carry (besides kind and date)."""
    return [f.name for f in record_fields(kind) if f.required and f.name not in ("kind", "date")]
