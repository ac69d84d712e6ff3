"""The translation studio's start page (/_studio/, cde/translator/studio.py): a way
in for a translator who knows no address. Each language's progress as a bar a
screen reader reads as text, counted as `translate status` counts; the site's pages,
each linked in studio mode; what needs work, in the studio's words; and a search of
every text of the site by its English or its translation, error pages included.
"""
import html as html_module
import re
import shutil

import pytest

from cde.translator import catalogs
from cde.translator.studio import message_id
from tests.htmltext import HtmlText
from tests.projectcopy import ES, YEARS, replace_in, studio_for

STUDIO = "http://127.0.0.1:5099"


@pytest.fixture
def studio(project):
    catalogs.compile_catalogs(catalogs.Project(project, project / "translations"))
    return studio_for(project, STUDIO), project


@pytest.fixture
def spanish_only_studio(project):
    """The studio of a copy whose one catalog is Spanish's, whatever other languages
    translations/ holds: a search's count and results are those of Spanish alone."""
    for folder in (project / "translations").iterdir():
        if folder.is_dir() and folder.name != "es":
            shutil.rmtree(folder)
    catalogs.compile_catalogs(catalogs.Project(project, project / "translations"))
    return studio_for(project, STUDIO), project


def start(app, query=""):
    """The start page, read as a visitor reads it, and its HTML."""
    html = app.test_client().get("/_studio/" + query, base_url=STUDIO).get_data(
        as_text=True)
    return HtmlText(html), html


def spanish(html):
    """The start page's section on Spanish, under its heading (other languages have
    sections of their own): its HTML, and read as a visitor reads it."""
    begin = html.index('<section class="cde-studio-language" '
                       'aria-labelledby="cde-studio-es">')
    section = html[begin:html.index("</section>", begin) + len("</section>")]
    return HtmlText(section), section


def total(root):
    with (root / "translations" / "messages.pot").open(encoding="utf-8") as pot:
        return pot.read().count("\nmsgid ") - 1  # the header's msgid "" is no text


def test_everything_translated_the_start_page_leads_to_every_page(studio):
    app, root = studio
    whole, full = start(app)
    page, html = spanish(full)
    count = total(root)
    assert "Spanish (es)" in page.texts
    # The bar, and the words a screen reader reads for it, which show beside it.
    bar = re.search(r"<progress [^>]*>", html).group(0)
    done = f"100% done: {count} of {count} texts translated."
    assert f'max="{count}" value="{count}"' in bar
    assert f'aria-valuetext="{done}"' in bar
    assert 'aria-labelledby="cde-studio-es"' in bar
    assert page.texts.count(done) == 2  # the bar's fallback, and the words beside it
    # Nothing left, so no row of zeros under the bar.
    assert not [text for text in page.texts if "not translated yet" in text]
    # Every page of the language, by its name in the menu (an error page: by its
    # heading), opening the panel on it.
    assert [(a["href"], a["text"]) for a in page.anchors] == [
        ("/es/#cde-studio", "Inicio"),
        ("/es/acerca/#cde-studio", "Acerca del Centro"),
        ("/es/contacto/#cde-studio", "Contacto"),
        ("/es/404.html#cde-studio", "Página no encontrada"),
    ]
    assert "Nothing needs work in this language." in page.texts
    assert "None" not in whole.texts


def test_a_text_the_site_shows_despite_a_problem_is_counted_apart(studio):
    # A forbidden variant is shown all the same (it is no broken placeholder): the
    # counts alone would say nothing is refused while the list shows it.
    app, root = studio
    replace_in(root / ES, 'msgstr "Contacto"', 'msgstr "Contactar con la ONUDD"')
    page, _ = start(app)
    assert "1 text the site shows has a problem the check reports: see below." \
        in page.texts
    assert any('"ONUDD"' in text for text in page.texts)


