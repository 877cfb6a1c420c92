"""Campaigns of the seed villages, counted as seed 003 counts them.

Thôn Kế Tân (xã Thiện Kế): "2 tuyến đường hoa dài 300 mét" is read as two flower-lined roads
totalling 300 m (the households' records carry the road as their `site`: 2 sites, 300 m), not as
2 × 300 m; 1.2 km of street lights (1,200 m); the temporary and dilapidated houses all
replaced; and this year's fund for the poor, still running, where one member's group of
households lags, is flagged and has an accountability review, as the cell secretary Đặng Hữu
Thắng describes ("chi bộ sẽ nhắc nhở đảng viên, kiểm điểm trách nhiệm").
Thôn Tiên Tốc (xã Bình An): 9 new houses for poor households in 2023 (the households that the
care records show receiving a house that year, when there are such records).

Members in charge come from the assignments of the earlier steps; contributions are dated
inside each household's assignment so that they are credited to its member.
"""

import datetime
import secrets

from django.db.models import Max, Min

from gandan.accounts.models import DemoCredential, User
from gandan.campaigns.models import AccountabilityReview, Campaign, Measure, Participation
from gandan.campaigns.selectors import campaign_progress
from gandan.care.models import Support
from gandan.demo.context import DemoContext
from gandan.households.models import Assignment, Household
from gandan.org.models import Role

ORDER = 40
FUND_AMOUNTS = [50_000, 100_000, 100_000, 200_000, 200_000, 300_000, 500_000]
FLOWER_ROADS = [("Tuyến đường hoa xóm 1", 10, 15), ("Tuyến đường hoa xóm 3", 12, 12.5)]
STREET_LIGHT_METRES, STREET_LIGHT_SHARE = 1_200, 30  # 40 households, 30 m in front of each
TEMPORARY_HOUSES = 4
TIEN_TOC_HOUSES, HOUSES_YEAR = 9, 2023
LAGGING_TAKE_PART = 2  # of the lagging group's households


def _open_assignments(area) -> dict[int, Assignment]:
    """household id → its open assignment."""
    return {
        a.household_id: a
        for a in Assignment.objects.filter(household__area=area, ends_on__isnull=True)
    }


def _day_within(ctx, start: datetime.date, end: datetime.date) -> datetime.date:
    if end <= start:
        return start
    return start + datetime.timedelta(days=ctx.rng.randint(0, (end - start).days))


def _secretary_user(cell) -> User | None:
    role = Role.objects.filter(unit=cell, kind=Role.Kind.SECRETARY).select_related("user").first()
    return role.user if role else None


def _finished_campaign(cell, title, measure, target, year, goal, created_by) -> Campaign:
    return Campaign.objects.create(
        unit=cell,
        title=title,
        goal=goal,
        measure=measure,
        target_quantity=target,
        starts_on=datetime.date(year, 2, 1),
        ends_on=datetime.date(year, 12, 31),
        status=Campaign.Status.FINISHED,
        created_by=created_by,
    )


