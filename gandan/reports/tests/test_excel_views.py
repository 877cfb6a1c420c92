import datetime
import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone
from openpyxl import load_workbook

from gandan.households.models import Household
from gandan.lib.excel import Column, Sheet, write_workbook
from gandan.reports.tests.factories import VisitFactory
from gandan.reports.views import PENDING_KEY

HEADER = ["Chủ hộ", "Khu dân cư", "Địa chỉ", "Số nhân khẩu", "Số điện thoại", "Dân tộc"]


def sheet_values(response):
    assert response["Content-Type"].startswith("application/vnd.openxmlformats")
    ws = load_workbook(io.BytesIO(response.content)).active
    return [[c.value for c in row] for row in ws.iter_rows()]


def xlsx(rows, name="ho.xlsx"):
    data = write_workbook([Sheet("Hộ", [Column(h) for h in HEADER], rows)])
    return SimpleUploadedFile(name, data)


def upload(client, unit, file):
    return client.post(reverse("reports:import", args=[unit.pk]), {"file": file})


def confirm(client, unit):
    token = client.session[PENDING_KEY]["token"]
    return client.post(reverse("reports:import", args=[unit.pk]), {"token": token})


# --- exports -------------------------------------------------------------------------------


def test_secretary_exports_only_the_households_of_his_cell(client, world):
    client.force_login(world.secretary)
    response = client.get(reverse("reports:households_xlsx", args=[world.cell_a1.pk]))
    assert response.status_code == 200
    values = sheet_values(response)
    names = {row[0] for row in values[2:]}
    assert names == {"Nguyễn Văn Nguyên", "Đặng Thị Hoa", "Lý A Páo"}
    row = next(r for r in values if r[0] == "Nguyễn Văn Nguyên")
    assert row[6] == "Hoàng Văn Thử"  # the member in charge
    assert isinstance(row[8], datetime.datetime)  # "in charge since" is a date cell


def test_committee_exports_the_whole_commune_but_not_the_other(client, world):
    client.force_login(world.committee)
    values = sheet_values(
        client.get(reverse("reports:households_xlsx", args=[world.committee_a.pk]))
    )
    names = {row[0] for row in values[2:]}
    assert "Quan Văn Khìn" in names and "Kiều Đình Toàn" not in names


@pytest.mark.parametrize(
    ("who", "unit"),
    [
        ("other_secretary", "cell_a1"),
        ("outsider", "cell_a1"),
        ("member_user", "cell_a1"),
        ("viewer", "cell_a1"),
        ("viewer", "committee_a"),
        ("secretary", "committee_a"),
    ],
)
@pytest.mark.parametrize("name", ["households_xlsx", "assignments_xlsx", "exports"])
def test_personal_data_exports_outside_row_scope_are_404(client, world, who, unit, name):
    client.force_login(getattr(world, who))
    assert client.get(reverse(f"reports:{name}", args=[getattr(world, unit).pk])).status_code == 404


def test_exports_need_login_and_get(client, world):
    url = reverse("reports:households_xlsx", args=[world.cell_a1.pk])
    assert client.get(url).status_code == 302
    client.force_login(world.secretary)
    assert client.post(url).status_code == 405


def test_assignment_table_lists_each_member_with_his_households(client, world):
    client.force_login(world.secretary)
    values = sheet_values(client.get(reverse("reports:assignments_xlsx", args=[world.cell_a1.pk])))
    lines = {(r[1], r[3]) for r in values[2:]}
    assert ("Hoàng Văn Thử", "Nguyễn Văn Nguyên") in lines
    assert ("Cháng A Đềnh", None) in lines  # in charge of nobody: the gap shows


