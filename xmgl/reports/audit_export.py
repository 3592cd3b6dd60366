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
import re
from datetime import date
from pathlib import Path

from xmgl.domain.stages import STAGES
from xmgl.gitaudit import trailers as tr

KIND_ZH = {
    "transition": "阶段变更",
    "signers": "签名人员变更",
    "init": "首次提交（信任根）",
    "record": "记录",
    "other": "其他提交",
}

COLUMNS = (
    "序号",
    "类型",
    "变更日期（所写）",
    "签名时间",
    "原阶段",
    "新阶段",
    "依据条款",
    "事由",
    "经办人（核验的签名人）",
    "提交者（未核验）",
    "提交者邮箱",
    "签名密钥指纹",
    "提交",
    "核验结论",
    "问题代码",
    "问题",
    "提示",
)


def _verdict_zh(ok: bool) -> str:
    return "通过" if ok else "未通过"


def _row(c, n: int) -> dict:
    src = c.trailer(tr.FROM_STAGE) or ""
    dst = c.trailer(tr.TO_STAGE) or ""
    return {
        "序号": n,
        "类型": KIND_ZH.get(c.kind, c.kind),
        "变更日期（所写）": c.trailer(tr.DATE) or "",
        "签名时间": c.committed,
        "原阶段": f"{STAGES.get(src, src)}（{src}）" if src else "",
        "新阶段": f"{STAGES.get(dst, dst)}（{dst}）" if dst else "",
        "依据条款": c.trailer(tr.ARTICLES) or "",
        "事由": c.trailer(tr.EVENT) or "",
        "经办人（核验的签名人）": c.signer_name or "（未核验）",
        "提交者（未核验）": c.committer,
        "提交者邮箱": c.committer_email,
        "签名密钥指纹": (c.signature.fingerprint or "") if c.signature else "",
        "提交": c.sha,
        "核验结论": _verdict_zh(c.ok),
        "问题代码": " ".join(sorted({f.code for f in c.findings})),
        "问题": "；".join(f.message for f in c.findings),
        "提示": "；".join(dict.fromkeys(f.hint for f in c.findings if f.hint)),
    }


def audit_rows(report) -> list[dict]:
    """Every transition and every failing commit, in history order."""
    rows: list[dict] = []
    for c in report.commits:
        if c.kind == "transition" or not c.ok:
            rows.append(_row(c, len(rows) + 1))
    return rows


def transition_rows(report) -> list[dict]:
    return [r for r in audit_rows(report) if r["类型"] == "阶段变更"]


def signer_rows(report) -> list[dict]:
    """Signer changes computed from the allowed_signers files themselves (first parent)."""
    by_sha = {c.sha: c for c in report.commits}
    rows = []
    for c in report.commits:
        before = by_sha[c.parents[0]].signers_lines if c.parents and c.parents[0] in by_sha else ()
        if not c.parents:
            before = ()
        old = {(p, fp): name for p, fp, name in before}
        new = {(p, fp): name for p, fp, name in c.signers_lines}
        changes = [
            ("首次登记" if not c.parents else "增加", k, new[k]) for k in new if k not in old
        ]
        changes += [("移除", k, old[k]) for k in old if k not in new]
        for action, (principals, fp), name in changes:
            rows.append(
                {
                    "日期": c.committed[:10],
                    "变更": action,
                    "人员": f"{name or principals}（{principals}）",
                    "指纹": fp,
                    "经办人": c.signer_name or f"（未核验）{c.committer}",
                    "提交": c.sha,
                    "核验结论": _verdict_zh(c.ok),
                }
            )
    return rows


def failing_details(report) -> list[dict]:
    out = []
    for c in report.failing_commits():
        out.append(
            {
                "commit": c.sha,
                "signed_time": c.committed,
                "committer": c.committer,
                "committer_email": c.committer_email,
                "subject": c.subject,
                "findings": [f.to_dict() for f in c.findings],
            }
        )
    return out


def signed_history_start(report) -> dict | None:
    """Where the signed history begins: the trust root, its date and stage."""
    roots = [c for c in report.commits if not c.parents]
    if not roots:
        return None
    r = roots[0]
    return {
        "commit": r.sha,
        "signed_time": r.committed,
        "stage": r.stage.current if r.stage else None,
        "stage_since": r.stage.since if r.stage else None,
    }


