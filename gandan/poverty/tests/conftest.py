import pytest


@pytest.fixture(autouse=True)
def _standards(request):
    """The standards come from a data migration; another module's `flush` may have emptied
    the table, so load them again inside the test's own transaction when needed."""
    if "db" in request.fixturenames or "world" in request.fixturenames:
        from gandan.poverty.standards import standards_ensure

        request.getfixturevalue("db")

        standards_ensure()
