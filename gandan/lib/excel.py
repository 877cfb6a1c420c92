"""Excel in and out over openpyxl: pure helpers, no models.

Writing: `write_workbook` turns plain rows into an .xlsx with Vietnamese headers, real dates
(not text) and money as numbers with a đồng format, so a commune's staff can sum and sort.

Reading: `parse_household_rows` checks every cell of a household list and returns either clean
rows or errors that name the row and the column, in Vietnamese; it never raises, whatever the
cells hold. `read_sheet` opens an uploaded file; a file that is not an .xlsx, too large or
empty becomes an `ExcelError` with a message for the user. openpyxl parses the XML through
defusedxml when it is installed (a declared dependency), so an XML bomb is refused.
"""

import datetime
import io
import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from openpyxl import Workbook, load_workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter

from gandan.lib.text import fold, is_valid_phone, normalise_phone

XLSX_CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
MONEY_FORMAT = '#,##0 "đ"'
DATE_FORMAT = "DD/MM/YYYY"
INT_FORMAT = "#,##0"
PERCENT_FORMAT = "0%"
MAX_UPLOAD_BYTES = 2 * 1024 * 1024
MAX_ROWS = 5000


class ExcelError(Exception):
    """A file that cannot be read as a household list; the message is for the user."""


# --- writing -------------------------------------------------------------------------------


@dataclass(frozen=True)
class Column:
    """A column of an exported sheet: its Vietnamese header and how its values look.

    kind: "text", "int", "money" (integer đồng), "date", "percent" (a ratio 0..1)."""

    header: str
    kind: str = "text"
    width: int = 18


@dataclass
class Sheet:
    title: str
    columns: Sequence[Column]
    rows: Iterable[Sequence[object]]
    heading: str = ""  # a title line above the table (unit, period), optional


_FORMATS = {
    "int": INT_FORMAT,
    "money": MONEY_FORMAT,
    "date": DATE_FORMAT,
    "percent": PERCENT_FORMAT,
}


def _sheet_title(title: str) -> str:
    # Excel forbids []:*?/\ in sheet names and cuts them at 31 characters.
    cleaned = "".join(" " if ch in "[]:*?/\\" else ch for ch in title).strip()
    return (cleaned or "Trang")[:31]


def write_workbook(sheets: Sequence[Sheet]) -> bytes:
    """An .xlsx file (bytes) with one worksheet per sheet, written row by row.

    Write-only mode keeps memory flat for long lists (a commune's 10,000 households)."""
    workbook = Workbook(write_only=True)
    bold = Font(bold=True)
    fill = PatternFill("solid", fgColor="DDDDDD")
    wrap = Alignment(wrap_text=True, vertical="top")
    for sheet in sheets:
        ws = workbook.create_sheet(_sheet_title(sheet.title))
        for index, column in enumerate(sheet.columns, start=1):
            ws.column_dimensions[get_column_letter(index)].width = column.width
        ws.freeze_panes = "A3" if sheet.heading else "A2"
        if sheet.heading:
            cell = WriteOnlyCell(ws, value=sheet.heading)
            cell.font = Font(bold=True, size=13)
            ws.append([cell])
        header = []
        for column in sheet.columns:
            cell = WriteOnlyCell(ws, value=column.header)
            cell.font, cell.fill, cell.alignment = bold, fill, wrap
            header.append(cell)
        ws.append(header)
        for row in sheet.rows:
            out = []
            for column, value in zip(sheet.columns, row, strict=False):
                cell = WriteOnlyCell(ws, value=_cell_value(value))
                number_format = _FORMATS.get(column.kind)
                if number_format and value is not None:
                    cell.number_format = number_format
                out.append(cell)
            ws.append(out)
    if not sheets:
        workbook.create_sheet("Trang")
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def _cell_value(value):
    if isinstance(value, datetime.datetime):
        # Excel has no time zones: write the local wall-clock time.
        return value.replace(tzinfo=None)
    if value is None or isinstance(value, (str, int, float, datetime.date)):
        return value
    return str(value)


# --- reading -------------------------------------------------------------------------------


