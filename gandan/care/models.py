"""Visits, concerns and support: what members in charge of households do and record.

Scale: a province has about a million households and 12 million visits a year. The visit table
is kept simple (no generic relations, the activity codes in one JSON list) so that on
PostgreSQL it can be range-partitioned by year of `visited_on` without touching the code: every
query that lists visits filters on a household or a member and a date range, which the two
indexes below serve inside each partition.
"""

import uuid as uuid_lib

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from gandan.households.models import Household
from gandan.org.models import Member, Unit


class Activity(models.TextChoices):
    """What was done on a visit."""

    POLICY = "policy", _("Tuyên truyền, giải thích chính sách")
    PRODUCTION = "production", _("Hướng dẫn sản xuất (chống rét, thức ăn cho vật nuôi)")
    VACCINATION = "vaccination", _("Tiêm phòng cho vật nuôi")
    LOAN = "loan", _("Giúp vay vốn")
    HEALTH = "health", _("Sức khỏe, vệ sinh môi trường")
    OTHER = "other", _("Việc khác")


class Visit(models.Model):
    """Thăm hộ, nắm tình hình: one visit by the member in charge at the time.

    `uuid` is issued by the server in the form (no JavaScript) or by the phone's outbox, and is
    the idempotency key: the same visit sent twice is stored once. The author may edit a visit
    for `settings.GANDAN["VISIT_EDIT_WINDOW_HOURS"]` after it was recorded; each change keeps
    the previous content in `VisitRevision`.

    Partitioning at province scale: range-partition by year of `visited_on`; the unique `uuid`
    then needs `visited_on` in the key, or a separate small uuid table, when that is done.
    """

    uuid = models.UUIDField(_("mã lần thăm"), unique=True, default=uuid_lib.uuid4, editable=False)
    household = models.ForeignKey(
        Household, on_delete=models.PROTECT, related_name="visits", verbose_name=_("hộ")
    )
    member = models.ForeignKey(
        Member, on_delete=models.PROTECT, related_name="visits", verbose_name=_("đảng viên")
    )
    visited_on = models.DateField(_("ngày thăm"))
    activities = models.JSONField(_("việc đã làm"), default=list, blank=True)
    notes = models.TextField(_("ghi chép"), blank=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(_("ghi lúc"), auto_now_add=True)
    updated_at = models.DateTimeField(_("sửa lúc"), auto_now=True)
    revision_count = models.PositiveSmallIntegerField(_("số lần sửa"), default=0)

    class Meta:
        ordering = ["-visited_on", "-created_at"]
        verbose_name = _("lần thăm hộ")
        verbose_name_plural = _("lần thăm hộ")
        indexes = [
            models.Index(fields=["household", "visited_on"], name="visit_household_date_idx"),
            models.Index(fields=["member", "visited_on"], name="visit_member_date_idx"),
        ]

    def __str__(self) -> str:
        return f"{self.household} — {self.visited_on:%d/%m/%Y}"

    def activity_labels(self) -> list[str]:
        labels = dict(Activity.choices)
        return [str(labels.get(code, code)) for code in self.activities]


class VisitRevision(models.Model):
    """The content of a visit before one edit: every change is kept."""

    visit = models.ForeignKey(Visit, on_delete=models.CASCADE, related_name="revisions")
    visited_on = models.DateField(_("ngày thăm"))
    activities = models.JSONField(_("việc đã làm"), default=list)
    notes = models.TextField(_("ghi chép"), blank=True)
    changed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    changed_at = models.DateTimeField(_("sửa lúc"), auto_now_add=True)

    class Meta:
        ordering = ["visit_id", "changed_at"]
        verbose_name = _("bản cũ của lần thăm")
        verbose_name_plural = _("bản cũ của lần thăm")

    def __str__(self) -> str:
        return f"{self.visit_id} @ {self.changed_at}"


class Concern(models.Model):
    """Tâm tư, nguyện vọng, kiến nghị of a household: goes to the cell's inbox, and may be
    forwarded to the commune committee and from there to the commune authority or a mass
    organisation. Each step is a `ConcernStep`."""

    class Status(models.TextChoices):
        NEW = "new", _("mới")
        IN_PROGRESS = "in_progress", _("đang giải quyết")
        FORWARDED = "forwarded", _("đã chuyển lên")
        ANSWERED = "answered", _("đã trả lời")
        CLOSED = "closed", _("đã xong")

    class Level(models.TextChoices):
        CELL = "cell", _("chi bộ")
        COMMUNE = "commune", _("đảng ủy xã, phường")
        AUTHORITY = "authority", _("chính quyền, đoàn thể")

    OPEN_STATUSES = (Status.NEW, Status.IN_PROGRESS, Status.FORWARDED)

    household = models.ForeignKey(
        Household, on_delete=models.PROTECT, related_name="concerns", verbose_name=_("hộ")
    )
    visit = models.ForeignKey(
        Visit,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="concerns",
        verbose_name=_("lần thăm"),
    )
    raised_by = models.ForeignKey(
        Member,
        on_delete=models.PROTECT,
        related_name="concerns_raised",
        verbose_name=_("đảng viên ghi nhận"),
    )
    cell = models.ForeignKey(
        Unit, on_delete=models.PROTECT, related_name="concerns", verbose_name=_("chi bộ")
    )
    text = models.TextField(_("nội dung"))
    status = models.CharField(
        _("trạng thái"), max_length=12, choices=Status.choices, default=Status.NEW
    )
    level = models.CharField(
        _("cấp xử lý"), max_length=10, choices=Level.choices, default=Level.CELL
    )
    forwarded_to = models.CharField(_("chuyển đến"), max_length=150, blank=True)
    answer = models.TextField(_("trả lời"), blank=True)
    answered_at = models.DateTimeField(_("trả lời lúc"), null=True, blank=True)
    closed_at = models.DateTimeField(_("kết thúc lúc"), null=True, blank=True)
    created_at = models.DateTimeField(_("ghi nhận lúc"))
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["created_at"]
        verbose_name = _("tâm tư, kiến nghị")
        verbose_name_plural = _("tâm tư, kiến nghị")
        indexes = [
            models.Index(fields=["cell", "status", "created_at"], name="concern_inbox_idx"),
            models.Index(fields=["household", "created_at"], name="concern_household_idx"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=~Q(status="answered") | Q(answered_at__isnull=False),
                name="concern_answered_has_time",
            )
        ]

    def __str__(self) -> str:
        return self.text[:60]

    @property
    def is_open(self) -> bool:
        return self.status in self.OPEN_STATUSES


class ConcernStep(models.Model):
    """One step in the handling of a concern: who, when, what, and the answer if any."""

    class Action(models.TextChoices):
        RAISED = "raised", _("ghi nhận")
        TAKEN = "taken", _("nhận giải quyết")
        FORWARDED = "forwarded", _("chuyển lên")
        ANSWERED = "answered", _("trả lời")
        CLOSED = "closed", _("kết thúc")
        REOPENED = "reopened", _("mở lại")

    concern = models.ForeignKey(Concern, on_delete=models.CASCADE, related_name="steps")
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    actor_name = models.CharField(_("người xử lý"), max_length=150, blank=True)
    action = models.CharField(_("việc"), max_length=10, choices=Action.choices)
    level = models.CharField(_("cấp"), max_length=10, choices=Concern.Level.choices)
    forwarded_to = models.CharField(_("chuyển đến"), max_length=150, blank=True)
    answer = models.TextField(_("nội dung trả lời"), blank=True)
    at = models.DateTimeField(_("lúc"))

    class Meta:
        ordering = ["concern_id", "at", "pk"]
        verbose_name = _("bước xử lý kiến nghị")
        verbose_name_plural = _("bước xử lý kiến nghị")

    def __str__(self) -> str:
        return f"{self.get_action_display()} — {self.at:%d/%m/%Y}"


class Support(models.Model):
    """Support given to a household: a loan arranged, a gift, labour days, materials, a house
    built or repaired, guidance. `amount` is the value in đồng (for a loan, the principal)."""

    class Kind(models.TextChoices):
        LOAN = "loan", _("vay vốn")
        GIFT = "gift", _("quà tặng")
        LABOUR = "labour", _("ngày công")
        MATERIALS = "materials", _("vật tư, cây giống, con giống")
        HOUSE = "house", _("làm, sửa nhà")
        GUIDANCE = "guidance", _("hướng dẫn, tư vấn")

    class Repayment(models.TextChoices):
        NONE = "", _("không áp dụng")
        ON_TIME = "on_time", _("trả đúng hạn")
        LATE = "late", _("chậm trả")
        REPAID = "repaid", _("đã trả hết")

    household = models.ForeignKey(
        Household, on_delete=models.PROTECT, related_name="supports", verbose_name=_("hộ")
    )
    member = models.ForeignKey(
        Member,
        on_delete=models.PROTECT,
        related_name="supports",
        verbose_name=_("đảng viên giúp"),
    )
    kind = models.CharField(_("loại hỗ trợ"), max_length=10, choices=Kind.choices)
    given_on = models.DateField(_("ngày"))
    amount = models.BigIntegerField(_("giá trị (đồng)"), default=0)
    lender = models.CharField(_("nơi cho vay"), max_length=150, blank=True)
    purpose = models.CharField(_("mục đích, nội dung"), max_length=200, blank=True)
    quantity = models.PositiveIntegerField(_("số lượng (ngày công, ...)"), null=True, blank=True)
    repayment_state = models.CharField(
        _("tình hình trả nợ"), max_length=10, choices=Repayment.choices, blank=True, default=""
    )
    visit = models.ForeignKey(
        Visit,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="supports",
        verbose_name=_("lần thăm"),
    )
    notes = models.TextField(_("ghi chú"), blank=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-given_on", "-pk"]
        verbose_name = _("hỗ trợ")
        verbose_name_plural = _("hỗ trợ")
        indexes = [
            models.Index(fields=["household", "given_on"], name="support_household_idx"),
            models.Index(fields=["member", "given_on"], name="support_member_idx"),
        ]
        constraints = [
            models.CheckConstraint(condition=Q(amount__gte=0), name="support_amount_not_negative"),
            models.CheckConstraint(
                condition=Q(kind="loan") | Q(repayment_state=""),
                name="support_repayment_only_for_loans",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} — {self.household}"
