"""A real dossier history built through the real CLI: ten transitions by two signers.

刘晓梅 creates the dossier (signed trust root), fills it in from the example,
and walks it from 项目储备 to 投入运行, recording the facts that justify each
step. After the third transition she adds 张伟 as a signer; from then on both
of them sign transitions. Used by the audit tests (built once per session and
copied for each test).
"""

from __future__ import annotations

import os
import shutil
import subprocess
from dataclasses import dataclass, field
from pathlib import Path

from tests.conftest import EXAMPLE, make_ssh_key, run_cli

LIU = ("刘晓梅", "liuxm@example.gov.cn")
ZHANG = ("张伟", "zhangwei@example.gov.cn")
MALLORY = ("马某", "mallory@example.com")


@dataclass
class History:
    root: Path
    keys: dict[str, Path]
    transitions: list[str] = field(default_factory=list)  # commit ids, in order
    signer_added: str = ""

    def git(self, *args: str, env: dict[str, str] | None = None, check=True) -> str:
        proc = subprocess.run(
            ["git", "-c", "core.quotePath=false", "-C", str(self.root), *args],
            capture_output=True,
            text=True,
            env={**os.environ, **(env or {})},
            check=False,
        )
        if check and proc.returncode != 0:
            raise AssertionError(f"git {' '.join(args)}: {proc.stderr}")
        return proc.stdout

    def copy(self, target: Path) -> History:
        shutil.copytree(self.root, target, symlinks=True)
        h = History(target, dict(self.keys), list(self.transitions), self.signer_added)
        return h


def act_as(who: tuple[str, str]) -> None:
    name, email = who
    for role in ("AUTHOR", "COMMITTER"):
        os.environ[f"GIT_{role}_NAME"] = name
        os.environ[f"GIT_{role}_EMAIL"] = email


def cli(*args) -> str:
    result = run_cli(*args)
    if result.exit_code != 0:
        raise AssertionError(f"xmgl {' '.join(map(str, args))}\n{result.output}")
    return result.stdout


def initial_project_text() -> str:
    """The example's facts, at the start of the road: stage reserve, no records yet."""
    text = (EXAMPLE / "project.yaml").read_text(encoding="utf-8")
    head = text[: text.index("# 当前阶段")]
    return (
        head + "# 当前阶段（由 xmgl advance 维护，不要手工修改）\n"
        "stage:\n  current: reserve\n  since: 2025-06-01\n\n"
        "# 记录：发生过的每一件事，按日期排列（第二十一条：如实提供，不得隐匿、瞒报）\n"
        "records: []\n"
    )


