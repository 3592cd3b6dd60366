"""The 数据局's server directory: bare repositories, pinned trust roots, receipts.

::

    服务器目录/
      xmgl-server.json          policy (what the hook refuses) and the hook's time limit
      xmgl-hook                 the hook script (the same file serves Gitea and GitLab)
      receipts.log              the append-only receipt log (xmgl.server.receipts)
      repos/<项目编号>.git/      one bare repository per project, hooks installed
      projects/<项目编号>/
        trust-root              the fingerprints that may sign the first commit
        state.json              the last tip the hook accepted (what the next audit stands on)

Nothing here is inside a repository: a unit that can push cannot change it.
"""

from __future__ import annotations

import json
import os
import re
import shlex
import sys
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from xmgl.errors import PreconditionError, UsageError

CONFIG = "xmgl-server.json"
HOOK = "xmgl-hook"
RECEIPTS = "receipts.log"
MAIN = "refs/heads/main"
DEFAULT_TIMEOUT = 120
REFUSE_AUDIT = "audit"
REFUSE_VALIDATE = "validate-errors"
REFUSALS = (REFUSE_AUDIT, REFUSE_VALIDATE)

_PROJECT_ID = re.compile(r"^[0-9A-Za-z\u4e00-\u9fff][0-9A-Za-z\u4e00-\u9fff._-]{0,99}$")
_SSH_FP = re.compile(r"^SHA256:[A-Za-z0-9+/]{43}$")
_PGP_FP = re.compile(r"^[0-9A-Fa-f]{40}$")

HOOK_SCRIPT = """#!/bin/sh
# xmgl 数据局服务器钩子（由 xmgl server init 生成）。
# pre-receive：审计推送的每个新提交，不合格的推送整体拒绝；
# post-receive：把接收的推送记入回执日志，并把回执回显给推送人。
# 同一个文件不加修改即可用作裸仓库、Gitea、GitLab 的服务器端钩子：
# 文件名或所在目录名含 pre-receive / post-receive 即可。
XMGL_SERVER=${{XMGL_SERVER:-{server}}}
XMGL_PYTHON=${{XMGL_PYTHON:-{python}}}
case "$0" in
  *pre-receive*) kind=pre-receive ;;
  *post-receive*) kind=post-receive ;;
  *)
    echo "xmgl 钩子：无法从文件名 $0 判断是 pre-receive 还是 post-receive，推送被拒绝。" >&2
    exit 1 ;;
esac
if [ ! -x "$XMGL_PYTHON" ]; then
  echo "推送被拒绝：数据局服务器上找不到 xmgl（$XMGL_PYTHON）。请联系服务器管理员。" >&2
  exit 1
fi
# the same as xmgl hook "$kind" --server …, without the command line's start-up
exec "$XMGL_PYTHON" -m xmgl.server "$kind" --server "$XMGL_SERVER"
"""


def now_utc() -> str:
    return datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def check_project_id(project: str) -> str:
    if not _PROJECT_ID.match(project) or ".." in project or project.endswith(".git"):
        raise UsageError(
            f"项目编号 “{project}” 不能用作仓库名。",
            hint="只用字母、数字、汉字、点、连字符和下划线，例如 DSQ-2026-001。",
        )
    return project


def normalize_fingerprint(value: str) -> str:
    """``SHA256:…`` as ``ssh-keygen -lf`` prints it, or a 40-hex OpenPGP fingerprint."""
    text = value.strip()
    path = Path(text).expanduser()
    if not _SSH_FP.match(text) and not _PGP_FP.match(text) and path.is_file():
        from xmgl.gitaudit.sshsig import load_public_key

        try:
            return load_public_key(path).fingerprint
        except Exception as exc:  # noqa: BLE001 - any unreadable key file is a usage error
            raise UsageError(
                f"{path} 不是 SSH 公钥文件（{exc}）。",
                hint="给出公钥文件（.pub），或 ssh-keygen -lf 公钥.pub 打印的 SHA256:… 指纹。",
            ) from exc
    if _SSH_FP.match(text):
        return text
    if _PGP_FP.match(text):
        return text.upper()
    raise UsageError(
        f"--trust-root 的值 “{value}” 不是密钥指纹。",
        hint="写 ssh-keygen -lf 公钥.pub 打印的 SHA256:…（43 个字符），或给出公钥文件的路径。",
    )


