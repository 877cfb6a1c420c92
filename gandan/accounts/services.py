"""Writes of accounts: API tokens, one-time setup codes, sessions."""

import datetime
import secrets

from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext as _

from gandan.lib.text import is_valid_phone, normalise_phone

from .models import SetupCode, Token, User

SETUP_CODE_MAX_FAILURES = 5


@transaction.atomic
def token_issue(*, user: User, name: str = "") -> str:
    """Create a personal access token and return it in clear, once."""
    raw = Token.generate()
    Token.objects.create(user=user, name=name, digest=Token.digest_of(raw), prefix=raw[3:9])
    return raw


def token_authenticate(raw: str) -> User | None:
    token = (
        Token.objects.select_related("user")
        .filter(digest=Token.digest_of(raw), revoked_at__isnull=True, user__is_active=True)
        .first()
    )
    if token is None:
        return None
    now = timezone.now()
    if token.last_used_at is None or now - token.last_used_at > datetime.timedelta(minutes=5):
        Token.objects.filter(pk=token.pk).update(last_used_at=now)
    return token.user


@transaction.atomic
def setup_code_issue(*, user: User, valid_hours: int = 72) -> str:
    """A 6-digit one-time code, easy to read out over the phone; replaces earlier codes."""
    SetupCode.objects.filter(user=user, used_at__isnull=True).delete()
    while True:
        raw = f"{secrets.randbelow(10**6):06d}"
        digest = Token.digest_of(f"{user.pk}:{raw}")
        if not SetupCode.objects.filter(digest=digest).exists():
            break
    SetupCode.objects.create(
        user=user,
        digest=digest,
        expires_at=timezone.now() + datetime.timedelta(hours=valid_hours),
    )
    user.must_set_password = True
    user.set_unusable_password()
    user.save(update_fields=["must_set_password", "password"])
    # A new code means the old password is gone: no session of the old one survives.
    _sessions_end(user)
    return raw


@transaction.atomic
def member_account_issue(*, actor, member) -> tuple[User, str]:
    """Create (or reopen) the account of a party member and give a one-time code with which
    the member sets his or her own password. The secretary never learns the password.

    The member logs in with the phone number on the member's record."""
    from gandan import access  # the one scoping rule; accounts has no other way up

    if not access.can_manage_cell(actor, member.cell):
        raise PermissionDenied
    if member.left_on:
        raise ValidationError(_("Đảng viên đã thôi sinh hoạt, không cấp tài khoản."))
    phone = normalise_phone(member.phone)
    user = member.user
    if user is None:
        if not is_valid_phone(phone):
            raise ValidationError(
                _("Hồ sơ đảng viên chưa có số điện thoại đúng. Xin sửa hồ sơ trước.")
            )
        if User.objects.filter(username=phone).exists():
            raise ValidationError(
                _("Số điện thoại %(phone)s đã là tên đăng nhập của một tài khoản khác.")
                % {"phone": phone}
            )
        user = User(username=phone, phone=phone, first_name=member.full_name)
        user.set_unusable_password()
        user.full_clean()
        user.save()
        member.user = user
        member.save(update_fields=["user"])
    elif not user.is_active:
        user.is_active = True
        user.save(update_fields=["is_active"])
    return user, setup_code_issue(user=user)


def password_set_with_code(*, username: str, code: str, password: str) -> User:
    """Set one's password with the one-time code from the secretary. Wrong codes are counted
    (outside the transaction that fails, so they stay counted); after five the code dies and
    the secretary issues a new one."""
    error = ValidationError({"code": _("Mã không đúng hoặc đã hết hạn. Xin hỏi lại bí thư.")})
    login = (username or "").strip()
    if "\x00" in login:  # PostgreSQL text cannot hold it: no such user
        raise error
    user = User.objects.filter(username=login).first()
    if user is None and normalise_phone(login):
        user = User.objects.filter(username=normalise_phone(login)).first()
    if user is None or not user.is_active:
        raise error
    entered = (code or "").strip()
    digest = Token.digest_of(f"{user.pk}:{entered}")
    with transaction.atomic():
        setup = (
            SetupCode.objects.select_for_update()
            .filter(user=user, digest=digest, used_at__isnull=True, expires_at__gt=timezone.now())
            .filter(failed_attempts__lt=SETUP_CODE_MAX_FAILURES)
            .first()
        )
        if setup is not None:
            validate_password(password, user)
            setup.used_at = timezone.now()
            setup.save(update_fields=["used_at"])
            user.set_password(password)
            user.must_set_password = False
            user.save(update_fields=["password", "must_set_password"])
            return user
    SetupCode.objects.filter(user=user, used_at__isnull=True).update(
        failed_attempts=F("failed_attempts") + 1
    )
    raise error


@transaction.atomic
def sessions_end_all(*, actor: User, user: User) -> None:
    """Log out everywhere (a phone lost or shared): every browser session of the user ends and
    every API token is revoked. The user may do it, and so may whoever manages the cell of the
    member whose account it is."""
    if actor.pk != user.pk and not actor.is_superuser:
        from gandan import access

        member = getattr(user, "member", None)
        if member is None or not access.can_manage_cell(actor, member.cell):
            raise PermissionDenied
    _sessions_end(user)


def _sessions_end(user: User) -> None:
    # The session hash includes the generation (User._get_session_auth_hash): raising it ends
    # every session at its next request, whichever session backend holds it.
    User.objects.filter(pk=user.pk).update(session_generation=F("session_generation") + 1)
    user.refresh_from_db(fields=["session_generation"])
    Token.objects.filter(user=user, revoked_at__isnull=True).update(revoked_at=timezone.now())
