"""The translator's desk: `flask translate` and the translation studio, which app.py
imports only when a command line names them: serving a page never does."""
