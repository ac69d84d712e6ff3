"""`flask translate check`: every catalog problem, reported as file:line: what: "msgid".

Each test breaks a copy of the project on purpose and asserts the exact line.
"""

from projectcopy import EN, ES, YEARS, app_for, line_of, replace_in


def check(project):
    """Run the command on the copy; its exit code and output lines."""
    result = app_for(project).test_cli_runner().invoke(args=["translate", "check"])
    return result.exit_code, result.stdout.splitlines()


def test_the_real_catalogs_pass_check(runner):
    # This is what makes `make test` and CI fail on a string added without an update.
    result = runner.invoke(args=["translate", "check"])
    assert result.output.splitlines() == [
        "All catalogs are complete and up to date (en, es)."]
    assert result.exit_code == 0


def test_empty_msgstrs_of_the_english_catalog_are_not_problems(project):
    po = project / EN
    assert po.read_text(encoding="utf-8").count('msgstr ""') > 50
    assert check(project) == (0, ["All catalogs are complete and up to date (en, es)."])


def test_a_string_added_to_a_template_is_missing_from_every_catalog(project):
    template = project / "templates" / "contact.html"
    replace_in(template, '<h2>{{ _("E-mail") }}</h2>',
               '<h2>{{ _("E-mail") }}</h2>\n  <p>{{ _("We read every message.") }}</p>')
    line = line_of(template, '<p>{{ _("We read every message.") }}</p>')
    code, output = check(project)
    assert code == 1
    for po in (EN, ES):
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
    for po, translation in ((EN, ""), (ES, "Escrito por {autor}")):
        with (project / po).open("a", encoding="utf-8") as catalog:
            catalog.write(f'\nmsgid "Written by {{author}}"\nmsgstr "{translation}"\n')
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
        'not a plain language code such as "fr", so the site ignores this catalog; '
        "rename the folder"]


def test_plurals_contexts_and_obsolete_entries_are_readable(project):
    po = project / ES
    with po.open("a", encoding="utf-8") as catalog:
        catalog.write(
            '\n#~ msgctxt "disk"\n#~ msgid "%(num)d file"\n#~ msgid_plural '
            '"%(num)d files"\n#~ msgstr[0] "%(num)d archivo"\n#~ msgstr[1] '
            '"%(num)d archivos"\n'
        )
    assert check(project) == (0, ["All catalogs are complete and up to date (en, es)."])


def test_a_plural_entry_with_a_broken_form_is_reported(project):
    template = project / "templates" / "contact.html"
    replace_in(template, '<h2>{{ _("E-mail") }}</h2>',
               '<h2>{{ _("E-mail") }}</h2>\n  <p>{{ ngettext("%(num)d report", '
               '"%(num)d reports", 2) }}</p>')
    for po, forms in ((EN, ("", "")), (ES, ("un informe", "%(cuantos)d informes"))):
        with (project / po).open("a", encoding="utf-8") as catalog:
            catalog.write(
                f'\nmsgid "%(num)d report"\nmsgid_plural "%(num)d reports"\n'
                f'msgstr[0] "{forms[0]}"\nmsgstr[1] "{forms[1]}"\n')
    line = line_of(project / ES, 'msgid "%(num)d report"')
    code, output = check(project)
    assert code == 1
    # "un informe" may leave the number out; "%(cuantos)d" is a real mistake.
    assert output == [
        f"{ES}:{line}: placeholders differ from the original (%(cuantos)d not in the "
        "original); copy every placeholder exactly as it is in the msgid: "
        '"%(num)d report"']
