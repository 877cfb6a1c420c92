"""Load the national multidimensional poverty standards as data.

Decree 07/2021/NĐ-CP (27 January 2021), Article 3, standard for 2022–2025, applied also to 2026
by Decree 351/2025/NĐ-CP (30 December 2025):
- income line: 1,500,000 đ per person per month in rural areas, 2,000,000 đ in urban areas;
- 12 indicators in 6 dimensions (employment, health, education, housing, water and sanitation,
  information); poor = income <= line and >= 3 deprivations; near-poor = income <= line and
  < 3 deprivations; middle-income = income over the line and up to 2,250,000 đ (rural) or
  3,000,000 đ (urban) (Article 3, clause 4).

Decree 351/2025/NĐ-CP, standard for 2027–2030:
- income line: 2,200,000 đ rural, 2,800,000 đ urban; same structure (>= 3 deprivations: poor).
- Known from the published text: the employment dimension (việc làm; người phụ thuộc trong hộ
  gia đình). NOT verified against the official text here: the other 10 indicators (stored as
  in Decree 07) and the middle-income lines (stored as null, so this standard never classifies
  a household as middle-income). Both are data: correct them in the admin without a release.
"""

from django.db import migrations

DIMENSIONS_07 = [
    (
        "Việc làm",
        [("viec_lam", "Việc làm"), ("nguoi_phu_thuoc", "Người phụ thuộc trong hộ gia đình")],
    ),
    ("Y tế", [("dinh_duong", "Dinh dưỡng"), ("bao_hiem_y_te", "Bảo hiểm y tế")]),
    (
        "Giáo dục",
        [
            ("giao_duc_nguoi_lon", "Trình độ giáo dục của người lớn"),
            ("tre_em_di_hoc", "Tình trạng đi học của trẻ em"),
        ],
    ),
    (
        "Nhà ở",
        [
            ("chat_luong_nha_o", "Chất lượng nhà ở"),
            ("dien_tich_nha_o", "Diện tích nhà ở bình quân đầu người"),
        ],
    ),
    (
        "Nước sinh hoạt và vệ sinh",
        [("nguon_nuoc", "Nguồn nước sinh hoạt"), ("nha_tieu", "Nhà tiêu hợp vệ sinh")],
    ),
    (
        "Thông tin",
        [
            ("vien_thong", "Sử dụng dịch vụ viễn thông"),
            ("tiep_can_thong_tin", "Phương tiện phục vụ tiếp cận thông tin"),
        ],
    ),
]

STANDARDS = [
    {
        "name": "Chuẩn nghèo đa chiều giai đoạn 2022–2025 (áp dụng đến hết năm 2026)",
        "legal_source": "Nghị định 07/2021/NĐ-CP, Điều 3; Nghị định 351/2025/NĐ-CP (kéo dài 2026)",
        "first_year": 2022,
        "last_year": 2026,
        "rural_line": 1_500_000,
        "urban_line": 2_000_000,
        "rural_middle_line": 2_250_000,
        "urban_middle_line": 3_000_000,
        "poor_min_deprivations": 3,
        "notes": "",
        "dimensions": DIMENSIONS_07,
    },
    {
        "name": "Chuẩn nghèo đa chiều quốc gia giai đoạn 2027–2030",
        "legal_source": "Nghị định 351/2025/NĐ-CP",
        "first_year": 2027,
        "last_year": 2030,
        "rural_line": 2_200_000,
        "urban_line": 2_800_000,
        "rural_middle_line": None,
        "urban_middle_line": None,
        "poor_min_deprivations": 3,
        "notes": (
            "Chuẩn thu nhập và chiều việc làm theo Nghị định 351/2025/NĐ-CP. Các chỉ số của "
            "5 chiều còn lại đang ghi như giai đoạn 2022–2025, cần đối chiếu văn bản chính thức. "
            "Chưa có mức sống trung bình: chuẩn này không xếp hộ có mức sống trung bình."
        ),
        "dimensions": DIMENSIONS_07,
    },
]


def load(apps, schema_editor):
    Standard = apps.get_model("poverty", "Standard")
    Indicator = apps.get_model("poverty", "Indicator")
    for data in STANDARDS:
        data = dict(data)
        dimensions = data.pop("dimensions")
        standard = Standard.objects.create(**data)
        position = 0
        rows = []
        for dimension, indicators in dimensions:
            for code, name in indicators:
                position += 1
                rows.append(
                    Indicator(
                        standard=standard,
                        code=code,
                        name=name,
                        dimension=dimension,
                        position=position,
                    )
                )
        Indicator.objects.bulk_create(rows)


def unload(apps, schema_editor):
    apps.get_model("poverty", "Standard").objects.filter(
        first_year__in=[s["first_year"] for s in STANDARDS]
    ).delete()


class Migration(migrations.Migration):
    dependencies = [("poverty", "0002_review_standard_indicator_assessment_and_more")]

    operations = [migrations.RunPython(load, unload)]
