"""The export: the site rendered once (render.py), written as files with its web
server's configuration (nginx.py and its templates), as releases (freeze.py,
releases.py). app.py adds `flask freeze` and `flask rollback`; rendering a page
never imports this room."""
