"""Access rules for the audit log pages: the committee of the commune only."""

from gandan.tests.matrix import Case

ACCESS_CASES = {
    "audit:household": Case(lambda w: [w.h1.pk], ok=["committee"]),
    "audit:member": Case(lambda w: [w.member.pk], ok=["committee"]),
    "audit:user": Case(lambda w: [w.member_user.pk], ok=["committee"]),
}
