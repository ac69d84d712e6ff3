"""The whole site rendered once, as visitors get it (freeze.py writes it to disk).
Each URL is requested through the app like any visit, in contexts of its own:
nothing a request leaves behind (Flask-Babel caches the locale on `g`) can reach
the next page."""
import contextvars
from functools import partial
from typing import NamedTuple
from urllib.parse import urlsplit

from flask import Flask, url_for
from werkzeug.exceptions import default_exceptions

from .. import i18n
from ..pages import PAGES

# The error pages the web server shows for its own answers, as the app renders them
# under each language's prefix: /en/404.html for any missing address, /en/405.html
# for another method than GET or HEAD, /en/400.html for a request it refuses.
ERROR_STATUSES = (400, 404, 405)
# Not rendered: `/` answers each visitor differently (the web server decides it).
NOT_RENDERED = frozenset({"choose_language", "static"})


class Rendered(NamedTuple):
    """One answer of the app, as it left: status, headers and body."""

    status: int
    headers: tuple  # (name, value) pairs
    body: bytes


def site_address(app: Flask) -> str:
    """scheme://host of SITE_URL, the address pages are asked for on (TRUSTED_HOSTS)."""
    parts = urlsplit(app.config["SITE_URL"])
    return f"{parts.scheme}://{parts.netloc}"


def site_paths(app: Flask) -> list[str]:
    """Every URL that answers the same to everyone (so not `/`): each page in each
    language, every argument-free route (/sitemap.xml, /robots.txt, /favicon.ico) and
    every static file under its hashed name."""
    with app.test_request_context(base_url=site_address(app)):
        paths = [url_for(page.endpoint, lang=lang)
                 for page in PAGES for lang in i18n.all_languages(app.config)]
        paths += sorted(url_for(rule.endpoint) for rule in app.url_map.iter_rules()
                        if not rule.arguments and "GET" in rule.methods
                        and rule.endpoint not in NOT_RENDERED)
        if "assets" in app.extensions:  # not in debug mode
            paths += [url_for("static", filename=name)
                      for name in app.extensions["assets"].hashed]
    return paths


def error_paths(app: Flask) -> dict[str, int]:
    """The error page files of every language, with the status each shows."""
    return {f"/{lang}/{status}.html": status
            for lang in app.config["LANGUAGES"] for status in ERROR_STATUSES}


def not_found_paths(app: Flask) -> list[str]:
    """The 404 page file under each language prefix."""
    return [path for path, status in error_paths(app).items() if status == 404]


def _rendered(answer) -> Rendered:
    # An empty contextvars context: without it, a caller's app context (`flask
    # freeze` runs inside one) would be shared by every request, and with it the
    # first page's language.
    response = contextvars.Context().run(answer)
    return Rendered(response.status_code, tuple(response.headers.items()),
                    response.get_data())


def render(app: Flask, path: str) -> Rendered:
    """GET `path` from the app, in fresh contexts, on the site's own address."""
    return _rendered(partial(app.test_client().get, path, base_url=site_address(app)))


def render_error(app: Flask, path: str, status: int) -> Rendered:
    """The app's error page for `status` at `path`, from its own error handler and
    response hooks, as a request that fails so would get it."""
    def answer():
        with app.test_request_context(path, base_url=site_address(app)):
            return app.finalize_request(
                app.handle_user_exception(default_exceptions[status]()))
    return _rendered(answer)


def render_site(app: Flask) -> dict[str, Rendered]:
    """Every URL of `site_paths` (200) and every page of `error_paths`, by path.
    One that answers otherwise stops the build: it must stop a deployment, not
    greet a visitor."""
    errors = error_paths(app)
    site = {path: render(app, path) for path in site_paths(app)}
    site |= {path: render_error(app, path, status) for path, status in errors.items()}
    for path, answer in site.items():
        expected = errors.get(path, 200)
        if answer.status != expected:
            raise RuntimeError(f"{path} answered {answer.status}, not {expected}, "
                               "while building the site")
    return site
