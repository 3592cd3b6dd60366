"""``xmgl server init | add``: the 数据局's git server (bare repositories, pinned trust roots)."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from xmgl.cli.state import get_state


def register(app: typer.Typer) -> None:
    server_app = typer.Typer(
        help="数据局服务器：建立服务器目录，登记项目（裸仓库和信任根）。",
        no_args_is_help=True,
        rich_markup_mode="rich",
    )
    app.add_typer(server_app, name="server")

    @server_app.callback()
    def server() -> None:
        """数据局服务器：建立服务器目录（init），登记项目的裸仓库和信任根（add）。"""

    @server_app.command("init")
    def init(
        ctx: typer.Context,
        directory: Annotated[Path, typer.Argument(help="服务器目录。", metavar="目录")],
        refuse: Annotated[
            list[str] | None,
            typer.Option(
                "--refuse",
                help="除审计不通过外，还拒绝的推送：validate-errors（校验有错误）。",
                metavar="情形",
                show_default=False,
            ),
        ] = None,
        timeout: Annotated[
            float,
            typer.Option("--timeout", help="钩子的时限（秒），超时即拒绝推送。", metavar="秒"),
        ] = 120.0,
    ) -> None:
        """建立服务器目录（已有则更新规定）：配置、钩子脚本、回执日志、repos/。"""
        from xmgl.errors import UsageError
        from xmgl.server.layout import REFUSE_VALIDATE, Server

        for r in refuse or []:
            if r != REFUSE_VALIDATE:
                raise UsageError(
                    f"--refuse 不能取 “{r}”。",
                    hint="可选：validate-errors（审计不通过的推送总是拒绝）。",
                )
        if timeout <= 0:
            raise UsageError("--timeout 必须是正数（秒）。")
        target = _abs(ctx, directory)
        s = Server(target)
        new = s.init(refuse_validate=bool(refuse), timeout=timeout)
        policy = (
            "审计不通过和校验有错误的推送都拒绝"
            if refuse
            else ("审计不通过的推送拒绝；校验错误只报告、仍接收")
        )
        typer.echo(f"{'已建立' if new else '已更新'}服务器目录：{s.root}")
        typer.echo(f"规定：{policy}；钩子时限 {timeout:g} 秒。")
        typer.echo(f"回执日志：{s.receipts}")
        typer.echo(f"下一步：xmgl server add {s.root} 项目编号 --trust-root 指纹")

    @server_app.command("add")
    def add(
        ctx: typer.Context,
        directory: Annotated[Path, typer.Argument(help="服务器目录。", metavar="目录")],
        project: Annotated[str, typer.Argument(help="项目编号（仓库名）。", metavar="项目编号")],
        trust_root: Annotated[
            list[str] | None,
            typer.Option(
                "--trust-root",
                help="可以签名首次提交的密钥：SHA256:… 指纹或公钥文件（可重复）。",
                metavar="指纹",
                show_default=False,
            ),
        ] = None,
    ) -> None:
        """登记项目：建立裸仓库、装好钩子，并固定信任根（可以签名首次提交的密钥）。"""
        from xmgl.server.layout import Server

        s = Server.open(_abs(ctx, directory))
        repo = s.add(project, list(trust_root or []))
        typer.echo(f"已登记项目 {project}：{repo}")
        typer.echo("信任根（只有这些密钥签名的首次提交才会被接收）：")
        for fp in s.trust_root(project):
            typer.echo(f"  {fp}")
        typer.echo("项目单位推送：git remote add origin ssh://服务器/" + f"{repo}")
        typer.echo("             git push origin main")


def _abs(ctx: typer.Context, path: Path) -> Path:
    path = path.expanduser()
    return path if path.is_absolute() else get_state(ctx).directory / path
