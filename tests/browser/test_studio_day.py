"""A translator's day in the translation studio, in a real Chromium, by keyboard
alone, in Spanish and in English (the studio speaks the translator's language,
LANGUAGE here): from the start page's search to a text on its page, saved; a
refusal mended with the panel's own button; a text found from the panel, on no
page at all. Then what the panel shows after a conflict, where the toggle sits,
how placeholders show, and axe on every state of the studio.

The words the tests look for are written out below, in each language.
"""
import json
import re

import pytest
from axe_playwright_python.sync_playwright import Axe
from babel.messages.pofile import read_po
from playwright.sync_api import expect

from tests.projectcopy import YEARS
from tests.browser.test_axe import AXE_OPTIONS, describe

# What the translator reads, in each language the studio speaks.
WORDS = {
    "es": {
        "saved": "Guardado: la página ya lo muestra.",
        "saved_elsewhere": "Guardado.",
        "not_saved": "No se guardó: primero debe corregir 1 problema, que se indica "
                     "abajo.",
        "renamed": "%(años)s debe ser %(years)s, como en el texto en inglés.",
        "fix": "Escribir %(years)s",
        "found": "1 texto contiene «no permitida».",
        "start_found": "textos contienen «postal address».",
        "close": "Cerrar el estudio", "open": "Traducir esta página",
        "no_notes": "Los desarrolladores no dejaron notas sobre este texto.",
        "title": "Estudio de traducción",
        "elsewhere": "Este texto no está en esta página: «Dónde aparece» indica dónde "
                     "está.",
        "nowhere": "Ninguna página muestra este texto por ahora: es de una página de "
                   "error o es un texto que ya no se usa.",
    },
    "en": {
        "saved": "Saved: the page shows it.",
        "saved_elsewhere": "Saved.",
        "not_saved": "Not saved: 1 problem, listed below, needs mending first.",
        "renamed": "%(años)s should be %(years)s, as in the English.",
        "fix": "Write %(years)s",
        "found": "1 text holds “no permitida”.",
        "start_found": "texts hold “postal address”.",
        "close": "Close the studio", "open": "Translate this page",
        "no_notes": "The developers left no note on this text.",
        "title": "Translation studio",
        "elsewhere": "This text is not on this page: “Where it appears” says where it "
                     "is.",
        "nowhere": "No page shows this text now: an error page, or a text no longer "
                   "used.",
    },
}
MAX_TAB_STOPS = 150


@pytest.fixture(params=["es", "en"])
def speaks(request, monkeypatch):
    """The language the studio speaks to the translator (their computer's)."""
    monkeypatch.setenv("LANGUAGE", request.param)
    return request.param


@pytest.fixture
def spanish(monkeypatch):
    """A translator whose computer speaks Spanish."""
    monkeypatch.setenv("LANGUAGE", "es")


@pytest.fixture
def tab(studio_server, new_tab):
    opened = new_tab(studio_server.url)
    violations = []
    opened.on("console", lambda message: violations.append(message.text)
              if "Content Security Policy" in message.text else None)
    yield opened
    assert not violations, violations


def tab_to(page, condition: str, backwards=False):
    """Press Tab (Shift+Tab) until the focused element, `el`, meets `condition`."""
    for _ in range(MAX_TAB_STOPS):
        page.keyboard.press("Shift+Tab" if backwards else "Tab")
        if page.evaluate(f"(() => {{ const el = document.activeElement; "
                         f"return !!({condition}); }})()"):
            return
    pytest.fail(f"no Tab stop where {condition}")


def catalog(po) -> dict:
    with open(po, "rb") as file:
        return {m.id: m.string for m in read_po(file) if m.id}