def build(base: Path, key_dir: Path) -> History:
    keys = {name: make_ssh_key(key_dir, name) for name in ("liuxm", "zhangwei", "mallory")}
    root = base / "dossier"
    act_as(LIU)
    cli("--as-of", "2025-06-01", "init", root, "--signing-key", keys["liuxm"])
    h = History(root, keys)
    (root / "project.yaml").write_text(initial_project_text(), encoding="utf-8")
    for doc in EXAMPLE.joinpath("docs").iterdir():
        shutil.copy(doc, root / "docs" / doc.name)
    for name in (
        "项目建设总结",
        "财务报告",
        "监理报告",
        "等级保护测评报告",
        "密码应用安全性评估报告",
    ):
        (root / "docs" / f"{name}.md").write_text(f"# {name}\n\n（演示文件）\n", encoding="utf-8")
    h.git("add", "-A")
    h.git("commit", "-q", "-m", "填写项目档案")

    def record(*args: str) -> None:
        cli("-C", root, "record", *args)

    def advance(stage: str, day: str) -> None:
        cli("-C", root, "advance", stage, "--date", day)
        h.transitions.append(h.git("rev-parse", "HEAD").strip())

    def use(who: tuple[str, str], key: str) -> None:
        act_as(who)
        cli("-C", root, "signers", "use", keys[key])

    record("reserve_entry", "date=2025-06-05", "document_no=大数据发〔2025〕12号")
    record(
        "plan_call", "date=2025-06-10", "year=2026", "deadline=2025-07-15", "issuer=大石桥市数据局"
    )
    record("plan_submission", "date=2025-07-10", "year=2026", "to=大石桥市数据局", "amount=386万元")
    record(
        "plan_inclusion",
        "date=2026-01-15",
        "year=2026",
        "amount=386万元",
        "approver=大石桥市人民政府",
        "document_no=大政发〔2026〕3号",
    )
    advance("plan", "2026-01-15")  # 1
    advance("feasibility", "2026-01-16")  # 2
    record(
        "evaluation",
        "date=2026-02-20",
        "subject=可行性研究报告",
        "evaluator=辽宁某某工程咨询有限公司",
        "commissioned_by=大石桥市营商环境建设局",
        "selection=竞争性磋商",
        "qualified=true",
        "amount=375万元",
        "document=docs/可研评估报告.md",
    )
    record(
        "crypto_review",
        "date=2026-02-25",
        "issuer=大石桥市国家密码管理局",
        "result=通过",
        "document_no=大密审〔2026〕5号",
    )
    record(
        "approval",
        "date=2026-03-10",
        "subject=可行性研究报告",
        "issuer=大石桥市营商环境建设局",
        "amount=375万元",
        "document_no=大营商审批〔2026〕21号",
        "document=docs/可研批复.md",
    )
    advance("preliminary_design", "2026-03-11")  # 3
    pub = Path(f"{keys['zhangwei']}.pub")
    cli("-C", root, "signers", "add", ZHANG[1], pub, "--name", ZHANG[0])
    h.signer_added = h.git("rev-parse", "HEAD").strip()

    use(ZHANG, "zhangwei")
    record(
        "evaluation",
        "date=2026-04-02",
        "subject=初步设计",
        "evaluator=辽宁某某工程咨询有限公司",
        "commissioned_by=大石桥市营商环境建设局",
        "selection=竞争性磋商",
        "qualified=true",
        "amount=372.5万元",
    )
    record(
        "approval",
        "date=2026-04-10",
        "subject=初步设计及概算",
        "issuer=大石桥市营商环境建设局",
        "amount=372.5万元",
        "document_no=大营商审批〔2026〕34号",
    )
    advance("approved", "2026-04-10")  # 4
    advance("procurement", "2026-04-15")  # 5

    use(LIU, "liuxm")
    record(
        "procurement",
        "date=2026-05-20",
        "subject=城市运行综合指挥平台建设",
        "method=公开招标",
        "winner=辽宁某某信息技术有限公司",
        "amount=338万元",
        "notice_no=DSQZC-2026-0418",
    )
    record(
        "procurement",
        "date=2026-05-22",
        "subject=城市运行综合指挥平台建设监理",
        "method=竞争性磋商",
        "winner=营口某某工程监理有限公司",
        "amount=9.8万元",
    )
    record(
        "contract",
        "date=2026-06-01",
        "id=HT-2026-001",
        "type=建设",
        "party=辽宁某某信息技术有限公司",
        "amount=338万元",
    )
    record(
        "contract",
        "date=2026-06-01",
        "id=HT-2026-002",
        "type=监理",
        "party=营口某某工程监理有限公司",
        "amount=9.8万元",
    )
    advance("construction", "2026-06-01")  # 6

    use(ZHANG, "zhangwei")
    record("quarterly_report", "date=2026-06-08", "period=1", "to=大石桥市数据局")
    record("payment", "date=2026-06-15", "contract=HT-2026-001", "amount=101.4万元")
    record("preliminary_acceptance", "date=2026-07-01", "result=合格")
    advance("preliminary_acceptance", "2026-07-01")  # 7

    use(LIU, "liuxm")
    record("quarterly_report", "date=2026-09-08", "period=2", "to=大石桥市数据局")
    record(
        "acceptance_application",
        "date=2026-10-02",
        "to=大石桥市数据局",
        "attachments.construction_summary=docs/项目建设总结.md",
        "attachments.financial_report=docs/财务报告.md",
        "attachments.supervision_report=docs/监理报告.md",
        "attachments.security_assessment=docs/等级保护测评报告.md",
        "attachments.security_assessment_kind=网络安全等级保护测评报告",
        "attachments.crypto_assessment=docs/密码应用安全性评估报告.md",
    )
    advance("acceptance_applied", "2026-10-02")  # 8

    use(ZHANG, "zhangwei")
    record(
        "acceptance",
        "date=2026-10-20",
        "result=合格",
        "organizer=大石桥市数据局",
        "third_party=辽宁某某信息技术测评中心",
    )
    advance("accepted", "2026-10-20")  # 9

    use(LIU, "liuxm")
    record("go_live", "date=2026-10-25")
    advance("in_operation", "2026-10-25")  # 10
    return h