def export_names(today: date) -> list[str]:
    """The names of the three files an export on ``today`` writes (.docx, .csv, .json)."""
    stem = f"阶段变更审计-{today.isoformat()}"
    return [f"{stem}.docx", f"{stem}.csv", f"{stem}.json"]


def export_report(report, target: Path, *, today: date) -> list[Path]:
    """Write the three files into ``target``; returns their paths."""
    from xmgl.fileio import atomic_write

    target.mkdir(parents=True, exist_ok=True)
    rows = audit_rows(report)
    paths = [target / name for name in export_names(today)]
    atomic_write(paths[0], _docx(report, rows, today))
    atomic_write(paths[1], _csv(report, rows))
    body = report.to_dict()
    data = {
        "verdict": body.pop("verdict"),
        "failing_commits": failing_details(report),
        "findings": [f.to_dict() for f in report.all_findings()],
        "anchor_for_safekeeping": _anchor(report),
        "signed_history_start": signed_history_start(report),
    }
    body.pop("findings")
    body.pop("failing_commits", None)
    data.update(body)
    data["repository_findings"] = [f.to_dict() for f in report.findings]
    data["rows"] = rows
    data["transitions_table"] = [r for r in rows if r["类型"] == "阶段变更"]
    data["signer_changes"] = signer_rows(report)
    text = json.dumps(data, ensure_ascii=False, indent=2) + "\n"
    atomic_write(paths[2], text.encode("utf-8"))
    return paths


def _anchor(report) -> str | None:
    """An anchor only for a history that passed: a failed one must not be vouched for."""
    return f"{report.head}:{len(report.commits)}" if report.ok and report.head else None


def _csv(report, rows: list[dict]) -> bytes:
    buf = io.StringIO()
    plain = csv.writer(buf, lineterminator="\r\n")
    errors = [f for f in report.all_findings() if f.severity == "error"]
    plain.writerow(
        [
            "审计验证结论",
            _verdict_zh(report.ok),
            f"问题 {len(errors)} 处，涉及 {len(report.failing_commits())} 个提交",
            f"HEAD {report.head or '（无）'}",
        ]
    )
    for f in report.findings:
        plain.writerow(["仓库问题", f.code, f.message, f.hint])
    plain.writerow([])
    writer = csv.DictWriter(buf, fieldnames=COLUMNS, lineterminator="\r\n")
    writer.writeheader()
    for row in rows:
        writer.writerow(row)
    return b"\xef\xbb\xbf" + buf.getvalue().encode("utf-8")


def _project(report) -> tuple[str, str]:
    """(project name, project unit) of the audited dossier; (folder name, "") when
    project.yaml cannot be read (the report stands without them)."""
    try:
        from xmgl.dossier.loader import load_dossier

        project = load_dossier(report.root).project
        return project.name, project.unit or ""
    except Exception:  # noqa: BLE001 - the report stands without the name
        return report.root.name, ""


MONO = "DejaVu Sans Mono"  # hashes and fingerprints: monospace, each on a line of its own


def _mono(doc, label: str, token: str) -> None:
    """``label`` then ``token`` (a hash or fingerprint) in monospace, never broken.

    The token stands alone on its own line, in a size at which the longest
    (64-hex SHA-256 id) fits the text width, so no line break falls inside it.
    """
    from docx.enum.text import WD_PARAGRAPH_ALIGNMENT
    from docx.oxml.ns import qn
    from docx.shared import Pt

    par = doc.add_paragraph()
    par.paragraph_format.keep_together = True
    # not justified: the label's line ends in a line break, which Word and
    # LibreOffice would stretch across the whole width ("签   名   密   钥")
    par.paragraph_format.alignment = WD_PARAGRAPH_ALIGNMENT.LEFT
    if label:
        par.add_run(label)
        par.add_run().add_break()
    run = par.add_run(token)
    run.font.name = MONO
    run.font.size = Pt(9)
    rpr = run._r.get_or_add_rPr()
    fonts = rpr.find(qn("w:rFonts"))
    for attr in ("w:ascii", "w:hAnsi", "w:eastAsia", "w:cs"):
        fonts.set(qn(attr), MONO)
    no_proof = rpr.makeelement(qn("w:noProof"), {})
    rpr.append(no_proof)


