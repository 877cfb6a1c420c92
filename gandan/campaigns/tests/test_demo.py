"""The demo's campaigns reproduce seed 003's figures: asked of the database."""

import datetime

import pytest
from django.db import transaction
from django.db.models import Count, Q, Sum

from gandan.campaigns import selectors
from gandan.campaigns.models import AccountabilityReview, Campaign, Measure
from gandan.org.models import Role

TODAY = datetime.date(2026, 11, 24)


@pytest.fixture(scope="module")
def demo(django_db_setup, django_db_blocker):
    from gandan.demo.runner import demo_build

    # Rolled back afterwards (not flushed), so the rows migrations loaded stay for later tests.
    with django_db_blocker.unblock(), transaction.atomic():
        demo_build(today=TODAY, out=lambda line: None)
        yield
        transaction.set_rollback(True)


def result(area, measure, **filters):
    return (
        Campaign.objects.filter(unit__cell_areas__area__name=area, measure=measure, **filters)
        .annotate(
            total=Sum("participations__quantity"),
            households=Count("participations__household", distinct=True),
            sites=Count("participations__site", distinct=True, filter=~Q(participations__site="")),
        )
        .get()
    )


@pytest.mark.django_db
def test_ke_tan_has_two_flower_roads_totalling_300_metres(demo):
    roads = result("Kế Tân", Measure.FLOWER_ROAD)
    assert (roads.sites, roads.total) == (2, 300)


@pytest.mark.django_db
def test_ke_tan_lit_1200_metres_of_road(demo):
    assert result("Kế Tân", Measure.STREET_LIGHTS).total == 1_200


@pytest.mark.django_db
def test_ke_tan_replaced_all_its_temporary_houses(demo):
    houses = result("Kế Tân", Measure.HOUSES)
    assert houses.total == houses.target_quantity == houses.households


@pytest.mark.django_db
def test_tien_toc_built_nine_houses_for_poor_households_in_2023(demo):
    houses = result("Tiên Tốc", Measure.HOUSES, starts_on__year=2023)
    assert (houses.total, houses.households) == (9, 9)


@pytest.mark.django_db
def test_ke_tan_fund_has_one_lagging_group_with_its_review(demo):
    fund = Campaign.objects.get(unit__cell_areas__area__name="Kế Tân", measure=Measure.FUND)
    secretary = Role.objects.get(unit=fund.unit, kind=Role.Kind.SECRETARY).user
    progress = selectors.campaign_progress(user=secretary, campaign=fund)
    flagged = [row for row in progress.groups if row.flagged]
    assert len(flagged) == 1
    review = AccountabilityReview.objects.get(campaign=fund)
    assert review.member_id == flagged[0].key
    assert review.member.full_name not in {"Cao Duy Hảo", "Đặng Hữu Thắng"}
    assert review.member.user.demo_credential.password
