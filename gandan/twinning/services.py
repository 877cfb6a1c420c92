"""Writes of the twinning: agreements, tasks, contributions, reviews, shared targets, household
shares with partner members, and candidates for admission to the Party.

Who may write:
- the commune committee plans agreements, links shared targets and decides admissions;
- the secretaries of the cells on both sides record tasks, contributions and reviews;
- the village cell's secretary (or the committee) shares a household with a named member of a
  partner cell, and follows the candidates of the cell up to the application.
"""

import calendar
import datetime
from collections.abc import Iterable

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.utils.translation import gettext as _

from gandan import access
from gandan.households.models import Household, HouseholdShare
from gandan.lib.dates import today
from gandan.org import services as org_services
from gandan.org.models import Member, Unit
from gandan.poverty.models import Target
from gandan.twinning.models import (
    Agreement,
    AgreementCell,
    AgreementTarget,
    Candidate,
    Content,
    Contribution,
    Review,
    Side,
    Task,
)

# --- rules of the Party Charter on admission (Điều lệ Đảng; Quy định 294-QĐ/TW ngày
# 26/5/2025 thi hành Điều lệ Đảng; Hướng dẫn 06-HD/TW năm 2025 nghiệp vụ công tác đảng viên).
# Kept as data so a change of the rules is a change of these numbers.
ADMISSION_MIN_AGE = 18  # Charter art. 1; Reg. 294 art. 1: full 18 years, counted in months,
ADMISSION_MAX_AGE = 60  # up to 60 years, at the time the cell considers the applicant.
INTRODUCER_MIN_MONTHS = 12  # Charter art. 4.1: introducer worked or lived with him ≥ 12 months.
YOUTH_UNION_MAX_AGE = 30  # Charter art. 4.2: an applicant of youth age (to 30, Youth Law 2020
# art. 1) is introduced by the youth union's resolution in place of one member.
PROBATION_MONTHS = 12  # Charter art. 5.1: 12 months of probation from the admission ceremony.

STAGE_ORDER = [s for s, _label in Candidate.Stage.choices]
STATUS_ORDER = [s for s, _label in Agreement.Status.choices]


def add_months(day: datetime.date, months: int) -> datetime.date:
    """The same day `months` later (the last day of the month when that day does not exist)."""
    month = day.month - 1 + months
    year, month = day.year + month // 12, month % 12 + 1
    return day.replace(
        year=year, month=month, day=min(day.day, calendar.monthrange(year, month)[1])
    )


def age_on(birth_date: datetime.date, day: datetime.date) -> int:
    """Full years of age on a day (a person is 18 on his 18th birthday)."""
    return day.year - birth_date.year - ((day.month, day.day) < (birth_date.month, birth_date.day))


# --- who may write --------------------------------------------------------------------------


def can_plan(user, agreement: Agreement) -> bool:
    """The commune committee (or an administrator) plans and changes the agreement itself."""
    return access.can_manage_commune(user, agreement.committee.commune_id)


def can_work_in(user, agreement: Agreement) -> bool:
    """The committee and the secretaries of the cells on both sides record the shared work."""
    if can_plan(user, agreement):
        return True
    scope = access.scope_for(user)
    return agreement.sides.filter(cell_id__in=scope.cell_ids).exists()


def _require(allowed: bool) -> None:
    if not allowed:
        raise PermissionDenied


def _cells(agreement: Agreement, side: str) -> set[int]:
    return set(agreement.sides.filter(side=side).values_list("cell_id", flat=True))


def _cell_of_household(household: Household) -> int | None:
    return (
        Unit.objects.filter(cell_areas__area_id=household.area_id).values_list("pk", flat=True)
    ).first()


# --- agreements ---------------------------------------------------------------------------


