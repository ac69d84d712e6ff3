"""deploy/nginx.conf serving a fresh `flask freeze`: to a visitor, the app's site.

A real nginx runs on 127.0.0.1 in the foreground, with pid, logs and temporary files
in the test's temporary folder, and is stopped afterwards. Skipped when nginx is not
installed (.ci/run installs it).
"""
import gzip
import http.client
import importlib.util
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from flask import url_for

from cde import create_app
from cde.export import freeze
from cde.pages import PAGES
from cde.security import policy_headers

ROOT = Path(__file__).resolve().parent.parent
SITE = "https://cde.example.org"
# nginx must send what the app sends (HSTS apart: the sample serves plain HTTP).
POLICY_HEADERS = tuple(name for name, _ in policy_headers(https=False))


def _load_preview():
    spec = importlib.util.spec_from_file_location(
        "nginx_preview", ROOT / "deploy" / "nginx_preview.py"
    )
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


nginx_preview = _load_preview()

pytestmark = pytest.mark.skipif(
    nginx_preview.find_nginx() is None,
    reason="nginx is not installed (apt-get install nginx-light; .ci/run does it)",
)


@pytest.fixture(scope="module")
def site():
    return create_app({"TESTING": True, "SITE_URL": SITE})


@pytest.fixture(scope="module")
def nginx(site, tmp_path_factory):
    """Base URL of nginx serving a fresh export of `site`."""
    workdir = tmp_path_factory.mktemp("nginx")
    freeze(site, workdir / "build")
    with nginx_preview.running(workdir / "build", workdir / "run") as url:
        yield url


def fetch(base: str, path: str, headers: dict | None = None, method: str = "GET"):
    """One request, redirects not followed: (status, headers, body)."""
    parts = urlsplit(base)
    connection = http.client.HTTPConnection(parts.hostname, parts.port, timeout=10)
    try:
        connection.request(method, path, headers=headers or {})
        response = connection.getresponse()
        return response.status, response.headers, response.read()
    finally:
        connection.close()


def page_urls(site) -> list[str]:
    with site.test_request_context():
        return [
            url_for(page.endpoint, lang=lang)
            for page in PAGES
            for lang in site.config["LANGUAGES"]
        ]


def test_every_page_is_the_app_page(site, nginx):
    live = site.test_client()
    urls = page_urls(site)
    assert urls
    for url in urls:
        status, headers, body = fetch(nginx, url)
        app = live.get(url)
        assert status == 200, url
        assert body == app.data, url
        assert headers["Content-Type"] == app.headers["Content-Type"]
        assert headers["Content-Language"] == app.headers["Content-Language"]
        assert headers["Cache-Control"] == app.headers["Cache-Control"]


def test_pages_remember_their_language_in_the_same_cookie(site, nginx):
    for url in page_urls(site):
        _, headers, _ = fetch(nginx, url)
        cookie = headers["Set-Cookie"]
        assert cookie.startswith(f"lang={url[1:3]};")
        for attribute in ("Max-Age=31536000", "Path=/", "SameSite=Lax", "HttpOnly"):
            assert attribute in cookie


def test_policy_headers_are_the_app_ones(site, nginx):
    app = site.test_client().get("/en/")
    for path in ("/en/", "/es/no-existe/"):
        _, headers, _ = fetch(nginx, path)
        for name in POLICY_HEADERS:
            assert headers[name] == app.headers[name], (path, name)


def test_compressed_pages_are_the_same_pages(site, nginx):
    status, headers, body = fetch(nginx, "/es/acerca/", {"Accept-Encoding": "gzip"})
    assert status == 200
    assert headers["Content-Encoding"] == "gzip"
    assert "Accept-Encoding" in headers["Vary"]
    assert gzip.decompress(body) == site.test_client().get("/es/acerca/").data


def test_a_known_etag_gets_a_304(nginx):
    _, headers, _ = fetch(nginx, "/en/about/")
    status, _, body = fetch(nginx, "/en/about/", {"If-None-Match": headers["ETag"]})
    assert status == 304
    assert body == b""


