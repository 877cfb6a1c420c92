"""Benchmark at province scale: build a throw-away dataset, then time the hot reads.

PostgreSQL (the deployment engine): `--create-database` drops and recreates the database named
in DATABASE_URL (its name must contain "bench", so a real database is never touched), migrates
it and fills it with generate_series SQL: communes, cells with one area each, members,
households with a member in charge, a year of visits (one a month), concerns, two years of
official poverty statuses. Then ANALYZE, and the timings, the query plans (index use) and the
compressed size of the member pages are printed. Figures only, no assertions: a machine's
speed is not a test.

SQLite: no generation; the command times the same reads on the demo database (building the
demo first when the database is empty).
"""

import datetime
import gzip
import statistics
import time
from urllib.parse import urlencode

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError
from django.db import connection, connections, transaction
from django.db.models import Exists, Max, OuterRef
from django.test import Client
from django.urls import reverse

from gandan.accounts.models import User
from gandan.care import selectors as care_selectors
from gandan.care.models import Visit
from gandan.households import selectors as household_selectors
from gandan.lib.dates import today
from gandan.org.models import Member, Role, Unit
from gandan.poverty.models import Assessment
from gandan.reports import selectors

FAMILY = [
    ("Nguyễn", "nguyen"), ("Trần", "tran"), ("Lê", "le"), ("Phạm", "pham"),
    ("Hoàng", "hoang"), ("Huỳnh", "huynh"), ("Phan", "phan"), ("Vũ", "vu"), ("Võ", "vo"),
    ("Đặng", "dang"), ("Bùi", "bui"), ("Đỗ", "do"), ("Hồ", "ho"), ("Ngô", "ngo"),
    ("Dương", "duong"), ("Lý", "ly"), ("Nông", "nong"), ("Hà", "ha"), ("Lục", "luc"),
    ("Triệu", "trieu"), ("Giàng", "giang"), ("Vàng", "vang"), ("Sùng", "sung"),
]  # fmt: skip
MIDDLE = [
    ("Văn", "van"), ("Thị", "thi"), ("Đức", "duc"), ("Minh", "minh"), ("Ngọc", "ngoc"),
    ("Hữu", "huu"), ("Quang", "quang"), ("Thanh", "thanh"), ("A", "a"), ("Xuân", "xuan"),
    ("Mí", "mi"),
]  # fmt: skip
GIVEN = [
    ("An", "an"), ("Bình", "binh"), ("Cường", "cuong"), ("Dũng", "dung"), ("Hoa", "hoa"),
    ("Hùng", "hung"), ("Lan", "lan"), ("Mai", "mai"), ("Nam", "nam"), ("Phúc", "phuc"),
    ("Quân", "quan"), ("Sơn", "son"), ("Thắng", "thang"), ("Tuấn", "tuan"), ("Vân", "van"),
    ("Yến", "yen"), ("Páo", "pao"), ("Dềnh", "denh"), ("Khìn", "khin"), ("Toàn", "toan"),
    ("Hương", "huong"), ("Long", "long"), ("Trung", "trung"), ("Hiếu", "hieu"),
    ("Chính", "chinh"), ("Nguyên", "nguyen"), ("Thảo", "thao"), ("Tâm", "tam"),
    ("Lâm", "lam"),
]  # fmt: skip
ETHNICITIES = ["Kinh", "Tày", "H'Mông", "Dao", "Nùng", "Gia Rai"]

# A pseudo-random pick from an array, stable for a given row and salt.
PICK = (
    "(%(arr)s::text[])[1 + ((hashtext(({expr})::text || '{salt}')::bigint & 2147483647)"
    " %% array_length(%(arr)s::text[], 1))]"
)


def pick(array: str, expr: str, salt: int) -> str:
    return PICK.replace("%(arr)s", f"%({array})s").format(expr=expr, salt=salt)


