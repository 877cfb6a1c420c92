"""Progress of a campaign, the lag rule and crediting by the effective-dated assignments."""

import datetime

import pytest

from gandan.campaigns import selectors
from gandan.campaigns.tests.factories import CampaignFactory, ParticipationFactory
from gandan.households.models import Assignment
from gandan.test import HouseholdFactory, MemberFactory, assign


def group_of(world, member_count_households):
    """A member of cell A1 in charge of `n` new households of village A1."""
    member = MemberFactory(cell=world.cell_a1)
    households = [HouseholdFactory(area=world.area_a1) for _ in range(member_count_households)]
    for h in households:
        assign(h, member)
    return member, households


def took_part(campaign, households, on=datetime.date(2025, 3, 1), quantity=100_000):
    for h in households:
        ParticipationFactory(campaign=campaign, household=h, contributed_on=on, quantity=quantity)


def rows_by_member(progress):
    return {row.key: row for row in progress.groups}


@pytest.fixture
def groups(world):
    """Cell A1: average = 15 of 25 households = 60 %.

    good: 8/8 (100 %); within: 4/8 (50 %, 10 points under); lagging: 1/4 (25 %, 35 under);
    tiny: 0/2 (too small to flag); the world's h1 and h2 (took part, groups of one) and
    h_unassigned (nobody in charge, never flagged).
    """
    campaign = CampaignFactory(unit=world.cell_a1)
    good, good_h = group_of(world, 8)
    within, within_h = group_of(world, 8)
    lagging, lagging_h = group_of(world, 4)
    tiny, tiny_h = group_of(world, 2)
    took_part(campaign, good_h + within_h[:4] + lagging_h[:1] + [world.h1, world.h2])
    return campaign, good, within, lagging, tiny


def test_lagging_group_is_flagged_naming_the_member(world, groups):
    campaign, good, within, lagging, tiny = groups
    progress = selectors.campaign_progress(user=world.secretary, campaign=campaign)
    assert (progress.participating, progress.households) == (15, 25)
    rows = rows_by_member(progress)
    assert rows[lagging.pk].flagged
    assert rows[lagging.pk].name == lagging.full_name
    assert progress.groups[0].key == lagging.pk  # flagged groups come first
    assert progress.flagged_count == 1


def test_group_within_the_margin_and_tiny_group_are_not_flagged(world, groups):
    campaign, good, within, lagging, tiny = groups
    rows = rows_by_member(selectors.campaign_progress(user=world.secretary, campaign=campaign))
    assert not rows[good.pk].flagged
    assert not rows[within.pk].flagged  # 50 % against 60 %: 10 points
    assert rows[tiny.pk].participating == 0 and not rows[tiny.pk].flagged


def test_the_margin_is_the_campaigns_own_and_reaching_it_flags(world, groups):
    campaign, good, within, lagging, tiny = groups
    campaign.lag_margin_points = 11
    rows = rows_by_member(selectors.campaign_progress(user=world.secretary, campaign=campaign))
    assert not rows[within.pk].flagged  # 10 points under
    campaign.lag_margin_points = 10
    rows = rows_by_member(selectors.campaign_progress(user=world.secretary, campaign=campaign))
    assert rows[within.pk].flagged


def test_nobody_in_charge_is_shown_to_the_secretary_but_never_flagged(world, groups):
    campaign = groups[0]
    rows = rows_by_member(selectors.campaign_progress(user=world.secretary, campaign=campaign))
    assert rows[None].households == 1 and rows[None].participating == 0
    assert not rows[None].flagged


def test_a_household_moved_mid_campaign_is_credited_to_the_member_in_charge_that_day(world):
    campaign = CampaignFactory(unit=world.cell_a1)
    moved = datetime.date(2025, 4, 1)
    Assignment.objects.filter(household=world.h1).update(ends_on=moved)
    assign(world.h1, world.other_member, starts_on=moved)
    ParticipationFactory(
        campaign=campaign,
        household=world.h1,
        contributed_on=datetime.date(2025, 3, 31),
        quantity=300_000,
    )
    ParticipationFactory(
        campaign=campaign, household=world.h1, contributed_on=moved, quantity=50_000
    )
    rows = rows_by_member(selectors.campaign_progress(user=world.secretary, campaign=campaign))
    assert rows[world.member.pk].quantity == 300_000
    assert rows[world.other_member.pk].quantity == 50_000
    # The household counts once, in the group where it first took part.
    assert (rows[world.member.pk].households, rows[world.member.pk].participating) == (1, 1)
    other = rows[world.other_member.pk]
    assert (other.households, other.participating) == (1, 0)  # h2, which has not taken part
    names = dict(
        selectors.participation_list_for(user=world.secretary, campaign=campaign).values_list(
            "quantity", "credited_name"
        )
    )
    assert names == {300_000: world.member.full_name, 50_000: world.other_member.full_name}


def test_member_sees_only_his_own_group_and_viewer_no_group(world, groups):
    campaign = groups[0]
    mine = selectors.campaign_progress(user=world.member_user, campaign=campaign)
    assert [row.key for row in mine.groups] == [world.member.pk]
    assert mine.households == 25  # the totals are the campaign's
    seen = selectors.campaign_progress(user=world.viewer, campaign=campaign)
    assert seen.groups == [] and seen.flagged_count == 1
    assert [row.name for row in seen.areas] == ["Tiên Tốc"]


def test_area_rows_add_up_in_a_commune_campaign(world):
    campaign = CampaignFactory(unit=world.committee_a)
    took_part(campaign, [world.h1, world.h_a2], quantity=200_000)
    progress = selectors.campaign_progress(user=world.committee, campaign=campaign)
    areas = {row.name: (row.households, row.participating, row.quantity) for row in progress.areas}
    assert areas == {"Tiên Tốc": (3, 1, 200_000), "Nà Thuôn": (1, 1, 200_000)}
    assert (progress.households, progress.participating, progress.quantity) == (4, 2, 400_000)
