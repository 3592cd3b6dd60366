"""``xmgl signers``: who may sign this dossier, and the local signing set-up."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from xmgl.cli.common import TextOrJson
from xmgl.cli.state import get_state


def register(app: typer.Typer) -> None:
    signers_app = typer.Typer(
        help="签名人员：查看允许名单，增加或移除人员（每次都是签名提交），生成和配置密钥。",
        no_args_is_help=False,
        invoke_without_command=True,
        rich_markup_mode="rich",
    )
    app.add_typer(signers_app, name="signers")

    @signers_app.callback()
    def signers(
        ctx: typer.Context,
        fmt: TextOrJson = "text",
    ) -> None:
        """签名人员：查看允许名单（.xmgl/allowed_signers），增加或移除人员，生成和配置密钥。"""
        if ctx.invoked_subcommand is not None:
            return

        _list(get_state(ctx).root(), fmt)

    @signers_app.command("add")
    def add(
        ctx: typer.Context,
        email: Annotated[str, typer.Argument(help="此人的 git 提交邮箱。", metavar="邮箱")],
        key: Annotated[
            str | None,
            typer.Argument(
                help="此人的 SSH 公钥文件（.pub）或公钥内容。", metavar="公钥", show_default=False
            ),
        ] = None,
        gpg: Annotated[
            str | None,
            typer.Option(
                "--gpg",
                help="改为登记 OpenPGP 密钥：本机 gpg 钥匙环中的指纹、ID 或邮箱。",
                metavar="密钥",
                show_default=False,
            ),
        ] = None,
        name: Annotated[str, typer.Option("--name", help="姓名（写在公钥后作备注）。")] = "",
        valid_after: Annotated[
            str | None,
            typer.Option(
                "--valid-after",
                help="自该日（UTC）起有效，YYYY-MM-DD。",
                metavar="日期",
                show_default=False,
            ),
        ] = None,
    ) -> None:
        """把一位人员的公钥加入允许名单（由你签名提交；你必须已在名单中）。"""
        from rich.markup import escape

        from xmgl.cli.output import console
        from xmgl.cli.state import parse_date
        from xmgl.dossier.signers import add_openpgp_signer, add_signer, read_key_argument
        from xmgl.errors import UsageError

        root = get_state(ctx).root()
        if (key is None) == (gpg is None):
            raise UsageError("请给出 SSH 公钥，或用 --gpg 指定 OpenPGP 密钥（二选一）。")
        if gpg is not None:
            sha = add_openpgp_signer(root, email, gpg, name)
            c = console()
            c.print(f"已加入允许名单（OpenPGP）：{escape(name or email)} <{escape(email)}>")
            c.print(f"  签名提交 {sha}", no_wrap=True, overflow="ignore", crop=False)
            return
        public = read_key_argument(key)
        after = parse_date(valid_after, "--valid-after") if valid_after else None
        change = add_signer(root, email, public, name, after)
        c = console()
        c.print(f"已加入允许名单：{escape(name or email)} <{escape(email)}>")
        c.print(f"  指纹 {public.fingerprint}", no_wrap=True, overflow="ignore", crop=False)
        c.print(f"  签名提交 {change.commit}", no_wrap=True, overflow="ignore", crop=False)

    @signers_app.command("remove")
    def remove(
        ctx: typer.Context,
        who: Annotated[
            str, typer.Argument(help="要移除人员的邮箱，或公钥指纹（SHA256:…）。", metavar="人员")
        ],
    ) -> None:
        """把人员从允许名单中移除（由你签名提交）。"""
        from rich.markup import escape

        from xmgl.cli.output import console
        from xmgl.dossier.signers import remove_signer

        changes = remove_signer(get_state(ctx).root(), who)
        c = console()
        for ch in changes:
            fp = ch.key.fingerprint if ch.key is not None else "OpenPGP"
            c.print(f"已从允许名单移除：{escape(ch.principal)}  {fp}")
        c.print(f"  签名提交 {changes[0].commit}", no_wrap=True, overflow="ignore", crop=False)

    @signers_app.command("keygen")
    def keygen(
        ctx: typer.Context,
        path: Annotated[
            Path | None,
            typer.Argument(
                help="私钥保存位置（档案以外），默认 ~/.ssh/xmgl_ed25519。",
                metavar="路径",
                show_default=False,
            ),
        ] = None,
        no_passphrase: Annotated[
            bool,
            typer.Option("--no-passphrase", help="不设口令（仅供演示或试用）。"),
        ] = False,
    ) -> None:
        """用 ssh-keygen 生成一把 Ed25519 签名密钥（私钥留在本机，只有公钥进入档案）。"""
        from rich.markup import escape

        from xmgl.cli.output import console
        from xmgl.gitaudit import git as g
        from xmgl.gitaudit import signing

        state = get_state(ctx)
        target = (path or signing.default_key_path()).expanduser()
        if not target.is_absolute():
            target = state.directory / target
        _refuse_inside_dossier(state, target)
        _user, email = g.identity(state.directory)
        public = signing.keygen(target, email, passphrase="" if no_passphrase else None)
        c = console()
        c.print(f"已生成密钥：{escape(str(target))}（私钥，不要交给任何人）")
        c.print(f"公钥：{escape(str(target))}.pub")
        c.print(f"  指纹 {public.fingerprint}", no_wrap=True, overflow="ignore", crop=False)
        c.print(
            "下一步：新档案用 “xmgl init 目录 --signing-key 公钥”；已有档案请一位已允许的人员运行\n"
            f"“xmgl signers add {email} 公钥”，然后你运行 “xmgl signers use 私钥”。",
            markup=False,
        )

    @signers_app.command("use")
    def use(
        ctx: typer.Context,
        key: Annotated[
            Path | None,
            typer.Argument(
                help="SSH 签名密钥（私钥，或 ssh-agent 中私钥对应的 .pub）。",
                metavar="密钥",
                show_default=False,
            ),
        ] = None,
        gpg: Annotated[
            str | None,
            typer.Option(
                "--gpg",
                help="改用 OpenPGP 签名：本机 gpg 钥匙环中的指纹、ID 或邮箱。",
                metavar="密钥",
                show_default=False,
            ),
        ] = None,
    ) -> None:
        """让本机的 git 在这个档案中用指定密钥签名（只改本仓库的 git 配置）。"""
        from rich.markup import escape

        from xmgl.cli.output import console
        from xmgl.errors import UsageError
        from xmgl.gitaudit import signing

        state = get_state(ctx)
        root = state.root()
        if (key is None) == (gpg is None):
            raise UsageError("请给出 SSH 密钥，或用 --gpg 指定 OpenPGP 密钥（二选一）。")
        c = console()
        if gpg is not None:
            from xmgl.gitaudit import openpgp

            fpr = openpgp.fingerprint_of(gpg)
            signing.configure(root, gpg_key=fpr)
            c.print("本档案的提交将用 OpenPGP 密钥签名：")
            c.print(f"  {fpr}", no_wrap=True, overflow="ignore", crop=False)
            _list(root, "text", quiet=True)
            return
        key = key.expanduser()
        if not key.is_absolute():
            key = state.directory / key
        signing.check_key_outside(key, root)
        public = signing.public_key_from_file(key)
        signing.configure(root, key)
        c.print(f"本档案的提交将用 {escape(str(key))} 签名。")
        c.print(f"  指纹 {public.fingerprint}", no_wrap=True, overflow="ignore", crop=False)
        _list(root, "text", quiet=True)


def _refuse_inside_dossier(state, target: Path) -> None:
    from xmgl.errors import XmglError
    from xmgl.gitaudit import signing

    try:
        root = state.root()
    except XmglError:
        return
    signing.check_key_outside(target, root)


def _list(root: Path, fmt: str, quiet: bool = False) -> None:
    from rich.markup import escape

    from xmgl.cli.output import console, print_json
    from xmgl.dossier.signers import signer_status
    from xmgl.gitaudit import openpgp, signing

    status = signer_status(root)
    if fmt == "json":
        print_json(status.to_dict())
        return
    entries, pgp_entries, mine = status.entries, status.pgp_entries, status.mine
    bad = [(n, "") for n in status.invalid_lines]
    differs, setup, setup_error = status.uncommitted_changes, status.setup, status.setup_error
    ok, decision, email = status.allowed, status.decision, status.email
    c = console()
    if not quiet:
        c.print(f"[bold]允许签名的人员[/]（已提交的 {signing.ALLOWED_SIGNERS}，{len(entries)} 人）")
        for e in entries:
            me = "  ← 你" if mine is not None and e.key.key == mine.key else ""
            window = ""
            if e.option("valid-after") or e.option("valid-before"):
                window = (
                    f"  有效期 {e.option('valid-after') or '…'}–{e.option('valid-before') or '…'}"
                )
            c.print(f"  {escape(','.join(e.principals))}  {escape(e.name)}{me}{escape(window)}")
            c.print(f"    {e.fingerprint}", no_wrap=True, overflow="ignore", crop=False)
            if e.wildcard:
                c.print("    [red]含通配符，审计不予承认[/]")
        for n, _line in bad:
            c.print(f"  [red]第 {n} 行无法识别[/]")
        if pgp_entries:
            c.print(f"[bold]OpenPGP 签名人员[/]（{openpgp.SIGNERS}，{len(pgp_entries)} 人）")
            for e in pgp_entries:
                c.print(f"  {escape(e.principal)}  {escape(e.name)}")
                c.print(f"    {e.fingerprint}", no_wrap=True, overflow="ignore", crop=False)
        if differs:
            c.print("[yellow]工作区中的名单与已提交的不同；以已提交的为准。[/]")
    if setup_error:
        c.print(f"[red]本机签名设置有误：[/]{escape(setup_error)}")
    elif setup is None or not setup.key_ref:
        c.print("本机：没有配置签名密钥。运行 “xmgl signers use 密钥”。", markup=False)
    elif setup.format != "ssh":
        state = "[green]已在名单中[/]" if ok else "[red]不在名单中（或邮箱不符）[/]"
        c.print(f"本机：用 {escape(setup.format)} 签名，密钥 {escape(setup.key_ref)}，{state}")
    else:
        state = "[green]已在名单中，现在可以签名[/]"
        if not ok:
            from xmgl.gitaudit import policy

            why = policy.explain(decision, email or "")[0] if decision else "不在名单中"
            state = f"[red]现在不能签名：{escape(why)}；提交将不能通过审计[/]"
        c.print(f"本机：{escape(email or '（无邮箱）')} 用 {escape(setup.key_ref)} 签名，{state}")