@transaction.atomic
def agreement_create(
    *,
    actor,
    committee: Unit,
    title: str,
    helping_cells: Iterable[Unit],
    village_cells: Iterable[Unit],
    starts_on: datetime.date,
    ends_on: datetime.date,
    signed_on: datetime.date | None = None,
    document_number: str = "",
    document_text: str = "",
    document_file=None,
) -> Agreement:
    """Plan a twinning: cells on both sides (at least one each), the term, and the five
    coordination contents every agreement has."""
    _require(
        committee.kind == Unit.Kind.COMMITTEE
        and access.can_manage_commune(actor, committee.commune_id)
    )
    helping, village = list(helping_cells), list(village_cells)
    errors = {}
    if not helping:
        errors["helping_cells"] = _("Cần ít nhất một chi bộ bên giúp đỡ.")
    if not village:
        errors["village_cells"] = _("Cần ít nhất một chi bộ bên được giúp đỡ.")
    both = {c.pk for c in helping} & {c.pk for c in village}
    if both:
        errors["village_cells"] = _("Một chi bộ không thể ở cả hai bên.")
    outside = [
        c.name for c in helping + village if not c.is_cell or c.commune_id != committee.commune_id
    ]
    if outside:
        errors["helping_cells"] = _("Chi bộ không thuộc đảng bộ này: %(names)s.") % {
            "names": ", ".join(outside)
        }
    if starts_on and ends_on and ends_on <= starts_on:
        errors["ends_on"] = _("Ngày kết thúc phải sau ngày bắt đầu.")
    if signed_on and signed_on > today():
        errors["signed_on"] = _("Ngày ký kết không thể ở tương lai.")
    if errors:
        raise ValidationError(errors)
    agreement = Agreement(
        committee=committee,
        title=title.strip(),
        starts_on=starts_on,
        ends_on=ends_on,
        signed_on=signed_on,
        document_number=document_number.strip(),
        document_text=document_text.strip(),
        created_by=actor if getattr(actor, "pk", None) else None,
    )
    if document_file:
        agreement.document_file = document_file
    agreement.full_clean()
    agreement.save()
    AgreementCell.objects.bulk_create(
        [AgreementCell(agreement=agreement, cell=c, side=Side.HELPING) for c in helping]
        + [AgreementCell(agreement=agreement, cell=c, side=Side.VILLAGE) for c in village]
    )
    Content.objects.bulk_create(
        [Content(agreement=agreement, kind=kind) for kind in Content.Kind.values]
    )
    return agreement


@transaction.atomic
def agreement_advance(
    *, actor, agreement: Agreement, status: str, signed_on: datetime.date | None = None
) -> Agreement:
    """Move the agreement one step along draft → signed → active → reviewed → ended.

    Signing needs the signing date and the document (its number or the uploaded file);
    'reviewed' needs the final review (tổng kết) recorded."""
    agreement = (
        Agreement.objects.select_for_update().select_related("committee").get(pk=agreement.pk)
    )
    _require(can_plan(actor, agreement))
    current = STATUS_ORDER.index(agreement.status)
    if status not in STATUS_ORDER or STATUS_ORDER.index(status) != current + 1:
        raise ValidationError(
            _("Không thể chuyển từ “%(current)s” sang “%(new)s”: phải theo thứ tự.")
            % {
                "current": agreement.get_status_display(),
                "new": Agreement.Status(status).label if status in STATUS_ORDER else status,
            }
        )
    if status == Agreement.Status.SIGNED:
        signed_on = signed_on or agreement.signed_on
        if not signed_on:
            raise ValidationError({"signed_on": _("Cần ngày ký kết.")})
        if signed_on > today():
            raise ValidationError({"signed_on": _("Ngày ký kết không thể ở tương lai.")})
        if not (agreement.document_number or agreement.document_file):
            raise ValidationError(_("Cần số văn bản hoặc tệp văn bản giao ước trước khi ký."))
        agreement.signed_on = signed_on
    if (
        status == Agreement.Status.REVIEWED
        and not agreement.reviews.filter(kind=Review.Kind.FINAL).exists()
    ):
        raise ValidationError(_("Cần có báo cáo tổng kết trước khi chuyển sang “đã tổng kết”."))
    agreement.status = status
    agreement.save(update_fields=["status", "signed_on"])
    return agreement


