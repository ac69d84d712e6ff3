"""Reading a translator's .po file strictly: where gettext would refuse it, or Babel
would misread it without a word, the line and what is wrong, in plain words; the
English before a change (`#|` lines) read back as the entry's previous msgid."""
import codecs
import re

from babel.messages.catalog import Catalog, Message
from babel.messages.pofile import PoFileError, PoFileParser, unescape

from .locales import plural_forms_problem
from .tool_language import _t, _t_noop


class Unreadable(Exception):
    """A .po file that does not parse: Unreadable(line, what is wrong)."""


# Babel's parser (abort_invalid=True) stops with the line at most mistakes, but lets
# three through silently, each of which would change a page without a word: it reads
# `"Dirección postal` as "Dirección posta", hands the msgstr of a deleted msgid line
# to the next entry, and keeps only the first of two entries with the same msgid.
_QUOTED = re.compile(r'"(?:[^"\\]|\\.)*"')
# The start of what Babel says when it stops, and the same in TRANSLATING.md's words.
_PLAIN_WORDS = {
    "Unknown or misformatted keyword": _t_noop(
        '"{keyword}" is not a .po keyword (msgid, msgstr, msgctxt), nor a comment '
        "starting with #"),
    "Got line starting with": _t_noop("a quoted text line must follow a msgid or "
                                      "msgstr line"),
    "missing msgstr": _t_noop("this msgid has no msgstr after it"),
}


def _line_problem(text: str, previous: str) -> str | None:
    """A quote Babel would misread, or a msgstr with no msgid, on a stripped line."""
    if text.startswith("msgstr") and not previous.startswith(("msgid", "msgstr", '"')):
        return _t("{keyword} has no msgid before it").format(keyword=text.split()[0])
    token = text.partition(" ")[2].strip() if text.startswith("msg") else text
    if not text.startswith(("msg", '"')) or _QUOTED.fullmatch(token):
        return None
    if not token.startswith('"'):
        return _t('the text must start with a double quote (")')
    if _QUOTED.match(token):
        return _t('a double quote inside the text must be written \\" (backslash, '
                  "quote)")
    return _t('the closing double quote (") is missing at the end of the line')


class _StrictCatalog(Catalog):
    """A catalog that refuses a second entry with the msgid of one it has."""

    def __setitem__(self, id, message: Message) -> None:
        if id and (first := self.get(id, message.context)):
            raise Unreadable(message.lineno, _t(
                "the same msgid is already at line {line}; keep only one of them"
            ).format(line=first.lineno))
        super().__setitem__(id, message)


BOM = _t_noop("the file starts with an invisible mark (a byte order mark, which some "
              'editors add); run "make translations-update", which removes it')


_PREVIOUS = re.compile(r'(msgctxt|msgid_plural|msgid)\s+((?:"(?:[^"\\]|\\.)*"\s*)+)')


def previous_parts(lines: list[str]) -> list[tuple[str, str]]:
    """(keyword, text) of `#|` comment lines (their text after `#|`), written as
    msgmerge writes them or as Babel does, which wraps them like any comment."""
    return [(keyword, "".join(unescape(q) for q in _QUOTED.findall(quoted)))
            for keyword, quoted in _PREVIOUS.findall(" ".join(lines))]


def read_strictly(data: bytes, lang: str) -> tuple[Catalog, list[tuple]]:
    """A .po file's catalog and its problems as a whole [(line, what)]: a byte order
    mark, plural_forms_problem; Unreadable(line, what) where gettext would refuse it."""
    found = [(1, _t(BOM))] if data.startswith(codecs.BOM_UTF8) else []
    try:
        # msgmerge writes an obsolete entry's earlier English as `#~|`, which Babel
        # cannot parse: as `#|` it is read as any other.
        lines = re.sub(r"^#~\|", "#|", data.removeprefix(codecs.BOM_UTF8).decode(
            "utf-8"), flags=re.M).split("\n")
    except UnicodeDecodeError as error:
        raise Unreadable(data.count(b"\n", 0, error.start) + 1, _t(
            "this line is not UTF-8 text; save the file as UTF-8")) from None
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
            _t(plain).format(keyword=next(iter(error.line.split()), ""))
            for start, plain in _PLAIN_WORDS.items() if said.startswith(start)),
            said)) from None
    except ValueError as error:  # a header Babel cannot use, such as nplurals=two
        raise Unreadable(1, str(error)) from None
    for message in [*catalog, *catalog.obsolete.values()]:
        # Babel reads `#| msgid "..."` lines (the English before a change) as comments.
        earlier = [c[1:].strip() for c in message.user_comments if c.startswith("|")]
        message.user_comments = [c for c in message.user_comments if c[:1] != "|"]
        message.previous_id = [text for keyword, text in previous_parts(earlier)
                               if keyword != "msgctxt"]
    plurals = plural_forms_problem(lines, lang, catalog)
    return catalog, found + ([plurals] if plurals else [])
