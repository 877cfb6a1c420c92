"""Recording participation and opening reviews: the rules and the bad input."""

import datetime
import uuid

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from gandan.campaigns import services
from gandan.campaigns.models import AccountabilityReview, Campaign, Measure, Participation
from gandan.campaigns.tests.factories import CampaignFactory, ParticipationFactory
from gandan.test import HouseholdFactory, MemberFactory, assign

DAY = datetime.date(2025, 3, 1)


@pytest.fixture
def campaign(world):
    return CampaignFactory(unit=world.cell_a1)


def record(actor, campaign, household, **kwargs):
    values = {"contributed_on": DAY, "quantity": 200_000, **kwargs}
    return services.participation_record(
        actor=actor, campaign=campaign, household=household, **values
    )


def test_member_records_for_the_household_in_his_charge(world, campaign):
    row, created = record(world.member_user, campaign, world.h1, note="Ủng hộ quỹ")
    assert created and row.quantity == 200_000 and row.recorded_by == world.member_user


def test_member_may_not_record_for_another_members_household(world, campaign):
    with pytest.raises(PermissionDenied):
        record(world.member_user, campaign, world.h2)


def test_secretary_records_for_any_household_of_the_cell(world, campaign):
    _, created = record(world.secretary, campaign, world.h_unassigned)
    assert created


def test_viewer_may_not_record(world, campaign):
    with pytest.raises(PermissionDenied):
        record(world.viewer, campaign, world.h1)


def test_household_outside_the_campaign_is_refused_with_a_message(world, campaign):
    with pytest.raises(ValidationError) as exc:
        record(world.committee, campaign, world.h_a2)
    assert "không thuộc địa bàn" in str(exc.value)


def test_the_same_submission_twice_is_counted_once(world, campaign):
    token = uuid.uuid4()
    first, created = record(world.member_user, campaign, world.h1, token=token)
    again, created_again = record(world.member_user, campaign, world.h1, token=token)
    assert created and not created_again and again.pk == first.pk
    assert Participation.objects.filter(campaign=campaign).count() == 1


def test_a_token_used_for_another_household_is_refused(world, campaign):
    token = uuid.uuid4()
    record(world.secretary, campaign, world.h1, token=token)
    with pytest.raises(ValidationError):
        record(world.secretary, campaign, world.h2, token=token)


@pytest.mark.parametrize(
    ("quantity", "field", "words"),
    [
        (-50_000, "quantity", "lớn hơn 0"),
        (0, "quantity", "lớn hơn 0"),
        (1_000_000_000, "quantity", "quá lớn"),
    ],
)
def test_negative_zero_or_absurd_quantity_is_refused(world, campaign, quantity, field, words):
    with pytest.raises(ValidationError) as exc:
        record(world.secretary, campaign, world.h1, quantity=quantity)
    assert words in " ".join(exc.value.message_dict[field])
    assert not Participation.objects.exists()


@pytest.mark.parametrize(
    ("day", "words"),
    [
        (datetime.date(2024, 12, 31), "trước khi phong trào bắt đầu"),
        (datetime.date(2099, 1, 1), "tương lai"),
    ],
)
def test_dates_outside_the_campaign_or_in_the_future_are_refused(world, campaign, day, words):
    with pytest.raises(ValidationError) as exc:
        record(world.secretary, campaign, world.h1, contributed_on=day)
    assert words in " ".join(exc.value.message_dict["contributed_on"])


def test_a_house_is_counted_once_per_household(world):
    campaign = CampaignFactory(unit=world.cell_a1, measure=Measure.HOUSES)
    record(world.secretary, campaign, world.h1, quantity=1)
    with pytest.raises(ValidationError):
        record(world.secretary, campaign, world.h1, quantity=1)
    with pytest.raises(ValidationError):
        record(world.secretary, campaign, world.h2, quantity=2)


def test_a_finished_campaign_takes_no_more_records(world):
    campaign = CampaignFactory(unit=world.cell_a1, status=Campaign.Status.FINISHED)
    with pytest.raises(ValidationError):
        record(world.secretary, campaign, world.h1)


def test_campaign_ending_before_it_starts_is_refused(world):
    with pytest.raises(ValidationError) as exc:
        services.campaign_create(
            actor=world.secretary,
            unit=world.cell_a1,
            title="Đường hoa",
            measure=Measure.FLOWER_ROAD,
            starts_on=datetime.date(2025, 5, 1),
            ends_on=datetime.date(2025, 4, 1),
        )
    assert "ends_on" in exc.value.message_dict


def test_secretary_may_not_launch_a_campaign_for_the_commune(world):
    with pytest.raises(PermissionDenied):
        services.campaign_create(
            actor=world.secretary,
            unit=world.committee_a,
            title="Quỹ",
            measure=Measure.FUND,
            starts_on=DAY,
        )


@pytest.fixture
def lagging(world, campaign):
    """A group of 4 with 0 taking part while the rest of the cell mostly does."""
    slow = MemberFactory(cell=world.cell_a1)
    for _ in range(4):
        assign(HouseholdFactory(area=world.area_a1), slow)
    fast = MemberFactory(cell=world.cell_a1)
    for _ in range(6):
        h = HouseholdFactory(area=world.area_a1)
        assign(h, fast)
        ParticipationFactory(campaign=campaign, household=h)
    return slow, fast


def test_secretary_opens_a_review_of_a_flagged_member_keeping_the_figures(world, campaign, lagging):
    slow, _ = lagging
    review = services.review_open(
        actor=world.secretary, campaign=campaign, member=slow, meeting_on=DAY
    )
    assert (review.group_households, review.group_participating) == (4, 0)
    assert review.campaign_rate_percent == round(100 * 6 / 13)
    with pytest.raises(ValidationError):
        services.review_open(actor=world.secretary, campaign=campaign, member=slow, meeting_on=DAY)


def test_no_review_for_a_member_whose_group_does_not_lag(world, campaign, lagging):
    _, fast = lagging
    with pytest.raises(ValidationError):
        services.review_open(actor=world.secretary, campaign=campaign, member=fast, meeting_on=DAY)
    assert not AccountabilityReview.objects.exists()


def test_member_may_not_open_a_review(world, campaign, lagging):
    with pytest.raises(PermissionDenied):
        services.review_open(
            actor=world.member_user, campaign=campaign, member=lagging[0], meeting_on=DAY
        )


def test_a_conclusion_is_needed_before_closing_a_review(world, campaign, lagging):
    review = services.review_open(
        actor=world.secretary, campaign=campaign, member=lagging[0], meeting_on=DAY
    )
    values = {"meeting_on": DAY, "findings": "Chưa xuống hộ", "follow_up": "", "conclusion": ""}
    with pytest.raises(ValidationError) as exc:
        services.review_update(actor=world.secretary, review=review, status="concluded", **values)
    assert "conclusion" in exc.value.message_dict
    values["conclusion"] = "Nhắc nhở, xuống từng hộ trong tháng"
    services.review_update(actor=world.secretary, review=review, status="concluded", **values)
    review.refresh_from_db()
    assert review.status == "concluded"
