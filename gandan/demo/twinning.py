"""The three partnerships of phường Chi Lăng (seed 000, Gia Lai).

- 2022: the cells of TDP 1 and TDP 3 (76 members) twin with làng Ia Lang (11 members), term
  2022–2025, the five coordination contents with tasks for the mass organisations and the
  residents' boards; the two TDP cells gather 14 gift packages worth 10,000,000 đ for the 14
  poor and near-poor households of Ia Lang (7 each, 5,000,000 đ each); an interim review;
  shared targets: 3 fewer poor and 3 fewer near-poor households in 2022–2025, and new members
  from the village's cadres (farmers' association, front committee, youth union, veterans)
  who are not yet members, followed as candidates at their stages.
- The 2023 plan: TDP 4 + thôn Hàm Rồng with làng Châm Anẻh; TDP 2 + thôn Ia Rốk with làng
  Ngol Tảl.
"""

import datetime

from gandan.demo.context import DemoContext
from gandan.demo.names import person
from gandan.households.models import Household
from gandan.org.models import Member
from gandan.poverty import services as poverty_services
from gandan.poverty.models import Assessment, Status, Target
from gandan.twinning import services
from gandan.twinning.models import Agreement, Candidate, Content, Review, Task

ORDER = 50
D = datetime.date
GIFT_PACKAGES, GIFT_VALUE = 14, 10_000_000

# (content, title, organisation, cell area name or None, due, status, done on, result)
IA_LANG_TASKS = [
    (
        Content.Kind.PROPAGANDA,
        "Tuyên truyền chủ trương của Đảng, chính sách dân tộc tại các buổi sinh hoạt làng",
        "front",
        "Ia Lang",
        D(2022, 12, 31),
        Task.Status.DONE,
        D(2022, 11, 18),
        "4 buổi sinh hoạt, 80% hộ dự",
    ),
    (
        Content.Kind.PROPAGANDA,
        "Vận động người dân nâng cao cảnh giác, giữ an ninh trật tự",
        "veterans",
        "Tổ dân phố 1",
        D(2023, 6, 30),
        Task.Status.DONE,
        D(2023, 5, 20),
        "Hội Cựu chiến binh hai TDP cùng chi hội làng nói chuyện 2 buổi",
    ),
    (
        Content.Kind.ECONOMY,
        "Hướng dẫn cải tạo vườn tạp, kỹ thuật trồng và chăm sóc cà phê",
        "farmers",
        "Tổ dân phố 3",
        D(2023, 9, 30),
        Task.Status.DONE,
        D(2023, 8, 25),
        "12 hộ cải tạo vườn; 2 mô hình trình diễn",
    ),
    (
        Content.Kind.ECONOMY,
        "Giới thiệu hộ nghèo vay vốn Ngân hàng Chính sách xã hội, theo dõi sử dụng vốn",
        "",
        "Tổ dân phố 1",
        D(2024, 12, 31),
        Task.Status.IN_PROGRESS,
        None,
        "",
    ),
    (
        Content.Kind.CULTURE,
        "Giao lưu văn nghệ, thể thao mừng Đảng, mừng Xuân",
        "youth",
        "Ia Lang",
        D(2023, 2, 3),
        Task.Status.DONE,
        D(2023, 2, 3),
        "Đêm giao lưu cồng chiêng và bóng chuyền",
    ),
    (
        Content.Kind.CULTURE,
        "Thăm hỏi gia đình chính sách, tặng vở cho học sinh nghèo học giỏi",
        "women",
        "Tổ dân phố 3",
        D(2023, 9, 5),
        Task.Status.DONE,
        D(2023, 9, 5),
        "40 suất vở",
    ),
    (
        Content.Kind.CAMPAIGNS,
        "Vệ sinh môi trường, phòng chống dịch bệnh, chăm sóc sức khỏe",
        "women",
        "Ia Lang",
        D(2024, 6, 30),
        Task.Status.PLANNED,
        None,
        "",
    ),
    (
        Content.Kind.CAMPAIGNS,
        "Xây dựng khu dân cư văn hóa, giữ gìn văn hóa truyền thống",
        "residents",
        "Ia Lang",
        D(2025, 12, 31),
        Task.Status.IN_PROGRESS,
        None,
        "",
    ),
    (
        Content.Kind.CADRES,
        "Ban Nhân dân hai TDP hướng dẫn Ban Nhân dân làng ghi chép sổ sách, họp dân",
        "residents",
        "Tổ dân phố 1",
        D(2023, 3, 31),
        Task.Status.DONE,
        D(2023, 3, 28),
        "Làng lập được sổ theo dõi hộ",
    ),
    (
        Content.Kind.CADRES,
        "Giới thiệu cán bộ đoàn thể của làng học lớp bồi dưỡng nhận thức về Đảng",
        "",
        "Ia Lang",
        D(2024, 12, 31),
        Task.Status.IN_PROGRESS,
        None,
        "",
    ),
]


