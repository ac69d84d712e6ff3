"""What can be wrong in a translation catalog, said in plain words with the fix.

`translation_problem` is the one rule for an entry, which check reports and compile
leaves out of the .mo: Babel's checkers, then two of ours for what Babel lacks (a `%`
Jinja cannot fill in, HTML tags). Folders are checked against CLDR; a Plural-Forms
header against the two rules in use (`plural_rules`).
"""

import re
from collections import Counter
from gettext import c2py

from babel import Locale, UnknownLocaleError
from babel.messages.catalog import PYTHON_FORMAT, Catalog, Message, TranslationError
from babel.messages.checkers import num_plurals, python_format
from babel.messages.plurals import get_plural
from weblate_language_data.languages import LANGUAGES as TOOLS_LANGUAGES

from ..i18n import code_of, is_language_code, language_name
from .tool_language import _t, _t_noop, spoken_language


def msgids(message: Message) -> tuple[str, ...]:
    """The original texts of an entry: one, or singular and plural."""
    return tuple(message.id) if message.pluralizable else (message.id,)


def forms(message: Message) -> list[str]:
    """The translations of an entry: one, or one per plural form."""
    return list(s) if isinstance(s := message.string, (list, tuple)) else [s]


def _named(text: str) -> dict[str, str]:  # each name with the placeholder as written
    return {m.group(1): m.group(0) for m in PYTHON_FORMAT.finditer(text) if m.group(1)}


def fills_in(catalog: Catalog | None, message: Message) -> None:
    """Every form takes the msgid's variables as Jinja gives them (`text % vars`),
    even where the msgid has none (Babel's python_format skips those); a singular
    text keeps them all, or the page silently loses, say, its list of years."""
    names = {name for msgid in msgids(message) for name in _named(msgid)}
    for form in filter(None, forms(message)):
        # A positional %s would show the variables' dict itself: no error, wrong text.
        stray = any(not name and kind != "%" for name, _, kind in
                    PYTHON_FORMAT.findall(form))
        try:
            form % dict.fromkeys(names, 0)
        except KeyError as error:
            raise TranslationError(_t("unknown named placeholder {name}").format(
                name=error)) from None
        except (ValueError, TypeError):
            stray = True
        if stray:
            raise TranslationError(_t("a % sign that is not a placeholder; write %% "
                                      "for a percent sign"))
        if message.pluralizable:  # "un informe" may leave %(num)d out
            continue
        original = _named(message.id)
        if missing := original.keys() - _named(form).keys():
            raise TranslationError(_t("{placeholders} missing").format(
                placeholders=", ".join(sorted(original[n] for n in missing))))


_TAG = re.compile(r"<(/?)([A-Za-z][A-Za-z0-9-]*)((?:\s[^<>]*)?)>")
_ATTRIBUTE = re.compile(
    r"""([A-Za-z_:][-\w:.]*)(?:\s*=\s*("[^"]*"|'[^']*'|[^\s"'>]+))?""")
QUOTES = "\"'"
# Attributes whose value is words for people, which a translation translates.
_WORDS = frozenset({"alt", "title", "aria-label", "aria-description", "placeholder"})


def _tags(text: str) -> Counter:
    """The HTML tags of `text` (name, attributes with the value of each that is not
    words, such as a link's address), and any stray < or >."""
    found = Counter()
    for slash, name, rest in _TAG.findall(text):
        attributes = sorted(
            attribute.lower() + (f'="{value.strip(QUOTES)}"'
                                 if value and attribute.lower() not in _WORDS else "")
            for attribute, value in _ATTRIBUTE.findall(rest.rstrip("/")))
        found[f"<{slash}{name.lower()}{''.join(' ' + a for a in attributes)}>"] += 1
    found.update(sign for sign in _TAG.sub("", text) if sign in "<>")
    return found


def markup(catalog: Catalog | None, message: Message) -> None:
    """Every form has exactly the HTML tags of its msgid, each with its < and >."""
    original = _tags(msgids(message)[-1])
    for form in filter(None, forms(message)):
        if (found := _tags(form)) != original:
            raise TranslationError("; ".join(
                what.format(tags=", ".join(sorted(tags.elements()))) for tags, what in (
                    (original - found, _t("{tags} missing")),
                    (found - original, _t("{tags} not in the original"))) if tags))


def not_blank(catalog: Catalog | None, message: Message) -> None:
    """No form is only spaces: it would show as an empty line on the page."""
    if any(form and not form.strip() for form in forms(message)):
        raise TranslationError(_t("only spaces"))


def _unmangled(text: str) -> str | None:
    """What `text` said before UTF-8 was read as Latin-1 ("MenÃº" -> "Menú"), if so."""
    for encoding in ("cp1252", "latin-1"):
        try:
            fixed = text.encode(encoding).decode("utf-8")
        except UnicodeError:
            continue
        return fixed if fixed != text else None
    return None


