"""What can be wrong in a translation, as `Problem`s: `translation_problems` is the one
rule that check reports and compile obeys, every problem at once so that a translator
mends them in one round. Ours are for what Babel's checkers lack (a `%` Jinja cannot
fill in, HTML tags)."""
import re
from collections import Counter
from contextlib import suppress

from babel.messages.catalog import PYTHON_FORMAT, Catalog, Message, TranslationError
from babel.messages.checkers import num_plurals, python_format

from .problems import Problem
from .tool_language import _t, _t_noop


def msgids(message: Message) -> tuple[str, ...]:
    """The original texts of an entry: one, or singular and plural."""
    return tuple(message.id) if message.pluralizable else (message.id,)


def forms(message: Message) -> list[str]:
    """The translations of an entry: one, or one per plural form."""
    return list(s) if isinstance(s := message.string, (list, tuple)) else [s]


def _named(text: str) -> dict[str, str]:  # each name with the placeholder as written
    return {m.group(1): m.group(0) for m in PYTHON_FORMAT.finditer(text) if m.group(1)}


def _has_stray_percent(form: str, names: set[str]) -> bool:
    """Whether a % of `form` is no placeholder Jinja fills in (`text % vars`): a
    positional %s would show the variables' dict itself (no error, wrong text), and
    a % no placeholder pattern takes (`%(years)` without its s) stops the page."""
    try:
        form % dict.fromkeys(names | _named(form).keys(), 0)
    except (ValueError, TypeError, KeyError):  # KeyError: "%(año)" cut short, unknown
        return True
    return "%" in PYTHON_FORMAT.sub("", form) or any(
        not name and kind != "%" for name, _, kind in PYTHON_FORMAT.findall(form))


# Around a percent sign, and not part of its name: "100%" in "(100%).".
_PUNCTUATION = "()[]«»“”\"'.,;:!?¿¡"


def _stray_percent(form: str) -> Problem:
    """The first % of `form` that no placeholder takes, named by the words around it
    ("80%", "100 % de"); where it is surely a percent sign (no letter or "(" after
    it, which would be a placeholder mistyped), the fix doubles it."""
    # Taken: "%%", and a named placeholder Python fills from a dict ("%(n)*d" and
    # "%(n)%" are none).
    taken = {at for m in PYTHON_FORMAT.finditer(form) if m.group(0) == "%%" or (
        m.group(1) and "*" not in m.group(2) and m.group(3) != "%")
        for at in range(m.start(), m.end())}
    at = next((at for at, char in enumerate(form) if char == "%" and at not in taken),
              form.index("%"))
    words = list(re.finditer(r"\S+", form))
    n = next(n for n, word in enumerate(words) if word.start() <= at < word.end())
    alone = words[n].group().strip(_PUNCTUATION) == "%"  # "5 %," names its neighbours
    near = words[max(n - 1, 0):n + 2] if alone else words[n:n + 1]
    start, end = near[0].start(), near[-1].end()
    sure = not re.match(r"[\w(]", form[at + 1:at + 2])
    inner = form[start:end].strip(_PUNCTUATION)
    # The fix replaces the first place that reads so: the name must be unique.
    if sure and form.count(inner) == 1:
        start = form.index(inner)
        end = start + len(inner)
    said = form[start:end]
    return Problem("stray_percent", (said,), (said, form[start:at] + "%%" + form[at + 1:end])
                   if sure else None)


