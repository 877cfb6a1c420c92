"""Accounts: a member's account created by the secretary with a one-time code, the member
setting a password with it, log out everywhere, login throttling."""

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from gandan.accounts import services
from gandan.accounts.models import SetupCode, Token, User
from gandan.test import PASSWORD, MemberFactory

NEW_PASSWORD = "rau-muong-xao-toi-7"


@pytest.fixture
def new_member(world):
    return MemberFactory(cell=world.cell_a1, full_name="Lò Văn Mới", phone="0977 111 222")


def issue(client, world, member):
    client.force_login(world.secretary)
    return client.post(reverse("accounts:member_account", args=[member.pk]))


def test_secretary_creates_a_members_account_and_sees_the_code_once(client, world, new_member):
    response = issue(client, world, new_member)
    assert response.status_code == 200
    code = response.context["code"]
    assert len(code) == 6 and code.isdigit()
    assert code in response.content.decode()
    new_member.refresh_from_db()
    assert new_member.user.username == "0977111222"
    assert not new_member.user.has_usable_password()
    # never stored in clear, and not shown again
    assert not SetupCode.objects.filter(digest=code).exists()
    page = client.get(reverse("accounts:member_account", args=[new_member.pk])).content.decode()
    assert code not in page


def test_member_sets_the_password_with_the_code_and_logs_in(client, world, new_member):
    code = issue(client, world, new_member).context["code"]
    client.logout()
    response = client.post(
        reverse("accounts:setup_password"),
        {
            "username": "0977.111.222",
            "code": code,
            "new_password1": NEW_PASSWORD,
            "new_password2": NEW_PASSWORD,
        },
    )
    assert response.status_code == 302
    assert response.url == reverse("accounts:login")
    response = client.post(
        reverse("accounts:login"), {"username": "0977111222", "password": NEW_PASSWORD}
    )
    assert response.status_code == 302
    # the code works once
    with pytest.raises(ValidationError):
        services.password_set_with_code(username="0977111222", code=code, password=NEW_PASSWORD)


def test_a_wrong_code_is_refused_in_vietnamese(client, world, new_member):
    code = issue(client, world, new_member).context["code"]
    client.logout()
    response = client.post(
        reverse("accounts:setup_password"),
        {
            "username": "0977111222",
            "code": f"{(int(code) + 1) % 10**6:06d}",
            "new_password1": NEW_PASSWORD,
            "new_password2": NEW_PASSWORD,
        },
    )
    assert response.status_code == 200
    assert "Mã không đúng" in response.content.decode()


def test_a_code_dies_after_five_wrong_tries(world, new_member):
    user, code = services.member_account_issue(actor=world.secretary, member=new_member)
    wrong = f"{(int(code) + 1) % 10**6:06d}"
    for _ in range(5):
        with pytest.raises(ValidationError):
            services.password_set_with_code(username=user.username, code=wrong, password="x")
    with pytest.raises(ValidationError):
        services.password_set_with_code(username=user.username, code=code, password=NEW_PASSWORD)
    user.refresh_from_db()
    assert not user.has_usable_password()


def test_a_weak_password_is_explained(client, world, new_member):
    code = issue(client, world, new_member).context["code"]
    client.logout()
    response = client.post(
        reverse("accounts:setup_password"),
        {
            "username": "0977111222",
            "code": code,
            "new_password1": "12345678",
            "new_password2": "12345678",
        },
    )
    assert response.status_code == 200
    assert response.context["form"].errors["new_password1"]
    # the code was not spent on a refused password
    assert SetupCode.objects.filter(user__username="0977111222", used_at__isnull=True).exists()


def test_mismatched_passwords_are_explained(client, world):
    response = client.post(
        reverse("accounts:setup_password"),
        {
            "username": "0977111222",
            "code": "123456",
            "new_password1": NEW_PASSWORD,
            "new_password2": NEW_PASSWORD + "x",
        },
    )
    assert "không giống nhau" in response.content.decode()


def test_a_member_without_a_phone_gets_a_clear_message(client, world):
    member = MemberFactory(cell=world.cell_a1, phone="")
    response = issue(client, world, member)
    assert response.status_code == 302
    page = client.get(response.url).content.decode()
    assert "chưa có số điện thoại" in page
    member.refresh_from_db()
    assert member.user is None


def test_issuing_a_code_for_an_existing_account_ends_its_sessions(client, world):
    client.force_login(world.member_user)
    other = client.__class__()
    issue(other, world, world.member)
    assert client.get(reverse("home")).status_code == 302
    assert client.get(reverse("home")).url.startswith(reverse("accounts:login"))


@pytest.mark.parametrize("persona", ["member_user", "other_member_user"])
def test_a_member_cannot_issue_codes(client, world, persona):
    client.force_login(getattr(world, persona))
    response = client.post(reverse("accounts:member_account", args=[world.member.pk]))
    # the member sees his own record (403), not another's (404)
    assert response.status_code == (403 if persona == "member_user" else 404)


