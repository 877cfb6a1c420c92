from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from gandan import access
from gandan.lib.forms import apply_service
from gandan.org import selectors, services
from gandan.org.forms import MemberForm
from gandan.org.models import Unit


@login_required
@require_GET
def commune_list(request):
    committees = selectors.committee_list_for(user=request.user)
    return render(request, "org/commune_list.html", {"committees": committees})


@login_required
@require_GET
def commune_detail(request, pk: int):
    committee = selectors.unit_get_for(user=request.user, pk=pk)
    if committee.kind != Unit.Kind.COMMITTEE:
        raise Http404
    show_names = access.can_see_personal_data(request.user, committee)
    cells = selectors.cell_list_for_committee(user=request.user, committee=committee)
    areas = selectors.area_list_for_commune(commune_id=committee.commune_id)
    return render(
        request,
        "org/commune_detail.html",
        {"committee": committee, "cells": cells, "areas": areas, "show_names": show_names},
    )


@login_required
@require_http_methods(["GET", "POST"])
def member_create(request, cell_pk: int):
    cell = selectors.unit_get_for(user=request.user, pk=cell_pk)
    if not cell.is_cell:
        raise Http404
    if not access.can_manage_cell(request.user, cell):
        raise PermissionDenied
    form = MemberForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        member = apply_service(form, services.member_create, actor=request.user, cell=cell)
        if member:
            messages.success(request, _("Đã thêm đảng viên %(name)s.") % {"name": member})
            return redirect("care:member", pk=member.pk)
    return render(request, "org/member_form.html", {"form": form, "cell": cell, "member": None})


@login_required
@require_http_methods(["GET", "POST"])
def member_update(request, pk: int):
    member = selectors.member_get_for(user=request.user, pk=pk)
    if not access.can_manage_cell(request.user, member.cell):
        raise PermissionDenied
    form = MemberForm(request.POST or None, instance=member)
    if request.method == "POST" and form.is_valid():
        # The service re-reads the row under a lock and saves only what changed.
        if apply_service(form, services.member_update, actor=request.user, member=member):
            messages.success(request, _("Đã lưu thông tin đảng viên."))
            return redirect("care:member", pk=member.pk)
    return render(
        request, "org/member_form.html", {"form": form, "cell": member.cell, "member": member}
    )
