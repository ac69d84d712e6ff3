"""The translators' commands and the studio speak the translator's language
(cde/translator/tool_language.py): Spanish when the locale says so, English otherwise
or when the tool's catalog fails.

tests/conftest.py sets LANGUAGE=en for every test; these set it to hear Spanish.
"""
import html
import json
import re
from pathlib import Path

import pytest
from babel.messages.extract import extract_from_dir
from babel.messages.pofile import read_po

from cde import ROOT
from cde.translator import catalogs, tool_language
from cde.translator.studio import message_id
from tests.htmltext import HtmlText
from tests.projectcopy import ES, YEARS, app_for, line_of, replace_in, studio_for

SPANISH = tool_language.LOCALE_DIR / "es" / "LC_MESSAGES" / "translate.po"
STUDIO = "http://127.0.0.1:5099"


@pytest.fixture
def tool_catalogs():
    """Each test reads the tool's catalogs afresh, and leaves none cached behind."""
    tool_language._catalog.cache_clear()
    yield
    tool_language._catalog.cache_clear()


def run(project, *args):
    """`flask translate ARGS` on the copy: exit code, standard output and error."""
    result = app_for(project).test_cli_runner().invoke(args=["translate", *args])
    return result.exit_code, result.stdout.splitlines(), result.stderr.splitlines()


def break_closing_quote(project):
    """The Spanish of "Postal address" without its closing quote; its line."""
    po = project / ES
    replace_in(po, 'msgstr "Dirección postal"\n', 'msgstr "Dirección postal\n')
    return line_of(po, 'msgstr "Dirección postal')


@pytest.mark.usefixtures("tool_catalogs")
def test_check_and_status_speak_spanish_to_a_spanish_speaking_translator(
        project, monkeypatch):
    monkeypatch.setenv("LANGUAGE", "es_MX.UTF-8")  # Mexican Spanish: the es catalog
    total = len([m for m in read_po((project / ES).open("rb")) if m.id])
    replace_in(project / ES, "presentadas en %(years)s.", "presentadas en %(años)s.")
    assert run(project, "status", "es")[1] == [
        f"Español (es): {100 * (total - 1) // total}% completado. {total - 1} de "
        f"{total} textos traducidos, 0 por revisar (fuzzy), 1 que una revisión "
        "rechaza, 0 aún sin traducir."]
    replace_in(project / ES, "presentadas en %(años)s.", "presentadas en %(years)s.")
    line = break_closing_quote(project)
    assert run(project, "check", "es") == (1, [
        f'{ES}:{line}: no se puede leer: faltan las comillas dobles de cierre (") al '
        "final de la línea"], [
        "Se encontró 1 problema. TRANSLATING.md explica cada tipo de problema y cómo "
        "corregirlo."])


@pytest.mark.usefixtures("tool_catalogs")
def test_the_studio_speaks_spanish_to_a_spanish_speaking_translator(
        project, monkeypatch):
    monkeypatch.setenv("LANGUAGE", "es")
    catalogs.compile_catalogs(catalogs.Project(project, project / "translations"))
    app = studio_for(project, STUDIO)
    client = app.test_client()
    start = HtmlText(client.get("/_studio/", base_url=STUDIO).get_data(as_text=True))
    assert start.html_lang == "es"
    assert start.title == "Estudio de traducción"
    assert "No hay nada pendiente en este idioma." in start.texts
    assert "Español (es)" in start.texts
    page = client.get("/es/acerca/", base_url=STUDIO).get_data(as_text=True)
    words = json.loads(html.unescape(
        re.search(r'data-labels="([^"]*)"', page).group(1)))
    assert (words["lang"], words["open"], words["save"]) == (
        "es", "Traducir esta página", "Guardar")
    years = message_id(None, YEARS)
    typed = client.get(f"/_studio/api/es/{years}", base_url=STUDIO).json[
        "translation"].replace("%(years)s.", "%(years).")
    answer = client.post(f"/_studio/api/es/{years}", json={"translation": typed},
                         headers={"Origin": STUDIO}, base_url=STUDIO).json
    assert answer["said"] == ("No se guardó: primero debe corregir 2 problemas, que "
                              "se indican abajo.")
    assert [(p["said"], p["fix"] and p["fix"]["label"])
            for p in answer["problems"]] == [
        ("El signo % en «%(years).» no es un marcador de posición: escriba %% para "
         "obtener el signo de porcentaje; la página muestra un solo %.", None),
        ("Falta %(years)s (el sitio escribe su valor en ese lugar): el botón lo pone "
         "donde lo tiene el texto en inglés.",
         'Agregar %(years)s')]


def fields_of(texts) -> set[str]:
    return set().union(*map(tool_language.fields, texts))


def test_every_message_of_the_tool_has_its_spanish_with_the_same_fields():
    # What keeps a developer from adding a message a Spanish speaker reads in English.
    with SPANISH.open("rb") as fileobj:
        spanish = read_po(fileobj)
    wrong = []
    desk = Path("cde", "translator")
    for path, line, msgid, _, _ in extract_from_dir(
            ROOT / desk, [("**.py", "python")], keywords=tool_language.TOOL_TEXTS.keywords):
        msgids = msgid if isinstance(msgid, tuple) else (msgid,)
        entry = spanish.get(msgids[0])
        forms = entry and (entry.string if entry.pluralizable else (entry.string,))
        if not entry or entry.fuzzy or not all(forms):
            wrong.append(f"{desk / path}:{line}: no Spanish: {msgids[0]!r}")
        elif any(fields_of([form]) != fields_of(msgids) for form in forms):
            wrong.append(f"{desk / path}:{line}: the Spanish has other {{fields}} "
                         f"than {msgids[0]!r}")
    assert not wrong, "\n".join([*wrong, "Refresh and translate the tool's catalog: "
                                 "cde/translator/tool_language.py says how."])


SPOILT = """msgid ""
msgstr ""
"Language: es\\n"

msgid "cannot be read: {problem}"
msgstr "no se puede leer: {problema}"
"""


@pytest.mark.parametrize("catalog", [
    None,                      # missing: no Spanish for the tool yet
    b"\xff\xfe\x00garbage",    # not a .po at all
    SPOILT.encode(),           # a {field} the code does not fill in
], ids=["missing", "unreadable", "wrong field"])
@pytest.mark.usefixtures("tool_catalogs")
def test_a_missing_or_broken_tool_catalog_leaves_the_tool_in_english(
        project, monkeypatch, tmp_path, catalog):
    monkeypatch.setenv("LANGUAGE", "es")
    monkeypatch.setattr(tool_language, "LOCALE_DIR", tmp_path / "locale")
    if catalog is not None:
        po = Path(tmp_path / "locale" / "es" / "LC_MESSAGES" / "translate.po")
        po.parent.mkdir(parents=True)
        po.write_bytes(catalog)
    line = break_closing_quote(project)
    code, output, _ = run(project, "check")
    assert (code, output) == (1, [
        f'{ES}:{line}: cannot be read: the closing double quote (") is missing at the '
        "end of the line"])