def read_sheet(data: bytes, *, max_rows: int = MAX_ROWS) -> list[list[object]]:
    """The values of the first worksheet, row by row (trailing empty rows dropped)."""
    if not data:
        raise ExcelError("Tệp trống.")
    if len(data) > MAX_UPLOAD_BYTES:
        raise ExcelError("Tệp quá lớn (tối đa 2 MB). Hãy chia thành nhiều tệp.")
    try:
        workbook = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except Exception:  # openpyxl raises a dozen kinds for a broken or foreign file
        raise ExcelError(
            "Không đọc được tệp. Hãy lưu tệp dưới dạng Excel (.xlsx) rồi tải lên lại."
        ) from None
    try:
        ws = workbook.worksheets[0] if workbook.worksheets else None
        if ws is None:
            raise ExcelError("Tệp không có trang tính nào.")
        rows: list[list[object]] = []
        for values in ws.iter_rows(values_only=True):
            if len(rows) > max_rows + 1:
                raise ExcelError(
                    f"Tệp có hơn {max_rows} dòng. Hãy chia thành nhiều tệp, mỗi tệp một chi bộ."
                )
            rows.append(list(values))
    except ExcelError:
        raise
    except Exception:
        raise ExcelError("Tệp bị hỏng, không đọc được các dòng.") from None
    finally:
        workbook.close()
    while rows and all(_is_blank(v) for v in rows[-1]):
        rows.pop()
    return rows


@dataclass(frozen=True)
class HouseholdField:
    key: str
    header: str
    required: bool
    help: str


# The import template's columns, in order. Headers are matched without diacritics or case, so
# "so nhan khau" and "Số nhân khẩu" are the same column.
HOUSEHOLD_FIELDS = [
    HouseholdField("head_name", "Chủ hộ", True, "Họ và tên chủ hộ"),
    HouseholdField("area", "Khu dân cư", True, "Tên thôn, làng, bản, tổ dân phố như trong xã"),
    HouseholdField("address", "Địa chỉ", False, "Số nhà, xóm"),
    HouseholdField("residents_count", "Số nhân khẩu", True, "Số nguyên từ 1 đến 50"),
    HouseholdField("phone", "Số điện thoại", False, "10 chữ số, bắt đầu bằng 0"),
    HouseholdField("ethnicity", "Dân tộc", False, "Ví dụ: Kinh, Tày, H'Mông"),
]
_HEADER_ALIASES = {fold(f.header): f.key for f in HOUSEHOLD_FIELDS} | {
    "ho va ten chu ho": "head_name",
    "ho ten chu ho": "head_name",
    "ten chu ho": "head_name",
    "thon": "area",
    "thon, to dan pho": "area",
    "nhan khau": "residents_count",
    "so dien thoai": "phone",
    "dien thoai": "phone",
    "sdt": "phone",
}
_MAX_LENGTH = {"head_name": 100, "address": 200, "ethnicity": 30}


@dataclass(frozen=True)
class HouseholdRow:
    """One valid row of a household list; `row` is the Excel row number (1-based)."""

    row: int
    head_name: str
    area: str  # the area's name as the commune spells it (matched without diacritics)
    address: str
    residents_count: int
    phone: str
    ethnicity: str

    @property
    def key(self) -> tuple[str, str, str]:
        """What makes two rows the same household: area, head and address, folded."""
        return (fold(self.area), fold(self.head_name), fold(self.address))


@dataclass(frozen=True)
class RowError:
    row: int
    column: str
    message: str

    def __str__(self) -> str:
        where = f"Dòng {self.row}, cột “{self.column}”" if self.column else f"Dòng {self.row}"
        return f"{where}: {self.message}"


@dataclass
class ParseResult:
    rows: list[HouseholdRow] = field(default_factory=list)
    errors: list[RowError] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.errors and bool(self.rows)


def _is_blank(value) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


def _text(value) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "có" if value else "không"
    if isinstance(value, float) and math.isfinite(value) and value.is_integer():
        return str(int(value))
    if isinstance(value, datetime.datetime | datetime.date):
        return value.strftime("%d/%m/%Y")
    return " ".join(str(value).split())


def _count(value) -> int | None:
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return value
    if isinstance(value, float):
        return int(value) if math.isfinite(value) and value.is_integer() else None
    text = _text(value)
    return int(text) if text.isascii() and text.isdigit() and len(text) < 6 else None


def _phone(value) -> str:
    if isinstance(value, int | float) and not isinstance(value, bool):
        # Excel drops the leading zero of a phone typed as a number: 912345678 → 0912345678.
        if not (isinstance(value, float) and not (math.isfinite(value) and value.is_integer())):
            digits = str(int(value))
            return normalise_phone("0" + digits if len(digits) in (9, 10) else digits)
    return normalise_phone(_text(value))


_HEADER_SEARCH_ROWS = 5


def _header_columns(row) -> dict[str, int]:
    columns: dict[str, int] = {}
    for index, value in enumerate(row or ()):
        key = _HEADER_ALIASES.get(fold(_text(value)).strip(" *:"))
        if key and key not in columns:
            columns[key] = index
    return columns


