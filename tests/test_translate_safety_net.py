"""A catalog mistake never takes a page down: the page shows that one text in English.

The .mo files here are written with Babel directly, as another tool (pybabel,
msgfmt, an old build) could, because `flask translate compile` would refuse them.
"""
import logging

import pytest
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po
from flask_babel import gettext, lazy_gettext

from htmltext import Page
from projectcopy import ES, YEARS, app_for


def compile_spanish(project, **changes):
    """Write the Spanish .mo with some translations replaced, bypassing the checks."""
    with (project / ES).open("rb") as fileobj:
        catalog = read_po(fileobj, locale="es")
    for msgid, translation in changes.items():
        catalog[msgid].string = translation
    with (project / ES).with_suffix(".mo").open("wb") as fileobj:
        write_mo(fileobj, catalog)


def warnings(caplog):
    return [r.getMessage() for r in caplog.records if r.levelno == logging.WARNING]


def test_a_mistyped_placeholder_shows_the_source_text(project, caplog):
    compile_spanish(project, **{YEARS: "La UNODC y el INEGI informaron en %(año)s."})
    response = app_for(project).test_client().get("/es/acerca/")
    assert response.status_code == 200
    text = Page(response.get_data(as_text=True)).text
    # The one broken text is in English (with the years joined the Spanish way) ...
    assert ("through its updates in 2015, 2019 y 2022." in text)
    assert "%(año)s" not in text and "informaron" not in text
    # ... and everything else is still Spanish.
    assert "Acerca del Centro de Excelencia" in text
    assert any(YEARS in w and "es translation" in w for w in warnings(caplog))


def test_a_quote_in_a_plain_text_translation_cannot_break_out_of_an_attribute(project):
    # "Language" is the aria-label of the language switcher.
    compile_spanish(project, Language='Idioma" onfocus="alert(1)')
    html = app_for(project).test_client().get("/es/").get_data(as_text=True)
    assert 'onfocus="alert(1)"' not in html
    assert 'aria-label="Idioma&#34; onfocus=&#34;alert(1)"' in html


def test_a_translation_that_cannot_be_filled_in_shows_the_source_text(project, caplog):
    # A lone % is a formatting error in Python, not a placeholder mismatch.
    compile_spanish(project, **{"Postal address": "Dirección postal 100 %"})
    response = app_for(project).test_client().get("/es/contacto/")
    assert response.status_code == 200
    assert "Postal address" in Page(response.get_data(as_text=True)).texts
    assert any('"Postal address"' in w for w in warnings(caplog))


def test_broken_markup_in_a_translation_shows_the_source_text(project, caplog):
    compile_spanish(project, **{"Contact": "<strong>Contacto"})
    response = app_for(project).test_client().get("/es/contacto/")
    assert response.status_code == 200
    html = response.get_data(as_text=True)
    assert "<strong>" not in html
    page = Page(html)
    assert page.title.startswith("Contact | ")
    # The navigation label comes through lazy_gettext in cde/pages.py: safe too.
    assert "Contact" in [a["text"] for a in page.anchors]
    assert any('"Contact"' in w and "HTML tags" in w for w in warnings(caplog))


def test_python_gettext_falls_back_too(project, caplog):
    compile_spanish(project, **{YEARS: "Informes en %(año)s."})
    app = app_for(project)
    with app.test_request_context("/es/"):
        app.preprocess_request()
        assert gettext(YEARS, years="2015") == YEARS % {"years": "2015"}
        assert str(lazy_gettext("Postal address")) == "Dirección postal"
    assert any(YEARS in w for w in warnings(caplog))


@pytest.mark.parametrize("mo", [b"\x00garbage" * 20, None], ids=["corrupt", "missing"])
def test_a_catalog_that_cannot_be_loaded_is_never_english_under_its_lang(
    project, caplog, mo
):
    # copy_project copies no .mo files: `None` leaves Spanish uncompiled.
    if mo is not None:
        (project / ES).with_suffix(".mo").write_bytes(mo)
    app = app_for(project)
    assert "es" not in app.config["LANGUAGES"]
    response = app.test_client().get("/es/acerca/")
    assert response.status_code == 404
    assert Page(response.get_data(as_text=True)).html_lang != "es"
    assert any(str((project / ES).with_suffix(".mo")) in record.getMessage()
               for record in caplog.records if record.levelname == "ERROR")


def test_a_good_catalog_logs_nothing(project, caplog):
    compile_spanish(project)
    response = app_for(project).test_client().get("/es/acerca/")
    texts = Page(response.get_data(as_text=True)).texts
    assert "Acerca del Centro de Excelencia" in texts
    assert warnings(caplog) == []
