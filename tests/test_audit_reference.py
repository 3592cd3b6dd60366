"""The audit's reference path and its OpenPGP verdicts, verdict by verdict (issue 13).

The reference path is git (``%G? %GK %GS``) and ssh-keygen (``-Y verify``,
``-Y check-novalidate``). Each case here is a real commit object in a real
repository, signed by ssh-keygen or gpg, and the tests pin the exact verdict
(code, fingerprint, principals, the reason the audit prints) of every branch:
git's letters, ssh-keygen asked directly (what git would have said when it dies
of SIGPIPE), the validity windows judged at the commit's own second, and gpg's
status lines. Written so that the mutants of ``tools/mutate.py`` die: a test
here fails when a branch, a flag passed to ssh-keygen or a code is changed.
"""

from __future__ import annotations

import os
import subprocess
import time
from pathlib import Path

import pytest

from tests.gitfixtures import Repo
from tests.test_audit_differential import EMAIL, WHEN, _commit, _pad_bits, _payload, _sign
from tests.tools import need
from xmgl.gitaudit import auditsig as sig
from xmgl.gitaudit import openpgp
from xmgl.gitaudit.auditsig import SigVerdict
from xmgl.gitaudit.objects import Commit, Ident, ObjectReader
from xmgl.gitaudit.sshsig import parse_public_key

BOB = "bob@example.com"
NOT_SSH = "不是 SSH 签名（可能是 OpenPGP 或 X.509）"
PGP_ARMOR = "-----BEGIN PGP SIGNATURE-----\n\nwsBcBAABCAAQ\n-----END PGP SIGNATURE-----\n"
X509_ARMOR = "-----BEGIN SIGNED MESSAGE-----\n\nMIAGCSqGSIb3\n-----END SIGNED MESSAGE-----\n"


def fpr(key) -> str:
    return parse_public_key(key.line).fingerprint


@pytest.fixture(scope="module")
def lab(tmp_path_factory, keys):
    """One repository of raw commit objects, one per case, and the keys that signed them."""
    tmp = tmp_path_factory.mktemp("reference")
    repo = Repo(tmp / "repo")
    made: dict[str, str] = {}
    good = _payload(repo, WHEN)
    made["good"] = _commit(repo, good, _sign(keys["alice"], good, tmp))
    by_bob = _payload(repo, WHEN, message="鲍勃签名\n")
    made["bob"] = _commit(repo, by_bob, _sign(keys["bob"], by_bob, tmp))
    changed = _payload(repo, WHEN, message="签名后改动\n")
    made["changed"] = _commit(repo, changed, _sign(keys["alice"], good, tmp))
    zero = _payload(repo, 0)
    made["time 0"] = _commit(repo, zero, _sign(keys["alice"], zero, tmp))
    as_bob = _payload(repo, WHEN, email=BOB)
    made["alice key, bob commits"] = _commit(repo, as_bob, _sign(keys["alice"], as_bob, tmp))
    # longer than a pipe buffer, with a signature ssh-keygen refuses unread: git dies of SIGPIPE
    long = _payload(repo, WHEN, message="说明\n" * 40_000)
    made["sigpipe"] = _commit(repo, long, _pad_bits(_sign(keys["alice"], long, tmp)))
    made["unsigned"] = repo.write_commit_object(_payload(repo, WHEN, message="未签名\n"))
    made["pgp"] = _commit(repo, _payload(repo, WHEN, message="PGP\n"), PGP_ARMOR)
    made["x509"] = _commit(repo, _payload(repo, WHEN, message="X.509\n"), X509_ARMOR)
    file_ns = _payload(repo, WHEN, message="文件用途\n")
    data = tmp / "file-ns"
    data.write_bytes(file_ns)
    subprocess.run(
        ["ssh-keygen", "-q", "-Y", "sign", "-n", "file", "-f", str(keys["alice"].path), data],
        check=True,
        capture_output=True,
    )
    made["namespace file"] = _commit(repo, file_ns, Path(f"{data}.sig").read_text())
    with ObjectReader(repo.path) as r:
        commits = {case: r.commit(sha) for case, sha in made.items()}
    return repo, commits, keys, tmp


