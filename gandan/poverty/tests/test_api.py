import pytest

from gandan.accounts.services import token_issue


def bearer(user):
    return {"HTTP_AUTHORIZATION": f"Bearer {token_issue(user=user)}"}


def classify(client, user, **body):
    payload = {"year": 2024, "area": "rural", "income_per_person": 1_000_000}
    payload.update(body)
    return client.post(
        "/api/v1/poverty/classify", payload, content_type="application/json", **bearer(user)
    )


def test_standards_list_lines_thresholds_and_indicators(client, world):
    data = client.get("/api/v1/poverty/standards", **bearer(world.member_user)).json()
    assert [(s["first_year"], s["last_year"]) for s in data] == [(2022, 2026), (2027, 2030)]
    first, second = data
    assert first["rural"] == {"poverty_line": 1_500_000, "middle_income_line": 2_250_000}
    assert first["urban"] == {"poverty_line": 2_000_000, "middle_income_line": 3_000_000}
    assert second["urban"] == {"poverty_line": 2_800_000, "middle_income_line": None}
    assert first["poor_min_deprivations"] == 3
    assert {
        "code": "nha_tieu",
        "name": "Nhà tiêu hợp vệ sinh",
        "dimension": "Nước sinh hoạt và vệ sinh",
    } in first["indicators"]


def test_standards_need_authentication(client, world):
    assert client.get("/api/v1/poverty/standards").status_code == 401


@pytest.mark.parametrize(
    ("body", "status"),
    [
        ({"deprived_codes": ["viec_lam", "nha_tieu", "vien_thong"]}, "poor"),
        ({"deprived_codes": ["viec_lam", "nha_tieu"]}, "near_poor"),
        ({"income_per_person": 2_500_000, "area": "urban"}, "middle"),
        ({"income_per_person": 2_500_000, "year": 2028, "area": "urban"}, "near_poor"),
        ({"income_per_person": 3_100_000, "area": "urban"}, "none"),
    ],
)
def test_classify_returns_the_status_and_the_standard(client, world, body, status):
    response = classify(client, world.member_user, **body)
    assert response.status_code == 200, response.content
    data = response.json()
    assert data["status"] == status
    assert data["standard"].startswith("Chuẩn nghèo đa chiều")


@pytest.mark.parametrize(
    ("body", "code", "words"),
    [
        ({"income_per_person": -1}, 400, "âm"),
        ({"income_per_person": 10**9}, 400, "quá lớn"),
        ({"deprived_codes": ["xyz"]}, 400, "xyz"),
        ({"year": 2015}, 400, "Không có chuẩn nghèo"),
        ({"area": "mountain"}, 422, "không hợp lệ"),
        ({"income_per_person": "nhiều"}, 422, "không hợp lệ"),
    ],
)
def test_classify_refuses_bad_input_with_a_vietnamese_detail(client, world, body, code, words):
    response = classify(client, world.member_user, **body)
    assert response.status_code == code
    assert words in response.json()["detail"]