def parse_household_rows(
    rows: Sequence[Sequence[object]], *, area_names: Iterable[str]
) -> ParseResult:
    """Check a household list: first row the headers, then one household per row.

    `area_names` are the areas the importing user may fill (matched without diacritics). Rows
    that are entirely empty are skipped. Never raises: whatever the cells hold, the result has
    the valid rows and an error for each problem, naming row and column."""
    result = ParseResult()
    areas = {}
    for name in area_names:
        areas.setdefault(fold(name), name)
    if not rows:
        result.errors.append(RowError(1, "", "Tệp không có dòng nào."))
        return result
    # The header row is the first of the top rows that names the required columns (an exported
    # list has a title line above it).
    header_at, columns = 0, _header_columns(rows[0])
    for index in range(min(len(rows), _HEADER_SEARCH_ROWS)):
        found = _header_columns(rows[index])
        if all(f.key in found for f in HOUSEHOLD_FIELDS if f.required):
            header_at, columns = index, found
            break
    missing = [f.header for f in HOUSEHOLD_FIELDS if f.required and f.key not in columns]
    if missing:
        for header in missing:
            result.errors.append(
                RowError(header_at + 1, header, "thiếu cột này ở dòng tiêu đề (xem tệp mẫu).")
            )
        return result
    headers = {f.key: f.header for f in HOUSEHOLD_FIELDS}
    seen: dict[tuple[str, str, str], int] = {}
    for number, raw in enumerate(rows[header_at + 1 :], start=header_at + 2):
        raw = list(raw or ())
        if all(_is_blank(v) for v in raw):
            continue

        def get(key, raw=raw):
            index = columns.get(key)
            return raw[index] if index is not None and index < len(raw) else None

        errors: list[RowError] = []
        values = {k: _text(get(k)) for k in ("head_name", "area", "address", "ethnicity")}
        for key, limit in _MAX_LENGTH.items():
            if len(values[key]) > limit:
                errors.append(RowError(number, headers[key], f"dài quá {limit} ký tự."))
        if not values["head_name"]:
            errors.append(RowError(number, headers["head_name"], "chưa có tên chủ hộ."))
        area = areas.get(fold(values["area"]))
        if not values["area"]:
            errors.append(RowError(number, headers["area"], "chưa ghi khu dân cư."))
        elif area is None:
            errors.append(
                RowError(
                    number,
                    headers["area"],
                    f"không có khu dân cư “{values['area'][:60]}” trong phạm vi được nhập.",
                )
            )
        count_value = get("residents_count")
        count = _count(count_value)
        if _is_blank(count_value):
            errors.append(RowError(number, headers["residents_count"], "chưa ghi số nhân khẩu."))
        elif count is None or not 1 <= count <= 50:
            errors.append(
                RowError(
                    number,
                    headers["residents_count"],
                    f"“{_text(count_value)[:20]}” không phải số nhân khẩu hợp lệ (1 đến 50).",
                )
            )
        phone = _phone(get("phone"))
        if not _is_blank(get("phone")) and not is_valid_phone(phone):
            errors.append(
                RowError(
                    number,
                    headers["phone"],
                    f"“{_text(get('phone'))[:20]}” không phải số điện thoại hợp lệ "
                    "(10 chữ số, bắt đầu bằng 0).",
                )
            )
        if errors:
            result.errors.extend(errors)
            continue
        household = HouseholdRow(
            row=number,
            head_name=values["head_name"],
            area=area,
            address=values["address"],
            residents_count=count,
            phone=phone,
            ethnicity=values["ethnicity"],
        )
        first = seen.get(household.key)
        if first is not None:
            result.errors.append(
                RowError(number, headers["head_name"], f"trùng với dòng {first} (cùng hộ).")
            )
            continue
        seen[household.key] = number
        result.rows.append(household)
    if not result.rows and not result.errors:
        result.errors.append(RowError(header_at + 2, "", "Tệp chưa có hộ nào dưới dòng tiêu đề."))
    return result


def household_template(*, area_names: Sequence[str]) -> bytes:
    """The import template: the header row, one example row, and a sheet of instructions."""
    example = [["Nguyễn Văn A", area_names[0] if area_names else "Thôn 1", "Xóm 2", 4, "", "Kinh"]]
    columns = [
        Column(f.header, "int" if f.key == "residents_count" else "text", 24)
        for f in HOUSEHOLD_FIELDS
    ]
    guide = [
        [f.header, "bắt buộc" if f.required else "không bắt buộc", f.help] for f in HOUSEHOLD_FIELDS
    ]
    guide += [["Khu dân cư được nhập", "", ", ".join(area_names)]]
    return write_workbook(
        [
            Sheet("Danh sách hộ", columns, example),
            Sheet(
                "Hướng dẫn",
                [Column("Cột", width=20), Column("", width=16), Column("Cách ghi", width=60)],
                guide,
            ),
        ]
    )
