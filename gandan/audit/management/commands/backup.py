from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from gandan.audit.backup import BackupError, backup


class Command(BaseCommand):
    help = "Write a consistent backup of the database (SQLite online backup, or pg_dump)."

    def add_arguments(self, parser):
        parser.add_argument(
            "file",
            nargs="?",
            help="where to write it (default: backups/gandan-<time>.sqlite3 or .pgdump)",
        )
        parser.add_argument("--database", default="default")

    def handle(self, *args, file=None, database="default", **options):
        from django.db import connections

        if file is None:
            suffix = "sqlite3" if connections[database].vendor == "sqlite" else "pgdump"
            file = f"backups/gandan-{timezone.now():%Y%m%d-%H%M%S}.{suffix}"
        try:
            path = backup(to=Path(file), alias=database)
        except BackupError as error:
            raise CommandError(str(error)) from error
        self.stdout.write(f"{path} ({path.stat().st_size:,} bytes)")
