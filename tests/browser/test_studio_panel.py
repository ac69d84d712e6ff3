"""The translation studio in a real browser: pick a text, edit it, save it.

Each test gets its own studio (cde/translator/studio.py, `make translate`) on a
scratch copy of the project (the studio_server fixture, conftest.py), so a save
writes the copy's catalog and never the repository's. The interface's words are read
from the page (data-labels of the cde-studio meta), in whatever language the studio
speaks to the translator. The front end is cde/translator/studio_assets/: studio.js (with page.js
and panel.js) and studio.css.
"""
import json
import re

import pytest
from axe_playwright_python.sync_playwright import Axe
from babel.messages.pofile import read_po
from playwright.sync_api import expect

from tests.projectcopy import YEARS
from tests.browser.test_axe import AXE_OPTIONS, describe

ABOUT = "/es/acerca/"
# The paragraph about INEGI, as the Spanish catalog has it.
INEGI = "El Instituto Nacional de Estadística y Geografía es el organismo"
# The one text with a placeholder, and its Spanish on the page.
YEARS_ON_PAGE = "La UNODC y el INEGI han informado a la Comisión de Estadística"
# Enough Tab presses to cross the page, or the panel's list of texts.
MAX_TAB_STOPS = 120


@pytest.fixture
def tab(studio_server, new_tab):
    """A translator's tab on the studio."""
    return new_tab(studio_server.url)


def labels_of(page) -> dict:
    """The studio's words, as the server gave them to the page."""
    return json.loads(
        page.locator('meta[name="cde-studio"]').get_attribute("data-labels"))


def strings(po) -> dict:
    """Every entry of a catalog: (context, msgid) -> its translation."""
    with open(po, "rb") as file:
        return {(m.context, m.id if isinstance(m.id, str) else m.id[0]): m.string
                for m in read_po(file) if m.id}


def open_panel(page) -> dict:
    """Open the panel with its toggle; the studio's words."""
    labels = labels_of(page)
    page.get_by_role("button", name=labels["open"]).click()
    expect(page.get_by_role("complementary", name=labels["panel"])).to_be_visible()
    return labels


def pick(page, text: str):
    """Click a text on the page; its translation, once in the text box."""
    page.locator("main [data-cde-msg]", has_text=text).first.click()
    box = page.get_by_label(labels_of(page)["translation"], exact=True)
    expect(box).to_have_value(re.compile("."))
    return box


def focused(page, script: str):
    """`script` evaluated on the focused element, `el`."""
    return page.evaluate(f"(() => {{ const el = document.activeElement; return {script}; }})()")


def test_a_saved_translation_shows_on_the_page_and_changes_one_msgstr(studio_server, tab):
    before = strings(studio_server.po)
    tab.goto(ABOUT)
    labels = open_panel(tab)
    # A search made first, whose results the translator is going down.
    search, results = tab.get_by_label(labels["search"]), tab.locator(".cde-studio-results li")
    search.fill("INEGI")
    search.press("Enter")
    expect(results.first).to_be_visible()
    found = results.all_inner_texts()
    box = pick(tab, INEGI)
    old = box.input_value()
    new = old.replace("es el organismo", "es el órgano", 1)
    assert new != old
    box.fill(new)
    with tab.expect_navigation():
        tab.get_by_role("button", name=labels["save"], exact=True).click()

    # After the reload: the page says it, the panel is back on the text, and on the
    # same search, whose results are there still.
    expect(tab.get_by_role("status").filter(has_text=labels["saved"])).to_have_count(1)
    expect(tab.locator("main")).to_contain_text(
        "El Instituto Nacional de Estadística y Geografía es el órgano")
    expect(tab.get_by_label(labels["translation"], exact=True)).to_have_value(new)
    expect(search).to_have_value("INEGI")
    expect(results).to_have_count(len(found))
    after = strings(studio_server.po)
    changed = {key for key in before if before[key] != after.get(key)}
    assert len(changed) == 1 and after[changed.pop()] == new
    assert after.keys() == before.keys()
    # Another page starts with an empty search.
    tab.goto("/es/contacto/")
    expect(tab.get_by_role("complementary", name=labels["panel"])).to_be_visible()
    expect(search).to_have_value("")


