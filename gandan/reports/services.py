"""Writes of the reports app: importing a household list from Excel.

The file is checked first (`gandan.lib.excel.parse_household_rows`, every row and column), the
secretary sees a preview, and only on confirmation are the households created, in one
transaction: all or nothing. A household already there (same area, same head's name and same
address, compared without diacritics) is skipped, never duplicated, so importing the same file
twice creates nothing the second time.
"""

from collections.abc import Sequence
from dataclasses import dataclass, field

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction

from gandan import access
from gandan.households.models import Household
from gandan.lib.excel import HouseholdRow
from gandan.lib.text import fold
from gandan.org.models import Unit
from gandan.places.models import Area


def import_areas_for(*, actor, unit: Unit) -> list[Area]:
    """The areas whose households `actor` may import into `unit` (a cell or a commune)."""
    scope = access.scope_for(actor)
    if scope.is_viewer_only:
        raise PermissionDenied
    if unit.kind == Unit.Kind.CELL:
        if not access.can_manage_cell(actor, unit):
            raise PermissionDenied
        return list(Area.objects.filter(cell_area__cell=unit).order_by("name"))
    if unit.kind == Unit.Kind.COMMITTEE and access.can_manage_commune(actor, unit.commune_id):
        return list(Area.objects.filter(commune_id=unit.commune_id).order_by("name"))
    raise PermissionDenied


def _key(area_id: int, head_name: str, address: str) -> tuple[int, str, str]:
    return (area_id, fold(head_name), fold(address))


@dataclass
class ImportPlan:
    """What an import would do: rows to create and rows already there (with their row)."""

    new: list[HouseholdRow] = field(default_factory=list)
    existing: list[HouseholdRow] = field(default_factory=list)


def household_import_plan(*, areas: Sequence[Area], rows: Sequence[HouseholdRow]) -> ImportPlan:
    """Split valid rows into new households and households already recorded (one query)."""
    by_name = {fold(a.name): a for a in areas}
    area_ids = [a.pk for a in areas]
    # Match on the folded head name first (indexed), then compare folded addresses here.
    there = {
        _key(area_id, name, address)
        for area_id, name, address in Household.objects.filter(
            area_id__in=area_ids, search_name__in={fold(r.head_name) for r in rows}
        ).values_list("area_id", "head_name", "address")
    }
    plan = ImportPlan()
    for row in rows:
        area = by_name[fold(row.area)]
        target = plan.existing if _key(area.pk, row.head_name, row.address) in there else plan.new
        target.append(row)
    return plan


@dataclass
class ImportResult:
    created: int
    skipped: int


@transaction.atomic
def household_import(*, actor, unit: Unit, rows: Sequence[HouseholdRow]) -> ImportResult:
    """Create the households of a checked list in `unit`'s areas, skipping those already
    there. Each creation goes through the model (so the audit trail records it)."""
    areas = import_areas_for(actor=actor, unit=unit)
    by_name = {fold(a.name): a for a in areas}
    unknown = sorted({r.area for r in rows if fold(r.area) not in by_name})
    if unknown:
        raise ValidationError(
            "Khu dân cư không thuộc phạm vi được nhập: " + ", ".join(unknown) + "."
        )
    if not rows:
        raise ValidationError("Không có hộ nào để nhập.")
    # Lock the areas' households against a concurrent import of the same file.
    list(Area.objects.select_for_update().filter(pk__in=[a.pk for a in areas]).values("pk"))
    plan = household_import_plan(areas=areas, rows=rows)
    for row in plan.new:
        Household.objects.create(
            area=by_name[fold(row.area)],
            head_name=row.head_name,
            address=row.address,
            residents_count=row.residents_count,
            phone=row.phone,
            ethnicity=row.ethnicity,
        )
    return ImportResult(created=len(plan.new), skipped=len(plan.existing))
