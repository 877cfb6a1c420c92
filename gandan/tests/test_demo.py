"""The demo reproduces the seeds' figures: asked of the database, not assumed."""

import datetime

import pytest
from django.core.management import call_command
from django.db.models import Count, Q

from gandan.accounts.models import DemoCredential
from gandan.households.models import Household
from gandan.org.models import Member, Unit
from gandan.places.models import Province


@pytest.fixture(scope="module")
def demo(django_db_setup, django_db_blocker):
    from gandan.demo.runner import demo_build

    with django_db_blocker.unblock():
        demo_build(today=datetime.date(2026, 11, 24), out=lambda line: None)
        yield
        call_command("flush", interactive=False, verbosity=0)


def active_members(area_name):
    return Member.objects.filter(cell__cell_areas__area__name=area_name, left_on__isnull=True)


@pytest.mark.django_db
def test_the_seed_villages_have_their_figures(demo):
    assert active_members("Tiên Tốc").count() == 8
    assert Household.objects.filter(area__name="Tiên Tốc").count() == 66
    assert active_members("Kế Tân").count() == 10
    assert active_members("Ia Lang").count() == 11
    tdp_1_3 = Member.objects.filter(
        cell__cell_areas__area__name__in=["Tổ dân phố 1", "Tổ dân phố 3"]
    ).count()
    assert tdp_1_3 == 76


@pytest.mark.django_db
def test_binh_an_has_seven_villages_each_with_a_cell(demo):
    committee = Unit.objects.get(name="Đảng bộ xã Bình An")
    cells = committee.children.filter(kind=Unit.Kind.CELL).annotate(n=Count("cell_areas"))
    assert cells.count() == 7
    assert all(c.n == 1 for c in cells)


@pytest.mark.django_db
def test_chi_lang_has_the_cells_of_the_twinning_plan(demo):
    names = set(
        Unit.objects.filter(commune__name="Chi Lăng", kind=Unit.Kind.CELL).values_list(
            "name", flat=True
        )
    )
    for expected in [
        "Tổ dân phố 1",
        "Tổ dân phố 2",
        "Tổ dân phố 3",
        "Tổ dân phố 4",
        "Hàm Rồng",
        "Ia Rốk",
        "Ia Lang",
        "Châm Anẻh",
        "Ngol Tảl",
    ]:
        assert any(n.endswith(expected) for n in names), expected


@pytest.mark.django_db
def test_places_come_from_the_official_list(demo):
    tuyen_quang = Province.objects.get(code=8)
    assert tuyen_quang.communes.filter(code__isnull=False).count() > 100
    assert tuyen_quang.communes.filter(name="Bình An", code__isnull=False).exists()


@pytest.mark.django_db
def test_there_is_a_demo_account_for_each_role(demo):
    roles = set(DemoCredential.objects.values_list("role", flat=True))
    assert {"committee", "secretary", "member", "viewer"} <= roles
    members = DemoCredential.objects.filter(role="member").select_related("user")
    assert all(c.user.username.isdigit() for c in members)


@pytest.mark.django_db
def test_gia_lai_villages_carry_jrai_names(demo):
    ia_lang = Household.objects.filter(area__name="Ia Lang")
    assert ia_lang.filter(Q(ethnicity="Gia Rai")).count() > ia_lang.count() / 2
