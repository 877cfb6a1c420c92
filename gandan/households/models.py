from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _

from gandan.lib.text import fold
from gandan.org.models import Member
from gandan.places.models import Area


class Household(models.Model):
    """Hộ gia đình living in a residential area. Personal data: reached only through
    `gandan.access`, every change audited."""

    area = models.ForeignKey(
        Area, on_delete=models.PROTECT, related_name="households", verbose_name=_("khu dân cư")
    )
    head_name = models.CharField(_("chủ hộ"), max_length=100)
    search_name = models.CharField(max_length=100, editable=False, db_index=True)
    address = models.CharField(_("địa chỉ"), max_length=200, blank=True)
    residents_count = models.PositiveSmallIntegerField(_("số nhân khẩu"), default=1)
    ethnicity = models.CharField(_("dân tộc"), max_length=30, blank=True)
    phone = models.CharField(_("số điện thoại"), max_length=15, blank=True)
    notes = models.TextField(_("ghi chú"), blank=True)
    consent_recorded_on = models.DateField(_("ngày hộ đồng ý xử lý dữ liệu"), null=True, blank=True)
    processing_purpose = models.CharField(
        _("mục đích xử lý dữ liệu"),
        max_length=200,
        blank=True,
        default="Đảng viên phụ trách hộ: thăm hỏi, nắm tình hình, hỗ trợ giảm nghèo",
    )
    left_on = models.DateField(_("ngày chuyển đi"), null=True, blank=True)
    anonymised_at = models.DateTimeField(_("đã ẩn danh lúc"), null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["area_id", "head_name"]
        verbose_name = _("hộ gia đình")
        verbose_name_plural = _("hộ gia đình")
        constraints = [
            models.CheckConstraint(
                condition=Q(residents_count__gte=1) & Q(residents_count__lte=50),
                name="household_residents_count_plausible",
            )
        ]
        indexes = [models.Index(fields=["area", "left_on"], name="household_area_active_idx")]

    def __str__(self) -> str:
        return self.head_name

    def save(self, *args, **kwargs):
        # The folded key is derived data, kept next to the name it is derived from.
        self.search_name = fold(self.head_name)
        super().save(*args, **kwargs)


class Resident(models.Model):
    """Nhân khẩu: a person of the household, where known."""

    household = models.ForeignKey(
        Household, on_delete=models.CASCADE, related_name="residents", verbose_name=_("hộ")
    )
    full_name = models.CharField(_("họ và tên"), max_length=100)
    search_name = models.CharField(max_length=100, editable=False, db_index=True)
    birth_year = models.PositiveSmallIntegerField(_("năm sinh"), null=True, blank=True)
    gender = models.CharField(
        _("giới tính"), max_length=5, choices=[("nam", _("nam")), ("nu", _("nữ"))], blank=True
    )
    relation = models.CharField(_("quan hệ với chủ hộ"), max_length=30, blank=True)

    class Meta:
        ordering = ["household_id", "birth_year"]
        verbose_name = _("nhân khẩu")
        verbose_name_plural = _("nhân khẩu")

    def __str__(self) -> str:
        return self.full_name

    def save(self, *args, **kwargs):
        self.search_name = fold(self.full_name)
        super().save(*args, **kwargs)


class Assignment(models.Model):
    """Phân công phụ trách hộ: a member in charge of a household from `starts_on` until the
    day before `ends_on` (open when null). Effective-dated, so the history says who was in
    charge at the time of each visit. The database allows one open assignment per household."""

    household = models.ForeignKey(
        Household, on_delete=models.CASCADE, related_name="assignments", verbose_name=_("hộ")
    )
    member = models.ForeignKey(
        Member, on_delete=models.PROTECT, related_name="assignments", verbose_name=_("đảng viên")
    )
    starts_on = models.DateField(_("từ ngày"))
    ends_on = models.DateField(_("đến ngày"), null=True, blank=True)
    reason = models.CharField(_("lý do"), max_length=200, blank=True)
    assigned_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["household_id", "-starts_on"]
        verbose_name = _("phân công phụ trách hộ")
        verbose_name_plural = _("phân công phụ trách hộ")
        constraints = [
            models.UniqueConstraint(
                fields=["household"],
                condition=Q(ends_on__isnull=True),
                name="one_open_assignment_per_household",
                violation_error_message=_("Hộ này đã có đảng viên phụ trách."),
            ),
            models.CheckConstraint(
                condition=Q(ends_on__isnull=True) | Q(ends_on__gte=F("starts_on")),
                name="assignment_ends_after_start",
            ),
        ]
        indexes = [
            models.Index(
                fields=["member", "household"],
                condition=Q(ends_on__isnull=True),
                name="assignment_open_by_member_idx",
            )
        ]

    def __str__(self) -> str:
        return f"{self.member} → {self.household}"


class HouseholdShare(models.Model):
    """A household shown to one named member outside its cell, for a reason (e.g. a member of
    a twinned urban cell who helps a poor household of the village). Need-to-know: without a
    share, a partner cell sees aggregates only."""

    household = models.ForeignKey(Household, on_delete=models.CASCADE, related_name="shares")
    member = models.ForeignKey(Member, on_delete=models.CASCADE, related_name="shared_households")
    reason = models.CharField(_("lý do"), max_length=200)
    starts_on = models.DateField(_("từ ngày"))
    ends_on = models.DateField(_("đến ngày"), null=True, blank=True)
    granted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )

    class Meta:
        verbose_name = _("chia sẻ thông tin hộ")
        verbose_name_plural = _("chia sẻ thông tin hộ")
        constraints = [
            models.UniqueConstraint(
                fields=["household", "member"],
                condition=Q(ends_on__isnull=True),
                name="one_open_share_per_household_member",
            )
        ]

    def __str__(self) -> str:
        return f"{self.household} ↔ {self.member}"
