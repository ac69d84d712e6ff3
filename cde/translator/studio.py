"""The translation studio (`make translate`): the site in translator mode, on this
machine only. A translator picks a text on the real page, edits its translation and
saves it into the catalog, checked as `flask translate check` checks it.

Only `flask translate studio` adds it to the site (`init_app`), which create_app
knows nothing of: `make serve`, `make freeze` and the export never have it. In the
studio, every translated text of a page is wrapped as `<span data-cde-msg=ID>`
(or, in the <title> and attributes, listed in the page's `cde-studio` meta), and
the page loads studio_assets/studio.js (a module, with page.js and panel.js),
which talks to the JSON API below:

    GET  /_studio/api/<lang>/<ID>   the text: English, translation, notes, pages...
    POST /_studio/api/<lang>/<ID>   {"translation": ..., "was": ...}: 200 saved and
                                    compiled, 422 refused, 409 changed meanwhile

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

from .. import i18n
from ..errors import REFUSED_BEFORE_ROUTING
from ..languages import entries
from ..marks import Mark
from ..pages import SOURCE_LANGUAGE
from ..safe_gettext import site_texts
from ..security import LOOPBACK
from .catalogs import Project, compile_catalogs, problem
from .po_reader import Unreadable, read_strictly
from .po_writer import po_bytes, write_file
from .review import about, refusal, work_to_do
from .tool_language import _t, _t_noop, spoken_language
from .where import STUDIO_PREFIX, pages_showing

# Every translated text, with its ID, marked until the page is complete.
PICKABLE = Mark("\ue002", "\ue004")
_SAVING = threading.Lock()

studio = Blueprint("studio", __name__, url_prefix=STUDIO_PREFIX,
                   static_folder="studio_assets", static_url_path="/static",
                   template_folder="studio_assets")
# The words of the studio's own interface (translated where they are shown).
LABELS = {
    "open": _t_noop("Translate this page"), "close": _t_noop("Close the studio"),
    "panel": _t_noop("Translation studio"),
    "hint": _t_noop("Pick a text on the page, or in this list."),
    "texts_on_page": _t_noop("Texts on this page"),
    "hidden": _t_noop("(in the title or an attribute)"),
    "english": _t_noop("English"), "translation": _t_noop("Translation"),
    "save": _t_noop("Save"), "saved": _t_noop("Saved: the page shows it."),
    "notes": _t_noop("Notes from the developers"),
    "where": _t_noop("Where it appears"), "terms": _t_noop("Glossary terms"),
    "problems": _t_noop("Problems"), "none": _t_noop("None"),
    "start": _t_noop("What needs work"), "open_text": _t_noop("Open on its page"),
    "failed": _t_noop("The studio could not do that; reload the page and try again."),
}


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


def pickable(html: str) -> tuple[str, list[str]]:
    """The page with each marked text as `<span data-cde-msg>`, and the IDs of those
    that sit where no element can go (the <title>, an attribute)."""
    html, hidden = PICKABLE.resolve(html, lambda msg: f'data-cde-msg="{msg}"')
    return html, list(dict.fromkeys(hidden))


def _labels() -> dict:
    """The words of the studio's own interface, in the translator's language."""
    spoken = spoken_language()
    return {"lang": spoken, "dir": i18n.text_direction(spoken),
            **{key: _t(text) for key, text in LABELS.items()}}


def _page(response: Response) -> Response:
    """after_request: a page made pickable, with the studio's script and style.

    It runs before the site's own `finish` (Flask runs the hooks registered last
    first), and could as well run after it: each resolves its own kind of mark
    (cde/marks.py), and this one touches no header."""
    if response.mimetype != "text/html" or response.direct_passthrough:
        return response
    html, hidden = pickable(response.get_data(as_text=True))
    lang = i18n.page_language()
    # Not on the studio's own pages, nor when a foreign Host was refused before
    # routing (no URL can be built then).
    if (lang != SOURCE_LANGUAGE and "</head>" in html and request.blueprint != "studio"
            and not isinstance(request.routing_exception, REFUSED_BEFORE_ROUTING)):
        head = render_template("studio_head.html", lang=lang, hidden=" ".join(hidden),
                               labels=json.dumps(_labels(), ensure_ascii=False))
        html = html.replace("</head>", head + "</head>", 1)
    response.set_data(html)
    return response


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
    except Unreadable as error:  # edited by hand meanwhile: say so, as check would
        abort(Response(json.dumps({"problem": problem(project.show(po), *error.args)}),
                       409, mimetype="application/json"))
    return project, po, catalog, {message_id(context, msgid): message for (
        context, msgid), message in entries(catalog).items()}


@studio.get("/")
def start():
    """The studio's start page: each language's progress and what needs work."""
    project = Project.from_config(current_app.config)
    return render_template("studio_start.html", labels=_labels(), languages=work_to_do(
        project, message_id, pages_showing(current_app)))


@studio.get("/api/<lang>/<msg>")
def show(lang: str, msg: str):
    """A text as the panel shows it."""
    project, po, catalog, by_id = _catalog(lang)
    if msg not in by_id:
        abort(404)
    pages = [page for page in pages_showing(current_app).get(msg, [])
             if page.startswith(f"/{lang}/")]  # the translator's language's pages
    return jsonify(id=msg, **about(project, po, catalog, by_id[msg], pages))


@studio.post("/api/<lang>/<msg>")
def save(lang: str, msg: str):
    """Write a translation into the catalog and compile it, if the check takes it;
    otherwise nothing is written (the page keeps its last good text, the panel the
    typed one) and the check's own sentence says why."""
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
            return jsonify(problem=_t("A text with plural forms is translated in the "
                                      ".po file itself, one msgstr[N] per form.")), 422
        # Changed in the file since the panel read it (by hand, another tab): say so
        # rather than overwrite it.
        if isinstance(was, str) and was != message.string:
            return jsonify(problem=_t("This translation changed in the file since you "
                                      "opened it: reload the page to see it.")), 409
        message.string = text
        message.flags.discard("fuzzy")
        message.previous_id = []
        if said := refusal(project, po, catalog, message):
            return jsonify(problem=said), 422
        write_file(po, po_bytes(catalog, edited=po.read_bytes()))
        compile_catalogs(project)
        site_texts(current_app).forget()
    return jsonify(saved=True)


def init_app(app: Flask) -> None:
    """Add the studio to a site that create_app built: every text marked, the studio's
    pages and API served. Only `flask translate studio` does this."""
    host = urlsplit(app.config["SITE_URL"]).hostname
    if app.config.get("PRODUCTION") or host not in LOOPBACK:
        raise RuntimeError("Refusing to start: the translation studio runs on this "
                           "machine's own address only, never in production.")
    texts = site_texts(app)
    texts.wrap = _Studio
    texts.forget()
    app.register_blueprint(studio)
    app.after_request(_page)

