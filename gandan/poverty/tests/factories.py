import datetime

import factory

from gandan.poverty.models import Assessment, Standard, Status, Target


def standard_for(year: int) -> Standard:
    return Standard.objects.get(first_year__lte=year, last_year__gte=year)


class AssessmentFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Assessment

    year = 2022
    standard = factory.LazyAttribute(lambda o: standard_for(o.year))
    status = Status.NONE
    decided_on = factory.LazyAttribute(lambda o: datetime.date(o.year, 12, 10))
    decided_by = "UBND xã"


class TargetFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Target

    kind = Target.Kind.FEWER_POOR
    amount = 3
    start_year = 2022
    end_year = 2025


def statuses(household, by_year: dict) -> None:
    """Official statuses of one household, {year: status}."""
    for year, status in by_year.items():
        AssessmentFactory(household=household, year=year, status=status)
