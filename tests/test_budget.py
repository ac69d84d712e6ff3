"""Page budget: the home page and all it loads in 60 KB compressed, same-origin."""
import re
from html.parser import HTMLParser
from pathlib import PurePosixPath
from urllib.parse import urlsplit

import pytest

from cde import ROOT, create_app
from cde.export import COMPRESSED_SUFFIXES, COMPRESSORS
from cde.webserver import file_of
from cde.i18n import discover_languages
from cde.pages import PAGES_BY_ENDPOINT

# The home page in every language of the site (one per catalog in translations/).
HOMES = [
    PAGES_BY_ENDPOINT["home"].rule(lang)
    for lang in discover_languages(ROOT / "translations")
]
BUDGET = 60 * 1024


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
    app = create_app({"TESTING": True, "SITE_URL": "https://cde.example.org"})
    return app.test_client()


def sent_size(client, url: str) -> int:
    """Bytes a browser downloads for `url`: its .gz as the export has it (nginx sends
    it to every browser), or the file itself where compression does not shrink it."""
    response = client.get(url)
    assert response.status_code == 200, url
    if PurePosixPath(file_of(url)).suffix in COMPRESSED_SUFFIXES:
        return min(len(response.data), len(COMPRESSORS[".gz"](response.data)))
    return len(response.data)


def is_same_origin(url: str) -> bool:
    parts = urlsplit(url)
    return not parts.scheme and not parts.netloc and url.startswith("/")


@pytest.mark.parametrize("home", HOMES)
def test_home_page_and_everything_it_loads_fit_in_60_kb(client, home):
    references = References(client.get(home).get_data(as_text=True)).urls
    assert references, "the page loads nothing: the parser is broken"
    total = sent_size(client, home) + sum(sent_size(client, url) for url in references)
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
