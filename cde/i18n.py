"""Which language a request is in: URL prefix, else cookie, Accept-Language, default.

A language is a catalog folder in translations/ (cde/languages.py), named as Babel
names the locale (`es`, `fr`, `zh_Hant`, `pt_BR`). Its *code* is that name in lower
case with a hyphen (`es`, `zh-hant`, `pt-br`): the URL prefix, the `lang` cookie's
value and the key of app.config["LANGUAGES"]. Its *tag* (`zh-Hant`) is what HTML
`lang`, `hreflang` and `Content-Language` carry. Everything else (name, direction,
plural rules) comes from Babel's CLDR data, so a new folder is a new language.

Pages live under a prefix, which decides for them. Only `/` (and errors outside
any prefix) negotiate, by the rule of cde/negotiation.py, which the generated web
server configuration (cde/export/nginx.py) applies too.
"""
from babel import Locale, UnknownLocaleError
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


def language_name(code: str, spoken: str | None = None, starts_line=True) -> str:
    """A language's name in `spoken`, by default in itself as the switcher shows it
    ("English", "Español"); "ruso" to a Spanish speaker mid-sentence, "Ruso" if it
    `starts_line` (CLDR writes Spanish names in lower case). Codes as URL prefixes
    (zh-hant) or catalog folders (zh_Hant)."""
    locale = locale_of(code_of(code))
    name = locale.get_display_name(locale_of(code_of(spoken)) if spoken else locale)
    name = name or code
    return name[:1].upper() + name[1:] if starts_line else name


def text_direction(code: str) -> str:
    """"rtl" for languages written right to left (Arabic), else "ltr" (CLDR)."""
    return "rtl" if locale_of(code).character_order == "right-to-left" else "ltr"


def negotiate_language() -> str:
    """The language of this request when its path has no prefix."""
    return negotiation.negotiate(
        request.headers.get("Accept-Language"),
        request.cookies.get(COOKIE_NAME),
        current_languages(),
        request_default_language(),
    )


def default_language(config) -> str:
    """The configured default language, if it has a catalog, else English."""
    default = code_of(config["DEFAULT_LANGUAGE"])
    return default if default in config["LANGUAGES"] else SOURCE_LANGUAGE


def request_default_language() -> str:
    """The default language of the app of this request (`default_language`)."""
    return default_language(current_app.config)


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
    """Wire Flask-Babel and the Jinja i18n settings to the languages found
    (cde/languages.py) and the URL prefixes."""
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
