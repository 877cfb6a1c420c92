"""The access matrix, generated from the URL configuration and the OpenAPI schema.

Every named URL pattern and every API operation must have a rule (see gandan/tests/matrix.py)
in some app's `tests/access_cases.py`; a new endpoint without one fails
`test_every_url_has_a_rule` / `test_every_api_operation_has_a_rule` with its name. Each rule is
then run for every persona: another unit or another member's household gets 404 (never 403 or
200), read-only personas 403 on writes, anonymous users the login page, and no successful
answer (page, JSON, Excel) holds the name of a household outside the persona's scope.
"""

import importlib
import io
import json
import pkgutil
import re
import zipfile

import pytest
from django.db import transaction
from django.test import Client
from django.urls import URLResolver, get_resolver, reverse

import gandan
from gandan import access
from gandan.accounts.services import token_issue
from gandan.api import api
from gandan.households.models import Household
from gandan.org.models import Member
from gandan.tests.matrix import FOREIGN, PERSONAS, ApiCase, Case

# URLs and operations whose rules are not written yet, each with its reason. Keep it short:
# an entry here is an endpoint whose scoping is not proven.
ALLOWLIST: dict[str, str] = {}

# Namespaces checked elsewhere: Django's admin (staff only, see test_admin_is_for_staff_only).
SKIPPED_NAMESPACES = {"admin"}


def _walk(patterns, prefix="", namespace=None):
    for p in patterns:
        if isinstance(p, URLResolver):
            ns = ":".join(x for x in [namespace, p.namespace] if x) if p.namespace else namespace
            if p.namespace in SKIPPED_NAMESPACES:
                continue
            yield from _walk(p.url_patterns, prefix + str(p.pattern), ns)
        elif p.name:
            yield (f"{namespace}:{p.name}" if namespace else p.name), prefix + str(p.pattern)


def url_names() -> dict[str, str]:
    """Every named URL of the site, but the API operations (they come from the schema)."""
    return {
        name: route
        for name, route in _walk(get_resolver().url_patterns)
        if not (name.startswith("api:") and route.startswith("api/v1/"))
    }


def api_operations() -> list[str]:
    schema = api.get_openapi_schema()
    return [
        f"{method.upper()} {path}"
        for path, operations in schema["paths"].items()
        for method in operations
        if method in {"get", "post", "put", "patch", "delete"}
    ]


def discover() -> tuple[dict[str, Case], dict[str, ApiCase], list[str]]:
    url_cases, api_cases, duplicates = {}, {}, []
    modules = ["gandan.tests.access_cases"] + [
        f"gandan.{info.name}.tests.access_cases"
        for info in pkgutil.iter_modules(gandan.__path__)
        if info.ispkg
    ]
    for module_name in modules:
        try:
            module = importlib.import_module(module_name)
        except ModuleNotFoundError as error:
            if error.name and module_name.startswith(error.name):
                continue
            raise
        for target, found in [
            (url_cases, getattr(module, "ACCESS_CASES", {})),
            (api_cases, getattr(module, "API_CASES", {})),
        ]:
            for key, case in found.items():
                if key in target:
                    duplicates.append(f"{key} ({module_name})")
                target[key] = case
    return url_cases, api_cases, duplicates


URL_CASES, API_CASES, DUPLICATES = discover()


# --- coverage: a new endpoint without a rule fails here ---------------------------------------


def test_every_url_has_a_rule():
    missing = sorted(set(url_names()) - set(URL_CASES) - set(ALLOWLIST))
    assert not missing, (
        "These URLs have no access rule: add a Case to ACCESS_CASES in "
        "gandan/<app>/tests/access_cases.py (who gets in, who gets 403, everybody else 404): "
        + ", ".join(missing)
    )


def test_every_api_operation_has_a_rule():
    missing = sorted(set(api_operations()) - set(API_CASES) - set(ALLOWLIST))
    assert not missing, (
        "These API operations have no access rule: add an ApiCase to API_CASES in "
        "gandan/<app>/tests/access_cases.py: " + ", ".join(missing)
    )


def test_no_rule_is_left_for_an_endpoint_that_is_gone():
    stale = sorted(set(URL_CASES) - set(url_names())) + sorted(
        set(API_CASES) - set(api_operations())
    )
    stale += sorted(set(ALLOWLIST) - set(url_names()) - set(api_operations()))
    assert not stale, "Rules for endpoints that no longer exist: " + ", ".join(stale)
    assert not DUPLICATES, "Endpoints with two rules: " + ", ".join(DUPLICATES)


