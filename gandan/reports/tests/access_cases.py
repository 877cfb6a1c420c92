"""Access rules for reports and exports (see gandan/tests/matrix.py). Exports are searched
by the matrix for the names of households outside the persona's scope (Excel included)."""

from gandan.tests.matrix import EVERYONE, MANAGERS_A1, ApiCase, Case


def cell_a1(world):
    return [world.cell_a1.pk]


# A cell's household rows: its secretary and the commune's committee only (viewers 404).
PERSONAL = {"ok": MANAGERS_A1}

ACCESS_CASES = {
    "reports:index": Case(ok=EVERYONE, unscoped=True),
    # Aggregates of the commune: its committee and the higher level.
    "reports:commune": Case(lambda w: [w.committee_a.pk], ok=["committee", "viewer"]),
    "reports:province": Case(lambda w: [w.committee_a.parent_id], ok=["viewer"]),
    "reports:overview_xlsx": Case(lambda w: [w.committee_a.pk], ok=["committee", "viewer"]),
    "reports:exports": Case(cell_a1, **PERSONAL),
    "reports:households_xlsx": Case(cell_a1, **PERSONAL),
    "reports:assignments_xlsx": Case(cell_a1, **PERSONAL),
    "reports:visits_xlsx": Case(cell_a1, **PERSONAL),
    # Importing households: the cell's managers; the higher level sees the unit but gets 403.
    "reports:import": Case(cell_a1, ok=MANAGERS_A1, denied=["viewer"]),
    "reports:import_template": Case(cell_a1, ok=MANAGERS_A1, denied=["viewer"]),
}

API_CASES = {
    "GET /api/v1/reports/summary": ApiCase(
        query=lambda w: {"unit": w.cell_a1.pk}, ok=[*MANAGERS_A1, "viewer"]
    ),
}
