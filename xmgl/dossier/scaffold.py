"""Create a new dossier: the commented ``project.yaml``, its folders, the first commit.

If anything fails half-way, everything this call created is removed again:
a failed ``xmgl init`` leaves the disk as it found it.
"""

from __future__ import annotations

import json
import shutil
from datetime import date
from importlib import resources
from pathlib import Path
from string import Template

from xmgl.domain.schema import NATURES
from xmgl.errors import PreconditionError, UsageError

PLACEHOLDER = "【待填写】"
FOLDERS = {
    "docs": "项目文件：批复、评估报告、合同、方案等正式文件或扫描件放在这里。\n",
    "reports": "xmgl report 生成的报告放在这里。\n",
    "templates": "如需定制报告模板，把 .docx 模板放在这里，会优先于 xmgl 自带的模板。\n",
    ".xmgl": "xmgl 的配置：allowed_signers（允许签名的人员公钥）等。不要放私钥。\n",
}


def scaffold_text(
    *, name: str, unit: str, department: str, legal_person: str, nature: str, today: date
) -> str:
    template = resources.files("xmgl.scaffold").joinpath("project.yaml.tmpl").read_text("utf-8")

    def q(value: str) -> str:  # a JSON string is a valid YAML double-quoted scalar
        return json.dumps(value.strip() or PLACEHOLDER, ensure_ascii=False)

    return Template(template).substitute(
        name=q(name),
        unit=q(unit),
        department=q(department),
        legal_person=q(legal_person),
        nature=nature,
        today=today.isoformat(),
    )


def create_dossier(
    target: Path,
    *,
    name: str = "",
    unit: str = "",
    department: str = "",
    legal_person: str = "",
    nature: str = "新建",
    today: date,
) -> Path:
    from xmgl.gitaudit import git as g

    if nature not in NATURES:
        raise UsageError(f"项目性质不能是 “{nature}”。", hint="可选：" + "、".join(NATURES))
    target = target.resolve()
    if target.exists() and (not target.is_dir() or any(target.iterdir())):
        raise PreconditionError(
            f"{target} 已存在且不是空目录，xmgl init 不会改动已有的文件。",
            hint="换一个新目录名，或先把内容移走。",
        )
    g.git_binary()
    created = not target.exists()
    try:
        target.mkdir(parents=True, exist_ok=True)
        (target / "project.yaml").write_text(
            scaffold_text(
                name=name,
                unit=unit,
                department=department,
                legal_person=legal_person,
                nature=nature,
                today=today,
            ),
            encoding="utf-8",
        )
        for folder, readme in FOLDERS.items():
            (target / folder).mkdir()
            (target / folder / "README.md").write_text(readme, encoding="utf-8")
        (target / ".gitattributes").write_text("*.yaml text eol=lf\n", encoding="utf-8")
        g.git(target, "init", "-q")
        g.git(target, "symbolic-ref", "HEAD", "refs/heads/main")
        g.identity(target)
        g.git(target, "add", "-A")
        g.git(
            target, "commit", "-q", "--no-verify", "-m", "新建项目档案", "-m", "由 xmgl init 创建。"
        )
    except BaseException:
        if created:
            shutil.rmtree(target, ignore_errors=True)
        else:
            for child in target.iterdir():
                if child.is_dir() and not child.is_symlink():
                    shutil.rmtree(child, ignore_errors=True)
                else:
                    child.unlink(missing_ok=True)
        raise
    return target
