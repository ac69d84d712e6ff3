"""The language the translators' commands speak: the translator's own, found as gettext
finds it (LANGUAGE, LC_ALL, LC_MESSAGES, LANG: `make translations-check LANG=es`), when
the tool has a catalog for it (Spanish so far), else English.

A message is marked `_t("...")` (`_tn` for one that depends on a number, `_t_noop` for
a constant), its variables as str.format fields: `_t("{path}: created").format(path=...)`.
Its gettext domain, `translate`, is read from the .po files of cde/translator/locale/
(no .mo in git); README.md says how to refresh them.
"""
import io
import string
from functools import lru_cache
from pathlib import Path

from babel import Locale, default_locale
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po
from babel.support import NullTranslations, Translations

from ..languages import TextDomain
from ..pages import SOURCE_LANGUAGE

# The tool's messages, marked as `make tool-messages` says (tests extract with these).
TOOL_TEXTS = TextDomain("translate", {"_t": None, "_tn": (1, 2), "_t_noop": None})
LOCALE_DIR = Path(__file__).resolve().parent / "locale"
# Where gettext looks, in its order (Babel's own default puts LC_MESSAGES before
# LANGUAGE, and Python sets LC_CTYPE=C.UTF-8 when it finds no locale: neither
# would let `LANGUAGE=es` or `make ... LANG=es` win).
_VARIABLES = ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG")


def fields(text: str) -> set[str]:
    """The str.format fields of `text` ({path} -> path); ValueError on a lone brace."""
    return {name for _, name, _, _ in string.Formatter().parse(text) if name is not None}


def _usable(message) -> bool:
    """Whether every form of a translation fills in without an error: a field the
    msgid has not would stop the command with a KeyError."""
    ids, forms = ((text,) if isinstance(text, str) else text
                  for text in (message.id, message.string))
    try:
        return all(fields(form) <= set().union(*map(fields, ids)) for form in forms)
    except ValueError:
        return False


@lru_cache(maxsize=8)
def _catalog(locale: str) -> tuple[str, NullTranslations]:
    """(language the tool speaks, its translations) for a locale: its catalog, or
    its language's (es_MX -> es), or English."""
    try:
        parsed = Locale.parse(locale)
        folder = next(folder for folder in dict.fromkeys((str(parsed), parsed.language))
                      if folder != SOURCE_LANGUAGE
                      and TOOL_TEXTS.catalog(LOCALE_DIR, folder).is_file())
        with TOOL_TEXTS.catalog(LOCALE_DIR, folder).open("rb") as fileobj:
            catalog = read_po(fileobj, locale=folder, domain=TOOL_TEXTS.name)
        for message in [m for m in catalog if m.id and not _usable(m)]:
            catalog.delete(message.id, message.context)
        buffer = io.BytesIO()
        write_mo(buffer, catalog, use_fuzzy=False)
        buffer.seek(0)
        return folder, Translations(buffer, domain=TOOL_TEXTS.name)
    # No locale Babel knows, no catalog for it, or whatever is wrong with the catalog:
    # the tool speaks English rather than stop, which is how translators learn what
    # is wrong with theirs.
    except Exception:
        return SOURCE_LANGUAGE, NullTranslations()


def _spoken() -> tuple[str, NullTranslations]:
    # The locale is read at each call, so that a test or a shell can change it.
    return _catalog(default_locale(_VARIABLES) or SOURCE_LANGUAGE)


def spoken_language() -> str:
    """The language the tool speaks to this translator (es, or en)."""
    return _spoken()[0]


def _t(message: str) -> str:
    """`message` in the translator's language, or as written (English)."""
    return _spoken()[1].gettext(message)


def _tn(singular: str, plural: str, count: int) -> str:
    """The form of a message that suits `count`, in the translator's language."""
    return _spoken()[1].ngettext(singular, plural, count)


def _t_noop(message: str) -> str:
    """`message` unchanged: marks a constant for extraction; `_t` translates it
    where it is shown, since the translator's locale is only known then."""
    return message

