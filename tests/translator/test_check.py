"""`flask translate check`: every catalog problem, reported as file:line: what: "msgid".

Each test breaks a copy of the project on purpose and asserts the exact line. The
Plural-Forms header has test_plural_forms.py, the termbase test_termbase.py.
"""
import shutil

import pytest
from babel.messages.pofile import read_po

from cde.translator.catalogs import Project
from tests.projectcopy import (ES, YEARS, all_clean, app_for, check, line_of, line_of_msgid,
                               replace_in)


def catalogs_of(root):
    """The .po files of the project at `root`, relative to it: whatever it has."""
    return [f"translations/{lang}/LC_MESSAGES/messages.po"
            for lang in Project(root, root / "translations").languages()]


def add_to_every_catalog(project, spanish, msgid, msgid_plural):
    """Append a plural entry to every catalog of the copy: the forms `spanish` in
    Spanish, the original in any other language."""
    for po in catalogs_of(project):
        with (project / po).open("rb") as fileobj:
            count = read_po(fileobj).num_plurals
        forms = {ES: spanish}.get(
            po, (msgid,) + (msgid_plural,) * (count - 1))
        entry = f'msgid "{msgid}"\nmsgid_plural "{msgid_plural}"\n' + "".join(
            f'msgstr[{index}] "{form}"\n' for index, form in enumerate(forms))
        with (project / po).open("a", encoding="utf-8") as catalog:
            catalog.write(f"\n{entry}")


def test_the_real_catalogs_pass_check(app, runner):
    # This is what makes `make test` and CI fail on a string added without an update.
    result = runner.invoke(args=["translate", "check"])
    root = Project.from_config(app.config).root
    assert result.output.splitlines() == [all_clean(root)]
    assert result.exit_code == 0


def test_a_string_added_to_a_template_is_missing_from_every_catalog(project):
    template = project / "templates" / "contact.html"
    replace_in(template, '<h2>{{ _("Email") }}</h2>',
               '<h2>{{ _("Email") }}</h2>\n  <p>{{ _("We read every message.") }}</p>')
    line = line_of(template, '<p>{{ _("We read every message.") }}</p>')
    # Every language offered (no threshold): a new text would make drafts of them.
    code, output = check(project, PUBLISH_THRESHOLD=0)
    assert code == 1
    for po in catalogs_of(project):
        assert (
            f"{po}:1: missing from this catalog (the text is new, at "
            f'templates/contact.html:{line}); run "make translations-update": '
            '"We read every message."'
        ) in output


def test_an_untranslated_spanish_entry_is_reported_at_its_line(project):
    po = project / ES
    replace_in(po, 'msgid "Postal address"\nmsgstr "Dirección postal"',
               'msgid "Postal address"\nmsgstr ""')
    line = line_of(po, 'msgid "Postal address"')
    assert check(project) == (1, [
        f"{ES}:{line}: not translated yet: write the translation between the quotes "
        'of msgstr: "Postal address"'])


def test_a_fuzzy_spanish_entry_is_reported_at_its_line(project):
    po = project / ES
    replace_in(po, 'msgid "Postal address"\n', '#, fuzzy\nmsgid "Postal address"\n')
    line = line_of(po, 'msgid "Postal address"')
    assert check(project) == (1, [
        f'{ES}:{line}: marked fuzzy (the English changed); check the translation, '
        'then remove "fuzzy" from the "#," line above: "Postal address"'])


@pytest.mark.parametrize("spanish, detail", [
    # A name translated is both: the one written is unknown, the original missing.
    ("presentadas en %(año)s.", "unknown named placeholder 'año'; %(years)s missing"),
    ("presentadas recientemente.", "%(years)s missing"),
    # A stray % does not hide the placeholder it broke: both in one round.
    ("presentadas en %(years).", "a % sign that is not a placeholder; write %% for a "
     "percent sign; %(years)s missing"),
    # A placeholder Python cannot fill from the site's values is a stray %.
    ("presentadas en %(years)*s.", "a % sign that is not a placeholder; write %% for a "
     "percent sign"),
    # ... nor does one cut short with a name the English does not have.
    ("presentadas en %(años).", "a % sign that is not a placeholder; write %% for a "
     "percent sign; %(years)s missing"),
])
def test_a_placeholder_mistake_is_reported(project, spanish, detail):
    po = project / ES
    replace_in(po, "presentadas en %(years)s.", spanish)
    line = line_of_msgid(po, YEARS)
    assert check(project) == (1, [
        f"{ES}:{line}: placeholders differ from the original ({detail}); copy every "
        f'placeholder exactly as it is in the msgid: "{YEARS}"'])


