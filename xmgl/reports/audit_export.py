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


def _unreadable(c) -> bool:
    """The stand-in for a commit the audit could not read (shallow clone, missing object)."""
    return (
        not c.parents
        and c.stage is None
        and c.signature is None
        and any(f.code == "object-missing" for f in c.findings)
    )


def _parent(c, by_sha: dict):
    """The first parent's result, or None when there is none or it could not be read."""
    if not c.parents:
        return None
    p = by_sha.get(c.parents[0])
    return None if p is None or _unreadable(p) else p


def stage_moved(c, by_sha: dict) -> tuple[str, str] | None:
    """(from, to) when the files of a commit that is not a transition commit move the
    stage away from its first parent's (a direct edit, or a merge that brought it in)."""
    p = _parent(c, by_sha)
    if c.kind == "transition" or p is None or p.stage is None or c.stage is None:
        return None
    if p.stage.current == c.stage.current:
        return None
    return p.stage.current, c.stage.current


def _row(c, n: int, moved: tuple[str, str] | None = None) -> dict:
    src = c.trailer(tr.FROM_STAGE) or ""
    dst = c.trailer(tr.TO_STAGE) or ""
    if moved is not None:  # what the files show: no trailer claims it
        src, dst = moved
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
    by_sha = {c.sha: c for c in report.commits}
    rows: list[dict] = []
    for c in report.commits:
        if c.kind == "transition" or not c.ok:
            rows.append(_row(c, len(rows) + 1, stage_moved(c, by_sha)))
    return rows


def transition_rows(report) -> list[dict]:
    """Rows of the commits that claim a stage change, and of those whose files change the
    stage without claiming it (those never pass)."""
    return [r for r in audit_rows(report) if r["新阶段"]]


