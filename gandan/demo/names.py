"""Deterministic, realistic names for the demo by people: Kinh, Tày, H'Mông, Dao (Tuyên
Quang), Jrai and Bahnar (Gia Lai)."""

import random

KINH_SURNAMES = [
    "Nguyễn",
    "Trần",
    "Lê",
    "Phạm",
    "Hoàng",
    "Vũ",
    "Đặng",
    "Bùi",
    "Đỗ",
    "Hồ",
    "Ngô",
    "Dương",
    "Lý",
    "Phan",
    "Cao",
    "Kiều",
    "Chu",
    "Đinh",
    "Tạ",
    "Lương",
]
KINH_MIDDLE_M = ["Văn", "Hữu", "Đình", "Duy", "Minh", "Quang", "Tiến", "Đức", "Công", "Xuân"]
KINH_MIDDLE_F = ["Thị", "Thị", "Thị Thu", "Thị Thúy", "Thị Ngọc", "Thị Minh", "Thị Hồng"]
KINH_GIVEN_M = [
    "Thắng",
    "Hảo",
    "Toàn",
    "Dũng",
    "Hùng",
    "Nam",
    "Sơn",
    "Long",
    "Tuấn",
    "Bình",
    "Cường",
    "Hải",
    "Phúc",
    "Quý",
    "Tâm",
    "Thành",
    "Trung",
    "Việt",
    "Khánh",
    "Lợi",
]
KINH_GIVEN_F = [
    "Lan",
    "Hoa",
    "Hương",
    "Mai",
    "Nga",
    "Hạnh",
    "Huyền",
    "Kiện",
    "Liên",
    "Thảo",
    "Yến",
    "Dung",
    "Hà",
    "Loan",
    "Oanh",
    "Phượng",
    "Tuyết",
    "Vân",
]

TAY_SURNAMES = ["Ma", "Quan", "Hoàng", "Nông", "Lương", "Triệu", "Hà", "Lục", "Ma", "Quan"]
TAY_GIVEN_M = ["Nhiêu", "Thuận", "Khìn", "Phấn", "Sửu", "Tằng", "Vịnh", "Pẻo", "Quyết", "Đoàn"]
TAY_GIVEN_F = ["Cát", "Nhàn", "Pằn", "Slao", "Hiên", "Mỷ", "Dinh", "Xuân", "Nết"]

HMONG_SURNAMES = ["Cháng", "Giàng", "Vàng", "Sùng", "Hầu", "Mua", "Thào", "Lý", "Lù", "Chảo"]
HMONG_GIVEN_M = ["Đềnh", "Páo", "Sính", "Chớ", "Dế", "Khua", "Pó", "Vảng", "Tráng", "Lử", "Nủ"]
HMONG_GIVEN_F = ["Mỷ", "Chu", "Dế", "Máy", "Súa", "Pà", "Xúa", "Mai", "Lan"]

DAO_SURNAMES = ["Triệu", "Bàn", "Đặng", "Lý", "Phùng", "Chảo", "Tẩn"]
DAO_MIDDLE_M = ["Văn", "Tiến", "Kim", "Tòn"]
DAO_GIVEN_M = ["Hin", "Quầy", "Chòi", "Sinh", "Phin", "Lở", "Sài", "Cao", "Vần"]
DAO_GIVEN_F = ["Mẩy", "Nhất", "Slim", "Chài", "Kiều", "Liều"]

JRAI_SURNAMES = ["Rơ Châm", "Ksor", "Siu", "Rơ Mah", "Kpă", "Rah Lan", "Puih", "Nay", "Rơ Lan"]
JRAI_GIVEN_M = [
    "Hyu",
    "Thoan",
    "Blết",
    "Djung",
    "Wơh",
    "Ngơl",
    "Phiu",
    "Kơ",
    "Dơng",
    "Nhuơh",
    "Yơn",
    "Bloh",
    "Thuih",
    "Hlông",
]
JRAI_GIVEN_F = [
    "H'Tinh",
    "H'Blông",
    "H'Ngan",
    "H'Lêh",
    "H'Mai",
    "H'Yan",
    "H'Nơ",
    "H'Bia",
    "H'Lin",
    "H'Djuan",
]

BAHNAR_SURNAMES = ["Đinh", "Đinh Văn", "Đinh Thị", "A", "Y"]
BAHNAR_GIVEN = ["Hrin", "Blưh", "Kông", "Nhen", "Brưh", "Glôh", "Yer", "Djưk", "Hnan", "Kuih"]


def person(rng: random.Random, people: str, female: bool | None = None) -> tuple[str, str, str]:
    """A full name, a gender code ('nam'/'nu') and the ethnicity, for one of the peoples."""
    female = rng.random() < 0.45 if female is None else female
    gender = "nu" if female else "nam"
    if people == "H'Mông":
        given = rng.choice(HMONG_GIVEN_F if female else HMONG_GIVEN_M)
        return f"{rng.choice(HMONG_SURNAMES)} {'Thị' if female else 'A'} {given}", gender, people
    if people == "Tày":
        given = rng.choice(TAY_GIVEN_F if female else TAY_GIVEN_M)
        middle = "Thị" if female else rng.choice(["Văn", "Đình", "Văn"])
        return f"{rng.choice(TAY_SURNAMES)} {middle} {given}", gender, people
    if people == "Dao":
        given = rng.choice(DAO_GIVEN_F if female else DAO_GIVEN_M)
        middle = "Thị" if female else rng.choice(DAO_MIDDLE_M)
        return f"{rng.choice(DAO_SURNAMES)} {middle} {given}", gender, people
    if people == "Gia Rai":
        given = rng.choice(JRAI_GIVEN_F if female else JRAI_GIVEN_M)
        return f"{rng.choice(JRAI_SURNAMES)} {given}", gender, people
    if people == "Ba Na":
        surname = rng.choice(["Đinh Thị", "Y"] if female else ["Đinh", "Đinh Văn", "A"])
        return f"{surname} {rng.choice(BAHNAR_GIVEN)}", gender, people
    middle = rng.choice(KINH_MIDDLE_F if female else KINH_MIDDLE_M)
    given = rng.choice(KINH_GIVEN_F if female else KINH_GIVEN_M)
    return f"{rng.choice(KINH_SURNAMES)} {middle} {given}", gender, "Kinh"


def pick_people(rng: random.Random, mix: dict[str, float]) -> str:
    r, total = rng.random(), 0.0
    for people, share in mix.items():
        total += share
        if r < total:
            return people
    return next(iter(mix))
