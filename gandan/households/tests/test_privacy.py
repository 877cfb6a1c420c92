"""A household's data rights: export everything held, correct, consent, erase after leaving
with the aggregate figures unchanged."""

import datetime
import json

import pytest
from auditlog.models import LogEntry
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Count, Sum
from django.urls import reverse

from gandan.households import privacy
from gandan.households.models import Household, HouseholdShare, Resident


@pytest.fixture
def lan(world):
    world.h1.phone = "0911222333"
    world.h1.address = "Xóm Đồi"
    world.h1.notes = "Chồng ốm lâu năm"
    world.h1.save()
    return Resident.objects.create(
        household=world.h1, full_name="Nguyễn Thị Lan", birth_year=1990, relation="vợ"
    )


def test_export_contains_everything_held_and_the_log(world, lan):
    data = privacy.household_export(actor=world.secretary, household=world.h1)
    records = data["records"]
    assert records["households.household"][0]["head_name"] == "Nguyễn Văn Nguyên"
    assert records["households.resident"][0]["full_name"] == "Nguyễn Thị Lan"
    assert records["households.assignment"][0]["member"] == world.member.pk
    assert any(e["record"] == f"households.resident#{lan.pk}" for e in data["log"])
    assert data["purpose_of_processing"]


def a_visit(world, notes):
    """A row of an app above this one, made by label: the export and the erasure find it by
    following its foreign key, without knowing the app."""
    from django.apps import apps

    visit_model = apps.get_model("care", "Visit")
    return visit_model.objects.create(
        household=world.h1, member=world.member, visited_on=datetime.date(2026, 5, 2), notes=notes
    )


def test_export_holds_rows_of_other_apps_that_point_to_the_household(world):
    visit = a_visit(world, "Bàn chuyện vay vốn")
    data = privacy.household_export(actor=world.secretary, household=world.h1)
    assert [r["notes"] for r in data["records"]["care.visit"] if r["id"] == visit.pk] == [
        "Bàn chuyện vay vốn"
    ]


def test_export_contains_no_other_household(world, lan):
    body = privacy.household_export_json(actor=world.committee, household=world.h1).decode()
    assert world.h2.head_name not in body
    assert world.h_unassigned.head_name not in body


def test_export_page_downloads_a_json_file_and_logs_the_read(client, world, lan):
    client.force_login(world.secretary)
    response = client.get(reverse("households:privacy_export", args=[world.h1.pk]))
    assert response.status_code == 200
    assert "attachment" in response["Content-Disposition"]
    data = json.loads(response.content)
    assert data["household_id"] == world.h1.pk
    assert LogEntry.objects.filter(
        action=LogEntry.Action.ACCESS, object_id=world.h1.pk, actor=world.secretary
    ).exists()


def test_member_in_charge_gets_403_and_others_404(client, world):
    urls = [
        ("get", reverse("households:privacy", args=[world.h1.pk])),
        ("get", reverse("households:privacy_export", args=[world.h1.pk])),
        ("get", reverse("households:privacy_correct", args=[world.h1.pk])),
        ("post", reverse("households:privacy_consent", args=[world.h1.pk])),
        ("post", reverse("households:privacy_anonymise", args=[world.h1.pk])),
    ]
    for persona, expected in [
        (world.member_user, 403),
        (world.other_member_user, 404),
        (world.other_secretary, 404),
        (world.outsider, 404),
        (world.viewer, 404),
    ]:
        client.force_login(persona)
        for method, url in urls:
            assert getattr(client, method)(url).status_code == expected, (persona, url)
    client.logout()
    for method, url in urls:
        assert getattr(client, method)(url).status_code == 302


def test_privacy_pages_refuse_wrong_methods(client, world):
    client.force_login(world.secretary)
    assert client.post(reverse("households:privacy", args=[world.h1.pk])).status_code == 405
    assert (
        client.get(reverse("households:privacy_anonymise", args=[world.h1.pk])).status_code == 405
    )
    assert client.get(reverse("households:privacy_consent", args=[world.h1.pk])).status_code == 405


def test_privacy_page_shows_consent_and_purpose(client, world):
    client.force_login(world.secretary)
    response = client.get(reverse("households:privacy", args=[world.h1.pk]))
    assert response.status_code == 200
    assert world.h1.processing_purpose in response.content.decode()


