"""No page breaks its own Content-Security-Policy: nothing blocked, nothing reported."""
import pytest

from tests.browser.visits import EVERYTHING

# Installed before any script of the page runs; CSP does not apply to init scripts.
LISTEN_FOR_VIOLATIONS = """
window.__cspViolations = [];
document.addEventListener("securitypolicyviolation", (event) => {
    window.__cspViolations.push(event.violatedDirective + " " + event.blockedURI);
});
"""


def csp_reports(page, path: str) -> list[str]:
    """CSP violations while loading `path`: console messages and DOM events."""
    console = []
    page.on(
        "console",
        lambda message: console.append(message.text)
        if "Content Security Policy" in message.text
        else None,
    )
    page.add_init_script(LISTEN_FOR_VIOLATIONS)
    page.goto(path)
    page.wait_for_load_state("load")
    return console + page.evaluate("window.__cspViolations")


@pytest.mark.parametrize("path", EVERYTHING)
def test_page_reports_no_csp_violation(page, path):
    assert csp_reports(page, path) == []


def test_a_csp_violation_would_be_reported(page, live_server):
    """The check above can fail: an inline style under a strict policy is caught."""
    page.route(
        live_server.url + "/csp-probe/",
        lambda route: route.fulfill(
            status=200,
            headers={
                "Content-Type": "text/html",
                "Content-Security-Policy": "default-src 'self'",
            },
            body="<!doctype html><title>probe</title><style>p{color:red}</style><p>x",
        ),
    )
    assert csp_reports(page, "/csp-probe/")
