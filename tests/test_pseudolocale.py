"""Pseudo-localization: every visible text of every page must come from a catalog.

A throw-away language gets every msgstr transformed (letters accented, the whole
wrapped in ⟦ ⟧, placeholders and tags kept), built with the same Babel API as
`flask translate init` and `compile`. Any text on a page that is still plain ASCII
letters was never looked up in a catalog: it is hard-coded in a template or code.
"""
import re

import pytest
from babel.messages.pofile import read_po, write_po

from cde import ROOT, catalogs, create_app
from cde.i18n import language_name
from cde.pages import PAGES
from htmltext import Page
from test_content import SAME_IN_BOTH

# Esperanto stands in for the pseudo-locale: Babel only serves locales it knows.
PSEUDO = "eo"
ACCENTED = str.maketrans(
    "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ",
    "áƀçďéƒĝĥíĵķĺɱñóƥʠŕšţúṽŵẋýžÁƁÇĎÉƑĜĤÍĴĶĹṀÑÓƤǪŔŠŢÚṼŴẊÝŽ",
)
# Kept as they are: placeholders, tags and entities.
KEEP = re.compile(r"%\([^)]*\)[-#0 +]*\d*(?:\.\d+)?[a-zA-Z]|%%|%[a-zA-Z]|\{[^{}]*\}"
                  r"|<[^<>]*>|&[#a-zA-Z0-9]+;")
OPEN, CLOSE = "⟦", "⟧"


def pseudo(text: str) -> str:
    """'Home %(n)s <b>x</b>' -> '⟦Ĥóɱé %(n)s <b>ẋ</b>⟧'."""
    parts, position = [], 0
    for match in KEEP.finditer(text):
        parts.append(text[position:match.start()].translate(ACCENTED))
        parts.append(match.group(0))
        position = match.end()
    parts.append(text[position:].translate(ACCENTED))
    return OPEN + "".join(parts) + CLOSE


def test_pseudo_keeps_placeholders_and_tags():
    assert pseudo("Hi %(name)s, <a href=\"/x\">go</a> {n}") == (
        '⟦Ĥí %(name)s, <a href="/x">ĝó</a> {n}⟧')


@pytest.fixture(scope="module")
def client(tmp_path_factory):
    translations = tmp_path_factory.mktemp("translations")
    project = catalogs.Project(ROOT, translations)
    path, _ = catalogs.init(project, PSEUDO)
    with path.open("rb") as fileobj:
        catalog = read_po(fileobj, locale=PSEUDO)
    for message in catalog:
        if message.id:
            message.string = (
                tuple(pseudo(form) for form in message.id)
                if isinstance(message.id, tuple) else pseudo(message.id))
    with path.open("wb") as fileobj:
        write_po(fileobj, catalog)
    results = catalogs.compile_catalogs(project)
    # The pseudo catalog itself must be clean, or the test would prove nothing.
    assert [(r.errors, r.left_out) for r in results] == [([], [])]
    app = create_app({"TESTING": True, "TRANSLATIONS_DIR": str(translations)})
    assert PSEUDO in app.config["LANGUAGES"]
    return app.test_client()


PATHS = [page.rule(PSEUDO) for page in PAGES] + [f"/{PSEUDO}/no-such-page/"]
# Text that link previews show, besides the page itself.
PREVIEW_META = {"og:site_name", "og:title", "og:description"}


def untranslated(text: str) -> str:
    """What is left of a text node once pseudo-translated parts are removed."""
    # Whole pseudo strings go first, with any value filled into them (years, names).
    text = re.sub(f"{OPEN}[^{CLOSE}]*{CLOSE}", " ", text)
    # Inside a translated string split by tags, the pieces have no ASCII letters.
    return " ".join(re.findall(r"[A-Za-z][A-Za-z'’-]*", text))


@pytest.mark.parametrize("path", PATHS)
def test_every_visible_text_comes_from_a_catalog(client, path):
    response = client.get(path)
    assert response.status_code in (200, 404)
    page = Page(response.get_data(as_text=True))
    allowed = SAME_IN_BOTH | {language_name(lang) for lang in ("en", "es", PSEUDO)}
    previews = [m.get("content", "") for m in page.metas
                if m.get("property") in PREVIEW_META]
    leftovers = [
        text for text in page.texts + previews
        if text and text not in allowed and untranslated(text)
    ]
    assert leftovers == []
    # And the page really is in the pseudo-locale (the test cannot pass vacuously).
    assert page.title.startswith(OPEN)
    assert any(OPEN in text for text in page.texts if text != page.title)
