"""Fuzz the API from its own OpenAPI schema (schemathesis + hypothesis), in-process through
Django's test client (no network): valid and invalid inputs for every operation, for a
commune committee and a member, must never give a 5xx. Bounded: a few examples per operation,
derandomized so a run is repeatable."""

import json
from urllib.parse import urlencode

import pytest
import schemathesis
from django.db import transaction
from django.test import Client
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from schemathesis import GenerationMode

from gandan.accounts.services import token_issue
from gandan.api import api

EXAMPLES_PER_OPERATION = 20


def _operations():
    schema = schemathesis.openapi.from_dict(api.get_openapi_schema())
    return [result.ok() for result in schema.get_all_operations()]


OPERATIONS = _operations()


def _send(client, case, token):
    path = case.formatted_path
    if case.query:
        path += "?" + urlencode(case.query, doseq=True)
    headers = {"HTTP_AUTHORIZATION": f"Bearer {token}"}
    body = case.body
    if case.method.upper() in {"GET", "DELETE", "HEAD"} or body is None:
        return client.generic(case.method.upper(), path, **headers)
    if not isinstance(body, str | bytes):
        body = json.dumps(body, default=str)
    return client.generic(
        case.method.upper(), path, body, content_type="application/json", **headers
    )


@pytest.mark.parametrize("operation", OPERATIONS, ids=lambda o: f"{o.method.upper()} {o.path}")
def test_no_input_makes_the_api_fail(world, operation):
    tokens = [token_issue(user=world.committee), token_issue(user=world.member_user)]
    client = Client(raise_request_exception=False)
    strategy = st.one_of(
        operation.as_strategy(generation_mode=GenerationMode.POSITIVE),
        operation.as_strategy(generation_mode=GenerationMode.NEGATIVE),
    )

    @settings(
        max_examples=EXAMPLES_PER_OPERATION,
        derandomize=True,
        deadline=None,
        database=None,
        suppress_health_check=list(HealthCheck),
    )
    @given(case=strategy, who=st.sampled_from(tokens))
    def fuzz(case, who):
        # Each request in a savepoint rolled back: a failed write cannot poison the next one.
        with transaction.atomic():
            response = _send(client, case, who)
            transaction.set_rollback(True)
        assert response.status_code < 500, (
            f"{case.method} {case.formatted_path} {case.query} {case.body!r} "
            f"-> {response.status_code}: {response.content[:300]!r}"
        )

    fuzz()
