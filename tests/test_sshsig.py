"""In-process SSH signature checks against the reference: git + ssh-keygen.

Everything here uses real keys (ssh-keygen) and real repositories (git commit -S);
signatures the reference cannot make (FIDO keys) are built in-process and the
reference is asked to verify them.
"""

from __future__ import annotations

import base64
import datetime as dt
import hashlib
import os
import struct
import subprocess
import time
from pathlib import Path

import pytest
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec, padding
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from cryptography.hazmat.primitives.asymmetric.utils import decode_dss_signature

from tests.gitfixtures import Key, Repo, run
from tests.sshsig_oracle import find_principals, git_verdict, verify_commit
from xmgl.gitaudit.objects import ObjectReader, rev_list
from xmgl.gitaudit.sshsig import (
    AllowedSignersError,
    BadSignatureError,
    KeyFormatError,
    NamespaceMismatchError,
    PublicKey,
    SignatureFormatError,
    SshSigError,
    UnsupportedAlgorithmError,
    is_allowed_signer,
    load_public_key,
    match_pattern_list,
    parse_allowed_signers,
    parse_public_key,
    parse_timestamp,
    verify_sshsig,
)

# 2026-03-01 12:00:00 +0800 == 2026-03-01 04:00:00 UTC
COMMIT_DATE = "2026-03-01T12:00:00+08:00"
COMMIT_TIME = 1772337600


def utc(*args: int) -> dt.datetime:
    return dt.datetime(*args, tzinfo=dt.UTC)


def sign_file(key: Key, data: bytes, tmp_path: Path, namespace: str = "git") -> str:
    """A detached signature made by ``ssh-keygen -Y sign``."""
    msg = tmp_path / f"msg-{key.path.name}-{namespace}"
    msg.write_bytes(data)
    run("ssh-keygen", "-q", "-Y", "sign", "-f", key.path, "-n", namespace, msg)
    return Path(f"{msg}.sig").read_text()


def ssh_keygen_ok(*args: str | Path, data: bytes) -> bool:
    proc = subprocess.run(
        ["ssh-keygen", *map(str, args)], input=data, capture_output=True, check=False
    )
    return proc.returncode == 0


# ---------------------------------------------------------------------------
# Keys and fingerprints


@pytest.mark.parametrize("name", ["alice", "carol", "erin", "frank", "dave"])
def test_fingerprint_matches_ssh_keygen_lf(keys: dict[str, Key], name: str) -> None:
    key = load_public_key(keys[name].pub)
    bits, fpr, *_ = run("ssh-keygen", "-lf", keys[name].pub).split()
    assert key.fingerprint == fpr
    assert key.bits == int(bits)
    assert key.comment == f"{name}@example.com"
    assert key.openssh() == keys[name].line


def test_parse_public_key_rejects_garbage(keys: dict[str, Key]) -> None:
    line = keys["alice"].line
    key_type, b64 = line.split()
    for bad in ["", "ssh-ed25519", f"ssh-rsa {b64}", f"ssh-ed25519 {b64[:-4]}", f"nope {b64}"]:
        with pytest.raises(KeyFormatError):
            parse_public_key(bad)
    assert parse_public_key(f"  {line}   a comment  ").comment == "a comment"


# ---------------------------------------------------------------------------
# Agreement with git on real commits


