from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from gandan.lib.text import fold
from gandan.places.models import Area, Commune, Province


class Unit(models.Model):
    """A party organisation: the province level (cấp trên), a commune/ward party committee
    (Đảng bộ xã/phường) or one of its cells (chi bộ). A tree through `parent`.

    `province` and `commune` are stored on every unit so that scoping a user to a commune or a
    province is one indexed filter, not a walk up the tree."""

    class Kind(models.TextChoices):
        PROVINCE = "province", _("cấp tỉnh")
        COMMITTEE = "committee", _("đảng bộ xã, phường")
        CELL = "cell", _("chi bộ")

    name = models.CharField(_("tên"), max_length=150)
    kind = models.CharField(_("cấp"), max_length=10, choices=Kind.choices)
    parent = models.ForeignKey(
        "self",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="children",
        verbose_name=_("trực thuộc"),
    )
    province = models.ForeignKey(
        Province, on_delete=models.PROTECT, related_name="units", verbose_name=_("tỉnh")
    )
    commune = models.ForeignKey(
        Commune,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="units",
        verbose_name=_("xã, phường"),
    )
    areas = models.ManyToManyField(
        Area, through="CellArea", related_name="cells", verbose_name=_("khu dân cư phụ trách")
    )

    class Meta:
        ordering = ["kind", "name"]
        verbose_name = _("tổ chức đảng")
        verbose_name_plural = _("tổ chức đảng")
        constraints = [
            models.CheckConstraint(
                condition=Q(kind="province") | Q(commune__isnull=False),
                name="unit_below_province_has_commune",
            ),
            models.CheckConstraint(
                condition=Q(kind="province") | Q(parent__isnull=False),
                name="unit_below_province_has_parent",
            ),
        ]

    def __str__(self) -> str:
        return self.name

    @property
    def is_cell(self) -> bool:
        return self.kind == self.Kind.CELL


class CellArea(models.Model):
    """The residential area a cell serves: each area has exactly one cell."""

    cell = models.ForeignKey(Unit, on_delete=models.CASCADE, related_name="cell_areas")
    area = models.OneToOneField(Area, on_delete=models.CASCADE, related_name="cell_area")

    class Meta:
        verbose_name = _("khu dân cư của chi bộ")
        verbose_name_plural = _("khu dân cư của chi bộ")

    def __str__(self) -> str:
        return f"{self.cell} — {self.area}"


