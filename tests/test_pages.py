"""Every page, in both languages: status, language, title, alternates, switcher, nav."""
import pytest

from cde.pages import PAGES_BY_ENDPOINT
from htmltext import Page

SITE = "https://cde.example.org"

# (endpoint, English path, Spanish path, English title, Spanish title)
PAGES = [
    ("home", "/en/", "/es/", "Home", "Inicio"),
    ("about", "/en/about/", "/es/acerca/",
     "About the Center of Excellence", "Acerca del Centro de Excelencia"),
    ("contact", "/en/contact/", "/es/contacto/", "Contact", "Contacto"),
]
BY_LANGUAGE = [
    pytest.param(lang, path, other, title, id=path)
    for _, en, es, en_title, es_title in PAGES
    for lang, path, other, title in (("en", en, es, en_title), ("es", es, en, es_title))
]


@pytest.mark.parametrize("lang, path, counterpart, title", BY_LANGUAGE)
def test_page_answers_in_its_language(client, lang, path, counterpart, title):
    response = client.get(path)
    assert response.status_code == 200
    assert response.headers["Content-Language"] == lang
    page = Page(response.get_data(as_text=True))
    assert page.html_lang == lang
    assert page.title.startswith(title + " | ")


@pytest.mark.parametrize("lang, path, counterpart, title", BY_LANGUAGE)
def test_page_lists_absolute_alternates_for_every_language(client, lang, path, counterpart, title):
    page = Page(client.get(path).get_data(as_text=True))
    en, es = (path, counterpart) if lang == "en" else (counterpart, path)
    assert page.alternates() == {
        "en": SITE + en,
        "es": SITE + es,
        "x-default": SITE + "/",
    }
    assert page.canonical() == SITE + path


@pytest.mark.parametrize("lang, path, counterpart, title", BY_LANGUAGE)
def test_switcher_leads_to_the_same_page_in_the_other_language(
    client, lang, path, counterpart, title
):
    page = Page(client.get(path).get_data(as_text=True))
    switch = [a for a in page.anchors if "hreflang" in a]
    other = "es" if lang == "en" else "en"
    assert [(a["href"], a["hreflang"], a["lang"]) for a in switch] == [
        (counterpart, other, other)
    ]
    assert switch[0]["text"] == {"en": "English", "es": "Español"}[other]
    # And the counterpart really is that page.
    assert client.get(counterpart).status_code == 200


@pytest.mark.parametrize("lang, path, counterpart, title", BY_LANGUAGE)
def test_navigation_marks_the_current_page_only(client, lang, path, counterpart, title):
    page = Page(client.get(path).get_data(as_text=True))
    current = [a["href"] for a in page.anchors if a.get("aria-current") == "page"]
    assert current == [path]


@pytest.mark.parametrize("lang, path, counterpart, title", BY_LANGUAGE)
def test_visiting_a_page_remembers_its_language(client, lang, path, counterpart, title):
    client.get(path)
    cookie = client.get_cookie("lang")
    assert cookie.value == lang
    assert cookie.http_only
    assert cookie.same_site == "Lax"


def test_about_page_has_breadcrumbs_and_table_of_contents(client):
    page = Page(client.get("/en/about/").get_data(as_text=True))
    assert "Home / About the Center of Excellence" in " / ".join(page.texts)
    fragments = [a["href"] for a in page.anchors if a["href"].startswith("#")]
    assert fragments[1:] == ["#what-is", "#activities", "#institutions",
                             "#beneficiaries", "#framework"]
    html = client.get("/en/about/").get_data(as_text=True)
    for fragment in fragments[1:]:
        assert f'id="{fragment[1:]}"' in html


def test_contact_page_has_address_and_mailto(client):
    page = Page(client.get("/es/contacto/").get_data(as_text=True))
    assert "Patriotismo 711, Colonia San Juan Mixcoac, Del. Benito Juárez," in page.texts
    assert any(a["href"] == "mailto:unodc-mexico.cde.estadistica@un.org" for a in page.anchors)


@pytest.mark.parametrize("path", ["/en/", "/en/about/", "/en/contact/"])
def test_home_and_pages_link_into_the_rest_of_the_site(client, path):
    hrefs = {a["href"] for a in Page(client.get(path).get_data(as_text=True)).anchors}
    assert {"/en/", "/en/about/", "/en/contact/"} <= hrefs


def test_years_are_joined_as_each_language_does(client):
    assert "updates in 2015, 2019, and 2022." in client.get("/en/about/").get_data(as_text=True)
    assert "actualizaciones de 2015, 2019 y 2022." in client.get("/es/acerca/").get_data(as_text=True)


def test_trailing_slash_is_added_by_redirect(client):
    response = client.get("/es/acerca")
    assert response.status_code == 308
    assert response.headers["Location"].endswith("/es/acerca/")


def test_options_and_wrong_methods_do_not_change_the_remembered_language(client):
    client.get("/en/about/")
    client.options("/es/acerca/")
    client.post("/es/acerca/")
    assert client.get_cookie("lang").value == "en"


def test_this_table_covers_every_page_of_the_site():
    # A page added to cde/pages.py must get its expected titles here.
    assert {endpoint for endpoint, *_ in PAGES} == set(PAGES_BY_ENDPOINT)
