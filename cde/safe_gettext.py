"""A catalog mistake never takes a page down: that one text falls back to the original.

Flask-Babel looks translations up and Jinja's i18n extension formats them
(`translation % variables`), so a translator's typo such as `%(año)s` for `%(years)s`
would raise there and turn the whole page into a 500; a missing or corrupt .mo file
would do the same for every page. The callables installed here do the same work but
check each translation first: one that cannot be rendered is replaced by the source
text, and a warning names the msgid so that the catalog gets fixed.
"""
import gettext as gnu_gettext
from functools import lru_cache

from babel.support import NullTranslations
from flask import Flask, current_app
from flask_babel import Domain, get_locale, get_translations
from jinja2 import pass_context
from markupsafe import Markup, escape

from .catalogs import render_problem
from .pages import SOURCE_LANGUAGE

# Errors that `text % variables` raises on a translator's typo.
FORMAT_ERRORS = (KeyError, ValueError, TypeError, IndexError)


@lru_cache(maxsize=4096)
def _problem(source: str, translated: str, check_placeholders: bool) -> str | None:
    return render_problem(source, translated, check_placeholders)


def _warn_once(key: tuple, message: str, *args) -> None:
    """Log a catalog problem once per process, not on every page view."""
    warned = current_app.extensions.setdefault("safe_gettext.warned", set())
    if key not in warned:
        warned.add(key)
        current_app.logger.warning(message, *args)


def _lang() -> str:
    return str(get_locale() or SOURCE_LANGUAGE)


def usable(source: str, translated: str, check_placeholders: bool = True) -> str:
    """`translated` if the page can show it, else `source` (with a warning)."""
    if not translated or translated == source:
        return source
    problem = _problem(source, translated, check_placeholders)
    if problem is None:
        return translated
    _warn_once(
        ("render", _lang(), source, translated),
        'The %s translation of "%s" cannot be shown (%s); the page shows the original '
        "text until the catalog is fixed.", _lang(), source, problem,
    )
    return source


def _as_html(text: str, source: str) -> Markup:
    """A translation as HTML: trusted markup only where the msgid itself has markup.

    Jinja trusts every translation as HTML. A msgid without tags or entities is
    plain text, so its translation is escaped: a stray quote typed by a translator
    (`Idioma " onfocus="...`) then cannot break out of an attribute.
    """
    return Markup(text) if "<" in source or "&" in source else escape(text)


def formatted(text: str, source: str, variables: dict, markup: bool) -> str:
    """`text % variables`, falling back to the source text if the translation fails."""
    template = _as_html(text, source) if markup else text
    try:
        return template % variables
    except FORMAT_ERRORS as exc:
        if text == source:
            raise  # a mistake in the template or code, not in a catalog
        _warn_once(
            ("format", _lang(), source, text),
            'The %s translation of "%s" cannot be filled in (%s: %s); the page shows '
            "the original text until the catalog is fixed.",
            _lang(), source, type(exc).__name__, exc,
        )
        return (_as_html(source, source) if markup else source) % variables


class SafeDomain(Domain):
    """Flask-Babel's domain, with catalogs that can never raise on a page."""

    def get_translations(self):
        locale = str(get_locale())
        first_time = (locale, self.domain[0]) not in self.cache
        try:
            translations = super().get_translations()
        except Exception as exc:  # whatever a corrupt .mo raises, the page renders
            _warn_once(
                ("load", locale), "The %s catalog cannot be read (%s: %s); %s pages "
                'show the original text until it is compiled again ("make catalogs").',
                locale, type(exc).__name__, exc, locale,
            )
            fallback = NullTranslations()
            self.cache[locale, self.domain[0]] = fallback
            return fallback
        if first_time and locale != SOURCE_LANGUAGE and not any(
            gnu_gettext.find(self.domain[0], folder, [locale])
            for folder in self.translation_directories
        ):
            _warn_once(("missing", locale), 'There is no compiled %s catalog; %s pages '
                       'show the original text until "make catalogs" is run.',
                       locale, locale)
        return translations

    def gettext(self, string, **variables):
        text = usable(string, self.get_translations().ugettext(string))
        return formatted(text, string, variables, False) if variables else text

    def pgettext(self, context, string, **variables):
        text = usable(string, self.get_translations().upgettext(context, string))
        return formatted(text, string, variables, False) if variables else text

    def ngettext(self, singular, plural, num, **variables):
        variables.setdefault("num", num)
        source = singular if num == 1 else plural
        translated = self.get_translations().ungettext(singular, plural, num)
        text = usable(source, translated, check_placeholders=False)
        return formatted(text, source, variables, False)

    def npgettext(self, context, singular, plural, num, **variables):
        variables.setdefault("num", num)
        source = singular if num == 1 else plural
        translated = self.get_translations().unpgettext(context, singular, plural, num)
        text = usable(source, translated, check_placeholders=False)
        return formatted(text, source, variables, False)


# The Jinja callables: the same signatures as jinja2.ext's newstyle ones, which
# always format (so `%%` means `%`) and escape the variables when autoescaping.

@pass_context
def jinja_gettext(__context, __string, **variables):
    text = usable(__string, get_translations().ugettext(__string))
    return formatted(text, __string, variables, __context.eval_ctx.autoescape)


@pass_context
def jinja_pgettext(__context, __string_ctx, __string, **variables):
    variables.setdefault("context", __string_ctx)
    text = usable(__string, get_translations().upgettext(__string_ctx, __string))
    return formatted(text, __string, variables, __context.eval_ctx.autoescape)


@pass_context
def jinja_ngettext(__context, __singular, __plural, __num, **variables):
    variables.setdefault("num", __num)
    source = __singular if __num == 1 else __plural
    translated = get_translations().ungettext(__singular, __plural, __num)
    text = usable(source, translated, check_placeholders=False)
    return formatted(text, source, variables, __context.eval_ctx.autoescape)


@pass_context
def jinja_npgettext(__context, __string_ctx, __singular, __plural, __num, **variables):
    variables.setdefault("context", __string_ctx)
    variables.setdefault("num", __num)
    source = __singular if __num == 1 else __plural
    translated = get_translations().unpgettext(
        __string_ctx, __singular, __plural, __num)
    text = usable(source, translated, check_placeholders=False)
    return formatted(text, source, variables, __context.eval_ctx.autoescape)


def init_app(app: Flask) -> None:
    """Replace Flask-Babel's domain and Jinja callables with the checked ones."""
    babel = app.extensions["babel"]
    # Python code (lazy_gettext in cde/pages.py, gettext in views) goes through this.
    babel.instance.domain_instance = SafeDomain(domain=babel.default_domain)
    # Set as plain globals: install_gettext_callables(newstyle=True) would wrap them
    # in jinja2.ext's own formatting, the very step that raises on a typo.
    app.jinja_env.newstyle_gettext = True
    app.jinja_env.globals.update(
        gettext=jinja_gettext,
        pgettext=jinja_pgettext,
        ngettext=jinja_ngettext,
        npgettext=jinja_npgettext,
    )
