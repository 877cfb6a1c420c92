"""Who sees what across a partnership: the shared space on both sides, household personal
data only with the village's cell, or with a named partner member after an explicit share."""

import datetime

from django.urls import reverse

from gandan.twinning import selectors, services
from gandan.twinning.tests.factories import make_agreement, partner_member


def test_both_sides_see_the_shared_space(client, world):
    agreement = make_agreement(world)
    for user in (world.secretary, world.other_secretary, world.member_user, world.committee):
        client.force_login(user)
        assert client.get(reverse("twinning:detail", args=[agreement.pk])).status_code == 200


def test_partner_secretary_cannot_open_a_village_household_page(client, world):
    make_agreement(world)
    client.force_login(world.other_secretary)
    assert client.get(reverse("care:household", args=[world.h1.pk])).status_code == 404


def test_the_named_partner_member_opens_the_household_only_while_it_is_shared(client, world):
    agreement = make_agreement(world)
    helper = partner_member(world)
    url = reverse("care:household", args=[world.h1.pk])
    client.force_login(helper.user)
    assert client.get(url).status_code == 404
    share = services.share_grant(
        actor=world.secretary,
        agreement=agreement,
        household=world.h1,
        member=helper,
        reason="Giúp hộ chăm sóc cà phê",
        starts_on=datetime.date(2024, 1, 1),
    )
    assert client.get(url).status_code == 200
    # Another household of the village stays closed to him, and the share closes his view.
    assert client.get(reverse("care:household", args=[world.h2.pk])).status_code == 404
    services.share_end(actor=world.secretary, share=share)
    assert client.get(url).status_code == 404


def test_the_partner_secretary_does_not_see_the_shared_households_names(client, world):
    agreement = make_agreement(world)
    services.share_grant(
        actor=world.secretary,
        agreement=agreement,
        household=world.h1,
        member=partner_member(world),
        reason="Giúp hộ",
    )
    assert selectors.share_count(agreement=agreement) == 1
    assert list(selectors.share_list(user=world.other_secretary, agreement=agreement)) == []
    client.force_login(world.other_secretary)
    page = client.get(reverse("twinning:detail", args=[agreement.pk])).content.decode()
    assert world.h1.head_name not in page
    client.force_login(world.secretary)
    page = client.get(reverse("twinning:detail", args=[agreement.pk])).content.decode()
    assert world.h1.head_name in page


def test_a_cell_outside_the_partnership_does_not_see_it(world):
    agreement = make_agreement(world)
    assert not selectors.agreement_list_for(user=world.outsider).filter(pk=agreement.pk).exists()
