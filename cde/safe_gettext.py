"""What a translation becomes on a page: escaped if plain text, marked if missing.

Jinja's i18n extension marks every translation safe. A msgid without `<` or `&` is
plain text, so its translation is escaped here: a stray quote typed by a translator
(`Idioma" onfocus="...`) then cannot break out of an attribute. Every other catalog
mistake is stopped before it reaches a page: `flask translate compile` leaves out of
the .mo any translation that `flask translate check` refuses (cde/translator/checks.py).

A text the catalog lacks (not translated yet, under review, or left out) shows in
English, inside `<span lang="en">` (WCAG 3.1.2, language of parts), so a screen
reader reads it as English; in an attribute or the <title>, where no element can
go, it is plain English (cde/marks.py tells which, once the page is complete).
"""
from gettext import NullTranslations

from flask import Flask, Response
from flask_babel import Domain, get_locale, get_translations
from markupsafe import Markup, escape

from . import i18n
from .marks import Mark
from .pages import SOURCE_LANGUAGE

# A text the catalog lacks, marked until the page is complete (cde/marks.py).
ORIGINAL = Mark("\ue000", "\ue001")


class _Original(NullTranslations):
    """gettext's own fallback, asked for each text a catalog lacks: the original,
    marked."""

    def gettext(self, message):
        return ORIGINAL.around(message)

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
    goes through its domain's `wrap` (the translation studio's), if any."""

    def __init__(self, domain: "SiteTexts"):
        super().__init__()
        self.domain = domain

    def __setitem__(self, key, translations):
        if key[0] != str(i18n.locale_of(SOURCE_LANGUAGE)):
            translations.add_fallback(_Original())
            if self.domain.wrap:
                translations = self.domain.wrap(translations)
        super().__setitem__(key, translations)


class SiteTexts(Domain):
    """The site's gettext domain: Flask-Babel's, with the cache above (the hook
    Flask-Babel documents for how loaded catalogs are kept). Every request takes it
    by Flask-Babel's own `as_default`."""

    def __init__(self):
        super().__init__()
        # Put around each catalog as it is loaded: the translation studio's marks.
        self.wrap = None
        self._loaded = _MarkingCache(self)

    def forget(self) -> None:
        """Load the compiled catalogs again on the next request (after a save)."""
        self._loaded.clear()

    def get_translations_cache(self, ctx):
        return self._loaded

    def get_translations(self):
        """Flask-Babel's, as the cache keeps them: on a miss Flask-Babel returns
        the catalog it loaded, not what `wrap` made of it in the cache, so the
        first text of the first page after `forget` would go unwrapped."""
        translations = super().get_translations()
        return self._loaded.get((str(get_locale()), self.domain[0]), translations)

    # Flask-Babel formats a translation only when given variables, Jinja always:
    # `%%` would be one % in a template and two in a menu label. Always, as Jinja.
    def gettext(self, string, **variables):
        return self.get_translations().ugettext(string) % variables

    def pgettext(self, context, string, **variables):
        return self.get_translations().upgettext(context, string) % variables


def site_texts(app: Flask) -> SiteTexts:
    """The gettext domain of `app`'s pages."""
    return app.extensions["site_texts"]


def show_original(response: Response) -> None:
    """A page's marked texts as the original: inside `<span lang="en">` where an
    element can go (with `dir` on a page written the other way), bare elsewhere."""
    if response.mimetype != "text/html" or response.direct_passthrough:
        return
    html = response.get_data(as_text=True)
    if ORIGINAL.opening not in html:
        return
    attributes = f'lang="{i18n.language_tag(SOURCE_LANGUAGE)}"'
    if (direction := i18n.text_direction(SOURCE_LANGUAGE)) != i18n.text_direction(
            i18n.page_language()):
        attributes += f' dir="{direction}"'
    response.set_data(ORIGINAL.resolve(html, lambda key: attributes)[0])


def _html(translation: str, *msgids: str) -> Markup:
    trusted = any("<" in msgid or "&" in msgid for msgid in msgids)
    return Markup(translation) if trusted else escape(translation)


def init_app(app: Flask) -> None:
    """Install the gettext callables as Flask-Babel does, escaping plain text, and
    make SiteTexts the domain of every request."""
    app.jinja_env.install_gettext_callables(
        gettext=lambda s: _html(get_translations().ugettext(s), s),
        ngettext=lambda s, p, n: _html(get_translations().ungettext(s, p, n), s, p),
        pgettext=lambda c, s: _html(get_translations().upgettext(c, s), s),
        npgettext=lambda c, s, p, n: _html(
            get_translations().unpgettext(c, s, p, n), s, p),
        newstyle=True,
    )
    app.extensions["site_texts"] = texts = SiteTexts()
    app.before_request(texts.as_default)
