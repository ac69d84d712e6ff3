"""No redirect can send a visitor off the site, whatever the path or the Host header."""
from urllib.parse import urljoin, urlsplit

import pytest

from cde.security import is_same_site_path, same_site_location

SITE = "https://cde.example.org"

# Targets a browser would read as another site, or as code: written plainly, with
# backslashes, encoded, split by tabs and newlines, or padded with spaces.
OFF_SITE = [
    "//evil.example",
    "//evil.example/en/about/",
    "///evil.example",
    "/\\evil.example",
    "\\\\evil.example",
    "\\/evil.example",
    "/\t/evil.example",
    "/\n/evil.example",
    "/\r\n/evil.example",
    "\t//evil.example",
    " //evil.example",
    "\x00//evil.example",
    "https:evil.example",
    "https:/evil.example",
    "http://evil.example",
    "HTTP://evil.example/en/",
    "https://evil.example@cde.example.org",
    "h\ttps://evil.example",
    "javascript:alert(1)",
    "JavaScript:alert(1)",
    "java\tscript:alert(1)",
    " javascript:alert(1)",
    "data:text/html,<script>alert(1)</script>",
    "http://[::1",
]
# Percent-encoded forms are not decoded by a browser reading a Location, so they stay
# paths; as a query parameter they are decoded once, which is what is checked.
ENCODED = ["%2F%2Fevil.example", "%2f%5cevil.example", "%252F%252Fevil.example"]
SAME_SITE = ["/", "/en/", "/es/acerca/", "/en/about/?x=1#top", "/en/%2F%2Fevil.example"]


def lands_on_site(location: str, requested: str = SITE + "/en/about") -> bool:
    """Whether a browser following `location` from `requested` stays on the site.

    Browsers drop tabs and newlines and read a backslash as a slash; urljoin does not,
    so the Location is cleaned the same way first.
    """
    cleaned = "".join(c for c in location if c not in "\t\n\r").strip()
    target = urlsplit(urljoin(requested, cleaned.replace("\\", "/")))
    return target.scheme == "https" and target.netloc == "cde.example.org"


@pytest.mark.parametrize("target", OFF_SITE + ENCODED)
def test_off_site_return_addresses_are_refused(target):
    assert not is_same_site_path(target)


@pytest.mark.parametrize("target", SAME_SITE)
def test_site_paths_are_accepted_as_return_addresses(target):
    assert is_same_site_path(target)


@pytest.mark.parametrize("location", OFF_SITE + ENCODED + SAME_SITE)
def test_every_location_is_made_same_site(location):
    safe = same_site_location(location, SITE)
    assert lands_on_site(safe)
    assert not safe.startswith("//")


@pytest.mark.parametrize(
    "location, expected",
    [
        ("http://evil.example/en/about/", "/en/about/"),
        ("http://localhost/en/about/?a=b", "/en/about/?a=b"),
        ("https://cde.example.org/es/", "https://cde.example.org/es/"),
        ("/es/", "/es/"),
        ("javascript:alert(1)", "/"),
    ],
)
def test_locations_keep_their_path_and_lose_foreign_hosts(location, expected):
    assert same_site_location(location, SITE) == expected


@pytest.mark.parametrize(
    "path_info, location",
    [
        ("/en/about", "/en/about/"),
        ("/es/acerca", "/es/acerca/"),
        ("//en/about", "/en/about/"),
        ("///en/about", "/en/about/"),
        ("/en//about", "/en/about/"),
        ("//es/acerca", "/es/acerca/"),
    ],
)
def test_trailing_slash_redirect_is_a_plain_path_whatever_the_host(
    client, path_info, location
):
    # Werkzeug builds this redirect from the Host header, which is forged here.
    # PATH_INFO is set directly: the test client would read "//host/..." as a host.
    response = client.get(
        "/",
        environ_overrides={
            "PATH_INFO": path_info,
            "HTTP_HOST": "evil.example",
            "HTTP_X_FORWARDED_HOST": "evil.example",
        },
    )
    assert response.status_code == 308
    assert response.headers["Location"] == location


@pytest.mark.parametrize(
    "path_info",
    [
        "//evil.example",
        "//evil.example/en/about",
        "//evil.example/../en/about",
        "/\\evil.example",
        "/\t/evil.example",
        "/%2F%2Fevil.example",
        "/%5Cevil.example/en/about",
    ],
)
def test_paths_naming_another_host_are_404_not_redirects(client, path_info):
    response = client.get("/", environ_overrides={"PATH_INFO": path_info})
    assert response.status_code == 404
    assert "Location" not in response.headers
