"""The translation studio (`make translate`): the site in translator mode, on this
machine only. A translator picks a text on the real page, edits its translation and
saves it into the catalog, checked as `flask translate check` checks it.

Only `flask translate studio` adds it to the site (`init_app`), which create_app
knows nothing of: `make serve`, `make freeze` and the export never have it. In the
studio, every translated text of a page is wrapped as `<span data-cde-msg=ID>`
(or, in the <title> and attributes, listed in the page's `cde-studio` meta), and
the page loads studio_assets/studio.js (a module, with page.js and panel.js),
which talks to the JSON API below:

    GET  /_studio/api/<lang>?q=...  the texts whose English or translation holds
                                    those words, on a page or not
    GET  /_studio/api/<lang>/<ID>   the text: English, translation, notes, pages,
                                    every problem in the studio's words...
    POST /_studio/api/<lang>/<ID>   {"translation": ..., "was": ...}: 200 saved and
                                    compiled, 422 refused (with every problem), 409
                                    changed meanwhile (the file's text compiled, so a
                                    reload shows it)

A catalog edited by hand while the studio runs is compiled again before the next
page is served, so what a page shows is always what the file says.

The studio answers only its own address (loopback, TRUSTED_HOSTS), and a POST only
from its own pages (Origin) as JSON, so another site open in the same browser can
neither read nor write through it.
"""
import hashlib
import json
import threading
from gettext import NullTranslations
from urllib.parse import urlsplit

from flask import (
    Blueprint, Flask, Response, abort, current_app, jsonify, render_template, request,
)
from werkzeug.exceptions import HTTPException

from .. import i18n
from ..errors import REFUSED_BEFORE_ROUTING
from ..languages import SITE_TEXTS, entries
from ..marks import Mark
from ..pages import SOURCE_LANGUAGE
from ..safe_gettext import site_texts
from ..security import LOOPBACK
from .catalogs import Project, compile_catalogs
from .po_reader import Unreadable, read_strictly
from .po_writer import po_bytes, write_file
from .studio_texts import about, file_problem, found, problems_of, work_to_do
from .studio_words import (
    draft_words, found_words, not_saved, page_todo, panel_words, progress_words,
    start_words,
)
from .tool_language import _t
from .where import (
    STUDIO_PREFIX, page_names, pages_showing, places_showing, short_places,
)

# Every translated text, with its ID, marked until the page is complete.
PICKABLE = Mark("\ue002", "\ue004")
_SAVING = threading.Lock()

studio = Blueprint("studio", __name__, url_prefix=STUDIO_PREFIX,
                   static_folder="studio_assets", static_url_path="/static",
                   template_folder="studio_assets")


def message_id(context: str | None, msgid: str) -> str:
    """A text's short, stable ID: from its context and English, nothing else."""
    return hashlib.sha1(f"{context or ''}\x04{msgid}".encode()).hexdigest()[:10]


class _Studio(NullTranslations):
    """A language's translations, each text marked with its ID."""

    def __init__(self, translations):
        super().__init__()
        self.real = translations

    def _marked(self, context, msgid, text):
        return PICKABLE.around(text, message_id(context, msgid))

    def gettext(self, message):
        return self._marked(None, message, self.real.ugettext(message))

    def ngettext(self, singular, plural, n):
        return self._marked(None, singular, self.real.ungettext(singular, plural, n))

    def pgettext(self, context, message):
        return self._marked(context, message, self.real.upgettext(context, message))

    def npgettext(self, context, singular, plural, n):
        return self._marked(context, singular,
                            self.real.unpgettext(context, singular, plural, n))

    ugettext, ungettext, upgettext, unpgettext = gettext, ngettext, pgettext, npgettext


def pickable(html: str) -> tuple[str, list[str], list[str]]:
    """The page with each marked text as `<span data-cde-msg>`; the IDs of those
    that sit where no element can go (the <title>, an attribute), and of those of
    them in the <title>."""
    html, bare = PICKABLE.resolve(html, lambda msg: f'data-cde-msg="{msg}"')
    return (html, list(dict.fromkeys(msg for msg, _ in bare)),
            list(dict.fromkeys(msg for msg, inside in bare if inside == "title")))


def _page(response: Response) -> Response:
    """after_request: a page made pickable, with the studio's script and style.

    It runs before the site's own `finish` (Flask runs the hooks registered last
    first), and could as well run after it: each resolves its own kind of mark
    (cde/marks.py), and this one touches no header."""
    if response.mimetype != "text/html" or response.direct_passthrough:
        return response
    html, hidden, titled = pickable(response.get_data(as_text=True))
    lang = i18n.page_language()
    # Not on the studio's own pages, nor when a foreign Host was refused before
    # routing (no URL can be built then).
    if (lang != SOURCE_LANGUAGE and "</head>" in html and request.blueprint != "studio"
            and not isinstance(request.routing_exception, REFUSED_BEFORE_ROUTING)):
        head = render_template(
            "studio_head.html", lang=lang, hidden=" ".join(hidden),
            titled=" ".join(titled),
            labels=json.dumps(panel_words(), ensure_ascii=False))
        html = html.replace("</head>", head + "</head>", 1)
    response.set_data(html)
    return response


def _compiled(app: Flask) -> None:
    """Compile every catalog, and have the next page load them (and where.py read
    the site again: a page's name is its heading, which may have changed)."""
    project = Project.from_config(app.config)
    compile_catalogs(project)
    site_texts(app).forget()
    app.extensions.pop("studio_where", None)
    app.extensions["studio_compiled"] = _signature(project)


def _signature(project: Project) -> tuple:
    """What tells that a catalog changed: each .po file's size and time."""
    return tuple((str(po), po.stat().st_size, po.stat().st_mtime_ns)
                 for po in SITE_TEXTS.catalogs(project.translations))


