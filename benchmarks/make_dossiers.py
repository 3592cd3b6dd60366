"""Generate N realistic synthetic dossiers, each a git repository with one commit.

    python benchmarks/make_dossiers.py N OUTDIR [--seed S] [--broken-rate R] [--jobs J]

The dossiers look like a county-level portfolio: ~40 project units, every stage
from 储备 to 自评价 (more in construction than elsewhere), investment from a few
万元 to tens of millions, the records each stage implies (plan submissions,
approvals, contracts, payments, quarterly reports — some late or missing, so
overdue items exist), an annotated ``project.yaml`` about the size of one written
by ``xmgl init`` and filled in, and the documents it refers to. A share of them
(``--broken-rate``, default 1 %) is broken the ways real files break: bad YAML,
a wrong type, a missing document. Dates are laid out around 2026-06-30, the day
to pass as ``--as-of``; plan submissions for 2027 exist for ``--plan-year 2027``.

Each repository is made with plain git (``init`` with an empty template, ``add``,
``commit`` with a fixed date), several at a time. Output goes to OUTDIR/NNNNN
(keep it outside the repository or under benchmarks/out/, which is ignored).
"""

from __future__ import annotations

import argparse
import json
import os
import random
import subprocess
import sys
import time
from concurrent.futures import ThreadPoolExecutor
from datetime import date, timedelta
from pathlib import Path

ANCHOR = date(2026, 6, 30)

UNITS = [
    f"大石桥市{n}"
    for n in [
        "公安局",
        "教育局",
        "民政局",
        "司法局",
        "财政局",
        "人力资源和社会保障局",
        "自然资源局",
        "生态环境局",
        "住房和城乡建设局",
        "交通运输局",
        "水利局",
        "农业农村局",
        "商务局",
        "文化旅游和广播电视局",
        "卫生健康委员会",
        "退役军人事务局",
        "应急管理局",
        "审计局",
        "市场监督管理局",
        "统计局",
        "医疗保障局",
        "信访局",
        "城市管理综合行政执法局",
        "数据局",
        "营商环境建设局",
        "发展和改革局",
        "工业和信息化局",
        "林业和草原局",
        "档案馆",
        "融媒体中心",
        "人民医院",
        "疾病预防控制中心",
        "消防救援大队",
        "税务局",
        "住房公积金管理中心",
        "供销合作社",
        "总工会",
        "团市委",
        "妇女联合会",
        "残疾人联合会",
    ]
]
SYSTEMS = [
    "综合指挥平台",
    "政务服务一网通办平台",
    "电子证照库",
    "视频监控联网平台",
    "智慧校园平台",
    "社会救助信息系统",
    "不动产登记信息系统",
    "生态环境监测平台",
    "智慧水务平台",
    "应急指挥调度系统",
    "市场监管综合执法系统",
    "医保基金监管平台",
    "基层治理网格化平台",
    "档案数字化管理系统",
    "智慧医院信息平台",
    "安全生产监管平台",
    "数据共享交换平台",
    "电子政务外网升级",
    "密码应用改造",
    "网络安全态势感知平台",
    "城市运行管理服务平台",
    "融媒体中心指挥调度系统",
]
CONTENT_TYPES = (
    "对接上级电子政务平台",
    "业务信息系统",
    "信息资源库",
    "电子政务基础设施",
    "信息采集设施",
    "网络安全和密码防护",
    "相关支撑体系",
)
STAGES = [  # (stage, weight)
    ("reserve", 8),
    ("plan", 10),
    ("feasibility", 7),
    ("preliminary_design", 4),
    ("approved", 4),
    ("procurement", 6),
    ("construction", 22),
    ("preliminary_acceptance", 7),
    ("acceptance_applied", 3),
    ("accepted", 4),
    ("rectification", 2),
    ("in_operation", 13),
    ("self_evaluation", 4),
    ("terminated", 2),
]
PROGRESS = {s: i for i, (s, _) in enumerate(STAGES)}

HEADER = """\
# 项目档案（xmgl 档案格式第 1 版）
# 依据《大石桥市政务信息化项目管理暂行办法》（2025）。
# 填写说明：键名不要改；金额写整数元（1850000）或带单位的字符串（"185万元"）；
# 日期写 YYYY-MM-DD；引用的文件放在本目录内（如 docs/），写相对路径。
format_version: 1
"""