class Member(models.Model):
    """Đảng viên: a party member of a cell, full (chính thức) or probationary (dự bị)."""

    class Status(models.TextChoices):
        FULL = "full", _("chính thức")
        PROBATIONARY = "probationary", _("dự bị")

    class Availability(models.TextChoices):
        ABLE = "able", _("phụ trách được hộ")
        ELDERLY = "elderly", _("tuổi cao, sức yếu")
        SICK = "sick", _("ốm đau")
        AWAY = "away", _("đi làm ăn xa")
        EXEMPT = "exempt", _("miễn sinh hoạt")

    class LeftReason(models.TextChoices):
        MOVED = "moved", _("chuyển nơi ở")
        TRANSFERRED = "transferred", _("chuyển sinh hoạt đảng")
        DIED = "died", _("từ trần")
        OTHER = "other", _("khác")

    cell = models.ForeignKey(
        Unit,
        on_delete=models.PROTECT,
        related_name="members",
        verbose_name=_("chi bộ"),
        limit_choices_to={"kind": Unit.Kind.CELL},
    )
    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="member",
        verbose_name=_("tài khoản"),
    )
    full_name = models.CharField(_("họ và tên"), max_length=100)
    search_name = models.CharField(max_length=100, editable=False, db_index=True)
    gender = models.CharField(
        _("giới tính"), max_length=5, choices=[("nam", _("nam")), ("nu", _("nữ"))], blank=True
    )
    birth_year = models.PositiveSmallIntegerField(_("năm sinh"), null=True, blank=True)
    ethnicity = models.CharField(_("dân tộc"), max_length=30, blank=True)
    phone = models.CharField(_("số điện thoại"), max_length=15, blank=True)
    status = models.CharField(
        _("loại đảng viên"), max_length=15, choices=Status.choices, default=Status.FULL
    )
    admitted_on = models.DateField(_("ngày vào Đảng"), null=True, blank=True)
    confirmed_on = models.DateField(_("ngày chính thức"), null=True, blank=True)
    is_retired_cadre = models.BooleanField(_("cán bộ hưu trí"), default=False)
    availability = models.CharField(
        _("khả năng phụ trách hộ"),
        max_length=10,
        choices=Availability.choices,
        default=Availability.ABLE,
    )
    left_on = models.DateField(_("ngày thôi sinh hoạt"), null=True, blank=True)
    left_reason = models.CharField(
        _("lý do"), max_length=15, choices=LeftReason.choices, blank=True
    )

    class Meta:
        ordering = ["full_name"]
        verbose_name = _("đảng viên")
        verbose_name_plural = _("đảng viên")
        constraints = [
            models.CheckConstraint(
                condition=Q(confirmed_on__isnull=True)
                | Q(admitted_on__isnull=False, confirmed_on__gt=models.F("admitted_on")),
                name="member_confirmed_after_admitted",
            ),
            models.CheckConstraint(
                condition=Q(birth_year__isnull=True) | Q(birth_year__gte=1900),
                name="member_birth_year_plausible",
            ),
        ]
        indexes = [models.Index(fields=["cell", "left_on"], name="member_cell_active_idx")]

    def __str__(self) -> str:
        return self.full_name

    def save(self, *args, **kwargs):
        # The folded key is derived data, kept next to the name it is derived from.
        self.search_name = fold(self.full_name)
        super().save(*args, **kwargs)

    @property
    def is_active(self) -> bool:
        return self.left_on is None

    @property
    def can_take_households(self) -> bool:
        return self.is_active and self.availability == self.Availability.ABLE


class MassOrgPosition(models.Model):
    """A position a member holds in a mass organisation or the residents' board."""

    class Organisation(models.TextChoices):
        FRONT = "front", _("Ban công tác Mặt trận")
        FARMERS = "farmers", _("Hội Nông dân")
        WOMEN = "women", _("Hội Liên hiệp Phụ nữ")
        YOUTH = "youth", _("Đoàn Thanh niên")
        VETERANS = "veterans", _("Hội Cựu chiến binh")
        ELDERLY = "elderly", _("Hội Người cao tuổi")
        RESIDENTS_BOARD = "residents", _("Ban Nhân dân / Trưởng thôn")

    member = models.ForeignKey(Member, on_delete=models.CASCADE, related_name="positions")
    organisation = models.CharField(_("tổ chức"), max_length=15, choices=Organisation.choices)
    title = models.CharField(_("chức vụ"), max_length=100)

    class Meta:
        verbose_name = _("chức vụ đoàn thể")
        verbose_name_plural = _("chức vụ đoàn thể")

    def __str__(self) -> str:
        return f"{self.title} {self.get_organisation_display()}"


class Role(models.Model):
    """What a user does in a unit. Being a plain member needs no role: it follows from
    `Member.user`. Roles give the wider views: a cell's secretary, a commune's committee, a
    province's read-only viewer."""

    class Kind(models.TextChoices):
        COMMITTEE = "committee", _("cán bộ đảng ủy xã, phường")
        SECRETARY = "secretary", _("bí thư chi bộ")
        DEPUTY = "deputy", _("phó bí thư chi bộ")
        VIEWER = "viewer", _("cấp trên (chỉ xem số liệu tổng hợp)")

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="roles"
    )
    unit = models.ForeignKey(Unit, on_delete=models.CASCADE, related_name="roles")
    kind = models.CharField(_("vai trò"), max_length=10, choices=Kind.choices)

    class Meta:
        verbose_name = _("vai trò")
        verbose_name_plural = _("vai trò")
        constraints = [models.UniqueConstraint(fields=["user", "unit", "kind"], name="role_unique")]

    def __str__(self) -> str:
        return f"{self.user} — {self.get_kind_display()} — {self.unit}"
