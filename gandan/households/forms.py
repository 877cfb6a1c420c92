from django import forms
from django.utils.translation import gettext_lazy as _

from gandan.lib.dates import today


class MemberChoiceForm(forms.Form):
    """Choose the member in charge (assign or reassign), from a given queryset of members."""

    member = forms.ModelChoiceField(label=_("Đảng viên phụ trách"), queryset=None)
    on = forms.DateField(
        label=_("Từ ngày"),
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
    )
    reason = forms.CharField(
        label=_("Lý do (chuyển nơi ở, từ trần, chuyển sinh hoạt, ...)"),
        required=False,
        max_length=200,
    )

    def __init__(self, *args, members, **kwargs):
        kwargs.setdefault("initial", {}).setdefault("on", today())
        super().__init__(*args, **kwargs)
        self.fields["member"].queryset = members
        self.fields["member"].error_messages["invalid_choice"] = _(
            "Đảng viên này không thể nhận phụ trách hộ."
        )


class ProposalForm(forms.Form):
    """The reviewed proposal: one choice of member per unassigned household."""

    starts_on = forms.DateField(
        label=_("Bắt đầu phụ trách từ ngày"),
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
    )

    def __init__(self, *args, households, members, proposal: dict, **kwargs):
        kwargs.setdefault("initial", {}).setdefault("starts_on", today())
        super().__init__(*args, **kwargs)
        choices = [("", _("— để sau —"))] + [(str(m.pk), m.full_name) for m in members]
        self.households = households
        self.members = {m.pk: m for m in members}
        for h in households:
            self.fields[f"h{h.pk}"] = forms.TypedChoiceField(
                label=h.head_name,
                choices=choices,
                required=False,
                coerce=int,
                empty_value=None,
                initial=proposal.get(h.pk),
            )

    def rows(self):
        for h in self.households:
            yield h, self[f"h{h.pk}"]

    def pairs(self):
        return [
            (h, self.members[self.cleaned_data[f"h{h.pk}"]])
            for h in self.households
            if self.cleaned_data.get(f"h{h.pk}")
        ]
