import hashlib
import secrets

from django.contrib.auth.models import AbstractUser
from django.db import models
from django.utils.crypto import salted_hmac
from django.utils.translation import gettext_lazy as _


class User(AbstractUser):
    """A person who logs in. Members log in with their phone number as the username."""

    phone = models.CharField(_("số điện thoại"), max_length=15, blank=True, db_index=True)
    must_set_password = models.BooleanField(_("phải đặt mật khẩu"), default=False)
    # Raised by "log out everywhere": every session signed with the old value ends.
    session_generation = models.PositiveIntegerField(default=0, editable=False)

    class Meta:
        verbose_name = _("người dùng")
        verbose_name_plural = _("người dùng")

    def __str__(self) -> str:
        return self.get_full_name() or self.username

    def _get_session_auth_hash(self, secret=None):
        # Django checks this hash on every request: sessions end when the password changes
        # (as usual) or when the session generation is raised.
        return salted_hmac(
            "gandan.accounts.User.get_session_auth_hash",
            f"{self.password}:{self.session_generation}",
            secret=secret,
            algorithm="sha256",
        ).hexdigest()


class Token(models.Model):
    """A personal access token for scripted API clients (Authorization: Bearer …).

    Only a SHA-256 digest is stored: a leaked database does not leak usable tokens.
    """

    user = models.ForeignKey(User, on_delete=models.CASCADE, related_name="tokens")
    name = models.CharField(_("tên"), max_length=100, blank=True)
    digest = models.CharField(max_length=64, unique=True)
    prefix = models.CharField(max_length=8)
    created_at = models.DateTimeField(auto_now_add=True)
    last_used_at = models.DateTimeField(null=True, blank=True)
    revoked_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("mã truy cập API")
        verbose_name_plural = _("mã truy cập API")

    def __str__(self) -> str:
        return f"{self.user} {self.prefix}…"

    @staticmethod
    def digest_of(raw: str) -> str:
        return hashlib.sha256(raw.encode()).hexdigest()

    @staticmethod
    def generate() -> str:
        return "gd_" + secrets.token_urlsafe(32)


class SetupCode(models.Model):
    """A one-time code a secretary hands to a member to set his or her own password."""

    user = models.ForeignKey(User, on_delete=models.CASCADE, related_name="setup_codes")
    digest = models.CharField(max_length=64, unique=True)
    created_at = models.DateTimeField(auto_now_add=True)
    expires_at = models.DateTimeField()
    used_at = models.DateTimeField(null=True, blank=True)
    # A 6-digit code could be guessed: it dies after a few wrong tries.
    failed_attempts = models.PositiveSmallIntegerField(default=0)

    class Meta:
        verbose_name = _("mã đặt mật khẩu")
        verbose_name_plural = _("mã đặt mật khẩu")

    def __str__(self) -> str:
        return f"{self.user} {self.created_at:%Y-%m-%d}"


class DemoCredential(models.Model):
    """A demo account's password in clear, so trainers can log in. Written only by the
    `demo` command: a real deployment never has rows here."""

    user = models.OneToOneField(User, on_delete=models.CASCADE, related_name="demo_credential")
    password = models.CharField(max_length=64)
    role = models.CharField(max_length=20)
    unit = models.CharField(max_length=150)
    sort_order = models.PositiveIntegerField(default=0)

    class Meta:
        ordering = ["sort_order"]
        verbose_name = _("tài khoản thử nghiệm")
        verbose_name_plural = _("tài khoản thử nghiệm")

    def __str__(self) -> str:
        return f"{self.role} {self.unit}"
