"""Places, party units, members, households and the demo accounts, with the seeds' figures.

Seed 003 (Tuyên Quang): xã Bình An, 7/7 villages assign members to households; thôn Tiên Tốc
has 8 members and 66 households (5–7 each), secretary Cháng A Đềnh; xã Thiện Kế, thôn Kế Tân
has 10 members (8–10 households each), secretary Đặng Hữu Thắng.
Seed 000 (Gia Lai): phường Chi Lăng; TDP 1 and TDP 3 have 76 members (mostly retired cadres)
and twin with làng Ia Lang (11 members, secretary H'Tinh); the 2023 plan twins TDP 4 + thôn Hàm
Rồng with làng Châm Anẻh and TDP 2 + thôn Ia Rốk with làng Ngol Tảl.
"""

import datetime
import secrets
from concurrent.futures import ThreadPoolExecutor

from django.contrib.auth.hashers import make_password

from gandan.accounts.models import DemoCredential, User
from gandan.demo.context import DemoContext
from gandan.demo.names import person, pick_people
from gandan.households.models import Household, Resident
from gandan.lib.text import fold
from gandan.org.models import CellArea, MassOrgPosition, Member, Role, Unit
from gandan.places.models import Area, Commune, Province
from gandan.places.services import places_load

ORDER = 10  # the first step: everything else stands on it
TUYEN_QUANG, GIA_LAI = 8, 52

# (key, province code, commune name, kind, party committee secretary)
COMMUNES = [
    ("binh_an", TUYEN_QUANG, "Bình An", Commune.Kind.COMMUNE, "Ma Đình Nhiêu"),
    ("thien_ke", TUYEN_QUANG, "Thiện Kế", Commune.Kind.COMMUNE, "Lương Văn Khìn"),
    ("chi_lang", GIA_LAI, "Chi Lăng", Commune.Kind.WARD, "Hồ Thị Ngọc Huyền"),
]

# (commune key, area name, area kind, urban, members, households, peoples, secretary)
H, T, D, K, J, B = "H'Mông", "Tày", "Dao", "Kinh", "Gia Rai", "Ba Na"
AREAS = [
    (
        "binh_an",
        "Tiên Tốc",
        Area.Kind.HAMLET,
        False,
        8,
        66,
        {H: 0.7, T: 0.2, D: 0.1},
        "Cháng A Đềnh",
    ),
    ("binh_an", "Nà Thuôn", Area.Kind.HAMLET, False, 9, 58, {T: 0.8, K: 0.1, D: 0.1}, None),
    ("binh_an", "Khuổi Củng", Area.Kind.HAMLET, False, 7, 47, {D: 0.6, T: 0.4}, None),
    ("binh_an", "Nà Khà", Area.Kind.HAMLET, False, 8, 55, {T: 0.9, K: 0.1}, None),
    ("binh_an", "Phiêng Luông", Area.Kind.HAMLET, False, 7, 44, {H: 0.5, D: 0.5}, None),
    ("binh_an", "Nà Coóc", Area.Kind.HAMLET, False, 10, 64, {T: 0.7, K: 0.3}, None),
    ("binh_an", "Tấng", Area.Kind.BAN, False, 6, 40, {T: 0.6, D: 0.4}, None),
    (
        "thien_ke",
        "Kế Tân",
        Area.Kind.HAMLET,
        False,
        10,
        92,
        {K: 0.85, T: 0.1, D: 0.05},
        "Đặng Hữu Thắng",
    ),
    (
        "chi_lang",
        "Tổ dân phố 1",
        Area.Kind.RESIDENTIAL_GROUP,
        True,
        40,
        236,
        {K: 0.97, J: 0.03},
        "Chu Tiến Đề",
    ),
    (
        "chi_lang",
        "Tổ dân phố 2",
        Area.Kind.RESIDENTIAL_GROUP,
        True,
        30,
        184,
        {K: 0.97, J: 0.03},
        None,
    ),
    (
        "chi_lang",
        "Tổ dân phố 3",
        Area.Kind.RESIDENTIAL_GROUP,
        True,
        36,
        214,
        {K: 0.97, J: 0.03},
        "Phan Thị Thúy Kiện",
    ),
    (
        "chi_lang",
        "Tổ dân phố 4",
        Area.Kind.RESIDENTIAL_GROUP,
        True,
        28,
        170,
        {K: 0.95, J: 0.05},
        None,
    ),
    ("chi_lang", "Hàm Rồng", Area.Kind.HAMLET, True, 15, 110, {K: 0.8, J: 0.2}, None),
    ("chi_lang", "Ia Rốk", Area.Kind.HAMLET, True, 14, 102, {K: 0.7, J: 0.3}, None),
    ("chi_lang", "Ia Lang", Area.Kind.VILLAGE, True, 11, 86, {J: 0.95, B: 0.05}, "H'Tinh"),
    ("chi_lang", "Châm Anẻh", Area.Kind.VILLAGE, True, 9, 70, {J: 0.9, B: 0.1}, None),
    ("chi_lang", "Ngol Tảl", Area.Kind.VILLAGE, True, 8, 64, {J: 0.9, B: 0.1}, None),
]

