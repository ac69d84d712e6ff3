"""The generated nginx configuration, read as an operator and a tool read it: short
enough to audit, accepted by `nginx -t` and by gixy-ng (an nginx static analyser)
without a single remark, on an export of a project with every UN language, for an
https:// address (the longest form: a TLS server and a redirect from port 80).
"""
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from cde.export.freeze import freeze
from tests.projectcopy import app_for
from deploy import nginx_server
from tests.servers import HAS_NGINX, HOST, NO_NGINX, make_certificate

pytestmark = pytest.mark.skipif(not HAS_NGINX, reason=NO_NGINX)
# gixy-ng is a test dependency (pyproject's `test` extra, pinned in the lock).
GIXY = shutil.which("gixy", path=str(Path(sys.executable).parent)) or shutil.which(
    "gixy")


@pytest.fixture(scope="module")
def export(polyglot, tmp_path_factory):
    folder = tmp_path_factory.mktemp("config")
    certificate, key = make_certificate(folder, HOST)
    destination = folder / "build"
    freeze(app_for(polyglot, TLS_CERTIFICATE=str(certificate),
                   TLS_CERTIFICATE_KEY=str(key)), destination)
    return destination


@pytest.fixture(scope="module")
def main_config(export, tmp_path_factory):
    """nginx.conf as `make serve` writes it around the export's configuration."""
    workdir = tmp_path_factory.mktemp("nginx")
    (workdir / "temp").mkdir()
    site = workdir / "site.conf"
    site.write_text(nginx_server.site_config(export, nginx_server.free_port(),
                                             tls_port=nginx_server.free_port()))
    config = workdir / "nginx.conf"
    config.write_text(nginx_server.main_config(site, workdir, workdir))
    return config


def test_six_languages_fit_in_three_hundred_lines(polyglot, export):
    assert len(app_for(polyglot).config["LANGUAGES"]) >= 6
    assert len((export / "nginx.conf").read_text().splitlines()) <= 300


def test_every_port_is_listened_on_over_ipv6_too(export):
    listens = re.findall(r"(?m)^\s*listen (\S+)(.*);$", (export / "nginx.conf").read_text())
    ipv4 = [(address, rest) for address, rest in listens if not address.startswith("[")]
    ipv6 = [(address.removeprefix("[::]:"), rest) for address, rest in listens
            if address.startswith("[::]:")]
    assert ipv4 and ipv6 == ipv4


def test_nginx_accepts_the_configuration_without_a_warning(main_config):
    checked = subprocess.run(
        [nginx_server.find_nginx(), "-t", "-p", str(main_config.parent), "-c",
         str(main_config)], capture_output=True, text=True)
    assert checked.returncode == 0, checked.stderr
    assert "[warn]" not in checked.stderr and "[emerg]" not in checked.stderr
    assert "test is successful" in checked.stderr


@pytest.mark.skipif(GIXY is None, reason="gixy-ng is not installed (the test extra)")
def test_gixy_reports_nothing(main_config):
    report = subprocess.run([GIXY, str(main_config)], capture_output=True, text=True)
    assert report.returncode == 0, report.stdout + report.stderr
    assert ">> Problem" not in report.stdout


def test_the_rule_at_root_reads_as_the_rule(export):
    # One njs function states it; the configuration holds no table of q-values.
    config = (export / "nginx.conf").read_text()
    assert "js_set $cde_language cde_language.language;" in config
    assert "q=" not in config
    assert "function language(r)" in (export / "language.js").read_text()
