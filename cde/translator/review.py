"""What the translators are told of their catalogs: how far each language is
(`status`), and everything wrong, file:line (`check`)."""
from difflib import SequenceMatcher, get_close_matches
from pathlib import Path
from typing import NamedTuple

from babel.messages.catalog import Catalog, Message

from . import glossary
from .checks import msgids, translation_problems
from ..i18n import code_of, language_name
from ..languages import entries, is_published, is_translated
from .catalogs import (
    UNREADABLE, UPDATE_HINT, Project, Result, each_catalog, extract, is_live, problem,
)
from .problems import Problem, in_file
from .tool_language import _t, _tn, spoken_language


class Progress(NamedTuple):
    """How far a language is: texts live on the site (`done`), to review, translated but
    refused by a check, not translated yet, of `total`; and whether it is a draft."""

    done: int
    fuzzy: int
    refused: int
    untranslated: int
    total: int
    draft: bool

    @property
    def percent(self) -> int:
        return 100 * self.done // max(self.total, 1)


def count(project: Project, lang: str, catalog: Catalog, wanted) -> Progress:
    """How far `lang` is against the texts `wanted` (a fresh extraction's keys)."""
    have = [m for k, m in entries(catalog).items() if k in wanted]
    translated = [m for m in have if is_translated(m) and not m.fuzzy]
    done = sum(is_live(catalog, m) for m in translated)
    fuzzy, refused = sum(m.fuzzy for m in have), len(translated) - done
    # A draft by the site's own rule: visitors do not see it yet.
    draft = not is_published(lang, done, len(wanted), project.default_language,
                             project.publish_threshold)
    return Progress(done, fuzzy, refused, len(wanted) - done - fuzzy - refused,
                    len(wanted), draft)


def progress(project: Project, lang: str, catalog: Catalog, wanted) -> str:
    """How far a language is, and whether visitors see it."""
    have = count(project, lang, catalog, wanted)
    said = _t("{language} ({code}): {percent}% done. {done} of {total} texts "
              "translated, {fuzzy} to review (fuzzy), {refused} refused by a check, "
              "{untranslated} not translated yet.").format(
        language=language_name(lang, spoken_language()), code=lang,
        percent=have.percent, **have._asdict())
    if have.draft:
        said += "\n  " + _t("A draft: visitors do not see it until {threshold}% is "
                            "done; preview it at /{prefix}/.").format(
            threshold=f"{project.publish_threshold:g}", prefix=code_of(lang))
    if missing := not_in_catalog(catalog, wanted):
        said += "\n  " + missing
    return said


def not_in_catalog(catalog: Catalog, wanted) -> str:
    """How many of the texts `wanted` the catalog lacks, if any, and what to do."""
    missing = len(wanted) - len(entries(catalog).keys() & wanted)
    return _tn("{count} new text is not in the catalog yet: {hint}.",
               "{count} new texts are not in the catalog yet: {hint}.", missing
               ).format(count=missing, hint=_t(UPDATE_HINT)) if missing else ""


def status(project: Project, only=()) -> list[Result]:
    """How far each language is: translated, to review, not translated yet."""
    wanted = entries(extract(project)).keys()
    return each_catalog(project, lambda lang, _, catalog, __: Result(progress(
        project, lang, catalog, wanted)), lambda po: _t(UNREADABLE), only=only)


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


def check(project: Project, only=()) -> list[Result]:
    """Every problem of every catalog against a fresh extraction. A draft's unfinished
    texts are its progress, not problems."""
    wanted = entries(extract(project))

    def check_one(lang: str, po: Path, catalog: Catalog, problems: list) -> Result:
        shown, have = project.show(po), entries(catalog)
        unused = {k: m for k, m in have.items() if k not in wanted}
        draft = count(project, lang, catalog, wanted).draft
        for message in (m for k, m in wanted.items() if k not in have):
            # The unused entry `update` would take as the English before the change
            # (Babel's own fuzzy matching), if any.
            texts = {k[1].lower().strip(): k for k in unused if k[0] == message.context}
            if match := get_close_matches(msgids(message)[0].lower().strip(), texts, 1):
                old = unused.pop(texts[match[0]])
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
                hint=_t(UPDATE_HINT))] if k in unused else in_file(entry_problems(
                catalog, message, glossary.terms(project.translations, lang), draft))
            problems += [problem(shown, message.lineno, what, message)
                         for what in said]
        return Result(progress(project, lang, catalog, wanted) if draft else "",
                      problems)

    # An unreadable catalog: its problem says all.
    return each_catalog(project, check_one, lambda po: "", only=only)


def entry_problems(catalog: Catalog, message: Message, names,
                   draft: bool = False) -> list[Problem]:
    """Every problem of an entry the pages use (a draft's unfinished texts are none)."""
    found = []
    if not draft and not is_translated(message):
        found.append(Problem("untranslated"))
    if not draft and message.fuzzy:
        found.append(Problem("fuzzy", detail=word_diff(
            message.previous_id[0], msgids(message)[0]) if message.previous_id else ""))
    found += translation_problems(catalog, message)
    if is_translated(message):
        found += glossary.terminology_problems(names, message)
    return found