# Households the articles name, placed in their villages with the member in charge.
NAMED_HOUSEHOLDS = [
    ("Tiên Tốc", "Hoàng Văn Nguyên", "Tày"),
    ("Kế Tân", "Kiều Đình Toàn", "Kinh"),
]
NAMED_MEMBERS = [
    ("Kế Tân", "Cao Duy Hảo", "nam", "Kinh"),
    ("Nà Thuôn", "Quan Thị Cát", "nu", "Tày"),
]

URBAN_STREETS = [
    "Hùng Vương",
    "Phan Đình Phùng",
    "Lê Lợi",
    "Trần Phú",
    "Nguyễn Du",
    "Tôn Đức Thắng",
]
RELATIONS = [("vợ", True), ("chồng", False), ("con", None), ("con", None), ("cháu", None)]


def _password() -> str:
    # Random per build (never a fixed password in the repository), easy to type on a phone.
    return f"gandan-{secrets.randbelow(9000) + 1000}"


def _account(ctx: DemoContext, username, full_name, role_label, unit, order, phone=""):
    """A demo user; its password is hashed later, all at once (see `_hash_passwords`)."""
    password = _password()
    first, _, last = full_name.rpartition(" ")
    user = User(username=username, first_name=last, last_name=first, phone=phone)
    user.set_unusable_password()
    user.save()
    DemoCredential.objects.create(
        user=user, password=password, role=role_label, unit=unit.name, sort_order=order
    )
    ctx.users[username] = user
    return user


def _hash_passwords() -> None:
    """Argon2 is slow on purpose; the hashes of the demo accounts are made in parallel threads
    (argon2-cffi releases the GIL), which halves the build on two cores."""
    credentials = list(DemoCredential.objects.select_related("user"))
    with ThreadPoolExecutor() as pool:
        hashes = list(pool.map(lambda c: make_password(c.password), credentials))
    users = []
    for credential, hashed in zip(credentials, hashes, strict=True):
        credential.user.password = hashed
        users.append(credential.user)
    User.objects.bulk_update(users, ["password"])


