"""Access rules for campaign pages and API (see gandan/tests/matrix.py)."""

import datetime

from gandan.tests.matrix import EVERYONE, MANAGERS_A1, ApiCase, Case

CELL_A1_READERS = [*MANAGERS_A1, "member_user", "other_member_user", "viewer"]
CELL_A1_MEMBERS_AND_VIEWER = ["member_user", "other_member_user", "viewer"]


def campaign_of_cell_a1(world):
    from gandan.campaigns.tests.factories import CampaignFactory

    return CampaignFactory(unit=world.cell_a1)


def campaign(world):
    return [campaign_of_cell_a1(world).pk]


def campaign_and_member(world):
    return [campaign_of_cell_a1(world).pk, world.member.pk]


def review_of_member(world):
    from gandan.campaigns.models import AccountabilityReview

    review = AccountabilityReview.objects.create(
        campaign=campaign_of_cell_a1(world),
        member=world.member,
        meeting_on=datetime.date(2025, 6, 1),
        group_households=1,
        group_participating=0,
        campaign_rate_percent=50,
    )
    return [review.pk]


ACCESS_CASES = {
    "campaigns:list": Case(ok=EVERYONE, unscoped=True),
    "campaigns:create": Case(
        ok=["committee", "secretary", "other_secretary", "outsider"],
        denied=["member_user", "other_member_user", "viewer"],
        unscoped=True,
    ),
    "campaigns:my_reviews": Case(ok=EVERYONE, unscoped=True),
    "campaigns:detail": Case(campaign, ok=CELL_A1_READERS),
    "campaigns:result": Case(campaign, ok=CELL_A1_READERS),
    "campaigns:edit": Case(campaign, ok=MANAGERS_A1, denied=CELL_A1_MEMBERS_AND_VIEWER),
    # Members record their households' participation; the higher level only reads.
    "campaigns:record": Case(
        campaign, ok=[*MANAGERS_A1, "member_user", "other_member_user"], denied=["viewer"]
    ),
    # About one member: he sees his own review opening (403); others do not see him (404).
    "campaigns:review_open": Case(campaign_and_member, ok=MANAGERS_A1, denied=["member_user"]),
    "campaigns:review": Case(review_of_member, ok=[*MANAGERS_A1, "member_user"]),
}

API_CASES = {
    "GET /api/v1/campaigns": ApiCase(ok=EVERYONE, unscoped=True),
    "GET /api/v1/campaigns/{campaign_id}": ApiCase(
        lambda w: {"campaign_id": campaign_of_cell_a1(w).pk}, ok=CELL_A1_READERS
    ),
    "POST /api/v1/campaigns/{campaign_id}/participations": ApiCase(
        lambda w: {"campaign_id": campaign_of_cell_a1(w).pk},
        body=lambda w: {"household_id": w.h1.pk, "date": "2025-03-01", "quantity": 1},
        ok=[*MANAGERS_A1, "member_user"],
        # the body names h1, which they do not see: 404
    ),
}
