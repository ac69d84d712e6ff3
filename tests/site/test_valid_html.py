"""Every page is valid HTML for the Nu HTML Checker (vnu), and so are the CSS and SVG.

vnu runs once over all pages (written to a temporary folder) rather than once per
page: starting Java is most of its cost. `make test` installs the checker (the npm
package vnu-jar, locked in tests/tools/) into tests/tools/node_modules/; Java 17 runs it.
"""
import json
import os
import shutil
import subprocess
from pathlib import Path

import pytest

from cde import ROOT, create_app
from cde.pages import PAGES as SITE_PAGES
from tests.languages import LANGUAGES
from tests.servers import SITE

VNU_JAR = Path(
    os.environ.get("VNU_JAR", ROOT / "tests/tools/node_modules/vnu-jar/build/dist/vnu.jar")
)
# Every page of the page table in every language (one per catalog in translations/),
# and the 404 page of each language.
PAGES = [page.rule(lang) for page in SITE_PAGES for lang in LANGUAGES] + [
    f"/{lang}/no-such-page/" for lang in LANGUAGES
]
STATIC = ["css/site.css", "favicon.svg"]
# A page with known errors, checked in the same run: proves the checker reports them.
BROKEN = "<!doctype html><html><head></head><body><p><div></div></body></html>"


def file_name(path: str) -> str:
    return path.strip("/").replace("/", "_") + ".html"


@pytest.fixture(scope="module")
def vnu_errors(tmp_path_factory) -> dict:
    """File name -> vnu error messages, for every page, the static files and a probe."""
    java = shutil.which("java")
    if not java or not VNU_JAR.exists():
        pytest.skip(f"no Java or no {VNU_JAR}: `make test` installs the HTML checker")
    folder = tmp_path_factory.mktemp("vnu")
    app = create_app({"SITE_URL": SITE})
    assert app.config["LANGUAGES"] == LANGUAGES
    client = app.test_client()
    for path in PAGES:
        (folder / file_name(path)).write_bytes(client.get(path).data)
    for name in STATIC:
        shutil.copy(ROOT / "static" / name, folder / Path(name).name)
    (folder / "broken.html").write_text(BROKEN)
    result = subprocess.run(
        [java, "-jar", str(VNU_JAR), "--format", "json",
         "--also-check-css", "--also-check-svg", str(folder)],
        capture_output=True, text=True, timeout=300,
    )
    report = json.loads(result.stderr or result.stdout)
    errors = {}
    for message in report["messages"]:
        if message["type"] in ("error", "non-document-error"):
            name = Path(message.get("url", "?")).name
            line = message.get("lastLine", "?")
            errors.setdefault(name, []).append(f"line {line}: {message['message']}")
    return errors


@pytest.mark.parametrize("path", PAGES)
def test_page_is_valid_html(vnu_errors, path):
    assert vnu_errors.get(file_name(path), []) == []


@pytest.mark.parametrize("name", STATIC)
def test_static_file_is_valid(vnu_errors, name):
    assert vnu_errors.get(Path(name).name, []) == []


def test_checker_reports_errors_of_an_invalid_page(vnu_errors):
    assert vnu_errors.get("broken.html")
