import uuid

from django import forms
from django.utils.translation import gettext_lazy as _

from gandan.care.models import Activity, Concern, ConcernStep, Support
from gandan.care.services import MAX_CONCERN, MAX_NOTES, SupportInput, VisitInput
from gandan.lib.dates import today


class VisitForm(forms.Form):
    """Recording a visit: date, what was done, notes; optionally a concern and support.
    The hidden `uuid` is issued when the form is shown, so a resubmission stores once."""

    uuid = forms.UUIDField(widget=forms.HiddenInput)
    visited_on = forms.DateField(
        label=_("Ngày thăm"), widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
    )
    activities = forms.MultipleChoiceField(
        label=_("Đã làm gì"),
        choices=Activity.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    notes = forms.CharField(
        label=_("Ghi chép"),
        required=False,
        max_length=MAX_NOTES,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    concern = forms.CharField(
        label=_("Tâm tư, nguyện vọng, kiến nghị của hộ (nếu có, gửi bí thư chi bộ)"),
        required=False,
        max_length=MAX_CONCERN,
        widget=forms.Textarea(attrs={"rows": 2}),
    )
    support_kind = forms.ChoiceField(
        label=_("Hỗ trợ đã giúp (nếu có)"),
        required=False,
        choices=[("", _("— không có —")), *Support.Kind.choices],
    )
    support_amount = forms.IntegerField(
        label=_("Giá trị (đồng)"), required=False, min_value=0, max_value=10_000_000_000
    )
    support_purpose = forms.CharField(label=_("Nội dung, mục đích"), required=False, max_length=200)
    support_lender = forms.CharField(
        label=_("Nơi cho vay (nếu là vay vốn)"), required=False, max_length=150
    )
    support_quantity = forms.IntegerField(
        label=_("Số ngày công, số lượng"), required=False, min_value=0, max_value=100_000
    )

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("initial", {})
        kwargs["initial"].setdefault("uuid", uuid.uuid4())
        kwargs["initial"].setdefault("visited_on", today())
        super().__init__(*args, **kwargs)

    def clean(self):
        data = super().clean()
        kind = data.get("support_kind")
        if not kind and any(
            data.get(f) for f in ("support_amount", "support_purpose", "support_lender")
        ):
            self.add_error("support_kind", _("Hãy chọn loại hỗ trợ."))
        return data

    def to_input(self, household_id: int) -> VisitInput:
        d = self.cleaned_data
        support = []
        if d.get("support_kind"):
            support.append(
                SupportInput(
                    kind=d["support_kind"],
                    amount=d.get("support_amount") or 0,
                    lender=d.get("support_lender") or "",
                    purpose=d.get("support_purpose") or "",
                    quantity=d.get("support_quantity"),
                )
            )
        return VisitInput(
            household_id=household_id,
            visited_on=d["visited_on"],
            activities=list(d.get("activities") or []),
            notes=d.get("notes") or "",
            concerns=[d["concern"]] if d.get("concern") else [],
            support=support,
        )


class VisitEditForm(forms.Form):
    visited_on = forms.DateField(
        label=_("Ngày thăm"), widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
    )
    activities = forms.MultipleChoiceField(
        label=_("Đã làm gì"),
        choices=Activity.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    notes = forms.CharField(
        label=_("Ghi chép"), required=False, max_length=MAX_NOTES, widget=forms.Textarea
    )


class ConcernActionForm(forms.Form):
    action = forms.ChoiceField(
        label=_("Việc"),
        choices=[
            (a, label) for a, label in ConcernStep.Action.choices if a != ConcernStep.Action.RAISED
        ],
    )
    answer = forms.CharField(
        label=_("Nội dung trả lời, ghi chú"),
        required=False,
        max_length=MAX_CONCERN,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    forwarded_to = forms.CharField(
        label=_("Chuyển đến (UBND xã, Hội Nông dân, ...)"), required=False, max_length=150
    )


class ConcernFilterForm(forms.Form):
    status = forms.ChoiceField(
        label=_("Trạng thái"),
        required=False,
        choices=[("", _("Tất cả")), *Concern.Status.choices],
    )