class Command(BaseCommand):
    help = (
        "Đo thời gian các truy vấn chính ở quy mô một tỉnh (PostgreSQL: tạo dữ liệu thử "
        "trong một cơ sở dữ liệu riêng; SQLite: dùng dữ liệu thử nghiệm)."
    )

    def add_arguments(self, parser):
        parser.add_argument("--households", type=int, default=200_000)
        parser.add_argument("--visits-per-household", type=int, default=12)
        parser.add_argument("--households-per-cell", type=int, default=100)
        parser.add_argument("--members-per-cell", type=int, default=15)
        parser.add_argument("--households-per-commune", type=int, default=2_000)
        parser.add_argument("--repeat", type=int, default=3)
        parser.add_argument(
            "--create-database",
            action="store_true",
            help="xóa và tạo lại cơ sở dữ liệu (tên phải chứa 'bench'), rồi sinh dữ liệu",
        )

    def handle(self, *args, **o):
        self.repeat = o["repeat"]
        if connection.vendor == "postgresql":
            if o["create_database"]:
                self.recreate_database()
                started = time.perf_counter()
                self.generate(o)
                self.out(f"Sinh dữ liệu và ANALYZE: {time.perf_counter() - started:.1f} s")
            elif not Unit.objects.filter(name="Tỉnh ủy Thử Tải").exists():
                raise CommandError("Chưa có dữ liệu thử tải: chạy lại với --create-database.")
        else:
            if o["create_database"]:
                raise CommandError("Sinh dữ liệu quy mô tỉnh cần PostgreSQL (DATABASE_URL).")
            if not Unit.objects.exists():
                from gandan.demo.runner import demo_build

                demo_build(today=today(), out=lambda line: None)
        self.measure()

    def out(self, line: str = "") -> None:
        self.stdout.write(line)

    # --- the throw-away database ---------------------------------------------------------

    def recreate_database(self) -> None:
        import psycopg

        db = settings.DATABASES["default"]
        name = db["NAME"]
        if "bench" not in name:
            raise CommandError(
                f"Cơ sở dữ liệu “{name}” không phải cơ sở dữ liệu thử tải (tên phải chứa "
                "'bench'): không xóa."
            )
        connections.close_all()
        params = {
            "dbname": "postgres",
            "user": db.get("USER") or None,
            "password": db.get("PASSWORD") or None,
            "host": db.get("HOST") or None,
            "port": db.get("PORT") or None,
        }
        with psycopg.connect(**{k: v for k, v in params.items() if v}, autocommit=True) as c:
            c.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
            c.execute(f'CREATE DATABASE "{name}"')
        call_command("migrate", verbosity=0)

    def generate(self, o) -> None:
        hpc, mpc = o["households_per_cell"], o["members_per_cell"]
        cells = max(1, -(-o["households"] // hpc))
        communes = max(1, -(-o["households"] // o["households_per_commune"]))
        visits = o["visits_per_household"]
        year = today().year
        self.out(
            f"Quy mô: {communes} xã, {cells} chi bộ, {cells * mpc} đảng viên, "
            f"{cells * hpc} hộ, khoảng {cells * hpc * 95 // 100 * visits} lần thăm "
            f"({visits} lần/hộ/năm), kết quả rà soát {year - 1} và {year}."
        )
        arrays = {
            "family": [f for f, _ in FAMILY],
            "family_f": [f for _, f in FAMILY],
            "middle": [m for m, _ in MIDDLE],
            "middle_f": [m for _, m in MIDDLE],
            "given": [g for g, _ in GIVEN],
            "given_f": [g for _, g in GIVEN],
            "ethnicities": ETHNICITIES,
        }

        def name(expr):
            parts = [
                pick("family", expr, 7919),
                pick("middle", expr, 104729),
                pick("given", expr, 1299709),
            ]
            folded = [
                pick("family_f", expr, 7919),
                pick("middle_f", expr, 104729),
                pick("given_f", expr, 1299709),
            ]
            return " || ' ' || ".join(parts), " || ' ' || ".join(folded)

        steps = []
        p = {**arrays, "cells": cells, "communes": communes, "hpc": hpc, "mpc": mpc}
        p.update(visits=visits, today=today(), year=year, step=max(1, 365 // max(visits, 1)))
        steps.append(
            (
                "tỉnh, xã, chi bộ",
                """
            INSERT INTO places_province (code, name) VALUES (9999, 'Tỉnh Thử Tải');
            INSERT INTO places_commune (code, name, kind, search_name, province_id)
              SELECT NULL, 'Thử ' || g, 'xa', 'thu ' || g,
                     (SELECT id FROM places_province WHERE code = 9999)
              FROM generate_series(1, %(communes)s) g;
            INSERT INTO org_unit (name, kind, commune_id, parent_id, province_id)
              SELECT 'Tỉnh ủy Thử Tải', 'province', NULL, NULL, id
              FROM places_province WHERE code = 9999;
            INSERT INTO org_unit (name, kind, commune_id, parent_id, province_id)
              SELECT 'Đảng bộ xã ' || c.name, 'committee', c.id, u.id, c.province_id
              FROM places_commune c
              JOIN org_unit u ON u.kind = 'province' AND u.province_id = c.province_id
              WHERE c.search_name LIKE 'thu %%' ORDER BY c.id;
            INSERT INTO places_area (name, kind, is_urban, is_ethnic_minority, commune_id)
              SELECT 'Thôn ' || g, 'thon', g %% 5 = 0, g %% 3 = 0,
                     ids[1 + ((g - 1) * %(communes)s) / %(cells)s]
              FROM generate_series(1, %(cells)s) g,
                   (SELECT array_agg(id ORDER BY id) AS ids FROM places_commune
                    WHERE search_name LIKE 'thu %%') c;
            INSERT INTO org_unit (name, kind, commune_id, parent_id, province_id)
              SELECT 'Chi bộ ' || a.name, 'cell', a.commune_id, u.id, u.province_id
              FROM places_area a
              JOIN org_unit u ON u.kind = 'committee' AND u.commune_id = a.commune_id
              ORDER BY a.id;
            INSERT INTO org_cellarea (cell_id, area_id)
              SELECT u.id, a.id FROM places_area a
              JOIN org_unit u ON u.kind = 'cell' AND u.commune_id = a.commune_id
                AND u.name = 'Chi bộ ' || a.name;
            """,
            )
        )
        member_name, member_folded = name("ca.id * 37 + k")
        steps.append(
            (
                "đảng viên",
                f"""
            INSERT INTO org_member (full_name, search_name, gender, birth_year, ethnicity, phone,
                status, admitted_on, confirmed_on, is_retired_cadre, availability, left_on,
                left_reason, user_id, cell_id)
              SELECT {member_name}, {member_folded}, '', 1950 + (ca.id + k) %% 40, 'Kinh',
                     '09' || lpad(((ca.id * 100 + k) %% 100000000)::text, 8, '0'),
                     'full', DATE '1990-05-19', DATE '1991-05-19', k %% 4 = 0, 'able',
                     NULL, '', NULL, ca.cell_id
              FROM org_cellarea ca CROSS JOIN generate_series(1, %(mpc)s) k;
            """,  # noqa: S608 (fixed expressions of this module; values are parameters)
            )
        )
        household_name, household_folded = name("ca.area_id * 1009 + k")
        steps.append(
            (
                "hộ gia đình",
                f"""
            INSERT INTO households_household (head_name, search_name, address, residents_count,
                ethnicity, phone, notes, consent_recorded_on, processing_purpose, left_on,
                anonymised_at, created_at, updated_at, area_id)
              SELECT {household_name}, {household_folded}, 'Xóm ' || (1 + k %% 6), 1 + k %% 7,
                     {pick("ethnicities", "ca.area_id + k", 3)}, '', '', NULL, '', NULL, NULL,
                     now(), now(), ca.area_id
              FROM org_cellarea ca CROSS JOIN generate_series(1, %(hpc)s) k;
            """,  # noqa: S608 (fixed expressions of this module; values are parameters)
            )
        )
        steps.append(
            (
                "phân công (95% hộ có đảng viên phụ trách)",
                """
            INSERT INTO households_assignment (starts_on, ends_on, reason, created_at,
                assigned_by_id, member_id, household_id)
              SELECT DATE '2024-01-01', NULL, '', now(), NULL, m.id, h.id
              FROM (SELECT id, area_id,
                           row_number() OVER (PARTITION BY area_id ORDER BY id) AS rn
                    FROM households_household) h
              JOIN org_cellarea ca ON ca.area_id = h.area_id
              JOIN (SELECT id, cell_id,
                           row_number() OVER (PARTITION BY cell_id ORDER BY id) AS rn
                    FROM org_member) m
                ON m.cell_id = ca.cell_id AND m.rn = 1 + (h.rn - 1) %% %(mpc)s
              WHERE h.rn %% 20 <> 0;
            """,
            )
        )
        steps.append(
            (
                "lần thăm (một năm)",
                """
            INSERT INTO care_visit (uuid, visited_on, activities, notes, created_at, updated_at,
                revision_count, household_id, member_id, recorded_by_id)
              SELECT gen_random_uuid(),
                     %(today)s::date - (k * %(step)s + a.household_id %% %(step)s)::int,
                     '[]'::jsonb, '', now(), now(), 0, a.household_id, a.member_id, NULL
              FROM households_assignment a CROSS JOIN generate_series(0, %(visits)s - 1) k
              WHERE (hashtext(a.household_id::text) & 7) <> 0 OR k > 2;
            """,
            )
        )
        steps.append(
            (
                "kiến nghị (khoảng 1,6% hộ)",
                """
            INSERT INTO care_concern (text, status, level, forwarded_to, answer, answered_at,
                closed_at, created_at, updated_at, cell_id, household_id, raised_by_id,
                visit_id)
              SELECT 'Đề nghị sửa đường vào xóm',
                     (ARRAY['new', 'in_progress', 'closed'])[1 + a.household_id %% 3],
                     'cell', '', '', NULL,
                     CASE WHEN a.household_id %% 3 = 2 THEN now() END,
                     now() - (a.household_id %% 60) * interval '1 day', now(),
                     ca.cell_id, a.household_id, a.member_id, NULL
              FROM households_assignment a
              JOIN households_household h ON h.id = a.household_id
              JOIN org_cellarea ca ON ca.area_id = h.area_id
              WHERE (hashtext(a.household_id::text || 'c') & 63) = 0;
            """,
            )
        )
        steps.append(
            (
                "kết quả rà soát hộ nghèo (hai năm)",
                """
            INSERT INTO poverty_assessment (year, status, kind, decided_on, decided_by,
                income_per_person, deprived_codes, reason, created_at, updated_at,
                household_id, recorded_by_id, review_id, standard_id)
              SELECT y, CASE WHEN r < 4 THEN 'poor' WHEN r < 8 THEN 'near_poor'
                             WHEN r < 20 THEN 'middle' ELSE 'none' END,
                     'periodic', make_date(y, 12, 10), 'UBND xã', NULL, '[]'::jsonb, '',
                     now(), now(), h.id, NULL, NULL,
                     (SELECT id FROM poverty_standard
                      WHERE first_year <= y AND last_year >= y ORDER BY id LIMIT 1)
              FROM households_household h
              CROSS JOIN generate_series(%(year)s - 1, %(year)s) y
              CROSS JOIN LATERAL (
                SELECT (hashtext(h.id::text) & 2147483647) %% 100 AS base,
                       (hashtext(h.id::text || 'd') & 7) - 3 AS drift) hh
              CROSS JOIN LATERAL (
                SELECT CASE WHEN y %% 2 = 0 THEN base ELSE (base + drift + 100) %% 100 END
                       AS r) rr;
            """,
            )
        )
        with transaction.atomic(), connection.cursor() as cursor:
            for label, sql in steps:
                started = time.perf_counter()
                for statement in [s for s in sql.split(";") if s.strip()]:
                    cursor.execute(statement, p)
                self.out(f"  {label}: {time.perf_counter() - started:.1f} s")
        self.make_users()
        started = time.perf_counter()
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")
        self.out(f"  ANALYZE: {time.perf_counter() - started:.1f} s")

    def make_users(self) -> None:
        province = Unit.objects.get(name="Tỉnh ủy Thử Tải")
        committee = Unit.objects.filter(parent=province).order_by("pk").first()
        cell = Unit.objects.filter(parent=committee, kind=Unit.Kind.CELL).order_by("pk").first()
        member = Member.objects.filter(cell=cell).order_by("pk").first()
        users = {}
        for username in ["bench.admin", "bench.danguy", "bench.bithu", "bench.dangvien",
                         "bench.captren"]:  # fmt: skip
            user = User(username=username, first_name="Thử tải")
            user.set_unusable_password()
            user.is_superuser = username == "bench.admin"
            user.save()
            users[username] = user
        Role.objects.create(user=users["bench.danguy"], unit=committee, kind=Role.Kind.COMMITTEE)
        Role.objects.create(user=users["bench.bithu"], unit=cell, kind=Role.Kind.SECRETARY)
        Role.objects.create(user=users["bench.captren"], unit=province, kind=Role.Kind.VIEWER)
        member.user = users["bench.dangvien"]
        member.save(update_fields=["user"])

    # --- the measurements ------------------------------------------------------------------

    def personas(self):
        if Unit.objects.filter(name="Tỉnh ủy Thử Tải").exists():
            get = User.objects.get
            return {
                "admin": get(username="bench.admin"),
                "committee": get(username="bench.danguy"),
                "secretary": get(username="bench.bithu"),
                "member": get(username="bench.dangvien"),
                "viewer": get(username="bench.captren"),
            }
        # The demo: one account of each role.
        role_user = {
            kind: Role.objects.filter(kind=kind).order_by("pk").values_list("user", flat=True)[0]
            for kind in (Role.Kind.COMMITTEE, Role.Kind.SECRETARY, Role.Kind.VIEWER)
        }
        member = (
            Member.objects.filter(user__isnull=False, assignments__ends_on__isnull=True)
            .order_by("pk")
            .first()
        )
        admin = User.objects.filter(is_superuser=True).first() or User.objects.get(
            pk=role_user[Role.Kind.COMMITTEE]
        )
        return {
            "admin": admin,
            "committee": User.objects.get(pk=role_user[Role.Kind.COMMITTEE]),
            "secretary": User.objects.get(pk=role_user[Role.Kind.SECRETARY]),
            "member": member.user,
            "viewer": User.objects.get(pk=role_user[Role.Kind.VIEWER]),
        }

    def time(self, label: str, fn) -> object:
        result, times = None, []
        for _ in range(self.repeat):
            for user in self._users:
                user.__dict__.pop("_gandan_scope", None)  # each request computes its scope
            started = time.perf_counter()
            result = fn()
            times.append((time.perf_counter() - started) * 1000)
        self.out(
            f"  {label:<58} best {min(times):8.1f} ms   median {statistics.median(times):8.1f} ms"
        )
        return result

    def plan(self, label: str, queryset) -> None:
        text = (
            queryset.explain(analyze=True)
            if connection.vendor == "postgresql"
            else (queryset.explain())
        )
        keep = [
            line.strip()
            for line in text.splitlines()
            if any(w in line for w in ("Index", "Bitmap", "Seq Scan", "Execution Time", "SCAN",
                                       "SEARCH"))
        ]  # fmt: skip
        self.out(f"  plan of {label}:")
        for line in keep[:12]:
            self.out(f"      {line[:150]}")

    def measure(self) -> None:
        people = self.personas()
        self._users = list(people.values())
        committee = Unit.objects.get(roles__user=people["committee"], roles__kind="committee")
        cell = Unit.objects.get(roles__user=people["secretary"], roles__kind="secretary")
        province = Unit.objects.get(roles__user=people["viewer"], roles__kind="viewer")
        # The latest year with official statuses (the demo's run to last year).
        year = Assessment.objects.aggregate(year=Max("year"))["year"] or today().year
        counts = {
            "hộ": selectors.unit_households(province).count(),
            "đảng viên": selectors.unit_members(province).count(),
            "chi bộ": Unit.objects.filter(province=province.province, kind="cell").count(),
        }
        self.out(
            f"Đo trên {connection.vendor}: "
            + ", ".join(f"{v:,} {k}".replace(",", ".") for k, v in counts.items())
            + f"; năm {year}; lặp {self.repeat} lần."
        )

        self.out("Tìm hộ không dấu (chỉ số trigram trên search_name):")
        for who, q in [("admin", "nguyen van hung"), ("committee", "dang thi"),
                       ("admin", "giang mi pao")]:  # fmt: skip
            user = people[who]

            def search(user=user, q=q):
                qs = household_selectors.household_list_for(user=user, q=q)
                return len(list(qs[:50])), qs.count()

            shown, total = self.time(f"“{q}” ({who}), 50 đầu và số tìm thấy", search)
            self.out(f"      {shown} hiển thị / {total:,} tìm thấy".replace(",", "."))
        self.plan(
            "“nguyen van hung” (cả tỉnh)",
            household_selectors.household_list_for(user=people["admin"], q="nguyen van hung")[:50],
        )

        self.out("Danh sách hộ của một đảng viên, trang chi bộ:")
        rows = self.time(
            "my_household_list_for (đảng viên)",
            lambda: care_selectors.my_household_list_for(user=people["member"]),
        )
        self.out(f"      {len(rows)} hộ")
        self.plan(
            "hộ của đảng viên",
            household_selectors.household_list_for(user=people["member"]),
        )
        client = Client(HTTP_HOST="localhost")
        pages = {}

        def page(user, url):
            client.force_login(user)
            response = client.get(url, secure=True)
            if response.status_code != 200:
                raise CommandError(f"{url}: {response.status_code}")
            return response

        member_pk = people["member"].member.pk
        for who, label, url in [
            ("secretary", "trang chi bộ (bí thư)", reverse("care:cell", args=[cell.pk])),
            ("member", "trang hộ tôi phụ trách (đảng viên)", reverse("care:mine")),
            ("member", "trang đảng viên", reverse("care:member", args=[member_pk])),
            ("committee", "bảng tổng hợp xã", reverse("reports:commune", args=[committee.pk])),
        ]:
            user = people[who]
            pages[label] = self.time(label, lambda user=user, url=url: page(user, url))

        self.out("Tổng hợp (selectors):")
        overview = self.time(
            "commune_overview_for (một xã, theo chi bộ)",
            lambda: selectors.commune_overview_for(
                user=people["committee"], committee=committee, year=year
            ),
        )
        self.out(
            f"      {len(overview.rows)} chi bộ, {overview.total.households:,} hộ".replace(",", ".")
        )
        overview = self.time(
            "province_overview_for (cả tỉnh, theo xã)",
            lambda: selectors.province_overview_for(
                user=people["viewer"], province_unit=province, year=year
            ),
        )
        self.out(
            f"      {len(overview.rows)} xã, {overview.total.households:,} hộ".replace(",", ".")
        )
        recent = Visit.objects.filter(
            household=OuterRef("pk"), visited_on__gte=today() - datetime.timedelta(days=30)
        )
        self.plan(
            "hộ được thăm trong 30 ngày của một xã",
            selectors.unit_households(committee).filter(Exists(recent)).values("pk"),
        )

        self.out("API GET /api/v1/reports/summary:")
        for who, unit in [("committee", committee), ("committee", cell), ("viewer", province)]:
            user = people[who]
            url = "/api/v1/reports/summary?" + urlencode({"unit": unit.pk, "year": year})
            response = self.time(
                f"{unit.get_kind_display()} ({who})", lambda user=user, url=url: page(user, url)
            )
            data = response.json()
            self.out(
                f"      hộ {data['households']:,}, thăm 30 ngày {data['visited_30d']:,}, "
                f"nghèo {data['poor']:,}, cận nghèo {data['near_poor']:,}".replace(",", ".")
            )

        self.out("Cỡ trang (HTML, nén gzip):")
        for label, response in pages.items():
            raw = response.content
            self.out(
                f"  {label:<58} {len(raw):>8,} B  gzip {len(gzip.compress(raw)):>7,} B".replace(
                    ",", "."
                )
            )
