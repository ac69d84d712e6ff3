"""The studio's search: every text of a catalog by its English or its translation,
whatever the case and accents, and the excerpt each result shows, the words found
marked (the panel's search.js and the start page both show these)."""
import re
from itertools import groupby

from babel.messages.catalog import Catalog

from .checks import forms, msgids
from .glossary import plain
from .studio_texts import link, message_id
from ..languages import entries, is_translated


# A word searched may begin a longer one ("permit" finds "permitted") if it has this
# many letters: a shorter one is a word alone, or "de" would find "delincuencia".
BEGINS = 4


def _starts(text: str, wanted: list[str], starts=()) -> list[tuple[int, int, int]]:
    """(start, end, n) of each place in `text` where the n-th word searched is a word of
    it, whatever the case and accents, or begins one if n is in `starts`: "on" finds
    "on", or "once", never the "on" inside "nation", which nearly every text holds."""
    return _places(text, [(rf"(?<!\w){re.escape(word)}" + ("" if n in starts else r"(?!\w)"),
                           [n]) for n, word in enumerate(wanted)])


def _places(text: str, patterns: list[tuple[str, list[int]]]) -> list[tuple[int, int, int]]:
    """(start, end, n) for each (pattern, numbers) and each n of its numbers, at each
    place the pattern matches `text` as a search compares it (glossary.plain), in the
    characters of `text`."""
    plains = [plain(char) for char in text]  # as compared, character by character
    origin = [at for at, each in enumerate(plains) for _ in each]  # where each comes from
    compared = "".join(plains)
    return [(origin[match.start()], origin[match.end() - 1] + 1, n)
            for pattern, numbers in patterns
            for match in re.finditer(pattern, compared) for n in numbers]


def found(lang: str, catalog: Catalog, words: str, shown: dict) -> list[dict]:
    """{id, english, translation, page, page_name, english_excerpt, translation_excerpt,
    as_typed} of each text whose English or translation holds every word of `words`,
    as a word or (BEGINS) the beginning of one; those that hold them as typed first."""
    wanted, texts = plain(words).split(), []
    every, begins = range(len(wanted)), {n for n, word in enumerate(wanted)
                                         if len(word) >= BEGINS}
    for key, message in entries(catalog).items():
        holds = {n for *_, n in _starts(" ".join(
            [*msgids(message), *filter(None, forms(message))]), wanted, begins)}
        if wanted and len(holds) == len(wanted):
            msg = message_id(*key)
            texts.append({"id": msg, "english": msgids(message)[0],
                          "translation": forms(message)[0] if is_translated(message) else "",
                          **link(lang, shown, msg)})
    phrase = r"(?<!\w)" + r"\W+".join(map(re.escape, wanted)) + r"(?!\w)"
    for text in texts:
        english, translation = (" ".join(text[k].split()) for k in ("english", "translation"))
        # The words as typed, one after the other, are marked as one phrase where a
        # text holds them so; else each word, where it is a whole word, or begins one
        # where it is a whole word of neither text.
        hits = [_places(each, [(phrase, list(every))]) if len(wanted) > 1 else []
                for each in (english, translation)]
        text["as_typed"] = any(hits)
        if not any(hits):
            whole = {n for each in (english, translation) for *_, n in _starts(each, wanted)}
            hits = [_starts(each, wanted, begins - whole) for each in (english, translation)]
        at = [_anchor(*pair) for pair in zip((english, translation), hits)]
        # A text that holds none of the words (a translation found by its English)
        # shows the part at the same place as the other's.
        text["english_excerpt"] = excerpt(english, hits[0], at[1] if at[0] is None else at[0])
        text["translation_excerpt"] = excerpt(translation, hits[1],
                                              at[0] if at[1] is None else at[1])
    return sorted(texts, key=lambda text: not text["as_typed"])  # as typed first


def _anchor(text: str, hits: list, room: int = 140) -> float | None:
    """Where the part of `text` that holds the most different words searched begins, as
    a share of its length (the first such part); None when it holds none."""
    if not hits:
        return None

    def words_near(start):
        return len({n for at, _, n in hits if start <= at < start + room * 2 // 3})
    return min((at for at, *_ in hits), key=lambda at: (-words_near(at), at)) / len(text)


def excerpt(text: str, hits: list, at: float | None, room: int = 140) -> list[tuple[str, bool]]:
    """What a search result shows of `text`, as (part, found) pairs: at most `room`
    characters from a little before `at` (a share of its length), the words found
    (`hits`, from _starts) marked, never cut off as a plain start of the text would be."""
    hit = {at for start, end, _ in hits for at in range(start, end)}
    first = text.rfind(" ", 0, round((at or 0) * len(text))) + 1
    lead = min(first - room // 8, len(text) - room)  # a little before it, or the end
    start = 0 if lead <= 0 else min(text.find(" ", lead) + 1 or lead, first)
    end = min(len(text), start + room)
    if end < len(text) and text.rfind(" ", start, end) > first:
        end = text.rfind(" ", start, end)  # a whole word last
    parts = [("".join(text[at] for at in run), marked)
             for marked, run in groupby(range(start, end), key=hit.__contains__)]
    return [("…", False)] * (start > 0) + parts + [("…", False)] * (end < len(text))
