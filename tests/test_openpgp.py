"""OpenPGP signers with real throw-away GnuPG keys: signing through git, gpg as the verifier."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

import pytest

from tests.conftest import person
from tests.tools import need
from xmgl.gitaudit.audit import FAST, REFERENCE, verify


@pytest.fixture(autouse=True)
def _gpg():
    need("gpg")


@pytest.fixture
def gnupg(tmp_path, monkeypatch):
    """A private GNUPGHOME with keys for 刘晓梅, 张伟 and 马某; returns their fingerprints."""
    home = tmp_path / "gnupg"
    home.mkdir(mode=0o700)
    monkeypatch.setenv("GNUPGHOME", str(home))
    fprs = {}
    for key, uid in (
        ("liuxm", "刘晓梅 <liuxm@example.gov.cn>"),
        ("zhangwei", "张伟 <zhangwei@example.gov.cn>"),
        ("mallory", "马某 <mallory@example.com>"),
    ):
        subprocess.run(
            ["gpg", "--batch", "--pinentry-mode", "loopback", "--passphrase", ""]
            + ["--quick-gen-key", uid, "ed25519", "sign", "never"],
            check=True,
            capture_output=True,
        )
        out = subprocess.run(
            ["gpg", "--with-colons", "--list-keys", uid], capture_output=True, text=True
        ).stdout
        fprs[key] = next(line.split(":")[9] for line in out.splitlines() if line.startswith("fpr"))
    yield fprs
    subprocess.run(["gpgconf", "--kill", "all"], capture_output=True, env=dict(os.environ))


def git(root: Path, *args: str, env=None) -> str:
    return subprocess.run(
        ["git", "-C", str(root), *args],
        capture_output=True,
        text=True,
        check=True,
        env={**os.environ, **(env or {})},
    ).stdout


def codes(report) -> dict[str, set[str]]:
    return {c.sha: {f.code for f in c.findings} for c in report.commits if not c.ok}


def both(root: Path):
    fast, ref = verify(root, method=FAST), verify(root, method=REFERENCE)
    assert fast.verdicts() == ref.verdicts()
    return fast


def test_openpgp_trust_root_signers_and_audit(tmp_path, xmgl, gnupg, monkeypatch):
    root = tmp_path / "d"
    r = xmgl("--as-of", "2025-06-01", "init", root, "--gpg-key", gnupg["liuxm"])
    assert r.exit_code == 0, r.output
    assert gnupg["liuxm"] in r.stdout
    assert git(root, "config", "gpg.format").strip() == "openpgp"
    listed = (root / ".xmgl/allowed_signers_openpgp").read_text(encoding="utf-8")
    assert f"liuxm@example.gov.cn {gnupg['liuxm']} 刘晓梅" in listed
    key = (root / f".xmgl/openpgp/{gnupg['liuxm']}.asc").read_bytes()
    assert b"BEGIN PGP PUBLIC KEY BLOCK" in key and b"PRIVATE" not in key
    assert git(root, "log", "-1", "--format=%G?").strip() in ("G", "U")  # gpg's own trust model
    report = both(root)
    assert report.ok, [f.message for f in report.all_findings()]
    assert report.trust_roots[0][1] == [
        ("liuxm@example.gov.cn", f"OpenPGP {gnupg['liuxm']}", "刘晓梅")
    ]
    # a record committed with OpenPGP by an allowed signer
    r = xmgl(
        "-C",
        root,
        "record",
        "plan_call",
        "date=2025-06-10",
        "year=2026",
        "deadline=2025-07-15",
        "--commit",
    )
    assert r.exit_code == 0, r.output
    assert both(root).ok
    # 张伟 is added by 刘晓梅 and then signs
    r = xmgl("-C", root, "signers", "add", "zhangwei@example.gov.cn", "--gpg", gnupg["zhangwei"])
    assert r.exit_code == 0, r.output
    person(monkeypatch, "张伟", "zhangwei@example.gov.cn")
    assert xmgl("-C", root, "signers", "use", "--gpg", gnupg["zhangwei"]).exit_code == 0
    r = xmgl("-C", root, "record", "plan_submission", "date=2025-07-10", "year=2026", "--commit")
    assert r.exit_code == 0, r.output
    assert both(root).ok
    # signed with 张伟's key under 刘晓梅's e-mail: signer is not the committer
    person(monkeypatch, "刘晓梅", "liuxm@example.gov.cn")
    git(root, "commit", "-q", "-S", "--allow-empty", "-m", "补充说明")
    bad = git(root, "rev-parse", "HEAD").strip()
    report = both(root)
    assert codes(report) == {bad: {"signer-not-committer"}}


def test_openpgp_unknown_and_self_added_keys(tmp_path, xmgl, gnupg, monkeypatch):
    root = tmp_path / "d"
    assert xmgl("init", root, "--gpg-key", gnupg["liuxm"]).exit_code == 0
    person(monkeypatch, "马某", "mallory@example.com")
    env = {"GIT_COMMITTER_EMAIL": "mallory@example.com"}
    git(root, "-c", f"user.signingkey={gnupg['mallory']}", "commit", "-q", "-S",
        "--allow-empty", "-m", "陌生人", env=env)  # fmt: skip
    stranger = git(root, "rev-parse", "HEAD").strip()
    report = both(root)
    assert codes(report) == {stranger: {"key-not-allowed"}}
    # mallory lists her own key and signs that very commit with it
    key = subprocess.run(
        ["gpg", "--armor", "--export", gnupg["mallory"]], capture_output=True, check=True
    ).stdout
    (root / f".xmgl/openpgp/{gnupg['mallory']}.asc").write_bytes(key)
    with open(root / ".xmgl/allowed_signers_openpgp", "a", encoding="utf-8") as fh:
        fh.write(f"mallory@example.com {gnupg['mallory']}\n")
    git(root, "add", ".xmgl")
    git(root, "-c", f"user.signingkey={gnupg['mallory']}", "commit", "-q", "-S",
        "-m", "增加签名人员", env=env)  # fmt: skip
    self_added = git(root, "rev-parse", "HEAD").strip()
    report = both(root)
    assert codes(report) == {stranger: {"key-not-allowed"}, self_added: {"self-authorized"}}


def _sign_detached(fpr: str, data: bytes, tmp: Path) -> str:
    body = tmp / "payload"
    body.write_bytes(data)
    subprocess.run(
        ["gpg", "--batch", "--yes", "--pinentry-mode", "loopback", "--passphrase", ""]
        + ["-u", fpr, "--armor", "--detach-sign", "-o", str(tmp / "payload.asc"), str(body)],
        check=True,
        capture_output=True,
    )
    return (tmp / "payload.asc").read_text()


def test_a_revoked_or_expired_key_is_never_good(tmp_path, gnupg):
    """Only a good, unrevoked, unexpired signature passes (git says R / Y / X for these)."""
    from xmgl.gitaudit import openpgp

    fpr = gnupg["mallory"]
    signature = _sign_detached(fpr, b"payload", tmp_path)
    good = openpgp.verify(signature, b"payload", {fpr: openpgp.export_public(fpr)})
    assert good == ("good", fpr, "")
    # the key is revoked afterwards: its public half now carries the revocation
    subprocess.run(
        ["gpg", "--batch", "--yes", "--pinentry-mode", "loopback", "--passphrase", ""]
        + ["--import", str(_revocation(fpr))],
        check=True,
        capture_output=True,
    )
    status, who, reason = openpgp.verify(signature, b"payload", {fpr: openpgp.export_public(fpr)})
    assert (status, who) == ("key-revoked", fpr) and "吊销" in reason
    # an expired key
    fpr = gnupg["zhangwei"]
    signature = _sign_detached(fpr, b"payload", tmp_path)
    subprocess.run(
        ["gpg", "--batch", "--pinentry-mode", "loopback", "--passphrase", ""]
        + ["--quick-set-expire", fpr, "seconds=1"],
        check=True,
        capture_output=True,
    )
    import time

    time.sleep(2)
    status, who, reason = openpgp.verify(signature, b"payload", {fpr: openpgp.export_public(fpr)})
    assert status == "key-expired" and "过期" in reason


def _revocation(fpr: str) -> Path:
    """gpg's own revocation certificate for ``fpr`` (made at key creation)."""
    home = Path(os.environ["GNUPGHOME"])
    cert = home / "openpgp-revocs.d" / f"{fpr}.rev"
    text = cert.read_text()
    # the certificate is shipped with a ':' before the armor line, to stop accidents
    fixed = home / "revoke.asc"
    fixed.write_text(
        text.replace(
            ":-----BEGIN PGP PUBLIC KEY BLOCK-----", "-----BEGIN PGP PUBLIC KEY BLOCK-----"
        )
    )
    return fixed
