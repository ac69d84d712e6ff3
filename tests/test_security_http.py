"""Raw bytes over a real socket, for what the test client would clean up first.

Both servers are tried: Werkzeug's (what `make run` uses) in a thread, and the
production stack of `make serve` (nginx in front of gunicorn). Invalid UTF-8 and
NUL in the request line, absurd Host headers, overlong lines and plain garbage must
give a 4xx (or the page), never a 500 or a traceback; the server must not name its
version; and in production every answer, nginx's own errors included, carries the
security headers.
"""
import os
import re
import socket
import subprocess
import sys
import threading
import time
from pathlib import Path
from typing import NamedTuple
from urllib.parse import urlsplit

import pytest
from werkzeug.serving import make_server

from cde import create_app
from cde.security import policy_headers

ROOT = Path(__file__).resolve().parent.parent
GUNICORN_CONFIG = ROOT / "deploy" / "gunicorn.conf.py"
# How long a server may take to start listening; the tests themselves are not timed.
STARTUP_LIMIT = 30


class Answer:
    """An HTTP response read from a socket: status, headers and body, as bytes."""

    def __init__(self, raw: bytes):
        self.raw = raw
        head, _, self.body = raw.partition(b"\r\n\r\n")
        lines = head.decode("latin-1").split("\r\n")
        if lines[0].startswith("HTTP/"):
            self.status = int(lines[0].split()[1])
        else:
            # An HTTP/0.9-style answer has no status line (the client did not send
            # a version it understands); Python's http.server still names the code.
            code = re.search(rb"Error code: (\d{3})", raw)
            self.status = int(code.group(1)) if code else 0
        self.headers = {}
        for line in lines[1:]:
            name, _, value = line.partition(":")
            self.headers.setdefault(name.strip().lower(), []).append(value.strip())

    def header(self, name: str) -> str | None:
        values = self.headers.get(name.lower())
        return values[0] if values else None


def send(port: int, request: bytes) -> Answer:
    """Send raw `request` bytes and read the answer until the server closes."""
    with socket.create_connection(("127.0.0.1", port), timeout=10) as sock:
        try:
            sock.sendall(request)
        except (BrokenPipeError, ConnectionResetError):
            pass  # the server may answer and close before reading everything
        chunks = []
        while True:
            try:
                chunk = sock.recv(65536)
            except (ConnectionResetError, socket.timeout):
                break
            if not chunk:
                break
            chunks.append(chunk)
    return Answer(b"".join(chunks))


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def wait_until_listening(port: int, process=None) -> None:
    deadline = time.monotonic() + STARTUP_LIMIT
    while time.monotonic() < deadline:
        if process is not None and process.poll() is not None:
            raise RuntimeError(f"server exited with {process.returncode}")
        try:
            socket.create_connection(("127.0.0.1", port), timeout=1).close()
            return
        except OSError:
            time.sleep(0.1)
    raise RuntimeError(f"nothing listening on port {port}")


def werkzeug_server():
    server = make_server("127.0.0.1", 0, app=None, threaded=True)
    port = server.server_port
    server.app = create_app({"SITE_URL": f"http://127.0.0.1:{port}"})
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield port
    server.shutdown()
    thread.join()


class Server(NamedTuple):
    name: str
    port: int


@pytest.fixture(scope="module", params=["werkzeug", "production"])
def server(request):
    """A real HTTP server running the site on a free port of 127.0.0.1."""
    if request.param == "production":
        yield Server("production", urlsplit(request.getfixturevalue("production")).port)
        return
    for port in werkzeug_server():
        yield Server(request.param, port)


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
    "dot-dot segments": get(b"/static/%2e%2e/cde/__init__.py"),
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
    "20 000-character URL": get(b"/en/" + b"a" * 20_000),
    "huge Accept-Language": get(b"/", b"Accept-Language: " + b"en;q=0.5," * 800),
    "invalid UTF-8 cookie": get(b"/", b"Cookie: lang=\xff\xfe; \x00=\x01"),
    "lowercase method": b"get / HTTP/1.1\r\nHost: 127.0.0.1\r\n"
    b"Connection: close\r\n\r\n",
    "TRACE": b"TRACE /en/ HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Marker: echo-me\r\n"
    b"Connection: close\r\n\r\n",
    "garbage": bytes(range(256)) + b"\r\n\r\n",
    "TLS handshake on plain HTTP": b"\x16\x03\x01\x02\x00\x01\x00\x01\xfc\x03\x03"
    + b"\x00" * 64
    + b"\r\n\r\n",
    "too many headers": get(b"/en/", *[b"X-H%d: v" % i for i in range(300)]),
}


