from django import forms
from django.utils.translation import gettext_lazy as _

from gandan.poverty.models import Assessment, Status, Target


class AssessmentForm(forms.Form):
    """The official status of a household for a year, with the survey behind it."""

    year = forms.IntegerField(label=_("Năm rà soát"), min_value=2000, max_value=2100)
    status = forms.ChoiceField(
        label=_("Kết quả chính thức"), choices=Status.choices, widget=forms.RadioSelect
    )
    kind = forms.ChoiceField(
        label=_("Hình thức rà soát"),
        choices=Assessment.Kind.choices,
        initial=Assessment.Kind.PERIODIC,
        widget=forms.RadioSelect,
    )
    decided_on = forms.DateField(
        label=_("Ngày quyết định"), widget=forms.DateInput(attrs={"type": "date"})
    )
    decided_by = forms.CharField(
        label=_("Cơ quan quyết định"),
        max_length=150,
        help_text=_("Ví dụ: Chủ tịch UBND xã Bình An"),
    )
    income_per_person = forms.IntegerField(
        label=_("Thu nhập bình quân (đồng mỗi người mỗi tháng)"),
        required=False,
        help_text=_("Để trống nếu không có phiếu khảo sát."),
        widget=forms.NumberInput(attrs={"inputmode": "numeric"}),
    )
    deprived_codes = forms.MultipleChoiceField(
        label=_("Chỉ số thiếu hụt"),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    reason = forms.CharField(
        label=_("Lý do (khi kết quả chính thức khác kết quả tính theo chuẩn)"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
    )

    def __init__(self, *args, standard=None, **kwargs):
        super().__init__(*args, **kwargs)
        indicators = list(standard.indicators.all()) if standard else []
        self.fields["deprived_codes"].choices = [
            (i.code, f"{i.dimension}: {i.name}") for i in indicators
        ]


class TargetForm(forms.Form):
    kind = forms.ChoiceField(label=_("Loại chỉ tiêu"), choices=Target.Kind.choices)
    amount = forms.IntegerField(label=_("Mức chỉ tiêu (số hộ, số nhà, số đảng viên)"))
    start_year = forms.IntegerField(label=_("Từ năm"))
    end_year = forms.IntegerField(label=_("Đến năm"))
    baseline = forms.IntegerField(
        label=_("Số đầu kỳ"),
        required=False,
        help_text=_("Để trống: tính từ kết quả rà soát chính thức (năm trước năm đầu kỳ)."),
    )
    description = forms.CharField(label=_("Nội dung"), max_length=300, required=False)


class ReviewAdvanceForm(forms.Form):
    on = forms.DateField(label=_("Ngày"), widget=forms.DateInput(attrs={"type": "date"}))
    agreement_percent = forms.IntegerField(label=_("Tỉ lệ người dự họp đồng ý (%)"), required=False)


class ReviewOpenForm(forms.Form):
    year = forms.IntegerField(label=_("Năm"), min_value=2000, max_value=2100)
    opened_on = forms.DateField(
        label=_("Ngày bắt đầu"), widget=forms.DateInput(attrs={"type": "date"})
    )
