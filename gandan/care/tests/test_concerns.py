"""Concerns: the cell's inbox, forwarding up, answers the member sees, overdue flags."""

import datetime
import uuid

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse
from django.utils import timezone

from gandan.accounts.services import token_issue
from gandan.care import selectors, services
from gandan.care.models import Concern
from gandan.households.models import Household
from gandan.lib.dates import today


def raise_concern(world, text="Xin hỗ trợ giống ngô", household=None):
    visit, _ = services.visit_record(
        actor=world.member_user,
        uuid=uuid.uuid4(),
        data=services.VisitInput(
            household_id=(household or world.h1).pk, visited_on=today(), concerns=[text]
        ),
    )
    return Concern.objects.get(visit=visit)


def test_a_concern_goes_to_the_cells_inbox(world):
    concern = raise_concern(world)
    inbox = selectors.concern_list_for(user=world.secretary, cell=world.cell_a1)
    assert list(inbox) == [concern]
    assert not selectors.concern_list_for(user=world.other_secretary).exists()
    assert not selectors.concern_list_for(user=world.outsider).exists()


def test_secretary_answers_and_the_member_sees_the_answer(world):
    concern = raise_concern(world)
    services.concern_act(actor=world.secretary, concern=concern, action="taken")
    services.concern_act(
        actor=world.secretary, concern=concern, action="answered", answer="Xã hỗ trợ giống."
    )
    concern.refresh_from_db()
    assert concern.status == "answered" and concern.answered_at
    steps = list(concern.steps.values_list("action", flat=True))
    assert steps == ["raised", "taken", "answered"]
    reminders = selectors.reminders_for(user=world.member_user)
    assert [c.pk for c in reminders["answered"]] == [concern.pk]


def test_forwarding_goes_cell_then_commune_then_authority(world):
    concern = raise_concern(world)
    services.concern_act(actor=world.secretary, concern=concern, action="forwarded")
    concern.refresh_from_db()
    assert (concern.status, concern.level) == ("forwarded", "commune")
    # The secretary no longer handles it: the commune committee does.
    with pytest.raises(PermissionDenied):
        services.concern_act(actor=world.secretary, concern=concern, action="taken")
    with pytest.raises(ValidationError):
        services.concern_act(actor=world.committee, concern=concern, action="forwarded")
    services.concern_act(
        actor=world.committee, concern=concern, action="forwarded", forwarded_to="Hội Nông dân"
    )
    concern.refresh_from_db()
    assert (concern.level, concern.forwarded_to) == ("authority", "Hội Nông dân")
    services.concern_act(
        actor=world.committee, concern=concern, action="answered", answer="Hội hướng dẫn vay."
    )
    concern.refresh_from_db()
    assert concern.status == "answered"
    who = list(concern.steps.values_list("actor_name", flat=True))
    assert len(who) == 4 and all(who)


def test_answer_needs_text(world):
    concern = raise_concern(world)
    with pytest.raises(ValidationError):
        services.concern_act(actor=world.secretary, concern=concern, action="answered")


def test_closing_an_unanswered_concern_is_refused(world):
    concern = raise_concern(world)
    with pytest.raises(ValidationError, match="trạng thái"):
        services.concern_act(actor=world.secretary, concern=concern, action="closed")


def test_member_and_viewer_cannot_handle(world):
    concern = raise_concern(world)
    for user in (world.member_user, world.viewer, world.other_secretary):
        with pytest.raises(PermissionDenied):
            services.concern_act(actor=user, concern=concern, action="taken")


def test_old_open_concerns_are_flagged(world):
    concern = raise_concern(world)
    Concern.objects.filter(pk=concern.pk).update(
        created_at=timezone.now() - datetime.timedelta(days=20)
    )
    counts = selectors.concern_counts(Concern.objects.all())
    assert counts == {"open": 1, "overdue": 1, "total": 1}
    [row] = selectors.with_age(Concern.objects.all())
    assert row.is_overdue and row.age_days == 20
    reminders = selectors.reminders_for(user=world.secretary)
    assert [c.pk for c in reminders["concerns"]] == [concern.pk]
    assert selectors.reminders_for(user=world.other_secretary)["concerns"] == []


