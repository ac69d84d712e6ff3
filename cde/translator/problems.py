"""A problem of a translation, found once and said twice.

The checks (checks.py, glossary.py, review.py) find each problem as a `Problem`:
its kind, the words concerned and, where one is sure, the fix. The commands say it
to a reader of the .po file, one line per kind of mistake (`in_file`, which
catalogs.problem puts after `file:line:`); the translation studio says it to a
reader of its panel, one short sentence a problem in the panel's own words, with
the fix a button can apply (`in_studio`). A rule is written once, in the checks;
only its words are here, twice.
"""
from dataclasses import dataclass

from .tool_language import _t, _t_noop

GLOSSARY = "translations/glossary.csv"


@dataclass(frozen=True)
class Problem:
    """One thing wrong with a translation.

    `words` are the words concerned, as the translation (or the English) writes
    them; `fix` is (what to replace in the translation, or "" to insert at the
    cursor; what to write); `blocks` says whether the site leaves the translation
    out (compile does) or shows it anyway (a term the glossary writes otherwise);
    `detail` is what only a library can say (Babel), or how the English changed."""

    kind: str
    words: tuple[str, ...] = ()
    fix: tuple[str, str] | None = None
    blocks: bool = True
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


def _detail(problem: Problem) -> str:
    """What a problem of a family says inside that family's parentheses."""
    words = ", ".join(problem.words)
    unknown = _t("unknown named placeholder {name}")
    return {
        "stray_percent": lambda: _t("a % sign that is not a placeholder; write %% "
                                    "for a percent sign"),
        "unknown_placeholder": lambda: unknown.format(name=f"'{problem.detail}'"),
        "renamed_placeholder": lambda: "; ".join([
            unknown.format(name=f"'{problem.detail}'"),
            _t("{placeholders} missing").format(placeholders=problem.words[1])]),
        "missing_placeholder": lambda: _t("{placeholders} missing").format(
            placeholders=words),
        "babel_format": lambda: problem.detail,
        "missing_tags": lambda: _t("{tags} missing").format(tags=words),
        "extra_tags": lambda: _t("{tags} not in the original").format(tags=words),
    }[problem.kind]()


def _to_review(problem: Problem) -> str:
    changed = (_t("the English changed ({diff})").format(diff=problem.detail)
               if problem.detail else _t("marked fuzzy (the English changed)"))
    return _t('{change}; check the translation, then remove "fuzzy" from the "#," line '
              "above").format(change=changed)


def _file_line(problem: Problem) -> str:
    """The line of a kind that is said alone."""
    words = problem.words
    return {
        "untranslated": lambda: _t("not translated yet: write the translation between "
                                   "the quotes of msgstr"),
        "fuzzy": lambda: _to_review(problem),
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
    }[problem.kind]()


def in_file(problems: list[Problem]) -> list[str]:
    """What the commands say of a text's problems: a line each, but one a family
    (placeholders, HTML tags) with every detail of that family in it."""
    lines, families = [], {}
    for problem in problems:
        family = _FAMILIES.get(problem.kind)
        if family is None:
            lines.append(_file_line(problem))
        elif family not in families:
            families[family] = len(lines)
            lines.append([problem])
        else:
            lines[families[family]].append(problem)
    return [line if isinstance(line, str) else _t(_FAMILIES[line[0].kind]).format(
        problem="; ".join(map(_detail, line))) for line in lines]


# --- For the studio: one short sentence, and a fix ---------------------------------

def _studio_sentence(problem: Problem) -> str:
    words = problem.words
    return {
        "untranslated": lambda: _t("Not translated yet: the page shows the English."),
        "fuzzy": lambda: _t("The English changed since this was translated: check the "
                            "translation, then save it."),
        "blank": lambda: _t("The translation is only spaces."),
        "garbled": lambda: _t('Some accented letters are garbled: "{text}" should read '
                              '"{fixed}".').format(text=words[0], fixed=words[1]),
        "stray_percent": lambda: _t("A % sign that is not a placeholder: write %% for "
                                    "a percent sign."),
        "unknown_placeholder": lambda: _t("{placeholder} is not in the English: copy "
                                          "each placeholder as the English has it."
                                          ).format(placeholder=words[0]),
        "renamed_placeholder": lambda: _t("{placeholder} should be {original}, as in "
                                          "the English.").format(
            placeholder=words[0], original=words[1]),
        "missing_placeholder": lambda: _t("{placeholder} is missing: the site writes "
                                          "its value there.").format(
            placeholder=words[0]),
        "babel_format": lambda: _t("The placeholders differ from the English: "
                                   "{problem}.").format(problem=problem.detail),
        "plural_forms": lambda: _t("A text with plural forms is translated in the .po "
                                   "file itself, one msgstr[N] per form."),
        "missing_tags": lambda: _t("{tags} is missing: keep every tag of the English."
                                   ).format(tags=" ".join(words)),
        "extra_tags": lambda: _t("{tags} is not in the English: remove it.").format(
            tags=" ".join(words)),
        "forbidden_term": lambda: _t('"{wrong}" is not how this site writes it: write '
                                     '"{required}".').format(wrong=words[0],
                                                             required=words[1]),
        "required_term": lambda: _t('"{english}" is written "{required}" on this site.'
                                    ).format(english=words[0], required=words[1]),
    }[problem.kind]()


def in_studio(problem: Problem) -> dict:
    """A problem as the studio's panel shows it: {kind, said, fix}, where fix is
    {replace, write, label} (replace "" inserts at the cursor) or None."""
    fix = None
    if problem.fix:
        replace, write = problem.fix
        # A placeholder shows as a token of its own (tokens.js): no quotes around it.
        label = (_t("Add {text}") if not replace else _t("Write {text}")
                 if problem.kind == "renamed_placeholder" else _t('Write "{text}"'))
        fix = {"replace": replace, "write": write, "label": label.format(text=write)}
    return {"kind": problem.kind, "said": _studio_sentence(problem), "fix": fix}