def assert_policy_headers(server: Server, answer: Answer) -> None:
    """In production, every answer with a status line carries each header once."""
    if server.name == "production" and answer.raw.startswith(b"HTTP/"):
        for name, _ in policy_headers(https=False):
            assert len(answer.headers.get(name.lower(), [])) == 1, name


def assert_no_leak(answer: Answer) -> None:
    """No traceback, no markup or header echoed from the request."""
    assert b"Traceback" not in answer.raw and b'File "' not in answer.raw
    assert b"<script" not in answer.raw.lower()
    assert b"echo-me" not in answer.raw


@pytest.mark.parametrize("name", list(HOSTILE_REQUESTS))
def test_hostile_raw_request_gets_no_500_and_no_traceback(server, name):
    port = server.port
    answer = send(port, HOSTILE_REQUESTS[name])
    assert answer.raw, "the server closed without answering"
    assert 100 <= answer.status < 500, answer.raw[:300]
    assert_no_leak(answer)
    assert_policy_headers(server, answer)
    assert "x=1" not in (answer.header("set-cookie") or "")
    location = answer.header("location")
    if location is not None:
        # A path on this site, or an absolute URL on its SITE_URL.
        on_site = location.startswith(f"http://127.0.0.1:{port}/")
        assert on_site or location.startswith("/"), location
        assert not location.startswith(("//", "/\\")), location


def test_http_0_9_request_gets_no_traceback(server):
    # HTTP/0.9 has no status line: Werkzeug answers with the bare body of the
    # app's answer, gunicorn with a 400.
    answer = send(server.port, b"GET /\r\n\r\n")
    assert answer.raw, "the server closed without answering"
    assert_no_leak(answer)


def test_ordinary_page_over_http_has_policy_headers(server):
    answer = send(server.port, get(b"/en/about/"))
    assert answer.status == 200
    assert answer.header("content-security-policy")
    assert answer.header("x-content-type-options") == "nosniff"
    assert "x-powered-by" not in answer.headers


@pytest.mark.parametrize("request_bytes", [get(b"/en/about/"), get(b"/nothing"),
                                           b"GET / HTTP/9.9\r\nHost: x\r\n\r\n"])
def test_production_names_its_server_without_a_version(production, request_bytes):
    answer = send(urlsplit(production).port, request_bytes)
    assert answer.headers["server"] == ["nginx"]
    assert not re.search(rb"(Werkzeug|gunicorn|nginx|Python)/\d", answer.raw)


def test_unknown_http_version_is_refused_by_the_server_naming_no_version(server):
    answer = send(server.port, b"GET / HTTP/9.9\r\nHost: 127.0.0.1\r\n\r\n")
    # Refused before the app is involved: 505, HTTP Version Not Supported.
    assert answer.status == 505
    assert_no_leak(answer)
    assert_policy_headers(server, answer)


def test_redirect_over_http_ignores_a_forged_host(server):
    answer = send(
        server.port,
        b"GET /en/about HTTP/1.1\r\nHost: evil.example\r\nConnection: close\r\n\r\n",
    )
    assert answer.status == 308
    assert answer.header("location") == "/en/about/"
    assert b"evil.example" not in answer.raw


def test_gunicorn_in_production_with_debug_on_refuses_to_start():
    env = {**os.environ, "PORT": str(free_port()), "FLASK_DEBUG": "1"}
    finished = subprocess.run(
        [sys.executable, "-m", "gunicorn", "--config", str(GUNICORN_CONFIG), "app:app"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=STARTUP_LIMIT,
    )
    assert finished.returncode != 0
    assert "Refusing to start" in finished.stderr
    assert "unset FLASK_DEBUG" in finished.stderr
