"""Keyboard and zoom: the pages of the journeys work without a mouse and at 200% zoom.

Every screen of every journey also passes `phone.check` (axe-core, English words, font size,
touch targets, labels); these tests add what a single look at a page cannot show.
"""

import pytest
from playwright.sync_api import expect

from gandan.care.models import Visit
from gandan.test import PASSWORD

FOCUS_VISIBLE_JS = """() => {
    const el = document.activeElement, s = getComputedStyle(el);
    const r = el.getBoundingClientRect();
    return {tag: el.tagName, name: el.name || el.innerText.trim().slice(0, 30),
            outline: s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) >= 2,
            inView: r.bottom > 0 && r.right > 0 && r.left < innerWidth};
}"""


def tab(page) -> dict:
    page.keyboard.press("Tab")
    return page.evaluate(FOCUS_VISIBLE_JS)


def test_a_member_logs_in_and_opens_a_household_with_the_keyboard_alone(phone, world):
    page = phone.page
    phone.go("/accounts/login/")

    first = tab(page)  # the first stop skips the header and is shown when focused
    assert first["name"] == "Bỏ qua, tới nội dung chính"
    assert first["inView"] and first["outline"]

    for _ in range(10):
        focused = tab(page)
        assert focused["outline"], f"no visible focus on {focused}"
        if focused["name"] == "username":
            break
    page.keyboard.type("0912345678")
    assert tab(page)["name"] == "password"
    page.keyboard.type(PASSWORD)
    page.keyboard.press("Enter")
    expect(page.get_by_role("link", name="Nguyễn Văn Nguyên")).to_be_visible()

    # Every stop on the member's page shows where the focus is, and the household opens.
    for _ in range(20):
        focused = tab(page)
        assert focused["outline"] and focused["inView"], f"focus not visible: {focused}"
        if focused["name"] == "Nguyễn Văn Nguyên":
            break
    else:
        pytest.fail("the household link is not reachable with Tab")
    page.keyboard.press("Enter")
    expect(page.get_by_role("heading", level=1)).to_contain_text("Nguyễn Văn Nguyên")


# 200% zoom: a 1280-pixel laptop screen shows 640 CSS pixels; the phone shows 180.
ZOOMS = {
    "laptop-200": {
        "viewport": {"width": 640, "height": 400},
        "device_scale_factor": 2,
        "is_mobile": False,
    },
    "phone-200": {"viewport": {"width": 180, "height": 320}, "device_scale_factor": 4},
}


@pytest.mark.parametrize("zoom", list(ZOOMS))
def test_pages_of_the_journeys_work_at_200_percent_zoom(phones, world, zoom):
    guest = phones(zoom, **ZOOMS[zoom])
    guest.go("/accounts/login/")
    guest.check("login")
    member = phones(zoom, **ZOOMS[zoom])
    member.login_as(world.member_user)
    member.go("/")
    member.check("member-home")
    member.go(f"/care/households/{world.h1.pk}/visit/")
    member.check("visit-form")
    secretary = phones(zoom, **ZOOMS[zoom])
    secretary.login_as(world.secretary)
    for label, path in [
        ("cell", f"/care/cells/{world.cell_a1.pk}/"),
        ("household", f"/care/households/{world.h1.pk}/"),
        ("search", "/households/?q=nguyen+van"),
    ]:
        secretary.go(path)
        secretary.check(label)


def test_a_visit_is_recorded_with_the_keyboard_alone(phone, world):
    page = phone.page
    phone.login_as(world.member_user)
    phone.go(f"/care/households/{world.h1.pk}/visit/")
    previous = None
    for _ in range(40):
        focused = tab(page)
        # The date field's own parts (day, month, year, calendar) are stops inside one field,
        # drawn by the browser: the field's outline is checked when it is first reached.
        place = (focused["tag"], focused["name"])
        assert focused["outline"] or place == previous, f"no visible focus on {focused}"
        previous = place
        if page.evaluate("() => document.activeElement.value") == "vaccination":
            page.keyboard.press("Space")
        if focused["name"] == "Lưu lần thăm":
            break
    else:
        pytest.fail("the save button is not reachable with Tab")
    page.keyboard.press("Enter")
    expect(page.get_by_role("heading", name="Hộ tôi phụ trách")).to_be_visible()
    visit = Visit.objects.get(household=world.h1)
    assert visit.activities == ["vaccination"]
