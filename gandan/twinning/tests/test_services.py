import datetime

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from gandan.households.models import HouseholdShare
from gandan.org.models import Member
from gandan.poverty.selectors import target_progress
from gandan.test import HouseholdFactory, MemberFactory
from gandan.twinning import selectors, services
from gandan.twinning.models import Agreement, Candidate, Content, Contribution, Review, Task
from gandan.twinning.tests.factories import (
    CandidateFactory,
    TargetFactory,
    make_agreement,
    partner_member,
)

D = datetime.date


# --- agreements ---------------------------------------------------------------------------


def test_an_agreement_gets_the_five_contents(world):
    agreement = make_agreement(world, status=Agreement.Status.DRAFT)
    kinds = list(agreement.contents.values_list("kind", flat=True))
    assert kinds == [1, 2, 3, 4, 5]
    assert agreement.sides.filter(side="helping").get().cell == world.cell_a2
    assert agreement.sides.filter(side="village").get().cell == world.cell_a1


def test_agreement_without_a_village_cell_is_refused_and_nothing_saved(world):
    with pytest.raises(ValidationError) as error:
        make_agreement(world, village_cells=[])
    assert "village_cells" in error.value.message_dict
    assert not Agreement.objects.exists()
    assert not Content.objects.exists()


def test_agreement_without_a_helping_cell_is_refused(world):
    with pytest.raises(ValidationError) as error:
        make_agreement(world, helping_cells=[])
    assert "helping_cells" in error.value.message_dict


def test_a_cell_cannot_be_on_both_sides(world):
    with pytest.raises(ValidationError):
        make_agreement(world, helping_cells=[world.cell_a1], village_cells=[world.cell_a1])


def test_a_cell_of_another_commune_is_refused(world):
    with pytest.raises(ValidationError):
        make_agreement(world, helping_cells=[world.cell_b1])


def test_only_the_committee_plans_an_agreement(world):
    with pytest.raises(PermissionDenied):
        services.agreement_create(
            actor=world.secretary,
            committee=world.committee_a,
            title="x",
            helping_cells=[world.cell_a2],
            village_cells=[world.cell_a1],
            starts_on=D(2022, 1, 1),
            ends_on=D(2025, 12, 31),
        )


def test_status_moves_in_order_and_refuses_skips(world):
    agreement = make_agreement(world, status=Agreement.Status.DRAFT)
    with pytest.raises(ValidationError):
        services.agreement_advance(actor=world.committee, agreement=agreement, status="active")
    services.agreement_advance(actor=world.committee, agreement=agreement, status="signed")
    services.agreement_advance(actor=world.committee, agreement=agreement, status="active")
    agreement.refresh_from_db()
    assert agreement.status == "active"
    with pytest.raises(ValidationError):
        services.agreement_advance(actor=world.committee, agreement=agreement, status="signed")


def test_signing_needs_the_document(world):
    agreement = make_agreement(world, status=Agreement.Status.DRAFT, document_number="")
    with pytest.raises(ValidationError):
        services.agreement_advance(actor=world.committee, agreement=agreement, status="signed")
    assert Agreement.objects.get(pk=agreement.pk).status == "draft"


def test_reviewed_needs_a_final_review(world):
    agreement = make_agreement(world)
    with pytest.raises(ValidationError):
        services.agreement_advance(actor=world.committee, agreement=agreement, status="reviewed")
    services.review_create(
        actor=world.committee,
        agreement=agreement,
        kind=Review.Kind.FINAL,
        period_start=D(2022, 1, 1),
        period_end=D(2025, 12, 31),
        held_on=D(2025, 12, 20),
    )
    services.agreement_advance(actor=world.committee, agreement=agreement, status="reviewed")
    assert Agreement.objects.get(pk=agreement.pk).status == "reviewed"


# --- tasks --------------------------------------------------------------------------------


def test_tasks_go_to_a_mass_organisation_or_a_cell_of_the_agreement(world):
    agreement = make_agreement(world)
    content = agreement.contents.get(kind=Content.Kind.ECONOMY)
    task = services.task_create(
        actor=world.other_secretary,
        agreement=agreement,
        content=content,
        title="Hướng dẫn trồng cà phê",
        organisation="farmers",
        cell=world.cell_a1,
        due_on=D(2023, 6, 30),
    )
    assert task.assignee == "Hội Nông dân — " + world.cell_a1.name
    with pytest.raises(ValidationError):
        services.task_create(actor=world.committee, agreement=agreement, content=content, title="x")
    with pytest.raises(ValidationError):
        services.task_create(
            actor=world.committee,
            agreement=agreement,
            content=content,
            title="x",
            cell=world.cell_b1,
        )


