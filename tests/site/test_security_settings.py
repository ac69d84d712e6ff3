"""Production refuses debug mode; the site works without any secret (no sessions)."""
import os
import subprocess
import sys

import pytest

from cde import ROOT, create_app
from cde.pages import PAGES
from deploy import nginx_server
from tests.servers import SITE


def test_production_with_debug_on_refuses_to_start(served):
    # `make serve` sets FLASK_PRODUCTION; FLASK_DEBUG is left on by mistake.
    env = {**os.environ, "PORT": str(nginx_server.free_port()), "FLASK_DEBUG": "1",
           "RUN_DIR": str(served)}
    finished = subprocess.run(
        [sys.executable, "-m", "deploy.serve"],
        cwd=ROOT, env=env, capture_output=True, text=True, timeout=60,
    )
    assert finished.returncode != 0
    # The message says what to change.
    assert "Refusing to start" in finished.stderr
    assert "FLASK_PRODUCTION" in finished.stderr
    assert "unset FLASK_DEBUG" in finished.stderr


def test_debug_outside_production_starts(monkeypatch):
    monkeypatch.delenv("FLASK_PRODUCTION", raising=False)
    assert create_app({"DEBUG": True}).debug


def test_the_site_works_without_a_secret_key_and_sets_no_other_cookie():
    app = create_app({"TESTING": True})
    assert app.secret_key is None
    client = app.test_client()
    languages = app.config["LANGUAGES"]
    answers = [client.get("/"), client.get("/sitemap.xml"), client.get("/en/missing/")]
    answers += [client.get(page.rule(lang)) for page in PAGES for lang in languages]
    assert [r.status_code for r in answers] == [302, 200, 404] + [200] * (
        len(PAGES) * len(languages)
    )
    cookies = {
        header.split("=", 1)[0]
        for response in answers
        for header in response.headers.getlist("Set-Cookie")
    }
    assert cookies == {"lang"}


def test_production_warns_when_site_url_is_local(caplog):
    create_app({"PRODUCTION": True, "SITE_URL": "http://127.0.0.1:5000"})
    assert any("FLASK_SITE_URL" in r.getMessage() for r in caplog.records)


def test_production_with_a_public_site_url_does_not_warn(caplog):
    create_app({"PRODUCTION": True, "SITE_URL": SITE})
    assert not any("FLASK_SITE_URL" in r.getMessage() for r in caplog.records)


@pytest.mark.parametrize("site_url", ["cde.example.org", "ftp://cde.example.org", ""])
def test_a_site_url_that_is_no_address_stops_the_start_with_the_fix(site_url):
    # Otherwise no Host would be trusted, and every request would be a 400.
    with pytest.raises(ValueError, match="must be the site's address, such as https://"):
        create_app({"TESTING": True, "SITE_URL": site_url})
