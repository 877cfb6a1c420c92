"""Writes of assignments (phân công phụ trách hộ): assign, reassign, move all, propose.

The database allows one open assignment per household (a partial unique constraint); every
function here checks first, to give a clear message, and still turns a lost race into the same
message, so two secretaries assigning the same household at once get one winner.
"""

import datetime
import heapq
from collections.abc import Sequence
from dataclasses import dataclass

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.utils.translation import gettext as _

from gandan import access
from gandan.audit.services import log_update
from gandan.households.models import Assignment, Household
from gandan.lib.dates import today
from gandan.org.models import Member, Unit

TAKEN = _("Hộ %(household)s vừa được phân công cho đảng viên khác. Tải lại trang để xem.")


def _check_can_manage(actor, cell: Unit) -> None:
    if not access.can_manage_cell(actor, cell) or access.scope_for(actor).is_viewer_only:
        raise PermissionDenied


def _cell_of(household: Household) -> Unit | None:
    cell_area = getattr(household.area, "cell_area", None)
    return cell_area.cell if cell_area else None


def _check_member_fits(member: Member, cell: Unit) -> None:
    if member.cell_id != cell.pk:
        raise ValidationError({"member": _("Đảng viên này không thuộc chi bộ của hộ.")})
    if not member.can_take_households:
        raise ValidationError(
            {
                "member": _("Đảng viên này đang được miễn phụ trách hộ (%(why)s).")
                % {
                    "why": member.get_availability_display()
                    if member.is_active
                    else _("đã thôi sinh hoạt")
                }
            }
        )


def _create_open(*, household, member, starts_on, reason, actor) -> Assignment:
    try:
        with transaction.atomic():
            return Assignment.objects.create(
                household=household,
                member=member,
                starts_on=starts_on,
                reason=reason,
                assigned_by=actor if getattr(actor, "pk", None) else None,
            )
    except IntegrityError:
        raise ValidationError(TAKEN % {"household": household.head_name}) from None


@transaction.atomic
def assignment_create(
    *,
    actor,
    household: Household,
    member: Member,
    starts_on: datetime.date | None = None,
    reason: str = "",
) -> Assignment:
    """Put a member in charge of a household that has nobody in charge."""
    cell = _cell_of(household)
    if cell is None:
        raise ValidationError(_("Khu dân cư của hộ chưa thuộc chi bộ nào."))
    _check_can_manage(actor, cell)
    _check_member_fits(member, cell)
    if household.left_on:
        raise ValidationError(_("Hộ này đã chuyển đi."))
    current = household.assignments.filter(ends_on__isnull=True).select_related("member").first()
    if current is not None:
        raise ValidationError(
            _("Hộ %(household)s đã có đảng viên %(member)s phụ trách.")
            % {"household": household.head_name, "member": current.member.full_name}
        )
    return _create_open(
        household=household,
        member=member,
        starts_on=starts_on or today(),
        reason=reason,
        actor=actor,
    )


def _end(assignment: Assignment, on: datetime.date) -> None:
    if on < assignment.starts_on:
        raise ValidationError(
            {
                "starts_on": _("Ngày chuyển không được trước ngày bắt đầu phụ trách (%(d)s).")
                % {"d": assignment.starts_on.strftime("%d/%m/%Y")}
            }
        )
    # Only the assignment that is still open: a concurrent change leaves nothing to end.
    ended = Assignment.objects.filter(pk=assignment.pk, ends_on__isnull=True).update(ends_on=on)
    if not ended:
        raise ValidationError(TAKEN % {"household": assignment.household.head_name})
    assignment.ends_on = on
    log_update(obj=assignment, changes={"ends_on": (None, on)})


