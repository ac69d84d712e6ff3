"""The translator's desk: `flask translate` and the translation studio.

Nothing here runs when the site serves a page: app.py adds `flask translate` to the
command line, imported only when a command line names it.
"""
