"""A visitor switches language with the switcher, and the choice is remembered."""
import pytest

from visits import COUNTERPARTS, LANGUAGE_NAMES, PAGES, language_of


@pytest.mark.parametrize("path", PAGES)
def test_switcher_click_lands_on_the_counterpart(page, live_server, path):
    page.goto(path)
    other = language_of(COUNTERPARTS[path])
    page.get_by_role("link", name=LANGUAGE_NAMES[other], exact=True).click()
    page.wait_for_url(live_server + COUNTERPARTS[path])
    assert page.locator("html").get_attribute("lang") == other


@pytest.mark.parametrize(
    "browser_locale, start, chosen",
    [("es-MX", "/es/", "/en/"), ("en-US", "/en/about/", "/es/")],
)
def test_choice_made_with_the_switcher_survives_a_later_visit_to_root(
    browser, live_server, browser_locale, start, chosen
):
    # The browser asks for the other language, so only the remembered choice can win.
    context = browser.new_context(base_url=live_server, locale=browser_locale)
    try:
        page = context.new_page()
        page.goto("/")
        assert page.url == live_server + "/" + browser_locale[:2] + "/"
        page.goto(start)
        page.get_by_role("link", name=LANGUAGE_NAMES[language_of(chosen)]).click()
        page.wait_for_url(live_server + COUNTERPARTS[start])
        page.goto("/")
        assert page.url == live_server + chosen
    finally:
        context.close()
