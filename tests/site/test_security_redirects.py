"""No redirect can send a visitor off the site, whatever the path or the Host header."""
import pytest

from cde import create_app
from cde.pages import PAGES_BY_ENDPOINT, SOURCE_LANGUAGE
from tests.servers import SITE


@pytest.mark.parametrize(
    "path_info, location",
    [
        ("/en/about", "/en/about/"),
        ("/es/acerca", "/es/acerca/"),
        ("//en/about", "/en/about/"),
        ("///en/about", "/en/about/"),
        ("/en//about", "/en/about/"),
        ("//es/acerca", "/es/acerca/"),
    ],
)
def test_trailing_slash_redirect_stays_on_the_sites_host(client, path_info, location):
    # PATH_INFO is set directly: the test client would read "//host/..." as a host.
    response = client.get("/", environ_overrides={"PATH_INFO": path_info})
    assert response.status_code == 308
    # Scheme and host of SITE_URL, whatever the app heard (plain HTTP behind nginx).
    assert response.headers["Location"] == SITE + location
    # Werkzeug builds this redirect for the request's Host: any other is refused.
    forged = client.get("/", environ_overrides={
        "PATH_INFO": path_info, "HTTP_HOST": "evil.example"})
    assert forged.status_code == 400
    assert "Location" not in forged.headers


@pytest.mark.parametrize(
    "path_info",
    [
        "//evil.example",
        "//evil.example/en/about",
        "//evil.example/../en/about",
        "/\\evil.example",
        "/\t/evil.example",
        "/%2F%2Fevil.example",
        "/%5Cevil.example/en/about",
    ],
)
def test_paths_naming_another_host_are_404_not_redirects(client, path_info):
    response = client.get("/", environ_overrides={"PATH_INFO": path_info})
    assert response.status_code == 404
    assert "Location" not in response.headers


def test_a_local_site_redirects_on_the_name_and_port_typed():
    # `make run` on another port, opened as localhost: the redirect stays there.
    local = create_app({"TESTING": True, "SITE_URL": "http://127.0.0.1:5000"})
    response = local.test_client().get(
        PAGES_BY_ENDPOINT["about"].rule(SOURCE_LANGUAGE).rstrip("/"),
        headers={"Host": "localhost:5001"})
    assert response.headers["Location"] == (
        "http://localhost:5001" + PAGES_BY_ENDPOINT["about"].rule(SOURCE_LANGUAGE))