def test_a_whole_day_by_keyboard(studio_server, tab, speaks):
    words = WORDS[speaks]
    tab.goto("/_studio/")
    expect(tab).to_have_title(words["title"])
    # The start page's search, by the English words of a text.
    tab_to(tab, "el.type === 'search'")
    tab.keyboard.type("postal address")
    with tab.expect_navigation():
        tab.keyboard.press("Enter")
    # Counted over every language of the site; Spanish's part, by its links, is 3.
    found = re.compile(rf"^\d+ {re.escape(words['start_found'])}$")
    expect(tab.get_by_role("heading", name=found)).to_be_visible()
    expect(tab.locator('.cde-studio-results a[href^="/es/"]')).to_have_count(3)
    tab_to(tab, "el.matches('.cde-studio-results a[href^=\"/es/\"]') && "
           "el.closest('li').querySelector('q').textContent === 'Postal address'")
    with tab.expect_navigation():
        tab.keyboard.press("Enter")
    # The page that shows it, the panel open on it, the caret in the text box.
    expect(tab).to_have_url(re.compile(r"/es/contacto/#cde-studio=\w+$"))
    box = tab.locator("#cde-studio-translation")
    expect(box).to_be_focused()
    expect(box).to_have_value("Dirección postal")
    tab.keyboard.press("Control+a")
    tab.keyboard.type("Domicilio postal")
    tab.keyboard.press("Tab")
    with tab.expect_navigation():
        tab.keyboard.press("Enter")
    expect(tab.get_by_role("status").first).to_have_text(words["saved"])
    expect(tab.locator("main")).to_contain_text("Domicilio postal")
    assert catalog(studio_server.po)["Postal address"] == "Domicilio postal"

    # From the panel's search, a text of another page: refused, mended by the
    # panel's button, saved.
    tab_to(tab, "el.id === 'cde-studio-search'")
    tab.keyboard.type("informado")
    tab.keyboard.press("Enter")
    tab_to(tab, "el.closest('.cde-studio-results') && el.tagName === 'BUTTON'")
    tab.keyboard.press("Enter")
    expect(box).to_be_focused()
    expect(tab.locator(".cde-studio-english")).to_have_text(YEARS)
    expect(tab.locator(".cde-studio-elsewhere")).to_have_text(words["elsewhere"])
    typed = box.input_value().replace("%(years)s", "%(años)s")
    tab.keyboard.press("Control+a")
    tab.keyboard.type(typed)
    tab.keyboard.press("Control+Enter")
    expect(tab.locator(".cde-studio-status")).to_have_text(words["not_saved"])
    expect(tab.locator(".cde-studio-problems li")).to_have_text(
        [words["renamed"] + " " + words["fix"]])
    tab_to(tab, "el.classList.contains('cde-studio-fix')")
    tab.keyboard.press("Enter")
    expect(box).to_be_focused()
    expect(box).to_have_value(typed.replace("%(años)s", "%(years)s"))
    tab.keyboard.press("Tab")
    with tab.expect_navigation():
        tab.keyboard.press("Enter")
    # Saved from this page's panel, a text of another page: the page shows no change.
    expect(tab.locator(".cde-studio-status")).to_have_text(words["saved_elsewhere"])
    expect(tab.locator(".cde-studio-english")).to_have_text(YEARS)

    # A text no page shows (the 405 page's), found by its translation.
    tab_to(tab, "el.id === 'cde-studio-search'")
    tab.keyboard.press("Control+a")
    tab.keyboard.type("no permitida")
    tab.keyboard.press("Enter")
    expect(tab.locator(".cde-studio-found")).to_have_text(words["found"])
    # The words found are highlighted as the phrase typed: in the translation, not
    # in "not" of the English under it.
    expect(tab.locator(".cde-studio-results mark")).to_have_text(["no permitida"])
    tab_to(tab, "el.closest('.cde-studio-results') && el.tagName === 'BUTTON'")
    tab.keyboard.press("Enter")
    expect(tab.locator(".cde-studio-english")).to_have_text("Request not allowed")
    # On no page at all: said at the top, as plainly as "Where it appears" says it.
    expect(tab.locator(".cde-studio-elsewhere")).to_have_text(words["nowhere"])
    expect(tab.locator(".cde-studio-notes li")).to_have_text([words["no_notes"]])
    tab.keyboard.press("Control+a")
    tab.keyboard.type("Solicitud no admitida")
    with tab.expect_navigation():
        tab.keyboard.press("Control+Enter")
    expect(tab.locator(".cde-studio-status")).to_have_text(words["saved_elsewhere"])
    assert catalog(studio_server.po)["Request not allowed"] == "Solicitud no admitida"

    # Escape closes the panel; the toggle has the focus, and says what it does.
    tab.keyboard.press("Escape")
    toggle = tab.get_by_role("button", name=words["open"])
    expect(toggle).to_be_focused()
    expect(tab.locator("#cde-studio-panel")).to_be_hidden()