def test_a_broken_placeholder_is_refused_and_nothing_is_written(studio_server, tab):
    before = studio_server.po.read_bytes()
    tab.goto(ABOUT)
    labels = open_panel(tab)
    box = pick(tab, YEARS_ON_PAGE)
    expect(tab.locator(".cde-studio-english")).to_have_text(YEARS)
    typed = box.input_value().replace("%(years)s", "%(años)s")
    box.fill(typed)
    tab.evaluate("window.notReloaded = true")
    tab.get_by_role("button", name=labels["save"], exact=True).click()

    # Right under the refusal, the problem it names, in the panel's words, with
    # its fix; no "None" anywhere to contradict it.
    expect(tab.get_by_role("status")).to_have_text(
        "Not saved: 1 problem, listed below, needs mending first.")
    problems = tab.get_by_role("region", name=labels["problems"])
    expect(problems.get_by_role("listitem")).to_have_text(
        ["%(años)s should be %(years)s, as in the English. Write %(years)s"])
    expect(problems.get_by_role("listitem")).to_be_in_viewport(ratio=1)
    # Each placeholder a token, the one typed with a Spanish name too.
    expect(problems.locator("code.cde-studio-token")).to_have_text(
        ["%(años)s", "%(years)s", "%(years)s"])
    expect(tab.locator(".cde-studio-none", has_text=re.compile("^None$"))
           ).to_have_count(0)
    # No reload; the typed text is kept, in focus, to be mended.
    assert tab.evaluate("window.notReloaded") is True
    expect(box).to_have_value(typed)
    expect(box).to_be_focused()
    expect(tab.locator("main")).to_contain_text(
        "actualizaciones presentadas en 2015, 2019 y 2022.")
    tab.reload()
    expect(tab.locator("main")).to_contain_text(
        "actualizaciones presentadas en 2015, 2019 y 2022.")
    assert studio_server.po.read_bytes() == before


def test_keyboard_alone_opens_picks_edits_and_saves(studio_server, tab):
    tab.goto(ABOUT)
    labels = labels_of(tab)
    for _ in range(MAX_TAB_STOPS):
        tab.keyboard.press("Tab")
        if focused(tab, "el.getAttribute('aria-controls') !== null"
                   " && el.textContent === " + json.dumps(labels["open"])):
            break
    else:
        pytest.fail("the studio's toggle is not reachable with Tab")
    tab.keyboard.press("Enter")
    panel = tab.get_by_role("complementary", name=labels["panel"])
    expect(panel).to_be_visible()
    assert focused(tab, "el.tagName === 'H2' && !!el.closest('aside')")

    for _ in range(MAX_TAB_STOPS):
        tab.keyboard.press("Tab")
        if focused(tab, "el.tagName === 'BUTTON' && !!el.closest('aside')"
                   " && el.textContent.startsWith(" + json.dumps(INEGI[:40]) + ")"):
            break
    else:
        pytest.fail("the INEGI paragraph is not in the panel's list")
    tab.keyboard.press("Enter")
    box = tab.get_by_label(labels["translation"], exact=True)
    expect(box).to_be_focused()
    expect(box).to_have_value(re.compile("^" + INEGI))
    new = box.input_value().replace("es el organismo", "es la institución", 1)
    tab.keyboard.press("Control+a")
    tab.keyboard.type(new)
    tab.keyboard.press("Tab")
    assert focused(tab, "el.textContent") == labels["save"]
    with tab.expect_navigation():
        tab.keyboard.press("Enter")

    expect(tab.get_by_role("status")).to_have_text(labels["saved"])
    expect(tab.locator("main")).to_contain_text("es la institución")
    assert new in strings(studio_server.po).values()


