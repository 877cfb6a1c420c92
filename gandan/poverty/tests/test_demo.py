"""The demo reproduces the seeds' poverty figures: asked of the database."""

import datetime

import pytest
from django.core.management import call_command

from gandan.care.models import Support
from gandan.households.models import Household
from gandan.org.models import Unit
from gandan.poverty import selectors
from gandan.poverty.models import Assessment, Status, Target


@pytest.fixture(scope="module")
def demo(django_db_setup, django_db_blocker):
    from gandan.demo.runner import demo_build

    with django_db_blocker.unblock():
        from gandan.poverty.standards import standards_ensure

        standards_ensure()
        demo_build(today=datetime.date(2026, 11, 24), out=lambda line: None)
        yield
        call_command("flush", interactive=False, verbosity=0)


def cell(area_name):
    return Unit.objects.get(kind=Unit.Kind.CELL, cell_areas__area__name=area_name)


def counts(area_name, year):
    return selectors.status_counts(households=selectors.unit_households(cell(area_name)), year=year)


def moves(area_name, year):
    hh = selectors.unit_households(cell(area_name))
    return selectors.transition_counts(households=hh, year=year)


def progress(unit, kind):
    return selectors.target_progress(target=Target.objects.get(unit=unit, kind=kind))


@pytest.mark.django_db
def test_every_household_has_a_survey_and_a_status_for_2022_to_2025(demo):
    households = Household.objects.count()
    for year in [2022, 2023, 2024, 2025]:
        of_year = Assessment.objects.filter(year=year)
        assert of_year.count() == households
        assert not of_year.filter(income_per_person__isnull=True).exists()


@pytest.mark.django_db
def test_ia_lang_had_8_poor_and_6_near_poor_and_shows_its_target_progress(demo):
    assert counts("Ia Lang", 2022)["poor"] == 8
    assert counts("Ia Lang", 2022)["near_poor"] == 6
    ia_lang = cell("Ia Lang")
    poor = progress(ia_lang, "fewer_poor")
    assert (poor["amount"], poor["start_year"], poor["end_year"]) == (3, 2022, 2025)
    assert (poor["baseline"], poor["achieved"], poor["met"]) == (8, 3, True)
    near = progress(ia_lang, "fewer_near_poor")
    assert (near["baseline"], near["achieved"], near["percent"]) == (6, 2, 67)


@pytest.mark.django_db
def test_tdp_1_and_3_have_no_poor_households(demo):
    for area in ["Tổ dân phố 1", "Tổ dân phố 3"]:
        assert not Assessment.objects.filter(
            household__area__name=area, status=Status.POOR
        ).exists()


@pytest.mark.django_db
def test_tien_toc_4_households_left_poverty_in_2023_and_9_houses(demo):
    assert moves("Tiên Tốc", 2023)["left_poverty"] == 4
    nguyen = Assessment.objects.filter(household__head_name="Hoàng Văn Nguyên")
    assert dict(nguyen.values_list("year", "status"))[2022] == Status.POOR
    assert dict(nguyen.values_list("year", "status"))[2023] != Status.POOR
    houses = Support.objects.filter(
        household__area__name="Tiên Tốc", kind="house", given_on__year=2023
    )
    assert houses.count() == 9
    housed_poor = Assessment.objects.filter(
        household__in=houses.values("household_id"), year=2023, status=Status.POOR
    )
    assert housed_poor.count() == 9  # the houses went to poor households
    assert progress(cell("Tiên Tốc"), "houses")["achieved"] == 9


@pytest.mark.django_db
def test_ke_tan_12_fewer_poor_and_near_poor_beating_the_communes_target(demo):
    before, after = counts("Kế Tân", 2024), counts("Kế Tân", 2025)
    fewer = (before["poor"] + before["near_poor"]) - (after["poor"] + after["near_poor"])
    assert fewer == 12
    thien_ke = Unit.objects.get(kind=Unit.Kind.COMMITTEE, commune__name="Thiện Kế")
    rows = [progress(thien_ke, "fewer_poor"), progress(thien_ke, "fewer_near_poor")]
    assert all(r["met"] for r in rows)
    assert sum(r["achieved"] for r in rows) == 12 > sum(r["amount"] for r in rows)
    toan = Assessment.objects.filter(household__head_name="Kiều Đình Toàn")
    assert dict(toan.values_list("year", "status"))[2024] == Status.POOR
    assert dict(toan.values_list("year", "status"))[2025] in (Status.MIDDLE, Status.NONE)
