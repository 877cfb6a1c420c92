import datetime

from django.db import transaction
from django.utils import timezone

from .models import SetupCode, Token, User


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
    import secrets

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
    return raw


@transaction.atomic
def password_set_with_code(*, user: User, code: str, password: str) -> bool:
    digest = Token.digest_of(f"{user.pk}:{code.strip()}")
    setup = (
        SetupCode.objects.select_for_update()
        .filter(user=user, digest=digest, used_at__isnull=True, expires_at__gt=timezone.now())
        .first()
    )
    if setup is None:
        return False
    setup.used_at = timezone.now()
    setup.save(update_fields=["used_at"])
    user.set_password(password)
    user.must_set_password = False
    user.save(update_fields=["password", "must_set_password"])
    return True
