"""Which language a request is in: URL prefix, else cookie, Accept-Language, default.

A language is a catalog folder in translations/, named as Babel names the locale
(`es`, `fr`, `zh_Hant`, `pt_BR`). Its *code* is that name in lower case with a
hyphen (`es`, `zh-hant`, `pt-br`): the URL prefix, the `lang` cookie's value and
the key of app.config["LANGUAGES"]. Its *tag* (`zh-Hant`) is what HTML `lang`,
`hreflang` and `Content-Language` carry. Everything else (name, direction, plural
rules) comes from Babel's CLDR data, so a new folder is a new language.

Pages live under a prefix, which decides for them. Only `/` (and errors outside
any prefix) negotiate, by the rule of cde/negotiation.py, which the generated web
server configuration (cde/webserver.py) applies too.
"""
import logging
from gettext import GNUTranslations
from pathlib import Path

from babel import Locale, UnknownLocaleError
from babel.messages.mofile import read_mo
from babel.messages.pofile import read_po
from flask import Flask, current_app, g, request, url_for
from flask_babel import Babel

from . import negotiation
from .negotiation import locale_of
from .pages import PAGES_BY_ENDPOINT, SOURCE_LANGUAGE

COOKIE_NAME = "lang"
def is_language_code(folder: str) -> bool:
    """Whether a catalog folder names a locale Babel knows, spelled as Babel does
    (fr, zh_Hant, pt_BR, es_419; not FR, pt-BR, zh_TW or a typo)."""
    try:
        return str(Locale.parse(folder)) == folder
    except (ValueError, UnknownLocaleError):
        return False


def code_of(folder: str) -> str:
    """The URL prefix of a catalog folder: zh_Hant -> zh-hant."""
    return folder.lower().replace("_", "-")


def language_tag(code: str) -> str:
    """The BCP 47 tag for HTML and HTTP: zh-hant -> zh-Hant, pt-br -> pt-BR."""
    return str(locale_of(code)).replace("_", "-")


def language_name(code: str) -> str:
    """A language's name in that language, capitalised: "English", "Español"."""
    name = locale_of(code).get_display_name(locale_of(code)) or code
    return name[:1].upper() + name[1:]


def text_direction(code: str) -> str:
    """"rtl" for languages written right to left (Arabic), else "ltr" (CLDR)."""
    return "rtl" if locale_of(code).character_order == "right-to-left" else "ltr"


def discover_languages(translations: Path) -> tuple[str, ...]:
    """Codes of the languages that have a catalog in `translations/`, English first.

    A new language is a new folder: `make translations-init LANG=fr` is all it
    takes. A folder that is no locale Babel knows ("spanish", "pt-BR", a typo) is
    skipped with a warning: a stray folder must never stop the site from starting.
    """
    found = {SOURCE_LANGUAGE}
    for po in translations.glob("*/LC_MESSAGES/messages.po"):
        folder = po.parent.parent.name
        if is_language_code(folder):
            found.add(code_of(folder))
        else:
            logging.getLogger(__name__).warning(
                "Skipping %s: %r is not a locale name such as 'fr' or 'zh_Hant'.",
                po, folder,
            )
    return tuple(sorted(found, key=lambda code: (code != SOURCE_LANGUAGE, code)))


class UnusableCatalog(RuntimeError):
    """A catalog that exists but cannot be read or loaded, in production."""


def catalog_faults(translations: Path) -> dict[str, str]:
    """Languages whose catalog exists but cannot be used, each with a sentence why.

    A folder that cannot be read would make its language vanish, and a compiled
    catalog (.mo) that cannot be loaded would show English under its `lang`.
    """
    try:
        folders = sorted(path for path in translations.iterdir() if path.is_dir())
    except OSError as error:
        return {"*": f"{translations} cannot be read ({error.strerror}): no language "
                     "but English could be served"}
    faults = {}
    for folder in folders:
        # Only catalogs: a folder left behind (translations/en of old) is none.
        if not is_language_code(folder.name) or folder.name == SOURCE_LANGUAGE or not (
                folder / "LC_MESSAGES" / "messages.po").is_file():
            continue
        mo = folder / "LC_MESSAGES" / "messages.mo"
        try:
            with mo.open("rb") as fileobj:
                GNUTranslations(fileobj)
        except Exception as error:  # unreadable, missing, or whatever corrupt raises
            reason = getattr(error, "strerror", None) or error
            faults[code_of(folder.name)] = (
                f"{mo} cannot be read ({reason}); run `make catalogs`")
    return faults


def _mo(translations: Path, code: str) -> Path:
    return translations / str(locale_of(code)) / "LC_MESSAGES" / "messages.mo"


def usable_languages(app: Flask) -> tuple[str, ...]:
    """The languages with a catalog the site can use. A fault stops production with
    a message naming the file. In development (`make run`) a language that never
    compiled (its .po has a mistake) is shown in English, marked as English, so the
    preview always starts; one whose .mo cannot be loaded is left out."""
    translations = Path(app.config["TRANSLATIONS_DIR"])
    faults = catalog_faults(translations)
    if faults and app.config.get("PRODUCTION"):
        raise UnusableCatalog("Refusing to start: " + "; ".join(faults.values()))
    uncompiled = {code for code in faults if not _mo(translations, code).exists()}
    # Said when the site first serves a request, not when a command loads the app:
    # `make catalogs` would otherwise start by complaining of what it compiles.
    untold = [f"{fault}. Its pages show the English until then." if code in uncompiled
              else f"{fault}. Its language is left out until then."
              for code, fault in faults.items()]

    def tell_faults():
        told, untold[:] = untold[:], []
        for fault in told:
            app.logger.error(fault)

    app.before_request(tell_faults)
    return tuple(code for code in discover_languages(translations)
                 if code not in faults.keys() - uncompiled)


