"""A commune committee member opens the commune's overview and a twinning's review."""

import datetime

from playwright.sync_api import expect

from gandan.care.models import Visit
from gandan.lib.dates import today


def main_nav(phone, name):
    phone.page.get_by_role("navigation", name="Điều hướng chính").get_by_role(
        "link", name=name, exact=True
    ).tap()


def test_committee_opens_the_commune_overview_and_a_twinning_review(phone, world, twinning_review):
    review = twinning_review
    Visit.objects.create(
        household=world.h1,
        member=world.member,
        visited_on=today() - datetime.timedelta(days=3),
        recorded_by=world.member_user,
    )
    phone.login_as(world.committee)
    phone.field()
    phone.go("/")
    main_nav(phone, "Báo cáo")
    phone.check("reports")
    phone.page.get_by_role("link", name=world.committee_a.name).tap()
    expect(phone.page.get_by_role("heading", level=1)).to_contain_text(world.committee_a.name)
    rows = phone.page.locator("table.overview tbody tr")
    expect(rows.filter(has_text=world.cell_a1.name)).to_have_count(1)
    expect(rows.filter(has_text=world.cell_a2.name)).to_have_count(1)
    # Nothing from the other commune.
    expect(rows.filter(has_text=world.cell_b1.name)).to_have_count(0)
    phone.check("commune-overview")

    main_nav(phone, "Kết nghĩa")
    phone.check("twinning-list")
    phone.page.get_by_role("link", name=review.agreement.title).tap()
    phone.check("twinning-agreement")
    phone.page.locator(f"main a[href$='/twinning/reviews/{review.pk}/']").tap()
    expect(phone.page.get_by_role("heading", level=1)).to_contain_text("sơ kết")
    expect(phone.page.get_by_text("Chưa mở được lớp học nghề cho thanh niên.")).to_be_visible()
    phone.check("twinning-review")
