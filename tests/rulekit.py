"""Helpers for the rule tests: load a dossier copy, run the rules, edit records as text."""

from __future__ import annotations

import textwrap
from datetime import date
from pathlib import Path

from xmgl.domain.rules import check
from xmgl.dossier.loader import load_dossier

AS_OF = date(2026, 10, 15)
"""A fixed “today” for the example: construction, two quarterly reports sent, the third open."""


#: A 竣工验收 application with every attachment (``.format(date=…)``), and without the
#: 密码应用安全性评估 (ATTACH), as the 第十七条 tests append them.
ATTACH = """\
- kind: acceptance_application
  date: {date}
  to: 大石桥市数据局
  attachments:
    construction_summary: docs/可研批复.md
    financial_report: docs/可研批复.md
    supervision_report: docs/可研批复.md
    security_assessment: docs/项目安全方案.md
    security_assessment_kind: 网络安全等级保护测评报告
"""
APPLICATION = ATTACH + "    crypto_assessment: docs/密码应用方案.md\n"


def findings(root: Path, as_of: date = AS_OF, stage: str | None = None):
    return check(load_dossier(root), as_of, stage=stage)


def hits(root: Path, rule_id: str, as_of: date = AS_OF, stage: str | None = None):
    return [f for f in findings(root, as_of, stage) if f.rule == rule_id]


def append_records(root: Path, text: str) -> None:
    """Append records (YAML written at column 0, ``- kind: …``) to the end of project.yaml.

    ``records`` is the last key of every example, so the text lands in that list.
    """
    path = root / "project.yaml"
    body = path.read_text(encoding="utf-8").rstrip("\n") + "\n"
    # the records' own indentation (a ruamel round trip may have changed it)
    last = [line for line in body.splitlines() if line.lstrip().startswith("- kind:")][-1]
    pad = last[: len(last) - len(last.lstrip())]
    body += textwrap.indent(textwrap.dedent(text).strip("\n") + "\n", pad)
    path.write_text(body, encoding="utf-8")


def remove_lines(root: Path, *lines: str) -> None:
    """Delete whole lines (exact text without the newline, first occurrence each)."""
    path = root / "project.yaml"
    text = path.read_text(encoding="utf-8")
    for line in lines:
        needle = line + "\n"
        assert needle in text, f"{line!r} not in project.yaml"
        text = text.replace(needle, "", 1)
    path.write_text(text, encoding="utf-8")


def remove_records(root: Path, kind: str, **match) -> None:
    """Drop every record of ``kind`` (matching ``match``) through a ruamel round trip."""
    from tests.conftest import edit_project

    def change(data):
        keep = [
            r
            for r in data["records"]
            if not (r["kind"] == kind and all(str(r.get(k)) == str(v) for k, v in match.items()))
        ]
        data["records"].clear()
        data["records"].extend(keep)

    edit_project(root, change)


def set_record_field(root: Path, kind: str, field: str, value, nth: int = 1, **match) -> None:
    from tests.conftest import edit_project

    def change(data):
        seen = 0
        for r in data["records"]:
            if r["kind"] == kind and all(str(r.get(k)) == str(v) for k, v in match.items()):
                seen += 1
                if seen == nth:
                    if value is None:
                        del r[field]
                    else:
                        r[field] = value
                    return
        raise AssertionError(f"no {kind} record {match}")

    edit_project(root, change)