def q(value) -> str:
    """A YAML scalar: JSON strings are valid double-quoted YAML."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, list):
        return "[" + ", ".join(q(v) for v in value) + "]"
    return json.dumps(str(value), ensure_ascii=False)


def wan(amount_yuan: int) -> str:
    w = amount_yuan / 10_000
    return f"{w:g}万元" if amount_yuan % 100 == 0 else f"{amount_yuan}元"


class Records:
    def __init__(self) -> None:
        self.items: list[tuple[date, int, str]] = []

    def add(self, kind: str, day: date, **fields) -> None:
        if day > ANCHOR:
            return  # nothing has happened after the day the portfolio is looked at
        lines = [f"  - kind: {kind}", f"    date: {day.isoformat()}"]
        for k, v in fields.items():
            if isinstance(v, dict):
                lines.append(f"    {k}:")
                lines += [f"      {kk}: {q(vv)}" for kk, vv in v.items()]
            else:
                lines.append(f"    {k}: {q(v)}")
        self.items.append((day, len(self.items), "\n".join(lines)))

    def text(self) -> str:
        return "\n".join(t for _, _, t in sorted(self.items))


def make(i: int, rng: random.Random) -> tuple[str, dict[str, str], str]:
    """(project.yaml text, {document path: text}, stage) of dossier ``i``."""
    unit = rng.choice(UNITS)
    system = rng.choice(SYSTEMS)
    stage = rng.choices([s for s, _ in STAGES], [w for _, w in STAGES])[0]
    p = PROGRESS[stage]
    nature = rng.choices(("新建", "改扩建", "运行维护"), (6, 3, 2))[0]
    estimate = rng.choice((8, 15, 30, 60, 120, 180, 199, 200, 260, 380, 520, 860, 1500, 3200))
    estimate = estimate * 10_000 + rng.randrange(0, 100) * 100
    budget = int(estimate * rng.uniform(0.9, 1.0)) // 100 * 100
    year = rng.choice((2024, 2025, 2026)) if p >= PROGRESS["feasibility"] else 2027
    name = f"{unit.removeprefix('大石桥市')}{system}{'建设' if nature != '运行维护' else '运行维护'}项目"
    docs = {
        "docs/项目安全方案.md": f"# {name} 项目安全方案\n\n按等级保护第二级设计。\n",
        "docs/密码应用方案.md": f"# {name} 密码应用方案\n\n采用商用密码保护传输与存储。\n",
        "docs/安全可靠情况说明.md": f"# {name} 软硬件产品安全可靠情况说明\n\n均为安全可靠产品。\n",
        "docs/验收材料.md": f"# {name} 竣工验收申请材料\n\n建设总结、财务报告、监理报告、测评报告。\n",
    }

    r = Records()
    # the annual plan (第八条): calls every June for next year
    call_year = year if p >= PROGRESS["feasibility"] else 2027
    call = date(call_year - 1, 6, 10)
    r.add(
        "reserve_entry",
        call - timedelta(days=rng.randrange(5, 200)),
        document_no="大数据发〔2025〕12号",
    )
    r.add(
        "plan_call",
        call,
        year=call_year,
        deadline=date(call_year - 1, 7, 15),
        issuer="大石桥市数据局",
    )
    stage_name = stage
    if stage != "reserve":
        sub = call + timedelta(days=rng.randrange(3, 40))  # a few are late
        r.add("plan_submission", sub, year=call_year, to="大石桥市数据局", amount=wan(estimate))
    if p >= PROGRESS["feasibility"]:
        r.add(
            "plan_inclusion",
            date(call_year, 1, 15),
            year=call_year,
            amount=wan(estimate),
            approver="大石桥市人民政府",
            document_no=f"大政发〔{call_year}〕3号",
        )
    approved = date(call_year, 3, 1) + timedelta(days=rng.randrange(0, 60))
    if p >= PROGRESS["preliminary_design"]:
        r.add(
            "evaluation",
            approved - timedelta(days=20),
            subject="可行性研究报告",
            evaluator="辽宁某某工程咨询有限公司",
            commissioned_by="大石桥市营商环境建设局",
            selection="竞争性磋商",
            qualified=True,
            amount=wan(estimate),
        )
        r.add(
            "crypto_review",
            approved - timedelta(days=12),
            issuer="大石桥市国家密码管理局",
            result="通过",
        )
        r.add(
            "approval",
            approved,
            subject="可行性研究报告",
            issuer="大石桥市营商环境建设局",
            amount=wan(estimate),
            document_no="大营商审批〔2026〕21号",
        )
    if p >= PROGRESS["approved"]:
        r.add(
            "approval",
            approved + timedelta(days=30),
            subject="初步设计及概算",
            issuer="大石桥市营商环境建设局",
            amount=wan(budget),
        )
    t = approved + timedelta(days=70)
    contract = int(budget * rng.uniform(0.85, 0.97)) // 100 * 100
    if p >= PROGRESS["construction"]:
        r.add(
            "procurement",
            t,
            subject=f"{system}建设",
            method="公开招标",
            winner="辽宁某某信息技术有限公司",
            amount=wan(contract),
        )
        r.add(
            "contract",
            t + timedelta(days=10),
            id=f"HT-{i:05d}-1",
            type="建设",
            party="辽宁某某信息技术有限公司",
            amount=wan(contract),
        )
        r.add(
            "procurement",
            t + timedelta(days=2),
            subject=f"{system}建设监理",
            method="竞争性磋商",
            winner="营口某某工程监理有限公司",
            amount=wan(max(contract // 40 // 100 * 100, 20_000)),
        )
        r.add(
            "contract",
            t + timedelta(days=12),
            id=f"HT-{i:05d}-2",
            type="监理",
            party="营口某某工程监理有限公司",
            amount=wan(max(contract // 40 // 100 * 100, 20_000)),
        )
        r.add(
            "payment",
            t + timedelta(days=25),
            contract=f"HT-{i:05d}-1",
            amount=wan(contract * 3 // 10 // 100 * 100),
            note="首付款（30%）",
        )
    # quarterly reports (第十六条): most on time, some late, some missing
    end = {
        "preliminary_acceptance": t + timedelta(days=300),
        "acceptance_applied": t + timedelta(days=420),
    }.get(stage, ANCHOR)
    if p >= PROGRESS["approved"]:
        k, q_end = 1, approved
        while True:
            m = approved.month - 1 + 3 * k
            q_end = date(approved.year + m // 12, m % 12 + 1, min(approved.day, 28))
            if q_end > min(end, ANCHOR) or k > 16:
                break
            luck = rng.random()
            if luck < 0.85:
                r.add(
                    "quarterly_report",
                    q_end - timedelta(days=rng.randrange(0, 6)),
                    period=k,
                    to="大石桥市数据局",
                )
            elif luck < 0.93:
                r.add(
                    "quarterly_report",
                    q_end + timedelta(days=rng.randrange(1, 20)),
                    period=k,
                    to="大石桥市数据局",
                )
            k += 1
    if p >= PROGRESS["preliminary_acceptance"]:
        pre = t + timedelta(days=300)
        r.add("preliminary_acceptance", pre, result="合格")
        if p >= PROGRESS["acceptance_applied"]:
            applied = pre + timedelta(days=rng.randrange(85, 190))
            r.add(
                "acceptance_application",
                applied,
                to="大石桥市数据局",
                attachments={
                    k: "docs/验收材料.md"
                    for k in (
                        "construction_summary",
                        "financial_report",
                        "supervision_report",
                        "security_assessment",
                        "crypto_assessment",
                    )
                },
            )
            if p >= PROGRESS["accepted"]:
                ok = stage != "rectification"
                acc = applied + timedelta(days=30)
                r.add(
                    "acceptance", acc, result="合格" if ok else "不合格", organizer="大石桥市数据局"
                )
                if not ok:
                    r.add(
                        "rectification",
                        acc + timedelta(days=5),
                        subject="竣工验收",
                        description="补充等级保护测评整改",
                    )
                elif p >= PROGRESS["in_operation"]:
                    r.add("go_live", acc + timedelta(days=7))
                    r.add(
                        "payment",
                        acc + timedelta(days=20),
                        contract=f"HT-{i:05d}-1",
                        amount=wan(contract * 6 // 10 // 100 * 100),
                        note="验收款",
                    )
                    if p >= PROGRESS["self_evaluation"]:
                        r.add(
                            "self_evaluation",
                            acc + timedelta(days=400),
                            sent_to=["大石桥市数据局", "大石桥市财政局"],
                        )
    if stage == "terminated":
        r.add(
            "termination",
            ANCHOR - timedelta(days=30),
            issuer="大石桥市数据局",
            reason="监督检查发现问题逾期未整改",
        )
    if rng.random() < 0.05 and p >= PROGRESS["construction"]:
        r.add(
            "supervision_finding",
            ANCHOR - timedelta(days=60),
            issuer="大石桥市数据局",
            area="密码应用",
            description="未按方案部署密码模块",
            deadline=ANCHOR - timedelta(days=rng.choice((-20, 10))),
        )
    # stage as recorded; in-operation projects past 12 months are in self_evaluation etc.
    last = max(d for d, _, _ in r.items)
    text = (
        HEADER
        + f"""
