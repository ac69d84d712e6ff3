"""What a translation becomes on a page: escaped if plain text, marked if missing.

Jinja's i18n extension marks every translation safe. A msgid without `<` or `&` is
plain text, so its translation is escaped here: a stray quote typed by a translator
(`Idioma" onfocus="...`) then cannot break out of an attribute. Every other catalog
mistake is stopped before it reaches a page: `flask translate compile` leaves out of
the .mo any translation that `flask translate check` refuses (cde/catalog_checks.py).

A text the catalog lacks (not translated yet, under review, or left out) shows in
English, inside `<span lang="en">` (WCAG 3.1.2, language of parts), so a screen
reader reads it as English; in an attribute or the <title>, where no element can
go, it is plain English.
"""
import re
from gettext import NullTranslations

from flask import Flask, Response
from flask_babel import Domain, get_translations
from markupsafe import Markup, escape

from . import i18n
from .pages import SOURCE_LANGUAGE

# Private-use characters around an untranslated text until the page is complete.
START, END = "\ue000", "\ue001"
_INNERMOST = re.compile(f"{START}([^{START}{END}]*){END}")


class _Original(NullTranslations):
    """gettext's own fallback, asked for each text a catalog lacks: the original,
    marked."""

    def gettext(self, message):
        return START + message + END

    def ngettext(self, singular, plural, n):
        return self.gettext(singular if n == 1 else plural)

    def pgettext(self, context, message):
        return self.gettext(message)

    def npgettext(self, context, singular, plural, n):
        return self.ngettext(singular, plural, n)

    # Babel's Translations ask their fallback by these names too.
    ugettext, ungettext, upgettext, unpgettext = gettext, ngettext, pgettext, npgettext


class _MarkingCache(dict):
    """Flask-Babel's cache of loaded catalogs, one per locale: each catalog but the
    original language's gets the marked original as its gettext fallback, and
    goes through `wrap` (the translation studio's, cde/studio.py) if given."""

    def __init__(self, wrap=None):
        super().__init__()
        self.wrap = wrap

    def __setitem__(self, key, translations):
        if key[0] != str(i18n.locale_of(SOURCE_LANGUAGE)):
            translations.add_fallback(_Original())
            translations = self.wrap(translations) if self.wrap else translations
        super().__setitem__(key, translations)


class MarkingDomain(Domain):
    """The site's gettext domain: Flask-Babel's, with the cache above (the hook
    Flask-Babel documents for how loaded catalogs are kept)."""

    def __init__(self, wrap=None):
        super().__init__()
        self._marking = _MarkingCache(wrap)

    def forget(self) -> None:
        """Load the compiled catalogs again on the next request (after a save)."""
        self._marking.clear()

    def get_translations_cache(self, ctx):
        return self._marking

    # Flask-Babel formats a translation only when given variables, Jinja always:
    # `%%` would be one % in a template and two in a menu label. Always, as Jinja.
    def gettext(self, string, **variables):
        return self.get_translations().ugettext(string) % variables

    def pgettext(self, context, string, **variables):
        return self.get_translations().upgettext(context, string) % variables


def replace_marked(html: str, pattern: re.Pattern, replace) -> str:
    """`replace(match, bare)` for each text `pattern` finds, innermost first (an
    untranslated text can hold another: a link's words given to a sentence);
    `bare` where no element can go, inside a tag or the <title>. Also what the
    translation studio (cde/studio.py) does with its own marks."""
    def one(match: re.Match) -> str:
        before = match.string[:match.start()]
        return replace(match, before.rfind("<") > before.rfind(">")
                       or before.rfind("<title") > before.rfind("</title"))

    while (marked := pattern.sub(one, html)) != html:
        html = marked
    return html


def show_original(html: str, dir: str) -> str:
    """Each marked text as `<span lang="en">`, or bare inside a tag or the title."""
    tag = i18n.language_tag(SOURCE_LANGUAGE)
    direction = f' dir="{i18n.text_direction(SOURCE_LANGUAGE)}"' if dir != (
        i18n.text_direction(SOURCE_LANGUAGE)) else ""
    html = replace_marked(html, _INNERMOST, lambda match, bare: match.group(1) if bare
                          else f'<span lang="{tag}"{direction}>{match.group(1)}</span>')
    return html.replace(START, "").replace(END, "")


def _finish(response: Response) -> Response:
    """after_request: a page with marked texts gets them shown as the original."""
    if response.mimetype == "text/html" and not response.direct_passthrough:
        html = response.get_data(as_text=True)
        if START in html:
            page_dir = i18n.text_direction(i18n.page_language())
            response.set_data(show_original(html, page_dir))
    return response


def _html(translation: str, *msgids: str) -> Markup:
    trusted = any("<" in msgid or "&" in msgid for msgid in msgids)
    return Markup(translation) if trusted else escape(translation)


def init_app(app: Flask) -> None:
    """Install the gettext callables as Flask-Babel does, escaping plain text, and
    show what the catalogs lack as the original."""
    app.jinja_env.install_gettext_callables(
        gettext=lambda s: _html(get_translations().ugettext(s), s),
        ngettext=lambda s, p, n: _html(get_translations().ungettext(s, p, n), s, p),
        pgettext=lambda c, s: _html(get_translations().upgettext(c, s), s),
        npgettext=lambda c, s, p, n: _html(
            get_translations().unpgettext(c, s, p, n), s, p),
        newstyle=True,
    )
    app.extensions["babel"].instance.domain_instance = MarkingDomain()
    app.after_request(_finish)
