"""Reads of the audit trail: the log of one household, member or user, for the committee of
the commune they belong to (and administrators). Anybody else gets the same 404 as for a
missing record."""

from auditlog.models import LogEntry
from django.contrib.auth import get_user_model
from django.contrib.contenttypes.models import ContentType
from django.db.models import Q, QuerySet
from django.http import Http404

from gandan import access


def _entries() -> QuerySet[LogEntry]:
    return LogEntry.objects.select_related("actor", "content_type").order_by("-timestamp", "-pk")


def _of_object_or_pointing_to(model, pk: int, field: str) -> QuerySet[LogEntry]:
    """Entries of the object itself and of every row whose snapshot points to it through
    `field` (a household's residents, visits, concerns; a member's assignments), including
    rows deleted since."""
    content_type = ContentType.objects.get_for_model(model)
    return _entries().filter(
        Q(content_type=content_type, object_id=pk) | Q(**{f"serialized_data__fields__{field}": pk})
    )


def household_for_log(*, user, pk):
    """The household whose log the user may read: committee of its commune only."""
    household = access.get_or_404(
        access.households_for(user).select_related("area__commune"), pk=pk
    )
    if not access.can_manage_commune(user, household.area.commune_id):
        raise Http404
    return household


def member_for_log(*, user, pk):
    member = access.get_or_404(access.members_for(user).select_related("cell", "user"), pk=pk)
    if not access.can_manage_commune(user, member.cell.commune_id):
        raise Http404
    return member


def users_for_log(*, user) -> QuerySet:
    """Accounts of the committee's communes: their members and the holders of roles there."""
    users = get_user_model().objects.all()
    scope = access.scope_for(user)
    if scope.is_admin:
        return users
    if not scope.commune_ids:
        return users.none()
    return users.filter(
        Q(member__cell__commune_id__in=scope.commune_ids)
        | Q(roles__unit__commune_id__in=scope.commune_ids)
    ).distinct()


def user_for_log(*, user, pk):
    return access.get_or_404(users_for_log(user=user), pk=pk)


def log_list_for_household(*, household) -> QuerySet[LogEntry]:
    return _of_object_or_pointing_to(household.__class__, household.pk, "household")


def log_list_for_member(*, member) -> QuerySet[LogEntry]:
    return _of_object_or_pointing_to(member.__class__, member.pk, "member")


def log_list_for_user(*, account) -> QuerySet[LogEntry]:
    """What was done to the account and everything the account did."""
    content_type = ContentType.objects.get_for_model(account.__class__)
    return _entries().filter(Q(content_type=content_type, object_id=account.pk) | Q(actor=account))
