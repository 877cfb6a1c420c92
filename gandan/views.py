from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_GET

from gandan.access import scope_for


@login_required
@require_GET
def home(request):
    """Each role lands on the page it works from."""
    scope = scope_for(request.user)
    if scope.member_id and not scope.manages_anything:
        return redirect("care:mine")
    if scope.cell_ids and not scope.commune_ids:
        return redirect("care:cell", pk=min(scope.cell_ids))
    if scope.is_viewer_only:
        return redirect("reports:index")  # the higher level reads aggregates, nothing else
    if scope.commune_ids or scope.is_admin or scope.province_ids:
        return redirect("org:communes")
    return render(request, "no_role.html")


@require_GET
def healthz(request):
    return HttpResponse("ok", content_type="text/plain")


def not_found(request, exception=None):
    return render(request, "404.html", status=404)
