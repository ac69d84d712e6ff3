"""The site's languages: a catalog folder each in translations/, offered to
visitors once translated (`is_published`), else a draft previewed at its address.

A catalog folder is named as Babel names the locale (`es`, `zh_Hant`); cde/i18n.py
says how a language is written in URLs and HTML. A folder that is no locale, or a
catalog that cannot be loaded, never stops the site in development; production
refuses to start on the latter (`UnusableCatalog`), naming the file.
"""
import logging
from gettext import GNUTranslations
from pathlib import Path
from typing import NamedTuple

from babel.messages.catalog import Message
from babel.messages.extract import DEFAULT_KEYWORDS
from babel.messages.mofile import read_mo
from babel.messages.pofile import read_po
from flask import Flask

from .i18n import code_of, is_language_code, locale_of
from .pages import SOURCE_LANGUAGE


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


def init_app(app: Flask) -> None:
    """LANGUAGES, the languages offered to visitors, and DRAFT_LANGUAGES."""
    app.config["LANGUAGES"], app.config["DRAFT_LANGUAGES"] = split_drafts(
        app, usable_languages(app))
