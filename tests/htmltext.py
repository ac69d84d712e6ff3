"""Read a rendered page the way a visitor or a crawler does, for the tests."""
from html.parser import HTMLParser

# Text a visitor reads: element text, plus these attributes.
VISIBLE_ATTRIBUTES = {"alt", "title", "aria-label", "placeholder"}


class HtmlText(HTMLParser):
    """A rendered page as a visitor or a crawler reads it: its text blocks, links,
    head metadata and elements."""

    def __init__(self, html: str):
        super().__init__(convert_charrefs=True)
        self.texts: list[str] = []
        self.links: list[dict] = []
        self.anchors: list[dict] = []
        self.metas: list[dict] = []
        self.elements: list[tuple[str, dict]] = []  # (tag, attributes), in order
        self.html_lang = None
        self.html_dir = None
        self.title = ""
        self._in_title = False
        self._skip = 0
        self._anchor = None
        self.feed(html)
        self.close()

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        self.elements.append((tag, attrs))
        if tag == "html":
            self.html_lang = attrs.get("lang")
            self.html_dir = attrs.get("dir")
        elif tag == "title":
            self._in_title = True
        elif tag in ("script", "style"):
            self._skip += 1
        elif tag == "link":
            self.links.append(attrs)
        elif tag == "meta":
            self.metas.append(attrs)
        elif tag == "a":
            self._anchor = {**attrs, "text": ""}
            self.anchors.append(self._anchor)
        for name in VISIBLE_ATTRIBUTES & attrs.keys():
            self.texts.append(attrs[name].strip())
        if tag == "meta" and attrs.get("name") == "description":
            self.texts.append(attrs.get("content", "").strip())

    def handle_endtag(self, tag):
        if tag == "title":
            self._in_title = False
        elif tag in ("script", "style"):
            self._skip -= 1
        elif tag == "a":
            self._anchor = None

    def handle_data(self, data):
        if self._skip:
            return
        text = " ".join(data.split())
        if self._in_title:
            self.title += text
        if self._anchor is not None:
            self._anchor["text"] += text
        if text:
            self.texts.append(text)

    def alternates(self) -> dict:
        """hreflang -> href of the <link rel="alternate"> tags."""
        return {
            link["hreflang"]: link["href"]
            for link in self.links
            if link.get("rel") == "alternate" and "hreflang" in link
        }

    def canonical(self):
        return next((l["href"] for l in self.links if l.get("rel") == "canonical"), None)

    def meta(self, name: str):
        return next((m.get("content") for m in self.metas if m.get("name") == name), None)

    def inline_code(self) -> list[str]:
        """What could run as code inside the page itself, which a Content-Security-
        Policy without 'unsafe-inline' blocks: <style>, <script> without src, style=""
        and on...="" attributes, javascript: URLs."""
        found = []
        for tag, attrs in self.elements:
            if tag == "style" or (tag == "script" and "src" not in attrs):
                found.append(f"<{tag}>")
            for name, value in attrs.items():
                if name == "style" or name.startswith("on"):
                    found.append(f"<{tag} {name}>")
                if (value or "").strip().lower().startswith("javascript:"):
                    found.append(f"<{tag} {name}=javascript:>")
        return found

    @property
    def text(self) -> str:
        return " ".join(self.texts)
