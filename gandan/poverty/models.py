from django.conf import settings
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


class Standard(models.Model):
    """Chuẩn nghèo đa chiều: a national multidimensional poverty standard, as data.

    A new standard is a new row (and its indicators), not a code branch. The rows shipped with
    the application are loaded by migration 0003 (thresholds and legal sources are documented
    there and in the README, section "Poverty standards"). Classification by
    `gandan.poverty.standards.classify` reads only the fields of a row:

    - poor (hộ nghèo): income per person per month <= the line of the area AND deprived in
      `poor_min_deprivations` or more indicators;
    - near-poor (hộ cận nghèo): income <= the line AND fewer deprivations than that;
    - middle-income (hộ có mức sống trung bình): income over the line and <= the middle line;
      when the middle line is unknown (null) the standard never gives middle-income;
    - otherwise none (không thuộc diện).
    """

    name = models.CharField(_("tên"), max_length=150)
    legal_source = models.CharField(_("căn cứ pháp lý"), max_length=200)
    first_year = models.PositiveSmallIntegerField(_("áp dụng từ năm"))
    last_year = models.PositiveSmallIntegerField(_("áp dụng đến năm"))
    rural_line = models.PositiveIntegerField(_("chuẩn thu nhập nông thôn (đ/người/tháng)"))
    urban_line = models.PositiveIntegerField(_("chuẩn thu nhập thành thị (đ/người/tháng)"))
    rural_middle_line = models.PositiveIntegerField(
        _("mức sống trung bình nông thôn, đến (đ/người/tháng)"), null=True, blank=True
    )
    urban_middle_line = models.PositiveIntegerField(
        _("mức sống trung bình thành thị, đến (đ/người/tháng)"), null=True, blank=True
    )
    poor_min_deprivations = models.PositiveSmallIntegerField(
        _("số chỉ số thiếu hụt để là hộ nghèo"), default=3
    )
    notes = models.TextField(_("ghi chú"), blank=True)

    class Meta:
        ordering = ["first_year"]
        verbose_name = _("chuẩn nghèo")
        verbose_name_plural = _("chuẩn nghèo")
        constraints = [
            models.CheckConstraint(
                condition=Q(last_year__gte=F("first_year")), name="standard_years_ordered"
            ),
            models.CheckConstraint(
                condition=Q(rural_middle_line__isnull=True)
                | Q(rural_middle_line__gt=F("rural_line")),
                name="standard_rural_middle_above_line",
            ),
            models.CheckConstraint(
                condition=Q(urban_middle_line__isnull=True)
                | Q(urban_middle_line__gt=F("urban_line")),
                name="standard_urban_middle_above_line",
            ),
        ]

    def __str__(self) -> str:
        return self.name

    def line_for(self, *, urban: bool) -> int:
        return self.urban_line if urban else self.rural_line

    def middle_line_for(self, *, urban: bool) -> int | None:
        return self.urban_middle_line if urban else self.rural_middle_line


class Indicator(models.Model):
    """Chỉ số đo lường mức độ thiếu hụt dịch vụ xã hội cơ bản, in a dimension (chiều)."""

    standard = models.ForeignKey(
        Standard, on_delete=models.CASCADE, related_name="indicators", verbose_name=_("chuẩn")
    )
    code = models.SlugField(_("mã"), max_length=40)
    name = models.CharField(_("tên chỉ số"), max_length=150)
    dimension = models.CharField(_("chiều thiếu hụt"), max_length=60)
    position = models.PositiveSmallIntegerField(_("thứ tự"), default=0)

    class Meta:
        ordering = ["standard_id", "position"]
        verbose_name = _("chỉ số thiếu hụt")
        verbose_name_plural = _("chỉ số thiếu hụt")
        constraints = [
            models.UniqueConstraint(fields=["standard", "code"], name="indicator_code_unique")
        ]

    def __str__(self) -> str:
        return self.name


