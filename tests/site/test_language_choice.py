"""The language chosen at `/`: cookie, then Accept-Language, then the default.

The table runs on a project with every UN language (the `polyglot` fixture), so its
expectations can name them; the repository's own languages are only derived.
"""
import pytest
from flask import url_for

from cde import create_app
from cde.i18n import code_of
from tests.projectcopy import app_for
from tests.servers import HOST


@pytest.fixture(scope="module")
def polyglot_app(polyglot):
    return app_for(polyglot)


def choose(client, accept=None, cookie=None) -> str:
    """Where `/` sends a visitor: the path of the Location header."""
    if cookie is not None:
        client.set_cookie("lang", cookie, domain=HOST)
    headers = {"Accept-Language": accept} if accept is not None else {}
    response = client.get("/", headers=headers)
    assert response.status_code == 302
    return response.headers["Location"]


def default_home(app) -> str:
    return f"/{code_of(app.config['DEFAULT_LANGUAGE'])}/"


def test_redirect_varies_on_accept_language_and_cookie_and_is_private(client):
    response = client.get("/")
    assert response.headers["Vary"] == "Accept-Language, Cookie"
    assert response.headers["Cache-Control"] == "private, no-cache"


def test_without_a_preference_the_default_language(app, client):
    assert choose(client) == default_home(app)


def test_a_default_without_a_catalog_falls_back_to_english():
    app = create_app({"TESTING": True, "DEFAULT_LANGUAGE": "xx"})
    assert choose(app.test_client()) == "/en/"


def test_every_language_is_reached_by_its_tag_and_its_regional_tags(app):
    for code in app.config["LANGUAGES"]:
        for tag in (code, code.upper(), f"{code}-419", f"{code}-x-private"):
            assert choose(app.test_client(), accept=tag) == f"/{code}/", tag


@pytest.mark.parametrize(
    "accept, expected",
    [
        ("de, fr", "/fr/"),
        ("fr;q=0.4, ar;q=0.9", "/ar/"),
        ("es;q=0.8, en;q=0.85", "/en/"),  # q-values to three decimals
        ("ru;q=0.2, en-US;q=0.8, en;q=0.7", "/en/"),
        ("fr;q=0.5, ru;q=0.5", "/fr/"),  # among equals, the first listed
        ("fr;q=0, ru;q=0.1", "/ru/"),  # q=0 means "not this one"
        ("fr;level=1, ru;q=0.9", "/fr/"),  # other parameters are ignored
        ("fr;q=0.5;x=1, ru;q=0.4", "/fr/"),
        ("fr;q=0.8501, ru;q=0.1", "/ru/"),  # more than three decimals: malformed
        ("*;q=0.9, fr;q=0.5", "/fr/"),  # `*` never picks a language
        ("ar-EG, en;q=0.9", "/ar/"),
        ("garbage;;q=, fr-CA;q=0.9", "/fr/"),
        # RFC 9110's weight is `q=` then the number, nothing around it: the entry
        # with a malformed one is skipped.
        ("fr;q= 0.9, ru;q=0.4", "/ru/"),
        ("ru;q=0.5, fr;q=00.6", "/ru/"),
        ("fr;q=0.5000, ru;q=0.1", "/ru/"),
        ("fr;Q=0.4, ru;q=0.3", "/fr/"),  # parameter names ignore case
        ("fr; q=0.4 , ru;q=0.3", "/fr/"),  # white space around `;` is allowed
        ("fr;q=1.000, ru", "/fr/"),
        ("ru;q=0., fr;q=0.001", "/fr/"),  # "0." is q=0
    ],
)
def test_accept_language_by_quality(polyglot_app, accept, expected):
    assert choose(polyglot_app.test_client(), accept=accept) == expected


@pytest.mark.parametrize(
    "accept",
    ["", ";;;,,,", "*", "x-klingon", "en;q=abc", "en;q=2", "en;q=-1", "😀", "en\x00",
     "e" * 10_000, ", ".join(["x-klingon;q=0.5"] * 200) + ", en", "en-" + "a" * 50],
)
def test_malformed_or_unknown_accept_language_gets_the_default(app, accept):
    assert choose(app.test_client(), accept=accept) == default_home(app)


def test_cookie_wins_over_accept_language(app):
    first, last = app.config["LANGUAGES"][0], app.config["LANGUAGES"][-1]
    assert choose(app.test_client(), accept=first, cookie=last) == f"/{last}/"


@pytest.mark.parametrize("cookie", ["xx", "", "EN", "en;", "../es", "x" * 4000, "é"])
def test_invalid_cookie_is_ignored(app, cookie):
    lang = app.config["LANGUAGES"][-1]
    assert choose(app.test_client(), accept=lang, cookie=cookie) == f"/{lang}/"


def test_choice_made_on_a_page_is_remembered_at_root(app, client):
    for lang in app.config["LANGUAGES"]:
        with app.test_request_context():
            client.get(url_for("about", lang=lang))
        others = [code for code in app.config["LANGUAGES"] if code != lang]
        assert choose(client, accept=", ".join(others)) == f"/{lang}/"
