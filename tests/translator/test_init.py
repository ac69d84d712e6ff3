"""`flask translate init`: the language codes it takes or refuses, the plural rule it
writes, and a new language served once translated and compiled.
"""
import shutil

import pytest
from babel import Locale
from flask_babel import ngettext

from cde.pages import SOURCE_LANGUAGE
from tests.htmltext import HtmlText
from tests.projectcopy import ES, SITE, app_for, read, replace_in, run
from tests.pseudo import fill


def missing_language(project):
    """A language the copy has no catalog for: the repository gains languages."""
    return next(lang for lang in ("fr", "de", "it", "pt", "ru", "ja", "ko", "nl", "pl")
                if not (project / "translations" / lang).exists())


def started_afresh(project, lang):
    """`translate init LANG` on the copy, whether or not the repository has LANG."""
    shutil.rmtree(project / "translations" / lang, ignore_errors=True)
    return run(project, "init", lang)


def contents(folder):
    return sorted(path.name for path in folder.iterdir())


@pytest.mark.parametrize(
    "spelling, folder, prefix", [
        ("zh_Hant", "zh_Hant", "zh-hant"), ("zh-Hant", "zh_Hant", "zh-hant"),
        ("zh-hant", "zh_Hant", "zh-hant"), ("pt_BR", "pt_BR", "pt-br"),
        ("pt-br", "pt_BR", "pt-br"), ("es_419", "es_419", "es-419"),
    ])
def test_init_takes_any_spelling_and_names_the_folder_as_babel(
    project, spelling, folder, prefix
):
    shutil.rmtree(project / "translations" / folder, ignore_errors=True)
    result = run(project, "init", spelling)
    assert result.exit_code == 0, result.output
    po = f"translations/{folder}/LC_MESSAGES/messages.po"
    assert result.output.startswith(f"{po}: created with ")
    assert f"the pages appear under /{prefix}/." in result.output
    assert read(project / po).locale_identifier == folder


@pytest.mark.parametrize(
    "code", ["xx", "klingon", "fr-XX-YY", "Français", "../es", ""])
def test_init_refuses_what_is_not_a_language_code_and_gives_examples(project, code):
    before = contents(project / "translations")
    result = run(project, "init", code)
    assert result.exit_code == 2
    assert (f'Error: "{code}" is not a language code that Babel knows; use a language '
            'code such as "fr" (French), or a language with its script or region such '
            'as "zh_Hant"') in " ".join(result.output.split())
    assert contents(project / "translations") == before


@pytest.mark.parametrize("code, babel", [("und", "en_US"), ("zh-TW", "zh_Hant_TW")])
def test_init_refuses_a_code_babel_reads_as_another_locale(project, code, babel):
    before = contents(project / "translations")
    result = run(project, "init", code)
    assert result.exit_code == 2
    assert (f'Babel reads "{code}" as "{babel}"; if that is the language you mean, '
            f'use "{babel}"') in result.output
    assert contents(project / "translations") == before


def test_init_refuses_a_language_that_exists(project):
    before = (project / ES).read_bytes()
    result = run(project, "init", "es")
    assert result.exit_code == 2
    assert f"{ES} already exists" in result.output
    assert (project / ES).read_bytes() == before


def test_init_refuses_the_original_language(project):
    before = contents(project / "translations")
    result = run(project, "init", SOURCE_LANGUAGE)
    assert result.exit_code == 2
    assert (f'"{SOURCE_LANGUAGE}" is the original language of the site'
            in " ".join(result.output.split()))
    assert contents(project / "translations") == before


