"""The campaigns API: scoped list and detail with lag flags, recording with clear errors."""

import datetime
import uuid

import pytest

from gandan.accounts.services import token_issue
from gandan.campaigns.models import Participation
from gandan.campaigns.tests.factories import CampaignFactory, ParticipationFactory
from gandan.test import HouseholdFactory, MemberFactory, assign


def bearer(user):
    return {"HTTP_AUTHORIZATION": f"Bearer {token_issue(user=user)}"}


@pytest.fixture
def campaign(world):
    campaign = CampaignFactory(unit=world.cell_a1, target_quantity=5_000_000)
    slow = MemberFactory(cell=world.cell_a1, full_name="Vàng Văn Chậm")
    for _ in range(3):
        assign(HouseholdFactory(area=world.area_a1), slow)
    ParticipationFactory(campaign=campaign, household=world.h1, quantity=500_000)
    ParticipationFactory(campaign=campaign, household=world.h2, quantity=500_000)
    campaign.slow = slow
    return campaign


def test_list_is_scoped_and_carries_progress(client, world, campaign):
    other = CampaignFactory(unit=world.cell_b1)
    rows = client.get("/api/v1/campaigns", **bearer(world.secretary)).json()
    assert [r["id"] for r in rows] == [campaign.pk]
    assert rows[0]["progress"] == {
        "households": 6,
        "participating": 2,
        "rate_percent": 33,
        "quantity": 1_000_000,
        "target_percent": 20,
    }
    assert [r["id"] for r in client.get("/api/v1/campaigns", **bearer(world.outsider)).json()] == [
        other.pk
    ]


def test_detail_flags_the_lagging_group_by_name(client, world, campaign):
    data = client.get(f"/api/v1/campaigns/{campaign.pk}", **bearer(world.secretary)).json()
    flagged = [g for g in data["groups"] if g["flagged"]]
    assert [g["name"] for g in flagged] == ["Vàng Văn Chậm"]
    assert data["flagged_groups"] == 1 and data["areas"][0]["name"] == "Tiên Tốc"


def test_viewer_gets_no_names(client, world, campaign):
    data = client.get(f"/api/v1/campaigns/{campaign.pk}", **bearer(world.viewer)).json()
    assert data["groups"] == [] and data["flagged_groups"] == 1


def test_outsider_gets_404(client, world, campaign):
    response = client.get(f"/api/v1/campaigns/{campaign.pk}", **bearer(world.outsider))
    assert response.status_code == 404 and response.json()["detail"]
    response = client.post(
        f"/api/v1/campaigns/{campaign.pk}/participations",
        {"household_id": world.h1.pk, "date": "2025-03-01", "quantity": 1},
        content_type="application/json",
        **bearer(world.outsider),
    )
    assert response.status_code == 404


def post(client, user, campaign, **data):
    body = {"household_id": data.pop("household").pk, "date": "2025-03-05", "quantity": 1000}
    body.update(data)
    return client.post(
        f"/api/v1/campaigns/{campaign.pk}/participations",
        body,
        content_type="application/json",
        **bearer(user),
    )


def test_member_records_once_per_token(client, world, campaign):
    token = str(uuid.uuid4())
    first = post(client, world.member_user, campaign, household=world.h1, token=token)
    again = post(client, world.member_user, campaign, household=world.h1, token=token)
    assert (first.status_code, again.status_code) == (201, 200)
    assert first.json()["id"] == again.json()["id"]
    assert Participation.objects.filter(household=world.h1).count() == 2  # fixture's + this one


def test_household_out_of_sight_is_404_and_not_in_charge_403(client, world, campaign):
    assert post(client, world.member_user, campaign, household=world.h2).status_code == 404
    assert post(client, world.member_user, campaign, household=world.h_b1).status_code == 404
    world.h2.shares.create(
        member=world.member, reason="Giúp đỡ", starts_on=datetime.date(2025, 1, 1)
    )
    world.member_user._gandan_scope = None
    response = post(client, world.member_user, campaign, household=world.h2)
    assert response.status_code == 403 and response.json()["detail"]


@pytest.mark.parametrize(
    ("change", "status", "words"),
    [
        ({"quantity": -1000}, 400, "lớn hơn 0"),
        ({"quantity": 10**12}, 400, "quá lớn"),
        ({"date": "2099-01-01"}, 400, "tương lai"),
        ({"quantity": "nhiều"}, 422, "không hợp lệ"),
        ({"date": "31/02/2025"}, 422, "không hợp lệ"),
        ({"household_id": 2**70}, 422, "không hợp lệ"),
    ],
)
def test_bad_input_gets_a_vietnamese_detail(client, world, campaign, change, status, words):
    response = post(client, world.secretary, campaign, household=world.h1, **change)
    assert response.status_code == status
    assert words in response.json()["detail"]


def test_list_query_count_is_pinned(client, world, django_assert_max_num_queries):
    for _ in range(6):
        ParticipationFactory(campaign=CampaignFactory(unit=world.cell_a1), household=world.h1)
    headers = bearer(world.secretary)
    with django_assert_max_num_queries(6):
        rows = client.get("/api/v1/campaigns", **headers).json()
    assert len(rows) == 6


def test_an_absurd_campaign_id_is_refused_not_a_crash(client, world):
    response = client.get(f"/api/v1/campaigns/{2**70}", **bearer(world.secretary))
    assert response.status_code == 422 and response.json()["detail"]
