"""Transitions per year and target progress, counted from the records."""

import datetime

import pytest

from gandan.care.models import Support, Visit
from gandan.households.models import Household
from gandan.org.models import Member
from gandan.poverty import selectors
from gandan.poverty.models import Status, Target
from gandan.poverty.tests.factories import TargetFactory, statuses
from gandan.test import HouseholdFactory, MemberFactory

P, N, M, X = Status.POOR, Status.NEAR_POOR, Status.MIDDLE, Status.NONE


def one_household(world, by_year):
    h = HouseholdFactory(area=world.area_a1)
    statuses(h, by_year)
    return Household.objects.filter(pk=h.pk)


@pytest.mark.parametrize(
    ("history", "year", "kind"),
    [
        ({2022: P, 2023: X}, 2023, "left_poverty"),
        ({2022: P, 2023: M}, 2023, "left_poverty"),
        ({2022: N, 2023: M}, 2023, "left_near_poverty"),
        ({2022: P, 2023: X, 2024: P}, 2024, "fell_back"),
        ({2022: X, 2023: M, 2024: P}, 2024, "newly_poor"),
        ({2022: N, 2023: P}, 2023, "near_poor_to_poor"),
        ({2022: P, 2023: N}, 2023, "poor_to_near_poor"),
    ],
)
def test_each_transition_is_counted_once_and_only_as_itself(world, history, year, kind):
    counts = selectors.transition_counts(households=one_household(world, history), year=year)
    assert counts == {k: int(k == kind) for k in selectors.Transition.KEYS}


def test_staying_poor_or_without_last_year_status_is_no_transition(world):
    stayed = one_household(world, {2022: P, 2023: P})
    assert sum(selectors.transition_counts(households=stayed, year=2023).values()) == 0
    unreviewed = one_household(world, {2024: P})
    assert sum(selectors.transition_counts(households=unreviewed, year=2024).values()) == 0


def test_status_counts_and_transitions_for_any_household_queryset(world):
    for history in [{2022: P, 2023: X}, {2022: P, 2023: P}, {2022: N, 2023: N}, {2022: X}]:
        one_household(world, history)
    outside = HouseholdFactory(area=world.area_b1)
    statuses(outside, {2022: P, 2023: X})
    cell = selectors.unit_households(world.cell_a1)
    assert selectors.status_counts(households=cell, year=2022) == {
        "poor": 2,
        "near_poor": 1,
        "middle": 0,
        "none": 1,
    }
    assert selectors.status_counts(households=cell, year=2023) == {
        "poor": 1,
        "near_poor": 1,
        "middle": 0,
        "none": 1,
    }
    assert selectors.transition_counts(households=cell, year=2023)["left_poverty"] == 1
    commune_b = selectors.unit_households(world.committee_b)
    assert selectors.transition_counts(households=commune_b, year=2023)["left_poverty"] == 1
    by_year = {r["year"]: r for r in selectors.status_counts_by_year(households=cell)}
    assert by_year[2022]["poor"] == 2
    assert by_year[2023]["left_poverty"] == 1
    by_area = selectors.status_counts_by_area(households=commune_b, year=2023)
    assert [(r["area"], r["none"], r["left_poverty"]) for r in by_area] == [("Kế Tân", 1, 1)]


def test_fewer_poor_target_progress_comes_from_official_statuses(world):
    # 8 poor in the first review, 5 in the latest: 3 fewer, the target of 3 is met.
    for i in range(8):
        one_household(world, {2022: P, 2023: P, 2024: P if i < 6 else X, 2025: P if i < 5 else X})
    target = TargetFactory(unit=world.cell_a1, kind=Target.Kind.FEWER_POOR, amount=3)
    progress = selectors.target_progress(target=target)
    assert progress["baseline"] == 8
    assert progress["baseline_year"] == 2022
    assert progress["current_year"] == 2025
    assert progress["achieved"] == 3
    assert progress["percent"] == 100
    assert progress["met"] is True