def _ke_tan_results(ctx: DemoContext, cell, households, secretary) -> None:
    rng = ctx.rng
    year = HOUSES_YEAR
    rows = []
    pool = list(households)
    rng.shuffle(pool)

    roads = _finished_campaign(
        cell,
        "Xây dựng tuyến đường hoa",
        Measure.FLOWER_ROAD,
        300,
        year,
        "Mỗi hộ trồng và chăm hoa dọc đường trước nhà; 2 tuyến, tổng 300 m.",
        secretary,
    )
    taken = 0
    for site, count, metres_each in FLOWER_ROADS:
        for i, h in enumerate(pool[taken : taken + count]):
            # 12.5 m each on the second road: alternate 12 and 13 so the road adds up to 150 m.
            metres = int(metres_each) + (i % 2 if metres_each % 1 else 0)
            rows.append(
                Participation(
                    campaign=roads,
                    household=h,
                    contributed_on=datetime.date(year, 3, 1 + i),
                    quantity=metres,
                    site=site,
                    recorded_by=secretary,
                )
            )
        taken += count

    lights = _finished_campaign(
        cell,
        "Thắp sáng đường quê",
        Measure.STREET_LIGHTS,
        STREET_LIGHT_METRES,
        year,
        "Lắp đèn chiếu sáng dọc trục đường thôn, các hộ đóng góp theo đoạn trước nhà.",
        secretary,
    )
    for i, h in enumerate(pool[: STREET_LIGHT_METRES // STREET_LIGHT_SHARE]):
        rows.append(
            Participation(
                campaign=lights,
                household=h,
                contributed_on=datetime.date(year, 6, 1 + i % 28),
                quantity=STREET_LIGHT_SHARE,
                site="Trục đường chính thôn Kế Tân",
                recorded_by=secretary,
            )
        )

    houses = _finished_campaign(
        cell,
        "Xóa nhà tạm, nhà dột nát",
        Measure.HOUSES,
        TEMPORARY_HOUSES,
        year,
        "Thay toàn bộ nhà tạm, nhà dột nát trong thôn.",
        secretary,
    )
    for i, h in enumerate(pool[-TEMPORARY_HOUSES:]):
        rows.append(
            Participation(
                campaign=houses,
                household=h,
                contributed_on=datetime.date(year, 9, 5 + 7 * i),
                quantity=1,
                note="Nhà tạm đã được thay bằng nhà kiên cố",
                recorded_by=secretary,
            )
        )
    Participation.objects.bulk_create(rows)


def _ke_tan_fund(ctx: DemoContext, cell, households, secretary) -> None:
    """This year's fund for the poor, running: every group takes part but one."""
    rng = ctx.rng
    today = ctx.today
    fund = Campaign.objects.create(
        unit=cell,
        title=f"Ủng hộ Quỹ Vì người nghèo năm {today.year}",
        goal="Mỗi hộ ủng hộ quỹ theo khả năng; đảng viên vận động các hộ mình phụ trách.",
        measure=Measure.FUND,
        target_quantity=20_000_000,
        starts_on=today - datetime.timedelta(days=60),
        ends_on=today + datetime.timedelta(days=30),
        status=Campaign.Status.ACTIVE,
        created_by=secretary,
    )
    assignments = _open_assignments(cell.cell_areas.first().area)
    groups: dict[int | None, list[Household]] = {}
    for h in households:
        a = assignments.get(h.pk)
        groups.setdefault(a.member_id if a else None, []).append(h)
    # The lagging member: not the secretary, not the member the seed praises, nor the demo
    # member account; among those with a full group, the first by id.
    spared = {ctx.members.get("Kế Tân/secretary"), ctx.members.get("Kế Tân/demo_member")}
    spared_ids = {m.pk for m in spared if m is not None}
    spared_ids |= {m.pk for k, m in ctx.members.items() if k == "Kế Tân/Cao Duy Hảo"}
    candidates = sorted(
        member_id
        for member_id, group in groups.items()
        if member_id is not None and member_id not in spared_ids and len(group) >= 6
    )
    lagging_id = candidates[0] if candidates else None
    rows = []
    for member_id, group in groups.items():
        # Most groups: everyone but one household; the lagging one: two households.
        taking_part = LAGGING_TAKE_PART if member_id == lagging_id else max(len(group) - 1, 1)
        for h in group[:taking_part]:
            a = assignments.get(h.pk)
            earliest = max(fund.starts_on, a.starts_on) if a else fund.starts_on
            rows.append(
                Participation(
                    campaign=fund,
                    household=h,
                    contributed_on=_day_within(ctx, earliest, today - datetime.timedelta(days=1)),
                    quantity=rng.choice(FUND_AMOUNTS),
                    recorded_by=secretary,
                )
            )
    Participation.objects.bulk_create(rows)
    if lagging_id is None:
        return

    progress = campaign_progress(user=secretary, campaign=fund)
    group = next(row for row in progress.groups if row.key == lagging_id)
    if not group.flagged:
        raise RuntimeError("the demo's lagging group must be flagged by the lag rule")
    review = AccountabilityReview.objects.create(
        campaign=fund,
        member_id=lagging_id,
        meeting_on=today - datetime.timedelta(days=7),
        findings=(
            f"Nhóm hộ đồng chí phụ trách mới có {group.participating}/{group.households} hộ "
            f"ủng hộ quỹ, trong khi cả thôn đạt {progress.percent}%. Đồng chí chưa xuống "
            "từng hộ vận động, chỉ nhắn qua loa truyền thanh."
        ),
        conclusion="Chi bộ nhắc nhở, đồng chí nhận trách nhiệm và hứa khắc phục ngay.",
        follow_up="Trong 2 tuần, xuống từng hộ còn lại để vận động; báo cáo chi bộ ở kỳ họp tới.",
        status=AccountabilityReview.Status.CONCLUDED,
        group_households=group.households,
        group_participating=group.participating,
        campaign_rate_percent=progress.percent,
        opened_by=secretary,
    )
    _login_for_reviewed_member(ctx, review)


def _login_for_reviewed_member(ctx: DemoContext, review) -> None:
    """A demo login for the reviewed member, so that "Kiểm điểm của tôi" can be shown."""
    member = review.member
    if member.user_id:
        return
    password = f"gandan-{secrets.randbelow(9000) + 1000}"
    first, _, last = member.full_name.rpartition(" ")
    user = User(username=member.phone, first_name=last, last_name=first, phone=member.phone)
    user.set_password(password)
    user.save()
    type(member).objects.filter(pk=member.pk).update(user=user)
    order = (DemoCredential.objects.aggregate(m=Max("sort_order"))["m"] or 0) + 1
    DemoCredential.objects.create(
        user=user,
        password=password,
        role="member (kiểm điểm)",
        unit=member.cell.name,
        sort_order=order,
    )
    ctx.users[user.username] = user


def _tien_toc_houses(ctx: DemoContext, cell, households, secretary) -> None:
    campaign = _finished_campaign(
        cell,
        f"Giúp hộ nghèo làm nhà ở mới năm {HOUSES_YEAR}",
        Measure.HOUSES,
        TIEN_TOC_HOUSES,
        HOUSES_YEAR,
        "Vận động các hộ góp công, góp vật liệu làm nhà mới cho hộ nghèo.",
        secretary,
    )
    given = dict(
        Support.objects.filter(
            household__in=households, kind=Support.Kind.HOUSE, given_on__year=HOUSES_YEAR
        )
        .values("household_id")
        .annotate(day=Min("given_on"))
        .values_list("household_id", "day")
    )
    chosen = [h for h in households if h.pk in given][:TIEN_TOC_HOUSES]
    chosen += [h for h in households if h.pk not in given][: TIEN_TOC_HOUSES - len(chosen)]
    Participation.objects.bulk_create(
        Participation(
            campaign=campaign,
            household=h,
            contributed_on=given.get(h.pk) or datetime.date(HOUSES_YEAR, 3 + i, 10 + i),
            quantity=1,
            note="Nhà mới cho hộ nghèo",
            recorded_by=secretary,
        )
        for i, h in enumerate(chosen)
    )


def build(ctx: DemoContext) -> None:
    ke_tan, tien_toc = ctx.cells["Kế Tân"], ctx.cells["Tiên Tốc"]
    ke_tan_households = list(
        Household.objects.filter(area=ctx.areas["Kế Tân"], left_on__isnull=True).order_by("pk")
    )
    tien_toc_households = list(
        Household.objects.filter(area=ctx.areas["Tiên Tốc"], left_on__isnull=True).order_by("pk")
    )
    ke_tan_secretary = _secretary_user(ke_tan)
    _ke_tan_results(ctx, ke_tan, ke_tan_households, ke_tan_secretary)
    _ke_tan_fund(ctx, ke_tan, ke_tan_households, ke_tan_secretary)
    _tien_toc_houses(ctx, tien_toc, tien_toc_households, _secretary_user(tien_toc))
    ctx.say(
        f"Phong trào: {Campaign.objects.count()} phong trào, "
        f"{Participation.objects.count()} lượt hộ tham gia, "
        f"{AccountabilityReview.objects.count()} kiểm điểm trách nhiệm."
    )