def _reference(lab, case: str, text: str) -> SigVerdict:
    repo, commits, _keys, _tmp = lab
    c = commits[case]
    return sig.reference_verdicts(repo.path, [c], sig.read_signers(text), text)[c.sha]


def _directly(lab, case: str, text: str, tmp_path: Path) -> SigVerdict:
    """ssh-keygen asked directly, as when git died before printing this commit's line."""
    _repo, commits, _keys, _ = lab
    allowed = tmp_path / "allowed"
    allowed.write_text(sig.read_signers(text).honored_text(text), encoding="utf-8")
    return sig._judge_directly(tmp_path, allowed, commits[case])


def _letter(lab, case: str, text: str, tmp_path: Path, letter: str, signer: str = "") -> SigVerdict:
    _repo, commits, _keys, _ = lab
    allowed = tmp_path / "allowed"
    allowed.write_text(text, encoding="utf-8")
    return sig._judge_letter(tmp_path, allowed, commits[case], letter, "SHA256:fromgit", signer)


# ---------------------------------------------------------------- git's letters


def test_reference_verdict_of_each_kind_of_commit(lab):
    _repo, _commits, keys, _ = lab
    alice, bob = fpr(keys["alice"]), fpr(keys["bob"])
    listed = f"{EMAIL} {keys['alice'].line}\n"
    assert _reference(lab, "good", listed) == SigVerdict(sig.GOOD, alice, (EMAIL,))
    assert _reference(lab, "bob", listed) == SigVerdict(sig.NOT_ALLOWED, bob)
    assert _reference(lab, "changed", listed) == SigVerdict(sig.BAD, reason="git：签名无效")
    assert _reference(lab, "namespace file", listed) == SigVerdict(sig.BAD, reason="git：签名无效")
    assert _reference(lab, "unsigned", listed) == SigVerdict(sig.UNSIGNED)
    # git says N for a signature gpg or gpgsm cannot read; the fast path says unsupported
    for case in ("pgp", "x509"):
        unsupported = SigVerdict(sig.UNSUPPORTED, reason=NOT_SSH)
        assert _reference(lab, case, listed) == unsupported
        assert sig.fast_verdict(lab[1][case], sig.read_signers(listed)) == unsupported


def test_reference_signer_found_by_git_is_not_the_committer(lab):
    """git names the first principal of the key; the committer is then asked for directly."""
    _repo, _commits, keys, _ = lab
    a = keys["alice"].line
    alice = fpr(keys["alice"])
    only_alice = f"{EMAIL} {a}\n"
    assert _reference(lab, "alice key, bob commits", only_alice) == SigVerdict(
        sig.NOT_COMMITTER, alice, (EMAIL,)
    )
    both = f"{EMAIL} {a}\n{BOB} {a}\n"
    assert _reference(lab, "alice key, bob commits", both) == SigVerdict(sig.GOOD, alice, (BOB,))
    # the committer's own line is outside its window at the commit's second
    late = f'{EMAIL} {a}\n{BOB} valid-after="20260301040001Z" {a}\n'
    assert _reference(lab, "alice key, bob commits", late) == SigVerdict(
        sig.NOT_COMMITTER, alice, (EMAIL,)
    )
    on_time = f'{EMAIL} {a}\n{BOB} valid-after="20260301040000Z" {a}\n'
    assert _reference(lab, "alice key, bob commits", on_time).status == sig.GOOD


def test_reference_names_the_cause_of_a_key_that_is_not_allowed(lab):
    _repo, _commits, keys, _ = lab
    a, alice = keys["alice"].line, fpr(keys["alice"])
    cases = {
        f'{EMAIL} valid-before="20260301035959Z" {a}\n': sig.KEY_EXPIRED,
        f'{EMAIL} valid-after="20260301040001Z" {a}\n': sig.KEY_NOT_YET_VALID,
        f'{EMAIL} namespaces="file" {a}\n': sig.WRONG_NAMESPACE,
    }
    for text, status in cases.items():
        assert _reference(lab, "good", text) == SigVerdict(status, alice), text
    # a wildcard line is not honoured: git is never shown it
    assert _reference(lab, "good", f"*@example.com {a}\n") == SigVerdict(sig.NOT_ALLOWED, alice)


