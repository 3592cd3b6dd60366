"""Create a new dossier: the commented ``project.yaml``, its folders, the first commit.

If anything fails half-way, everything this call created is removed again:
a failed ``xmgl init`` leaves the disk as it found it.
"""

from __future__ import annotations

import json
import shutil
from datetime import date
from importlib import resources
from pathlib import Path
from string import Template

from xmgl.domain.schema import NATURES
from xmgl.errors import PreconditionError, UsageError

PLACEHOLDER = "【待填写】"
FOLDERS = {
    "docs": "项目文件：批复、评估报告、合同、方案等正式文件或扫描件放在这里。\n",
    "reports": "xmgl report 生成的报告放在这里。\n",
    "templates": "如需定制报告模板，把 .docx 模板放在这里，会优先于 xmgl 自带的模板。\n",
    ".xmgl": "xmgl 的配置：allowed_signers（允许签名的人员公钥）等。不要放私钥。\n",
}


def scaffold_text(
    *, name: str, unit: str, department: str, legal_person: str, nature: str, today: date
) -> str:
    template = resources.files("xmgl.scaffold").joinpath("project.yaml.tmpl").read_text("utf-8")

    def q(value: str) -> str:  # a JSON string is a valid YAML double-quoted scalar
        return json.dumps(value.strip() or PLACEHOLDER, ensure_ascii=False)

    return Template(template).substitute(
        name=q(name),
        unit=q(unit),
        department=q(department),
        legal_person=q(legal_person),
        nature=nature,
        today=today.isoformat(),
    )


def create_dossier(
    target: Path,
    *,
    name: str = "",
    unit: str = "",
    department: str = "",
    legal_person: str = "",
    nature: str = "新建",
    today: date,
    signing_key: Path | None = None,
    source: Path | None = None,
    gpg_key: str | None = None,
) -> Path:
    """Create the dossier; with ``signing_key`` the first commit is signed and is the trust root.

    ``signing_key`` is a public key file (or a private key with its ``.pub``
    beside it) outside the dossier: this repository's git is configured to
    sign with it, ``.xmgl/allowed_signers`` lists it for the committer's
    e-mail, and the first commit — signed with it — is the audit's trust root.

    ``source``: start from an existing dossier (a folder with ``project.yaml``,
    or the file itself) instead of the scaffold — its facts, records and stage
    as they are, and the files it refers to and its ``docs/``. For bringing an
    existing project under xmgl, and for demonstrations.
    """
    from xmgl.gitaudit import git as g

    if nature not in NATURES:
        raise UsageError(f"项目性质不能是 “{nature}”。", hint="可选：" + "、".join(NATURES))
    target = target.resolve()
    if target.exists() and (not target.is_dir() or any(target.iterdir())):
        raise PreconditionError(
            f"{target} 已存在且不是空目录，xmgl init 不会改动已有的文件。",
            hint="换一个新目录名，或先把内容移走。",
        )
    g.git_binary()
    public = None
    if signing_key is not None:
        from xmgl.gitaudit import signing

        signing.check_key_outside(Path(signing_key).expanduser(), target)
        public = signing.public_key_from_file(Path(signing_key).expanduser())
    copies: list[tuple[Path, str]] = []
    if source is not None:
        copies = _source_files(Path(source), target)
    gpg = None
    if gpg_key is not None:
        from xmgl.gitaudit import openpgp

        fpr = openpgp.fingerprint_of(gpg_key)
        gpg = (fpr, openpgp.export_public(fpr))
    created = not target.exists()
    try:
        target.mkdir(parents=True, exist_ok=True)
        if source is None:
            (target / "project.yaml").write_text(
                scaffold_text(
                    name=name,
                    unit=unit,
                    department=department,
                    legal_person=legal_person,
                    nature=nature,
                    today=today,
                ),
                encoding="utf-8",
            )
        for folder, readme in FOLDERS.items():
            (target / folder).mkdir()
            (target / folder / "README.md").write_text(readme, encoding="utf-8")
        for src, rel in copies:
            dst = target / rel
            dst.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(src, dst)
        (target / ".gitattributes").write_text("*.yaml text eol=lf\n", encoding="utf-8")
        g.git(target, "init", "-q")
        g.git(target, "symbolic-ref", "HEAD", "refs/heads/main")
        user, email = g.identity(target)
        if gpg is not None:
            _signed_first_commit_openpgp(target, gpg[0], gpg[1], user, email, today)
        elif public is None:
            g.git(target, "add", "-A")
            g.git(
                target,
                "commit",
                "-q",
                "--no-verify",
                "--no-gpg-sign",
                "-m",
                "新建项目档案",
                "-m",
                "由 xmgl init 创建。",
            )
        else:
            _signed_first_commit(target, Path(signing_key).expanduser(), public, user, email, today)
    except BaseException:
        if created:
            shutil.rmtree(target, ignore_errors=True)
        else:
            for child in target.iterdir():
                if child.is_dir() and not child.is_symlink():
                    shutil.rmtree(child, ignore_errors=True)
                else:
                    child.unlink(missing_ok=True)
        raise
    return target


