"""How the tests reach the site: its address, the deployment scripts of deploy/ and
plain HTTP to a real server, polite (`fetch`) or raw bytes (`send`)."""
import http.client
import os
import shutil
import socket
import subprocess
import tempfile
from pathlib import Path
from urllib.parse import urlsplit

from deploy import nginx_server

# The SITE_URL of the test apps: canonical, alternate and sitemap URLs start with it.
SITE = "https://cde.example.org"
# The same site on plain HTTP, for exports that nginx serves without a certificate
# (an https one gets a TLS server: tests/export/test_tls.py).
PLAIN_SITE = "http://cde.example.org"
# The Host the test client sends (the app's SERVER_NAME), and its cookies' domain.
HOST = urlsplit(SITE).hostname

# `make test` installs them when missing (scripts/debian-packages.sh).
HAS_NGINX = nginx_server.find_nginx() is not None


def has_commands(*commands: str) -> bool:
    """Whether the commands are there (`make test` installs openssl and curl)."""
    return all(shutil.which(name) for name in commands)


NO_NGINX = ("nginx or its njs module is not installed (apt-get install nginx "
            "libnginx-mod-http-js)")


def public_folder() -> Path:
    """A new folder that nginx's workers, another user when the tests run as root,
    can pass through to an export: pytest's own temporary folders are 0700. What
    is inside is the export's to make readable (cde/export/releases.py), not the
    test's."""
    folder = Path(tempfile.mkdtemp(prefix="cde-served-"))
    folder.chmod(0o711)
    return folder


def worker_users(master_pid: int) -> set[str]:
    """The users nginx's worker processes (children of `master_pid`) run as."""
    listed = subprocess.run(["ps", "-o", "user=", "--ppid", str(master_pid)],
                            capture_output=True, text=True, check=True).stdout
    return set(listed.split())


# Whom root's nginx runs its workers as (deploy/nginx_server.py): never root.
UNPRIVILEGED = {"www-data", "nobody"}
IS_ROOT = os.geteuid() == 0


def on_site(url: str) -> str:
    """`url` of a test server (http://127.0.0.1:port) as the site's name at that
    port, http://cde.example.org:port: the Host nginx serves the site on."""
    return url.replace("127.0.0.1", HOST, 1)


def make_certificate(folder: Path, name: str) -> tuple[Path, Path]:
    """A self-signed certificate for `name` (openssl): (certificate, key) files."""
    certificate, key = folder / f"{name}.pem", folder / f"{name}.key"
    subprocess.run(["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes",
                    "-days", "2", "-subj", f"/CN={name}", "-addext",
                    f"subjectAltName=DNS:{name}", "-keyout", str(key), "-out",
                    str(certificate)], check=True, capture_output=True)
    return certificate, key


def fetch(base: str, path: str, headers=None, method: str = "GET"):
    """One request to the server at `base`, redirects not followed, any header name
    allowed (SCRIPT_NAME): (status, headers, body). Every test server is on this
    machine: a base named for the site (on_site) is reached on 127.0.0.1."""
    parts = urlsplit(base)
    connection = http.client.HTTPConnection(
        "127.0.0.1" if parts.hostname == HOST else parts.hostname, parts.port,
        timeout=20)
    if parts.hostname == HOST:
        connection.connect()
        connection.host = HOST  # the Host header names the site
    try:
        connection.putrequest(method, path, skip_accept_encoding=True)
        for name, value in (headers or {}).items():
            connection.putheader(name, value)
        connection.endheaders()
        response = connection.getresponse()
        return response.status, response.headers, response.read()
    finally:
        connection.close()


class Answer:
    """An HTTP response read from a socket: status, headers and body, as bytes."""

    def __init__(self, raw: bytes):
        self.raw = raw
        head, _, self.body = raw.partition(b"\r\n\r\n")
        lines = head.decode("latin-1").split("\r\n")
        self.status = int(lines[0].split()[1]) if lines[0].startswith("HTTP/") else 0
        self.headers = {}
        for line in lines[1:]:
            name, _, value = line.partition(":")
            self.headers.setdefault(name.strip().lower(), []).append(value.strip())

    def header(self, name: str) -> str | None:
        values = self.headers.get(name.lower())
        return values[0] if values else None


def send(base: str, request: bytes) -> Answer:
    """Send raw `request` bytes, which no HTTP client would send, to the server at
    `base` and read the answer until the server closes."""
    parts = urlsplit(base)
    with socket.create_connection((parts.hostname, parts.port), timeout=10) as sock:
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
