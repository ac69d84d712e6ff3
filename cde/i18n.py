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
from typing import NamedTuple

from babel import Locale, UnknownLocaleError
from babel.messages.catalog import Message
from babel.messages.extract import DEFAULT_KEYWORDS
from babel.messages.mofile import read_mo
from babel.messages.pofile import read_po
from flask import Flask, current_app, g, request, url_for
from flask_babel import Babel

from . import negotiation
from .negotiation import locale_of
from .pages import PAGES_BY_ENDPOINT, SOURCE_LANGUAGE

COOKIE_NAME = "lang"


class TextDomain(NamedTuple):
    """A gettext domain: the name of its catalogs' files, and the keywords that mark
    its texts in code, which extraction looks for."""

    name: str
    keywords: dict

    def template(self, folder: Path) -> Path:
        """The template every catalog is updated from: folder/messages.pot."""
        return folder / f"{self.name}.pot"

    def catalog(self, folder: Path, locale: str, suffix: str = ".po") -> Path:
        """A locale's catalog (.po) or compiled catalog (.mo) in `folder`."""
        return folder / locale / "LC_MESSAGES" / f"{self.name}{suffix}"

    def catalogs(self, folder: Path) -> list[Path]:
        """Every catalog (.po) in `folder`, whatever its locale folder is named."""
        return sorted(folder.glob(f"*/LC_MESSAGES/{self.name}.po"))


# The site's texts, in translations/: templates use Babel's keywords, code the lazy
# ones too (`_l` is lazy_gettext, in cde/pages.py and cde/errors.py).
SITE_TEXTS = TextDomain("messages", {
    **DEFAULT_KEYWORDS, "_l": None, "lazy_gettext": None, "lazy_ngettext": (1, 2),
    "lazy_pgettext": ((1, "c"), 2)})


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


def discover_languages(translations: Path) -> tuple[str, ...]:
    """Codes of the languages that have a catalog in `translations/`, English first.

    A new language is a new folder: `make translations-init LANG=fr` is all it
    takes. A folder that is no locale Babel knows ("spanish", "pt-BR", a typo) is
    skipped with a warning: a stray folder must never stop the site from starting.
    """
    found = {SOURCE_LANGUAGE}
    for po in SITE_TEXTS.catalogs(translations):
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
                SITE_TEXTS.catalog(translations, folder.name).is_file()):
            continue
        mo = SITE_TEXTS.catalog(translations, folder.name, ".mo")
        try:
            with mo.open("rb") as fileobj:
                GNUTranslations(fileobj)
        except Exception as error:  # unreadable, missing, or whatever corrupt raises
            reason = getattr(error, "strerror", None) or error
            faults[code_of(folder.name)] = (
                f"{mo} cannot be read ({reason}); run `make catalogs`")
    return faults


def _mo(translations: Path, code: str) -> Path:
    return SITE_TEXTS.catalog(translations, str(locale_of(code)), ".mo")


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


def entries(messages) -> dict[tuple, Message]:
    """The texts of a catalog (not its header) by what identifies them: (context,
    msgid), a plural by its singular; from a .po or a compiled .mo, whose contexts
    Babel before 2.16 gave as bytes."""
    return {(m.context.decode() if isinstance(m.context, bytes) else m.context,
             m.id[0] if m.pluralizable else m.id): m for m in messages if m.id}


def is_translated(message: Message) -> bool:
    """Whether every form of an entry has its translation."""
    return all(message.string) if message.pluralizable else bool(message.string)


def is_published(code: str, done: int, total: int, default: str,
                 threshold: float) -> bool:
    """The draft rule: a language is offered to visitors once `done` of the `total`
    texts of the template are translated, as live on the site, `threshold` percent of
    them; the original and the default language always. The site counts what its
    compiled catalogs hold (`split_drafts`), the translators' commands what
    compiling a .po would give them (cde/translator/review.py)."""
    return (code_of(code) in (SOURCE_LANGUAGE, code_of(default))
            or 100 * done >= threshold * total)


def split_drafts(app: Flask, codes) -> tuple[tuple, tuple]:
    """(published, drafts) among `codes`, by `is_published` on each compiled
    catalog; a language that never compiled is a draft, unless it is the default."""
    translations = Path(app.config["TRANSLATIONS_DIR"])
    default, threshold = app.config["DEFAULT_LANGUAGE"], app.config["PUBLISH_THRESHOLD"]
    try:
        with SITE_TEXTS.template(translations).open("rb") as fileobj:
            wanted = entries(read_po(fileobj)).keys()
    except OSError:
        wanted = set()
    drafts = []
    for code in codes:
        done, total = 0, max(len(wanted), 1)  # never compiled (make run): none live
        if (mo := _mo(translations, code)).exists():
            with mo.open("rb") as fileobj:
                done, total = sum(is_translated(message) for key, message in entries(
                    read_mo(fileobj)).items() if key in wanted), len(wanted)
        if not is_published(code, done, total, default, threshold):
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
