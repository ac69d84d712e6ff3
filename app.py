"""WSGI entry point: `flask --app app run` and `gunicorn app:app` both load this."""
from cde import create_app

app = create_app()
