"""Backup and restore: a backup restored into an empty database holds every record."""

import io
import sqlite3

import pytest
from django.apps import apps
from django.core.management import CommandError, call_command
from django.db import connection

from gandan.audit.backup import _pg_connect_kwargs
from gandan.households.models import Resident


def every_table() -> dict[str, set]:
    """Primary keys of every table of every model, as the application sees them."""
    found = {}
    for model in apps.get_models():
        if model._meta.managed and not model._meta.proxy:
            found[model._meta.db_table] = {
                str(pk) for pk in model._default_manager.values_list("pk", flat=True)
            }
    return found


def restored_tables(fetch) -> dict[str, set]:
    return {table: {str(r[0]) for r in fetch(table)} for table in every_table()}


def some_data(world):
    Resident.objects.create(household=world.h1, full_name="Nguyễn Thị Lan", birth_year=1990)
    world.h1.notes = "Cần hỗ trợ làm nhà"
    world.h1.save()  # and an audit entry


@pytest.mark.django_db(transaction=True)
@pytest.mark.skipif(connection.vendor != "sqlite", reason="SQLite online backup")
def test_sqlite_backup_restores_every_record_elsewhere(world, tmp_path):
    some_data(world)
    backup_file = tmp_path / "b.sqlite3"
    call_command("backup", str(backup_file), stdout=io.StringIO())
    target = tmp_path / "restored.sqlite3"
    call_command(
        "restore", str(backup_file), database_url=f"sqlite:///{target}", stdout=io.StringIO()
    )
    conn = sqlite3.connect(target)
    pk_of = {m._meta.db_table: m._meta.pk.column for m in apps.get_models()}

    def fetch(table):
        return conn.execute(f'SELECT "{pk_of[table]}" FROM "{table}"').fetchall()  # noqa: S608

    assert restored_tables(fetch) == every_table()
    name = conn.execute(
        "SELECT notes FROM households_household WHERE id = ?", [world.h1.pk]
    ).fetchone()[0]
    assert name == "Cần hỗ trợ làm nhà"
    # and a second restore into the same (now full) database is refused
    with pytest.raises(CommandError, match="not empty"):
        call_command("restore", str(backup_file), database_url=f"sqlite:///{target}")


def test_a_backup_never_overwrites_a_file(db, tmp_path):
    existing = tmp_path / "b.sqlite3"
    existing.write_text("x")
    with pytest.raises(CommandError, match="already exists"):
        call_command("backup", str(existing))


def test_restore_refuses_a_file_that_is_not_a_backup(db, tmp_path):
    junk = tmp_path / "junk.bin"
    junk.write_bytes(b"hello")
    with pytest.raises(CommandError, match="neither"):
        call_command("restore", str(junk), database_url=f"sqlite:///{tmp_path / 'x.sqlite3'}")


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
@pytest.mark.skipif(connection.vendor != "postgresql", reason="pg_dump on PostgreSQL")
def test_postgres_backup_restores_every_record_elsewhere(world, tmp_path):
    import psycopg

    some_data(world)
    backup_file = tmp_path / "b.pgdump"
    call_command("backup", str(backup_file))
    settings = connection.settings_dict
    target_name = f"{settings['NAME']}_restored"
    admin = {**_pg_connect_kwargs(settings), "dbname": "postgres", "autocommit": True}
    with psycopg.connect(**admin) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{target_name}"')
        conn.execute(f'CREATE DATABASE "{target_name}"')
    try:
        url = "postgres://{user}@{host}:{port}/{name}".format(
            user=settings["USER"], host=settings["HOST"], port=settings["PORT"], name=target_name
        )
        call_command("restore", str(backup_file), database_url=url)
        pk_of = {m._meta.db_table: m._meta.pk.column for m in apps.get_models()}
        with psycopg.connect(**{**_pg_connect_kwargs(settings), "dbname": target_name}) as conn:

            def fetch(table):
                return conn.execute(f'SELECT "{pk_of[table]}" FROM "{table}"').fetchall()  # noqa: S608

            assert restored_tables(fetch) == every_table()
            # the append-only trigger came back with the data
            trigger = conn.execute(
                "SELECT count(*) FROM pg_trigger WHERE tgname = 'auditlog_logentry_append_only'"
            ).fetchone()[0]
            assert trigger == 1
        with pytest.raises(CommandError, match="not empty"):
            call_command("restore", str(backup_file), database_url=url)
    finally:
        with psycopg.connect(**admin) as conn:
            conn.execute(f'DROP DATABASE IF EXISTS "{target_name}" WITH (FORCE)')