def _check_open(agreement: Agreement) -> None:
    if agreement.status in (Agreement.Status.DRAFT, Agreement.Status.ENDED):
        raise ValidationError(
            _("Giao ước đang ở trạng thái “%(status)s”: chưa thể ghi việc này.")
            % {"status": agreement.get_status_display()}
        )


# --- targets ------------------------------------------------------------------------------


@transaction.atomic
def agreement_target_link(*, actor, agreement: Agreement, target: Target) -> AgreementTarget:
    """Share a target of a village cell with the whole partnership."""
    _require(can_plan(actor, agreement))
    if target.unit_id not in _cells(agreement, Side.VILLAGE):
        raise ValidationError(
            {"target": _("Chỉ tiêu chung phải là chỉ tiêu của chi bộ bên được giúp đỡ.")}
        )
    link, created = AgreementTarget.objects.get_or_create(agreement=agreement, target=target)
    if not created:
        raise ValidationError({"target": _("Chỉ tiêu này đã là chỉ tiêu chung.")})
    return link


# --- tasks --------------------------------------------------------------------------------


@transaction.atomic
def task_create(
    *,
    actor,
    agreement: Agreement,
    content: Content,
    title: str,
    cell: Unit | None = None,
    organisation: str = "",
    due_on: datetime.date | None = None,
) -> Task:
    """A task under one of the five contents, for a cell and/or a mass organisation."""
    _require(can_work_in(actor, agreement))
    if agreement.status == Agreement.Status.ENDED:  # a draft may already plan its tasks
        _check_open(agreement)
    errors = {}
    if content.agreement_id != agreement.pk:
        errors["content"] = _("Nội dung không thuộc giao ước này.")
    if cell is None and not organisation:
        errors["organisation"] = _("Chọn chi bộ hoặc đoàn thể nhận nhiệm vụ.")
    if cell is not None and not agreement.sides.filter(cell=cell).exists():
        errors["cell"] = _("Chi bộ này không tham gia giao ước.")
    if due_on and not (agreement.starts_on <= due_on <= agreement.ends_on):
        errors["due_on"] = _("Hạn phải nằm trong thời hạn giao ước (%(start)s – %(end)s).") % {
            "start": f"{agreement.starts_on:%d/%m/%Y}",
            "end": f"{agreement.ends_on:%d/%m/%Y}",
        }
    if not title.strip():
        errors["title"] = _("Xin ghi việc cần làm.")
    if errors:
        raise ValidationError(errors)
    return Task.objects.create(
        content=content, title=title.strip(), cell=cell, organisation=organisation, due_on=due_on
    )


@transaction.atomic
def task_update(
    *,
    actor,
    task: Task,
    status: str,
    result: str = "",
    done_on: datetime.date | None = None,
) -> Task:
    """Record how a task stands and what came of it."""
    task = (
        Task.objects.select_for_update()
        .select_related("content__agreement__committee")
        .get(pk=task.pk)
    )
    agreement = task.content.agreement
    _require(can_work_in(actor, agreement))
    if status not in Task.Status.values:
        raise ValidationError({"status": _("Tình trạng không hợp lệ.")})
    if status == Task.Status.DONE:
        done_on = done_on or today()
        if done_on > today():
            raise ValidationError({"done_on": _("Ngày xong không thể ở tương lai.")})
        if done_on < agreement.starts_on:
            raise ValidationError({"done_on": _("Ngày xong trước khi giao ước bắt đầu.")})
    else:
        done_on = None
    task.status, task.result, task.done_on = status, result.strip(), done_on
    task.save(update_fields=["status", "result", "done_on"])
    return task


# --- contributions ------------------------------------------------------------------------


