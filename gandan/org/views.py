from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import render
from django.views.decorators.http import require_GET

from gandan import access
from gandan.org import selectors
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
