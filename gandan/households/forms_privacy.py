from django import forms
from django.utils.translation import gettext_lazy as _

from gandan.households.models import Household
from gandan.households.privacy import CORRECTABLE_FIELDS
from gandan.lib.ethnicities import ETHNICITY_CHOICES
from gandan.lib.validators import clean_phone


class DateInput(forms.DateInput):
    input_type = "date"

    def __init__(self, **kwargs):
        super().__init__(format="%Y-%m-%d", **kwargs)


class HouseholdCorrectForm(forms.ModelForm):
    ethnicity = forms.ChoiceField(label=_("Dân tộc"), choices=ETHNICITY_CHOICES, required=False)

    class Meta:
        model = Household
        fields = CORRECTABLE_FIELDS
        widgets = {
            "phone": forms.TextInput(attrs={"inputmode": "tel", "autocomplete": "off"}),
            "residents_count": forms.NumberInput(attrs={"inputmode": "numeric"}),
            "notes": forms.Textarea(attrs={"rows": 3}),
        }

    def clean_phone(self):
        return clean_phone(self.cleaned_data.get("phone", ""))

    def clean_residents_count(self):
        count = self.cleaned_data.get("residents_count")
        if count is not None and not 1 <= count <= 50:
            raise forms.ValidationError(_("Số nhân khẩu từ 1 đến 50."))
        return count


class ConsentForm(forms.ModelForm):
    class Meta:
        model = Household
        fields = ["consent_recorded_on", "processing_purpose"]
        widgets = {"consent_recorded_on": DateInput()}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["consent_recorded_on"].required = True
        self.fields["processing_purpose"].required = True