def test_one_year_target_counts_from_the_year_before(world):
    for i in range(4):
        one_household(world, {2024: N, 2025: N if i < 3 else M})
    target = TargetFactory(
        unit=world.committee_a,
        kind=Target.Kind.FEWER_NEAR_POOR,
        amount=2,
        start_year=2025,
        end_year=2025,
    )
    progress = selectors.target_progress(target=target)
    assert (progress["baseline"], progress["baseline_year"], progress["achieved"]) == (4, 2024, 1)
    assert progress["percent"] == 50
    assert progress["met"] is False


def test_typed_baseline_wins_and_a_rise_is_negative_progress(world):
    for _ in range(3):
        one_household(world, {2022: P, 2023: P})
    target = TargetFactory(unit=world.cell_a1, baseline=2, amount=1, start_year=2023)
    progress = selectors.target_progress(target=target)
    assert progress["achieved"] == -1
    assert progress["percent"] == 0
    assert progress["met"] is False


def test_target_without_any_review_has_no_progress(world):
    target = TargetFactory(unit=world.cell_a1)
    progress = selectors.target_progress(target=target)
    assert progress["achieved"] == 0
    assert progress["baseline"] is None
    typed = TargetFactory(unit=world.cell_a1, baseline=7)
    progress = selectors.target_progress(target=typed)
    assert (progress["baseline"], progress["achieved"], progress["current"]) == (7, 0, None)


def test_houses_visits_and_new_members_targets_count_records_of_the_unit_and_period(world):
    h1, h_b1 = world.h1, world.h_b1
    for on in [datetime.date(2023, 5, 1), datetime.date(2023, 8, 1), datetime.date(2021, 5, 1)]:
        Support.objects.create(household=h1, member=world.member, kind="house", given_on=on)
    Support.objects.create(
        household=h1, member=world.member, kind="gift", given_on=datetime.date(2023, 5, 1)
    )
    Support.objects.create(
        household=h_b1, member=world.member, kind="house", given_on=datetime.date(2023, 5, 1)
    )
    for h, on in [(h1, (2024, 1, 1)), (h1, (2024, 2, 1)), (world.h2, (2024, 3, 1))]:
        Visit.objects.create(household=h, member=world.member, visited_on=datetime.date(*on))
    MemberFactory(cell=world.cell_a1, admitted_on=datetime.date(2024, 6, 1), confirmed_on=None)
    MemberFactory(cell=world.cell_a2, admitted_on=datetime.date(2024, 6, 1), confirmed_on=None)
    MemberFactory(cell=world.cell_b1, admitted_on=datetime.date(2024, 6, 1), confirmed_on=None)

    def achieved(unit, kind, start, end):
        target = TargetFactory(unit=unit, kind=kind, amount=2, start_year=start, end_year=end)
        return selectors.target_progress(target=target)["achieved"]

    assert achieved(world.cell_a1, Target.Kind.HOUSES, 2023, 2023) == 2
    assert achieved(world.committee_b, Target.Kind.HOUSES, 2022, 2025) == 1
    assert achieved(world.cell_a1, Target.Kind.HOUSEHOLDS_VISITED, 2024, 2024) == 2
    assert achieved(world.cell_a1, Target.Kind.NEW_MEMBERS, 2024, 2024) == 1
    assert achieved(world.committee_a, Target.Kind.NEW_MEMBERS, 2024, 2025) == 2
    assert Member.objects.filter(admitted_on__year=2024).count() == 3


def test_target_progress_list_for_is_scoped_and_filtered_by_year(world):
    TargetFactory(unit=world.cell_a1, start_year=2022, end_year=2025)
    TargetFactory(unit=world.cell_a1, start_year=2026, end_year=2026, kind="houses")
    rows = selectors.target_progress_list_for(user=world.secretary, unit=world.cell_a1)
    assert [r["kind"] for r in rows] == ["fewer_poor", "houses"]
    assert set(rows[0]) >= {
        "id",
        "kind",
        "label",
        "amount",
        "start_year",
        "end_year",
        "baseline",
        "achieved",
        "percent",
        "met",
    }
    rows = selectors.target_progress_list_for(user=world.secretary, unit=world.cell_a1, year=2026)
    assert [r["kind"] for r in rows] == ["houses"]
    from django.http import Http404

    with pytest.raises(Http404):
        selectors.target_progress_list_for(user=world.outsider, unit=world.cell_a1)
