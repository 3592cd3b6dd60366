"""Aggregate portfolio rows: by unit, by stage, and the totals the 数据局 looks at."""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal

from xmgl.domain.stages import ORDER, STAGES

UNREADABLE = "（无法读取）"


@dataclass
class Group:
    key: str
    label: str
    count: int = 0
    total: Decimal = field(default_factory=lambda: Decimal(0))
    unreadable: int = 0
    errors: int = 0
    """Findings of severity “error” (validation)."""
    with_errors: int = 0
    """Dossiers with at least one error finding."""
    overdue: int = 0
    """Overdue obligations."""
    overdue_projects: int = 0

    def add(self, row: dict) -> None:
        self.count += 1
        if not row["ok"]:
            self.unreadable += 1
            return
        self.total += row["total"] or 0
        self.errors += row["errors"]
        self.with_errors += 1 if row["errors"] else 0
        self.overdue += row["overdue"]
        self.overdue_projects += 1 if row["overdue"] else 0

    def to_dict(self) -> dict:
        return {
            "key": self.key,
            "label": self.label,
            "count": self.count,
            "total_investment": self.total,
            "unreadable": self.unreadable,
            "errors": self.errors,
            "projects_with_errors": self.with_errors,
            "overdue": self.overdue,
            "projects_overdue": self.overdue_projects,
        }


@dataclass
class Summary:
    all: Group
    by_unit: list[Group]
    by_stage: list[Group]

    def to_dict(self) -> dict:
        return {
            "totals": self.all.to_dict(),
            "by_unit": [g.to_dict() for g in self.by_unit],
            "by_stage": [g.to_dict() for g in self.by_stage],
        }


def summarize(rows: list[dict]) -> Summary:
    everything = Group("all", "合计")
    units: dict[str, Group] = {}
    stages: dict[str, Group] = {}
    for row in rows:
        everything.add(row)
        unit = row.get("unit") if row["ok"] else UNREADABLE
        units.setdefault(unit, Group(unit, unit)).add(row)
        stage = row.get("stage") if row["ok"] else "unreadable"
        label = STAGES.get(stage, UNREADABLE if stage == "unreadable" else stage)
        stages.setdefault(stage, Group(stage, label)).add(row)
    by_unit = sorted(units.values(), key=lambda g: (g.key == UNREADABLE, -g.total, g.key))
    by_stage = sorted(stages.values(), key=lambda g: ORDER.get(g.key, len(ORDER)))
    return Summary(everything, by_unit, by_stage)
