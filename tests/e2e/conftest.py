"""Browser journeys in Debian's Chromium on an emulated cheap phone.

Playwright for Python drives /usr/bin/chromium (never a downloaded browser) against pytest-django's
live server. The `phone` fixture gives a 360×640 touch screen; `phone.field()` adds what the
villages have: a CPU four times slower and a 3G link (400 ms round trip, 400 kbit/s), and
`phone.offline()` the dead zones. `phone.check(name)` is called on every screen of a journey: it
saves a screenshot and runs axe-core (from this folder's node_modules, never a CDN), the English
word scan and the readability checks (base font, touch targets, labels).

Artefacts (screenshots, PDFs, figures) go to artifacts/ at the repository root (README, "Browser
tests and artefacts"); GANDAN_ARTIFACTS moves them.
"""

from __future__ import annotations

import datetime
import functools
import gzip
import os
import re
import shutil
import urllib.request
from pathlib import Path

import pytest
from django.conf import settings
from django.test import Client

from gandan.twinning import services as twinning_services
from gandan.twinning.tests.factories import make_agreement

HERE = Path(__file__).resolve().parent
CHROMIUM = Path(os.environ.get("GANDAN_CHROMIUM", "/usr/bin/chromium"))
AXE = HERE / "node_modules" / "axe-core" / "axe.min.js"
ARTIFACTS = Path(os.environ.get("GANDAN_ARTIFACTS", settings.BASE_DIR / "artifacts"))
SCREENSHOTS = ARTIFACTS / "screenshots"
PRINTS = ARTIFACTS / "print"
IN_CI = os.environ.get("CI", "").lower() in {"1", "true", "yes"}

# Keep Chromium off the network: only the live server on 127.0.0.1 is ever asked for anything.
CHROMIUM_FLAGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
]

# A cheap Android phone: 360×640 CSS pixels, touch, Vietnamese.
PHONE = {
    "viewport": {"width": 360, "height": 640},
    "device_scale_factor": 2,
    "is_mobile": True,
    "has_touch": True,
    "locale": "vi-VN",
    "timezone_id": "Asia/Ho_Chi_Minh",
}
# The field: 3G in a village, a CPU four times slower than the machine running the tests.
SLOW_NETWORK = {
    "offline": False,
    "latency": 400,  # ms, round trip
    "downloadThroughput": 400 * 1000 / 8,  # bytes per second
    "uploadThroughput": 400 * 1000 / 8,
}
CPU_SLOWDOWN = 4

# English UI words that must not appear on a rendered page (Vietnamese is the only UI language).
ENGLISH_UI_WORDS = [
    "Save",
    "Submit",
    "Cancel",
    "Delete",
    "Search",
    "Login",
    "Log in",
    "Logout",
    "Log out",
    "Sign in",
    "Password",
    "Username",
    "Next",
    "Previous",
    "Required",
    "This field",
    "Page",
    "Home",
    "Error",
    "Enter a valid",
    "Loading",
    "Offline",
    "Pending",
]
ENGLISH_RE = re.compile(r"\b(" + "|".join(re.escape(w) for w in ENGLISH_UI_WORDS) + r")\b")


def pytest_collection_modifyitems(config, items):
    for item in items:
        if Path(str(item.fspath)).is_relative_to(HERE):
            item.add_marker(pytest.mark.browser)


def _chromium_missing_reason() -> str | None:
    if not CHROMIUM.exists():
        return (
            f"{CHROMIUM} is missing: install Debian's Chromium (as root: "
            "apt-get update && apt-get install -y chromium), as `make test` does when it can"
        )
    return None


@pytest.fixture(scope="session")
def browser_type():
    reason = _chromium_missing_reason()
    if reason:
        if IN_CI:
            pytest.fail(f"CI must run the browser tests: {reason}")
        pytest.skip(reason)
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:  # pragma: no cover - playwright is a dev dependency
        if IN_CI:
            raise
        pytest.skip("playwright is not installed: .venv/bin/pip install -e '.[dev]'")
    # Playwright's sync API keeps an event loop in this thread; the ORM calls the tests make
    # around it (building data, counting visits) are synchronous and safe.
    previous = os.environ.get("DJANGO_ALLOW_ASYNC_UNSAFE")
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    for folder in (SCREENSHOTS, PRINTS):  # only this run's pictures and papers
        shutil.rmtree(folder, ignore_errors=True)
    playwright = sync_playwright().start()
    try:
        yield playwright.chromium
    finally:
        playwright.stop()
        if previous is None:
            os.environ.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)
        else:
            os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = previous


def launch_options(**extra) -> dict:
    return {
        "executable_path": str(CHROMIUM),
        "headless": True,
        "args": CHROMIUM_FLAGS,
        **extra,
    }


@pytest.fixture(scope="session")
def browser(browser_type):
    browser = browser_type.launch(**launch_options())
    yield browser
    browser.close()


