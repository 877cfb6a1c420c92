"""Text folding for accent-insensitive search.

"Nguyễn Văn" and "nguyen van" fold to the same key; "Đặng" folds to "dang". The folded key is
stored beside each searchable name, so the database compares plain ASCII on SQLite and on
PostgreSQL alike (where a trigram index serves `LIKE '%…%'`).
"""

import re
import unicodedata

_SPACES = re.compile(r"\s+")


def fold(text: str | None) -> str:
    """Lower-case, strip Vietnamese diacritics (đ → d) and collapse white space."""
    if not text:
        return ""
    decomposed = unicodedata.normalize("NFKD", text.casefold().replace("đ", "d"))
    stripped = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    # Recompose what is not Latin (Hangul, say) so the key stays short and stable.
    return _SPACES.sub(" ", unicodedata.normalize("NFC", stripped).casefold()).strip()


def normalise_phone(raw: str | None) -> str:
    """Vietnamese phone numbers in one form: digits only, +84/84 prefix as a leading 0."""
    digits = re.sub(r"\D", "", raw or "")
    if digits.startswith("84") and len(digits) in (11, 12):
        digits = "0" + digits[2:]
    return digits


PHONE_RE = re.compile(r"^0\d{9,10}$")


def is_valid_phone(phone: str) -> bool:
    """10 digits for mobiles (0xx xxx xxxx), 11 for old landlines; after normalise_phone."""
    return bool(PHONE_RE.match(phone))
