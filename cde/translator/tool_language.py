"""The language the translators' commands speak: the translator's own, when the tool
has a catalog for it (Spanish so far), else English, the language of the code. The
translator's locale is found as gettext finds it: LANGUAGE, LC_ALL, LC_MESSAGES,
LANG (`LANGUAGE=es flask --app app translate status`, `make translations-check
LANG=es`, or a computer set to Spanish).

The tool's messages are a gettext domain of their own, `translate`, in
cde/translator/locale/: not the site's catalogs in translations/, whose texts are
the website's. Code marks a message with `_t("...")` (`_tn` for one that depends on
a number, `_t_noop` for a constant translated where it is shown); variables are
str.format named fields, which a translation keeps exactly:
`_t("{path}: created").format(path=...)`.

After adding or changing a message, `make tool-messages` refreshes the template and
the catalogs with Babel's own commands (pybabel, with TOOL_TEXTS' keywords); then
translate what is new or fuzzy in each .po (tests/translator/test_in_spanish.py
fails while a message has no Spanish). The .po
is read as it is: no compile step, no .mo in git. The site's extraction (babel.cfg
with cde/languages.py's SITE_TEXTS keywords) knows none of these markers, so none of
these messages reaches translations/.
"""
import io
import string
from functools import lru_cache
from pathlib import Path

from babel import Locale, UnknownLocaleError, default_locale
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po
from babel.support import NullTranslations, Translations

from ..languages import TextDomain
from ..pages import SOURCE_LANGUAGE

# The tool's messages, marked as the -k options above say (tests extract with these).
TOOL_TEXTS = TextDomain("translate", {"_t": None, "_tn": (1, 2), "_t_noop": None})
LOCALE_DIR = Path(__file__).resolve().parent / "locale"
# Where gettext looks, in its order (Babel's own default puts LC_MESSAGES before
# LANGUAGE, and Python sets LC_CTYPE=C.UTF-8 when it finds no locale: neither
# would let `LANGUAGE=es` or `make ... LANG=es` win).
_VARIABLES = ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG")


def translator_locale() -> str:
    """The translator's locale as gettext finds it in the environment (es_MX, en),
    read at each call so a test or a shell can change it; C or none is English."""
    return default_locale(_VARIABLES) or SOURCE_LANGUAGE


def fields(text: str) -> set[str]:
    """The str.format fields of `text` ({path} -> "path"); ValueError if its braces
    do not pair up."""
    return {name for _, name, _, _ in string.Formatter().parse(text)
            if name is not None}


def _usable(message) -> bool:
    """Whether every form of a translation fills in without an error: a field the
    msgid has not would stop the command with a KeyError."""
    ids = message.id if isinstance(message.id, (list, tuple)) else (message.id,)
    forms = message.string if isinstance(message.string, (list, tuple)) else (
        message.string,)
    try:
        known = set().union(*map(fields, ids))
        return all(fields(form) <= known for form in forms)
    except ValueError:
        return False


@lru_cache(maxsize=8)
def _catalog(locale: str) -> tuple[str, NullTranslations]:
    """(language the tool speaks, its translations) for a locale: its catalog, or
    its language's (es_MX -> es), or English."""
    try:
        parsed = Locale.parse(locale)
    except (ValueError, UnknownLocaleError):
        return SOURCE_LANGUAGE, NullTranslations()
    for folder in dict.fromkeys((str(parsed), parsed.language)):
        po = TOOL_TEXTS.catalog(LOCALE_DIR, folder)
        if folder == SOURCE_LANGUAGE or not po.is_file():
            continue
        # Whatever is wrong with the catalog, the tool speaks English rather than
        # stop: it is how translators learn what is wrong with theirs.
        try:
            with po.open("rb") as fileobj:
                catalog = read_po(fileobj, locale=folder, domain=TOOL_TEXTS.name)
            for message in [m for m in catalog if m.id and not _usable(m)]:
                catalog.delete(message.id, message.context)
            buffer = io.BytesIO()
            write_mo(buffer, catalog, use_fuzzy=False)
            buffer.seek(0)
            return folder, Translations(buffer, domain=TOOL_TEXTS.name)
        except Exception:
            return SOURCE_LANGUAGE, NullTranslations()
    return SOURCE_LANGUAGE, NullTranslations()


def spoken_language() -> str:
    """The language the tool speaks to this translator (es, or en)."""
    return _catalog(translator_locale())[0]


def _t(message: str) -> str:
    """`message` in the translator's language, or as written (English)."""
    return _catalog(translator_locale())[1].gettext(message)


def _tn(singular: str, plural: str, count: int) -> str:
    """The form of a message that suits `count`, in the translator's language."""
    return _catalog(translator_locale())[1].ngettext(singular, plural, count)


def _t_noop(message: str) -> str:
    """`message` unchanged: marks a constant for extraction; `_t` translates it
    where it is shown, since the translator's locale is only known then."""
    return message

