"""The languages a catalog may be for: its folder named as Babel names the locale, and
its Plural-Forms header one of the two rules in use (translators' tools' and CLDR's)."""
from gettext import c2py

from babel import Locale, UnknownLocaleError
from babel.messages.catalog import Catalog
from babel.messages.plurals import get_plural
from weblate_language_data.languages import LANGUAGES as TOOLS_LANGUAGES

from ..i18n import code_of, is_language_code, language_name
from .tool_language import _t, _t_noop, spoken_language

LANGUAGE_EXAMPLES = _t_noop(
    'a language code such as "fr" (French), or a language with its script or region '
    'such as "zh_Hant" (Chinese in traditional characters) or "pt_BR" (Portuguese of '
    "Brazil)")


def parse_language(code: str) -> str:
    """The catalog folder for `code` as Babel names the locale (zh-hant -> zh_Hant,
    pt-br -> pt_BR); anything else is a ValueError saying what is wrong."""
    written = code.strip()
    try:
        folder = str(Locale.parse(written.replace("_", "-"), sep="-"))
    except (ValueError, UnknownLocaleError):
        folder = ""
    if not is_language_code(folder):  # unknown, or a variant no address can name
        raise ValueError(_t('"{code}" is not a language code that Babel knows; use '
                            "{examples}").format(code=code,
                                                 examples=_t(LANGUAGE_EXAMPLES)))
    # Babel reads some codes as another locale (und -> en_US, zh-TW -> zh_Hant_TW):
    # say so, rather than create a folder under a name nobody typed.
    if code_of(folder) != code_of(written):
        raise ValueError(_t('Babel reads "{code}" as "{folder}"; if that is the '
                            'language you mean, use "{folder}"').format(code=code,
                                                                        folder=folder))
    return folder


def folder_problem(folder: str) -> str | None:
    """Why the site skips this catalog folder (the site's own rule), if it does."""
    if is_language_code(folder):
        return None
    try:
        fix = f'"{parse_language(folder)}"'
    except ValueError:
        fix = _t(LANGUAGE_EXAMPLES)
    return _t('the folder name "{folder}" is not a language code as Babel writes it, '
              "so the site ignores this catalog; rename the folder to {fix}").format(
                  folder=folder, fix=fix)


# The rule translators' tools write (msginit, Poedit, Weblate): GNU gettext's
# convention, as Weblate's language data keeps it, e.g. two forms for Spanish.
_CONVENTION = {code: (count, formula if formula.isalnum() else f"({formula})")
               for code, _, count, formula in TOOLS_LANGUAGES}


def plural_rules(lang: str) -> list[tuple[int, str]]:
    """The (nplurals, plural) rules a catalog in `lang` may follow: the convention of
    translators' tools, if any, then CLDR's as Babel has it. Two sources, so that no
    library release decides: Babel 2.19 gave Spanish CLDR's three forms (one, many for
    millions, other) while every .po written by gettext's tools has two."""
    locale = Locale.parse(lang)
    convention = _CONVENTION.get(str(locale)) or _CONVENTION.get(locale.language)
    return [rule for rule in (convention, get_plural(lang)[:2]) if rule]


def plural_forms(lang: str) -> str:
    """The Plural-Forms header `init` writes and `check` suggests."""
    return "nplurals={}; plural={};".format(*plural_rules(lang)[0])


def _form_of_each_number(count: int, expression: str) -> tuple | None:
    """How many forms a rule has, and the form of each number from 0 to 999:
    plural rules look at n, n%10 and n%100, so these tell any two rules apart."""
    try:
        return count, list(map(c2py(expression), range(1000)))
    except (ValueError, ArithmeticError):  # not an expression gettext can run
        return None


def plural_forms_problem(lines: list[str], lang: str, catalog: Catalog) -> tuple | None:
    """(line, what) when the Plural-Forms header is missing or follows neither of
    `plural_rules`. Reported by check; compile goes on, since gettext reads any
    header, and a header must never take a language off the site."""
    paste = f'"Plural-Forms: {plural_forms(lang)}\\n"'
    # Babel fills in its own rule when the header is missing, so look at the text.
    line = next((n for n, text in enumerate(lines, 1) if "Plural-Forms:" in text), 0)
    if not line:
        top = next((n for n, text in enumerate(lines, 1)
                    if text.rstrip("\r") == 'msgid ""'), 1)
        return top, _t('the Plural-Forms header is missing; add this line under the '
                       'msgstr "" at the top of the file: {line}').format(line=paste)
    if _form_of_each_number(catalog.num_plurals, catalog.plural_expr) in [
            _form_of_each_number(*rule) for rule in plural_rules(lang)]:
        return None
    return line, _t("the Plural-Forms header does not follow the plural rules of "
                    "{language}; replace it with this line: {line}").format(
                        language=language_name(lang, spoken_language(), False),
                        line=paste)
