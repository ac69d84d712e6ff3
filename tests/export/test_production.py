"""`make serve` as visitors and attackers meet it: nginx on the export, alone.

Each answer is compared with a fresh render of another app. Raw bytes over a socket
try what no HTTP client sends (invalid UTF-8 and NUL in the request line, absurd Host
headers, overlong lines, garbage): a 4xx (or the page), never a 500 or a traceback,
and every answer, nginx's own errors included, carries the security headers.
Skipped without nginx.
"""
import re
import shutil
import socket
from contextlib import ExitStack
from urllib.parse import urlsplit

import pytest

from cde import ROOT, create_app
from cde.export.render import site_paths
from cde.security import policy_headers
from tests.languages import LANGUAGES, translated
from deploy import serve
from tests.servers import (
    HAS_NGINX,
    IS_ROOT,
    NO_NGINX,
    UNPRIVILEGED,
    fetch,
    send,
    worker_users,
)

pytestmark = pytest.mark.skipif(not HAS_NGINX, reason=NO_NGINX)
# What must reach the visitor as the app sends it, besides the body.
SAME_HEADERS = ("Content-Type", "Content-Language", "Cache-Control", "Set-Cookie",
                *(name for name, _ in policy_headers(https=False)))
FORGED = {
    "SCRIPT_NAME": "//evil.example",
    "X-Forwarded-Host": "evil.example",
    "X-Forwarded-Prefix": "//evil.example",
    "X-Forwarded-Proto": "https",
    "Forwarded": "host=evil.example;proto=https",
}


@pytest.fixture(scope="module")
def fresh(production):
    """Another app, configured as the production one, that keeps nothing."""
    return create_app({"SITE_URL": production}).test_client(use_cookies=False)


def assert_is_app_answer(answer, expected, what):
    status, headers, body = answer
    assert status == expected.status_code, what
    assert body == expected.data, what
    for name in SAME_HEADERS:
        sent = headers.get_all(name) or []
        assert sent == expected.headers.getlist(name), (what, name)
    # Flask lists the allowed methods of a URL in no fixed order.
    allowed = set((headers.get("Allow") or "").split(", ")) - {""}
    assert allowed == set(expected.allow), what


def test_every_url_of_the_site_is_the_fresh_render(production, fresh):
    app = create_app({"SITE_URL": production})
    for path in site_paths(app):
        assert_is_app_answer(fetch(production, path), fresh.get(path), path)


@pytest.mark.parametrize("method, path, accept", [
    ("GET", "/nothing", "en"),
    ("GET", "/nothing", None),
    ("POST", "/en/", None),
    ("DELETE", "/es/acerca/", None),
    ("OPTIONS", "/en/", None),
    ("POST", "/", "es"),
])
def test_missing_pages_and_other_methods_get_the_apps_answer(production, fresh, method, path,
                                                 accept):
    headers = {"Accept-Language": accept} if accept else {}
    expected = fresh.open(path, method=method, headers=headers)
    assert_is_app_answer(fetch(production, path, headers, method), expected,
                         (method, path))


@pytest.mark.parametrize("spelling, canonical", [
    ("//en/", "/en/"),
    ("///en/", "/en/"),
    ("/en//about/", "/en/about/"),
    ("/en/./about/", "/en/about/"),
    ("/en/x/../about/", "/en/about/"),
    ("/en/%61bout/", "/en/about/"),
    ("/en%2Fabout/", "/en/about/"),
    ("/es/acerca/.", "/es/acerca/"),
    ("/%45N/", "/en/"),  # nginx compares without case; the site's spelling wins
    ("//evil.example//es/", 404),
    ("/en//no-such/", 404),
    ("/es/x%41/", 404),
    ("/%2e%2e/%2e%2e/app.py", 400),  # above the root: nginx refuses it
])
def test_another_spelling_of_a_url_is_never_a_page(production, fresh, spelling,
                                                    canonical):
    status, headers, body = fetch(production, spelling)
    if canonical == 404:
        # The site's own 404 page, in the language it says it is in.
        lang = headers["Content-Language"]
        assert status == 404
        assert body == fresh.get(f"/{lang}/no-such-page/").data
    elif isinstance(canonical, int):
        assert status == canonical
    else:
        assert (status, headers["Location"]) == (301, canonical)


