"""Chinese for the few strings Typer and its bundled Click print themselves.

Typer renders help with Rich and takes its panel titles from module constants;
the help option's text and the usage prefix come from the bundled Click. These
are private details of Typer, so every patch is guarded: a Typer that changes
them falls back to English help headings, never to a crash.

``typer.rich_utils`` pulls in rich.markdown, markdown-it, rich.syntax and
rich.traceback (about 80 ms) and Typer itself imports it only to print help.
So its constants are patched when it is first imported (an import hook), not
here: ``xmgl validate`` never pays for help it does not print.
"""

from __future__ import annotations

import sys

_DONE = False
_RICH_UTILS = "typer.rich_utils"


def install() -> None:
    global _DONE
    if _DONE:
        return
    _DONE = True
    if _RICH_UTILS in sys.modules:
        _patch_rich_utils(sys.modules[_RICH_UTILS])
    else:
        sys.meta_path.insert(0, _PatchOnImport())
    try:
        from typer._click import decorators, formatting

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
            return write_usage(self, prog, args, "用法: " if prefix is None else prefix)

        formatting.HelpFormatter.write_usage = write_usage_zh
    except (ImportError, AttributeError):  # pragma: no cover
        pass


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


class _PatchOnImport:
    """A meta-path finder that patches ``typer.rich_utils`` right after it is executed."""

    def find_spec(self, fullname, path=None, target=None):
        if fullname != _RICH_UTILS:
            return None
        from importlib.machinery import PathFinder

        spec = PathFinder.find_spec(fullname, path, target)
        if spec is None or spec.loader is None or not hasattr(spec.loader, "exec_module"):
            return spec
        loader = spec.loader
        original = loader.exec_module

        def exec_module(module):
            original(module)
            _patch_rich_utils(module)

        try:
            loader.exec_module = exec_module
        except AttributeError:  # pragma: no cover - a loader that refuses attributes
            return spec
        return spec

    def find_module(self, fullname, path=None):  # pragma: no cover - legacy protocol
        return None