def test_a_member_cannot_give_tasks(world):
    agreement = make_agreement(world)
    with pytest.raises(PermissionDenied):
        services.task_create(
            actor=world.member_user,
            agreement=agreement,
            content=agreement.contents.first(),
            title="x",
            organisation="women",
        )


def test_task_done_keeps_its_date_and_result(world):
    agreement = make_agreement(world)
    task = services.task_create(
        actor=world.committee,
        agreement=agreement,
        content=agreement.contents.first(),
        title="Họp dân",
        organisation="residents",
    )
    services.task_update(
        actor=world.secretary, task=task, status="done", result="80 hộ dự", done_on=D(2023, 2, 1)
    )
    task.refresh_from_db()
    assert (task.status, task.done_on, task.result) == ("done", D(2023, 2, 1), "80 hộ dự")


# --- contributions ------------------------------------------------------------------------


def gift(world, agreement, **kwargs):
    fields = {
        "kind": Contribution.Kind.GIFT,
        "given_on": D(2023, 1, 15),
        "description": "Quà Tết",
        "receiver_cell": world.cell_a1,
        "giver_cell": world.cell_a2,
        "quantity": 1,
        "value": 500_000,
        **kwargs,
    }
    return services.contribution_record(actor=world.other_secretary, agreement=agreement, **fields)


def test_fourteen_gift_packages_sum_exactly_to_ten_million(world):
    agreement = make_agreement(world)
    households = [HouseholdFactory(area=world.area_a1) for _ in range(14)]
    gift(world, agreement, quantity=14, value=10_000_000, recipients=households)
    totals = selectors.contribution_totals(agreement=agreement)
    assert totals["gift_count"] == 14
    assert totals["value"] == 10_000_000
    assert totals["households"] == 14


def test_negative_values_are_refused_and_nothing_saved(world):
    agreement = make_agreement(world)
    with pytest.raises(ValidationError) as error:
        gift(world, agreement, value=-1)
    assert "value" in error.value.message_dict
    with pytest.raises(ValidationError) as error:
        gift(world, agreement, quantity=-3)
    assert "quantity" in error.value.message_dict
    assert not Contribution.objects.exists()


def test_a_contribution_has_exactly_one_giver(world):
    agreement = make_agreement(world)
    with pytest.raises(ValidationError):
        gift(world, agreement, giver_cell=None)
    with pytest.raises(ValidationError):
        gift(world, agreement, giver_enterprise="Công ty Cà phê Chư Păh")
    c = gift(world, agreement, giver_cell=None, giver_enterprise="Công ty Cà phê Chư Păh")
    assert c.giver == "Công ty Cà phê Chư Păh"


def test_recipients_must_live_in_the_receiving_village(world):
    agreement = make_agreement(world)
    with pytest.raises(ValidationError) as error:
        gift(world, agreement, recipients=[world.h_a2])
    assert "recipients" in error.value.message_dict


def test_a_contribution_is_not_received_by_the_helping_side(world):
    agreement = make_agreement(world)
    with pytest.raises(ValidationError):
        gift(world, agreement, receiver_cell=world.cell_a2)


def test_a_draft_agreement_takes_no_contribution(world):
    agreement = make_agreement(world, status=Agreement.Status.DRAFT)
    with pytest.raises(ValidationError):
        gift(world, agreement)


# --- reviews ------------------------------------------------------------------------------


def test_review_period_outside_the_term_is_refused(world):
    agreement = make_agreement(world)
    with pytest.raises(ValidationError) as error:
        services.review_create(
            actor=world.secretary,
            agreement=agreement,
            kind=Review.Kind.INTERIM,
            period_start=D(2021, 6, 1),
            period_end=D(2023, 6, 30),
            held_on=D(2023, 7, 5),
        )
    assert "period_start" in error.value.message_dict
    with pytest.raises(ValidationError) as error:
        services.review_create(
            actor=world.secretary,
            agreement=agreement,
            kind=Review.Kind.FINAL,
            period_start=D(2022, 1, 1),
            period_end=D(2026, 1, 31),
            held_on=D(2026, 2, 5),
        )
    assert "period_end" in error.value.message_dict
    assert not Review.objects.exists()


