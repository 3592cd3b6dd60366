"""xmgl（项目管理）：大石桥市政务信息化项目档案的命令行工具。

The package is layered: ``xmgl.domain`` holds the regulation's rules, the
lifecycle and the date arithmetic as plain Python; ``xmgl.dossier`` reads and
writes the YAML dossier; ``xmgl.gitaudit`` and ``xmgl.reports`` are adapters for
git and .docx; ``xmgl.cli`` is the thin command-line layer.
"""

import _signal  # the C module: "signal" would first import enum, too slow to come first
import os as _os
import sys as _sys


def _interrupt_early() -> None:
    """Ctrl-C while the ``xmgl`` command is still starting: one line and exit 130.

    Only for the command itself (not when xmgl is imported as a library): until the
    entry point takes over (``xmgl.cli.main.run``), an interrupt during the imports
    would otherwise end in a Python traceback. Runs first, with modules Python has
    already loaded, so that the window before it is as short as it can be.
    """
    name = _os.path.basename(_sys.argv[0] if _sys.argv else "").lower()
    if name not in ("xmgl", "xmgl.exe", "xmgl-script.py", "__main__.py"):
        return

    def stop(_signum, _frame):  # pragma: no cover - exercised by a subprocess test
        _os.write(2, "已中断。\n".encode())
        _os._exit(130)

    try:  # noqa: SIM105 - contextlib is not loaded yet, and must not be for this
        _signal.signal(_signal.SIGINT, stop)
    except (ValueError, OSError):  # pragma: no cover - not the main thread
        pass


_interrupt_early()

__version__ = "0.1.0"
