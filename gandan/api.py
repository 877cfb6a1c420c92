"""The JSON API (django-ninja), OpenAPI at /api/openapi.json.

Session auth (with CSRF) for the browser's outbox, personal access tokens for scripts. Every
router reads through `gandan.access`, so each endpoint answers only within the caller's scope.
"""

from django.core.exceptions import ValidationError as DjangoValidationError
from django.http import Http404
from ninja import NinjaAPI
from ninja.errors import AuthenticationError, ValidationError
from ninja.security import APIKeyCookie, HttpBearer

from gandan.accounts.services import token_authenticate
from gandan.audit.services import actor_set


class BearerToken(HttpBearer):
    def authenticate(self, request, token):
        user = token_authenticate(token)
        if user is not None:
            request.user = user
            actor_set(user)  # the audit trail names the token's owner as the actor
        return user


class SessionWithCsrf(APIKeyCookie):
    """Django's session cookie; unsafe methods must carry the CSRF token."""

    param_name = "sessionid"

    def __init__(self):
        super().__init__(csrf=True)

    def authenticate(self, request, key):
        if request.user.is_authenticated:
            return request.user
        return None


api = NinjaAPI(
    title="Gần Dân API",
    version="1",
    description="Đảng viên phụ trách hộ gia đình và chi bộ kết nghĩa.",
    auth=[BearerToken(), SessionWithCsrf()],
    urls_namespace="api",
    # No Swagger page: it needs inline scripts (refused by our CSP) and a CDN. Tools read the
    # schema at /api/openapi.json.
    docs_url=None,
)


@api.exception_handler(Http404)
def not_found(request, exc):
    return api.create_response(request, {"detail": "Không tìm thấy."}, status=404)


@api.exception_handler(AuthenticationError)
def unauthorised(request, exc):
    return api.create_response(
        request, {"detail": "Chưa đăng nhập hoặc mã không hợp lệ."}, status=401
    )


@api.exception_handler(ValidationError)
def invalid(request, exc):
    return api.create_response(
        request, {"detail": "Dữ liệu không hợp lệ.", "errors": exc.errors}, status=422
    )


@api.exception_handler(OverflowError)
def number_too_large(request, exc):
    # An id beyond 64 bits (SQLite raises, PostgreSQL finds nothing): bad input, not a crash.
    return api.create_response(request, {"detail": "Giá trị số quá lớn."}, status=422)


@api.exception_handler(DjangoValidationError)
def rule_broken(request, exc):
    return api.create_response(request, {"detail": " ".join(exc.messages)}, status=400)


def _register_routers() -> None:
    """Each app contributes a router under /api/v1/; imported here, after `api` exists."""
    from gandan.campaigns.api import router as campaigns_router
    from gandan.care.api import router as care_router
    from gandan.households.api import router as households_router
    from gandan.org.api import router as org_router
    from gandan.poverty.api import router as poverty_router
    from gandan.reports.api import router as reports_router
    from gandan.twinning.api import router as twinning_router

    api.add_router("/v1/", org_router)
    api.add_router("/v1/", households_router)
    api.add_router("/v1/", care_router)
    api.add_router("/v1/", poverty_router)
    api.add_router("/v1/", campaigns_router)
    api.add_router("/v1/", twinning_router)
    api.add_router("/v1/", reports_router)


_register_routers()