def test_a_new_language_is_served_after_init_translate_and_compile(project):
    lang = missing_language(project)
    assert run(project, "init", lang).exit_code == 0
    po = project / "translations" / lang / "LC_MESSAGES" / "messages.po"
    replace_in(po, 'msgid "Home"\nmsgstr ""', f'msgid "Home"\nmsgstr "Home-{lang}"')
    fill(po)  # every other text translated: a complete language is published
    assert run(project, "compile").exit_code == 0

    client = app_for(project).test_client()
    home = client.get(f"/{lang}/")
    assert home.status_code == 200
    page = HtmlText(home.get_data(as_text=True))
    assert page.html_lang == lang
    assert page.title.startswith(f"Home-{lang} | ")
    assert client.get(f"/{lang}/about/").status_code == 200
    assert page.alternates()[lang] == f"{SITE}/{lang}/"
    # The switcher of every language now offers the new one, named in itself.
    spanish = HtmlText(client.get("/es/acerca/").get_data(as_text=True))
    offered = [(a["href"], a["text"].casefold()) for a in spanish.anchors
               if a.get("hreflang") == lang]
    name = Locale(lang).get_display_name(lang).casefold()
    assert offered == [(f"/{lang}/about/", name)]
    assert spanish.alternates()[lang] == f"{SITE}/{lang}/about/"
    sitemap = client.get("/sitemap.xml").get_data(as_text=True)
    assert f"<loc>{SITE}/{lang}/about/</loc>" in sitemap


def test_a_script_variant_is_served_under_its_lower_case_prefix(project):
    assert started_afresh(project, "zh_Hant").exit_code == 0
    fill(project / "translations" / "zh_Hant" / "LC_MESSAGES" / "messages.po")
    assert run(project, "compile").exit_code == 0
    home = app_for(project).test_client().get("/zh-hant/")
    assert home.status_code == 200
    assert HtmlText(home.get_data(as_text=True)).html_lang == "zh-Hant"


# CLDR's plural categories in the order msgstr[0], msgstr[1]... follow.
CLDR_ORDER = ("zero", "one", "two", "few", "many", "other")


@pytest.mark.parametrize("lang, header", [
    # The convention of gettext's tools (msginit, Poedit, Weblate), where it has one:
    ("es", "nplurals=2; plural=(n != 1);"),
    ("fr", "nplurals=2; plural=(n > 1);"),
    ("ru", "nplurals=3; plural=(n%10==1 && n%100!=11 ? 0 : n%10>=2 && n%10<=4 && "
           "(n%100<10 || n%100>=20) ? 1 : 2);"),
    ("ar", "nplurals=6; plural=(n==0 ? 0 : n==1 ? 1 : n==2 ? 2 : n%100>=3 && "
           "n%100<=10 ? 3 : n%100>=11 ? 4 : 5);"),
    ("zh_Hant", "nplurals=1; plural=0;"),
    # None for Chinese without a script: CLDR's rule, from Babel.
    ("zh", "nplurals=1; plural=0;"),
])
def test_init_writes_the_plural_rule_translators_tools_write(project, lang, header):
    assert started_afresh(project, lang).exit_code == 0
    catalog = read(project / "translations" / lang / "LC_MESSAGES" / "messages.po")
    assert dict(catalog.mime_headers)["Plural-Forms"] == header


def test_the_site_picks_the_arabic_plural_form_cldr_gives_each_number(project):
    assert started_afresh(project, "ar").exit_code == 0
    po = project / "translations" / "ar" / "LC_MESSAGES" / "messages.po"
    forms = "".join(f'msgstr[{index}] "%(num)d {category}"\n'
                    for index, category in enumerate(CLDR_ORDER))
    with po.open("a", encoding="utf-8") as catalog:
        catalog.write(f'\nmsgid "%(num)d report"\nmsgid_plural "%(num)d reports"\n'
                      f"{forms}")
    assert run(project, "compile").exit_code == 0
    app = app_for(project)
    with app.test_request_context("/ar/"):
        app.preprocess_request()
        shown = [ngettext("%(num)d report", "%(num)d reports", n)
                 for n in (0, 1, 2, 3, 11, 100)]
    assert shown == ["0 zero", "1 one", "2 two", "3 few", "11 many", "100 other"]
