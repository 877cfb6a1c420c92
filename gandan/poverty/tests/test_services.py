"""Recording official statuses and targets: the rules and the refusals."""

import datetime

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from gandan.poverty import services
from gandan.poverty.models import Assessment, Review, Status, Target

D = datetime.date


def record(world, **kw):
    args = {
        "actor": world.secretary,
        "household": world.h1,
        "year": 2023,
        "status": Status.POOR,
        "decided_on": D(2023, 12, 10),
        "decided_by": "UBND xã Bình An",
    }
    args.update(kw)
    return services.assessment_record(**args)


def error_of(excinfo, field):
    return " ".join(excinfo.value.message_dict[field])


def test_secretary_records_a_survey_and_the_status_it_gives(world):
    a = record(
        world, income_per_person=1_200_000, deprived_codes=["viec_lam", "nha_tieu", "bao_hiem_y_te"]
    )
    assert a.status == Status.POOR
    assert a.standard.first_year == 2022
    assert a.deprived_codes == ["viec_lam", "nha_tieu", "bao_hiem_y_te"]


def test_recording_again_replaces_the_year_without_duplicating(world):
    record(world)
    record(world, status=Status.NEAR_POOR, kind="regular", decided_on=D(2023, 12, 20))
    assert Assessment.objects.filter(household=world.h1, year=2023).count() == 1
    assert Assessment.objects.get(household=world.h1, year=2023).status == Status.NEAR_POOR


def test_official_status_different_from_the_standard_needs_a_reason(world):
    with pytest.raises(ValidationError) as excinfo:
        record(world, status=Status.NONE, income_per_person=1_000_000, deprived_codes=[])
    assert "hộ cận nghèo" in error_of(excinfo, "reason")
    assert not Assessment.objects.exists()
    a = record(
        world,
        status=Status.NONE,
        income_per_person=1_000_000,
        reason="Hộ có lương hưu chưa kê khai",
    )
    assert a.status == Status.NONE


@pytest.mark.parametrize(
    ("kw", "field", "words"),
    [
        ({"income_per_person": -5}, "income_per_person", "âm"),
        ({"income_per_person": 900_000_000}, "income_per_person", "quá lớn"),
        (
            {"income_per_person": 1_000_000, "deprived_codes": ["khong_co"]},
            "deprived_codes",
            "khong_co",
        ),
        ({"deprived_codes": ["viec_lam"]}, "income_per_person", "thu nhập"),
        ({"year": 2019, "decided_on": D(2019, 12, 1)}, "year", "Không có chuẩn nghèo"),
        ({"decided_on": D(2024, 1, 5)}, "decided_on", "trong năm 2023"),
        ({"decided_by": "  "}, "decided_by", "cơ quan"),
        ({"status": "rich"}, "status", "kết quả"),
    ],
)
def test_bad_survey_input_is_refused_with_a_clear_message(world, kw, field, words):
    with pytest.raises(ValidationError) as excinfo:
        record(world, **kw)
    assert words in error_of(excinfo, field)
    assert not Assessment.objects.exists()


def test_member_and_outsider_cannot_record_a_status(world):
    for user in [world.member_user, world.outsider, world.viewer]:
        with pytest.raises(PermissionDenied):
            record(world, actor=user)


def test_periodic_status_is_linked_to_the_communes_review(world):
    review = services.review_open(
        actor=world.committee, commune_id=world.commune_a.pk, year=2023, opened_on=D(2023, 9, 1)
    )
    assert record(world).review == review
    assert record(world, household=world.h2, kind="regular").review is None


def test_review_runs_from_september_and_needs_half_of_the_meeting(world):
    with pytest.raises(ValidationError):
        services.review_open(
            actor=world.committee, commune_id=world.commune_a.pk, year=2023, opened_on=D(2023, 8, 1)
        )
    with pytest.raises(PermissionDenied):
        services.review_open(
            actor=world.secretary, commune_id=world.commune_a.pk, year=2023, opened_on=D(2023, 9, 1)
        )
    review = services.review_open(
        actor=world.committee, commune_id=world.commune_a.pk, year=2023, opened_on=D(2023, 9, 1)
    )
    on = D(2023, 10, 1)
    services.review_advance(actor=world.committee, review=review, on=on)
    services.review_advance(actor=world.committee, review=review, on=on)
    with pytest.raises(ValidationError) as excinfo:
        services.review_advance(actor=world.committee, review=review, on=on, agreement_percent=49)
    assert "50%" in error_of(excinfo, "agreement_percent")
    services.review_advance(actor=world.committee, review=review, on=on, agreement_percent=50)
    review = services.review_advance(actor=world.committee, review=review, on=D(2023, 12, 14))
    assert review.stage == Review.Stage.RECOGNISED
    assert review.recognised_on == D(2023, 12, 14)
    with pytest.raises(ValidationError):
        services.review_advance(actor=world.committee, review=review, on=on)


def test_target_with_end_before_start_is_refused(world):
    with pytest.raises(ValidationError) as excinfo:
        services.target_create(
            actor=world.secretary,
            unit=world.cell_a1,
            kind="fewer_poor",
            amount=3,
            start_year=2025,
            end_year=2022,
        )
    assert "trước năm bắt đầu" in error_of(excinfo, "end_year")
    assert not Target.objects.exists()


def test_who_may_set_targets(world):
    def create(user, unit):
        return services.target_create(
            actor=user, unit=unit, kind="houses", amount=9, start_year=2023, end_year=2023
        )

    assert create(world.secretary, world.cell_a1).pk
    assert create(world.committee, world.cell_a2).pk
    assert create(world.committee, world.committee_a).pk
    for user, unit in [
        (world.secretary, world.committee_a),
        (world.secretary, world.cell_a2),
        (world.member_user, world.cell_a1),
        (world.viewer, world.committee_a),
        (world.outsider, world.cell_a1),
    ]:
        with pytest.raises(PermissionDenied):
            create(user, unit)


def test_replaced_status_stays_in_the_audit_trail(world):
    from auditlog.models import LogEntry

    first = record(world)
    record(world, status=Status.NEAR_POOR, kind="regular", decided_on=D(2023, 12, 20))
    entries = LogEntry.objects.get_for_object(first).order_by("pk")
    assert entries.count() == 2
    assert entries.last().changes_dict["status"] == ["poor", "near_poor"]
