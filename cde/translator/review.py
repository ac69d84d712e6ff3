"""What the translators are told of their catalogs: how far each language is
(`status`) and everything wrong, file:line (`check`), where a changed English text is
one problem showing the words that changed."""
from difflib import SequenceMatcher, get_close_matches
from pathlib import Path

from babel.messages.catalog import Catalog, Message

from ..i18n import code_of, language_name
from ..languages import entries, is_translated
from . import glossary
from .checks import forms, msgids, translation_problem
from .catalogs import (
    UNREADABLE, UPDATE_HINT, Project, Result, each_catalog, extract, is_live, problem,
)
from .tool_language import _t, _tn, spoken_language


def progress(project: Project, lang: str, catalog: Catalog, wanted) -> str:
    """How far a language is, and whether visitors see it."""
    have = [m for k, m in entries(catalog).items() if k in wanted]
    done = sum(is_live(catalog, m) for m in have)
    fuzzy = sum(m.fuzzy for m in have)
    said = _t("{language} ({code}): {percent}% done. {done} of {total} texts "
              "translated, {fuzzy} to review (fuzzy), {untranslated} not translated "
              "yet.").format(
        language=language_name(lang, spoken_language()), code=lang,
        percent=100 * done // max(len(wanted), 1), done=done, total=len(wanted),
        fuzzy=fuzzy, untranslated=len(wanted) - done - fuzzy)
    if project.is_draft(lang, done, len(wanted)):
        said += "\n  " + _t("A draft: visitors do not see it until {threshold}% is "
                            "done; preview it at /{prefix}/.").format(
            threshold=f"{project.publish_threshold:g}", prefix=code_of(lang))
    if len(have) < len(wanted):
        count = len(wanted) - len(have)
        said += "\n  " + _tn("{count} new text is not in the catalog yet: {hint}.",
                             "{count} new texts are not in the catalog yet: {hint}.",
                             count).format(count=count, hint=_t(UPDATE_HINT))
    return said


def status(project: Project, only=()) -> list[Result]:
    """How far each language is: translated, to review, not translated yet."""
    wanted = entries(extract(project)).keys()
    return each_catalog(
        project, lambda lang, _, catalog, __: Result(
            progress(project, lang, catalog, wanted)),
        lambda po: _t(UNREADABLE), only=only)


def word_diff(old: str, new: str) -> str:
    """The words of `new` with what changed from `old`: [-removed-] {+added+}; long
    unchanged stretches shortened to their ends."""
    before, after, said = old.split(), new.split(), []
    for op, i, j, k, m in SequenceMatcher(None, before, after).get_opcodes():
        if op == "equal":
            same = before[i:j]
            said += same if len(same) <= 8 else (
                same[:3] * bool(said) + ["…"] + same[-3:] * (j < len(before)))
        else:
            said += [f"[-{' '.join(before[i:j])}-]"] * (j > i)
            said += [f"{{+{' '.join(after[k:m])}+}}"] * (m > k)
    return " ".join(said)


def to_review(message: Message) -> str:
    """What check says of a fuzzy entry: what changed in the English, if known."""
    changed = (_t("the English changed ({diff})").format(
        diff=word_diff(message.previous_id[0], msgids(message)[0]))
        if message.previous_id else _t("marked fuzzy (the English changed)"))
    return _t('{change}; check the translation, then remove "fuzzy" from the "#," line '
              "above").format(change=changed)


def changed_from(message: Message, unused: dict) -> tuple | None:
    """The key of the unused entry `update` would take as this one's earlier
    English (Babel's own fuzzy matching), if any."""
    by_text = {key[1].lower().strip(): key for key in unused
               if key[0] == message.context}
    match = get_close_matches(msgids(message)[0].lower().strip(), by_text, 1)
    return by_text[match[0]] if match else None


