"""Assignments, a year of visits, concerns in every status and support records.

Seed 003: in thôn Tiên Tốc every household has one of the 8 members in charge; Cháng A Đềnh,
the secretary, is in charge of Hoàng Văn Nguyên's household and helped it borrow 100 million
đồng from the Ngân hàng CSXH to plant over 2 ha of forest; in 2023 the village helped 9 poor
households build new houses. In thôn Kế Tân each member is in charge of 8–10 households, and
Cao Duy Hảo has been in charge of Kiều Đình Toàn's household for two years.

Note on the seed's figures: 8 members "each in charge of 5 to 7 households" cannot cover 66
households (8 × 7 = 56). The demo keeps the product's rule, every household has a member in
charge, so Tiên Tốc's members have 8–9 households each.
"""

import contextlib
import datetime
import uuid

from django.utils import timezone

from gandan.care.models import Activity, Concern, ConcernStep, Support, Visit
from gandan.demo.context import DemoContext
from gandan.households.models import Assignment, Household
from gandan.households.services import propose_split
from gandan.org.models import Member

ORDER = 20

NOTES = [
    "Gia đình ổn định, đã chuẩn bị rơm khô cho trâu.",
    "Hướng dẫn che chắn chuồng trại chống rét.",
    "Tuyên truyền nghị quyết của Đảng, chính sách hỗ trợ hộ nghèo.",
    "Nhắc tiêm phòng lở mồm long móng cho đàn bò.",
    "Vận động vệ sinh đường làng, ngõ xóm.",
    "Hộ cần vốn mở rộng chăn nuôi, đã hướng dẫn làm hồ sơ vay.",
    "Con đi làm xa, hai ông bà ở nhà, sức khỏe yếu.",
    "Vận động các cháu đi học đầy đủ.",
    "",
]
CONCERNS = [
    "Xin hỗ trợ giống ngô cho vụ xuân.",
    "Đường vào xóm bị sạt sau mưa, đề nghị sửa.",
    "Đề nghị xem xét cho hộ vào diện cận nghèo.",
    "Xin vay vốn Ngân hàng Chính sách xã hội để nuôi bò.",
    "Nhà dột, xin hỗ trợ sửa mái trước mùa mưa.",
    "Đề nghị kéo điện về cuối xóm.",
    "Hỏi về chế độ bảo hiểm y tế cho người cao tuổi.",
]
ANSWERS = [
    "Chi bộ đã đề nghị xã hỗ trợ, hộ nhận giống vào đầu vụ.",
    "UBND xã đã đưa vào kế hoạch sửa đường quý tới.",
    "Hội Nông dân xã hướng dẫn hộ làm hồ sơ vay vốn.",
    "Đã giải thích chính sách, hộ đồng tình.",
]
FORWARD_TO = ["UBND xã", "Hội Nông dân xã", "Hội Liên hiệp Phụ nữ xã", "Ủy ban MTTQ xã"]
GIFTS = ["Quà Tết", "Chăn ấm mùa đông", "Gạo cứu đói giáp hạt", "Sách vở cho các cháu"]


@contextlib.contextmanager
def _keep_given_times(model):
    """Bulk-created history keeps its own timestamps (not 'now')."""
    fields = [
        f
        for f in model._meta.fields
        if getattr(f, "auto_now_add", False) or getattr(f, "auto_now", False)
    ]
    saved = [(f, f.auto_now, f.auto_now_add) for f in fields]
    for f in fields:
        f.auto_now = f.auto_now_add = False
    try:
        yield
    finally:
        for f, now, now_add in saved:
            f.auto_now, f.auto_now_add = now, now_add


def _at(day: datetime.date, hour: int = 9) -> datetime.datetime:
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time(hour, 0)))


