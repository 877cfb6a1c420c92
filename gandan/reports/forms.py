import datetime

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from gandan.lib.dates import today
from gandan.lib.excel import MAX_UPLOAD_BYTES
from gandan.reports.selectors import FIRST_YEAR


class YearForm(forms.Form):
    year = forms.IntegerField(label=_("Năm"), min_value=FIRST_YEAR, required=False)

    def clean_year(self):
        year = self.cleaned_data["year"]
        if year is not None and year > today().year + 1:
            raise ValidationError(_("Năm %(y)s chưa tới.") % {"y": year})
        return year or today().year


class PeriodForm(forms.Form):
    """A period of visits to export: at most a year at a time."""

    start = forms.DateField(label=_("Từ ngày"), widget=forms.DateInput(attrs={"type": "date"}))
    end = forms.DateField(label=_("Đến ngày"), widget=forms.DateInput(attrs={"type": "date"}))

    def clean(self):
        data = super().clean()
        start, end = data.get("start"), data.get("end")
        if start and end:
            if end < start:
                raise ValidationError({"end": _("Ngày kết thúc phải sau ngày bắt đầu.")})
            if end - start > datetime.timedelta(days=366):
                raise ValidationError({"end": _("Mỗi lần xuất tối đa một năm.")})
        return data


class UploadForm(forms.Form):
    file = forms.FileField(
        label=_("Tệp Excel danh sách hộ (.xlsx)"),
        help_text=_("Dùng tệp mẫu; tối đa 2 MB, 5.000 hộ."),
        widget=forms.ClearableFileInput(attrs={"accept": ".xlsx"}),
    )

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if upload.size > MAX_UPLOAD_BYTES:
            raise ValidationError(_("Tệp quá lớn (tối đa 2 MB). Hãy chia thành nhiều tệp."))
        return upload


class ConfirmForm(forms.Form):
    token = forms.CharField(max_length=64)
