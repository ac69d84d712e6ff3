"""`flask translate check` against the termbase (translations/glossary.csv): a name or
term written otherwise is reported with the site's own, whatever its capitals,
accents or inflection.
"""
import pytest
from babel.messages.pofile import read_po

from tests.projectcopy import ES, check


def break_term(project, right, wrong):
    """Write `wrong` for the first `right` of the Spanish catalog; the line and msgid
    of that entry, where check reports it."""
    po = project / ES
    po.write_text(po.read_text(encoding="utf-8").replace(right, wrong, 1),
                  encoding="utf-8")
    with po.open("rb") as fileobj:
        entry = next(m for m in read_po(fileobj) if m.id and wrong in " ".join(
            m.string.split()))
    return entry.lineno, entry.id


@pytest.mark.parametrize("right, wrong, what", [
    # A forbidden variant of an official name, and of a usual term.
    ("Oficina de las Naciones Unidas contra la Droga y el Delito",
     "Oficina de Naciones Unidas contra las Drogas y el Crimen",
     '"Oficina de Naciones Unidas contra las Drogas y el Crimen" is not how this site '
     'writes it: write "Oficina de las Naciones Unidas contra la Droga y el Delito" '
     "(translations/glossary.csv)"),
    ("los asociados", "los socios", '"socios" is not how this site writes it: write '
     '"asociados" (translations/glossary.csv)'),
    # A required term left out.
    ("asistencia técnica", "ayuda técnica", '"technical assistance" is "asistencia '
     'técnica" in this language (translations/glossary.csv); write it so'),
])
def test_a_term_written_otherwise_than_the_termbase_is_reported(
    project, right, wrong, what
):
    line, msgid = break_term(project, right, wrong)
    assert check(project) == (1, [f'{ES}:{line}: {what}: "{msgid}"'])


def test_the_termbase_takes_any_capitals_accents_or_inflection(project):
    break_term(project, "los asociados", "las Asociadas")
    break_term(project, "asistencia técnica", "Asistencia Tecnica")
    assert check(project)[0] == 0