def test_review_figures_come_from_the_records_of_the_period(world):
    agreement = make_agreement(world)
    gift(world, agreement, quantity=2, value=1_000_000, given_on=D(2022, 12, 1))
    gift(world, agreement, quantity=3, value=3_000_000, given_on=D(2024, 2, 1))
    task = Task.objects.create(
        content=agreement.contents.first(), title="x", organisation="youth", status="planned"
    )
    services.task_update(actor=world.committee, task=task, status="done", done_on=D(2023, 3, 1))
    review = services.review_create(
        actor=world.secretary,
        agreement=agreement,
        kind=Review.Kind.INTERIM,
        period_start=D(2022, 1, 1),
        period_end=D(2023, 12, 31),
        held_on=D(2024, 1, 10),
        lessons="Phải sâu sát",
    )
    assert review.figures["contributions"]["value"] == 1_000_000
    assert review.figures["contributions"]["gift_count"] == 2
    assert review.figures["tasks"] == {"total": 1, "done": 1, "open": 0, "not_done": 0}
    # Commentary stays editable; figures are taken again only on request.
    services.review_update(actor=world.committee, review=review, lessons="Bài học mới")
    review.refresh_from_db()
    assert review.lessons == "Bài học mới"
    assert review.figures["contributions"]["value"] == 1_000_000


# --- targets ------------------------------------------------------------------------------


def test_shared_targets_must_be_the_village_cells(world):
    agreement = make_agreement(world)
    with pytest.raises(ValidationError):
        services.agreement_target_link(
            actor=world.committee, agreement=agreement, target=TargetFactory(unit=world.cell_a2)
        )
    target = TargetFactory(unit=world.cell_a1)
    services.agreement_target_link(actor=world.committee, agreement=agreement, target=target)
    assert [t["id"] for t in selectors.target_list(agreement=agreement)] == [target.pk]


# --- household shares ---------------------------------------------------------------------


def test_the_village_secretary_shares_a_household_with_a_named_partner_member(world):
    agreement = make_agreement(world)
    helper = partner_member(world)
    share = services.share_grant(
        actor=world.secretary,
        agreement=agreement,
        household=world.h1,
        member=helper,
        reason="Giúp hộ trồng cà phê",
    )
    assert share.granted_by == world.secretary
    with pytest.raises(ValidationError):
        services.share_grant(
            actor=world.secretary,
            agreement=agreement,
            household=world.h1,
            member=helper,
            reason="lần nữa",
        )
    assert HouseholdShare.objects.count() == 1


def test_the_partner_secretary_cannot_grant_a_share(world):
    agreement = make_agreement(world)
    with pytest.raises(PermissionDenied):
        services.share_grant(
            actor=world.other_secretary,
            agreement=agreement,
            household=world.h1,
            member=partner_member(world),
            reason="x",
        )


def test_a_share_goes_only_to_a_member_of_the_helping_side(world):
    agreement = make_agreement(world)
    with pytest.raises(ValidationError) as error:
        services.share_grant(
            actor=world.committee,
            agreement=agreement,
            household=world.h1,
            member=world.other_member,
            reason="x",
        )
    assert "member" in error.value.message_dict


# --- candidates ---------------------------------------------------------------------------


def introducers(world):
    return {
        "introducer_1": world.secretary_member,
        "introducer_1_since": D(2020, 1, 1),
        "introducer_2": world.member,
        "introducer_2_since": D(2020, 1, 1),
    }


def advance(world, candidate, stage, on, actor=None, **kwargs):
    return services.candidate_advance(
        actor=actor or world.committee, candidate=candidate, stage=stage, on=on, **kwargs
    )


def test_a_candidate_goes_through_every_stage_to_full_member(world):
    candidate = CandidateFactory(cell=world.cell_a1, full_name="Rơ Châm Hiếu")
    advance(world, candidate, "course", D(2023, 5, 1), actor=world.secretary)
    advance(world, candidate, "applied", D(2023, 8, 1), actor=world.secretary, **introducers(world))
    advance(world, candidate, "checked", D(2023, 10, 1))
    candidate = advance(world, candidate, "admitted", D(2023, 12, 3))
    member = Member.objects.get(pk=candidate.member_id)
    assert (member.cell, member.status, member.admitted_on) == (
        world.cell_a1,
        Member.Status.PROBATIONARY,
        D(2023, 12, 3),
    )
    with pytest.raises(ValidationError) as error:
        advance(world, candidate, "confirmed", D(2024, 12, 2))  # one day short of 12 months
    assert "on" in error.value.message_dict
    advance(world, candidate, "confirmed", D(2024, 12, 3))
    member.refresh_from_db()
    assert (member.status, member.confirmed_on) == (Member.Status.FULL, D(2024, 12, 3))