# 项目基本信息（第二条、第十三条）
project:
  code: {q(f"DSQ-XXH-{call_year}-{i:05d}")}          # 项目编号
  name: {q(name)}                                    # 项目名称
  unit: {q(unit)}                                    # 项目单位
  competent_department: {q(rng.choice(UNITS))}        # 行业主管部门
  legal_person: {q(rng.choice(["王建国", "李明", "张伟", "刘洋", "陈静", "杨帆", "赵磊", "孙丽"]))}
  contact: {q(rng.choice(["刘晓梅", "周敏", "吴昊", "郑爽", "冯雪"]))}
  phone: "0417-58{rng.randrange(10000, 99999)}"
  nature: {nature}                                   # 新建 / 改扩建 / 运行维护
  content_types: {q(rng.sample(CONTENT_TYPES, rng.randrange(1, 4)))}
  summary: >-
    建设{system}，整合{unit.removeprefix("大石桥市")}业务数据，实现业务协同、数据共享和综合分析，
    提升政务服务和监管效能。
  goals: 业务办理时长缩短30%，数据共享率达到90%以上。
  construction_months: {rng.choice((6, 9, 12, 18, 24))}
  fsr_author: 营口市某某工程咨询有限公司

# 资金来源（第二条）
funding:
  source: {rng.choices(("市本级财政性资金", "上级补助资金", "专项债券资金"), (8, 1, 1))[0]}
  detail: {call_year}年市本级政务信息化项目建设专项资金

