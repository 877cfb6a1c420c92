"""Campaign pages: who sees what, who may change what, and the query counts."""

import datetime
import re

import pytest
from django.urls import reverse

from gandan.campaigns.models import AccountabilityReview, Measure, Participation
from gandan.campaigns.tests.factories import CampaignFactory, ParticipationFactory
from gandan.test import HouseholdFactory, MemberFactory, assign


@pytest.fixture
def campaign(world):
    return CampaignFactory(unit=world.cell_a1, title="Quỹ Vì người nghèo thôn Tiên Tốc")


@pytest.fixture
def slow(world, campaign):
    """A member of cell A1 whose group of 4 has not taken part while 6 others have."""
    slow = MemberFactory(cell=world.cell_a1, full_name="Vàng Văn Chậm")
    for _ in range(4):
        assign(HouseholdFactory(area=world.area_a1), slow)
    fast = MemberFactory(cell=world.cell_a1)
    for _ in range(6):
        h = HouseholdFactory(area=world.area_a1)
        assign(h, fast)
        ParticipationFactory(campaign=campaign, household=h)
    return slow


def url(name, *args):
    return reverse(f"campaigns:{name}", args=args)


def token_from(response) -> str:
    return re.search(r'name="token" value="([^"]+)"', response.content.decode()).group(1)


def test_anonymous_is_sent_to_login(client, world, campaign):
    for address in [url("list"), url("detail", campaign.pk), url("my_reviews"), url("create")]:
        response = client.get(address)
        assert response.status_code == 302 and "/accounts/login" in response.url


def test_secretary_sees_the_flagged_member_and_a_review_button(client, world, campaign, slow):
    client.force_login(world.secretary)
    body = client.get(url("detail", campaign.pk)).content.decode()
    assert "Vàng Văn Chậm" in body and "Mở kiểm điểm" in body
    assert url("review_open", campaign.pk, slow.pk) in body


def test_viewer_sees_aggregates_but_no_names(client, world, campaign, slow):
    client.force_login(world.viewer)
    response = client.get(url("detail", campaign.pk))
    body = response.content.decode()
    assert response.status_code == 200 and "Tiên Tốc" in body
    assert "Vàng Văn Chậm" not in body and world.h1.head_name not in body
    assert "Mở kiểm điểm" not in body


def test_member_sees_his_cells_campaign_without_other_members_names(client, world, campaign, slow):
    client.force_login(world.member_user)
    body = client.get(url("detail", campaign.pk)).content.decode()
    assert campaign.title in body and "Vàng Văn Chậm" not in body
    assert "Ghi nhận hộ tham gia" in body


def test_outsiders_get_404(client, world, campaign):
    for user in [world.outsider, world.other_secretary]:
        client.force_login(user)
        for name in ["detail", "result", "record", "edit"]:
            assert client.get(url(name, campaign.pk)).status_code == 404, (user, name)
        assert campaign.title not in client.get(url("list")).content.decode()


def test_member_on_secretary_actions_gets_403(client, world, campaign, slow):
    client.force_login(world.member_user)
    assert client.get(url("edit", campaign.pk)).status_code == 403
    assert client.get(url("create")).status_code == 403
    assert client.get(url("review_open", campaign.pk, world.member.pk)).status_code == 403
    client.force_login(world.viewer)
    assert client.post(url("record", campaign.pk), {}).status_code == 403


def test_wrong_method_is_405(client, world, campaign):
    client.force_login(world.secretary)
    assert client.post(url("detail", campaign.pk)).status_code == 405
    assert client.post(url("list")).status_code == 405
    assert client.put(url("record", campaign.pk)).status_code == 405


def test_list_query_count_is_pinned(client, world, django_assert_max_num_queries):
    for i in range(8):
        c = CampaignFactory(unit=world.cell_a1 if i % 2 else world.committee_a)
        ParticipationFactory(campaign=c, household=world.h1)
    client.force_login(world.committee)
    with django_assert_max_num_queries(9):
        response = client.get(url("list"))
    assert len(response.context["campaigns"]) == 8


def test_detail_query_count_does_not_grow_with_records(
    client, world, campaign, slow, django_assert_max_num_queries
):
    for h in [world.h1, world.h2]:
        for day in range(1, 20):
            ParticipationFactory(
                campaign=campaign, household=h, contributed_on=datetime.date(2025, 3, day)
            )
    client.force_login(world.secretary)
    with django_assert_max_num_queries(20):
        response = client.get(url("detail", campaign.pk))
    assert response.status_code == 200


def test_member_records_participation_and_a_resend_counts_once(client, world, campaign):
    client.force_login(world.member_user)
    token = token_from(client.get(url("record", campaign.pk)))
    data = {
        "household": world.h1.pk,
        "contributed_on": "2025-03-02",
        "quantity": "150000",
        "note": "",
        "site": "",
        "token": token,
    }
    assert client.post(url("record", campaign.pk), data).status_code == 302
    assert client.post(url("record", campaign.pk), data).status_code == 302
    assert Participation.objects.filter(campaign=campaign).count() == 1


def test_member_cannot_pick_another_members_household(client, world, campaign):
    client.force_login(world.member_user)
    token = token_from(client.get(url("record", campaign.pk)))
    data = {"household": world.h2.pk, "contributed_on": "2025-03-02", "quantity": "1000"}
    response = client.post(url("record", campaign.pk), {**data, "token": token})
    assert response.status_code == 200 and not Participation.objects.exists()