def test_visits_of_a_period_with_dates_and_money(client, world):
    from gandan.care.models import Support

    today = timezone.localdate()
    visit = VisitFactory(household=world.h1, visited_on=today - datetime.timedelta(days=2))
    VisitFactory(household=world.h2, visited_on=today - datetime.timedelta(days=200))
    VisitFactory(household=world.h_a2, member=world.member, visited_on=today)
    Support.objects.create(
        household=world.h1,
        member=world.member,
        kind=Support.Kind.GIFT,
        given_on=visit.visited_on,
        amount=500_000,
        visit=visit,
    )
    client.force_login(world.secretary)
    response = client.get(
        reverse("reports:visits_xlsx", args=[world.cell_a1.pk]),
        {"start": (today - datetime.timedelta(days=30)).isoformat(), "end": today.isoformat()},
    )
    assert response.status_code == 200
    ws = load_workbook(io.BytesIO(response.content)).active
    rows = list(ws.iter_rows(min_row=3))
    assert len(rows) == 1  # the old visit and cell A2's visit are not in it
    assert rows[0][0].is_date
    assert rows[0][1].value == "Nguyễn Văn Nguyên"
    assert rows[0][6].value == 500_000
    assert "đ" in rows[0][6].number_format


def test_a_bad_period_is_explained(client, world):
    client.force_login(world.secretary)
    response = client.get(
        reverse("reports:visits_xlsx", args=[world.cell_a1.pk]),
        {"start": "2025-05-01", "end": "2025-04-01"},
    )
    assert response.status_code == 400
    assert "Ngày kết thúc phải sau ngày bắt đầu" in response.content.decode()


# --- import --------------------------------------------------------------------------------


def test_export_then_import_into_an_emptied_cell_finds_the_same_households(client, world):
    client.force_login(world.secretary)
    exported = client.get(reverse("reports:households_xlsx", args=[world.cell_a1.pk]))
    fields = ["head_name", "area__name", "address", "residents_count", "phone", "ethnicity"]
    before = sorted(Household.objects.filter(area=world.area_a1).values_list(*fields))
    Household.objects.filter(area=world.area_a1).delete()

    response = upload(client, world.cell_a1, SimpleUploadedFile("ho.xlsx", exported.content))
    assert response.status_code == 200
    assert len(response.context["plan"].new) == 3
    assert Household.objects.filter(area=world.area_a1).count() == 0  # nothing saved yet

    response = confirm(client, world.cell_a1)
    assert response.status_code == 302
    after = sorted(Household.objects.filter(area=world.area_a1).values_list(*fields))
    assert after == before
    assert PENDING_KEY not in client.session


def test_households_already_there_are_skipped_not_duplicated(client, world):
    client.force_login(world.secretary)
    rows = [
        ["nguyen van nguyen", "Tiên Tốc", "", 4, "", "Kinh"],  # already there (folded)
        ["Vàng Thị Mai", "Tiên Tốc", "Xóm Trên", 5, "0912 000 111", "Tày"],
    ]
    upload(client, world.cell_a1, xlsx(rows))
    response = confirm(client, world.cell_a1)
    messages = [str(m) for m in response.wsgi_request._messages]
    assert messages == ["Đã nhập 1 hộ mới; bỏ qua 1 hộ đã có."]
    mai = Household.objects.get(head_name="Vàng Thị Mai")
    assert (mai.phone, mai.residents_count, mai.search_name) == ("0912000111", 5, "vang thi mai")
    assert Household.objects.filter(search_name="nguyen van nguyen").count() == 1
    # The same file again creates nothing.
    response = upload(client, world.cell_a1, xlsx(rows))
    assert (len(response.context["plan"].new), len(response.context["plan"].existing)) == (0, 2)
    response = confirm(client, world.cell_a1)
    assert [str(m) for m in response.wsgi_request._messages] == [
        "Đã nhập 0 hộ mới; bỏ qua 2 hộ đã có."
    ]


def test_bad_rows_are_reported_by_row_and_column_and_nothing_is_saved(client, world):
    client.force_login(world.secretary)
    rows = [
        ["Hộ Tốt", "Tiên Tốc", "", 3, "", ""],
        ["Hộ Sai Số", "Tiên Tốc", "", 3, "12345", ""],
        ["Hộ Nơi Khác", "Nà Thuôn", "", 3, "", ""],  # cell A2's area: not his to import
        ["Hộ Tốt", "tien toc", "", 3, "", ""],
    ]
    count = Household.objects.count()
    response = upload(client, world.cell_a1, xlsx(rows))
    assert response.status_code == 400
    body = response.content.decode()
    assert "Dòng 3, cột “Số điện thoại”" in body
    assert "Dòng 4, cột “Khu dân cư”" in body
    assert "Dòng 5, cột “Chủ hộ”: trùng với dòng 2" in body
    assert Household.objects.count() == count
    assert PENDING_KEY not in client.session


