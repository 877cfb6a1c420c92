import pytest
from django.urls import reverse

from gandan.reports.tests.conftest import YEAR
from gandan.test import AreaFactory, HouseholdFactory, MemberFactory, assign, make_cell


def commune_url(w):
    return reverse("reports:commune", args=[w.committee_a.pk]) + f"?year={YEAR}"


def test_commune_overview_shows_each_cell_and_the_total(client, records):
    w = records
    client.force_login(w.committee)
    response = client.get(commune_url(w))
    assert response.status_code == 200
    overview = response.context["overview"]
    by_name = {r.name: r for r in overview.rows}
    a1, a2 = by_name[w.cell_a1.name], by_name[w.cell_a2.name]
    assert (a1.members, a1.households, a1.assigned, a1.assigned_percent) == (3, 3, 2, 67)
    assert (a1.visited_30d, a1.visited_90d, a1.overdue) == (1, 2, 2)
    assert (a1.open_concerns, a1.overdue_concerns) == (1, 0)
    assert (a1.poor, a1.near_poor) == (2, 1)
    assert (a2.households, a2.assigned, a2.open_concerns, a2.overdue_concerns) == (1, 0, 1, 1)
    assert (overview.total.households, overview.total.poor) == (4, 3)
    assert [t["kind"] for t in overview.targets] == ["fewer_near_poor"]
    body = response.content.decode()
    assert "landscape-page" in body  # printed on A4 landscape (gandan.css, print block)


def test_viewer_sees_the_commune_figures_but_no_names(client, records):
    w = records
    client.force_login(w.viewer)
    response = client.get(commune_url(w))
    assert response.status_code == 200
    body = response.content.decode()
    for name in [w.h1.head_name, w.h2.head_name, w.member.full_name]:
        assert name not in body
    assert reverse("care:cell", args=[w.cell_a1.pk]) not in body
    assert reverse("reports:exports", args=[w.committee_a.pk]) not in body


def test_province_overview_counts_per_commune_for_the_viewer(client, records):
    w = records
    client.force_login(w.viewer)
    response = client.get(
        reverse("reports:province", args=[w.committee_a.parent_id]), {"year": YEAR}
    )
    assert response.status_code == 200
    rows = {r.name: r for r in response.context["overview"].rows}
    assert rows["Bình An"].households == 4
    assert rows["Thiện Kế"].households == 1
    assert rows["Thiện Kế"].visited_30d == 1
    assert response.context["overview"].total.poor == 4
    body = response.content.decode()
    assert w.h_b1.head_name not in body
    assert reverse("reports:commune", args=[w.committee_b.pk]) in body  # drill down


@pytest.mark.parametrize("who", ["outsider", "secretary", "member_user"])
def test_commune_overview_outside_scope_is_404(client, records, who):
    client.force_login(getattr(records, who))
    assert client.get(commune_url(records)).status_code == 404


def test_province_overview_is_not_for_a_commune_committee(client, records):
    client.force_login(records.committee)
    url = reverse("reports:province", args=[records.committee_a.parent_id])
    assert client.get(url).status_code == 404


def test_reports_need_login(client, records):
    for url in [
        reverse("reports:index"),
        commune_url(records),
        reverse("reports:province", args=[records.committee_a.parent_id]),
        reverse("reports:overview_xlsx", args=[records.committee_a.pk]),
    ]:
        response = client.get(url)
        assert response.status_code == 302
        assert response.url.startswith(reverse("accounts:login"))


def test_overview_answers_only_get(client, records):
    client.force_login(records.committee)
    assert client.post(commune_url(records)).status_code == 405


def test_a_bad_year_keeps_this_year_and_says_why(client, records):
    client.force_login(records.committee)
    response = client.get(
        reverse("reports:commune", args=[records.committee_a.pk]), {"year": "99999"}
    )
    assert response.status_code == 200
    assert "chưa tới" in response.content.decode()


def test_index_lists_the_units_each_user_reports_on(client, records):
    w = records
    client.force_login(w.committee)
    units = list(client.get(reverse("reports:index")).context["units"])
    assert units == [w.committee_a]
    client.force_login(w.viewer)
    units = list(client.get(reverse("reports:index")).context["units"])
    assert w.committee_a.parent in units and w.committee_a in units


def test_commune_overview_query_count_does_not_grow_with_cells(
    client, records, django_assert_max_num_queries
):
    w = records
    client.force_login(w.committee)
    with django_assert_max_num_queries(17):
        client.get(commune_url(w))
    for i in range(5):
        cell = make_cell(w.committee_a, AreaFactory(commune=w.commune_a, name=f"Thôn mới {i}"))
        member = MemberFactory(cell=cell)
        assign(HouseholdFactory(area=cell.cell_areas.get().area), member)
    with django_assert_max_num_queries(17):
        response = client.get(commune_url(w))
    assert len(response.context["overview"].rows) == 7


def test_province_overview_query_count_is_pinned(client, records, django_assert_max_num_queries):
    client.force_login(records.viewer)
    with django_assert_max_num_queries(14):
        client.get(reverse("reports:province", args=[records.committee_a.parent_id]))


def test_overview_downloads_as_excel_with_a_total_line(client, records):
    import io

    from openpyxl import load_workbook

    client.force_login(records.viewer)
    response = client.get(
        reverse("reports:overview_xlsx", args=[records.committee_a.pk]), {"year": YEAR}
    )
    assert response.status_code == 200
    ws = load_workbook(io.BytesIO(response.content)).active
    values = [[c.value for c in row] for row in ws.iter_rows()]
    assert values[1][0] == "Chi bộ"
    assert values[-1][0] == "Tổng cộng"
    assert values[-1][2] == 4  # households
    assert ws.cell(row=3, column=4).number_format == "0%"
