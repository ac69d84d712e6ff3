"""Security headers on every response; HSTS and Secure cookies only under HTTPS."""
import pytest

from cde import create_app
from cde.pages import PAGES
from tests.htmltext import HtmlText
from tests.languages import LANGUAGES


POLICY_HEADERS = (
    "Content-Security-Policy",
    "X-Content-Type-Options",
    "Referrer-Policy",
    "Permissions-Policy",
    "Cross-Origin-Opener-Policy",
)


def csp_directives(response) -> dict:
    """The Content-Security-Policy header as {directive: [sources]}."""
    directives = {}
    for part in response.headers["Content-Security-Policy"].split(";"):
        name, *sources = part.split()
        directives[name] = sources
    return directives


def stylesheet_path(client) -> str:
    page = HtmlText(client.get("/en/").get_data(as_text=True))
    return next(link["href"] for link in page.links if link.get("rel") == "stylesheet")


def test_every_kind_of_response_carries_each_policy_header_once(app, client):
    app.config["PROPAGATE_EXCEPTIONS"] = False

    @app.get("/en/boom/")
    def boom():
        raise RuntimeError("boom")

    # An error page whose template fails falls back to a page without the layout.
    broken = create_app({"TESTING": True})
    broken.context_processor(lambda: 1 / 0)
    responses = {
        "page": client.get("/es/acerca/"),
        "root redirect": client.get("/"),
        "trailing-slash redirect": client.get("/en/about"),
        "404": client.get("/en/missing/"),
        "405": client.post("/en/"),
        "500": client.get("/en/boom/"),
        "static file": client.get(stylesheet_path(client)),
        "HEAD": client.head("/en/"),
        "OPTIONS": client.options("/en/"),
        "Host refused before routing": client.get(
            "/en/", headers={"Host": "a" * 64 + ".example"}),
        "fallback error page": broken.test_client().get("/en/missing/"),
    }
    assert [r.status_code for r in responses.values()] == [
        200, 302, 308, 404, 405, 500, 200, 200, 200, 400, 404
    ]
    for kind, response in responses.items():
        counts = {name: len(response.headers.getlist(name)) for name in POLICY_HEADERS}
        assert counts == dict.fromkeys(POLICY_HEADERS, 1), kind


def test_content_security_policy_allows_only_the_site_itself_and_no_inline_code(
    client,
):
    # No script-src or style-src: both fall back to default-src 'self', which
    # allows no inline code ('unsafe-inline') and no eval.
    assert csp_directives(client.get("/en/")) == {
        "default-src": ["'self'"],
        "object-src": ["'none'"],
        "base-uri": ["'self'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'none'"],
    }


@pytest.mark.parametrize(
    "path",
    [page.rule(lang) for page in PAGES for lang in LANGUAGES]
    + [f"/{lang}/nada/" for lang in LANGUAGES],
)
def test_pages_have_no_inline_code_that_the_policy_would_block(client, path):
    assert HtmlText(client.get(path).get_data(as_text=True)).inline_code() == []


def test_other_policy_headers_have_their_values(client):
    headers = client.get("/en/").headers
    assert headers["X-Content-Type-Options"] == "nosniff"
    assert headers["Referrer-Policy"] == "strict-origin-when-cross-origin"
    assert headers["Cross-Origin-Opener-Policy"] == "same-origin"
    denied = {
        item.strip() for item in headers["Permissions-Policy"].split(",")
    }
    assert {"camera=()", "microphone=()", "geolocation=()"} <= denied


@pytest.mark.parametrize(
    "config, https",
    [
        ({"SITE_URL": "https://cde.example.org"}, True),
        ({"SITE_URL": "HTTPS://cde.example.org"}, True),
        ({"SITE_URL": "http://cde.example.org", "PREFERRED_URL_SCHEME": "https"}, True),
        ({"SITE_URL": "http://127.0.0.1:5000"}, False),
        ({"SITE_URL": "http://cde.example.org", "PREFERRED_URL_SCHEME": "http"}, False),
    ],
)
def test_hsts_and_secure_cookie_only_when_configured_for_https(config, https):
    response = create_app({"TESTING": True, **config}).test_client().get("/en/")
    assert response.headers.get("Strict-Transport-Security") == (
        "max-age=31536000" if https else None)
    # The language cookie, whatever the scheme: HttpOnly, SameSite=Lax, a year.
    attributes = [part.strip() for part in response.headers["Set-Cookie"].split(";")]
    assert ("Secure" in attributes) is https
    assert "HttpOnly" in attributes and "SameSite=Lax" in attributes
    max_age = next(a for a in attributes if a.startswith("Max-Age="))
    assert 0 < int(max_age.split("=")[1]) <= 366 * 24 * 3600
