from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

# Models holding personal or party data, named by label so this bottom-layer app imports no
# domain app. A label whose model does not exist (yet) is skipped.
AUDITED_MODELS: dict[str, dict] = {
    "accounts.User": {"exclude_fields": ["password", "last_login"]},
    "accounts.Token": {"exclude_fields": ["digest", "last_used_at"]},
    "accounts.SetupCode": {"exclude_fields": ["digest"]},
    "org.Member": {"exclude_fields": ["search_name"], "serialize_data": True},
    "org.Role": {"serialize_data": True},
    "org.MassOrgPosition": {"serialize_data": True},
    "households.Household": {"exclude_fields": ["search_name", "updated_at"]},
    "households.Resident": {"exclude_fields": ["search_name"], "serialize_data": True},
    "households.Assignment": {"serialize_data": True},
    "households.HouseholdShare": {"serialize_data": True},
}

# Every model of these apps is about households, members or cells: all of them are audited,
# so a model added later is covered without a change here.
AUDITED_APPS = ("care", "poverty", "campaigns", "twinning")

# Derived columns that only repeat other fields.
DERIVED_FIELDS = {"search_name", "updated_at"}


def audited_models():
    """(model, options) for every model the audit trail covers."""
    from django.apps import apps

    found = []
    for label, options in AUDITED_MODELS.items():
        try:
            found.append((apps.get_model(label), options))
        except LookupError:
            continue
    for app_label in AUDITED_APPS:
        try:
            config = apps.get_app_config(app_label)
        except LookupError:
            continue
        for model in config.get_models():
            names = {f.name for f in model._meta.concrete_fields}
            found.append(
                (model, {"exclude_fields": sorted(names & DERIVED_FIELDS), "serialize_data": True})
            )
    return found


class AuditConfig(AppConfig):
    name = "gandan.audit"
    verbose_name = _("Nhật ký")

    def ready(self):
        from auditlog.registry import auditlog

        for model, options in audited_models():
            if not auditlog.contains(model):
                auditlog.register(model, **options)