def _docx(report, rows: list[dict], today: date) -> bytes:
    from docx import Document

    from xmgl.reports import typography as ty
    from xmgl.reports.linebreak import keep_whole

    doc = Document()
    ty.apply_gbt9704(doc)
    name, unit = _project(report)
    ty.set_core_properties(
        doc,
        title=f"{name}阶段变更审计报告",
        author=unit,
        subject="阶段变更审计",
        category="阶段变更审计报告",
        keywords="审计;阶段变更;签名",
    )
    doc.add_paragraph(f"{name}\n阶段变更审计报告", style="Title")
    verdict = _verdict_zh(report.ok)
    errors = [f for f in report.all_findings() if f.severity == "error"]
    failing = report.failing_commits()
    first = doc.add_paragraph()
    run = first.add_run(f"审计验证结论：{verdict}")
    run.bold = True
    if not report.ok:
        first.add_run(
            f"。发现 {len(errors)} 处问题，涉及 {len(failing)} 个提交（见第一部分）。"
            "未通过审计的历史不出具锚点，不应在其上继续阶段变更。"
        )
    transitions = sum(1 for c in report.commits if c.kind == "transition")
    doc.add_paragraph(
        f"本报告由 xmgl 于 {today.isoformat()} 根据项目档案的 git 历史生成。"
        f"档案共有 {len(report.commits)} 个提交，其中阶段变更 {transitions} 次。"
    )
    if report.head:
        _mono(doc, "最新提交（HEAD）：", report.head)

    doc.add_heading("一、核验内容和结论", level=1)
    doc.add_paragraph(
        "对每一个提交核验：签名有效；签名密钥在上一提交的 .xmgl/allowed_signers 中且在"
        "有效期内、用途为 git（首次提交为信任根）；签名者即提交者；名单中没有通配符；"
        "项目阶段只通过符合阶段变更表的单父阶段变更提交改变，合并提交保持第一个父提交的阶段；"
        "所写的变更日期不早于上一阶段、不晚于签名时间；git 替换引用、嫁接和 commit-graph 一律不用。"
    )
    if failing or report.findings:
        doc.add_paragraph(f"未通过核验的提交（{len(failing)} 个）：")
        for f in report.findings:
            doc.add_paragraph(
                f"仓库：[{f.code}] {f.message}" + (f"提示：{f.hint}" if f.hint else "")
            )
        for c in failing:
            _mono(doc, "", c.sha)
            doc.add_paragraph(
                f"签名时间 {c.committed or '（无法读取）'}；提交者（未核验）{c.committer}"
                f" <{c.committer_email}>；说明：{c.subject}"
            )
            for f in c.findings:
                doc.add_paragraph(f"[{f.code}] {f.message}" + (f"提示：{f.hint}" if f.hint else ""))
    else:
        doc.add_paragraph("未发现问题。")

    doc.add_heading("二、信任根与签名历史的起点", level=1)
    start = signed_history_start(report)
    if start is not None:
        stage = start["stage"]
        doc.add_paragraph(
            f"签名历史始于首次提交（签名时间 {start['signed_time'] or '（无法读取）'}），"
            f"当时的阶段为 {STAGES.get(stage or '', stage or '（无）')}"
            f"（进入日期 {start['stage_since'] or '未写'}）。project.yaml 中早于此的日期和"
            "事实由项目单位填写，没有签名证明。"
        )
    for sha, signers in report.trust_roots:
        _mono(doc, "首次提交：", sha)
        doc.add_paragraph("其中允许签名的人员及其公钥指纹：")
        for principals, fp, who in signers:
            _mono(doc, f"{who or principals}（{principals}）：", fp)
    doc.add_paragraph("请与市数据局在档案以外保存的指纹逐字核对。")

    doc.add_heading("三、阶段变更记录", level=1)
    trows = [r for r in rows if r["类型"] == "阶段变更"]
    if trows:
        _table(
            doc,
            ("序号", "日期", "签名时间", "阶段变更", "依据", "经办人", "核验"),
            [
                (
                    str(i),
                    r["变更日期（所写）"],
                    r["签名时间"][:16].replace("T", "\n"),  # the date over the time
                    f"{r['原阶段'].split('（')[0]} → {r['新阶段'].split('（')[0]}",
                    r["依据条款"],
                    r["经办人（核验的签名人）"],
                    r["核验结论"],
                )
                for i, r in enumerate(trows, 1)
            ],
            (12, 33, 33, 28, 22, 16, 12),
        )
        doc.add_paragraph(
            "“日期”是提交说明中所写的变更日期；“签名时间”是签名的提交时间（由签名人的电脑时钟"
            "给出）；“经办人”是通过核验的签名密钥在名单中登记的姓名。各次变更的事由、签名密钥和提交："
        )
        for i, r in enumerate(trows, 1):
            doc.add_paragraph(f"{i}. {r['变更日期（所写）']} 事由：{_event_zh(r['事由'])}")
            if r["签名密钥指纹"]:
                _mono(doc, "签名密钥：", r["签名密钥指纹"])
            _mono(doc, "提交：", r["提交"])
    else:
        doc.add_paragraph("历史中没有阶段变更。")

    doc.add_heading("四、签名人员变更", level=1)
    doc.add_paragraph("由各提交中的 .xmgl/allowed_signers 文件本身比较得出（不依据提交说明）。")
    srows = signer_rows(report)
    if srows:
        _table(
            doc,
            ("日期", "变更", "人员", "经办人", "核验"),
            [(r["日期"], r["变更"], r["人员"], r["经办人"], r["核验结论"]) for r in srows],
            (33, 18, 54, 35, 16),
        )
        for r in srows:
            _mono(doc, f"{r['人员']}：", r["指纹"])
    else:
        doc.add_paragraph("无。")

    doc.add_heading("五、锚点与复核方法", level=1)
    anchor = _anchor(report)
    if anchor:
        _mono(doc, "本报告对应的锚点：", anchor)
        doc.add_paragraph(
            "请在档案以外保存；日后运行 xmgl audit verify --anchor 该锚点，可发现此后被改写的历史。"
        )
    else:
        doc.add_paragraph(
            "审计未通过：不出具锚点。处理上述问题并重新核验通过后，再用 xmgl audit anchor 生成。"
        )
    doc.add_paragraph(
        "复核：xmgl audit verify --reference 用 git 和 ssh-keygen 逐个核验签名；"
        "也可对每个提交手工运行 git -c gpg.ssh.allowedSignersFile=<上一提交的名单> "
        "log --no-walk --format='%G? %GK %GS' <提交>。"
    )
    chinese_dates(doc.element.body)
    keep_whole(doc)
    buf = io.BytesIO()
    doc.save(buf)
    return buf.getvalue()


