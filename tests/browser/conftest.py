"""A real Chromium driving the site through a real HTTP server, for the browser tests.

The session starts the app on 127.0.0.1 on a free port (SITE_URL is that address, so
canonical and alternate URLs point back at it) and launches Debian's Chromium through
Playwright; Playwright's own browser download is not used. Without a Chromium the
tests are skipped with a reason that says so, and `make test` prints a notice.
A second server, started only when a test asks for it, serves the polyglot copy of
the project (tests/conftest.py): the six UN languages, right to left included. The
translation studio's tests get a studio of their own on a scratch copy, since they save.
"""
import os
import threading
from pathlib import Path

import pytest
from werkzeug.serving import make_server

from cde import create_app
from cde.translator import catalogs
from tests.projectcopy import ES, app_for, copy_project, studio_for

CHROMIUM = Path(os.environ.get("CHROMIUM", "/usr/bin/chromium"))
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
]


def pytest_collection_modifyitems(config, items):
    """Mark every test in this folder `browser`, and skip them all without Chromium."""
    here = Path(__file__).parent
    skip = pytest.mark.skip(
        reason=f"browser tests skipped: no Chromium at {CHROMIUM} "
        "(apt-get install chromium, or run .ci/run)"
    )
    for item in items:
        if here in Path(item.path).parents:
            item.add_marker(pytest.mark.browser)
            if not CHROMIUM.exists():
                item.add_marker(skip)


class LiveServer:
    """An app served over HTTP by werkzeug in a background thread: .url and .app.

    `make_app(url)` builds the app. Port 0 lets the OS pick a free port, and the app
    is built once the port is known, so that its SITE_URL is the address the browser
    really visits.
    """

    def __init__(self, make_app):
        self._server = make_server("127.0.0.1", 0, app=None, threaded=True)
        self.url = f"http://127.0.0.1:{self._server.server_port}"
        self.app = make_app(self.url)
        self._server.app = self.app
        self._thread = threading.Thread(target=self._server.serve_forever, daemon=True)

    def __enter__(self):
        self._thread.start()
        return self

    def __exit__(self, *exc):
        self._server.shutdown()
        self._thread.join(timeout=10)
        self._server.server_close()


@pytest.fixture(scope="session")
def live_server():
    """The repository's site, running: .url (http://127.0.0.1:41234) and .app."""
    with LiveServer(lambda url: create_app({"SITE_URL": url})) as server:
        yield server


@pytest.fixture(scope="session")
def polyglot_server(polyglot):
    """The site with every UN language (the `polyglot` copy), running."""
    with LiveServer(lambda url: app_for(polyglot, SITE_URL=url)) as server:
        yield server


@pytest.fixture
def studio_server(tmp_path):
    """The translation studio on a fresh copy of the project, running: .url,
    .app and .po, the copy's Spanish catalog, which a save writes."""
    root = copy_project(tmp_path)
    catalogs.compile_catalogs(catalogs.Project(root, root / "translations"))
    with LiveServer(lambda url: studio_for(root, url)) as server:
        server.po = root / ES
        yield server


@pytest.fixture(scope="session")
def browser():
    """One headless Chromium for the whole session."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(
            executable_path=str(CHROMIUM), args=CHROMIUM_ARGS
        )
        yield chromium
        chromium.close()


@pytest.fixture
def context(browser, live_server):
    """A fresh visitor (no cookies) with the site's CSP enforced, as in production."""
    ctx = browser.new_context(
        base_url=live_server.url, viewport={"width": 1280, "height": 900}
    )
    yield ctx
    ctx.close()


@pytest.fixture
def page(context):
    """A tab of a fresh visitor."""
    return context.new_page()


@pytest.fixture
def new_tab(browser):
    """Open a fresh visitor's tab on any server and screen: new_tab(url, width=320)."""
    contexts = []

    def open_tab(base_url: str, width: int = 1280, height: int = 900, **options):
        contexts.append(browser.new_context(
            base_url=base_url, viewport={"width": width, "height": height}, **options
        ))
        return contexts[-1].new_page()

    yield open_tab
    for ctx in contexts:
        ctx.close()
