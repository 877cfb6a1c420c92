"""Visits: stored once however often sent, edited by the author within the window only."""

import datetime
import json
import threading
import uuid

import pytest
from django.core.exceptions import ValidationError
from django.db import connection
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from gandan.accounts.services import token_issue
from gandan.care import services
from gandan.care.models import Concern, Support, Visit, VisitRevision
from gandan.lib.dates import today


def bearer(user):
    return {"HTTP_AUTHORIZATION": f"Bearer {token_issue(user=user)}"}


def visit_body(world, **over):
    body = {
        "household_id": world.h1.pk,
        "visited_on": today().isoformat(),
        "activities": ["production", "policy"],
        "notes": "Hướng dẫn chống rét cho trâu.",
        "concerns": [],
        "support": [],
    }
    body.update(over)
    return body


def put(client, world, key, body, user=None):
    return client.put(
        f"/api/v1/visits/{key}",
        json.dumps(body),
        content_type="application/json",
        **bearer(user or world.member_user),
    )


# --- service --------------------------------------------------------------------------------


def data(world, **over):
    base = dict(household_id=world.h1.pk, visited_on=today(), activities=["policy"], notes="x")
    base.update(over)
    return services.VisitInput(**base)


def test_a_visit_is_stored_once_for_one_uuid(world):
    key = uuid.uuid4()
    v1, created1 = services.visit_record(actor=world.member_user, uuid=key, data=data(world))
    v2, created2 = services.visit_record(actor=world.member_user, uuid=key, data=data(world))
    assert (created1, created2) == (True, False)
    assert v1.pk == v2.pk and Visit.objects.count() == 1


def test_a_visit_dated_in_the_future_is_refused(world):
    with pytest.raises(ValidationError) as exc:
        services.visit_record(
            actor=world.member_user,
            uuid=uuid.uuid4(),
            data=data(world, visited_on=today() + datetime.timedelta(days=1)),
        )
    assert "sau hôm nay" in str(exc.value)
    assert Visit.objects.count() == 0


def test_member_cannot_record_a_visit_to_another_members_household(world):
    with pytest.raises(LookupError):
        services.visit_record(
            actor=world.member_user, uuid=uuid.uuid4(), data=data(world, household_id=world.h2.pk)
        )


def test_the_author_may_edit_within_the_window_and_the_old_content_is_kept(world):
    key = uuid.uuid4()
    visit, _ = services.visit_record(actor=world.member_user, uuid=key, data=data(world))
    services.visit_update(
        actor=world.member_user,
        visit=visit,
        visited_on=visit.visited_on,
        activities=["health"],
        notes="sửa",
    )
    visit.refresh_from_db()
    assert visit.notes == "sửa" and visit.revision_count == 1
    old = VisitRevision.objects.get(visit=visit)
    assert old.notes == "x" and old.activities == ["policy"]


def test_an_edit_after_the_window_is_refused(world):
    visit, _ = services.visit_record(actor=world.member_user, uuid=uuid.uuid4(), data=data(world))
    Visit.objects.filter(pk=visit.pk).update(
        created_at=timezone.now() - datetime.timedelta(hours=49)
    )
    visit.refresh_from_db()
    with pytest.raises(ValidationError, match="không sửa được"):
        services.visit_update(
            actor=world.member_user, visit=visit, visited_on=today(), activities=[], notes="y"
        )


def test_a_visit_can_carry_a_concern_and_support(world):
    d = data(world, concerns=["Xin hỗ trợ giống ngô"])
    d.support = [
        services.SupportInput(
            kind="loan",
            amount=100_000_000,
            lender="Ngân hàng Chính sách xã hội",
            purpose="Trồng 2 ha rừng",
            repayment_state="on_time",
        )
    ]
    visit, _ = services.visit_record(actor=world.member_user, uuid=uuid.uuid4(), data=d)
    concern = Concern.objects.get(visit=visit)
    assert concern.cell == world.cell_a1 and concern.status == "new"
    assert concern.steps.get().action == "raised"
    loan = Support.objects.get(visit=visit)
    assert loan.amount == 100_000_000 and loan.member == world.member


# --- API ------------------------------------------------------------------------------------


def test_put_creates_then_returns_the_stored_visit(client, world):
    key = uuid.uuid4()
    first = put(client, world, key, visit_body(world))
    assert first.status_code == 201
    again = put(client, world, key, visit_body(world))
    assert again.status_code == 200
    assert again.json()["uuid"] == str(key) == first.json()["uuid"]
    assert Visit.objects.count() == 1


