"""Assignment: assign, reassign with history, move all, propose a balanced split."""

import datetime
import threading
from collections import Counter

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import connection
from django.urls import reverse
from hypothesis import given, settings
from hypothesis import strategies as st

from gandan.households import services
from gandan.households.models import Assignment
from gandan.households.selectors import member_in_charge_on
from gandan.org.models import Member
from gandan.test import HouseholdFactory, MemberFactory

D = datetime.date


# --- propose_split (pure) ----------------------------------------------------------------


@settings(max_examples=200, deadline=None)
@given(
    n_households=st.integers(min_value=0, max_value=120),
    n_members=st.integers(min_value=0, max_value=15),
    n_areas=st.integers(min_value=1, max_value=4),
)
def test_proposal_covers_every_household_once_and_keeps_members_in_range(
    n_households, n_members, n_areas
):
    households = [(i + 1, (f"area {i % n_areas}", f"Xóm {i % 7}")) for i in range(n_households)]
    members = [(100 + j, 0) for j in range(n_members)]
    proposal = services.propose_split(households=households, members=members)
    if not members:
        assert proposal == []
        return
    assert sorted(p.household_id for p in proposal) == [h for h, _k in households]
    loads = Counter(p.member_id for p in proposal)
    low, high = 5, 10
    if n_members * low <= n_households <= n_members * high:
        assert all(low <= loads.get(m, 0) <= high for m, _l in members)
    # Always balanced: no member has two more than another.
    counts = [loads.get(m, 0) for m, _l in members]
    assert max(counts) - min(counts) <= 1


@settings(max_examples=100, deadline=None)
@given(
    existing=st.lists(st.integers(min_value=0, max_value=12), min_size=1, max_size=10),
    n_households=st.integers(min_value=0, max_value=80),
)
def test_proposal_levels_existing_loads(existing, n_households):
    households = [(i + 1, ("a", f"{i:03d}")) for i in range(n_households)]
    members = [(100 + j, load) for j, load in enumerate(existing)]
    proposal = services.propose_split(households=households, members=members)
    assert len({p.household_id for p in proposal}) == n_households == len(proposal)
    extra = Counter(p.member_id for p in proposal)
    totals = [load + extra.get(m, 0) for m, load in members]
    # Whoever got a household was, at that moment, among the least loaded.
    receivers = [load + extra[m] for m, load in members if extra.get(m)]
    if receivers:
        assert max(receivers) <= min(totals) + 1


def test_proposal_keeps_neighbours_together():
    households = [(i, ("Tiên Tốc", f"Xóm {i // 8}")) for i in range(32)]
    members = [(1, 0), (2, 0), (3, 0), (4, 0)]
    proposal = services.propose_split(households=households, members=members)
    by_member = {}
    for p in proposal:
        by_member.setdefault(p.member_id, set()).add(households[p.household_id][1][1])
    assert all(len(xoms) == 1 for xoms in by_member.values())


# --- services ------------------------------------------------------------------------------


def test_secretary_assigns_an_unassigned_household(world):
    a = services.assignment_create(
        actor=world.secretary, household=world.h_unassigned, member=world.member
    )
    assert a.household == world.h_unassigned and a.ends_on is None


def test_assigning_a_household_already_in_charge_says_who(world):
    with pytest.raises(ValidationError, match="Hoàng Văn Thử"):
        services.assignment_create(
            actor=world.secretary, household=world.h1, member=world.other_member
        )


def test_unable_member_gets_no_household(world):
    Member.objects.filter(pk=world.other_member.pk).update(availability="sick")
    world.other_member.refresh_from_db()
    with pytest.raises(ValidationError):
        services.assignment_create(
            actor=world.secretary, household=world.h_unassigned, member=world.other_member
        )


def test_other_cells_secretary_may_not_assign(world):
    with pytest.raises(PermissionDenied):
        services.assignment_create(
            actor=world.other_secretary, household=world.h_unassigned, member=world.member
        )


def test_reassignment_keeps_history_and_credits_the_right_member(world):
    services.assignment_reassign(
        actor=world.secretary,
        household=world.h1,
        member=world.other_member,
        on=D(2025, 7, 1),
        reason="chuyển nơi ở",
    )
    rows = list(world.h1.assignments.order_by("starts_on"))
    assert [(r.member_id, r.starts_on, r.ends_on) for r in rows] == [
        (world.member.pk, D(2025, 1, 1), D(2025, 7, 1)),
        (world.other_member.pk, D(2025, 7, 1), None),
    ]
    assert member_in_charge_on(household=world.h1, day=D(2025, 6, 30)) == world.member
    assert member_in_charge_on(household=world.h1, day=D(2025, 7, 1)) == world.other_member


