"""第三条 who does what: every approval, review, opinion and report names the right body."""

from __future__ import annotations

from collections.abc import Iterator

from xmgl.domain import bodies as B
from xmgl.domain import schema as S
from xmgl.domain.model import Node
from xmgl.domain.rules.base import ALL, Context, E, Hit, W, hit, rule

KNOWN = tuple(B.BODIES)

# (record kind, field, subject → (allowed bodies, the article that says so))
_ANY_SUBJECT = "*"
ISSUERS: tuple[tuple[str, str, dict[str, tuple[tuple[str, ...], str]]], ...] = (
    (
        "approval",
        "issuer",
        {
            S.FSR: ((B.APPROVER[S.FSR],), "第三条第三款、第十二条"),
            S.PD: ((B.APPROVER[S.PD],), "第三条第三款、第十二条"),
            S.MERGED: ((B.APPROVER[S.MERGED],), "第三条第三款、第十条、第十二条"),
            S.REAPPROVAL: ((B.APPROVER[S.REAPPROVAL],), "第十五条"),
            S.CHANGE: ((B.APPROVER[S.CHANGE],), "第三条第三款、第十五条"),
            S.PLAN_ADJUSTMENT: ((B.APPROVER[S.PLAN_ADJUSTMENT],), "第九条第二款"),
            S.MID_YEAR: ((B.APPROVER[S.MID_YEAR],), "第九条第二款"),
        },
    ),
    (
        "evaluation",
        "commissioned_by",
        {_ANY_SUBJECT: ((B.BUSINESS_ENVIRONMENT,), "第十二条")},
    ),
    ("crypto_review", "issuer", {_ANY_SUBJECT: ((B.CRYPTO,), "第三条第七款、第十二条")}),
    (
        "opinion",
        "issuer",
        {
            "提级论证": ((B.DRC,), "第三条第二款"),
            "重新提级论证": ((B.DRC,), "第十五条"),
            "计划调整": ((B.DRC, B.FINANCE, B.DATA_BUREAU), "第九条第二款"),
            "年中纳入": ((B.DRC, B.FINANCE, B.DATA_BUREAU), "第九条第二款"),
            "变更": (
                (B.DRC, B.BUSINESS_ENVIRONMENT, B.DATA_BUREAU, B.FINANCE),
                "第三条、第十五条",
            ),
        },
    ),
    ("plan_call", "issuer", {_ANY_SUBJECT: ((B.DATA_BUREAU,), "第八条")}),
    ("plan_submission", "to", {_ANY_SUBJECT: ((B.DATA_BUREAU,), "第八条")}),
    (
        "plan_inclusion",
        "approver",
        {_ANY_SUBJECT: ((B.GOVERNMENT, B.DATA_BUREAU), "第三条第一款、第九条第一款")},
    ),
    (
        "application",
        "to",
        {
            "计划调整": ((B.DATA_BUREAU,), "第九条第二款"),
            "年中纳入": ((B.DRC, B.FINANCE, B.DATA_BUREAU, B.GOVERNMENT), "第九条第二款"),
            "重新审批": ((B.BUSINESS_ENVIRONMENT, B.DRC), "第十五条"),
            "变更": ((B.BUSINESS_ENVIRONMENT, B.DRC, B.DATA_BUREAU), "第十五条"),
        },
    ),
    ("quarterly_report", "to", {_ANY_SUBJECT: ((B.DATA_BUREAU,), "第十六条")}),
    ("acceptance_application", "to", {_ANY_SUBJECT: ((B.DATA_BUREAU,), "第十七条")}),
    ("acceptance", "organizer", {_ANY_SUBJECT: ((B.DATA_BUREAU,), "第十七条")}),
    ("reinspection", "organizer", {_ANY_SUBJECT: ((B.DATA_BUREAU,), "第十八条")}),
    ("post_evaluation", "commissioned_by", {_ANY_SUBJECT: ((B.DATA_BUREAU,), "第十九条")}),
    ("supervision_finding", "issuer", {_ANY_SUBJECT: (KNOWN, "第二十条、第二十一条")}),
    ("deferral", "issuer", {_ANY_SUBJECT: ((B.DATA_BUREAU,), "第二十条")}),
    ("suspension", "issuer", {_ANY_SUBJECT: ((B.DATA_BUREAU,), "第二十条")}),
    ("termination", "issuer", {_ANY_SUBJECT: ((B.DATA_BUREAU,), "第二十条")}),
)


def _named_bodies(
    ctx: Context,
) -> Iterator[tuple[Node, str, str, str | None, tuple[str, ...], str]]:
    """(record, field, written name, canonical body, allowed bodies, article) for each check."""
    for kind, field, by_subject in ISSUERS:
        for rec in ctx.d.records_of(kind):
            written: str = getattr(rec, field)
            if not written:
                continue
            # every subject a record kind allows is in its table (a test checks it)
            allowed, article = by_subject.get(_ANY_SUBJECT) or by_subject[rec.subject]
            yield rec, field, written, B.canonical(written), allowed, article


def _what(rec: Node) -> str:
    from xmgl.domain.schema import RECORD_KINDS

    zh = RECORD_KINDS[rec.kind].zh
    subject = rec.get("subject")
    return f"{rec.date.isoformat()} 的{zh}" + (f"（{subject}）" if subject else "")


@rule("A3-WRONG-BODY", 3, "第三条", E, ALL, "批复、审核、意见和报送对象须是第三条规定的部门")
def wrong_body(ctx: Context) -> Iterator[Hit]:
    for rec, field, written, body, allowed, article in _named_bodies(ctx):
        if body is not None and body not in allowed:
            yield hit(
                f"{_what(rec)}写的是“{written}”（{body}），但按{article}，这件事由"
                f"{'或'.join(allowed)}负责。",
                f"核对原件：如确为{'或'.join(allowed)}出具（或报送给它），改正 {field}；"
                f"如确由{body}出具，这份文件不能替代{'或'.join(allowed)}的{_role(allowed)}。",
                rec.where(field),
            )


@rule("A3-UNKNOWN-BODY", 3, "第三条", W, ALL, "无法识别的出具（受理）单位")
def unknown_body(ctx: Context) -> Iterator[Hit]:
    for rec, field, written, body, allowed, article in _named_bodies(ctx):
        if body is None:
            who = "第三条列出的市级部门" if allowed == KNOWN else "或".join(allowed)
            yield hit(
                f"{_what(rec)}写的是“{written}”，无法识别为大石桥市的部门：按{article}，"
                f"这件事由{who}负责。",
                f"写规范的单位全称（如“大石桥市{allowed[0].removeprefix('市')}”）；"
                "如确由其他单位出具，请核实它是否有权。",
                rec.where(field),
            )


def _role(allowed: tuple[str, ...]) -> str:
    return "职责" if len(allowed) > 1 else B.ROLES[allowed[0]].split("，")[0]
