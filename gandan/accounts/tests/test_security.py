"""Deployment settings and request forgery: what `check --deploy` says with production
settings, CSRF on the API's session authentication."""

import os
import secrets
import subprocess
import sys
import uuid
from pathlib import Path

import pytest
from django.conf import settings
from django.test import Client

ROOT = Path(__file__).resolve().parents[3]


def manage(*args, **env):
    """manage.py in a child process with a production environment (not the test settings)."""
    environment = {
        k: v
        for k, v in os.environ.items()
        # DJANGO_ALLOW_ASYNC_UNSAFE: set by the browser tests' runner, never in a deployment
        if k not in {"DEBUG", "GANDAN_DEMO", "SECRET_KEY", "DJANGO_ALLOW_ASYNC_UNSAFE"}
    }
    environment.update(env)
    return subprocess.run(  # noqa: S603
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env=environment,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_check_deploy_reports_nothing_with_production_settings():
    result = manage(
        "check",
        "--deploy",
        "--fail-level",
        "WARNING",
        DEBUG="0",
        SECRET_KEY=secrets.token_urlsafe(48),
        ALLOWED_HOSTS="example.org",
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


def test_check_deploy_flags_a_missing_secret_key():
    """The demo's fallback key is marked insecure, so a deployment that forgot SECRET_KEY
    is told so (and the web server refuses to start, see settings.py)."""
    result = manage("check", "--deploy", DEBUG="0", ALLOWED_HOSTS="example.org")
    assert "security.W009" in result.stdout + result.stderr


def test_production_settings_are_secure_by_default():
    code = (
        "from django.conf import settings as s; "
        "print(s.SESSION_COOKIE_SECURE, s.CSRF_COOKIE_SECURE, s.SECURE_SSL_REDIRECT, "
        "s.SECURE_HSTS_SECONDS >= 31536000, s.SESSION_EXPIRE_AT_BROWSER_CLOSE, "
        "s.SESSION_COOKIE_AGE <= 2 * 3600, s.DEBUG)"
    )
    result = manage(
        "shell", "-c", code, DEBUG="0", SECRET_KEY="k" * 60, ALLOWED_HOSTS="example.org"
    )
    assert result.stdout.strip().splitlines()[-1].split() == ["True"] * 6 + ["False"], result.stderr


def test_pages_send_a_content_security_policy_without_inline_scripts(client, world):
    client.force_login(world.secretary)
    response = client.get(f"/care/households/{world.h1.pk}/")
    policy = response["Content-Security-Policy"]
    assert "script-src 'self'" in policy
    assert "unsafe-inline" not in policy
    assert "frame-ancestors 'none'" in policy


def test_passwords_use_argon2_first():
    hashers = [h for h in settings.PASSWORD_HASHERS if "MD5" not in h]
    assert hashers[0].endswith("Argon2PasswordHasher")


def visit_body(world):
    return {"household_id": world.h1.pk, "visited_on": "2026-11-20", "notes": "Thăm hỏi"}


def put_visit(client, world, **headers):
    return client.put(
        f"/api/v1/visits/{uuid.uuid4()}",
        data=visit_body(world),
        content_type="application/json",
        **headers,
    )


def test_api_write_with_a_session_but_no_csrf_token_is_refused(world):
    client = Client(enforce_csrf_checks=True)
    client.force_login(world.member_user)
    response = put_visit(client, world)
    assert response.status_code == 403
    from django.apps import apps

    assert not apps.get_model("care", "Visit").objects.exists()


def test_api_write_with_a_session_and_the_csrf_token_is_accepted(world):
    client = Client(enforce_csrf_checks=True)
    client.force_login(world.member_user)
    client.get("/accounts/me/")  # sets the CSRF cookie, as the page does for the outbox
    token = client.cookies[settings.CSRF_COOKIE_NAME].value
    response = put_visit(client, world, HTTP_X_CSRFTOKEN=token)
    assert response.status_code == 201, response.content


def test_api_write_with_a_bearer_token_needs_no_csrf_token(world):
    from gandan.accounts.services import token_issue

    client = Client(enforce_csrf_checks=True)
    response = put_visit(
        client, world, HTTP_AUTHORIZATION=f"Bearer {token_issue(user=world.member_user)}"
    )
    assert response.status_code == 201, response.content


def test_api_write_by_token_names_the_actor_in_the_audit_trail(world):
    from auditlog.models import LogEntry

    from gandan.accounts.services import token_issue

    put_visit(Client(), world, HTTP_AUTHORIZATION=f"Bearer {token_issue(user=world.member_user)}")
    entry = LogEntry.objects.filter(content_type__model="visit").latest()
    assert entry.actor == world.member_user


@pytest.mark.parametrize("form_url", ["/accounts/login/", "/accounts/setup/"])
def test_forms_refuse_a_post_without_the_csrf_token(world, form_url):
    client = Client(enforce_csrf_checks=True)
    assert client.post(form_url, {"username": "bithu", "password": "x"}).status_code == 403
