"""Pages built once and answered from memory; compressed forms, ETags, hashed assets."""
import gzip
from pathlib import Path

import brotli
import pytest
from flask import template_rendered, url_for

from cde import create_app
from cde.assets import hashed_name
from cde.caching import preferred_encodings, warm_up

SITE = "https://cde.example.org"
POLICY_HEADERS = (
    "Content-Security-Policy",
    "X-Content-Type-Options",
    "Referrer-Policy",
)


@pytest.fixture
def renders(app):
    """The names of the templates rendered while the test runs."""
    rendered = []

    def record(sender, template, context, **extra):
        rendered.append(template.name)

    template_rendered.connect(record, app)
    yield rendered
    template_rendered.disconnect(record, app)


def test_a_page_is_rendered_once_then_answered_from_memory(client, renders):
    first = client.get("/es/acerca/")
    second = client.get("/es/acerca/")
    assert renders == ["about.html"]
    assert second.status_code == 200
    assert second.data == first.data


def test_each_language_of_a_page_is_kept_apart(client):
    english = client.get("/en/about/")
    spanish = client.get("/es/acerca/")
    assert client.get("/en/about/").data == english.data
    assert client.get("/es/acerca/").data == spanish.data
    assert english.data != spanish.data


def test_the_query_string_does_not_make_another_copy(client, renders):
    plain = client.get("/en/")
    assert client.get("/en/?utm_source=mail").data == plain.data
    assert renders == ["home.html"]


def test_the_host_header_never_reaches_a_kept_page(client):
    forged = client.get("/en/", headers={"Host": "evil.example"})
    honest = client.get("/en/")
    assert b"evil.example" not in forged.data + honest.data
    assert f'href="{SITE}/en/"'.encode() in honest.data


def test_not_found_pages_are_not_kept(client, renders):
    client.get("/en/missing/")
    response = client.get("/en/missing/")
    assert response.status_code == 404
    assert "ETag" not in response.headers
    assert renders == ["error.html", "error.html"]


def test_other_methods_are_never_answered_from_memory(client):
    client.get("/en/about/")
    response = client.post("/en/about/")
    assert response.status_code == 405
    assert b"Method not allowed" in response.data


def test_pages_carry_a_strong_etag_and_are_revalidated(client):
    response = client.get("/en/")
    assert response.headers["ETag"].startswith('"')  # strong: no W/
    assert response.headers["Cache-Control"] == "private, no-cache"


@pytest.mark.parametrize("path", ["/en/", "/es/contacto/"])
def test_a_known_etag_gets_a_304_without_body(client, path):
    etag = client.get(path).headers["ETag"]
    response = client.get(path, headers={"If-None-Match": etag})
    assert response.status_code == 304
    assert response.data == b""
    assert response.headers["ETag"] == etag
    assert response.headers["Cache-Control"] == "private, no-cache"


def test_the_first_request_can_already_be_a_304(client, app):
    etag = client.get("/en/").headers["ETag"]
    fresh = app.test_client()
    app.extensions["page_cache"].clear()
    assert fresh.get("/en/", headers={"If-None-Match": etag}).status_code == 304


def test_a_stale_etag_gets_the_page(client):
    response = client.get("/en/", headers={"If-None-Match": '"stale"'})
    assert response.status_code == 200
    assert response.data


@pytest.mark.parametrize("path", ["/en/", "/es/acerca/"])
def test_cached_and_304_answers_keep_every_hook_header(client, path):
    first = client.get(path)
    again = client.get(path)
    revalidated = client.get(path, headers={"If-None-Match": first.headers["ETag"]})
    for response in (first, again, revalidated):
        for name in POLICY_HEADERS:
            assert response.headers[name] == first.headers[name]
        assert f"lang={path[1:3]}" in response.headers["Set-Cookie"]
    assert again.headers["Content-Language"] == path[1:3]


@pytest.mark.parametrize(
    "encoding, decompress", [("gzip", gzip.decompress), ("br", brotli.decompress)]
)
def test_compressed_page_is_the_same_page(client, encoding, decompress):
    plain = client.get("/es/acerca/").data
    response = client.get("/es/acerca/", headers={"Accept-Encoding": encoding})
    assert response.headers["Content-Encoding"] == encoding
    assert int(response.headers["Content-Length"]) == len(response.data)
    assert len(response.data) < len(plain)
    assert decompress(response.data) == plain
    assert response.headers["Vary"] == "Accept-Encoding"


def test_each_encoding_has_its_own_etag(client):
    etags = {
        client.get("/en/", headers={"Accept-Encoding": encoding}).headers["ETag"]
        for encoding in ("identity", "gzip", "br")
    }
    assert len(etags) == 3


def test_a_304_is_given_only_for_the_form_the_client_has(client):
    gzip_etag = client.get("/en/", headers={"Accept-Encoding": "gzip"}).headers["ETag"]
    response = client.get(
        "/en/", headers={"Accept-Encoding": "br", "If-None-Match": gzip_etag}
    )
    assert response.status_code == 200
    assert response.headers["Content-Encoding"] == "br"


