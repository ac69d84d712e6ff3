"""A translator's mistake never reaches a page.

`flask translate compile` leaves out of the .mo every translation that check refuses,
so the page shows that one text in English; plain-text translations are escaped, so a
stray quote cannot break out of an attribute.
"""
import pytest
from babel.messages.pofile import read_po, write_po
from flask import render_template_string

from cde.pages import PAGES_BY_ENDPOINT
from tests.htmltext import HtmlText
from tests.languages import WRITTEN
from tests.projectcopy import ES, YEARS, add_languages, app_for, replace_in


def compile_and_get(project, path):
    """`flask translate compile` on the copy, then the page at `path`: the command's
    output and the page's HTML."""
    result = app_for(project).test_cli_runner().invoke(args=["translate", "compile"])
    assert result.exit_code == 0, result.output
    response = app_for(project).test_client().get(path)
    assert response.status_code == 200
    return result.output, response.get_data(as_text=True)


@pytest.mark.parametrize("msgid, old, new, path, english", [
    # A mistyped placeholder; the years are still joined the Spanish way.
    (YEARS, "presentadas en %(years)s.", "presentadas en %(año)s.", "/es/acerca/",
     YEARS % {"years": "2015, 2019 y 2022"}),
    # A lone %, which would make Jinja's `text % variables` fail.
    ("Postal address", "Dirección postal", "Dirección postal 100 %", "/es/contacto/",
     "Postal address"),
    # Broken markup. "Contact" is also the navigation label, from lazy_gettext.
    ("Contact", "Contacto", "<b>Contacto", "/es/contacto/", "Contact"),
])
def test_a_translation_check_refuses_is_left_out_and_shown_in_english(
    project, msgid, old, new, path, english
):
    replace_in(project / ES, f'{old}"\n', f'{new}"\n')
    output, html = compile_and_get(project, path)
    assert f'"{msgid}" (left out: visitors see the original text)' in output
    page = HtmlText(html)
    assert english in page.texts
    # Everything else is still Spanish.
    assert page.html_lang == "es" and "Inicio" in page.texts


def test_a_quote_in_a_plain_text_translation_cannot_break_out_of_an_attribute(project):
    # "Language" is the aria-label of the language switcher.
    replace_in(project / ES, 'msgstr "Idioma"',
               'msgstr "Idioma\\" onfocus=\\"alert(1)"')
    _, html = compile_and_get(project, "/es/")
    assert 'onfocus="alert(1)"' not in html
    assert 'aria-label="Idioma&#34; onfocus=&#34;alert(1)"' in html


def test_a_translation_of_markup_stays_markup(project):
    with (project / ES).open("a", encoding="utf-8") as catalog:
        catalog.write('\nmsgid "Write <em>now</em>"\nmsgstr "Escriba <em>ahora</em>"\n')
    compile_and_get(project, "/es/")
    app = app_for(project)
    with app.test_request_context("/es/"):
        app.preprocess_request()
        html = render_template_string('{{ _("Write <em>now</em>") }}')
    assert html == "Escriba <em>ahora</em>"


def test_a_catalog_that_cannot_be_loaded_is_never_english_under_its_lang(
    project, caplog
):
    # A .mo written by another tool, or damaged: the site leaves its language out.
    compile_and_get(project, "/es/")
    (project / ES).with_suffix(".mo").write_bytes(b"\x00garbage" * 20)
    app = app_for(project)
    assert "es" not in app.config["LANGUAGES"]
    response = app.test_client().get("/es/acerca/")
    assert response.status_code == 404
    assert HtmlText(response.get_data(as_text=True)).html_lang != "es"
    assert any(str((project / ES).with_suffix(".mo")) in record.getMessage()
               for record in caplog.records if record.levelname == "ERROR")


def test_a_text_not_translated_yet_shows_in_english_marked_as_english(project):
    # "Postal address" is a heading; "Contact" is also the <title> and a menu link.
    for old in ('msgstr "Dirección postal"', 'msgstr "Contacto"'):
        replace_in(project / ES, old, 'msgstr ""')
    _, html = compile_and_get(project, "/es/contacto/")
    assert '<h2><span lang="en">Postal address</span></h2>' in html
    assert '<span lang="en">Contact</span></a>' in html
    # No element can go in the title or an attribute: there it is plain English.
    assert HtmlText(html).title.startswith("Contact | ")
    assert "\ue000" not in html and "\ue001" not in html
    assert HtmlText(html).html_lang == "es" and "Inicio" in HtmlText(html).texts


def test_english_on_a_right_to_left_page_is_marked_left_to_right(project):
    add_languages(project, ("ar",))
    po = project / "translations" / "ar" / "LC_MESSAGES" / "messages.po"
    with po.open("rb") as fileobj:
        catalog = read_po(fileobj)
    catalog["Postal address"].string = ""
    with po.open("wb") as fileobj:
        write_po(fileobj, catalog)
    _, html = compile_and_get(project, "/ar/contact/")
    assert '<h2><span lang="en" dir="ltr">Postal address</span></h2>' in html


def test_an_english_text_inside_another_gets_its_own_mark(project):
    # A link's words handed to a sentence, both not translated yet.
    compile_and_get(project, "/es/")
    app = app_for(project)
    with app.test_request_context("/es/"):
        app.preprocess_request()
        html = render_template_string(
            '<p>{% trans link=_("here") %}See {{ link }} now{% endtrans %}</p>')
    response = app.make_response(html)
    response.mimetype = "text/html"
    with app.test_request_context("/es/"):
        app.preprocess_request()
        shown = app.process_response(response).get_data(as_text=True)
    assert shown == ('<p><span lang="en">See <span lang="en">here</span> now'
                     "</span></p>")


def test_a_percent_sign_is_written_the_same_in_templates_and_code(project):
    # "Contact" is the page's heading (a template) and its menu label (cde/pages.py).
    replace_in(project / ES, 'msgstr "Contacto"', 'msgstr "Contacto 100 %%"')
    _, html = compile_and_get(project, "/es/contacto/")
    assert "<h1>Contacto 100 %</h1>" in html
    assert ">Contacto 100 %</a>" in html and "%%" not in html


def test_the_preview_serves_a_language_that_never_compiled_in_english(project):
    # A fresh copy whose .po has a mistake: no .mo was ever made. `make run` still
    # serves the default language's pages, each text in English marked as English;
    # production refuses to start instead (tests/test_production.py).
    replace_in(project / ES, 'msgstr "Dirección postal"', 'msgstr "Dirección postal')
    app = app_for(project)
    assert app.config["DEFAULT_LANGUAGE"] in app.config["LANGUAGES"]
    home = PAGES_BY_ENDPOINT["home"].rule(app.config["DEFAULT_LANGUAGE"])
    html = app.test_client().get(home).get_data(as_text=True)
    assert HtmlText(html).html_lang == WRITTEN[app.config["DEFAULT_LANGUAGE"]].tag
    assert '<span lang="en">Home</span>' in html
