"""Marked texts (cde/marks.py): wrapped in an element where one can go, bare where
none can (said with the text-only element they are in, "" for an attribute),
whatever else the page holds."""
import pytest

from cde.marks import Mark

KIND, OTHER = Mark("\ue000", "\ue001"), Mark("\ue002", "\ue004")


def resolved(html):
    return KIND.resolve(html, lambda key: f'data-key="{key}"')


@pytest.mark.parametrize("page, shown, bare", [
    ("<p>{a:Hello}</p>", '<p><span data-key="a">Hello</span></p>', []),
    ('<nav aria-label="{a:Menu}"></nav>', '<nav aria-label="Menu"></nav>',
     [("a", "")]),
    ("<title>{a:Home} | CdE</title>", "<title>Home | CdE</title>", [("a", "title")]),
    ('<p title="a > b">{a:x}</p>', '<p title="a > b"><span data-key="a">x</span></p>',
     []),
    ("<script>var s = '{a:x}';</script>", "<script>var s = 'x';</script>",
     [("a", "script")]),
    ("<p>{a:See <a href=\"/\">{b:here}</a> now}</p>",
     '<p><span data-key="a">See <a href="/"><span data-key="b">here</span></a> now'
     "</span></p>", []),
    ('<p>{a:x <img alt="{b:y}">}</p>',
     '<p><span data-key="a">x <img alt="y"></span></p>', [("b", "")]),
    ("<p>\n{a:one}\n<i>{b:two}</i></p>",
     '<p>\n<span data-key="a">one</span>\n<i><span data-key="b">two</span></i></p>',
     []),
])
def test_a_mark_gets_an_element_only_where_one_can_go(page, shown, bare):
    marked = page.replace("{a:", KIND.around("", "a")[:-1]).replace(
        "{b:", KIND.around("", "b")[:-1]).replace("}", KIND.closing)
    assert resolved(marked) == (shown, bare)


def test_marks_of_another_kind_are_left_to_their_own_resolution():
    page = f"<p>{OTHER.around(KIND.around('Hi', 'a'), 'z')}</p>"
    html, _ = resolved(page)
    inner = '<span data-key="a">Hi</span>'
    assert html == f"<p>{OTHER.around(inner, 'z')}</p>"
    assert OTHER.resolve(html, lambda key: f'id="{key}"')[0] == (
        '<p><span id="z"><span data-key="a">Hi</span></span></p>')


def test_a_page_without_marks_is_returned_as_it_is():
    page = "<p>Plain</p>"
    assert resolved(page) == (page, [])