def _texts(catalog, translated: bool) -> set:
    """(context, msgid) of the entries of a catalog, or of those with every form
    translated; a compiled catalog's contexts are bytes."""
    return {(m.context.decode() if isinstance(m.context, bytes) else m.context,
             m.id[0] if m.pluralizable else m.id) for m in catalog
            if m.id and (not translated or all(
                m.string if m.pluralizable else [m.string]))}


def split_drafts(app: Flask, codes) -> tuple[tuple, tuple]:
    """(published, drafts) among `codes`: a language is published once its compiled
    catalog has PUBLISH_THRESHOLD % of the texts of messages.pot, the default one
    always. `flask translate check` and `status` say which is which, by the same
    rule (cde/catalog_review.py)."""
    translations = Path(app.config["TRANSLATIONS_DIR"])
    default = code_of(app.config["DEFAULT_LANGUAGE"])
    try:
        with (translations / "messages.pot").open("rb") as fileobj:
            wanted = _texts(read_po(fileobj), translated=False)
    except OSError:
        wanted = set()
    drafts = []
    for code in codes:
        if code in (default, SOURCE_LANGUAGE):
            continue
        if not (mo := _mo(translations, code)).exists():  # never compiled (make run)
            drafts.append(code)
            continue
        with mo.open("rb") as fileobj:
            done = len(_texts(read_mo(fileobj), translated=True) & wanted)
        if 100 * done < app.config["PUBLISH_THRESHOLD"] * len(wanted):
            drafts.append(code)
    return tuple(c for c in codes if c not in drafts), tuple(drafts)


def negotiate_language() -> str:
    """The language of this request when its path has no prefix."""
    return negotiation.negotiate(
        request.headers.get("Accept-Language"),
        request.cookies.get(COOKIE_NAME),
        current_languages(),
        request_default_language(),
    )


def request_default_language() -> str:
    """The configured default language, if it has a catalog, else English."""
    default = code_of(current_app.config["DEFAULT_LANGUAGE"])
    return default if default in current_languages() else SOURCE_LANGUAGE


def current_languages() -> tuple[str, ...]:
    """The language codes the running app offers visitors (drafts are not)."""
    return current_app.config["LANGUAGES"]


def all_languages(config) -> tuple[str, ...]:
    """Every language with pages: those offered, then the drafts (noindex)."""
    return config["LANGUAGES"] + config["DRAFT_LANGUAGES"]


def page_language() -> str:
    """The language code of the current request (its prefix, or negotiated)."""
    if "lang" not in g:
        g.lang = negotiate_language()
    return g.lang


def absolute(path: str) -> str:
    """An absolute URL on the configured site, never on the request's Host header."""
    return current_app.config["SITE_URL"].rstrip("/") + path


def language_links(endpoint: str | None) -> list[dict]:
    """For every language: its code, tag, name, path and absolute URL of this page.

    Pages map to their counterpart; anything else (an error page) to that
    language's home page, the nearest place that exists in all of them.
    """
    target = endpoint if endpoint in PAGES_BY_ENDPOINT else "home"
    paths = {code: url_for(target, lang=code) for code in current_languages()}
    return [{"lang": code, "tag": language_tag(code), "name": language_name(code),
             "dir": text_direction(code), "path": path, "url": absolute(path)}
            for code, path in paths.items()]


def _remember_prefix(endpoint, values):
    """Take the language out of the URL values so views see it as g.lang."""
    if values and "lang" in values:
        g.lang = values["lang"]


def _keep_prefix(endpoint, values):
    """url_for() stays in the current language unless told otherwise."""
    if "lang" not in values and endpoint in PAGES_BY_ENDPOINT and "lang" in g:
        values["lang"] = g.lang


def _babel_locale() -> str:
    """Flask-Babel's locale selector: the catalog folder of the page's language."""
    return str(locale_of(page_language()))


def init_app(app: Flask) -> None:
    """Discover the languages, wire Flask-Babel and the Jinja i18n settings."""
    app.config["LANGUAGES"], app.config["DRAFT_LANGUAGES"] = split_drafts(
        app, usable_languages(app))
    app.config["BABEL_TRANSLATION_DIRECTORIES"] = str(app.config["TRANSLATIONS_DIR"])
    app.config["BABEL_DEFAULT_LOCALE"] = SOURCE_LANGUAGE
    Babel(app, locale_selector=_babel_locale)
    # Same policy as babel.cfg, so paragraphs are looked up as they were extracted.
    app.jinja_env.policies["ext.i18n.trimmed"] = True
    # Whitespace left by block tags only adds bytes to every page.
    app.jinja_env.trim_blocks = True
    app.jinja_env.lstrip_blocks = True
    app.url_value_preprocessor(_remember_prefix)
    app.url_defaults(_keep_prefix)