def test_a_file_that_is_not_excel_is_refused_clearly(client, world):
    client.force_login(world.secretary)
    response = upload(client, world.cell_a1, SimpleUploadedFile("ho.xlsx", b"hello"))
    assert response.status_code == 400
    assert "Không đọc được tệp" in response.content.decode()


def test_confirming_with_a_wrong_token_imports_nothing(client, world):
    client.force_login(world.secretary)
    upload(client, world.cell_a1, xlsx([["Hộ Mới", "Tiên Tốc", "", 2, "", ""]]))
    response = client.post(reverse("reports:import", args=[world.cell_a1.pk]), {"token": "x"})
    assert response.status_code == 302
    assert not Household.objects.filter(head_name="Hộ Mới").exists()


def test_pending_import_of_one_cell_cannot_be_confirmed_into_another(client, world):
    client.force_login(world.committee)
    upload(client, world.cell_a1, xlsx([["Hộ Mới", "Tiên Tốc", "", 2, "", ""]]))
    token = client.session[PENDING_KEY]["token"]
    client.post(reverse("reports:import", args=[world.cell_a2.pk]), {"token": token})
    assert not Household.objects.filter(head_name="Hộ Mới").exists()


def test_committee_imports_into_any_area_of_the_commune(client, world):
    client.force_login(world.committee)
    rows = [["Hộ A", "Tiên Tốc", "", 2, "", ""], ["Hộ B", "Nà Thuôn", "", 2, "", ""]]
    upload(client, world.committee_a, xlsx(rows))
    response = confirm(client, world.committee_a)
    assert response.url == reverse("org:commune", args=[world.committee_a.pk])
    assert Household.objects.filter(head_name__in=["Hộ A", "Hộ B"]).count() == 2


def test_template_download_names_the_areas(client, world):
    client.force_login(world.secretary)
    response = client.get(reverse("reports:import_template", args=[world.cell_a1.pk]))
    assert response.status_code == 200
    wb = load_workbook(io.BytesIO(response.content))
    assert [c.value for c in wb.worksheets[0][1]] == HEADER
    assert "Tiên Tốc" in str([c.value for row in wb.worksheets[1].iter_rows() for c in row])


def test_viewer_may_not_import(client, world):
    client.force_login(world.viewer)
    url = reverse("reports:import", args=[world.cell_a1.pk])
    assert client.get(url).status_code == 403
    assert client.post(url, {"file": xlsx([["Hộ", "Tiên Tốc", "", 2]])}).status_code == 403


@pytest.mark.parametrize("who", ["outsider", "other_secretary", "member_user"])
def test_import_outside_scope_is_404(client, world, who):
    client.force_login(getattr(world, who))
    url = reverse("reports:import", args=[world.cell_a1.pk])
    # A plain member's own cell is a page he may open, not a report or an import.
    assert client.get(url).status_code == 404


def test_import_needs_login_and_get_or_post(client, world):
    url = reverse("reports:import", args=[world.cell_a1.pk])
    assert client.get(url).status_code == 302
    client.force_login(world.secretary)
    assert client.put(url).status_code == 405
    assert client.get(url).status_code == 200


def test_excel_page_of_a_cell_offers_the_files_and_the_import(client, world):
    client.force_login(world.secretary)
    response = client.get(reverse("reports:exports", args=[world.cell_a1.pk]))
    assert response.status_code == 200
    body = response.content.decode()
    for name in ["households_xlsx", "assignments_xlsx", "visits_xlsx", "import"]:
        assert reverse(f"reports:{name}", args=[world.cell_a1.pk]) in body
    # The cell page links to it from its tabs.
    cell_page = client.get(reverse("care:cell", args=[world.cell_a1.pk])).content.decode()
    assert reverse("reports:exports", args=[world.cell_a1.pk]) in cell_page