def not_mangled(catalog: Catalog | None, message: Message) -> None:
    """No form is UTF-8 text that an editor read as Latin-1 and saved again."""
    for form in forms(message):
        if fixed := _unmangled(form):
            raise TranslationError(_t('"{text}" should read "{fixed}"').format(
                text=form, fixed=fixed))


_PLACEHOLDERS = _t_noop("placeholders differ from the original ({problem}); copy "
                        "every placeholder exactly as it is in the msgid")
# Each checker, with what the translator is told when it fails. Ours for % go
# before Babel's, which would call "100 % de" a placeholder "% d".
CHECKERS = (
    (not_blank, _t_noop("the translation is {problem}: write the translation, or leave "
                        'msgstr empty ("") until you do')),
    (not_mangled, _t_noop("the accented letters are garbled ({problem}): the file "
                          "was opened in another encoding than UTF-8; correct them "
                          "and save as UTF-8")),
    (fills_in, _PLACEHOLDERS),
    (python_format, _PLACEHOLDERS),
    (num_plurals, _t_noop("{problem}; write one msgstr[N] line for each plural form")),
    (markup, _t_noop("HTML tags differ from the original ({problem}); keep every tag "
                     "of the msgid, complete with its < and >")),
)
# What Babel's checkers say, written with str.format fields for what varies, so
# that a translator reads it in the language of the rest of the line.
_BABELS_WORDS = (
    _t_noop("Wrong number of plural forms (expected {count})"),
    _t_noop("Found plural forms for non-pluralizable message"),
    _t_noop("unknown named placeholder {name}"),
    _t_noop("incompatible format for placeholder {placeholder}: {translation} and "
            "{original} are not compatible"),
    _t_noop("format string mixes positional and named placeholders"),
    _t_noop("placeholders are incompatible"),
    _t_noop("the format strings are of different kinds"),
    _t_noop("positional format placeholders are unbalanced"),
)


def _translated(said: str) -> str:
    """What a checker said, in the translator's language if it is Babel's."""
    for english in _BABELS_WORDS:
        pattern = re.sub(r"\\\{(\w+)\\\}", r"(?P<\1>.+)", re.escape(english))
        if found := re.fullmatch(pattern, said):
            return _t(english).format(**found.groupdict())
    return said


def translation_problem(catalog: Catalog, message: Message) -> str | None:
    """Why a page could not show this entry's translation, or None."""
    for checker, explain in CHECKERS:
        try:
            checker(catalog, message)
        except TranslationError as error:
            return _t(explain).format(problem=_translated(str(error)))
    return None


# --- Languages -----------------------------------------------------------------------

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


# Babel's table swaps Arabic's forms 4 and 5 before Babel 2.19 (python-babel/babel#816),
# yet msgstr[] follow CLDR's order (zero, one, two, few, many, other): msgstr[4] is
# "many" (n%100 in 11..99: 11, 50), msgstr[5] is "other" (100, 101, 102).
_ARABIC = 6, ("(n==0 ? 0 : n==1 ? 1 : n==2 ? 2 : n%100>=3 && n%100<=10 ? 3 : "
              "n%100>=11 ? 4 : 5)")
# The rule translators' tools write (msginit, Poedit, Weblate): GNU gettext's
# convention, as Weblate's language data keeps it, e.g. two forms for Spanish.
_CONVENTION = {code: (count, formula if formula.isalnum() else f"({formula})")
               for code, _, count, formula in TOOLS_LANGUAGES}


def plural_rules(lang: str) -> list[tuple[int, str]]:
    """The (nplurals, plural) rules a catalog in `lang` may follow: the convention of
    translators' tools, where it has one, then CLDR's rule as the installed Babel has
    it. Two sources, so that no single library release decides: Babel 2.19 gave
    Spanish CLDR's three forms (one, many for millions, other) while every .po
    written by gettext's tools has two, and both are right."""
    locale = Locale.parse(lang)
    convention = _CONVENTION.get(str(locale)) or _CONVENTION.get(locale.language)
    cldr = _ARABIC if locale.language == "ar" else get_plural(lang)[:2]
    return [rule for rule in (convention, cldr) if rule]


def plural_forms(lang: str) -> str:
    """The Plural-Forms header `init` writes and `check` suggests: the tools'
    convention where there is one, else CLDR's rule."""
    return "nplurals={}; plural={};".format(*plural_rules(lang)[0])


def _form_of_each_number(count: int, expression: str) -> tuple | None:
    """How many forms a rule has, and the form of each number from 0 to 999:
    plural rules look at n, n%10 and n%100, so these tell any two rules apart."""
    try:
        rule = c2py(expression)
        return count, [rule(n) for n in range(1000)]
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
