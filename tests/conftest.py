import pytest

from cde import create_app


@pytest.fixture
def app():
    """A fresh app per test, configured as in production but for TESTING."""
    return create_app({"TESTING": True, "SITE_URL": "https://cde.example.org"})


@pytest.fixture
def client(app):
    return app.test_client()


@pytest.fixture
def runner(app):
    return app.test_cli_runner()
