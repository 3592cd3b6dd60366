"""``xmgl init DIR``: a new dossier as a git repository, its first commit signed."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from xmgl.cli.state import get_state


def _here(state, path: Path) -> Path:
    path = path.expanduser()
    return path if path.is_absolute() else state.directory / path


def register(app: typer.Typer) -> None:
    @app.command("init")
    def init(
        ctx: typer.Context,
        directory: Annotated[
            Path,
            typer.Argument(
                help="新档案的目录（不存在或为空）。", metavar="目录", show_default=False
            ),
        ],
        name: Annotated[str, typer.Option("--name", help="项目名称。", metavar="名称")] = "",
        unit: Annotated[str, typer.Option("--unit", help="项目单位。", metavar="单位")] = "",
        department: Annotated[
            str, typer.Option("--department", help="行业主管部门。", metavar="部门")
        ] = "",
        legal_person: Annotated[
            str, typer.Option("--legal-person", help="项目法人（责任人）。", metavar="姓名")
        ] = "",
        nature: Annotated[
            str, typer.Option("--nature", help="项目性质：新建、改扩建或运行维护。", metavar="性质")
        ] = "新建",
        signing_key: Annotated[
            Path | None,
            typer.Option(
                "--signing-key",
                help="用于签名的 SSH 公钥文件（或旁边有 .pub 的私钥），须在档案目录以外。"
                "默认使用 git 全局配置中的 SSH 签名密钥。",
                metavar="密钥",
                show_default=False,
            ),
        ] = None,
        source: Annotated[
            Path | None,
            typer.Option(
                "--from",
                help="从已有档案（含 project.yaml 的目录）开始：沿用其内容、阶段和引用的文件。",
                metavar="档案",
                show_default=False,
            ),
        ] = None,
        gpg_key: Annotated[
            str | None,
            typer.Option(
                "--gpg-key",
                help="改用 OpenPGP（GnuPG）签名：钥匙环中的密钥指纹、ID 或邮箱。",
                metavar="密钥",
                show_default=False,
            ),
        ] = None,
        demo_key: Annotated[
            bool,
            typer.Option(
                "--demo-key",
                help="演示用：没有密钥时在 ~/.ssh/xmgl_demo_ed25519 生成一把无口令的密钥并使用它。",
            ),
        ] = False,
    ) -> None:
        """新建项目档案：带注释的 project.yaml、目录结构和首次签名提交（信任根）。"""
        from xmgl.cli.output import console
        from xmgl.dossier.scaffold import create_dossier
        from xmgl.errors import UsageError
        from xmgl.gitaudit import signing

        state = get_state(ctx)
        target = directory if directory.is_absolute() else state.directory / directory
        if (
            sum(x is not None and x is not False for x in (signing_key, gpg_key, demo_key or None))
            > 1
        ):
            raise UsageError("--signing-key、--gpg-key 和 --demo-key 只能选一个。")
        c = console()
        key = signing_key
        if demo_key:
            from xmgl.gitaudit import git as g

            _user, email = g.identity(state.directory)
            key, created = signing.ensure_demo_key(email)
            if created:
                c.print(f"已生成演示密钥（无口令，仅供试用）：{key}", markup=False)
        elif key is None and gpg_key is None:
            key = signing.global_ssh_key()
        root = create_dossier(
            target,
            name=name,
            unit=unit,
            department=department,
            legal_person=legal_person,
            nature=nature,
            today=state.today(),
            signing_key=key,
            source=None if source is None else _here(state, source),
            gpg_key=gpg_key,
        )
        from rich.markup import escape

        c.print(f"已新建项目档案：{escape(str(root))}")
        if gpg_key is not None:
            from xmgl.gitaudit import openpgp

            c.print("首次提交已用 OpenPGP 签名，是审计的信任根。密钥指纹：")
            fpr = openpgp.fingerprint_of(gpg_key)
            c.print(f"  {fpr}", no_wrap=True, overflow="ignore", crop=False)
            c.print("请把这个指纹通过档案以外的渠道（如书面）告知市数据局，供其核对。")
        elif key is not None:
            public = signing.public_key_from_file(key)
            c.print("首次提交已签名，是审计的信任根。签名密钥指纹：")
            c.print(f"  {public.fingerprint}", no_wrap=True, overflow="ignore", crop=False)
            c.print("请把这个指纹通过档案以外的渠道（如书面）告知市数据局，供其核对。")
        else:
            c.print(
                "[yellow]注意：[/]没有签名密钥，首次提交未签名，“xmgl audit verify” 将不能通过。\n"
                "用 --signing-key 指定密钥重新创建，或先试用 --demo-key。"
            )
        c.print(
            f"下一步：编辑 project.yaml，然后运行 “xmgl -C {directory} validate” 检查。",
            markup=False,
        )
