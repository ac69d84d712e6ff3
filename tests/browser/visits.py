"""The addresses the browser tests visit: every page in every language, and 404s."""
from cde.pages import PAGES as SITE_PAGES

# Every page of the site's page table, with its counterpart in the other language:
# a page added to cde/pages.py is visited by every browser test without more ado.
COUNTERPARTS = {}
for _page in SITE_PAGES:
    COUNTERPARTS[_page.rule("en")] = _page.rule("es")
    COUNTERPARTS[_page.rule("es")] = _page.rule("en")
PAGES = list(COUNTERPARTS)
# What a visitor sees when an address does not exist, in each language.
NOT_FOUND = ["/en/no-such-page/", "/es/no-existe/"]
EVERYTHING = PAGES + NOT_FOUND
LANGUAGE_NAMES = {"en": "English", "es": "Español"}


def language_of(path: str) -> str:
    """The language prefix of a path: /es/acerca/ -> es."""
    return path.split("/")[1]
