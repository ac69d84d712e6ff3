"""What every template can use: the page's language, its links, locale formats."""
from babel import Locale
from babel.lists import format_list
from flask import Flask, request
from flask_babel import get_locale
from jinja2 import pass_context

from . import i18n
from .pages import PAGES, SOURCE_LANGUAGE


def page_context() -> dict:
    """Language, switcher links, alternates and navigation for the page rendered."""
    links = i18n.language_links(request.endpoint)
    lang = i18n.page_language()
    current = next((link for link in links if link["lang"] == lang), {"url": ""})
    return {
        "lang": lang,
        # Not offered to visitors yet: no alternates, no Open Graph, noindex.
        "draft": lang not in i18n.current_languages(),
        "lang_tag": i18n.language_tag(lang),
        "dir": i18n.text_direction(lang),
        "language_links": links,
        "other_languages": [link for link in links if link["lang"] != lang],
        "canonical_url": current["url"],
        "x_default_url": i18n.absolute("/"),
        "nav_pages": PAGES,
    }


# pass_context keeps Jinja from folding `[2015, 2019]|locale_list` into a constant at
# compile time, which would freeze the list in the language of the first request.
@pass_context
def locale_list(context, items) -> str:
    """Join items as the page's locale does (CLDR): "2015, 2019 y 2022" in Spanish.

    English is the UN's, CLDR's international English (en_001): "2015, 2019 and
    2022", without the American comma before "and" that CLDR's plain "en" has.
    """
    locale = get_locale()
    if str(locale) == SOURCE_LANGUAGE:
        locale = Locale.parse(f"{SOURCE_LANGUAGE}_001")
    return format_list([str(item) for item in items], locale=locale)


def init_app(app: Flask) -> None:
    """Register the context processor and the locale-aware filters."""
    app.context_processor(page_context)
    app.add_template_filter(locale_list)