@dataclass
class Policy:
    refuse: tuple[str, ...] = (REFUSE_AUDIT,)
    timeout: float = DEFAULT_TIMEOUT

    @property
    def refuse_validate_errors(self) -> bool:
        return REFUSE_VALIDATE in self.refuse


@dataclass(frozen=True)
class State:
    """The last tip the hook accepted for a project: what the next audit stands on."""

    tip: str
    count: int
    stage: str | None
    since: str | None
    visited: tuple[str, ...]
    time: str

    def to_dict(self) -> dict:
        return {
            "tip": self.tip,
            "count": self.count,
            "stage": self.stage,
            "since": self.since,
            "visited": list(self.visited),
            "time": self.time,
        }


class Server:
    def __init__(self, root: Path) -> None:
        self.root = Path(root).expanduser().resolve()

    # ------------------------------------------------------------ paths
    @property
    def config_path(self) -> Path:
        return self.root / CONFIG

    @property
    def hook_path(self) -> Path:
        return self.root / HOOK

    @property
    def receipts(self) -> Path:
        return self.root / RECEIPTS

    def repo(self, project: str) -> Path:
        return self.root / "repos" / f"{project}.git"

    def project_dir(self, project: str) -> Path:
        return self.root / "projects" / project

    # ------------------------------------------------------------ set-up
    @classmethod
    def open(cls, root: Path) -> Server:
        server = cls(root)
        if not server.config_path.is_file():
            raise PreconditionError(
                f"{server.root} 不是 xmgl 服务器目录（缺少 {CONFIG}）。",
                hint="先运行 xmgl server init 目录。",
            )
        return server

    def policy(self) -> Policy:
        try:
            data = json.loads(self.config_path.read_text(encoding="utf-8"))
            refuse = tuple(data.get("refuse", [REFUSE_AUDIT]))
            timeout = float(data.get("timeout_seconds", DEFAULT_TIMEOUT))
        except (OSError, ValueError, TypeError, AttributeError) as exc:
            raise PreconditionError(
                f"服务器配置 {self.config_path} 无法读取：{exc}",
                hint="检查该文件是否为有效的 JSON，或重新运行 xmgl server init。",
            ) from exc
        unknown = [r for r in refuse if r not in REFUSALS]
        if unknown or timeout <= 0:
            raise PreconditionError(
                f"服务器配置 {self.config_path} 有无效的设置："
                + (f"refuse 中的 {'、'.join(map(str, unknown))}" if unknown else "timeout_seconds")
                + "。",
                hint="refuse 可含 audit、validate-errors；timeout_seconds 为正数。",
            )
        return Policy(tuple(dict.fromkeys((REFUSE_AUDIT, *refuse))), timeout)

    def init(self, *, refuse_validate: bool, timeout: float = DEFAULT_TIMEOUT) -> bool:
        """Create (or update the policy of) the server directory; True if it was new."""
        from xmgl.fileio import atomic_write

        new = not self.config_path.exists()
        if new and self.root.exists() and any(self.root.iterdir()):
            raise PreconditionError(
                f"{self.root} 已存在且不是空目录，也不是 xmgl 服务器目录。",
                hint="换一个新目录，或先清空它。",
            )
        (self.root / "repos").mkdir(parents=True, exist_ok=True)
        (self.root / "projects").mkdir(exist_ok=True)
        refuse = [REFUSE_AUDIT] + ([REFUSE_VALIDATE] if refuse_validate else [])
        config = {
            "xmgl_server": 1,
            "refuse": refuse,
            "timeout_seconds": timeout,
            "main_branch": MAIN,
        }
        text = json.dumps(config, ensure_ascii=False, indent=2) + "\n"
        atomic_write(self.config_path, text.encode("utf-8"))
        self.write_hook()
        if not self.receipts.exists():
            self.receipts.touch()
        for project in self.projects():
            self.install_hooks(self.repo(project))
        return new

    def write_hook(self) -> None:
        from xmgl.fileio import atomic_write

        script = HOOK_SCRIPT.format(
            server=shlex.quote(str(self.root)), python=shlex.quote(sys.executable)
        )
        atomic_write(self.hook_path, script.encode("utf-8"))
        os.chmod(self.hook_path, 0o755)

    def install_hooks(self, repo: Path) -> None:
        """Copy the hook script in as ``pre-receive`` and ``post-receive``."""
        from xmgl.fileio import atomic_write

        data = self.hook_path.read_bytes()
        for name in ("pre-receive", "post-receive"):
            target = repo / "hooks" / name
            target.parent.mkdir(exist_ok=True)
            atomic_write(target, data)
            os.chmod(target, 0o755)

    def projects(self) -> list[str]:
        folder = self.root / "projects"
        if not folder.is_dir():
            return []
        return sorted(p.name for p in folder.iterdir() if (p / "trust-root").is_file())

    def add(self, project: str, fingerprints: list[str]) -> Path:
        """Create the project's bare repository and pin its trust root."""
        from xmgl.fileio import atomic_write
        from xmgl.gitaudit import git as g

        check_project_id(project)
        if not fingerprints:
            raise UsageError(
                "必须用 --trust-root 给出至少一个可以签名首次提交的密钥指纹。",
                hint="向项目单位索取其签名公钥，核对后用 ssh-keygen -lf 公钥.pub 取得指纹。",
            )
        pinned = list(dict.fromkeys(normalize_fingerprint(f) for f in fingerprints))
        repo = self.repo(project)
        pdir = self.project_dir(project)
        if repo.exists() or (pdir / "trust-root").exists():
            raise PreconditionError(
                f"项目 {project} 已在本服务器登记（{repo}）。",
                hint="信任根一经登记不能改写；确需更换，由管理员先归档并删除旧仓库和"
                f" {pdir}，再重新登记。",
            )
        repo.parent.mkdir(parents=True, exist_ok=True)
        g.git(repo.parent, "init", "-q", "--bare", repo.name)
        g.git(repo, "symbolic-ref", "HEAD", MAIN)
        g.git(repo, "config", "xmgl.project", project)
        # deletions and rewrites are refused by the hook, which says why in Chinese
        g.git(repo, "config", "receive.fsckObjects", "true")
        g.git(repo, "config", "core.logAllRefUpdates", "false")
        g.git(repo, "config", "gc.auto", "0")
        self.install_hooks(repo)
        pdir.mkdir(parents=True, exist_ok=True)
        text = (
            f"# 项目 {project} 的信任根：可以签名首次提交的密钥指纹（{now_utc()} 登记）。\n"
            + "".join(f"{fp}\n" for fp in pinned)
        )
        atomic_write(pdir / "trust-root", text.encode("utf-8"))
        return repo

    def trust_root(self, project: str) -> list[str]:
        path = self.project_dir(project) / "trust-root"
        try:
            lines = path.read_text(encoding="utf-8").splitlines()
        except OSError as exc:
            raise PreconditionError(
                f"项目 {project} 没有在本服务器登记信任根（{path}）。",
                hint=f"管理员运行 xmgl server add {self.root} {project} --trust-root 指纹。",
            ) from exc
        return [ln.strip() for ln in lines if ln.strip() and not ln.startswith("#")]

    # ------------------------------------------------------------ state
    def state(self, project: str) -> State | None:
        path = self.project_dir(project) / "state.json"
        if not path.exists():
            return None
        try:
            d = json.loads(path.read_text(encoding="utf-8"))
            return State(
                d["tip"],
                int(d["count"]),
                d.get("stage"),
                d.get("since"),
                tuple(d.get("visited", ())),
                d.get("time", ""),
            )
        except (OSError, ValueError, KeyError, TypeError) as exc:
            raise PreconditionError(
                f"服务器记录 {path} 无法读取：{exc}",
                hint="管理员检查该文件；删除它会使下一次推送从头完整审计。",
            ) from exc

    def save_state(self, project: str, state: State) -> None:
        from xmgl.fileio import atomic_write

        path = self.project_dir(project) / "state.json"
        text = json.dumps(state.to_dict(), ensure_ascii=False, indent=2) + "\n"
        atomic_write(path, text.encode("utf-8"))


def project_of(git_dir: Path) -> str:
    """The project a repository belongs to: ``xmgl.project`` in its config, else its name."""
    from xmgl.gitaudit import git as g

    configured = g.config(git_dir, "xmgl.project")
    if configured:
        return configured
    name = Path(git_dir).resolve().name
    return name[:-4] if name.endswith(".git") else name