def _signed_first_commit_openpgp(
    target: Path, fpr: str, key: bytes, user: str, email: str, today: date
) -> None:
    """As :func:`_signed_first_commit`, for a unit that signs with GnuPG."""
    from xmgl.gitaudit import allowed, openpgp, signing
    from xmgl.gitaudit import trailers as tr
    from xmgl.gitaudit.commit import signed_commit

    signing.configure(target, gpg_key=fpr)
    (target / signing.ALLOWED_SIGNERS).write_text(allowed.HEADER, encoding="utf-8")
    (target / openpgp.SIGNERS).write_text(openpgp.add("", email, fpr, user), encoding="utf-8")
    (target / openpgp.key_path(fpr)).parent.mkdir(parents=True, exist_ok=True)
    (target / openpgp.key_path(fpr)).write_bytes(key)
    message = tr.compose(
        "新建项目档案",
        "由 xmgl init 创建。本提交是审计的信任根：其中 .xmgl/allowed_signers_openpgp 列出的"
        "OpenPGP 密钥即最初允许签名的人员，请通过档案以外的渠道核对其指纹。",
        [
            (tr.INIT, "1"),
            (tr.DATE, today.isoformat()),
            (tr.SIGNER, f"{email} OpenPGP {fpr}"),
            (tr.ACTOR, f"{user} <{email}>"),
        ],
    )
    signed_commit(target, message, include=["."])


def _source_files(source: Path, target: Path) -> list[tuple[Path, str]]:
    """``(file, path in the new dossier)`` to copy from an existing dossier (checked first)."""
    from xmgl.dossier.docpaths import document_paths
    from xmgl.dossier.loader import PROJECT_FILE, load_dossier

    root = source.parent if source.is_file() else source
    dossier = load_dossier(root)  # a DossierError lists every problem; nothing is created
    files = {PROJECT_FILE: root / PROJECT_FILE}
    for rel in document_paths(dossier):
        files[rel] = root / rel
    docs = root / "docs"
    if docs.is_dir():
        for path in sorted(docs.rglob("*")):
            if path.is_file() and not path.is_symlink():
                files.setdefault(path.relative_to(root).as_posix(), path)
    from xmgl.gitaudit.signing import looks_private

    for path in files.values():
        if looks_private(path.read_bytes()[:65536]):
            raise UsageError(
                f"{path} 像是私钥，不会复制进新档案。",
                hint="私钥绝不能放进档案；把它移出档案目录后再试。",
            )
    return [(path, rel) for rel, path in sorted(files.items())]


def _signed_first_commit(
    target: Path, key_path: Path, public, user: str, email: str, today: date
) -> None:
    """Configure signing, list the key in allowed_signers, make the signed first commit."""
    from xmgl.gitaudit import allowed, signing
    from xmgl.gitaudit import trailers as tr
    from xmgl.gitaudit.commit import signed_commit

    signing.configure(target, key_path)
    signers = target / signing.ALLOWED_SIGNERS
    signers.write_text(allowed.add("", email, public, user), encoding="utf-8")
    message = tr.compose(
        "新建项目档案",
        "由 xmgl init 创建。本提交是审计的信任根：其中 .xmgl/allowed_signers 列出的公钥"
        "即最初允许签名的人员，请通过档案以外的渠道核对其指纹。",
        [
            (tr.INIT, "1"),
            (tr.DATE, today.isoformat()),
            (tr.SIGNER, f"{email} {public.fingerprint}"),
            (tr.ACTOR, f"{user} <{email}>"),
        ],
    )
    signed_commit(target, message, include=["."])
