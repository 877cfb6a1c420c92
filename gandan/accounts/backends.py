from django.contrib.auth import get_user_model
from django.contrib.auth.backends import ModelBackend

from gandan.lib.text import normalise_phone


class PhoneOrUsernameBackend(ModelBackend):
    """Members type their phone number in any usual form (0912 345 678, +84912345678)."""

    def authenticate(self, request, username=None, password=None, **kwargs):
        if username is None or password is None:
            return None
        user_model = get_user_model()
        phone = normalise_phone(username)
        user = user_model.objects.filter(username=username.strip()).first()
        if user is None and len(phone) >= 9:
            user = user_model.objects.filter(username=phone).first()
        if user is None:
            user_model().set_password(password)  # same time whether or not the user exists
            return None
        if user.check_password(password) and self.user_can_authenticate(user):
            return user
        return None
