import datetime

import factory
from django.utils import timezone

from gandan.care.models import Concern, Visit


class VisitFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Visit

    member = factory.LazyAttribute(lambda o: o.household.assignments.first().member)
    visited_on = factory.LazyFunction(lambda: timezone.localdate() - datetime.timedelta(days=3))
    notes = "Thăm hỏi, nắm tình hình"


class ConcernFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Concern

    raised_by = factory.LazyAttribute(lambda o: o.household.assignments.first().member)
    cell = factory.LazyAttribute(lambda o: o.household.area.cell_area.cell)
    text = "Đề nghị sửa đường vào xóm"
    status = Concern.Status.NEW
    created_at = factory.LazyFunction(timezone.now)
