"""Pages for a household's data rights: see what is held, export it, correct it, record
consent, erase it when the household has left. For those who manage the household (cell
secretary, commune committee); the member in charge sees a 403, anybody else a 404."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from gandan import access
from gandan.audit.services import record_access
from gandan.households import privacy as rights
from gandan.households.forms_privacy import ConsentForm, HouseholdCorrectForm
from gandan.households.models import Household
from gandan.lib.forms import add_rule_errors


def _household(request, pk: int) -> Household:
    household = access.get_or_404(
        access.households_for(request.user).select_related("area__commune"), pk=pk
    )
    if not access.managed_households_for(request.user).filter(pk=household.pk).exists():
        raise PermissionDenied
    return household


@login_required
@require_GET
def privacy(request, pk: int):
    household = _household(request, pk)
    return render(
        request,
        "households/privacy.html",
        {
            "household": household,
            "consent_form": ConsentForm(instance=household),
            "can_read_log": access.can_manage_commune(request.user, household.area.commune_id),
        },
    )


@login_required
@require_GET
def privacy_export(request, pk: int):
    household = _household(request, pk)
    record_access(request=request, obj=household)
    body = rights.household_export_json(actor=request.user, household=household)
    response = HttpResponse(body, content_type="application/json; charset=utf-8")
    name = f"ho-{household.pk}-{timezone.localdate():%Y%m%d}.json"
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    response["Cache-Control"] = "no-store"
    return response


@login_required
@require_http_methods(["GET", "POST"])
def privacy_correct(request, pk: int):
    household = _household(request, pk)
    form = HouseholdCorrectForm(request.POST or None, instance=household)
    if request.method == "POST" and form.is_valid():
        try:
            rights.household_correct(
                actor=request.user,
                household=Household.objects.get(pk=household.pk),
                **form.cleaned_data,
            )
        except ValidationError as error:
            add_rule_errors(form, error)
        else:
            messages.success(request, _("Đã sửa thông tin của hộ."))
            return redirect("households:privacy", pk=household.pk)
    return render(
        request, "households/privacy_correct.html", {"household": household, "form": form}
    )


@login_required
@require_POST
def privacy_consent(request, pk: int):
    household = _household(request, pk)
    form = ConsentForm(request.POST, instance=Household.objects.get(pk=household.pk))
    if form.is_valid():
        try:
            rights.household_consent_record(
                actor=request.user, household=household, **form.cleaned_data
            )
        except ValidationError as error:
            add_rule_errors(form, error)
        else:
            messages.success(request, _("Đã ghi sự đồng ý và mục đích xử lý dữ liệu."))
            return redirect("households:privacy", pk=household.pk)
    return render(
        request,
        "households/privacy.html",
        {"household": household, "consent_form": form},
        status=400,
    )


@login_required
@require_POST
def privacy_anonymise(request, pk: int):
    household = _household(request, pk)
    try:
        rights.household_anonymise(actor=request.user, household=household)
    except ValidationError as error:
        for message in error.messages:
            messages.error(request, message)
    else:
        messages.success(request, _("Đã xóa dữ liệu cá nhân của hộ; số liệu thống kê giữ nguyên."))
    return redirect("households:privacy", pk=household.pk)
