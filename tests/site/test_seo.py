"""What a search engine and a link preview read: sitemap, robots.txt, Open Graph."""
from xml.etree import ElementTree as ET

import pytest

from cde import create_app
from cde.pages import PAGES
from cde.seo import og_locale
from tests.htmltext import HtmlText
from tests.languages import LANGUAGES, empty_catalog
from tests.servers import SITE

NS = {
    "sm": "http://www.sitemaps.org/schemas/sitemap/0.9",
    "xhtml": "http://www.w3.org/1999/xhtml",
}
# Every page of the site in every language, as a visitor reaches them.
ALL_PAGES = [page.rule(lang) for page in PAGES for lang in LANGUAGES]


def sitemap_entries(client) -> dict:
    """loc -> {hreflang: href} of every <url> of /sitemap.xml."""
    root = ET.fromstring(client.get("/sitemap.xml").data)
    entries = {}
    for url in root.findall("sm:url", NS):
        alternates = {
            link.get("hreflang"): link.get("href")
            for link in url.findall("xhtml:link", NS)
            if link.get("rel") == "alternate"
        }
        entries[url.findtext("sm:loc", namespaces=NS)] = alternates
    return entries


def og(page: HtmlText, prop: str) -> list[str]:
    """The contents of every <meta property=prop> of a page, in order."""
    return [m.get("content") for m in page.metas if m.get("property") == prop]


def test_sitemap_is_xml_in_the_sitemap_namespace(client):
    response = client.get("/sitemap.xml")
    assert response.status_code == 200
    assert response.mimetype == "application/xml"
    root = ET.fromstring(response.data)
    assert root.tag == "{%s}urlset" % NS["sm"]
    assert response.data.startswith(b"<?xml version='1.0' encoding='utf-8'?>")


def test_sitemap_lists_every_page_of_every_language_once(client):
    root = ET.fromstring(client.get("/sitemap.xml").data)
    locs = [loc.text for loc in root.findall("sm:url/sm:loc", NS)]
    assert sorted(locs) == sorted(SITE + path for path in ALL_PAGES)


@pytest.mark.parametrize("path", ALL_PAGES)
def test_sitemap_alternates_agree_with_the_page_alternates(client, path):
    # The page's own alternates (every language and x-default): test_pages.py.
    page = HtmlText(client.get(path).get_data(as_text=True))
    assert sitemap_entries(client)[SITE + path] == page.alternates()


def test_sitemap_urls_come_from_site_url_not_the_host_header(client):
    body = client.get("/sitemap.xml", headers={"Host": "evil.example"}).data
    assert b"evil.example" not in body
    assert all(loc.startswith(SITE + "/") for loc in sitemap_entries(client))


def test_robots_txt_allows_crawling_and_names_the_sitemap(client):
    response = client.get("/robots.txt")
    assert response.status_code == 200
    assert response.mimetype == "text/plain"
    lines = response.get_data(as_text=True).splitlines()
    assert "User-agent: *" in lines
    assert "Disallow: /" not in lines
    assert f"Sitemap: {SITE}/sitemap.xml" in lines


def test_favicon_ico_is_an_icon_not_a_404(client):
    response = client.get("/favicon.ico")
    assert response.status_code == 200
    assert response.mimetype in ("image/vnd.microsoft.icon", "image/x-icon")
    # An ICO file starts with reserved 0, type 1 (icon) and at least one image.
    assert response.data[:4] == b"\x00\x00\x01\x00"
    assert response.data[4] >= 1


def test_pages_link_the_svg_favicon(client):
    page = HtmlText(client.get("/en/").get_data(as_text=True))
    icons = [link for link in page.links if link.get("rel") == "icon"]
    assert [icon["type"] for icon in icons] == ["image/svg+xml"]
    # The file name may carry a content hash: /static/favicon.<hash>.svg.
    href = icons[0]["href"]
    assert href.startswith("/static/favicon.") and href.endswith(".svg")
    response = client.get(href)
    assert response.status_code == 200
    assert response.mimetype == "image/svg+xml"


@pytest.mark.parametrize(
    "page, lang",
    [pytest.param(page, lang, id=page.rule(lang))
     for page in PAGES for lang in LANGUAGES],
)
def test_open_graph_describes_the_page_in_its_language(app, client, page, lang):
    path = page.rule(lang)
    html = HtmlText(client.get(path).get_data(as_text=True))
    title, site_name = html.title.split(" | ")
    assert title and html.meta("description")
    # Link previews show the whole title, the page's and the site's name.
    assert og(html, "og:title") == [html.title]
    assert og(html, "og:description") == [html.meta("description")]
    assert og(html, "og:url") == [SITE + path]
    assert og(html, "og:type") == ["website"]
    assert og(html, "og:site_name") == [site_name]
    with app.app_context():
        assert og(html, "og:locale") == [og_locale(lang)]
        assert og(html, "og:locale:alternate") == [
            og_locale(other) for other in LANGUAGES if other != lang
        ]


def test_open_graph_site_name_is_in_the_page_language(client):
    en = og(HtmlText(client.get("/en/").get_data(as_text=True)), "og:site_name")
    es = og(HtmlText(client.get("/es/").get_data(as_text=True)), "og:site_name")
    assert en == ["UNODC-INEGI Center of Excellence"]
    assert es == ["Centro de Excelencia UNODC-INEGI"]


@pytest.mark.parametrize(
    "lang, country, expected",
    [
        ("es", "MX", "es_MX"),  # official in the site's country
        ("en", "MX", "en_US"),  # not official there: its most likely country
        ("fr", "MX", "fr_FR"),
        ("pt", "MX", "pt_BR"),
        ("zh", "MX", "zh_CN"),  # the script subtag is not part of og:locale
        ("zh-hant", "MX", "zh_TW"),  # but a script variant has its own country
        ("en", "GB", "en_GB"),
        ("es", "AR", "es_AR"),
        ("pt-br", "MX", "pt_BR"),  # a catalog with a region keeps it
    ],
)
def test_og_locale_is_derived_from_the_language(app, lang, country, expected):
    app.config["SITE_COUNTRY"] = country
    with app.app_context():
        assert og_locale(lang) == expected


def test_a_new_catalog_folder_is_in_the_sitemap_and_open_graph(tmp_path):
    for lang in ("es", "fr"):
        empty_catalog(tmp_path, lang)
    app = create_app({"TRANSLATIONS_DIR": str(tmp_path), "SITE_URL": SITE})
    client = app.test_client()
    entries = sitemap_entries(client)
    assert len(entries) == len(PAGES) * 3
    assert entries[SITE + "/fr/about/"]["fr"] == SITE + "/fr/about/"
    assert set(entries[SITE + "/es/acerca/"]) == {"en", "es", "fr", "x-default"}
    page = HtmlText(client.get("/fr/").get_data(as_text=True))
    assert og(page, "og:locale") == ["fr_FR"]
    assert og(page, "og:locale:alternate") == ["en_US", "es_MX"]


@pytest.mark.parametrize("lang", LANGUAGES)
def test_error_pages_are_not_indexed_and_carry_no_open_graph(client, lang):
    page = HtmlText(client.get(f"/{lang}/missing/").get_data(as_text=True))
    assert page.meta("robots") == "noindex"
    assert page.canonical() is None
    assert og(page, "og:url") == []
