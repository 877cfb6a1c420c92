"""Writes of campaigns, participation records and accountability reviews.

Each function checks the actor's right (PermissionDenied: a 403 for someone who may see but
not change) and the rules (ValidationError with a Vietnamese message, by field where a form
can show it). Changes are audited by the trail registered for this app.
"""

import datetime
import uuid as uuid_lib

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.utils.translation import gettext as _

from gandan import access
from gandan.campaigns import selectors
from gandan.campaigns.models import (
    MAX_PER_RECORD,
    ONCE_PER_HOUSEHOLD,
    AccountabilityReview,
    Campaign,
    Measure,
    Participation,
)
from gandan.households.models import Household
from gandan.lib.dates import today
from gandan.lib.templatetags import group_thousands
from gandan.org.models import Member, Unit

EARLIEST = datetime.date(2000, 1, 1)
MAX_TARGET = 1_000_000_000_000  # a thousand billion đồng: anything above is a typing error
MAX_NOTE = 500
MAX_TEXT = 4000


def _check_text(field: str, value: str, limit: int) -> str:
    value = (value or "").strip()
    if len(value) > limit:
        raise ValidationError({field: _("Quá dài (tối đa %(n)s ký tự).") % {"n": limit}})
    return value


def _check_campaign_fields(
    *, title, measure, target_quantity, starts_on, ends_on, status, lag_margin_points
) -> dict:
    errors = {}
    title = (title or "").strip()
    if not title:
        errors["title"] = _("Cần có tên phong trào.")
    elif len(title) > 200:
        errors["title"] = _("Tên phong trào quá dài (tối đa 200 ký tự).")
    if measure not in Measure.values:
        errors["measure"] = _("Chọn một cách đo của phong trào.")
    if target_quantity is not None and not (1 <= target_quantity <= MAX_TARGET):
        errors["target_quantity"] = _("Chỉ tiêu phải là số dương hợp lý.")
    if starts_on is None or starts_on < EARLIEST:
        errors["starts_on"] = _("Ngày bắt đầu không hợp lệ.")
    elif ends_on is not None and ends_on < starts_on:
        errors["ends_on"] = _("Ngày kết thúc phải sau ngày bắt đầu.")
    if status not in Campaign.Status.values:
        errors["status"] = _("Trạng thái không hợp lệ.")
    if lag_margin_points is None or not (1 <= lag_margin_points <= 100):
        errors["lag_margin_points"] = _("Mức chậm phải từ 1 đến 100 điểm phần trăm.")
    if errors:
        raise ValidationError(errors)
    return {"title": title}


@transaction.atomic
def campaign_create(
    *,
    actor,
    unit: Unit,
    title: str,
    measure: str,
    starts_on: datetime.date,
    goal: str = "",
    target_quantity: int | None = None,
    ends_on: datetime.date | None = None,
    status: str = Campaign.Status.ACTIVE,
    lag_margin_points: int = 20,
) -> Campaign:
    """Launch a campaign (phát động phong trào) in the name of a cell or a commune committee."""
    if not selectors.launchable_units_for(user=actor).filter(pk=unit.pk).exists():
        raise PermissionDenied
    cleaned = _check_campaign_fields(
        title=title,
        measure=measure,
        target_quantity=target_quantity,
        starts_on=starts_on,
        ends_on=ends_on,
        status=status,
        lag_margin_points=lag_margin_points,
    )
    return Campaign.objects.create(
        unit=unit,
        title=cleaned["title"],
        goal=_check_text("goal", goal, MAX_TEXT),
        measure=measure,
        target_quantity=target_quantity,
        starts_on=starts_on,
        ends_on=ends_on,
        status=status,
        lag_margin_points=lag_margin_points,
        created_by=actor if getattr(actor, "pk", None) else None,
    )


