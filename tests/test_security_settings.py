"""Production refuses debug mode; the site works without any secret (no sessions)."""
import pytest

from cde import create_app
from cde.pages import PAGES
from cde.security import ProductionDebugError


def test_production_with_debug_refuses_to_start(monkeypatch):
    # As deploy/gunicorn.conf.py sets it, with FLASK_DEBUG left on by mistake.
    monkeypatch.setenv("FLASK_PRODUCTION", "true")
    monkeypatch.setenv("FLASK_DEBUG", "1")
    with pytest.raises(ProductionDebugError) as refused:
        create_app()
    # The message says what to change.
    assert "unset FLASK_DEBUG" in str(refused.value)
    assert "FLASK_PRODUCTION" in str(refused.value)


def test_production_without_debug_starts(monkeypatch):
    monkeypatch.setenv("FLASK_PRODUCTION", "true")
    monkeypatch.delenv("FLASK_DEBUG", raising=False)
    app = create_app()
    assert app.config["PRODUCTION"] is True and not app.debug


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
    create_app({"PRODUCTION": True, "SITE_URL": "https://cde.example.org"})
    assert not any("FLASK_SITE_URL" in r.getMessage() for r in caplog.records)
