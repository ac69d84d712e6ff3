"""Production refuses debug mode; the site works without any secret (no sessions)."""
import ast
from pathlib import Path

import pytest

from cde import create_app
from cde.security import ProductionDebugError

PACKAGE = Path(__file__).resolve().parent.parent / "cde"


def test_production_with_debug_refuses_to_start():
    with pytest.raises(ProductionDebugError) as refused:
        create_app({"PRODUCTION": True, "DEBUG": True})
    # The message says what to change.
    assert "FLASK_DEBUG" in str(refused.value)
    assert "FLASK_PRODUCTION" in str(refused.value)


def test_production_and_debug_from_the_environment_refuse_to_start(monkeypatch):
    monkeypatch.setenv("FLASK_PRODUCTION", "true")
    monkeypatch.setenv("FLASK_DEBUG", "1")
    with pytest.raises(ProductionDebugError):
        create_app()


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
    cookies = set()
    for path in ("/", "/en/", "/es/acerca/", "/en/contact/", "/en/missing/"):
        response = client.get(path, follow_redirects=True)
        assert response.status_code in (200, 404)
        cookies |= {h.split("=", 1)[0] for h in response.headers.getlist("Set-Cookie")}
    assert cookies == {"lang"}


@pytest.mark.parametrize("module", sorted(PACKAGE.glob("*.py")), ids=lambda p: p.name)
def test_no_module_uses_the_flask_session(module):
    tree = ast.parse(module.read_text(encoding="utf-8"))
    names = {
        alias.name
        for node in ast.walk(tree)
        if isinstance(node, ast.ImportFrom)
        for alias in node.names
    }
    attributes = {
        node.attr for node in ast.walk(tree) if isinstance(node, ast.Attribute)
    }
    assert "session" not in names and "session" not in attributes


def test_production_warns_when_site_url_is_local(caplog):
    create_app({"PRODUCTION": True, "SITE_URL": "http://127.0.0.1:5000"})
    assert any("FLASK_SITE_URL" in r.getMessage() for r in caplog.records)


def test_production_with_a_public_site_url_does_not_warn(caplog):
    create_app({"PRODUCTION": True, "SITE_URL": "https://cde.example.org"})
    assert not any("FLASK_SITE_URL" in r.getMessage() for r in caplog.records)