def _committee_user(ctx):
    return ctx.users["danguy.chi_lang"]


def _agreement(ctx, title, helping, village, *, starts_on, ends_on, signed_on, number, text):
    return services.agreement_create(
        actor=_committee_user(ctx),
        committee=ctx.committees["chi_lang"],
        title=title,
        helping_cells=[ctx.cells[name] for name in helping],
        village_cells=[ctx.cells[name] for name in village],
        starts_on=starts_on,
        ends_on=ends_on,
        signed_on=signed_on,
        document_number=number,
        document_text=text,
    )


def _advance(ctx, agreement, *statuses) -> Agreement:
    for status in statuses:
        agreement = services.agreement_advance(
            actor=_committee_user(ctx), agreement=agreement, status=status
        )
    return agreement


def _poor_households_2022(ctx, area_name: str) -> list[Household]:
    """Poor and near-poor households of the village by the 2022 review (the seed's 8 + 6)."""
    ids = Assessment.objects.filter(
        household__area=ctx.areas[area_name],
        year=2022,
        status__in=[Status.POOR, Status.NEAR_POOR],
    ).values("household_id")
    return list(Household.objects.filter(pk__in=ids).order_by("pk"))


def _shared_targets(ctx, agreement) -> None:
    """Ia Lang's targets for the term: from the poverty step when it set them, else here."""
    cell, actor = ctx.cells["Ia Lang"], _committee_user(ctx)
    wanted = [
        (Target.Kind.FEWER_POOR, 3, "Giảm 3 hộ nghèo theo tiêu chí mới (kế hoạch kết nghĩa)"),
        (Target.Kind.FEWER_NEAR_POOR, 3, "Giảm 3 hộ cận nghèo theo tiêu chí mới"),
        (Target.Kind.NEW_MEMBERS, 2, "Phát triển đảng viên mới từ cán bộ đoàn thể của làng"),
    ]
    for kind, amount, description in wanted:
        target = Target.objects.filter(
            unit=cell, kind=kind, start_year__lte=2022, end_year__gte=2025
        ).first() or poverty_services.target_create(
            actor=actor,
            unit=cell,
            kind=kind,
            amount=amount,
            start_year=2022,
            end_year=2025,
            description=description,
        )
        services.agreement_target_link(actor=actor, agreement=agreement, target=target)


def _candidates(ctx, agreement) -> int:
    """Cadres of Ia Lang not yet members, at various stages. The one admitted is the cell's
    probationary member of the foundation step (the cell keeps its 11 members)."""
    rng, cell = ctx.rng, ctx.cells["Ia Lang"]
    village = [m for k, m in ctx.members.items() if k.startswith("Ia Lang/") and "/" in k]
    full = sorted(
        {m.pk: m for m in village if m.status == Member.Status.FULL}.values(), key=lambda m: m.pk
    )
    helpers = [
        ctx.members.get("Tổ dân phố 1/demo_member"),
        ctx.members.get("Tổ dân phố 3/secretary"),
        full[1] if len(full) > 1 else None,
        ctx.members.get("Tổ dân phố 1/secretary"),
        full[2] if len(full) > 2 else None,
    ]
    # (organisation, position, birth date, stage)
    plan = [
        ("farmers", "Chi hội phó Chi hội Nông dân", D(1988, 3, 12), Candidate.Stage.APPLIED),
        ("front", "Phó ban công tác Mặt trận", D(1983, 8, 2), Candidate.Stage.CHECKED),
        ("youth", "Bí thư Chi đoàn", D(2000, 10, 20), Candidate.Stage.COURSE),
        (
            "veterans",
            "Chi hội phó Chi hội Cựu chiến binh",
            D(1971, 5, 9),
            Candidate.Stage.IDENTIFIED,
        ),
        ("youth", "Phó bí thư Chi đoàn", D(2002, 1, 15), Candidate.Stage.IDENTIFIED),
    ]
    rows = []
    for (organisation, position, birth, stage), helper in zip(plan, helpers, strict=True):
        name, gender, people = person(rng, "Gia Rai")
        candidate = Candidate(
            cell=cell,
            agreement=agreement,
            full_name=name,
            birth_date=birth,
            gender=gender,
            ethnicity=people,
            organisation=organisation,
            position=position,
            helper=helper,
            stage=stage,
            identified_on=D(2023, 3, 15),
        )
        reached = services.STAGE_ORDER.index(stage)
        if reached >= 1:
            candidate.course_passed_on = D(2023, 11, 24)
        if reached >= 2:
            candidate.applied_on = D(2025, 4, 10)
            candidate.introducer_1, candidate.introducer_1_since = full[0], D(2019, 1, 1)
            if organisation == "youth":
                candidate.youth_union_resolution = "03-NQ/ĐTN"
            else:
                candidate.introducer_2, candidate.introducer_2_since = full[3], D(2018, 6, 1)
        if reached >= 3:
            candidate.checked_on = D(2025, 6, 20)
        rows.append(candidate)
    probationary = (
        Member.objects.filter(cell=cell, status=Member.Status.PROBATIONARY, left_on__isnull=True)
        .order_by("pk")
        .first()
    )
    if probationary is not None and probationary.admitted_on:
        admitted = probationary.admitted_on
        rows.append(
            Candidate(
                cell=cell,
                agreement=agreement,
                full_name=probationary.full_name,
                birth_date=D(probationary.birth_year or 1990, 6, 1),
                gender=probationary.gender,
                ethnicity=probationary.ethnicity,
                organisation="farmers",
                position="Ủy viên Chi hội Nông dân",
                helper=ctx.members.get("Tổ dân phố 3/secretary"),
                stage=Candidate.Stage.ADMITTED,
                identified_on=D(2023, 3, 15),
                course_passed_on=D(2023, 11, 24),
                applied_on=admitted - datetime.timedelta(days=90),
                introducer_1=full[0],
                introducer_1_since=D(2019, 1, 1),
                introducer_2=full[3],
                introducer_2_since=D(2018, 6, 1),
                checked_on=admitted - datetime.timedelta(days=30),
                admitted_on=admitted,
                member=probationary,
            )
        )
    Candidate.objects.bulk_create(rows)
    return len(rows)


