"""Factories for the twinning tests: a partnership in the shared `world`.

Cell A2 (secretary `other_secretary`) helps cell A1 (secretary `secretary`, the village):
the partner secretary of the tests is `world.other_secretary`."""

import datetime

import factory

from gandan.org.models import Member
from gandan.poverty.models import Target
from gandan.test import MemberFactory, UserFactory
from gandan.twinning import services
from gandan.twinning.models import Agreement, Candidate

START, END = datetime.date(2022, 1, 1), datetime.date(2025, 12, 31)


def make_agreement(world, status=Agreement.Status.ACTIVE, **kwargs) -> Agreement:
    """A partnership planned through the service (so it has its five contents), then moved
    to `status` directly: tests of one rule should not depend on the others."""
    fields = {
        "committee": world.committee_a,
        "title": "Kết nghĩa Nà Thuôn – Tiên Tốc",
        "helping_cells": [world.cell_a2],
        "village_cells": [world.cell_a1],
        "starts_on": START,
        "ends_on": END,
        "signed_on": datetime.date(2022, 3, 1),
        "document_number": "01-GU/KN",
        **kwargs,
    }
    agreement = services.agreement_create(actor=world.committee, **fields)
    Agreement.objects.filter(pk=agreement.pk).update(status=status)
    agreement.refresh_from_db()
    return agreement


def partner_member(world, **kwargs) -> Member:
    """A member of the helping cell (A2) with an account."""
    user = UserFactory()
    return MemberFactory(cell=world.cell_a2, user=user, **kwargs)


class CandidateFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Candidate

    full_name = factory.Sequence(lambda n: f"Rơ Mah Thử {n}")
    birth_date = datetime.date(1995, 6, 15)
    identified_on = datetime.date(2023, 1, 10)
    organisation = "youth"


class TargetFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Target

    kind = Target.Kind.NEW_MEMBERS
    amount = 2
    start_year = 2022
    end_year = 2025