def test_rules_about_cell_a1_keep_foreign_personas_out():
    """A rule may not let another unit in (or answer it 403) on an object of cell A1."""
    wrong = [
        f"{name}: {persona}"
        for name, case in [*URL_CASES.items(), *API_CASES.items()]
        if not case.unscoped
        for persona in FOREIGN
        if (persona in case.ok or persona in case.denied) and persona not in case.shared_with
    ]
    assert not wrong, "Foreign personas must get 404: " + ", ".join(wrong)


# --- running the rules -------------------------------------------------------------------------


class _Rollback(Exception):
    def __init__(self, status, headers, body, content_type):
        self.status, self.headers, self.body, self.content_type = (
            status,
            headers,
            body,
            content_type,
        )


def _isolated(send):
    """Run one request inside a savepoint that is rolled back: each persona meets the same
    world, whatever the previous persona's POST changed."""
    try:
        with transaction.atomic():
            response = send()
            if getattr(response, "streaming", False):
                body = b"".join(response.streaming_content)
            else:
                body = response.content
            raise _Rollback(
                response.status_code,
                dict(response.headers),
                body,
                response.headers.get("Content-Type", ""),
            )
    except _Rollback as answer:
        return answer


def _text(answer) -> str:
    """The response as text, whatever its format: HTML, JSON (unescaped), an Excel file."""
    body = answer.body
    if body[:2] == b"PK":
        with zipfile.ZipFile(io.BytesIO(body)) as book:
            return " ".join(
                book.read(n).decode("utf-8", "replace")
                for n in book.namelist()
                if n.endswith(".xml")
            )
    text = body.decode("utf-8", "replace")
    if "json" in answer.content_type:
        try:
            return json.dumps(json.loads(text), ensure_ascii=False)
        except ValueError:
            return text
    return text


def _out_of_scope_names(world, user) -> list[str]:
    if user is None:
        return [h.head_name for h in Household.objects.all()]
    user._gandan_scope = None
    visible = set(access.households_for(user).values_list("pk", flat=True))
    hidden = [h.head_name for h in Household.objects.exclude(pk__in=visible)]
    if access.scope_for(user).is_viewer_only:
        # The higher level reads aggregates only: no member's name either.
        hidden += list(Member.objects.values_list("full_name", flat=True))
    return hidden


FORM_POST = re.compile(r"<form[^>]*method=\"post\"[^>]*>(.*?)</form>", re.S | re.I)
INLINE_SCRIPT = re.compile(r"<script(?![^>]*\bsrc=)[^>]*>", re.I)


def _check_html(name, persona, text):
    for form in FORM_POST.findall(text):
        assert "csrfmiddlewaretoken" in form, f"{name} ({persona}): a POST form without CSRF"
    assert not INLINE_SCRIPT.search(text), f"{name} ({persona}): inline <script> (CSP)"
    assert ' style="' not in text, f"{name} ({persona}): inline style= (CSP)"


def _judge(name, case, persona, answer, hidden):
    status = answer.status
    if persona == "anonymous":
        if case.login_required:
            expected = (302, 401)
            assert status in expected, f"{name}: anonymous got {status}"
            if status == 302:
                assert "/accounts/login/" in answer.headers.get("Location", ""), name
            return
        if not case.ok:  # a public route that serves nobody
            assert status == 404, f"{name}: anonymous should get 404, got {status}"
            return
    elif persona in case.blanket_denied:
        assert status == 403, f"{name}: {persona} should get 403 whatever the object, got {status}"
        return
    elif persona in case.denied:
        assert status == 403, (
            f"{name}: {persona} should get 403 (sees, may not change), got {status}"
        )
        return
    elif persona not in case.ok:
        assert status == 404, f"{name}: {persona} should get 404, got {status}"
        return
    assert status < 500, f"{name}: {persona} got {status}"
    assert status not in (401, 403, 404, 405), f"{name}: {persona} should get in, got {status}"
    if status in (301, 302, 303):
        location = answer.headers.get("Location", "")
        if not case.logs_out:
            assert "/accounts/login/" not in location, f"{name}: {persona} sent to login"
        return
    text = _text(answer)
    for secret in hidden:
        assert secret not in text, f"{name}: {persona} sees household {secret!r}"
    if "text/html" in answer.content_type:
        _check_html(name, persona, text)