@transaction.atomic
def contribution_record(
    *,
    actor,
    agreement: Agreement,
    kind: str,
    given_on: datetime.date,
    description: str,
    receiver_cell: Unit,
    quantity: int = 0,
    quantity_unit: str = "",
    value: int = 0,
    giver_cell: Unit | None = None,
    giver_member: Member | None = None,
    giver_enterprise: str = "",
    recipients: Iterable[Household] = (),
    content: Content | None = None,
) -> Contribution:
    """Record a gift, money, labour days or materials given within the partnership.

    Amounts are whole đồng and never negative; exactly one giver; the receiver is a village
    cell's area as a whole or named households of it (each gift package goes to one of them)."""
    _require(can_work_in(actor, agreement))
    _check_open(agreement)
    recipients = list(recipients)
    quantity, value = quantity or 0, value or 0
    giver_enterprise = (giver_enterprise or "").strip()
    errors = {}
    if kind not in Contribution.Kind.values:
        errors["kind"] = _("Loại đóng góp không hợp lệ.")
    if quantity < 0:
        errors["quantity"] = _("Số lượng không được âm.")
    if value < 0:
        errors["value"] = _("Trị giá không được âm.")
    if kind == Contribution.Kind.MONEY and value == 0:
        errors["value"] = _("Xin ghi số tiền.")
    if kind in (Contribution.Kind.GIFT, Contribution.Kind.LABOUR) and quantity == 0:
        errors["quantity"] = (
            _("Xin ghi số suất quà.")
            if kind == Contribution.Kind.GIFT
            else _("Xin ghi số ngày công.")
        )
    if kind == Contribution.Kind.GIFT and recipients and quantity < len(recipients):
        errors["quantity"] = _("%(n)s hộ nhận mà chỉ có %(q)s suất quà.") % {
            "n": len(recipients),
            "q": quantity,
        }
    if quantity <= 0 and value <= 0 and "quantity" not in errors and "value" not in errors:
        errors["value"] = _("Xin ghi số lượng hoặc trị giá.")
    givers = [g for g in (giver_cell, giver_member, giver_enterprise) if g]
    if len(givers) != 1:
        errors["giver_cell"] = _("Chọn đúng một bên trao: chi bộ, đảng viên hoặc tên doanh nghiệp.")
    side_cells = set(agreement.sides.values_list("cell_id", flat=True))
    if giver_cell is not None and giver_cell.pk not in side_cells:
        errors["giver_cell"] = _("Chi bộ trao không tham gia giao ước.")
    if giver_member is not None and (
        giver_member.cell_id not in side_cells or not giver_member.is_active
    ):
        errors["giver_member"] = _("Đảng viên trao không thuộc chi bộ tham gia giao ước.")
    if receiver_cell is None or receiver_cell.pk not in _cells(agreement, Side.VILLAGE):
        errors["receiver_cell"] = _("Bên nhận phải là chi bộ bên được giúp đỡ.")
    elif recipients:
        areas = set(receiver_cell.cell_areas.values_list("area_id", flat=True))
        strangers = [h.head_name for h in recipients if h.area_id not in areas or h.left_on]
        if strangers:
            errors["recipients"] = _("Hộ không thuộc làng nhận: %(names)s.") % {
                "names": ", ".join(strangers)
            }
    if given_on and not (agreement.starts_on <= given_on <= agreement.ends_on):
        errors["given_on"] = _("Ngày trao phải nằm trong thời hạn giao ước.")
    elif given_on and given_on > today():
        errors["given_on"] = _("Ngày trao không thể ở tương lai.")
    if content is not None and content.agreement_id != agreement.pk:
        errors["content"] = _("Nội dung không thuộc giao ước này.")
    if not (description or "").strip():
        errors["description"] = _("Xin ghi nội dung đóng góp.")
    if errors:
        raise ValidationError(errors)
    contribution = Contribution.objects.create(
        agreement=agreement,
        content=content,
        kind=kind,
        given_on=given_on,
        description=description.strip(),
        quantity=quantity,
        quantity_unit=(quantity_unit or "").strip(),
        value=value,
        giver_cell=giver_cell,
        giver_member=giver_member,
        giver_enterprise=giver_enterprise,
        receiver_cell=receiver_cell,
        recorded_by=actor if getattr(actor, "pk", None) else None,
    )
    if recipients:
        contribution.recipients.set(recipients)
    return contribution


