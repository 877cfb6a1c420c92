"""Foundation pages: login, the commune list, a commune, a cell, a member, a household."""

from django.urls import reverse

from gandan.test import PASSWORD


def login(client, user):
    client.force_login(user)
    return client


def test_it_logs_a_member_in_with_the_phone_number_in_any_form(client, world):
    response = client.post(
        reverse("accounts:login"), {"username": "0912 345 678", "password": PASSWORD}
    )
    assert response.status_code == 302
    assert client.session.get("_auth_user_id") == str(world.member_user.pk)


def test_it_explains_a_wrong_password_in_vietnamese(client, world):
    response = client.post(reverse("accounts:login"), {"username": "bithu", "password": "sai"})
    assert response.status_code == 200
    assert "mật khẩu không đúng" in response.content.decode()


def test_logout_needs_post(client, world):
    login(client, world.secretary)
    assert client.get(reverse("accounts:logout")).status_code == 405
    assert client.post(reverse("accounts:logout")).status_code == 302
    assert "_auth_user_id" not in client.session


def test_home_sends_each_role_to_its_page(client, world):
    expected = {
        world.member_user: reverse("care:mine"),
        world.secretary: reverse("care:cell", args=[world.cell_a1.pk]),
        world.committee: reverse("org:communes"),
        world.viewer: reverse("reports:index"),
    }
    for user, url in expected.items():
        login(client, user)
        assert client.get(reverse("home")).url == url


def test_anonymous_is_sent_to_login(client, world):
    for url in [
        reverse("home"),
        reverse("org:communes"),
        reverse("care:cell", args=[world.cell_a1.pk]),
        reverse("care:household", args=[world.h1.pk]),
        reverse("households:search"),
    ]:
        response = client.get(url)
        assert response.status_code == 302
        assert response.url.startswith(reverse("accounts:login"))


def test_commune_page_lists_cells_and_areas(client, world):
    login(client, world.committee)
    response = client.get(reverse("org:commune", args=[world.committee_a.pk]))
    assert response.status_code == 200
    body = response.content.decode()
    assert world.cell_a1.name in body and "Tiên Tốc" in body
    assert "Kế Tân" not in body


def test_commune_page_of_another_commune_is_404(client, world):
    login(client, world.committee)
    assert client.get(reverse("org:commune", args=[world.committee_b.pk])).status_code == 404


def test_cell_page_lists_unassigned_households_first(client, world):
    login(client, world.secretary)
    response = client.get(reverse("care:cell", args=[world.cell_a1.pk]))
    assert response.status_code == 200
    households = list(response.context["households"])
    assert households[0] == world.h_unassigned
    assert "Chưa có đảng viên phụ trách" in response.content.decode()


def test_cell_page_query_count_does_not_grow_with_households(
    client, world, django_assert_max_num_queries
):
    from gandan.test import HouseholdFactory

    login(client, world.secretary)
    url = reverse("care:cell", args=[world.cell_a1.pk])
    client.get(url)
    HouseholdFactory.create_batch(20, area=world.area_a1)
    # + concern counts, support total, members with unvisited households: one query each
    with django_assert_max_num_queries(13):
        client.get(url)


def test_other_cell_page_is_404_for_a_secretary(client, world):
    login(client, world.other_secretary)
    assert client.get(reverse("care:cell", args=[world.cell_a1.pk])).status_code == 404


def test_viewer_sees_a_cell_without_names(client, world):
    login(client, world.viewer)
    response = client.get(reverse("care:cell", args=[world.cell_a1.pk]))
    assert response.status_code == 200
    assert world.h1.head_name not in response.content.decode()


def test_member_opens_own_household_but_not_anothers(client, world):
    login(client, world.member_user)
    assert client.get(reverse("care:household", args=[world.h1.pk])).status_code == 200
    assert client.get(reverse("care:household", args=[world.h2.pk])).status_code == 404
    assert client.get(reverse("care:household", args=[999999])).status_code == 404


def test_member_page_lists_households_in_charge(client, world):
    login(client, world.member_user)
    response = client.get(reverse("care:member", args=[world.member.pk]))
    assert response.status_code == 200
    assert world.h1.head_name in response.content.decode()
    assert client.get(reverse("care:member", args=[world.other_member.pk])).status_code == 404


def test_pages_refuse_post(client, world):
    login(client, world.secretary)
    assert client.post(reverse("care:cell", args=[world.cell_a1.pk])).status_code == 405
    assert client.post(reverse("households:search")).status_code == 405


def test_search_page_finds_without_diacritics(client, world):
    login(client, world.secretary)
    response = client.get(reverse("households:search"), {"q": "nguyen van"})
    assert "Nguyễn Văn Nguyên" in response.content.decode()


def test_commune_page_counts_and_query_count(client, world, django_assert_max_num_queries):
    from gandan.test import HouseholdFactory, MemberFactory, make_cell

    client.force_login(world.committee)
    for _ in range(3):
        cell = make_cell(world.committee_a)
        MemberFactory.create_batch(2, cell=cell)
        HouseholdFactory.create_batch(3, area=cell.cell_areas.get().area)
    # session and scope (4), page (4), session save under SESSION_SAVE_EVERY_REQUEST (3)
    with django_assert_max_num_queries(11):
        response = client.get(reverse("org:commune", args=[world.committee_a.pk]))
    cells = {c.pk: c for c in response.context["cells"]}
    assert cells[world.cell_a1.pk].member_count == 3
    assert cells[world.cell_a1.pk].household_count == 3
    assert cells[world.cell_a2.pk].household_count == 1
