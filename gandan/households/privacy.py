"""A household's rights over its personal data (Law on Personal Data Protection 2025, in force
1 January 2026; Decree 13/2023/NĐ-CP arts. 9, 11–16): to know what is held (export), to have
it corrected, to have it erased when the household has left, and consent with the purpose of
processing on record.

Everything held about a household is found by following the foreign keys that point to it
(and to those rows), whichever app owns them, so this module needs no import of the apps
above it and a model added later is exported and erased without a change here.
"""

import datetime
import json

from auditlog.context import disable_auditlog
from auditlog.models import LogEntry
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.serializers import serialize
from django.core.serializers.json import DjangoJSONEncoder
from django.db import models, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from gandan import access
from gandan.audit.services import log_redact
from gandan.households.models import Household
from gandan.lib.validators import clean_phone

CORRECTABLE_FIELDS = ["head_name", "address", "phone", "residents_count", "ethnicity", "notes"]
ERASED = "(đã xóa)"
# Columns that are links, codes or derived keys, never free text about a person.
KEEP_FIELDS = {"search_name"}


def _check_can_manage(actor, household: Household) -> None:
    if not access.managed_households_for(actor).filter(pk=household.pk).exists():
        raise PermissionDenied


def _dependants(model: type[models.Model], pks: list, depth: int = 2):
    """(model, queryset) of every row pointing to the given rows through a foreign key,
    and of the rows pointing to those, `depth` levels down."""
    found = []
    for relation in model._meta.related_objects:
        if not (relation.one_to_many or relation.one_to_one) or relation.many_to_many:
            continue
        related = relation.related_model
        if related._meta.app_label in {"auditlog", "contenttypes", "sessions", "admin"}:
            continue
        rows = related._default_manager.filter(**{f"{relation.field.name}__in": pks})
        found.append((related, rows))
        if depth > 1:
            found.extend(_dependants(related, list(rows.values_list("pk", flat=True)), depth - 1))
    return found


def _rows(queryset) -> list[dict]:
    return [
        {"model": row["model"], "id": row["pk"], **row["fields"]}
        for row in json.loads(serialize("json", queryset))
    ]


def household_export(*, actor, household: Household) -> dict:
    """Everything held about a household, for a data subject request: its record, every row
    of every app that points to it, and the log of who created, changed or read them."""
    _check_can_manage(actor, household)
    records = {"households.household": _rows(Household.objects.filter(pk=household.pk))}
    objects = [(Household, household.pk)]
    for model, rows in _dependants(Household, [household.pk]):
        label = model._meta.label_lower
        serialised = _rows(rows)
        if serialised:
            records.setdefault(label, []).extend(serialised)
            objects.extend((model, row["id"]) for row in serialised)
    log = []
    for model, pk in objects:
        log.extend(
            {
                "time": entry.timestamp.isoformat(),
                "action": entry.get_action_display(),
                "record": f"{model._meta.label_lower}#{pk}",
                "by": (entry.actor.get_full_name() or entry.actor.username) if entry.actor else "",
            }
            for entry in LogEntry.objects.get_for_object(model(pk=pk)).select_related("actor")
        )
    log.sort(key=lambda e: e["time"])
    return {
        "exported_at": timezone.now().isoformat(),
        "exported_by": actor.get_full_name() or actor.username,
        "household_id": household.pk,
        "purpose_of_processing": household.processing_purpose,
        "consent_recorded_on": household.consent_recorded_on,
        "records": records,
        "log": log,
    }


def household_export_json(*, actor, household: Household) -> bytes:
    data = household_export(actor=actor, household=household)
    return json.dumps(data, cls=DjangoJSONEncoder, ensure_ascii=False, indent=1).encode()


