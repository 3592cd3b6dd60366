"""Chinese for the few strings Typer and its bundled Click print themselves.

Typer renders help with Rich and takes its panel titles from module constants
in ``typer.rich_utils``; the help option's text and the usage prefix come from
the bundled Click. ``typer.rich_utils`` pulls in Rich's Markdown machinery
(~50 ms), so it is patched when Typer imports it — only when help or a Typer
error is shown — instead of being imported here.

These are private details of Typer (pinned to a known range in pyproject), so
every patch is guarded: a Typer that changes them falls back to English
headings, never to a crash.
"""

from __future__ import annotations

import sys

_DONE = False
_RICH_UTILS = "typer.rich_utils"


def _patch_rich_utils(ru) -> None:
    try:
        ru.ARGUMENTS_PANEL_TITLE = "参数"
        ru.OPTIONS_PANEL_TITLE = "选项"
        ru.COMMANDS_PANEL_TITLE = "命令"
        ru.ERRORS_PANEL_TITLE = "错误"
        ru.ABORTED_TEXT = "已中止。"
        ru.DEFAULT_STRING = "[默认：{}]"
        ru.REQUIRED_LONG_STRING = "[必填]"
        ru.DEPRECATED_STRING = "（已弃用）"
        ru.RICH_HELP = "运行 [blue]“{command_path} {help_option}”[/] 查看帮助。"
        ru.highlighter.highlights = [
            h.replace("(?P<usage>Usage: )", "(?P<usage>用法: )") for h in ru.highlighter.highlights
        ]
    except AttributeError:  # pragma: no cover - depends on Typer's internals
        pass


class _Loader:
    # duck-typed: subclassing importlib.abc.Loader would import importlib.resources,
    # tempfile and random (several ms) on every run
    def __init__(self, inner) -> None:
        self.inner = inner

    def create_module(self, spec):
        return self.inner.create_module(spec)

    def exec_module(self, module) -> None:
        self.inner.exec_module(module)
        _patch_rich_utils(module)


class _Finder:
    def find_spec(self, name, path=None, target=None):
        if name != _RICH_UTILS:
            return None
        sys.meta_path.remove(self)
        import importlib.util

        spec = importlib.util.find_spec(name)
        if spec is not None and spec.loader is not None:
            spec.loader = _Loader(spec.loader)
        return spec


def install() -> None:
    global _DONE
    if _DONE:
        return
    _DONE = True
    if _RICH_UTILS in sys.modules:
        _patch_rich_utils(sys.modules[_RICH_UTILS])
    else:
        sys.meta_path.insert(0, _Finder())
    try:
        from typer._click import decorators, formatting
    except ImportError:  # pragma: no cover
        return
    original = decorators.help_option

    def help_option(param_decls):
        decorate = original(param_decls)

        def apply(command):
            result = decorate(command)
            command.params[-1].help = "显示本帮助并退出。"
            return result

        return apply

    decorators.help_option = help_option
    write_usage = formatting.HelpFormatter.write_usage

    def write_usage_zh(self, prog, args="", prefix=None):
        args = args.replace("[OPTIONS]", "[选项]").replace("COMMAND [ARGS]...", "命令 [参数]...")
        return write_usage(self, prog, args, "用法: " if prefix is None else prefix)

    formatting.HelpFormatter.write_usage = write_usage_zh
