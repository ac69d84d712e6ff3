"""The deployment scripts of deploy/ (not a package), for the tests that run them."""
import importlib.util
import sys

from cde import ROOT

DEPLOY = ROOT / "deploy"


def _load(name: str):
    if name not in sys.modules:
        spec = importlib.util.spec_from_file_location(name, DEPLOY / f"{name}.py")
        module = importlib.util.module_from_spec(spec)
        sys.modules[name] = module
        spec.loader.exec_module(module)
    return sys.modules[name]


# `make serve-static`: nginx on an export; `make serve`: nginx in front of gunicorn.
nginx_preview = _load("nginx_preview")
serve = _load("serve")
HAS_NGINX = nginx_preview.find_nginx() is not None
NO_NGINX = "nginx is not installed (apt-get install nginx-light; .ci/run does it)"