def test_reference_of_no_commits_asks_nobody(tmp_path):
    assert sig.reference_verdicts(tmp_path / "nowhere", [], sig.read_signers(""), None) == {}


def test_reference_without_an_allowed_signers_file(lab):
    _repo, _commits, keys, _ = lab
    assert _reference(lab, "good", "") == SigVerdict(sig.NOT_ALLOWED, fpr(keys["alice"]))


def test_letters_git_gives_for_unsigned_and_unknown_results(lab, tmp_path):
    listed = f"{EMAIL} {lab[2]['alice'].line}\n"
    # N: git saw no signature, whatever the object holds
    assert _letter(lab, "good", listed, tmp_path, "N") == SigVerdict(sig.UNSIGNED)
    assert _letter(lab, "unsigned", listed, tmp_path, "G", EMAIL) == SigVerdict(sig.UNSIGNED)
    assert _letter(lab, "pgp", listed, tmp_path, "G", EMAIL) == SigVerdict(
        sig.UNSUPPORTED, reason=NOT_SSH
    )
    # U: a good signature by a key git found no principal for; git's fingerprint is kept
    assert _letter(lab, "good", listed, tmp_path, "U") == SigVerdict(
        sig.NOT_ALLOWED, "SHA256:fromgit"
    )
    assert _letter(lab, "good", listed, tmp_path, "G", EMAIL) == SigVerdict(
        sig.GOOD, "SHA256:fromgit", (EMAIL,)
    )
    # E (cannot check) and anything else git may print: never good, and said as is
    for letter in ("E", "X", "R"):
        assert _letter(lab, "good", listed, tmp_path, letter) == SigVerdict(
            sig.UNSUPPORTED, reason=f"git 的核验结果为 {letter!r}"
        )


def test_letter_b_is_told_apart_by_check_novalidate(lab, tmp_path):
    """B: a sound signature by an unlisted key is not-allowed; a broken one is bad."""
    _repo, _commits, keys, _ = lab
    listed = f"{EMAIL} {keys['alice'].line}\n"
    assert _letter(lab, "bob", listed, tmp_path, "B") == SigVerdict(
        sig.NOT_ALLOWED, fpr(keys["bob"])
    )
    assert _letter(lab, "changed", listed, tmp_path, "B") == SigVerdict(
        sig.BAD, reason="git：签名无效"
    )


def test_git_killed_by_sigpipe_is_asked_again_for_the_rest(lab):
    """git dies on the commit ssh-keygen refuses unread: that one is judged by ssh-keygen,
    the ones after it by git again (its reasons say which of them judged)."""
    repo, commits, keys, _ = lab
    text = f"{EMAIL} {keys['alice'].line}\n"
    order = ["good", "sigpipe", "changed", "bob", "unsigned"]
    got = sig.reference_verdicts(
        repo.path, [commits[c] for c in order], sig.read_signers(text), text
    )
    assert [got[commits[c].sha] for c in order] == [
        SigVerdict(sig.GOOD, fpr(keys["alice"]), (EMAIL,)),
        SigVerdict(sig.BAD, reason="ssh-keygen：签名无效"),
        SigVerdict(sig.BAD, reason="git：签名无效"),
        SigVerdict(sig.NOT_ALLOWED, fpr(keys["bob"])),
        SigVerdict(sig.UNSIGNED),
    ]


def test_reference_reads_the_commit_not_its_replacement(lab):
    """A replace ref shows another commit under the id: the reference path ignores it."""
    repo, commits, keys, _ = lab
    text = f"{EMAIL} {keys['alice'].line}\n"
    repo.git("replace", commits["good"].sha, commits["bob"].sha)
    try:
        assert _reference(lab, "good", text) == SigVerdict(sig.GOOD, fpr(keys["alice"]), (EMAIL,))
    finally:
        repo.git("replace", "-d", commits["good"].sha)


# ---------------------------------------------------------------- ssh-keygen directly


