"""`flask translate check`: every catalog problem, reported as file:line: what: "msgid".

Each test breaks a copy of the project on purpose and asserts the exact line.
"""

import shutil

from babel.messages.pofile import read_po

from cde.catalogs import Project
from projectcopy import EN, ES, YEARS, app_for, line_of, replace_in
from pseudo import fill


def check(project):
    """Run the command on the copy; its exit code and output lines."""
    result = app_for(project).test_cli_runner().invoke(args=["translate", "check"])
    return result.exit_code, result.stdout.splitlines()


def catalogs_of(root):
    """The .po files of the project at `root`, relative to it: whatever it has."""
    return [f"translations/{lang}/LC_MESSAGES/messages.po"
            for lang in Project(root, root / "translations").languages()]


def all_clean(root):
    """What the check says when nothing is wrong with the catalogs at `root`."""
    languages = Project(root, root / "translations").languages()
    return f"All catalogs are complete and up to date ({', '.join(languages)})."


def add_to_every_catalog(project, spanish, msgid, msgid_plural=None):
    """Append an entry to every catalog of the copy: `spanish` (a text, or a tuple of
    plural forms) in Spanish, nothing in English, the original in any other."""
    for po in catalogs_of(project):
        if msgid_plural is None:
            text = {EN: "", ES: spanish}.get(po, msgid)
            entry = f'msgid "{msgid}"\nmsgstr "{text}"\n'
        else:
            with (project / po).open("rb") as fileobj:
                count = read_po(fileobj).num_plurals
            forms = {EN: ("", ""), ES: spanish}.get(
                po, (msgid,) + (msgid_plural,) * (count - 1))
            entry = f'msgid "{msgid}"\nmsgid_plural "{msgid_plural}"\n' + "".join(
                f'msgstr[{index}] "{form}"\n' for index, form in enumerate(forms))
        with (project / po).open("a", encoding="utf-8") as catalog:
            catalog.write(f"\n{entry}")


def new_catalog(project, lang):
    """`lang` started afresh on the copy by `translate init`, then pseudo-translated,
    so that its only problems are the ones a test puts in."""
    shutil.rmtree(project / "translations" / lang, ignore_errors=True)
    result = app_for(project).test_cli_runner().invoke(args=["translate", "init", lang])
    assert result.exit_code == 0, result.output
    po = project / "translations" / lang / "LC_MESSAGES" / "messages.po"
    fill(po)
    return po


def test_the_real_catalogs_pass_check(app, runner):
    # This is what makes `make test` and CI fail on a string added without an update.
    result = runner.invoke(args=["translate", "check"])
    root = Project.from_config(app.config).root
    assert result.output.splitlines() == [all_clean(root)]
    assert result.exit_code == 0


def test_empty_msgstrs_of_the_english_catalog_are_not_problems(project):
    po = project / EN
    assert po.read_text(encoding="utf-8").count('msgstr ""') > 50
    assert check(project) == (0, [all_clean(project)])


def test_a_string_added_to_a_template_is_missing_from_every_catalog(project):
    template = project / "templates" / "contact.html"
    replace_in(template, '<h2>{{ _("E-mail") }}</h2>',
               '<h2>{{ _("E-mail") }}</h2>\n  <p>{{ _("We read every message.") }}</p>')
    line = line_of(template, '<p>{{ _("We read every message.") }}</p>')
    code, output = check(project)
    assert code == 1
    for po in catalogs_of(project):
        assert (
            f"{po}:1: missing from this catalog (the text is new, at "
            f'templates/contact.html:{line}); run "make translations-update": '
            '"We read every message."'
        ) in output


def test_a_string_added_to_the_code_is_missing(project):
    replace_in(project / "cde" / "pages.py", '_l("Contact")', '_l("Contact us")')
    code, output = check(project)
    assert code == 1
    assert any(line.startswith(f"{ES}:1: missing from this catalog") and
               line.endswith('"Contact us"') for line in output)


def test_an_untranslated_spanish_entry_is_reported_at_its_line(project):
    po = project / ES
    replace_in(po, 'msgid "Postal address"\nmsgstr "Dirección postal"',
               'msgid "Postal address"\nmsgstr ""')
    line = line_of(po, 'msgid "Postal address"')
    code, output = check(project)
    assert code == 1
    assert output[0] == (
        f"{ES}:{line}: not translated yet: write the translation between the quotes "
        'of msgstr: "Postal address"')


def test_a_fuzzy_spanish_entry_is_reported_at_its_line(project):
    po = project / ES
    replace_in(po, 'msgid "Postal address"\n', '#, fuzzy\nmsgid "Postal address"\n')
    line = line_of(po, 'msgid "Postal address"')
    code, output = check(project)
    assert code == 1
    assert output[0] == (
        f'{ES}:{line}: marked fuzzy (the original changed): check the translation, '
        'then remove "fuzzy" from the "#," line above: "Postal address"')


