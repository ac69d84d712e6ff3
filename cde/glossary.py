"""The official names of translations/glossary.md, which `flask translate check`
enforces: where a text holds an official name in English, its translation holds
that name as the glossary writes it in the translation's language.

The glossary is a Markdown table with a column per language, headed by the
language's English name (English, Spanish, and French when someone adds it), and a
status column; only rows whose status starts with "official" are enforced.
"""
import re
from functools import lru_cache
from pathlib import Path

from babel import Locale
from babel.messages.catalog import Message

from .tool_language import _t

FILE = "glossary.md"


def _plain(name: str) -> str:
    """A name to look for: no acronym in brackets after it, one space, lower case."""
    return " ".join(re.sub(r"\s*\([^)]*\)\s*$", "", name).split()).lower()


@lru_cache(maxsize=16)
def official_names(path: Path, lang: str) -> tuple[tuple[str, str], ...]:
    """(English, name in `lang`) of each official row of the glossary at `path`."""
    if not path.exists():
        return ()
    rows = [[cell.strip() for cell in line.strip().strip("|").split("|")]
            for line in path.read_text(encoding="utf-8").splitlines()
            if line.lstrip().startswith("|")]
    if len(rows) < 3:
        return ()
    codes = {name.lower(): code for code, name in Locale("en").languages.items()}
    column = {codes.get(title.lower(), title.lower()): n
              for n, title in enumerate(rows[0])}
    target = column.get(Locale.parse(lang).language)
    if target is None or "en" not in column or "status" not in column:
        return ()
    return tuple((row[column["en"]], row[target]) for row in rows[2:]
                 if len(row) == len(rows[0]) and row[target]
                 and row[column["status"]].lower().startswith("official"))


def terminology_problem(names, message: Message) -> str | None:
    """Which official name a translated entry does not use, if one."""
    original = " ".join(" ".join(message.id if message.pluralizable else [
        message.id]).split()).lower()
    translations = message.string if message.pluralizable else [message.string]
    for english, official in names:
        if _plain(english) in original and not all(
                _plain(official) in " ".join(form.split()).lower()
                for form in translations):
            return _t('the official name of "{english}" is "{official}" '
                      "(translations/{file}); write it exactly so").format(
                english=re.sub(r" [(].*", "", english),
                official=re.sub(r" [(].*", "", official), file=FILE)
    return None
