from hypothesis import given
from hypothesis import strategies as st

from gandan.lib.text import fold, is_valid_phone, normalise_phone


def test_fold_removes_vietnamese_diacritics():
    assert fold("Nguyễn Văn Thắng") == "nguyen van thang"
    assert fold("ĐẶNG Hữu") == "dang huu"
    assert fold("  H'Tinh   Rơ Châm ") == "h'tinh ro cham"


def test_fold_of_decomposed_and_composed_forms_is_the_same():
    import unicodedata

    name = "Phan Thị Thúy Kiện"
    assert fold(unicodedata.normalize("NFD", name)) == fold(unicodedata.normalize("NFC", name))


@given(st.text())
def test_fold_is_idempotent(text):
    once = fold(text)
    assert fold(once) == once


@given(st.text(alphabet="aăâbcdđeêghiklmnoôơpqrstuưvxyàảãáạằẳẵắặầẩẫấậèẻẽéẹềểễếệ "))
def test_folded_vietnamese_is_ascii(text):
    assert fold(text).isascii()


def test_phone_numbers_are_normalised():
    assert normalise_phone("0912 345 678") == "0912345678"
    assert normalise_phone("+84 912 345 678") == "0912345678"
    assert is_valid_phone("0912345678")
    assert not is_valid_phone("12345")
    assert not is_valid_phone("0912-abc")