def test_after_a_conflict_the_page_shows_the_files_text_and_keeps_mine(
        studio_server, tab):
    tab.goto("/es/contacto/#cde-studio")
    tab.locator("main [data-cde-msg]", has_text=re.compile("^Dirección postal$")
                ).click()
    box = tab.locator("#cde-studio-translation")
    expect(box).to_have_value("Dirección postal")
    # Meanwhile, the translator changes the same text in the file, in an editor.
    po = studio_server.po
    po.write_text(po.read_text(encoding="utf-8").replace(
        'msgstr "Dirección postal"', 'msgstr "Domicilio postal"', 1), encoding="utf-8")
    box.fill("Domicilio para correspondencia")
    with tab.expect_navigation():
        tab.locator(".cde-studio-save").click()
    # The page shows the file's text; the box too; mine is kept beside it.
    expect(tab.locator("main h2", has_text="Domicilio postal")).to_be_visible()
    expect(box).to_have_value("Domicilio postal")
    kept = tab.locator(".cde-studio-kept")
    expect(kept).to_be_visible()
    # Said where "Saved" would be.
    labels = json.loads(tab.locator('meta[name="cde-studio"]').get_attribute("data-labels"))
    expect(tab.locator(".cde-studio-status")).to_have_text(labels["not_saved_conflict"])
    # Both versions stay in sight, each a button away from the box, the words that
    # differ marked in each.
    expect(kept.locator(".cde-studio-kept-text")).to_have_text(
        ["Domicilio para correspondencia", "Domicilio postal"])
    expect(kept.locator(".cde-studio-kept-text mark")).to_have_text(
        ["para", "correspondencia", "postal"])
    kept.locator("button").nth(1).click()  # the file's version
    expect(box).to_have_value("Domicilio postal")
    kept.locator("button").first.click()  # put my text in the box
    expect(box).to_have_value("Domicilio para correspondencia")
    expect(box).to_be_in_viewport()  # and said so where the box is
    expect(tab.locator(".cde-studio-status")).not_to_be_empty()
    expect(kept.locator(".cde-studio-kept-text")).to_have_text(
        ["Domicilio para correspondencia", "Domicilio postal"])
    with tab.expect_navigation():
        tab.locator(".cde-studio-save").click()
    expect(tab.locator("main h2", has_text="Domicilio para correspondencia")
           ).to_be_visible()
    expect(kept).to_be_hidden()  # saved: nothing left to merge


def test_a_reload_reopens_the_text_shown_not_the_one_the_link_opened(tab):
    tab.goto("/es/contacto/#cde-studio")
    tab.locator("main [data-cde-msg]", has_text=re.compile("^Dirección postal$")).click()
    first = tab.evaluate("location.hash")
    tab.goto("/es/")  # away, then back by the link that names the first text
    tab.goto("/es/contacto/" + first)
    expect(tab.locator(".cde-studio-english")).to_have_text("Postal address")
    tab.locator("main h1 [data-cde-msg]").click()
    expect(tab.locator(".cde-studio-english")).to_have_text("Contact")
    tab.reload()
    expect(tab.locator(".cde-studio-english")).to_have_text("Contact")


def test_the_toggle_never_covers_the_panel(tab):
    tab.goto("/es/acerca/#cde-studio")
    tab.locator("main [data-cde-msg]", has_text="La UNODC y el INEGI").first.click()
    panel = tab.locator("#cde-studio-panel")
    expect(tab.locator("#cde-studio-translation")).to_have_value(re.compile("."))
    panel.evaluate("(el) => { el.scrollTop = el.scrollHeight; }")
    # At the foot once the scroll has settled (it may be animated).
    tab.wait_for_function("(el) => el.scrollTop + el.clientHeight >= el.scrollHeight - 1",
                          arg=panel.element_handle())
    last = panel.locator("li").last  # the last text of the list, at the foot
    toggle = tab.locator(".cde-studio-toggle").bounding_box()
    shown = panel.bounding_box()
    assert toggle["y"] >= shown["y"] + shown["height"]  # below the panel's box
    box = last.bounding_box()
    assert box["y"] + box["height"] <= shown["y"] + shown["height"]
    # What is at the last line's place is the last line, not the toggle.
    assert last.evaluate("(el) => { const r = el.getBoundingClientRect(); return "
                         "el.contains(document.elementFromPoint(r.x + 5, "
                         "r.y + r.height / 2)); }")


