from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError

from gandan.accounts.services import token_issue


class Command(BaseCommand):
    help = "Cấp mã truy cập API cá nhân (Authorization: Bearer …) cho một người dùng."

    def add_arguments(self, parser):
        parser.add_argument("username")
        parser.add_argument("--name", default="", help="ghi chú: dùng cho việc gì")

    def handle(self, *args, username, name="", **options):
        user = get_user_model().objects.filter(username=username, is_active=True).first()
        if user is None:
            raise CommandError(f"Không có người dùng đang hoạt động tên '{username}'.")
        self.stdout.write(token_issue(user=user, name=name))
