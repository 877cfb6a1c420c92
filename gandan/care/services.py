"""Writes of visits, concerns and support.

A visit is stored once however many times it is sent: its UUID is the idempotency key. The
same content sent again returns the stored visit; different content under the same UUID is a
conflict, unless it is the author's edit within the edit window, which keeps the old content
as a revision.
"""

import datetime
import uuid as uuid_lib
from dataclasses import dataclass, field

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from gandan import access
from gandan.care.models import Activity, Concern, ConcernStep, Support, Visit, VisitRevision
from gandan.households.models import Household
from gandan.lib.dates import today
from gandan.org.models import Member, Unit

MAX_NOTES = 4000
MAX_CONCERN = 2000
MAX_BACKDATE_DAYS = 366
RESUBMIT_WINDOW = datetime.timedelta(minutes=30)


class VisitConflict(Exception):
    """The UUID is taken by a visit with other content that the sender may not change."""

    def __init__(self, visit: Visit, message: str):
        super().__init__(message)
        self.visit = visit
        self.message = message


@dataclass
class SupportInput:
    kind: str
    amount: int = 0
    lender: str = ""
    purpose: str = ""
    quantity: int | None = None
    repayment_state: str = ""


@dataclass
class VisitInput:
    household_id: int
    visited_on: datetime.date
    activities: list[str] = field(default_factory=list)
    notes: str = ""
    concerns: list[str] = field(default_factory=list)
    support: list[SupportInput] = field(default_factory=list)

    def normalised(self) -> "VisitInput":
        return VisitInput(
            household_id=self.household_id,
            visited_on=self.visited_on,
            activities=sorted(set(self.activities)),
            notes=(self.notes or "").strip(),
            concerns=[c.strip() for c in self.concerns if c and c.strip()],
            support=list(self.support),
        )


def _actor_member(actor) -> Member:
    member_id = access.scope_for(actor).member_id
    if not member_id:
        raise PermissionDenied
    return Member.objects.select_related("cell").get(pk=member_id)


def _cell_of(household: Household) -> Unit | None:
    cell_area = getattr(household.area, "cell_area", None)
    return cell_area.cell if cell_area else None


def _validate(data: VisitInput) -> None:
    errors = {}
    if data.visited_on > today():
        errors["visited_on"] = _("Ngày thăm không được sau hôm nay.")
    elif data.visited_on < today() - datetime.timedelta(days=MAX_BACKDATE_DAYS):
        errors["visited_on"] = _("Ngày thăm đã quá một năm, hãy kiểm tra lại.")
    unknown = set(data.activities) - set(Activity.values)
    if unknown:
        errors["activities"] = _("Việc đã làm không hợp lệ: %(codes)s.") % {
            "codes": ", ".join(sorted(unknown))
        }
    if len(data.notes) > MAX_NOTES:
        errors["notes"] = _("Ghi chép quá dài (tối đa %(n)s ký tự).") % {"n": MAX_NOTES}
    if any(len(c) > MAX_CONCERN for c in data.concerns):
        errors["concern"] = _("Kiến nghị quá dài (tối đa %(n)s ký tự).") % {"n": MAX_CONCERN}
    for s in data.support:
        if s.kind not in Support.Kind.values:
            errors["support_kind"] = _("Loại hỗ trợ không hợp lệ.")
        elif s.amount is None or s.amount < 0:
            errors["support_amount"] = _("Giá trị hỗ trợ phải là số đồng không âm.")
        elif s.amount > 10_000_000_000:
            errors["support_amount"] = _("Giá trị hỗ trợ quá lớn, hãy kiểm tra lại.")
        elif s.repayment_state and s.kind != Support.Kind.LOAN:
            errors["support_kind"] = _("Tình hình trả nợ chỉ dùng cho khoản vay.")
    if errors:
        raise ValidationError(errors)


def _same_content(visit: Visit, data: VisitInput) -> bool:
    if (
        visit.household_id != data.household_id
        or visit.visited_on != data.visited_on
        or sorted(visit.activities) != data.activities
        or visit.notes != data.notes
    ):
        return False
    concerns = list(visit.concerns.order_by("pk").values_list("text", flat=True))
    supports = [
        (s.kind, s.amount, s.lender, s.purpose, s.quantity, s.repayment_state)
        for s in visit.supports.order_by("pk")
    ]
    wanted = [
        (s.kind, s.amount, s.lender, s.purpose, s.quantity, s.repayment_state) for s in data.support
    ]
    return concerns == data.concerns and supports == wanted