def _place(english: str, form: str, placeholder: str) -> int:
    """Where in `form` a missing placeholder goes, as a guess to check: at its end
    or start if the English has it there, else as far in as the English has it, at
    the end of a word (the cursor may be anywhere, after another fix)."""
    before, after = english.split(placeholder, 1)
    if not after.strip(_PUNCTUATION + " "):
        return len(form.rstrip(_PUNCTUATION + " "))
    if not before.strip():
        return 0
    space = form.find(" ", len(form) * len(before) // len(english))
    return len(form) if space < 0 else space


def placeholders(message: Message) -> list[Problem]:
    """Every form takes the msgid's variables as Jinja gives them, even where the
    msgid has none (Babel's python_format skips those); a singular text keeps them
    all, or the page silently loses, say, its list of years. A placeholder written
    otherwise and one missing are one mistake: a name translated."""
    names = {name for msgid in msgids(message) for name in _named(msgid)}
    original = _named(message.id) if not message.pluralizable else {}
    found = []
    for form in filter(None, forms(message)):
        written = _named(form)
        if _has_stray_percent(form, names):
            found.append(_stray_percent(form))
        unknown = [(name, each) for name, each in written.items() if name not in names]
        # "un informe" may leave %(num)d out of a plural form.
        missing = sorted(original[name] for name in original.keys() - written.keys())
        if len(unknown) == 1 and len(missing) == 1:
            (name, each), = unknown
            found.append(Problem("renamed_placeholder", (each, missing[0]),
                                 (each, missing[0]), detail=name))
            continue
        found += [Problem("unknown_placeholder", (each,), detail=name)
                  for name, each in unknown]
        found += [Problem("missing_placeholder", (each,), (
            "", each, _place(message.id, form, each) if original else None))
                  for each in missing]
    return list(dict.fromkeys(found))


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


def markup(message: Message) -> list[Problem]:
    """Every form has exactly the HTML tags of its msgid, each with its < and >."""
    original, found = _tags(msgids(message)[-1]), []
    for form in filter(None, forms(message)):
        tags = _tags(form)
        found += [Problem(kind, tuple(sorted(which.elements())))
                  for kind, which in (("missing_tags", original - tags),
                                      ("extra_tags", tags - original)) if which]
    return list(dict.fromkeys(found))


def _unmangled(text: str) -> str | None:
    """What `text` said before UTF-8 was read as Latin-1 ("MenÃº" -> "Menú")."""
    for encoding in ("cp1252", "latin-1"):
        with suppress(UnicodeError):
            return text.encode(encoding).decode("utf-8")
    return None


def garbled(message: Message) -> list[Problem]:
    """No form is UTF-8 text that an editor read as Latin-1 and saved again."""
    return [Problem("garbled", (form, fixed), (form, fixed)) for form in forms(message)
            if (fixed := _unmangled(form)) not in (None, form)]


# What Babel's checkers say, written with str.format fields for what varies, so
# that a translator reads it in the language of the rest of the line.
_BABELS_WORDS = {english: re.compile(re.sub(r"\\\{(\w+)\\\}", r"(?P<\1>.+)",
                                            re.escape(english))) for english in (
    _t_noop("Wrong number of plural forms (expected {count})"),
    _t_noop("Found plural forms for non-pluralizable message"),
    _t_noop("unknown named placeholder {name}"),
    _t_noop("incompatible format for placeholder {placeholder}: {translation} and "
            "{original} are not compatible"),
    _t_noop("format string mixes positional and named placeholders"),
    _t_noop("placeholders are incompatible"),
    _t_noop("the format strings are of different kinds"),
    _t_noop("positional format placeholders are unbalanced"),
)}


def _babels(checker, kind: str, catalog: Catalog | None, message: Message) -> list:
    """What a Babel checker finds, in the translator's language if it is Babel's."""
    try:
        checker(catalog, message)
    except TranslationError as error:
        said = str(error)
        return [Problem(kind, detail=next((
            _t(english).format(**found.groupdict()) for english, pattern
            in _BABELS_WORDS.items() if (found := pattern.fullmatch(said))), said))]
    return []


def translation_problems(catalog: Catalog | None, message: Message) -> list[Problem]:
    """Every reason a page could not show this entry's translation; none if it can.
    A text of spaces only is that alone: what else it lacks is no news."""
    if any(form and not form.strip() for form in forms(message)):
        return [Problem("blank")]
    found = garbled(message) + placeholders(message)
    # Ours for % go before Babel's, which would call "100 % de" a placeholder "% d".
    if not found:
        found += _babels(python_format, "babel_format", catalog, message)
    return (found + _babels(num_plurals, "plural_forms", catalog, message)
            + markup(message))
