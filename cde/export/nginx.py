"""The web server's configuration for the export: nginx's (nginx.conf.jinja, with the
njs rule at `/`, language.js.jinja) and the `_headers` file of static hosts. None of
it is written by hand (the languages, cde/negotiation.py's rule, SITE_URL's host, each
file's headers and content type as render.py got them), so a new language or page,
or a changed header, reaches nginx with the next export."""
from pathlib import Path, PurePosixPath
from urllib.parse import urlsplit

from jinja2 import Environment, FileSystemLoader, StrictUndefined

from .. import negotiation
from ..i18n import default_language
from ..security import is_https, policy_headers
from ..views import NEGOTIATED_VARY, PAGE_CACHE_CONTROL
from .render import ERROR_STATUSES, Rendered

# Headers that differ from file to file, sent by nginx as the app sent them.
PER_FILE_HEADERS = ("Cache-Control", "Content-Language", "Set-Cookie")
CHARSET = "; charset=utf-8"
# The templates of this folder, where nothing may be left undefined.
TEMPLATES = Environment(
    loader=FileSystemLoader(Path(__file__).parent), undefined=StrictUndefined,
    trim_blocks=True, lstrip_blocks=True, keep_trailing_newline=True)
# A header value inside nginx's double quotes.
TEMPLATES.filters["quoted"] = lambda value: value.replace("\\", "\\\\").replace('"', '\\"')


def file_of(path: str) -> str:
    """The file behind a URL path in the export: /en/about/ -> /en/about/index.html."""
    return path + "index.html" if path.endswith("/") else path


def by_section(site: dict[str, Rendered], name: str) -> list[tuple[str, str]]:
    """(section, value) of header `name`, the same for every file of a section
    (nginx's $cde_section: the folder at the top that holds the file, en or static,
    or the file itself when it is at the top, /sitemap.xml). A section whose files
    differ stops the export, naming them."""
    values: dict[str, tuple[str, str]] = {}
    for path, answer in site.items():
        # Set-Cookie counts only on answers that are read (200): nginx sends it
        # with nothing else.
        if name == "Set-Cookie" and answer.status != 200:
            continue
        file = file_of(path)
        section = file.split("/")[1] if file.count("/") > 1 else file
        value = dict(answer.headers).get(name, "")
        first = values.setdefault(section, (path, value))
        if first[1] != value:
            raise ValueError(f"{name} differs within /{section}/: {first[0]} was sent "
                             f"{first[1]!r}, {path} {value!r}")
    return [(section, value) for section, (_, value) in values.items() if value]


def content_types(site: dict[str, Rendered]) -> dict[str, list]:
    """nginx's `types` (mime, extension) and `charset_types`, as the app sent them:
    one type per extension, which the export checks."""
    types: dict[str, str] = {}
    for path, answer in site.items():
        extension = PurePosixPath(file_of(path)).suffix.lstrip(".")
        sent = dict(answer.headers)["Content-Type"]
        if types.setdefault(extension, sent) != sent:
            raise ValueError(f"files ending in .{extension} were sent both "
                             f"{types[extension]!r} and {sent!r}")
    return {"types": sorted((sent.removesuffix(CHARSET), ext) for ext, sent in types.items()),
            # text/html is always one of nginx's charset_types: naming it again is a warning.
            "charset_types": sorted({sent.removesuffix(CHARSET) for sent in types.values()
                                     if sent.endswith(CHARSET)} - {"text/html"})}


def _render(name: str, app, **values) -> str:
    """Template `name` of this folder, with the app's languages and security headers."""
    return TEMPLATES.get_template(name).render(
        codes=app.config["LANGUAGES"], default=default_language(app.config),
        policy_headers=policy_headers(is_https(app.config)), **values)


def headers_file(app, site: dict[str, Rendered]) -> str:
    """`_headers` for hosts that read one (Netlify, Cloudflare Pages): the security
    headers on every file, and Content-Language and Cache-Control by folder, as
    nginx sends them. (No Set-Cookie: such hosts cannot choose at `/` anyway.)"""
    rules: dict[str, list[tuple[str, str]]] = {}
    for name in ("Content-Language", "Cache-Control"):
        for section, value in by_section(site, name):
            pattern = section if section.startswith("/") else f"/{section}/*"
            rules.setdefault(pattern, []).append((name, value))
    return _render("_headers.jinja", app, rules=rules)


def language_script(app) -> str:
    """The njs module that chooses the language at `/`, as negotiation.negotiate does."""
    codes = app.config["LANGUAGES"]
    return _render("language.js.jinja", app, patterns=negotiation.tag_patterns(codes),
                   member=negotiation.member_pattern(codes),
                   max_header=negotiation.MAX_ACCEPT_LANGUAGE, qvalue=negotiation.QVALUE)


def nginx_config(app, site: dict[str, Rendered], root: Path, language_js: Path) -> str:
    """The server configuration for an export of `site` (render_site) in `root`,
    with the njs module `language_js` (language_script) choosing at `/`."""
    site_url = urlsplit(app.config["SITE_URL"])
    # Over https://, TLS_CERTIFICATE(_KEY), else Let's Encrypt's files for the host.
    live = Path("/etc/letsencrypt/live") / site_url.hostname
    tls = is_https(app.config) and {
        "certificate": app.config["TLS_CERTIFICATE"] or live / "fullchain.pem",
        "key": app.config["TLS_CERTIFICATE_KEY"] or live / "privkey.pem"}
    return _render(
        "nginx.conf.jinja", app, root=root, language_js=language_js, tls=tls,
        server_names=app.config["TRUSTED_HOSTS"], site_host=site_url.netloc,
        site_urls=[path for path, answer in site.items() if answer.status == 200],
        by_section=[(name, f"$cde_{name.lower().replace('-', '_')}",
                     by_section(site, name)) for name in PER_FILE_HEADERS],
        **content_types(site),
        # No HSTS over plain HTTP: the server for other Hosts answers on port 80.
        plain_policy_headers=policy_headers(False),
        error_statuses=ERROR_STATUSES, redirect_cache_control=PAGE_CACHE_CONTROL,
        negotiated_vary=NEGOTIATED_VARY)
