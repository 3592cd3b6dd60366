"""``xmgl audit export``: the auditor's report of every transition (.docx, CSV, JSON).

Who moved the project, when, from which stage to which, on what grounds,
with which key — and whether the audit accepts it. The .docx follows the
GB/T 9704 typography kit (:mod:`xmgl.reports.typography`); the CSV opens in
Excel (UTF-8 with BOM); the JSON is ``xmgl audit verify --format json`` plus
the transition rows.
"""

from __future__ import annotations

import csv
import io
import json
from datetime import UTC, date, datetime
from pathlib import Path

from xmgl.domain.stages import STAGES
from xmgl.gitaudit import trailers as tr

COLUMNS = (
    "序号",
    "变更日期",
    "原阶段",
    "新阶段",
    "依据条款",
    "事由",
    "经办人",
    "提交者邮箱",
    "签名密钥指纹",
    "提交",
    "提交时间",
    "核验结论",
    "问题",
)


def transition_rows(report) -> list[dict]:
    rows = []
    for c in report.commits:
        if c.kind != "transition":
            continue
        src = c.trailer(tr.FROM_STAGE) or ""
        dst = c.trailer(tr.TO_STAGE) or ""
        rows.append(
            {
                "序号": len(rows) + 1,
                "变更日期": c.trailer(tr.DATE) or "",
                "原阶段": f"{STAGES.get(src, src)}（{src}）" if src else "",
                "新阶段": f"{STAGES.get(dst, dst)}（{dst}）" if dst else "",
                "依据条款": c.trailer(tr.ARTICLES) or "",
                "事由": c.trailer(tr.EVENT) or "",
                "经办人": c.committer,
                "提交者邮箱": c.committer_email,
                "签名密钥指纹": (c.signature.fingerprint or "") if c.signature else "",
                "提交": c.sha,
                "提交时间": c.committed,
                "核验结论": "通过" if c.ok else "未通过",
                "问题": "；".join(f"[{f.code}] {f.message}" for f in c.findings),
            }
        )
    return rows


def signer_rows(report) -> list[dict]:
    rows = []
    for c in report.commits:
        if c.kind not in ("signers", "init"):
            continue
        action = {"add": "增加", "remove": "移除"}.get(c.trailer(tr.SIGNERS) or "", "首次登记")
        rows.append(
            {
                "日期": c.committed[:10],
                "变更": action,
                "人员": "；".join(c.trailers.get(tr.SIGNER, [])),
                "经办人": f"{c.committer} <{c.committer_email}>",
                "提交": c.sha,
                "核验结论": "通过" if c.ok else "未通过",
            }
        )
    return rows


def export_report(report, target: Path, *, today: date) -> list[Path]:
    """Write the three files into ``target``; returns their paths."""
    from xmgl.fileio import atomic_write

    target.mkdir(parents=True, exist_ok=True)
    stem = f"阶段变更审计-{today.isoformat()}"
    rows = transition_rows(report)
    paths = [target / f"{stem}.docx", target / f"{stem}.csv", target / f"{stem}.json"]
    atomic_write(paths[0], _docx(report, rows, today))
    atomic_write(paths[1], _csv(rows))
    data = report.to_dict()
    data["transitions_table"] = rows
    data["signer_changes"] = signer_rows(report)
    text = json.dumps(data, ensure_ascii=False, indent=2) + "\n"
    atomic_write(paths[2], text.encode("utf-8"))
    return paths


def _csv(rows: list[dict]) -> bytes:
    buf = io.StringIO()
    writer = csv.DictWriter(buf, fieldnames=COLUMNS, lineterminator="\r\n")
    writer.writeheader()
    for row in rows:
        writer.writerow(row)
    return b"\xef\xbb\xbf" + buf.getvalue().encode("utf-8")


def _project_name(report) -> str:
    try:
        from xmgl.dossier.loader import load_dossier

        return load_dossier(report.root).project.name
    except Exception:  # noqa: BLE001 - the report stands without the name
        return report.root.name


