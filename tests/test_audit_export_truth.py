"""What ``xmgl audit export`` states, read back against what is true of the history.

Each test builds a real history (real git, real ssh-keygen keys and signatures),
exports it through the CLI and reads every statement it is about in the .docx
(python-docx): counts, times, the start of the signed history, signer changes,
the anchor, the warnings, the commands a reviewer copies, and the exit code.
"""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

from tests.dossier_history import LIU, History
from tests.test_audit import commit_as, fingerprint_of, flat

DAY = "2026-11-01"


def export(xmgl, root: Path, out: Path, *args: str):
    r = xmgl("-C", root, "--as-of", DAY, "audit", "export", "-o", out, *args)
    assert "Traceback" not in r.output
    return r


def document(out: Path):
    from docx import Document

    return Document(str(out / f"阶段变更审计-{DAY}.docx"))


def text_of(doc) -> str:
    return "\n".join(p.text for p in doc.paragraphs)


def stage_table(doc) -> list[list[str]]:
    table = next(t for t in doc.tables if t.rows[0].cells[3].text == "阶段变更")
    return [[c.text for c in row.cells] for row in table.rows[1:]]


def _edit_stage(h: History, to: str) -> str:
    text = (h.root / "project.yaml").read_text(encoding="utf-8")
    assert "current: in_operation" in text
    return text.replace("current: in_operation", f"current: {to}")


# ---------------------------------------------------------------- verdict, exit code


def test_a_failing_export_exits_7_after_writing_every_file(history, xmgl, tmp_path):
    commit_as(history, LIU, None, "补充说明")
    r = export(xmgl, history.root, tmp_path / "out")
    assert r.exit_code == 7, r.output
    assert "审计验证：未通过（报告中不出具锚点）。已导出：" in r.stdout
    assert len(list((tmp_path / "out").iterdir())) == 3
    assert text_of(document(tmp_path / "out")).splitlines()[2].startswith("审计验证结论：未通过")
    clean = history.copy(tmp_path / "clean")
    subprocess.run(["git", "-C", clean.root, "reset", "-q", "--hard", "HEAD~1"], check=True)
    assert export(xmgl, clean.root, tmp_path / "ok").exit_code == 0


def test_repository_problems_are_not_said_to_involve_zero_commits(history, xmgl, tmp_path):
    (history.root / ".git" / "info").mkdir(exist_ok=True)
    (history.root / ".git" / "info" / "grafts").write_text(
        f"{history.transitions[5]} {history.transitions[2]}\n"
    )
    export(xmgl, history.root, tmp_path / "out")
    text = text_of(document(tmp_path / "out"))
    assert "涉及 0 个提交" not in text and "未通过核验的提交（0 个）" not in text
    assert "都是仓库本身的问题，不属于某个提交" in text
    assert "仓库本身的问题（1 处）：\n[grafts]" in text
    r = xmgl("-C", history.root, "audit", "verify")
    assert r.exit_code == 7 and flat("共 1 处问题，都是仓库本身的问题。") in flat(r.stdout)
    csv = (tmp_path / "out" / f"阶段变更审计-{DAY}.csv").read_text(encoding="utf-8-sig")
    assert csv.splitlines()[0].startswith("审计验证结论,未通过,问题 1 处，都是仓库本身的问题,")
    assert csv.splitlines()[1].startswith("仓库问题,grafts,")


# ---------------------------------------------------------------- counts


def test_a_claimed_stage_change_that_failed_is_not_counted_as_one(history, xmgl, tmp_path):
    # trailers claim 投入运行 → 竣工验收合格; project.yaml is left as it was
    commit_as(
        history,
        LIU,
        "liuxm",
        "阶段变更\n\nXmgl-From-Stage: in_operation\nXmgl-To-Stage: accepted\n"
        "Xmgl-Date: 2026-10-30\n",
    )
    export(xmgl, history.root, tmp_path / "out")
    doc = document(tmp_path / "out")
    text = text_of(doc)
    assert "其中阶段变更 11 次" not in text
    assert "档案共有 14 个提交，其中阶段变更提交 11 个，通过核验的 10 个，未通过的 1 个。" in text
    assert "其阶段变更只是提交说明或文件中的写法，未经核验证实" in text
    assert stage_table(doc)[-1][3:] == ["投入运行 → 竣工验收合格", "", "刘晓梅", "未通过"]
    r = xmgl("-C", history.root, "audit", "verify")
    assert flat("共 14 个提交（阶段变更提交 11 个，其中 1 个未通过，签名人员变更 1 次）") in flat(
        r.stdout
    )


def test_a_stage_changed_by_the_files_alone_is_counted_and_listed(history, xmgl, tmp_path):
    sha = commit_as(
        history, LIU, "liuxm", "修改", files={"project.yaml": _edit_stage(history, "accepted")}
    )
    export(xmgl, history.root, tmp_path / "out")
    doc = document(tmp_path / "out")
    text = text_of(doc)
    assert "其中阶段变更 10 次。另有 1 个提交不是阶段变更提交，却改动了阶段（未通过核验）。" in text
    last = stage_table(doc)[-1]
    assert last[0] == "11" and last[1] == "" and last[-1] == "未通过"
    assert last[3] == "投入运行 → 竣工验收合格（直接改动，无阶段变更提交）"
    assert f"提交：\n{sha}" in text


# ---------------------------------------------------------------- times


def test_every_signing_time_states_its_zone(history, xmgl, tmp_path):
    export(xmgl, history.root, tmp_path / "out")
    rows = stage_table(document(tmp_path / "out"))
    assert len(rows) == 10
    for sha, row in zip(history.transitions, rows, strict=True):
        when = history.git("log", "-1", "--format=%cI", sha).strip()
        y, m, d = (int(x) for x in when[:10].split("-"))
        zone = when[19:]
        zone = "UTC" if zone in ("Z", "+00:00") else f"UTC{zone}"
        assert row[2] == f"{y}年{m}月{d}日\n{when[11:16]}\n（{zone}）"


