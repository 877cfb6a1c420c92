"""Trigram indexes for accent-insensitive search on PostgreSQL.

`search_name LIKE '%nguyen van%'` is served by a GIN trigram index at province scale (a
million households). SQLite (the one-commune demo) scans, which is fast enough there.
"""

from django.db import migrations

INDEXES = [
    ("households_household", "household_search_trgm"),
    ("households_resident", "resident_search_trgm"),
    ("org_member", "member_search_trgm"),
]


def create(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm")
    for table, name in INDEXES:
        schema_editor.execute(
            f"CREATE INDEX IF NOT EXISTS {name} ON {table} USING gin (search_name gin_trgm_ops)"
        )


def drop(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for _table, name in INDEXES:
        schema_editor.execute(f"DROP INDEX IF EXISTS {name}")


class Migration(migrations.Migration):
    dependencies = [("households", "0001_initial"), ("org", "0001_initial")]
    operations = [migrations.RunPython(create, drop)]
