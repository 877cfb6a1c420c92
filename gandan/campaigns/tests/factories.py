import datetime

import factory

from gandan.campaigns.models import Campaign, Measure, Participation


class CampaignFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Campaign

    title = factory.Sequence(lambda n: f"Quỹ Vì người nghèo {n}")
    measure = Measure.FUND
    starts_on = datetime.date(2025, 1, 1)
    status = Campaign.Status.ACTIVE


class ParticipationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Participation

    contributed_on = datetime.date(2025, 3, 1)
    quantity = 100_000
