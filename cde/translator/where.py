"""Which pages show each text: the site rendered with the translation studio added,
each page read by the standard library's HTML parser for the texts it marks, where
on the page each one is (its section, and whether space is short there), and each
page's name (its first heading)."""
from html.parser import HTMLParser
from typing import NamedTuple

from flask import Flask

from ..export.render import not_found_paths, render, site_paths

# Where the studio's own pages are, which are none of the site's.
STUDIO_PREFIX = "/_studio"
# The headings that open a section of a page: where a text is, for a translator.
SECTION_HEADINGS = frozenset({"h1", "h2"})
# Elements whose text must stay short, or it breaks the layout or is cut off: the
# navigation, buttons, and the <title> (a browser tab, a search result).
SHORT_PLACES = ("nav", "button", "title")


class Place(NamedTuple):
    """Where a page shows a text: the page, its section, and the SHORT_PLACES
    element it is in ("" if none)."""

    path: str
    section: str
    short: str


class _Texts(HTMLParser):
    """The texts a studio page marks, in order, each as (ID, section, short place);
    section "" for those in the title or an attribute. `name`: the first <h1>."""

    def __init__(self, html: str):
        super().__init__()
        self.found: list[tuple[str, str, str]] = []
        self.section, self.name, self._heading, self._open = "", "", None, []
        self.feed(html)
        self.close()

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag in SECTION_HEADINGS:
            self._heading = []
        if tag in SHORT_PLACES:
            self._open.append(tag)
        if "data-cde-msg" in attrs:
            short = self._open[-1] if self._open else ""
            self.found.append((attrs["data-cde-msg"], self.section, short))
        elif tag == "meta" and attrs.get("name") == "cde-studio":
            titled = set(attrs.get("data-title", "").split())
            self.found += [(msg, "", "title" if msg in titled else "")
                           for msg in attrs["data-hidden"].split()]

    def handle_endtag(self, tag):
        if tag in SHORT_PLACES and tag in self._open:
            del self._open[len(self._open) - 1 - self._open[::-1].index(tag)]
        if tag in SECTION_HEADINGS and self._heading is not None:
            self.section = " ".join(" ".join(self._heading).split())
            self._heading = None
            if tag == "h1" and not self.name:
                self.name = self.section

    def handle_data(self, data):
        if self._heading is not None:
            self._heading.append(data)


def _rendered(app: Flask) -> dict:
    """{"texts": ID -> [Place], "names": path -> first heading}, for every page of
    the site; rendered once, on the first call."""
    if "studio_where" not in app.extensions:
        found, names = {}, {}
        for path in site_paths(app) + not_found_paths(app):
            if path.startswith(STUDIO_PREFIX + "/"):
                continue
            answer = render(app, path)
            if not dict(answer.headers).get("Content-Type", "").startswith("text/html"):
                continue
            page = _Texts(answer.body.decode())
            names[path] = page.name
            for msg, section, short in dict.fromkeys(page.found):
                found.setdefault(msg, []).append(Place(path, section, short))
        app.extensions["studio_where"] = {"texts": found, "names": names}
    return app.extensions["studio_where"]


def pages_showing(app: Flask, sections: bool = False) -> dict[str, list[str]]:
    """For each text's ID, the pages of the site that show it, each with the heading
    of its section if `sections` ("/es/acerca/ (¿Qué es...?)"). `app` has the
    studio."""
    shown = {}
    for msg, places in _rendered(app)["texts"].items():
        first = {}  # each page once, with the section where the text first shows
        for place in places:
            first.setdefault(place.path, place.section)
        shown[msg] = [f"{path} ({section})" if sections and section else path
                      for path, section in first.items()]
    return shown


def places_showing(app: Flask, prefix: str = "/") -> dict[str, list[dict]]:
    """For each text's ID, the pages under `prefix` that show it, as a translator
    knows them: {"path", "name" (the page's first heading), "section" (the heading
    of the part where the text first shows, "" if none or the page's name)}. No
    file of the site's code: the commands say those."""
    rendered, shown = _rendered(app), {}
    for msg, places in rendered["texts"].items():
        first = {}
        for place in places:
            if place.path.startswith(prefix):
                first.setdefault(place.path, place.section)
        shown[msg] = [{"path": path, "name": rendered["names"].get(path, ""),
                       "section": "" if section == rendered["names"].get(path)
                       else section} for path, section in first.items()]
    return shown


def short_places(app: Flask) -> dict[str, str]:
    """For each text shown where space is short, the first such place: "nav",
    "button" or "title"."""
    return {msg: next(place.short for place in places if place.short)
            for msg, places in _rendered(app)["texts"].items()
            if any(place.short for place in places)}


def page_names(app: Flask) -> dict[str, str]:
    """Every page the site builds, by path, with its first heading as its name."""
    return dict(_rendered(app)["names"])
