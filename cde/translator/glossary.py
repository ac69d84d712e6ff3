"""The termbase, translations/glossary.csv, which `flask translate check` enforces.

One row a term: its English (`en`), its `kind` (official name, term, or do not
translate), and for each language a column named by its code (`es`) with the
required rendering, and one named `<code>_forbidden` with variants never to write,
separated by `;`. Where a text holds the English term, its translation must hold the
rendering; a forbidden variant is wrong anywhere. Both are looked for word by word,
whatever the capitals, accents or the Spanish inflection (asociado, asociadas):
a translator's grammar is theirs, the term is not. The house rules that go with it
are in translations/glossary.md.
"""
import csv
import re
import unicodedata
from functools import lru_cache
from pathlib import Path

from babel import Locale
from babel.messages.catalog import Message

from .tool_language import _t

FILE = "glossary.csv"


def _stem(word: str) -> str:
    """A word without case, accents, or a plural and gender ending: "Asociadas",
    "asociado" -> "asociad"; "Naciones", "nación" -> "nacion"."""
    word = "".join(c for c in unicodedata.normalize("NFD", word.lower())
                   if not unicodedata.combining(c))
    for ending in ("es", "s"):
        if len(word) > 4 and word.endswith(ending):
            word = word[:-len(ending)]
            break
    return word[:-1] if len(word) > 3 and word[-1] in "aeo" else word


def _words(text: str) -> tuple[str, ...]:
    return tuple(_stem(word) for word in re.findall(r"\w+", text))


def _holds(text: tuple, term: tuple) -> bool:
    """Whether the words `term` come one after another in `text` (both stemmed)."""
    return any(text[i:i + len(term)] == term for i in range(len(text) - len(term) + 1))


@lru_cache(maxsize=16)
def terms(path: Path, lang: str) -> tuple[dict, ...]:
    """The rows of the termbase at `path` with a rendering in `lang`'s language, as
    {en, required, forbidden}; `kind` is for the people who read it."""
    if not path.is_file():
        return ()
    code = Locale.parse(lang).language
    with path.open(encoding="utf-8", newline="") as fileobj:
        rows = [row for row in csv.DictReader(fileobj)
                if row.get(code) and row.get("en")]
    return tuple({"en": row["en"], "required": row[code], "forbidden": [
        variant.strip() for variant in (row.get(f"{code}_forbidden") or "").split(";")
        if variant.strip()]} for row in rows)


def terminology_problem(rows, message: Message) -> str | None:
    """The first term a translated entry renders otherwise than the termbase."""
    original = _words(" ".join(message.id if message.pluralizable else [message.id]))
    for form in message.string if message.pluralizable else [message.string]:
        written = _words(form)
        for term in rows:
            if wrong := next((variant for variant in term["forbidden"]
                              if _holds(written, _words(variant))), None):
                return _t('"{wrong}" is not how this site writes it: write '
                          '"{required}" (translations/{file})').format(
                    wrong=wrong, required=term["required"], file=FILE)
            if _holds(original, _words(term["en"])) and not _holds(
                    written, _words(term["required"])):
                return _t('"{english}" is "{required}" in this language '
                          "(translations/{file}); write it so").format(
                    english=term["en"], required=term["required"], file=FILE)
    return None


def terms_in(rows, english: str) -> list[dict]:
    """The terms of the termbase that an English text holds, as {en, required}."""
    return [{"en": term["en"], "required": term["required"]} for term in rows
            if _holds(_words(english), _words(term["en"]))]
