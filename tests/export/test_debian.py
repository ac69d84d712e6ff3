"""deploy/README.md's steps for Debian's own nginx, followed as written, with a main
configuration that is Debian's /etc/nginx/nginx.conf (`user www-data;`, modules,
conf.d and sites-enabled): the site is served, to its Host only, by www-data.

The one liberty: port 80 of a shared machine is not the test's to take, so every
`listen 80` is moved to a free port of 127.0.0.1.
"""
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from cde.export.freeze import freeze
from tests.projectcopy import app_for
from deploy import nginx_server
from tests.servers import HAS_NGINX, IS_ROOT, NO_NGINX, fetch, send, worker_users

DEBIAN_CONFIG = Path("/etc/nginx/nginx.conf")
DEBIAN_DEFAULT_SITE = Path("/etc/nginx/sites-enabled/default")
pytestmark = [
    pytest.mark.skipif(not HAS_NGINX, reason=NO_NGINX),
    pytest.mark.skipif(not DEBIAN_CONFIG.exists() or not IS_ROOT,
                       reason="needs Debian's nginx.conf and root (user www-data)"),
]
SITE = "http://cde.example.org"


def on_port(text: str, port: int) -> str:
    """`listen 80` moved to 127.0.0.1:`port`; IPv6 listens dropped."""
    text = re.sub(r"(?m)^\s*listen\s+\[::\]:80\b.*$", "", text)
    return re.sub(r"(?m)^(\s*)listen\s+80\b", rf"\g<1>listen 127.0.0.1:{port}", text)


def debian_tree(root: Path) -> Path:
    """Debian's nginx.conf with its folders moved under `root`; its default site."""
    text = DEBIAN_CONFIG.read_text()
    for debian, ours in (("/etc/nginx/conf.d", root / "conf.d"),
                         ("/etc/nginx/sites-enabled", root / "sites-enabled"),
                         ("/run/nginx.pid", root / "nginx.pid"),
                         ("/var/log/nginx", root / "log")):
        text = text.replace(debian, str(ours))
        if not debian.endswith(".pid"):
            ours.mkdir()
    (root / "nginx.conf").write_text(text)
    shutil.copy(DEBIAN_DEFAULT_SITE, root / "sites-enabled" / "default")
    return root / "nginx.conf"


def nginx_test(config: Path) -> subprocess.CompletedProcess:
    return subprocess.run([nginx_server.find_nginx(), "-t", "-c", str(config)],
                          capture_output=True, text=True)


def test_the_documented_debian_steps_serve_the_site(polyglot, served):
    port = nginx_server.free_port()
    config = debian_tree(served)
    default_site = served / "sites-enabled" / "default"
    default_site.write_text(on_port(default_site.read_text(), port))
    # Step: export for the site's address (as root, umask 022 or stricter).
    freeze(app_for(polyglot, SITE_URL=SITE), served / "srv" / "cde")
    # Step: include the export's configuration in conf.d.
    (served / "conf.d" / "cde.conf").write_text(
        on_port((served / "srv" / "cde" / "nginx.conf").read_text(), port))
    # With Debian's default site still enabled, two servers claim to be the default.
    assert "duplicate default server" in nginx_test(config).stderr
    # Step: disable the default site; then nginx -t is clean.
    default_site.unlink()
    checked = nginx_test(config)
    assert checked.returncode == 0 and "[warn]" not in checked.stderr, checked.stderr
    nginx = subprocess.Popen([nginx_server.find_nginx(), "-c", str(config), "-g",
                              "daemon off;"], stderr=subprocess.PIPE)
    try:
        nginx_server.wait_for_port(port, nginx)
        base = f"http://cde.example.org:{port}"
        assert worker_users(nginx.pid) == {"www-data"}
        assert fetch(base, "/", {"Accept-Language": "fr"})[1]["Location"] == "/fr/"
        assert fetch(base, "/es/acerca/")[0] == 200
        status, headers, body = fetch(base, "/sitemap.xml")
        assert status == 200 and f"<loc>{SITE}/en/</loc>".encode() in body
        status, headers, _ = fetch(base, "/en/no-such-page/")
        assert (status, headers["Content-Language"]) == (404, "en")
        other = send(f"http://127.0.0.1:{port}",
                     b"GET /en/ HTTP/1.1\r\nHost: other.example\r\n\r\n")
        assert other.raw == b""
    finally:
        nginx_server.stop(nginx, timeout=10)
