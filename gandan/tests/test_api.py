from gandan.accounts.services import token_issue


def bearer(user):
    return {"HTTP_AUTHORIZATION": f"Bearer {token_issue(user=user)}"}


def test_api_needs_authentication(client, world):
    response = client.get("/api/v1/me")
    assert response.status_code == 401
    assert "detail" in response.json()


def test_me_with_a_token(client, world):
    data = client.get("/api/v1/me", **bearer(world.member_user)).json()
    assert data["member_id"] == world.member.pk


def test_units_are_scoped(client, world):
    rows = client.get("/api/v1/units", **bearer(world.secretary)).json()
    assert {r["id"] for r in rows} == {world.cell_a1.pk}


def test_households_search_is_accent_insensitive_and_scoped(client, world):
    data = client.get("/api/v1/households?q=nguyen%20van", **bearer(world.member_user)).json()
    assert [r["head_name"] for r in data["results"]] == ["Nguyễn Văn Nguyên"]
    assert data["results"][0]["member_in_charge"] == world.member.full_name
    data = client.get("/api/v1/households?q=dang", **bearer(world.member_user)).json()
    assert data["count"] == 0


def test_household_outside_scope_is_404(client, world):
    response = client.get(f"/api/v1/households/{world.h_b1.pk}", **bearer(world.secretary))
    assert response.status_code == 404
    assert response.json()["detail"]


def test_bad_paging_gets_a_detail(client, world):
    response = client.get("/api/v1/households?limit=100000", **bearer(world.secretary))
    assert response.status_code == 422
    assert response.json()["detail"]


def test_openapi_is_published(client, world):
    assert client.get("/api/openapi.json").status_code == 200