@transaction.atomic
def campaign_update(
    *,
    actor,
    campaign: Campaign,
    title: str,
    starts_on: datetime.date,
    goal: str = "",
    target_quantity: int | None = None,
    ends_on: datetime.date | None = None,
    status: str = Campaign.Status.ACTIVE,
    lag_margin_points: int = 20,
) -> Campaign:
    """Change a campaign's goal, dates, status or lag margin. Its measure stays: the records
    already made are counted in it."""
    if not selectors.can_manage_campaign(actor, campaign):
        raise PermissionDenied
    cleaned = _check_campaign_fields(
        title=title,
        measure=campaign.measure,
        target_quantity=target_quantity,
        starts_on=starts_on,
        ends_on=ends_on,
        status=status,
        lag_margin_points=lag_margin_points,
    )
    first = campaign.participations.order_by("contributed_on").values_list(
        "contributed_on", flat=True
    )[:1]
    if first and first[0] < starts_on:
        raise ValidationError(
            {
                "starts_on": _("Đã có đóng góp ghi ngày %(d)s, trước ngày bắt đầu mới.")
                % {"d": first[0].strftime("%d/%m/%Y")}
            }
        )
    campaign.title = cleaned["title"]
    campaign.goal = _check_text("goal", goal, MAX_TEXT)
    campaign.target_quantity = target_quantity
    campaign.starts_on = starts_on
    campaign.ends_on = ends_on
    campaign.status = status
    campaign.lag_margin_points = lag_margin_points
    campaign.save(
        update_fields=[
            "title",
            "goal",
            "target_quantity",
            "starts_on",
            "ends_on",
            "status",
            "lag_margin_points",
        ]
    )
    return campaign


@transaction.atomic
def participation_record(
    *,
    actor,
    campaign: Campaign,
    household: Household,
    contributed_on: datetime.date,
    quantity: int,
    site: str = "",
    note: str = "",
    token: uuid_lib.UUID | None = None,
) -> tuple[Participation, bool]:
    """Record a household's contribution or participation (ghi nhận đóng góp, tham gia).

    Returns (record, created). The same submission token sent again returns the first record
    with created=False: a double tap or a resend on a weak network is counted once.
    """
    recordable = selectors.recordable_households_for(user=actor, campaign=campaign)
    if not recordable.filter(pk=household.pk).exists():
        if selectors.campaign_households(campaign).filter(pk=household.pk).exists():
            raise PermissionDenied
        raise ValidationError({"household": _("Hộ này không thuộc địa bàn của phong trào.")})

    if token is not None:
        existing = Participation.objects.filter(submission_token=token).first()
        if existing is not None:
            if existing.campaign_id == campaign.pk and existing.household_id == household.pk:
                return existing, False
            raise ValidationError(_("Mã phiếu này đã dùng cho một lần ghi khác. Tải lại trang."))

    if campaign.status != Campaign.Status.ACTIVE:
        raise ValidationError(
            _("Phong trào đang ở trạng thái “%(s)s”, không ghi nhận thêm được.")
            % {"s": campaign.get_status_display()}
        )
    errors = {}
    if contributed_on is None:
        errors["contributed_on"] = _("Cần có ngày.")
    elif contributed_on > today():
        errors["contributed_on"] = _("Ngày không được ở tương lai.")
    elif contributed_on < campaign.starts_on:
        errors["contributed_on"] = _("Ngày trước khi phong trào bắt đầu (%(d)s).") % {
            "d": campaign.starts_on.strftime("%d/%m/%Y")
        }
    elif campaign.ends_on and contributed_on > campaign.ends_on:
        errors["contributed_on"] = _("Ngày sau khi phong trào kết thúc (%(d)s).") % {
            "d": campaign.ends_on.strftime("%d/%m/%Y")
        }
    limit = MAX_PER_RECORD[campaign.measure]
    if isinstance(quantity, bool) or not isinstance(quantity, int):
        errors["quantity"] = _("Số lượng phải là số nguyên.")
    elif quantity <= 0:
        errors["quantity"] = _("Số lượng phải lớn hơn 0 (không ghi số âm).")
    elif quantity > limit:
        errors["quantity"] = _(
            "Số lượng quá lớn cho một lần ghi (tối đa %(max)s). Kiểm tra lại số không."
        ) % {"max": group_thousands(limit)}
    if (
        campaign.measure in ONCE_PER_HOUSEHOLD
        and campaign.participations.filter(household=household).exists()
    ):
        errors["household"] = _("Hộ này đã được ghi nhận trong phong trào.")
    if errors:
        raise ValidationError(errors)
    try:
        with transaction.atomic():
            record = Participation.objects.create(
                campaign=campaign,
                household=household,
                contributed_on=contributed_on,
                quantity=quantity,
                site=_check_text("site", site, 100),
                note=_check_text("note", note, MAX_NOTE),
                recorded_by=actor if getattr(actor, "pk", None) else None,
                submission_token=token,
            )
    except IntegrityError:
        # Two copies of one submission arrived together: the other one won.
        existing = Participation.objects.filter(submission_token=token).first()
        if token is None or existing is None:
            raise
        return existing, False
    return record, True


