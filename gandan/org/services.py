"""Writes of party members: create and correct a member's record (cell secretary, committee)."""

import datetime

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from gandan.lib.dates import today
from gandan.org.models import Member, Unit

MEMBER_FIELDS = [
    "full_name",
    "gender",
    "birth_year",
    "ethnicity",
    "phone",
    "status",
    "admitted_on",
    "confirmed_on",
    "is_retired_cadre",
    "availability",
    "left_on",
    "left_reason",
]


def _check_member_dates(member: Member) -> None:
    """Party Charter, art. 5: probation lasts 12 months from admission, then confirmation.

    So a confirmation date, when given, comes at least 12 months after admission, and a
    probationary member has none."""
    errors = {}
    if member.admitted_on and member.admitted_on > today():
        errors["admitted_on"] = _("Ngày vào Đảng không thể ở tương lai.")
    if member.status == Member.Status.PROBATIONARY and member.confirmed_on:
        errors["confirmed_on"] = _("Đảng viên dự bị chưa có ngày chính thức.")
    if member.confirmed_on:
        if not member.admitted_on:
            errors["admitted_on"] = _("Cần ngày vào Đảng trước ngày chính thức.")
        elif member.confirmed_on < _add_months(member.admitted_on, 12):
            errors["confirmed_on"] = _(
                "Ngày chính thức phải sau ngày vào Đảng ít nhất 12 tháng (thời gian dự bị)."
            )
    if member.left_on and not member.left_reason:
        errors["left_reason"] = _("Xin chọn lý do thôi sinh hoạt.")
    if member.left_on and member.left_on > today():
        errors["left_on"] = _("Ngày thôi sinh hoạt không thể ở tương lai.")
    if errors:
        raise ValidationError(errors)


def _add_months(day: datetime.date, months: int) -> datetime.date:
    month = day.month - 1 + months
    year = day.year + month // 12
    month = month % 12 + 1
    return day.replace(year=year, month=month, day=min(day.day, 28))


@transaction.atomic
def member_create(*, actor, cell: Unit, **fields) -> Member:
    if not cell.is_cell:
        raise ValidationError(_("Đảng viên phải sinh hoạt tại một chi bộ."))
    member = Member(cell=cell, **{k: v for k, v in fields.items() if k in MEMBER_FIELDS})
    _check_member_dates(member)
    member.full_clean()
    member.save()
    return member


@transaction.atomic
def member_update(*, actor, member: Member, **fields) -> Member:
    member = Member.objects.select_for_update().get(pk=member.pk)
    changed = []
    for name, value in fields.items():
        if name in MEMBER_FIELDS and getattr(member, name) != value:
            setattr(member, name, value)
            changed.append(name)
    if not changed:
        return member
    _check_member_dates(member)
    member.full_clean()
    member.save(update_fields=[*changed, "search_name"])
    return member
