"""What the studio's panel gives a translator to read, in a real Chromium: a search's
results, each with its page, those holding the words as typed apart from the rest;
the English of a text to review, as it changed; a text picked beside its words."""
import re

from playwright.sync_api import expect

from tests.browser.test_studio_panel import ABOUT, open_panel

# A mark whose words run on into a letter: a word found inside another ("de" in
# "delincuencia", "la" in "Latin").
MARKS_INSIDE_WORDS = r"""() => [...document.querySelectorAll('.cde-studio-results mark')]
  .filter((mark) => /\p{L}$/u.test(mark.previousSibling ? mark.previousSibling.textContent : '')
                 || /^\p{L}/u.test(mark.nextSibling ? mark.nextSibling.textContent : ''))
  .map((mark) => mark.parentNode.textContent)"""


def test_search_results_name_their_page_and_set_apart_the_words_apart(studio_server,
                                                                      new_tab):
    tab = new_tab(studio_server.url)
    tab.goto(ABOUT)
    labels = open_panel(tab)
    panel = tab.get_by_role("complementary", name=labels["panel"])
    box = panel.get_by_role("searchbox")
    box.fill("de la")
    box.press("Enter")
    results = panel.locator(".cde-studio-results")
    # Two lists: the texts that hold "de la" as typed, then, under a heading of their
    # own, those that hold "de" and "la" apart.
    expect(results.locator("ul")).to_have_count(2)
    expect(results.locator(".cde-studio-apart")).to_have_text([labels["apart"]])
    assert results.locator("ul").first.locator("mark").all_inner_texts()[0].lower() == "de la"
    # Short words are found as words only, never inside others.
    assert tab.locator(".cde-studio-results mark").count() > 0
    assert tab.evaluate(MARKS_INSIDE_WORDS) == []
    # Each result says which page it is on, by the menu's name (or that it is on none).
    pages = set(results.locator(".cde-studio-result-page").all_inner_texts())
    named = {labels["on_page"].replace("{page}", name)
             for name in ("Inicio", "Acerca del Centro", "Contacto", "Página no encontrada")}
    assert labels["on_page"].replace("{page}", "Acerca del Centro") in pages
    assert pages <= named | {labels["on_no_page"]}
    # Emptied, the search takes its results and their count away.
    box.fill("")
    expect(results.locator("li")).to_have_count(0)
    expect(panel.locator(".cde-studio-found")).to_have_text("")


def test_a_text_to_review_shows_how_its_english_changed(studio_server, new_tab):
    po = studio_server.po
    text = po.read_text(encoding="utf-8")
    po.write_text(text.replace('\nmsgid "What is the Center of Excellence?"', (
        '\n#, fuzzy\n#| msgid "What is the Centre of Excellence?"\n'
        'msgid "What is the Center of Excellence?"'), 1), encoding="utf-8")
    tab = new_tab(studio_server.url)
    tab.goto(ABOUT)
    labels = open_panel(tab)
    tab.locator("main h2 [data-cde-msg]", has_text="What is the Center").click()
    changed = tab.locator(".cde-studio-changed")
    # A sentence that says how to read it, then the words: no [- -] or {+ +} to decode.
    expect(changed.locator(".cde-studio-changed-said")).to_have_text(labels["changed"])
    expect(changed.locator("del")).to_have_text(["Centre"])
    expect(changed.locator("ins")).to_have_text(["Center"])
    expect(changed).not_to_contain_text("[-")
    expect(changed).not_to_contain_text("{+")


def test_a_click_beside_the_words_of_a_line_picks_its_text(studio_server, new_tab):
    """Between the lines of a list item, or after its last word, the click lands on
    the item itself: its one text is picked, as a click on the words would."""
    tab = new_tab(studio_server.url)
    tab.goto(ABOUT)
    labels = open_panel(tab)
    item = tab.locator("main li", has=tab.locator("[data-cde-msg]")).filter(
        has_text="capacitación").first
    item.dispatch_event("click")
    box = tab.get_by_label(labels["translation"], exact=True)
    expect(box).to_have_value(re.compile("capacitación"))
