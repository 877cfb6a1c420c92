from django.contrib.auth import logout
from django.contrib.auth.views import LoginView
from django.shortcuts import redirect
from django.views.decorators.http import require_POST

from gandan.accounts.forms import LoginForm


class GandanLoginView(LoginView):
    template_name = "accounts/login.html"
    authentication_form = LoginForm
    redirect_authenticated_user = True


login_view = GandanLoginView.as_view()


@require_POST
def logout_view(request):
    logout(request)
    return redirect("accounts:login")
