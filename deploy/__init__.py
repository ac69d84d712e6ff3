"""Running the export in production: `make serve` (serve.py, `python -m deploy.serve`)
and nginx on an export (nginx_server.py), which the tests and the benchmark run too.
"""