@pytest.mark.parametrize("width", [1280, 320])
def test_a_placeholder_is_one_token_never_cut_across_lines(studio_server, new_tab,
                                                           width):
    tab = new_tab(studio_server.url, width=width)
    tab.goto("/es/acerca/#cde-studio")
    # From the panel's list: on a phone the panel covers the page.
    tab.locator(".cde-studio-list button", has_text="La UNODC y el INEGI").click()
    token = tab.locator(".cde-studio-english code.cde-studio-token")
    expect(token).to_have_text(["%(years)s"])
    assert token.evaluate("(el) => el.getClientRects().length") == 1
    assert token.get_attribute("translate") == "no"


@pytest.mark.usefixtures("spanish")
def test_the_list_shows_every_text_in_the_translators_language(studio_server, tab):
    tab.goto("/es/acerca/#cde-studio")
    items = tab.locator(".cde-studio-list .cde-studio-item")
    hidden = tab.locator(".cde-studio-hidden-text")
    expect(hidden.first).to_be_visible()
    spanish = set(catalog(studio_server.po).values())
    places = {"(en el título de la página)", "(no se ve en pantalla: para lectores "
              "de pantalla o buscadores)"}
    for item in items.all():
        place = item.locator(".cde-studio-place")
        text = item.inner_text()
        if place.count():
            assert place.inner_text() in places
            text = text.removeprefix(place.inner_text()).strip()
        assert any(each.startswith(text.rstrip("…")) for each in spanish), text
    # Those no element can hold, in Spanish too (they showed the English).
    unseen = "(no se ve en pantalla: para lectores de pantalla o buscadores) "
    expect(hidden).to_have_text([
        unseen + "Qué es el Centro de Excelencia UNODC-INEGI, qué hace, qué "
        "instituciones lo resp…", unseen + "Idioma", unseen + "Menú principal",
        unseen + "Ruta de navegación"])


@pytest.mark.usefixtures("spanish")
def test_a_text_much_longer_than_a_menu_label_warns_before_it_is_saved(
        studio_server, tab):
    tab.goto("/es/acerca/#cde-studio")
    tab.locator("nav.main-nav [data-cde-msg]", has_text="Acerca del Centro").click()
    box = tab.locator("#cde-studio-translation")
    expect(box).to_have_value("Acerca del Centro")
    before = studio_server.po.read_bytes()
    box.fill("Acerca del Centro de Excelencia de la UNODC y el INEGI")  # 54 > 19
    tab.locator(".cde-studio-save").click()
    expect(tab.locator(".cde-studio-status")).to_have_text(
        "Esta traducción tiene 54 caracteres; el texto en inglés, 5. Aparece en la "
        "navegación, donde el espacio es reducido: acórtela a 19 caracteres o menos, o "
        "pulse «Guardar» otra vez "
        "para guardarla así.")
    assert studio_server.po.read_bytes() == before  # a warning: nothing written yet
    with tab.expect_navigation():
        tab.locator(".cde-studio-save").click()
    assert catalog(studio_server.po)["About"] == (
        "Acerca del Centro de Excelencia de la UNODC y el INEGI")


def axe_clean(page):
    results = Axe().run(page, options=AXE_OPTIONS)
    assert len(results.response["passes"]) >= 10
    assert not results.response["violations"], describe(results.response["violations"])


def test_no_wcag_21_aa_violation_in_any_state_of_the_studio(studio_server, tab,
                                                            speaks):
    po = studio_server.po
    po.write_text(po.read_text(encoding="utf-8").replace(
        'msgstr "Dirección postal"', 'msgstr ""', 1), encoding="utf-8")
    tab.goto("/_studio/?q=postal")  # a search's results, and work to do
    axe_clean(tab)
    tab.goto("/es/acerca/#cde-studio")
    tab.locator("main [data-cde-msg]", has_text="La UNODC y el INEGI").first.click()
    box = tab.locator("#cde-studio-translation")
    box.fill(box.input_value().replace("%(years)s", "%(años)s"))
    tab.locator(".cde-studio-save").click()  # refused: the problems and their fix
    expect(tab.locator(".cde-studio-problems")).to_be_visible()
    tab.locator("#cde-studio-search").fill("página")
    tab.locator("#cde-studio-search").press("Enter")
    expect(tab.locator(".cde-studio-results li").first).to_be_visible()
    axe_clean(tab)
    labels = json.loads(tab.locator('meta[name="cde-studio"]').get_attribute(
        "data-labels"))
    assert labels["close"] == WORDS[speaks]["close"]
