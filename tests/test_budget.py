"""Page budget: the home page and all it loads in 60 KB compressed, same-origin."""
import re
from html.parser import HTMLParser
from urllib.parse import urlsplit

import pytest

from cde import ROOT, create_app
from cde.caching import serve_from_memory
from cde.i18n import discover_languages
from cde.pages import PAGES_BY_ENDPOINT

# The home page in every language of the site (one per catalog in translations/).
HOMES = [
    PAGES_BY_ENDPOINT["home"].rule(lang)
    for lang in discover_languages(ROOT / "translations")
]
BUDGET = 60 * 1024
BROWSER = {"Accept-Encoding": "gzip, deflate, br"}


class References(HTMLParser):
    """What a browser downloads for a page: stylesheets, icons, scripts, images."""

    def __init__(self, html: str):
        super().__init__()
        self.urls: list[str] = []
        self.feed(html)

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "link" and attrs.get("rel") in (
            "stylesheet", "icon", "preload", "modulepreload", "manifest",
            "apple-touch-icon",
        ):
            self.urls.append(attrs["href"])
        elif tag in ("script", "img", "source", "iframe", "video", "audio"):
            for name in ("src", "srcset"):
                if attrs.get(name):
                    self.urls.append(attrs[name].split()[0])


@pytest.fixture(scope="module")
def client():
    """The site as gunicorn serves it: built once, answered from memory, compressed."""
    app = create_app({"TESTING": True, "SITE_URL": "https://cde.example.org"})
    serve_from_memory(app)
    return app.test_client()


def is_same_origin(url: str) -> bool:
    parts = urlsplit(url)
    return not parts.scheme and not parts.netloc and url.startswith("/")


@pytest.mark.parametrize("home", HOMES)
def test_home_page_and_everything_it_loads_fit_in_60_kb(client, home):
    page = client.get(home, headers=BROWSER)
    assert page.status_code == 200
    references = References(client.get(home).get_data(as_text=True)).urls
    assert references, "the page loads nothing: the parser is broken"
    total = len(page.data)
    for url in references:
        response = client.get(url, headers=BROWSER)
        assert response.status_code == 200, url
        total += len(response.data)
    assert total <= BUDGET, f"{home}: {total} bytes"


@pytest.mark.parametrize("home", HOMES)
def test_home_page_makes_no_third_party_request(client, home):
    html = client.get(home).get_data(as_text=True)
    for url in References(html).urls:
        assert is_same_origin(url), url


def test_stylesheets_load_no_web_font_and_nothing_from_elsewhere(client):
    html = client.get("/en/").get_data(as_text=True)
    for url in References(html).urls:
        if ".css" not in url:
            continue
        css = client.get(url).get_data(as_text=True)
        assert "@font-face" not in css
        for target in re.findall(r"""url\(\s*['"]?([^'")]+)""", css):
            assert is_same_origin(target) or target.startswith("data:"), target
        for target in re.findall(r"""@import\s+(?:url\()?\s*['"]?([^'");]+)""", css):
            assert is_same_origin(target), target
