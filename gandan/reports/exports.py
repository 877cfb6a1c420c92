"""The Excel files a cell or commune works with: each built from a selector's rows, with
Vietnamese headers, dates as dates and money in đồng (see `gandan.lib.excel`)."""

import datetime

from gandan.lib.dates import today
from gandan.lib.excel import HOUSEHOLD_FIELDS, Column, Sheet, write_workbook
from gandan.org.models import Unit
from gandan.reports.selectors import Overview


def _heading(unit: Unit, what: str) -> str:
    return f"{what} — {unit.name} (lập ngày {today():%d/%m/%Y})"


def households_workbook(unit: Unit, households) -> bytes:
    """The households with the member in charge. Its first six columns are those of the import
    template, so the file can be filled in and imported again."""
    headers = {f.key: f.header for f in HOUSEHOLD_FIELDS}
    columns = [
        Column(headers["head_name"], width=28),
        Column(headers["area"], width=20),
        Column(headers["address"], width=24),
        Column(headers["residents_count"], "int", 12),
        Column(headers["phone"], width=16),
        Column(headers["ethnicity"], width=14),
        Column("Đảng viên phụ trách", width=28),
        Column("SĐT đảng viên", width=16),
        Column("Phụ trách từ ngày", "date", 16),
    ]
    rows = (
        [
            h.head_name,
            h.area.name,
            h.address,
            h.residents_count,
            h.phone,
            h.ethnicity,
            h.member_in_charge_name or "",
            h.member_in_charge_phone or "",
            h.in_charge_since,
        ]
        for h in households.iterator(chunk_size=2000)
    )
    return write_workbook(
        [Sheet("Hộ gia đình", columns, rows, heading=_heading(unit, "Danh sách hộ gia đình"))]
    )


def assignments_workbook(unit: Unit, members) -> bytes:
    """The assignment table: one line per member and household in charge; a member in charge
    of nobody still has a line, so the gap shows."""
    columns = [
        Column("Chi bộ", width=22),
        Column("Đảng viên", width=28),
        Column("Số hộ phụ trách", "int", 12),
        Column("Chủ hộ", width=28),
        Column("Khu dân cư", width=20),
        Column("Địa chỉ", width=24),
        Column("Phụ trách từ ngày", "date", 16),
    ]

    def rows():
        for member in members:
            count = len(member.open_assignments)
            if not count:
                yield [member.cell.name, member.full_name, 0, "", "", "", None]
            for a in member.open_assignments:
                h = a.household
                yield [
                    member.cell.name,
                    member.full_name,
                    count,
                    h.head_name,
                    h.area.name,
                    h.address,
                    a.starts_on,
                ]

    return write_workbook(
        [Sheet("Phân công", columns, rows(), heading=_heading(unit, "Bảng phân công phụ trách hộ"))]
    )


def visits_workbook(unit: Unit, visits, start: datetime.date, end: datetime.date) -> bytes:
    columns = [
        Column("Ngày thăm", "date", 14),
        Column("Chủ hộ", width=28),
        Column("Khu dân cư", width=20),
        Column("Đảng viên", width=28),
        Column("Việc đã làm", width=40),
        Column("Ghi chép", width=50),
        Column("Giá trị hỗ trợ", "money", 18),
    ]
    rows = (
        [
            v.visited_on,
            v.household.head_name,
            v.household.area.name,
            v.member.full_name,
            "; ".join(v.activity_labels()),
            v.notes,
            v.support_total,
        ]
        for v in visits.iterator(chunk_size=2000)
    )
    heading = _heading(unit, f"Các lần thăm hộ từ {start:%d/%m/%Y} đến {end:%d/%m/%Y}")
    return write_workbook([Sheet("Thăm hộ", columns, rows, heading=heading)])


def overview_workbook(overview: Overview) -> bytes:
    row_label = "Chi bộ" if overview.unit.kind == Unit.Kind.COMMITTEE else "Xã, phường"
    columns = [
        Column(row_label, width=28),
        Column("Đảng viên", "int", 11),
        Column("Hộ", "int", 10),
        Column("Tỷ lệ hộ có đảng viên phụ trách", "percent", 14),
        Column("Hộ chưa có người phụ trách", "int", 14),
        Column("Hộ được thăm trong 30 ngày", "int", 14),
        Column("Hộ được thăm trong 90 ngày", "int", 14),
        Column("Hộ quá hạn chưa thăm", "int", 14),
        Column("Kiến nghị đang mở", "int", 12),
        Column("Kiến nghị quá hạn", "int", 12),
        Column(f"Hộ nghèo {overview.year}", "int", 12),
        Column(f"Hộ cận nghèo {overview.year}", "int", 12),
    ]

    def line(f):
        share = f.assigned / f.households if f.households else None
        return [
            f.name,
            f.members,
            f.households,
            share,
            f.unassigned,
            f.visited_30d,
            f.visited_90d,
            f.overdue,
            f.open_concerns,
            f.overdue_concerns,
            f.poor,
            f.near_poor,
        ]

    rows = [line(f) for f in overview.rows] + [line(overview.total)]
    rows[-1][0] = "Tổng cộng"
    heading = f"Tổng hợp {overview.unit.name}, năm {overview.year} (ngày {overview.day:%d/%m/%Y})"
    return write_workbook([Sheet("Tổng hợp", columns, rows, heading=heading)])
