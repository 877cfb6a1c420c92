"""Paper: the member's household sheet, the cell's assignment table and a twinning review,
printed to PDF by Chromium on A4 and A5 (kept under artifacts/print/)."""

import re

import pytest
from pypdf import PdfReader

from gandan.test import HouseholdFactory, assign

from .conftest import print_to_pdf

CHROME_TEXT = ["Đăng xuất", "Bỏ qua, tới nội dung chính", "Tìm hộ", "Trang của tôi"]
# Long names and addresses, as villages have them: the columns must still fit.
HOUSEHOLDS = [
    ("Hoàng Thị Phương Thảo", "Xóm Khuổi Vầy, cạnh nhà văn hóa thôn, đường vào bản cũ"),
    ("Nông Văn Thắng", "Xóm Nà Cọ, nhà số 12"),
    ("Lục Thị Hường", "Xóm Nà Cọ, nhà số 14"),
    ("Ma Văn Chiến", "Xóm Pác Ngòi, nhà số 3"),
    ("Triệu Thị Sinh", "Xóm Pác Ngòi, nhà số 7"),
    ("Bế Văn Quyết", "Xóm Bản Chang, nhà số 1"),
    ("Sầm Thị Liên", "Xóm Bản Chang, nhà số 9"),
]


@pytest.fixture
def many_households(world):
    households = [world.h1]
    for name, address in HOUSEHOLDS:
        household = HouseholdFactory(
            area=world.area_a1, head_name=name, address=address, phone="0209 3851 234"
        )
        assign(household, world.member)
        households.append(household)
    return households


def pdf_pages(path) -> list[str]:
    reader = PdfReader(path)
    return [page.extract_text() or "" for page in reader.pages]


def assert_nothing_lost(pages, expected):
    text = re.sub(r"\s+", " ", " ".join(pages))
    missing = [e for e in expected if e not in text]
    assert not missing, f"missing on paper: {missing}"
    shown = [c for c in CHROME_TEXT if c in text]
    assert not shown, f"navigation on paper: {shown}"


@pytest.mark.parametrize("paper", ["A4", "A5"])
def test_the_members_household_sheet_prints_one_whole_household_at_a_time(
    phone, world, many_households, paper
):
    phone.login_as(world.member_user)
    phone.go(f"/care/members/{world.member.pk}/sheet/")
    problems, path = print_to_pdf(phone, "member-household-sheet", paper)
    assert not problems, problems

    pages = pdf_pages(path)
    assert_nothing_lost(pages, [h.head_name for h in many_households])
    if paper == "A5":
        assert len(pages) > 1, "eight households with writing lines need more than one A5 page"
    # Each household's heading and its details are on the same page (breaks fall between).
    for number, text in enumerate(pages, start=1):
        flat = re.sub(r"\s+", " ", text)
        headings = re.findall(r"\b\d+\. [^\d·]+?(?= |$)", flat)
        details = flat.count("nhân khẩu:")
        assert len(re.findall(r"(?:^| )\d+\. ", flat)) == details, (
            f"page {number}: a household is split from its details: {headings}"
        )


@pytest.mark.parametrize("paper", ["A4", "A5"])
def test_the_cells_assignment_table_prints_without_cut_off_columns(
    phone, world, many_households, paper
):
    phone.login_as(world.secretary)
    phone.go(f"/households/cells/{world.cell_a1.pk}/table/")
    problems, path = print_to_pdf(phone, "cell-assignment-table", paper)
    assert not problems, problems
    pages = pdf_pages(path)
    assert_nothing_lost(
        pages,
        [world.member.full_name, world.other_member.full_name, "Số hộ", "Sầm Thị Liên"],
    )


@pytest.mark.parametrize("paper", ["A4", "A5"])
def test_a_twinning_review_prints_with_its_figures_and_signatures(
    phone, world, twinning_review, paper
):
    phone.login_as(world.committee)
    phone.go(f"/twinning/reviews/{twinning_review.pk}/")
    problems, path = print_to_pdf(phone, "twinning-review", paper)
    assert not problems, problems
    pages = pdf_pages(path)
    assert_nothing_lost(
        pages,
        [
            twinning_review.agreement.title,
            "Chưa mở được lớp học nghề cho thanh niên.",
            "Bí thư",  # the signature blocks are printed
            world.cell_a1.name,
        ],
    )