_ISO = re.compile(
    r"(?<![\d-])(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}:\d{2})(:\d{2})?([+-]\d{2}:\d{2}|Z)?)?(?![\d-])"
)


def _cn(m: re.Match) -> str:
    year, month, day, hm, sec, zone = m.groups()
    text = f"{year}年{int(month)}月{int(day)}日"
    if hm:
        text += f" {hm}{sec or ''}"
    if zone:
        text += "（UTC）" if zone == "Z" else f"（UTC{zone}）"
    return text


def chinese_dates(body) -> None:
    """Every date in the report in one form, as in the other reports: "2026年3月10日"
    (a signing time "2026年3月10日 09:30:00（UTC+08:00）"), also where a commit's
    own text (事由) quotes an ISO date. Hashes and commands hold no such pattern."""
    from docx.oxml.ns import qn

    for t in body.iter(qn("w:t")):
        if t.text and "-" in t.text:
            t.text = _ISO.sub(_cn, t.text)


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
    # 1 mm cell margins (not 1.9): a date "2026年10月20日" fits its column on one line
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    margins = OxmlElement("w:tblCellMar")
    for side in ("left", "right"):
        el = OxmlElement(f"w:{side}")
        el.set(qn("w:w"), str(round(Mm(1).twips)))
        el.set(qn("w:type"), "dxa")
        margins.append(el)
    ty.insert_tblpr_child(table._tbl.tblPr, margins)
    for column, width in zip(table.columns, widths_mm, strict=True):
        column.width = Mm(width)  # the grid (LibreOffice, WPS)
        for cell in column.cells:
            cell.width = Mm(width)  # the cells (Word)


def _event_zh(event: str) -> str:
    """The Xmgl-Event trailer for a reader: ``approval 2026-03-10 …`` → ``批复 2026-03-10 …``.

    Only a first word that is a record kind is replaced; the rest is the signed text as is."""
    from xmgl.domain.schema import RECORD_KINDS

    kind, sep, rest = event.partition(" ")
    known = RECORD_KINDS.get(kind)
    return f"{known.zh}{sep}{rest}" if known is not None else event
