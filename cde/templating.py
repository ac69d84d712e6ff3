"""What every template can use: the page's language, its links, locale formats."""
from babel.lists import format_list
from flask import Flask, request
from flask_babel import get_locale
from jinja2 import pass_context

from . import i18n
from .pages import PAGES


def page_context() -> dict:
    """Language, switcher links, alternates and navigation for the page rendered."""
    links = i18n.language_links(request.endpoint)
    lang = i18n.page_language()
    current = next(link for link in links if link["lang"] == lang)
    return {
        "lang": lang,
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
    """Join items as the page's locale does.

    "2015, 2019, and 2022" in English, "2015, 2019 y 2022" in Spanish (CLDR rules).
    """
    return format_list([str(item) for item in items], locale=get_locale())


def init_app(app: Flask) -> None:
    """Register the context processor and the locale-aware filters."""
    app.context_processor(page_context)
    app.add_template_filter(locale_list)