def _check_review_text(*, meeting_on, findings, conclusion, follow_up, status) -> dict:
    errors = {}
    if meeting_on is None or meeting_on < EARLIEST:
        errors["meeting_on"] = _("Cần có ngày họp kiểm điểm.")
    elif meeting_on > today() + datetime.timedelta(days=366):
        errors["meeting_on"] = _("Ngày họp quá xa.")
    if status not in AccountabilityReview.Status.values:
        errors["status"] = _("Trạng thái không hợp lệ.")
    elif status != AccountabilityReview.Status.OPEN and not (conclusion or "").strip():
        errors["conclusion"] = _("Ghi kết luận trước khi chuyển trạng thái.")
    if errors:
        raise ValidationError(errors)
    return {
        "findings": _check_text("findings", findings, MAX_TEXT),
        "conclusion": _check_text("conclusion", conclusion, MAX_TEXT),
        "follow_up": _check_text("follow_up", follow_up, MAX_TEXT),
    }


@transaction.atomic
def review_open(
    *,
    actor,
    campaign: Campaign,
    member: Member,
    meeting_on: datetime.date,
    findings: str = "",
    follow_up: str = "",
) -> AccountabilityReview:
    """Open an accountability review (kiểm điểm trách nhiệm) of the member in charge of a group
    of households flagged by the lag rule (`selectors.campaign_progress`). The group's figures
    at this moment are kept with the review."""
    if access.scope_for(actor).is_viewer_only or not access.can_manage_cell(actor, member.cell):
        raise PermissionDenied
    group = selectors.group_get_for_review(user=actor, campaign=campaign, member=member)
    if group is None or not group.flagged:
        raise ValidationError(
            _("Nhóm hộ của đồng chí %(name)s không chậm so với mức chung của phong trào.")
            % {"name": member.full_name}
        )
    if AccountabilityReview.objects.filter(campaign=campaign, member=member).exists():
        raise ValidationError(_("Đã có kiểm điểm của đồng chí này trong phong trào."))
    texts = _check_review_text(
        meeting_on=meeting_on,
        findings=findings,
        conclusion="",
        follow_up=follow_up,
        status=AccountabilityReview.Status.OPEN,
    )
    progress_rate = selectors.campaign_progress(user=actor, campaign=campaign).percent
    try:
        with transaction.atomic():
            return AccountabilityReview.objects.create(
                campaign=campaign,
                member=member,
                meeting_on=meeting_on,
                findings=texts["findings"],
                follow_up=texts["follow_up"],
                group_households=group.households,
                group_participating=group.participating,
                campaign_rate_percent=progress_rate,
                opened_by=actor if getattr(actor, "pk", None) else None,
            )
    except IntegrityError:
        raise ValidationError(_("Đã có kiểm điểm của đồng chí này trong phong trào.")) from None


@transaction.atomic
def review_update(
    *,
    actor,
    review: AccountabilityReview,
    meeting_on: datetime.date,
    findings: str,
    conclusion: str,
    follow_up: str,
    status: str,
) -> AccountabilityReview:
    """Write down the meeting's findings, conclusion and follow-up, and move the status on."""
    if access.scope_for(actor).is_viewer_only or not access.can_manage_cell(
        actor, review.member.cell
    ):
        raise PermissionDenied
    texts = _check_review_text(
        meeting_on=meeting_on,
        findings=findings,
        conclusion=conclusion,
        follow_up=follow_up,
        status=status,
    )
    review.meeting_on = meeting_on
    review.findings = texts["findings"]
    review.conclusion = texts["conclusion"]
    review.follow_up = texts["follow_up"]
    review.status = status
    review.save(
        update_fields=["meeting_on", "findings", "conclusion", "follow_up", "status", "updated_at"]
    )
    return review