@transaction.atomic
def household_correct(*, actor, household: Household, **fields) -> Household:
    """Correct a household's record at its request (Decree 13, art. 9(5)); the change is
    audited with before and after."""
    _check_can_manage(actor, household)
    household = Household.objects.select_for_update().get(pk=household.pk)
    if household.anonymised_at:
        raise ValidationError(_("Hộ đã được ẩn danh, không sửa được nữa."))
    if "phone" in fields:
        try:
            fields["phone"] = clean_phone(fields["phone"])
        except ValidationError as error:
            raise ValidationError({"phone": error.messages}) from None
    changed = []
    for name, value in fields.items():
        if name in CORRECTABLE_FIELDS and getattr(household, name) != value:
            setattr(household, name, value)
            changed.append(name)
    if not changed:
        return household
    household.full_clean()
    household.save(update_fields=[*changed, "search_name", "updated_at"])
    return household


@transaction.atomic
def household_consent_record(
    *, actor, household: Household, consent_recorded_on: datetime.date, processing_purpose: str
) -> Household:
    """Record the day the household agreed to the processing and for what purpose
    (Decree 13, art. 11: consent is specific to a stated purpose)."""
    _check_can_manage(actor, household)
    household = Household.objects.select_for_update().get(pk=household.pk)
    if household.anonymised_at:
        raise ValidationError(_("Hộ đã được ẩn danh."))
    if consent_recorded_on and consent_recorded_on > timezone.localdate():
        raise ValidationError({"consent_recorded_on": _("Ngày đồng ý không thể ở tương lai.")})
    purpose = (processing_purpose or "").strip()
    if not purpose:
        raise ValidationError({"processing_purpose": _("Xin ghi mục đích xử lý dữ liệu.")})
    household.consent_recorded_on = consent_recorded_on
    household.processing_purpose = purpose
    household.save(update_fields=["consent_recorded_on", "processing_purpose", "updated_at"])
    return household


def _free_text_fields(model) -> list[models.Field]:
    """Columns that may hold a name, an address or a story: text without fixed choices."""
    return [
        f
        for f in model._meta.concrete_fields
        if isinstance(f, models.CharField | models.TextField)
        and not f.choices
        and not f.unique
        and not f.primary_key
        and f.name not in KEEP_FIELDS
    ]


def _erase(rows, model) -> None:
    values = {}
    for f in _free_text_fields(model):
        if f.name in {"search_name"}:
            continue
        max_length = f.max_length or len(ERASED)
        values[f.name] = ERASED if max_length >= len(ERASED) else ""
    if "search_name" in {f.name for f in model._meta.concrete_fields}:
        values["search_name"] = ""
    if values:
        rows.update(**values)


@transaction.atomic
def household_anonymise(*, actor, household: Household) -> Household:
    """Erase the personal data of a household that has left (Decree 13, art. 16), keeping
    every row so that counts, sums and histories stay true: the household still counts in
    its area's figures for the years it lived there, its visits and support still count for
    the members who gave them. Names, addresses, phones and free text are replaced, on the
    household and on every row that points to it; the audit trail keeps who did what and
    when, but loses the erased values too."""
    _check_can_manage(actor, household)
    household = Household.objects.select_for_update().get(pk=household.pk)
    if household.anonymised_at:
        raise ValidationError(_("Hộ này đã được ẩn danh."))
    if household.left_on is None:
        raise ValidationError(_("Chỉ ẩn danh được hộ đã chuyển đi. Xin ghi ngày chuyển đi trước."))
    now = timezone.now()
    objects = [("households.Household", household.pk)]
    with disable_auditlog():
        dependants = _dependants(Household, [household.pk])
        for model, rows in dependants:
            objects.extend((model._meta.label, pk) for pk in rows.values_list("pk", flat=True))
        for model, rows in dependants:
            _erase(rows, model)
        Household.objects.filter(pk=household.pk).update(
            head_name=_("Hộ đã ẩn danh #%(pk)s") % {"pk": household.pk},
            search_name="",
            address="",
            phone="",
            notes="",
            anonymised_at=now,
        )
        # Shares give nobody a reason to see the household any more.
        household.shares.filter(ends_on__isnull=True).update(ends_on=timezone.localdate())
    log_redact(objects=objects, replacement=ERASED)
    LogEntry.objects.log_create(
        household,
        force_log=True,
        action=LogEntry.Action.UPDATE,
        actor=actor,
        object_repr=ERASED,
        changes={"anonymised_at": ["None", now.isoformat()]},
        serialized_data=None,
    )
    household.refresh_from_db()
    return household
