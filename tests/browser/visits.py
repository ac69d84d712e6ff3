"""The addresses the browser tests visit: every page in every language, and 404s."""

# Every page of the site, with its counterpart in the other language.
COUNTERPARTS = {
    "/en/": "/es/",
    "/en/about/": "/es/acerca/",
    "/en/contact/": "/es/contacto/",
}
COUNTERPARTS.update({es: en for en, es in list(COUNTERPARTS.items())})
PAGES = list(COUNTERPARTS)
# What a visitor sees when an address does not exist, in each language.
NOT_FOUND = ["/en/no-such-page/", "/es/no-existe/"]
EVERYTHING = PAGES + NOT_FOUND
LANGUAGE_NAMES = {"en": "English", "es": "Español"}


def language_of(path: str) -> str:
    """The language prefix of a path: /es/acerca/ -> es."""
    return path.split("/")[1]
