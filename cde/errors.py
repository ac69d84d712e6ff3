"""Error pages (404, 405, 500) in the visitor's language, never with a stack trace."""
from flask import Flask, current_app, g, render_template, request
from werkzeug.exceptions import HTTPException, InternalServerError

from . import i18n


def _language_of_failed_request() -> str:
    """The language of a request that matched no page: its prefix if any, else negotiated."""
    first = request.path.lstrip("/").split("/", 1)[0]
    if first in current_app.config["LANGUAGES"]:
        return first
    return i18n.negotiate_language()


def render_error(error: HTTPException):
    """Render `error` as a page of the site, keeping its status and headers (Allow)."""
    if "lang" not in g:
        g.lang = _language_of_failed_request()
    response = error.get_response()
    response.set_data(render_template("error.html", status=error.code))
    response.headers["Content-Type"] = "text/html; charset=utf-8"
    response.headers["Content-Language"] = g.lang
    return response


def render_unexpected(error: Exception):
    """Any uncaught exception: log it, answer a plain 500 page in the visitor's language."""
    current_app.logger.exception("Unhandled error on %s", request.path)
    return render_error(InternalServerError())


def init_app(app: Flask) -> None:
    """Route every HTTP error, and any unexpected exception, to the site's error page."""
    app.register_error_handler(HTTPException, render_error)
    app.register_error_handler(Exception, render_unexpected)
