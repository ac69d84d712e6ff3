from cde import create_app


def test_config_defaults_and_overrides():
    assert not create_app().testing
    assert create_app({"TESTING": True}).testing


def test_languages_come_from_translations_folder(tmp_path):
    for lang in ("es", "fr"):
        (tmp_path / lang / "LC_MESSAGES").mkdir(parents=True)
        (tmp_path / lang / "LC_MESSAGES" / "messages.po").write_text("")
    (tmp_path / "not a language" / "LC_MESSAGES").mkdir(parents=True)
    (tmp_path / "not a language" / "LC_MESSAGES" / "messages.po").write_text("")
    app = create_app({"TRANSLATIONS_DIR": str(tmp_path)})
    # English is the source language, listed first even without a catalog.
    assert app.config["LANGUAGES"] == ("en", "es", "fr")


def test_site_url_comes_from_the_environment(monkeypatch):
    monkeypatch.setenv("FLASK_SITE_URL", "https://cde.example.net")
    assert create_app().config["SITE_URL"] == "https://cde.example.net"


def test_wsgi_module_exposes_app():
    import app as wsgi

    assert wsgi.app.name == "cde"