def edit_deadline(visit: Visit) -> datetime.datetime:
    return visit.created_at + datetime.timedelta(hours=settings.GANDAN["VISIT_EDIT_WINDOW_HOURS"])


def can_edit(user, visit: Visit) -> bool:
    scope = access.scope_for(user)
    return scope.member_id == visit.member_id and timezone.now() <= edit_deadline(visit)


def _add_concerns_and_support(*, visit, member, household, data, actor) -> None:
    cell = _cell_of(household)
    now = timezone.now()
    for text in data.concerns:
        concern = Concern.objects.create(
            household=household,
            visit=visit,
            raised_by=member,
            cell=cell,
            text=text,
            created_at=now,
        )
        ConcernStep.objects.create(
            concern=concern,
            actor=actor,
            actor_name=member.full_name,
            action=ConcernStep.Action.RAISED,
            level=Concern.Level.CELL,
            at=now,
        )
    for s in data.support:
        Support.objects.create(
            household=household,
            member=member,
            kind=s.kind,
            given_on=data.visited_on,
            amount=s.amount or 0,
            lender=s.lender,
            purpose=s.purpose,
            quantity=s.quantity,
            repayment_state=s.repayment_state if s.kind == Support.Kind.LOAN else "",
            visit=visit,
            recorded_by=actor,
        )


def visit_record(*, actor, uuid: uuid_lib.UUID, data: VisitInput) -> tuple[Visit, bool]:
    """Store a visit once. Returns (visit, created). Raises Http404-worthy LookupError when the
    actor is not in charge of the household, ValidationError on bad input, VisitConflict when
    the UUID is taken by different content the actor may not change."""
    data = data.normalised()
    member = _actor_member(actor)
    existing = Visit.objects.filter(uuid=uuid).first()
    if existing is not None:
        if existing.member_id != member.pk:
            raise VisitConflict(existing, _("Mã lần thăm này đã được dùng, hãy ghi lần thăm mới."))
        return _resend(actor=actor, visit=existing, data=data), False
    household = (
        access.households_for(actor)
        .filter(
            pk=data.household_id,
            assignments__member=member,
            assignments__ends_on__isnull=True,
        )
        .select_related("area__cell_area__cell")
        .first()
    )
    if household is None:
        raise LookupError
    _validate(data)
    # A form sent again after the back button may carry a fresh UUID (the page was fetched
    # again): the same member's identical visit recorded minutes ago is the same visit.
    recent = Visit.objects.filter(
        member=member,
        household=household,
        visited_on=data.visited_on,
        created_at__gte=timezone.now() - RESUBMIT_WINDOW,
    ).order_by("-created_at")
    for candidate in recent[:5]:
        if _same_content(candidate, data):
            return candidate, False
    try:
        with transaction.atomic():
            visit = Visit.objects.create(
                uuid=uuid,
                household=household,
                member=member,
                visited_on=data.visited_on,
                activities=data.activities,
                notes=data.notes,
                recorded_by=actor,
            )
            _add_concerns_and_support(
                visit=visit, member=member, household=household, data=data, actor=actor
            )
    except IntegrityError:
        # The same UUID arrived twice at once: the other request stored it.
        existing = Visit.objects.filter(uuid=uuid).first()
        if existing is None:
            raise
        return _resend(actor=actor, visit=existing, data=data), False
    return visit, True


def _resend(*, actor, visit: Visit, data: VisitInput) -> Visit:
    if _same_content(visit, data):
        return visit
    if not can_edit(actor, visit):
        raise VisitConflict(
            visit,
            _(
                "Lần thăm này đã được ghi với nội dung khác và không còn sửa được. "
                "Hãy ghi một lần thăm mới."
            ),
        )
    if data.household_id != visit.household_id:
        raise VisitConflict(visit, _("Không thể chuyển lần thăm sang hộ khác."))
    return visit_update(
        actor=actor,
        visit=visit,
        visited_on=data.visited_on,
        activities=data.activities,
        notes=data.notes,
    )