def test_a_percent_sign_in_a_text_without_placeholders_is_reported(project):
    # Babel checks placeholders only where the msgid has some; Jinja formats every
    # translation, so a lone % would break the page.
    po = project / ES
    replace_in(po, 'msgstr "Dirección postal"', 'msgstr "Dirección postal 100 %"')
    line = line_of(po, 'msgid "Postal address"')
    assert check(project) == (1, [
        f"{ES}:{line}: placeholders differ from the original (a % sign that is not a "
        "placeholder; write %% for a percent sign); copy every placeholder exactly as "
        'it is in the msgid: "Postal address"'])


def test_html_tags_that_differ_are_reported(project):
    po = project / ES
    replace_in(po, 'msgstr "Dirección postal"', 'msgstr "Dirección <strong>postal"')
    line = line_of(po, 'msgid "Postal address"')
    assert check(project) == (1, [
        f"{ES}:{line}: HTML tags differ from the original (<strong> not in the "
        "original); keep every tag of the msgid, complete with its < and >: "
        '"Postal address"'])


# A catalog Babel would misread or cannot read: the Spanish entry of "Postal address"
# broken, the line of the mistake after its msgid line, and what check says.
POSTAL = 'msgid "Postal address"\nmsgstr "Dirección postal"\n'.encode()


@pytest.mark.parametrize("broken, after, what", [
    ('msgid "Postal address"\nmsgstr "Dirección postal\n'.encode(), 1,
     'the closing double quote (") is missing at the end of the line'),
    ('msgid "Postal address"\nmsgstr "Dirección "postal""\n'.encode(), 1,
     'a double quote inside the text must be written \\" (backslash, quote)'),
    ('msgid "Postal address"\nmsgtsr "Dirección postal"\n'.encode(), 1,
     '"msgtsr" is not a .po keyword (msgid, msgstr, msgctxt), nor a comment starting '
     "with #"),
    ('msgstr "Dirección postal"\n'.encode(), 0, "msgstr has no msgid before it"),
    (b'msgid "Postal address"\n', 0, "this msgid has no msgstr after it"),
    ('msgid "Postal address"\nmsgstr "Dirección postal"\n'.encode("latin-1"), 1,
     "this line is not UTF-8 text; save the file as UTF-8"),
])
def test_an_unreadable_catalog_is_reported_at_the_line(project, broken, after, what):
    po = project / ES
    line = line_of(po, 'msgid "Postal address"') + after
    assert po.read_bytes().count(POSTAL) == 1
    po.write_bytes(po.read_bytes().replace(POSTAL, broken))
    assert check(project) == (1, [f"{ES}:{line}: cannot be read: {what}"])


def test_a_duplicate_entry_makes_the_catalog_unreadable(project):
    # Babel would keep the first silently, and the second translation be lost.
    po = project / ES
    first = line_of(po, 'msgid "Postal address"')
    with po.open("a", encoding="utf-8") as catalog:
        catalog.write('\nmsgid "Postal address"\nmsgstr "Domicilio"\n')
    second = line_of(po, 'msgid "Postal address"', after=first)
    assert check(project) == (1, [
        f"{ES}:{second}: cannot be read: the same msgid is already at line {first}; "
        "keep only one of them"])


def test_plurals_contexts_and_obsolete_entries_are_readable(project):
    po = project / ES
    with po.open("a", encoding="utf-8") as catalog:
        catalog.write(
            '\n#~ msgctxt "disk"\n#~ msgid "%(num)d file"\n#~ msgid_plural '
            '"%(num)d files"\n#~ msgstr[0] "%(num)d archivo"\n#~ msgstr[1] '
            '"%(num)d archivos"\n'
        )
    assert check(project) == (0, [all_clean(project)])


