"""`flask translate update / compile / status`, on a project copy (`init` has
test_init.py)."""
import logging
import re

from babel.messages.mofile import read_mo

from cde import create_app
from cde.translator import catalogs
from cde.translator.po_reader import read_strictly
from tests.languages import empty_catalog
from tests.projectcopy import ES, YEARS, line_of, line_of_msgid, read, replace_in, run


def but_other_languages(output: str, project) -> list[str]:
    """The lines of `output` but those about a catalog other than Spanish, by its
    path (translations/fr/...), its code (fr: ...) or its name (French (fr): ...):
    what a command says of Spanish, and anything else it says, whatever other
    languages translations/ holds."""
    others = [code for code in catalogs.Project(project, project / "translations")
              .languages() if code != "es"]
    return [line for line in output.splitlines() if not any(
        re.match(rf"translations/{code}/|{code}: |[^:]* \({code}\): ", line)
        for code in others)]


# --- extraction (update) ----------------------------------------------------------------

def test_extract_keeps_translator_notes_from_templates_and_code(project):
    result = run(project, "update")
    assert result.exit_code == 0
    template = read(project / "translations" / "messages.pot")
    # The "NOTE:" tag itself is dropped: translators read only the note.
    assert template["Main menu"].auto_comments == [
        "label read by screen readers for the main menu."]
    assert template["About"].auto_comments == ["navigation label of the About page."]


def test_extract_finds_lazy_strings_of_the_code_with_their_lines(project):
    run(project, "update")
    template = read(project / "translations" / "messages.pot")
    line = line_of(project / "cde" / "pages.py",
                   'Page("contact", "contact.html", _l("Contact"), '
                   '{"en": "contact", "es": "contacto"}),')
    assert ("cde/pages.py", line) in template["Contact"].locations


def test_extract_keeps_the_context_of_a_short_ambiguous_string(project):
    replace_in(project / "templates" / "contact.html", "<h2>{{ _(\"Email\") }}</h2>",
               "<h2>{{ _(\"Email\") }}</h2>\n  <p>{{ pgettext(\"month\", \"May\") }}"
               "</p>\n  <p>{% trans \"verb\" %}May{% endtrans %}</p>")
    replace_in(project / "cde" / "pages.py",
               "from flask_babel import lazy_gettext as _l",
               "from flask_babel import lazy_gettext as _l, lazy_pgettext\n\n"
               'ORDER = lazy_pgettext("sort", "Order")')
    run(project, "update")
    text = (project / "translations" / "messages.pot").read_text(encoding="utf-8")
    assert 'msgctxt "month"\nmsgid "May"' in text
    assert 'msgctxt "verb"\nmsgid "May"' in text
    assert 'msgctxt "sort"\nmsgid "Order"' in text


def test_extract_leaves_an_unchanged_template_alone(project):
    run(project, "update")
    before = (project / "translations" / "messages.pot").read_bytes()
    result = run(project, "update")
    assert "already up to date" in result.output
    assert (project / "translations" / "messages.pot").read_bytes() == before


# --- update ---------------------------------------------------------------------------

def test_update_adds_new_strings_untranslated_and_marks_changed_ones_fuzzy(project):
    contact = project / "templates" / "contact.html"
    replace_in(contact, '<h2>{{ _("Email") }}</h2>',
               '<h2>{{ _("Email") }}</h2>\n  <p>{{ _("We read every message.") }}</p>')
    replace_in(contact, '{{ _("Postal address") }}', '{{ _("Postal addresses") }}')
    result = run(project, "update")
    assert result.exit_code == 0
    assert (f"{ES}: 1 new to translate, 1 changed, to review (fuzzy)."
            in result.output)
    catalog = read(project / ES)
    assert catalog["We read every message."].string == ""
    changed = catalog["Postal addresses"]
    assert changed.fuzzy and changed.string == "Dirección postal"


def test_update_keeps_the_english_before_a_change_until_it_is_reviewed(project):
    lead = ("Write to the Center of Excellence by email or send correspondence to "
            "its postal address.")
    replace_in(project / "templates" / "contact.html", "its postal\n",
               "its official postal\n")
    run(project, "update")
    run(project, "update")  # a second update keeps it too
    text = (project / ES).read_text(encoding="utf-8")
    # As msgmerge and Poedit write it: one quoted line after another.
    block = text[text.index("#| msgid"):text.index("\nmsgid", text.index("#| msgid"))]
    assert all(line.startswith(('#| msgid "', '#| "')) and line.endswith('"')
               for line in block.splitlines())
    catalog, _ = read_strictly((project / ES).read_bytes(), "es")
    changed = next(m for m in catalog if m.fuzzy)
    assert changed.id == lead.replace("its postal", "its official postal")
    assert changed.previous_id == [lead]
    # Reviewed: "fuzzy" removed, and the next update drops the earlier English.
    (project / ES).write_text(text.replace("#, fuzzy\n#| msgid", "#| msgid", 1),
                              encoding="utf-8")
    run(project, "update")
    assert "#|" not in (project / ES).read_text(encoding="utf-8")


def test_update_keeps_every_existing_translation(project):
    before = {m.id: m.string for m in read(project / ES) if m.id}
    run(project, "update")
    after = {m.id: m.string for m in read(project / ES) if m.id}
    assert after == before


def test_update_retires_strings_no_page_uses(project):
    replace_in(project / "templates" / "contact.html",
               '<h2>{{ _("Postal address") }}</h2>', "")
    result = run(project, "update")
    assert f"{ES}: 1 no longer used." in result.output
    catalog = read(project / ES)
    assert "Postal address" not in catalog
    assert "Postal address" in catalog.obsolete


