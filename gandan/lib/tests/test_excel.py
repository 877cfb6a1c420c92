import datetime
import io

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from openpyxl import load_workbook

from gandan.lib.excel import (
    Column,
    ExcelError,
    Sheet,
    household_template,
    parse_household_rows,
    read_sheet,
    write_workbook,
)

HEADER = ["Chủ hộ", "Khu dân cư", "Địa chỉ", "Số nhân khẩu", "Số điện thoại", "Dân tộc"]
AREAS = ["Tiên Tốc", "Nà Thuôn"]


def test_valid_rows_are_read_with_area_matched_without_diacritics():
    result = parse_household_rows(
        [
            HEADER,
            ["Nguyễn Văn A", "tien toc", "Xóm 1", 4, "0912345678", "Kinh"],
            ["Lý A Páo", "NÀ THUÔN", "", "5", 912345679, "H'Mông"],
        ],
        area_names=AREAS,
    )
    assert result.errors == []
    first, second = result.rows
    assert (first.row, first.area, first.residents_count) == (2, "Tiên Tốc", 4)
    assert second.area == "Nà Thuôn"
    assert second.residents_count == 5
    assert second.phone == "0912345679"  # Excel dropped the leading zero


def test_each_bad_cell_is_reported_with_its_row_and_column():
    result = parse_household_rows(
        [
            HEADER,
            ["Nguyễn Văn A", "Tiên Tốc", "", 4, "12345", ""],
            ["Nguyễn Văn B", "Làng Xa", "", 4, "", ""],
            ["Nguyễn Văn C", "Tiên Tốc", "", "bốn", "", ""],
            ["", "Tiên Tốc", "", 0, "", ""],
        ],
        area_names=AREAS,
    )
    assert result.rows == []
    found = {(e.row, e.column) for e in result.errors}
    assert found == {
        (2, "Số điện thoại"),
        (3, "Khu dân cư"),
        (4, "Số nhân khẩu"),
        (5, "Chủ hộ"),
        (5, "Số nhân khẩu"),
    }
    assert str(result.errors[0]).startswith("Dòng 2, cột “Số điện thoại”")


def test_a_household_twice_in_the_file_is_a_duplicate():
    result = parse_household_rows(
        [
            HEADER,
            ["Đặng Thị Hoa", "Tiên Tốc", "Xóm 1", 3],
            ["dang thi hoa", "tien toc", "xom 1", 3],
        ],
        area_names=AREAS,
    )
    assert len(result.rows) == 1
    assert [(e.row, "trùng với dòng 2" in e.message) for e in result.errors] == [(3, True)]


def test_missing_required_column_is_named():
    result = parse_household_rows([["Chủ hộ", "Địa chỉ"], ["A", "B"]], area_names=AREAS)
    assert {e.column for e in result.errors} == {"Khu dân cư", "Số nhân khẩu"}
    assert result.rows == []


def test_header_below_a_title_line_is_found_and_row_numbers_stay_excel_rows():
    result = parse_household_rows(
        [["Danh sách hộ thôn Tiên Tốc"], HEADER, ["A", "Tiên Tốc", "", 2]], area_names=AREAS
    )
    assert result.errors == []
    assert result.rows[0].row == 3


def test_empty_rows_are_skipped_and_an_empty_list_is_an_error():
    assert parse_household_rows([HEADER, [None, "  ", None]], area_names=AREAS).errors
    assert parse_household_rows([], area_names=AREAS).errors


cell_values = st.one_of(
    st.none(),
    st.text(max_size=30),
    st.integers(min_value=-(10**12), max_value=10**12),
    st.floats(allow_nan=True, allow_infinity=True),
    st.booleans(),
    st.dates(),
    st.datetimes(),
    st.sampled_from(AREAS + ["tien toc", "0912345678", "4", "Kinh", *HEADER]),
)


@settings(max_examples=300, deadline=None)
@given(
    header=st.one_of(st.just(HEADER), st.lists(cell_values, max_size=8)),
    body=st.lists(st.lists(cell_values, max_size=8), max_size=8),
)
def test_any_cells_give_rows_or_clear_errors_never_an_exception(header, body):
    result = parse_household_rows([header, *body], area_names=AREAS)
    assert result.rows or result.errors
    for error in result.errors:
        assert error.row >= 1
        assert error.message
        assert str(error).startswith("Dòng ")
    for row in result.rows:
        assert row.area in AREAS
        assert 1 <= row.residents_count <= 50
        assert row.head_name
    # A row is either taken or reported, never both.
    assert not {r.row for r in result.rows} & {e.row for e in result.errors}


@settings(max_examples=50, deadline=None)
@given(st.binary(max_size=2000))
def test_any_bytes_give_a_sheet_or_a_clear_error(data):
    try:
        rows = read_sheet(data)
    except ExcelError as error:
        assert str(error)
    else:
        assert isinstance(rows, list)


def test_written_workbook_keeps_dates_as_dates_and_money_as_numbers():
    data = write_workbook(
        [
            Sheet(
                "Thăm hộ",
                [Column("Ngày", "date"), Column("Số tiền", "money"), Column("Ghi chú")],
                [[datetime.date(2025, 3, 8), 10_000_000, "Quà"]],
                heading="Thôn Tiên Tốc",
            )
        ]
    )
    ws = load_workbook(io.BytesIO(data)).active
    assert ws["A1"].value == "Thôn Tiên Tốc"
    assert ws["A2"].value == "Ngày"
    assert ws["A3"].value.date() == datetime.date(2025, 3, 8)
    assert ws["A3"].is_date
    assert ws["B3"].value == 10_000_000
    assert "đ" in ws["B3"].number_format


def test_template_reads_back_as_its_example_row():
    rows = read_sheet(household_template(area_names=AREAS))
    result = parse_household_rows(rows, area_names=AREAS)
    assert result.errors == []
    assert result.rows[0].area == "Tiên Tốc"


def test_not_an_excel_file_is_a_clear_error():
    with pytest.raises(ExcelError, match="Không đọc được"):
        read_sheet(b"PK\x03\x04 not really a zip")
    with pytest.raises(ExcelError, match="trống"):
        read_sheet(b"")
