"""The nginx configuration of the static export, generated from the app.

Nothing in it is written by hand: the languages and the default come from the app,
the rule at `/` from cde/negotiation.py (`tag_patterns`, at every q-value), and
the headers of every file from the built site itself (cde/build.py), so a new
language or page, or a changed header, reaches nginx with the next export.
"""
from pathlib import Path

from jinja2 import Environment, FileSystemLoader, StrictUndefined

from . import ROOT, i18n, negotiation
from .build import ERROR_STATUSES, Rendered
from .security import is_https, policy_headers
from .views import NEGOTIATED_VARY, PAGE_CACHE_CONTROL

TEMPLATE = ROOT / "deploy" / "nginx.conf.jinja"
# Headers that differ from file to file, sent by nginx as the app sent them.
PER_FILE_HEADERS = ("Cache-Control", "Content-Language", "Set-Cookie")
# The types nginx would give pages by itself (mime.types, `charset utf-8`).
NGINX_TYPED = ("text/html; charset=utf-8", "text/css; charset=utf-8")


def file_of(path: str) -> str:
    """The file behind a URL path in the export: /en/about/ -> /en/about/index.html."""
    return path + "index.html" if path.endswith("/") else path


def q_levels() -> list[str]:
    """The q parameter, as a regular expression, for q = 1, 0.999, ... 0.001.

    RFC 9110 allows three decimals; nginx cannot compare numbers, so each value
    gets its own line, highest first. q = 1 is also what an entry without q has.
    """
    levels = [r"(?:\s*+;\s*+q=0*+1(?:\.0++)?)?"]
    for thousandths in range(999, 0, -1):
        digits = f"{thousandths:03d}".rstrip("0")
        levels.append(rf"\s*+;\s*+q=0++\.{digits}0*+")
    return levels


def _quoted(value: str) -> str:
    """A header value inside nginx double quotes."""
    return value.replace("\\", "\\\\").replace('"', '\\"')


def nginx_config(app, site: dict[str, Rendered], root: Path) -> str:
    """The server configuration for an export of `site` (render_site) in `root`."""
    codes = app.config["LANGUAGES"]
    with app.app_context():
        default = i18n.request_default_language()
    patterns = negotiation.tag_patterns(codes)
    headers = {path: dict(answer.headers) for path, answer in site.items()}
    per_file = [
        (name, f"$cde_{name.lower().replace('-', '_')}",
         [(file_of(path), _quoted(sent[name])) for path, sent in headers.items()
          if name in sent])
        for name in PER_FILE_HEADERS
    ]
    typed_files = [
        (file_of(path), headers[path]["Content-Type"])
        for path, answer in site.items()
        if answer.status == 200 and headers[path]["Content-Type"] not in NGINX_TYPED
    ]
    environment = Environment(
        loader=FileSystemLoader(TEMPLATE.parent), undefined=StrictUndefined,
        trim_blocks=True, lstrip_blocks=True, keep_trailing_newline=True,
    )
    return environment.get_template(TEMPLATE.name).render(
        codes=codes,
        default=default,
        tags="|".join(pattern for pattern, _ in patterns),
        patterns=patterns,
        q_levels=q_levels(),
        max_header=negotiation.MAX_ACCEPT_LANGUAGE,
        per_file=per_file,
        typed_files=typed_files,
        policy_headers=[(n, _quoted(v)) for n, v in policy_headers(
            is_https(app.config))],
        root=root,
        error_statuses=sorted({*ERROR_STATUSES, 413, 414}),
        redirect_cache_control=PAGE_CACHE_CONTROL,
        negotiated_vary=NEGOTIATED_VARY,
        site_urls=[path for path, answer in site.items() if answer.status == 200],
        error_files=[path for path, answer in site.items() if answer.status != 200],
    )

