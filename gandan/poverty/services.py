"""Writes of the poverty review and of targets. Each function checks who may do it and the
rules, and raises ValidationError with a Vietnamese message (by field where there is one)."""

import datetime

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from gandan import access
from gandan.households.models import Household
from gandan.org.models import Unit
from gandan.poverty import standards
from gandan.poverty.models import Assessment, Review, Status, Target
from gandan.poverty.selectors import can_manage_unit

MIN_YEAR, MAX_YEAR = 2000, 2100


def _check_year(year, field="year") -> int:
    if year is None or not (MIN_YEAR <= int(year) <= MAX_YEAR):
        raise ValidationError({field: _("Năm không hợp lệ.")})
    return int(year)


@transaction.atomic
def assessment_record(
    *,
    actor,
    household: Household,
    year: int,
    status: str,
    decided_on: datetime.date,
    decided_by: str,
    kind: str = Assessment.Kind.PERIODIC,
    income_per_person: int | None = None,
    deprived_codes=(),
    reason: str = "",
) -> Assessment:
    """Record the official status of a household for a year (Decision 24/2021/QĐ-TTg: the
    commune chairman's recognition after the periodic review, or a regular review on the
    household's request). One status per household and year: recording again replaces it (the
    audit trail keeps the previous one). With a survey, the status the standard gives is
    computed; an official status that differs needs a reason."""
    if not access.managed_households_for(actor).filter(pk=household.pk).exists():
        raise PermissionDenied
    year = _check_year(year)
    standard = standards.standard_for_year(year)
    if status not in Status.values:
        raise ValidationError({"status": _("Hãy chọn kết quả rà soát.")})
    if kind not in Assessment.Kind.values:
        raise ValidationError({"kind": _("Hình thức rà soát không hợp lệ.")})
    if decided_on is None or decided_on.year != year:
        raise ValidationError(
            {"decided_on": _("Ngày quyết định phải trong năm %(year)s.") % {"year": year}}
        )
    if decided_on > timezone.localdate():
        raise ValidationError({"decided_on": _("Ngày quyết định không được ở tương lai.")})
    decided_by = (decided_by or "").strip()
    if not decided_by:
        raise ValidationError({"decided_by": _("Hãy ghi cơ quan quyết định.")})
    reason = (reason or "").strip()
    codes = list(deprived_codes or [])
    if income_per_person is None:
        if codes:
            raise ValidationError(
                {"income_per_person": _("Có chỉ số thiếu hụt thì phải nhập thu nhập bình quân.")}
            )
    else:
        _standard, computed, codes = standards.classify_survey(
            year=year, urban=household.area.is_urban, income=income_per_person, codes=codes
        )
        if computed != status and not reason:
            raise ValidationError(
                {
                    "reason": _(
                        "Theo chuẩn, hộ là “%(computed)s”, khác kết quả chính thức: hãy ghi lý do."
                    )
                    % {"computed": Status(computed).label}
                }
            )
    review = None
    if kind == Assessment.Kind.PERIODIC:
        review = Review.objects.filter(commune_id=household.area.commune_id, year=year).first()
    assessment, _created = Assessment.objects.update_or_create(
        household=household,
        year=year,
        defaults={
            "standard": standard,
            "status": status,
            "kind": kind,
            "review": review,
            "decided_on": decided_on,
            "decided_by": decided_by,
            "income_per_person": income_per_person,
            "deprived_codes": codes,
            "reason": reason,
            "recorded_by": actor,
        },
    )
    return assessment


# --- the periodic review -------------------------------------------------------------------

STAGE_ORDER = list(Review.Stage.values)


@transaction.atomic
def review_open(*, actor, commune_id: int, year: int, opened_on: datetime.date) -> Review:
    """Open the periodic review of a commune for a year. Decision 24/2021/QĐ-TTg, Article 4:
    it runs from 1 September to 14 December."""
    if not access.can_manage_commune(actor, commune_id):
        raise PermissionDenied
    year = _check_year(year)
    standards.standard_for_year(year)
    if not (datetime.date(year, 9, 1) <= opened_on <= datetime.date(year, 12, 14)):
        raise ValidationError(
            {
                "opened_on": _("Rà soát định kỳ diễn ra từ 1/9 đến 14/12 của năm %(year)s.")
                % {"year": year}
            }
        )
    if Review.objects.filter(commune_id=commune_id, year=year).exists():
        raise ValidationError(_("Xã đã có đợt rà soát năm %(year)s.") % {"year": year})
    return Review.objects.create(commune_id=commune_id, year=year, opened_on=opened_on)


