from django.core.management.base import BaseCommand

from gandan.places.services import places_load


class Command(BaseCommand):
    help = "Nạp tỉnh và xã, phường (sau sắp xếp 2025) từ gói vietnam-provinces."

    def add_arguments(self, parser):
        parser.add_argument("--province", type=int, action="append", help="chỉ nạp tỉnh có mã này")

    def handle(self, *args, province=None, **options):
        provinces, communes = places_load(province_codes=set(province) if province else None)
        self.stdout.write(f"Đã nạp {provinces} tỉnh, {communes} xã, phường mới.")
