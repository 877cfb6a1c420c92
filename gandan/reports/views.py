"""Dashboards, Excel exports and the household import. Thin views over the selectors and the
one import service; every unit is fetched through `gandan.access` (forbidden = 404)."""

import dataclasses
import secrets
import time

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from gandan import access
from gandan.lib.dates import today
from gandan.lib.excel import (
    XLSX_CONTENT_TYPE,
    ExcelError,
    HouseholdRow,
    household_template,
    parse_household_rows,
    read_sheet,
)
from gandan.org.models import Unit
from gandan.reports import exports, selectors, services
from gandan.reports.forms import ConfirmForm, PeriodForm, UploadForm, YearForm

PENDING_KEY = "reports_pending_import"
PENDING_SECONDS = 60 * 60


def _xlsx(data: bytes, filename: str) -> HttpResponse:
    response = HttpResponse(data, content_type=XLSX_CONTENT_TYPE)
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    response["Cache-Control"] = "no-store"  # personal data: not kept by proxies or browsers
    return response


def _year(request) -> tuple[YearForm, int]:
    form = YearForm(request.GET or None)
    if form.is_bound and form.is_valid():
        return form, form.cleaned_data["year"]
    return form, today().year


@login_required
@require_GET
def index(request):
    """The reports a user may open: his communes' overviews, his provinces' aggregates."""
    units = (
        selectors.aggregate_units_for(user=request.user)
        .filter(kind__in=[Unit.Kind.PROVINCE, Unit.Kind.COMMITTEE])
        .select_related("province")
        .order_by("-kind", "name")  # the province first, then its communes
    )
    return render(request, "reports/index.html", {"units": units})


def _overview(request, pk: int, kinds: tuple[str, ...]):
    unit = selectors.aggregate_unit_get_for(user=request.user, pk=pk)
    if unit.kind not in kinds:
        raise Http404
    form, year = _year(request)
    if unit.kind == Unit.Kind.COMMITTEE:
        overview = selectors.commune_overview_for(user=request.user, committee=unit, year=year)
    else:
        overview = selectors.province_overview_for(user=request.user, province_unit=unit, year=year)
    return unit, form, overview


@login_required
@require_GET
def commune_overview(request, pk: int):
    """Per cell of a commune: members, households, in charge, visits, concerns, poverty."""
    unit, form, overview = _overview(request, pk, (Unit.Kind.COMMITTEE,))
    return render(
        request,
        "reports/overview.html",
        {
            "unit": unit,
            "form": form,
            "overview": overview,
            "row_label": _("Chi bộ"),
            "show_names": access.can_see_personal_data(request.user, unit),
            "can_import": access.can_manage_commune(request.user, unit.commune_id),
        },
    )


@login_required
@require_GET
def province_overview(request, pk: int):
    """Per commune of a province: aggregates only, no personal data."""
    unit, form, overview = _overview(request, pk, (Unit.Kind.PROVINCE,))
    return render(
        request,
        "reports/overview.html",
        {"unit": unit, "form": form, "overview": overview, "row_label": _("Xã, phường")},
    )


@login_required
@require_GET
def overview_xlsx(request, pk: int):
    unit, _form, overview = _overview(request, pk, (Unit.Kind.COMMITTEE, Unit.Kind.PROVINCE))
    return _xlsx(exports.overview_workbook(overview), f"tong-hop-{unit.pk}-{overview.year}.xlsx")


@login_required
@require_GET
def unit_exports(request, pk: int):
    """The Excel files of a cell or commune: households, assignments, visits of a period."""
    unit = selectors.personal_unit_get_for(user=request.user, pk=pk)
    period = PeriodForm(initial={"start": today().replace(day=1), "end": today()})
    return render(
        request,
        "reports/exports.html",
        {"unit": unit, "period": period, "can_import": _can_import(request.user, unit)},
    )


def _can_import(user, unit: Unit) -> bool:
    try:
        services.import_areas_for(actor=user, unit=unit)
    except PermissionDenied:
        return False
    return True


@login_required
@require_GET
def households_xlsx(request, pk: int):
    unit = selectors.personal_unit_get_for(user=request.user, pk=pk)
    households = selectors.household_export_list_for(user=request.user, unit=unit)
    return _xlsx(exports.households_workbook(unit, households), f"ho-gia-dinh-{unit.pk}.xlsx")


