"""What the studio's panel says of a text (cde/translator/problems.py, studio.py):
every problem at once, each in one short sentence in the studio's words, with the
fix a button applies where there is one; the same problems the commands say in
their own words, file:line. And where the panel warns of length.
"""
import re

import pytest
from jinja2 import ChoiceLoader, FileSystemLoader
from babel.messages.pofile import read_po

from cde.translator import catalogs
from cde.translator.studio import message_id
from tests.projectcopy import ES, YEARS, app_for, line_of, replace_in, studio_for

STUDIO = "http://127.0.0.1:5099"
UNODC = "Oficina de las Naciones Unidas contra la Droga y el Delito"
# The paragraph on the Center's founding, which names UNODC in full.
FOUNDING = ("The Center of Excellence for Statistical Information on Government, "
            "Crime, Victimization and Justice (CdE) was created in 2010 to initiate "
            "technical cooperation activities between the United Nations Office on "
            "Drugs and Crime (UNODC) and the National Institute of Statistics and "
            "Geography of Mexico (INEGI). Its main objective is to strengthen "
            "statistical, analytical and monitoring capacities in the fields of "
            "government, victimization, public security and justice.")


@pytest.fixture
def studio(project):
    catalogs.compile_catalogs(catalogs.Project(project, project / "translations"))
    return studio_for(project, STUDIO), project


def shown(app, msgid):
    return app.test_client().get(f"/_studio/api/es/{message_id(None, msgid)}",
                                 base_url=STUDIO).json


def save(app, msgid, translation):
    return app.test_client().post(
        f"/_studio/api/es/{message_id(None, msgid)}", json={"translation": translation},
        headers={"Origin": STUDIO}, base_url=STUDIO)


def applied(text, fix):
    """What the panel's button does to the text box (problems.js applyFix), with the
    cursor at the end of the text."""
    if fix["replace"] and fix["replace"] in text:
        return text.replace(fix["replace"], fix["write"], 1)
    return text + fix["write"]


def test_a_wrong_name_and_onudd_are_both_said_each_with_its_fix(studio):
    app, root = studio
    typed = shown(app, FOUNDING)["translation"].replace(
        f"{UNODC} (UNODC)", "Oficina de Naciones Unidas contra las Drogas y el Crimen "
        "(ONUDD)")
    answer = save(app, FOUNDING, typed)
    assert answer.status_code == 422
    assert answer.json["said"] == ("Not saved: 2 problems, listed below, need mending "
                                   "first.")
    wrong = "Oficina de Naciones Unidas contra las Drogas y el Crimen"
    assert answer.json["problems"] == [
        {"kind": "forbidden_term",
         "said": f'"{wrong}" is not how this site writes it: write "{UNODC}".',
         "fix": {"replace": wrong, "write": UNODC, "label": f'Write "{UNODC}"'}},
        {"kind": "forbidden_term",
         "said": '"ONUDD" is not how this site writes it: write "UNODC".',
         "fix": {"replace": "ONUDD", "write": "UNODC", "label": 'Write "UNODC"'}},
    ]
    # The two buttons mend it: what they write is saved.
    for problem in answer.json["problems"]:
        typed = applied(typed, problem["fix"])
    assert save(app, FOUNDING, typed).json == {"saved": True}


@pytest.mark.parametrize("spanish, said, written", [
    ("de postal al 80%", "80%", "80%%"),
    ("de postal al 100 % del", "100 % del", "100 %% del"),
    ("de postal (al 100%).", "100%", "100%%"),  # named without its brackets
    ("de postal al 5 %, según", "5 %, según", "5 %%, según"),
    ("de postal al 50%% y al 50%.", "50%.", "50%%."),  # "50%" would be the first one
])
def test_a_stray_percent_sign_is_named_and_doubled_by_its_button(
        studio, spanish, said, written):
    app, _ = studio
    typed = "Dirección " + spanish
    answer = save(app, "Postal address", typed)
    assert answer.json["problems"] == [
        {"kind": "stray_percent",
         "said": f"The % in “{said}” is not a placeholder: write %% for a percent sign; "
                 "the page shows a single %.",
         "fix": {"replace": said, "write": written, "label": f'Write "{written}"'}}]
    assert save(app, "Postal address", applied(typed, answer.json["problems"][0]["fix"])
                ).json == {"saved": True}


