from django import forms
from django.utils.translation import gettext_lazy as _

from gandan.lib.ethnicities import ETHNICITY_CHOICES
from gandan.lib.validators import clean_birth_year, clean_phone
from gandan.org.models import Member
from gandan.org.services import MEMBER_FIELDS


class DateInput(forms.DateInput):
    input_type = "date"

    def __init__(self, **kwargs):
        super().__init__(format="%Y-%m-%d", **kwargs)


class MemberForm(forms.ModelForm):
    ethnicity = forms.ChoiceField(label=_("Dân tộc"), choices=ETHNICITY_CHOICES, required=False)

    class Meta:
        model = Member
        fields = MEMBER_FIELDS
        widgets = {
            "admitted_on": DateInput(),
            "confirmed_on": DateInput(),
            "left_on": DateInput(),
            "phone": forms.TextInput(attrs={"inputmode": "tel", "autocomplete": "off"}),
            "birth_year": forms.NumberInput(attrs={"inputmode": "numeric"}),
        }
        help_texts = {
            "phone": _("Đảng viên dùng số này để đăng nhập."),
            "availability": _("Đảng viên tuổi cao, ốm đau, đi xa sẽ không được chia hộ."),
        }

    def clean_phone(self):
        return clean_phone(self.cleaned_data.get("phone", ""))

    def clean_birth_year(self):
        return clean_birth_year(self.cleaned_data.get("birth_year"), min_age=18)
