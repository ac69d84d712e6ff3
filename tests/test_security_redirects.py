"""No redirect can send a visitor off the site, whatever the path or the Host header."""
from urllib.parse import urlsplit

import pytest

from servers import HOST


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
    assert urlsplit(response.headers["Location"])[1:] == (HOST, location, "", "")
    # Werkzeug builds this redirect from the Host: any Host but the site's is refused.
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