def test_an_entry_no_page_uses_any_more_is_reported(project):
    po = project / ES
    with po.open("a", encoding="utf-8") as catalog:
        catalog.write('\nmsgid "Old heading"\nmsgstr "Encabezado anterior"\n')
    line = line_of(po, 'msgid "Old heading"')
    assert check(project) == (1, [
        f'{ES}:{line}: no longer used by any page; run "make translations-update": '
        '"Old heading"'])


@pytest.mark.parametrize("folder, fix", [
    ("spanish", 'a language code such as "fr" (French), or a language with its script '
     'or region such as "zh_Hant" (Chinese in traditional characters) or "pt_BR" '
     "(Portuguese of Brazil)"),
    ("pt-br", '"pt_BR"'),
])
def test_a_folder_that_is_no_language_code_is_reported_with_the_fix(
    project, folder, fix
):
    messages = project / "translations" / folder / "LC_MESSAGES"
    messages.mkdir(parents=True)
    (messages / "messages.po").write_bytes((project / ES).read_bytes())
    assert check(project) == (1, [
        f'translations/{folder}/LC_MESSAGES/messages.po:1: the folder name "{folder}" '
        "is not a language code as Babel writes it, so the site ignores this catalog; "
        f"rename the folder to {fix}"])


def test_a_plural_form_may_leave_the_number_out_but_not_add_a_placeholder(project):
    template = project / "templates" / "contact.html"
    replace_in(template, '<h2>{{ _("Email") }}</h2>',
               '<h2>{{ _("Email") }}</h2>\n  <p>{{ ngettext("%(num)d report", '
               '"%(num)d reports", 2) }}</p>')
    add_to_every_catalog(project, ("un informe", "%(cuantos)d informes"),
                         "%(num)d report", "%(num)d reports")
    line = line_of(project / ES, 'msgid "%(num)d report"')
    assert check(project) == (1, [
        f"{ES}:{line}: placeholders differ from the original (unknown named "
        "placeholder 'cuantos'); copy every placeholder exactly as it is in the msgid: "
        '"%(num)d report"'])


# --- what a translator meets on an ordinary day ----------------------------------------

CONTACT_LEAD = ("Write to the Center of Excellence by email or send correspondence "
                "to its postal")


def reword_contact_lead(project):
    """A developer changes two words of the contact page's first paragraph."""
    replace_in(project / "templates" / "contact.html", "Write to the Center",
               "Please write to the Center")
    replace_in(project / "templates" / "contact.html", "its postal\n",
               "its official postal\n")


def test_a_reworded_english_text_is_one_problem_with_the_changed_words(project):
    reword_contact_lead(project)
    line = line_of_msgid(project / ES, f"{CONTACT_LEAD} address.")
    code, output = check(project, "es")
    assert (code, output) == (1, [
        f"{ES}:{line}: the English changed ([-Write-] {{+Please write+}} to the Center … "
        "correspondence to its {+official+} postal address.); run \"make "
        'translations-update", which keeps your translation for review'])


def test_after_update_the_fuzzy_entry_shows_the_same_changed_words(project):
    reword_contact_lead(project)
    app_for(project).test_cli_runner().invoke(args=["translate", "update"])
    line = line_of_msgid(project / ES, "Please write to the Center of Excellence by "
                         "email or send correspondence to its official postal address.")
    assert check(project, "es") == (1, [
        f"{ES}:{line}: the English changed ([-Write-] {{+Please write+}} to the Center … "
        "correspondence to its {+official+} postal address.); check the translation, "
        'then remove "fuzzy" from the "#," line above: "Please write to the Center '
        'of Excellence by email or send correspondence to its official postal '
        'address."'])


@pytest.mark.parametrize("spanish, what", [
    ("   ", "the translation is only spaces: write the translation, or leave msgstr "
           'empty ("") until you do'),
    ("DirecciÃ³n postal", 'the accented letters are garbled ("DirecciÃ³n postal" '
     'should read "Dirección postal"): the file was opened in another encoding than '
     "UTF-8; correct them and save as UTF-8"),
    ("Dirección 100 % de postal", "placeholders differ from the original (a % sign "
     "that is not a placeholder; write %% for a percent sign); copy every placeholder "
     "exactly as it is in the msgid"),
])
def test_a_translation_that_would_look_wrong_is_reported_in_plain_words(
    project, spanish, what
):
    po = project / ES
    replace_in(po, 'msgstr "Dirección postal"', f'msgstr "{spanish}"')
    line = line_of(po, 'msgid "Postal address"')
    assert check(project) == (1, [f'{ES}:{line}: {what}: "Postal address"'])


