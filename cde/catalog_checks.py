"""What can be wrong in a translation catalog, said in plain words with the fix.

`translation_problem` is the one rule for an entry, which check reports and compile
leaves out of the .mo: Babel's checkers, then two of ours for what Babel lacks (a `%`
Jinja cannot fill in, HTML tags). Folders and Plural-Forms are checked against CLDR.
"""

import re
from collections import Counter
from gettext import c2py

from babel import Locale, UnknownLocaleError
from babel.messages.catalog import PYTHON_FORMAT, Catalog, Message, TranslationError
from babel.messages.checkers import num_plurals, python_format
from babel.messages.plurals import get_plural
from babel.messages.pofile import PoFileError, PoFileParser

from .i18n import code_of, is_language_code


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
            raise TranslationError(f"unknown named placeholder {error}") from None
        except (ValueError, TypeError):
            stray = True
        if stray:
            raise TranslationError("a % sign that is not a placeholder; write %% for a "
                                   "percent sign")
        if message.pluralizable:  # "un informe" may leave %(num)d out
            continue
        original = _named(message.id)
        if missing := original.keys() - _named(form).keys():
            raise TranslationError(f"{', '.join(sorted(original[n] for n in missing))} "
                                   "missing")


_TAG = re.compile(r"<(/?)([A-Za-z][A-Za-z0-9-]*)((?:\s[^<>]*)?)>")
_ATTRIBUTE = re.compile(
    r"""([A-Za-z_:][-\w:.]*)\s*(?:=\s*(?:"[^"]*"|'[^']*'|[^\s"'>]+))?""")


def _tags(text: str) -> Counter:
    """The HTML tags of `text` (name and attribute names), and any stray < or >."""
    found = Counter()
    for slash, name, rest in _TAG.findall(text):
        attributes = sorted(a.lower() for a in _ATTRIBUTE.findall(rest.rstrip("/")))
        found[f"<{slash}{name.lower()}{''.join(' ' + a for a in attributes)}>"] += 1
    found.update(sign for sign in _TAG.sub("", text) if sign in "<>")
    return found


def markup(catalog: Catalog | None, message: Message) -> None:
    """Every form has exactly the HTML tags of its msgid, each with its < and >."""
    original = _tags(msgids(message)[-1])
    for form in filter(None, forms(message)):
        if (found := _tags(form)) != original:
            raise TranslationError("; ".join(
                f"{', '.join(sorted(tags.elements()))} {what}" for tags, what in (
                    (original - found, "missing"),
                    (found - original, "not in the original")) if tags))


_PLACEHOLDERS = ("placeholders differ from the original ({}); copy every placeholder "
                 "exactly as it is in the msgid")
# Each checker, Babel's first, with what the translator is told when it fails.
CHECKERS = (
    (python_format, _PLACEHOLDERS),
    (fills_in, _PLACEHOLDERS),
    (num_plurals, "{}; write one msgstr[N] line for each plural form"),
    (markup, "HTML tags differ from the original ({}); keep every tag of the msgid, "
             "complete with its < and >"),
)


def translation_problem(catalog: Catalog, message: Message) -> str | None:
    """Why a page could not show this entry's translation, or None."""
    for checker, explain in CHECKERS:
        try:
            checker(catalog, message)
        except TranslationError as error:
            return explain.format(error)
    return None


# --- Languages -----------------------------------------------------------------------

LANGUAGE_EXAMPLES = ('a language code such as "fr" (French), or a language with its '
                     'script or region such as "zh_Hant" (Chinese in traditional '
                     'characters) or "pt_BR" (Portuguese of Brazil)')


def parse_language(code: str) -> str:
    """The catalog folder for `code` as Babel names the locale (zh-hant -> zh_Hant,
    pt-br -> pt_BR); anything else is a ValueError saying what is wrong."""
    written = code.strip()
    try:
        folder = str(Locale.parse(written.replace("_", "-"), sep="-"))
    except (ValueError, UnknownLocaleError):
        folder = ""
    if not is_language_code(folder):  # unknown, or a variant no address can name
        raise ValueError(f'"{code}" is not a language code that Babel knows; use '
                         f"{LANGUAGE_EXAMPLES}")
    # Babel reads some codes as another locale (und -> en_US, zh-TW -> zh_Hant_TW):
    # say so, rather than create a folder under a name nobody typed.
    if code_of(folder) != code_of(written):
        raise ValueError(f'Babel reads "{code}" as "{folder}"; if that is the '
                         f'language you mean, use "{folder}"')
    return folder


def folder_problem(folder: str) -> str | None:
    """Why the site skips this catalog folder (the site's own rule), if it does."""
    if is_language_code(folder):
        return None
    try:
        fix = f'"{parse_language(folder)}"'
    except ValueError:
        fix = LANGUAGE_EXAMPLES
    return (f'the folder name "{folder}" is not a language code as Babel writes it, so '
            f"the site ignores this catalog; rename the folder to {fix}")


# Babel's table swaps Arabic's forms 4 and 5 (python-babel/babel#816), yet msgstr[]
# follow CLDR's order (zero, one, two, few, many, other): msgstr[4] is "many" (n%100
# in 11..99: 11, 50), msgstr[5] is "other" (100, 101, 102).
_ARABIC = 6, ("(n==0 ? 0 : n==1 ? 1 : n==2 ? 2 : n%100>=3 && n%100<=10 ? 3 : "
              "n%100>=11 ? 4 : 5)")


