"""Pseudo-localization: every visible text of every page must come from a catalog.

A language the site does not have is added next to the real catalogs, as a
translator would (`flask translate init`), with every msgstr pseudo-translated by
tests/pseudo.py (letters accented, the whole wrapped in ⟦ ⟧, placeholders and tags
kept) and compiled. Any text on its pages that is still plain ASCII letters was
never looked up in a catalog: it is hard-coded in a template or code.
"""
import re
import shutil

import pytest

from cde import ROOT, create_app
from cde.translator import catalogs
from cde.i18n import language_name
from cde.pages import PAGES
from tests.htmltext import HtmlText
from tests.languages import language_without_catalog
from tests.pseudo import CLOSE, OPEN, fill, pseudo
from tests.site.test_content import SAME_IN_BOTH

PSEUDO = language_without_catalog()
PATHS = [(page.rule(PSEUDO), 200) for page in PAGES] + [
    (f"/{PSEUDO}/no-such-page/", 404)
]
# Text that link previews show, besides the page itself.
PREVIEW_META = {"og:site_name", "og:title", "og:description"}


def test_pseudo_keeps_placeholders_and_tags():
    assert pseudo("Hi %(name)s, <a href=\"/x\">go</a> {n}") == (
        '⟦Ĥí %(name)s, <a href="/x">ĝó</a> {n}⟧')


@pytest.fixture(scope="module")
def app(tmp_path_factory):
    """The site with its own languages and the pseudo-translated one."""
    translations = tmp_path_factory.mktemp("translations")
    shutil.copytree(ROOT / "translations", translations, dirs_exist_ok=True,
                    ignore=shutil.ignore_patterns("*.mo"))
    project = catalogs.Project(ROOT, translations)
    path, _ = catalogs.init(project, PSEUDO)
    assert fill(path) > 0
    results = catalogs.compile_catalogs(project)
    # Every catalog must compile clean, or the test would prove nothing.
    assert [(r.errors, r.left_out) for r in results] == [([], [])] * len(results)
    app = create_app({"TESTING": True, "TRANSLATIONS_DIR": str(translations)})
    assert PSEUDO in app.config["LANGUAGES"]
    return app


def untranslated(text: str) -> str:
    """What is left of a text node once pseudo-translated parts are removed."""
    # Whole pseudo strings go first, with any value filled into them (years, names).
    text = re.sub(f"{OPEN}[^{CLOSE}]*{CLOSE}", " ", text)
    # Inside a translated string split by tags, the pieces have no ASCII letters.
    return " ".join(re.findall(r"[A-Za-z][A-Za-z'’-]*", text))


@pytest.mark.parametrize("path, status", PATHS)
def test_every_visible_text_comes_from_a_catalog(app, path, status):
    response = app.test_client().get(path)
    assert response.status_code == status
    page = HtmlText(response.get_data(as_text=True))
    # The switcher names every language in that language: no catalog translates it.
    endonyms = {language_name(lang) for lang in app.config["LANGUAGES"]}
    previews = [m.get("content", "") for m in page.metas
                if m.get("property") in PREVIEW_META]
    leftovers = [
        text for text in page.texts + previews
        if text and text not in SAME_IN_BOTH | endonyms and untranslated(text)
    ]
    assert leftovers == []
    # And the page really is in the pseudo-locale (the test cannot pass vacuously).
    assert page.title.startswith(OPEN)
    assert any(OPEN in text for text in page.texts if text != page.title)
