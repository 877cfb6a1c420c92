"""A cell secretary has the unassigned households proposed to the members, changes one line
and confirms the whole split in one step."""

import re

import pytest
from playwright.sync_api import expect

from gandan.households.models import Assignment, Household
from gandan.test import HouseholdFactory

NEW_HOUSEHOLDS = [
    ("Lò Văn Pấng", "Xóm Trên, nhà 3"),
    ("Ma Thị Dung", "Xóm Trên, nhà 5"),
    ("Hà Văn Tỉnh", "Xóm Trên, nhà 8"),
    ("Triệu Thị Lan", "Xóm Dưới, nhà 1"),
    ("Bàn Văn Quý", "Xóm Dưới, nhà 4"),
    ("Phùng Thị Nhung", "Xóm Dưới, nhà 9"),
]


@pytest.fixture
def unassigned(world):
    return [
        HouseholdFactory(area=world.area_a1, head_name=name, address=address)
        for name, address in NEW_HOUSEHOLDS
    ] + [world.h_unassigned]


def test_secretary_proposes_reviews_and_confirms_an_assignment(phone, world, unassigned):
    phone.login_as(world.secretary)
    phone.field()
    phone.go("/")
    expect(phone.page.get_by_role("heading", level=1)).to_have_text(world.cell_a1.name)
    # The first thing to fix comes first: households with nobody in charge.
    first = phone.page.locator("#households ~ ul.cards > li").first
    expect(first).to_have_class(re.compile(r"\bflag\b"))
    expect(first).to_contain_text("Chưa có đảng viên phụ trách")
    phone.check("cell")

    phone.page.get_by_role("link", name="Đề xuất phân công hộ").tap()
    expect(phone.page.get_by_role("heading", level=1)).to_have_text("Đề xuất phân công hộ")
    phone.check("assignment-proposal")
    rows = phone.page.locator("main table tbody tr")
    expect(rows).to_have_count(len(unassigned))
    # Every household has somebody proposed; the secretary changes one line.
    for household in unassigned:
        choice = phone.page.get_by_label(household.head_name, exact=True)
        assert choice.input_value(), f"nobody proposed for {household.head_name}"
    phone.page.get_by_label("Lý A Páo", exact=True).select_option(label="Hoàng Văn Thử")
    phone.page.get_by_role("button", name="Xác nhận phân công").tap()

    expect(phone.page.get_by_role("status")).to_contain_text(f"Đã phân công {len(unassigned)} hộ")
    expect(phone.page.get_by_text("Chưa có đảng viên phụ trách")).to_have_count(0)
    phone.check("cell-after-assignment")

    cell_households = Household.objects.filter(area=world.area_a1)
    active = Assignment.objects.filter(household__in=cell_households, ends_on__isnull=True)
    assert active.count() == cell_households.count()
    assert active.values("household").distinct().count() == cell_households.count()
    assert active.get(household=world.h_unassigned).member == world.member
