"""Page budget: the home page and all it loads in 60 KB compressed, same-origin."""
import re
from pathlib import PurePosixPath
from urllib.parse import urlsplit

import pytest

from cde import create_app
from cde.export.freeze import COMPRESSED_SUFFIXES, COMPRESSORS
from cde.pages import PAGES_BY_ENDPOINT
from cde.export.nginx import file_of
from tests.htmltext import HtmlText
from tests.languages import LANGUAGES
from tests.servers import SITE

# The home page in every language of the site (one per catalog in translations/).
HOMES = [PAGES_BY_ENDPOINT["home"].rule(lang) for lang in LANGUAGES]
BUDGET = 60 * 1024
# What a browser downloads for a page besides it: these <link>s and these elements' src.
LINKED = {"stylesheet", "icon", "preload", "modulepreload", "manifest",
          "apple-touch-icon"}
EMBEDDED = {"script", "img", "source", "iframe", "video", "audio"}


def references(html: str) -> list[str]:
    """The URLs a browser downloads to show the page `html`."""
    urls = []
    for tag, attrs in HtmlText(html).elements:
        if tag == "link" and attrs.get("rel") in LINKED:
            urls.append(attrs["href"])
        elif tag in EMBEDDED:
            urls += [attrs[name].split()[0] for name in ("src", "srcset")
                     if attrs.get(name)]
    return urls


@pytest.fixture(scope="module")
def client():
    app = create_app({"TESTING": True, "SITE_URL": SITE})
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
    urls = references(client.get(home).get_data(as_text=True))
    assert urls, "the page loads nothing: the parser is broken"
    total = sent_size(client, home) + sum(sent_size(client, url) for url in urls)
    assert total <= BUDGET, f"{home}: {total} bytes"


@pytest.mark.parametrize("home", HOMES)
def test_home_page_makes_no_third_party_request(client, home):
    html = client.get(home).get_data(as_text=True)
    for url in references(html):
        assert is_same_origin(url), url


def test_stylesheets_load_no_web_font_and_nothing_from_elsewhere(client):
    html = client.get("/en/").get_data(as_text=True)
    for url in references(html):
        if ".css" not in url:
            continue
        css = client.get(url).get_data(as_text=True)
        assert "@font-face" not in css
        for target in re.findall(r"""url\(\s*['"]?([^'")]+)""", css):
            assert is_same_origin(target) or target.startswith("data:"), target
        for target in re.findall(r"""@import\s+(?:url\()?\s*['"]?([^'");]+)""", css):
            assert is_same_origin(target), target