def _fresh_catalogs() -> None:
    """before_request: a catalog edited by hand (or in another tab) while the studio
    runs is compiled before the page is served, so the page shows the file's text."""
    with _SAVING:
        project = Project.from_config(current_app.config)
        if current_app.extensions.get("studio_compiled") != _signature(project):
            _compiled(current_app._get_current_object())


@studio.before_request
def _same_origin() -> None:
    """A write comes from the studio's own pages, as JSON, or not at all: a form on
    another site cannot send JSON, nor a script read or forge the Origin."""
    if request.method == "POST" and (
            request.headers.get("Origin") != request.host_url.rstrip("/")
            or not request.is_json):
        abort(403)


def _catalog(lang: str):
    """(project, .po path, catalog, its texts by ID) of a language the site has."""
    if lang not in i18n.all_languages(current_app.config) or lang == SOURCE_LANGUAGE:
        abort(404)
    project = Project.from_config(current_app.config)
    po = project.po_path(str(i18n.locale_of(lang)))
    try:
        catalog, _ = read_strictly(po.read_bytes(), po.parent.parent.name)
    except Unreadable as error:  # edited by hand meanwhile: say where, and what
        abort(Response(json.dumps({"said": file_problem(project, po, *error.args)}),
                       409, mimetype="application/json"))
    return project, po, catalog, {message_id(context, msgid): message for (
        context, msgid), message in entries(catalog).items()}


def _where(lang: str) -> dict:
    """Each text's pages in `lang` (another language's show the same text in its
    own translation)."""
    return {msg: [page for page in pages if page.startswith(f"/{lang}/")]
            for msg, pages in pages_showing(current_app).items()}


@studio.get("/")
def start():
    """The studio's start page: each language's progress, pages and what needs
    work, and what a search (?q=) finds in every language."""
    project = Project.from_config(current_app.config)
    languages = work_to_do(project, message_id, pages_showing(current_app),
                           page_names(current_app))
    for language in languages:
        if language["progress"]:
            language["done"], language["left"] = progress_words(language["progress"],
                                                                 language["flagged"])
            language["draft"] = language["progress"].draft and draft_words(
                language["code"])
        for page in language["pages"]:
            page["said"] = page_todo(page["todo"])
    words, results = " ".join(request.args.get("q", "").split())[:200], []
    if words:
        for language in languages:
            code = i18n.code_of(language["code"])
            try:
                _, _, catalog, _ = _catalog(code)
            except HTTPException:  # unreadable: the page says so in its section
                continue
            results.append((language, found(language["code"], catalog, words,
                                            message_id, _where(code))))
    return render_template("studio_start.html", words=start_words(),
                           languages=languages, query=words, results=results,
                           found=words and found_words(
                               sum(len(each) for _, each in results), words))


@studio.get("/api/<lang>")
def search(lang: str):
    """The texts whose English or translation holds the words of ?q=."""
    _, _, catalog, _ = _catalog(lang)
    words = " ".join(request.args.get("q", "").split())[:200]
    texts = found(str(i18n.locale_of(lang)), catalog, words, message_id, _where(lang))
    return jsonify(said=found_words(len(texts), words), found=texts)


@studio.get("/api/<lang>/<msg>")
def show(lang: str, msg: str):
    """A text as the panel shows it: where it appears by page name and section,
    never by template file (a translator does not know those)."""
    project, po, catalog, by_id = _catalog(lang)
    if msg not in by_id:
        abort(404)
    pages = places_showing(current_app, f"/{lang}/").get(msg, [])
    return jsonify(id=msg, **about(project, po, catalog, by_id[msg], pages,
                                   short_places(current_app).get(msg, "")))


@studio.post("/api/<lang>/<msg>")
def save(lang: str, msg: str):
    """Write a translation into the catalog and compile it, if the check takes it;
    otherwise nothing is written (the page keeps its last good text, the panel the
    typed one), and every problem is said in the studio's words."""
    sent = request.get_json(silent=True) or {}
    text, was = sent.get("translation"), sent.get("was")
    if not isinstance(text, str):
        abort(400)
    with _SAVING:
        project, po, catalog, by_id = _catalog(lang)
        if msg not in by_id:
            abort(404)
        message = by_id[msg]
        if message.pluralizable:
            return jsonify(said=_t("A text with plural forms is translated in the .po "
                                   "file itself, one msgstr[N] per form.")), 422
        # Changed in the file since the panel read it (by hand, another tab): keep
        # the file's, compiled so that the page shows it once reloaded.
        if isinstance(was, str) and was != message.string:
            _compiled(current_app._get_current_object())
            return jsonify(conflict=True, said=_t(
                "This translation changed in the file since you opened it: reload "
                "the page to see it."), translation=message.string), 409
        message.string = text
        message.flags.discard("fuzzy")
        message.previous_id = []
        if problems := problems_of(project, po, catalog, message):
            return jsonify(said=not_saved(len(problems)), problems=problems), 422
        write_file(po, po_bytes(catalog, edited=po.read_bytes()))
        _compiled(current_app._get_current_object())
    return jsonify(saved=True)


def init_app(app: Flask) -> None:
    """Add the studio to a site that create_app built: every text marked, the studio's
    pages and API served, catalogs edited meanwhile compiled. Only `flask translate
    studio` does this."""
    host = urlsplit(app.config["SITE_URL"]).hostname
    if app.config.get("PRODUCTION") or host not in LOOPBACK:
        raise RuntimeError("Refusing to start: the translation studio runs on this "
                           "machine's own address only, never in production.")
    texts = site_texts(app)
    texts.wrap = _Studio
    texts.forget()
    app.register_blueprint(studio)
    app.before_request(_fresh_catalogs)
    app.after_request(_page)
