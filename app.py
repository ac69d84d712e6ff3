"""The application: `flask --app app run` (make run), `flask --app app freeze` (the
export nginx serves) and `flask --app app translate` load this."""
from cde import create_app

app = create_app()
