import datetime

from gandan.accounts.services import token_issue
from gandan.test import HouseholdFactory
from gandan.twinning import services
from gandan.twinning.models import Review, Task
from gandan.twinning.tests.factories import TargetFactory, make_agreement

D = datetime.date


def bearer(user):
    return {"HTTP_AUTHORIZATION": f"Bearer {token_issue(user=user)}"}


def partnership(world):
    agreement = make_agreement(world)
    Task.objects.create(
        content=agreement.contents.get(kind=4), title="Đường hoa", organisation="women"
    )
    households = [HouseholdFactory(area=world.area_a1) for _ in range(14)]
    services.contribution_record(
        actor=world.committee,
        agreement=agreement,
        kind="gift",
        given_on=D(2023, 1, 15),
        description="14 suất quà Tết",
        quantity=14,
        value=10_000_000,
        giver_cell=world.cell_a2,
        receiver_cell=world.cell_a1,
        recipients=households,
    )
    services.agreement_target_link(
        actor=world.committee,
        agreement=agreement,
        target=TargetFactory(unit=world.cell_a1, kind="fewer_poor", amount=3, baseline=8),
    )
    services.review_create(
        actor=world.committee,
        agreement=agreement,
        kind=Review.Kind.INTERIM,
        period_start=D(2022, 1, 1),
        period_end=D(2023, 12, 31),
        held_on=D(2024, 1, 5),
        done="Trao quà",
    )
    return agreement


def test_twinning_detail_has_contents_targets_contributions_and_reviews(client, world):
    agreement = partnership(world)
    data = client.get(f"/api/v1/twinnings/{agreement.pk}", **bearer(world.other_secretary)).json()
    assert [c["kind"] for c in data["contents"]] == [1, 2, 3, 4, 5]
    assert data["contents"][3]["tasks"][0]["title"] == "Đường hoa"
    totals = data["contributions"]["totals"]
    assert (totals["gift_count"], totals["value"], totals["households"]) == (14, 10_000_000, 14)
    assert data["contributions"]["items"][0]["recipient_count"] == 14
    assert data["targets"][0]["kind"] == "fewer_poor" and data["targets"][0]["amount"] == 3
    assert data["reviews"][0]["figures"]["contributions"]["value"] == 10_000_000
    assert {c["side"] for c in data["cells"]} == {"helping", "village"}


def test_twinning_list_is_scoped_and_carries_totals(client, world):
    agreement = partnership(world)
    rows = client.get("/api/v1/twinnings", **bearer(world.viewer)).json()
    assert [(r["id"], r["contribution_value"], r["gift_count"]) for r in rows] == [
        (agreement.pk, 10_000_000, 14)
    ]
    assert client.get("/api/v1/twinnings", **bearer(world.outsider)).json() == []


def test_twinning_detail_outside_scope_is_404(client, world):
    agreement = partnership(world)
    for user in (world.outsider, world.viewer):
        response = client.get(f"/api/v1/twinnings/{agreement.pk}", **bearer(user))
        assert response.status_code == 404
        assert response.json()["detail"]


def test_twinning_api_needs_authentication(client, world):
    assert client.get("/api/v1/twinnings").status_code == 401