# --- reviews ------------------------------------------------------------------------------

REVIEW_TEXT_FIELDS = ["done", "not_done", "lessons", "next_plan"]


def _check_period(agreement: Agreement, period_start, period_end) -> None:
    errors = {}
    if period_start and period_end and period_end < period_start:
        errors["period_end"] = _("Cuối kỳ phải sau đầu kỳ.")
    if period_start and period_start < agreement.starts_on:
        errors["period_start"] = _(
            "Kỳ sơ kết, tổng kết phải nằm trong thời hạn giao ước (từ %(d)s)."
        ) % {"d": f"{agreement.starts_on:%d/%m/%Y}"}
    if period_end and period_end > agreement.ends_on:
        errors["period_end"] = _(
            "Kỳ sơ kết, tổng kết phải nằm trong thời hạn giao ước (đến %(d)s)."
        ) % {"d": f"{agreement.ends_on:%d/%m/%Y}"}
    if errors:
        raise ValidationError(errors)


@transaction.atomic
def review_create(
    *,
    actor,
    agreement: Agreement,
    kind: str,
    period_start: datetime.date,
    period_end: datetime.date,
    held_on: datetime.date,
    done: str = "",
    not_done: str = "",
    lessons: str = "",
    next_plan: str = "",
) -> Review:
    """Sơ kết / tổng kết: the period's figures are taken from the records now; the
    commentary is the partners' own and stays editable."""
    from gandan.twinning.selectors import review_figures

    _require(can_work_in(actor, agreement))
    _check_open(agreement)
    _check_period(agreement, period_start, period_end)
    if held_on and held_on < period_start:
        raise ValidationError({"held_on": _("Ngày họp phải sau đầu kỳ.")})
    review = Review(
        agreement=agreement,
        kind=kind,
        period_start=period_start,
        period_end=period_end,
        held_on=held_on,
        done=done.strip(),
        not_done=not_done.strip(),
        lessons=lessons.strip(),
        next_plan=next_plan.strip(),
        figures=review_figures(agreement=agreement, start=period_start, end=period_end),
        created_by=actor if getattr(actor, "pk", None) else None,
    )
    review.full_clean()
    review.save()
    return review


@transaction.atomic
def review_update(*, actor, review: Review, refresh_figures: bool = False, **fields) -> Review:
    """Edit the commentary; on request take the figures again from today's records."""
    from gandan.twinning.selectors import review_figures

    review = (
        Review.objects.select_for_update().select_related("agreement__committee").get(pk=review.pk)
    )
    _require(can_work_in(actor, review.agreement))
    for name in REVIEW_TEXT_FIELDS:
        if name in fields:
            setattr(review, name, (fields[name] or "").strip())
    if refresh_figures:
        review.figures = review_figures(
            agreement=review.agreement, start=review.period_start, end=review.period_end
        )
    review.save()
    return review


# --- household shares with partner members ------------------------------------------------


