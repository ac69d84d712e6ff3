"""A visitor switches language with the switcher, and the choice is remembered."""
import pytest

from tests.languages import WRITTEN
from tests.browser.visits import APP, HOME, LANGUAGES, SWITCHES, counterpart


@pytest.mark.parametrize("path, code", SWITCHES)
def test_switcher_click_lands_on_the_counterpart(page, live_server, path, code):
    page.goto(path)
    page.get_by_role("link", name=WRITTEN[code].name, exact=True).click()
    page.wait_for_url(live_server.url + counterpart(APP, path, code))
    assert page.locator("html").get_attribute("lang") == WRITTEN[code].tag


# Each language asked for by the browser, and the next one chosen with the switcher.
ASKED_THEN_CHOSEN = [
    (asked, LANGUAGES[(i + 1) % len(LANGUAGES)]) for i, asked in enumerate(LANGUAGES)
]


@pytest.mark.parametrize("asked, chosen", ASKED_THEN_CHOSEN)
def test_choice_made_with_the_switcher_survives_a_later_visit_to_root(
    new_tab, live_server, asked, chosen
):
    # The browser asks for one language, so only the remembered choice can win.
    page = new_tab(live_server.url, locale=WRITTEN[asked].tag)
    page.goto("/")
    assert page.url == live_server.url + HOME[asked]
    page.get_by_role("link", name=WRITTEN[chosen].name, exact=True).click()
    page.wait_for_url(live_server.url + HOME[chosen])
    page.goto("/")
    assert page.url == live_server.url + HOME[chosen]
