from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.shortcuts import render
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_GET

from gandan.audit import selectors

PAGE_SIZE = 50


def _render_log(request, *, title, subject, entries, back_url=None):
    page = Paginator(entries, PAGE_SIZE).get_page(request.GET.get("page"))
    return render(
        request,
        "audit/log.html",
        {"title": title, "subject": subject, "page": page, "back_url": back_url},
    )


@login_required
@require_GET
def household_log(request, pk: int):
    household = selectors.household_for_log(user=request.user, pk=pk)
    return _render_log(
        request,
        title=_("Nhật ký của hộ"),
        subject=household.head_name,
        entries=selectors.log_list_for_household(household=household),
    )


@login_required
@require_GET
def member_log(request, pk: int):
    member = selectors.member_for_log(user=request.user, pk=pk)
    return _render_log(
        request,
        title=_("Nhật ký của đảng viên"),
        subject=member.full_name,
        entries=selectors.log_list_for_member(member=member),
    )


@login_required
@require_GET
def user_log(request, pk: int):
    account = selectors.user_for_log(user=request.user, pk=pk)
    return _render_log(
        request,
        title=_("Nhật ký của tài khoản"),
        subject=f"{account.get_full_name() or account.username} ({account.username})",
        entries=selectors.log_list_for_user(account=account),
    )
