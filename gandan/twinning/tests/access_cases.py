"""Access rules for twinning pages and API (see gandan/tests/matrix.py).

The agreement of these rules twins cell A2 (helping, `other_secretary`) with cell A1 (the
village): cell A2 shares the agreement's space by design; commune B stays out."""

import datetime

from gandan.tests.matrix import EVERYONE, ApiCase, Case

PARTNER = ["other_secretary"]
BOTH_SIDES = ["committee", "secretary", "other_secretary", "member_user", "other_member_user"]
PLANNERS = ["committee"]
READ_ONLY_HERE = ["secretary", "other_secretary", "member_user", "other_member_user"]
WORK = {
    "ok": ["committee", "secretary", "other_secretary"],
    "denied": ["member_user", "other_member_user"],
    "shared_with": PARTNER,
}


def agreement(world):
    from gandan.twinning.tests.factories import make_agreement

    cached = getattr(world, "_agreement", None)
    if cached is None:
        cached = world._agreement = make_agreement(world)
    return cached


def agreement_pk(world):
    return [agreement(world).pk]


def agreement_with_document_pk(world):
    from django.core.files.base import ContentFile

    a = agreement(world)
    a.document_file.save("ke-hoach.pdf", ContentFile(b"%PDF-1.4 ke hoach"), save=True)
    return [a.pk]


def task_pk(world):
    from gandan.twinning import services

    a = agreement(world)
    task = services.task_create(
        actor=world.committee,
        agreement=a,
        content=a.contents.first(),
        title="Làm đường",
        cell=world.cell_a1,
    )
    return [task.pk]


def review_pk(world):
    from gandan.twinning import services

    review = services.review_create(
        actor=world.committee,
        agreement=agreement(world),
        kind="interim",
        period_start=datetime.date(2022, 1, 1),
        period_end=datetime.date(2022, 12, 31),
        held_on=datetime.date(2023, 1, 10),
    )
    return [review.pk]


def share_pks(world):
    from gandan.twinning import services
    from gandan.twinning.tests.factories import partner_member

    share = services.share_grant(
        actor=world.secretary,
        agreement=agreement(world),
        household=world.h1,
        member=partner_member(world),
        reason="Giúp hộ",
    )
    return [agreement(world).pk, share.pk]


def candidate_pk(world):
    from gandan.twinning.tests.factories import CandidateFactory

    return [CandidateFactory(cell=world.cell_a1).pk]


ACCESS_CASES = {
    "twinning:list": Case(ok=EVERYONE, unscoped=True),
    # Only a commune committee plans an agreement.
    "twinning:create": Case(
        ok=["committee"], denied=[p for p in EVERYONE if p != "committee"], unscoped=True
    ),
    "twinning:detail": Case(agreement_pk, ok=BOTH_SIDES, shared_with=PARTNER),
    "twinning:document": Case(agreement_with_document_pk, ok=BOTH_SIDES, shared_with=PARTNER),
    "twinning:advance": Case(
        agreement_pk, ok=PLANNERS, denied=READ_ONLY_HERE, method="post", shared_with=PARTNER
    ),
    "twinning:target_link": Case(
        agreement_pk, ok=PLANNERS, denied=READ_ONLY_HERE, method="post", shared_with=PARTNER
    ),
    # The secretaries of both sides work in the shared space; members read it.
    "twinning:task_create": Case(agreement_pk, **WORK),
    "twinning:task_update": Case(task_pk, **WORK),
    "twinning:contribution_create": Case(agreement_pk, **WORK),
    "twinning:review_create": Case(agreement_pk, **WORK),
    "twinning:review": Case(review_pk, ok=BOTH_SIDES, shared_with=PARTNER),
    "twinning:review_update": Case(review_pk, **WORK),
    # Household shares are granted by the village's side only.
    "twinning:share_create": Case(
        agreement_pk,
        ok=["committee", "secretary"],
        denied=["member_user", "other_member_user", "other_secretary"],
        shared_with=PARTNER,
    ),
    "twinning:share_end": Case(share_pks, ok=["committee", "secretary"], method="post"),
    "twinning:candidates": Case(ok=EVERYONE, unscoped=True),
    "twinning:candidate_create": Case(
        ok=["committee", "secretary", "other_secretary", "outsider"],
        denied=["member_user", "other_member_user", "viewer"],
        unscoped=True,
    ),
    "twinning:candidate": Case(candidate_pk, ok=["committee", "secretary"]),
    "twinning:candidate_advance": Case(candidate_pk, ok=["committee", "secretary"], method="post"),
}

API_CASES = {
    "GET /api/v1/twinnings": ApiCase(ok=EVERYONE, unscoped=True),
    "GET /api/v1/twinnings/{agreement_id}": ApiCase(
        lambda w: {"agreement_id": agreement(w).pk}, ok=BOTH_SIDES, shared_with=PARTNER
    ),
}
