"""Kết nghĩa: twinned party cells (an urban cell helps a village cell) and the development of
new party members from the village's cadres.

Shared space of a partnership = the agreement, its contents and tasks, its shared targets, its
contributions and its reviews: every cell on both sides sees it. Household personal data stays
with the village's own cell unless a household is shared with a named member
(`households.HouseholdShare`)."""

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _

from gandan.households.models import Household
from gandan.org.models import MassOrgPosition, Member, Unit
from gandan.poverty.models import Target


class Agreement(models.Model):
    """Bản giao ước kết nghĩa: planned by the commune committee, signed by the cells."""

    class Status(models.TextChoices):
        DRAFT = "draft", _("dự thảo")
        SIGNED = "signed", _("đã ký kết")
        ACTIVE = "active", _("đang thực hiện")
        REVIEWED = "reviewed", _("đã tổng kết")
        ENDED = "ended", _("đã kết thúc")

    committee = models.ForeignKey(
        Unit,
        on_delete=models.PROTECT,
        related_name="twinning_agreements",
        verbose_name=_("đảng ủy xã, phường"),
        limit_choices_to={"kind": Unit.Kind.COMMITTEE},
    )
    title = models.CharField(_("tên giao ước"), max_length=200)
    status = models.CharField(
        _("trạng thái"), max_length=10, choices=Status.choices, default=Status.DRAFT
    )
    signed_on = models.DateField(_("ngày ký kết"), null=True, blank=True)
    starts_on = models.DateField(_("thời hạn từ ngày"))
    ends_on = models.DateField(_("đến ngày"))
    document_number = models.CharField(_("số văn bản"), max_length=50, blank=True)
    document_text = models.TextField(_("nội dung văn bản"), blank=True)
    document_file = models.FileField(
        _("tệp văn bản"), upload_to="twinning/agreements/%Y/", blank=True
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-starts_on", "title"]
        verbose_name = _("giao ước kết nghĩa")
        verbose_name_plural = _("giao ước kết nghĩa")
        constraints = [
            models.CheckConstraint(
                condition=Q(ends_on__gt=F("starts_on")),
                name="agreement_term_ends_after_start",
                violation_error_message=_("Ngày kết thúc phải sau ngày bắt đầu."),
            )
        ]

    def __str__(self) -> str:
        return self.title


class Side(models.TextChoices):
    HELPING = "helping", _("bên giúp đỡ (tổ dân phố, thôn)")
    VILLAGE = "village", _("bên được giúp đỡ (làng)")


class AgreementCell(models.Model):
    """A cell that signed the agreement, on one of the two sides."""

    agreement = models.ForeignKey(Agreement, on_delete=models.CASCADE, related_name="sides")
    cell = models.ForeignKey(
        Unit, on_delete=models.PROTECT, related_name="twinning_sides", verbose_name=_("chi bộ")
    )
    side = models.CharField(_("bên"), max_length=10, choices=Side.choices)

    class Meta:
        ordering = ["agreement_id", "-side", "cell__name"]
        verbose_name = _("chi bộ kết nghĩa")
        verbose_name_plural = _("chi bộ kết nghĩa")
        constraints = [
            models.UniqueConstraint(fields=["agreement", "cell"], name="agreement_cell_once")
        ]

    def __str__(self) -> str:
        return f"{self.cell} ({self.get_side_display()})"


class Content(models.Model):
    """One of the five coordination contents every agreement has."""

    class Kind(models.IntegerChoices):
        PROPAGANDA = 1, _("Tuyên truyền, vận động")
        ECONOMY = 2, _("Giúp nhân dân phát triển kinh tế")
        CULTURE = 3, _("Hoạt động văn hóa, xã hội")
        CAMPAIGNS = 4, _("Thực hiện các phong trào, chương trình")
        CADRES = 5, _("Giúp đỡ cán bộ hệ thống chính trị của làng")

    agreement = models.ForeignKey(Agreement, on_delete=models.CASCADE, related_name="contents")
    kind = models.PositiveSmallIntegerField(_("nội dung phối hợp"), choices=Kind.choices)

    class Meta:
        ordering = ["agreement_id", "kind"]
        verbose_name = _("nội dung phối hợp")
        verbose_name_plural = _("nội dung phối hợp")
        constraints = [
            models.UniqueConstraint(fields=["agreement", "kind"], name="content_once_per_agreement")
        ]

    def __str__(self) -> str:
        return f"{self.kind}. {self.get_kind_display()}"


class Task(models.Model):
    """A task under a content, for a cell, a mass organisation or the residents' board
    (optionally of a given cell's area)."""

    class Status(models.TextChoices):
        PLANNED = "planned", _("chưa làm")
        IN_PROGRESS = "in_progress", _("đang làm")
        DONE = "done", _("đã xong")
        NOT_DONE = "not_done", _("không hoàn thành")

    content = models.ForeignKey(
        Content, on_delete=models.CASCADE, related_name="tasks", verbose_name=_("nội dung")
    )
    title = models.CharField(_("việc cần làm"), max_length=300)
    cell = models.ForeignKey(
        Unit,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="twinning_tasks",
        verbose_name=_("chi bộ"),
    )
    organisation = models.CharField(
        _("đoàn thể, ban nhân dân"),
        max_length=15,
        choices=MassOrgPosition.Organisation.choices,
        blank=True,
    )
    due_on = models.DateField(_("hạn"), null=True, blank=True)
    status = models.CharField(
        _("tình trạng"), max_length=12, choices=Status.choices, default=Status.PLANNED
    )
    done_on = models.DateField(_("ngày xong"), null=True, blank=True)
    result = models.TextField(_("kết quả"), blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["content_id", "due_on", "pk"]
        verbose_name = _("nhiệm vụ")
        verbose_name_plural = _("nhiệm vụ")
        constraints = [
            models.CheckConstraint(
                condition=Q(cell__isnull=False) | ~Q(organisation=""),
                name="task_has_someone_in_charge",
            ),
            models.CheckConstraint(
                condition=~Q(status="done") | Q(done_on__isnull=False),
                name="task_done_has_date",
            ),
        ]

    def __str__(self) -> str:
        return self.title

    @property
    def assignee(self) -> str:
        parts = [str(self.get_organisation_display())] if self.organisation else []
        if self.cell_id:
            parts.append(self.cell.name)
        return " — ".join(parts)


class Contribution(models.Model):
    """Đóng góp: gifts, money, labour days or materials given within the partnership.

    Given by a cell, a member or a local enterprise (exactly one); received by households of
    the village (`recipients`) or by the village as a whole (no recipients)."""

    class Kind(models.TextChoices):
        GIFT = "gift", _("quà")
        MONEY = "money", _("tiền")
        LABOUR = "labour", _("ngày công")
        MATERIALS = "materials", _("vật tư")

    agreement = models.ForeignKey(Agreement, on_delete=models.CASCADE, related_name="contributions")
    content = models.ForeignKey(
        Content,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="contributions",
        verbose_name=_("thuộc nội dung"),
    )
    kind = models.CharField(_("loại đóng góp"), max_length=10, choices=Kind.choices)
    given_on = models.DateField(_("ngày trao"))
    description = models.CharField(_("nội dung"), max_length=300)
    quantity = models.PositiveIntegerField(
        _("số lượng"), default=0, help_text=_("Số suất quà, số ngày công, số lượng vật tư.")
    )
    quantity_unit = models.CharField(_("đơn vị tính"), max_length=30, blank=True)
    value = models.PositiveBigIntegerField(_("trị giá (đồng)"), default=0)
    giver_cell = models.ForeignKey(
        Unit,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="twinning_contributions",
        verbose_name=_("chi bộ trao"),
    )
    giver_member = models.ForeignKey(
        Member,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="twinning_contributions",
        verbose_name=_("đảng viên trao"),
    )
    giver_enterprise = models.CharField(_("doanh nghiệp trao"), max_length=200, blank=True)
    receiver_cell = models.ForeignKey(
        Unit,
        on_delete=models.PROTECT,
        related_name="twinning_received",
        verbose_name=_("làng nhận"),
    )
    recipients = models.ManyToManyField(
        Household, blank=True, related_name="twinning_contributions", verbose_name=_("hộ nhận")
    )
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-given_on", "-pk"]
        verbose_name = _("đóng góp")
        verbose_name_plural = _("đóng góp")
        constraints = [
            models.CheckConstraint(
                condition=(
                    Q(giver_cell__isnull=False, giver_member__isnull=True, giver_enterprise="")
                    | Q(giver_cell__isnull=True, giver_member__isnull=False, giver_enterprise="")
                    | (
                        Q(giver_cell__isnull=True, giver_member__isnull=True)
                        & ~Q(giver_enterprise="")
                    )
                ),
                name="contribution_exactly_one_giver",
            ),
            models.CheckConstraint(
                condition=Q(quantity__gt=0) | Q(value__gt=0), name="contribution_not_empty"
            ),
        ]
        indexes = [models.Index(fields=["agreement", "given_on"], name="contribution_agr_day_idx")]

    def __str__(self) -> str:
        return self.description

    @property
    def giver(self) -> str:
        if self.giver_cell_id:
            return self.giver_cell.name
        if self.giver_member_id:
            return self.giver_member.full_name
        return self.giver_enterprise


class Review(models.Model):
    """Sơ kết (interim) or tổng kết (final) review of a period within the agreement's term.

    `figures` is a snapshot of the period's records taken when the review is written (and on
    request afterwards), so the printed report says what the partners saw that day."""

    class Kind(models.TextChoices):
        INTERIM = "interim", _("sơ kết")
        FINAL = "final", _("tổng kết")

    agreement = models.ForeignKey(Agreement, on_delete=models.CASCADE, related_name="reviews")
    kind = models.CharField(_("loại"), max_length=10, choices=Kind.choices)
    period_start = models.DateField(_("từ ngày"))
    period_end = models.DateField(_("đến ngày"))
    held_on = models.DateField(_("ngày họp"))
    done = models.TextField(_("những việc đã làm được"), blank=True)
    not_done = models.TextField(_("những việc chưa làm được"), blank=True)
    lessons = models.TextField(_("bài học kinh nghiệm"), blank=True)
    next_plan = models.TextField(_("phương hướng, kế hoạch tiếp theo"), blank=True)
    figures = models.JSONField(_("số liệu của kỳ"), default=dict, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["agreement_id", "period_end", "pk"]
        verbose_name = _("sơ kết, tổng kết")
        verbose_name_plural = _("sơ kết, tổng kết")
        constraints = [
            models.CheckConstraint(
                condition=Q(period_end__gte=F("period_start")), name="review_period_ordered"
            )
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} {self.period_start:%d/%m/%Y}–{self.period_end:%d/%m/%Y}"


class AgreementTarget(models.Model):
    """A target of the village cell that the partnership shares (chỉ tiêu chung)."""

    agreement = models.ForeignKey(
        Agreement, on_delete=models.CASCADE, related_name="shared_targets"
    )
    target = models.ForeignKey(
        Target, on_delete=models.CASCADE, related_name="+", verbose_name=_("chỉ tiêu")
    )

    class Meta:
        ordering = ["agreement_id", "target__kind"]
        verbose_name = _("chỉ tiêu chung")
        verbose_name_plural = _("chỉ tiêu chung")
        constraints = [
            models.UniqueConstraint(fields=["agreement", "target"], name="agreement_target_once")
        ]

    def __str__(self) -> str:
        return str(self.target)


class Candidate(models.Model):
    """Quần chúng ưu tú: a person the cell follows towards admission to the Party.

    Stages are recorded in order, each with its date (see `services.candidate_advance` for the
    rules and their sources). On admission the person becomes an `org.Member` (probationary)."""

    class Stage(models.TextChoices):
        IDENTIFIED = "identified", _("đưa vào diện theo dõi, bồi dưỡng")
        COURSE = "course", _("đã học lớp bồi dưỡng nhận thức về Đảng")
        APPLIED = "applied", _("có đơn, được hai đảng viên chính thức giới thiệu")
        CHECKED = "checked", _("đảng ủy xã thẩm tra, xem xét")
        ADMITTED = "admitted", _("đã kết nạp (dự bị)")
        CONFIRMED = "confirmed", _("đã công nhận đảng viên chính thức")

    cell = models.ForeignKey(
        Unit,
        on_delete=models.PROTECT,
        related_name="candidates",
        verbose_name=_("chi bộ theo dõi"),
        limit_choices_to={"kind": Unit.Kind.CELL},
    )
    agreement = models.ForeignKey(
        Agreement,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="candidates",
        verbose_name=_("thuộc giao ước kết nghĩa"),
    )
    full_name = models.CharField(_("họ và tên"), max_length=100)
    birth_date = models.DateField(_("ngày sinh"))
    gender = models.CharField(
        _("giới tính"), max_length=5, choices=[("nam", _("nam")), ("nu", _("nữ"))], blank=True
    )
    ethnicity = models.CharField(_("dân tộc"), max_length=30, blank=True)
    organisation = models.CharField(
        _("đoàn thể"), max_length=15, choices=MassOrgPosition.Organisation.choices, blank=True
    )
    position = models.CharField(_("chức vụ"), max_length=100, blank=True)
    helper = models.ForeignKey(
        Member,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="candidates_helped",
        verbose_name=_("đảng viên giúp đỡ"),
    )
    stage = models.CharField(
        _("giai đoạn"), max_length=10, choices=Stage.choices, default=Stage.IDENTIFIED
    )
    identified_on = models.DateField(_("ngày đưa vào diện theo dõi"))
    course_passed_on = models.DateField(
        _("ngày được cấp giấy chứng nhận lớp"), null=True, blank=True
    )
    applied_on = models.DateField(_("ngày chi bộ xem xét đơn"), null=True, blank=True)
    introducer_1 = models.ForeignKey(
        Member,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("người giới thiệu thứ nhất"),
    )
    introducer_1_since = models.DateField(_("cùng công tác, cư trú từ"), null=True, blank=True)
    introducer_2 = models.ForeignKey(
        Member,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("người giới thiệu thứ hai"),
    )
    introducer_2_since = models.DateField(_("cùng công tác, cư trú từ"), null=True, blank=True)
    youth_union_resolution = models.CharField(
        _("nghị quyết giới thiệu của Đoàn cơ sở"), max_length=100, blank=True
    )
    checked_on = models.DateField(_("ngày đảng ủy xã thẩm tra xong"), null=True, blank=True)
    admitted_on = models.DateField(_("ngày kết nạp"), null=True, blank=True)
    confirmed_on = models.DateField(_("ngày công nhận chính thức"), null=True, blank=True)
    member = models.OneToOneField(
        Member,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="candidacy",
        verbose_name=_("đảng viên"),
    )
    notes = models.TextField(_("ghi chú"), blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["cell_id", "full_name"]
        verbose_name = _("quần chúng ưu tú")
        verbose_name_plural = _("quần chúng ưu tú")
        indexes = [models.Index(fields=["cell", "stage"], name="candidate_cell_stage_idx")]

    def __str__(self) -> str:
        return self.full_name
