"""Pseudo-translations: fill a catalog's empty entries with look-alike text.

    python tests/pseudo.py translations/fr/LC_MESSAGES/messages.po [...]

Each untranslated msgstr becomes its msgid with the letters replaced by letters of
the catalog's own script (accented Latin, Arabic, Cyrillic, Chinese characters),
wrapped in ⟦ ⟧, with placeholders, tags and entities kept as they are. Entries that
already have a translation are left alone, so a real catalog loses nothing. The
tests use it to try the site with languages it does not have yet (Arabic right to
left, Chinese characters); a person can use it to preview a new language.
"""
import re
import sys
from pathlib import Path

from babel import Locale
from babel.core import get_global
from babel.messages.pofile import read_po, write_po

LATIN = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ"
ALPHABETS = {
    "Latn": "áƀçďéƒĝĥíĵķĺɱñóƥʠŕšţúṽŵẋýžÁƁÇĎÉƑĜĤÍĴĶĹṀÑÓƤǪŔŠŢÚṼŴẊÝŽ",
    "Arab": "ابتثجحخدذرزسشصضطظعغفقكلمنهابتثجحخدذرزسشصضطظعغفقكلمنه",
    "Cyrl": "абцдефгхийклмнопярстувшхызАБЦДЕФГХИЙКЛМНОПЯРСТУВШХЫЗ",
    "Hans": "阿贝词的额发个和一家可了们你欧平去人是他由为我系研则阿贝词的额发个和一家可了们你欧平去人是他由为我系研则",
    "Hant": "阿貝詞的額發個和一家可了們你歐平去人是他由為我係研則阿貝詞的額發個和一家可了們你歐平去人是他由為我係研則",
}
# Kept as they are: placeholders, tags and entities.
KEEP = re.compile(r"%\([^)]*\)[-#0 +]*\d*(?:\.\d+)?[a-zA-Z]|%%|%[a-zA-Z]|\{[^{}]*\}"
                  r"|<[^<>]*>|&[#a-zA-Z0-9]+;")
OPEN, CLOSE = "⟦", "⟧"


def script_of(locale: Locale) -> str:
    """The script a locale is written in (CLDR likely subtags): zh -> Hans."""
    likely = get_global("likely_subtags").get(locale.language, "und_Latn").split("_")
    return locale.script or likely[1]


def pseudo(text: str, script: str = "Latn") -> str:
    """'Home %(n)s <b>x</b>' -> '⟦Ĥóɱé %(n)s <b>ẋ</b>⟧' (in Latin script)."""
    letters = str.maketrans(LATIN, ALPHABETS.get(script, ALPHABETS["Latn"]))
    parts, position = [], 0
    for match in KEEP.finditer(text):
        parts.append(text[position:match.start()].translate(letters))
        parts.append(match.group(0))
        position = match.end()
    parts.append(text[position:].translate(letters))
    return OPEN + "".join(parts) + CLOSE


def fill(path: Path) -> int:
    """Pseudo-translate every empty entry of the .po at `path`; return how many."""
    with path.open("rb") as fileobj:
        catalog = read_po(fileobj)
    if catalog.locale is None or str(catalog.locale) == "en":
        return 0  # the source language: its texts are the msgids themselves
    script = script_of(catalog.locale)
    filled = 0
    for message in catalog:
        if not message.id:
            continue
        if isinstance(message.id, tuple):
            forms = catalog.num_plurals
            if not all(message.string or ()):
                message.string = tuple(
                    pseudo(message.id[min(i, 1)], script) for i in range(forms))
                filled += 1
        elif not message.string:
            message.string = pseudo(message.id, script)
            filled += 1
    with path.open("wb") as fileobj:
        write_po(fileobj, catalog, width=76, sort_by_file=True)
    return filled


if __name__ == "__main__":
    for argument in sys.argv[1:]:
        print(f"{argument}: {fill(Path(argument))} entries pseudo-translated")
