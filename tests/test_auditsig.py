"""xmgl.gitaudit.auditsig's verdict logic, in process: which lines are honoured, the fast
path's verdict code for each kind of signature, and the authenticated verdict cache.

Signatures are real (``ssh-keygen -Y sign`` with keys from tests/gitfixtures.py) over a
fixed payload; the commits around them are built as objects, so each verdict is one
function call. The whole audit (real repositories, git's own verdicts) is tested in
tests/test_audit*.py.
"""

from __future__ import annotations

import json
import os
import stat
from pathlib import Path

import pytest

from tests.gitfixtures import Key, run
from xmgl.gitaudit import auditsig
from xmgl.gitaudit.auditsig import SigVerdict, VerdictCache, fast_verdict, read_signers
from xmgl.gitaudit.objects import Commit, Ident
from xmgl.gitaudit.sshsig import parse_public_key

T = 1772337600  # 2026-03-01 04:00:00 UTC
ALICE = "alice@example.com"
PAYLOAD = b"tree 0000000000000000000000000000000000000000\n\nstage change\n"


def sign(key: Key, tmp_path: Path, data: bytes = PAYLOAD, namespace: str = "git") -> str:
    msg = tmp_path / f"payload-{key.path.name}-{namespace}"
    msg.write_bytes(data)
    run("ssh-keygen", "-q", "-Y", "sign", "-f", key.path, "-n", namespace, msg)
    return Path(f"{msg}.sig").read_text()


def commit(signature: str | None, email: str = ALICE, payload: bytes = PAYLOAD) -> Commit:
    who = Ident("Alice", email, T, "+0800")
    return Commit("c0ffee", "0" * 40, (), who, who, "stage change\n", signature, payload)


def fpr(key: Key) -> str:
    return parse_public_key(key.line).fingerprint


# ------------------------------------------------------------------ which lines are honoured


def test_read_signers_sorts_every_line(keys) -> None:
    a = keys["alice"].line
    text = "\n".join(
        [
            f"alice@example.com {a}",  # 1 honoured
            f"bob@example.com cert-authority {a}",  # 2 cert-authority
            f"*@example.com {a}",  # 3 wildcard
            f"!eve@example.com,alice@example.com {a}",  # 4 negation
            f'alice@example.com valid-after="20260101" {a}',  # 5 no Z: local time
            "not a key",  # 6 invalid
            f'alice@example.com valid-after="20260101Z" {a}',  # 7 honoured (UTC)
        ]
    )
    got = read_signers(text)
    assert [s.lineno for s in got.honored] == [1, 7]
    assert got.rejected == (
        (2, "bob@example.com", "cert-authority"),
        (3, "*@example.com", "wildcard"),
        (4, "!eve@example.com,alice@example.com", "wildcard"),
        (5, "alice@example.com", "local-time"),
    )
    assert [(n, line) for n, line, _ in got.invalid] == [(6, "not a key")]
    assert got.invalid[0][2]  # the parser's reason
    assert got.honored_text(text) == f"alice@example.com {a}\n" + text.split("\n")[6] + "\n"
    assert got.fingerprints() == [
        ("alice@example.com", fpr(keys["alice"]), ""),
        ("alice@example.com", fpr(keys["alice"]), ""),
    ]


@pytest.mark.parametrize("text", [None, ""])
def test_read_signers_of_no_file(text) -> None:
    assert read_signers(text) == auditsig.SignersFile((), (), ())


def test_read_signers_without_errors_has_no_invalid_lines(keys) -> None:
    got = read_signers(f"alice@example.com {keys['alice'].line}\n")
    assert (len(got.honored), got.rejected, got.invalid) == (1, (), ())


# ------------------------------------------------------------------ the fast path's verdicts


@pytest.fixture
def listed(keys) -> auditsig.SignersFile:
    return read_signers(f"alice@example.com {keys['alice'].line}\n")


def test_fast_verdict_good(keys, tmp_path, listed) -> None:
    verdict = fast_verdict(commit(sign(keys["alice"], tmp_path)), listed)
    assert verdict == SigVerdict("good", fpr(keys["alice"]), (ALICE,))


def test_fast_verdict_unsigned_and_not_ssh(listed) -> None:
    assert fast_verdict(commit(None), listed) == SigVerdict("unsigned")
    pgp = "-----BEGIN PGP SIGNATURE-----\n\nabc\n-----END PGP SIGNATURE-----\n"
    assert fast_verdict(commit(pgp), listed) == SigVerdict(
        "unsupported", reason="不是 SSH 签名（可能是 OpenPGP 或 X.509）"
    )


def test_fast_verdict_bad_signature(keys, tmp_path, listed) -> None:
    # the payload changed after signing, or the signature was made for another namespace
    changed = fast_verdict(commit(sign(keys["alice"], tmp_path), payload=PAYLOAD + b"x"), listed)
    assert (changed.status, changed.fingerprint, changed.principals) == ("bad", None, ())
    assert changed.reason
    other = fast_verdict(commit(sign(keys["alice"], tmp_path, namespace="file")), listed)
    assert other.status == "bad" and "namespace" in other.reason


