"""CLI plumbing declared once: --format, --as-of, and exits through the error hierarchy."""

from __future__ import annotations

import ast
import json

import pytest

from tests.conftest import REPO, flat, replace_in_project
from xmgl.cli.common import Format


def _commands():
    from typer.main import get_command

    from xmgl.cli.app import build

    out = []

    def walk(cmd, path):
        for name, sub in sorted(getattr(cmd, "commands", {}).items()):
            if getattr(sub, "commands", None):
                walk(sub, (*path, name))
            else:
                out.append(((*path, name), sub))

    root = get_command(build())
    walk(root, ())
    return root, out


def _option(cmd, flag):
    return next((p for p in cmd.params if flag in getattr(p, "opts", ())), None)


ROOT, COMMANDS = _commands()
WITH_FORMAT = [
    (path, _option(cmd, "--format")) for path, cmd in COMMANDS if _option(cmd, "--format")
]


def test_most_commands_have_a_format_option():
    assert len(WITH_FORMAT) >= 12


@pytest.mark.parametrize(
    ("path", "option"), WITH_FORMAT, ids=lambda x: " ".join(x) if isinstance(x, tuple) else ""
)
def test_every_format_option_is_the_shared_one(path, option):
    from xmgl.cli import common

    assert option.callback.__qualname__.startswith(common.format_option.__qualname__)
    listed = option.help.removeprefix("输出格式：").rstrip("。").replace(" 或 ", "、").split("、")
    assert {v.split("（")[0] for v in listed} <= {str(f) for f in Format}
    assert option.default == Format.TEXT


@pytest.mark.parametrize(
    ("path", "option"), WITH_FORMAT, ids=lambda x: " ".join(x) if isinstance(x, tuple) else ""
)
def test_an_unknown_format_is_a_usage_error_everywhere(path, option, xmgl, example):
    args = {("portfolio",): [str(example)], ("template", "lint"): ["x.docx"]}.get(path, [])
    args += {("explain",): ["A10"], ("record",): ["payment"], ("signers", "add"): []}.get(path, [])
    r = xmgl("-C", example, *path, *args, "--format", "xml")
    assert r.exit_code == 2, r.output
    assert flat("--format 不能取 “xml”") in flat(r.stderr)


def test_as_of_is_declared_once():
    from xmgl.cli import common

    declared = [_option(ROOT, "--as-of")] + [
        _option(cmd, "--as-of") for _path, cmd in COMMANDS if _option(cmd, "--as-of")
    ]
    assert len(declared) >= 5  # global, validate, status, calendar, portfolio
    assert {(o.callback.__module__, o.callback.__qualname__) for o in declared} == {
        (common.__name__, common._as_of.__qualname__)
    }
    assert len({o.help for o in declared}) == 1


@pytest.mark.parametrize("where", ["before", "after"])
def test_as_of_before_or_after_the_command_means_the_same_day(where, xmgl, example):
    args = ["--as-of", "2026-11-27"]
    r = xmgl(
        "-C",
        example,
        *(args if where == "before" else []),
        "status",
        "--format",
        "json",
        *(args if where == "after" else []),
    )
    assert r.exit_code == 0, r.output
    assert json.loads(r.stdout)["as_of"] == "2026-11-27"


def test_a_bad_as_of_after_the_command_is_a_usage_error(xmgl, example):
    r = xmgl("-C", example, "validate", "--as-of", "2026-13-01")
    assert r.exit_code == 2
    assert "--as-of 的日期 “2026-13-01” 无效" in r.stderr


@pytest.mark.parametrize(
    ("old", "new", "code"),
    [
        ("resource_platform: true", "resource_platform: false", 1),  # a warning: FindingsFound
        ("cloud: 营口市政务云", "cloud: 自建机房", 3),  # not in the format: DossierError
    ],
)
def test_failing_validate_prints_one_json_document_and_exits_through_the_hierarchy(
    old, new, code, xmgl, example
):
    """The findings were the output: the entry point adds no error object and no message."""
    replace_in_project(example, old, new)
    r = xmgl(
        "-C",
        example,
        "--as-of",
        "2026-11-27",
        "validate",
        "--format",
        "json",
        "--fail-on",
        "warning",
    )
    assert r.exit_code == code, r.output
    doc = json.loads(r.stdout)  # one document, not two
    assert "error" not in doc
    assert doc["summary"]["warning"] + doc["summary"]["error"] >= 1
    assert r.stderr == ""


CLI = REPO / "xmgl" / "cli"


@pytest.mark.parametrize("path", sorted(CLI.rglob("*.py")), ids=lambda p: p.name)
def test_no_command_exits_around_the_error_hierarchy(path):
    """No ``typer.Exit(code)``, ``sys.exit`` or literal 130 outside the entry point."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    bad = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Call):
            name = ast.unparse(node.func)
            if name.endswith("Exit") and (node.args or node.keywords):
                bad.append((name, node.lineno))
            if name in ("sys.exit", "exit", "os._exit") and path.name != "main.py":
                bad.append((name, node.lineno))
        if isinstance(node, ast.Constant) and node.value == 130:
            bad.append(("130", node.lineno))
    assert not bad, bad


def _usage_mistakes(cmd) -> list[tuple[str, list[str]]]:
    """One wrong command line per kind of mistake Click can find in ``cmd``."""
    import click

    mistakes = [("flag with a value", ["--help=1"]), ("unknown option", ["--zzz"])]
    args = [p for p in cmd.params if p.param_type_name == "argument"]
    if not any(p.nargs == -1 for p in args):
        mistakes.append(("extra argument", [*["x"] * len(args), "extra-1", "extra-2"]))
    if any(p.required for p in args):
        mistakes.append(("missing argument", []))
    for p in cmd.params:
        if p.param_type_name != "option" or p.is_flag or p.name == "help":
            continue
        name = p.opts[0]
        mistakes.append((f"{name} without its value", [name]))
        if isinstance(p.type, click.types._NumberParamTypeBase):
            mistakes.append((f"{name} not a number", [name, "x"]))
        if isinstance(p.type, click.Choice):
            mistakes.append((f"{name} not a choice", [name, "zzz"]))
    return mistakes


def _every_usage_mistake():
    _root, commands = _commands()
    for path, cmd in commands:
        for what, argv in _usage_mistakes(cmd):
            yield pytest.param(path, argv, id=f"{' '.join(path)}: {what}")


@pytest.mark.parametrize(("path", "argv"), list(_every_usage_mistake()))
def test_every_usage_mistake_is_told_in_chinese(path, argv, xmgl, tmp_path):
    """Whatever Click finds wrong on any command's line is retold in Chinese (exit 2)."""
    import re

    from xmgl.cli.main import ENGLISH_RUN

    result = xmgl("-C", str(tmp_path), *path, *argv)
    assert result.exit_code == 2, result.output
    first = result.stderr.splitlines()[0]
    assert first.startswith("错误：") and re.search("[\u4e00-\u9fff]", first), first
    told = re.sub(r"“[^”]*”", "", result.stderr)  # the command lines it quotes
    assert not re.search(ENGLISH_RUN, told), result.stderr
    assert "Traceback" not in result.output
