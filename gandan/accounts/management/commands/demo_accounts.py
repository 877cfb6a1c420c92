import json

from django.core.management.base import BaseCommand

from gandan.accounts.models import DemoCredential


class Command(BaseCommand):
    help = "In các tài khoản thử nghiệm (chỉ có trong cơ sở dữ liệu dựng bằng lệnh demo)."

    def add_arguments(self, parser):
        parser.add_argument("--json", action="store_true", help="in dạng JSON")

    def handle(self, *args, json=False, **options):
        rows = [
            {"role": c.role, "unit": c.unit, "username": c.user.username, "password": c.password}
            for c in DemoCredential.objects.select_related("user")
        ]
        if json:
            self.stdout.write(_dumps(rows))
            return
        if not rows:
            self.stdout.write(
                "Không có tài khoản thử nghiệm: cơ sở dữ liệu này không dựng bằng lệnh demo."
            )
        for r in rows:
            self.stdout.write(
                f"{r['role']:<10} {r['unit']:<40} {r['username']:<24} {r['password']}"
            )


def _dumps(rows) -> str:
    return json.dumps(rows, ensure_ascii=False, indent=2)