def test_reassignment_before_the_start_is_refused(world):
    with pytest.raises(ValidationError):
        services.assignment_reassign(
            actor=world.secretary, household=world.h1, member=world.other_member, on=D(2024, 1, 1)
        )
    assert world.h1.assignments.get(ends_on__isnull=True).member == world.member


def test_move_all_moves_every_household_of_a_member(world):
    h3 = HouseholdFactory(area=world.area_a1)
    Assignment.objects.create(household=h3, member=world.member, starts_on=D(2025, 1, 1))
    n = services.assignment_move_all(
        actor=world.secretary, from_member=world.member, to_member=world.other_member
    )
    assert n == 2
    assert not Assignment.objects.filter(member=world.member, ends_on__isnull=True).exists()
    assert Assignment.objects.filter(member=world.member).count() == 2  # history kept


def test_confirming_a_proposal_assigns_all_or_nothing(world):
    extra = HouseholdFactory(area=world.area_a1)
    # Somebody assigned `extra` meanwhile: the whole confirmation is refused, nothing saved.
    Assignment.objects.create(household=extra, member=world.member, starts_on=D(2025, 1, 1))
    with pytest.raises(ValidationError, match="vừa được phân công"):
        services.assignment_confirm_proposal(
            actor=world.secretary,
            cell=world.cell_a1,
            pairs=[(world.h_unassigned, world.member), (extra, world.other_member)],
        )
    assert not world.h_unassigned.assignments.exists()


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
def test_two_secretaries_assigning_at_once_one_wins():
    if connection.vendor != "postgresql":
        pytest.skip("needs PostgreSQL for concurrent writers")
    from gandan.test import World

    world = World()
    results = []
    barrier = threading.Barrier(2)

    def attempt(member):
        from django.db import connection as thread_connection

        try:
            barrier.wait()
            services.assignment_create(
                actor=world.secretary, household=world.h_unassigned, member=member
            )
            results.append("ok")
        except ValidationError as exc:
            results.append(exc.messages[0])
        finally:
            thread_connection.close()

    threads = [
        threading.Thread(target=attempt, args=(m,)) for m in (world.member, world.other_member)
    ]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert results.count("ok") == 1
    assert any("đảng viên" in r for r in results if r != "ok")
    assert world.h_unassigned.assignments.filter(ends_on__isnull=True).count() == 1


def test_lost_race_gets_a_clear_message(world, monkeypatch):
    """Simulate the race on any database: the check passes, then the constraint refuses."""
    real_filter = Assignment.objects.filter

    Assignment.objects.create(
        household=world.h_unassigned, member=world.other_member, starts_on=D(2025, 1, 1)
    )

    class Stale:
        def __init__(self, qs):
            self.qs = qs

        def filter(self, *a, **kw):
            return Stale(self.qs.filter(*a, **kw))

        def select_related(self, *a):
            return self

        def first(self):
            return None  # the secretary's page was loaded before the other one saved

    monkeypatch.setattr(
        type(world.h_unassigned.assignments),
        "filter",
        lambda self, *a, **kw: Stale(real_filter(*a, **kw)),
    )
    with pytest.raises(ValidationError, match="vừa được phân công"):
        services.assignment_create(
            actor=world.secretary, household=world.h_unassigned, member=world.member
        )


# --- views ---------------------------------------------------------------------------------


def test_propose_page_shows_a_balanced_split_and_confirms_in_one_step(client, world):
    members = [MemberFactory(cell=world.cell_a1) for _ in range(2)]
    for i in range(14):
        HouseholdFactory(area=world.area_a1, address=f"Xóm {i % 3}")
    client.force_login(world.secretary)
    url = reverse("households:propose", args=[world.cell_a1.pk])
    response = client.get(url)
    assert response.status_code == 200
    form = response.context["form"]
    data = {"starts_on": "2026-01-01"}
    for _h, field in form.rows():
        data[field.html_name] = field.initial or ""
    response = client.post(url, data)
    assert response.status_code == 302
    assigned = Assignment.objects.filter(ends_on__isnull=True, household__area=world.area_a1)
    assert assigned.count() == world.area_a1.households.count() == 17
    loads = Counter(
        Assignment.objects.filter(ends_on__isnull=True).values_list("member_id", flat=True)
    )
    assert all(loads[m.pk] >= 3 for m in members), (loads, [m.pk for m in members])


