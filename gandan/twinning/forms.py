"""Forms of the twinning pages. They only parse input; the rules live in `services`."""

from django import forms
from django.utils.translation import gettext_lazy as _

from gandan.org.models import MassOrgPosition, Member, Unit
from gandan.poverty.models import Target
from gandan.twinning.models import Agreement, Candidate, Content, Contribution, Review, Task


class DateInput(forms.DateInput):
    input_type = "date"

    def __init__(self, **kwargs):
        super().__init__(format="%Y-%m-%d", **kwargs)


def date_field(label, required=True, help_text=""):
    return forms.DateField(label=label, required=required, widget=DateInput(), help_text=help_text)


class CellChoice(forms.ModelChoiceField):
    def label_from_instance(self, obj):
        return obj.name


class CellsChoice(forms.ModelMultipleChoiceField):
    def label_from_instance(self, obj):
        return obj.name


class MemberChoice(forms.ModelChoiceField):
    def label_from_instance(self, obj):
        return f"{obj.full_name} — {obj.cell.name}"


class AgreementForm(forms.Form):
    committee = forms.ModelChoiceField(label=_("Đảng ủy xã, phường"), queryset=Unit.objects.none())
    title = forms.CharField(label=_("Tên giao ước"), max_length=200)
    helping_cells = CellsChoice(
        label=_("Chi bộ bên giúp đỡ (tổ dân phố, thôn)"),
        queryset=Unit.objects.none(),
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )
    village_cells = CellsChoice(
        label=_("Chi bộ bên được giúp đỡ (làng)"),
        queryset=Unit.objects.none(),
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )
    starts_on = date_field(_("Thời hạn từ ngày"))
    ends_on = date_field(_("Đến ngày"))
    signed_on = date_field(_("Ngày ký kết"), required=False)
    document_number = forms.CharField(label=_("Số văn bản"), max_length=50, required=False)
    document_text = forms.CharField(
        label=_("Nội dung văn bản"), widget=forms.Textarea, required=False
    )
    document_file = forms.FileField(label=_("Tệp văn bản (không bắt buộc)"), required=False)

    def __init__(self, *args, committees, cells, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["committee"].queryset = committees
        self.fields["helping_cells"].queryset = cells
        self.fields["village_cells"].queryset = cells
        if committees.count() == 1:
            self.fields["committee"].initial = committees.first()


class AdvanceForm(forms.Form):
    status = forms.ChoiceField(choices=Agreement.Status.choices, widget=forms.HiddenInput)
    signed_on = date_field(_("Ngày ký kết"), required=False)


class TargetLinkForm(forms.Form):
    target = forms.ModelChoiceField(label=_("Chỉ tiêu của làng"), queryset=Target.objects.none())

    def __init__(self, *args, targets, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["target"].queryset = targets


class TaskForm(forms.Form):
    content = forms.ModelChoiceField(label=_("Nội dung phối hợp"), queryset=Content.objects.none())
    title = forms.CharField(label=_("Việc cần làm"), max_length=300)
    organisation = forms.ChoiceField(
        label=_("Đoàn thể, ban nhân dân nhận việc"),
        choices=[("", _("— không —")), *MassOrgPosition.Organisation.choices],
        required=False,
    )
    cell = CellChoice(
        label=_("Chi bộ nhận việc (hoặc chi bộ của đoàn thể)"),
        queryset=Unit.objects.none(),
        required=False,
    )
    due_on = date_field(_("Hạn"), required=False)

    def __init__(self, *args, agreement, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["content"].queryset = agreement.contents.order_by("kind")
        self.fields["cell"].queryset = Unit.objects.filter(
            pk__in=agreement.sides.values("cell_id")
        ).order_by("name")


class TaskUpdateForm(forms.Form):
    status = forms.ChoiceField(label=_("Tình trạng"), choices=Task.Status.choices)
    done_on = date_field(_("Ngày xong"), required=False, help_text=_("Để trống: hôm nay."))
    result = forms.CharField(label=_("Kết quả"), widget=forms.Textarea, required=False)


class ContributionForm(forms.Form):
    kind = forms.ChoiceField(label=_("Loại đóng góp"), choices=Contribution.Kind.choices)
    given_on = date_field(_("Ngày trao"))
    description = forms.CharField(label=_("Nội dung"), max_length=300)
    quantity = forms.IntegerField(
        label=_("Số lượng"),
        required=False,
        help_text=_("Số suất quà, số ngày công, số lượng vật tư."),
        widget=forms.NumberInput(attrs={"inputmode": "numeric", "min": 0}),
    )
    quantity_unit = forms.CharField(label=_("Đơn vị tính"), max_length=30, required=False)
    value = forms.IntegerField(
        label=_("Trị giá (đồng)"),
        required=False,
        widget=forms.NumberInput(attrs={"inputmode": "numeric", "min": 0}),
    )
    giver_cell = CellChoice(label=_("Chi bộ trao"), queryset=Unit.objects.none(), required=False)
    giver_member = MemberChoice(
        label=_("hoặc đảng viên trao"), queryset=Member.objects.none(), required=False
    )
    giver_enterprise = forms.CharField(
        label=_("hoặc doanh nghiệp trao (tên)"), max_length=200, required=False
    )
    receiver_cell = CellChoice(label=_("Làng nhận"), queryset=Unit.objects.none())
    recipients = forms.ModelMultipleChoiceField(
        label=_("Hộ nhận (để trống: cả làng)"),
        queryset=Unit.objects.none(),
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )
    content = forms.ModelChoiceField(
        label=_("Thuộc nội dung"), queryset=Content.objects.none(), required=False
    )

    def __init__(self, *args, agreement, side_cells, village_cells, members, households, **kw):
        super().__init__(*args, **kw)
        self.fields["giver_cell"].queryset = side_cells
        self.fields["giver_member"].queryset = members
        self.fields["receiver_cell"].queryset = village_cells
        self.fields["recipients"].queryset = households
        self.fields["content"].queryset = agreement.contents.order_by("kind")
        if village_cells.count() == 1:
            self.fields["receiver_cell"].initial = village_cells.first()

    def clean(self):
        data = super().clean()
        data["quantity"] = data.get("quantity") or 0
        data["value"] = data.get("value") or 0
        return data


class ReviewForm(forms.Form):
    kind = forms.ChoiceField(label=_("Loại"), choices=Review.Kind.choices)
    period_start = date_field(_("Kỳ từ ngày"))
    period_end = date_field(_("Đến ngày"))
    held_on = date_field(_("Ngày họp"))
    done = forms.CharField(label=_("Những việc đã làm được"), widget=forms.Textarea, required=False)
    not_done = forms.CharField(
        label=_("Những việc chưa làm được"), widget=forms.Textarea, required=False
    )
    lessons = forms.CharField(label=_("Bài học kinh nghiệm"), widget=forms.Textarea, required=False)
    next_plan = forms.CharField(
        label=_("Phương hướng, kế hoạch tiếp theo"), widget=forms.Textarea, required=False
    )


class ReviewEditForm(forms.Form):
    done = ReviewForm.base_fields["done"]
    not_done = ReviewForm.base_fields["not_done"]
    lessons = ReviewForm.base_fields["lessons"]
    next_plan = ReviewForm.base_fields["next_plan"]
    refresh_figures = forms.BooleanField(
        label=_("Lấy lại số liệu của kỳ từ sổ sách hôm nay"), required=False
    )


class ShareForm(forms.Form):
    household = forms.ModelChoiceField(label=_("Hộ"), queryset=Unit.objects.none())
    member = MemberChoice(label=_("Đảng viên chi bộ kết nghĩa"), queryset=Member.objects.none())
    reason = forms.CharField(label=_("Lý do"), max_length=200)
    starts_on = date_field(_("Từ ngày"), required=False, help_text=_("Để trống: hôm nay."))

    def __init__(self, *args, households, members, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["household"].queryset = households
        self.fields["member"].queryset = members


class CandidateForm(forms.Form):
    cell = CellChoice(label=_("Chi bộ theo dõi"), queryset=Unit.objects.none())
    full_name = forms.CharField(label=_("Họ và tên"), max_length=100)
    birth_date = date_field(_("Ngày sinh"))
    gender = forms.ChoiceField(
        label=_("Giới tính"),
        choices=[("", "—"), ("nam", _("nam")), ("nu", _("nữ"))],
        required=False,
    )
    ethnicity = forms.CharField(label=_("Dân tộc"), max_length=30, required=False)
    organisation = forms.ChoiceField(
        label=_("Đoàn thể"),
        choices=[("", _("— không —")), *MassOrgPosition.Organisation.choices],
        required=False,
    )
    position = forms.CharField(label=_("Chức vụ"), max_length=100, required=False)
    helper = MemberChoice(
        label=_("Đảng viên giúp đỡ"), queryset=Member.objects.none(), required=False
    )
    agreement = forms.ModelChoiceField(
        label=_("Thuộc giao ước kết nghĩa"), queryset=Agreement.objects.none(), required=False
    )
    identified_on = date_field(_("Ngày đưa vào diện theo dõi"))
    notes = forms.CharField(label=_("Ghi chú"), widget=forms.Textarea, required=False)

    def __init__(self, *args, cells, helpers, agreements, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["cell"].queryset = cells
        self.fields["helper"].queryset = helpers
        self.fields["agreement"].queryset = agreements


class StageForm(forms.Form):
    stage = forms.ChoiceField(choices=Candidate.Stage.choices, widget=forms.HiddenInput)
    on = date_field(_("Ngày"))
    introducer_1 = MemberChoice(
        label=_("Đảng viên giới thiệu thứ nhất"), queryset=Member.objects.none(), required=False
    )
    introducer_1_since = date_field(
        _("Cùng công tác, cư trú với người vào Đảng từ ngày"), required=False
    )
    introducer_2 = MemberChoice(
        label=_("Đảng viên giới thiệu thứ hai"), queryset=Member.objects.none(), required=False
    )
    introducer_2_since = date_field(
        _("Cùng công tác, cư trú với người vào Đảng từ ngày"), required=False
    )
    youth_union_resolution = forms.CharField(
        label=_("hoặc nghị quyết giới thiệu của Đoàn cơ sở (số, ngày)"),
        max_length=100,
        required=False,
    )

    def __init__(self, *args, introducers, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["introducer_1"].queryset = introducers
        self.fields["introducer_2"].queryset = introducers
