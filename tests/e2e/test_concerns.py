"""A household's concern travels from the member to the cell secretary, on to the commune
committee, and its answer comes back to the member, who tells the household."""

import re

from playwright.sync_api import expect

from gandan.care.models import Concern, ConcernStep

CONCERN = "Đường vào xóm bị sạt lở sau mưa, xin hỗ trợ sửa lại."
ANSWER = "UBND xã đã đưa vào kế hoạch sửa đường tháng tới; thôn huy động ngày công."


def main_nav(phone, name):
    phone.page.get_by_role("navigation", name="Điều hướng chính").get_by_role(
        "link", name=name, exact=True
    ).tap()


def act_on_concern(phone, action, answer=""):
    phone.page.get_by_label("Việc").select_option(label=action)
    if answer:
        phone.page.get_by_label("Nội dung trả lời, ghi chú").fill(answer)
    phone.page.get_by_role("button", name="Ghi bước xử lý").tap()
    expect(phone.page.get_by_role("status")).to_contain_text("Đã ghi bước xử lý")


def test_a_concern_goes_up_to_the_committee_and_the_answer_comes_back(phones, world):
    # The member writes it down on a visit.
    member = phones()
    member.login_as(world.member_user)
    member.field()
    member.go("/")
    member.page.locator("main ul.cards > li", has_text="Nguyễn Văn Nguyên").get_by_role(
        "link", name="Ghi lần thăm"
    ).tap()
    member.page.get_by_label("Tuyên truyền, giải thích chính sách").tap()
    member.page.get_by_label(re.compile("^Tâm tư, nguyện vọng")).fill(CONCERN)
    member.page.get_by_role("button", name="Lưu lần thăm").tap()
    expect(member.page.get_by_role("heading", name="Hộ tôi phụ trách")).to_be_visible()
    concern = Concern.objects.get(household=world.h1)
    assert concern.status == Concern.Status.NEW

    # The cell secretary finds it in the cell's inbox and forwards it to the committee.
    secretary = phones()
    secretary.login_as(world.secretary)
    secretary.go("/")
    main_nav(secretary, "Kiến nghị")
    expect(secretary.page.get_by_role("heading", level=1)).to_have_text("Tâm tư, kiến nghị")
    secretary.check("cell-concerns")
    secretary.page.get_by_role("link", name="Nguyễn Văn Nguyên").tap()
    expect(secretary.page.get_by_text(CONCERN)).to_be_visible()
    secretary.check("concern-at-cell")
    act_on_concern(secretary, "chuyển lên", "Việc vượt khả năng của chi bộ.")
    concern.refresh_from_db()
    assert (concern.status, concern.level) == (Concern.Status.FORWARDED, Concern.Level.COMMUNE)

    # The commune committee answers it.
    committee = phones()
    committee.login_as(world.committee)
    committee.go("/")
    main_nav(committee, "Kiến nghị")
    committee.check("commune-concerns")
    committee.page.get_by_role("link", name="Nguyễn Văn Nguyên").tap()
    act_on_concern(committee, "trả lời", ANSWER)
    committee.check("concern-answered")
    concern.refresh_from_db()
    assert concern.status == Concern.Status.ANSWERED and concern.answer == ANSWER
    steps = list(concern.steps.values_list("action", flat=True))
    assert steps == [
        ConcernStep.Action.RAISED,
        ConcernStep.Action.FORWARDED,
        ConcernStep.Action.ANSWERED,
    ]

    # The answer reaches the member, who can tell the household.
    member.go("/")
    main_nav(member, "Kiến nghị")
    mine = member.page.locator("main ul.cards > li", has_text="Nguyễn Văn Nguyên")
    expect(mine).to_contain_text(ANSWER)
    member.check("my-concerns-answered")
    mine.get_by_role("link", name="Nguyễn Văn Nguyên").tap()
    expect(member.page.get_by_text(ANSWER, exact=True)).to_be_visible()
    # A member reads; only the secretary and the committee act.
    expect(member.page.get_by_role("button", name="Ghi bước xử lý")).to_have_count(0)
    member.check("concern-answer-for-member")