def build(ctx: DemoContext) -> None:
    rng = ctx.rng
    places_load(province_codes={TUYEN_QUANG, GIA_LAI})
    provinces = {p.code: p for p in Province.objects.all()}
    province_units = {}
    for code, board in [
        (TUYEN_QUANG, "Ban Tổ chức Tỉnh ủy Tuyên Quang"),
        (GIA_LAI, "Ban Tổ chức Tỉnh ủy Gia Lai"),
    ]:
        province_units[code] = Unit.objects.create(
            name=board, kind=Unit.Kind.PROVINCE, province=provinces[code]
        )

    order = 0
    for key, province_code, name, kind, secretary in COMMUNES:
        province = provinces[province_code]
        commune = Commune.objects.filter(province=province, name=name).first()
        if commune is None:
            # Known in the articles by its name before the 2025 merger: kept without a code.
            commune = Commune.objects.create(province=province, name=name, kind=kind)
        ctx.communes[key] = commune
        label = "Đảng bộ phường" if kind == Commune.Kind.WARD else "Đảng bộ xã"
        committee = Unit.objects.create(
            name=f"{label} {name}",
            kind=Unit.Kind.COMMITTEE,
            parent=province_units[province_code],
            province=province,
            commune=commune,
        )
        ctx.committees[key] = committee
        order += 1
        user = _account(ctx, f"dangUy.{key}".lower(), secretary, "committee", committee, order)
        Role.objects.create(user=user, unit=committee, kind=Role.Kind.COMMITTEE)

    phone_seq = iter(range(912_000_001, 912_999_999))
    household_rows, resident_rows = [], []
    for commune_key, area_name, area_kind, urban, n_members, n_households, mix, sec_name in AREAS:
        commune = ctx.communes[commune_key]
        committee = ctx.committees[commune_key]
        area = Area.objects.create(
            commune=commune,
            name=area_name,
            kind=area_kind,
            is_urban=urban,
            is_ethnic_minority=mix.get(K, 0) < 0.5,
        )
        kind_label = area.get_kind_display()
        cell = Unit.objects.create(
            name=f"Chi bộ {kind_label} {area_name}"
            if area_kind != Area.Kind.RESIDENTIAL_GROUP
            else f"Chi bộ {area_name}",
            kind=Unit.Kind.CELL,
            parent=committee,
            province=committee.province,
            commune=commune,
        )
        CellArea.objects.create(cell=cell, area=area)
        ctx.areas[area_name] = area
        ctx.cells[area_name] = cell

        retired_share = 0.8 if urban and area_kind == Area.Kind.RESIDENTIAL_GROUP else 0.15
        names = [(sec_name, sec_name.startswith(("H'", "Phan Thị")), None)] if sec_name else []
        names += [(n, g == "nu", people) for a, n, g, people in NAMED_MEMBERS if a == area_name]
        members = []
        for i in range(n_members):
            if i < len(names):
                full_name, female, people = names[i]
                people = people or pick_people(rng, mix)
                gender = "nu" if female else "nam"
            else:
                full_name, gender, people = person(rng, pick_people(rng, mix))
            retired = rng.random() < retired_share
            birth_year = rng.randint(1944, 1962) if retired else rng.randint(1966, 2000)
            admitted = datetime.date(
                min(birth_year + rng.randint(20, 35), 2023), rng.randint(1, 12), rng.randint(1, 28)
            )
            probationary = i == n_members - 1 and not retired
            if probationary:
                admitted = ctx.today - datetime.timedelta(days=rng.randint(60, 300))
            availability = Member.Availability.ABLE
            if retired and birth_year < 1948 and i >= len(names):
                availability = Member.Availability.ELDERLY
            members.append(
                Member(
                    cell=cell,
                    full_name=full_name,
                    search_name=fold(full_name),
                    gender=gender,
                    birth_year=birth_year,
                    ethnicity=people,
                    phone=f"0{next(phone_seq)}",
                    status=Member.Status.PROBATIONARY if probationary else Member.Status.FULL,
                    admitted_on=admitted,
                    confirmed_on=None if probationary else admitted + datetime.timedelta(days=366),
                    is_retired_cadre=retired,
                    availability=availability,
                )
            )
        Member.objects.bulk_create(members)
        for m in members:
            ctx.members[f"{area_name}/{m.full_name}"] = m
        if sec_name:
            ctx.members[f"{area_name}/secretary"] = members[0]
        positions = [
            MassOrgPosition(member=m, organisation=org, title=title)
            for m, (org, title) in zip(
                members[1:4],
                [
                    (MassOrgPosition.Organisation.FARMERS, "Chi hội trưởng"),
                    (
                        MassOrgPosition.Organisation.RESIDENTS_BOARD,
                        "Trưởng thôn" if not urban else "Tổ trưởng",
                    ),
                    (MassOrgPosition.Organisation.VETERANS, "Chi hội trưởng"),
                ],
                strict=False,
            )
        ]
        MassOrgPosition.objects.bulk_create(positions)

        # Households: the named ones first, then generated heads of household.
        named = [(n, p) for a, n, p in NAMED_HOUSEHOLDS if a == area_name]
        for i in range(n_households):
            if i < len(named):
                head, people = named[i]
                gender = "nam"
            else:
                head, gender, people = person(rng, pick_people(rng, mix), female=rng.random() < 0.2)
            if urban and area_kind == Area.Kind.RESIDENTIAL_GROUP:
                address = f"{rng.randint(1, 399)} {rng.choice(URBAN_STREETS)}"
            else:
                address = f"Xóm {rng.randint(1, 4)}, {kind_label} {area_name}"
            size = rng.choice([1, 2, 3, 3, 4, 4, 4, 5, 5, 6, 7])
            household = Household(
                area=area,
                head_name=head,
                search_name=fold(head),
                address=address,
                residents_count=size,
                ethnicity=people,
                phone=f"0{next(phone_seq)}" if rng.random() < 0.7 else "",
                consent_recorded_on=datetime.date(2025, 12, rng.randint(1, 28)),
            )
            household_rows.append(household)
            head_birth = rng.randint(1945, 1995)
            resident_rows.append(
                (
                    household,
                    [(head, head_birth, gender, "chủ hộ")]
                    + [(None, None, None, None)] * (size - 1),
                )
            )

    Household.objects.bulk_create(household_rows, batch_size=500)
    residents = []
    for household, people_rows in resident_rows:
        head = people_rows[0]
        surname = head[0].split()[0]
        for full_name, birth_year, gender, relation in people_rows:
            if full_name is None:
                relation, female = rng.choice(RELATIONS)
                if relation in ("vợ", "chồng") and any(
                    r.relation in ("vợ", "chồng") and r.household is household
                    for r in residents[-6:]
                ):
                    relation, female = "con", None
                full_name, gender, _people = person(rng, household.ethnicity or K, female=female)
                if relation in ("con", "cháu") and household.ethnicity == K:
                    full_name = f"{surname} {full_name.split(' ', 1)[1]}"
                birth_year = (
                    head[1] + rng.randint(-5, 5)
                    if relation in ("vợ", "chồng")
                    else head[1] + rng.randint(20, 45)
                )
                birth_year = min(birth_year, ctx.today.year)
            residents.append(
                Resident(
                    household=household,
                    full_name=full_name,
                    search_name=fold(full_name),
                    birth_year=birth_year,
                    gender=gender,
                    relation=relation,
                )
            )
    Resident.objects.bulk_create(residents, batch_size=1000)

    # Accounts: a secretary per cell, one member per cell, a viewer per province.
    for area_name, cell in ctx.cells.items():
        cell_members = [
            m
            for k, m in ctx.members.items()
            if k.startswith(f"{area_name}/") and not k.endswith("/secretary")
        ]
        secretary = ctx.members.get(f"{area_name}/secretary") or cell_members[0]
        order += 1
        slug = fold(area_name).replace(" ", "")
        user = _account(
            ctx, f"bithu.{slug}", secretary.full_name, "secretary", cell, order, secretary.phone
        )
        Role.objects.create(user=user, unit=cell, kind=Role.Kind.SECRETARY)
        Member.objects.filter(pk=secretary.pk).update(user=user)
        plain = next(
            (m for m in cell_members if m.full_name in {n for _, n, _, _ in NAMED_MEMBERS}),
            None,
        ) or next(m for m in cell_members if m is not secretary and m.can_take_households)
        order += 1
        # A member logs in with the phone number.
        user = _account(ctx, plain.phone, plain.full_name, "member", cell, order, plain.phone)
        Member.objects.filter(pk=plain.pk).update(user=user)
        ctx.members[f"{area_name}/demo_member"] = plain
    for code, unit in province_units.items():
        order += 1
        viewer_name = "Phạm Kiên Cường" if code == TUYEN_QUANG else "Nguyễn Thị Thanh Lịch"
        user = _account(
            ctx,
            f"captren.{fold(unit.province.name).replace(' ', '')}",
            viewer_name,
            "viewer",
            unit,
            order,
        )
        Role.objects.create(user=user, unit=unit, kind=Role.Kind.VIEWER)
    _hash_passwords()
    ctx.say(
        f"Địa bàn: {len(ctx.communes)} xã, phường; {len(ctx.cells)} chi bộ; "
        f"{Member.objects.count()} đảng viên; {len(household_rows)} hộ; {len(residents)} nhân khẩu."
    )