def check(project: Project, only=()) -> list[Result]:
    """Every problem of every catalog against a fresh extraction; a missing text at
    line 1 (it is not in the file yet), with where the pages use it. A draft's
    unfinished texts are its progress, not problems."""
    wanted = entries(extract(project))

    def check_one(lang: str, po: Path, catalog: Catalog, problems: list) -> Result:
        shown, have = project.show(po), entries(catalog)
        names = glossary.terms(project.translations / glossary.FILE, lang)
        unused = {k: m for k, m in have.items() if k not in wanted}
        done = sum(is_live(catalog, m) for k, m in have.items() if k in wanted)
        draft = project.is_draft(lang, done, len(wanted))
        for message in (m for k, m in wanted.items() if k not in have):
            if old := changed_from(message, unused):
                old = unused.pop(old)
                diff = word_diff(msgids(old)[0], msgids(message)[0])
                problems.append(problem(shown, old.lineno, _t(
                    "the English changed ({diff}); {hint}, which keeps your "
                    "translation for review").format(diff=diff, hint=_t(UPDATE_HINT))))
            elif not draft:
                where = ", ".join(f"{f}:{n}" for f, n in message.locations[:3])
                problems.append(problem(shown, 1, _t(
                    "missing from this catalog (the text is new, at {places}); {hint}"
                ).format(places=where, hint=_t(UPDATE_HINT)), message))
        for k, message in have.items():
            said = [_t("no longer used by any page; {hint}").format(
                hint=_t(UPDATE_HINT))] if k in unused else entry_problems(
                catalog, message, names, draft)
            problems += [problem(shown, message.lineno, what, message)
                         for what in said]
        return Result(progress(project, lang, catalog, wanted) if draft else "",
                      problems)

    # An unreadable catalog: its problem says all.
    return each_catalog(project, check_one, lambda po: "", only=only)


def entry_problems(catalog: Catalog, message: Message, names, draft: bool = False):
    """What check says of an entry the pages use, each a sentence (a draft's
    unfinished texts are no problem)."""
    return [what for what in (
        not draft and not is_translated(message) and _t(
            "not translated yet: write the translation between the quotes of msgstr"),
        not draft and message.fuzzy and to_review(message),
        translation_problem(catalog, message),
        is_translated(message) and glossary.terminology_problem(names, message),
    ) if what]


# --- What the translation studio (studio.py) shows ---------------------------------

def refusal(project: Project, po: Path, catalog: Catalog, message: Message):
    """Why a translation cannot be saved, as check would say it, or None."""
    names = glossary.terms(project.translations / glossary.FILE, po.parent.parent.name)
    said = entry_problems(catalog, message, names)
    return problem(project.show(po), message.lineno, said[0], message) if said else None


def about(project: Project, po: Path, catalog: Catalog, message: Message,
          pages: list[str]) -> dict:
    """An entry as the studio's panel shows it."""
    names = glossary.terms(project.translations / glossary.FILE, po.parent.parent.name)
    english = msgids(message)[0]
    return {
        "english": english, "translation": forms(message)[0], "fuzzy": message.fuzzy,
        "changed": word_diff(message.previous_id[0], english)
        if message.fuzzy and message.previous_id else "",
        "notes": list(message.auto_comments),
        "locations": [f"{file}:{line}" for file, line in message.locations],
        "pages": pages, "terms": glossary.terms_in(names, english),
        "problems": entry_problems(catalog, message, names),
    }


def work_to_do(project: Project, ids, where: dict) -> list[dict]:
    """The studio's start page, a language each: its `progress`, the `problems` of
    its file, and `todo`, every text that needs work (not translated, to review,
    refused by a check) as {english, what, page}, the page that shows it."""
    wanted, todo = entries(extract(project)), {}

    def one(lang: str, po: Path, catalog: Catalog, problems: list) -> Result:
        names = glossary.terms(project.translations / glossary.FILE, lang)
        home = f"/{code_of(lang)}/"
        todo[lang] = [{"english": msgids(message)[0], "what": what, "page": next((
            page for page in where.get(ids(*key), []) if page.startswith(home)),
            home) + f"#cde-studio={ids(*key)}"}
            for key, message in entries(catalog).items() if key in wanted
            for what in entry_problems(catalog, message, names)]
        return Result(progress(project, lang, catalog, wanted), problems)

    results = each_catalog(project, one, lambda po: _t(UNREADABLE))
    return [{"progress": result.said, "problems": result.errors,
             "todo": todo.get(lang, [])}
            for lang, result in zip(project.languages(), results)]