def test_directly_each_kind_of_commit(lab, tmp_path):
    _repo, _commits, keys, _ = lab
    alice, bob = fpr(keys["alice"]), fpr(keys["bob"])
    listed = f"{EMAIL} {keys['alice'].line}\n"
    assert _directly(lab, "good", listed, tmp_path) == SigVerdict(sig.GOOD, alice, (EMAIL,))
    assert _directly(lab, "bob", listed, tmp_path) == SigVerdict(sig.NOT_ALLOWED, bob)
    bad = SigVerdict(sig.BAD, reason="ssh-keygen：签名无效")
    assert _directly(lab, "changed", listed, tmp_path) == bad
    assert _directly(lab, "namespace file", listed, tmp_path) == bad
    assert _directly(lab, "unsigned", listed, tmp_path) == SigVerdict(sig.UNSIGNED)
    assert _directly(lab, "pgp", listed, tmp_path) == SigVerdict(sig.UNSUPPORTED, reason=NOT_SSH)
    # the committer is the principal asked for, not any principal of the key
    assert _directly(lab, "alice key, bob commits", listed, tmp_path) == SigVerdict(
        sig.NOT_ALLOWED, alice
    )
    both = f"{EMAIL} {keys['alice'].line}\n{BOB} {keys['alice'].line}\n"
    assert _directly(lab, "alice key, bob commits", both, tmp_path) == SigVerdict(
        sig.GOOD, alice, (BOB,)
    )


def test_ssh_keygen_says_nothing_on_the_auditors_terminal(lab, tmp_path, capfd):
    """Its words would land in ``--format json`` output: every process's output is captured."""
    _repo, _commits, keys, _ = lab
    a = keys["alice"].line
    capfd.readouterr()
    assert _directly(lab, "good", f"{EMAIL} {a}\n", tmp_path).status == sig.GOOD
    assert _directly(lab, "bob", f"{EMAIL} {a}\n", tmp_path).status == sig.NOT_ALLOWED
    both = f"{EMAIL} {a}\n{BOB} {a}\n"
    assert _reference(lab, "alice key, bob commits", both).status == sig.GOOD
    assert capfd.readouterr() == ("", "")


@pytest.mark.parametrize(
    ("window", "good"),
    [
        ('valid-after="20260301040000Z"', True),
        ('valid-after="20260301040001Z"', False),
        ('valid-before="20260301040000Z"', True),
        ('valid-before="20260301035959Z"', False),
        ('valid-after="20260301035959Z",valid-before="20260301040001Z"', True),
    ],
)
def test_directly_judges_the_window_at_the_commit_second(lab, tmp_path, window, good):
    """ssh-keygen gets the committer date as verify-time, to the second, in UTC."""
    _repo, _commits, keys, _ = lab
    text = f"{EMAIL} {window} {keys['alice'].line}\n"
    alice = fpr(keys["alice"])
    if good:
        assert _directly(lab, "good", text, tmp_path) == SigVerdict(sig.GOOD, alice, (EMAIL,))
        assert _reference(lab, "good", text) == SigVerdict(sig.GOOD, alice, (EMAIL,))
    else:  # ssh-keygen only refuses; the reference path then names the cause
        assert _directly(lab, "good", text, tmp_path) == SigVerdict(sig.NOT_ALLOWED, alice)
        assert _reference(lab, "good", text).status in (sig.KEY_EXPIRED, sig.KEY_NOT_YET_VALID)


def test_directly_a_commit_at_time_zero_is_judged_now(lab, tmp_path):
    """git passes no verify-time for a date of 0: the window is the current one."""
    _repo, _commits, keys, _ = lab
    alice = fpr(keys["alice"])
    expired = f'{EMAIL} valid-before="20200101Z" {keys["alice"].line}\n'
    assert _directly(lab, "time 0", expired, tmp_path) == SigVerdict(sig.NOT_ALLOWED, alice)
    assert _reference(lab, "time 0", expired) == SigVerdict(sig.KEY_EXPIRED, alice)
    opened = f'{EMAIL} valid-after="20200101Z" {keys["alice"].line}\n'
    assert _directly(lab, "time 0", opened, tmp_path) == SigVerdict(sig.GOOD, alice, (EMAIL,))


