"""The words of the studio's own interface, in the translator's language: the panel's,
handed to its script as JSON, and the start page's. Each empty section has a sentence
of its own, so that no "None" has to agree with a noun in another language.
"""
from .. import i18n
from .tool_language import _t, _t_noop, _tn, spoken_language

# The panel's words (studio_assets/*.js read them by these keys). {fields} are
# filled in by the script.
PANEL = {
    "open": _t_noop("Translate this page"), "close": _t_noop("Close the studio"),
    "panel": _t_noop("Translation studio"),
    "hint": _t_noop("Pick a text on the page, in this list, or search for one."),
    "start_page": _t_noop("The studio's start page: every language, what needs work"),
    "texts_on_page": _t_noop("Texts on this page"),
    "on_page": _t_noop("On the page “{page}”"),
    "on_no_page": _t_noop("On no page now (an error page's text)"),
    "on_this_page": _t_noop("On this page"),
    "draft_back": _t_noop("Your text, not saved yet, is back in the box."),
    "same_term": _t_noop("(not translated: written as it is)"),
    "apart": _t_noop("Texts that hold the words apart:"),
    "changed": _t_noop("The English changed since this translation was written: "
                       "struck-through words were removed, underlined words are new."),
    "needs_work": _t_noop("Needs work:"),
    "in_title": _t_noop("(in the page's title)"),
    "hidden": _t_noop("(not on screen: for screen readers or search engines)"),
    "english": _t_noop("English"), "translation": _t_noop("Translation"),
    "not_translated": _t_noop("(not translated yet)"),
    "save": _t_noop("Save"), "saved": _t_noop("Saved: the page shows it."),
    "saved_elsewhere": _t_noop("Saved."),
    "notes": _t_noop("Notes from the developers"),
    "no_notes": _t_noop("The developers left no note on this text."),
    "where": _t_noop("Where it appears"),
    "in_section": _t_noop("in the section \u201c{section}\u201d"),
    "nowhere": _t_noop("No page shows this text now: an error page, or a text no "
                       "longer used."),
    "elsewhere": _t_noop("This text is not on this page: “Where it appears” says "
                         "where it is."),
    "terms": _t_noop("Glossary terms"),
    "no_terms": _t_noop("This text holds no term of the glossary."),
    "problems": _t_noop("Problems"),
    "fixed": _t_noop("Changed in the box: press Save to check it again."),
    "placed": _t_noop("Added where the English has it, and selected: move it if your "
                      "sentence needs it elsewhere, then press Save."),
    "put": _t_noop("Put in the box: edit it if you need to, then press Save."),
    "long": _t_noop("This translation is {typed} characters long; the English, "
                    "{english}. It shows {where}, where space is short: shorten it to "
                    "{limit} or fewer, or press Save again to save it as it is."),
    "versions": _t_noop("Two versions of this text"),
    "conflict": _t_noop("This translation changed in the file since you opened it, so "
                        "your text was not saved. Both versions are below: put one in "
                        "the box, add to it what you want from the other, then save."),
    "not_saved_conflict": _t_noop("Not saved: the file changed meanwhile. Both versions "
                                  "are below, the words that differ marked."),
    "mine": _t_noop("Your text, not saved"), "use_mine": _t_noop("Put my text in the box"),
    "theirs": _t_noop("The file's version"),
    "use_theirs": _t_noop("Put the file's version in the box"),
    "search": _t_noop("Search every text of the site"),
    "search_button": _t_noop("Search"),
    "failed": _t_noop("The studio did not answer. If you stopped it, start it again "
                      "(make translate); then reload the page and try again."),
}

# The start page's words.
START = {
    "title": _t_noop("Translation studio"),
    "intro": _t_noop("Open a page of the site to translate it, or search for a text: "
                     "on every page, the button \u201cTranslate this page\u201d opens "
                     "the studio's panel."),
    "search": PANEL["search"], "search_button": PANEL["search_button"],
    "apart": PANEL["apart"],
    "search_hint": _t_noop("Words of the English or of the translation; texts no "
                           "page shows now (error pages) are found too."),
    "pages": _t_noop("The pages of the site"), "todo": _t_noop("What needs work"),
    "nothing": _t_noop("Nothing needs work in this language."),
    "open_on": _t_noop("Open on the page “{page}”"),
    "open_anywhere": _t_noop("Open in the panel (no page shows it now: an error "
                             "page's text)"),
    "not_translated": PANEL["not_translated"],
}


def in_words(texts: dict) -> dict:
    """PANEL's or START's words, with the language and direction they are written in."""
    spoken = spoken_language()
    return {"lang": spoken, "dir": i18n.text_direction(spoken),
            **{key: _t(text) for key, text in texts.items()}}


def progress_words(progress, flagged: int) -> tuple[str, str]:
    """What is done of a language (a screen reader reads it for the progress bar too)
    and what is left, with the `flagged` texts the site shows despite a problem."""
    done = _t("{percent}% done: {done} of {total} texts translated.").format(
        percent=progress.percent, done=progress.done, total=progress.total)
    # Nothing left: no row of zeros.
    left = [_t("{fuzzy} to review (the English changed), {refused} refused by a "
               "check, {untranslated} not translated yet.").format(**progress._asdict())
            ] if progress.done < progress.total else []
    if flagged:
        left.append(_tn(
            "{count} text the site shows has a problem the check reports: see below.",
            "{count} texts the site shows have a problem the check reports: see below.",
            flagged).format(count=flagged))
    return done, " ".join(left)


def page_todo(count: int) -> str:
    """How many texts of a page need work, after its link."""
    return _tn("{count} text needs work", "{count} texts need work", count).format(
        count=count) if count else ""


def found_words(texts: list[dict], words: str) -> str:
    """What a search says: how many texts it found, and, of several words, how many
    hold them as typed (they come first) and how many hold them apart."""
    typed, count = sum(text["as_typed"] for text in texts), len(texts)
    if not count:
        return _t("No text of the site holds \u201c{words}\u201d.").format(words=words)
    if len(words.split()) == 1 or typed == count:
        return _tn("{count} text holds \u201c{words}\u201d.",
                   "{count} texts hold \u201c{words}\u201d.", count).format(
            count=count, words=words)
    if not typed:
        return _tn("{count} text holds the words of \u201c{words}\u201d apart.",
                   "{count} texts hold the words of \u201c{words}\u201d apart.",
                   count).format(count=count, words=words)
    return _tn("{count} text holds \u201c{words}\u201d as typed, listed first.",
               "{count} texts hold \u201c{words}\u201d as typed, listed first.",
               typed).format(count=typed, words=words) + " " + _tn(
        "{count} more holds its words apart.", "{count} more hold its words apart.",
        count - typed).format(count=count - typed)
