import datetime

import pytest
from django.utils import timezone

from gandan.care.models import Concern
from gandan.poverty.models import Status, Target
from gandan.poverty.tests.factories import TargetFactory, statuses
from gandan.reports.tests.factories import ConcernFactory, VisitFactory

YEAR = 2025


@pytest.fixture(autouse=True)
def _standards(request):
    """The poverty standards come from a data migration; a demo test elsewhere that flushes
    the database empties them, so load them again inside the test's own transaction."""
    if "demo" not in request.fixturenames and (
        request.node.get_closest_marker("django_db") or {"db", "world"} & set(request.fixturenames)
    ):
        from gandan.poverty.standards import standards_ensure

        request.getfixturevalue("db")
        standards_ensure()


@pytest.fixture
def records(world):
    """Visits, concerns, statuses and a target on top of the shared personas:

    - h1 (cell A1): visited 3 days ago; an open concern; near-poor 2024 → poor 2025
    - h2 (cell A1): visited 60 days ago; an answered concern; poor 2024 → near-poor 2025
    - h_unassigned (cell A1): never visited; middle 2024 → poor 2025 (newly poor)
    - h_a2 (cell A2): an open concern raised 30 days ago (overdue); poor 2025
    - h_b1 (commune B): visited yesterday, poor 2025 (must never count for commune A)
    """
    today = timezone.localdate()
    VisitFactory(household=world.h1, visited_on=today - datetime.timedelta(days=3))
    VisitFactory(household=world.h2, visited_on=today - datetime.timedelta(days=60))
    ConcernFactory(household=world.h1)
    ConcernFactory(
        household=world.h2,
        status=Concern.Status.ANSWERED,
        answer="Đã trả lời",
        answered_at=timezone.now(),
    )
    ConcernFactory(
        household=world.h_a2,
        raised_by=world.secretary_member,
        created_at=timezone.now() - datetime.timedelta(days=30),
    )
    statuses(world.h1, {2024: Status.NEAR_POOR, YEAR: Status.POOR})
    statuses(world.h2, {2024: Status.POOR, YEAR: Status.NEAR_POOR})
    statuses(world.h_unassigned, {2024: Status.MIDDLE, YEAR: Status.POOR})
    statuses(world.h_a2, {YEAR: Status.POOR})
    statuses(world.h_b1, {YEAR: Status.POOR})
    VisitFactory(household=world.h_b1, member=world.member, visited_on=today)
    TargetFactory(unit=world.cell_a1, kind=Target.Kind.FEWER_NEAR_POOR, amount=1)
    return world
