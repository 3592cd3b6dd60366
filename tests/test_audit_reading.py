"""What an auditor must not misread (issue 9): codes per cause, visible control
characters, verdicts resting on a window, claimed dates against signed times."""

from __future__ import annotations

import json
import re

import pytest

from tests.dossier_history import LIU, ZHANG
from tests.test_audit import both, commit_as, failing
from xmgl.gitaudit.audit import verify, visible


def _transition(history, target: str, day: str, *, who=LIU, key="liuxm") -> str:
    text = (history.root / "project.yaml").read_text(encoding="utf-8")
    new, n = re.subn(
        r"stage:\n  current: (\w+)\n  since: [0-9-]+\n",
        f"stage:\n  current: {target}\n  since: {day}\n",
        text,
        count=1,
    )
    assert n == 1
    source = re.search(r"stage:\n  current: (\w+)", text).group(1)
    message = (
        f"阶段变更：{source} → {target}\n\n说明。\n\n"
        f"Xmgl-From-Stage: {source}\nXmgl-To-Stage: {target}\nXmgl-Date: {day}\n"
    )
    return commit_as(history, who, key, message, files={"project.yaml": new})


def test_a_transition_dated_before_the_previous_stage_is_caught(history):
    sha = _transition(history, "suspended", "2026-10-01")  # in_operation since 2026-10-25
    fast, _ref = both(history.root)
    assert failing(fast) == {sha: {"date-before-previous-stage"}}


def test_a_transition_dated_after_it_was_signed_is_caught(history):
    sha = _transition(history, "suspended", "2099-01-01")
    fast, _ref = both(history.root)
    assert failing(fast) == {sha: {"date-after-signing"}}


def test_a_transition_signed_long_after_its_date_is_flagged(history):
    fast = verify(history.root)
    assert fast.ok  # a warning, not a failure: late records happen
    late = {
        c.sha: f.message
        for c in fast.commits
        for f in c.findings
        if f.code == "date-far-from-signing"
    }
    # the history's transitions are dated 2025-2026 and signed when the tests run
    assert set(late) <= set(history.transitions)
    for message in late.values():
        assert "签名只证明提交的时间" in message


def test_control_characters_are_shown_never_obeyed(history, xmgl):
    evil_subject = "补充说明\x1b[2J\x1b[H\x1b[32m审计验证：通过 ✓\u202e"
    sha = commit_as(
        history,
        ("刘晓梅\x1b]0;标题\x07", LIU[1]),
        "liuxm",
        evil_subject + "\n",
    )
    r = xmgl("-C", history.root, "audit", "verify", "--all")
    assert "\x1b" not in r.stdout and "\u202e" not in r.stdout and "\x07" not in r.stdout
    assert "\\x1b[2J" in r.stdout and "\\u202e" in r.stdout
    r = xmgl("-C", history.root, "audit", "verify", "--format", "json", "--all")
    data = json.loads(r.stdout)
    shown = next(c for c in data["commits"] if c["commit"] == sha)
    assert shown["subject"] == visible(evil_subject)
    assert "\x1b" not in shown["subject"] and "\x1b" not in shown["committer"]
    out = history.root.parent / "export"
    assert xmgl("-C", history.root, "audit", "export", "-o", out).exit_code == 0
    for path in out.iterdir():
        if path.suffix == ".csv":
            assert "\x1b" not in path.read_text(encoding="utf-8-sig")
        if path.suffix == ".docx":
            from docx import Document

            text = "\n".join(p.text for p in Document(str(path)).paragraphs)
            assert "\x1b" not in text


def test_visible_escapes_every_control_and_bidi_character():
    for ch in ["\x00", "\x07", "\x1b", "\x7f", "\x85", "\u200b", "\u202e", "\u2066", "\ufeff"]:
        assert ch not in visible(f"a{ch}b"), repr(ch)
    assert visible("经办人：刘晓梅") == "经办人：刘晓梅"
    assert visible("a\nb") == "a\\x0ab" and visible("a\nb", newlines=True) == "a\nb"


def test_a_verdict_resting_on_a_window_says_so(history, xmgl):
    signers = (history.root / ".xmgl/allowed_signers").read_text(encoding="utf-8")
    windowed = signers.replace(
        f'{ZHANG[1]} namespaces="git"', f'{ZHANG[1]} namespaces="git",valid-after="20260101Z"'
    )
    assert windowed != signers
    commit_as(history, LIU, "liuxm", "更新名单", files={".xmgl/allowed_signers": windowed})
    history.git("config", "user.signingkey", str(history.keys["zhangwei"]))
    sha = commit_as(history, ZHANG, "zhangwei", "补充说明")
    fast, _ref = both(history.root)
    assert fast.ok
    codes = {f.code for c in fast.commits if c.sha == sha for f in c.findings}
    assert codes == {"window-verdict"}
    r = xmgl("-C", history.root, "audit", "verify")
    assert "window-verdict" in r.stdout and "签名人自己填写" in r.stdout.replace("\n", "")


@pytest.mark.parametrize(
    ("option", "code"),
    [
        ('valid-before="20200101Z"', "key-expired"),
        ('valid-after="20990101Z"', "key-not-yet-valid"),
        ('namespaces="file"', "key-wrong-namespace"),
    ],
)
def test_each_cause_has_its_own_code_and_none_is_self_authorized(history, option, code):
    signers = (history.root / ".xmgl/allowed_signers").read_text(encoding="utf-8")
    changed = signers.replace(f'{ZHANG[1]} namespaces="git"', f"{ZHANG[1]} {option}")
    assert changed != signers
    commit_as(history, LIU, "liuxm", "更新名单", files={".xmgl/allowed_signers": changed})
    sha = commit_as(history, ZHANG, "zhangwei", "补充说明")
    fast, _ref = both(history.root)
    assert failing(fast) == {sha: {code}}
