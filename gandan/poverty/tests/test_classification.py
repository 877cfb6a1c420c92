"""Classification against the thresholds of each standard, at, under and over every line."""

import pytest

from gandan.poverty.models import Standard, Status
from gandan.poverty.standards import classify

P, N, M, X = Status.POOR, Status.NEAR_POOR, Status.MIDDLE, Status.NONE

# (year, urban, income, deprivations, expected)
CASES_07 = [
    # rural line 1,500,000
    (2022, False, 1_500_000, 3, P),
    (2022, False, 1_500_000, 2, N),
    (2022, False, 1_499_999, 3, P),
    (2022, False, 1_499_999, 2, N),
    (2022, False, 1_500_001, 3, M),
    (2022, False, 1_500_001, 2, M),
    (2022, False, 0, 12, P),
    # rural middle line 2,250,000
    (2022, False, 2_250_000, 3, M),
    (2022, False, 2_249_999, 2, M),
    (2022, False, 2_250_001, 3, X),
    (2022, False, 2_250_001, 2, X),
    # urban line 2,000,000
    (2024, True, 2_000_000, 3, P),
    (2024, True, 2_000_000, 2, N),
    (2024, True, 1_999_999, 3, P),
    (2024, True, 1_999_999, 2, N),
    (2024, True, 2_000_001, 3, M),
    (2024, True, 2_000_001, 2, M),
    # urban middle line 3,000,000
    (2024, True, 3_000_000, 2, M),
    (2024, True, 2_999_999, 3, M),
    (2024, True, 3_000_001, 3, X),
    (2024, True, 3_000_001, 2, X),
    # a rural income between the lines is middle, not poor, where the urban line would be poor
    (2026, False, 1_800_000, 3, M),
    (2026, True, 1_800_000, 3, P),
]
CASES_351 = [
    # rural line 2,200,000
    (2027, False, 2_200_000, 3, P),
    (2027, False, 2_200_000, 2, N),
    (2027, False, 2_199_999, 3, P),
    (2027, False, 2_199_999, 2, N),
    (2027, False, 2_200_001, 3, X),
    (2027, False, 2_200_001, 2, X),
    # urban line 2,800,000
    (2030, True, 2_800_000, 3, P),
    (2030, True, 2_800_000, 2, N),
    (2030, True, 2_799_999, 3, P),
    (2030, True, 2_799_999, 2, N),
    (2030, True, 2_800_001, 3, X),
    (2030, True, 2_800_001, 2, X),
    # no middle line is known for this standard: never middle-income
    (2028, False, 2_300_000, 0, X),
    (2028, True, 2_900_000, 0, X),
    # what was middle-income under Decree 07 is near-poor under Decree 351
    (2027, False, 2_000_000, 2, N),
]


@pytest.mark.django_db
@pytest.mark.parametrize(("year", "urban", "income", "deprivations", "expected"), CASES_07)
def test_decree_07_classifies_at_under_and_over_each_line(
    year, urban, income, deprivations, expected
):
    standard = Standard.objects.get(first_year__lte=year, last_year__gte=year)
    assert standard.legal_source.startswith("Nghị định 07/2021")
    got = classify(standard=standard, urban=urban, income=income, deprivations=deprivations)
    assert got == expected


@pytest.mark.django_db
@pytest.mark.parametrize(("year", "urban", "income", "deprivations", "expected"), CASES_351)
def test_decree_351_classifies_at_under_and_over_each_line(
    year, urban, income, deprivations, expected
):
    standard = Standard.objects.get(first_year__lte=year, last_year__gte=year)
    assert standard.legal_source == "Nghị định 351/2025/NĐ-CP"
    got = classify(standard=standard, urban=urban, income=income, deprivations=deprivations)
    assert got == expected


@pytest.mark.django_db
def test_standards_are_data_with_twelve_indicators_in_six_dimensions():
    for standard in Standard.objects.all():
        indicators = list(standard.indicators.all())
        assert len(indicators) == 12
        assert len({i.dimension for i in indicators}) == 6
        assert standard.poor_min_deprivations == 3


@pytest.mark.django_db
def test_a_new_standard_row_changes_classification_without_code():
    standard = Standard.objects.get(first_year=2022)
    standard.rural_line = 1_600_000
    assert classify(standard=standard, urban=False, income=1_550_000, deprivations=0) == N


@pytest.mark.django_db
def test_standards_are_loaded_again_after_the_tables_were_emptied():
    from gandan.poverty.standards import standards_ensure

    Standard.objects.all().delete()
    standards_ensure()
    assert Standard.objects.count() == 2
    assert Standard.objects.get(first_year=2027).indicators.count() == 12
