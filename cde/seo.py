"""What search engines and link previews read: sitemap, robots.txt, Open Graph locales.

Languages come from app.config["LANGUAGES"] and pages from cde/pages.py, so a page or
a language added there is in the sitemap and in the Open Graph tags with no change here.
"""
from functools import partial
from xml.etree import ElementTree as ET

from babel import Locale
from babel.core import get_global
from babel.languages import get_official_languages
from flask import Flask, Response, current_app, url_for

from . import i18n
from .assets import REVALIDATE
from .pages import PAGES

# Serialise as <urlset xmlns=...> with <xhtml:link>, the prefixes crawlers document.
SITEMAP_NS = "http://www.sitemaps.org/schemas/sitemap/0.9"
XHTML_NS = "http://www.w3.org/1999/xhtml"
ET.register_namespace("", SITEMAP_NS)
ET.register_namespace("xhtml", XHTML_NS)


def og_locale(lang: str) -> str:
    """The Open Graph locale of a language code, in its `language_TERRITORY` form.

    A two-letter country (`en_US`), so not a region such as CLDR's `es_419`. A
    language official in the country the site speaks from (SITE_COUNTRY, Mexico)
    gets that country (`es_MX`); any other the country CLDR names as its most
    likely (`en` -> `en_US`), so a language added by a catalog needs no table.
    """
    locale = i18n.locale_of(lang)
    country = current_app.config["SITE_COUNTRY"]
    if locale.territory or locale.language in get_official_languages(
            country, de_facto=True):
        return f"{locale.language}_{locale.territory or country}"
    subtags = get_global("likely_subtags")
    # zh_Hant is most likely Taiwan's, plain zh China's.
    likely = subtags.get(str(locale)) or subtags.get(locale.language)
    territory = Locale.parse(likely).territory if likely else None
    return f"{locale.language}_{territory}" if territory else locale.language


def open_graph_context() -> dict:
    """`og_locale` of the page's language and `og_locale_alternates` of the others."""
    lang = i18n.page_language()
    others = [og_locale(other) for other in i18n.current_languages() if other != lang]
    return {"og_locale": og_locale(lang), "og_locale_alternates": others}


def sitemap():
    """Every page in every language, each with its hreflang alternates and x-default:
    the same links as the page's own <head>, as search engines expect both to agree."""
    urlset = ET.Element(f"{{{SITEMAP_NS}}}urlset")
    for page in PAGES:
        links = i18n.language_links(page.endpoint)
        alternates = [(link["tag"], link["url"]) for link in links]
        alternates.append(("x-default", i18n.absolute("/")))
        for link in links:
            url = ET.SubElement(urlset, f"{{{SITEMAP_NS}}}url")
            ET.SubElement(url, f"{{{SITEMAP_NS}}}loc").text = link["url"]
            for hreflang, href in alternates:
                ET.SubElement(url, f"{{{XHTML_NS}}}link",
                              rel="alternate", hreflang=hreflang, href=href)
    ET.indent(urlset)
    body = ET.tostring(urlset, encoding="utf-8", xml_declaration=True)
    # Anyone may keep the sitemap and robots.txt, but must ask whether they changed.
    return Response(body, mimetype="application/xml",
                    headers={"Cache-Control": REVALIDATE})


def robots():
    """Let every crawler in, and tell it where the sitemap is (an absolute URL)."""
    sitemap_url = i18n.absolute(url_for("sitemap"))
    return Response(f"User-agent: *\nAllow: /\n\nSitemap: {sitemap_url}\n",
                    mimetype="text/plain", headers={"Cache-Control": REVALIDATE})


def init_app(app: Flask) -> None:
    """Register /sitemap.xml, /robots.txt, /favicon.ico and the Open Graph locales."""
    app.add_url_rule("/sitemap.xml", "sitemap", sitemap)
    app.add_url_rule("/robots.txt", "robots", robots)
    # Pages link the SVG icon; this answers the browsers and crawlers that ask for
    # /favicon.ico on their own (and saves every visitor a logged 404).
    app.add_url_rule("/favicon.ico", "favicon",
                     partial(app.send_static_file, "favicon.ico"))
    app.context_processor(open_graph_context)
