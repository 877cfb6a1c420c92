"""Campaigns (phong trào, cuộc vận động), household participation and accountability reviews
(kiểm điểm trách nhiệm).

A commune or a cell launches a campaign with one measure; each household's participation is
recorded with a quantity in that measure's unit. Progress, the per-group breakdown and the lag
flags are derived from these records in `selectors.py`, never typed in by hand.
"""

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _

from gandan.households.models import Household
from gandan.org.models import Member, Unit


class Measure(models.TextChoices):
    """What a campaign counts. Metres are stored as metres (street lights are shown in km)."""

    FUND = "fund", _("Tiền ủng hộ quỹ (đồng)")
    FLOWER_ROAD = "flower_road", _("Đường hoa (mét)")
    STREET_LIGHTS = "street_lights", _("Thắp sáng đường quê (mét)")
    HOUSES = "houses", _("Nhà tạm được thay, nhà mới (căn)")
    PARTICIPATION = "participation", _("Hộ tham gia")


# The most one record may carry, per measure: larger figures are typing errors (an extra zero),
# refused with a message. One house per household and "took part" are counted once per household.
MAX_PER_RECORD = {
    Measure.FUND: 100_000_000,
    Measure.FLOWER_ROAD: 2_000,
    Measure.STREET_LIGHTS: 5_000,
    Measure.HOUSES: 1,
    Measure.PARTICIPATION: 1,
}
ONCE_PER_HOUSEHOLD = {Measure.HOUSES, Measure.PARTICIPATION}


