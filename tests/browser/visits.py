"""The addresses the browser tests visit: every page in every language, and 404s.

All of it comes from the app, as a visitor would find it: the languages are those it
serves (app.config["LANGUAGES"], one per catalog) and the pages those of
cde/pages.py, so a new language or page is visited by every browser test without
more ado.
"""
from flask import Flask, request, url_for

from cde import create_app
from cde.pages import PAGES as SITE_PAGES


def path_of(app: Flask, endpoint: str, code: str) -> str:
    """The path of one page in one language: about, es -> /es/acerca/."""
    with app.test_request_context():
        return url_for(endpoint, lang=code)


def page_paths(app: Flask) -> dict[str, str]:
    """Path -> language code, for every page of the app in every language."""
    return {
        path_of(app, page.endpoint, code): code
        for code in app.config["LANGUAGES"]
        for page in SITE_PAGES
    }


def counterpart(app: Flask, path: str, code: str) -> str:
    """The same page as `path` in the language `code`: /en/about/, es -> /es/acerca/."""
    with app.test_request_context(path):
        return url_for(request.endpoint, lang=code)


# The repository's own app, whose languages and pages the session's server serves.
APP = create_app({"TESTING": True})
LANGUAGES = APP.config["LANGUAGES"]
LANGUAGE_OF = page_paths(APP)
PAGES = list(LANGUAGE_OF)
HOME = {code: path_of(APP, "home", code) for code in LANGUAGES}
HOMES = list(HOME.values())
# What a visitor sees when an address does not exist, in each language.
NOT_FOUND = [home + "no-such-page/" for home in HOMES]
EVERYTHING = PAGES + NOT_FOUND
# Every page with every other language its switcher offers.
SWITCHES = [
    (path, code) for path in PAGES for code in LANGUAGES if code != LANGUAGE_OF[path]
]
