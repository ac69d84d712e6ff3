import pytest

from cde import create_app
from cde.i18n import UnusableCatalog
from languages import empty_catalog


def test_config_defaults_and_overrides():
    assert not create_app().testing
    assert create_app({"TESTING": True}).testing


def test_languages_come_from_translations_folder(tmp_path):
    for folder in ("es", "fr", "zh_Hant", "not a language"):
        empty_catalog(tmp_path, folder)
    empty_catalog(tmp_path, "de", compiled=False)  # not compiled yet: not offered
    app = create_app({"TRANSLATIONS_DIR": str(tmp_path)})
    # English is the source language, listed first even without a catalog.
    assert app.config["LANGUAGES"] == ("en", "es", "fr", "zh-hant")
    assert app.config["DRAFT_LANGUAGES"] == ("de",)


def test_production_refuses_a_catalog_it_cannot_load(tmp_path):
    empty_catalog(tmp_path, "fr")
    (tmp_path / "fr" / "LC_MESSAGES" / "messages.mo").write_bytes(b"broken")
    with pytest.raises(UnusableCatalog, match="fr/LC_MESSAGES/messages.mo"):
        create_app({"TRANSLATIONS_DIR": str(tmp_path), "PRODUCTION": True})


def test_site_url_comes_from_the_environment(monkeypatch):
    monkeypatch.setenv("FLASK_SITE_URL", "https://cde.example.net")
    assert create_app().config["SITE_URL"] == "https://cde.example.net"


def test_wsgi_module_exposes_app():
    import app as wsgi

    assert wsgi.app.name == "cde"
