"""Chinese for the few strings Typer and its bundled Click print themselves.

Typer renders help with Rich and takes its panel titles from module constants;
the help option's text and the usage prefix come from the bundled Click. These
are private details of Typer, so every patch is guarded: a Typer that changes
them falls back to English help headings, never to a crash.
"""

from __future__ import annotations

_DONE = False


def install() -> None:
    global _DONE
    if _DONE:
        return
    _DONE = True
    try:
        import typer.rich_utils as ru

        ru.ARGUMENTS_PANEL_TITLE = "参数"
        ru.OPTIONS_PANEL_TITLE = "选项"
        ru.COMMANDS_PANEL_TITLE = "命令"
        ru.ERRORS_PANEL_TITLE = "错误"
        ru.ABORTED_TEXT = "已中止。"
        ru.DEFAULT_STRING = "[默认：{}]"
        ru.REQUIRED_LONG_STRING = "[必填]"
        ru.DEPRECATED_STRING = "（已弃用）"
        ru.RICH_HELP = "运行 [blue]“{command_path} {help_option}”[/] 查看帮助。"
    except (ImportError, AttributeError):  # pragma: no cover - depends on Typer's internals
        pass
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
        import typer.rich_utils as ru

        ru.highlighter.highlights = [
            h.replace("(?P<usage>Usage: )", "(?P<usage>用法: )") for h in ru.highlighter.highlights
        ]
    except (ImportError, AttributeError):  # pragma: no cover
        pass
