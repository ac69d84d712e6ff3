import subprocess
import sys

import pytest

from cde import ROOT, create_app
from cde.languages import UnusableCatalog
from tests.languages import empty_catalog


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


def test_wsgi_module_exposes_app():
    import app as wsgi

    assert wsgi.app.name == "cde"


def test_rendering_a_page_imports_neither_the_export_nor_the_translators_desk():
    # In a fresh interpreter: the application loaded, a page and an error rendered.
    script = """
import sys
import app
client = app.app.test_client()
assert client.get("/en/about/").status_code == 200
assert client.get("/en/missing/").status_code == 404
print(sorted(name for name in sys.modules
             if name.startswith(("cde.translator", "cde.export"))))
"""
    finished = subprocess.run([sys.executable, "-c", script], cwd=ROOT,
                              capture_output=True, text=True, timeout=60)
    assert finished.returncode == 0, finished.stderr
    assert finished.stdout.splitlines() == ["[]"]


def test_the_command_line_lists_the_rooms_commands_and_loads_them_when_named():
    flask = [sys.executable, "-m", "flask", "--app", "app"]
    listing = subprocess.run([*flask, "--help"], cwd=ROOT, capture_output=True,
                             text=True, timeout=60).stdout
    for line in ("freeze     Export the whole site as static files",
                 "rollback   Serve the previous export again",
                 "translate  Keep the translation catalogs up to date"):
        assert line in listing, listing
    commands = subprocess.run([*flask, "translate", "--help"], cwd=ROOT,
                              capture_output=True, text=True, timeout=60).stdout
    for command in ("check", "compile", "init", "status", "studio", "update", "where"):
        assert f"\n  {command} " in commands, commands