def test_open_concern_count_for_reports(world):
    raise_concern(world)
    done = raise_concern(world, text="khác")
    services.concern_act(actor=world.secretary, concern=done, action="answered", answer="ok")
    households = Household.objects.filter(area=world.area_a1)
    assert selectors.open_concern_count(households=households) == 1
    assert selectors.open_concern_count(households=Household.objects.none()) == 0


# --- pages -------------------------------------------------------------------------------


def test_cell_inbox_page(client, world, django_assert_max_num_queries):
    for i in range(3):
        raise_concern(world, text=f"Kiến nghị {i}")
    client.force_login(world.secretary)
    url = reverse("care:cell_concerns", args=[world.cell_a1.pk])
    client.get(url)
    for i in range(10):
        raise_concern(world, text=f"Thêm {i}")
    with django_assert_max_num_queries(11):
        response = client.get(url)
    assert response.status_code == 200
    assert "Thêm 9" in response.content.decode()


def test_cell_inbox_is_404_for_another_cell_and_login_for_anonymous(client, world):
    url = reverse("care:cell_concerns", args=[world.cell_a1.pk])
    assert client.get(url).status_code == 302
    client.force_login(world.outsider)
    assert client.get(url).status_code == 404
    client.force_login(world.viewer)
    assert client.get(url).status_code == 404


def test_commune_inbox_shows_forwarded_concerns_to_the_committee(client, world):
    concern = raise_concern(world)
    services.concern_act(actor=world.secretary, concern=concern, action="forwarded")
    client.force_login(world.committee)
    response = client.get(reverse("care:commune_concerns", args=[world.committee_a.pk]))
    assert response.status_code == 200
    assert concern.text in response.content.decode()
    client.force_login(world.outsider)
    response = client.get(reverse("care:commune_concerns", args=[world.committee_a.pk]))
    assert response.status_code == 404


def test_concern_action_page_posts_a_step(client, world):
    concern = raise_concern(world)
    client.force_login(world.secretary)
    assert client.get(reverse("care:concern", args=[concern.pk])).status_code == 200
    response = client.post(
        reverse("care:concern_act", args=[concern.pk]),
        {"action": "answered", "answer": "Đã giải quyết."},
    )
    assert response.status_code == 302
    concern.refresh_from_db()
    assert concern.status == "answered"


def test_member_sees_the_concern_but_may_not_act(client, world):
    concern = raise_concern(world)
    client.force_login(world.member_user)
    assert client.get(reverse("care:concern", args=[concern.pk])).status_code == 200
    response = client.post(reverse("care:concern_act", args=[concern.pk]), {"action": "taken"})
    assert response.status_code == 403


def test_concern_act_needs_post(client, world):
    concern = raise_concern(world)
    client.force_login(world.secretary)
    assert client.get(reverse("care:concern_act", args=[concern.pk])).status_code == 405


def test_api_concerns_are_scoped(client, world):
    concern = raise_concern(world)
    token = token_issue(user=world.secretary)
    rows = client.get("/api/v1/concerns", HTTP_AUTHORIZATION=f"Bearer {token}").json()
    assert [r["id"] for r in rows["results"]] == [concern.pk]
    assert rows["results"][0]["status"] == "new"
    token = token_issue(user=world.outsider)
    rows = client.get("/api/v1/concerns", HTTP_AUTHORIZATION=f"Bearer {token}").json()
    assert rows["count"] == 0


def test_concerns_link_takes_each_role_to_its_inbox(client, world):
    concern = raise_concern(world)
    client.force_login(world.committee)
    assert client.get(reverse("care:concerns")).url == reverse(
        "care:commune_concerns", args=[world.committee_a.pk]
    )
    client.force_login(world.secretary)
    assert client.get(reverse("care:concerns")).url == reverse(
        "care:cell_concerns", args=[world.cell_a1.pk]
    )
    client.force_login(world.member_user)
    response = client.get(reverse("care:concerns"))
    assert response.status_code == 200 and concern.text in response.content.decode()
    client.force_login(world.viewer)
    assert client.get(reverse("care:concerns")).status_code == 404
