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


def _link(lang: str, where: dict, msg: str) -> str:
    """The page a text is opened on: the first of `lang` that shows it, else the
    language's home page (the panel opens any text, even one no page shows)."""
    home = f"/{code_of(lang)}/"
    page = next((page for page in where.get(msg, {}) if page.startswith(home)), home)
    return f"{page}#cde-studio={msg}"


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
                    "said": [p["said"] for p in said], "page": _link(lang, where, msg),
                    "on_a_page": any(page.startswith(home) for page in where.get(msg, {}))})
        language["done"], language["left"] = progress_words(progress, flagged)
        language["draft"] = progress.draft and _t(
            "A draft: visitors do not see this language until it is translated; its "
            "pages are at /{prefix}/.").format(prefix=code_of(lang))
        language["pages"] = [{"path": path, "name": name, "said": page_todo(sum(
            path in where.get(text["id"], {}) for text in language["todo"]))}
            for path, name in shown["names"].items() if path.startswith(home)]
    return languages


def found(lang: str, catalog: Catalog, words: str, where: dict) -> list[dict]:
    """Each text whose English or translation holds every word of `words`, whatever
    their case and accents, with the excerpts that show them."""
    wanted = plain(words).split()
    texts = [{"id": message_id(*key), "english": msgids(message)[0],
              "translation": forms(message)[0] if is_translated(message) else "",
              "page": _link(lang, where, message_id(*key))}
             for key, message in entries(catalog).items()
             if wanted and all(word in plain(" ".join(
                 [*msgids(message), *filter(None, forms(message))])) for word in wanted)]
    for text in texts:
        text["english_excerpt"] = excerpt(text["english"], wanted)
        text["translation_excerpt"] = excerpt(text["translation"], wanted)
    return texts


def excerpt(text: str, wanted: list[str], room: int = 140) -> list[tuple[str, bool]]:
    """What a search result shows of `text`, as (part, found) pairs: at most `room`
    characters from a little before the first word searched that it holds, so that the
    words found are highlighted, never cut off as a plain start of the text would be."""
    text = " ".join(text.split())
    plains = [plain(char) for char in text]  # as found() compares it, character by character
    origin = [at for at, each in enumerate(plains) for _ in each]  # where each comes from
    hit = {at for word in wanted for match in re.finditer(re.escape(word), "".join(plains))
           for at in origin[match.start():match.end()]}
    first = min(hit, default=0)
    lead = min(first - room // 8, len(text) - room)  # a little before it, or the end
    start = 0 if lead <= 0 else min(text.find(" ", lead) + 1 or lead, first)
    end = min(len(text), start + room)
    if end < len(text) and text.rfind(" ", start, end) > first:
        end = text.rfind(" ", start, end)  # a whole word last
    parts = [("".join(text[at] for at in run), marked)
             for marked, run in groupby(range(start, end), key=hit.__contains__)]
    return [("…", False)] * (start > 0) + parts + [("…", False)] * (end < len(text))
