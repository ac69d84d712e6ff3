"""No redirect can send a visitor off the site, whatever the path or the Host header."""
import pytest


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
def test_trailing_slash_redirect_is_a_plain_path_whatever_the_host(
    client, path_info, location
):
    # Werkzeug builds this redirect from the Host header, which is forged here.
    # PATH_INFO is set directly: the test client would read "//host/..." as a host.
    response = client.get(
        "/",
        environ_overrides={
            "PATH_INFO": path_info,
            "HTTP_HOST": "evil.example",
            "HTTP_X_FORWARDED_HOST": "evil.example",
        },
    )
    assert response.status_code == 308
    assert response.headers["Location"] == location


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