@pytest.mark.parametrize("persona", ["other_secretary", "outsider", "viewer"])
def test_other_units_get_404_on_member_accounts(client, world, persona):
    client.force_login(getattr(world, persona))
    for name in ["accounts:member_account", "accounts:member_logout_everywhere"]:
        response = client.post(reverse(name, args=[world.member.pk]))
        assert response.status_code == 404


def test_member_account_pages_need_login_and_methods(client, world):
    url = reverse("accounts:member_account", args=[world.member.pk])
    assert client.get(url).url.startswith(reverse("accounts:login"))
    client.force_login(world.secretary)
    assert client.get(url).status_code == 200
    assert client.put(url).status_code == 405
    url = reverse("accounts:member_logout_everywhere", args=[world.member.pk])
    assert client.get(url).status_code == 405


def test_log_out_everywhere_ends_every_session_and_token(client, world):
    from gandan.tests.test_api import bearer

    phone_a, phone_b = client, client.__class__()
    phone_a.force_login(world.member_user)
    phone_b.force_login(world.member_user)
    headers = bearer(world.member_user)
    assert phone_b.get(reverse("accounts:me")).status_code == 200
    response = phone_a.post(reverse("accounts:logout_everywhere"))
    assert response.url == reverse("accounts:login")
    assert phone_b.get(reverse("accounts:me")).status_code == 302
    assert phone_b.get("/api/v1/me", **headers).status_code == 401
    assert not Token.objects.filter(user=world.member_user, revoked_at__isnull=True).exists()
    # and the member can log in again
    response = phone_b.post(
        reverse("accounts:login"), {"username": world.member_user.username, "password": PASSWORD}
    )
    assert response.status_code == 302


def test_secretary_logs_a_member_out_everywhere(client, world):
    phone = client.__class__()
    phone.force_login(world.member_user)
    client.force_login(world.secretary)
    response = client.post(reverse("accounts:member_logout_everywhere", args=[world.member.pk]))
    assert response.status_code == 302
    assert phone.get(reverse("accounts:me")).status_code == 302


def test_another_cells_secretary_cannot_log_a_member_out(world):
    from django.core.exceptions import PermissionDenied

    with pytest.raises(PermissionDenied):
        services.sessions_end_all(actor=world.other_secretary, user=world.member_user)


def test_logout_everywhere_needs_post(client, world):
    client.force_login(world.member_user)
    assert client.get(reverse("accounts:logout_everywhere")).status_code == 405


def test_the_password_is_hashed_with_argon2(settings, world):
    from django.contrib.auth.hashers import get_hasher

    settings.PASSWORD_HASHERS = [h for h in settings.PASSWORD_HASHERS if "MD5" not in h]
    user = User.objects.get(pk=world.member_user.pk)
    user.set_password(NEW_PASSWORD)
    assert user.password.startswith("argon2")
    assert get_hasher("default").algorithm == "argon2"


def test_login_is_locked_after_five_failures_with_a_vietnamese_message(client, world):
    for _ in range(5):
        client.post(reverse("accounts:login"), {"username": "bithu", "password": "sai"})
    response = client.post(reverse("accounts:login"), {"username": "bithu", "password": PASSWORD})
    assert response.status_code == 429
    assert "tạm khóa" in response.content.decode()
    assert "_auth_user_id" not in client.session


def test_lockout_is_per_account_from_any_address(client, world):
    for n in range(5):
        client.post(
            reverse("accounts:login"),
            {"username": "bithu", "password": "sai"},
            REMOTE_ADDR=f"10.0.0.{n}",
        )
    response = client.post(
        reverse("accounts:login"),
        {"username": "bithu", "password": PASSWORD},
        REMOTE_ADDR="10.9.9.9",
    )
    assert response.status_code == 429
    # another account from the same addresses still logs in
    response = client.post(
        reverse("accounts:login"),
        {"username": "danguy", "password": PASSWORD},
        REMOTE_ADDR="10.0.0.1",
    )
    assert response.status_code == 302


def test_my_account_page(client, world):
    assert client.get(reverse("accounts:me")).status_code == 302
    client.force_login(world.member_user)
    assert "Đăng xuất trên mọi máy" in client.get(reverse("accounts:me")).content.decode()
    assert client.post(reverse("accounts:me")).status_code == 405


def test_only_the_committee_gets_links_to_the_logs(client, world):
    url = reverse("accounts:member_account", args=[world.member.pk])
    log = reverse("audit:member", args=[world.member.pk])
    client.force_login(world.committee)
    assert log in client.get(url).content.decode()
    client.force_login(world.secretary)
    assert log not in client.get(url).content.decode()
