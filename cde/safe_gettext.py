"""Templates trust a translation as HTML only where the original text is HTML.

Jinja's i18n extension marks every translation safe. A msgid without `<` or `&` is
plain text, so its translation is escaped here: a stray quote typed by a translator
(`Idioma" onfocus="...`) then cannot break out of an attribute. Every other catalog
mistake is stopped before it reaches a page: `flask translate compile` leaves out of
the .mo any translation that `flask translate check` refuses (cde/catalog_checks.py).
"""
from flask import Flask
from flask_babel import get_translations
from markupsafe import Markup, escape


def _html(translation: str, *msgids: str) -> Markup:
    trusted = any("<" in msgid or "&" in msgid for msgid in msgids)
    return Markup(translation) if trusted else escape(translation)


def init_app(app: Flask) -> None:
    """Install the gettext callables as Flask-Babel does, escaping plain text."""
    app.jinja_env.install_gettext_callables(
        gettext=lambda s: _html(get_translations().ugettext(s), s),
        ngettext=lambda s, p, n: _html(get_translations().ungettext(s, p, n), s, p),
        pgettext=lambda c, s: _html(get_translations().upgettext(c, s), s),
        npgettext=lambda c, s, p, n: _html(
            get_translations().unpgettext(c, s, p, n), s, p),
        newstyle=True,
    )