def allowed_file(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "allowed_signers"
    path.write_text(text)
    return path


def test_verdicts_agree_with_git_log(keys: dict[str, Key], make_repo, tmp_path: Path) -> None:
    repo: Repo = make_repo()
    good = repo.commit("good ed25519", keys["alice"])
    unsigned = repo.commit("unsigned")
    unknown = repo.commit("signed by a key nobody allowed", keys["mallory"])
    ecdsa256 = repo.commit("good ecdsa p256", keys["carol"])
    ecdsa384 = repo.commit("good ecdsa p384", keys["erin"])
    ecdsa521 = repo.commit("good ecdsa p521", keys["frank"])
    rsa = repo.commit("good rsa", keys["dave"])
    raw = repo.git("cat-file", "commit", good).encode()
    assert b"\ngpgsig -----BEGIN SSH SIGNATURE-----\n" in raw
    tampered = repo.write_commit_object(raw.replace(b"good ed25519", b"g00d ed25519"))
    allowed_text = "".join(
        f"{name}@example.com {keys[name].line}\n"
        for name in ("alice", "carol", "erin", "frank", "dave")
    )
    path = allowed_file(tmp_path, allowed_text)
    shas = [good, unsigned, unknown, ecdsa256, ecdsa384, ecdsa521, rsa, tampered]
    reference = repo.statuses(path, *shas)
    allowed = parse_allowed_signers(allowed_text)
    with ObjectReader(repo.path) as reader:
        ours = {c.sha: verify_commit(c, allowed) for c in reader.commits(shas)}
    for sha in shas:
        v = ours[sha]
        assert (v.status, v.fingerprint or "", v.signer or "") == reference[sha], sha
    assert [reference[s][0] for s in shas] == ["G", "N", "U", "G", "G", "G", "G", "B"]


def test_tampered_commit_fails_in_process(keys: dict[str, Key], make_repo) -> None:
    repo: Repo = make_repo()
    good = repo.commit("stage: 立项 -> 审批", keys["alice"])
    raw = repo.git("cat-file", "commit", good).encode()
    tampered = repo.write_commit_object(raw.replace("审批".encode(), "验收".encode()))
    with ObjectReader(repo.path) as reader:
        ok = reader.commit(good)
        bad = reader.commit(tampered)
    assert bad.signature == ok.signature
    assert verify_sshsig(ok.signature, ok.signed_payload).public_key == load_public_key(
        keys["alice"].pub
    )
    with pytest.raises(BadSignatureError):
        verify_sshsig(bad.signature, bad.signed_payload)


def test_signed_payload_is_what_ssh_keygen_verifies(
    keys: dict[str, Key], make_repo, tmp_path: Path
) -> None:
    repo: Repo = make_repo()
    sha = repo.commit("first\n\nbody line\n\nTrailer: x", keys["alice"], files={"a.txt": "a\n"})
    with ObjectReader(repo.path) as reader:
        commit = reader.commit(sha)
    sig = tmp_path / "sig"
    sig.write_text(commit.signature)
    path = allowed_file(tmp_path, f"alice@example.com {keys['alice'].line}\n")
    args = ("-Y", "verify", "-f", path, "-I", "alice@example.com", "-n", "git", "-s", sig)
    assert ssh_keygen_ok(*args, data=commit.signed_payload)
    assert not ssh_keygen_ok(*args, data=commit.raw)


def test_sha256_repository_uses_gpgsig_sha256(
    keys: dict[str, Key], make_repo, tmp_path: Path
) -> None:
    repo: Repo = make_repo("sha256")
    sha = repo.commit("in a sha256 repo", keys["alice"])
    assert len(sha) == 64
    raw = repo.git("cat-file", "commit", sha).encode()
    assert b"\ngpgsig-sha256 -----BEGIN SSH SIGNATURE-----" in raw
    text = f"alice@example.com {keys['alice'].line}\n"
    reference = repo.statuses(allowed_file(tmp_path, text), sha)
    with ObjectReader(repo.path) as reader:
        assert reader.object_format == "sha256"
        commit = reader.commit(sha)
    assert commit.signature is not None
    verdict = verify_commit(commit, parse_allowed_signers(text))
    assert (verdict.status, verdict.fingerprint, verdict.signer) == reference[sha]
    assert verdict.status == "G"


def test_other_signature_header_is_left_out_of_the_payload(
    keys: dict[str, Key], make_repo, tmp_path: Path
) -> None:
    """A SHA-1 repo commit that also carries a ``gpgsig-sha256`` header (dual-signed)."""
    repo: Repo = make_repo()
    sha = repo.commit("dual", keys["alice"])
    raw = repo.git("cat-file", "commit", sha).encode()
    extra = (
        b"gpgsig-sha256 -----BEGIN SSH SIGNATURE-----\n not-checked\n -----END SSH SIGNATURE-----\n"
    )
    dual_raw = raw.replace(b"\ngpgsig ", b"\n" + extra + b"gpgsig ", 1)
    dual = repo.write_commit_object(dual_raw)
    text = f"alice@example.com {keys['alice'].line}\n"
    reference = repo.statuses(allowed_file(tmp_path, text), dual)
    with ObjectReader(repo.path) as reader:
        commit = reader.commit(dual)
        original = reader.commit(sha)
    assert commit.signed_payload == original.signed_payload
    assert [name for name, _ in commit.other_signatures] == ["gpgsig-sha256"]
    assert verify_commit(commit, parse_allowed_signers(text)).status == reference[dual][0] == "G"


# ---------------------------------------------------------------------------
# verify_sshsig on detached signatures


def test_namespace_is_enforced(keys: dict[str, Key], tmp_path: Path) -> None:
    data = b"report.docx contents"
    armored = sign_file(keys["alice"], data, tmp_path, namespace="file")
    with pytest.raises(NamespaceMismatchError):
        verify_sshsig(armored, data, namespace="git")
    assert verify_sshsig(armored, data, namespace="file").namespace == "file"


@pytest.mark.parametrize("name", ["alice", "carol", "erin", "frank", "dave"])
def test_detached_signatures_verify_and_reject_other_data(
    keys: dict[str, Key], tmp_path: Path, name: str
) -> None:
    data = b"payload\n" * 100
    armored = sign_file(keys[name], data, tmp_path)
    result = verify_sshsig(armored, data)
    assert result.public_key == load_public_key(keys[name].pub)
    assert result.hash_algorithm == "sha512"
    with pytest.raises(BadSignatureError):
        verify_sshsig(armored, data + b"x")


def test_signature_by_one_key_claiming_another(keys: dict[str, Key], tmp_path: Path) -> None:
    """Swap the embedded public key: the signature must not verify for Bob."""
    data = b"x"
    armored = sign_file(keys["alice"], data, tmp_path)
    blob = sshsig_blob(armored)
    alice_blob = load_public_key(keys["alice"].pub).blob
    bob_blob = load_public_key(keys["bob"].pub).blob
    forged = armor(blob.replace(alice_blob, bob_blob))
    with pytest.raises(BadSignatureError):
        verify_sshsig(forged, data)
    assert not check_novalidate(tmp_path, forged, data)


# helpers to build SSHSIG blobs by hand


def s(data: bytes) -> bytes:
    return struct.pack(">I", len(data)) + data


def armor(blob: bytes) -> str:
    b64 = base64.b64encode(blob).decode()
    lines = [b64[i : i + 70] for i in range(0, len(b64), 70)]
    return "-----BEGIN SSH SIGNATURE-----\n" + "\n".join(lines) + "\n-----END SSH SIGNATURE-----\n"


def sshsig_blob(armored: str) -> bytes:
    body = armored.split("-----")[2]
    return base64.b64decode("".join(body.split()))


def build_sshsig(
    key_blob: bytes,
    sig_blob: bytes,
    *,
    namespace: bytes = b"git",
    hash_alg: bytes = b"sha512",
    version: int = 1,
) -> bytes:
    return (
        b"SSHSIG"
        + struct.pack(">I", version)
        + s(key_blob)
        + s(namespace)
        + s(b"")
        + s(hash_alg)
        + s(sig_blob)
    )


def to_sign(data: bytes, namespace: bytes = b"git", hash_alg: bytes = b"sha512") -> bytes:
    digest = hashlib.new(hash_alg.decode(), data).digest()
    return b"SSHSIG" + s(namespace) + s(b"") + s(hash_alg) + s(digest)


def check_novalidate(tmp_path: Path, armored: str, data: bytes, namespace: str = "git") -> bool:
    sig = tmp_path / "crafted.sig"
    sig.write_text(armored)
    return ssh_keygen_ok("-Y", "check-novalidate", "-n", namespace, "-s", sig, data=data)


def ed25519_sshsig(priv: Ed25519PrivateKey, data: bytes, **kw: object) -> tuple[bytes, bytes]:
    pk = priv.public_key().public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)
    key_blob = s(b"ssh-ed25519") + s(pk)
    sig_blob = s(b"ssh-ed25519") + s(priv.sign(to_sign(data)))
    return key_blob, sig_blob