def _group(key: str) -> str:
    """URLs are run by namespace (one world each), API operations by their first segment."""
    if key.startswith(("GET ", "POST ", "PUT ", "PATCH ", "DELETE ")):
        return "api " + key.split(" ", 1)[1].split("/")[3]
    return key.split(":", 1)[0] if ":" in key else "project"


class Personas:
    """One logged-in client and one API token per persona, made once for a group of rules."""

    def __init__(self, world):
        self.world = world
        self.users = {"anonymous": None} | {p: getattr(world, p) for p in PERSONAS}
        self.clients, self.tokens, self.hidden = {}, {}, {}
        for persona, user in self.users.items():
            client = Client()
            if user is not None:
                client.force_login(user)
                self.tokens[persona] = token_issue(user=user)
            self.clients[persona] = client
            self.hidden[persona] = _out_of_scope_names(world, user)

    def send(self, persona, request):
        """One request, its writes rolled back and the client's cookies kept (a logout or a
        new session in one request must not change who the next request is)."""
        client = self.clients[persona]
        cookies = client.cookies
        client.cookies = cookies.__class__(cookies)
        try:
            return _isolated(lambda: request(client))
        finally:
            client.cookies = cookies


def _run(personas, key, case, request_for):
    failures = []
    for persona in personas.users:
        answer = personas.send(persona, request_for(persona))
        try:
            _judge(key, case, persona, answer, personas.hidden[persona])
        except AssertionError as error:
            failures.append(str(error).split("\n")[0])
    return failures


URL_GROUPS = sorted({_group(k) for k in URL_CASES})
API_GROUPS = sorted({_group(k) for k in API_CASES})


@pytest.mark.parametrize("group", URL_GROUPS)
def test_url_access(world, group, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path  # rules that serve uploaded files store them here
    personas = Personas(world)
    names = url_names()
    failures = []
    for name, case in sorted(URL_CASES.items()):
        if _group(name) != group or name not in names:
            continue
        url = reverse(name, args=case.args(world))
        data = case.data(world) if case.data else {}

        def request_for(persona, case=case, url=url, data=data):
            return lambda client: getattr(client, case.method)(url, data)

        failures += _run(personas, name, case, request_for)
    assert not failures, "\n".join(failures)


@pytest.mark.parametrize("group", API_GROUPS)
def test_api_access(world, group):
    personas = Personas(world)
    operations = api_operations()
    failures = []
    for operation, case in sorted(API_CASES.items()):
        if _group(operation) != group or operation not in operations:
            continue
        method, template = operation.split(" ", 1)
        path = template.format(**case.params(world))
        query = case.query(world) if case.query else {}
        body = json.dumps(case.body(world)) if case.body else "{}"

        def request_for(persona, method=method, path=path, query=query, body=body):
            token = personas.tokens.get(persona)
            headers = {"HTTP_AUTHORIZATION": f"Bearer {token}"} if token else {}

            def request(client):
                # Tokens only: a fresh client without the persona's session cookie.
                client = Client()
                if method == "GET":
                    return client.get(path, query, **headers)
                return client.generic(
                    method, path, body, content_type="application/json", **headers
                )

            return request

        failures += _run(personas, operation, case, request_for)
    assert not failures, "\n".join(failures)


def test_admin_is_for_staff_only(client, world):
    client.force_login(world.committee)
    response = client.get(reverse("admin:index"))
    assert response.status_code == 302
    assert "/admin/login/" in response["Location"]


def test_the_allowlist_stays_short():
    assert len(ALLOWLIST) <= 8, "Write the rules instead of allowlisting endpoints."


def test_the_leak_check_reads_excel_files_and_json():
    import openpyxl

    from gandan.tests.matrix import Case

    book = openpyxl.Workbook()
    book.active["A1"] = "Kiều Đình Toàn"
    buffer = io.BytesIO()
    book.save(buffer)
    excel = _Rollback(200, {}, buffer.getvalue(), "application/vnd.openxmlformats")
    with pytest.raises(AssertionError, match="Kiều Đình Toàn"):
        _judge("x", Case(ok=["committee"]), "committee", excel, ["Kiều Đình Toàn"])
    data = json.dumps({"head_name": "Kiều Đình Toàn"}).encode()  # escaped as \\u....
    answer = _Rollback(200, {}, data, "application/json")
    with pytest.raises(AssertionError, match="Kiều Đình Toàn"):
        _judge("x", Case(ok=["committee"]), "committee", answer, ["Kiều Đình Toàn"])
