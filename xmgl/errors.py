"""One error hierarchy for every failure a user can meet, with documented exit codes.

Every error carries a Chinese message meant for the person at the terminal:
what is wrong, where, and how to fix it. The CLI catches :class:`XmglError`
once, at the top (``xmgl.cli.main``), prints the message and exits with the
error's code. Nothing else prints a traceback (``--debug`` does).

0     成功
1     校验发现了达到 --fail-on 级别的问题（validate、audit verify）
2     命令行用法错误（未知选项、缺少参数、非法取值）
3     项目档案无法读取或不符合格式（YAML 语法、类型、未知字段……）
4     前提条件不满足（工作区有未提交修改、阶段门槛未通过、非法阶段跳转……）
5     签名或 git 操作失败（无签名密钥、签名失败、不是 git 仓库……）
6     模板或报告生成失败（模板语法、变量缺失、文件已存在……）
7     审计验证未通过（audit verify）
8     档案正被另一个 xmgl 命令修改（档案锁被占用，等待超时）
70    内部错误（程序缺陷；请带 --debug 的输出报告）
====  ==========================================================
=======
The exit codes are :class:`ExitCode`; each one's meaning is :attr:`ExitCode.zh`,
and ``docs/exit-codes.md`` lists them (tests/test_docs_tables.py checks the two agree).
"""

from __future__ import annotations

from enum import IntEnum

from xmgl.value import Value


class ExitCode(IntEnum):
    OK = 0
    FINDINGS = 1
    USAGE = 2
    DOSSIER = 3
    PRECONDITION = 4
    SIGNING = 5
    TEMPLATE = 6
    AUDIT_FAILED = 7
    FILESYSTEM = 8
    BUSY = 9
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
    ExitCode.FILESYSTEM: "文件读写失败",
    ExitCode.BUSY: "档案正被另一个命令修改",
    ExitCode.INTERNAL: "xmgl 内部错误",
    ExitCode.INTERRUPTED: "被中断",
}


class Problem(Value):
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


class DossierBusy(XmglError):
    """Another xmgl command holds the dossier lock and did not finish in time."""

    exit_code = ExitCode.BUSY


class PushRefused(XmglError):
    """The server's pre-receive hook refused a push; it has told the pusher why."""

    exit_code = ExitCode.FINDINGS


class FileSystemError(XmglError):
    """A file could not be read or written: permission, read-only, disk full, gone."""

    exit_code = ExitCode.FILESYSTEM


def from_os_error(err: OSError) -> FileSystemError:
    """What the operating system said, told in Chinese with what to do about it."""
    import errno

    path = err.filename or ""
    where = f"“{path}”" if path else "文件"  # no spaces around Chinese quotes
    said = f"（系统提示：{err.strerror}）" if err.strerror else ""
    untouched = "xmgl 的写入是原子的：原有文件没有被改动。"
    code = err.errno
    if code in (errno.EACCES, errno.EPERM):
        return FileSystemError(
            f"没有权限读写{where}{said}。",
            hint="检查该文件及其所在目录的权限（ls -l），或请管理员授权。" + untouched,
        )
    if code == errno.EROFS:
        return FileSystemError(
            f"{where}所在的磁盘或目录是只读的，不能写入{said}。",
            hint="把档案复制到可写的位置再操作；报告和导出可用 --output 写到别处。" + untouched,
        )
    if code in (errno.ENOSPC, getattr(errno, "EDQUOT", errno.ENOSPC), errno.EFBIG):
        return FileSystemError(
            f"磁盘空间已满（或超出配额），不能写入{where}{said}。",
            hint="清理磁盘空间后重试。" + untouched,
        )
    if code == errno.ENOENT:
        return FileSystemError(
            f"找不到{where}{said}。", hint="检查路径是否写对，文件是否已被移走或删除。"
        )
    if code in (errno.EISDIR, errno.ENOTDIR):
        return FileSystemError(
            f"{where}的类型不对：需要文件的地方是目录，或需要目录的地方是文件{said}。",
            hint="检查路径。",
        )
    if code == errno.ENAMETOOLONG:
        return FileSystemError(f"文件名太长{said}。", hint="换一个短一些的路径或文件名。")
    if code in (errno.EMFILE, errno.ENFILE):
        return FileSystemError(f"打开的文件太多{said}。", hint="关闭其他程序后重试。")
    if code == errno.EIO:
        return FileSystemError(
            f"读写{where}时发生磁盘错误{said}。", hint="检查磁盘或网络共享是否正常。"
        )
    return FileSystemError(f"读写{where}失败{said}。", hint="检查路径、权限和磁盘空间。")
