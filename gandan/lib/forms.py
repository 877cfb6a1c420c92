"""Service rule errors shown on forms: next to their field, or above the form."""

from django.core.exceptions import ValidationError


def add_rule_errors(form, error: ValidationError, default_field: str | None = None) -> None:
    """Put a service's ValidationError on `form`: a dict's keys name fields (unknown ones go to
    `default_field`, or above the form); a plain message goes to `default_field` or above."""
    if hasattr(error, "error_dict"):
        for field, errors in error.error_dict.items():
            form.add_error(field if field in form.fields else default_field, errors)
    else:
        form.add_error(default_field, error)


def apply_service(form, service, **kwargs):
    """Call `service` with the form's cleaned data; on a rule error, show it on the form and
    return None."""
    try:
        return service(**kwargs, **form.cleaned_data)
    except ValidationError as error:
        add_rule_errors(form, error)
        return None
