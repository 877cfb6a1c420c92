from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth.decorators import login_required
from django.contrib.auth.views import LoginView
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from gandan import access
from gandan.accounts import services
from gandan.accounts.forms import LoginForm, SetPasswordWithCodeForm
from gandan.accounts.models import SetupCode
from gandan.lib.forms import add_rule_errors
from gandan.org import selectors as org_selectors


class GandanLoginView(LoginView):
    template_name = "accounts/login.html"
    authentication_form = LoginForm
    redirect_authenticated_user = True


login_view = GandanLoginView.as_view()


@require_POST
def logout_view(request):
    logout(request)
    return redirect("accounts:login")


@login_required
@require_GET
def me(request):
    """The user's own account: who is logged in, and "log out everywhere"."""
    return render(request, "accounts/me.html")


@login_required
@require_POST
def logout_everywhere(request):
    services.sessions_end_all(actor=request.user, user=request.user)
    logout(request)
    messages.success(request, _("Đã đăng xuất trên mọi máy. Xin đăng nhập lại."))
    return redirect("accounts:login")


@require_http_methods(["GET", "POST"])
def setup_password(request):
    """A member sets a password with the one-time code (no login needed)."""
    form = SetPasswordWithCodeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.password_set_with_code(
                username=form.cleaned_data["username"],
                code=form.cleaned_data["code"],
                password=form.cleaned_data["new_password1"],
            )
        except ValidationError as error:
            # Password rules come as a plain list: they belong next to the new password.
            add_rule_errors(form, error, default_field="new_password1")
        else:
            messages.success(request, _("Đã đặt mật khẩu. Xin đăng nhập bằng số điện thoại."))
            return redirect("accounts:login")
    return render(request, "accounts/setup_password.html", {"form": form})


def _managed_member(request, member_pk: int):
    """A member of a cell the user manages: 404 outside the scope, 403 when only visible."""
    member = org_selectors.member_get_for(user=request.user, pk=member_pk)
    if not access.can_manage_cell(request.user, member.cell):
        raise PermissionDenied
    return member


@login_required
@require_http_methods(["GET", "POST"])
def member_account(request, member_pk: int):
    """The secretary creates a member's account, or issues a new one-time code (a forgotten
    password, a new phone). The code is shown once, on this page, and never stored in clear."""
    member = _managed_member(request, member_pk)
    code = None
    if request.method == "POST":
        try:
            _user, code = services.member_account_issue(actor=request.user, member=member)
        except ValidationError as error:
            for message in error.messages:
                messages.error(request, message)
            return redirect("accounts:member_account", member_pk=member.pk)
    open_code = (
        SetupCode.objects.filter(user=member.user, used_at__isnull=True)
        .order_by("-created_at")
        .first()
        if member.user_id
        else None
    )
    return render(
        request,
        "accounts/member_account.html",
        {
            "member": member,
            "account": member.user,
            "code": code,
            "open_code": open_code,
            "can_read_log": access.can_manage_commune(request.user, member.cell.commune_id),
        },
    )


@login_required
@require_POST
def member_logout_everywhere(request, member_pk: int):
    member = _managed_member(request, member_pk)
    if member.user_id:
        services.sessions_end_all(actor=request.user, user=member.user)
        messages.success(
            request, _("Đã đăng xuất %(name)s trên mọi máy.") % {"name": member.full_name}
        )
    return redirect("accounts:member_account", member_pk=member.pk)
