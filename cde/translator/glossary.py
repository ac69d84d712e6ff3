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

from .problems import Problem

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


def _written(text: str, term: str) -> str | None:
    """The words of `text` that are `term`, as `text` writes them ("la ONUDD" holds
    "ONUDD"; "Oficina de Naciones Unidas contra las Drogas", "oficina de naciones
    unidas contra la droga"), or None."""
    spans = list(re.finditer(r"\w+", text))
    stems, wanted = [_stem(m.group()) for m in spans], _words(term)
    for i in range(len(stems) - len(wanted) + 1):
        if wanted and tuple(stems[i:i + len(wanted)]) == wanted:
            return text[spans[i].start():spans[i + len(wanted) - 1].end()]
    return None


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


def terminology_problems(rows, message: Message) -> list[Problem]:
    """Every term a translated entry renders otherwise than the termbase: a variant
    it forbids (with the fix: the rendering in its place), or the rendering missing
    where the English holds the term. The site shows the text all the same."""
    original = _words(" ".join(message.id if message.pluralizable else [message.id]))
    found = []
    for form in message.string if message.pluralizable else [message.string]:
        for term in rows:
            if wrong := next((variant for variant in term["forbidden"]
                              if _written(form, variant)), None):
                written = _written(form, wrong)
                found.append(Problem("forbidden_term", (written, term["required"]),
                                     (written, term["required"]), False, wrong))
            elif _holds(original, _words(term["en"])) and not _holds(
                    _words(form), _words(term["required"])):
                found.append(Problem("required_term", (term["en"], term["required"]),
                                     blocks=False))
    return list(dict.fromkeys(found))


def terms_in(rows, english: str) -> list[dict]:
    """The terms of the termbase that an English text holds, as {en, required}."""
    return [{"en": term["en"], "required": term["required"]} for term in rows
            if _holds(_words(english), _words(term["en"]))]