def build(ctx: DemoContext) -> None:
    rng, today = ctx.rng, ctx.today
    start = today - datetime.timedelta(days=730)  # "two years" (seed 003)
    year_ago = today - datetime.timedelta(days=365)

    # --- assignments: the proposal for every cell, then the article's pairs ---------------
    members_by_cell = {}
    for m in Member.objects.filter(left_on__isnull=True).order_by("cell_id", "full_name", "pk"):
        members_by_cell.setdefault(m.cell_id, []).append(m)
    households_by_cell = {}
    for h in Household.objects.filter(left_on__isnull=True).select_related("area__cell_area"):
        households_by_cell.setdefault(h.area.cell_area.cell_id, []).append(h)

    in_charge = {}  # household id -> member
    for cell_id, households in households_by_cell.items():
        able = [m for m in members_by_cell.get(cell_id, []) if m.can_take_households]
        proposal = propose_split(
            households=[(h.pk, (h.area.name, h.address, h.head_name)) for h in households],
            members=[(m.pk, 0) for m in able],
        )
        by_id = {m.pk: m for m in able}
        for p in proposal:
            in_charge[p.household_id] = by_id[p.member_id]

    def pair(area_name: str, head_name: str, member: Member) -> Household:
        household = Household.objects.get(area__name=area_name, head_name=head_name)
        current = in_charge[household.pk]
        if current.pk != member.pk:
            # Swap with one of the member's households: the loads stay as proposed.
            other = next(hid for hid, m in in_charge.items() if m.pk == member.pk)
            in_charge[other] = current
            in_charge[household.pk] = member
        return household

    dench = ctx.members["Tiên Tốc/secretary"]
    hao = ctx.members["Kế Tân/Cao Duy Hảo"]
    nguyen = pair("Tiên Tốc", "Hoàng Văn Nguyên", dench)
    toan = pair("Kế Tân", "Kiều Đình Toàn", hao)

    # A few households changed hands during the year (a member moved or fell ill): the
    # history says who was in charge at the time of each visit.
    assignments, previous = [], {}  # household id -> (old member, switch day)
    protected = {nguyen.pk, toan.pk}
    for cell_id, households in households_by_cell.items():
        able = [m for m in members_by_cell.get(cell_id, []) if m.can_take_households]
        if len(able) < 2:
            continue
        for h in rng.sample(households, k=min(2, len(households))):
            if h.pk in protected:
                continue
            old = rng.choice([m for m in able if m.pk != in_charge[h.pk].pk])
            switch = today - datetime.timedelta(days=rng.randint(60, 200))
            previous[h.pk] = (old, switch)
    for household_id, member in in_charge.items():
        if household_id in previous:
            old, switch = previous[household_id]
            assignments.append(
                Assignment(
                    household_id=household_id,
                    member=old,
                    starts_on=start,
                    ends_on=switch,
                    reason="Phân công đầu nhiệm kỳ",
                )
            )
            assignments.append(
                Assignment(
                    household_id=household_id,
                    member=member,
                    starts_on=switch,
                    reason="Đảng viên trước đi làm ăn xa",
                )
            )
        else:
            assignments.append(
                Assignment(
                    household_id=household_id,
                    member=member,
                    starts_on=start,
                    reason="Phân công đầu nhiệm kỳ",
                )
            )
    Assignment.objects.bulk_create(assignments, batch_size=1000)

    def member_on(household_id: int, day: datetime.date) -> Member:
        if household_id in previous and day < previous[household_id][1]:
            return previous[household_id][0]
        return in_charge[household_id]

    # --- a year of visits, roughly monthly; some households are overdue -------------------
    demo_members = {m.pk for k, m in ctx.members.items() if k.endswith("/demo_member")}
    visits = []
    codes = [c for c in Activity.values if c != Activity.OTHER]
    # Each demo member has one household overdue and one visited today (still editable).
    demo_households = {}
    for household_id, member in in_charge.items():
        if member.pk in demo_members and household_id not in previous:
            demo_households.setdefault(member.pk, []).append(household_id)
    forced_lapse = {hids[0] for hids in demo_households.values()}
    fresh = {hids[-1] for hids in demo_households.values() if len(hids) > 1}
    for household_id in in_charge:
        # Not visited for a while: shows up as overdue.
        lapse = household_id in forced_lapse or (rng.random() < 0.12 and household_id not in fresh)
        last_month = rng.randint(2, 4) if lapse else 0
        for months_ago in range(12, last_month - 1, -1):
            if rng.random() > 0.85 and months_ago > 0:
                continue
            day = today - datetime.timedelta(days=30 * months_ago + rng.randint(0, 20))
            if day > today or day < year_ago:
                continue
            picked = rng.sample(codes, k=rng.choice([1, 1, 2, 2, 3]))
            if day.month in (11, 12, 1, 2) and Activity.PRODUCTION not in picked:
                picked.append(Activity.PRODUCTION)  # cold protection, animal feed
            visits.append(
                Visit(
                    uuid=uuid.UUID(int=rng.getrandbits(128), version=4),
                    household_id=household_id,
                    member=member_on(household_id, day),
                    visited_on=day,
                    activities=sorted(picked),
                    notes=rng.choice(NOTES),
                    created_at=_at(day, 19),
                    updated_at=_at(day, 19),
                )
            )
    now = timezone.now()
    for household_id in fresh:
        visits.append(
            Visit(
                uuid=uuid.UUID(int=rng.getrandbits(128), version=4),
                household_id=household_id,
                member=in_charge[household_id],
                visited_on=today,
                activities=[Activity.PRODUCTION, Activity.VACCINATION],
                notes="Hướng dẫn che chắn chuồng trâu, tiêm phòng cho đàn gà.",
                created_at=now,
                updated_at=now,
            )
        )
    with _keep_given_times(Visit):
        Visit.objects.bulk_create(visits, batch_size=2000)

    # --- concerns in every status ---------------------------------------------------------
    cells_by_household = {h.pk: cell_id for cell_id, hs in households_by_cell.items() for h in hs}
    concerns, steps_for = [], []
    with_concern = [v for v in visits if rng.random() < 0.03]
    statuses = [s for s, _l in Concern.Status.choices]
    for i, v in enumerate(with_concern):
        age = (today - v.visited_on).days
        status = statuses[i % len(statuses)] if age > 20 else rng.choice(["new", "in_progress"])
        level = Concern.Level.CELL
        forwarded_to = ""
        if status == "forwarded" or (status in ("answered", "closed") and i % 3 == 0):
            level = Concern.Level.COMMUNE if i % 2 else Concern.Level.AUTHORITY
            forwarded_to = (
                "Đảng ủy xã" if level == Concern.Level.COMMUNE else rng.choice(FORWARD_TO)
            )
        raised = _at(v.visited_on, 20)
        answered = (
            _at(v.visited_on + datetime.timedelta(days=rng.randint(3, 15)), 10)
            if status in ("answered", "closed")
            else None
        )
        concern = Concern(
            household_id=v.household_id,
            visit=v,
            raised_by=v.member,
            cell_id=cells_by_household[v.household_id],
            text=rng.choice(CONCERNS),
            status=status,
            level=level,
            forwarded_to=forwarded_to,
            answer=rng.choice(ANSWERS) if answered else "",
            answered_at=answered,
            closed_at=answered + datetime.timedelta(days=2) if status == "closed" else None,
            created_at=raised,
        )
        concerns.append(concern)
        steps_for.append((concern, v.member, raised, answered))
    Concern.objects.bulk_create(concerns, batch_size=1000)
    steps = []
    for concern, member, raised, answered in steps_for:
        steps.append(
            ConcernStep(
                concern=concern,
                actor_name=member.full_name,
                action=ConcernStep.Action.RAISED,
                level=Concern.Level.CELL,
                at=raised,
            )
        )
        if concern.status != "new":
            steps.append(
                ConcernStep(
                    concern=concern,
                    actor_name="Bí thư chi bộ",
                    action=ConcernStep.Action.TAKEN,
                    level=Concern.Level.CELL,
                    at=raised + datetime.timedelta(days=1),
                )
            )
        if concern.level != Concern.Level.CELL:
            steps.append(
                ConcernStep(
                    concern=concern,
                    actor_name="Bí thư chi bộ",
                    action=ConcernStep.Action.FORWARDED,
                    level=Concern.Level.COMMUNE,
                    forwarded_to="Đảng ủy xã",
                    at=raised + datetime.timedelta(days=2),
                )
            )
        if concern.level == Concern.Level.AUTHORITY:
            steps.append(
                ConcernStep(
                    concern=concern,
                    actor_name="Đảng ủy xã",
                    action=ConcernStep.Action.FORWARDED,
                    level=Concern.Level.AUTHORITY,
                    forwarded_to=concern.forwarded_to,
                    at=raised + datetime.timedelta(days=3),
                )
            )
        if answered:
            steps.append(
                ConcernStep(
                    concern=concern,
                    actor_name="Bí thư chi bộ" if concern.level == "cell" else "Đảng ủy xã",
                    action=ConcernStep.Action.ANSWERED,
                    level=concern.level,
                    answer=concern.answer,
                    at=answered,
                )
            )
        if concern.status == "closed":
            steps.append(
                ConcernStep(
                    concern=concern,
                    actor_name=member.full_name,
                    action=ConcernStep.Action.CLOSED,
                    level=concern.level,
                    answer="Đã báo lại cho hộ.",
                    at=concern.closed_at,
                )
            )
    ConcernStep.objects.bulk_create(steps, batch_size=2000)

    # --- support --------------------------------------------------------------------------
    supports = [
        Support(
            household=nguyen,
            member=dench,
            kind=Support.Kind.LOAN,
            given_on=datetime.date(2019, 3, 15),
            amount=100_000_000,
            lender="Ngân hàng Chính sách xã hội huyện Lâm Bình",
            purpose="Trồng trên 2 ha rừng",
            repayment_state=Support.Repayment.ON_TIME,
            notes="Năm 2023 rừng cho khai thác một phần, thu lãi gần 100 triệu đồng.",
        ),
        Support(
            household=nguyen,
            member=dench,
            kind=Support.Kind.GUIDANCE,
            given_on=datetime.date(2020, 4, 10),
            purpose="Hướng dẫn kỹ thuật trồng rừng, nuôi trâu vỗ béo",
        ),
        Support(
            household=toan,
            member=hao,
            kind=Support.Kind.GUIDANCE,
            given_on=today - datetime.timedelta(days=600),
            purpose="Hướng dẫn nuôi gà thịt, gà đẻ trứng",
        ),
    ]
    # 2023: Tiên Tốc helped 9 poor households build new houses.
    tien_toc = [
        hid
        for hid in in_charge
        if cells_by_household[hid] == ctx.cells["Tiên Tốc"].pk and hid != nguyen.pk
    ]
    for hid in rng.sample(tien_toc, k=9):
        supports.append(
            Support(
                household_id=hid,
                member=in_charge[hid],
                kind=Support.Kind.HOUSE,
                given_on=datetime.date(2023, rng.randint(3, 11), rng.randint(1, 28)),
                amount=rng.choice([40, 50, 60]) * 1_000_000,
                purpose="Làm nhà ở mới cho hộ nghèo",
                quantity=rng.randint(20, 60),
                notes="Giá trị gồm tiền hỗ trợ và vật liệu; số lượng là ngày công.",
            )
        )
    for v in visits:
        if rng.random() >= 0.04:
            continue
        kind = rng.choice(
            [Support.Kind.GIFT, Support.Kind.LABOUR, Support.Kind.MATERIALS, Support.Kind.LOAN]
        )
        row = Support(
            household_id=v.household_id,
            member=v.member,
            kind=kind,
            given_on=v.visited_on,
            visit=v,
        )
        if kind == Support.Kind.GIFT:
            row.purpose, row.amount = rng.choice(GIFTS), rng.choice([200, 300, 500]) * 1000
        elif kind == Support.Kind.LABOUR:
            row.purpose, row.quantity = "Giúp ngày công thu hoạch", rng.randint(1, 5)
            row.amount = row.quantity * 200_000
        elif kind == Support.Kind.MATERIALS:
            row.purpose, row.amount = "Giống ngô, phân bón", rng.choice([500, 800, 1200]) * 1000
        else:
            row.lender = "Ngân hàng Chính sách xã hội"
            row.purpose = rng.choice(["Nuôi bò sinh sản", "Trồng rừng", "Nuôi lợn"])
            row.amount = rng.choice([30, 50, 70, 100]) * 1_000_000
            row.repayment_state = rng.choice(["on_time", "on_time", "late", "repaid"])
        supports.append(row)
    Support.objects.bulk_create(supports, batch_size=1000)

    ctx.say(
        f"Phụ trách hộ: {len(in_charge)} hộ có đảng viên phụ trách; {len(visits)} lần thăm; "
        f"{len(concerns)} kiến nghị; {len(supports)} khoản hỗ trợ."
    )
