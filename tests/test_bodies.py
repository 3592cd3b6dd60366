"""第三条's bodies: the names a dossier uses for them, and the names that are someone else."""

from __future__ import annotations

import pytest

from xmgl.domain import bodies as B


@pytest.mark.parametrize(
    ("written", "body"),
    [
        ("大石桥市营商环境建设局", B.BUSINESS_ENVIRONMENT),
        ("市营商环境建设局", B.BUSINESS_ENVIRONMENT),
        ("营商局", B.BUSINESS_ENVIRONMENT),
        ("大石桥市 营商环境建设局", B.BUSINESS_ENVIRONMENT),
        ("大石桥市\u3000数据局", B.DATA_BUREAU),
        ("数据局", B.DATA_BUREAU),
        ("大石桥市发改局", B.DRC),
        ("大石桥市发展和改革局", B.DRC),
        ("中共大石桥市委网络安全和信息化委员会办公室", B.CYBERSPACE),
        ("大石桥市委网信办", B.CYBERSPACE),
        ("大石桥市国家密码管理局", B.CRYPTO),
        ("大石桥市人民政府", B.GOVERNMENT),
        ("市政府", B.GOVERNMENT),
        ("大石桥市财政局", B.FINANCE),
    ],
)
def test_names_of_city_bodies(written, body):
    assert B.canonical(written) == body


@pytest.mark.parametrize(
    "written",
    ["营口市数据局", "辽宁省数据局", "营口市营商环境建设局", "大石桥市住房和城乡建设局", "", None],
)
def test_other_bodies_are_not_taken_for_city_bodies(written):
    assert B.canonical(written) is None


def test_every_body_has_a_role():
    assert set(B.ROLES) == set(B.BODIES)
    assert B.is_body("营商局", B.BUSINESS_ENVIRONMENT, B.DRC)
