"""The overview of the demo reproduces the seeds' figures, asked of the report selectors."""

import datetime

import pytest
from django.db import transaction

from gandan.accounts.models import User
from gandan.org.models import Unit
from gandan.reports import selectors


@pytest.fixture(scope="module")
def demo(django_db_setup, django_db_blocker):
    from gandan.demo.runner import demo_build

    # Rolled back afterwards (not flushed), so the rows migrations loaded stay for later tests.
    with django_db_blocker.unblock(), transaction.atomic():
        demo_build(today=datetime.date(2026, 11, 24), out=lambda line: None)
        yield
        transaction.set_rollback(True)


def overview(name, year):
    committee = Unit.objects.get(name=name)
    user = User.objects.filter(roles__unit=committee, roles__kind="committee").first()
    result = selectors.commune_overview_for(user=user, committee=committee, year=year)
    return _Rows(result.rows), result.total


class _Rows(dict):
    """Rows by the end of the cell's name ("Tiên Tốc" for "Chi bộ thôn Tiên Tốc")."""

    def __init__(self, rows):
        super().__init__((r.name, r) for r in rows)

    def __getitem__(self, suffix):
        (row,) = [r for name, r in self.items() if name.endswith(suffix)]
        return row


@pytest.mark.django_db
def test_binh_an_overview_has_seven_villages_all_households_in_charge(demo):
    rows, total = overview("Đảng bộ xã Bình An", 2022)
    assert len(rows) == 7
    assert total.assigned_percent == 100
    assert (rows["Tiên Tốc"].members, rows["Tiên Tốc"].households) == (8, 66)


@pytest.mark.django_db
def test_chi_lang_overview_shows_ia_lang_poverty_and_the_tdp_members(demo):
    rows, _total = overview("Đảng bộ phường Chi Lăng", 2022)
    assert (rows["Ia Lang"].poor, rows["Ia Lang"].near_poor) == (8, 6)
    assert rows["Ia Lang"].members == 11
    assert rows["Tổ dân phố 1"].members + rows["Tổ dân phố 3"].members == 76