def test_a_changed_link_address_in_a_translation_is_reported(project):
    replace_in(project / "templates" / "contact.html", "<h2>{{ _(\"Email\") }}</h2>",
               '<h2>{{ _("Email") }}</h2>\n<p>{% trans %}See <a href="https://www.'
               'unodc.org/">UNODC</a>{% endtrans %}</p>')
    with (project / ES).open("a", encoding="utf-8") as catalog:
        catalog.write('\nmsgid "See <a href=\\"https://www.unodc.org/\\">UNODC</a>"\n'
                      'msgstr "Vea <a href=\\"javascript:alert(1)\\">UNODC</a>"\n')
    line = line_of(project / ES, 'msgid "See <a href=\\"https://www.unodc.org/\\">'
                                 'UNODC</a>"')
    _, output = check(project, "es")
    assert (f'{ES}:{line}: HTML tags differ from the original (<a href="https://www.'
            'unodc.org/"> missing; <a href="javascript:alert(1)"> not in the original)'
            "; keep every tag of the msgid, complete with its < and >") in output[-1]


def test_a_byte_order_mark_is_named_and_update_removes_it(project):
    po = project / ES
    po.write_bytes(b"\xef\xbb\xbf" + po.read_bytes())
    assert check(project) == (1, [
        f"{ES}:1: the file starts with an invisible mark (a byte order mark, which "
        'some editors add); run "make translations-update", which removes it'])
    update = app_for(project).test_cli_runner().invoke(args=["translate", "update"])
    assert f"{ES}: the byte order mark removed." in update.output
    assert not po.read_bytes().startswith(b"\xef\xbb\xbf")
    assert check(project)[0] == 0


def started(project, lang):
    """`translate init LANG` on the copy: a catalog with nothing translated yet."""
    shutil.rmtree(project / "translations" / lang, ignore_errors=True)
    app_for(project).test_cli_runner().invoke(args=["translate", "init", lang])
    return project / "translations" / lang / "LC_MESSAGES" / "messages.po"


def test_a_draft_reports_its_progress_without_failing(project):
    po = started(project, "fr")
    replace_in(po, 'msgid "Home"\nmsgstr ""', 'msgid "Home"\nmsgstr "Accueil"')
    with po.open("rb") as fileobj:
        total = len([m for m in read_po(fileobj) if m.id])
    code, output = check(project)
    assert code == 0
    assert output[-3:] == [
        f"French (fr): {100 // total}% done. 1 of {total} texts translated, 0 to "
        f"review (fuzzy), 0 refused by a check, {total - 1} not translated yet.",
        "  A draft: visitors do not see it until 100% is done; preview it at /fr/.",
        all_clean(project),
    ]


def test_a_published_language_must_be_complete(project):
    # With a threshold of 1%, one text of them all publishes the language: every
    # text it lacks is then a problem, as for the default language.
    po = started(project, "fr")
    replace_in(po, 'msgid "Home"\nmsgstr ""', 'msgid "Home"\nmsgstr "Accueil"')
    with po.open("rb") as fileobj:
        missing = len([m for m in read_po(fileobj) if m.id]) - 1
    code, output = check(project, PUBLISH_THRESHOLD=1)
    assert code == 1
    assert len([line for line in output if "not translated yet" in line]) == missing


def test_check_takes_the_languages_to_look_at(project):
    started(project, "fr")
    replace_in(project / ES, 'msgstr "Dirección postal"', 'msgstr ""')
    runner = app_for(project).test_cli_runner()
    assert runner.invoke(args=["translate", "check", "fr"]).exit_code == 0
    assert runner.invoke(args=["translate", "check", "es"]).exit_code == 1
    unknown = runner.invoke(args=["translate", "check", "xx"])
    assert unknown.exit_code == 2
    languages = ", ".join(Project(project, project / "translations").languages())
    assert f"No catalog for xx; the catalogs are: {languages}." in unknown.output