def _ia_lang(ctx) -> int:
    """The 2022 agreement with its records; returns how many candidates it follows."""
    agreement = _agreement(
        ctx,
        "Giao ước kết nghĩa Chi bộ TDP 1, Chi bộ TDP 3 với Chi bộ làng Ia Lang",
        ["Tổ dân phố 1", "Tổ dân phố 3"],
        ["Ia Lang"],
        starts_on=D(2022, 6, 15),
        ends_on=D(2025, 12, 31),
        signed_on=D(2022, 6, 15),
        number="01-GU/KN",
        text=(
            "Ba chi bộ thống nhất 5 nội dung phối hợp; hai chi bộ TDP giao nhiệm vụ cho các chi "
            "hội đoàn thể, Ban Nhân dân phối hợp với làng nắm tình hình, giải quyết khó khăn; "
            "sơ kết, tổng kết rút kinh nghiệm."
        ),
    )
    agreement = _advance(ctx, agreement, Agreement.Status.SIGNED, Agreement.Status.ACTIVE)
    contents = {c.kind: c for c in agreement.contents.all()}
    actor = _committee_user(ctx)
    for kind, title, organisation, area, due, status, done_on, result in IA_LANG_TASKS:
        task = services.task_create(
            actor=actor,
            agreement=agreement,
            content=contents[kind],
            title=title,
            organisation=organisation,
            cell=ctx.cells[area],
            due_on=due,
        )
        if status != Task.Status.PLANNED:
            services.task_update(
                actor=actor, task=task, status=status, result=result, done_on=done_on
            )

    # 14 packages, 10,000,000 đ: each TDP cell gathered half from its members and enterprises.
    households = _poor_households_2022(ctx, "Ia Lang")
    if len(households) < GIFT_PACKAGES:  # without the poverty step: the first households
        households = list(
            Household.objects.filter(area=ctx.areas["Ia Lang"]).order_by("pk")[:GIFT_PACKAGES]
        )
    half = GIFT_PACKAGES // 2
    for giver, share in (("Tổ dân phố 1", households[:half]), ("Tổ dân phố 3", households[half:])):
        services.contribution_record(
            actor=actor,
            agreement=agreement,
            content=contents[Content.Kind.CULTURE],
            kind="gift",
            given_on=D(2023, 1, 12),
            description="Quà Tết Quý Mão cho hộ nghèo, cận nghèo làng Ia Lang",
            quantity=len(share),
            quantity_unit="suất",
            value=GIFT_VALUE * len(share) // GIFT_PACKAGES,
            giver_cell=ctx.cells[giver],
            receiver_cell=ctx.cells["Ia Lang"],
            recipients=share,
        )
    services.contribution_record(
        actor=actor,
        agreement=agreement,
        content=contents[Content.Kind.ECONOMY],
        kind="labour",
        given_on=D(2023, 8, 25),
        description="Ngày công hướng dẫn cải tạo vườn tạp",
        quantity=24,
        quantity_unit="ngày công",
        value=0,
        giver_cell=ctx.cells["Tổ dân phố 3"],
        receiver_cell=ctx.cells["Ia Lang"],
    )
    _shared_targets(ctx, agreement)
    helper = ctx.members.get("Tổ dân phố 1/demo_member")
    if helper is not None and households:
        services.share_grant(
            actor=actor,
            agreement=agreement,
            household=households[0],
            member=helper,
            reason="Đảng viên TDP 1 giúp hộ cải tạo vườn, làm hồ sơ vay vốn",
            starts_on=D(2023, 8, 1),
        )
    candidates = _candidates(ctx, agreement)
    services.review_create(
        actor=actor,
        agreement=agreement,
        kind=Review.Kind.INTERIM,
        period_start=D(2022, 6, 15),
        period_end=D(2023, 12, 31),
        held_on=D(2024, 1, 10),
        done=(
            "Tuyên truyền chủ trương, chính sách đến người dân; tặng 14 suất quà trị giá "
            "10 triệu đồng cho 14 hộ nghèo, cận nghèo; hướng dẫn cải tạo vườn tạp, trồng cà phê; "
            "giao lưu văn hóa, văn nghệ; giúp Ban Nhân dân làng ghi chép sổ sách."
        ),
        not_done=(
            "Chưa có hộ vay vốn được theo dõi đến kỳ trả nợ; vệ sinh môi trường chưa đều; "
            "nhiều cán bộ chi hội nông dân, mặt trận, chi đoàn, cựu chiến binh của làng vẫn "
            "chưa là đảng viên."
        ),
        lessons=(
            "Giao việc cụ thể cho từng chi hội đoàn thể và Ban Nhân dân; phân công cán bộ hưu "
            "trí theo từng hộ; sơ kết để rút kinh nghiệm kịp thời."
        ),
        next_plan=(
            "Bồi dưỡng cán bộ chi hội nông dân, mặt trận, chi đoàn, cựu chiến binh của làng để "
            "phát triển đảng viên; giúp hộ nghèo vay vốn, chuyển đổi giống cây trồng."
        ),
    )
    return candidates


