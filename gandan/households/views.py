from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.shortcuts import render
from django.views.decorators.http import require_GET

from gandan.households import selectors


@login_required
@require_GET
def household_search(request):
    q = request.GET.get("q", "")[:100]
    households = selectors.household_list_for(user=request.user, q=q)
    page = Paginator(households, 50).get_page(request.GET.get("page"))
    return render(request, "households/search.html", {"q": q, "page": page})