def test_update_does_not_touch_a_catalog_that_does_not_parse(project):
    po = project / ES
    replace_in(po, 'msgstr "Dirección postal"', 'msgstr "Dirección postal')
    before = po.read_bytes()
    result = run(project, "update")
    assert result.exit_code == 1
    line = line_of(po, 'msgstr "Dirección postal')
    assert f"{ES}:{line}: cannot be read" in result.output
    assert po.read_bytes() == before


# --- compile --------------------------------------------------------------------------

def test_compile_writes_every_translated_entry(project):
    result = run(project, "compile")
    assert result.exit_code == 0
    catalog = read(project / ES)
    total = sum(1 for m in catalog if m.id)
    assert f"translations/es/LC_MESSAGES/messages.mo: {total} of {total} texts" in (
        result.output)
    with (project / ES).with_suffix(".mo").open("rb") as fileobj:
        compiled = read_mo(fileobj)
    assert compiled["Postal address"].string == "Dirección postal"


def test_compile_counts_a_deleted_entry_as_not_translated(project):
    total = len([m for m in read(project / "translations" / "messages.pot") if m.id])
    (project / ES).write_bytes((project / ES).read_bytes().replace(
        'msgid "Postal address"\nmsgstr "Dirección postal"\n'.encode(), b""))
    assert (f"messages.mo: {total - 1} of {total} texts translated."
            in run(project, "compile").output)


def test_compile_stops_on_a_po_gettext_cannot_read_and_keeps_the_previous_mo(project):
    assert run(project, "compile").exit_code == 0
    mo = (project / ES).with_suffix(".mo")
    before = mo.read_bytes()
    replace_in(project / ES, 'msgstr "Dirección postal"', 'msgstr "Dirección postal')
    line = line_of(project / ES, 'msgstr "Dirección postal')
    result = run(project, "compile")
    assert result.exit_code == 1
    assert (f'{ES}:{line}: cannot be read: the closing double quote (") is missing at '
            "the end of the line") in result.output
    assert "the site keeps its previous version" in result.output
    assert mo.read_bytes() == before


def test_compile_says_when_a_broken_po_has_no_previous_mo(project):
    replace_in(project / ES, 'msgstr "Dirección postal"', 'msgstr "Dirección postal')
    result = run(project, "compile")
    assert result.exit_code == 1
    assert (f"{ES[:-3]}.mo: not compiled, and there is no previous version: the "
            "preview shows this language in English.") in result.output
    assert not (project / ES).with_suffix(".mo").exists()


def test_compile_says_in_one_line_when_check_has_more_to_report(project):
    total = sum(1 for m in read(project / ES) if m.id)
    mo_line = f"{ES[:-3]}.mo: {total} of {total} texts translated."
    assert but_other_languages(run(project, "compile").output, project) == [mo_line]
    # A forbidden term does not stop compiling (the page shows the text): compile
    # says that check has more, in one line.
    replace_in(project / ES, "La UNODC y el INEGI han", "La ONUDD y el INEGI han")
    more = ("es: 1 problem the check reports (a text not translated yet or to review, "
            "a glossary term) does not stop compiling: make translations-check LANG=es "
            "says which.")
    assert but_other_languages(run(project, "compile").output, project) == [
        mo_line, more]
    # The same text with a broken placeholder too: that one is left out, and said;
    # the term is still the one more problem.
    replace_in(project / ES, "presentadas en %(years)s.", "presentadas en %(años)s.")
    line = line_of_msgid(project / ES, YEARS)
    assert but_other_languages(run(project, "compile").output, project) == [
        f"{ES}:{line}: placeholders differ from the original (unknown named placeholder"
        " 'años'; %(years)s missing); copy every placeholder exactly as it is in the "
        f'msgid: "{YEARS}" (left out: visitors see the original text)',
        f"{ES[:-3]}.mo: {total - 1} of {total} texts translated.", more]


def test_compile_leaves_out_fuzzy_entries(project):
    replace_in(project / ES, 'msgid "Postal address"\n',
               '#, fuzzy\nmsgid "Postal address"\n')
    run(project, "compile")
    with (project / ES).with_suffix(".mo").open("rb") as fileobj:
        compiled = read_mo(fileobj)
    assert "Postal address" not in compiled


# --- status ---------------------------------------------------------------------------

def test_status_counts_translated_fuzzy_refused_and_untranslated_texts(project):
    po = project / ES
    total = sum(1 for m in read(po) if m.id)
    replace_in(po, 'msgstr "Dirección postal"', 'msgstr ""')
    replace_in(po, 'msgid "Email"\n', '#, fuzzy\nmsgid "Email"\n')
    # Translated, but with a broken placeholder: the site leaves it out, and status
    # names it so (not "not translated yet", which it is not).
    replace_in(po, "presentadas en %(years)s.", "presentadas en %(años)s.")
    result = run(project, "status")
    assert result.exit_code == 0
    done = total - 3
    lines = but_other_languages(result.output, project)
    assert lines == [f"Spanish (es): {100 * done // total}% done. {done} of {total} "
                     "texts translated, 1 to review (fuzzy), 1 refused by a check, 1 "
                     "not translated yet."]


# --- discovery ------------------------------------------------------------------------

def test_a_folder_babel_cannot_parse_is_skipped_with_a_warning(tmp_path, caplog):
    for name in ("es", "xx", "pt-BR", "FR"):
        empty_catalog(tmp_path, name)
    with caplog.at_level(logging.WARNING, logger="cde.languages"):
        app = create_app({"TESTING": True, "TRANSLATIONS_DIR": str(tmp_path)})
    assert app.config["LANGUAGES"] == ("en", "es")
    skipped = sorted(record.args[1] for record in caplog.records)
    assert skipped == ["FR", "pt-BR", "xx"]
    assert app.test_client().get("/es/").status_code == 200
