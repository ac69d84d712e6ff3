"""What the translation studio shows of the catalogs: a text with every problem in
the studio's own words (problems.py), each language's progress and work to do, and
what a search finds. The commands' reports (review.py) take theirs from the same checks.
"""
import hashlib
import re
from itertools import groupby
from pathlib import Path

from babel.messages.catalog import Catalog, Message

from . import glossary
from .catalogs import Project, extract, is_live, read_catalog
from .checks import forms, msgids
from .glossary import plain
from .problems import in_studio
from .review import count, entry_problems, not_in_catalog, word_diff
from .studio_words import page_todo, progress_words
from .tool_language import _t, _t_noop, spoken_language
from ..i18n import code_of, language_name, language_tag
from ..languages import entries, is_translated

# Elements whose text must stay short, or it breaks the layout or is cut off (the
# <title>: a browser tab, a search result), as the panel names them.
SHORT_PLACES = {"nav": _t_noop("in the navigation"), "button": _t_noop("on a button"),
                "title": _t_noop("in the page's title")}


def message_id(context: str | None, msgid: str) -> str:
    """A text's short, stable ID: from its context and English, nothing else."""
    return hashlib.sha1(f"{context or ''}\x04{msgid}".encode()).hexdigest()[:10]


def limit(english: str) -> int:
    """The most characters a translation may have, where space is short, before the
    studio warns: half as long again as the English, and 12 more, which a short
    label needs in a language of longer words ("About", "Acerca del Centro")."""
    return len(english) * 3 // 2 + 12


def file_problem(project: Project, po: Path, line: int, what: str) -> str:
    """A problem of a whole .po file, with the file and line to open in an editor."""
    return _t("Line {line} of {file}: {problem}. Correct it in a text editor, then "
              "reload this page.").format(line=line, file=project.show(po), problem=what)


def problems_of(project: Project, po: Path, catalog: Catalog,
                message: Message) -> list[dict]:
    """Every problem of a text, as the studio's panel shows them (in_studio)."""
    return [in_studio(problem) for problem in entry_problems(
        catalog, message, glossary.terms(project.translations, po.parent.parent.name))]


def about(project: Project, po: Path, catalog: Catalog, message: Message, short: str) -> dict:
    """A text as the studio's panel shows it, with a `limit` if space is `short` there."""
    english = msgids(message)[0]
    return {
        "english": english, "translation": forms(message)[0], "fuzzy": message.fuzzy,
        "changed": word_diff(message.previous_id[0], english)
        if message.fuzzy and message.previous_id else "",
        # One note a developer wrote, which the .po wraps over several `#.` lines.
        "notes": [" ".join(message.auto_comments)] if message.auto_comments else [],
        "terms": glossary.terms_in(glossary.terms(project.translations,
                                                  po.parent.parent.name), english),
        "problems": problems_of(project, po, catalog, message),
        "short": {"limit": limit(english), "where": _t(SHORT_PLACES[short])}
        if short else None,
    }


def _link(lang: str, shown: dict, msg: str) -> dict:
    """The `page` a text is opened on, the first of `lang` that shows it, and its
    `page_name`; for a text no page shows, the language's home page and no name (the
    panel opens any text there)."""
    home = f"/{code_of(lang)}/"
    page = next((page for page in shown["texts"].get(msg, {}) if page.startswith(home)),
                None)
    return {"page": f"{page or home}#cde-studio={msg}", "page_name": shown["names"].get(page)}