@login_required
@require_GET
def assignments_xlsx(request, pk: int):
    unit = selectors.personal_unit_get_for(user=request.user, pk=pk)
    members = selectors.assignment_export_list_for(user=request.user, unit=unit)
    return _xlsx(exports.assignments_workbook(unit, members), f"phan-cong-{unit.pk}.xlsx")


@login_required
@require_GET
def visits_xlsx(request, pk: int):
    unit = selectors.personal_unit_get_for(user=request.user, pk=pk)
    period = PeriodForm(request.GET)
    if not period.is_valid():
        return render(
            request,
            "reports/exports.html",
            {"unit": unit, "period": period, "can_import": _can_import(request.user, unit)},
            status=400,
        )
    start, end = period.cleaned_data["start"], period.cleaned_data["end"]
    visits = selectors.visit_export_list_for(user=request.user, unit=unit, start=start, end=end)
    return _xlsx(
        exports.visits_workbook(unit, visits, start, end),
        f"tham-ho-{unit.pk}-{start:%Y%m%d}-{end:%Y%m%d}.xlsx",
    )


# --- import ------------------------------------------------------------------------------------


def _import_unit(request, pk: int) -> tuple[Unit, list]:
    """The unit and the areas the user may import into; a viewer sees it but gets 403."""
    unit = selectors.aggregate_unit_get_for(user=request.user, pk=pk)
    if unit.kind not in (Unit.Kind.CELL, Unit.Kind.COMMITTEE):
        raise Http404
    return unit, services.import_areas_for(actor=request.user, unit=unit)


@login_required
@require_GET
def import_template(request, pk: int):
    unit, areas = _import_unit(request, pk)
    data = household_template(area_names=[a.name for a in areas])
    return _xlsx(data, f"mau-nhap-ho-{unit.pk}.xlsx")


def _unit_page(unit: Unit) -> str:
    if unit.kind == Unit.Kind.CELL:
        return reverse("care:cell", args=[unit.pk])
    return reverse("org:commune", args=[unit.pk])


@login_required
@require_http_methods(["GET", "POST"])
def household_import(request, pk: int):
    """Upload → preview (every row checked) → confirm → one transaction.

    The checked rows wait in the user's session under a random token, for an hour; confirming
    sends the token back, so the file is read once and what is imported is what was shown."""
    unit, areas = _import_unit(request, pk)
    context = {"unit": unit, "areas": areas}
    if request.method == "POST" and "token" in request.POST:
        return _import_confirm(request, unit)
    form = UploadForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        try:
            rows = read_sheet(form.cleaned_data["file"].read())
        except ExcelError as error:
            form.add_error("file", str(error))
        else:
            result = parse_household_rows(rows, area_names=[a.name for a in areas])
            context["errors"] = result.errors
            if not result.errors:
                plan = services.household_import_plan(areas=areas, rows=result.rows)
                token = secrets.token_urlsafe(24)
                request.session[PENDING_KEY] = {
                    "token": token,
                    "unit": unit.pk,
                    "at": time.time(),
                    "rows": [dataclasses.asdict(r) for r in result.rows],
                }
                context.update(plan=plan, confirm=ConfirmForm(initial={"token": token}))
                return render(request, "reports/import_preview.html", context)
            return render(request, "reports/import_preview.html", context, status=400)
    context["form"] = form
    return render(request, "reports/import.html", context, status=400 if form.errors else 200)


def _import_confirm(request, unit: Unit):
    form = ConfirmForm(request.POST)
    pending = request.session.get(PENDING_KEY) or {}
    if (
        not form.is_valid()
        or not secrets.compare_digest(str(pending.get("token", "")), form.cleaned_data["token"])
        or pending.get("unit") != unit.pk
        or time.time() - pending.get("at", 0) > PENDING_SECONDS
    ):
        messages.error(request, _("Phiên nhập đã hết hạn hoặc không hợp lệ. Hãy tải tệp lên lại."))
        return redirect("reports:import", pk=unit.pk)
    rows = [HouseholdRow(**row) for row in pending["rows"]]
    try:
        result = services.household_import(actor=request.user, unit=unit, rows=rows)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
        return redirect("reports:import", pk=unit.pk)
    del request.session[PENDING_KEY]
    messages.success(
        request,
        _("Đã nhập %(created)s hộ mới; bỏ qua %(skipped)s hộ đã có.")
        % {"created": result.created, "skipped": result.skipped},
    )
    return redirect(_unit_page(unit))