def plural_forms(lang: str) -> str:
    """The Plural-Forms header of a catalog in `lang`: CLDR's rules, from Babel."""
    return "nplurals={}; plural={};".format(*_rule(lang))


def _rule(lang: str) -> tuple[int, str]:
    return _ARABIC if Locale.parse(lang).language == "ar" else get_plural(lang)[:2]


def _form_of_each_number(count: int, expression: str) -> tuple | None:
    """How many forms a rule has, and the form of each number from 0 to 999:
    plural rules look at n, n%10 and n%100, so these tell any two rules apart."""
    try:
        rule = c2py(expression)
        return count, [rule(n) for n in range(1000)]
    except (ValueError, ArithmeticError):  # not an expression gettext can run
        return None


def plural_forms_problem(lines: list[str], lang: str, catalog: Catalog) -> tuple | None:
    """(line, what) when the Plural-Forms header is missing or unlike CLDR's rules."""
    paste = f'"Plural-Forms: {plural_forms(lang)}\\n"'
    # Babel fills in its own rule when the header is missing, so look at the text.
    line = next((n for n, text in enumerate(lines, 1) if "Plural-Forms:" in text), 0)
    if not line:
        top = next((n for n, text in enumerate(lines, 1)
                    if text.rstrip("\r") == 'msgid ""'), 1)
        return top, ("the Plural-Forms header is missing; add this line under the "
                     f'msgstr "" at the top of the file: {paste}')
    if _form_of_each_number(catalog.num_plurals, catalog.plural_expr) == (
            _form_of_each_number(*_rule(lang))):
        return None
    name = Locale.parse(lang).get_display_name("en")
    return line, ("the Plural-Forms header does not follow the plural rules of "
                  f"{name}; replace it with this line: {paste}")


# --- Reading a .po file strictly ---------------------------------------------------

class Unreadable(Exception):
    """A .po file that does not parse: Unreadable(line, what is wrong)."""


# Babel's parser (abort_invalid=True) stops with the line at most mistakes, but lets
# three through silently, each of which would change a page without a word: it reads
# `"Dirección postal` as "Dirección posta", hands the msgstr of a deleted msgid line
# to the next entry, and keeps only the first of two entries with the same msgid.
_QUOTED = re.compile(r'"(?:[^"\\]|\\.)*"')
# The start of what Babel says when it stops, and the same in TRANSLATING.md's words.
_PLAIN_WORDS = {
    "Unknown or misformatted keyword": '"{}" is not a .po keyword (msgid, msgstr, '
                                       "msgctxt), nor a comment starting with #",
    "Got line starting with": "a quoted text line must follow a msgid or msgstr line",
    "missing msgstr": "this msgid has no msgstr after it",
}


def _line_problem(text: str, previous: str) -> str | None:
    """A quote Babel would misread, or a msgstr with no msgid, on a stripped line."""
    if text.startswith("msgstr") and not previous.startswith(("msgid", "msgstr", '"')):
        return f"{text.split()[0]} has no msgid before it"
    token = text.partition(" ")[2].strip() if text.startswith("msg") else text
    if not text.startswith(("msg", '"')) or _QUOTED.fullmatch(token):
        return None
    if not token.startswith('"'):
        return 'the text must start with a double quote (")'
    if _QUOTED.match(token):
        return 'a double quote inside the text must be written \\" (backslash, quote)'
    return 'the closing double quote (") is missing at the end of the line'


class _StrictCatalog(Catalog):
    """A catalog that refuses a second entry with the msgid of one it has."""

    def __setitem__(self, id, message: Message) -> None:
        if id and (first := self.get(id, message.context)):
            raise Unreadable(message.lineno, f"the same msgid is already at line "
                             f"{first.lineno}; keep only one of them")
        super().__setitem__(id, message)


def read_strictly(data: bytes, lang: str) -> tuple[Catalog, tuple | None]:
    """A .po file's catalog and plural_forms_problem, or Unreadable(line, what) where
    gettext would refuse it."""
    try:
        lines = data.decode("utf-8").split("\n")
    except UnicodeDecodeError as error:
        raise Unreadable(data.count(b"\n", 0, error.start) + 1, "this line is not "
                         "UTF-8 text; save the file as UTF-8") from None
    previous = ""
    for number, line in enumerate(lines, start=1):
        text = line.strip().removeprefix("#~").strip()
        if said := _line_problem(text, previous):
            raise Unreadable(number, said)
        previous = text or previous
    catalog = _StrictCatalog(locale=lang)
    try:
        PoFileParser(catalog, abort_invalid=True).parse(lines)
    except PoFileError as error:
        said = str(error).rsplit(" on ", 1)[0]
        raise Unreadable(error.lineno + 1, next((
            plain.format(*error.line.split()[:1]) for start, plain in
            _PLAIN_WORDS.items() if said.startswith(start)), said)) from None
    except ValueError as error:  # a header Babel cannot use, such as nplurals=two
        raise Unreadable(1, str(error)) from None
    return catalog, plural_forms_problem(lines, lang, catalog)