# ---------------------------------------------------------------- warnings


def test_warnings_are_reported_not_hidden_behind_no_problems(history, xmgl, tmp_path):
    # every transition of the history was signed long after the date it states
    export(xmgl, history.root, tmp_path / "out")
    text = text_of(document(tmp_path / "out"))
    assert "未发现问题。" not in text
    assert "未发现使审计不通过的问题。" in text
    assert "提示（不影响结论，10 个通过核验的提交，请核对）：" in text
    for sha in history.transitions:
        assert f"\n{sha}\n[date-far-from-signing] 阶段变更日期" in text
    assert text.count("变更是事后补记的") == 10


# ---------------------------------------------------------------- trust root, signers


def test_a_shallow_clone_claims_no_trust_root_and_no_signer_added(history, xmgl, tmp_path):
    clone = tmp_path / "shallow"
    subprocess.run(
        ["git", "clone", "-q", "--depth", "5", f"file://{history.root}", str(clone)], check=True
    )
    r = export(xmgl, clone, tmp_path / "out")
    assert r.exit_code == 7
    doc = document(tmp_path / "out")
    text = text_of(doc)
    assert "签名历史始于首次提交" not in text and "（无法读取）），当时的阶段为" not in text
    assert "历史中没有可读取的首次提交（信任根）" in text
    assert "请与市数据局在档案以外保存的指纹逐字核对" not in text
    assert "历史不完整（浅克隆或缺少对象）：可读取的提交 6 个" in text
    assert "档案共有" not in text
    # nobody was added to the list in the clone: the list before it cannot be read
    assert "四、签名人员变更\n由各提交中的 .xmgl/allowed_signers 文件本身比较得出" in text
    assert text.split("四、签名人员变更")[1].split("五、")[0].rstrip().endswith("无。")


# ---------------------------------------------------------------- anchor, commands


def test_the_document_says_whether_an_anchor_was_checked(history, xmgl, tmp_path):
    export(xmgl, history.root, tmp_path / "none")
    text = text_of(document(tmp_path / "none"))
    assert "本次核验没有对照此前交付的锚点：整段改写后又用名单中的密钥重新签名的历史" in text
    anchor = f"{history.transitions[7]}:11"
    commit_as(history, LIU, "liuxm", "补充说明")
    assert export(xmgl, history.root, tmp_path / "a", "--anchor", anchor).exit_code == 0
    text = text_of(document(tmp_path / "a"))
    assert "已对照此前交付的锚点（11 个提交）：它是当前历史的祖先，此后新增 3 个提交。" in text
    assert "没有对照" not in text
    # the history rewritten from the anchor on and signed again by another listed
    # signer under his own name: it passes on its own; the anchor tells
    h = history
    h.git("reset", "-q", "--hard", history.transitions[6])
    msg = h.root.parent / "msg.txt"
    msg.write_text(h.git("log", "-1", "--format=%B"), encoding="utf-8")
    who = {"GIT_COMMITTER_NAME": "张伟", "GIT_COMMITTER_EMAIL": "zhangwei@example.gov.cn"}
    key = f"user.signingkey={h.keys['zhangwei']}"
    h.git("-c", key, "commit", "--amend", "-S", "-q", "-F", str(msg), env=who)
    assert export(xmgl, h.root, tmp_path / "re").exit_code == 0
    text = text_of(document(tmp_path / "re"))
    assert text.splitlines()[2] == "审计验证结论：通过" and "没有对照此前交付的锚点" in text
    assert export(xmgl, h.root, tmp_path / "b", "--anchor", anchor).exit_code == 7
    text = text_of(document(tmp_path / "b"))
    assert "五、锚点与复核方法\n对照此前交付的锚点：未通过（见第一部分）。" in text
    assert "[anchor-not-ancestor]" in text and "本报告对应的锚点" not in text


def test_every_command_in_the_document_runs_as_written(history, xmgl, tmp_path):
    # a replace ref on the last transition: git would show another commit under its id
    last = history.transitions[-1]
    fpr = fingerprint_of(history.keys["liuxm"])
    export(xmgl, history.root, tmp_path / "ok")
    doc = document(tmp_path / "ok")
    mono = [r.text for p in doc.paragraphs for r in p.runs if r.font.name == "DejaVu Sans Mono"]
    commands = [t for t in mono if t.startswith(("git ", "xmgl "))]
    assert len(commands) == 4, commands
    assert all("<" not in c and "该锚点" not in c for c in commands)
    head = history.git("rev-parse", "HEAD").strip()
    assert commands[0] == f"xmgl audit verify --anchor {head}:13"
    assert commands[1] == "xmgl audit verify --reference"
    assert f"{history.transitions[-2]}:./.xmgl/allowed_signers" in commands[2]
    history.git("replace", "--graft", last, history.transitions[0])
    for command in commands[:2]:
        history.git("replace", "-d", last)
        r = xmgl("-C", history.root, *command.split()[1:])
        assert r.exit_code == 0, (command, r.output)
        history.git("replace", "--graft", last, history.transitions[0])
    shutil.rmtree("/tmp/xmgl-allowed-signers", ignore_errors=True)
    out = subprocess.run(
        ["bash", "-c", "\n".join(commands[2:])],
        cwd=history.root,
        capture_output=True,
        text=True,
        check=False,
    )
    assert out.returncode == 0, out.stderr
    assert out.stdout.split() == [last, "G", fpr, LIU[1], LIU[1]]
