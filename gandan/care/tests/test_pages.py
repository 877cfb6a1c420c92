"""My households, reminders, printable sheets; reads for the other apps."""

import datetime
import gzip
import uuid

from django.urls import reverse

from gandan.accounts.services import token_issue
from gandan.care import selectors
from gandan.care.models import Support, Visit
from gandan.households import services as household_services
from gandan.households.models import Assignment, Household
from gandan.lib.dates import today
from gandan.test import HouseholdFactory


def visit(world, household, days_ago, member=None):
    return Visit.objects.create(
        uuid=uuid.uuid4(),
        household=household,
        member=member or world.member,
        visited_on=today() - datetime.timedelta(days=days_ago),
        activities=["policy"],
    )


def test_my_households_lists_overdue_first_with_days_since(client, world):
    recent = world.h1
    old = HouseholdFactory(area=world.area_a1, head_name="Lâu Chưa Thăm")
    never = HouseholdFactory(area=world.area_a1, head_name="Chưa Thăm Lần Nào")
    for h in (old, never):
        Assignment.objects.create(household=h, member=world.member, starts_on=today())
    visit(world, recent, 3)
    visit(world, old, 45)
    rows = selectors.my_household_list_for(user=world.member_user)
    assert [h.head_name for h in rows] == [never.head_name, old.head_name, recent.head_name]
    assert [h.days_since for h in rows] == [None, 45, 3]
    assert [h.is_overdue for h in rows] == [True, True, False]


def test_my_households_page(client, world, django_assert_max_num_queries):
    client.force_login(world.member_user)
    url = reverse("care:mine")
    client.get(url)
    for _ in range(10):
        h = HouseholdFactory(area=world.area_a1)
        Assignment.objects.create(household=h, member=world.member, starts_on=today())
        visit(world, h, 40)
    with django_assert_max_num_queries(10):
        response = client.get(url)
    html = response.content.decode()
    assert response.status_code == 200
    assert html.count(reverse("care:visit_new", args=[world.h1.pk])) == 1
    assert "Ghi lần thăm" in html
    assert len(gzip.compress(response.content)) < 14_000
    assert world.h2.head_name not in html


def test_home_sends_a_plain_member_to_my_households(client, world):
    client.force_login(world.member_user)
    assert client.get(reverse("home")).url == reverse("care:mine")


def test_my_households_anonymous_and_non_member(client, world):
    assert client.get(reverse("care:mine")).status_code == 302
    client.force_login(world.viewer)
    assert client.get(reverse("care:mine")).status_code == 404
    client.force_login(world.member_user)
    assert client.post(reverse("care:mine")).status_code == 405


def test_a_reassigned_household_leaves_the_old_members_list(client, world):
    household_services.assignment_reassign(
        actor=world.secretary, household=world.h1, member=world.other_member
    )
    assert selectors.my_household_list_for(user=world.member_user) == []
    token = token_issue(user=world.member_user)
    rows = client.get("/api/v1/households", HTTP_AUTHORIZATION=f"Bearer {token}").json()
    assert rows["count"] == 0  # the phone's cached list drops it at the next sync
    released = selectors.recently_released_for(user=world.member_user)
    assert [a.household_id for a in released] == [world.h1.pk]


def test_visits_are_credited_to_the_member_in_charge_at_the_time(world):
    visit(world, world.h1, 10)
    household_services.assignment_reassign(
        actor=world.secretary, household=world.h1, member=world.other_member
    )
    visit(world, world.h1, 0, member=world.other_member)
    assert Visit.objects.filter(member=world.member).count() == 1
    assert Visit.objects.filter(member=world.other_member).count() == 1


def test_reminders_page_for_member_and_secretary(client, world):
    client.force_login(world.member_user)
    response = client.get(reverse("care:reminders"))
    assert response.status_code == 200
    assert world.h1.head_name in response.content.decode()  # never visited
    client.force_login(world.secretary)
    response = client.get(reverse("care:reminders"))
    assert world.member.full_name in response.content.decode()


def test_reminders_list_members_whose_households_go_unvisited(world):
    visit(world, world.h2, 2, member=world.other_member)
    rows = selectors.reminders_for(user=world.secretary)["members"]
    assert [(r["member_id"], r["n"]) for r in rows] == [(world.member.pk, 1)]
    assert selectors.reminders_for(user=world.outsider)["members"] == []


def test_member_sheet_has_blank_lines_for_each_household(client, world):
    client.force_login(world.member_user)
    response = client.get(reverse("care:member_sheet", args=[world.member.pk]))
    html = response.content.decode()
    assert response.status_code == 200
    assert world.h1.head_name in html and html.count("write-lines") == 1
    client.force_login(world.outsider)
    assert client.get(reverse("care:member_sheet", args=[world.member.pk])).status_code == 404


def test_household_card_prints(client, world):
    client.force_login(world.member_user)
    response = client.get(reverse("care:household_card", args=[world.h1.pk]))
    assert response.status_code == 200 and "card-a5" in response.content.decode()
    client.force_login(world.member_user)
    assert client.get(reverse("care:household_card", args=[world.h2.pk])).status_code == 404


def test_household_page_sums_support(client, world):
    for amount in (100_000_000, 500_000):
        Support.objects.create(
            household=world.h1,
            member=world.member,
            kind="loan" if amount > 1_000_000 else "gift",
            given_on=today(),
            amount=amount,
            lender="Ngân hàng Chính sách xã hội" if amount > 1_000_000 else "",
        )
    client.force_login(world.member_user)
    response = client.get(reverse("care:household", args=[world.h1.pk]))
    assert "100.500.000 đ" in response.content.decode()
    client.force_login(world.secretary)
    response = client.get(reverse("care:member", args=[world.member.pk]))
    assert "100.500.000 đ" in response.content.decode()
    response = client.get(reverse("care:cell", args=[world.cell_a1.pk]))
    assert "100.500.000 đ" in response.content.decode()


def test_visited_household_count_for_reports(world):
    visit(world, world.h1, 5)
    visit(world, world.h1, 2)
    visit(world, world.h2, 40, member=world.other_member)
    households = Household.objects.filter(area=world.area_a1)
    since = today() - datetime.timedelta(days=30)
    assert selectors.visited_household_count(households=households, since=since) == 1
    assert (
        selectors.visited_household_count(
            households=households, since=since.replace(year=since.year - 1)
        )
        == 2
    )
    assert selectors.visited_household_count(households=Household.objects.none(), since=since) == 0


def test_reminders_query_count_does_not_grow(client, world, django_assert_max_num_queries):
    client.force_login(world.committee)
    url = reverse("care:reminders")
    client.get(url)
    for _ in range(10):
        h = HouseholdFactory(area=world.area_a1)
        Assignment.objects.create(household=h, member=world.other_member, starts_on=today())
        visit(world, h, 50, member=world.other_member)
    with django_assert_max_num_queries(10):
        response = client.get(url)
    assert world.other_member.full_name in response.content.decode()