def test_head_has_the_headers_of_get_and_no_body(client):
    get = client.get("/en/about/", headers={"Accept-Encoding": "br"})
    head = client.head("/en/about/", headers={"Accept-Encoding": "br"})
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


def test_sitemap_is_kept_and_compressed(client):
    response = client.get("/sitemap.xml", headers={"Accept-Encoding": "gzip"})
    assert response.status_code == 200
    assert response.headers["Content-Encoding"] == "gzip"
    assert gzip.decompress(response.data) == client.get("/sitemap.xml").data


def test_debug_mode_renders_every_time():
    app = create_app({"DEBUG": True, "SITE_URL": SITE})
    client = app.test_client()
    rendered = []

    def record(sender, template, context, **extra):
        rendered.append(template.name)

    with template_rendered.connected_to(record, app):
        client.get("/en/")
        response = client.get("/en/")
    assert rendered == ["home.html", "home.html"]
    assert "ETag" not in response.headers


def test_static_urls_carry_the_hash_of_the_file(app):
    data = (Path(app.static_folder) / "css" / "site.css").read_bytes()
    with app.test_request_context():
        url = url_for("static", filename="css/site.css")
    assert url == "/static/" + hashed_name("css/site.css", data)
    assert url != "/static/css/site.css"


def test_hashed_name_changes_with_the_bytes():
    one = hashed_name("css/site.css", b"body { color: black }")
    other = hashed_name("css/site.css", b"body { color: navy }")
    assert one != other
    assert one.startswith("css/site.") and one.endswith(".css")


def test_hashed_asset_is_the_file_cached_for_a_year(app, client):
    with app.test_request_context():
        url = url_for("static", filename="css/site.css")
    response = client.get(url)
    assert response.status_code == 200
    assert response.data == (Path(app.static_folder) / "css" / "site.css").read_bytes()
    assert response.headers["Cache-Control"] == "public, max-age=31536000, immutable"
    assert response.mimetype == "text/css"
    br = client.get(url, headers={"Accept-Encoding": "br"})
    assert brotli.decompress(br.data) == response.data
    assert client.get(url, headers={"If-None-Match": br.headers["ETag"],
                                    "Accept-Encoding": "br"}).status_code == 304


def test_plain_asset_name_still_works_but_is_revalidated(client):
    response = client.get("/static/css/site.css")
    assert response.status_code == 200
    assert "immutable" not in response.headers["Cache-Control"]
    assert "no-cache" in response.headers["Cache-Control"]


@pytest.mark.parametrize(
    "path", ["/static/css/site.000000000000.css", "/static/nothing.css",
             "/static/../app.py", "/static/%2e%2e/pyproject.toml"]
)
def test_unknown_assets_are_404_pages(client, path):
    response = client.get(path, headers={"Accept-Language": "en"})
    assert response.status_code == 404
    assert b"Page not found" in response.data


def test_debug_mode_keeps_plain_static_names():
    app = create_app({"DEBUG": True})
    with app.test_request_context():
        assert url_for("static", filename="css/site.css") == "/static/css/site.css"


def test_a_head_first_keeps_the_whole_page(client):
    head = client.head("/en/contact/")
    get = client.get("/en/contact/")
    assert head.data == b""
    assert get.data and b"</html>" in get.data
    assert int(head.headers["Content-Length"]) == len(get.data)
    assert head.headers["ETag"] == get.headers["ETag"]


def test_warm_up_renders_every_page_before_the_first_visitor(app, client, renders):
    kept = warm_up(app)
    assert kept >= 6 + 2  # three pages in two languages, sitemap, robots.txt
    rendered_while_warming = list(renders)
    assert set(rendered_while_warming) == {"about.html", "contact.html", "home.html"}
    for path in ("/en/", "/es/", "/en/about/", "/es/acerca/", "/en/contact/"):
        assert client.get(path).status_code == 200
    assert renders == rendered_while_warming


def test_a_kept_page_is_still_refused_to_an_untrusted_host():
    app = create_app({"TESTING": True, "TRUSTED_HOSTS": ["cde.example.org"]})
    client = app.test_client()
    assert client.get("/en/", headers={"Host": "cde.example.org"}).status_code == 200
    assert client.get("/en/", headers={"Host": "evil.example"}).status_code == 400


def test_warm_up_works_when_only_the_site_host_is_trusted():
    app = create_app(
        {"TESTING": True, "SITE_URL": SITE, "TRUSTED_HOSTS": ["cde.example.org"]}
    )
    assert warm_up(app) >= 8


def test_warm_up_stops_the_start_when_a_page_cannot_be_rendered():
    app = create_app({"SITE_URL": SITE})

    def broken(lang):
        raise RuntimeError("template error")

    app.view_functions["about"] = broken
    with pytest.raises(RuntimeError, match="500"):
        warm_up(app)