def test_in_process_blob_builder_matches_reference(tmp_path: Path) -> None:
    priv = Ed25519PrivateKey.generate()
    key_blob, sig_blob = ed25519_sshsig(priv, b"data")
    armored = armor(build_sshsig(key_blob, sig_blob))
    assert check_novalidate(tmp_path, armored, b"data")
    assert verify_sshsig(armored, b"data").public_key.blob == key_blob


@pytest.mark.parametrize(
    ("mutate", "error"),
    [
        (lambda k, sg: build_sshsig(k, sg, hash_alg=b"sha1"), UnsupportedAlgorithmError),
        (lambda k, sg: build_sshsig(k, sg, version=2), UnsupportedAlgorithmError),
        (lambda k, sg: build_sshsig(s(b"ssh-dss") + k[15:], sg), UnsupportedAlgorithmError),
        (lambda k, sg: build_sshsig(s(b"ssh-foo") + k[15:], sg), UnsupportedAlgorithmError),
        (lambda k, sg: build_sshsig(k, sg) + b"\0", SignatureFormatError),
        (lambda k, sg: build_sshsig(k, sg)[:-5], SignatureFormatError),
        (lambda k, sg: b"SSHSIX" + build_sshsig(k, sg)[6:], SignatureFormatError),
        (lambda k, sg: build_sshsig(k[:-1], sg), SignatureFormatError),
        (lambda k, sg: build_sshsig(k, sg[:-1]), SignatureFormatError),
        (lambda k, sg: build_sshsig(k, s(b"ssh-rsa") + sg[15:]), BadSignatureError),
    ],
    ids=[
        "sha1-hash",
        "version-2",
        "dss-key",
        "unknown-key",
        "trailing-data",
        "truncated",
        "bad-magic",
        "short-key",
        "short-sig",
        "sig-type-mismatch",
    ],
)
def test_malformed_or_unsupported_signatures(mutate, error, tmp_path: Path) -> None:
    priv = Ed25519PrivateKey.generate()
    key_blob, sig_blob = ed25519_sshsig(priv, b"data")
    armored = armor(mutate(key_blob, sig_blob))
    with pytest.raises(error):
        verify_sshsig(armored, b"data")
    assert not check_novalidate(tmp_path, armored, b"data")  # the reference refuses too


