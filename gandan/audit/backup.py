"""Consistent backups of the whole database, and their restoration into an empty database.

SQLite: the online backup API copies a consistent snapshot while the application keeps
writing. PostgreSQL: `pg_dump` in custom format (one consistent snapshot; restored with
`pg_restore`); for point-in-time recovery at province scale see the README (WAL archiving).
"""

import os
import shutil
import sqlite3
import subprocess  # noqa: S404  (pg_dump / pg_restore, fixed argument lists, no shell)
from pathlib import Path

import dj_database_url
from django.db import connections

SQLITE_MAGIC = b"SQLite format 3\x00"
PGDUMP_MAGIC = b"PGDMP"


class BackupError(Exception):
    """A backup or restore that cannot be done, with a message for the operator."""


def _pg_env_and_args(settings: dict) -> tuple[dict, list[str]]:
    env = {**os.environ}
    if settings.get("PASSWORD"):
        env["PGPASSWORD"] = str(settings["PASSWORD"])
    args = []
    if settings.get("HOST"):
        args += ["--host", str(settings["HOST"])]
    if settings.get("PORT"):
        args += ["--port", str(settings["PORT"])]
    if settings.get("USER"):
        args += ["--username", str(settings["USER"])]
    return env, args


def _tool(name: str) -> str:
    path = shutil.which(name)
    if path is None:
        raise BackupError(f"{name} not found: install postgresql-client (apt-get install it).")
    return path


def backup(*, to: Path, alias: str = "default") -> Path:
    """Write a consistent copy of the database `alias` to the file `to`."""
    connection = connections[alias]
    to = Path(to)
    to.parent.mkdir(parents=True, exist_ok=True)
    if to.exists():
        raise BackupError(f"{to} already exists: a backup never overwrites a file.")
    if connection.vendor == "sqlite":
        connection.ensure_connection()
        target = sqlite3.connect(to)
        try:
            connection.connection.backup(target)
        finally:
            target.close()
    elif connection.vendor == "postgresql":
        env, args = _pg_env_and_args(connection.settings_dict)
        command = [_tool("pg_dump"), *args, "--format=custom", "--no-owner", "--no-privileges"]
        command += ["--file", str(to), "--dbname", connection.settings_dict["NAME"]]
        result = subprocess.run(command, env=env, capture_output=True, text=True)  # noqa: S603
        if result.returncode:
            to.unlink(missing_ok=True)
            raise BackupError(f"pg_dump failed: {result.stderr.strip()}")
    else:
        raise BackupError(f"No backup for the {connection.vendor} database.")
    return to


def _sqlite_tables(conn: sqlite3.Connection) -> list[str]:
    rows = conn.execute(
        "SELECT name FROM sqlite_master WHERE type='table' AND name NOT LIKE 'sqlite_%'"
    ).fetchall()
    return [r[0] for r in rows]


def _pg_tables(settings: dict) -> list[str]:
    import psycopg

    with psycopg.connect(**_pg_connect_kwargs(settings)) as conn:
        rows = conn.execute(
            "SELECT tablename FROM pg_tables WHERE schemaname NOT IN "
            "('pg_catalog', 'information_schema')"
        ).fetchall()
    return [r[0] for r in rows]


def _pg_connect_kwargs(settings: dict) -> dict:
    kwargs = {"dbname": settings["NAME"]}
    for key, name in [
        ("HOST", "host"),
        ("PORT", "port"),
        ("USER", "user"),
        ("PASSWORD", "password"),
    ]:
        if settings.get(key):
            kwargs[name] = str(settings[key])
    return kwargs


def target_settings(database_url: str | None, alias: str = "default") -> dict:
    """The database to restore into: a DATABASE_URL, or the configured one."""
    if database_url:
        return dj_database_url.parse(database_url)
    return connections[alias].settings_dict


def restore(*, source: Path, settings: dict) -> None:
    """Restore the backup file `source` into the database described by `settings`, which
    must be empty: a restore never mixes a backup with live data."""
    source = Path(source)
    if not source.is_file():
        raise BackupError(f"{source}: no such file.")
    with source.open("rb") as fh:
        head = fh.read(16)
    engine = settings["ENGINE"]
    if head.startswith(SQLITE_MAGIC):
        if not engine.endswith("sqlite3"):
            raise BackupError("This is an SQLite backup: restore it into an SQLite database.")
        name = str(settings["NAME"])
        target = sqlite3.connect(name)
        try:
            if _sqlite_tables(target):
                raise BackupError(f"{name} is not empty: restore only into an empty database.")
            src = sqlite3.connect(f"file:{source}?mode=ro", uri=True)
            try:
                src.backup(target)
            finally:
                src.close()
        finally:
            target.close()
    elif head.startswith(PGDUMP_MAGIC):
        if "postgresql" not in engine:
            raise BackupError("This is a PostgreSQL backup: restore it into PostgreSQL.")
        if _pg_tables(settings):
            raise BackupError(
                f"{settings['NAME']} is not empty: restore only into an empty database."
            )
        env, args = _pg_env_and_args(settings)
        command = [_tool("pg_restore"), *args, "--no-owner", "--no-privileges", "--exit-on-error"]
        command += ["--single-transaction", "--dbname", str(settings["NAME"]), str(source)]
        result = subprocess.run(command, env=env, capture_output=True, text=True)  # noqa: S603
        if result.returncode:
            raise BackupError(f"pg_restore failed: {result.stderr.strip()}")
    else:
        raise BackupError(f"{source} is neither an SQLite nor a pg_dump backup.")
