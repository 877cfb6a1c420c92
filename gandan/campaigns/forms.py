"""Forms of campaigns: they parse and show errors; the rules live in `services.py`."""

import uuid

from django import forms
from django.core import signing
from django.utils.translation import gettext_lazy as _

from gandan.campaigns.models import AccountabilityReview, Campaign, Measure

TOKEN_SALT = "gandan.campaigns.participation"  # noqa: S105  (a namespace, not a secret)
DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


def issue_token() -> str:
    """A submission token signed by the server, put in the form's hidden field."""
    return signing.Signer(salt=TOKEN_SALT).sign(str(uuid.uuid4()))


class CampaignForm(forms.Form):
    unit = forms.ModelChoiceField(label=_("Đơn vị phát động"), queryset=None, empty_label=None)
    title = forms.CharField(label=_("Tên phong trào"), max_length=200)
    goal = forms.CharField(label=_("Mục tiêu"), widget=forms.Textarea, required=False)
    measure = forms.ChoiceField(label=_("Đo bằng"), choices=Measure.choices)
    target_quantity = forms.IntegerField(
        label=_("Chỉ tiêu"),
        required=False,
        min_value=1,
        help_text=_("Theo đơn vị đo: đồng, mét, số căn nhà hoặc số hộ."),
    )
    starts_on = forms.DateField(label=_("Ngày bắt đầu"), widget=DATE)
    ends_on = forms.DateField(label=_("Ngày kết thúc"), widget=DATE, required=False)
    status = forms.ChoiceField(
        label=_("Trạng thái"), choices=Campaign.Status.choices, initial=Campaign.Status.ACTIVE
    )
    lag_margin_points = forms.IntegerField(
        label=_("Mức chậm cần nhắc (điểm phần trăm)"),
        initial=20,
        min_value=1,
        max_value=100,
        help_text=Campaign._meta.get_field("lag_margin_points").help_text,
    )

    def __init__(self, *args, units=None, editing=False, **kwargs):
        super().__init__(*args, **kwargs)
        if editing:
            del self.fields["unit"]
            del self.fields["measure"]
        else:
            self.fields["unit"].queryset = units


class ParticipationForm(forms.Form):
    household = forms.ModelChoiceField(label=_("Hộ"), queryset=None, empty_label=_("— Chọn hộ —"))
    contributed_on = forms.DateField(label=_("Ngày"), widget=DATE)
    quantity = forms.IntegerField(label=_("Số lượng"))
    site = forms.CharField(
        label=_("Tuyến, công trình"),
        max_length=100,
        required=False,
        help_text=_("Ví dụ: tuyến đường hoa xóm 1 (để trống nếu không có)."),
    )
    note = forms.CharField(label=_("Ghi chú"), max_length=500, required=False)
    token = forms.CharField(widget=forms.HiddenInput)

    def __init__(self, *args, households=None, quantity_label=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["household"].queryset = households
        if quantity_label:
            self.fields["quantity"].label = quantity_label

    def clean_token(self) -> uuid.UUID:
        try:
            return uuid.UUID(signing.Signer(salt=TOKEN_SALT).unsign(self.cleaned_data["token"]))
        except (signing.BadSignature, ValueError):
            raise forms.ValidationError(
                _("Phiếu nhập không hợp lệ. Tải lại trang rồi nhập lại.")
            ) from None


class ReviewOpenForm(forms.Form):
    meeting_on = forms.DateField(label=_("Ngày họp kiểm điểm"), widget=DATE)
    findings = forms.CharField(
        label=_("Nhận xét, nguyên nhân"), widget=forms.Textarea, required=False
    )
    follow_up = forms.CharField(
        label=_("Việc phải làm tiếp"), widget=forms.Textarea, required=False
    )


class ReviewForm(ReviewOpenForm):
    conclusion = forms.CharField(label=_("Kết luận"), widget=forms.Textarea, required=False)
    status = forms.ChoiceField(label=_("Trạng thái"), choices=AccountabilityReview.Status.choices)

    field_order = ["meeting_on", "findings", "conclusion", "follow_up", "status"]
