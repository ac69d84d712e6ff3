"""What the translation studio shows of the catalogs: a text with every problem in
the studio's own words (problems.py), each language's progress and work to do, and
what a search finds. The commands' reports (review.py) take theirs from the same checks.
"""
import hashlib
from pathlib import Path

from babel.messages.catalog import Catalog, Message

from . import glossary
from .catalogs import Project, extract, is_live, read_catalog
from .checks import forms, msgids
from .problems import in_studio
from .review import count, entry_problems, not_in_catalog, word_diff
from .studio_words import page_todo, progress_words
from .tool_language import _t, _t_noop, spoken_language
from ..i18n import code_of, language_name, language_tag
from ..languages import entries

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


def needing_work(project: Project, po: Path, catalog: Catalog) -> dict:
    """Each text of `catalog` (`po`'s) that needs work, by key: (its entry, every
    problem of it as the panel shows them)."""
    names = glossary.terms(project.translations, po.parent.parent.name)
    return {key: (message, said) for key, message in entries(catalog).items()
            if (said := [in_studio(each) for each in entry_problems(catalog, message, names)])}


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


def link(lang: str, shown: dict, msg: str) -> dict:
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
        for key, (message, said) in needing_work(project, po, catalog).items():
            if key in wanted:
                msg = message_id(*key)
                # On the site all the same (a name not as the site writes it): the
                # counts above would not show it, so the start page says so apart.
                flagged += is_live(catalog, message)
                language["todo"].append({
                    "id": msg, "english": msgids(message)[0],
                    "said": [p["said"] for p in said], **link(lang, shown, msg)})
        language["done"], language["left"] = progress_words(progress, flagged)
        language["draft"] = progress.draft and _t(
            "A draft: visitors do not see this language until it is translated; its "
            "pages are at /{prefix}/.").format(prefix=code_of(lang))
        language["pages"] = [{"path": path, "name": name, "said": page_todo(sum(
            path in where.get(text["id"], {}) for text in language["todo"]))}
            for path, name in shown["names"].items() if path.startswith(home)]
    return languages