def test_hashed_assets_are_cached_for_a_year(site, nginx):
    with site.test_request_context():
        url = url_for("static", filename="css/site.css")
    status, headers, body = fetch(nginx, url)
    assert status == 200
    assert body == site.test_client().get(url).data
    assert headers["Cache-Control"] == "public, max-age=31536000, immutable"


def _choice_cases(languages):
    cases = [
        (None, None),
        ("fr, en;q=0.5", None),
        ("de, fr", None),
        ("en;q=0.4, es;q=0.9", None),
        ("es;q=0.2, en-US;q=0.8, en;q=0.7", None),
        ("en;q=0, es;q=0.1", None),
        ("es;q=0, en;q=0.1", None),
        ("*", None),
        ("en, *;q=0.1", None),
        ("en;q=2", None),
        ("en;q=abc", None),
        ("en-" + "a" * 50, None),
        ("garbage;;q=, en-GB;q=0.9", None),
        ("EN-us", None),
        ("es-MX,es;q=0.9", "en"),
        ("en", "fr"),
        ("en", "EN"),
        ("en", "../es"),
    ]
    # Every language of the app, by header and by cookie: a language added to the
    # app but not to deploy/nginx.conf fails here.
    for lang in languages:
        cases += [(lang, None), (f"{lang}-419", None), (f"xx, {lang};q=0.3", None)]
        cases += [(None, lang), ("es" if lang != "es" else "en", lang)]
    return cases


def test_root_chooses_the_language_as_the_app_does(site, nginx):
    # The cookie is sent by hand, as the nginx request sends it.
    live = site.test_client(use_cookies=False)
    for accept, cookie in _choice_cases(site.config["LANGUAGES"]):
        headers = {}
        if accept is not None:
            headers["Accept-Language"] = accept
        if cookie is not None:
            headers["Cookie"] = f"lang={cookie}"
        app = live.get("/", headers=headers)
        status, response_headers, _ = fetch(nginx, "/", headers)
        assert status == app.status_code == 302
        assert response_headers["Location"] == app.headers["Location"], (accept, cookie)
        assert response_headers["Vary"] == app.headers["Vary"]


@pytest.mark.parametrize(
    "path, accept",
    [
        ("/en/no-such-page/", "es"),
        ("/es/no-existe/", "en"),
        ("/es/about/", "en"),
        ("/fr/", "en-US"),
        ("/fr/", "es-MX"),
        ("/nothing", None),
        ("/en/index.html", None),
        ("/index.html", "en"),
        ("/404.html", "en"),
        ("/es/404.html", "en"),
        ("/en/index.html.gz", None),
        ("/static/", "en"),
    ],
)
def test_unknown_paths_are_404_in_the_app_language(site, nginx, path, accept):
    headers = {"Accept-Language": accept} if accept else {}
    app = site.test_client().get(path, headers=headers)
    status, response_headers, body = fetch(nginx, path, headers)
    assert status == 404
    expected_lang = app.headers["Content-Language"]
    assert response_headers["Content-Language"] == expected_lang
    assert body == site.test_client().get(f"/{expected_lang}/404.html").data
    # Caches are told the same as by the app: not shared, and which headers chose.
    assert response_headers["Cache-Control"] == app.headers["Cache-Control"]
    varies = ",".join(response_headers.get_all("Vary") or []).replace(" ", "")
    assert set(varies.split(",")) - {"Accept-Encoding", ""} == (
        set(app.vary) - {"Accept-Encoding"})


def test_missing_trailing_slash_redirects_like_the_app(site, nginx):
    app = site.test_client().get("/es/acerca")
    status, headers, _ = fetch(nginx, "/es/acerca")
    assert status == app.status_code == 308
    assert headers["Location"] == urlsplit(app.headers["Location"]).path


def test_head_answers_like_get_without_body(nginx):
    status, headers, body = fetch(nginx, "/en/", method="HEAD")
    assert status == 200
    assert body == b""
    assert int(headers["Content-Length"]) > 0
