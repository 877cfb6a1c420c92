"""The demo's partnerships of phường Chi Lăng, asked of the database."""

import datetime

import pytest
from django.core.management import call_command
from django.db.models import Sum

from gandan.access import households_for
from gandan.accounts.models import User
from gandan.households.models import Household
from gandan.org.models import Member
from gandan.poverty.models import Assessment
from gandan.twinning import selectors
from gandan.twinning.models import Agreement, Candidate, Contribution, Review, Task


@pytest.fixture(scope="module")
def demo(django_db_setup, django_db_blocker):
    from gandan.demo.runner import demo_build

    with django_db_blocker.unblock():
        demo_build(today=datetime.date(2026, 11, 24), out=lambda line: None)
        yield
        call_command("flush", interactive=False, verbosity=0)


def ia_lang():
    return Agreement.objects.get(sides__cell__cell_areas__area__name="Ia Lang")


def cells_of(agreement, side):
    return sorted(
        agreement.sides.filter(side=side).values_list("cell__cell_areas__area__name", flat=True)
    )


@pytest.mark.django_db
def test_the_three_partnerships_of_chi_lang(demo):
    agreements = Agreement.objects.filter(committee__commune__name="Chi Lăng")
    assert agreements.count() == 3
    pairs = {tuple(cells_of(a, "village")): cells_of(a, "helping") for a in agreements}
    assert pairs == {
        ("Ia Lang",): ["Tổ dân phố 1", "Tổ dân phố 3"],
        ("Châm Anẻh",): ["Hàm Rồng", "Tổ dân phố 4"],
        ("Ngol Tảl",): ["Ia Rốk", "Tổ dân phố 2"],
    }
    assert all(a.contents.count() == 5 for a in agreements)


@pytest.mark.django_db
def test_the_2022_agreement_its_tasks_and_term(demo):
    agreement = ia_lang()
    assert (agreement.signed_on.year, agreement.starts_on.year, agreement.ends_on.year) == (
        2022,
        2022,
        2025,
    )
    assert agreement.status == Agreement.Status.ACTIVE
    tasks = Task.objects.filter(content__agreement=agreement)
    assert set(tasks.values_list("content__kind", flat=True)) == {1, 2, 3, 4, 5}
    organisations = set(tasks.values_list("organisation", flat=True))
    assert {"farmers", "women", "youth", "veterans", "front", "residents"} <= organisations


@pytest.mark.django_db
def test_fourteen_gift_packages_worth_ten_million_for_fourteen_poor_households(demo):
    agreement = ia_lang()
    gifts = Contribution.objects.filter(agreement=agreement, kind="gift")
    assert gifts.aggregate(n=Sum("quantity"), v=Sum("value")) == {"n": 14, "v": 10_000_000}
    totals = selectors.contribution_totals(agreement=agreement)
    assert (totals["gift_count"], totals["gift_value"], totals["households"]) == (
        14,
        10_000_000,
        14,
    )
    recipients = {h.pk for g in gifts for h in g.recipients.all()}
    statuses = Assessment.objects.filter(household_id__in=recipients, year=2022)
    assert len(recipients) == 14
    assert set(statuses.values_list("status", flat=True)) == {"poor", "near_poor"}
    assert statuses.filter(status="poor").count() == 8


@pytest.mark.django_db
def test_shared_targets_and_an_interim_review(demo):
    agreement = ia_lang()
    targets = {t["kind"]: t for t in selectors.target_list(agreement=agreement)}
    assert targets["fewer_poor"]["amount"] == 3
    assert targets["fewer_near_poor"]["amount"] == 3
    assert "new_members" in targets
    review = Review.objects.get(agreement=agreement)
    assert review.kind == "interim"
    assert review.figures["contributions"]["gift_count"] == 14
    assert review.figures["contributions"]["value"] == 10_000_000


@pytest.mark.django_db
def test_candidates_of_ia_lang_at_various_stages_and_the_cell_keeps_11_members(demo):
    candidates = Candidate.objects.filter(cell__cell_areas__area__name="Ia Lang")
    assert {"farmers", "front", "youth", "veterans"} <= set(
        candidates.values_list("organisation", flat=True)
    )
    assert candidates.values("stage").distinct().count() >= 4
    assert (
        Member.objects.filter(cell__cell_areas__area__name="Ia Lang", left_on__isnull=True).count()
        == 11
    )


@pytest.mark.django_db
def test_one_ia_lang_household_is_shared_with_a_tdp_1_member(demo):
    agreement = ia_lang()
    assert selectors.share_count(agreement=agreement) == 1
    share = agreement.sides.get(side="helping", cell__name__endswith="1").cell
    helper_user = User.objects.get(member__cell=share, roles__isnull=True)
    visible = households_for(helper_user).filter(area__name="Ia Lang")
    assert visible.count() == 1
    secretary_tdp3 = User.objects.get(username="bithu.todanpho3")
    assert not households_for(secretary_tdp3).filter(area__name="Ia Lang").exists()


@pytest.mark.django_db
def test_partner_secretary_gets_404_on_an_ia_lang_household_and_the_named_member_200(demo, client):
    from django.urls import reverse

    from gandan.households.models import HouseholdShare

    share = HouseholdShare.objects.select_related("member__user", "household").get(
        household__area__name="Ia Lang", ends_on__isnull=True
    )
    url = reverse("care:household", args=[share.household_id])
    client.force_login(User.objects.get(username="bithu.todanpho1"))
    assert client.get(url).status_code == 404
    client.force_login(share.member.user)
    assert client.get(url).status_code == 200
    other = Household.objects.filter(area__name="Ia Lang").exclude(pk=share.household_id).first()
    assert client.get(reverse("care:household", args=[other.pk])).status_code == 404