def test_same_visit_sent_three_times_is_one_visit(client, world):
    key = uuid.uuid4()
    body = visit_body(world, concerns=["Đường vào bản bị sạt"])
    codes = [put(client, world, key, body).status_code for _ in range(3)]
    assert codes == [201, 200, 200]
    assert Visit.objects.filter(uuid=key).count() == 1
    assert Concern.objects.count() == 1
    rows = client.get(f"/api/v1/visits?household={world.h1.pk}", **bearer(world.member_user))
    assert [r["uuid"] for r in rows.json()["results"]] == [str(key)]


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
def test_same_visit_sent_concurrently_is_one_visit():
    if connection.vendor != "postgresql":
        pytest.skip("SQLite serialises writers; the race needs PostgreSQL")
    from gandan.test import World

    world = World()
    key = uuid.uuid4()
    body = json.dumps(visit_body(world, concerns=["Xin cây giống"]))
    headers = bearer(world.member_user)
    codes = []
    barrier = threading.Barrier(3)

    def send():
        try:
            barrier.wait()
            response = Client().put(
                f"/api/v1/visits/{key}", body, content_type="application/json", **headers
            )
            codes.append(response.status_code)
        finally:
            connection.close()

    threads = [threading.Thread(target=send) for _ in range(3)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert sorted(codes) == [200, 200, 201]
    assert Visit.objects.filter(uuid=key).count() == 1
    assert Concern.objects.count() == 1


def test_same_uuid_other_content_after_the_window_is_409(client, world):
    key = uuid.uuid4()
    put(client, world, key, visit_body(world))
    Visit.objects.update(created_at=timezone.now() - datetime.timedelta(days=5))
    response = put(client, world, key, visit_body(world, notes="khác"))
    assert response.status_code == 409
    assert response.json()["detail"]
    assert Visit.objects.get().notes == "Hướng dẫn chống rét cho trâu."


def test_same_uuid_other_content_by_the_author_within_the_window_is_an_edit(client, world):
    key = uuid.uuid4()
    put(client, world, key, visit_body(world))
    response = put(client, world, key, visit_body(world, notes="đã sửa"))
    assert response.status_code == 200
    assert response.json()["revision_count"] == 1
    assert VisitRevision.objects.count() == 1


def test_put_for_a_household_not_in_charge_is_404(client, world):
    response = put(client, world, uuid.uuid4(), visit_body(world, household_id=world.h2.pk))
    assert response.status_code == 404
    assert response.json()["detail"]


def test_put_dated_in_the_future_is_400_in_vietnamese(client, world):
    tomorrow = (today() + datetime.timedelta(days=1)).isoformat()
    response = put(client, world, uuid.uuid4(), visit_body(world, visited_on=tomorrow))
    assert response.status_code == 400
    assert "sau hôm nay" in response.json()["detail"]
    assert Visit.objects.count() == 0


def test_put_with_a_malformed_uuid_is_422(client, world):
    response = put(client, world, "not-a-uuid", visit_body(world))
    assert response.status_code == 422
    assert response.json()["detail"]


def test_put_with_an_oversized_body_is_refused_with_a_detail(client, world):
    response = put(client, world, uuid.uuid4(), visit_body(world, notes="x" * 70_000))
    assert response.status_code in (400, 413, 422)
    assert response.json()["detail"]
    assert Visit.objects.count() == 0


def test_put_with_an_unknown_activity_is_400(client, world):
    response = put(client, world, uuid.uuid4(), visit_body(world, activities=["dancing"]))
    assert response.status_code == 400
    assert Visit.objects.count() == 0


def test_put_needs_authentication(client, world):
    response = client.put(
        f"/api/v1/visits/{uuid.uuid4()}",
        json.dumps(visit_body(world)),
        content_type="application/json",
    )
    assert response.status_code == 401


def test_session_put_needs_the_csrf_token(world):
    browser = Client(enforce_csrf_checks=True)
    browser.force_login(world.member_user)
    response = browser.put(
        f"/api/v1/visits/{uuid.uuid4()}",
        json.dumps(visit_body(world)),
        content_type="application/json",
    )
    assert response.status_code in (401, 403)
    assert Visit.objects.count() == 0


def test_visits_of_a_household_outside_scope_are_empty(client, world):
    put(client, world, uuid.uuid4(), visit_body(world))
    rows = client.get(f"/api/v1/visits?household={world.h1.pk}", **bearer(world.outsider))
    assert rows.json()["count"] == 0


def test_secretary_may_not_record_a_visit_for_a_household_not_in_charge(client, world):
    response = put(client, world, uuid.uuid4(), visit_body(world), user=world.secretary)
    assert response.status_code == 404


# --- the form (no JavaScript) ---------------------------------------------------------------


def form_data(response, **over):
    form = response.context["form"]
    body = {
        "uuid": str(form["uuid"].value()),
        "visited_on": today().isoformat(),
        "activities": ["production", "vaccination"],
        "notes": "Tiêm phòng cho đàn trâu.",
        "concern": "",
        "support_kind": "",
    }
    body.update(over)
    return body


def test_visit_form_resubmitted_stores_once(client, world):
    client.force_login(world.member_user)
    url = reverse("care:visit_new", args=[world.h1.pk])
    response = client.get(url)
    assert response.status_code == 200
    body = form_data(response)
    assert client.post(url, body).status_code == 302
    assert client.post(url, body).status_code == 302  # back button, submit again
    assert Visit.objects.count() == 1
    assert sorted(Visit.objects.get().activities) == ["production", "vaccination"]


def test_visit_form_future_date_shows_the_error_next_to_the_field(client, world):
    client.force_login(world.member_user)
    url = reverse("care:visit_new", args=[world.h1.pk])
    body = form_data(client.get(url), visited_on=(today() + datetime.timedelta(days=3)).isoformat())
    response = client.post(url, body)
    assert response.status_code == 200
    assert "sau hôm nay" in response.content.decode()
    assert Visit.objects.count() == 0


def test_visit_form_records_support_with_a_concern(client, world):
    client.force_login(world.member_user)
    url = reverse("care:visit_new", args=[world.h1.pk])
    body = form_data(
        client.get(url),
        concern="Xin vay vốn trồng rừng",
        support_kind="loan",
        support_amount="100000000",
        support_lender="Ngân hàng Chính sách xã hội",
        support_purpose="Trồng 2 ha rừng",
    )
    assert client.post(url, body).status_code == 302
    assert Support.objects.get().amount == 100_000_000
    assert Concern.objects.get().text == "Xin vay vốn trồng rừng"


def test_visit_form_for_another_members_household_is_404(client, world):
    client.force_login(world.member_user)
    assert client.get(reverse("care:visit_new", args=[world.h2.pk])).status_code == 404


def test_visit_form_anonymous_goes_to_login(client, world):
    response = client.get(reverse("care:visit_new", args=[world.h1.pk]))
    assert response.status_code == 302 and "login" in response.url


def test_visit_form_wrong_method_is_405(client, world):
    client.force_login(world.member_user)
    assert client.put(reverse("care:visit_new", args=[world.h1.pk])).status_code == 405


def test_visit_edit_page_keeps_the_old_content(client, world):
    visit, _ = services.visit_record(actor=world.member_user, uuid=uuid.uuid4(), data=data(world))
    client.force_login(world.member_user)
    url = reverse("care:visit_edit", args=[visit.uuid])
    assert client.get(url).status_code == 200
    response = client.post(
        url, {"visited_on": today().isoformat(), "activities": ["health"], "notes": "mới"}
    )
    assert response.status_code == 302
    assert VisitRevision.objects.get(visit=visit).notes == "x"


def test_secretary_who_sees_a_visit_may_not_edit_it(client, world):
    visit, _ = services.visit_record(actor=world.member_user, uuid=uuid.uuid4(), data=data(world))
    client.force_login(world.secretary)
    assert client.get(reverse("care:visit", args=[visit.uuid])).status_code == 200
    response = client.post(reverse("care:visit_edit", args=[visit.uuid]), {"notes": "z"})
    assert response.status_code == 403


def test_the_form_fetched_again_and_resent_with_a_new_uuid_stores_once(client, world):
    """Back button re-fetches the page: a fresh UUID, the same content, minutes later."""
    client.force_login(world.member_user)
    url = reverse("care:visit_new", args=[world.h1.pk])
    first = form_data(client.get(url))
    second = form_data(client.get(url))
    assert first["uuid"] != second["uuid"]
    client.post(url, first)
    response = client.post(url, second, follow=True)
    assert "không ghi lại" in response.content.decode()
    assert Visit.objects.count() == 1


def test_two_different_visits_on_the_same_day_are_both_kept(client, world):
    client.force_login(world.member_user)
    url = reverse("care:visit_new", args=[world.h1.pk])
    client.post(url, form_data(client.get(url)))
    client.post(url, form_data(client.get(url), notes="Buổi chiều quay lại."))
    assert Visit.objects.count() == 2


@pytest.mark.parametrize("junk_bytes", [100_000, 3_000_000])
def test_put_with_a_huge_body_gets_a_detail_and_stores_nothing(client, world, junk_bytes):
    body = visit_body(world, junk="x" * junk_bytes)
    response = put(client, world, uuid.uuid4(), body)
    assert response.status_code in (400, 413)
    assert response.json()["detail"]
    assert Visit.objects.count() == 0
