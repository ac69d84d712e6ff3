"""The termbase, translations/glossary.csv (its columns: translations/glossary.md),
which `flask translate check` enforces: where a text holds the English term, its
translation must hold the required rendering; a forbidden variant is wrong anywhere.
Terms are looked for word by word, whatever the capitals, accents or Spanish
inflection: a translator's grammar is theirs, the term is not."""
import csv
import re
import unicodedata
from functools import lru_cache
from pathlib import Path

from babel import Locale
from babel.messages.catalog import Message

from .checks import forms, msgids
from .problems import Problem

def plain(text: str) -> str:
    """Text as a search and the termbase compare it: no case, no accents."""
    return "".join(c for c in unicodedata.normalize("NFD", text.casefold())
                   if not unicodedata.combining(c))


def _stem(word: str) -> str:
    """A word without case, accents, or a plural and gender ending: "Asociadas",
    "asociado" -> "asociad"; "Naciones", "nación" -> "nacion"."""
    word = plain(word)
    if len(word) > 4 and word.endswith("s"):
        word = word[:-2] if word.endswith("es") else word[:-1]
    return word[:-1] if len(word) > 3 and word[-1] in "aeo" else word


def _written(text: str, term: str) -> str | None:
    """The words of `text` that are `term`, as `text` writes them ("Naciones Unidas"
    in "las Naciones Unidas" for "nación unida"), or None."""
    spans = list(re.finditer(r"\w+", text))
    stems = [_stem(m.group()) for m in spans]
    wanted = [_stem(word) for word in re.findall(r"\w+", term)]
    for i in range(len(stems) - len(wanted) + 1):
        if wanted and stems[i:i + len(wanted)] == wanted:
            return text[spans[i].start():spans[i + len(wanted) - 1].end()]
    return None


@lru_cache(maxsize=16)
def terms(translations: Path, lang: str) -> tuple[dict, ...]:
    """The rows of the termbase in `translations` with a rendering in `lang`'s language,
    as {en, required, forbidden}; `kind` is for the people who read it."""
    path = translations / "glossary.csv"
    if not path.is_file():
        return ()
    code = Locale.parse(lang).language
    with path.open(encoding="utf-8", newline="") as fileobj:
        return tuple({"en": row["en"], "required": row[code], "forbidden": [
            each.strip() for each in (row.get(f"{code}_forbidden") or "").split(";")
            if each.strip()]} for row in csv.DictReader(fileobj)
            if row.get(code) and row.get("en"))


def terminology_problems(rows, message: Message) -> list[Problem]:
    """Every term a translated entry renders otherwise than the termbase: a variant
    it forbids (with the fix: the rendering in its place), or the rendering missing
    where the English holds the term. The site shows the text all the same."""
    english, found = " ".join(msgids(message)), []
    for form in forms(message):
        for term in rows:
            required = term["required"]
            if wrong := next(((variant, written) for variant in term["forbidden"]
                              if (written := _written(form, variant))), None):
                variant, written = wrong
                found.append(Problem("forbidden_term", (written, required),
                                     (written, required), variant))
            elif _written(english, term["en"]) and not _written(form, required):
                found.append(Problem("required_term", (term["en"], required)))
    return list(dict.fromkeys(found))


def terms_in(rows, english: str) -> list[dict]:
    """The terms of the termbase that an English text holds, as {en, required}."""
    return [{"en": term["en"], "required": term["required"]} for term in rows
            if _written(english, term["en"])]