def test_a_mistyped_named_placeholder_is_reported(project):
    po = project / ES
    replace_in(po, "actualizaciones de %(years)s.", "actualizaciones de %(año)s.")
    line = line_of(po, '"UNODC and INEGI have presented reports to the UNSC on the '
                   'implementation "') - 1
    code, output = check(project)
    assert code == 1
    assert output[0] == (
        f"{ES}:{line}: placeholders differ from the original (%(years)s missing; "
        "%(año)s not in the original); copy every placeholder exactly as it is in "
        f'the msgid: "{YEARS}"')


def test_a_mistyped_brace_placeholder_is_reported(project):
    template = project / "templates" / "contact.html"
    replace_in(template, '<h2>{{ _("E-mail") }}</h2>',
               '<h2>{{ _("E-mail") }}</h2>\n  <p>{{ _("Written by {author}") }}</p>')
    add_to_every_catalog(project, "Escrito por {autor}", "Written by {author}")
    line = line_of(project / ES, 'msgid "Written by {author}"')
    code, output = check(project)
    assert code == 1
    assert output == [
        f"{ES}:{line}: placeholders differ from the original ({{author}} missing; "
        "{autor} not in the original); copy every placeholder exactly as it is in "
        'the msgid: "Written by {author}"']


def test_html_tags_that_differ_are_reported(project):
    po = project / ES
    replace_in(po, 'msgstr "Dirección postal"', 'msgstr "Dirección <strong>postal"')
    line = line_of(po, 'msgid "Postal address"')
    code, output = check(project)
    assert code == 1
    assert output[0] == (
        f"{ES}:{line}: HTML tags differ from the original (<strong> not in the "
        "original); keep every tag of the msgid, complete with its < and >: "
        '"Postal address"')


def test_a_missing_closing_quote_makes_the_catalog_unreadable(project):
    po = project / ES
    replace_in(po, 'msgstr "Dirección postal"', 'msgstr "Dirección postal')
    line = line_of(po, 'msgstr "Dirección postal')
    code, output = check(project)
    assert code == 1
    assert output == [
        f'{ES}:{line}: cannot be read: the closing double quote (") is missing at '
        "the end of the line"]


def test_an_unescaped_quote_makes_the_catalog_unreadable(project):
    po = project / ES
    replace_in(po, 'msgstr "Dirección postal"', 'msgstr "Dirección "postal""')
    line = line_of(po, 'msgstr "Dirección "postal""')
    assert check(project) == (1, [
        f'{ES}:{line}: cannot be read: a double quote inside the text must be '
        'written \\" (backslash, quote)'])


def test_a_misspelt_keyword_makes_the_catalog_unreadable(project):
    po = project / ES
    replace_in(po, 'msgstr "Dirección postal"', 'msgtsr "Dirección postal"')
    line = line_of(po, 'msgtsr "Dirección postal"')
    code, output = check(project)
    assert code == 1
    assert output[0] == (
        f'{ES}:{line}: cannot be read: "msgtsr" is not a .po keyword (msgid, '
        "msgstr, msgctxt), nor a comment starting with #")


def test_a_duplicate_entry_makes_the_catalog_unreadable(project):
    po = project / ES
    first = line_of(po, 'msgid "Postal address"')
    with po.open("a", encoding="utf-8") as catalog:
        catalog.write('\nmsgid "Postal address"\nmsgstr "Domicilio"\n')
    second = line_of(po, 'msgid "Postal address"', after=first)
    assert check(project) == (1, [
        f"{ES}:{second}: cannot be read: the same msgid is already at line {first}; "
        "keep only one of them"])


def test_an_entry_no_page_uses_any_more_is_reported(project):
    po = project / ES
    with po.open("a", encoding="utf-8") as catalog:
        catalog.write('\nmsgid "Old heading"\nmsgstr "Encabezado anterior"\n')
    line = line_of(po, 'msgid "Old heading"')
    assert check(project) == (1, [
        f'{ES}:{line}: no longer used by any page; run "make translations-update": '
        '"Old heading"'])


def test_a_folder_that_is_no_language_code_is_reported(project):
    folder = project / "translations" / "spanish" / "LC_MESSAGES"
    folder.mkdir(parents=True)
    (folder / "messages.po").write_bytes((project / ES).read_bytes())
    code, output = check(project)
    assert code == 1
    assert output == [
        'translations/spanish/LC_MESSAGES/messages.po:1: the folder name "spanish" is '
        "not a language code as Babel writes it, so the site ignores this catalog; "
        'rename the folder to a language code such as "fr" (French), or a language '
        'with its script or region such as "zh_Hant" (Chinese in traditional '
        'characters) or "pt_BR" (Portuguese of Brazil)']


def test_a_folder_named_in_another_spelling_is_told_babels_name(project):
    folder = project / "translations" / "pt-br" / "LC_MESSAGES"
    folder.mkdir(parents=True)
    (folder / "messages.po").write_bytes((project / ES).read_bytes())
    assert check(project) == (1, [
        'translations/pt-br/LC_MESSAGES/messages.po:1: the folder name "pt-br" is '
        "not a language code as Babel writes it, so the site ignores this catalog; "
        'rename the folder to "pt_BR"'])