class Campaign(models.Model):
    """Phong trào, cuộc vận động of a commune committee or a cell, with one measure."""

    class Status(models.TextChoices):
        PLANNED = "planned", _("chuẩn bị")
        ACTIVE = "active", _("đang triển khai")
        FINISHED = "finished", _("đã tổng kết")

    unit = models.ForeignKey(
        Unit,
        on_delete=models.PROTECT,
        related_name="campaigns",
        verbose_name=_("đơn vị phát động"),
        limit_choices_to={"kind__in": [Unit.Kind.COMMITTEE, Unit.Kind.CELL]},
    )
    title = models.CharField(_("tên phong trào"), max_length=200)
    goal = models.TextField(_("mục tiêu"), blank=True)
    measure = models.CharField(_("đo bằng"), max_length=20, choices=Measure.choices)
    target_quantity = models.PositiveBigIntegerField(_("chỉ tiêu"), null=True, blank=True)
    starts_on = models.DateField(_("ngày bắt đầu"))
    ends_on = models.DateField(_("ngày kết thúc"), null=True, blank=True)
    status = models.CharField(
        _("trạng thái"), max_length=10, choices=Status.choices, default=Status.ACTIVE
    )
    lag_margin_points = models.PositiveSmallIntegerField(
        _("mức chậm cần nhắc (điểm phần trăm)"),
        default=20,
        help_text=_(
            "Nhóm hộ có tỷ lệ tham gia thấp hơn mức chung của phong trào từ chừng này điểm "
            "phần trăm trở lên thì được đánh dấu để chi bộ nhắc nhở."
        ),
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-starts_on", "pk"]
        verbose_name = _("phong trào")
        verbose_name_plural = _("phong trào")
        constraints = [
            models.CheckConstraint(
                condition=Q(ends_on__isnull=True) | Q(ends_on__gte=F("starts_on")),
                name="campaign_ends_after_start",
            ),
            models.CheckConstraint(
                condition=Q(lag_margin_points__gte=1) & Q(lag_margin_points__lte=100),
                name="campaign_lag_margin_in_range",
            ),
        ]

    def __str__(self) -> str:
        return self.title

    @property
    def is_commune_wide(self) -> bool:
        return self.unit.kind == Unit.Kind.COMMITTEE


class Participation(models.Model):
    """One household's contribution to or participation in a campaign (đóng góp, tham gia).

    `submission_token` is issued by the server with the form (or by the client's outbox): a
    second submission with the same token returns the first record instead of counting twice.
    """

    campaign = models.ForeignKey(
        Campaign,
        on_delete=models.CASCADE,
        related_name="participations",
        verbose_name=_("phong trào"),
    )
    household = models.ForeignKey(
        Household,
        on_delete=models.PROTECT,
        related_name="campaign_participations",
        verbose_name=_("hộ"),
    )
    contributed_on = models.DateField(_("ngày"))
    quantity = models.PositiveBigIntegerField(_("số lượng"))
    site = models.CharField(_("tuyến, công trình"), max_length=100, blank=True)
    note = models.CharField(_("ghi chú"), max_length=500, blank=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    submission_token = models.UUIDField(null=True, blank=True, unique=True, editable=False)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-contributed_on", "-pk"]
        verbose_name = _("đóng góp, tham gia")
        verbose_name_plural = _("đóng góp, tham gia")
        constraints = [
            models.CheckConstraint(condition=Q(quantity__gte=1), name="participation_positive")
        ]
        indexes = [
            models.Index(fields=["campaign", "household"], name="participation_campaign_hh_idx")
        ]

    def __str__(self) -> str:
        return f"{self.household} — {self.campaign}"


class AccountabilityReview(models.Model):
    """Kiểm điểm trách nhiệm: the cell reviews the member in charge of a group of households
    whose participation in a campaign lags (see `selectors.campaign_progress`). The figures at
    the time the review was opened are kept, since the live ones keep changing."""

    class Status(models.TextChoices):
        OPEN = "open", _("đang kiểm điểm")
        CONCLUDED = "concluded", _("đã kết luận")
        RESOLVED = "resolved", _("đã khắc phục")

    campaign = models.ForeignKey(
        Campaign, on_delete=models.PROTECT, related_name="reviews", verbose_name=_("phong trào")
    )
    member = models.ForeignKey(
        Member,
        on_delete=models.PROTECT,
        related_name="accountability_reviews",
        verbose_name=_("đảng viên"),
    )
    meeting_on = models.DateField(_("ngày họp kiểm điểm"))
    findings = models.TextField(_("nhận xét, nguyên nhân"), blank=True)
    conclusion = models.TextField(_("kết luận"), blank=True)
    follow_up = models.TextField(_("việc phải làm tiếp"), blank=True)
    status = models.CharField(
        _("trạng thái"), max_length=10, choices=Status.choices, default=Status.OPEN
    )
    group_households = models.PositiveIntegerField(_("số hộ trong nhóm"))
    group_participating = models.PositiveIntegerField(_("số hộ tham gia"))
    campaign_rate_percent = models.PositiveSmallIntegerField(_("tỷ lệ chung (%)"))
    opened_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["-meeting_on", "-pk"]
        verbose_name = _("kiểm điểm trách nhiệm")
        verbose_name_plural = _("kiểm điểm trách nhiệm")
        constraints = [
            models.UniqueConstraint(
                fields=["campaign", "member"],
                name="one_review_per_member_and_campaign",
                violation_error_message=_("Đã có kiểm điểm của đồng chí này trong phong trào."),
            ),
            models.CheckConstraint(
                condition=Q(group_participating__lte=F("group_households")),
                name="review_participating_within_group",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.member} — {self.campaign}"

    @property
    def group_rate_percent(self) -> int:
        if not self.group_households:
            return 0
        return round(100 * self.group_participating / self.group_households)


QUANTITY_LABEL = {
    Measure.FUND: _("Số tiền (đồng)"),
    Measure.FLOWER_ROAD: _("Số mét đường hoa"),
    Measure.STREET_LIGHTS: _("Số mét đường có đèn"),
    Measure.HOUSES: _("Số căn nhà (1)"),
    Measure.PARTICIPATION: _("Số hộ (1)"),
}
