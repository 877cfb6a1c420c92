import datetime

import pytest
from django.urls import reverse

from gandan.households.models import HouseholdShare
from gandan.test import HouseholdFactory
from gandan.twinning import services
from gandan.twinning.models import Agreement, Candidate, Contribution, Review, Task
from gandan.twinning.tests.factories import (
    CandidateFactory,
    TargetFactory,
    make_agreement,
    partner_member,
)

D = datetime.date


@pytest.fixture
def agreement(world):
    return make_agreement(world)


@pytest.fixture
def task(world, agreement):
    return Task.objects.create(
        content=agreement.contents.get(kind=2), title="Giống cà phê", organisation="farmers"
    )


@pytest.fixture
def review(world, agreement):
    return services.review_create(
        actor=world.committee,
        agreement=agreement,
        kind=Review.Kind.INTERIM,
        period_start=D(2022, 1, 1),
        period_end=D(2023, 12, 31),
        held_on=D(2024, 1, 10),
        done="Trao 14 suất quà",
    )


@pytest.fixture
def candidate(world, agreement):
    return CandidateFactory(cell=world.cell_a1, agreement=agreement, full_name="Rơ Mah Hlim")


@pytest.fixture
def share(world, agreement):
    return services.share_grant(
        actor=world.secretary,
        agreement=agreement,
        household=world.h1,
        member=partner_member(world),
        reason="Giúp hộ",
    )


def urls(agreement, task, review, candidate, share):
    """(name, url, method) of every page."""
    a = agreement.pk
    return [
        ("list", reverse("twinning:list"), "get"),
        ("create", reverse("twinning:create"), "get"),
        ("detail", reverse("twinning:detail", args=[a]), "get"),
        ("advance", reverse("twinning:advance", args=[a]), "post"),
        ("target_link", reverse("twinning:target_link", args=[a]), "post"),
        ("task_create", reverse("twinning:task_create", args=[a]), "get"),
        ("task_update", reverse("twinning:task_update", args=[task.pk]), "get"),
        ("contribution_create", reverse("twinning:contribution_create", args=[a]), "get"),
        ("review_create", reverse("twinning:review_create", args=[a]), "get"),
        ("review", reverse("twinning:review", args=[review.pk]), "get"),
        ("review_update", reverse("twinning:review_update", args=[review.pk]), "get"),
        ("share_create", reverse("twinning:share_create", args=[a]), "get"),
        ("share_end", reverse("twinning:share_end", args=[a, share.pk]), "post"),
        ("candidates", reverse("twinning:candidates"), "get"),
        ("candidate_create", reverse("twinning:candidate_create"), "get"),
        ("candidate", reverse("twinning:candidate", args=[candidate.pk]), "get"),
        ("candidate_advance", reverse("twinning:candidate_advance", args=[candidate.pk]), "post"),
    ]


@pytest.fixture
def pages(agreement, task, review, candidate, share):
    return urls(agreement, task, review, candidate, share)


def test_anonymous_is_sent_to_login_everywhere(client, pages):
    for name, url, method in pages:
        response = getattr(client, method)(url)
        assert response.status_code == 302, name
        assert "/accounts/login" in response["Location"], name


def test_wrong_method_is_405(client, world, pages):
    client.force_login(world.committee)
    for name, url, method in pages:
        response = client.put(url)
        assert response.status_code == 405, name
        if method == "post":
            assert client.get(url).status_code == 405, name


def test_outsider_gets_404_on_every_page_of_the_partnership(client, world, pages):
    client.force_login(world.outsider)
    own = {"list", "candidates", "create", "candidate_create"}
    for name, url, method in pages:
        if name in own:
            continue
        assert getattr(client, method)(url).status_code == 404, name


def test_a_member_of_a_side_reads_but_gets_403_on_writes(client, world, pages):
    client.force_login(world.member_user)
    reads = {"list", "detail", "review"}
    writes = {
        "create",
        "advance",
        "target_link",
        "task_create",
        "task_update",
        "contribution_create",
        "review_create",
        "review_update",
        "share_create",
        "candidate_create",
    }
    for name, url, method in pages:
        response = getattr(client, method)(url)
        if name in reads:
            assert response.status_code == 200, name
        elif name in writes:
            assert response.status_code == 403, name


