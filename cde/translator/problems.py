"""A problem of a translation, found once by the checks (checks.py, glossary.py,
review.py) and said twice: to a reader of the .po file, one line a kind of mistake
after `file:line:` (`in_file`), and to a reader of the studio's panel, one short
sentence with the fix a button can apply (`in_studio`)."""
from dataclasses import dataclass

from .tool_language import _t, _t_noop

GLOSSARY = "translations/glossary.csv"


@dataclass(frozen=True)
class Problem:
    """One thing wrong with a translation: its `kind`, the `words` concerned as the
    translation (or the English) writes them, where one is sure the `fix` (what to
    replace, "" to insert; what to write; where to insert it, None for the cursor),
    and `detail`: what only a library can say (Babel), or how the English changed."""

    kind: str
    words: tuple[str, ...] = ()
    fix: tuple | None = None
    detail: str = ""


# --- For the commands: file:line: what --------------------------------------------

_PLACEHOLDERS = _t_noop("placeholders differ from the original ({problem}); copy "
                        "every placeholder exactly as it is in the msgid")
_TAGS = _t_noop("HTML tags differ from the original ({problem}); keep every tag of "
                "the msgid, complete with its < and >")
# Kinds said together on one line, each detail in the parentheses of its family.
_FAMILIES = {
    "stray_percent": _PLACEHOLDERS, "unknown_placeholder": _PLACEHOLDERS,
    "renamed_placeholder": _PLACEHOLDERS, "missing_placeholder": _PLACEHOLDERS,
    "babel_format": _PLACEHOLDERS, "missing_tags": _TAGS, "extra_tags": _TAGS,
}


def _in_file(problem: Problem) -> str:
    """A problem's own line, or (one of a family) its detail in the family's line."""
    words, unknown = problem.words, _t("unknown named placeholder {name}")
    return {
        "untranslated": lambda: _t("not translated yet: write the translation between "
                                   "the quotes of msgstr"),
        "fuzzy": lambda: _t('{change}; check the translation, then remove "fuzzy" from '
                            'the "#," line above').format(change=_t(
            "the English changed ({diff})").format(diff=problem.detail)
            if problem.detail else _t("marked fuzzy (the English changed)")),
        "blank": lambda: _t("the translation is {problem}: write the translation, or "
                            'leave msgstr empty ("") until you do').format(
            problem=_t("only spaces")),
        "garbled": lambda: _t("the accented letters are garbled ({problem}): the file "
                              "was opened in another encoding than UTF-8; correct them "
                              "and save as UTF-8").format(problem=_t(
                                  '"{text}" should read "{fixed}"').format(
                                      text=words[0], fixed=words[1])),
        "plural_forms": lambda: _t("{problem}; write one msgstr[N] line for each "
                                   "plural form").format(problem=problem.detail),
        "forbidden_term": lambda: _t('"{wrong}" is not how this site writes it: write '
                                     '"{required}" ({file})').format(
            wrong=problem.detail, required=words[1], file=GLOSSARY),
        "required_term": lambda: _t('"{english}" is "{required}" in this language '
                                    "({file}); write it so").format(
            english=words[0], required=words[1], file=GLOSSARY),
        "stray_percent": lambda: _t("a % sign that is not a placeholder; write %% "
                                    "for a percent sign"),
        "unknown_placeholder": lambda: unknown.format(name=f"'{problem.detail}'"),
        "renamed_placeholder": lambda: "; ".join([
            unknown.format(name=f"'{problem.detail}'"),
            _t("{placeholders} missing").format(placeholders=words[1])]),
        "missing_placeholder": lambda: _t("{placeholders} missing").format(
            placeholders=", ".join(words)),
        "babel_format": lambda: problem.detail,
        "missing_tags": lambda: _t("{tags} missing").format(tags=", ".join(words)),
        "extra_tags": lambda: _t("{tags} not in the original").format(
            tags=", ".join(words)),
    }[problem.kind]()


def in_file(problems: list[Problem]) -> list[str]:
    """What the commands say of a text's problems: a line each, but one a family
    (placeholders, HTML tags) with every detail of that family in it."""
    lines = {}
    for number, problem in enumerate(problems):
        lines.setdefault(_FAMILIES.get(problem.kind, number), []).append(problem)
    return [_in_file(same[0]) if isinstance(family, int) else _t(family).format(
        problem="; ".join(map(_in_file, same))) for family, same in lines.items()]


# --- For the studio: one short sentence, and a fix ---------------------------------

_IN_STUDIO = {
    "untranslated": _t_noop("Not translated yet: the site shows the English."),
    "fuzzy": _t_noop("The English changed since this was translated: check the "
                     "translation, then save it."),
    "blank": _t_noop("The translation is only spaces."),
    "garbled": _t_noop('Some accented letters are garbled: "{text}" should read '
                       '"{fixed}".'),
    "stray_percent": _t_noop("The % in \u201c{text}\u201d is not a placeholder: write "
                             "%% for a percent sign; the page shows a single %."),
    "unknown_placeholder": _t_noop("{placeholder} is not in the English: copy each "
                                   "placeholder as the English has it."),
    "renamed_placeholder": _t_noop("{placeholder} should be {original}, as in the "
                                   "English."),
    "missing_placeholder": _t_noop("{placeholder} is missing (the site writes its value "
                                   "there): the button puts it where the English has it."),
    "babel_format": _t_noop("The placeholders differ from the English: {problem}."),
    "plural_forms": _t_noop("A text with plural forms is translated in the .po file "
                            "itself, one msgstr[N] per form."),
    "missing_tags": _t_noop("{tags} is missing: keep every tag of the English."),
    "extra_tags": _t_noop("{tags} is not in the English: remove it."),
    "forbidden_term": _t_noop('"{wrong}" is not how this site writes it: write '
                              '"{required}".'),
    "required_term": _t_noop('"{english}" is written "{required}" on this site.'),
}


def in_studio(problem: Problem) -> dict:
    """A problem as the studio's panel shows it: {kind, said, fix}, where fix is
    {replace, write, label, at} (replace "" inserts at `at`, else at the cursor) or None."""
    first, second = (*problem.words, "", "")[:2]
    # Each sentence names the fields it needs of these.
    said = _t(_IN_STUDIO[problem.kind]).format(
        text=first, placeholder=first, wrong=first, english=first, fixed=second,
        original=second, required=second, tags=" ".join(problem.words),
        problem=problem.detail)
    fix = None
    if problem.fix:
        replace, write, at = (*problem.fix, None)[:3]
        # A placeholder shows as a token of its own (tokens.js): no quotes around it.
        label = (_t("Add {text}") if not replace else _t("Write {text}")
                 if problem.kind == "renamed_placeholder" else _t('Write "{text}"'))
        fix = {"replace": replace, "write": write, "label": label.format(text=write),
               **({"at": at} if at is not None else {})}
    return {"kind": problem.kind, "said": said, "fix": fix}
