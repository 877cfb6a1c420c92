"""The access matrix: what each persona may do with every URL and API operation.

Each app declares its rules next to its tests, in `gandan/<app>/tests/access_cases.py`:

    ACCESS_CASES = {"care:household": Case(lambda w: [w.h1.pk], ok=SEES_H1)}
    API_CASES = {"GET /api/v1/households/{household_id}": ApiCase(...)}

`gandan/tests/test_access_matrix.py` finds every named URL pattern and every operation of the
OpenAPI schema, fails on any without a rule, and runs each rule for every persona of
`gandan.test.World`: personas in `ok` must be let in, those in `denied` get 403 (they may see
the object but not change it), everybody else gets 404, anonymous users go to the login page
(401 on the API). Every successful answer is searched for the names of the households the
persona may not see (HTML, JSON, Excel alike).
"""

from collections.abc import Callable
from dataclasses import dataclass, field

PERSONAS = [
    "committee",
    "secretary",
    "member_user",
    "other_member_user",
    "other_secretary",
    "outsider",
    "viewer",
]
# Personas of another unit: for a URL about an object of cell A1 (the world's h1, member,
# cell_a1) they must get 404, never 403 or 200. (other_member_user, in charge of h2, is of the
# same cell: the rules about h1 or the member leave him out, so he gets 404 there too.)
FOREIGN = ["other_secretary", "outsider"]

# Who sees what in the world (see gandan/test.py)
EVERYONE = list(PERSONAS)
MANAGERS_A1 = ["committee", "secretary"]
SEES_H1 = ["committee", "secretary", "member_user"]
SEES_MEMBER = ["committee", "secretary", "member_user"]


def _none(world):
    return []


@dataclass
class Case:
    """How to call one named URL, and who gets in."""

    args: Callable = _none
    ok: list[str] = field(default_factory=list)
    denied: list[str] = field(default_factory=list)
    method: str = "get"
    data: Callable | None = None
    # True when the URL is not about one object of cell A1 (a list, one's own page): then a
    # foreign persona may be let in, and only the leak check protects the data.
    unscoped: bool = False
    # False for pages anybody may open (login, set password).
    login_required: bool = True
    # True for logging out: the way in leads back to the login page.
    logs_out: bool = False
    # Foreign personas that share this object by design (the partner cell of a twinning
    # agreement: its shared space); the meta-check lets them in, everybody else stays out.
    shared_with: list[str] = field(default_factory=list)
    # Personas refused with 403 before any object is looked up (the same answer for every
    # id, so it tells nothing about the object): e.g. "only members record visits".
    blanket_denied: list[str] = field(default_factory=list)


@dataclass
class ApiCase:
    """How to call one API operation (path parameters, query, JSON body), and who gets in."""

    params: Callable = lambda world: {}  # noqa: E731
    ok: list[str] = field(default_factory=list)
    denied: list[str] = field(default_factory=list)
    query: Callable | None = None
    body: Callable | None = None
    unscoped: bool = False
    login_required: bool = True
    logs_out: bool = False
    shared_with: list[str] = field(default_factory=list)
    blanket_denied: list[str] = field(default_factory=list)
