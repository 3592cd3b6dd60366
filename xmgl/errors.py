"""One error hierarchy for every failure a user can meet, with documented exit codes.

Every error carries a Chinese message meant for the person at the terminal:
what is wrong, where, and how to fix it. The CLI catches :class:`XmglError`
once, at the top (``xmgl.cli.main``), prints the message and exits with the
error's code. Nothing else prints a traceback (``--debug`` does).

The exit codes are :class:`ExitCode`; each one's meaning is :attr:`ExitCode.zh`,
and ``docs/exit-codes.md`` lists them (tests/test_docs_tables.py checks the two agree).
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import IntEnum


class ExitCode(IntEnum):
    OK = 0
    FINDINGS = 1
    USAGE = 2
    DOSSIER = 3
    PRECONDITION = 4
    SIGNING = 5
    TEMPLATE = 6
    AUDIT_FAILED = 7
    INTERNAL = 70
    INTERRUPTED = 130

    @property
    def zh(self) -> str:
        """What the code means, as docs/exit-codes.md's 含义 column says it."""
        return _MEANING[self]


_MEANING = {
    ExitCode.OK: "成功",
    ExitCode.FINDINGS: "发现问题",
    ExitCode.USAGE: "命令行用法错误",
    ExitCode.DOSSIER: "档案无法读取或格式不符",
    ExitCode.PRECONDITION: "前提条件不满足",
    ExitCode.SIGNING: "签名或 git 操作失败",
    ExitCode.TEMPLATE: "模板或报告生成失败",
    ExitCode.AUDIT_FAILED: "审计未通过",
    ExitCode.INTERNAL: "xmgl 内部错误",
    ExitCode.INTERRUPTED: "被中断",
}


@dataclass(frozen=True)
class Problem:
    """One located problem in a dossier file: where, what, how to fix it."""

    file: str
    line: int | None
    column: int | None
    path: str
    message: str
    hint: str = ""
    code: str = ""

    def location(self) -> str:
        if self.line is None:
            return self.file
        if self.column is None:
            return f"{self.file}:{self.line}"
        return f"{self.file}:{self.line}:{self.column}"

    def to_dict(self) -> dict:
        return {
            "code": self.code,
            "file": self.file,
            "line": self.line,
            "column": self.column,
            "path": self.path,
            "message": self.message,
            "hint": self.hint,
        }


class XmglError(Exception):
    """Base of every error a user may see. ``message`` is Chinese and actionable."""

    exit_code: ExitCode = ExitCode.INTERNAL
    shown: bool = False
    """True when the command has already printed the outcome (its findings, an audit
    report): the entry point then exits with the code and prints nothing more, so
    ``--format json`` output stays one document."""

    def __init__(self, message: str, hint: str = "") -> None:
        super().__init__(message)
        self.message = message
        self.hint = hint

    def after_output(self) -> XmglError:
        """Mark the outcome as already shown (see :attr:`shown`); returns ``self``."""
        self.shown = True
        return self


class UsageError(XmglError):
    exit_code = ExitCode.USAGE


class DossierError(XmglError):
    """The dossier cannot be read or does not follow the format.

    ``problems`` lists every located problem found, all at once.
    """

    exit_code = ExitCode.DOSSIER

    def __init__(self, message: str, problems: list[Problem] | None = None, hint: str = ""):
        super().__init__(message, hint)
        self.problems = list(problems or [])


class PreconditionError(XmglError):
    exit_code = ExitCode.PRECONDITION


class SigningError(XmglError):
    exit_code = ExitCode.SIGNING


class TemplateError(XmglError):
    exit_code = ExitCode.TEMPLATE


class AuditFailed(XmglError):
    exit_code = ExitCode.AUDIT_FAILED


class FindingsFound(XmglError):
    """``validate`` or ``template check`` found problems at or above the threshold."""

    exit_code = ExitCode.FINDINGS


class PushRefused(XmglError):
    """The server's pre-receive hook refused a push; it has told the pusher why."""

    exit_code = ExitCode.FINDINGS
