"""An https:// SITE_URL: nginx serves the site over TLS (Mozilla's intermediate
profile) with the certificate named in the settings, sends plain HTTP there with a
301, and says HSTS over HTTPS only. A self-signed certificate on 127.0.0.1, fetched
with curl --cacert as a visitor's browser would, trusting that certificate only.
"""
import shutil
import subprocess

import pytest

from cde.export.freeze import freeze
from tests.projectcopy import app_for
from deploy import nginx_server
from tests.servers import (
    HAS_NGINX,
    HOST,
    NO_NGINX,
    has_commands,
    make_certificate,
    public_folder,
)

pytestmark = [pytest.mark.skipif(not HAS_NGINX, reason=NO_NGINX),
              pytest.mark.skipif(not has_commands("openssl", "curl"),
                                 reason="openssl and curl are not installed")]
HSTS = "strict-transport-security: max-age=31536000"


@pytest.fixture(scope="module")
def tls(polyglot):
    """(TLS port, HTTP port, certificate) of nginx serving an https export."""
    folder = public_folder()
    certificate, key = make_certificate(folder, HOST)
    app = app_for(polyglot, SITE_URL=f"https://{HOST}", TLS_CERTIFICATE=str(certificate),
                  TLS_CERTIFICATE_KEY=str(key))
    freeze(app, folder / "build")
    port, tls_port = nginx_server.free_port(), nginx_server.free_port()
    with nginx_server.running(folder / "build", folder / "run", port,
                              tls_port=tls_port):
        yield tls_port, port, certificate
    shutil.rmtree(folder)


def curl(port: int, url: str, certificate, *options: str):
    """curl's status line and headers (lower case), trusting `certificate` only and
    reaching `HOST` on 127.0.0.1."""
    done = subprocess.run(
        ["curl", "--silent", "--show-error", "--head", "--cacert", str(certificate),
         "--resolve", f"{HOST}:{port}:127.0.0.1", *options, url],
        capture_output=True, text=True, timeout=20)
    return done.returncode, done.stdout.lower()


def test_pages_are_served_over_tls_with_hsts(tls):
    tls_port, _, certificate = tls
    for path, status in (("/en/", "200"), ("/es/acerca/", "200"),
                         ("/sitemap.xml", "200"), ("/en/no-such-page/", "404")):
        code, head = curl(tls_port, f"https://{HOST}:{tls_port}{path}", certificate)
        assert code == 0, head
        assert head.startswith(f"http/2 {status}") or head.startswith(
            f"http/1.1 {status}"), (path, head)
        assert HSTS in head, path


def test_root_chooses_a_language_over_tls(tls):
    tls_port, _, certificate = tls
    _, head = curl(tls_port, f"https://{HOST}:{tls_port}/", certificate,
                   "--header", "Accept-Language: fr")
    assert "location: /fr/" in head


def test_plain_http_is_sent_to_https_without_hsts(tls):
    _, port, certificate = tls
    code, head = curl(port, f"http://{HOST}:{port}/en/about/?x=1", certificate)
    assert code == 0
    assert head.startswith("http/1.1 301")
    assert f"location: https://{HOST}/en/about/?x=1" in head
    assert "strict-transport-security" not in head


def test_only_tls_1_2_and_later(tls):
    tls_port, _, certificate = tls
    code, _ = curl(tls_port, f"https://{HOST}:{tls_port}/en/", certificate,
                   "--tlsv1.1", "--tls-max", "1.1")
    assert code != 0
    code, _ = curl(tls_port, f"https://{HOST}:{tls_port}/en/", certificate,
                   "--tlsv1.2", "--tls-max", "1.2")
    assert code == 0


def test_another_name_gets_no_handshake(tls):
    tls_port, _, certificate = tls
    done = subprocess.run(
        ["curl", "--silent", "--head", "--insecure", "--resolve",
         f"other.example:{tls_port}:127.0.0.1", f"https://other.example:{tls_port}/"],
        capture_output=True, text=True, timeout=20)
    assert done.returncode != 0 and done.stdout == ""