class Status(models.TextChoices):
    """A household's poverty status in a year (official or computed)."""

    POOR = "poor", _("hộ nghèo")
    NEAR_POOR = "near_poor", _("hộ cận nghèo")
    MIDDLE = "middle", _("hộ có mức sống trung bình")
    NONE = "none", _("không thuộc diện")


class Review(models.Model):
    """Đợt rà soát định kỳ: the periodic annual review of a commune (Decision 24/2021/QĐ-TTg,
    Article 4: from 1 September to 14 December), moving through its stages in order."""

    class Stage(models.TextChoices):
        LIST = "list", _("lập danh sách hộ cần rà soát")
        SURVEY = "survey", _("khảo sát, chấm điểm hộ")
        MEETING = "meeting", _("họp dân thôn thống nhất kết quả")
        POSTING = "posting", _("niêm yết công khai")
        RECOGNISED = "recognised", _("Chủ tịch UBND xã công nhận")

    commune = models.ForeignKey(
        "places.Commune",
        on_delete=models.PROTECT,
        related_name="poverty_reviews",
        verbose_name=_("xã, phường"),
    )
    year = models.PositiveSmallIntegerField(_("năm"))
    stage = models.CharField(_("bước"), max_length=12, choices=Stage.choices, default=Stage.LIST)
    opened_on = models.DateField(_("ngày bắt đầu"))
    recognised_on = models.DateField(_("ngày công nhận"), null=True, blank=True)
    notes = models.TextField(_("ghi chú"), blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-year"]
        verbose_name = _("đợt rà soát hộ nghèo")
        verbose_name_plural = _("đợt rà soát hộ nghèo")
        constraints = [
            models.UniqueConstraint(fields=["commune", "year"], name="review_one_per_commune_year")
        ]

    def __str__(self) -> str:
        return f"{self.commune} {self.year}"


class Assessment(models.Model):
    """The official poverty status of a household for one year (one per household and year),
    with the date, the deciding body and, optionally, the survey behind it (income per person
    per month and the deprived indicators of that year's standard).

    The status the standard gives for the survey is computed on display, never stored: a
    different official status is kept with its `reason`."""

    class Kind(models.TextChoices):
        PERIODIC = "periodic", _("rà soát định kỳ")
        REGULAR = "regular", _("rà soát thường xuyên (hộ đề nghị)")

    household = models.ForeignKey(
        "households.Household",
        on_delete=models.CASCADE,
        related_name="poverty_assessments",
        verbose_name=_("hộ"),
    )
    year = models.PositiveSmallIntegerField(_("năm"))
    standard = models.ForeignKey(
        Standard, on_delete=models.PROTECT, related_name="assessments", verbose_name=_("chuẩn")
    )
    status = models.CharField(_("kết quả chính thức"), max_length=10, choices=Status.choices)
    kind = models.CharField(
        _("hình thức rà soát"), max_length=10, choices=Kind.choices, default=Kind.PERIODIC
    )
    review = models.ForeignKey(
        Review,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="assessments",
        verbose_name=_("đợt rà soát"),
    )
    decided_on = models.DateField(_("ngày quyết định"))
    decided_by = models.CharField(_("cơ quan quyết định"), max_length=150)
    income_per_person = models.PositiveIntegerField(
        _("thu nhập bình quân (đ/người/tháng)"), null=True, blank=True
    )
    deprived_codes = models.JSONField(_("chỉ số thiếu hụt"), default=list, blank=True)
    reason = models.TextField(_("lý do khác kết quả tính theo chuẩn"), blank=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["household_id", "-year"]
        verbose_name = _("kết quả rà soát hộ")
        verbose_name_plural = _("kết quả rà soát hộ")
        constraints = [
            models.UniqueConstraint(
                fields=["household", "year"],
                name="assessment_one_per_household_year",
                violation_error_message=_("Hộ này đã có kết quả rà soát của năm này."),
            ),
        ]
        indexes = [models.Index(fields=["year", "status"], name="assessment_year_status_idx")]

    def __str__(self) -> str:
        return f"{self.household} {self.year}: {self.get_status_display()}"

    @property
    def has_survey(self) -> bool:
        return self.income_per_person is not None