def test_fast_verdict_passes_the_committer_and_date_to_the_policy(keys, tmp_path) -> None:
    signature = sign(keys["alice"], tmp_path)
    a = keys["alice"].line
    assert fast_verdict(commit(signature, "bob@example.com"), read_signers(f"{ALICE} {a}\n")) == (
        SigVerdict("not-committer", fpr(keys["alice"]), (ALICE,))
    )
    later = read_signers(f'{ALICE} valid-after="20260301040001Z" {a}\n')  # T + 1 s
    assert fast_verdict(commit(signature), later).status == "key-not-yet-valid"
    on_time = read_signers(f'{ALICE} valid-after="20260301040000Z" {a}\n')  # T
    assert fast_verdict(commit(signature), on_time).status == "good"
    assert fast_verdict(commit(signature), read_signers("")) == SigVerdict(
        "not-allowed", fpr(keys["alice"])
    )


def test_verdict_list_round_trip() -> None:
    v = SigVerdict("not-committer", "SHA256:x", ("a@example.com", "b@example.com"), "why")
    assert v.to_list() == ["not-committer", "SHA256:x", ["a@example.com", "b@example.com"], "why"]
    assert SigVerdict.from_list(v.to_list()) == v


# ------------------------------------------------------------------ the verdict cache

GOOD = SigVerdict("good", "SHA256:k", (ALICE,))


def test_cache_round_trip_and_hits(tmp_path) -> None:
    path, key = tmp_path / "cache.json", tmp_path / "k" / "audit-cache.key"
    cache = VerdictCache(path, key)
    assert stat.S_IMODE(key.stat().st_mode) == 0o600 and len(key.read_bytes()) == 32
    cache.put("c1", "b1", GOOD)
    cache.put("c2", None, SigVerdict("unsigned"))
    cache.save()
    again = VerdictCache(path, key)
    assert (again.get("c1", "b1"), again.get("c2", None), again.hits) == (
        GOOD,
        SigVerdict("unsigned"),
        2,
    )
    assert again.get("c1", "b2") is None and again.get("c1", None) is None
    assert again.hits == 2  # misses are not hits
    raw = json.loads(path.read_text())
    assert raw["policy"] == auditsig.POLICY_VERSION
    assert sorted(raw["entries"]) == ["c1:b1", "c2:None"]


def test_cache_without_new_entries_is_not_written(tmp_path) -> None:
    path = tmp_path / "cache.json"
    VerdictCache(path, tmp_path / "key").save()
    assert not path.exists()


def test_cache_entries_are_believed_only_with_this_machines_key(tmp_path) -> None:
    path, key = tmp_path / "cache.json", tmp_path / "key"
    cache = VerdictCache(path, key)
    cache.put("c1", "b1", SigVerdict("not-allowed", "SHA256:k"))
    cache.save()
    raw = json.loads(path.read_text())
    # an edited verdict keeps its old MAC: not believed
    raw["entries"]["c1:b1"][0] = GOOD.to_list()
    path.write_text(json.dumps(raw))
    assert VerdictCache(path, key).get("c1", "b1") is None
    # the same file read with another key: not believed
    cache.save()
    assert VerdictCache(path, tmp_path / "other-key").get("c1", "b1") is None
    # another policy version: nothing is read
    raw = json.loads(path.read_text())
    raw["policy"] = "xmgl-audit-1"
    path.write_text(json.dumps(raw))
    assert VerdictCache(path, key).entries == {}


@pytest.mark.parametrize(
    "text", ["", "[]", '{"policy": "P"}', "{", '{"policy": "P", "entries": {"k": [1]}}']
)
def test_a_broken_cache_file_is_ignored(tmp_path, text) -> None:
    path = tmp_path / "cache.json"
    path.write_text(text.replace("P", auditsig.POLICY_VERSION))
    assert VerdictCache(path, tmp_path / "key").entries == {}


def test_cache_key_is_reused(tmp_path) -> None:
    key = tmp_path / "key"
    first = VerdictCache(tmp_path / "c.json", key).key
    assert len(first) == 32
    assert VerdictCache(tmp_path / "c.json", key).key == first
    key.write_bytes(b"k" * 40)  # a longer key file is a key
    assert VerdictCache(tmp_path / "c.json", key).key == b"k" * 40