def test_member_cannot_open_the_proposal(client, world):
    client.force_login(world.member_user)
    response = client.get(reverse("households:propose", args=[world.cell_a1.pk]))
    assert response.status_code == 403


def test_proposal_of_another_cell_is_404(client, world):
    client.force_login(world.outsider)
    response = client.get(reverse("households:propose", args=[world.cell_a1.pk]))
    assert response.status_code == 404


def test_propose_anonymous_goes_to_login(client, world):
    response = client.get(reverse("households:propose", args=[world.cell_a1.pk]))
    assert response.status_code == 302 and "login" in response.url


def test_propose_wrong_method_is_405(client, world):
    client.force_login(world.secretary)
    response = client.put(reverse("households:propose", args=[world.cell_a1.pk]))
    assert response.status_code == 405


def test_reassign_page_moves_a_household(client, world):
    client.force_login(world.secretary)
    url = reverse("households:assign", args=[world.h1.pk])
    assert client.get(url).status_code == 200
    response = client.post(
        url, {"member": world.other_member.pk, "on": "2026-01-05", "reason": "ốm"}
    )
    assert response.status_code == 302
    assert world.h1.assignments.get(ends_on__isnull=True).member == world.other_member


def test_member_in_charge_cannot_reassign(client, world):
    client.force_login(world.member_user)
    response = client.post(
        reverse("households:assign", args=[world.h1.pk]), {"member": world.other_member.pk}
    )
    assert response.status_code == 403


def test_reassign_outsider_is_404(client, world):
    client.force_login(world.outsider)
    assert client.get(reverse("households:assign", args=[world.h1.pk])).status_code == 404


def test_move_all_page(client, world):
    client.force_login(world.secretary)
    url = reverse("households:move_all", args=[world.member.pk])
    assert client.get(url).status_code == 200
    response = client.post(url, {"member": world.other_member.pk, "on": "2026-01-05"})
    assert response.status_code == 302
    assert not Assignment.objects.filter(member=world.member, ends_on__isnull=True).exists()


def test_cell_table_prints_every_member_with_households(
    client, world, django_assert_max_num_queries
):
    client.force_login(world.secretary)
    url = reverse("households:cell_table", args=[world.cell_a1.pk])
    client.get(url)
    for _ in range(10):
        Assignment.objects.create(
            household=HouseholdFactory(area=world.area_a1),
            member=world.member,
            starts_on=D(2025, 1, 1),
        )
    with django_assert_max_num_queries(11):
        response = client.get(url)
    assert world.h1.head_name in response.content.decode()


# --- API -----------------------------------------------------------------------------------


def bearer(user):
    from gandan.accounts.services import token_issue

    return {"HTTP_AUTHORIZATION": f"Bearer {token_issue(user=user)}"}


def test_api_lists_assignments_in_scope(client, world):
    rows = client.get("/api/v1/assignments", **bearer(world.member_user)).json()["results"]
    assert [r["household_id"] for r in rows] == [world.h1.pk]
    rows = client.get("/api/v1/assignments", **bearer(world.outsider)).json()["results"]
    assert rows == []


def test_api_assigns_and_reports_conflicts(client, world):
    body = {"household_id": world.h_unassigned.pk, "member_id": world.member.pk}
    response = client.post(
        "/api/v1/assignments", body, content_type="application/json", **bearer(world.secretary)
    )
    assert response.status_code == 201
    response = client.post(
        "/api/v1/assignments",
        {"household_id": world.h_unassigned.pk, "member_id": world.member.pk},
        content_type="application/json",
        **bearer(world.secretary),
    )
    assert response.status_code == 400
    assert "phụ trách" in response.json()["detail"]


def test_api_member_may_not_assign(client, world):
    response = client.post(
        "/api/v1/assignments",
        {"household_id": world.h1.pk, "member_id": world.other_member.pk},
        content_type="application/json",
        **bearer(world.member_user),
    )
    assert response.status_code == 403


def test_api_assignment_outside_scope_is_404(client, world):
    response = client.post(
        "/api/v1/assignments",
        {"household_id": world.h1.pk, "member_id": world.member.pk},
        content_type="application/json",
        **bearer(world.outsider),
    )
    assert response.status_code == 404
