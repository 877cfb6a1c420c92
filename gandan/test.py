"""Shared test personas and factories.

Two communes, each with cells, members and households, so every test can ask "and what does
somebody from the other cell see?". Personas:

- committee: commune committee staff of commune A
- secretary: secretary of cell A1 (areas: village A1)
- member: a member of cell A1 in charge of household `h1`
- other_member: another member of cell A1, in charge of `h2`
- other_secretary: secretary of cell A2 in the same commune (must not see cell A1's data)
- outsider: secretary of cell B1 in commune B
- viewer: higher level (province), aggregates only
"""

import datetime

import factory
import pytest

from gandan.accounts.models import User
from gandan.households.models import Assignment, Household
from gandan.org.models import CellArea, Member, Role, Unit
from gandan.places.models import Area, Commune, Province

PASSWORD = "mat-khau-thu-nghiem-1"


class ProvinceFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Province
        django_get_or_create = ["code"]

    code = factory.Sequence(lambda n: 900 + n)
    name = factory.Sequence(lambda n: f"Tỉnh Thử {n}")


class CommuneFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Commune

    name = factory.Sequence(lambda n: f"Xã Thử {n}")
    kind = Commune.Kind.COMMUNE
    province = factory.SubFactory(ProvinceFactory)


class AreaFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Area

    commune = factory.SubFactory(CommuneFactory)
    name = factory.Sequence(lambda n: f"Thôn {n}")
    kind = Area.Kind.HAMLET
    is_urban = False


class UnitFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Unit

    name = factory.Sequence(lambda n: f"Đơn vị {n}")
    kind = Unit.Kind.PROVINCE
    province = factory.SubFactory(ProvinceFactory)


def make_committee(commune: Commune) -> Unit:
    province_unit = Unit.objects.filter(kind=Unit.Kind.PROVINCE, province=commune.province).first()
    if province_unit is None:
        province_unit = UnitFactory(province=commune.province, name=f"Tỉnh ủy {commune.province}")
    return Unit.objects.create(
        name=f"Đảng bộ {commune.name}",
        kind=Unit.Kind.COMMITTEE,
        parent=province_unit,
        province=commune.province,
        commune=commune,
    )


def make_cell(committee: Unit, area: Area | None = None, name: str | None = None) -> Unit:
    area = area or AreaFactory(commune=committee.commune)
    cell = Unit.objects.create(
        name=name or f"Chi bộ {area.name}",
        kind=Unit.Kind.CELL,
        parent=committee,
        province=committee.province,
        commune=committee.commune,
    )
    CellArea.objects.create(cell=cell, area=area)
    return cell


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = User
        skip_postgeneration_save = True

    username = factory.Sequence(lambda n: f"user{n}")
    first_name = "Thử"
    password = factory.PostGenerationMethodCall("set_password", PASSWORD)

    @factory.post_generation
    def save_password(obj, create, extracted, **kwargs):  # noqa: N805
        if create:
            obj.save()


class MemberFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Member

    full_name = factory.Sequence(lambda n: f"Nguyễn Văn Thử {n}")
    birth_year = 1960
    phone = factory.Sequence(lambda n: f"09{n:08d}")
    status = Member.Status.FULL
    admitted_on = datetime.date(1990, 5, 19)
    confirmed_on = datetime.date(1991, 5, 19)


class HouseholdFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Household

    head_name = factory.Sequence(lambda n: f"Hộ Thử {n}")
    residents_count = 4
    ethnicity = "Kinh"


def assign(household: Household, member: Member, starts_on=datetime.date(2025, 1, 1)):
    return Assignment.objects.create(household=household, member=member, starts_on=starts_on)


def add_role(user: User, unit: Unit, kind: str) -> Role:
    return Role.objects.create(user=user, unit=unit, kind=kind)


class World:
    """The personas and the places they work in (see the module docstring)."""

    def __init__(self):
        self.commune_a = CommuneFactory(name="Bình An")
        self.commune_b = CommuneFactory(name="Thiện Kế", province=self.commune_a.province)
        self.committee_a = make_committee(self.commune_a)
        self.committee_b = make_committee(self.commune_b)
        self.area_a1 = AreaFactory(commune=self.commune_a, name="Tiên Tốc")
        self.area_a2 = AreaFactory(commune=self.commune_a, name="Nà Thuôn")
        self.area_b1 = AreaFactory(commune=self.commune_b, name="Kế Tân")
        self.cell_a1 = make_cell(self.committee_a, self.area_a1)
        self.cell_a2 = make_cell(self.committee_a, self.area_a2)
        self.cell_b1 = make_cell(self.committee_b, self.area_b1)

        self.committee = UserFactory(username="danguy")
        add_role(self.committee, self.committee_a, Role.Kind.COMMITTEE)
        self.secretary = UserFactory(username="bithu")
        add_role(self.secretary, self.cell_a1, Role.Kind.SECRETARY)
        self.secretary_member = MemberFactory(
            cell=self.cell_a1, user=self.secretary, full_name="Cháng A Đềnh"
        )
        self.member_user = UserFactory(username="0912345678", phone="0912345678")
        self.member = MemberFactory(
            cell=self.cell_a1, user=self.member_user, full_name="Hoàng Văn Thử"
        )
        self.other_member_user = UserFactory(username="0987654321")
        self.other_member = MemberFactory(cell=self.cell_a1, user=self.other_member_user)
        self.other_secretary = UserFactory(username="bithu2")
        add_role(self.other_secretary, self.cell_a2, Role.Kind.SECRETARY)
        self.outsider = UserFactory(username="bithu.khac")
        add_role(self.outsider, self.cell_b1, Role.Kind.SECRETARY)
        self.viewer = UserFactory(username="captren")
        add_role(self.viewer, self.committee_a.parent, Role.Kind.VIEWER)

        self.h1 = HouseholdFactory(area=self.area_a1, head_name="Nguyễn Văn Nguyên")
        self.h2 = HouseholdFactory(area=self.area_a1, head_name="Đặng Thị Hoa")
        self.h_unassigned = HouseholdFactory(area=self.area_a1, head_name="Lý A Páo")
        self.h_a2 = HouseholdFactory(area=self.area_a2, head_name="Quan Văn Khìn")
        self.h_b1 = HouseholdFactory(area=self.area_b1, head_name="Kiều Đình Toàn")
        assign(self.h1, self.member)
        assign(self.h2, self.other_member)


@pytest.fixture
def world(db) -> World:
    return World()
