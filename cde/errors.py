"""Error pages (400, 404, 405, 500) in the visitor's language, never with a stack trace.

If error.html cannot be rendered, or no URL can be built (a Host refused before
routing), error_fallback.html takes its place: no layout, links or context processors.
"""
from flask import Flask, current_app, g, render_template, request
from flask_babel import lazy_gettext as _l
from werkzeug.exceptions import (
    BadHost, HTTPException, InternalServerError, SecurityError)

from . import i18n
from .pages import PAGES_BY_ENDPOINT, SOURCE_LANGUAGE
from .views import NEGOTIATED_VARY, PAGE_CACHE_CONTROL

# Heading and message of the error page, by status: other 4xx read as 400, 5xx as 500.
ERROR_TEXTS = {
    # NOTE: heading of the error page for a request the site cannot answer.
    400: (_l("Invalid request"),
          _l("The site cannot answer this request. Please check the address.")),
    404: (_l("Page not found"),
          _l("The page you are looking for does not exist or has moved.")),
    405: (_l("Request not allowed"),
          _l("This address does not accept that kind of request.")),
    500: (_l("An error occurred"),
          _l("The page could not be shown. Please try again later.")),
}

# Requests Werkzeug refuses while binding the URL map, before any routing: a Host
# header it cannot encode (a label over 63 characters), or one outside TRUSTED_HOSTS.
# No URL adapter exists for them, so their page is the fallback one.
REFUSED_BEFORE_ROUTING = (BadHost, SecurityError)


def error_texts(code: int) -> tuple:
    """The (heading, message) of the error page for an HTTP status."""
    return ERROR_TEXTS.get(code) or ERROR_TEXTS[400 if 400 <= code < 500 else 500]


def fallback_page(error: HTTPException, lang: str) -> str:
    """error_fallback.html, in the visitor's language (English if the catalogs are
    what failed), for when error.html cannot be used."""
    home = PAGES_BY_ENDPOINT["home"]
    heading, message = error_texts(error.code)
    try:
        heading, message, home_label = str(heading), str(message), str(home.nav_label)
    except Exception:  # the catalogs are what failed (say, a corrupt .mo file)
        lang, heading, message, home_label = SOURCE_LANGUAGE, error.name, "", "Home"
    # Straight from the Jinja environment: render_template would run the context
    # processors, which need a URL adapter and may be what failed.
    return current_app.jinja_env.get_template("error_fallback.html").render(
        lang_tag=i18n.language_tag(lang), dir=i18n.text_direction(lang),
        heading=heading, message=message, home_label=home_label,
        home_path=home.rule(lang))


def render_error(error: HTTPException):
    """Render `error` as a page of the site, keeping its status and headers (Allow)."""
    languages = i18n.current_languages()
    prefix = request.path.lstrip("/").split("/", 1)[0]
    if g.get("lang") not in languages:
        # The error may come before the language is known: the path's prefix, else
        # negotiated; if negotiation is what broke, the default language.
        try:
            g.lang = prefix if prefix in languages else i18n.negotiate_language()
        except Exception:
            current_app.logger.exception("Could not find the language of an error page")
            g.lang = i18n.request_default_language()
    response = error.get_response()  # Werkzeug's, with its status, Allow, Content-Type
    if isinstance(error, REFUSED_BEFORE_ROUTING):
        body = fallback_page(error, g.lang)
    else:
        try:
            heading, message = error_texts(error.code)
            body = render_template("error.html", heading=heading, message=message)
        except Exception:
            current_app.logger.exception("The error page could not be rendered")
            body = fallback_page(error, g.lang)
    response.set_data(body)
    response.headers["Content-Language"] = i18n.language_tag(g.lang)
    # Error pages are not worth keeping, and a shared cache must never hand one
    # visitor's negotiated language (no /en/ or /es/ in the path) to the next.
    response.headers["Cache-Control"] = PAGE_CACHE_CONTROL
    if prefix not in languages:
        response.headers["Vary"] = NEGOTIATED_VARY
    return response


def render_unexpected(error: Exception):
    """Any uncaught exception: log it, answer a 500 page in the visitor's language."""
    current_app.logger.exception("Unhandled error on %s", request.path)
    return render_error(InternalServerError())


def init_app(app: Flask) -> None:
    """Send every HTTP error, and any unexpected exception, to the error page."""
    app.register_error_handler(HTTPException, render_error)
    app.register_error_handler(Exception, render_unexpected)
