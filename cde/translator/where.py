"""Which pages show each text: the site rendered with the translation studio added,
each page read by the standard library's HTML parser for the texts it marks."""
from html.parser import HTMLParser

from flask import Flask

from ..export.render import not_found_paths, render, site_paths

# Where the studio's own pages are, which are none of the site's.
STUDIO_PREFIX = "/_studio"
# The headings that open a section of a page: where a text is, for a translator.
SECTION_HEADINGS = frozenset({"h1", "h2"})


class _Texts(HTMLParser):
    """The texts a studio page marks, in order, each with the words of the last
    heading before it (its section); "" for those in the title or an attribute."""

    def __init__(self, html: str):
        super().__init__()
        self.found: list[tuple[str, str]] = []
        self.section, self._heading = "", None
        self.feed(html)
        self.close()

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag in SECTION_HEADINGS:
            self._heading = []
        elif "data-cde-msg" in attrs:
            self.found.append((attrs["data-cde-msg"], self.section))
        elif tag == "meta" and attrs.get("name") == "cde-studio":
            self.found += [(msg, "") for msg in attrs["data-hidden"].split()]

    def handle_endtag(self, tag):
        if tag in SECTION_HEADINGS and self._heading is not None:
            self.section = " ".join(" ".join(self._heading).split())
            self._heading = None

    def handle_data(self, data):
        if self._heading is not None:
            self._heading.append(data)


def pages_showing(app: Flask, sections: bool = False) -> dict[str, list[str]]:
    """For each text's ID, the pages of the site that show it, each with the heading
    of its section if `sections` ("/es/acerca/ (¿Qué es...?)"). `app` has the
    studio; the site is rendered once, on the first call."""
    if "studio_where" not in app.extensions:
        found = {}
        for path in site_paths(app) + not_found_paths(app):
            if path.startswith(STUDIO_PREFIX + "/"):
                continue
            answer = render(app, path)
            if not dict(answer.headers).get("Content-Type", "").startswith("text/html"):
                continue
            for msg, section in dict.fromkeys(_Texts(answer.body.decode()).found):
                found.setdefault(msg, []).append((path, section))
        app.extensions["studio_where"] = found
    shown = {}
    for msg, places in app.extensions["studio_where"].items():
        first = {}  # each page once, with the section where the text first shows
        for path, section in places:
            first.setdefault(path, section)
        shown[msg] = [f"{path} ({section})" if sections and section else path
                      for path, section in first.items()]
    return shown
