"""The language chosen at `/`: cookie, then Accept-Language, then Spanish."""
import pytest


def choose(client, accept=None, cookie=None):
    if cookie is not None:
        client.set_cookie("lang", cookie)
    headers = {"Accept-Language": accept} if accept is not None else {}
    response = client.get("/", headers=headers)
    assert response.status_code == 302
    return response


def test_redirect_varies_on_accept_language_and_cookie(client):
    response = choose(client)
    assert response.headers["Vary"] == "Accept-Language, Cookie"


def test_default_is_spanish(client):
    assert choose(client).headers["Location"] == "/es/"


@pytest.mark.parametrize(
    "accept, expected",
    [
        ("en", "/en/"),
        ("es", "/es/"),
        ("en-GB", "/en/"),
        ("es-MX", "/es/"),
        ("es-419", "/es/"),
        ("EN-us", "/en/"),
        ("fr, en;q=0.5", "/en/"),
        ("de, fr", "/es/"),
        ("en;q=0.4, es;q=0.9", "/es/"),
        ("es;q=0.2, en-US;q=0.8, en;q=0.7", "/en/"),
        ("en;q=0, es;q=0.1", "/es/"),
        ("es;q=0, en;q=0.1", "/en/"),
        ("*", "/es/"),
        ("en, *;q=0.1", "/en/"),
    ],
)
def test_accept_language_with_quality_values(client, accept, expected):
    assert choose(client, accept=accept).headers["Location"] == expected


@pytest.mark.parametrize(
    "accept",
    [
        "",
        ";;;,,,",
        "en;q=abc",
        "en;q=2",
        "en;q=-1",
        "😀",
        "en\x00",
        "e" * 10_000,
        ", ".join(["x-klingon;q=0.5"] * 2000),
        "en-" + "a" * 50,
    ],
)
def test_malformed_accept_language_falls_back_to_spanish(client, accept):
    assert choose(client, accept=accept).headers["Location"] == "/es/"


def test_malformed_entries_are_skipped_not_fatal(client):
    assert choose(client, accept="garbage;;q=, en-GB;q=0.9").headers["Location"] == "/en/"


def test_cookie_wins_over_accept_language(client):
    response = choose(client, accept="es-MX,es;q=0.9", cookie="en")
    assert response.headers["Location"] == "/en/"


@pytest.mark.parametrize("cookie", ["fr", "", "EN", "en;", "../es", "x" * 4000, "é"])
def test_invalid_cookie_is_ignored(client, cookie):
    assert choose(client, accept="en", cookie=cookie).headers["Location"] == "/en/"


def test_choice_made_on_a_page_is_remembered_at_root(client):
    client.get("/en/about/")
    assert choose(client, accept="es").headers["Location"] == "/en/"
    client.get("/es/acerca/")
    assert choose(client, accept="en").headers["Location"] == "/es/"
