from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _

from gandan.org.models import Unit


class Target(models.Model):
    """Chỉ tiêu: what a unit (a commune committee or a cell) aims at for a year or a term.

    Only the aim is stored. Progress is always computed from the records (official poverty
    statuses, supports, visits, admissions) by `gandan.poverty.selectors.target_progress`,
    never typed in by hand."""

    class Kind(models.TextChoices):
        FEWER_POOR = "fewer_poor", _("giảm số hộ nghèo")
        FEWER_NEAR_POOR = "fewer_near_poor", _("giảm số hộ cận nghèo")
        HOUSES = "houses", _("nhà ở xây mới, sửa chữa cho hộ nghèo")
        NEW_MEMBERS = "new_members", _("kết nạp đảng viên mới")
        HOUSEHOLDS_VISITED = "households_visited", _("hộ được thăm")

    unit = models.ForeignKey(
        Unit, on_delete=models.CASCADE, related_name="targets", verbose_name=_("tổ chức đảng")
    )
    kind = models.CharField(_("loại chỉ tiêu"), max_length=20, choices=Kind.choices)
    amount = models.PositiveIntegerField(_("mức chỉ tiêu"))
    start_year = models.PositiveSmallIntegerField(_("từ năm"))
    end_year = models.PositiveSmallIntegerField(_("đến năm"))
    baseline = models.PositiveIntegerField(
        _("số đầu kỳ"),
        null=True,
        blank=True,
        help_text=_("Để trống: tính từ kết quả rà soát chính thức của năm đầu kỳ."),
    )
    description = models.CharField(_("nội dung"), max_length=300, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["unit_id", "start_year", "kind"]
        verbose_name = _("chỉ tiêu")
        verbose_name_plural = _("chỉ tiêu")
        constraints = [
            models.CheckConstraint(
                condition=Q(end_year__gte=F("start_year")),
                name="target_ends_after_start",
                violation_error_message=_("Năm kết thúc không được trước năm bắt đầu."),
            ),
            models.CheckConstraint(condition=Q(amount__gte=1), name="target_amount_positive"),
            models.CheckConstraint(
                condition=Q(start_year__gte=2000) & Q(end_year__lte=2100),
                name="target_years_plausible",
            ),
        ]

    def __str__(self) -> str:
        period = (
            str(self.start_year)
            if self.start_year == self.end_year
            else f"{self.start_year}–{self.end_year}"
        )
        return f"{self.unit}: {self.get_kind_display()} {self.amount} ({period})"