@transaction.atomic
def assignment_reassign(
    *,
    actor,
    household: Household,
    member: Member,
    on: datetime.date | None = None,
    reason: str = "",
) -> Assignment:
    """Hand a household to another member from `on`, keeping who was in charge until then."""
    on = on or today()
    cell = _cell_of(household)
    if cell is None:
        raise ValidationError(_("Khu dân cư của hộ chưa thuộc chi bộ nào."))
    _check_can_manage(actor, cell)
    _check_member_fits(member, cell)
    current = household.assignments.filter(ends_on__isnull=True).first()
    if current is None:
        return assignment_create(
            actor=actor, household=household, member=member, starts_on=on, reason=reason
        )
    if current.member_id == member.pk:
        raise ValidationError({"member": _("Đảng viên này đang phụ trách hộ rồi.")})
    current.household = household
    _end(current, on)
    return _create_open(
        household=household, member=member, starts_on=on, reason=reason, actor=actor
    )


@transaction.atomic
def assignment_move_all(
    *,
    actor,
    from_member: Member,
    to_member: Member,
    on: datetime.date | None = None,
    reason: str = "",
) -> int:
    """Bulk reassignment: every household of one member goes to another, in one step."""
    on = on or today()
    cell = from_member.cell
    _check_can_manage(actor, cell)
    if from_member.pk == to_member.pk:
        raise ValidationError({"to_member": _("Hãy chọn một đảng viên khác.")})
    _check_member_fits(to_member, cell)
    moved = 0
    for current in Assignment.objects.filter(
        member=from_member, ends_on__isnull=True
    ).select_related("household"):
        _end(current, on)
        _create_open(
            household=current.household, member=to_member, starts_on=on, reason=reason, actor=actor
        )
        moved += 1
    return moved


# --- proposing a balanced split ---------------------------------------------------------


@dataclass(frozen=True)
class Proposal:
    """One proposed pair, for the secretary to review."""

    household_id: int
    member_id: int


def propose_split(
    *,
    households: Sequence[tuple[int, str]],
    members: Sequence[tuple[int, int]],
) -> list[Proposal]:
    """Split unassigned households among members, balanced and keeping neighbours together.

    `households` are (id, sort key) pairs: the key is area name and address, so households of
    the same area and neighbouring addresses come one after another. `members` are (id,
    households already in charge of). The loads are levelled one household at a time (the
    least-loaded member gets the next one), then each member takes a contiguous run of the
    ordered households, so neighbours stay with one member. Pure: no database.
    """
    if not households or not members:
        return []
    heap = [(load, i) for i, (_member_id, load) in enumerate(members)]
    heapq.heapify(heap)
    extra = [0] * len(members)
    for _household in households:
        load, i = heapq.heappop(heap)
        extra[i] += 1
        heapq.heappush(heap, (load + 1, i))
    ordered = sorted(households, key=lambda h: (h[1], h[0]))
    result, position = [], 0
    for i, (member_id, _load) in enumerate(members):
        for household_id, _key in ordered[position : position + extra[i]]:
            result.append(Proposal(household_id=household_id, member_id=member_id))
        position += extra[i]
    return result


def assignment_range() -> tuple[int, int]:
    return settings.GANDAN["ASSIGNMENT_MIN"], settings.GANDAN["ASSIGNMENT_MAX"]


@transaction.atomic
def assignment_confirm_proposal(
    *,
    actor,
    cell: Unit,
    pairs: Sequence[tuple[Household, Member]],
    starts_on: datetime.date | None = None,
) -> int:
    """The secretary confirms a reviewed proposal in one step: all pairs or none."""
    _check_can_manage(actor, cell)
    starts_on = starts_on or today()
    if not pairs:
        raise ValidationError(_("Không có hộ nào để phân công."))
    for household, member in pairs:
        if _cell_of(household) is None or _cell_of(household).pk != cell.pk:
            raise ValidationError(
                _("Hộ %(h)s không thuộc chi bộ này.") % {"h": household.head_name}
            )
        _check_member_fits(member, cell)
    taken = set(
        Assignment.objects.filter(
            household__in=[h for h, _m in pairs], ends_on__isnull=True
        ).values_list("household__head_name", flat=True)
    )
    if taken:
        raise ValidationError(
            _("Các hộ sau vừa được phân công, hãy đề xuất lại: %(names)s.")
            % {"names": ", ".join(sorted(taken))}
        )
    for household, member in pairs:
        _create_open(
            household=household,
            member=member,
            starts_on=starts_on,
            reason=_("Phân công theo đề xuất"),
            actor=actor,
        )
    return len(pairs)
