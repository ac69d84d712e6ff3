"""The production server answers the built site from memory: the same answers as a
fresh render, with compressed forms, ETags and 304s, and nothing else kept."""
import gzip

import brotli
import pytest
from flask import template_rendered, url_for

from cde import create_app
from cde.build import site_paths
from cde.caching import preferred_encodings, serve_from_memory

SITE = "https://cde.example.org"
# What a fresh render and an answer from memory must share, besides the body.
SAME_HEADERS = (
    "Content-Type", "Content-Language", "Cache-Control", "Set-Cookie",
    "Content-Security-Policy", "X-Content-Type-Options", "Referrer-Policy",
    "Permissions-Policy", "Cross-Origin-Opener-Policy", "Strict-Transport-Security",
)


@pytest.fixture
def served():
    """An app that has built its site and answers it from memory, as gunicorn runs."""
    app = create_app({"TESTING": True, "SITE_URL": SITE})
    serve_from_memory(app)
    return app


@pytest.fixture
def client(served):
    return served.test_client()


@pytest.fixture
def page_urls(served):
    """Every page of every language, from the page table and the catalogs."""
    return [path for path in site_paths(served) if path.endswith("/")]


def renders_during(app, action) -> list[str]:
    """The templates rendered while `action()` runs."""
    rendered = []

    def record(sender, template, context, **extra):
        rendered.append(template.name)

    with template_rendered.connected_to(record, app):
        action()
    return rendered


def test_every_kept_answer_is_the_fresh_render(served, client):
    fresh = create_app({"TESTING": True, "SITE_URL": SITE}).test_client()
    paths = site_paths(served)
    assert len(paths) == len(served.extensions["page_cache"].answers)
    for path in paths:
        kept, expected = client.get(path), fresh.get(path)
        assert kept.status_code == expected.status_code == 200, path
        assert kept.data == expected.data, path
        for name in SAME_HEADERS:
            assert kept.headers.get(name) == expected.headers.get(name), (path, name)


def test_kept_answers_render_no_template(served, client, page_urls):
    assert renders_during(served, lambda: [client.get(u) for u in page_urls]) == []


@pytest.mark.parametrize(
    "path", ["/{page}", "{page}/", "/{lang}/missing/", "/static/nothing.css"])
def test_nothing_but_the_sites_urls_is_ever_kept(served, client, page_urls, path):
    cache = served.extensions["page_cache"]
    before = dict(cache.answers)
    lang = served.config["LANGUAGES"][-1]
    url = path.format(lang=lang, page=page_urls[-1])
    for _ in range(3):
        assert "ETag" not in client.get(url).headers
    assert cache.answers == before


def test_the_query_string_and_the_host_header_change_nothing(client, page_urls):
    page = page_urls[-1]
    plain = client.get(page).data
    assert client.get(page + "?utm_source=mail").data == plain
    forged = client.get(page, headers={"Host": "evil.example"})
    assert forged.data == plain
    assert b"evil.example" not in forged.data


def test_other_methods_are_never_answered_from_memory(client, page_urls):
    response = client.post(page_urls[0])
    assert response.status_code == 405
    assert "ETag" not in response.headers


def test_a_known_etag_gets_a_304_with_the_same_headers(client, page_urls):
    for page in page_urls:
        first = client.get(page)
        assert first.headers["ETag"].startswith('"')  # strong: no W/
        again = client.get(page, headers={"If-None-Match": first.headers["ETag"]})
        assert again.status_code == 304
        assert again.data == b""
        for name in ("ETag", "Cache-Control", "Set-Cookie", "Content-Security-Policy"):
            assert again.headers[name] == first.headers[name], (page, name)


def test_a_stale_etag_gets_the_page(client, page_urls):
    response = client.get(page_urls[0], headers={"If-None-Match": '"stale"'})
    assert response.status_code == 200
    assert response.data


@pytest.mark.parametrize(
    "encoding, decompress", [("gzip", gzip.decompress), ("br", brotli.decompress)]
)
def test_compressed_pages_are_the_same_pages(client, page_urls, encoding, decompress):
    for page in page_urls:
        plain = client.get(page).data
        response = client.get(page, headers={"Accept-Encoding": encoding})
        assert response.headers["Content-Encoding"] == encoding
        assert int(response.headers["Content-Length"]) == len(response.data)
        assert decompress(response.data) == plain, page
        assert "Accept-Encoding" in response.headers["Vary"]


def test_each_encoding_has_its_own_etag_and_304(client, page_urls):
    page = page_urls[0]
    etags = {
        encoding: client.get(page, headers={"Accept-Encoding": encoding}).headers["ETag"]
        for encoding in ("identity", "gzip", "br")
    }
    assert len(set(etags.values())) == 3
    response = client.get(
        page, headers={"Accept-Encoding": "br", "If-None-Match": etags["gzip"]})
    assert response.status_code == 200
    assert response.headers["Content-Encoding"] == "br"


def test_head_has_the_headers_of_get_and_no_body(client, page_urls):
    get = client.get(page_urls[-1], headers={"Accept-Encoding": "br"})
    head = client.head(page_urls[-1], headers={"Accept-Encoding": "br"})
    assert head.status_code == 200
    assert head.data == b""
    for name in ("Content-Length", "ETag", "Content-Encoding", "Content-Type"):
        assert head.headers[name] == get.headers[name]


@pytest.mark.parametrize(
    "header, expected",
    [
        ("", ("identity",)),
        ("gzip", ("gzip", "identity")),
        ("gzip, deflate, br", ("br", "gzip", "identity")),
        ("br;q=0, gzip", ("gzip", "identity")),
        ("gzip;q=0.5, br;q=0.8", ("br", "gzip", "identity")),
        ("GZIP", ("gzip", "identity")),
        ("x-gzip", ("gzip", "identity")),
        ("*", ("br", "gzip", "identity")),
        ("*;q=0, gzip", ("gzip",)),
        ("identity;q=0", ("identity",)),
        ("gzip;q=abc, br;q=2", ("identity",)),
        (";;;,,,", ("identity",)),
    ],
)
def test_accept_encoding_is_read_with_quality_values(header, expected):
    assert preferred_encodings(header) == expected


def test_without_a_build_every_request_renders_afresh():
    # `make run` and the tests: no answer is kept, so an edit shows on reload.
    app = create_app({"TESTING": True, "SITE_URL": SITE})
    client = app.test_client()
    with app.test_request_context():
        page = url_for("home", lang=app.config["LANGUAGES"][0])
    rendered = renders_during(app, lambda: (client.get(page), client.get(page)))
    assert rendered == ["home.html", "home.html"]
    assert "page_cache" not in app.extensions


def test_a_kept_page_is_still_refused_to_an_untrusted_host(page_urls):
    app = create_app(
        {"TESTING": True, "SITE_URL": SITE, "TRUSTED_HOSTS": ["cde.example.org"]})
    assert serve_from_memory(app) == len(site_paths(app))
    client = app.test_client()
    page = page_urls[0]
    assert client.get(page, headers={"Host": "cde.example.org"}).status_code == 200
    assert client.get(page, headers={"Host": "evil.example"}).status_code == 400


def test_a_page_that_cannot_be_rendered_stops_the_start():
    app = create_app({"SITE_URL": SITE})

    def broken(lang):
        raise RuntimeError("template error")

    app.view_functions["about"] = broken
    with pytest.raises(RuntimeError, match="answered 500"):
        serve_from_memory(app)
