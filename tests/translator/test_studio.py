"""The translation studio (`make translate`, cde/translator/studio.py): every text of
a page can be picked and its translation saved, checked as `flask translate check`
checks it, from the studio's own pages only; and outside the studio none of it exists.

The browser side (picking, the panel, the keyboard): tests/browser/test_studio_panel.py.
"""
import difflib
import re

import pytest
from babel.messages.pofile import read_po, write_po

from cde.translator import catalogs, studio as translation_studio
from cde.export.freeze import freeze
from cde.translator.studio import message_id
from tests.htmltext import HtmlText
from cde.pages import PAGES_BY_ENDPOINT
from tests.projectcopy import ES, app_for, line_of, replace_in, studio_for

STUDIO = "http://127.0.0.1:5099"


@pytest.fixture
def studio(project):
    """A studio app on a compiled copy of the project, and the copy."""
    catalogs.compile_catalogs(catalogs.Project(project, project / "translations"))
    return studio_for(project, STUDIO), project


def page(app, endpoint):
    lang = app.config["DEFAULT_LANGUAGE"]
    path = PAGES_BY_ENDPOINT[endpoint].rule(lang)
    return path, app.test_client().get(path, base_url=STUDIO).get_data(as_text=True)


def html_text(html):
    """A page's or a translation's words, one space between them."""
    return " ".join(" ".join(HtmlText(f"<p>{html}</p>").texts).split())


def picked(html, starting):
    """The ID of the text of the page that starts with `starting`."""
    return re.search(rf'data-cde-msg="(\w+)">{re.escape(starting)}', html).group(1)


def save(app, msg, translation, was=None, **headers):
    lang = app.config["DEFAULT_LANGUAGE"]
    sent = {"translation": translation, **({"was": was} if was is not None else {})}
    return app.test_client().post(
        f"/_studio/api/{lang}/{msg}", json=sent,
        headers={"Origin": STUDIO, **headers}, base_url=STUDIO)


@pytest.mark.parametrize("endpoint", list(PAGES_BY_ENDPOINT))
def test_every_translated_text_of_a_page_can_be_picked(studio, endpoint):
    app, root = studio
    path, html = page(app, endpoint)
    plain = app_for(root, SITE_URL=STUDIO).test_client().get(
        path, base_url=STUDIO).get_data(as_text=True)
    # Without the studio's spans and head, the page is the site's own, byte for byte.
    head = re.search(r'<link rel="stylesheet" href="/_studio/.*?>(?=</head>)', html,
                     re.S).group(0)
    bare = re.sub(r'<span data-cde-msg="\w+">((?:(?!<span data-cde-msg).)*?)</span>',
                  r"\1", html.replace(head, ""), flags=re.S)
    while bare != (bare := re.sub(r'<span data-cde-msg="\w+">(.*?)</span>', r"\1",
                                  bare, flags=re.S)):
        pass
    assert bare == plain
    # Every text the page shows is among the pickable ones: visible, or listed
    # (the <title>, descriptions, labels of screen readers).
    with (root / ES).open("rb") as fileobj:
        catalog = read_po(fileobj)
    ids = set(re.findall(r'data-cde-msg="(\w+)"', html)) | set(re.search(
        r'data-hidden="([\w ]*)"', html).group(1).split())
    shown = {message_id(m.context, m.id) for m in catalog
             if m.id and m.string and html_text(m.string) in html_text(plain)}
    assert shown <= ids
    assert not re.search("[\ue000-\ue004]", html)


def test_a_saved_translation_changes_that_msgstr_and_the_page(studio):
    app, root = studio
    _, html = page(app, "about")
    msg = picked(html, "El Instituto Nacional de Estadística y Geografía es el")
    shown = app.test_client().get(f"/_studio/api/{app.config['DEFAULT_LANGUAGE']}/"
                                  f"{msg}", base_url=STUDIO).json
    assert shown["english"].startswith("The National Institute of Statistics")
    assert [place["path"] for place in shown["pages"]] == [
        PAGES_BY_ENDPOINT["about"].rule(app.config["DEFAULT_LANGUAGE"])]
    before = (root / ES).read_text(encoding="utf-8")
    answer = save(app, msg, shown["translation"].replace(" organismo ", " órgano "))
    assert answer.status_code == 200 and answer.json == {"saved": True}
    after = (root / ES).read_text(encoding="utf-8")
    changed = [line for line in difflib.unified_diff(
        before.splitlines(), after.splitlines(), n=0) if line[:1] in "+-"][2:]
    assert len(changed) == 2 and "organismo" in changed[0] and "órgano" in changed[1]
    assert "es el órgano constitucional" in page(app, "about")[1]


