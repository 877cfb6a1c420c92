"""Journeys that start every day: logging in by phone number and finding a household."""

import re

from playwright.sync_api import expect

from gandan.test import PASSWORD


def test_member_logs_in_with_the_phone_number_on_a_slow_phone(phone, world):
    phone.field()
    phone.go("/")
    expect(phone.page).to_have_url(re.compile(r"/accounts/login/"))
    phone.check("login")

    # Typed the way people say it, with spaces; the phone's keyboard opens on digits.
    phone.page.get_by_label("Số điện thoại hoặc tên đăng nhập").fill("0912 345 678")
    phone.page.get_by_label("Mật khẩu").fill(PASSWORD)
    phone.page.get_by_role("button", name="Đăng nhập").tap()

    expect(phone.page.get_by_role("heading", level=1)).to_be_visible()
    assert "/accounts/login/" not in phone.page.url
    expect(phone.page.get_by_text("Nguyễn Văn Nguyên")).to_be_visible()
    # Only the member's own households: another member's is not there.
    expect(phone.page.get_by_text("Đặng Thị Hoa")).to_have_count(0)
    phone.check("member-home")


def test_a_wrong_password_is_explained_in_vietnamese_and_nothing_is_lost(phone, world):
    phone.go("/accounts/login/")
    phone.page.get_by_label("Số điện thoại hoặc tên đăng nhập").fill("0912345678")
    phone.page.get_by_label("Mật khẩu").fill("sai-mat-khau")
    phone.page.get_by_role("button", name="Đăng nhập").tap()

    alert = phone.page.get_by_role("alert")
    expect(alert).to_contain_text("mật khẩu không đúng")
    # What was typed is still there: only the password is asked again.
    expect(phone.page.get_by_label("Số điện thoại hoặc tên đăng nhập")).to_have_value("0912345678")
    phone.check("login-wrong-password")


def test_missing_fields_are_announced_next_to_each_field(phone, world):
    phone.go("/accounts/login/")
    phone.page.get_by_role("button", name="Đăng nhập").tap()

    for label in ("Số điện thoại hoặc tên đăng nhập", "Mật khẩu"):
        field = phone.page.get_by_label(label)
        expect(field).to_have_attribute("aria-invalid", "true")
        container = phone.page.locator(".field", has=field)
        error = container.get_by_role("alert")
        expect(error).to_be_visible()
        expect(error).not_to_have_text("")
        # Next to the field: the message sits just above the box, in the same block.
        error_box, field_box = error.bounding_box(), field.bounding_box()
        assert 0 <= field_box["y"] - (error_box["y"] + error_box["height"]) < 40
    phone.check("login-missing-fields")


def test_search_without_diacritics_finds_vietnamese_names(phone, world):
    phone.login_as(world.secretary)
    phone.field()
    phone.go("/")
    phone.page.get_by_role("navigation", name="Điều hướng chính").get_by_role(
        "link", name="Tìm hộ"
    ).tap()
    box = phone.page.get_by_role("searchbox")
    box.fill("nguyen van")
    box.press("Enter")

    results = phone.page.locator("ul.cards > li")
    expect(results.get_by_text("Nguyễn Văn Nguyên")).to_be_visible()
    expect(results.get_by_text("Đặng Thị Hoa")).to_have_count(0)
    phone.check("search-nguyen-van")

    box = phone.page.get_by_role("searchbox")
    box.fill("dang")
    box.press("Enter")
    expect(results.get_by_text("Đặng Thị Hoa")).to_be_visible()
    # Outside the secretary's cell: never found.
    box.fill("quan van")
    box.press("Enter")
    expect(results.get_by_text("Quan Văn Khìn")).to_have_count(0)
    expect(phone.page.get_by_text("Không tìm thấy hộ nào.")).to_be_visible()
