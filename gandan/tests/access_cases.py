"""Access rules for the project's own URLs (see gandan/tests/matrix.py)."""

from gandan.tests.matrix import EVERYONE, Case

ACCESS_CASES = {
    "home": Case(ok=EVERYONE, unscoped=True),
    "healthz": Case(ok=EVERYONE, unscoped=True, login_required=False),
    # The schema and its documentation describe the API, they hold no data.
    "api:openapi-json": Case(ok=EVERYONE, unscoped=True, login_required=False),
    # django-ninja's root route, used only to build URLs: no view answers there.
    "api:api-root": Case(unscoped=True, login_required=False),
}