def test_a_stage_out_of_order_is_refused(world):
    candidate = CandidateFactory(cell=world.cell_a1)
    with pytest.raises(ValidationError):
        advance(world, candidate, "applied", D(2023, 8, 1), **introducers(world))
    candidate.refresh_from_db()
    assert candidate.stage == Candidate.Stage.IDENTIFIED


def test_the_cell_considers_only_applicants_aged_18_to_60(world):
    old = CandidateFactory(cell=world.cell_a1, birth_date=D(1962, 1, 1), stage="course")
    old.course_passed_on = D(2023, 1, 1)
    old.save()
    with pytest.raises(ValidationError) as error:
        advance(world, old, "applied", D(2023, 8, 1), **introducers(world))
    assert "60" in error.value.message_dict["on"][0]
    young = CandidateFactory(
        cell=world.cell_a1,
        birth_date=D(2005, 9, 1),
        stage="course",
        identified_on=D(2022, 1, 1),
        course_passed_on=D(2023, 1, 1),
    )
    with pytest.raises(ValidationError):
        advance(world, young, "applied", D(2023, 8, 31), **introducers(world))
    advance(world, young, "applied", D(2023, 9, 1), **introducers(world))


def test_introducers_must_be_full_members_known_twelve_months(world):
    candidate = CandidateFactory(cell=world.cell_a1, stage="course", course_passed_on=D(2023, 1, 1))
    probationary = MemberFactory(
        cell=world.cell_a1, status="probationary", admitted_on=D(2023, 1, 1), confirmed_on=None
    )
    with pytest.raises(ValidationError) as error:
        advance(
            world,
            candidate,
            "applied",
            D(2023, 8, 1),
            **{**introducers(world), "introducer_2": probationary},
        )
    assert "introducer_2" in error.value.message_dict
    with pytest.raises(ValidationError) as error:
        advance(
            world,
            candidate,
            "applied",
            D(2023, 8, 1),
            **{**introducers(world), "introducer_1_since": D(2022, 9, 1)},
        )
    assert "introducer_1_since" in error.value.message_dict


def test_a_youth_union_resolution_replaces_one_introducer_for_a_young_applicant(world):
    candidate = CandidateFactory(
        cell=world.cell_a1,
        birth_date=D(1998, 1, 1),
        stage="course",
        course_passed_on=D(2023, 1, 1),
    )
    one = {"introducer_1": world.member, "introducer_1_since": D(2020, 1, 1)}
    advance(world, candidate, "applied", D(2023, 8, 1), youth_union_resolution="05-NQ/ĐTN", **one)
    older = CandidateFactory(
        cell=world.cell_a1,
        birth_date=D(1980, 1, 1),
        stage="course",
        course_passed_on=D(2023, 1, 1),
    )
    with pytest.raises(ValidationError) as error:
        advance(world, older, "applied", D(2023, 8, 1), youth_union_resolution="05-NQ/ĐTN", **one)
    assert "youth_union_resolution" in error.value.message_dict


def test_the_cell_secretary_cannot_admit_only_the_committee(world):
    candidate = CandidateFactory(cell=world.cell_a1, stage="checked", checked_on=D(2023, 10, 1))
    with pytest.raises(PermissionDenied):
        advance(world, candidate, "admitted", D(2023, 12, 1), actor=world.secretary)


def test_admissions_feed_the_new_members_target(world):
    target = TargetFactory(unit=world.cell_a1, amount=2)
    before = target_progress(target=target)["achieved"]
    candidate = CandidateFactory(cell=world.cell_a1, stage="checked", checked_on=D(2023, 10, 1))
    advance(world, candidate, "admitted", D(2023, 12, 1))
    assert target_progress(target=target)["achieved"] == before + 1
    agreement = make_agreement(world)
    counts = selectors.new_member_counts(
        agreement=agreement, start=D(2023, 1, 1), end=D(2023, 12, 31)
    )
    assert counts["admitted"] == 1
    assert {s["stage"]: s["count"] for s in counts["stages"]}["admitted"] == 1
