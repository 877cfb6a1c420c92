"""Pages: happy path, anonymous to login, outsider 404, read-only 403, wrong method 405."""

import datetime

import pytest
from django.urls import reverse

from gandan.poverty.models import Assessment, Status, Target
from gandan.poverty.tests.factories import TargetFactory, standard_for, statuses
from gandan.test import HouseholdFactory


def login(client, user):
    client.force_login(user)
    return client


# --- unit page ---------------------------------------------------------------------------


def test_cell_page_shows_counts_transitions_and_targets(
    client, world, django_assert_max_num_queries
):
    for history in [
        {2022: "poor", 2023: "none"},
        {2022: "poor", 2023: "poor"},
        {2022: "near_poor", 2023: "near_poor"},
    ]:
        statuses(HouseholdFactory(area=world.area_a1), history)
    TargetFactory(unit=world.cell_a1, amount=1, description="Giảm 1 hộ nghèo")
    login(client, world.secretary)
    with django_assert_max_num_queries(15):
        response = client.get(reverse("poverty:unit", args=[world.cell_a1.pk]))
    assert response.status_code == 200
    html = response.content.decode()
    assert "Giảm 1 hộ nghèo" in html
    assert "đạt chỉ tiêu" in html
    assert response.context["by_year"][0]["poor"] == 2
    assert response.context["by_year"][1]["left_poverty"] == 1
    assert response.context["targets"][0]["met"] is True


def test_commune_page_lists_cells_targets_and_the_review(client, world):
    TargetFactory(unit=world.cell_a2, kind="houses", amount=2, start_year=2023, end_year=2023)
    login(client, world.committee)
    response = client.get(reverse("poverty:unit", args=[world.committee_a.pk]))
    assert response.status_code == 200
    assert [t["kind"] for t in response.context["cell_targets"]] == ["houses"]
    assert "Mở đợt rà soát" in response.content.decode()


def test_viewer_sees_counts_but_cannot_open_a_review(client, world):
    login(client, world.viewer)
    assert client.get(reverse("poverty:unit", args=[world.committee_a.pk])).status_code == 200
    response = client.post(
        reverse("poverty:review_open", args=[world.committee_a.pk]),
        {"year": 2025, "opened_on": "2025-09-01"},
    )
    assert response.status_code == 403


def test_committee_opens_and_advances_the_review(client, world):
    login(client, world.committee)
    url = reverse("poverty:review_open", args=[world.committee_a.pk])
    response = client.post(url, {"year": 2025, "opened_on": "2025-09-02"})
    assert response.status_code == 302
    review = world.commune_a.poverty_reviews.get()
    client.post(
        reverse("poverty:review_advance", args=[world.committee_a.pk]),
        {"review": review.pk, "on": "2025-09-20"},
    )
    review.refresh_from_db()
    assert review.stage == "survey"
    response = client.post(url, {"year": 2025, "opened_on": "2025-08-02"}, follow=True)
    assert "1/9 đến 14/12" in response.content.decode()


def test_unit_page_anonymous_outsider_and_method(client, world):
    url = reverse("poverty:unit", args=[world.cell_a1.pk])
    assert client.get(url)["Location"].startswith("/accounts/login")
    login(client, world.outsider)
    assert client.get(url).status_code == 404
    login(client, world.secretary)
    assert client.post(url).status_code == 405


# --- household history and survey -------------------------------------------------------


def test_member_reads_own_households_history_but_cannot_record(client, world):
    statuses(world.h1, {2023: "poor"})
    login(client, world.member_user)
    response = client.get(reverse("poverty:household", args=[world.h1.pk]))
    assert response.status_code == 200
    assert "hộ nghèo" in response.content.decode()
    assert response.context["can_assess"] is False
    assert client.get(reverse("poverty:household", args=[world.h2.pk])).status_code == 404
    assert client.get(reverse("poverty:assess", args=[world.h1.pk])).status_code == 403


def test_history_shows_the_computed_status_beside_the_official(client, world):
    Assessment.objects.create(
        household=world.h1,
        year=2023,
        standard=standard_for(2023),
        status="none",
        decided_on=datetime.date(2023, 12, 1),
        decided_by="UBND xã",
        income_per_person=1_000_000,
        deprived_codes=["viec_lam", "nha_tieu", "vien_thong"],
        reason="Có lương hưu",
    )
    login(client, world.secretary)
    response = client.get(reverse("poverty:household", args=[world.h1.pk]))
    assessment = response.context["assessments"][0]
    assert assessment.computed == Status.POOR
    assert "Nhà tiêu hợp vệ sinh" in response.content.decode()


def test_secretary_records_a_survey_through_the_form(client, world):
    login(client, world.secretary)
    url = reverse("poverty:assess", args=[world.h1.pk])
    assert client.get(url + "?year=2024").status_code == 200
    data = {
        "year": 2024,
        "status": "near_poor",
        "kind": "periodic",
        "decided_on": "2024-12-05",
        "decided_by": "Chủ tịch UBND xã",
        "income_per_person": "1400000",
        "deprived_codes": ["viec_lam"],
    }
    response = client.post(url, data)
    assert response.status_code == 302
    assert Assessment.objects.get(household=world.h1, year=2024).status == "near_poor"


