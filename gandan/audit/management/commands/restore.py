from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from gandan.audit.backup import BackupError, restore, target_settings


class Command(BaseCommand):
    help = "Restore a backup made by `backup` into an EMPTY database (refuses a non-empty one)."

    def add_arguments(self, parser):
        parser.add_argument("file")
        parser.add_argument(
            "--database-url",
            help="the empty database to restore into (default: the configured DATABASE_URL)",
        )

    def handle(self, *args, file, database_url=None, **options):
        settings = target_settings(database_url)
        try:
            restore(source=Path(file), settings=settings)
        except BackupError as error:
            raise CommandError(str(error)) from error
        self.stdout.write(f"restored {file} into {settings['NAME']}")
