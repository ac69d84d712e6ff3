"""Which language a request is in: URL prefix, else cookie, Accept-Language, default.

Pages live under a language prefix (/en/, /es/), so the prefix decides for them. Only
the bare root `/` and errors outside any prefix negotiate, in Django's order: the
visitor's remembered choice (a cookie), then Accept-Language, then the default.
"""
import logging
import re
from pathlib import Path

from babel import Locale, UnknownLocaleError
from flask import Flask, current_app, g, request, url_for
from flask_babel import Babel

from .pages import PAGES_BY_ENDPOINT, SOURCE_LANGUAGE

COOKIE_NAME = "lang"
# Accept-Language headers longer than this are cut before parsing: a real browser
# sends well under 200 characters, a hostile one can send megabytes.
MAX_ACCEPT_LANGUAGE = 1000
_LANGUAGE_TAG = re.compile(r"^(?:[A-Za-z]{1,8}(?:-[A-Za-z0-9]{1,8})*|\*)$")


def discover_languages(translations: Path) -> tuple[str, ...]:
    """Languages that have a catalog in `translations/`, English first.

    A new language is a new folder: `flask translate init fr` is all it takes. A
    folder that is no language code Babel knows ("spanish", "pt-BR", a typo) is
    skipped with a warning: a stray folder must never stop the site from starting.
    """
    found = {SOURCE_LANGUAGE}
    for po in translations.glob("*/LC_MESSAGES/messages.po"):
        name = po.parent.parent.name
        if is_language_code(name):
            found.add(name)
        else:
            logging.getLogger(__name__).warning(
                "Skipping %s: %r is not a language code such as 'fr'.", po, name
            )
    return tuple(sorted(found, key=lambda lang: (lang != SOURCE_LANGUAGE, lang)))


def is_language_code(name: str) -> bool:
    """A catalog folder name usable as URL prefix and as Babel locale, such as 'fr'."""
    if name == "*" or not _LANGUAGE_TAG.match(name):
        return False
    try:
        return str(Locale.parse(name)) == name
    except (ValueError, UnknownLocaleError):
        return False


def parse_accept_language(header: str | None) -> list[str]:
    """Language tags of an Accept-Language header, most wanted first.

    Malformed entries are skipped rather than rejected, and q=0 means "not this one",
    as RFC 9110 says.
    """
    ranked = []
    for position, item in enumerate((header or "")[:MAX_ACCEPT_LANGUAGE].split(",")):
        tag, _, params = item.strip().partition(";")
        tag = tag.strip()
        if not _LANGUAGE_TAG.match(tag):
            continue
        quality = 1.0
        for param in params.split(";"):
            name, _, value = param.strip().partition("=")
            if name.strip().lower() == "q":
                try:
                    quality = float(value)
                except ValueError:
                    quality = -1.0
        if 0 < quality <= 1:
            ranked.append((-quality, position, tag.lower()))
    return [tag for _, _, tag in sorted(ranked)]


def negotiate_language() -> str:
    """The language for a request without a prefix: cookie, Accept-Language, default."""
    languages = current_languages()
    remembered = request.cookies.get(COOKIE_NAME, "")
    if remembered in languages:
        return remembered
    for tag in parse_accept_language(request.headers.get("Accept-Language")):
        if tag == "*":
            break
        # Regional variants (es-MX, es-419, en-GB) count as their language.
        primary = tag.split("-")[0]
        if primary in languages:
            return primary
    return request_default_language()


def request_default_language() -> str:
    """The configured default language, if it has a catalog, else English."""
    default = current_app.config["DEFAULT_LANGUAGE"]
    return default if default in current_languages() else SOURCE_LANGUAGE


def current_languages() -> tuple[str, ...]:
    """The languages the running app serves."""
    return current_app.config["LANGUAGES"]


def page_language() -> str:
    """The language of the current request (its prefix, or negotiated)."""
    if "lang" not in g:
        g.lang = negotiate_language()
    return g.lang


def language_name(lang: str) -> str:
    """A language's name in that language, capitalised: "English", "Español"."""
    name = Locale.parse(lang).get_display_name(lang) or lang
    return name[:1].upper() + name[1:]


def absolute(path: str) -> str:
    """An absolute URL on the configured site, never on the request's Host header."""
    return current_app.config["SITE_URL"].rstrip("/") + path


def language_links(endpoint: str | None) -> list[dict]:
    """For every language: its code, name, path and absolute URL of this page.

    Pages map to their counterpart; anything else (an error page) to that
    language's home page, the nearest place that exists in both.
    """
    target = endpoint if endpoint in PAGES_BY_ENDPOINT else "home"
    links = []
    for lang in current_languages():
        path = url_for(target, lang=lang)
        links.append(
            {
                "lang": lang,
                "name": language_name(lang),
                "path": path,
                "url": absolute(path),
            }
        )
    return links


def _remember_prefix(endpoint, values):
    """Take the language out of the URL values so views see it as g.lang."""
    if values and "lang" in values:
        g.lang = values["lang"]


def _keep_prefix(endpoint, values):
    """url_for() stays in the current language unless told otherwise."""
    if "lang" not in values and endpoint in PAGES_BY_ENDPOINT and "lang" in g:
        values["lang"] = g.lang


def init_app(app: Flask) -> None:
    """Discover the languages, wire Flask-Babel and the Jinja i18n settings."""
    app.config["LANGUAGES"] = discover_languages(Path(app.config["TRANSLATIONS_DIR"]))
    app.config["BABEL_TRANSLATION_DIRECTORIES"] = str(app.config["TRANSLATIONS_DIR"])
    app.config["BABEL_DEFAULT_LOCALE"] = SOURCE_LANGUAGE
    Babel(app, locale_selector=page_language)
    # Same policy as babel.cfg, so paragraphs are looked up as they were extracted.
    app.jinja_env.policies["ext.i18n.trimmed"] = True
    # Whitespace left by block tags only adds bytes to every page.
    app.jinja_env.trim_blocks = True
    app.jinja_env.lstrip_blocks = True
    app.url_value_preprocessor(_remember_prefix)
    app.url_defaults(_keep_prefix)