def work_to_do(project: Project, shown: dict) -> list[dict]:
    """The start page, a language each: its progress as `translate status` counts it,
    the problems of its file, its pages, every text that needs work, and its catalog."""
    wanted, languages, where = entries(extract(project)).keys(), [], shown["texts"]
    for lang in project.languages():
        po, home = project.po_path(lang), f"/{code_of(lang)}/"
        catalog, found = read_catalog(project, lang)
        language = {"code": lang, "tag": language_tag(code_of(lang)),
                    "name": language_name(lang, spoken_language()), "catalog": catalog,
                    "progress": None, "todo": [], "pages": [], "problems": [
                        file_problem(project, po, *each) for each in found]}
        languages.append(language)
        if catalog is None:
            continue
        if missing := not_in_catalog(catalog, wanted):
            language["problems"].append(missing)
        language["progress"] = progress = count(project, lang, catalog, wanted)
        flagged = 0
        for key, message in entries(catalog).items():
            if key in wanted and (said := problems_of(project, po, catalog, message)):
                msg = message_id(*key)
                # On the site all the same (a name not as the site writes it): the
                # counts above would not show it, so the start page says so apart.
                flagged += is_live(catalog, message)
                language["todo"].append({
                    "id": msg, "english": msgids(message)[0],
                    "said": [p["said"] for p in said], **_link(lang, shown, msg)})
        language["done"], language["left"] = progress_words(progress, flagged)
        language["draft"] = progress.draft and _t(
            "A draft: visitors do not see this language until it is translated; its "
            "pages are at /{prefix}/.").format(prefix=code_of(lang))
        language["pages"] = [{"path": path, "name": name, "said": page_todo(sum(
            path in where.get(text["id"], {}) for text in language["todo"]))}
            for path, name in shown["names"].items() if path.startswith(home)]
    return languages


def _starts(text: str, wanted: list[str], starts=()) -> list[tuple[int, int, int]]:
    """(start, end, n) of each place in `text` where the n-th word searched is a word of
    it, whatever the case and accents, or begins one if n is in `starts`: "on" finds
    "on", or "once", never the "on" inside "nation", which nearly every text holds."""
    return [place for n, word in enumerate(wanted) for place in _places(
        text, rf"(?<!\w){re.escape(word)}" + ("" if n in starts else r"(?!\w)"), [n])]


def _places(text: str, pattern: str, numbers: list[int]) -> list[tuple[int, int, int]]:
    """(start, end, n) for each n of `numbers` at each place `pattern` matches `text` as
    a search compares it (glossary.plain), in the characters of `text`."""
    plains = [plain(char) for char in text]  # as compared, character by character
    origin = [at for at, each in enumerate(plains) for _ in each]  # where each comes from
    return [(origin[match.start()], origin[match.end() - 1] + 1, n)
            for match in re.finditer(pattern, "".join(plains)) for n in numbers]


def found(lang: str, catalog: Catalog, words: str, shown: dict) -> list[dict]:
    """{id, english, translation, page, page_name, english_excerpt, translation_excerpt,
    as_typed} of each text whose English or translation holds every word of `words`,
    as a word or the beginning of one (_starts); those that hold them as typed first."""
    wanted, texts = plain(words).split(), []
    every = range(len(wanted))
    for key, message in entries(catalog).items():
        holds = {n for *_, n in _starts(" ".join(
            [*msgids(message), *filter(None, forms(message))]), wanted, every)}
        if wanted and len(holds) == len(wanted):
            msg = message_id(*key)
            texts.append({"id": msg, "english": msgids(message)[0],
                          "translation": forms(message)[0] if is_translated(message) else "",
                          **_link(lang, shown, msg)})
    phrase = r"(?<!\w)" + r"\W+".join(map(re.escape, wanted)) + r"(?!\w)"
    for text in texts:
        english, translation = (" ".join(text[k].split()) for k in ("english", "translation"))
        # The words as typed, one after the other, are marked as one phrase where a
        # text holds them so; else each word, where it is a whole word, or begins one
        # where it is a whole word of neither text.
        hits = [_places(each, phrase, list(every)) if len(wanted) > 1 else []
                for each in (english, translation)]
        text["as_typed"] = any(hits)
        if not any(hits):
            whole = {n for each in (english, translation) for *_, n in _starts(each, wanted)}
            hits = [_starts(each, wanted, set(every) - whole) for each in (english, translation)]
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
