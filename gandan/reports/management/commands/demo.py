import time

from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError

from gandan.accounts.models import DemoCredential
from gandan.demo.runner import demo_build
from gandan.lib.dates import today
from gandan.org.models import Unit


class Command(BaseCommand):
    help = "Dựng cơ sở dữ liệu thử nghiệm theo hai bài báo (Tuyên Quang, Gia Lai)."

    def add_arguments(self, parser):
        parser.add_argument(
            "--reset", action="store_true", help="xóa hết dữ liệu hiện có trước khi dựng"
        )

    def handle(self, *args, reset=False, **options):
        if Unit.objects.exists():
            if not reset:
                raise CommandError(
                    "Cơ sở dữ liệu đã có dữ liệu. "
                    "Dùng --reset để xóa và dựng lại dữ liệu thử nghiệm."
                )
            call_command("flush", interactive=False, verbosity=0)
        started = time.perf_counter()
        ctx = demo_build(today=today(), out=self.stdout.write)
        for line in ctx.log:
            self.stdout.write(line)
        self.stdout.write(f"Dựng xong trong {time.perf_counter() - started:.1f} s.\n")
        self.stdout.write("Tài khoản thử nghiệm (đăng nhập tại http://127.0.0.1:8000/):")
        for c in DemoCredential.objects.select_related("user"):
            self.stdout.write(f"  {c.role:<10} {c.unit:<40} {c.user.username:<24} {c.password}")
        self.stdout.write("Đảng viên đăng nhập bằng số điện thoại; mật khẩu như trên.")