@pytest.fixture(scope="session")
def axe_path() -> Path:
    if not AXE.exists():
        message = (
            f"{AXE} is missing: run `npm ci --prefix tests/e2e` (make test does it when npm exists)"
        )
        if IN_CI:
            pytest.fail(message)
        pytest.skip(message)
    return AXE


class Phone:
    """One browser context on the emulated phone, with the checks every screen must pass."""

    def __init__(self, context, base_url: str, name: str, axe: Path, *, scripts: bool = True):
        self.context = context
        self.scripts = scripts
        self._inspector = None
        self.base_url = base_url.rstrip("/")
        self.name = name
        self.axe = axe
        self.page = context.pages[0] if context.pages else context.new_page()
        self.cdp = context.new_cdp_session(self.page)
        self.is_field = False
        self.checked: list[str] = []
        self.problems: list[str] = []
        self.page.on("pageerror", lambda exc: self.problems.append(f"script error: {exc}"))
        self.page.on("console", self._console)

    def _console(self, message):
        text = message.text
        # Failed requests are what offline means; everything else is a bug.
        if message.type == "error" and "net::ERR_" not in text and "Failed to load" not in text:
            self.problems.append(f"console error: {text}")

    # --- navigation and conditions -------------------------------------------------------

    def url(self, path: str) -> str:
        return path if path.startswith("http") else self.base_url + path

    def go(self, path: str, **kwargs):
        response = self.page.goto(self.url(path), **kwargs)
        assert response is not None and response.status < 400, (path, response and response.status)
        return response

    def field(self):
        """A slow CPU and a slow 3G link, through the DevTools protocol."""
        self.is_field = True
        self.cdp.send("Emulation.setCPUThrottlingRate", {"rate": CPU_SLOWDOWN})
        self.cdp.send("Network.enable")
        self.cdp.send("Network.emulateNetworkConditions", SLOW_NETWORK)

    def offline(self):
        self.context.set_offline(True)

    def online(self):
        self.context.set_offline(False)
        if self.is_field:
            self.cdp.send("Network.emulateNetworkConditions", SLOW_NETWORK)

    def login_as(self, user):
        """A session cookie for `user` without the login form (the form has its own journey)."""
        client = Client()
        client.force_login(user)
        cookie = client.cookies[settings.SESSION_COOKIE_NAME]
        self.context.add_cookies(
            [{"name": cookie.key, "value": cookie.value, "url": self.base_url + "/"}]
        )

    # --- what every screen must pass ----------------------------------------------------

    def shot(self, label: str) -> Path:
        SCREENSHOTS.mkdir(parents=True, exist_ok=True)
        path = SCREENSHOTS / (f"{self.name}--{label}.png" if self.name else f"{label}.png")
        self.page.screenshot(path=str(path), full_page=True)
        return path

    def check(self, label: str, *, screenshot: bool = True):
        """Screenshot, axe-core, English words, readability: on the screen shown now."""
        page = self.page
        page.wait_for_load_state("load")
        if self.is_field:  # the checks themselves need not run on the slow CPU
            self.cdp.send("Emulation.setCPUThrottlingRate", {"rate": 1})
        try:
            if screenshot:
                self.shot(label)
            if not self.scripts:
                page = self._same_page_with_scripts()
            failures = axe_failures(page, self.axe)
            assert not failures, f"{label} ({page.url}): axe-core found\n" + "\n".join(failures)
            english = english_words(page)
            assert not english, f"{label} ({page.url}): English left in the UI: {english}"
            problems = readability_problems(page)
            assert not problems, f"{label} ({page.url}):\n" + "\n".join(problems)
            assert not self.problems, f"{label} ({page.url}): {self.problems}"
        finally:
            if self.is_field:
                self.cdp.send("Emulation.setCPUThrottlingRate", {"rate": CPU_SLOWDOWN})
        self.checked.append(label)

    def _same_page_with_scripts(self):
        """axe-core needs timers, which a page without JavaScript never runs: the checks look
        at the same HTML, served for the same address, in a page where scripts run."""
        if self._inspector is None:
            self._inspector = self.context.browser.new_context(**PHONE).new_page()
        html, url = self.page.content(), self.page.url
        inspector = self._inspector
        inspector.route(url, lambda route: route.fulfill(body=html, content_type="text/html"))
        inspector.goto(url)
        inspector.unroute(url)
        return inspector

    def close(self):
        if self._inspector is not None:
            self._inspector.context.close()
        self.context.close()


def axe_failures(page, axe: Path) -> list[str]:
    """Serious and critical axe-core violations (WCAG 2.x A/AA and best practice)."""
    if not page.evaluate("() => typeof window.axe !== 'undefined'"):
        # The pages' CSP forbids inline scripts, so page.add_script_tag(path=...) is refused;
        # the same local file evaluated through the DevTools protocol is not subject to it.
        page.evaluate(_axe_source(axe))
    result = page.evaluate(
        """async () => {
            const r = await axe.run(document, {resultTypes: ['violations']});
            return r.violations.map(v => ({id: v.id, impact: v.impact, help: v.help,
                nodes: v.nodes.slice(0, 5).map(n => n.target.join(' '))}));
        }"""
    )
    return [
        f"  [{v['impact']}] {v['id']}: {v['help']} at {v['nodes']}"
        for v in result
        if v["impact"] in ("serious", "critical")
    ]


