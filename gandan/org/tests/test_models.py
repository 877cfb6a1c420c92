import datetime

import pytest
from django.db import IntegrityError, transaction

from gandan.org.models import Role, Unit
from gandan.test import MemberFactory


def test_confirmation_comes_after_admission(world):
    with pytest.raises(IntegrityError), transaction.atomic():
        MemberFactory(
            cell=world.cell_a1,
            admitted_on=datetime.date(2024, 5, 1),
            confirmed_on=datetime.date(2024, 1, 1),
        )


def test_a_cell_must_belong_to_a_commune(world):
    with pytest.raises(IntegrityError), transaction.atomic():
        Unit.objects.create(
            name="Chi bộ lạc",
            kind=Unit.Kind.CELL,
            parent=world.committee_a,
            province=world.commune_a.province,
        )


def test_a_role_is_given_once(world):
    with pytest.raises(IntegrityError), transaction.atomic():
        Role.objects.create(user=world.secretary, unit=world.cell_a1, kind=Role.Kind.SECRETARY)
