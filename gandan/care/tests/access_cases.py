"""Access rules for care pages and API (see gandan/tests/matrix.py)."""

import datetime

from django.utils import timezone

from gandan.tests.matrix import EVERYONE, MANAGERS_A1, SEES_H1, SEES_MEMBER, ApiCase, Case

CELL_A1_READERS = [*MANAGERS_A1, "member_user", "other_member_user", "viewer"]


def h1(world):
    return [world.h1.pk]


def visit_of_h1(world):
    from gandan.care.models import Visit

    visit = Visit.objects.create(
        household=world.h1,
        member=world.member,
        visited_on=timezone.localdate() - datetime.timedelta(days=1),
        notes="Thăm hỏi",
        recorded_by=world.member_user,
    )
    return [visit.uuid]


def concern_of_h1(world):
    from gandan.care.models import Concern

    concern = Concern.objects.create(
        household=world.h1,
        raised_by=world.member,
        cell=world.cell_a1,
        text="Đề nghị sửa đường",
        created_at=timezone.now(),
    )
    return [concern.pk]


ACCESS_CASES = {
    # Pages about nobody in particular: each persona sees its own (or nothing: 404 for those
    # who are not members).
    "care:mine": Case(ok=["secretary", "member_user", "other_member_user"], unscoped=True),
    "care:reminders": Case(ok=EVERYONE, unscoped=True),
    # Each persona's own concerns (inbox or raised); the higher level has none: 404.
    "care:concerns": Case(ok=[p for p in EVERYONE if p != "viewer"], unscoped=True),
    # The cell's page: its members read it; the higher level reads aggregates only.
    "care:cell": Case(lambda w: [w.cell_a1.pk], ok=CELL_A1_READERS),
    "care:cell_concerns": Case(lambda w: [w.cell_a1.pk], ok=MANAGERS_A1),
    "care:commune_concerns": Case(lambda w: [w.committee_a.pk], ok=["committee"]),
    "care:member": Case(lambda w: [w.member.pk], ok=SEES_MEMBER),
    "care:member_sheet": Case(lambda w: [w.member.pk], ok=SEES_MEMBER),
    "care:household": Case(h1, ok=SEES_H1),
    "care:household_card": Case(h1, ok=SEES_H1),
    # Only the member in charge records a visit. The managers, who see the household, get 404
    # here rather than the convention's 403 (the page looks the household up among the
    # user's own charges); nothing leaks either way.
    "care:visit_new": Case(h1, ok=["member_user"]),
    "care:visit": Case(visit_of_h1, ok=SEES_H1),
    "care:visit_edit": Case(visit_of_h1, ok=["member_user"], denied=MANAGERS_A1),
    "care:concern": Case(concern_of_h1, ok=SEES_H1),
    "care:concern_act": Case(concern_of_h1, ok=MANAGERS_A1, denied=["member_user"], method="post"),
}

API_CASES = {
    "GET /api/v1/visits": ApiCase(ok=EVERYONE, unscoped=True),
    "GET /api/v1/concerns": ApiCase(ok=EVERYONE, unscoped=True),
    # A visit to h1: its member in charge records it; other members get 404; users who are
    # not party members at all get 403 before the household is looked up.
    "PUT /api/v1/visits/{uuid}": ApiCase(
        lambda w: {"uuid": "5b0c7c1e-2f54-4a59-9a43-6d3b8c1d2e01"},
        body=lambda w: {"household_id": w.h1.pk, "visited_on": str(timezone.localdate())},
        ok=["member_user"],
        blanket_denied=["committee", "other_secretary", "outsider", "viewer"],
    ),
}
