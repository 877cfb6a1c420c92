"""A member records visits on a slow phone: online, through a dropped connection, after the
browser was closed, and with JavaScript switched off. Each visit is stored once on the server."""

import datetime
import re

import pytest
from playwright.sync_api import expect

from gandan.care.models import Concern, Visit
from gandan.lib.dates import today
from gandan.test import PASSWORD, HouseholdFactory, assign

VISITS_API = re.compile(r"/api/v1/visits/[0-9a-f-]{36}$")


@pytest.fixture
def rounds(world):
    """The member's households: one never visited, one overdue, one seen two days ago."""
    never = HouseholdFactory(area=world.area_a1, head_name="Vàng A Sử")
    recent = HouseholdFactory(area=world.area_a1, head_name="Hoàng Thị Mai")
    assign(never, world.member)
    assign(recent, world.member)
    for household, days in [(world.h1, 40), (recent, 2)]:
        Visit.objects.create(
            household=household,
            member=world.member,
            visited_on=today() - datetime.timedelta(days=days),
            recorded_by=world.member_user,
        )
    return {"never": never, "overdue": world.h1, "recent": recent}


def login(phone, username="0912345678"):
    phone.go("/accounts/login/")
    phone.page.get_by_label("Số điện thoại hoặc tên đăng nhập").fill(username)
    phone.page.get_by_label("Mật khẩu").fill(PASSWORD)
    phone.page.get_by_role("button", name="Đăng nhập").tap()
    expect(phone.page.get_by_role("heading", name="Hộ tôi phụ trách")).to_be_visible()


def cards(phone):
    return phone.page.locator("main ul.cards > li")


def open_visit_form(phone, head_name, *, javascript=True):
    card = cards(phone).filter(has_text=head_name)
    card.get_by_role("link", name="Ghi lần thăm").tap()
    expect(phone.page.get_by_role("heading", name="Ghi lần thăm")).to_be_visible()
    expect(phone.page.locator("p.lead")).to_contain_text(head_name)
    if javascript:
        # On the slow profile the heading shows before outbox.js has arrived; a tap before
        # then is a plain POST (fine for the member, but not the path these tests follow).
        expect(phone.page.locator("form[data-outbox-ready]")).to_have_count(1)


def fill_visit(phone, notes="Hướng dẫn ủ ấm cho trâu bò, che chắn chuồng trại."):
    """What a member fills in: two ticks and a line of notes (the date is today already)."""
    page = phone.page
    page.get_by_label("Hướng dẫn sản xuất (chống rét, thức ăn cho vật nuôi)").tap()
    page.get_by_label("Tiêm phòng cho vật nuôi").tap()
    page.get_by_label("Ghi chép").fill(notes)


def test_member_sees_overdue_households_first_and_records_a_visit_in_few_taps(phone, world, rounds):
    phone.field()
    login(phone)
    # The first thing to do is on the first screen of a 360×640 phone, without scrolling.
    first_action = cards(phone).first.get_by_role("link", name="Ghi lần thăm")
    expect(first_action).to_be_in_viewport(ratio=1)
    phone.check("member-home")
    names = [cards(phone).nth(i).locator(".title").inner_text() for i in range(3)]
    assert names == ["Vàng A Sử", "Nguyễn Văn Nguyên", "Hoàng Thị Mai"]
    # The overdue ones are flagged, the one seen two days ago is not.
    expect(cards(phone).nth(0)).to_have_class(re.compile(r"\bflag\b"))
    expect(cards(phone).nth(1)).to_have_class(re.compile(r"\bflag\b"))
    expect(cards(phone).nth(2)).not_to_have_class(re.compile(r"\bflag\b"))
    expect(phone.page.get_by_text("2 hộ đã quá 30 ngày chưa thăm.")).to_be_visible()

    open_visit_form(phone, "Vàng A Sử")  # tap 1
    phone.check("visit-form")
    expect(phone.page.get_by_label("Ngày thăm")).to_have_value(today().isoformat())
    fill_visit(phone)  # taps 2 and 3, and the notes
    phone.page.get_by_role("button", name="Lưu lần thăm").tap()  # tap 4

    expect(phone.page.get_by_role("heading", name="Hộ tôi phụ trách")).to_be_visible()
    # Sent by the outbox, confirmed as the plain form would be.
    expect(phone.page.get_by_role("status")).to_contain_text("Đã ghi lần thăm hộ Vàng A Sử")
    # Visited today: no longer first, no longer flagged.
    expect(cards(phone).last.locator(".title")).to_have_text("Vàng A Sử")
    expect(cards(phone).last).not_to_have_class(re.compile(r"\bflag\b"))
    phone.check("member-home-after-visit")

    visit = Visit.objects.get(household=rounds["never"])
    assert visit.member == world.member
    assert visit.visited_on == today()
    assert sorted(visit.activities) == ["production", "vaccination"]