def test_time_is_the_committer_second_in_utc(lab, monkeypatch):
    """Whatever the auditor's time zone: ssh-keygen reads a time with Z as UTC."""
    _repo, commits, _keys, _ = lab
    try:
        for tz in ("UTC", "Asia/Shanghai", "America/Los_Angeles"):
            monkeypatch.setenv("TZ", tz)
            time.tzset()
            assert sig._time(commits["good"]) == "20260301040000Z", tz
    finally:
        monkeypatch.undo()
        time.tzset()


def test_default_key_path(monkeypatch, tmp_path):
    """The cache's HMAC key lives in the user's cache folder, never in the repository."""
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    assert sig.default_key_path() == tmp_path / "cache" / "xmgl" / "audit-cache.key"
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    for unset in (True, False):
        if unset:
            monkeypatch.delenv("XDG_CACHE_HOME")
        else:
            monkeypatch.setenv("XDG_CACHE_HOME", "")
        assert sig.default_key_path() == tmp_path / "home" / ".cache" / "xmgl" / "audit-cache.key"


# ---------------------------------------------------------------- OpenPGP


@pytest.fixture(scope="module")
def pgp(tmp_path_factory):
    """Throw-away gpg keys (a private GNUPGHOME) and a commit signed by each."""
    need("gpg")
    home = tmp_path_factory.mktemp("gnupg")
    home.chmod(0o700)
    old = os.environ.get("GNUPGHOME")
    os.environ["GNUPGHOME"] = str(home)
    base = ["gpg", "--batch", "--pinentry-mode", "loopback", "--passphrase", ""]
    try:
        fprs = {}
        for who in ("liu", "zhang", "gone"):
            uid = f"{who} <{who}@example.gov.cn>"
            subprocess.run(
                [*base, "--quick-gen-key", uid, "ed25519", "sign", "never"],
                check=True,
                capture_output=True,
            )
            fprs[who] = openpgp.fingerprint_of(uid)
        payload = b"tree 4b825dc642cb6eb9a060e54bf8d69288fbee4904\n\nPGP commit\n"
        (home / "payload").write_bytes(payload)
        signed = {}
        for who, f in fprs.items():
            out = home / f"{who}.asc"
            subprocess.run(
                [*base, "-u", f, "--armor", "--detach-sign", "-o", out, home / "payload"],
                check=True,
                capture_output=True,
            )
            signed[who] = out.read_text()
        public = {who: openpgp.export_public(f) for who, f in fprs.items()}
        rev = (home / "openpgp-revocs.d" / f"{fprs['gone']}.rev").read_text()
        rev = rev.replace(":-----BEGIN PGP PUBLIC", "-----BEGIN PGP PUBLIC")
        (home / "revoke.asc").write_text(rev)
        subprocess.run([*base, "--import", home / "revoke.asc"], check=True, capture_output=True)
        public["gone"] = openpgp.export_public(fprs["gone"])
        yield fprs, signed, public, payload
    finally:
        subprocess.run(["gpgconf", "--kill", "all"], capture_output=True, check=False)
        if old is None:
            os.environ.pop("GNUPGHOME", None)
        else:
            os.environ["GNUPGHOME"] = old


def _pgp_commit(signature: str, payload: bytes, email: str) -> Commit:
    who = Ident("某人", email, WHEN, "+0800")
    return Commit("c0ffee", "0" * 40, (), who, who, "PGP commit\n", signature, payload)