@transaction.atomic
def share_grant(
    *,
    actor,
    agreement: Agreement,
    household: Household,
    member: Member,
    reason: str,
    starts_on: datetime.date | None = None,
) -> HouseholdShare:
    """Show one village household to one named member of a partner cell (need-to-know),
    e.g. the TDP 1 member who helps a poor household of Ia Lang. Granted by the village
    cell's secretary or the committee, with the reason; every other partner sees aggregates."""
    cell_id = _cell_of_household(household)
    cell = Unit.objects.filter(pk=cell_id).first()
    _require(cell is not None and access.can_manage_cell(actor, cell))
    errors = {}
    if cell_id not in _cells(agreement, Side.VILLAGE):
        errors["household"] = _("Hộ không thuộc làng của giao ước này.")
    if household.left_on:
        errors["household"] = _("Hộ này đã chuyển đi.")
    if member.cell_id not in _cells(agreement, Side.HELPING) or not member.is_active:
        errors["member"] = _("Chỉ chia sẻ cho đảng viên của chi bộ bên giúp đỡ.")
    if not (reason or "").strip():
        errors["reason"] = _("Xin ghi lý do chia sẻ.")
    if errors:
        raise ValidationError(errors)
    if HouseholdShare.objects.filter(
        household=household, member=member, ends_on__isnull=True
    ).exists():
        raise ValidationError(_("Hộ này đang được chia sẻ với đảng viên này."))
    try:
        with transaction.atomic():
            return HouseholdShare.objects.create(
                household=household,
                member=member,
                reason=reason.strip(),
                starts_on=starts_on or today(),
                granted_by=actor if getattr(actor, "pk", None) else None,
            )
    except IntegrityError:
        raise ValidationError(_("Hộ này đang được chia sẻ với đảng viên này.")) from None


@transaction.atomic
def share_end(*, actor, share: HouseholdShare, ends_on: datetime.date | None = None):
    """Stop showing the household to the member (from `ends_on`, today by default)."""
    share = HouseholdShare.objects.select_for_update().select_related("household").get(pk=share.pk)
    cell = Unit.objects.filter(pk=_cell_of_household(share.household)).first()
    _require(cell is not None and access.can_manage_cell(actor, cell))
    if share.ends_on:
        raise ValidationError(_("Việc chia sẻ này đã kết thúc."))
    ends_on = ends_on or today()
    if ends_on < share.starts_on:
        raise ValidationError({"ends_on": _("Ngày kết thúc trước ngày bắt đầu chia sẻ.")})
    share.ends_on = ends_on
    share.save(update_fields=["ends_on"])
    return share


# --- candidates for admission ------------------------------------------------------------


def _check_helper(helper: Member | None, cell: Unit, agreement: Agreement | None) -> None:
    if helper is None:
        return
    allowed = {cell.pk}
    if agreement is not None:
        allowed |= set(agreement.sides.values_list("cell_id", flat=True))
    if helper.cell_id not in allowed or not helper.is_active:
        raise ValidationError(
            {"helper": _("Người giúp đỡ phải là đảng viên của chi bộ hoặc chi bộ kết nghĩa.")}
        )


@transaction.atomic
def candidate_create(
    *,
    actor,
    cell: Unit,
    full_name: str,
    birth_date: datetime.date,
    identified_on: datetime.date,
    gender: str = "",
    ethnicity: str = "",
    organisation: str = "",
    position: str = "",
    helper: Member | None = None,
    agreement: Agreement | None = None,
    notes: str = "",
) -> Candidate:
    """Put a person of the village (a cadre not yet a member) on the cell's list to follow."""
    _require(cell.is_cell and access.can_manage_cell(actor, cell))
    errors = {}
    if agreement is not None and cell.pk not in _cells(agreement, Side.VILLAGE):
        errors["agreement"] = _("Chi bộ này không ở bên được giúp đỡ của giao ước.")
    if identified_on and identified_on > today():
        errors["identified_on"] = _("Ngày không thể ở tương lai.")
    if birth_date and identified_on and age_on(birth_date, identified_on) < 16:
        errors["birth_date"] = _("Người được theo dõi, bồi dưỡng phải từ 16 tuổi.")
    if errors:
        raise ValidationError(errors)
    _check_helper(helper, cell, agreement)
    candidate = Candidate(
        cell=cell,
        agreement=agreement,
        full_name=full_name.strip(),
        birth_date=birth_date,
        identified_on=identified_on,
        gender=gender,
        ethnicity=ethnicity,
        organisation=organisation,
        position=position.strip(),
        helper=helper,
        notes=notes.strip(),
    )
    candidate.full_clean()
    candidate.save()
    return candidate


