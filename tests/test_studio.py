"""The translation studio (`make translate`, cde/studio.py): every text of a page can
be picked and its translation saved, checked as `flask translate check` checks it,
from the studio's own pages only; and outside the studio none of it exists.

The browser side (picking, the panel, the keyboard) is in tests/browser/test_studio_panel.py.
"""
import difflib
import re

import pytest
from babel.messages.pofile import read_po

from cde import catalogs
from cde.export import freeze
from cde.pages import PAGES_BY_ENDPOINT
from projectcopy import ES, YEARS, app_for, replace_in

STUDIO = "http://127.0.0.1:5099"


@pytest.fixture
def studio(project):
    """A studio app on a compiled copy of the project, and the copy."""
    catalogs.compile_catalogs(catalogs.Project(project, project / "translations"))
    return app_for(project, STUDIO=True, SITE_URL=STUDIO), project


def page(app, endpoint):
    lang = app.config["DEFAULT_LANGUAGE"]
    path = PAGES_BY_ENDPOINT[endpoint].rule(lang)
    return path, app.test_client().get(path, base_url=STUDIO).get_data(as_text=True)


def picked(html, starting):
    """The ID of the text of the page that starts with `starting`."""
    return re.search(rf'data-cde-msg="(\w+)">{re.escape(starting)}', html).group(1)


def save(app, msg, translation, **headers):
    lang = app.config["DEFAULT_LANGUAGE"]
    return app.test_client().post(
        f"/_studio/api/{lang}/{msg}", json={"translation": translation},
        headers={"Origin": STUDIO, **headers}, base_url=STUDIO)


def test_every_text_of_a_page_can_be_picked(studio):
    app, _ = studio
    _, html = page(app, "about")
    assert html.count("data-cde-msg=") > 20
    meta = re.search(r'<meta name="cde-studio"[^>]*>', html).group(0)
    # The title, the description and aria-labels cannot hold an element: listed.
    assert len(re.search(r'data-hidden="([\w ]*)"', meta).group(1).split()) >= 3
    assert '<script src="/_studio/static/studio.js" defer></script>' in html
    assert not re.search("[\ue000-\ue004]", html)


def test_a_saved_translation_changes_that_msgstr_and_the_page(studio):
    app, root = studio
    _, html = page(app, "about")
    msg = picked(html, "El Instituto Nacional de Estadística y Geografía es el")
    shown = app.test_client().get(f"/_studio/api/{app.config['DEFAULT_LANGUAGE']}/"
                                  f"{msg}", base_url=STUDIO).json
    assert shown["english"].startswith("The National Institute of Statistics")
    assert shown["pages"] == [PAGES_BY_ENDPOINT["about"].rule(
        app.config["DEFAULT_LANGUAGE"])]
    before = (root / ES).read_text(encoding="utf-8")
    answer = save(app, msg, shown["translation"].replace(" organismo ", " órgano "))
    assert answer.status_code == 200 and answer.json == {"saved": True}
    after = (root / ES).read_text(encoding="utf-8")
    changed = [line for line in difflib.unified_diff(
        before.splitlines(), after.splitlines(), n=0) if line[:1] in "+-"][2:]
    assert len(changed) == 2 and "organismo" in changed[0] and "órgano" in changed[1]
    assert "es el órgano constitucional" in page(app, "about")[1]


def test_a_translation_the_check_refuses_is_kept_fuzzy_and_not_shown(studio):
    app, root = studio
    path, html = page(app, "about")
    msg = picked(html, "La UNODC y el INEGI han informado")
    good = app.test_client().get(path, base_url=STUDIO).get_data()
    mo = (root / ES).with_suffix(".mo").read_bytes()
    answer = save(app, msg, "Presentadas en %(años)s.")
    assert answer.status_code == 422
    # Kept, marked fuzzy, in the .po; the page keeps its last good text.
    with (root / ES).open("rb") as fileobj:
        entry = read_po(fileobj)[YEARS]
    assert entry.fuzzy and entry.string == "Presentadas en %(años)s."
    assert (root / ES).with_suffix(".mo").read_bytes() == mo
    assert app.test_client().get(path, base_url=STUDIO).get_data() == good
    # The same sentence as the check's for the same mistake.
    check = app.test_cli_runner().invoke(args=["translate", "check"]).stdout
    assert answer.json["problem"] in check.splitlines()


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


def test_a_form_cannot_write(studio):
    app, _ = studio
    _, html = page(app, "contact")
    answer = app.test_client().post(
        f"/_studio/api/{app.config['DEFAULT_LANGUAGE']}/{picked(html, 'Dirección')}",
        data={"translation": "x"}, headers={"Origin": STUDIO}, base_url=STUDIO)
    assert answer.status_code == 403


def exported(app, destination):
    """Every file `flask freeze` writes into `destination`, by name, with its bytes."""
    freeze(app, destination)
    return {path.relative_to(destination): path.read_bytes()
            for path in sorted(destination.rglob("*")) if path.is_file()}


def test_outside_the_studio_none_of_it_exists_and_the_export_is_the_same(
    studio, tmp_path
):
    app, root = studio
    plain = app_for(root)
    before = exported(plain, tmp_path / "build")
    page(app, "about")  # the studio at work in the same process
    save(app, picked(page(app, "contact")[1], "Dirección postal"), "Dirección postal")
    assert exported(app_for(root), tmp_path / "build") == before
    assert plain.test_client().get("/_studio/").status_code == 404
    assert not any(b"data-cde-msg" in data or b"/_studio/" in data
                   for data in before.values())


def test_the_studio_listens_on_this_machine_only(studio, monkeypatch):
    app, _ = studio
    heard = {}
    monkeypatch.setattr("werkzeug.serving.run_simple",
                        lambda host, port, *args, **kwargs: heard.update(host=host))
    app.test_cli_runner().invoke(args=["translate", "studio", "--no-browser"])
    assert heard == {"host": "127.0.0.1"}


def test_where_lists_the_pages_that_show_each_text(studio):
    app, _ = studio
    output = app.test_cli_runner().invoke(args=["translate", "where"]).stdout
    contact = PAGES_BY_ENDPOINT["contact"].rule(app.config["DEFAULT_LANGUAGE"])
    # The page, and the section it is in: the heading before it (the page's title).
    h1 = re.search(r"<h1>(.*?)</h1>", page(app, "contact")[1]).group(1)
    assert f'"Postal address": {contact} ({re.sub("<[^>]+>", "", h1)})' in (
        output.splitlines())
    assert any(line.startswith('"Method not allowed": on no page the site builds')
               for line in output.splitlines())


def test_a_catalog_broken_by_hand_meanwhile_is_named_not_overwritten(studio):
    app, root = studio
    _, html = page(app, "contact")
    replace_in(root / ES, 'msgstr "Dirección postal"', 'msgstr "Dirección postal')
    before = (root / ES).read_bytes()
    answer = save(app, picked(html, "Dirección postal"), "Domicilio postal")
    assert answer.status_code == 409
    assert answer.json["problem"].startswith(f"{ES}:")
    assert (root / ES).read_bytes() == before
