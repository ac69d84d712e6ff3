"""A visitor without a mouse: skip link first, menu and switcher by Tab, focus seen."""
import pytest

from cde.pages import PAGES as SITE_PAGES
from tests.browser.visits import EVERYTHING, PAGES

# Enough Tab presses to go round any page of the site and come back.
MAX_TAB_STOPS = 60

FOCUSED = """() => {
    const el = document.activeElement;
    const style = getComputedStyle(el);
    const box = el.getBoundingClientRect();
    return {
        tag: el.tagName.toLowerCase(),
        id: el.id,
        href: el.getAttribute("href"),
        hreflang: el.getAttribute("hreflang"),
        inMenu: !!el.closest("nav.main-nav"),
        outline: style.outlineStyle === "none" || style.outlineWidth === "0px"
            ? "none" : style.outlineStyle + " " + style.outlineWidth,
        boxShadow: style.boxShadow,
        onScreen: box.width > 0 && box.height > 0 && box.bottom > 0
            && box.right > 0 && box.top < innerHeight && box.left < innerWidth,
    };
}"""


def tab_stops(page) -> list[dict]:
    """Press Tab until focus comes back to the start; what was focused at each stop."""
    stops = []
    for _ in range(MAX_TAB_STOPS):
        page.keyboard.press("Tab")
        focused = page.evaluate(FOCUSED)
        if focused["tag"] == "body" or (stops and focused == stops[0]):
            break
        stops.append(focused)
    return stops


@pytest.mark.parametrize("path", EVERYTHING)
def test_first_tab_stop_is_the_visible_skip_link(page, path):
    page.goto(path)
    page.keyboard.press("Tab")
    focused = page.evaluate(FOCUSED)
    assert focused["href"] == "#main"
    assert focused["onScreen"]


@pytest.mark.parametrize("path", EVERYTHING)
def test_skip_link_moves_focus_to_main(page, path):
    page.goto(path)
    page.keyboard.press("Tab")
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "main"
    # The next Tab continues inside the main content, past the header.
    page.keyboard.press("Tab")
    assert page.evaluate("!!document.activeElement.closest('main')")


@pytest.mark.parametrize("path", PAGES)
def test_menu_and_switcher_are_reachable_by_tab(page, path):
    page.goto(path)
    stops = tab_stops(page)
    menu = page.eval_on_selector_all(
        "nav.main-nav a", "links => links.map(a => a.getAttribute('href'))"
    )
    assert len(menu) == len(SITE_PAGES)
    assert [s["href"] for s in stops if s["inMenu"]] == menu
    assert [s for s in stops if s["hreflang"]], "no Tab stop on the language switcher"


@pytest.mark.parametrize("path", EVERYTHING)
def test_focus_is_always_visible(page, path):
    page.goto(path)
    stops = tab_stops(page)
    assert len(stops) >= 5
    hidden = [s for s in stops if s["outline"] == s["boxShadow"] == "none"]
    assert not hidden, f"focus not visible on {hidden}"
    offscreen = [s for s in stops if not s["onScreen"]]
    assert not offscreen, f"focused element out of view: {offscreen}"
