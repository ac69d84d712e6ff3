"""On a 320 or 390 px wide phone: no sideways scrolling; the menu is seen and works."""
import pytest
from playwright.sync_api import expect

from cde.pages import PAGES as SITE_PAGES
from tests.browser.visits import EVERYTHING, HOMES, LANGUAGES, PAGES

WIDTHS = [320, 390]


@pytest.fixture(params=WIDTHS, ids=lambda width: f"{width}px")
def phone(new_tab, live_server, request):
    """A tab as wide as a small phone, with touch, as a mobile browser reports."""
    return new_tab(live_server.url, width=request.param, height=700, is_mobile=True,
                   has_touch=True, device_scale_factor=2)


@pytest.mark.parametrize("path", EVERYTHING)
def test_no_horizontal_scrolling(phone, path):
    phone.goto(path)
    scroll_width, inner_width = phone.evaluate(
        "[document.documentElement.scrollWidth, innerWidth]"
    )
    assert scroll_width <= inner_width


@pytest.mark.parametrize("path", PAGES)
def test_menu_and_switcher_links_are_visible_within_the_screen(phone, path):
    phone.goto(path)
    width = phone.evaluate("innerWidth")
    links = phone.locator("header nav a")
    # Every page of the menu, and every other language.
    assert links.count() == len(SITE_PAGES) + len(LANGUAGES) - 1
    for link in links.all():
        assert link.is_visible()
        box = link.bounding_box()
        assert box["x"] >= 0 and box["x"] + box["width"] <= width, link.text_content()
        # A target a finger can hit (WCAG 2.5.8: at least 24 by 24 CSS pixels).
        assert box["height"] >= 24 and box["width"] >= 24, link.text_content()


@pytest.mark.parametrize("path", HOMES)
def test_menu_links_work(phone, live_server, path):
    phone.goto(path)
    hrefs = phone.eval_on_selector_all(
        "nav.main-nav a", "links => links.map(a => a.getAttribute('href'))"
    )
    assert hrefs[0] == path
    # From the home page to each other page, then back home: every tap navigates.
    for href in hrefs[1:] + hrefs[:1]:
        phone.locator(f'nav.main-nav a[href="{href}"]').tap()
        expect(phone).to_have_url(live_server.url + href)
        expect(phone.locator("h1")).to_be_visible()
