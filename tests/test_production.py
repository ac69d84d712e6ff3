"""`make serve` as visitors and attackers meet it: nginx in front of gunicorn.

Each answer is compared with a fresh render of another app. Skipped without nginx.
"""
import http.client
import shutil
import socket
import subprocess
from contextlib import ExitStack
from urllib.parse import urlsplit

import pytest

from cde import ROOT, create_app
from cde.build import site_paths
from cde.pages import SOURCE_LANGUAGE
from cde.security import policy_headers
from servers import HAS_NGINX, NO_NGINX, serve

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


def fetch(base: str, path: str, headers=None, method: str = "GET"):
    """One request, redirects not followed, raw headers allowed (SCRIPT_NAME)."""
    parts = urlsplit(base)
    connection = http.client.HTTPConnection(parts.hostname, parts.port, timeout=20)
    try:
        connection.putrequest(method, path, skip_accept_encoding=True)
        for name, value in (headers or {}).items():
            connection.putheader(name, value)
        connection.endheaders()
        response = connection.getresponse()
        return response.status, response.headers, response.read()
    finally:
        connection.close()


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
        for method in ("GET", "POST"):  # POST reaches the app, GET nginx's files
            expected = fresh.open(path, method=method).data
            for name, value in FORGED.items():
                status, _, body = fetch(production, path, {name: value}, method)
                assert status < 500, (path, method, name)
                assert body == expected, (path, method, name)
    status, _, body = fetch(production, "//evil.example//es/",
                            {"SCRIPT_NAME": "//evil.example"})
    assert status == 404 and b"evil.example" not in body


def test_slow_clients_hold_no_application_thread(production, fresh):
    # More clients than gunicorn has threads, each stuck halfway through its
    # headers: nginx waits for them; pages and the app's answers still come.
    address = urlsplit(production)
    with ExitStack() as stack:
        for _ in range(40):
            slow = stack.enter_context(
                socket.create_connection((address.hostname, address.port)))
            slow.sendall(b"POST /en/ HTTP/1.1\r\nHost: x\r\nX-Slow: 1")
        assert fetch(production, "/en/")[0] == 200
        assert fetch(production, "/en/", method="POST")[0] == 405
        assert fetch(production, "/nothing")[2] == fresh.get("/nothing").data


def test_a_catalog_that_cannot_be_loaded_stops_the_start(tmp_path):
    catalogs = tmp_path / "translations"
    shutil.copytree(ROOT / "translations", catalogs)
    broken = next(mo for mo in sorted(catalogs.glob("*/LC_MESSAGES/messages.mo"))
                  if mo.parent.parent.name != SOURCE_LANGUAGE)
    broken.write_bytes(b"not a catalog")
    env = {"FLASK_TRANSLATIONS_DIR": str(catalogs)}
    with pytest.raises(SystemExit) as stopped:
        with serve.production("127.0.0.1", serve.nginx_preview.free_port(),
                              tmp_path / "run", env, stdout=subprocess.DEVNULL,
                              stderr=subprocess.DEVNULL):
            pass
    assert str(broken) in str(stopped.value)


def test_a_body_the_site_would_not_read_is_refused(production):
    status, headers, _ = fetch(production, "/en/", {"Content-Length": "100000"},
                               method="POST")
    assert status == 413
    assert headers["Content-Security-Policy"]