@transaction.atomic
def visit_update(
    *, actor, visit: Visit, visited_on: datetime.date, activities: list[str], notes: str
) -> Visit:
    """The author's edit within the window; the previous content is kept as a revision."""
    visit = Visit.objects.select_for_update().get(pk=visit.pk)
    if access.scope_for(actor).member_id != visit.member_id:
        raise PermissionDenied
    if timezone.now() > edit_deadline(visit):
        raise ValidationError(
            _("Đã quá %(h)s giờ kể từ khi ghi, không sửa được nữa.")
            % {"h": settings.GANDAN["VISIT_EDIT_WINDOW_HOURS"]}
        )
    data = VisitInput(
        household_id=visit.household_id,
        visited_on=visited_on,
        activities=activities,
        notes=notes,
    ).normalised()
    _validate(data)
    if (
        data.visited_on == visit.visited_on
        and data.activities == sorted(visit.activities)
        and data.notes == visit.notes
    ):
        return visit
    VisitRevision.objects.create(
        visit=visit,
        visited_on=visit.visited_on,
        activities=visit.activities,
        notes=visit.notes,
        changed_by=actor,
    )
    visit.visited_on = data.visited_on
    visit.activities = data.activities
    visit.notes = data.notes
    visit.revision_count += 1
    visit.save(update_fields=["visited_on", "activities", "notes", "revision_count", "updated_at"])
    return visit


# --- concerns -------------------------------------------------------------------------------

ACTIONS = {
    # action: (statuses it applies to, levels at which it applies)
    ConcernStep.Action.TAKEN: ({Concern.Status.NEW, Concern.Status.FORWARDED}, None),
    ConcernStep.Action.FORWARDED: (set(Concern.OPEN_STATUSES), None),
    ConcernStep.Action.ANSWERED: (set(Concern.OPEN_STATUSES), None),
    ConcernStep.Action.CLOSED: ({Concern.Status.ANSWERED}, None),
    ConcernStep.Action.REOPENED: ({Concern.Status.ANSWERED, Concern.Status.CLOSED}, None),
}


def can_handle(user, concern: Concern) -> bool:
    """Cell level: the cell's secretary (or the committee); above: the commune committee."""
    scope = access.scope_for(user)
    if scope.is_viewer_only:
        return False
    if concern.level == Concern.Level.CELL:
        return access.can_manage_cell(user, concern.cell)
    return access.can_manage_commune(user, concern.cell.commune_id)


def allowed_actions(user, concern: Concern) -> list[str]:
    if not can_handle(user, concern):
        return []
    actions = [a for a, (statuses, _lv) in ACTIONS.items() if concern.status in statuses]
    if concern.level == Concern.Level.AUTHORITY:
        actions = [a for a in actions if a != ConcernStep.Action.FORWARDED]
    return actions


@transaction.atomic
def concern_act(
    *, actor, concern: Concern, action: str, answer: str = "", forwarded_to: str = ""
) -> Concern:
    """One step: take, forward (cell → commune → authority or mass organisation), answer,
    close or reopen; each with who and when, and the answer if any."""
    concern = Concern.objects.select_for_update().select_related("cell").get(pk=concern.pk)
    if not can_handle(actor, concern):
        raise PermissionDenied
    if action not in allowed_actions(actor, concern):
        raise ValidationError(
            _("Kiến nghị đang ở trạng thái “%(s)s”, không thể làm việc này.")
            % {"s": concern.get_status_display()}
        )
    answer = (answer or "").strip()
    forwarded_to = (forwarded_to or "").strip()
    if len(answer) > MAX_CONCERN:
        raise ValidationError({"answer": _("Nội dung quá dài.")})
    now = timezone.now()
    if action == ConcernStep.Action.TAKEN:
        concern.status = Concern.Status.IN_PROGRESS
    elif action == ConcernStep.Action.FORWARDED:
        if concern.level == Concern.Level.CELL:
            concern.level = Concern.Level.COMMUNE
            forwarded_to = forwarded_to or _("Đảng ủy xã, phường")
        else:
            if not forwarded_to:
                raise ValidationError(
                    {"forwarded_to": _("Hãy ghi chuyển đến đâu (UBND xã, Hội Nông dân, ...).")}
                )
            concern.level = Concern.Level.AUTHORITY
        concern.status = Concern.Status.FORWARDED
        concern.forwarded_to = forwarded_to[:150]
    elif action == ConcernStep.Action.ANSWERED:
        if not answer:
            raise ValidationError({"answer": _("Hãy ghi nội dung trả lời cho hộ.")})
        concern.status = Concern.Status.ANSWERED
        concern.answer = answer
        concern.answered_at = now
    elif action == ConcernStep.Action.CLOSED:
        concern.status = Concern.Status.CLOSED
        concern.closed_at = now
    elif action == ConcernStep.Action.REOPENED:
        concern.status = Concern.Status.IN_PROGRESS
        concern.closed_at = None
    concern.save()
    ConcernStep.objects.create(
        concern=concern,
        actor=actor,
        actor_name=actor.get_full_name() or actor.get_username(),
        action=action,
        level=concern.level,
        forwarded_to=forwarded_to[:150] if action == ConcernStep.Action.FORWARDED else "",
        answer=answer,
        at=now,
    )
    return concern