def test_escape_closes_the_panel_and_links_work_again(tab):
    tab.goto(ABOUT)
    labels = open_panel(tab)
    home = tab.locator("main nav a", has=tab.locator("[data-cde-msg]")).first
    # Open: a link's text is picked, the link not followed.
    home.click()
    expect(tab.get_by_label(labels["translation"], exact=True)).to_have_value(
        re.compile("."))
    assert tab.url.endswith(ABOUT)

    tab.keyboard.press("Escape")
    expect(tab.get_by_role("complementary", name=labels["panel"])).to_be_hidden()
    open_button = tab.get_by_role("button", name=labels["open"])
    expect(open_button).to_be_focused()
    expect(open_button).to_have_attribute("aria-expanded", "false")
    with tab.expect_navigation():
        home.click()
    assert not tab.url.endswith(ABOUT)


def test_closing_the_panel_keeps_the_text_in_view(tab):
    """The page, wider once the panel closes, flows anew, shorter: the text picked
    at the top of the screen, down the page, stays on screen."""
    tab.goto(ABOUT)
    labels = open_panel(tab)
    text = tab.locator("main [data-cde-msg]", has_text=INEGI).first
    text.evaluate("(el) => el.scrollIntoView({ block: 'start' })")
    text.click()
    expect(tab.get_by_label(labels["translation"], exact=True)).to_have_value(re.compile("."))
    tab.keyboard.press("Escape")
    expect(tab.get_by_role("complementary", name=labels["panel"])).to_be_hidden()
    expect(text).to_be_in_viewport()


def test_panel_with_a_text_selected_has_no_wcag_21_aa_violation(tab):
    tab.goto(ABOUT)
    open_panel(tab)
    pick(tab, INEGI)
    results = Axe().run(tab, options=AXE_OPTIONS)
    assert len(results.response["passes"]) >= 10
    violations = results.response["violations"]
    assert not violations, describe(violations)


def test_the_start_page_leads_to_the_text_that_needs_work(studio_server, tab):
    # A text not translated yet: the start page lists it, and its link opens the
    # panel on it, on the page that shows it.
    po = studio_server.po
    po.write_text(po.read_text(encoding="utf-8").replace(
        'msgstr "Dirección postal"', 'msgstr ""', 1), encoding="utf-8")
    tab.goto("/_studio/")
    link = tab.locator("li", has_text="Postal address").get_by_role("link")
    link.click()
    expect(tab).to_have_url(re.compile(r"/es/contacto/#cde-studio=\w+$"))
    labels = labels_of(tab)
    expect(tab.get_by_role("complementary", name=labels["panel"])).to_be_visible()
    expect(tab.locator(".cde-studio-english")).to_have_text("Postal address")
    # The panel's list marks it too, and it alone.
    marked = tab.locator(".cde-studio-texts li", has_text=labels["needs_work"])
    expect(marked).to_have_text([labels["needs_work"] + " Postal address"])
    box = tab.get_by_label(labels["translation"], exact=True)
    box.fill("Domicilio postal")
    tab.get_by_role("button", name=labels["save"], exact=True).click()
    expect(tab.locator("main h2", has_text="Domicilio postal")).to_be_visible()
    expect(tab.locator(".cde-studio-texts li", has_text="Domicilio postal")).to_be_visible()
    expect(marked).to_have_count(0)


def test_where_it_appears_names_the_pages_and_sections_never_a_file(tab):
    """A translator knows a page by its name in the menu, a part of it by its
    section; a template's file:line (`templates/about.html:116`) is the commands'."""
    tab.goto(ABOUT)
    labels = open_panel(tab)
    pick(tab, INEGI)
    where = tab.get_by_role("region", name=labels["where"])
    name = "Acerca del Centro"
    link = where.get_by_role("link", name=name, exact=True)
    expect(link).to_have_attribute("href", re.compile(
        "^" + re.escape(ABOUT) + r"#cde-studio=\w+$"))
    # The heading right above the paragraph (an <h3>).
    expect(where.get_by_role("listitem")).to_have_text([
        name + ", " + labels["in_section"].format(section="INEGI")])
    expect(where).not_to_contain_text("templates/")
    expect(where.locator("code")).to_have_count(0)


