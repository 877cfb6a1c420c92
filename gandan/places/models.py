from django.db import models
from django.utils.translation import gettext_lazy as _

from gandan.lib.text import fold


class Province(models.Model):
    """Tỉnh / thành phố: one of the 34 after the 2025 reform (from vietnam-provinces)."""

    code = models.PositiveIntegerField(_("mã"), unique=True)
    name = models.CharField(_("tên"), max_length=100)

    class Meta:
        ordering = ["name"]
        verbose_name = _("tỉnh, thành phố")
        verbose_name_plural = _("tỉnh, thành phố")

    def __str__(self) -> str:
        return self.name


class Commune(models.Model):
    """Xã / phường / đặc khu. Official ones carry the national code; a commune known only by
    its name before the 2025 merger (as in older records) has no code."""

    class Kind(models.TextChoices):
        COMMUNE = "xa", _("xã")
        WARD = "phuong", _("phường")
        SPECIAL_ZONE = "dac_khu", _("đặc khu")

    code = models.PositiveIntegerField(_("mã"), unique=True, null=True, blank=True)
    name = models.CharField(_("tên"), max_length=100)
    kind = models.CharField(_("loại"), max_length=10, choices=Kind.choices)
    province = models.ForeignKey(
        Province, on_delete=models.PROTECT, related_name="communes", verbose_name=_("tỉnh")
    )
    search_name = models.CharField(max_length=100, editable=False, db_index=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("xã, phường")
        verbose_name_plural = _("xã, phường")

    def __str__(self) -> str:
        return self.name

    def save(self, *args, **kwargs):
        # The folded key is derived data, kept next to the name it is derived from.
        self.search_name = fold(self.name)
        super().save(*args, **kwargs)


class Area(models.Model):
    """Khu dân cư: thôn, làng, bản or tổ dân phố of a commune.

    Urban or rural decides the poverty line that applies to its households."""

    class Kind(models.TextChoices):
        HAMLET = "thon", _("thôn")
        VILLAGE = "lang", _("làng")
        BAN = "ban", _("bản")
        RESIDENTIAL_GROUP = "tdp", _("tổ dân phố")

    commune = models.ForeignKey(
        Commune, on_delete=models.PROTECT, related_name="areas", verbose_name=_("xã, phường")
    )
    name = models.CharField(_("tên"), max_length=100)
    kind = models.CharField(_("loại"), max_length=10, choices=Kind.choices)
    is_urban = models.BooleanField(_("thành thị"), default=False)
    is_ethnic_minority = models.BooleanField(_("vùng đồng bào dân tộc thiểu số"), default=False)

    class Meta:
        ordering = ["commune_id", "name"]
        verbose_name = _("khu dân cư")
        verbose_name_plural = _("khu dân cư")
        constraints = [
            models.UniqueConstraint(fields=["commune", "name"], name="area_unique_name_in_commune")
        ]

    def __str__(self) -> str:
        return self.name