def _docx(report, rows: list[dict], today: date) -> bytes:
    from docx import Document

    from xmgl.reports import typography as ty

    doc = Document()
    ty.apply_gbt9704(doc)
    name = _project_name(report)
    ty.set_core_properties(
        doc,
        title=f"{name}阶段变更审计报告",
        author="xmgl",
        created=datetime.now(UTC),
        subject="阶段变更审计",
        keywords="审计;阶段变更;签名",
    )
    doc.add_paragraph(f"{name}\n阶段变更审计报告", style="Title")
    verdict = "通过" if report.ok else "未通过"
    head = report.head or "（无）"
    doc.add_paragraph(
        f"本报告由 xmgl 于 {today.isoformat()} 根据项目档案的 git 历史生成。"
        f"档案共有 {len(report.commits)} 个提交，其中阶段变更 {len(rows)} 次；"
        f"最新提交（HEAD）为 {head}。审计验证结论：{verdict}。"
    )

    doc.add_heading("一、核验内容和结论", level=1)
    doc.add_paragraph(
        "对每一个提交核验：签名有效；签名密钥在上一提交的 .xmgl/allowed_signers 中"
        "（首次提交为信任根）；签名者即提交者；名单中没有通配符；项目阶段只通过"
        "符合阶段变更表的阶段变更提交改变；git 替换引用一律忽略并报告。"
    )
    problems = report.all_findings()
    if problems:
        doc.add_paragraph(f"发现 {len(problems)} 处问题，详见第五部分。")
    else:
        doc.add_paragraph("未发现问题。")

    doc.add_heading("二、信任根", level=1)
    for sha, signers in report.trust_roots:
        doc.add_paragraph(f"首次提交 {sha} 中允许签名的人员及其公钥指纹：")
        for principals, fp, who in signers:
            doc.add_paragraph(f"{who or principals}（{principals}）：{fp}")
    doc.add_paragraph("请与市数据局在档案以外保存的指纹逐字核对。")

    doc.add_heading("三、阶段变更记录", level=1)
    if rows:
        _table(
            doc,
            ("序号", "日期", "阶段变更", "依据", "经办人", "核验"),
            [
                (
                    str(r["序号"]),
                    r["变更日期"],
                    f"{r['原阶段'].split('（')[0]} → {r['新阶段'].split('（')[0]}",
                    r["依据条款"],
                    r["经办人"],
                    r["核验结论"],
                )
                for r in rows
            ],
            (13, 24, 53, 32, 18, 16),
        )
        doc.add_paragraph("各次变更的事由、签名密钥和提交：")
        for r in rows:
            doc.add_paragraph(
                f"{r['序号']}. {r['变更日期']} 事由：{r['事由']}；"
                f"签名密钥 {r['签名密钥指纹']}；提交 {r['提交']}。"
            )
    else:
        doc.add_paragraph("历史中没有阶段变更。")

    doc.add_heading("四、签名人员变更", level=1)
    srows = signer_rows(report)
    if srows:
        _table(
            doc,
            ("日期", "变更", "人员及指纹", "经办人", "核验"),
            [(r["日期"], r["变更"], r["人员"], r["经办人"], r["核验结论"]) for r in srows],
            (25, 16, 64, 35, 16),
        )
    else:
        doc.add_paragraph("无。")

    doc.add_heading("五、发现的问题", level=1)
    if not problems:
        doc.add_paragraph("无。")
    for f in problems:
        where = f"提交 {f.commit[:12]}：" if f.commit else ""
        doc.add_paragraph(f"{where}[{f.code}] {f.message}")

    doc.add_heading("六、锚点与复核方法", level=1)
    if report.head:
        doc.add_paragraph(
            f"本报告对应的锚点：{report.head}:{len(report.commits)}。"
            "请在档案以外保存；日后运行 xmgl audit verify --anchor 该锚点，"
            "可发现此后被改写的历史。"
        )
    doc.add_paragraph(
        "复核：xmgl audit verify --reference 用 git 和 ssh-keygen 逐个核验签名；"
        "也可对每个提交手工运行 git -c gpg.ssh.allowedSignersFile=<上一提交的名单> "
        "log --no-walk --format='%G? %GK %GS' <提交>。"
    )
    buf = io.BytesIO()
    doc.save(buf)
    return buf.getvalue()


def _table(doc, header: tuple[str, ...], rows: list[tuple[str, ...]], widths_mm) -> None:
    from docx.shared import Mm

    from xmgl.reports import typography as ty

    table = doc.add_table(rows=1 + len(rows), cols=len(header))
    table.autofit = False
    for i, text in enumerate(header):
        table.rows[0].cells[i].text = text
    for r, row in enumerate(rows, 1):
        for i, text in enumerate(row):
            table.rows[r].cells[i].text = text
    ty.style_table(table, font_size_pt=10.5)
    for column, width in zip(table.columns, widths_mm, strict=True):
        column.width = Mm(width)  # the grid (LibreOffice, WPS)
        for cell in column.cells:
            cell.width = Mm(width)  # the cells (Word)