def test_pgp_verdict_of_each_case(pgp):
    fprs, signed, public, payload = pgp
    liu, zhang = fprs["liu"], fprs["zhang"]
    mail = "liu@example.gov.cn"
    listed = f"{mail} {liu} 刘\n"
    keys = {liu: public["liu"]}

    def verdict(who: str, text: str, keys: dict[str, bytes], email: str = mail, data=payload):
        return sig.pgp_verdict(_pgp_commit(signed[who], data, email), text, keys)

    assert verdict("liu", listed, keys) == SigVerdict(sig.GOOD, liu, (mail,))
    # every principal listed for the key, each once, in file order
    many = f"{mail} {liu}\nother@example.gov.cn {liu}\n{mail} {liu}\n*@example.gov.cn {liu}\n"
    assert verdict("liu", many, keys) == SigVerdict(sig.GOOD, liu, (mail, "other@example.gov.cn"))
    # listed for someone else only: the committer is not the signer
    assert verdict("liu", listed, keys, email="zhang@example.gov.cn") == SigVerdict(
        sig.NOT_COMMITTER, liu, (mail,)
    )
    # the key is in the keyring but no honoured line lists it
    assert verdict("liu", f"*@example.gov.cn {liu}\n", keys) == SigVerdict(sig.NOT_ALLOWED, liu)
    assert verdict("liu", f"{mail} {zhang}\n", keys) == SigVerdict(sig.NOT_ALLOWED, liu)
    # a key gpg was not given: not allowed, named by what gpg says
    assert verdict("zhang", listed, keys) == SigVerdict(sig.NOT_ALLOWED, zhang)
    # listed for the committer, but gpg was not given the key: gpg checked nothing
    zmail = "zhang@example.gov.cn"
    assert verdict("zhang", f"{zmail} {zhang}\n", keys, email=zmail) == SigVerdict(
        sig.NOT_ALLOWED, zhang
    )
    # the content changed after signing
    bad = verdict("liu", listed, keys, data=payload + b"x")
    assert bad == SigVerdict(sig.BAD, reason="gpg：签名无效（BADSIG）")


def test_pgp_verdict_of_a_revoked_key(pgp):
    fprs, signed, public, payload = pgp
    gone = fprs["gone"]
    listed = f"gone@example.gov.cn {gone}\n"
    commit = _pgp_commit(signed["gone"], payload, "gone@example.gov.cn")
    got = sig.pgp_verdict(commit, listed, {gone: public["gone"]})
    assert got.status == sig.KEY_REVOKED and got.fingerprint == gone
    assert got.principals == () and got.reason.startswith("gpg：签名密钥已被吊销")


def test_is_openpgp(lab):
    _repo, commits, _keys, _ = lab
    assert sig.is_openpgp(commits["pgp"])
    assert not sig.is_openpgp(commits["good"])
    assert not sig.is_openpgp(commits["unsigned"])


# ---------------------------------------------------------------- gpg's status lines

V = "[GNUPG:] VALIDSIG AAAA 2026-03-01 1772337600 0 4 0 22 10 00 " + "B" * 40
G = "[GNUPG:] GOODSIG 1234567890ABCDEF 刘 <liu@example.gov.cn>"


@pytest.mark.parametrize(
    ("lines", "verdict"),
    [
        ([G, V], ("good", "B" * 40, "")),
        ([V], ("bad", None, "gpg：没有有效签名")),  # VALIDSIG without GOODSIG
        ([G], ("bad", None, "gpg：没有有效签名")),
        (
            ["[GNUPG:] REVKEYSIG 1234 x", G, V],
            ("key-revoked", "B" * 40, "gpg：签名密钥已被吊销（REVKEYSIG）"),
        ),
        (
            ["[GNUPG:] KEYREVOKED", G, V],
            ("key-revoked", "B" * 40, "gpg：签名密钥已被吊销（KEYREVOKED）"),
        ),
        (
            ["[GNUPG:] EXPKEYSIG abcd x", G],
            ("key-expired", "ABCD", "gpg：签名密钥已过期（EXPKEYSIG）"),
        ),
        (
            ["[GNUPG:] KEYEXPIRED 1700000000", G, V],
            ("key-expired", "B" * 40, "gpg：签名密钥已过期（KEYEXPIRED）"),
        ),
        (
            ["[GNUPG:] EXPSIG 1234 x", G, V],
            ("signature-expired", "B" * 40, "gpg：签名本身已过期（EXPSIG）"),
        ),
        (["[GNUPG:] KEYREVOKED"], ("key-revoked", None, "gpg：签名密钥已被吊销（KEYREVOKED）")),
        (["[GNUPG:] BADSIG 1234 x"], ("bad", None, "gpg：签名无效（BADSIG）")),
        (["[GNUPG:] BADSIG"], ("bad", None, "gpg：没有有效签名")),
        (
            ["[GNUPG:] ERRSIG 1234ABCD 22 10 00 1772337600 9 " + "c" * 40],
            ("unknown-key", "C" * 40, "签名密钥不在名单中"),
        ),
        (
            ["[GNUPG:] ERRSIG 1234abcd 22 10 00 1772337600 9 -"],
            ("unknown-key", "1234ABCD", "签名密钥不在名单中"),
        ),
        (
            ["[GNUPG:] ERRSIG 1234abcd 22 10 00 1772337600 9"],
            ("unknown-key", "1234ABCD", "签名密钥不在名单中"),
        ),
        (
            ["[GNUPG:] ERRSIG 1234ABCD 22 10 00 1772337600 4"],
            ("bad", None, "gpg：无法核验（ERRSIG 1234ABCD 22 10 00 1772337600 4）"),
        ),
        (["[GNUPG:] ERRSIG"], ("bad", None, "gpg：没有有效签名")),
        (["gpg: GOODSIG", "VALIDSIG x"], ("bad", None, "gpg：没有有效签名")),  # not status lines
        (["[GNUPG:]"], ("bad", None, "gpg：没有有效签名")),
        ([], ("bad", None, "gpg：没有有效签名")),
    ],
)
def test_judge_status(lines, verdict):
    assert openpgp.judge_status("\n".join(lines)) == verdict


