from django import forms
from django.contrib.auth.forms import AuthenticationForm
from django.utils.translation import gettext_lazy as _


class LoginForm(AuthenticationForm):
    username = forms.CharField(
        label=_("Số điện thoại hoặc tên đăng nhập"),
        max_length=150,
        widget=forms.TextInput(
            attrs={"autocomplete": "username", "autocapitalize": "none", "inputmode": "text"}
        ),
    )
    password = forms.CharField(
        label=_("Mật khẩu"),
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "current-password"}),
    )
    error_messages = {
        "invalid_login": _(
            "Số điện thoại (hoặc tên đăng nhập) hoặc mật khẩu không đúng. Xin nhập lại."
        ),
        "inactive": _("Tài khoản này đã bị khóa."),
    }