def build(ctx: DemoContext) -> None:
    candidates = _ia_lang(ctx)
    plan = (
        "Kế hoạch kết nghĩa năm 2023 của Đảng ủy phường: 6 chi bộ thôn, TDP với 3 chi bộ làng "
        "đồng bào dân tộc thiểu số (Đề án 1-ĐA/TU ngày 18-1-2013 của Thành ủy Pleiku)."
    )
    cham_aneh = _agreement(
        ctx,
        "Giao ước kết nghĩa Chi bộ TDP 4, Chi bộ thôn Hàm Rồng với Chi bộ làng Châm Anẻh",
        ["Tổ dân phố 4", "Hàm Rồng"],
        ["Châm Anẻh"],
        starts_on=D(2023, 3, 20),
        ends_on=D(2025, 12, 31),
        signed_on=D(2023, 3, 20),
        number="02-GU/KN",
        text=plan,
    )
    cham_aneh = _advance(ctx, cham_aneh, Agreement.Status.SIGNED, Agreement.Status.ACTIVE)
    ngol_tal = _agreement(
        ctx,
        "Giao ước kết nghĩa Chi bộ TDP 2, Chi bộ thôn Ia Rốk với Chi bộ làng Ngol Tảl",
        ["Tổ dân phố 2", "Ia Rốk"],
        ["Ngol Tảl"],
        starts_on=D(2023, 4, 10),
        ends_on=D(2025, 12, 31),
        signed_on=D(2023, 4, 10),
        number="03-GU/KN",
        text=plan,
    )
    ngol_tal = _advance(ctx, ngol_tal, Agreement.Status.SIGNED)
    actor = _committee_user(ctx)
    for agreement, village, helping in (
        (cham_aneh, "Châm Anẻh", "Tổ dân phố 4"),
        (ngol_tal, "Ngol Tảl", "Tổ dân phố 2"),
    ):
        contents = {c.kind: c for c in agreement.contents.all()}
        for kind, title, organisation, area in (
            (Content.Kind.PROPAGANDA, "Tuyên truyền, vận động tại nhà rông", "front", village),
            (Content.Kind.ECONOMY, "Hướng dẫn chăn nuôi bò, tiêm phòng", "farmers", helping),
            (Content.Kind.CADRES, "Bồi dưỡng cán bộ chi đoàn của làng", "youth", helping),
        ):
            services.task_create(
                actor=actor,
                agreement=agreement,
                content=contents[kind],
                title=title,
                organisation=organisation,
                cell=ctx.cells[area],
                due_on=D(2024, 12, 31),
            )
    ctx.say(
        f"Kết nghĩa: 3 giao ước ở phường Chi Lăng; {GIFT_PACKAGES} suất quà "
        f"{GIFT_VALUE:,} đ cho làng Ia Lang; {candidates} quần chúng ưu tú.".replace(",", ".")
    )
