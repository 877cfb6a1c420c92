import pytest


@pytest.fixture(autouse=True)
def _standards(request):
    """The standards come from a data migration; another module's `flush` (a demo test) may
    have emptied the table, so load them again inside the test's own transaction."""
    uses_db = request.node.get_closest_marker("django_db") is not None
    uses_db = uses_db or bool({"db", "world"} & set(request.fixturenames))
    if uses_db and "demo" not in request.fixturenames:
        from gandan.poverty.standards import standards_ensure

        request.getfixturevalue("db")
        standards_ensure()
