"""What the tests know of the site's languages: which ones, derived from
translations/, never listed, so a language added there is tested with no change
here; and how each is written on a page, written out (WRITTEN), never computed by
the code under test."""
from typing import NamedTuple

from babel.localedata import locale_identifiers
from babel.messages.catalog import Catalog
from babel.messages.mofile import write_mo
from flask_babel import force_locale, gettext

from cde import ROOT
from cde.i18n import locale_of
from cde.languages import discover_languages

# The languages the `app` fixture serves: one per catalog in translations/.
LANGUAGES = discover_languages(ROOT / "translations")


class Written(NamedTuple):
    """How a language is written on a page."""

    tag: str  # <html lang>, hreflang, Content-Language
    dir: str  # <html dir>
    name: str  # its name in the switcher, in itself


# The UN's languages and the variants the README names, by code (URL prefix), as
# CLDR writes them. A language added to translations/ that is missing here fails
# test_pages.py's test_every_language_is_written_out, which says to add it.
WRITTEN = {
    "ar": Written("ar", "rtl", "العربية"),
    "en": Written("en", "ltr", "English"),
    "es": Written("es", "ltr", "Español"),
    "fr": Written("fr", "ltr", "Français"),
    "pt-br": Written("pt-BR", "ltr", "Português (Brasil)"),
    "ru": Written("ru", "ltr", "Русский"),
    "zh": Written("zh", "ltr", "中文"),
    "zh-hant": Written("zh-Hant", "ltr", "中文 (繁體)"),
}


def translated(app, lang: str, text: str) -> str:
    """`text` as the catalog of `lang` translates it."""
    with app.test_request_context(), force_locale(str(locale_of(lang))):
        return gettext(text)


def language_without_catalog(languages=LANGUAGES) -> str:
    """A language Babel knows and the site has no catalog for (so no prefix)."""
    return next(
        code for code in sorted(locale_identifiers())
        if len(code) == 2 and code not in languages
    )


def empty_catalog(root, folder: str, compiled: bool = True) -> None:
    """An empty catalog folder in `root`, compiled (a .mo beside the .po) or not."""
    messages = root / folder / "LC_MESSAGES"
    messages.mkdir(parents=True)
    (messages / "messages.po").write_text("")
    if compiled:
        with (messages / "messages.mo").open("wb") as fileobj:
            write_mo(fileobj, Catalog())


# Django's Accept-Language vectors (tests/i18n/tests.py, test_parse_spec_http_header),
# good and bad, as a server receives them (bytes read as Latin-1).
DJANGO_ACCEPT_LANGUAGE = [
    "de", "en-AU", "es-419", "*;q=1.00", "en-AU;q=0.123", "en-au;q=0.5",
    "en-au;q=1.0", "da, en-gb;q=0.25, en;q=0.5", "en-au-xx",
    "de,en-au;q=0.75,en-us;q=0.5,en;q=0.25,es;q=0.125,fa;q=0.125", "*", "de;q=0.",
    "en; q=1,", "en; q=1.0, * ; q=0.5", "en" + "-x" * 20, ", ".join(["en; q=1.0"] * 20),
    "en-gb;q=1.0000", "en;q=0.1234", "en;q=.2", "abcdefghi-au", "**", "en,,gb",
    "en-au;q=0.1.0", ("X" * 97) + "Z,en", "da, en-gb;q=0.8, en;q=0.7,#", "de;q=2.0",
    "de;q=0.a", "12-345", "", "en;q=1e0",
    "en-au;q=\uff11.\uff10".encode().decode("latin-1"),
    "xxxxxxxx" + "-xxxxxxxx" * 500, ", ".join(["en; q=1.0"] * 500),
]


def root_cases(languages) -> list[dict]:
    """Request headers for `/`: Accept-Language at the rule's corners and for each
    language, each with cookies right, wrong and missing (about a thousand)."""
    accepts = [
        "", "*", "de, it", "en;q=0, *", "*;q=0.9, en;q=0.5", "en;q=2", "en;q=abc",
        "en;q=1.5, es;q=0.2", "en;q=-1, es;q=0.2", "es;q=.5, en;q=0.1",
        "garbage;;q=, en-GB;q=0.9", "EN-us", "en_US, es;q=0.1", "en;level=1",
        "en;q=0.5;x=1, es;q=0.4", "es;q=0.8, en;q=0.85", "en;q=0.8501, es;q=0.1",
        "en;Q=0.5, es;q=0.4", "en; q=0.5, es;q=0.4", "en ;q=0.5, es;q=0.4",
        "en; q=0.1, es;q=0.4", "es; q=0, en;q=0.4", "en ; ; ; ; ; ; ; ;q=9, es",
        "en;q= 0.5, es;q=0.4", "en;q=1.000, es", "es;q=0.5, en;q=00.6",
        "es;q=0.001, en;q=0.0001", "es;q=0.9, en;q=0.900", "  es  ,  en  ", "en,",
        ",es", "en;;q=0.2, es;q=0.3", "en-" + "a" * 50 + ", es;q=0.1",
        "zh-TW", "zh-HK", "zh-CN", "zh-Hant", "zh-Hans", "zh-Hans-TW", "zh-SG;q=0.5",
        "ar-EG;q=0.3, ru;q=0.2", "pt-PT, fr;q=0.1", "ru-RU, ru;q=0.9, en-US;q=0.8",
        "fr-CA;q=0.9, es;q=0.9", "es;q=0.9, fr-CA;q=0.9", "x-klingon, ar;q=0.1",
        ", ".join(["x-klingon;q=0.5"] * 60) + ", fr;q=0.4",
        ", ".join(["x-klingon;q=0.5"] * 200) + ", fr;q=0.4",
        *DJANGO_ACCEPT_LANGUAGE,
    ]
    for code in languages:
        tag = code.split("-")[0]
        accepts += [code, f"{tag}-419", f"xx, {code};q=0.3", f"{code};q=0.5, de;q=0.7",
                    f"de;q=0.7, {code};q=0.7", f"{code};q=0"]
    cookies = [None, "lang=xx", "LANG=" + languages[0], "a=1; lang=" + languages[-1],
               "lang=xx; lang=" + languages[0], "lang=" + languages[0].upper(),
               f'lang="{languages[-1]}"', f"lang= {languages[-1]}"]
    cookies += [f"lang={code}" for code in languages]
    cases = []
    for accept in accepts:
        for cookie in cookies:
            headers = {"Accept-Language": accept} if accept else {}
            if cookie:
                headers["Cookie"] = cookie
            cases.append(headers)
    return cases
