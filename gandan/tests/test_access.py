"""The one scoping rule: what each persona may see."""

from gandan import access


def pks(qs):
    return set(qs.values_list("pk", flat=True))


def test_member_sees_only_the_households_in_his_charge(world):
    assert pks(access.households_for(world.member_user)) == {world.h1.pk}


def test_secretary_sees_every_household_of_the_cell_and_no_other(world):
    assert pks(access.households_for(world.secretary)) == {
        world.h1.pk,
        world.h2.pk,
        world.h_unassigned.pk,
    }


def test_committee_sees_the_whole_commune_but_not_another(world):
    seen = pks(access.households_for(world.committee))
    assert {world.h1.pk, world.h2.pk, world.h_unassigned.pk, world.h_a2.pk} == seen


def test_other_cells_secretary_sees_none_of_cell_a1(world):
    assert pks(access.households_for(world.other_secretary)) == {world.h_a2.pk}
    assert pks(access.households_for(world.outsider)) == {world.h_b1.pk}


def test_viewer_sees_no_personal_data(world):
    assert not access.households_for(world.viewer).exists()
    assert not access.members_for(world.viewer).exists()
    assert access.scope_for(world.viewer).is_viewer_only
    assert world.committee_a in access.units_for(world.viewer)


def test_member_sees_own_record_only(world):
    assert pks(access.members_for(world.member_user)) == {world.member.pk}


def test_anonymous_sees_nothing(world):
    from django.contrib.auth.models import AnonymousUser

    anon = AnonymousUser()
    assert not access.households_for(anon).exists()
    assert not access.units_for(anon).exists()


def test_reassigned_household_leaves_the_old_members_scope(world):
    import datetime

    from gandan.test import assign

    world.h1.assignments.update(ends_on=datetime.date(2025, 6, 1))
    assign(world.h1, world.other_member, starts_on=datetime.date(2025, 6, 1))
    world.member_user._gandan_scope = None
    assert not access.households_for(world.member_user).exists()


def test_an_id_beyond_64_bits_is_not_found(client, world):
    from django.urls import reverse

    client.force_login(world.secretary)
    response = client.get(reverse("care:household", args=[2**70]))
    assert response.status_code == 404