def test_forged_forwarding_headers_change_nothing(production, fresh):
    app = create_app({"SITE_URL": production})
    paths = site_paths(app)[:3] + ["/nothing", "/es/no-existe/"]
    for path in paths:
        for method in ("GET", "POST"):  # a page, and nginx's own 405
            expected = fresh.open(path, method=method).data
            for name, value in FORGED.items():
                status, _, body = fetch(production, path, {name: value}, method)
                assert status < 500, (path, method, name)
                assert body == expected, (path, method, name)
    status, _, body = fetch(production, "//evil.example//es/",
                            {"SCRIPT_NAME": "//evil.example"})
    assert status == 404 and b"evil.example" not in body


def test_slow_clients_do_not_stop_the_site(production, fresh):
    # Clients stuck halfway through their headers: nginx waits for them in its
    # event loop; pages and error pages still come.
    address = urlsplit(production)
    with ExitStack() as stack:
        for _ in range(40):
            slow = stack.enter_context(
                socket.create_connection((address.hostname, address.port)))
            slow.sendall(b"POST /en/ HTTP/1.1\r\nHost: x\r\nX-Slow: 1")
        assert fetch(production, "/en/")[0] == 200
        assert fetch(production, "/en/", method="POST")[0] == 405
        assert fetch(production, "/nothing")[2] == fresh.get("/nothing").data


def test_a_catalog_that_cannot_be_loaded_stops_the_start(tmp_path, served):
    catalogs = tmp_path / "translations"
    shutil.copytree(ROOT / "translations", catalogs)
    broken = sorted(catalogs.glob("*/LC_MESSAGES/messages.mo"))[0]
    broken.write_bytes(b"not a catalog")
    env = {"FLASK_TRANSLATIONS_DIR": str(catalogs)}
    with pytest.raises(SystemExit) as stopped:
        with serve.production("127.0.0.1", serve.nginx_server.free_port(),
                              served, env):
            pass
    assert str(broken) in str(stopped.value)


def test_make_serve_exports_for_the_address_it_serves(production):
    # No FLASK_SITE_URL: canonical links name the port nginx listens on.
    body = fetch(production, "/en/")[2].decode()
    assert f'<link rel="canonical" href="{production}/en/">' in body


@pytest.mark.skipif(not IS_ROOT, reason="only root can run nginx's workers as "
                    "another user")
def test_make_serve_started_by_root_serves_visitors_as_another_user(
        production_server):
    _, nginx = production_server
    users = worker_users(nginx.pid)
    assert users and users <= UNPRIVILEGED, users


@pytest.mark.parametrize("lang", LANGUAGES)
def test_nginx_refusals_are_the_app_error_pages_in_the_visitor_language(
        production, fresh, lang):
    # nginx answers them itself, with the export's pages: the 400 page for a
    # request target it refuses and for a body too large (413), the 405 page.
    app = create_app({"SITE_URL": production})
    heading = translated(app, lang, "Invalid request")
    refused = send(production, get(f"/{lang}/\xff".encode("latin-1")))
    assert refused.status == 400
    assert refused.header("content-language") == lang
    assert f"<h1>{heading}</h1>" in refused.body.decode()
    too_large = fetch(production, f"/{lang}/", {"Content-Length": "100000"}, "POST")
    assert too_large[0] == 413
    assert too_large[2] == refused.body
    not_allowed = fetch(production, f"/{lang}/", method="PUT")
    assert not_allowed[0] == 405
    assert not_allowed[1]["Allow"] == "GET, HEAD, OPTIONS"
    assert not_allowed[2] == fresh.put(f"/{lang}/").data


def test_a_body_the_site_would_not_read_is_refused(production):
    status, headers, _ = fetch(production, "/en/", {"Content-Length": "100000"},
                               method="POST")
    assert status == 413
    assert headers["Content-Security-Policy"]


def get(target: bytes, *headers: bytes) -> bytes:
    """A GET request line and headers, as raw bytes."""
    lines = [b"GET " + target + b" HTTP/1.1", b"Host: 127.0.0.1", *headers]
    return b"\r\n".join(lines + [b"Connection: close", b"", b""])