def test_connection_drops_while_sending_and_the_visit_is_sent_once(phone, world, rounds):
    """The worst moment: the server stored the visit but the answer never reached the phone."""
    phone.field()
    login(phone)
    open_visit_form(phone, "Vàng A Sử")
    fill_visit(phone)
    phone.page.get_by_label(re.compile("Tâm tư, nguyện vọng")).fill("Xin hỗ trợ giống ngô vụ đông.")

    sent = []
    phone.page.on(
        "request",
        lambda r: sent.append(r.method) if VISITS_API.search(r.url) and r.method == "PUT" else None,
    )

    def lose_the_answer(route):
        route.fetch()  # the server receives and stores the visit ...
        phone.context.set_offline(True)  # ... and the phone walks into a dead zone
        route.abort("internetdisconnected")

    phone.page.route(VISITS_API, lose_the_answer)
    phone.page.get_by_role("button", name="Lưu lần thăm").tap()

    status = phone.page.locator("[data-outbox-status]")
    expect(status).to_contain_text("Mất mạng")
    outbox = phone.page.locator("[data-outbox-list]")
    expect(outbox).to_be_visible()
    expect(outbox).to_contain_text("Vàng A Sử")
    expect(outbox).to_contain_text("đang chờ gửi")
    phone.check("visit-waiting-in-outbox")
    assert Visit.objects.filter(household=rounds["never"]).count() == 1

    phone.page.unroute(VISITS_API)
    phone.online()  # the connection returns: the outbox sends again by itself
    expect(outbox).to_be_hidden(timeout=30_000)
    assert len(sent) == 2
    assert Visit.objects.filter(household=rounds["never"]).count() == 1
    assert Concern.objects.filter(household=rounds["never"]).count() == 1

    # The member's list agrees: the household was visited today.
    phone.go("/")
    expect(cards(phone).last.locator(".title")).to_have_text("Vàng A Sử")


def test_visits_kept_on_a_closed_browser_are_sent_when_it_opens_again(open_phone, world, rounds):
    first = open_phone("before")
    first.field()
    login(first)
    # A village where pages still load but every visit sent is lost on the way.
    first.page.route(VISITS_API, lambda route: route.abort("internetdisconnected"))
    for name in ("Vàng A Sử", "Nguyễn Văn Nguyên"):
        first.go("/")
        open_visit_form(first, name)
        fill_visit(first, notes=f"Thăm hộ {name}.")
        first.page.get_by_role("button", name="Lưu lần thăm").tap()
        expect(first.page.locator("[data-outbox-status]")).to_contain_text("Mất mạng")
    outbox = first.page.locator("[data-outbox-list]")
    expect(outbox.locator("li")).to_have_count(2)
    first.check("two-visits-waiting")
    assert (
        Visit.objects.filter(household__in=[rounds["never"], rounds["overdue"]])
        .filter(visited_on=today())
        .count()
        == 0
    )
    first.context.close()  # the battery dies; the phone is switched on later

    later = open_phone("after")
    later.field()
    login(later)  # the session ended with the browser, the outbox did not
    expect(later.page.locator("[data-outbox-list]")).to_be_hidden(timeout=30_000)
    later.page.reload()
    later.check("visits-sent-after-reopening")
    stored = Visit.objects.filter(visited_on=today()).order_by("household__head_name")
    assert [v.household.head_name for v in stored] == ["Nguyễn Văn Nguyên", "Vàng A Sử"]
    assert [v.notes for v in stored] == ["Thăm hộ Nguyễn Văn Nguyên.", "Thăm hộ Vàng A Sử."]


def test_a_visit_is_recorded_without_javascript_and_a_resubmission_stores_it_once(
    phones, world, rounds
):
    phone = phones(java_script_enabled=False)
    phone.field()
    login(phone)
    open_visit_form(phone, "Vàng A Sử", javascript=False)
    fill_visit(phone)
    phone.check("visit-form-no-js")
    form_url = phone.page.url
    with phone.page.expect_response(lambda r: r.request.method == "POST") as posted:
        phone.page.get_by_role("button", name="Lưu lần thăm").tap()
    assert posted.value.status == 302
    expect(phone.page.get_by_role("status")).to_contain_text("Đã ghi lần thăm")

    # The same form sent again (back button, or a timeout and a second tap).
    phone.page.go_back()
    assert phone.page.url == form_url
    phone.page.get_by_role("button", name="Lưu lần thăm").tap()
    expect(phone.page.get_by_role("status")).to_contain_text("không ghi lại")
    assert Visit.objects.filter(household=rounds["never"]).count() == 1


def test_a_visit_dated_tomorrow_is_refused_next_to_the_date(phones, world, rounds):
    phone = phones(java_script_enabled=False)
    login(phone)
    open_visit_form(phone, "Vàng A Sử", javascript=False)
    date = phone.page.get_by_label("Ngày thăm")
    date.fill((today() + datetime.timedelta(days=1)).isoformat())
    phone.page.get_by_role("button", name="Lưu lần thăm").tap()

    date = phone.page.get_by_label("Ngày thăm")
    expect(date).to_have_attribute("aria-invalid", "true")
    error = phone.page.locator(".field", has=date).get_by_role("alert")
    expect(error).to_be_visible()
    expect(error).to_contain_text(re.compile("tương lai|sau hôm nay|chưa tới", re.IGNORECASE))
    phone.check("visit-form-date-error")
    assert not Visit.objects.filter(household=rounds["never"]).exists()