def test_what_needs_work_is_said_in_the_studios_words_and_counted_per_page(studio):
    app, root = studio
    replace_in(root / ES, 'msgstr "Dirección postal"', 'msgstr ""')
    replace_in(root / ES, "presentadas en %(years)s.", "presentadas en %(años)s.")
    _, full = start(app)
    page, html = spanish(full)
    count = total(root)
    assert (f"{100 * (count - 2) // count}% done: {count - 2} of {count} texts "
            "translated.") in page.texts
    # Counted as `translate status` counts: the broken placeholder is refused, not
    # "not translated yet".
    assert "0 to review (the English changed), 1 refused by a check, 1 not translated "\
        "yet." in page.texts
    pages = {a["href"]: a["text"] for a in page.anchors}
    assert pages["/es/contacto/#cde-studio"] == "Contacto"
    assert "(1 text needs work)" in html.split('href="/es/contacto/#cde-studio"')[1] \
        .split("</li>")[0]
    todo = re.findall(
        r'<li><q><span lang="en" dir="ltr">(.*?)</span></q>\s*(.*?)\s*<a href="(.*?)">',
        html, re.S)
    assert [(english, re.sub(r"<[^>]+>", " ", said).split(), link)
            for english, said, link in todo] == [
        ("UNODC and INEGI have reported to the Statistical Commission on the "
         "implementation of the activities of the road map...",
         "%(años)s should be %(years)s, as in the English.".split(),
         f"/es/acerca/#cde-studio={message_id(None, YEARS)}"),
        ("Postal address", "Not translated yet: the site shows the English.".split(),
         f"/es/contacto/#cde-studio={message_id(None, 'Postal address')}"),
    ]
    # Each link names the page it opens, as the menu says it.
    assert pages[f"/es/contacto/#cde-studio={message_id(None, 'Postal address')}"] == \
        "Open on the page “Contacto”"
    assert not re.search(r"messages\.po:\d|msgid|msgstr", full)


def test_a_text_no_page_shows_opens_in_the_panel_and_says_so(studio):
    app, root = studio
    replace_in(root / ES, 'msgstr "Solicitud no permitida"', 'msgstr ""')
    page, _ = spanish(start(app)[1])
    assert [(a["href"], a["text"]) for a in page.anchors][-1] == (
        f"/es/#cde-studio={message_id(None, 'Request not allowed')}",
        "Open in the panel (no page shows it now: an error page's text)")


def test_the_start_page_names_a_catalog_it_cannot_read_and_its_line(studio):
    app, root = studio
    replace_in(root / ES, 'msgstr "Dirección postal"', 'msgstr "Dirección postal')
    line = next(number for number, text in enumerate(
        (root / ES).read_text(encoding="utf-8").splitlines(), 1)
        if text == 'msgstr "Dirección postal')
    page, _ = start(app)
    assert "Spanish (es)" in page.texts
    assert (f"Line {line} of {ES}: the closing double quote (\") is missing at the end "
            "of the line. Correct it in a text editor, then reload this page."
            ) in page.texts


@pytest.mark.parametrize("words, found", [
    # By the English, whatever the case; a text no page shows (the 405 page's)
    # opens on the language's home page.
    ("request NOT ALLOWED", [("Request not allowed", "Solicitud no permitida", "/es/",
                              "Open in the panel (no page shows it now: an error "
                              "page's text)")]),
    # By the translation, whatever the accents; the page that shows it, by name.
    ("PAGINA no encontrada", [("Page not found", "Página no encontrada", "/es/404.html",
                               "Open on the page “Página no encontrada”")]),
])
def test_the_start_page_finds_any_text_by_its_english_or_its_translation(
        spanish_only_studio, words, found):
    app, _ = spanish_only_studio
    page, html = start(app, f"?q={words}")
    assert f"1 text holds “{words}”." in page.texts
    results = html.split('class="cde-studio-results"')[1].split("</section>")[0]
    assert "<h3>" not in results  # one language: no heading of its own
    listed = re.findall(
        r'<q><span lang="en" dir="ltr">(.*?)</span></q>'
        r'\s*<span class="cde-studio-translated" lang="es">(.*?)</span>'
        r'\s*<a href="(.*?)#cde-studio=\w+&amp;q=(.*?)">(.*?)</a>', results)
    assert [(re.sub(r"</?mark>", "", english), re.sub(r"</?mark>", "", said), link,
             html_module.unescape(name)) for english, said, link, _, name in listed] == found
    # The link opens the text, and runs the same search in the panel.
    assert f'#cde-studio={message_id(None, found[0][0])}&amp;q=' \
        f'{words.replace(" ", "%20")}"' in results