HOSTILE_REQUESTS = {
    "invalid UTF-8 in the path": get(b"/en/\xff\xfe"),
    "encoded invalid UTF-8": get(b"/en/%ff"),
    "overlong UTF-8 dots": get(b"/static/\xc0\xae\xc0\xae/app.py"),
    "NUL in the path": get(b"/en/\x00"),
    "encoded NUL": get(b"/en/%00"),
    "encoded traversal": get(b"/static/..%2f..%2fapp.py"),
    "raw traversal": get(b"/static/../../app.py"),
    "markup in the path": get(b"/en/<script>alert(1)</script>"),
    "CRLF encoded in the path": get(b"/en/%0d%0aSet-Cookie:%20x=1"),
    "double slash host": get(b"//evil.example/en/about"),
    "backslash host": get(b"/\\evil.example/en/about"),
    "tab-split path": get(b"/\t/evil.example"),
    "absolute-form request": get(b"http://evil.example/en/about"),
    "absurd Host": b"GET /en/ HTTP/1.1\r\nHost: " + b"h" * 8000
    + b"\r\nConnection: close\r\n\r\n",
    "Host with a long label": b"GET /en/about HTTP/1.1\r\nHost: " + b"a" * 64
    + b".example\r\nConnection: close\r\n\r\n",
    "Host with invalid bytes": b"GET /en/about HTTP/1.1\r\nHost: \xff\x00<x>\r\n"
    b"Connection: close\r\n\r\n",
    "no Host at all": b"GET /en/about HTTP/1.1\r\nConnection: close\r\n\r\n",
    "two Host headers": get(b"/en/about", b"Host: evil.example"),
    "overlong request line": get(b"/en/" + b"a" * 70_000),
    "huge Accept-Language": get(b"/", b"Accept-Language: " + b"en;q=0.5," * 800),
    "invalid UTF-8 cookie": get(b"/", b"Cookie: lang=\xff\xfe; \x00=\x01"),
    "TRACE": b"TRACE /en/ HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Marker: echo-me\r\n"
    b"Connection: close\r\n\r\n",
    "garbage": bytes(range(256)) + b"\r\n\r\n",
}


def assert_no_leak(answer) -> None:
    """No traceback, no markup or header echoed from the request."""
    assert b"Traceback" not in answer.raw and b'File "' not in answer.raw
    assert b"<script" not in answer.raw.lower()
    assert b"echo-me" not in answer.raw


def assert_policy_headers(answer) -> None:
    """Every answer with a status line carries each security header once."""
    if answer.raw.startswith(b"HTTP/"):
        for name, _ in policy_headers(https=False):
            assert len(answer.headers.get(name.lower(), [])) == 1, name


# Requests for another host than the site's: nginx closes the connection (444).
OTHER_HOST = {"absolute-form request", "absurd Host", "Host with a long label"}


@pytest.mark.parametrize("name", list(HOSTILE_REQUESTS))
def test_hostile_raw_request_gets_no_500_and_no_traceback(production, name):
    answer = send(production, HOSTILE_REQUESTS[name])
    if name in OTHER_HOST:
        assert answer.raw == b""
        return
    assert answer.raw, "the server closed without answering"
    assert 100 <= answer.status < 500, answer.raw[:300]
    assert_no_leak(answer)
    assert_policy_headers(answer)
    assert "x=1" not in (answer.header("set-cookie") or "")
    location = answer.header("location")
    if location is not None:
        # A path on this site, or an absolute URL on its SITE_URL.
        assert location.startswith((production + "/", "/")), location
        assert not location.startswith(("//", "/\\")), location


def test_http_0_9_request_names_no_host_and_gets_nothing(production):
    assert send(production, b"GET /\r\n\r\n").raw == b""


def test_unknown_http_version_is_refused_with_a_505(production):
    answer = send(production, b"GET / HTTP/9.9\r\nHost: 127.0.0.1\r\n\r\n")
    assert answer.status == 505
    assert_no_leak(answer)
    assert_policy_headers(answer)


@pytest.mark.parametrize("request_bytes", [get(b"/en/about/"), get(b"/nothing"),
                                           b"GET / HTTP/9.9\r\nHost: x\r\n\r\n"])
def test_production_names_its_server_without_a_version(production, request_bytes):
    answer = send(production, request_bytes)
    assert answer.headers["server"] == ["nginx"]
    assert not re.search(rb"(Werkzeug|gunicorn|nginx|Python)/\d", answer.raw)


def test_another_host_gets_no_page(production):
    # nginx serves the site on SITE_URL's host only (here 127.0.0.1 and localhost).
    for host in (b"evil.example", b"cde.example.org", b"127.0.0.2"):
        answer = send(production, b"GET /en/about/ HTTP/1.1\r\nHost: " + host
                      + b"\r\nConnection: close\r\n\r\n")
        assert answer.raw == b"", host
    answer = send(production, get(b"/en/about"))
    assert answer.status == 308
    assert answer.header("location") == "/en/about/"
