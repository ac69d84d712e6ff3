"""axe-core finds no WCAG 2.1 A or AA violation on any page, in any language.

axe runs in an ordinary tab, with the site's Content-Security-Policy enforced, so it
judges the page a visitor gets. Its script goes in through Playwright's evaluate
(the DevTools protocol), which CSP does not govern: no bypass_csp is needed.
"""
import pytest
from axe_playwright_python.sync_playwright import Axe

from tests.browser.visits import EVERYTHING, HOMES

WCAG_21_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
AXE_OPTIONS = {
    "runOnly": {"type": "tag", "values": WCAG_21_AA},
    "resultTypes": ["violations"],
}


@pytest.fixture(scope="module")
def axe():
    return Axe()


def describe(violations: list[dict]) -> str:
    """One line per violation and element, to read in the failure message."""
    return "\n".join(
        f"{v['id']} ({v['impact']}): {node['target']} {node.get('failureSummary', '')}"
        for v in violations
        for node in v["nodes"]
    )


@pytest.mark.parametrize("path", EVERYTHING)
def test_no_wcag_21_aa_violations(axe, page, path):
    page.goto(path)
    results = axe.run(page, options=AXE_OPTIONS)
    # The rules really ran on this page (an empty run would pass anything).
    assert len(results.response["passes"]) >= 10
    violations = results.response["violations"]
    assert not violations, describe(violations)


def test_axe_reports_a_violation_when_there_is_one(axe, page):
    """The check above can fail: an image without alt text is reported."""
    page.goto(HOMES[0])
    page.evaluate(
        "document.querySelector('main').insertAdjacentHTML('beforeend', "
        "'<img src=\"/static/favicon.svg\">')"
    )
    results = axe.run(page, options=AXE_OPTIONS)
    assert "image-alt" in [v["id"] for v in results.response["violations"]]
