from gandan.test import world  # noqa: F401  (the shared personas, as a pytest fixture)
