"""The city bodies of 第三条 and how their names are written in a dossier.

A dossier names the same body in many ways: “大石桥市营商环境建设局”,
“市营商环境建设局”, “营商局”, with a full-width space or without. The regulation
gives each body a role (第三条: who approves, who reviews, who receives); to check a
record against that role, :func:`canonical` maps a written name to the body's
name as the regulation writes it (“市营商环境建设局”), or to ``None`` when the
name is not one of the city's bodies — “营口市数据局” is the Yingkou bureau, a
different body, and is never taken for 市数据局.

Plain Python, reusable by the rules, the reports and the portfolio alike.
"""

from __future__ import annotations

import unicodedata

from xmgl.domain import schema as S

DATA_BUREAU = "市数据局"
DRC = "市发展和改革局"
BUSINESS_ENVIRONMENT = "市营商环境建设局"
FINANCE = "市财政局"
CYBERSPACE = "市委网信办"
PUBLIC_SECURITY = "市公安局"
CRYPTO = "市国家密码管理局"
AUDIT = "市审计局"
GOVERNMENT = "市人民政府"

CITY = "大石桥市"

#: name as the regulation writes it → other names in use (all with the leading “市”)
BODIES: dict[str, tuple[str, ...]] = {
    DATA_BUREAU: ("市数据局", "市大数据局"),
    DRC: ("市发展和改革局", "市发展改革局", "市发改局", "市发改委", "市发展和改革委员会"),
    BUSINESS_ENVIRONMENT: ("市营商环境建设局", "市营商局", "市营商环境局"),
    FINANCE: ("市财政局",),
    CYBERSPACE: ("市委网信办", "市网信办", "市委网络安全和信息化委员会办公室"),
    PUBLIC_SECURITY: ("市公安局",),
    CRYPTO: ("市国家密码管理局", "市密码管理局"),
    AUDIT: ("市审计局",),
    GOVERNMENT: ("市人民政府", "市政府", "市人民政府办公室", "市政府办公室", "市政府常务会议"),
}

ROLES: dict[str, str] = {
    DATA_BUREAU: "项目的行政主管部门：设立项目储备库、编制年度投资计划，受理季度进展、验收申请、自评价",
    DRC: "项目提级论证",
    BUSINESS_ENVIRONMENT: "项目立项审批，委托第三方评估论证",
    FINANCE: "项目资金预算管理，监督财务活动",
    CYBERSPACE: "项目的网络与信息安全监管",
    PUBLIC_SECURITY: "指导监督落实网络安全等级保护制度",
    CRYPTO: "项目密码使用合规性审核",
    AUDIT: "审计监督（第二十一条）",
    GOVERNMENT: "同意年度投资计划及其调整、年中纳入（第九条）",
}

#: approval subject (``approval.subject``) → the body that approves it (第三条、第九条、第十五条)
APPROVER: dict[str, str] = {
    S.FSR: BUSINESS_ENVIRONMENT,
    S.PD: BUSINESS_ENVIRONMENT,
    S.MERGED: BUSINESS_ENVIRONMENT,
    S.REAPPROVAL: BUSINESS_ENVIRONMENT,
    S.CHANGE: BUSINESS_ENVIRONMENT,
    S.PLAN_ADJUSTMENT: GOVERNMENT,
    S.MID_YEAR: GOVERNMENT,
}

_ALIASES = {alias: body for body, aliases in BODIES.items() for alias in aliases}


def normalize(name: str | None) -> str:
    """NFKC, no spaces, no “中共” prefix, “大石桥市…” → “市…” ("" for no name)."""
    text = "".join(unicodedata.normalize("NFKC", name or "").split())
    text = text.removeprefix("中共")
    if text.startswith(CITY):
        text = "市" + text[len(CITY) :]
    elif text.startswith("大石桥"):
        text = "市" + text[len("大石桥") :]
    return text


def canonical(name: str | None) -> str | None:
    """The body ``name`` designates, as the regulation writes it; ``None`` if not a city body.

    ``canonical("大石桥市营商环境建设局") == canonical("营商局") == "市营商环境建设局"``;
    ``canonical("营口市数据局") is None`` (another city's bureau).
    """
    if not name:
        return None
    text = normalize(name)
    if text in _ALIASES:
        return _ALIASES[text]
    if not text.startswith("市") and ("市" + text) in _ALIASES:
        return _ALIASES["市" + text]
    return None


def is_body(name: str | None, *bodies: str) -> bool:
    """True if ``name`` designates one of ``bodies`` (canonical names)."""
    return canonical(name) in bodies
