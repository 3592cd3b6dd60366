"""``xmgl init DIR``: a new dossier as a git repository."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from xmgl.cli.state import get_state


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
    ) -> None:
        """新建项目档案：带注释的 project.yaml、目录结构和首次 git 提交。"""
        from xmgl.dossier.scaffold import create_dossier

        state = get_state(ctx)
        target = directory if directory.is_absolute() else state.directory / directory
        root = create_dossier(
            target,
            name=name,
            unit=unit,
            department=department,
            legal_person=legal_person,
            nature=nature,
            today=state.today(),
        )
        from xmgl.cli.output import console

        c = console()
        c.print(f"已新建项目档案：{root}")
        c.print(f"下一步：编辑 project.yaml，然后运行 “xmgl -C {directory} validate” 检查。")