# Stages the commune committee decides: the checks, the admission and the confirmation are
# decisions of the party committee (Charter art. 4.4 and 5.2; Reg. 294 art. 3–4).
COMMITTEE_STAGES = {Candidate.Stage.CHECKED, Candidate.Stage.ADMITTED, Candidate.Stage.CONFIRMED}


def can_advance(user, candidate: Candidate, stage: str) -> bool:
    if stage in COMMITTEE_STAGES:
        return access.can_manage_commune(user, candidate.cell.commune_id)
    return access.can_manage_cell(user, candidate.cell)


def _check_introducer(member, since, day, field) -> dict:
    """Charter art. 4.1; Reg. 294 art. 2: the introducer is a full member (not probationary)
    who has worked or lived with the applicant for at least 12 months."""
    if member is None:
        return {field: _("Xin chọn đảng viên giới thiệu.")}
    if (
        member.status != Member.Status.FULL
        or not member.is_active
        or (member.confirmed_on and member.confirmed_on > day)
    ):
        return {
            field: _("%(name)s chưa là đảng viên chính thức: không được giới thiệu.")
            % {"name": member.full_name}
        }
    if since is None or add_months(since, INTRODUCER_MIN_MONTHS) > day:
        return {
            f"{field}_since": _(
                "Người giới thiệu phải cùng công tác, cư trú với người vào Đảng ít nhất "
                "%(n)s tháng."
            )
            % {"n": INTRODUCER_MIN_MONTHS}
        }
    return {}