@pytest.mark.parametrize(
    "garbage",
    [
        "",
        "hello",
        "-----BEGIN SSH SIGNATURE-----\n",
        "-----BEGIN SSH SIGNATURE-----\n!!!!\n-----END SSH SIGNATURE-----\n",
        "-----BEGIN SSH SIGNATURE-----\nAAAA\n-----END SSH SIGNATURE-----\n",
        "-----BEGIN PGP SIGNATURE-----\n\nwsBcBAABCAAQ\n-----END PGP SIGNATURE-----\n",
        b"\xff\xfe-----BEGIN SSH SIGNATURE-----",
    ],
)
def test_garbage_armor_raises_typed_error(garbage: str | bytes) -> None:
    with pytest.raises(SshSigError):
        verify_sshsig(garbage, b"data")


def test_rsa_sha1_signature_is_refused(keys: dict[str, Key], tmp_path: Path) -> None:
    priv = serialization.load_ssh_private_key(keys["dave"].path.read_bytes(), None)
    key_blob = load_public_key(keys["dave"].pub).blob
    sig = priv.sign(to_sign(b"data"), padding.PKCS1v15(), hashes.SHA1())
    armored = armor(build_sshsig(key_blob, s(b"ssh-rsa") + s(sig)))
    with pytest.raises(UnsupportedAlgorithmError):
        verify_sshsig(armored, b"data")
    assert not check_novalidate(tmp_path, armored, b"data")


