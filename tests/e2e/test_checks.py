"""The checks every screen passes can fail: each one, shown a page with the fault it looks for."""

import pytest

from .conftest import PHONE, axe_failures, english_words, readability_problems

GOOD_PAGE = """<!doctype html><html lang="vi"><head><title>Trang thử</title>
<style>html { font-size: 18px } body { font-family: sans-serif }
button, input { min-height: 48px; min-width: 48px; font: inherit }</style></head>
<body><main><h1>Ghi lần thăm</h1>
<label for="n">Ghi chép</label><input id="n" name="n">
<p>Tên hộ: <code>Save</code> <span translate="no">Home Stay Páo</span></p>
<button type="submit">Lưu</button></main></body></html>"""


@pytest.fixture
def phone(browser):
    """A bare phone page, no server needed."""
    context = browser.new_context(**PHONE)
    yield context.new_page()
    context.close()


def show(page, html):
    page.set_content(html)
    return page


def test_a_good_page_passes_every_check(phone, axe_path):
    page = show(phone, GOOD_PAGE)
    assert axe_failures(page, axe_path) == []
    assert english_words(page) == []  # code and translate="no" are names, not UI
    assert readability_problems(page) == []


def test_english_left_in_the_ui_is_found_in_text_and_attributes(phone):
    page = show(
        phone,
        GOOD_PAGE.replace(">Lưu<", ">Save<").replace('name="n">', 'name="n" placeholder="Search">'),
    )
    assert english_words(page) == ["Save", "Search"]


def test_an_unlabelled_field_is_a_critical_axe_violation(phone, axe_path):
    page = show(phone, GOOD_PAGE.replace('<label for="n">Ghi chép</label>', ""))
    failures = axe_failures(page, axe_path)
    assert any("label" in f and "critical" in f for f in failures), failures
    assert any("field without a label" in p for p in readability_problems(page))


def test_low_contrast_small_text_and_small_targets_are_found(phone, axe_path):
    page = show(
        phone,
        GOOD_PAGE.replace("html { font-size: 18px }", "html { font-size: 14px }").replace(
            "<button", '<button style="min-height:30px;min-width:30px;color:#aaa;background:#fff"'
        ),
    )
    assert any("color-contrast" in f for f in axe_failures(page, axe_path))
    problems = readability_problems(page)
    assert any(p.startswith("base font 14 px") for p in problems), problems
    assert any(p.startswith("touch target") for p in problems), problems
