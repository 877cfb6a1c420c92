"""Access rules for org pages and API (see gandan/tests/matrix.py)."""

from gandan.tests.matrix import EVERYONE, MANAGERS_A1, ApiCase, Case

ACCESS_CASES = {
    "org:communes": Case(ok=EVERYONE, unscoped=True),
    # The higher level reads the commune's aggregates; a cell's secretary has no commune page.
    "org:commune": Case(lambda w: [w.committee_a.pk], ok=["committee", "viewer"]),
    # Members of the cell and the higher level see the cell, only its managers add members.
    "org:member_create": Case(
        lambda w: [w.cell_a1.pk],
        ok=MANAGERS_A1,
        denied=["member_user", "other_member_user", "viewer"],
    ),
    "org:member_update": Case(lambda w: [w.member.pk], ok=MANAGERS_A1, denied=["member_user"]),
}

API_CASES = {
    "GET /api/v1/me": ApiCase(ok=EVERYONE, unscoped=True),
    "GET /api/v1/units": ApiCase(ok=EVERYONE, unscoped=True),
}
