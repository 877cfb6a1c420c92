"""Access rules for poverty pages and API (see gandan/tests/matrix.py)."""

from gandan.tests.matrix import EVERYONE, MANAGERS_A1, SEES_H1, ApiCase, Case

CELL_A1_READERS = [*MANAGERS_A1, "member_user", "other_member_user", "viewer"]


def h1(world):
    return [world.h1.pk]


def cell_a1(world):
    return [world.cell_a1.pk]


def target_of_cell_a1(world):
    from gandan.poverty.tests.factories import TargetFactory

    return [TargetFactory(unit=world.cell_a1).pk]


def review_of_commune_a(world):
    import datetime

    from gandan.poverty.models import Review

    review = Review.objects.create(
        commune=world.commune_a, year=2026, opened_on=datetime.date(2026, 9, 1)
    )
    return {"review": review.pk}


ACCESS_CASES = {
    "poverty:unit": Case(cell_a1, ok=CELL_A1_READERS),
    "poverty:targets": Case(cell_a1, ok=CELL_A1_READERS),
    "poverty:target_new": Case(
        cell_a1, ok=MANAGERS_A1, denied=["member_user", "other_member_user", "viewer"]
    ),
    "poverty:target_edit": Case(
        target_of_cell_a1, ok=MANAGERS_A1, denied=["member_user", "other_member_user", "viewer"]
    ),
    "poverty:target_delete": Case(
        target_of_cell_a1,
        ok=MANAGERS_A1,
        denied=["member_user", "other_member_user", "viewer"],
        method="post",
    ),
    # The yearly review is the commune's.
    "poverty:review_open": Case(
        lambda w: [w.committee_a.pk], ok=["committee"], denied=["viewer"], method="post"
    ),
    "poverty:review_advance": Case(
        lambda w: [w.committee_a.pk],
        ok=["committee"],
        denied=["viewer"],
        method="post",
        data=review_of_commune_a,
    ),
    "poverty:household": Case(h1, ok=SEES_H1),
    "poverty:assess": Case(h1, ok=MANAGERS_A1, denied=["member_user"]),
}

API_CASES = {
    "GET /api/v1/poverty/standards": ApiCase(ok=EVERYONE, unscoped=True),
    "POST /api/v1/poverty/classify": ApiCase(
        ok=EVERYONE, unscoped=True, body=lambda w: {"year": 2026, "income": 1_000_000}
    ),
}