@pytest.mark.parametrize("picked_from", ["list", "page", "search"])
def test_on_an_ordinary_screen_the_picked_text_is_in_view(studio_server, new_tab,
                                                           picked_from):
    """At 1280x800, however long the page's list of texts, a text picked shows its
    English, its box and Save without scrolling the panel; one of the longest texts,
    its whole English and the first lines of its box."""
    tab = new_tab(studio_server.url, width=1280, height=800)
    tab.goto(ABOUT)
    labels = open_panel(tab)
    panel = tab.get_by_role("complementary", name=labels["panel"])
    if picked_from == "list":  # the list's last text, at its foot
        item = panel.locator(".cde-studio-texts .cde-studio-item").last
        item.scroll_into_view_if_needed()
        item.click()
    elif picked_from == "page":
        panel.evaluate("(el) => { el.scrollTop = el.scrollHeight; }")
        tab.locator("main [data-cde-msg]", has_text=YEARS_ON_PAGE).first.click()
    else:  # one of the longest texts, found by the panel's search below the list
        panel.get_by_role("searchbox").fill("national territory")
        panel.get_by_role("searchbox").press("Enter")
        panel.locator(".cde-studio-results .cde-studio-item").first.click()
    box = tab.get_by_label(labels["translation"], exact=True)
    expect(box).to_be_focused()
    expect(box).to_have_value(re.compile("."))
    # Nothing scrolled to reach it (a browser scrolls to a focused box, and the
    # translator is left mid-panel, the text's English or its notes cut off): the
    # details sit at the top, under the panel's heading.
    assert panel.evaluate("(el) => el.scrollTop") == 0
    shown = panel.bounding_box()
    bottom = min(shown["y"] + shown["height"], 800)
    whole = [panel.get_by_role("heading", name=labels["panel"], exact=True),
             panel.get_by_role("heading", name=labels["english"], exact=True),
             tab.locator(".cde-studio-english")]
    if picked_from != "search":  # a short text: its whole box and Save too
        whole += [box, panel.get_by_role("button", name=labels["save"], exact=True)]
    for part in whole:
        seen = part.bounding_box()
        assert seen["y"] >= shown["y"] and seen["y"] + seen["height"] <= bottom, (
            part, seen, shown)
    # A long one: its English whole, and the box's first lines, where the caret is.
    assert box.bounding_box()["y"] + 48 <= bottom


def test_the_panel_leads_back_to_the_start_page_which_quotes_in_spanish(
        studio_server, tab):
    po = studio_server.po
    po.write_text(po.read_text(encoding="utf-8").replace(
        'msgstr "Dirección postal"', 'msgstr ""', 1), encoding="utf-8")
    tab.goto(ABOUT)
    labels = open_panel(tab)
    tab.get_by_role("link", name=labels["start_page"]).click()
    expect(tab).to_have_url(re.compile(r"/_studio/$"))
    # The English of a text to do, quoted in Spanish with Spanish marks.
    tab.evaluate("document.documentElement.lang = 'es'")
    assert tab.locator(".cde-studio-todo q").first.evaluate(
        "(q) => getComputedStyle(q).quotes") == '"«" "»" "“" "”"'


def test_a_text_opened_by_its_address_is_in_the_middle_of_the_screen(tab):
    """Opened from a link (the start page's, "Where it appears"), a text in the
    middle of a long page is scrolled to the middle of the screen, not left at its
    edge."""
    tab.goto(ABOUT)
    text = tab.locator("main [data-cde-msg]", has_text=INEGI).first
    msg = text.get_attribute("data-cde-msg")
    tab.goto("/es/")
    tab.goto(ABOUT + "#cde-studio=" + msg)
    expect(tab.locator(".cde-studio-textarea")).to_have_value(re.compile(INEGI))
    tab.wait_for_function("() => { const y = window.scrollY; return new Promise("
                          "(done) => setTimeout(() => done(window.scrollY === y), 300)); }")
    shown, height = text.bounding_box(), tab.viewport_size["height"]
    assert height / 4 < shown["y"] + shown["height"] / 2 < height * 3 / 4, shown
