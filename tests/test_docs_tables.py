"""The tables the docs enumerate are checked against the code: exit codes and commands."""

from __future__ import annotations

import re

from tests.conftest import REPO
from xmgl.errors import ExitCode


def _table_rows(text: str, header: str) -> list[list[str]]:
    """The rows (cells stripped) of the Markdown table whose header row starts with ``header``."""
    lines = text.splitlines()
    start = next(i for i, line in enumerate(lines) if line.startswith(f"| {header} |"))
    rows = []
    for line in lines[start + 2 :]:
        if not line.startswith("|"):
            break
        cells = re.split(r"(?<!\\)\|", line.strip().strip("|"))
        rows.append([c.strip() for c in cells])
    return rows


def test_exit_codes_doc_lists_exactly_the_codes_of_errors_py_with_their_meaning():
    doc = (REPO / "docs" / "exit-codes.md").read_text(encoding="utf-8")
    documented = {int(row[0]): row[1] for row in _table_rows(doc, "退出码")}
    assert documented == {int(code): code.zh for code in ExitCode}


def test_exit_codes_english_summary_names_every_code():
    doc = (REPO / "docs" / "exit-codes.md").read_text(encoding="utf-8")
    summary = doc.split("## English summary", 1)[1]
    named = {int(n) for n in re.findall(r"(?<![\w-])(\d+) ", summary)}
    assert named == {int(code) for code in ExitCode}


def _command_paths() -> set[tuple[str, ...]]:
    from typer.main import get_command

    from xmgl.cli.app import build

    found: set[tuple[str, ...]] = set()

    def walk(cmd, path: tuple[str, ...]) -> None:
        for name, sub in getattr(cmd, "commands", {}).items():
            found.add((*path, name))
            walk(sub, (*path, name))

    walk(get_command(build()), ())
    return found


def _readme_commands() -> set[tuple[str, ...]]:
    """Every command the README's table names: ``xmgl audit verify|anchor`` → three paths."""
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    named: set[tuple[str, ...]] = set()
    for row in _table_rows(readme, "命令"):
        for code in re.findall(r"`xmgl ([^`]+)`", row[0]):
            words = code.replace("\\|", "|").split()
            named.add((words[0],))
            if len(words) > 1 and re.fullmatch(r"[a-z]+(\|[a-z]+)*", words[1]):
                named |= {(words[0], sub) for sub in words[1].split("|")}
    return named


def test_readme_command_table_names_every_command_and_only_real_ones():
    real = _command_paths()
    named = _readme_commands()
    top = {p for p in real if len(p) == 1}
    assert top - named == set(), "commands missing from the README table"
    assert named - real == set(), "the README table names commands that do not exist"
