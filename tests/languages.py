"""What the tests know of the site's languages: derived from translations/, never
listed, so a language added there is tested with no change here."""
from babel.localedata import locale_identifiers
from babel.messages.catalog import Catalog
from babel.messages.mofile import write_mo
from flask_babel import force_locale, gettext

from cde import ROOT
from cde.i18n import discover_languages, locale_of

# The languages the `app` fixture serves: one per catalog in translations/.
LANGUAGES = discover_languages(ROOT / "translations")


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
