"""Access rules for account pages (see gandan/tests/matrix.py)."""

from gandan.tests.matrix import EVERYONE, MANAGERS_A1, Case


def member(world):
    return [world.member.pk]


ACCESS_CASES = {
    "accounts:login": Case(ok=EVERYONE, unscoped=True, login_required=False),
    "accounts:setup_password": Case(ok=EVERYONE, unscoped=True, login_required=False),
    "accounts:logout": Case(ok=EVERYONE, unscoped=True, method="post", logs_out=True),
    "accounts:me": Case(ok=EVERYONE, unscoped=True),
    "accounts:logout_everywhere": Case(ok=EVERYONE, unscoped=True, method="post", logs_out=True),
    # The member sees his own record but may not issue codes for it.
    "accounts:member_account": Case(member, ok=MANAGERS_A1, denied=["member_user"]),
    "accounts:member_logout_everywhere": Case(
        member, ok=MANAGERS_A1, denied=["member_user"], method="post"
    ),
}