def test_the_panel_says_where_a_text_is_by_page_name_and_section_never_by_file(studio):
    """A translator knows a page by its name in the menu and a part of it by its
    section; `templates/about.html:116` means nothing to them (the commands keep
    file:line). A heading is in its own section, not in the table of contents above
    it, which repeats it."""
    app, root = studio
    lang = app.config["DEFAULT_LANGUAGE"]
    _, html = page(app, "about")
    client = app.test_client()
    heading = "¿Qué instituciones respaldan las actividades del Centro de Excelencia?"
    # The heading right above a paragraph, however small (INEGI's is an <h3>).
    for text, section in [("El Instituto Nacional de Estadística y Geografía es el", "INEGI"),
                          (heading, heading)]:
        shown = client.get(f"/_studio/api/{lang}/{picked(html, text)}",
                           base_url=STUDIO).json
        assert shown["pages"] == [{"path": PAGES_BY_ENDPOINT["about"].rule(lang),
                                   "name": "Acerca del Centro", "section": section}]
    # No text of any page carries a file of the site's code to the panel.
    for endpoint in PAGES_BY_ENDPOINT:
        for each in set(re.findall(r'data-cde-msg="(\w+)"', page(app, endpoint)[1])):
            data = client.get(f"/_studio/api/{lang}/{each}", base_url=STUDIO)
            assert "locations" not in data.json
            assert not re.search(r"templates/|\.html:\d|\.py:\d", data.get_data(
                as_text=True)), (endpoint, data.json)


@pytest.mark.parametrize("typed, said", [
    ("presentadas en %(años)s.",
     ["%(años)s should be %(years)s, as in the English."]),
    ("", ["Not translated yet: the site shows the English."]),
])
def test_a_translation_the_check_refuses_is_not_saved(studio, typed, said):
    app, root = studio
    path, html = page(app, "about")
    po = (root / ES).read_bytes()
    msg = picked(html, "La UNODC y el INEGI han informado")
    shown = app.test_client().get(f"/_studio/api/es/{msg}", base_url=STUDIO).json
    typed = typed and shown["translation"].replace("presentadas en %(years)s.", typed)
    answer = save(app, msg, typed)
    assert answer.status_code == 422
    assert answer.json["said"] == ("Not saved: 1 problem, listed below, needs mending "
                                   "first.")
    assert [problem["said"] for problem in answer.json["problems"]] == said
    assert (root / ES).read_bytes() == po
    # Another text saved afterwards: the refused one's last good text stays.
    save(app, picked(html, "El Instituto Nacional de Estadística y Geografía es el"),
         "El INEGI es el organismo.")
    assert "La UNODC y el INEGI han informado" in page(app, "about")[1]


def test_after_a_conflict_the_page_shows_the_files_text(studio):
    app, root = studio
    _, html = page(app, "contact")
    # Changed in the file while the panel showed "Dirección postal".
    replace_in(root / ES, 'msgstr "Dirección postal"', 'msgstr "Domicilio postal"')
    before = (root / ES).read_bytes()
    answer = save(app, picked(html, "Dirección postal"), "Dirección de correo",
                  was="Dirección postal")
    assert answer.status_code == 409
    assert answer.json["conflict"] is True
    assert answer.json["translation"] == "Domicilio postal"
    assert (root / ES).read_bytes() == before
    # Reloaded, the page shows the file's text, not the one compiled before.
    assert "Domicilio postal" in page(app, "contact")[1]


def test_a_catalog_edited_by_hand_shows_on_the_next_page(studio):
    app, root = studio
    assert "Dirección postal" in page(app, "contact")[1]
    replace_in(root / ES, 'msgstr "Dirección postal"', 'msgstr "Domicilio postal"')
    assert "Domicilio postal" in page(app, "contact")[1]


