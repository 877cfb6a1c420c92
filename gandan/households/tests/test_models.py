import datetime

import pytest
from django.db import IntegrityError, transaction

from gandan.households.models import Household
from gandan.households.selectors import household_list_for, member_in_charge_on
from gandan.test import HouseholdFactory, assign


def test_a_household_has_at_most_one_open_assignment(world):
    with pytest.raises(IntegrityError), transaction.atomic():
        assign(world.h1, world.other_member)


def test_closed_assignments_keep_the_history(world):
    world.h1.assignments.update(ends_on=datetime.date(2025, 6, 1))
    assign(world.h1, world.other_member, starts_on=datetime.date(2025, 6, 1))
    assert member_in_charge_on(household=world.h1, day=datetime.date(2025, 3, 1)) == world.member
    assert member_in_charge_on(household=world.h1, day=datetime.date(2025, 6, 1)) == (
        world.other_member
    )


def test_residents_count_must_be_plausible(world):
    with pytest.raises(IntegrityError), transaction.atomic():
        HouseholdFactory(area=world.area_a1, residents_count=0)


@pytest.mark.parametrize(
    ("query", "found"),
    [("nguyen van", True), ("NGUYEN", True), ("Nguyễn Văn", True), ("nguyen thi", False)],
)
def test_search_works_without_diacritics(world, query, found):
    names = [h.head_name for h in household_list_for(user=world.secretary, q=query)]
    assert ("Nguyễn Văn Nguyên" in names) is found


def test_search_finds_dang_from_plain_d(world):
    names = [h.head_name for h in household_list_for(user=world.secretary, q="dang")]
    assert names == ["Đặng Thị Hoa"]


def test_search_never_leaves_the_scope(world):
    assert not household_list_for(user=world.outsider, q="nguyen").exists()


def test_search_key_follows_the_name(world):
    world.h1.head_name = "Đỗ Văn Mới"
    world.h1.save()
    assert Household.objects.get(pk=world.h1.pk).search_name == "do van moi"