@functools.cache
def _axe_source(axe: Path) -> str:
    return axe.read_text(encoding="utf-8") + "\n;void 0;"


# Everything a person reads or hears: text, placeholders, labels for assistive technology,
# button values and the title. Elements marked translate="no" and <code> are names and code.
_UI_TEXT_JS = (HERE / "js" / "ui_text.js").read_text(encoding="utf-8")


def english_words(page) -> list[str]:
    return sorted(set(ENGLISH_RE.findall(page.evaluate(_UI_TEXT_JS))))


_READABILITY_JS = (HERE / "js" / "readability.js").read_text(encoding="utf-8")


def readability_problems(page) -> list[str]:
    return page.evaluate(_READABILITY_JS)


@pytest.fixture
def phones(browser, live_server, axe_path):
    """Make phones (fresh cookies, empty cache and storage); `phones(**context_options)`."""
    made = []

    def make(label: str = "", **options) -> Phone:
        context = browser.new_context(**{**PHONE, **options})
        context.set_default_timeout(20_000)
        scripts = options.get("java_script_enabled", True)
        made.append(Phone(context, live_server.url, label, axe_path, scripts=scripts))
        return made[-1]

    yield make
    for device in made:
        device.close()


@pytest.fixture
def phone(phones):
    """A fresh phone for one journey."""
    return phones()


@pytest.fixture
def open_phone(browser_type, live_server, axe_path, tmp_path):
    """Phones whose profile lives on disk, to close the browser and open it again later.

    Call it with a label: each call launches Chromium on the same user-data-dir (IndexedDB,
    localStorage and the HTTP cache survive; session cookies do not, as on a real phone).
    """
    profile = tmp_path / "profile"
    opened = []

    def open_(label: str) -> Phone:
        context = browser_type.launch_persistent_context(str(profile), **launch_options(), **PHONE)
        context.set_default_timeout(20_000)
        device = Phone(context, live_server.url, label, axe_path)
        opened.append(context)
        return device

    yield open_
    for context in opened:
        try:
            context.close()
        except Exception:  # noqa: BLE001, S110 - already closed by the test
            pass


@pytest.fixture
def twinning_review(world):
    """Cell A2 helps cell A1 (world's partnership) and held an interim review."""
    agreement = make_agreement(world)
    return twinning_services.review_create(
        actor=world.committee,
        agreement=agreement,
        kind="interim",
        period_start=datetime.date(2022, 1, 1),
        period_end=datetime.date(2023, 12, 31),
        held_on=datetime.date(2024, 1, 15),
        done="Trao 14 suất quà cho hộ nghèo, cận nghèo; hướng dẫn trồng cỏ nuôi bò.",
        not_done="Chưa mở được lớp học nghề cho thanh niên.",
        lessons="Họp giao ban hằng quý giữa hai chi bộ.",
        next_plan="Giảm 3 hộ nghèo, 3 hộ cận nghèo đến năm 2025.",
    )


# Paper: the print stylesheet's @page margin is 12 mm; CSS pixels are 96 to the inch.
PAPER_MM = {"A4": (210, 297), "A5": (148, 210)}
PRINT_MARGIN_MM = 12


def printable_width_px(paper: str) -> int:
    return int((PAPER_MM[paper][0] - 2 * PRINT_MARGIN_MM) / 25.4 * 96)


_PRINT_JS = (HERE / "js" / "print.js").read_text(encoding="utf-8")


def print_to_pdf(phone: Phone, name: str, paper: str):
    """Lay the page out for `paper` under print media and check it, then print it to PDF
    (kept under artifacts/print/). Returns (problems found in the layout, the PDF's path)."""
    page = phone.page
    width = printable_width_px(paper)
    viewport = page.viewport_size
    page.emulate_media(media="print")
    page.set_viewport_size({"width": width, "height": 1000})
    try:
        problems = page.evaluate(_PRINT_JS, width)
        PRINTS.mkdir(parents=True, exist_ok=True)
        path = PRINTS / f"{name}-{paper}.pdf"
        page.pdf(path=str(path), format=paper)
    finally:
        page.emulate_media(media="screen")
        page.set_viewport_size(viewport)
    return problems, path


def gzip_size(live_server, path: str, cookie: str | None = None) -> tuple[int, int]:
    """Bytes of a page as sent and gzip-compressed (what a phone downloads)."""
    request = urllib.request.Request(live_server.url + path)  # noqa: S310 - our own server
    if cookie:
        request.add_header("Cookie", f"{settings.SESSION_COOKIE_NAME}={cookie}")
    with urllib.request.urlopen(request) as response:  # noqa: S310
        body = response.read()
    return len(body), len(gzip.compress(body, compresslevel=6))


def keep_artifact(source: Path, folder: Path, name: str) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    target = folder / name
    shutil.copyfile(source, target)
    return target