def test_viewer_sees_the_list_with_totals_but_not_the_shared_space(client, world, agreement):
    Contribution.objects.create(
        agreement=agreement,
        kind="money",
        given_on=D(2023, 1, 1),
        description="Tiền",
        value=2_500_000,
        giver_cell=world.cell_a2,
        receiver_cell=world.cell_a1,
    )
    client.force_login(world.viewer)
    response = client.get(reverse("twinning:list"))
    assert response.status_code == 200
    assert "2.500.000 đ" in response.content.decode()
    assert reverse("twinning:detail", args=[agreement.pk]) not in response.content.decode()
    assert client.get(reverse("twinning:detail", args=[agreement.pk])).status_code == 404


def test_list_pins_its_query_count(client, world, django_assert_max_num_queries):
    for i in range(5):
        make_agreement(world, title=f"Giao ước {i}")
    CandidateFactory(cell=world.cell_a1)
    client.force_login(world.committee)
    with django_assert_max_num_queries(12):
        response = client.get(reverse("twinning:list"))
    assert response.content.decode().count("Giao ước ") >= 5


def test_detail_query_count_does_not_grow_with_rows(
    client, world, agreement, django_assert_max_num_queries
):
    for i in range(8):
        Task.objects.create(
            content=agreement.contents.get(kind=1 + i % 5), title=f"Việc {i}", organisation="women"
        )
        services.contribution_record(
            actor=world.committee,
            agreement=agreement,
            kind="gift",
            given_on=D(2023, 1, 1 + i),
            description=f"Quà {i}",
            quantity=1,
            value=100_000,
            giver_cell=world.cell_a2,
            receiver_cell=world.cell_a1,
            recipients=[HouseholdFactory(area=world.area_a1)],
        )
    client.force_login(world.secretary)
    with django_assert_max_num_queries(30):
        response = client.get(reverse("twinning:detail", args=[agreement.pk]))
    assert "800.000 đ" in response.content.decode()


def test_the_committee_plans_an_agreement_through_the_form(client, world):
    client.force_login(world.committee)
    response = client.post(
        reverse("twinning:create"),
        {
            "committee": world.committee_a.pk,
            "title": "Kết nghĩa 2023",
            "helping_cells": [world.cell_a2.pk],
            "village_cells": [world.cell_a1.pk],
            "starts_on": "2023-01-01",
            "ends_on": "2025-12-31",
            "document_number": "02-GU",
        },
    )
    agreement = Agreement.objects.get()
    assert response.status_code == 302
    assert response["Location"] == reverse("twinning:detail", args=[agreement.pk])
    assert agreement.contents.count() == 5


def test_the_form_says_what_is_missing_when_a_side_is_empty(client, world):
    client.force_login(world.committee)
    response = client.post(
        reverse("twinning:create"),
        {
            "committee": world.committee_a.pk,
            "title": "Thiếu bên",
            "helping_cells": [world.cell_a2.pk],
            "starts_on": "2023-01-01",
            "ends_on": "2025-12-31",
        },
    )
    assert response.status_code == 200
    assert "Cần ít nhất một chi bộ bên được giúp đỡ." in response.content.decode()
    assert not Agreement.objects.exists()


def test_the_committee_moves_the_status_and_a_skip_is_refused(client, world):
    agreement = make_agreement(world, status=Agreement.Status.DRAFT)
    client.force_login(world.committee)
    url = reverse("twinning:advance", args=[agreement.pk])
    client.post(url, {"status": "active"}, follow=True)
    assert Agreement.objects.get(pk=agreement.pk).status == "draft"
    client.post(url, {"status": "signed"})
    assert Agreement.objects.get(pk=agreement.pk).status == "signed"


def test_partner_secretary_gives_a_task_and_records_its_result(client, world, agreement):
    client.force_login(world.other_secretary)
    response = client.post(
        reverse("twinning:task_create", args=[agreement.pk]),
        {
            "content": agreement.contents.get(kind=3).pk,
            "title": "Văn nghệ mừng Đảng",
            "organisation": "youth",
            "due_on": "2023-02-03",
        },
    )
    assert response.status_code == 302
    task = Task.objects.get()
    response = client.post(
        reverse("twinning:task_update", args=[task.pk]),
        {"status": "done", "done_on": "2023-02-03", "result": "Hai đội văn nghệ"},
    )
    assert response.status_code == 302
    task.refresh_from_db()
    assert task.status == "done"