@transaction.atomic
def review_advance(
    *, actor, review: Review, on: datetime.date, agreement_percent: int | None = None
) -> Review:
    """Move the review to its next stage. Leaving the village meeting needs its agreement of
    at least 50% (Decision 24/2021/QĐ-TTg); the last stage records the recognition date."""
    if not access.can_manage_commune(actor, review.commune_id):
        raise PermissionDenied
    review = Review.objects.select_for_update().get(pk=review.pk)
    index = STAGE_ORDER.index(review.stage)
    if index == len(STAGE_ORDER) - 1:
        raise ValidationError(_("Đợt rà soát đã được công nhận."))
    if review.stage == Review.Stage.MEETING:
        if agreement_percent is None or not (0 <= agreement_percent <= 100):
            raise ValidationError(
                {"agreement_percent": _("Hãy nhập tỉ lệ đồng ý của cuộc họp (0–100%).")}
            )
        if agreement_percent < 50:
            raise ValidationError(
                {"agreement_percent": _("Cuộc họp phải có ít nhất 50% người dự đồng ý.")}
            )
    if on.year != review.year:
        raise ValidationError({"on": _("Ngày phải trong năm %(year)s.") % {"year": review.year}})
    review.stage = STAGE_ORDER[index + 1]
    if review.stage == Review.Stage.RECOGNISED:
        review.recognised_on = on
    review.save(update_fields=["stage", "recognised_on"])
    return review


# --- targets -----------------------------------------------------------------------------


def _clean_target(*, kind, amount, start_year, end_year, baseline) -> None:
    if kind not in Target.Kind.values:
        raise ValidationError({"kind": _("Hãy chọn loại chỉ tiêu.")})
    if amount is None or amount < 1:
        raise ValidationError({"amount": _("Mức chỉ tiêu phải là số dương.")})
    _check_year(start_year, "start_year")
    _check_year(end_year, "end_year")
    if end_year < start_year:
        raise ValidationError({"end_year": _("Năm kết thúc không được trước năm bắt đầu.")})
    if baseline is not None and baseline < 0:
        raise ValidationError({"baseline": _("Số đầu kỳ không được âm.")})


@transaction.atomic
def target_create(
    *,
    actor,
    unit: Unit,
    kind: str,
    amount: int,
    start_year: int,
    end_year: int,
    baseline: int | None = None,
    description: str = "",
) -> Target:
    """Set a target of a commune (its committee) or a cell (its secretary or the committee)."""
    if unit.kind not in (Unit.Kind.CELL, Unit.Kind.COMMITTEE):
        raise ValidationError(_("Chỉ tiêu đặt cho đảng bộ xã, phường hoặc chi bộ."))
    if not can_manage_unit(actor, unit):
        raise PermissionDenied
    _clean_target(
        kind=kind, amount=amount, start_year=start_year, end_year=end_year, baseline=baseline
    )
    return Target.objects.create(
        unit=unit,
        kind=kind,
        amount=amount,
        start_year=start_year,
        end_year=end_year,
        baseline=baseline,
        description=(description or "").strip(),
    )


@transaction.atomic
def target_update(
    *,
    actor,
    target: Target,
    kind: str,
    amount: int,
    start_year: int,
    end_year: int,
    baseline: int | None = None,
    description: str = "",
) -> Target:
    if not can_manage_unit(actor, target.unit):
        raise PermissionDenied
    _clean_target(
        kind=kind, amount=amount, start_year=start_year, end_year=end_year, baseline=baseline
    )
    target.kind, target.amount = kind, amount
    target.start_year, target.end_year = start_year, end_year
    target.baseline, target.description = baseline, (description or "").strip()
    target.save()
    return target


@transaction.atomic
def target_delete(*, actor, target: Target) -> None:
    if not can_manage_unit(actor, target.unit):
        raise PermissionDenied
    target.delete()
