"""Head anchors: the commit and count a bureau keeps outside the repository.

A history rewritten and re-signed with a valid key verifies as good; only an
anchor kept elsewhere reveals it. ``xmgl audit anchor`` prints one (after a
passing audit) and can write it to a file; ``xmgl audit verify --anchor``
checks that the anchor is still an ancestor of HEAD with the same count.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from xmgl.errors import AuditFailed, UsageError


@dataclass(frozen=True)
class Anchor:
    commit: str
    count: int
    date: str
    stage: str | None
    project: str

    @property
    def spec(self) -> str:
        return f"{self.commit}:{self.count}"

    def lines(self) -> list[str]:
        return [
            f"commit: {self.commit}",
            f"count: {self.count}",
            f"date: {self.date}",
            f"stage: {self.stage or ''}",
            f"project: {self.project}",
            f"anchor: {self.spec}",
        ]

    def to_dict(self) -> dict[str, object]:
        return {
            "commit": self.commit,
            "count": self.count,
            "date": self.date,
            "stage": self.stage,
            "project": self.project,
            "anchor": self.spec,
        }

    def write(self, path: Path, root: Path) -> None:
        from xmgl.fileio import atomic_write
        from xmgl.gitaudit.signing import inside

        if inside(path, root):
            raise UsageError(
                "锚点文件不能写在档案目录内：它要交给市数据局、保存在档案以外才有意义。",
                hint="写到档案以外的位置，例如 --output ~/锚点-项目名.txt。",
            )
        text = (
            "# xmgl 审计锚点：请保存在档案以外（交市数据局）。核验：\n"
            f"#   xmgl audit verify --anchor {self.spec}\n" + "\n".join(self.lines()) + "\n"
        )
        path.parent.mkdir(parents=True, exist_ok=True)
        atomic_write(path, text.encode("utf-8"))


def make_anchor(root: Path, project: str = "") -> Anchor:
    """The anchor of HEAD, once the full audit passes (``project``: the name it carries)."""
    from xmgl.gitaudit.audit import verify

    report = verify(root)
    if not report.ok:
        codes = "、".join(sorted({f.code for f in report.all_findings() if f.severity == "error"}))
        raise AuditFailed(
            f"审计验证未通过（{codes}），不能为这样的历史生成锚点。",
            hint="先运行 xmgl audit verify 查看问题并处理。",
        )
    head = report.commits[-1] if report.commits else None
    if head is None or report.head is None:
        raise AuditFailed("档案还没有提交，无法生成锚点。")
    by_sha = {c.sha: c for c in report.commits}
    head = by_sha[report.head]
    return Anchor(
        commit=report.head,
        count=len(report.commits),
        date=head.committed,
        stage=head.stage.current if head.stage else None,
        project=project,
    )