def test_bad_input_is_explained_next_to_the_field(client, world, campaign):
    client.force_login(world.secretary)
    token = token_from(client.get(url("record", campaign.pk)))
    data = {"household": world.h1.pk, "contributed_on": "2025-03-02", "quantity": "-5000"}
    response = client.post(url("record", campaign.pk), {**data, "token": token})
    assert "lớn hơn 0" in response.content.decode()
    forged = {**data, "quantity": "5000", "token": "khong-phai-ma-that"}
    response = client.post(url("record", campaign.pk), forged)
    assert "Phiếu nhập không hợp lệ" in response.content.decode()
    assert not Participation.objects.exists()


def test_secretary_launches_a_campaign(client, world):
    client.force_login(world.secretary)
    data = {
        "unit": world.cell_a1.pk,
        "title": "Thắp sáng đường quê",
        "goal": "",
        "measure": Measure.STREET_LIGHTS,
        "target_quantity": "1200",
        "starts_on": "2025-01-01",
        "ends_on": "",
        "status": "active",
        "lag_margin_points": "20",
    }
    response = client.post(url("create"), data)
    assert response.status_code == 302
    assert client.get(response.url).status_code == 200


def test_review_opened_from_the_flag_reaches_the_members_page(client, world, campaign, slow):
    slow.user = world.other_member_user.__class__.objects.create(username="vang.cham")
    slow.save()
    client.force_login(world.secretary)
    response = client.post(
        url("review_open", campaign.pk, slow.pk),
        {"meeting_on": "2025-03-10", "findings": "Chưa xuống hộ", "follow_up": "Xuống từng hộ"},
    )
    review = AccountabilityReview.objects.get()
    assert response.url == url("review", review.pk)
    client.force_login(slow.user)
    member_page = client.get(reverse("care:member", args=[slow.pk])).content.decode()
    assert url("my_reviews") in member_page  # in the menu
    body = client.get(url("my_reviews")).content.decode()
    assert "Chưa xuống hộ" in body and campaign.title in body
    assert client.get(url("review", review.pk)).status_code == 200
    assert client.post(url("review", review.pk), {}).status_code == 403


def test_menu_link_to_reviews_only_for_members_who_have_them(client, world, campaign):
    client.force_login(world.member_user)
    assert url("my_reviews") not in client.get(url("list")).content.decode()


def test_other_cell_cannot_open_the_review(client, world, campaign, slow):
    client.force_login(world.secretary)
    client.post(url("review_open", campaign.pk, slow.pk), {"meeting_on": "2025-03-10"})
    review = AccountabilityReview.objects.get()
    for user in [world.other_secretary, world.viewer, world.member_user]:
        client.force_login(user)
        assert client.get(url("review", review.pk)).status_code == 404


def test_result_page_prints_with_signature_lines(client, world, campaign, slow):
    client.force_login(world.committee)
    body = client.get(url("result", campaign.pk)).content.decode()
    assert "Kết quả phong trào" in body and "print-only" in body and "Người lập" in body


def test_list_of_one_cells_campaigns_and_a_bad_unit(client, world, campaign):
    CampaignFactory(unit=world.committee_a, title="Quỹ của xã")
    client.force_login(world.secretary)
    body = client.get(url("list") + f"?unit={world.cell_a1.pk}").content.decode()
    assert campaign.title in body and "Quỹ của xã" not in body
    assert "Quỹ của xã" in client.get(url("list")).content.decode()  # the commune's, too
    for bad in ["abc", "9" * 40, str(world.cell_b1.pk)]:
        assert client.get(url("list") + f"?unit={bad}").status_code == 404


def test_secretary_edits_the_campaign_and_a_bad_date_is_explained(client, world, campaign):
    client.force_login(world.secretary)
    data = {
        "title": campaign.title,
        "goal": "",
        "target_quantity": "",
        "starts_on": "2025-01-01",
        "ends_on": "2024-12-01",
        "status": "active",
        "lag_margin_points": "15",
    }
    response = client.post(url("edit", campaign.pk), data)
    assert response.status_code == 200 and "phải sau ngày bắt đầu" in response.content.decode()
    data["ends_on"] = "2025-12-31"
    assert client.post(url("edit", campaign.pk), data).status_code == 302
    campaign.refresh_from_db()
    assert campaign.lag_margin_points == 15


def test_secretary_writes_the_reviews_conclusion(client, world, campaign, slow):
    client.force_login(world.secretary)
    client.post(url("review_open", campaign.pk, slow.pk), {"meeting_on": "2025-03-10"})
    review = AccountabilityReview.objects.get()
    data = {
        "meeting_on": "2025-03-10",
        "findings": "Chưa xuống hộ",
        "conclusion": "Nhắc nhở",
        "follow_up": "Xuống từng hộ",
        "status": "concluded",
    }
    assert client.post(url("review", review.pk), data).status_code == 302
    review.refresh_from_db()
    assert (review.status, review.conclusion) == ("concluded", "Nhắc nhở")


def test_a_secretary_with_a_review_finds_it_on_the_campaigns_page(client, world, campaign):
    AccountabilityReview.objects.create(
        campaign=campaign,
        member=world.secretary_member,
        meeting_on=datetime.date(2025, 6, 1),
        group_households=3,
        group_participating=0,
        campaign_rate_percent=50,
    )
    client.force_login(world.secretary)
    assert url("my_reviews") in client.get(url("list")).content.decode()