# FIDO (sk-) keys: built in-process, checked by ssh-keygen, which needs no token
# to verify.


def mpint(value: int) -> bytes:
    return s(value.to_bytes((value.bit_length() + 8) // 8, "big"))


def _sk_parts(key_type: bytes, data: bytes, flags: int, counter: int):
    app = b"ssh:"
    tail = bytes([flags]) + struct.pack(">I", counter)
    signed = hashlib.sha256(app).digest() + tail + hashlib.sha256(to_sign(data)).digest()
    if key_type == b"sk-ssh-ed25519@openssh.com":
        priv = Ed25519PrivateKey.generate()
        pk = priv.public_key().public_bytes(
            serialization.Encoding.Raw, serialization.PublicFormat.Raw
        )
        key_blob = s(key_type) + s(pk) + s(app)
        sig_blob = s(key_type) + s(priv.sign(signed)) + tail
    else:
        priv_ec = ec.generate_private_key(ec.SECP256R1())
        point = priv_ec.public_key().public_bytes(
            serialization.Encoding.X962, serialization.PublicFormat.UncompressedPoint
        )
        key_blob = s(key_type) + s(b"nistp256") + s(point) + s(app)
        r, s_ = decode_dss_signature(priv_ec.sign(signed, ec.ECDSA(hashes.SHA256())))
        sig_blob = s(key_type) + s(mpint(r) + mpint(s_)) + tail
    return key_blob, sig_blob


@pytest.mark.parametrize(
    "key_type", [b"sk-ssh-ed25519@openssh.com", b"sk-ecdsa-sha2-nistp256@openssh.com"]
)
def test_fido_signatures_agree_with_ssh_keygen(key_type: bytes, tmp_path: Path) -> None:
    key_blob, sig_blob = _sk_parts(key_type, b"data", flags=0x01, counter=42)
    armored = armor(build_sshsig(key_blob, sig_blob))
    assert check_novalidate(tmp_path, armored, b"data")
    result = verify_sshsig(armored, b"data")
    assert (result.sk_flags, result.sk_counter) == (1, 42)
    assert result.public_key.application == "ssh:"
    pub = tmp_path / "sk.pub"
    pub.write_text(f"{key_type.decode()} {base64.b64encode(key_blob).decode()} token\n")
    assert load_public_key(pub).fingerprint == run("ssh-keygen", "-lf", pub).split()[1]
    with pytest.raises(BadSignatureError):
        verify_sshsig(armored, b"datA")
    assert not check_novalidate(tmp_path, armored, b"datA")


# ---------------------------------------------------------------------------
# allowed_signers


def test_parse_allowed_signers_fields(keys: dict[str, Key]) -> None:
    a, c = keys["alice"].line, keys["carol"].line
    text = "\n".join(
        [
            "# 数据局 signers",
            "",
            f"alice@example.com,bob@example.com {a} alice's laptop",
            f"*@dsq.gov.cn,!intern@dsq.gov.cn {c}",
            f'"Zhang San@dsq.gov.cn" namespaces="git,file" {a}',
            f'ops@example.com Cert-Authority,valid-after="20260101Z" {c}',
            f'temp@example.com valid-after="202601010800Z",valid-before="20261231235959UTC" {a}',
            "   \t# indented comment",
            f'esc@example.com namespaces="g\\"it" {a}',
        ]
    )
    signers = parse_allowed_signers(text)
    assert [s.lineno for s in signers] == [3, 4, 5, 6, 7, 9]
    first, wild, quoted, ca, temp, esc = signers
    assert [p.pattern for p in first.principals] == ["alice@example.com", "bob@example.com"]
    assert first.key == load_public_key(keys["alice"].pub)
    assert not first.wildcard and not first.cert_authority and first.namespaces is None
    assert wild.wildcard and wild.principals[0].wildcard
    assert wild.principals[1].negated and wild.principals[1].pattern == "intern@dsq.gov.cn"
    assert quoted.principals_field == "Zhang San@dsq.gov.cn"
    assert quoted.namespace_list == ("git", "file")
    assert ca.cert_authority and ca.valid_after_utc == utc(2026, 1, 1)
    assert temp.valid_after == int(utc(2026, 1, 1, 8).timestamp())
    assert temp.valid_before_utc == utc(2026, 12, 31, 23, 59, 59)
    assert not temp.local_time
    assert esc.namespaces == 'g"it'


def test_malformed_lines_are_reported_with_line_numbers(keys: dict[str, Key]) -> None:
    a = keys["alice"].line
    text = "\n".join(
        [
            f"alice@example.com {a}",  # 1 fine
            "garbage",  # 2 missing key
            f"bob@example.com valid-after=20260101Z {a}",  # 3 unquoted value
            f"carol@example.com frobnicate {a}",  # 4 unknown option
            f'"unterminated@example.com {a}',  # 5 unmatched quote
            f"dave@example.com {a[:-8]}",  # 6 truncated key
            f'erin@example.com valid-after="20261301Z" {a}',  # 7 month 13
            f'frank@example.com valid-after="20270101Z",valid-before="20260101Z" {a}',  # 8
            "\x00\x01\x02 binary \xff junk",  # 9
            f"grace@example.com ssh-rsa {a.split()[1]}",  # 10 type mismatch
            f'heidi@example.com namespaces="git",namespaces="file" {a}',  # 11
            "ivan@example.com",  # 12
        ]
    )
    with pytest.raises(AllowedSignersError) as info:
        parse_allowed_signers(text, source="dossier/allowed_signers")
    err = info.value
    assert isinstance(err, ValueError)
    assert err.lineno == 2
    assert [e.lineno for e in err.errors] == list(range(2, 13))
    assert "dossier/allowed_signers:3: bad options: missing start quote" in str(err)
    assert "dossier/allowed_signers:4: bad options: unknown key option" in str(err)
    assert 'dossier/allowed_signers:8: bad options: "valid-before" time is before' in str(err)
    lenient = parse_allowed_signers(text, strict=False)
    assert [s.lineno for s in lenient] == [1]


def test_parse_timestamp_formats() -> None:
    assert parse_timestamp("20260301Z") == (int(utc(2026, 3, 1).timestamp()), True)
    assert parse_timestamp("202603010405z")[0] == int(utc(2026, 3, 1, 4, 5).timestamp())
    assert parse_timestamp("20260301040506UTC")[0] == int(utc(2026, 3, 1, 4, 5, 6).timestamp())
    assert parse_timestamp("20260231Z")[0] == int(utc(2026, 3, 3).timestamp())  # as timegm()
    for bad in ["2026031Z", "20261301Z", "2026030124Z", "19700101Z"[:-1] + "x", "", "Z"]:
        with pytest.raises(ValueError):
            parse_timestamp(bad)
    old_tz = os.environ.get("TZ")
    os.environ["TZ"] = "Asia/Shanghai"  # no Z: local time, as ssh-keygen reads it
    time.tzset()
    try:
        assert parse_timestamp("20260301120000") == (COMMIT_TIME, False)
    finally:
        if old_tz is None:
            del os.environ["TZ"]
        else:
            os.environ["TZ"] = old_tz
        time.tzset()


def test_match_pattern_list_semantics() -> None:
    assert match_pattern_list("a@x", "a@x,b@x") == 1
    assert match_pattern_list("zz@x", "*@x") == 1
    assert match_pattern_list("a@x", "?@x") == 1
    assert match_pattern_list("ab@x", "?@x") == 0
    assert match_pattern_list("bad@x", "!bad@x,*@x") == -1
    assert match_pattern_list("a.b@x", "a[.]b@x") == 0  # no character classes in OpenSSH
    assert match_pattern_list("A@x", "a@x") == 0  # case-sensitive


def test_find_principals_windows_and_namespaces(keys: dict[str, Key]) -> None:
    a, b = keys["alice"].line, keys["bob"].line
    alice, bob = load_public_key(keys["alice"].pub), load_public_key(keys["bob"].pub)
    allowed = parse_allowed_signers(
        "\n".join(
            [
                f'alice@example.com valid-before="20260630235959Z" {a}',
                f'alice2@example.com valid-after="20260701Z" {a}',
                f'alice-files@example.com namespaces="file" {a}',
                f"*@dsq.gov.cn,!intern@dsq.gov.cn {a}",
                f"ca@example.com cert-authority {a}",
                f"bob@example.com {b}",
            ]
        )
    )
    assert find_principals(allowed, alice, "git", utc(2026, 6, 30, 23, 59, 59)) == [
        "alice@example.com",
        "*@dsq.gov.cn",
    ]
    assert find_principals(allowed, alice, "git", utc(2026, 7, 1)) == [
        "alice2@example.com",
        "*@dsq.gov.cn",
    ]
    assert "alice-files@example.com" in find_principals(allowed, alice, "file", utc(2026, 1, 1))
    assert find_principals(allowed, bob, "git", utc(2026, 1, 1)) == ["bob@example.com"]
    mallory = load_public_key(keys["mallory"].pub)
    assert find_principals(allowed, mallory, "git", utc(2026, 1, 1)) == []
    when = utc(2026, 1, 1)
    assert is_allowed_signer(allowed, alice, "wang@dsq.gov.cn", "git", when)
    assert not is_allowed_signer(allowed, alice, "intern@dsq.gov.cn", "git", when)
    assert not is_allowed_signer(allowed, alice, "alice-files@example.com", "git", when)
    assert not is_allowed_signer(allowed, bob, "alice@example.com", "git", when)
    with pytest.raises(ValueError):
        find_principals(allowed, alice, "git", dt.datetime(2026, 1, 1))  # naive


POLICY_LINES = [
    'alice@example.com valid-after="20260301040000Z" {a}',
    'alice@example.com valid-after="20260301040001Z" {a}',
    'alice@example.com valid-before="20260301040000Z" {a}',
    'alice@example.com valid-before="20260301035959Z" {a}',
    'alice@example.com valid-after="20260201Z",valid-before="20260401Z" {a}',
    'alice@example.com namespaces="file" {a}',
    'alice@example.com namespaces="git,file" {a}',
    'alice@example.com namespaces="g*" {a}',
    "alice@example.com,bob@example.com {a}",
    "!alice@example.com,*@example.com {a}",
    "*@example.com {a}",
    "alice@example.com cert-authority {a}",
    "bob@example.com {b}",
]


@pytest.mark.parametrize("line", POLICY_LINES)
@pytest.mark.parametrize("when", ["20260301040000Z", "20260301040001Z", "20270101Z"])
def test_policy_agrees_with_ssh_keygen(
    keys: dict[str, Key], tmp_path: Path, line: str, when: str
) -> None:
    """find_principals/is_allowed_signer vs ``ssh-keygen -Y find-principals/verify``."""
    data = b"payload"
    armored = sign_file(keys["alice"], data, tmp_path)
    sig = tmp_path / "data.sig"
    sig.write_text(armored)
    text = line.format(a=keys["alice"].line, b=keys["bob"].line) + "\n"
    path = allowed_file(tmp_path, text)
    allowed = parse_allowed_signers(text)
    key = verify_sshsig(armored, data).public_key
    t = parse_timestamp(when)[0]

    proc = subprocess.run(
        ["ssh-keygen", "-Y", "find-principals", "-s", sig, "-f", path, f"-Overify-time={when}"],
        capture_output=True,
        check=False,
    )
    reference = set(proc.stdout.decode().split()) if proc.returncode == 0 else set()
    reference = {p for p in reference if not p.startswith("!")}
    # ssh-keygen ignores namespaces when finding principals; ask for none too.
    assert set(find_principals(allowed, key, None, t)) == reference

    for identity in ("alice@example.com", "bob@example.com", "carol@example.com"):
        verify = ("-Y", "verify", "-f", path, "-I", identity, "-n", "git", "-s", sig)
        expected = ssh_keygen_ok(*verify, f"-Overify-time={when}", data=data)
        assert is_allowed_signer(allowed, key, identity, "git", t) == expected, identity


GIT_POLICIES = [
    ("alice@example.com,bob@example.com {a}", "G", "alice@example.com"),
    ("*@example.com {a}", "G", "*@example.com"),
    ('"Alice Author@example.com" {a}', "G", "Alice Author@example.com"),
    ("!alice@example.com,*@example.com {a}", "G", "!alice@example.com"),  # git quirk
    ('alice@example.com namespaces="file" {a}', "B", ""),  # git quirk: B, not U
    ('alice@example.com namespaces="file" {a}\nalice2@example.com {a}', "B", ""),
    ('alice@example.com namespaces="git,file" {a}', "G", "alice@example.com"),
    ('alice@example.com valid-after="20260301040000Z" {a}', "G", "alice@example.com"),
    ('alice@example.com valid-after="20260301040001Z" {a}', "U", ""),
    ('alice@example.com valid-before="20260301035959Z" {a}', "U", ""),
    ('old@example.com valid-before="20260101Z" {a}\nnew@example.com {a}', "G", "new@example.com"),
    ("alice@example.com cert-authority {a}", "U", ""),
    ("garbage\nalice@example.com {a}", "G", "alice@example.com"),
    ("alice@example.com valid-after=20200101Z {a}", "U", ""),  # unquoted: line skipped
    ("bob@example.com {b}", "U", ""),
    ("", "U", ""),
]


@pytest.mark.parametrize(("policy", "status", "signer"), GIT_POLICIES)
def test_git_verdict_matches_git_on_policies(
    keys: dict[str, Key], make_repo, tmp_path: Path, policy: str, status: str, signer: str
) -> None:
    repo: Repo = make_repo()
    sha = repo.commit("stage change", keys["alice"], date=COMMIT_DATE)
    text = policy.format(a=keys["alice"].line, b=keys["bob"].line) + "\n"
    reference = repo.statuses(allowed_file(tmp_path, text), sha)[sha]
    with ObjectReader(repo.path) as reader:
        commit = reader.commit(sha)
    assert commit.committer.timestamp == COMMIT_TIME
    verdict = verify_commit(commit, parse_allowed_signers(text, strict=False))
    assert (verdict.status, verdict.fingerprint or "", verdict.signer or "") == reference
    assert (verdict.status, verdict.signer or "") == (status, signer)


def test_git_verdict_unsigned_and_foreign_formats() -> None:
    assert git_verdict(None, b"x", [], 0).status == "N"
    pgp = "-----BEGIN PGP SIGNATURE-----\n\nabc\n-----END PGP SIGNATURE-----\n"
    assert git_verdict(pgp, b"x", [], 0).status == "E"
    key_blob, sig_blob = ed25519_sshsig(Ed25519PrivateKey.generate(), b"x")
    dss = armor(build_sshsig(s(b"ssh-dss") + key_blob[15:], sig_blob))
    assert git_verdict(dss, b"x", [], 0).status == "E"  # cannot judge: ask git


def test_rev_list_and_verdicts_over_history(keys: dict[str, Key], make_repo, tmp_path) -> None:
    repo: Repo = make_repo()
    made = [repo.commit(f"c{i}", keys["alice"] if i % 2 else None) for i in range(6)]
    assert rev_list(repo.path) == made
    allowed = parse_allowed_signers(f"alice@example.com {keys['alice'].line}")
    with ObjectReader(repo.path) as reader:
        statuses = [verify_commit(c, allowed).status for c in reader.commits(made)]
    assert statuses == ["N", "G"] * 3


def test_public_key_equality_ignores_comment(keys: dict[str, Key]) -> None:
    a1 = parse_public_key(keys["alice"].line + " one")
    a2 = parse_public_key(keys["alice"].line + " two")
    assert a1 == a2 and hash(a1) == hash(a2)
    assert PublicKey.from_blob(a1.blob) == a1
