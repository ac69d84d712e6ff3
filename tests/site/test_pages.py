"""Every page, in every language: status, language, title, alternates, switcher, nav."""
import pytest
from babel.lists import format_list

from cde.pages import PAGES, PAGES_BY_ENDPOINT
from tests.htmltext import HtmlText
from tests.languages import LANGUAGES, WRITTEN, translated
from tests.servers import HOST, SITE

# The English title of each page, before " | " and the site's name.
TITLES = {
    "home": "Home",
    "about": "About the Center of Excellence",
    "contact": "Contact",
}
EVERY_PAGE = [
    pytest.param(page, lang, id=page.rule(lang)) for page in PAGES for lang in LANGUAGES
]


@pytest.mark.parametrize("page, lang", EVERY_PAGE)
def test_page_answers_in_its_language(app, client, page, lang):
    response = client.get(page.rule(lang))
    assert response.status_code == 200
    assert response.headers["Content-Language"] == WRITTEN[lang].tag
    html = HtmlText(response.get_data(as_text=True))
    assert html.html_lang == WRITTEN[lang].tag
    assert html.html_dir == WRITTEN[lang].dir
    assert html.title.startswith(translated(app, lang, TITLES[page.endpoint]) + " | ")


@pytest.mark.parametrize("page, lang", EVERY_PAGE)
def test_page_lists_absolute_alternates_for_every_language(client, page, lang):
    html = HtmlText(client.get(page.rule(lang)).get_data(as_text=True))
    assert html.alternates() == {
        **{WRITTEN[other].tag: SITE + page.rule(other) for other in LANGUAGES},
        "x-default": SITE + "/",
    }
    assert html.canonical() == SITE + page.rule(lang)


@pytest.mark.parametrize("page, lang", EVERY_PAGE)
def test_switcher_leads_to_the_same_page_in_each_other_language(client, page, lang):
    html = HtmlText(client.get(page.rule(lang)).get_data(as_text=True))
    switch = [
        (a["href"], a["text"], a["hreflang"], a["lang"], a["dir"])
        for a in html.anchors if "hreflang" in a
    ]
    # Each language is named in itself, and marked so: lang, dir and hreflang.
    assert switch == [
        (page.rule(other), WRITTEN[other].name, WRITTEN[other].tag,
         WRITTEN[other].tag, WRITTEN[other].dir)
        for other in LANGUAGES if other != lang
    ]


@pytest.mark.parametrize("page, lang", EVERY_PAGE)
def test_navigation_links_every_page_and_marks_the_current_one(client, page, lang):
    html = HtmlText(client.get(page.rule(lang)).get_data(as_text=True))
    hrefs = {a["href"] for a in html.anchors}
    assert {other.rule(lang) for other in PAGES} <= hrefs
    current = [a["href"] for a in html.anchors if a.get("aria-current") == "page"]
    assert current == [page.rule(lang)]


@pytest.mark.parametrize("page, lang", EVERY_PAGE)
def test_visiting_a_page_remembers_its_language(client, page, lang):
    client.get(page.rule(lang))
    assert client.get_cookie("lang", domain=HOST).value == lang


@pytest.mark.parametrize("page, lang", EVERY_PAGE)
def test_head_is_get_without_a_body(client, page, lang):
    get = client.get(page.rule(lang))
    head = client.head(page.rule(lang))
    assert head.status_code == 200 and head.data == b""
    assert sorted(head.headers.keys()) == sorted(get.headers.keys())
    for name in ("Content-Type", "Content-Length", "Content-Language", "ETag"):
        assert head.headers.get(name) == get.headers.get(name), name


def test_options_lists_the_allowed_methods_with_no_body(client):
    response = client.options(PAGES[0].rule(LANGUAGES[0]))
    assert response.status_code == 200
    assert {"GET", "HEAD"} <= {m.strip() for m in response.headers["Allow"].split(",")}
    assert response.data == b""


def test_options_and_wrong_methods_do_not_change_the_remembered_language(client):
    client.get("/en/about/")
    client.options("/es/acerca/")
    client.post("/es/acerca/")
    assert client.get_cookie("lang", domain=HOST).value == "en"


@pytest.mark.parametrize("lang", LANGUAGES)
def test_years_are_joined_as_each_language_does(client, lang):
    # "2015, 2019 y 2022" in Spanish (CLDR); English as the UN writes it, CLDR's
    # international English: "2015, 2019 and 2022", no comma before "and".
    about = PAGES_BY_ENDPOINT["about"].rule(lang)
    text = HtmlText(client.get(about).get_data(as_text=True)).text
    locale = "en_001" if lang == "en" else WRITTEN[lang].tag.replace("-", "_")
    assert format_list(["2015", "2019", "2022"], locale=locale) in text


def test_about_page_has_breadcrumbs_and_table_of_contents(client):
    page = HtmlText(client.get("/en/about/").get_data(as_text=True))
    assert "Home / About the Center of Excellence" in " / ".join(page.texts)
    fragments = [a["href"] for a in page.anchors if a["href"].startswith("#")]
    assert fragments[1:] == ["#what-is", "#activities", "#institutions",
                             "#beneficiaries", "#framework"]
    html = client.get("/en/about/").get_data(as_text=True)
    for fragment in fragments[1:]:
        assert f'id="{fragment[1:]}"' in html


def test_contact_page_has_address_and_mailto(client):
    page = HtmlText(client.get("/es/contacto/").get_data(as_text=True))
    assert "Patriotismo 711, Colonia San Juan Mixcoac, Del. Benito Juárez," in page.texts
    mailto = "mailto:unodc-mexico.cde.estadistica@un.org"
    assert any(a["href"] == mailto for a in page.anchors)


def test_the_title_table_covers_every_page_of_the_site():
    # A page added to cde/pages.py must get its expected title here.
    assert set(TITLES) == set(PAGES_BY_ENDPOINT)


def test_every_language_is_written_out():
    # A language added to translations/ gets its row in tests/languages.py's WRITTEN:
    # its tag, direction and name as CLDR writes them.
    assert set(LANGUAGES) <= set(WRITTEN)
