import pytest

from gandan.reports.tests.conftest import YEAR

URL = "/api/v1/reports/summary"


def get(client, user, **params):
    client.force_login(user)
    return client.get(URL, params)


def test_summary_counts_the_cells_records(client, records):
    w = records
    response = get(client, w.committee, unit=w.cell_a1.pk, year=YEAR)
    assert response.status_code == 200
    data = response.json()
    assert data["unit"] == {"id": w.cell_a1.pk, "name": w.cell_a1.name, "kind": "cell"}
    assert data["households"] == 3
    assert data["members"] == 3  # the secretary, the member and the other member
    assert data["assigned_households"] == 2
    assert data["visited_30d"] == 1
    assert data["visited_90d"] == 2
    assert data["poor"] == 2
    assert data["near_poor"] == 1
    assert data["open_concerns"] == 1
    assert data["transitions"] == {
        "left_poverty": 0,
        "left_near_poverty": 0,
        "fell_back": 0,
        "newly_poor": 1,
        "near_poor_to_poor": 1,
        "poor_to_near_poor": 1,
    }
    (target,) = data["targets"]
    assert target["kind"] == "fewer_near_poor"
    assert target["amount"] == 1
    assert "achieved" in target and "percent" in target


def test_summary_of_a_commune_adds_up_its_cells_and_nothing_else(client, records):
    w = records
    data = get(client, w.committee, unit=w.committee_a.pk, year=YEAR).json()
    assert data["households"] == 4
    assert data["poor"] == 3
    assert data["open_concerns"] == 2
    assert data["visited_30d"] == 1  # commune B's visit does not count


def test_viewer_gets_the_province_aggregates_without_any_name(client, records):
    w = records
    response = get(client, w.viewer, unit=w.committee_a.parent_id, year=YEAR)
    assert response.status_code == 200
    assert response.json()["households"] == 5
    assert response.json()["poor"] == 4
    body = response.content.decode()
    for name in [w.h1.head_name, w.h2.head_name, w.member.full_name]:
        assert name not in body
    assert get(client, w.viewer, unit=w.cell_a1.pk, year=YEAR).status_code == 200


@pytest.mark.parametrize("who", ["outsider", "other_secretary", "member_user"])
def test_unit_outside_the_callers_scope_is_404(client, records, who):
    response = get(client, getattr(records, who), unit=records.cell_a1.pk, year=YEAR)
    assert response.status_code == 404
    assert response.json() == {"detail": "Không tìm thấy."}


def test_missing_unit_is_the_same_404(client, records):
    assert get(client, records.committee, unit=999_999).status_code == 404


def test_bad_year_is_refused_in_vietnamese(client, records):
    response = get(client, records.committee, unit=records.cell_a1.pk, year=1850)
    assert response.status_code == 400
    assert "Năm 1850 không hợp lệ" in response.json()["detail"]
    response = get(client, records.committee, unit=records.cell_a1.pk, year="năm nay")
    assert response.status_code == 422
    assert response.json()["detail"] == "Dữ liệu không hợp lệ."


def test_anonymous_gets_401(client, records):
    assert client.get(URL, {"unit": records.cell_a1.pk}).status_code == 401


def test_year_defaults_to_this_year(client, records):
    from django.utils import timezone

    data = get(client, records.secretary, unit=records.cell_a1.pk).json()
    assert data["year"] == timezone.localdate().year


def test_summary_is_documented_in_openapi(client, world):
    schema = client.get("/api/openapi.json").json()
    operation = schema["paths"][URL]["get"]
    assert operation["summary"] == "Số liệu tổng hợp của một đơn vị"
    assert "404" in operation["description"]
    component = schema["components"]["schemas"]["Summary"]
    for key in [
        "households",
        "members",
        "assigned_households",
        "visited_30d",
        "visited_90d",
        "poor",
        "near_poor",
        "transitions",
        "open_concerns",
        "targets",
    ]:
        assert key in component["properties"]
