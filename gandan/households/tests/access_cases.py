"""Access rules for household pages and API (see gandan/tests/matrix.py)."""

from gandan.tests.matrix import EVERYONE, MANAGERS_A1, SEES_H1, ApiCase, Case


def h1(world):
    return [world.h1.pk]


def cell_a1(world):
    return [world.cell_a1.pk]


# The member in charge sees the household but does not manage its record.
MANAGE_H1 = {"ok": MANAGERS_A1, "denied": ["member_user"]}

ACCESS_CASES = {
    "households:search": Case(ok=EVERYONE, unscoped=True),
    "households:propose": Case(
        cell_a1, ok=MANAGERS_A1, denied=["member_user", "other_member_user", "viewer"]
    ),
    # A printable list of names: for the cell's managers only (members and viewers: 404).
    "households:cell_table": Case(cell_a1, ok=MANAGERS_A1),
    "households:assign": Case(h1, **MANAGE_H1),
    "households:move_all": Case(lambda w: [w.member.pk], **MANAGE_H1),
    "households:privacy": Case(h1, **MANAGE_H1),
    "households:privacy_export": Case(h1, **MANAGE_H1),
    "households:privacy_correct": Case(h1, **MANAGE_H1),
    "households:privacy_consent": Case(h1, method="post", **MANAGE_H1),
    "households:privacy_anonymise": Case(h1, method="post", **MANAGE_H1),
}

API_CASES = {
    "GET /api/v1/households": ApiCase(ok=EVERYONE, unscoped=True),
    "GET /api/v1/households/{household_id}": ApiCase(
        lambda w: {"household_id": w.h1.pk}, ok=SEES_H1
    ),
    "GET /api/v1/assignments": ApiCase(ok=EVERYONE, unscoped=True),
    # Move h1 to another member of its cell: the managers; its member sees it (403).
    "POST /api/v1/assignments": ApiCase(
        body=lambda w: {"household_id": w.h1.pk, "member_id": w.other_member.pk},
        ok=MANAGERS_A1,
        denied=["member_user"],
    ),
}