def test_a_search_result_shows_where_the_words_are_highlighted(studio):
    """In a text longer than a result shows, the part that holds the words, not the
    start of the text: found by its English, the English shows why."""
    app, _ = studio
    words = "VOLUNTARY contribuciones"
    english = [["…", False], ["context of sustainable development and human security. "
                              "UNODC is funded mainly by ", False], ["voluntary", True],
               [" contributions, in particular from Governments.", False]]
    spanish = [["…", False], ["sostenible y la seguridad humana. La UNODC se financia "
                              "principalmente con ", False], ["contribuciones", True],
               [" voluntarias, en particular de los Gobiernos.", False]]
    answer = app.test_client().get(f"/_studio/api/es?q={words}", base_url=STUDIO).json
    assert [(text["english_excerpt"], text["translation_excerpt"])
            for text in answer["found"]] == [(english, spanish)]
    _, html = start(app, f"?q={words}")
    assert ("UNODC is funded mainly by <mark>voluntary</mark> contributions, in "
            "particular from Governments.</span></q>") in html
    assert "con <mark>contribuciones</mark> voluntarias" in html


@pytest.mark.parametrize("words, marked", [
    # The words as typed, one after the other: the phrase, not each "on" and "the".
    ("commission on crime prevention", ["Commission on Crime Prevention"]),
    # Not as typed: each word where it is a whole word, never inside another ("on"
    # in "national"), and the part of the text that holds the most of them.
    ("prevention commission on", ["Commission", "Commission", "on", "Prevention"]),
    # A word that is a whole word nowhere: where it begins one.
    ("preven", ["Preven"]),
])
def test_a_search_marks_the_phrase_or_whole_words_where_most_of_them_are(
        studio, words, marked):
    app, _ = studio
    answer = app.test_client().get(f"/_studio/api/es?q={words}", base_url=STUDIO).json
    [text] = [text for text in answer["found"]
              if "Commission on Crime Prevention" in text["english"]]
    assert [part for part, found in text["english_excerpt"] if found] == marked
    # The excerpt is the end of the text, where the words are, not its start.
    assert "".join(part for part, _ in text["english_excerpt"]).startswith("…")
    assert "".join(part for part, _ in text["english_excerpt"]).endswith(
        "Prevention and Criminal Justice.")


def test_the_texts_that_hold_the_words_as_typed_come_first(studio):
    app, _ = studio
    answer = app.test_client().get("/_studio/api/es?q=de la hoja", base_url=STUDIO).json
    # The count says which hold the words as typed, and which hold them apart.
    assert answer["said"] == ("1 text holds “de la hoja” as typed, listed first. 2 more "
                              "hold its words apart.")
    assert [[part for part, found in text["translation_excerpt"] if found]
            for text in answer["found"]] == [
        ["de la hoja"],  # the phrase, though the catalog has it last of the three
        ["La", "de", "la", "Hoja", "de", "de", "de"],
        ["La", "hoja", "de", "la", "la", "de", "de"]]


def test_a_search_that_finds_nothing_says_so(studio):
    app, _ = studio
    page, _ = start(app, "?q=zanahoria")
    assert "No text of the site holds “zanahoria”." in page.texts


def test_the_panel_searches_every_text_of_its_language(studio):
    app, _ = studio
    answer = app.test_client().get("/_studio/api/es?q=página", base_url=STUDIO).json
    assert answer["said"] == "5 texts hold “página”."
    found = [("Page not found", "/es/404.html"),
             ("The page you are looking for does not exist or has moved.",
              "/es/404.html"),
             ("The page could not be shown. Please try again later.", "/es/"),
             ("On this page", "/es/acerca/"),
             ("You can continue from one of these pages:", "/es/404.html")]
    assert [(text["english"], text["page"]) for text in answer["found"]] == [
        (english, f"{page}#cde-studio={message_id(None, english)}")
        for english, page in found]