# ---------------------------------------------------------------- the OpenPGP signers file

F1, F2 = "A1" * 20, "b2" * 32


def test_openpgp_parse_reads_each_line_as_the_audit_does():
    text = "\n".join(
        [
            "# 注释",  # 1
            "",  # 2
            f"  liu@example.gov.cn {F1} 刘 晓梅  ",  # 3: the name keeps its inner space
            f"zhang@example.gov.cn {F2}",  # 4: 64 hex digits, lower case
            "only-one-field",  # 5
            f"x@example.gov.cn {F1[:-1]}",  # 6: 39 digits
            f"y@example.gov.cn {'G' * 40} 某",  # 7: not hex
            f"*@example.gov.cn {F1}",  # 8: a wildcard is parsed, and marked
        ]
    )
    entries, bad = openpgp.parse(text)
    assert entries == [
        openpgp.Entry(3, "liu@example.gov.cn", F1, "刘 晓梅"),
        openpgp.Entry(4, "zhang@example.gov.cn", F2.upper(), ""),
        openpgp.Entry(8, "*@example.gov.cn", F1, ""),
    ]
    assert bad == [
        (5, "only-one-field"),
        (6, f"x@example.gov.cn {F1[:-1]}"),
        (7, f"y@example.gov.cn {'G' * 40} 某"),
    ]
    assert [e.wildcard for e in entries] == [False, False, True]
    assert openpgp.parse(None) == ([], []) == openpgp.parse("")


@pytest.mark.parametrize("principal", ["a*@x.cn", "a?@x.cn", "!a@x.cn", "a@x.cn,b@x.cn"])
def test_openpgp_wildcards(principal):
    assert openpgp.Entry(1, principal, F1, "").wildcard


def test_openpgp_add_and_remove():
    first = openpgp.add("", "liu@example.gov.cn", F1, "刘晓梅")
    assert first == openpgp.HEADER + f"liu@example.gov.cn {F1} 刘晓梅\n"
    assert openpgp.add("  \n", "liu@example.gov.cn", F1) == (
        openpgp.HEADER + f"liu@example.gov.cn {F1}\n"
    )
    two = openpgp.add(first.rstrip("\n"), "zhang@example.gov.cn", F2)
    assert two == first + f"zhang@example.gov.cn {F2}\n"
    left, gone = openpgp.remove(two, "liu@example.gov.cn")
    assert left == openpgp.HEADER + f"zhang@example.gov.cn {F2}\n"
    assert [(e.line_no, e.principal) for e in gone] == [(3, "liu@example.gov.cn")]
    left, gone = openpgp.remove(two, F2.upper())  # by fingerprint
    assert left == first and [e.principal for e in gone] == ["zhang@example.gov.cn"]
    assert openpgp.remove(two, "nobody@example.gov.cn") == (two, [])
    assert openpgp.key_path(F1) == f".xmgl/openpgp/{F1}.asc"