def test_a_contribution_with_a_negative_value_is_refused_on_the_form(client, world, agreement):
    client.force_login(world.secretary)
    response = client.post(
        reverse("twinning:contribution_create", args=[agreement.pk]),
        {
            "kind": "money",
            "given_on": "2023-01-20",
            "description": "Tiền",
            "value": "-100000",
            "giver_cell": world.cell_a2.pk,
            "receiver_cell": world.cell_a1.pk,
        },
    )
    assert response.status_code == 200
    assert "Trị giá không được âm." in response.content.decode()
    assert not Contribution.objects.exists()


def test_the_village_secretary_records_gifts_for_named_households(client, world, agreement):
    client.force_login(world.secretary)
    response = client.post(
        reverse("twinning:contribution_create", args=[agreement.pk]),
        {
            "kind": "gift",
            "given_on": "2023-01-20",
            "description": "Quà Tết",
            "quantity": "2",
            "value": "1000000",
            "giver_enterprise": "Công ty Hưng Phát",
            "receiver_cell": world.cell_a1.pk,
            "recipients": [world.h1.pk, world.h2.pk],
        },
    )
    assert response.status_code == 302
    assert Contribution.objects.get().recipients.count() == 2


def test_partner_sees_how_many_households_received_but_not_which(client, world, agreement):
    services.contribution_record(
        actor=world.secretary,
        agreement=agreement,
        kind="gift",
        given_on=D(2023, 1, 20),
        description="Quà Tết",
        quantity=1,
        value=500_000,
        giver_cell=world.cell_a2,
        receiver_cell=world.cell_a1,
        recipients=[world.h1],
    )
    client.force_login(world.other_secretary)
    page = client.get(reverse("twinning:detail", args=[agreement.pk])).content.decode()
    assert "1 hộ" in page
    assert world.h1.head_name not in page
    form = client.get(reverse("twinning:contribution_create", args=[agreement.pk])).content.decode()
    assert world.h1.head_name not in form


def test_review_is_written_printed_and_its_commentary_edited(client, world, agreement):
    client.force_login(world.secretary)
    response = client.post(
        reverse("twinning:review_create", args=[agreement.pk]),
        {
            "kind": "interim",
            "period_start": "2022-01-01",
            "period_end": "2023-12-31",
            "held_on": "2024-01-10",
            "done": "Trao quà",
            "lessons": "Sâu sát",
        },
    )
    review = Review.objects.get()
    assert response["Location"] == reverse("twinning:review", args=[review.pk])
    page = client.get(response["Location"]).content.decode()
    assert "Báo cáo sơ kết" in page and "Sâu sát" in page and "print.css" in page
    response = client.post(
        reverse("twinning:review_update", args=[review.pk]),
        {"done": "Trao quà", "lessons": "Bài học mới", "not_done": "", "next_plan": "Tiếp tục"},
    )
    assert response.status_code == 302
    review.refresh_from_db()
    assert (review.lessons, review.next_plan) == ("Bài học mới", "Tiếp tục")


def test_review_outside_the_term_is_refused_on_the_form(client, world, agreement):
    client.force_login(world.secretary)
    response = client.post(
        reverse("twinning:review_create", args=[agreement.pk]),
        {
            "kind": "final",
            "period_start": "2021-01-01",
            "period_end": "2025-12-31",
            "held_on": "2025-12-20",
        },
    )
    assert response.status_code == 200
    assert "thời hạn giao ước" in response.content.decode()
    assert not Review.objects.exists()


def test_the_committee_links_a_village_target(client, world, agreement):
    target = TargetFactory(unit=world.cell_a1, kind="fewer_poor", amount=3)
    client.force_login(world.committee)
    page = client.get(reverse("twinning:detail", args=[agreement.pk])).content.decode()
    assert "Thêm chỉ tiêu chung" in page
    client.post(reverse("twinning:target_link", args=[agreement.pk]), {"target": target.pk})
    assert agreement.shared_targets.filter(target=target).exists()


def test_village_secretary_shares_and_ends_a_share_through_the_pages(client, world, agreement):
    helper = partner_member(world)
    client.force_login(world.secretary)
    response = client.post(
        reverse("twinning:share_create", args=[agreement.pk]),
        {"household": world.h1.pk, "member": helper.pk, "reason": "Giúp trồng cà phê"},
    )
    assert response.status_code == 302
    share = HouseholdShare.objects.get()
    client.post(reverse("twinning:share_end", args=[agreement.pk, share.pk]))
    share.refresh_from_db()
    assert share.ends_on is not None


def test_partner_secretary_cannot_open_the_share_form(client, world, agreement):
    client.force_login(world.other_secretary)
    assert client.get(reverse("twinning:share_create", args=[agreement.pk])).status_code == 403


