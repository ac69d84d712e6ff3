"""`flask translate check` on the Plural-Forms header, which gettext reads to choose
msgstr[0], msgstr[1]...: one that follows neither the rule of gettext's tools nor
CLDR's, or none at all, is reported with the right line; whatever the header,
the language stays on the site.
"""
import shutil

import pytest

from tests.projectcopy import ES, all_clean, app_for, check, line_of, replace_in
from tests.pseudo import fill


def new_catalog(project, lang):
    """`lang` started afresh on the copy by `translate init`, then pseudo-translated,
    so that its only problems are the ones a test puts in."""
    shutil.rmtree(project / "translations" / lang, ignore_errors=True)
    result = app_for(project).test_cli_runner().invoke(args=["translate", "init", lang])
    assert result.exit_code == 0, result.output
    po = project / "translations" / lang / "LC_MESSAGES" / "messages.po"
    fill(po)
    return po


RUSSIAN = ("nplurals=3; plural=(n%10==1 && n%100!=11 ? 0 : n%10>=2 && n%10<=4 && "
           "(n%100<10 || n%100>=20) ? 1 : 2);")
# In CLDR's order of forms (zero, one, two, few, many, other): 11 "many", 100 "other".
ARABIC = ("nplurals=6; plural=(n==0 ? 0 : n==1 ? 1 : n==2 ? 2 : n%100>=3 && "
          "n%100<=10 ? 3 : n%100>=11 ? 4 : 5);")
# Babel's own table, with Arabic's forms 4 and 5 swapped (python-babel/babel#816).
BABELS_ARABIC = ("nplurals=6; plural=(n==0 ? 0 : n==1 ? 1 : n==2 ? 2 : n%100>=3 && "
                 "n%100<=10 ? 3 : n%100>=0 && n%100<=2 ? 4 : 5);")


def set_plural_forms(po, header):
    """Replace the Plural-Forms header of `po` (one line, or wrapped over several)."""
    lines = po.read_text(encoding="utf-8").split("\n")
    start = next(n for n, text in enumerate(lines) if text.startswith('"Plural-Forms'))
    end = next(n for n in range(start, len(lines)) if lines[n].endswith('\\n"'))
    lines[start:end + 1] = [f'"Plural-Forms: {header}\\n"']
    po.write_text("\n".join(lines), encoding="utf-8")
    return start + 1


@pytest.mark.parametrize("lang, header, name, right", [
    ("ru", "nplurals=2; plural=(n != 1);", "Russian", RUSSIAN),
    ("ar", BABELS_ARABIC, "Arabic", ARABIC),
    ("es", "nplurals=1; plural=0;", "Spanish", "nplurals=2; plural=(n != 1);"),
])
def test_a_plural_forms_header_that_follows_neither_rule_is_reported_with_the_fix(
    project, lang, header, name, right
):
    po = new_catalog(project, lang) if lang != "es" else project / ES
    line = set_plural_forms(po, header)
    assert check(project, lang) == (1, [
        f"translations/{lang}/LC_MESSAGES/messages.po:{line}: the Plural-Forms header "
        f"does not follow the plural rules of {name}; replace it with this line: "
        f'"Plural-Forms: {right}\\n"'])


# Spanish as Babel 2.19 writes it from CLDR: a third form, "many", for millions.
SPANISH_CLDR = "nplurals=3; plural=(n == 1 ? 0 : n != 0 && n % 1000000 == 0 ? 1 : 2);"


@pytest.mark.parametrize("header", [SPANISH_CLDR, "nplurals=1; plural=0;"])
def test_no_plural_forms_header_takes_a_language_off_the_site(project, header):
    """Whatever check thinks of the header, gettext reads it: compile compiles, and
    /es/ is served in Spanish (a Babel release once refused Spanish's own header)."""
    set_plural_forms(project / ES, header)
    app = app_for(project)
    assert app.test_cli_runner().invoke(args=["translate", "compile"]).exit_code == 0
    page = app_for(project).test_client().get("/es/contacto/")
    assert page.status_code == 200
    assert "Dirección postal" in page.get_data(as_text=True)


def test_a_missing_plural_forms_header_is_reported_with_the_right_one(project):
    po = project / ES
    replace_in(po, '"Plural-Forms: nplurals=2; plural=(n != 1);\\n"\n', "")
    header = line_of(po, 'msgid ""')
    assert check(project) == (1, [
        f'{ES}:{header}: the Plural-Forms header is missing; add '
        'this line under the msgstr "" at the top of the file: "Plural-Forms: '
        'nplurals=2; plural=(n != 1);\\n"'])


@pytest.mark.parametrize("header", [
    None,  # as `translate init` writes it
    # As other tools write it (Weblate, GNU gettext): the same form for every number.
    "nplurals=6; plural=((n == 0) ? 0 : ((n == 1) ? 1 : ((n == 2) ? 2 : ((n % 100 >= 3 "
    "&& n % 100 <= 10) ? 3 : ((n % 100 >= 11 && n % 100 <= 99) ? 4 : 5)))));",
])
def test_an_arabic_header_with_cldrs_rule_passes_check(project, header):
    po = new_catalog(project, "ar")
    if header:
        set_plural_forms(po, header)
    assert check(project) == (0, [all_clean(project)])
