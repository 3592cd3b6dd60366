"""``python -m xmgl.server pre-receive|post-receive --server DIR``: what the hook script runs.

The same as ``xmgl hook …`` (one function, :func:`xmgl.server.hook.run`), without
the command-line framework's start-up: a push waits for it.
"""

from __future__ import annotations

import sys
from datetime import date
from pathlib import Path

KINDS = ("pre-receive", "post-receive")


def main(argv: list[str]) -> int:
    if len(argv) != 3 or argv[0] not in KINDS or argv[1] != "--server":
        sys.stderr.write(
            "用法：python -m xmgl.server pre-receive|post-receive --server 服务器目录\n"
            "（由 xmgl server init 装好的钩子脚本调用；推送被拒绝。）\n"
        )
        return 2
    from xmgl.server.hook import run

    return run(argv[0], Path(argv[2]).expanduser(), sys.stdin, sys.stderr, date.today())


sys.exit(main(sys.argv[1:]))