def test_a_stray_percent_does_not_hide_the_missing_placeholder(studio):
    app, root = studio
    typed = shown(app, YEARS)["translation"].replace("%(years)s.", "%(years).")
    answer = save(app, YEARS, typed)
    assert answer.status_code == 422
    assert answer.json["problems"] == [
        # "%(" starts a placeholder: no sure fix, the words name the place.
        {"kind": "stray_percent", "fix": None,
         "said": "The % in “%(years).” is not a placeholder: write %% for a percent "
                 "sign; the page shows a single %."},
        # Inserted where the English has it, last: before the closing ")." here.
        {"kind": "missing_placeholder",
         "said": "%(years)s is missing (the site writes its value there): the button "
                 "puts it where the English has it.",
         "fix": {"replace": "", "write": "%(years)s", "label": 'Add %(years)s',
                 "at": len(typed) - len(").")}},
    ]
    # The commands say the same problems, in their words, at the entry's line.
    po = root / ES
    replace_in(po, "presentadas en %(years)s.", "presentadas en %(years).")
    with po.open("rb") as fileobj:
        line = next(m.lineno for m in read_po(fileobj) if m.id == YEARS)
    check = app_for(root).test_cli_runner().invoke(args=["translate", "check"])
    assert check.stdout.splitlines() == [
        f"{ES}:{line}: placeholders differ from the original (a % sign that is not a "
        "placeholder; write %% for a percent sign; %(years)s missing); copy every "
        f'placeholder exactly as it is in the msgid: "{YEARS}"']


@pytest.mark.parametrize("wrong, kind", [
    ("presentadas en %(years)s.", None),             # the saved text: nothing wrong
    ("presentadas en %(años)s.", "renamed_placeholder"),
    ("presentadas en <b>%(years)s</b>.", "extra_tags"),
    ("presentadas en %(years)s. La ONUDD.", "forbidden_term"),
])
def test_the_studio_says_no_path_line_nor_the_files_words(studio, wrong, kind):
    app, _ = studio
    typed = shown(app, YEARS)["translation"].replace("presentadas en %(years)s.", wrong)
    answer = save(app, YEARS, typed)
    problems = answer.json.get("problems", [])
    assert [problem["kind"] for problem in problems] == ([kind] if kind else [])
    for problem in problems:
        said = problem["said"]
        assert not re.search(r"\.po\b|:\d+|msgid|msgstr|glossary\.csv", said), said
        assert said.count(". ") == 0 and len(said) < 100, said  # one short sentence
        assert "UNODC and INEGI" not in said  # not the English repeated


def test_what_a_text_has_wrong_shows_when_it_is_opened(studio):
    app, root = studio
    replace_in(root / ES, 'msgid "Postal address"\n',
               '#, fuzzy\nmsgid "Postal address"\n')
    assert shown(app, "Postal address")["problems"] == [
        {"kind": "fuzzy", "fix": None, "said": "The English changed since this was "
         "translated: check the translation, then save it."}]
    assert shown(app, "Email")["problems"] == []


def test_a_developers_note_is_one_note_however_the_file_wraps_it(studio):
    app, _ = studio
    assert shown(app, YEARS)["notes"] == [
        'years is a list of years joined for the page\'s language, e.g. "2015, 2019 '
        'and 2022".']
    assert shown(app, "Email")["notes"] == []


def test_the_first_page_lists_the_texts_of_its_title(studio):
    app, _ = studio
    html = app.test_client().get("/es/acerca/", base_url=STUDIO).get_data(as_text=True)
    meta = re.search(r'<meta name="cde-studio"[^>]*>', html).group(0)
    titled = re.search(r'data-title="([^"]*)"', meta).group(1).split()
    assert titled == [message_id(None, "About the Center of Excellence"),
                      message_id(None, "UNODC-INEGI Center of Excellence")]
    hidden = re.search(r'data-hidden="([^"]*)"', meta).group(1).split()
    assert set(titled) <= set(hidden)


@pytest.mark.parametrize("msgid, short", [
    ("About", {"limit": 19, "where": "in the navigation"}),     # a menu label
    ("About the Center of Excellence", {"limit": 57, "where": "in the page's title"}),
    ("Postal address", None),                                   # a heading
    (FOUNDING, None),                                           # a paragraph
])
def test_the_panel_knows_where_length_matters_from_where_the_text_shows(
        studio, msgid, short):
    app, _ = studio
    assert shown(app, msgid)["short"] == short


def test_a_text_a_template_puts_in_a_button_is_short_too(studio):
    # Nothing lists "buttons": the place is read from the page, so a new button's
    # label is one where length matters without a word of configuration.
    app, root = studio
    replace_in(root / "templates" / "contact.html", '<h2>{{ _("Email") }}</h2>',
               '<h2><button type="button">{{ _("Email") }}</button></h2>')
    # The copy's templates first, then the app's own (the studio's among them).
    app.jinja_env.loader = ChoiceLoader([FileSystemLoader(root / "templates"),
                                         app.jinja_env.loader])
    assert shown(app, "Email")["short"] == {"limit": 19, "where": "on a button"}


def test_a_missing_placeholder_is_added_where_the_english_has_it(studio):
    """Not at the cursor, which may be anywhere after another fix: the English has
    %(years)s last, so the button puts it before the full stop."""
    app, _ = studio
    typed = shown(app, YEARS)["translation"].replace(" %(years)s.", ".")
    problem, = save(app, YEARS, typed).json["problems"]
    assert problem["fix"]["at"] == len(typed) - len(".")
