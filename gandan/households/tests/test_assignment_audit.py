import datetime

from auditlog.models import LogEntry

from gandan.households import services
from gandan.households.models import Assignment


def test_ending_an_assignment_on_reassignment_is_audited(world):
    old = Assignment.objects.get(household=world.h1, ends_on__isnull=True)
    services.assignment_reassign(
        actor=world.secretary,
        household=world.h1,
        member=world.other_member,
        on=datetime.date(2026, 6, 1),
        reason="chuyển nơi ở",
    )
    entry = LogEntry.objects.get_for_object(old).filter(action=LogEntry.Action.UPDATE).get()
    assert entry.changes_dict["ends_on"] == ["None", "2026-06-01"]


def test_api_does_not_tell_whether_a_member_outside_scope_exists(client, world):
    from gandan.accounts.services import token_issue
    from gandan.test import MemberFactory

    stranger = MemberFactory(cell=world.cell_b1)
    headers = {"HTTP_AUTHORIZATION": f"Bearer {token_issue(user=world.secretary)}"}
    answers = [
        client.post(
            "/api/v1/assignments",
            {"household_id": world.h_unassigned.pk, "member_id": member_id},
            content_type="application/json",
            **headers,
        )
        for member_id in (stranger.pk, 987654)
    ]
    assert answers[0].status_code == answers[1].status_code == 400
    assert answers[0].json() == answers[1].json()
