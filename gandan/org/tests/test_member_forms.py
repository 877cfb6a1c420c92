from django.urls import reverse

from gandan.org.models import Member


def form_data(**overrides):
    data = {
        "full_name": "Giàng A Páo",
        "gender": "nam",
        "birth_year": "1970",
        "ethnicity": "H'Mông",
        "phone": "0912 111 222",
        "status": "full",
        "admitted_on": "2000-05-19",
        "confirmed_on": "2001-05-19",
        "availability": "able",
    }
    data.update(overrides)
    return data


def test_secretary_adds_a_member_with_a_normalised_phone(client, world):
    client.force_login(world.secretary)
    response = client.post(reverse("org:member_create", args=[world.cell_a1.pk]), form_data())
    assert response.status_code == 302
    member = Member.objects.get(full_name="Giàng A Páo")
    assert member.phone == "0912111222"
    assert member.cell == world.cell_a1
    assert member.search_name == "giang a pao"


def test_nonsense_is_refused_next_to_the_field(client, world):
    client.force_login(world.secretary)
    url = reverse("org:member_create", args=[world.cell_a1.pk])
    for field, value, message in [
        ("phone", "12ab", "Số điện thoại không hợp lệ"),
        ("birth_year", "2024", "Năm sinh 2024 không hợp lý"),
        ("birth_year", "1850", "không hợp lý"),
        ("confirmed_on", "2000-09-01", "ít nhất 12 tháng"),
    ]:
        response = client.post(url, form_data(**{field: value}))
        assert response.status_code == 200
        assert message in response.content.decode()
        assert field in response.context["form"].errors
    assert not Member.objects.filter(full_name="Giàng A Páo").exists()


def test_a_failed_edit_keeps_what_was_saved(client, world):
    client.force_login(world.secretary)
    url = reverse("org:member_update", args=[world.member.pk])
    response = client.post(url, form_data(full_name="Tên Mới", phone="abc"))
    assert response.status_code == 200
    world.member.refresh_from_db()
    assert world.member.full_name == "Hoàng Văn Thử"


def test_secretary_edits_a_member(client, world):
    client.force_login(world.secretary)
    url = reverse("org:member_update", args=[world.member.pk])
    response = client.post(url, form_data(full_name="Hoàng Văn Sửa"))
    assert response.status_code == 302
    world.member.refresh_from_db()
    assert world.member.full_name == "Hoàng Văn Sửa"
    assert world.member.search_name == "hoang van sua"


def test_member_may_not_edit_records(client, world):
    client.force_login(world.member_user)
    url = reverse("org:member_update", args=[world.member.pk])
    assert client.get(url).status_code == 403
    assert client.post(url, form_data()).status_code == 403


def test_other_cells_secretary_gets_404(client, world):
    client.force_login(world.other_secretary)
    assert client.get(reverse("org:member_update", args=[world.member.pk])).status_code == 404
    url = reverse("org:member_create", args=[world.cell_a1.pk])
    assert client.get(url).status_code == 404


def test_viewer_may_not_add_members(client, world):
    client.force_login(world.viewer)
    url = reverse("org:member_create", args=[world.cell_a1.pk])
    assert client.get(url).status_code == 403


def test_anonymous_goes_to_login(client, world):
    response = client.get(reverse("org:member_create", args=[world.cell_a1.pk]))
    assert response.status_code == 302


def test_wrong_method_is_405(client, world):
    client.force_login(world.secretary)
    url = reverse("org:member_update", args=[world.member.pk])
    assert client.put(url).status_code == 405
