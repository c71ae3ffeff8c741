from __future__ import annotations

import pytest

from bot.core.services import Services
from storage.agencies import (
    KIND_DEPARTMENT,
    KIND_GOVERNMENT,
    KIND_TOWNSHIP,
    KIND_ZONE,
    add_user_alias,
    agencies_by_alias,
    candidate_agencies,
    find_or_create_agency,
    generate_aliases,
    parse_agency_name,
)
from storage.models import AgencyAlias


def test_department_aliases_drop_levels_and_abbreviate() -> None:
    aliases = generate_aliases("威海市文登区科学技术局")
    assert set(aliases) >= {"文登区科学技术局", "文登科学技术局", "文登区科技局", "文登科技局", "威海市文登区科技局"}
    # A bare body names every county's bureau.
    assert "科技局" not in aliases and "科学技术局" not in aliases
    assert "威海市文登区科学技术局" not in aliases


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("威海市人力资源和社会保障局", "威海人社局"),
        ("威海市自然资源和规划局", "威海自然资源局"),
        ("威海市住房和城乡建设局", "威海住建局"),
        ("威海市市场监督管理局", "威海市市场监管局"),
        ("威海市生态环境局", "威海生态环境局"),
        ("威海市发展和改革委员会", "威海发改委"),
        ("威海市文登区人民政府", "文登区政府"),
        ("威海市文登区环山街道办事处", "环山街道"),
        ("威海经济技术开发区管理委员会", "威海经开区管委会"),
    ],
)
def test_common_short_forms(name: str, expected: str) -> None:
    assert expected in generate_aliases(name)


def test_governments_keep_their_level() -> None:
    # People say 文登区政府, not 文登政府.
    assert "文登政府" not in generate_aliases("威海市文登区人民政府")


def test_province_is_dropped_from_aliases() -> None:
    aliases = generate_aliases("山东省威海市文登区科学技术局")
    assert "威海市文登区科技局" in aliases
    assert not any(a.startswith("山东") for a in aliases)


@pytest.mark.parametrize(
    ("name", "region", "level", "kind"),
    [
        ("威海市文登区科学技术局", "威海市/文登区", "county", KIND_DEPARTMENT),
        ("山东省威海市人民政府", "山东省/威海市", "city", KIND_GOVERNMENT),
        ("山东省科学技术厅", "山东省", "province", KIND_DEPARTMENT),
        ("威海市文登区张家产镇人民政府", "威海市/文登区/张家产镇", "township", KIND_TOWNSHIP),
        ("威海市文登区环山街道办事处", "威海市/文登区/环山街道", "township", KIND_TOWNSHIP),
        ("威海火炬高技术产业开发区管理委员会", "威海火炬高技术产业开发区", "county", KIND_ZONE),
        ("威海市荣成市卫生健康局", "威海市/荣成市", "county", KIND_DEPARTMENT),
        # 城乡 / 市场 / 城市 are part of the body, not places.
        ("威海市住房和城乡建设局", "威海市", "city", KIND_DEPARTMENT),
        ("威海市城市管理局", "威海市", "city", KIND_DEPARTMENT),
        ("科学技术和工业信息化局", "", "", KIND_DEPARTMENT),
    ],
)
def test_region_level_kind_from_name(name: str, region: str, level: str, kind: str) -> None:
    parsed = parse_agency_name(name)
    assert (parsed.region, parsed.level, parsed.kind) == (region, level, kind)


def test_find_or_create_is_idempotent_and_stores_aliases(services: Services) -> None:
    with services.sessions.begin() as session:
        agency, created = find_or_create_agency(session, " 威海市文登区科学技术局 ")
        assert created
        assert (agency.region, agency.level, agency.kind) == ("威海市/文登区", "county", "部门")
        again, created_again = find_or_create_agency(session, "威海市文登区科学技术局")
        assert again.id == agency.id and not created_again
    with services.sessions() as session:
        assert [a.name for a in agencies_by_alias(session, "文登科技局")] == ["威海市文登区科学技术局"]
        assert agencies_by_alias(session, "科技局") == []


def test_user_alias_is_recorded_once(services: Services) -> None:
    with services.sessions.begin() as session:
        agency, _ = find_or_create_agency(session, "威海市文登区科学技术局")
        add_user_alias(session, agency, "文登区科技")
        add_user_alias(session, agency, "文登区科技")
        add_user_alias(session, agency, "文登科技局")  # generated before: now confirmed by a user
    with services.sessions() as session:
        rows = session.query(AgencyAlias).filter(AgencyAlias.alias.in_(["文登区科技", "文登科技局"])).all()
        assert sorted((r.alias, r.source) for r in rows) == [("文登区科技", "user"), ("文登科技局", "user")]
        assert [a.name for a in agencies_by_alias(session, "文登区科技")] == ["威海市文登区科学技术局"]


def test_candidates_for_a_partial_name(services: Services) -> None:
    with services.sessions.begin() as session:
        for name in ("威海市文登区科学技术和工业信息化局", "威海市环翠区科学技术局", "威海市文登区教育局"):
            find_or_create_agency(session, name)
    with services.sessions() as session:
        names = [a.name for a in candidate_agencies(session, "科学技术和工业信息化局")]
        assert names == ["威海市文登区科学技术和工业信息化局"]
        assert [a.name for a in candidate_agencies(session, "科学技术局")] == ["威海市环翠区科学技术局"]
        assert candidate_agencies(session, "财政局") == []
        # LIKE wildcards in user text match literally.
        assert candidate_agencies(session, "%") == []