def test_candidate_added_and_advanced_with_the_rules_shown(client, world, agreement):
    client.force_login(world.secretary)
    response = client.post(
        reverse("twinning:candidate_create"),
        {
            "cell": world.cell_a1.pk,
            "full_name": "Rơ Mah Thương",
            "birth_date": "1990-04-02",
            "organisation": "farmers",
            "position": "Chi hội phó",
            "identified_on": "2023-03-01",
            "agreement": agreement.pk,
        },
    )
    candidate = Candidate.objects.get()
    assert response["Location"] == reverse("twinning:candidate", args=[candidate.pk])
    page = client.get(response["Location"]).content.decode()
    assert "Điều lệ Đảng" in page
    url = reverse("twinning:candidate_advance", args=[candidate.pk])
    # Out of order: refused with a clear message, nothing changes.
    response = client.post(url, {"stage": "applied", "on": "2023-07-01"})
    assert response.status_code == 200
    assert "không đúng thứ tự" in response.content.decode()
    candidate.refresh_from_db()
    assert candidate.stage == "identified"
    response = client.post(url, {"stage": "course", "on": "2023-06-01"})
    assert response.status_code == 302
    candidate.refresh_from_db()
    assert candidate.stage == "course"
    # The admission is the committee's decision: a cell secretary gets 403.
    response = client.post(url, {"stage": "admitted", "on": "2023-07-01"})
    assert response.status_code == 403
    candidate.refresh_from_db()
    assert candidate.stage == "course"


def test_candidate_list_pins_its_query_count(client, world, django_assert_max_num_queries):
    for _ in range(6):
        CandidateFactory(cell=world.cell_a1)
    client.force_login(world.secretary)
    with django_assert_max_num_queries(12):
        response = client.get(reverse("twinning:candidates"))
    assert response.content.decode().count("Rơ Mah Thử") == 6


def test_other_cells_candidates_are_404(client, world):
    candidate = CandidateFactory(cell=world.cell_a1)
    client.force_login(world.other_secretary)
    assert client.get(reverse("twinning:candidate", args=[candidate.pk])).status_code == 404


def test_a_cell_tab_lists_only_that_cells_partnerships(client, world, agreement):
    other = make_agreement(
        world, title="Giao ước khác", helping_cells=[world.cell_a1], village_cells=[world.cell_a2]
    )
    client.force_login(world.committee)
    page = client.get(reverse("twinning:list") + f"?unit={world.cell_a2.pk}").content.decode()
    assert agreement.title in page and other.title in page
    Agreement.objects.filter(pk=other.pk).delete()
    page = client.get(reverse("twinning:list") + f"?unit={world.cell_b1.pk}").content.decode()
    assert agreement.title not in page


def test_the_uploaded_document_goes_only_to_the_partnership(client, world, settings, tmp_path):
    from django.core.files.uploadedfile import SimpleUploadedFile

    settings.MEDIA_ROOT = tmp_path
    client.force_login(world.committee)
    client.post(
        reverse("twinning:create"),
        {
            "committee": world.committee_a.pk,
            "title": "Có văn bản",
            "helping_cells": [world.cell_a2.pk],
            "village_cells": [world.cell_a1.pk],
            "starts_on": "2023-01-01",
            "ends_on": "2025-12-31",
            "document_file": SimpleUploadedFile("giao-uoc.pdf", b"%PDF-1.4 giao uoc"),
        },
    )
    agreement = Agreement.objects.get()
    url = reverse("twinning:document", args=[agreement.pk])
    client.force_login(world.other_secretary)
    response = client.get(url)
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == b"%PDF-1.4 giao uoc"
    client.force_login(world.outsider)
    assert client.get(url).status_code == 404


def test_the_stage_form_offers_introducers_of_the_cell_only(client, world):
    candidate = CandidateFactory(cell=world.cell_a1, stage="course", course_passed_on=D(2023, 1, 1))
    other_cell = partner_member(world, full_name="Lò Văn Ngoài")
    client.force_login(world.committee)
    page = client.get(reverse("twinning:candidate", args=[candidate.pk])).content.decode()
    assert world.member.full_name in page
    assert other_cell.full_name not in page
    # Once the candidate belongs to a partnership, the partner cell's members may introduce.
    Candidate.objects.filter(pk=candidate.pk).update(agreement=make_agreement(world))
    page = client.get(reverse("twinning:candidate", args=[candidate.pk])).content.decode()
    assert other_cell.full_name in page
