"""Which pages show each text, in which section, and whether space is short there;
and each page's name as the main menu says it (an error page: its first heading): the
site rendered with the studio added, each page read by the standard library's HTML
parser for the texts it marks."""
from html.parser import HTMLParser

from flask import Flask

from ..export.render import not_found_paths, render, site_paths
from .studio_texts import SHORT_PLACES

# Where the studio's own pages are, which are none of the site's.
STUDIO_PREFIX = "/_studio"
# The headings that open a section of a page: where a text is, for a translator.
SECTION_HEADINGS = frozenset({"h1", "h2", "h3"})


class _Texts(HTMLParser):
    """The texts a studio page marks, in order, each as [ID, section, short place, in
    a <nav>]; section "" for those in the title or an attribute, a heading's own text
    in its own section. `name`: the menu's link to this page, else the first <h1>."""

    def __init__(self, html: str):
        super().__init__()
        # _open: the SHORT_PLACES elements open, innermost last, after "" for none.
        self.found, self.section, self.name, self._open = [], "", "", [""]
        # _words: the tag and words of the heading or menu link being read, if any;
        # _heading: the texts in that heading, whose section it opens.
        self._words, self._heading = None, []
        self.feed(html)
        self.close()

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag in SECTION_HEADINGS or tag == "a" and attrs.get("aria-current") == "page":
            self._words = (tag, [])
        if tag == "footer":  # no section of the page's body goes on into its footer
            self.section = ""
        if tag in SHORT_PLACES:
            self._open.append(tag)
        if "data-cde-msg" in attrs:
            self.found.append([attrs["data-cde-msg"], self.section, self._open[-1],
                               "nav" in self._open])
            if self._words and self._words[0] in SECTION_HEADINGS:
                self._heading.append(self.found[-1])
        elif tag == "meta" and attrs.get("name") == "cde-studio":
            titled = set(attrs.get("data-title", "").split())
            self.found += [[msg, "", "title" if msg in titled else "", False]
                           for msg in attrs["data-hidden"].split()]

    def handle_endtag(self, tag):
        if tag in SHORT_PLACES and tag in self._open:
            del self._open[len(self._open) - 1 - self._open[::-1].index(tag)]
        if self._words and tag == self._words[0]:
            words = " ".join(" ".join(self._words[1]).split())
            self._words = None
            self.name = self.name or (words if tag in ("a", "h1") else "")
            if tag in SECTION_HEADINGS:
                self.section = words
                for text in self._heading:
                    text[1] = words
                self._heading = []

    def handle_data(self, data):
        if self._words:
            self._words[1].append(data)


def shown(app: Flask) -> dict:
    """Where the site (`app` has the studio) shows its texts: "texts", by ID, each
    page that shows one with its section there (the first outside a <nav>: the
    table of contents repeats the headings); "short", by ID, the first SHORT_PLACES
    element it shows in; "names", each page's name.
    Rendered once a compile (studio.py's "studio_compiled" tells them apart)."""
    if "studio_where" not in app.extensions:
        found = {"texts": {}, "short": {}, "names": {}}
        compiled = app.extensions.get("studio_compiled")
        for path in site_paths(app) + not_found_paths(app):
            if path.startswith(STUDIO_PREFIX + "/"):
                continue
            answer = render(app, path)
            if not dict(answer.headers).get("Content-Type", "").startswith("text/html"):
                continue
            page = _Texts(answer.body.decode())
            found["names"][path] = page.name
            for msg, section, short, _ in sorted(page.found, key=lambda text: text[3]):
                found["texts"].setdefault(msg, {}).setdefault(path, section)
                if short:
                    found["short"].setdefault(msg, short)
        # A compile meanwhile (a save in another tab) made this reading stale: keep
        # it for this answer only, and read the site again next time.
        if app.extensions.get("studio_compiled") != compiled:
            return found
        app.extensions["studio_where"] = found
    return app.extensions["studio_where"]