def test_correction_is_saved_and_audited(client, world):
    client.force_login(world.secretary)
    response = client.post(
        reverse("households:privacy_correct", args=[world.h1.pk]),
        {
            "head_name": "Nguyễn Văn Nguyện",
            "address": "",
            "phone": "0912 000 111",
            "residents_count": 5,
            "ethnicity": "Kinh",
            "notes": "",
        },
    )
    assert response.status_code == 302
    world.h1.refresh_from_db()
    assert world.h1.head_name == "Nguyễn Văn Nguyện"
    assert world.h1.phone == "0912000111"
    entry = LogEntry.objects.filter(object_id=world.h1.pk, action=LogEntry.Action.UPDATE).latest()
    assert entry.changes_dict["head_name"] == ["Nguyễn Văn Nguyên", "Nguyễn Văn Nguyện"]
    assert entry.actor == world.secretary


def test_a_bad_correction_is_explained_next_to_the_field(client, world):
    client.force_login(world.secretary)
    response = client.post(
        reverse("households:privacy_correct", args=[world.h1.pk]),
        {"head_name": "", "phone": "123", "residents_count": 0, "ethnicity": "Kinh"},
    )
    assert response.status_code == 200
    errors = response.context["form"].errors
    assert "head_name" in errors and "residents_count" in errors


def test_consent_is_recorded_with_its_purpose(client, world):
    client.force_login(world.secretary)
    response = client.post(
        reverse("households:privacy_consent", args=[world.h1.pk]),
        {"consent_recorded_on": "2026-03-01", "processing_purpose": "Thăm hỏi, hỗ trợ"},
    )
    assert response.status_code == 302
    world.h1.refresh_from_db()
    assert world.h1.consent_recorded_on == datetime.date(2026, 3, 1)
    assert world.h1.processing_purpose == "Thăm hỏi, hỗ trợ"


def test_consent_without_a_purpose_is_refused(client, world):
    client.force_login(world.secretary)
    response = client.post(
        reverse("households:privacy_consent", args=[world.h1.pk]),
        {"consent_recorded_on": "2026-03-01", "processing_purpose": ""},
    )
    assert response.status_code == 400
    assert response.context["consent_form"].errors["processing_purpose"]


def test_a_household_that_has_not_left_is_not_erased(world):
    with pytest.raises(ValidationError, match="chuyển đi"):
        privacy.household_anonymise(actor=world.secretary, household=world.h1)


def test_member_cannot_erase(world):
    world.h1.left_on = datetime.date(2026, 1, 1)
    world.h1.save()
    with pytest.raises(PermissionDenied):
        privacy.household_anonymise(actor=world.member_user, household=world.h1)


def figures(area):
    return Household.objects.filter(area=area).aggregate(
        households=Count("pk"), people=Sum("residents_count")
    ) | {"residents": Resident.objects.filter(household__area=area).count()}


def test_erasure_removes_personal_data_and_keeps_the_figures(client, world, lan):
    HouseholdShare.objects.create(
        household=world.h1,
        member=world.other_member,
        reason="Giúp hộ Nguyên làm nhà",
        starts_on=datetime.date(2025, 1, 1),
    )
    visit = a_visit(world, "Bà Lan ốm, cần thuốc")
    world.h1.left_on = datetime.date(2026, 6, 1)
    world.h1.save()
    before = figures(world.area_a1)
    client.force_login(world.secretary)
    response = client.post(reverse("households:privacy_anonymise", args=[world.h1.pk]))
    assert response.status_code == 302
    after = figures(world.area_a1)
    assert before == after
    world.h1.refresh_from_db()
    assert world.h1.anonymised_at
    assert world.h1.head_name.startswith("Hộ đã ẩn danh")
    assert (world.h1.phone, world.h1.address, world.h1.notes) == ("", "", "")
    lan.refresh_from_db()
    assert lan.full_name == privacy.ERASED and lan.birth_year == 1990
    assert not HouseholdShare.objects.filter(household=world.h1, ends_on__isnull=True).exists()
    visit.refresh_from_db()
    assert visit.notes == privacy.ERASED and visit.visited_on == datetime.date(2026, 5, 2)
    # Nothing of the erased values is left anywhere, the audit trail included.
    body = json.dumps(
        privacy.household_export(actor=world.secretary, household=world.h1), default=str
    )
    trail = json.dumps(list(LogEntry.objects.values()), default=str)
    for secret in ["Nguyễn Văn Nguyên", "Nguyễn Thị Lan", "0911222333", "Xóm Đồi", "ốm", "Nguyên"]:
        assert secret not in body, secret
        assert secret not in trail, secret
    # who did it is on record
    assert LogEntry.objects.filter(object_id=world.h1.pk, actor=world.secretary).exists()


def test_erasure_happens_once(world):
    world.h1.left_on = datetime.date(2026, 6, 1)
    world.h1.save()
    privacy.household_anonymise(actor=world.committee, household=world.h1)
    with pytest.raises(ValidationError):
        privacy.household_anonymise(actor=world.committee, household=world.h1)
    with pytest.raises(ValidationError):
        privacy.household_correct(actor=world.committee, household=world.h1, notes="x")