def test_bad_survey_shows_the_message_and_saves_nothing(client, world):
    login(client, world.secretary)
    url = reverse("poverty:assess", args=[world.h1.pk])
    data = {
        "year": 2024,
        "status": "poor",
        "kind": "periodic",
        "decided_on": "2024-12-05",
        "decided_by": "UBND xã",
        "income_per_person": "-3",
    }
    response = client.post(url, data)
    assert response.status_code == 200
    assert "không được là số âm" in response.content.decode()
    data.update(year=2019, decided_on="2019-12-01", income_per_person="1000")
    response = client.post(url, data)
    assert "Không có chuẩn nghèo" in response.content.decode()
    assert not Assessment.objects.exists()


def test_assess_outsider_404_anonymous_login_and_method(client, world):
    url = reverse("poverty:assess", args=[world.h1.pk])
    assert client.get(url)["Location"].startswith("/accounts/login")
    login(client, world.outsider)
    assert client.get(url).status_code == 404
    login(client, world.secretary)
    assert client.put(url).status_code == 405


# --- targets -----------------------------------------------------------------------------


def test_target_list_is_pinned(client, world, django_assert_max_num_queries):
    for kind in Target.Kind.values:
        TargetFactory(unit=world.cell_a1, kind=kind)
    login(client, world.secretary)
    with django_assert_max_num_queries(20):
        response = client.get(reverse("poverty:targets", args=[world.cell_a1.pk]))
    assert response.status_code == 200
    assert len(response.context["targets"]) == 5


def test_secretary_sets_a_target_for_own_cell(client, world):
    login(client, world.secretary)
    url = reverse("poverty:target_new", args=[world.cell_a1.pk])
    assert client.get(url).status_code == 200
    response = client.post(
        url, {"kind": "fewer_poor", "amount": 3, "start_year": 2022, "end_year": 2025}
    )
    assert response.status_code == 302
    assert Target.objects.get().unit == world.cell_a1


def test_target_end_before_start_is_shown_next_to_the_field(client, world):
    login(client, world.secretary)
    url = reverse("poverty:target_new", args=[world.cell_a1.pk])
    response = client.post(
        url, {"kind": "fewer_poor", "amount": 3, "start_year": 2025, "end_year": 2022}
    )
    assert response.status_code == 200
    assert "trước năm bắt đầu" in response.content.decode()
    assert not Target.objects.exists()


def test_target_permissions(client, world):
    target = TargetFactory(unit=world.cell_a1)
    login(client, world.member_user)
    assert client.get(reverse("poverty:targets", args=[world.cell_a1.pk])).status_code == 200
    assert client.get(reverse("poverty:target_new", args=[world.cell_a1.pk])).status_code == 403
    assert client.post(reverse("poverty:target_delete", args=[target.pk])).status_code == 403
    login(client, world.secretary)
    # the commune is outside a secretary's units: not found, as for anything unseen
    assert client.get(reverse("poverty:target_new", args=[world.committee_a.pk])).status_code == 404
    login(client, world.outsider)
    assert client.get(reverse("poverty:targets", args=[world.cell_a1.pk])).status_code == 404
    assert client.get(reverse("poverty:target_edit", args=[target.pk])).status_code == 404
    client.logout()
    assert client.get(reverse("poverty:target_edit", args=[target.pk])).status_code == 302


def test_committee_edits_and_deletes_a_cell_target(client, world):
    target = TargetFactory(unit=world.cell_a1)
    login(client, world.committee)
    url = reverse("poverty:target_edit", args=[target.pk])
    assert client.get(url).status_code == 200
    client.post(url, {"kind": "fewer_poor", "amount": 4, "start_year": 2022, "end_year": 2025})
    target.refresh_from_db()
    assert target.amount == 4
    assert client.get(reverse("poverty:target_delete", args=[target.pk])).status_code == 405
    client.post(reverse("poverty:target_delete", args=[target.pk]))
    assert not Target.objects.exists()


@pytest.mark.parametrize("name", ["poverty:unit", "poverty:targets"])
def test_cell_tabs_link_the_poverty_page(client, world, name):
    login(client, world.secretary)
    html = client.get(reverse(name, args=[world.cell_a1.pk])).content.decode()
    assert reverse("poverty:targets", args=[world.cell_a1.pk]) in html


def test_cell_page_names_poor_households_to_managers_only(client, world):
    statuses(world.h1, {2024: "poor"})
    statuses(world.h2, {2024: "near_poor"})
    url = reverse("poverty:unit", args=[world.cell_a1.pk]) + "?year=2024"
    login(client, world.secretary)
    names = [a.household.head_name for a in client.get(url).context["poor_households"]]
    assert names == ["Đặng Thị Hoa", "Nguyễn Văn Nguyên"]  # near-poor first, then poor
    login(client, world.member_user)
    response = client.get(url)
    assert response.context["poor_households"] == []
    assert "Đặng Thị Hoa" not in response.content.decode()


def test_first_reviewed_year_shows_no_transitions_rather_than_zeros(client, world):
    statuses(world.h1, {2022: "poor", 2023: "none"})
    login(client, world.secretary)
    url = reverse("poverty:unit", args=[world.cell_a1.pk])
    rows = client.get(url).context["by_year"]
    assert rows[0]["transitions"] is None
    assert rows[1]["transitions"][0] == 1  # left poverty
    assert client.get(url + "?year=2022").context["by_area"][0]["transitions"] is None


def test_survey_form_offers_a_preview_script_and_works_without_it(client, world):
    login(client, world.secretary)
    html = client.get(reverse("poverty:assess", args=[world.h1.pk])).content.decode()
    assert 'data-area="rural"' in html
    assert "poverty/survey.js" in html
    assert "<script>" not in html  # no inline script (CSP)