@transaction.atomic
def candidate_advance(
    *,
    actor,
    candidate: Candidate,
    stage: str,
    on: datetime.date,
    introducer_1: Member | None = None,
    introducer_1_since: datetime.date | None = None,
    introducer_2: Member | None = None,
    introducer_2_since: datetime.date | None = None,
    youth_union_resolution: str = "",
) -> Candidate:
    """Record the next stage of admission, checked against the Party's rules:

    - course: the Party awareness course (lớp bồi dưỡng nhận thức về Đảng) with its
      certificate (Charter art. 4.2; Reg. 294 art. 2);
    - applied: age 18–60 on the day the cell considers the application (Charter art. 1;
      Reg. 294 art. 1), the course passed, two full members who worked or lived with the
      applicant ≥ 12 months introduce (Charter art. 4.1); for an applicant of youth age the
      youth union's resolution replaces one of them (Charter art. 4.2);
    - checked: the commune committee's checks (thẩm tra lý lịch; Guidance 06-HD/TW);
    - admitted: the admission decision; the person becomes a probationary member of the cell
      (Charter art. 5.1);
    - confirmed: after 12 months of probation from admission, the cell votes and the committee
      confirms (Charter art. 5.2).
    """
    candidate = Candidate.objects.select_for_update().select_related("cell").get(pk=candidate.pk)
    _require(can_advance(actor, candidate, stage))
    current = STAGE_ORDER.index(candidate.stage)
    if stage not in STAGE_ORDER or STAGE_ORDER.index(stage) != current + 1:
        label = Candidate.Stage(stage).label if stage in STAGE_ORDER else stage
        raise ValidationError(
            _("Giai đoạn “%(new)s” không đúng thứ tự: hiện đang ở “%(current)s”.")
            % {"new": label, "current": candidate.get_stage_display()}
        )
    if on is None:
        raise ValidationError({"on": _("Xin ghi ngày.")})
    if on > today():
        raise ValidationError({"on": _("Ngày không thể ở tương lai.")})
    previous = {
        Candidate.Stage.COURSE: candidate.identified_on,
        Candidate.Stage.APPLIED: candidate.course_passed_on,
        Candidate.Stage.CHECKED: candidate.applied_on,
        Candidate.Stage.ADMITTED: candidate.checked_on,
        Candidate.Stage.CONFIRMED: candidate.admitted_on,
    }[stage]
    if previous and on < previous:
        raise ValidationError(
            {
                "on": _("Ngày phải sau ngày của giai đoạn trước (%(d)s).")
                % {"d": f"{previous:%d/%m/%Y}"}
            }
        )
    fields = ["stage"]
    if stage == Candidate.Stage.COURSE:
        candidate.course_passed_on = on
        fields.append("course_passed_on")
    elif stage == Candidate.Stage.APPLIED:
        age = age_on(candidate.birth_date, on)
        if not ADMISSION_MIN_AGE <= age <= ADMISSION_MAX_AGE:
            raise ValidationError(
                {
                    "on": _(
                        "Người vào Đảng phải từ đủ %(min)s đến %(max)s tuổi khi chi bộ xét "
                        "(Điều lệ Đảng, Điều 1): %(name)s đang %(age)s tuổi."
                    )
                    % {
                        "min": ADMISSION_MIN_AGE,
                        "max": ADMISSION_MAX_AGE,
                        "name": candidate.full_name,
                        "age": age,
                    }
                }
            )
        errors = _check_introducer(introducer_1, introducer_1_since, on, "introducer_1")
        youth = (youth_union_resolution or "").strip()
        if youth:
            if age > YOUTH_UNION_MAX_AGE:
                errors["youth_union_resolution"] = _(
                    "Nghị quyết giới thiệu của Đoàn chỉ thay một người giới thiệu khi người "
                    "vào Đảng trong độ tuổi thanh niên (đến %(n)s tuổi)."
                ) % {"n": YOUTH_UNION_MAX_AGE}
        else:
            errors |= _check_introducer(introducer_2, introducer_2_since, on, "introducer_2")
        if introducer_1 is not None and introducer_2 is not None and introducer_1 == introducer_2:
            errors["introducer_2"] = _("Hai người giới thiệu phải là hai đảng viên khác nhau.")
        if errors:
            raise ValidationError(errors)
        candidate.applied_on = on
        candidate.introducer_1, candidate.introducer_1_since = introducer_1, introducer_1_since
        if youth:
            candidate.introducer_2, candidate.introducer_2_since = None, None
        else:
            candidate.introducer_2, candidate.introducer_2_since = introducer_2, introducer_2_since
        candidate.youth_union_resolution = youth
        fields += [
            "applied_on",
            "introducer_1",
            "introducer_1_since",
            "introducer_2",
            "introducer_2_since",
            "youth_union_resolution",
        ]
    elif stage == Candidate.Stage.CHECKED:
        candidate.checked_on = on
        fields.append("checked_on")
    elif stage == Candidate.Stage.ADMITTED:
        member = org_services.member_create(
            actor=actor,
            cell=candidate.cell,
            full_name=candidate.full_name,
            gender=candidate.gender,
            birth_year=candidate.birth_date.year,
            ethnicity=candidate.ethnicity,
            status=Member.Status.PROBATIONARY,
            admitted_on=on,
        )
        candidate.admitted_on, candidate.member = on, member
        fields += ["admitted_on", "member"]
    elif stage == Candidate.Stage.CONFIRMED:
        due = add_months(candidate.admitted_on, PROBATION_MONTHS)
        if on < due:
            raise ValidationError(
                {
                    "on": _("Chưa đủ %(n)s tháng dự bị (kết nạp ngày %(a)s): sớm nhất ngày %(d)s.")
                    % {
                        "n": PROBATION_MONTHS,
                        "a": f"{candidate.admitted_on:%d/%m/%Y}",
                        "d": f"{due:%d/%m/%Y}",
                    }
                }
            )
        if candidate.member is not None:
            org_services.member_update(
                actor=actor,
                member=candidate.member,
                status=Member.Status.FULL,
                confirmed_on=on,
            )
        candidate.confirmed_on = on
        fields.append("confirmed_on")
    candidate.stage = stage
    candidate.save(update_fields=fields)
    return candidate
