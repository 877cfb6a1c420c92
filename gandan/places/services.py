from django.db import transaction
from vietnam_provinces import Province as VnProvince
from vietnam_provinces import Ward as VnWard

from gandan.lib.text import fold
from gandan.places.models import Commune, Province

_KINDS = {
    "xã": Commune.Kind.COMMUNE,
    "phường": Commune.Kind.WARD,
    "đặc khu": Commune.Kind.SPECIAL_ZONE,
}
_PREFIXES = ("Thành phố ", "Tỉnh ", "Xã ", "Phường ", "Đặc khu ")


def _short(name: str) -> str:
    for prefix in _PREFIXES:
        if name.startswith(prefix):
            return name[len(prefix) :]
    return name


@transaction.atomic
def places_load(*, province_codes: set[int] | None = None) -> tuple[int, int]:
    """Load or refresh provinces and communes from `vietnam-provinces` (after the 2025
    reform: 34 provinces, 3,321 communes, wards and special zones). Idempotent."""
    provinces = {p.code: p for p in Province.objects.all()}
    new_provinces = []
    for p in VnProvince.iter_all():
        code = int(p.code)
        if province_codes and code not in province_codes:
            continue
        if code in provinces:
            if provinces[code].name != p.name:
                Province.objects.filter(code=code).update(name=p.name)
        else:
            new_provinces.append(Province(code=code, name=p.name))
    Province.objects.bulk_create(new_provinces)
    province_ids = dict(Province.objects.values_list("code", "pk"))
    existing = set(Commune.objects.filter(code__isnull=False).values_list("code", flat=True))
    new_communes = []
    for w in VnWard.iter_all():
        code, province_code = int(w.code), int(w.province_code)
        if code in existing or province_code not in province_ids:
            continue
        name = _short(w.name)
        new_communes.append(
            Commune(
                code=code,
                name=name,
                search_name=fold(name),
                kind=_KINDS.get(str(w.division_type.value), Commune.Kind.COMMUNE),
                province_id=province_ids[province_code],
            )
        )
    Commune.objects.bulk_create(new_communes, batch_size=1000)
    return len(new_provinces), len(new_communes)
