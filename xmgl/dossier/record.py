"""``xmgl record KIND field=value …``: one new dated record, checked before it is written.

Values typed on the command line are read against the schema of the record
kind (dates, money, numbers, true/false, choices, lists separated by commas,
``attachments.financial_report=…`` for a field inside a section). The record
is then inserted into ``project.yaml`` by :mod:`xmgl.dossier.writer` and the
whole new file is checked by the loader before anything is written.
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from xmgl.domain.kinds import from_command_line
from xmgl.domain.schema import RECORD_KINDS, Field, record_fields
from xmgl.dossier.writer import Money, ProjectEdit
from xmgl.errors import DossierError, Problem, UsageError

_PAIR = re.compile(r"^([A-Za-z_][A-Za-z0-9_]*(?:\.[A-Za-z_][A-Za-z0-9_]*)?)=(.*)$", re.S)


def kind_or_error(kind: str) -> str:
    if kind in RECORD_KINDS:
        return kind
    by_zh = {rk.zh: name for name, rk in RECORD_KINDS.items()}
    if kind in by_zh:
        return by_zh[kind]
    close = difflib.get_close_matches(kind, list(RECORD_KINDS) + list(by_zh), n=1, cutoff=0.6)
    hint = f"是不是想写 “{close[0]}”？" if close else ""
    raise UsageError(
        f"没有 “{kind}” 这种记录类型。",
        hint=hint + "可用的类型见 “xmgl record --help” 或 docs/dossier-format.md。",
    )


def _field_map(kind: str) -> dict[str, Field]:
    return {f.name: f for f in record_fields(kind) if f.name != "kind"}


def parse_pairs(kind: str, pairs: list[str], today: date) -> dict:
    """``['amount=101.4万元', …]`` → typed values for a ``kind`` record (kind and date set)."""
    fields = _field_map(kind)
    values: dict[str, object] = {"kind": kind}
    problems: list[str] = []
    given: set[str] = set()
    for pair in pairs:
        m = _PAIR.match(pair)
        if not m:
            problems.append(f"“{pair}” 不是 字段=值 的形式。")
            continue
        key, raw = m.group(1), m.group(2)
        head, _, sub = key.partition(".")
        given.add(head)
        spec = fields.get(head)
        if spec is None or (sub and spec.kind != "section") or (spec.kind == "section" and not sub):
            names = [*fields, *(f"{f.name}.{c.name}" for f in fields.values() for c in f.fields)]
            close = difflib.get_close_matches(key, names, n=1, cutoff=0.6)
            problems.append(
                f"{RECORD_KINDS[kind].zh}记录没有字段 “{key}”"
                + (f"（是不是想写 “{close[0]}”？）" if close else "")
                + "。"
            )
            continue
        if sub:
            child = spec.child(sub)
            if child is None:
                problems.append(
                    f"“{head}” 中没有 “{sub}”；可用："
                    + "、".join(f"{head}.{c.name}" for c in spec.fields)
                )
                continue
            section = values.setdefault(head, {})
            if sub in section:
                problems.append(f"“{key}” 写了两次。")
                continue
            try:
                section[sub] = convert(child, raw)
            except ValueError as exc:
                problems.append(_told(key, raw, exc))
            continue
        if head in values:
            problems.append(f"“{key}” 写了两次。")
            continue
        try:
            values[head] = convert(spec, raw)
        except ValueError as exc:
            problems.append(_told(key, raw, exc))
    values.setdefault("date", today)
    missing = [
        f"{f.name}（{f.zh}）"
        for f in record_fields(kind)
        if f.required and f.name not in given and f.name not in values and f.kind != "section"
    ]
    for f in record_fields(kind):
        if f.kind == "section" and f.required and f.name not in given:
            missing.append(f"{f.name}.…（{f.zh}，例如 {f.name}.{f.fields[0].name}=…）")
    if missing:
        problems.append("缺少必填字段：" + "、".join(missing) + "。")
    if problems:
        raise UsageError(
            f"不能添加{RECORD_KINDS[kind].zh}记录（{kind}）：\n  " + "\n  ".join(problems),
            hint=usage_hint(kind),
        )
    return values


def _told(key: str, raw: str, exc: ValueError) -> str:
    hint = getattr(exc, "hint", "")
    return f"{key}={raw}：{exc}" + (f"（{hint.rstrip('。')}）" if hint else "")


def usage_hint(kind: str) -> str:
    parts = []
    for f in record_fields(kind):
        if f.name == "kind":
            continue
        mark = "*" if f.required else ""
        if f.kind == "section":
            parts.append(f"{f.name}.<{'|'.join(c.name for c in f.fields)}>{mark}")
        else:
            parts.append(f"{f.name}{mark}")
    return f"{kind} 的字段（* 为必填）：" + " ".join(parts)


def convert(spec: Field, raw: str):
    """A command-line value read as the field's kind, by the converter the loader uses.

    Raises ValueError (:class:`~xmgl.domain.kinds.KindError`) saying in Chinese what is
    wrong. Money keeps the text as typed, so that the file shows what the user wrote.
    """
    value = from_command_line(spec, raw)
    if spec.kind == "money":
        return Money(raw.strip())
    if spec.kind == "text":
        return raw
    return value


@dataclass(frozen=True)
class Added:
    index: int
    values: dict
    dossier: object
    text: bytes


def add_record(root: Path, kind: str, pairs: list[str], today: date, *, write: bool = True):
    """Insert the record into ``project.yaml`` (checked; atomically written unless ``write=False``)."""
    kind = kind_or_error(kind)
    values = parse_pairs(kind, pairs, today)
    edit = ProjectEdit(root)
    index = edit.add_record(values)
    try:
        new, dossier = edit.checked()
    except DossierError as err:
        raise _retell(err, kind, index) from None
    if write:
        from xmgl.fileio import atomic_write

        atomic_write(edit.path, new)
    return Added(index, values, dossier, new)


def _retell(err: DossierError, kind: str, index: int) -> DossierError:
    """Loader problems of the would-be file, told as problems of the command's arguments."""
    prefix = f"records[{index}]"
    mine, other = [], []
    for p in err.problems:
        if p.path == prefix or p.path.startswith(prefix + "."):
            field = p.path[len(prefix) + 1 :] or "记录"
            mine.append(
                Problem(
                    file=f"参数 {field}=",
                    line=None,
                    column=None,
                    path="",
                    message=p.message,
                    hint=p.hint,
                    code=p.code,
                )
            )
        else:
            other.append(p)
    return DossierError(
        f"这条{RECORD_KINDS[kind].zh}记录没有写入：有 {len(mine) + len(other)} 处问题。"
        "project.yaml 未被修改。",
        mine + other,
        hint=usage_hint(kind),
    )