@pytest.mark.parametrize("short", [b"", b"k" * 31])
def test_a_short_key_file_is_replaced_not_trusted(tmp_path, short) -> None:
    """A key file cut short (disk full, a crash after creating it) is no secret.

    With an empty key anyone can compute the MACs: a cache shipped in a repository
    would be believed. Such a file is replaced by a full new key, kept for next time.
    """
    key, path = tmp_path / "key", tmp_path / "c.json"
    key.write_bytes(short)
    forged = VerdictCache(path, tmp_path / "attacker-key")
    forged.key = short
    forged.put("c1", "b1", GOOD)
    forged.save()
    cache = VerdictCache(path, key)
    assert cache.get("c1", "b1") is None
    assert len(cache.key) == 32 and key.read_bytes() == cache.key
    assert stat.S_IMODE(key.stat().st_mode) == 0o600
    assert VerdictCache(path, key).key == cache.key
    assert sorted(p.name for p in tmp_path.iterdir()) == ["attacker-key", "c.json", "key"]


def test_a_short_key_file_that_cannot_be_replaced_is_not_used(tmp_path) -> None:
    key = tmp_path / "key"
    key.write_bytes(b"")
    (tmp_path / f".key.{os.getpid()}").mkdir()  # the new key cannot be written there
    cache = VerdictCache(tmp_path / "c.json", key)
    assert len(cache.key) == 32  # this run's own key
    assert key.read_bytes() == b""
    assert (tmp_path / f".key.{os.getpid()}").is_dir()


def test_cache_save_makes_its_folder_and_keeps_chinese_reasons(tmp_path) -> None:
    path = tmp_path / "git" / "xmgl" / "audit-cache.json"
    cache = VerdictCache(path, tmp_path / "key")
    bad = SigVerdict("bad", None, (), "签名无效：namespace 不是 git")
    cache.put("c1", None, bad)
    cache.save()
    assert path.read_bytes().isascii()
    assert VerdictCache(path, tmp_path / "key").get("c1", None) == bad


def test_a_key_of_exactly_32_bytes_is_kept(tmp_path) -> None:
    key = tmp_path / "key"
    key.write_bytes(b"k" * 32)
    assert VerdictCache(tmp_path / "c.json", key).key == b"k" * 32
    assert key.read_bytes() == b"k" * 32


def test_the_key_folder_is_made_private(tmp_path) -> None:
    key = tmp_path / "cache" / "xmgl" / "audit-cache.key"
    cache = VerdictCache(tmp_path / "c.json", key)
    assert key.read_bytes() == cache.key
    assert stat.S_IMODE(key.parent.stat().st_mode) == 0o700


def test_a_key_made_by_another_run_meanwhile_is_used(tmp_path) -> None:
    """Two audits start at once: the one that loses the O_EXCL race uses the winner's key."""
    key = tmp_path / "key"

    class Late(VerdictCache):
        looked = 0

        def _stored_key(self):
            Late.looked += 1
            if Late.looked == 1:  # the other run writes its key just after our first look
                key.write_bytes(b"w" * 32)
                return None
            return super()._stored_key()

    assert Late(tmp_path / "c.json", key).key == b"w" * 32
    assert key.read_bytes() == b"w" * 32


def test_one_broken_cache_entry_does_not_hide_the_others(tmp_path) -> None:
    path, key = tmp_path / "cache.json", tmp_path / "key"
    cache = VerdictCache(path, key)
    cache.put("c2", "b", GOOD)
    cache.save()
    raw = json.loads(path.read_text())
    raw["entries"] = {"c1:b": ["not", "a", "pair"], **raw["entries"]}
    path.write_text(json.dumps(raw))
    assert list(json.loads(path.read_text())["entries"]) == ["c1:b", "c2:b"]
    assert VerdictCache(path, key).entries == {"c2:b": GOOD}


def test_fast_verdict_unsupported_algorithm(tmp_path, listed) -> None:
    """A well-formed signature with an algorithm ssh-keygen has dropped (ssh-dss)."""
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

    from tests.test_sshsig import armor, build_sshsig, ed25519_sshsig, s

    priv = Ed25519PrivateKey.from_private_bytes(bytes(range(32)))
    key_blob, sig_blob = ed25519_sshsig(priv, PAYLOAD)
    dss = armor(build_sshsig(s(b"ssh-dss") + key_blob[15:], sig_blob))
    verdict = fast_verdict(commit(dss), listed)
    assert (verdict.status, verdict.fingerprint, verdict.principals) == ("unsupported", None, ())
    assert "ssh-dss" in verdict.reason


def test_default_key_path_follows_xdg(monkeypatch, tmp_path) -> None:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    assert auditsig.default_key_path() == tmp_path / "xmgl" / "audit-cache.key"
    monkeypatch.delenv("XDG_CACHE_HOME")
    assert auditsig.default_key_path() == Path.home() / ".cache" / "xmgl" / "audit-cache.key"


def test_policy_version_names_the_rules_of_a_verdict() -> None:
    from xmgl import __version__

    expected = f"xmgl-audit-2/{__version__}/time:committer,zero-now,utc-only/lines:first"
    assert expected == auditsig.POLICY_VERSION
    assert os.sep not in auditsig.POLICY_VERSION.split("/")[1]
