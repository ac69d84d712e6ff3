"""What the studio's panel gives a translator to read, in a real Chromium: a search's
results, each with its page, those holding the words as typed apart from the rest;
the English of a text to review, as it changed; a text picked beside its words."""
import re

from playwright.sync_api import expect

from tests.browser.test_studio_panel import ABOUT, YEARS_ON_PAGE, labels_of, open_panel

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
    # Each result says which page it is on: this one, another by the menu's name, or
    # none.
    pages = set(results.locator(".cde-studio-result-page").all_inner_texts())
    named = {labels["on_page"].replace("{page}", name)
             for name in ("Inicio", "Contacto", "Página no encontrada")}
    assert labels["on_this_page"] in pages and pages & named
    assert pages <= named | {labels["on_this_page"], labels["on_no_page"]}
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


def test_a_text_typed_and_not_saved_comes_back_when_its_text_is_chosen_again(
        studio_server, new_tab):
    tab = new_tab(studio_server.url)
    tab.goto(ABOUT)
    labels = open_panel(tab)
    box = tab.get_by_label(labels["translation"], exact=True)
    tab.locator("main li [data-cde-msg]", has_text="capacitación").click()
    expect(box).to_have_value(re.compile("capacitación"))
    box.fill("Organiza cursos en línea y presenciales.")
    # Another text chosen on the page, then another page: the typed text is kept.
    tab.locator("main li [data-cde-msg]", has_text="normas").click()
    expect(box).to_have_value(re.compile("normas"))
    tab.goto("/es/contacto/")
    tab.goto(ABOUT)
    expect(tab.get_by_role("complementary", name=labels["panel"])).to_be_visible()
    status = tab.locator(".cde-studio-status")
    # The other text has its own translation, no draft of the first.
    tab.locator("main li [data-cde-msg]", has_text="normas").click()
    expect(box).to_have_value(re.compile("normas"))
    expect(status).not_to_have_text(labels["draft_back"])
    tab.locator("main li [data-cde-msg]", has_text="capacitación").click()
    expect(box).to_have_value("Organiza cursos en línea y presenciales.")
    expect(status).to_have_text(labels["draft_back"])
    # The file's text is a button away.
    tab.get_by_role("button", name=labels["use_theirs"]).click()
    expect(box).to_have_value("Organiza actividades de capacitación en línea y presenciales.")
    # Typed against a text the file no longer has: both versions, side by side.
    box.fill("Organiza cursos en línea y presenciales.")
    tab.locator("main li [data-cde-msg]", has_text="normas").click()
    expect(box).to_have_value(re.compile("normas"))
    po = studio_server.po
    po.write_text(po.read_text(encoding="utf-8").replace(
        "Organiza actividades de capacitación", "Organiza actividades de formación", 1),
        encoding="utf-8")
    tab.reload()
    tab.locator("main li [data-cde-msg]", has_text="actividades de formación").click()
    kept = tab.locator(".cde-studio-kept")
    expect(kept).to_be_visible()
    expect(kept).to_contain_text("Organiza cursos en línea y presenciales.")
    expect(kept).to_contain_text("Organiza actividades de formación en línea y presenciales.")


def test_the_start_pages_search_goes_on_in_the_panel(studio_server, new_tab):
    """A result of the start page opens its text with the same search in the panel,
    the result open marked there; one on this page says so (a menu label is on all)."""
    tab = new_tab(studio_server.url)
    tab.goto("/_studio/?q=Centro")
    tab.locator(".cde-studio-results a").first.click()
    labels = labels_of(tab)
    panel = tab.get_by_role("complementary", name=labels["panel"])
    expect(panel.get_by_role("searchbox")).to_have_value("Centro")
    results = panel.locator(".cde-studio-results .cde-studio-item")
    expect(results.first).to_be_visible()
    expect(panel.locator('.cde-studio-results [aria-current="true"]')).to_have_count(1)
    expect(panel.locator(".cde-studio-results .cde-studio-result-page").filter(
        has_text=labels["on_this_page"])).not_to_have_count(0)


def test_a_term_written_as_it_is_and_a_length_warning_that_follows_the_text(
        studio_server, new_tab):
    tab = new_tab(studio_server.url)
    tab.goto(ABOUT)
    labels = open_panel(tab)
    tab.locator("main [data-cde-msg]", has_text="El Centro de Excelencia para").first.click()
    terms = tab.get_by_role("region", name=labels["terms"])
    expect(terms.get_by_role("listitem").filter(has_text="UNODC")).to_have_text(
        ["UNODC " + labels["same_term"]])
    # A menu label much too long: warned; shortened, the warning counts, then goes.
    tab.locator("nav.main-nav [data-cde-msg]", has_text="Contacto").click()
    box = tab.get_by_label(labels["translation"], exact=True)
    expect(box).to_have_value("Contacto")
    box.fill("Contacto con el Centro de Excelencia UNODC-INEGI")
    tab.locator(".cde-studio-save").click()
    status = tab.locator(".cde-studio-status")
    expect(status).to_contain_text("48")
    box.fill("Contacto con el Centro de Excelencia")
    expect(status).to_contain_text("36")
    box.fill("Contacto")
    expect(status).to_have_text("")


def test_a_missing_placeholder_goes_back_where_the_english_has_it(studio_server, new_tab):
    """The cursor may be anywhere (here at the start): the button puts %(years)s
    where the English has it, with its space, and selects it."""
    tab = new_tab(studio_server.url)
    tab.goto(ABOUT)
    labels = open_panel(tab)
    tab.locator("main [data-cde-msg]", has_text=YEARS_ON_PAGE).first.click()
    box = tab.get_by_label(labels["translation"], exact=True)
    expect(box).to_have_value(re.compile("%\\(years\\)s"))
    whole = box.input_value()
    box.fill(whole.replace(" %(years)s", ""))
    box.press("Control+Home")
    tab.locator(".cde-studio-save").click()
    tab.get_by_role("button", name="Add %(years)s").click()
    expect(box).to_have_value(whole)
    assert tab.evaluate("() => { const b = document.activeElement; "
                        "return b.value.slice(b.selectionStart, b.selectionEnd); }") == "%(years)s"
    expect(tab.locator(".cde-studio-status")).to_have_text(labels["placed"])