def signer_rows(report) -> list[dict]:
    """Signer changes computed from the allowed_signers files themselves (first parent)."""
    by_sha = {c.sha: c for c in report.commits}
    rows = []
    for c in report.commits:
        if _unreadable(c):
            continue
        parent = _parent(c, by_sha)
        if c.parents and parent is None:
            continue  # the list before it cannot be read: no change can be told
        before = parent.signers_lines if parent is not None else ()
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
    by_sha = {c.sha: c for c in report.commits}
    roots = [by_sha[sha] for sha, _signers in report.trust_roots if sha in by_sha]
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
    data["transitions_table"] = [r for r in rows if r["新阶段"]]
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
            f"问题 {len(errors)} 处，"
            + (
                f"涉及 {len(report.failing_commits())} 个提交"
                if report.failing_commits()
                else "都是仓库本身的问题"
            ),
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
        where = f"涉及 {len(failing)} 个提交" if failing else "都是仓库本身的问题，不属于某个提交"
        first.add_run(
            f"。发现 {len(errors)} 处问题，{where}（见第一部分）。"
            "未通过审计的历史不出具锚点，不应在其上继续阶段变更。"
        )
    doc.add_paragraph(
        f"本报告由 xmgl 于 {today.isoformat()} 根据项目档案的 git 历史生成。"
        + _counts(report)
        # for a history that passed, at once what the pass rests on (for one that
        # failed, in part five)
        + (_anchor_said(report) if report.ok else "")
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
    if report.findings:
        doc.add_paragraph(f"仓库本身的问题（{len(report.findings)} 处）：")
        for f in report.findings:
            doc.add_paragraph(f"[{f.code}] {f.message}" + (f"提示：{f.hint}" if f.hint else ""))
    if failing:
        doc.add_paragraph(f"未通过核验的提交（{len(failing)} 个）：")
        for c in failing:
            _mono(doc, "", c.sha)
            doc.add_paragraph(
                f"签名时间 {c.committed or '（无法读取）'}；提交者（未核验）{c.committer}"
                f" <{c.committer_email}>；说明：{c.subject}"
            )
            for f in c.findings:
                doc.add_paragraph(f"[{f.code}] {f.message}" + (f"提示：{f.hint}" if f.hint else ""))
    if not failing and not report.findings:
        doc.add_paragraph("未发现使审计不通过的问题。")
    noted = [c for c in report.commits if c.ok and any(f.severity != "error" for f in c.findings)]
    if noted:
        doc.add_paragraph(f"提示（不影响结论，{len(noted)} 个通过核验的提交，请核对）：")
        for c in noted:
            _mono(doc, "", c.sha)
            for f in c.findings:
                doc.add_paragraph(f"[{f.code}] {f.message}" + (f"提示：{f.hint}" if f.hint else ""))

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
    else:
        doc.add_paragraph(
            "历史中没有可读取的首次提交（信任根）：签名历史从哪里开始、最初允许谁签名，"
            "本报告无法说明，其中的签名结论都不能追溯到信任根。"
        )
    for sha, signers in report.trust_roots:
        _mono(doc, "首次提交：", sha)
        doc.add_paragraph("其中允许签名的人员及其公钥指纹：")
        for principals, fp, who in signers:
            _mono(doc, f"{who or principals}（{principals}）：", fp)
    if report.trust_roots:
        doc.add_paragraph("请与市数据局在档案以外保存的指纹逐字核对。")

    doc.add_heading("三、阶段变更记录", level=1)
    trows = [r for r in rows if r["新阶段"]]
    if trows:
        _table(
            doc,
            ("序号", "日期", "签名时间", "阶段变更", "依据", "经办人", "核验"),
            [
                (
                    str(i),
                    r["变更日期（所写）"],
                    _signed_cell(r["签名时间"]),
                    f"{r['原阶段'].split('（')[0]} → {r['新阶段'].split('（')[0]}"
                    + ("" if r["类型"] == "阶段变更" else "（直接改动，无阶段变更提交）"),
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
            "给出，括号中是它所写的时区）；“经办人”是通过核验的签名密钥在名单中登记的姓名。"
            + (
                "“核验”为“未通过”的行，其阶段变更只是提交说明或文件中的写法，未经核验证实；"
                "“通过”只是该提交本身的结论（按上一提交的名单），名单若由未通过的提交改动过，"
                "不能据此认定签名人得到了授权。"
                if not report.ok
                else ""
            )
            + "各次变更的事由、签名密钥和提交："
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
    if not report.ok:
        doc.add_paragraph(_anchor_said(report))
    anchor = _anchor(report)
    if anchor:
        _mono(doc, "本报告对应的锚点：", anchor)
        doc.add_paragraph(
            "请在档案以外保存；日后在档案目录中运行下面的命令，可发现此后被改写的历史："
        )
        _mono(doc, "", f"xmgl audit verify --anchor {anchor}")
    else:
        doc.add_paragraph(
            "审计未通过：不出具锚点。处理上述问题并重新核验通过后，再用 xmgl audit anchor 生成。"
        )
    _recheck(doc, report, trows)
    chinese_dates(doc.element.body)
    keep_whole(doc)
    buf = io.BytesIO()
    doc.save(buf)
    return buf.getvalue()


def _counts(report) -> str:
    """How many commits, stage changes claimed, how many of them hold, and stage moves
    no transition commit claims: each as the history shows it."""
    by_sha = {c.sha: c for c in report.commits}
    claims = [c for c in report.commits if c.kind == "transition"]
    held = [c for c in claims if c.ok]
    moved = [c for c in report.commits if stage_moved(c, by_sha)]
    partial = any(_unreadable(c) for c in report.commits) or any(
        f.code == "shallow" for f in report.findings
    )
    if partial:
        text = f"历史不完整（浅克隆或缺少对象）：可读取的提交 {len(report.commits)} 个，"
    else:
        text = f"档案共有 {len(report.commits)} 个提交，"
    if len(held) == len(claims):
        text += f"其中阶段变更 {len(claims)} 次。"
    else:
        text += (
            f"其中阶段变更提交 {len(claims)} 个，通过核验的 {len(held)} 个，"
            f"未通过的 {len(claims) - len(held)} 个。"
        )
    if moved:
        text += f"另有 {len(moved)} 个提交不是阶段变更提交，却改动了阶段（未通过核验）。"
    return text


def _anchor_said(report) -> str:
    """Whether an anchor delivered earlier was checked: without one, a history rewritten
    and signed again with listed keys passes on its own."""
    a = report.anchor
    if a is None:
        return (
            "本次核验没有对照此前交付的锚点：整段改写后又用名单中的密钥重新签名的历史，"
            "单看本身也会通过" + ("（对照锚点的方法见第五部分）。" if report.ok else "。")
        )
    if a.ok:
        return (
            f"已对照此前交付的锚点（{a.count} 个提交）：它是当前历史的祖先，"
            f"此后新增 {(a.head_count or 0) - (a.count or 0)} 个提交。"
        )
    return "对照此前交付的锚点：未通过（见第一部分）。"


def _signed_cell(when: str) -> str:
    """A signing time for a table cell: the date, then the time and its offset."""
    if len(when) < 16:
        return when
    zone = when[19:] if len(when) > 19 else ""
    zone = "UTC" if zone in ("Z", "+00:00") else f"UTC{zone}"
    return f"{when[:10]}\n{when[11:16]}\n（{zone}）"


def _recheck(doc, report, trows: list[dict]) -> None:
    """Commands a reviewer can copy as written, run in the dossier's directory."""
    doc.add_paragraph("复核（在档案目录中运行，命令可照抄）：用 git 和 ssh-keygen 逐个核验签名：")
    _mono(doc, "", "xmgl audit verify --reference")
    by_sha = {c.sha: c for c in report.commits}
    done = [by_sha[r["提交"]] for r in trows if r["提交"] in by_sha]
    c = done[-1] if done else by_sha.get(report.head or "")
    if c is None or _unreadable(c):
        return
    judge = c.parents[0] if c.parents else c.sha
    doc.add_paragraph(
        "不用 xmgl 手工复核一个提交（下面是"
        + ("最后一次阶段变更" if done else "最新提交")
        + "；复核其他提交，把第一行的提交换成它的上一提交、第二行的换成它本身）："
    )
    allowed = "/tmp/xmgl-allowed-signers"
    _mono(doc, "", f"git --no-replace-objects show {judge}:./.xmgl/allowed_signers > {allowed}")
    _mono(
        doc,
        "",
        f"git --no-replace-objects -c gpg.ssh.allowedSignersFile={allowed} "
        f"log --no-walk --format='%H %G? %GK %GS %ce' {c.sha}",
    )
    doc.add_paragraph(
        "输出的第二项为 G 表示签名有效、密钥在上一提交的名单中；其后是密钥指纹、名单中的身份和"
        "提交者邮箱（二者应相同）。"
    )


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