def test_plurals_contexts_and_obsolete_entries_are_readable(project):
    po = project / ES
    with po.open("a", encoding="utf-8") as catalog:
        catalog.write(
            '\n#~ msgctxt "disk"\n#~ msgid "%(num)d file"\n#~ msgid_plural '
            '"%(num)d files"\n#~ msgstr[0] "%(num)d archivo"\n#~ msgstr[1] '
            '"%(num)d archivos"\n'
        )
    assert check(project) == (0, [all_clean(project)])


def test_a_plural_entry_with_a_broken_form_is_reported(project):
    template = project / "templates" / "contact.html"
    replace_in(template, '<h2>{{ _("E-mail") }}</h2>',
               '<h2>{{ _("E-mail") }}</h2>\n  <p>{{ ngettext("%(num)d report", '
               '"%(num)d reports", 2) }}</p>')
    add_to_every_catalog(project, ("un informe", "%(cuantos)d informes"),
                         "%(num)d report", "%(num)d reports")
    line = line_of(project / ES, 'msgid "%(num)d report"')
    code, output = check(project)
    assert code == 1
    # "un informe" may leave the number out; "%(cuantos)d" is a real mistake.
    assert output == [
        f"{ES}:{line}: placeholders differ from the original (%(cuantos)d not in the "
        "original); copy every placeholder exactly as it is in the msgid: "
        '"%(num)d report"']


# --- Plural-Forms: the header gettext reads to choose msgstr[0], msgstr[1]... -------

RUSSIAN = ("nplurals=3; plural=(n%10==1 && n%100!=11 ? 0 : n%10>=2 && n%10<=4 && "
           "(n%100<10 || n%100>=20) ? 1 : 2);")
# In CLDR's order of forms (zero, one, two, few, many, other): 11 "many", 100 "other".
ARABIC = ("nplurals=6; plural=(n==0 ? 0 : n==1 ? 1 : n==2 ? 2 : n%100>=3 && "
          "n%100<=10 ? 3 : n%100>=11 ? 4 : 5);")


def set_plural_forms(po, header):
    """Replace the Plural-Forms header of `po` (one line, or wrapped over several)."""
    lines = po.read_text(encoding="utf-8").split("\n")
    start = next(n for n, text in enumerate(lines) if text.startswith('"Plural-Forms'))
    end = next(n for n in range(start, len(lines)) if lines[n].endswith('\\n"'))
    lines[start:end + 1] = [f'"Plural-Forms: {header}\\n"']
    po.write_text("\n".join(lines), encoding="utf-8")
    return start + 1


def test_a_plural_forms_header_unlike_cldrs_is_reported_with_the_right_one(project):
    po = new_catalog(project, "ru")
    line = set_plural_forms(po, "nplurals=2; plural=(n != 1);")
    assert check(project) == (1, [
        f"translations/ru/LC_MESSAGES/messages.po:{line}: the Plural-Forms header "
        "does not follow the plural rules of Russian; replace it with this line: "
        f'"Plural-Forms: {RUSSIAN}\\n"'])


def test_a_missing_plural_forms_header_is_reported_with_the_right_one(project):
    po = project / ES
    replace_in(po, '"Plural-Forms: nplurals=2; plural=(n != 1);\\n"\n', "")
    header = line_of(po, 'msgid ""')
    assert check(project) == (1, [
        f'{ES}:{header}: the Plural-Forms header is missing; add '
        'this line under the msgstr "" at the top of the file: "Plural-Forms: '
        'nplurals=2; plural=(n != 1);\\n"'])


def test_the_arabic_header_written_by_init_passes_check(project):
    new_catalog(project, "ar")
    assert check(project) == (0, [all_clean(project)])


def test_the_arabic_header_of_babels_table_is_reported(project):
    # Babel's own table has forms 4 and 5 swapped (python-babel/babel#816).
    po = new_catalog(project, "ar")
    line = set_plural_forms(po, "nplurals=6; plural=(n==0 ? 0 : n==1 ? 1 : n==2 ? "
                            "2 : n%100>=3 && n%100<=10 ? 3 : n%100>=0 && n%100<=2 ? "
                            "4 : 5);")
    assert check(project) == (1, [
        f"translations/ar/LC_MESSAGES/messages.po:{line}: the Plural-Forms header "
        "does not follow the plural rules of Arabic; replace it with this line: "
        f'"Plural-Forms: {ARABIC}\\n"'])


def test_the_same_plural_rule_written_another_way_passes_check(project):
    # As other tools write it (Weblate, GNU gettext): same form for every number.
    po = new_catalog(project, "ar")
    set_plural_forms(po, "nplurals=6; plural=((n == 0) ? 0 : ((n == 1) ? 1 : ((n == 2) "
                     "? 2 : ((n % 100 >= 3 && n % 100 <= 10) ? 3 : ((n % 100 >= 11 && "
                     "n % 100 <= 99) ? 4 : 5)))));")
    assert check(project) == (0, [all_clean(project)])
