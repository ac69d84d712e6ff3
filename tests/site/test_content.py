"""The published text: the whole seed in English, all of it translated in Spanish."""
import pytest

from cde.i18n import language_name
from cde.pages import PAGES
from tests.htmltext import HtmlText

# Each page in English and in Spanish, and a missing page (the 404 page) in both.
PAIRS = [(page.rule("en"), page.rule("es")) for page in PAGES] + [
    ("/en/missing/", "/es/missing/")
]

# Proper names and addresses read the same in both languages.
SAME_IN_BOTH = {
    "UNODC",
    "INEGI",
    "UNODC · INEGI",
    "Patriotismo 711, Colonia San Juan Mixcoac, Del. Benito Juárez,",
    "C.P. 03730, Ciudad de México",
    "unodc-mexico.cde.estadistica@un.org",
}

# Every section of the seed (the Center's About page), in its order.
SEED_SECTIONS = [
    "What is the Center of Excellence?",
    "was created in 2010 to initiate technical cooperation activities",
    "Its main objective is to strengthen statistical, analytical and monitoring capacities",
    "What activities does the Center carry out?",
    "Provides technical assistance to countries of Latin America and the Caribbean",
    "Organizes online and on-site training activities.",
    "Promotes international methodological standards.",
    "Develops research projects.",
    "Develops new methodologies and tools for analysing and measuring phenomena",
    "related to conventional and emerging crime (such as organized crime),",
    "International Classification of Crime for Statistical Purposes (ICCS)",
    "for victimization surveys in Latin America.",
    "Which institutions support the activities of the Center of Excellence?",
    "UNODC",
    "The United Nations Office on Drugs and Crime was established in 1997",
    "Its primary function is to promote legislative and institutional reforms",
    "counter illicit drug production and trafficking, drug abuse and organized crime.",
    "INEGI",
    "constitutionally autonomous body of the Mexican State responsible for generating",
    "INEGI regulates and coordinates the National Statistical and Geographic Information System",
    "The information produced by INEGI is a fundamental input for academic research",
    "Who are the partners and beneficiaries of the Center?",
    "focuses on supporting institutions in Latin America and the Caribbean",
    "The Center's main beneficiaries are organizations focused on the production and analysis",
    "International statistical framework for the work of the UNODC-INEGI Center of Excellence",
    "framed by the road map to improve the quality and availability of crime statistics "
    "at the national and international levels, endorsed in 2013 by",
    "Commission on Crime Prevention and Criminal Justice.",
    "The report on the road map proposes that national statistical offices around the world",
    "Among other things, the report highlights:",
    "the coordination of relevant actors in the production of statistical information",
    "the need for clear statistical definitions of crimes and criminal justice processes",
    "information needs of gender-sensitive public policy processes",
    "activities of the road map in updates presented in 2015, 2019 and 2022.",
]


def test_english_about_page_has_every_section_of_the_seed_in_order(client):
    text = HtmlText(client.get("/en/about/").get_data(as_text=True)).text
    position = text.index("About the Center of Excellence")
    for passage in SEED_SECTIONS:
        found = text.find(passage, position)
        assert found >= 0, f"missing or out of order: {passage!r}"
        position = found


@pytest.mark.parametrize("english, spanish", PAIRS)
def test_no_text_on_a_spanish_page_is_left_in_english(
    app, client, english, spanish
):
    en = set(HtmlText(client.get(english).get_data(as_text=True)).texts)
    es = HtmlText(client.get(spanish).get_data(as_text=True))
    # The switcher names each language in that language, on purpose (with its lang).
    endonyms = {language_name(lang) for lang in app.config["LANGUAGES"]}
    assert (set(es.texts) & en) - SAME_IN_BOTH - endonyms == set()


@pytest.mark.parametrize("english, spanish", PAIRS)
def test_each_page_shows_the_copyright_line_of_its_own_language(
    client, english, spanish
):
    en = client.get(english).get_data(as_text=True)
    es = client.get(spanish).get_data(as_text=True)
    assert "Copyright © 2011 UNODC. All rights reserved." in en
    assert "Derecho de autor" not in en
    assert "Derecho de autor © 2011 UNODC. Todos los derechos reservados." in es
    assert "Copyright" not in es and "All rights reserved" not in es
    assert "®" not in en + es


def test_spanish_pages_use_the_official_names(client):
    text = HtmlText(client.get("/es/acerca/").get_data(as_text=True)).text
    for name in (
        "Centro de Excelencia para Información Estadística de Gobierno, Seguridad Pública, "
        "Victimización y Justicia (CdE)",
        "Oficina de las Naciones Unidas contra la Droga y el Delito (UNODC)",
        "Instituto Nacional de Estadística y Geografía de México (INEGI)",
        "Sistema Nacional de Información Estadística y Geográfica",
        "Clasificación Internacional de Delitos con Fines Estadísticos (ICCS)",
        "Comisión de Prevención del Delito y Justicia Penal",
        "América Latina y el Caribe",
        "Hoja de ruta para el mejoramiento de las estadísticas de delincuencia a nivel nacional e "
        "internacional",
    ):
        assert name in text


@pytest.mark.parametrize("path, technical_assistance", [
    ("/en/", "Provides technical assistance to countries of Latin America and the "
             "Caribbean to improve the quality and quantity of statistics"),
    ("/es/", "Presta asistencia técnica a los países de América Latina y el Caribe "
             "para mejorar la calidad y la cantidad de las estadísticas"),
])
def test_home_page_names_the_region_it_serves_where_it_first_mentions_it(
    client, path, technical_assistance
):
    # The home page shows this activity before the paragraph that names the region.
    text = HtmlText(client.get(path).get_data(as_text=True)).text
    assert technical_assistance in text
    assert "in the region" not in text and "de la región" not in text


@pytest.mark.parametrize("path, items", [
    ("/en/about/", [
        "Among other things, the report highlights:",
        "the coordination of relevant actors in the production of statistical "
        "information",
        "the need for clear statistical definitions of crimes and criminal justice "
        "processes",
        "the development of manuals to guide the collection and analysis of statistics "
        "that meet the information needs of gender-sensitive public policy processes",
    ]),
    ("/es/acerca/", [
        "Entre otros aspectos, el informe destaca:",
        "la coordinación de los actores pertinentes en la producción de información "
        "estadística",
        "la necesidad de contar con definiciones estadísticas claras de los delitos y "
        "de los procesos de justicia penal",
        "la elaboración de manuales que orienten la recopilación y el análisis de "
        "estadísticas que respondan a las necesidades de información de los procesos "
        "de políticas públicas con perspectiva de género",
    ]),
])
def test_the_reports_highlights_continue_the_sentence_as_bullets_with_no_end_punctuation(
    client, path, items
):
    texts = HtmlText(client.get(path).get_data(as_text=True)).texts
    start = texts.index(items[0])
    assert texts[start:start + len(items)] == items
