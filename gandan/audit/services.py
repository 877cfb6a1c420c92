"""Writes to the audit trail that django-auditlog does not make by itself.

Changes (create, update, delete) of the models registered in `apps.py` are logged by
django-auditlog's signals, in the same transaction, with the actor and address that its
middleware takes from the request. This module adds reads of personal records (Decree
13/2023/NĐ-CP, art. 27: the controller logs the processing of personal data) and the one
sanctioned rewrite of the trail: redacting an erased household's personal data.
"""

from auditlog.context import auditlog_value
from auditlog.models import LogEntry
from django.contrib.contenttypes.models import ContentType
from django.db import connection, transaction


def _remote_addr(request) -> str | None:
    forwarded = request.headers.get("X-Forwarded-For", "")
    return (
        (forwarded.split(",")[0].strip() or None) if forwarded else request.META.get("REMOTE_ADDR")
    )


def _household_id(obj) -> int | None:
    if obj._meta.label == "households.Household":
        return obj.pk
    return getattr(obj, "household_id", None)


def _is_in_charge(user, household_id: int) -> bool:
    # By label: this bottom-layer app may not import the households app.
    from django.apps import apps

    assignment = apps.get_model("households", "Assignment")
    return assignment.objects.filter(
        household_id=household_id, member__user=user, ends_on__isnull=True
    ).exists()


def actor_set(user) -> None:
    """Name the actor of the changes made in this request, for clients that authenticate
    inside the view (API tokens) rather than through the session middleware."""
    try:
        context = auditlog_value.get()
    except LookupError:
        return
    context["actor"] = user


def record_access(*, request, obj) -> LogEntry | None:
    """Log that `request.user` opened the full record `obj` (a household, or a record of a
    household). Reads by the member in charge of that household are his daily work and are
    not logged; every other read is, with who, when and from where."""
    user = request.user
    household_id = _household_id(obj)
    if household_id is not None and _is_in_charge(user, household_id):
        return None
    return LogEntry.objects.create(
        content_type=ContentType.objects.get_for_model(obj),
        object_pk=str(obj.pk),
        object_id=obj.pk,
        object_repr=str(obj)[:200],
        action=LogEntry.Action.ACCESS,
        actor=user if user.is_authenticated else None,
        actor_email=getattr(user, "email", None) or None,
        remote_addr=_remote_addr(request),
        changes_text="",
        additional_data={"path": request.path[:200]},
    )


@transaction.atomic
def log_redact(*, objects: list[tuple[str, int]], replacement: str) -> int:
    """Remove the personal data an erased record left in the trail: each entry of the given
    (model label, pk) objects keeps its action, actor, time and address, but its object name,
    changes and snapshot are replaced. On PostgreSQL the trail refuses every other UPDATE
    (see migration 0001); this transaction alone is let through."""
    from django.apps import apps

    total = 0
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("SET LOCAL gandan.audit_redact = 'on'")
    for label, pk in objects:
        content_type = ContentType.objects.get_for_model(apps.get_model(label))
        total += LogEntry.objects.filter(content_type=content_type, object_pk=str(pk)).update(
            object_repr=replacement,
            changes=None,
            changes_text="",
            serialized_data=None,
        )
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("SET LOCAL gandan.audit_redact = 'off'")
    return total


def log_update(*, obj, changes: dict[str, tuple]) -> LogEntry:
    """Audit a change written with `QuerySet.update()` (a compare-and-set that model signals
    never see), in the caller's transaction. `changes` maps a field to (before, after)."""
    return LogEntry.objects.log_create(
        obj,
        force_log=True,
        action=LogEntry.Action.UPDATE,
        changes={field: [str(before), str(after)] for field, (before, after) in changes.items()},
    )
