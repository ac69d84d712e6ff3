"""The About page prints cleanly: no navigation chrome, black text, nothing cut off."""
import re

import pytest

from tests.browser.visits import APP, LANGUAGES, path_of

# The About page, the longest, in every language.
ABOUT = [path_of(APP, "about", code) for code in LANGUAGES]
# An A4 page less its 1.8 cm side margins (site.css @page), in CSS pixels.
PRINTABLE_WIDTH = round((21 - 2 * 1.8) / 2.54 * 96)

NOT_BLACK = """() => [...document.querySelectorAll("main *, footer *")]
    .filter(el => el.offsetParent !== null && el.textContent.trim())
    .filter(el => getComputedStyle(el).color !== "rgb(0, 0, 0)")
    .map(el => el.tagName.toLowerCase() + ": " + getComputedStyle(el).color)"""


@pytest.fixture
def printed(page):
    """A tab rendering pages as for paper, as wide as an A4 sheet's text."""
    page.set_viewport_size({"width": PRINTABLE_WIDTH, "height": 1000})
    page.emulate_media(media="print")
    return page


@pytest.mark.parametrize("path", ABOUT)
def test_navigation_chrome_is_not_printed(printed, path):
    printed.goto(path)
    chrome = ("header", "nav.main-nav", "nav.lang-switch", ".skip-link", "nav.toc",
              "nav.breadcrumbs")
    for selector in chrome:
        assert printed.locator(selector).is_hidden(), selector
    assert printed.locator("h1").is_visible()
    assert printed.locator("footer address").is_visible()


@pytest.mark.parametrize("path", ABOUT)
def test_printed_text_is_black_on_white(printed, path):
    printed.goto(path)
    assert printed.evaluate(NOT_BLACK) == []
    assert printed.evaluate("getComputedStyle(document.body).backgroundColor") in (
        "rgb(255, 255, 255)",
        "rgba(0, 0, 0, 0)",
    )


@pytest.mark.parametrize("path", ABOUT)
def test_printed_page_does_not_overflow_sideways(printed, path):
    printed.goto(path)
    assert printed.evaluate("document.documentElement.scrollWidth <= innerWidth")


@pytest.mark.parametrize("path", ABOUT)
def test_about_page_prints_to_a_few_a4_pages(printed, path):
    printed.goto(path)
    pdf = printed.pdf(format="A4")
    assert pdf.startswith(b"%PDF-")
    # Each page of the PDF is one `/Type /Page` object (`/Pages` is their list).
    pages = len(re.findall(rb"/Type\s*/Page\b", pdf))
    # The whole text on 2 to 4 sheets: more would mean blank gaps or huge type.
    assert 2 <= pages <= 4, pages
