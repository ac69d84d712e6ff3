"""The six UN languages in a real browser: right to left, Chinese characters, a switcher
of six. Served from the polyglot copy of the project (tests/conftest.py), whose extra
languages are pseudo-translated in their own scripts.
"""
import pytest

from cde.pages import SOURCE_LANGUAGE
from tests.languages import WRITTEN
from tests.projectcopy import UN_LANGUAGES
from tests.browser.visits import HOME, path_of

POLYGLOT = list(UN_LANGUAGES)  # their codes are their folders' names
RIGHT_TO_LEFT = [code for code in POLYGLOT if WRITTEN[code].dir == "rtl"]
CHINESE = ["zh"]  # in simplified characters, as CLDR writes plain zh
# Languages the repository has too: the same page with two languages and with six.
SHARED = [code for code in HOME if code in POLYGLOT]

# Whether each Han character of an element is drawn as a box (tofu), on a canvas in
# the element's font: a character no installed font has falls back to the same box
# as U+0378, a code point that Unicode leaves unassigned.
TOFU = r"""(element) => {
    const style = getComputedStyle(element);
    const canvas = document.createElement("canvas");
    canvas.width = canvas.height = Math.ceil(2 * parseFloat(style.fontSize));
    const ctx = canvas.getContext("2d");
    ctx.font = `${style.fontWeight} ${style.fontSize} ${style.fontFamily}`;
    ctx.textBaseline = "top";
    const draw = (text) => {
        ctx.clearRect(0, 0, canvas.width, canvas.height);
        ctx.fillText(text, 0, 0);
        return ctx.getImageData(0, 0, canvas.width, canvas.height).data.join();
    };
    const box = draw("\u0378");
    const han = [...new Set(element.textContent.match(/\p{Script=Han}/gu) || [])];
    return Object.fromEntries(han.map(ch => [ch, draw(ch) === box]));
}"""


@pytest.mark.parametrize("code", RIGHT_TO_LEFT)
def test_right_to_left_menu_starts_on_the_right(new_tab, polyglot_server, code):
    page = new_tab(polyglot_server.url)
    page.goto(path_of(polyglot_server.app, "home", code))
    assert page.locator("html").get_attribute("dir") == "rtl"
    items = page.locator("nav.main-nav a").all()
    first, last = items[0].bounding_box(), items[-1].bounding_box()
    assert first["x"] >= last["x"] + last["width"]


@pytest.mark.parametrize("code", RIGHT_TO_LEFT)
def test_right_to_left_contents_bar_is_on_the_right(new_tab, polyglot_server, code):
    page = new_tab(polyglot_server.url)
    page.goto(path_of(polyglot_server.app, "about", code))
    toc, text = page.locator(".toc"), page.locator(".prose").bounding_box()
    # The table of contents is right of the text, with its coloured bar on its right.
    assert toc.bounding_box()["x"] >= text["x"] + text["width"]
    borders = toc.evaluate("e => [getComputedStyle(e).borderLeftWidth, "
                           "getComputedStyle(e).borderRightWidth]")
    assert borders[0] == "0px" and borders[1] != "0px"


@pytest.mark.parametrize("code", CHINESE)
def test_chinese_is_drawn_in_a_real_font_not_boxes(new_tab, polyglot_server, code):
    page = new_tab(polyglot_server.url)
    page.goto(path_of(polyglot_server.app, "home", code))
    boxes = page.locator("h1").evaluate(TOFU)
    assert boxes and not any(boxes.values()), boxes


def test_tofu_check_sees_characters_no_font_has(new_tab, polyglot_server):
    """The check above can fail: Han characters of Unicode 15 (CJK Extension H),
    which no installed font covers, are reported as boxes."""
    page = new_tab(polyglot_server.url)
    page.goto(path_of(polyglot_server.app, "home", CHINESE[0]))
    page.locator("h1").evaluate("h1 => { h1.textContent = '\U00031350\U00031351'; }")
    boxes = page.locator("h1").evaluate(TOFU)
    assert len(boxes) == 2 and all(boxes.values()), boxes


def test_switcher_links_are_set_in_the_fonts_of_their_language(
    new_tab, polyglot_server
):
    page = new_tab(polyglot_server.url)
    fonts = {}
    for code in POLYGLOT:
        page.goto(path_of(polyglot_server.app, "home", code))
        fonts[code] = page.evaluate("getComputedStyle(document.body).fontFamily")
    # Arabic and Chinese have fonts of their own, else this test would prove nothing.
    for code in RIGHT_TO_LEFT + CHINESE:
        assert fonts[code] != fonts[SOURCE_LANGUAGE], code
    # <a lang="zh"> in an English page takes Chinese fonts, <a lang="en"> in an
    # Arabic page Latin ones: each name in the fonts of its own page.
    for host in POLYGLOT:
        page.goto(path_of(polyglot_server.app, "home", host))
        for code in POLYGLOT:
            if code != host:
                link = page.get_by_role("link", name=WRITTEN[code].name, exact=True)
                font = link.evaluate("a => getComputedStyle(a).fontFamily")
                assert font == fonts[code], f"{code} link in the {host} page"


@pytest.mark.parametrize("width", [320, 390])  # the phones of test_small_screens.py
@pytest.mark.parametrize("code", SHARED)
def test_six_languages_add_at_most_one_line_to_the_header(
    new_tab, live_server, polyglot_server, code, width
):
    repo = new_tab(live_server.url, width=width)
    repo.goto(HOME[code])
    polyglot = new_tab(polyglot_server.url, width=width)
    polyglot.goto(path_of(polyglot_server.app, "home", code))
    assert polyglot.locator(".lang-switch a").count() == len(POLYGLOT) - 1
    line = repo.locator(".lang-switch a").first.bounding_box()["height"]
    height = repo.locator("header").bounding_box()["height"]
    assert polyglot.locator("header").bounding_box()["height"] <= height + line


@pytest.mark.parametrize("code", POLYGLOT)
def test_six_languages_fit_a_small_phone(new_tab, polyglot_server, code):
    page = new_tab(polyglot_server.url, width=320, is_mobile=True, has_touch=True)
    page.goto(path_of(polyglot_server.app, "home", code))
    assert page.evaluate("document.documentElement.scrollWidth <= innerWidth")
    for link in page.locator("header nav a").all():
        box = link.bounding_box()
        assert box["x"] >= 0 and box["x"] + box["width"] <= 320, link.text_content()
        assert box["height"] >= 24 and box["width"] >= 24, link.text_content()
