"""Texts marked while a page renders, wrapped in an element once the page is complete.

A template does not say whether a text lands in an element's content, where a
`<span>` can wrap it, or in an attribute's value or the <title>, where no element
can go. So a text that wants an element around it is marked as it is rendered
(private-use characters around it, which no catalog or template holds), and when
the page is complete, Python's own HTML parser tells where each mark landed.

Two kinds of mark use this: a text not translated yet, shown as the original inside
`<span lang="en">` (cde/safe_gettext.py), and, in the translation studio, every
translated text, inside `<span data-cde-msg=ID>` (cde/translator/studio.py).
"""
import re
from bisect import bisect_right
from html.parser import HTMLParser

# Between a mark's opening character and its text: the key the mark carries (a
# text's ID in the studio), which `Mark.resolve` hands back.
KEY_END = "\ue003"
# Elements whose content is text only: no element can go inside them.
TEXT_ONLY = frozenset({"title", "textarea", "script", "style"})


class _Text(HTMLParser):
    """Where a page has text that an element can wrap: (start, end) offsets of the
    text of every element but TEXT_ONLY ones, in order; and those of the text of
    TEXT_ONLY ones, with the element's name."""

    def __init__(self, html: str):
        super().__init__(convert_charrefs=False)  # text as written: offsets hold
        self.line_starts = [0]
        while (found := html.find("\n", self.line_starts[-1])) != -1:
            self.line_starts.append(found + 1)
        self.stretches: list[tuple[int, int]] = []
        self.text_only: list[tuple[int, int, str]] = []
        self._text_only: list[str] = []
        self.feed(html)
        self.close()

    def handle_starttag(self, tag, attrs):
        if tag in TEXT_ONLY:
            self._text_only.append(tag)

    def handle_endtag(self, tag):
        if tag in TEXT_ONLY and self._text_only:
            self._text_only.pop()

    def handle_data(self, data):
        line, column = self.getpos()
        start = self.line_starts[line - 1] + column
        if self._text_only:
            self.text_only.append((start, start + len(data), self._text_only[-1]))
        else:
            self.stretches.append((start, start + len(data)))

    def can_wrap(self, offset: int) -> bool:
        """Whether the character at `offset` is text an element can wrap."""
        index = bisect_right(self.stretches, (offset, float("inf"))) - 1
        return index >= 0 and self.stretches[index][0] <= offset < self.stretches[
            index][1]

    def element_of(self, offset: int) -> str:
        """The TEXT_ONLY element whose text holds `offset` ("title"), or "" (then
        the offset is in an attribute's value)."""
        return next((tag for start, end, tag in self.text_only
                     if start <= offset < end), "")


class Mark:
    """One kind of mark, by its opening and closing characters (private use)."""

    def __init__(self, opening: str, closing: str):
        self.opening, self.closing = opening, closing
        self._either = re.compile(f"[{opening}{closing}]")

    def around(self, text: str, key: str = "") -> str:
        """`text` marked, carrying `key`."""
        return f"{self.opening}{key}{KEY_END}{text}{self.closing}"

    def resolve(self, html: str, attributes) -> tuple[str, list[tuple[str, str]]]:
        """`html` with each text of this kind inside `<span {attributes(key)}>` where
        an element can go, and bare where none can (an attribute, the <title>); and
        those left bare, in order, as (key, the TEXT_ONLY element they are in, or ""
        for an attribute). Marks of other kinds stay as they are: each kind is
        resolved on its own, in any order."""
        if self.opening not in html:
            return html, []
        pairs, opened = [], []  # (opening offset, key, closing offset)
        for found in self._either.finditer(html):
            offset = found.start()
            if found.group() == self.opening:
                opened.append(offset)
            else:
                start = opened.pop()
                pairs.append((start, html[start + 1:html.index(KEY_END, start)],
                              offset))
        text = _Text(html)
        edits, bare = [], []  # (offset, characters replaced, replacement)
        for start, key, end in sorted(pairs):
            if text.can_wrap(start) and text.can_wrap(end):
                edits += [(start, len(key) + 2, f"<span {attributes(key)}>"),
                          (end, 1, "</span>")]
            else:
                edits += [(start, len(key) + 2, ""), (end, 1, "")]
                bare.append((key, text.element_of(start)))
        parts, at = [], 0
        for offset, length, replacement in sorted(edits):
            parts += [html[at:offset], replacement]
            at = offset + length
        return "".join([*parts, html[at:]]), bare