# 投资（第十条、第十五条）
investment:
  estimate: {q(wan(estimate))}       # 可研投资估算
{"  budget: " + q(wan(budget)) if p >= PROGRESS["approved"] else "  # budget: 批复后填写"}
  operation_annual: {q(wan(estimate // 12 // 100 * 100))}

# 合并编报可研和初步设计（第十条）
merged_fsr_pd:
  requested: false

# 单独建设系统平台（第二条、第五条）
platform:
  standalone: false

# 政府购买服务（第十一条（二））
service_purchase:
  used: false

# 部署（第五条）
deployment:
  cloud: 营口市政务云
  resource_platform: true

# 网络与信息安全（第十一条（三）、第十二条）
security:
  classified: false
  mlps_level: {rng.choice((2, 2, 2, 3))}
  scheme: docs/项目安全方案.md
  secure_reliable: docs/安全可靠情况说明.md
  crypto_plan: docs/密码应用方案.md

# 数据资源共享（第十一条（一））
data_sharing:
  catalog:
    - name: {q(system + "业务数据")}
      provider: {q(unit)}
      share_type: 有条件共享
      update_frequency: 每日
  sharing_list:
    - data: {q(system + "业务数据")}
      provider: {q(unit)}
      consumer: 大石桥市数据局
      interface: 统一政务信息资源库平台 API
      frequency: 每日
  process: 通过统一政务信息资源库平台申请、审核、授权后调用。

# 项目储备（第六条）
reserve:
  digital_government_plan:
    statement: 列入《大石桥市数字政府建设总体规划（2024—2027年）》。
  sector_plan:
    statement: 符合行业“十四五”规划。
  intensive_mode:
    statement: 复用营口市统一身份认证、电子证照和视频能力，不重复建设。
  data_sharing:
    statement: 业务数据按《营口市政务信息共享开放管理办法》编目并共享。
  five_synchronous:
    network_security: {{design: true, build: true, assess: true, accept: true, operate: true}}
    data_security: {{design: true, build: true, assess: true, accept: true, operate: true}}
    personal_information: {{design: true, build: true, assess: true, accept: true, operate: true}}
    crypto: {{design: true, build: true, assess: true, accept: true, operate: true}}

# 当前阶段（由 xmgl advance 维护）
stage:
  current: {stage_name}
  since: {last.isoformat()}

# 记录：发生过的每一件事，按日期排列（第二十一条）
records:
{r.text()}
"""
    )
    return text, docs, stage


def breakage(text: str, docs: dict[str, str], rng: random.Random) -> tuple[str, dict[str, str]]:
    """Break a dossier the way real files break."""
    how = rng.randrange(3)
    if how == 0:  # bad indentation: a YAML syntax error
        return text.replace("\nfunding:\n  source:", "\nfunding:\n source:\n   source:", 1), docs
    if how == 1:  # a date that does not exist
        return text.replace("format_version: 1", "format_version: 1\n", 1).replace(
            "since: 20", "since: 2026-02-30 # 20", 1
        ), docs
    docs = dict(docs)
    docs.pop("docs/密码应用方案.md")  # a referenced document is missing
    return text, docs


GIT_ENV = {
    "GIT_AUTHOR_NAME": "刘晓梅",
    "GIT_AUTHOR_EMAIL": "liuxm@example.gov.cn",
    "GIT_COMMITTER_NAME": "刘晓梅",
    "GIT_COMMITTER_EMAIL": "liuxm@example.gov.cn",
    "GIT_AUTHOR_DATE": "2026-06-30T09:00:00+08:00",
    "GIT_COMMITTER_DATE": "2026-06-30T09:00:00+08:00",
    "GIT_CONFIG_NOSYSTEM": "1",
    "GIT_CONFIG_GLOBAL": os.devnull,
}


def write_repo(folder: Path, text: str, docs: dict[str, str]) -> None:
    (folder / "docs").mkdir(parents=True)
    (folder / "project.yaml").write_text(text, encoding="utf-8")
    for rel, body in docs.items():
        (folder / rel).write_text(body, encoding="utf-8")
    env = {**os.environ, **GIT_ENV}

    def git(*args):
        subprocess.run(
            ["git", "-C", str(folder), *args], env=env, check=True, stdout=subprocess.DEVNULL
        )

    git("init", "-q", "--template=", "-b", "main")
    git("add", "-A")
    git("commit", "-q", "-m", "建立项目档案")


def write_bare(server: Path, name: str, text: str, docs: dict[str, str], recorded: bool) -> None:
    """A bare repository ``server/repos/NAME.git`` as the 数据局's server holds it.

    With ``recorded``, ``server/projects/NAME/state.json`` says the hook accepted
    its tip (what ``xmgl hook post-receive`` writes); otherwise there is no record.
    """
    import json
    import shutil

    work = server / "work" / name
    write_repo(work, text, docs)
    bare = server / "repos" / f"{name}.git"
    env = {**os.environ, **GIT_ENV}
    subprocess.run(
        ["git", "clone", "-q", "--bare", "--no-local", "--template=", str(work), str(bare)],
        env=env,
        check=True,
    )
    subprocess.run(["git", "--git-dir", str(bare), "config", "xmgl.project", name], check=True)
    tip = (work / ".git" / "refs" / "heads" / "main").read_text().strip()
    shutil.rmtree(work)
    if recorded:
        state = server / "projects" / name
        state.mkdir(parents=True)
        (state / "state.json").write_text(
            json.dumps({"tip": tip, "count": 1, "time": "2026-06-30T08:00:00Z"}), encoding="utf-8"
        )


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("n", type=int)
    ap.add_argument("outdir", type=Path)
    ap.add_argument("--seed", type=int, default=20260630)
    ap.add_argument("--broken-rate", type=float, default=0.01)
    ap.add_argument("--jobs", type=int, default=(os.cpu_count() or 1) * 2)
    ap.add_argument(
        "--bare",
        action="store_true",
        help="a server directory: OUTDIR/repos/NNNNN.git bare repositories (no work tree), "
        "most with the hook's record of an accepted tip",
    )
    args = ap.parse_args(argv)
    out: Path = args.outdir
    if out.exists() and any(out.iterdir()):
        print(f"{out} 不是空目录，拒绝覆盖。", file=sys.stderr)
        return 2
    out.mkdir(parents=True, exist_ok=True)
    rng = random.Random(args.seed)
    started = time.perf_counter()
    specs = []
    broken = 0
    for i in range(args.n):
        text, docs, _stage = make(i, rng)
        if rng.random() < args.broken_rate:
            text, docs = breakage(text, docs, rng)
            broken += 1
        specs.append((out / f"{i:05d}", text, docs))
    if args.bare:
        (out / "xmgl-server.json").write_text('{"xmgl_server": 1, "refuse": ["audit"]}\n')
        (out / "receipts.log").touch()
        jobs = [
            (write_bare, out, folder.name, text, docs, rng.random() > 0.02)
            for folder, text, docs in specs
        ]
    else:
        jobs = [(write_repo, *s) for s in specs]
    with ThreadPoolExecutor(args.jobs) as pool:
        for f in [pool.submit(*j) for j in jobs]:
            f.result()
    if args.bare:
        (out / "work").rmdir()
    took = time.perf_counter() - started
    print(
        f"{args.n} 个档案（其中 {broken} 个故意损坏）已生成于 {out}，用时 {took:.1f} 秒"
        f"（{args.n / took:.0f} 个/秒）。"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