@pytest.mark.parametrize("headers, status", [
    ({"Origin": "http://evil.example"}, 403),     # another site's form or script
    ({"Origin": "null"}, 403),
    ({"Host": "evil.example"}, 400),              # DNS rebinding
])
def test_the_studio_takes_writes_from_its_own_pages_only(studio, headers, status):
    app, root = studio
    _, html = page(app, "contact")
    before = (root / ES).read_bytes()
    answer = save(app, picked(html, "Dirección postal"), "x", **headers)
    assert answer.status_code == status
    assert not re.search("[\ue000-\ue004]", answer.get_data(as_text=True))
    assert (root / ES).read_bytes() == before


@pytest.mark.parametrize("body, headers", [
    ({"data": {"translation": "x"}}, {"Origin": STUDIO}),  # a form
    ({"data": '{"translation": "x"}', "content_type": "text/plain"},
     {"Origin": STUDIO}),                                   # no preflight needed
    ({"json": {"translation": "x"}}, {}),                   # no Origin
])
def test_only_json_from_the_studios_own_pages_can_write(studio, body, headers):
    app, root = studio
    _, html = page(app, "contact")
    before = (root / ES).read_bytes()
    answer = app.test_client().post(
        f"/_studio/api/{app.config['DEFAULT_LANGUAGE']}/{picked(html, 'Dirección')}",
        headers=headers, base_url=STUDIO, **body)
    assert answer.status_code == 403
    assert (root / ES).read_bytes() == before


def test_the_studio_is_never_on_by_a_setting_nor_in_production(project, monkeypatch):
    catalogs.compile_catalogs(catalogs.Project(project, project / "translations"))
    monkeypatch.setenv("FLASK_STUDIO", "1")
    app = app_for(project, STUDIO=True)
    assert app.test_client().get("/_studio/").status_code == 404
    for config in ({"PRODUCTION": True, "SITE_URL": "http://127.0.0.1:5099"},
                   {"SITE_URL": "https://cde.example.org"}):
        with pytest.raises(RuntimeError, match="this machine's own address only"):
            translation_studio.init_app(app_for(project, **config))


def exported(app, destination):
    """Every file of the release `flask freeze` writes into `destination`, by name,
    with its bytes; the release's own folder, which the configuration names, is
    written as RELEASE."""
    freeze(app, destination)
    release = (destination / "current").resolve()
    return {path.relative_to(release): path.read_bytes().replace(
                str(release).encode(), b"RELEASE")
            for path in sorted(release.rglob("*")) if path.is_file()}


def test_outside_the_studio_none_of_it_exists_and_the_export_is_the_same(
    studio, tmp_path
):
    app, root = studio
    plain = app_for(root)
    before = exported(plain, tmp_path / "before")
    page(app, "about")  # the studio at work in the same process
    save(app, picked(page(app, "contact")[1], "Dirección postal"), "Dirección postal")
    assert exported(app_for(root), tmp_path / "after") == before
    assert plain.test_client().get("/_studio/").status_code == 404
    assert not any(b"data-cde-msg" in data or b"/_studio/" in data
                   for data in before.values())


def test_where_lists_the_pages_that_show_each_text(studio):
    app, _ = studio
    output = app.test_cli_runner().invoke(args=["translate", "where"]).stdout
    contact = PAGES_BY_ENDPOINT["contact"].rule(app.config["DEFAULT_LANGUAGE"])
    # The page, and the section it is in: a heading opens its own.
    line = next(line for line in output.splitlines()
                if line.startswith('"Postal address": '))
    assert f'{contact} (Dirección postal)' in line
    assert any(line.startswith('"Request not allowed": on no page the site builds')
               for line in output.splitlines())


def test_a_catalog_broken_by_hand_meanwhile_is_named_not_overwritten(studio):
    app, root = studio
    _, html = page(app, "contact")
    replace_in(root / ES, 'msgstr "Dirección postal"', 'msgstr "Dirección postal')
    line = line_of(root / ES, 'msgstr "Dirección postal')
    before = (root / ES).read_bytes()
    answer = save(app, picked(html, "Dirección postal"), "Domicilio postal")
    assert answer.status_code == 409
    # The file and the line to open in an editor, in a sentence.
    assert answer.json["said"] == (
        f'Line {line} of {ES}: the closing double quote (") is missing at the end of '
        "the line. Correct it in a text editor, then reload this page.")
    assert (root / ES).read_bytes() == before
