"""The translation studio (`make translate`): the site in translator mode, on this
machine only, where a translator picks a text on the real page, edits its translation
and saves it into the catalog, checked as `flask translate check` checks it.

Only `flask translate studio` adds it to a site (`init_app`). It answers only its own
address (loopback, TRUSTED_HOSTS), and a POST only from its own pages (Origin) as JSON,
so another site open in the same browser can neither read nor write through it."""
import json
import threading
from urllib.parse import urlsplit

from flask import (
    Blueprint, Flask, Response, abort, current_app, jsonify, make_response,
    render_template, request,
)

from .. import i18n
from ..errors import REFUSED_BEFORE_ROUTING
from ..languages import SITE_TEXTS, entries
from ..marks import Mark
from ..pages import SOURCE_LANGUAGE
from ..safe_gettext import site_texts
from ..security import LOOPBACK
from .catalogs import Project, compile_catalogs, read_catalog
from .po_reader import Unreadable, read_strictly
from .po_writer import po_bytes, write_file
from .search import found
from .studio_texts import (
    about, file_problem, message_id, needing_work, problems_of, work_to_do,
)
from .studio_words import PANEL, START, found_words, in_words
from .tool_language import _t, _tn
from .where import STUDIO_PREFIX, shown

# Every translated text, with its ID, marked until the page is complete.
PICKABLE = Mark("\ue002", "\ue004")
_SAVING = threading.Lock()

studio = Blueprint("studio", __name__, url_prefix=STUDIO_PREFIX,
                   static_folder="studio_assets", static_url_path="/static",
                   template_folder="studio_assets")


class _Studio:
    """A language's translations, each text marked with its ID: the four lookups that
    Flask-Babel and the site's templates make (cde/safe_gettext.py)."""

    def __init__(self, translations):
        self.real = translations

    def _marked(self, context, msgid, text):
        return PICKABLE.around(text, message_id(context, msgid))

    def ugettext(self, message):
        return self._marked(None, message, self.real.ugettext(message))

    def ungettext(self, singular, plural, n):
        return self._marked(None, singular, self.real.ungettext(singular, plural, n))

    def upgettext(self, context, message):
        return self._marked(context, message, self.real.upgettext(context, message))

    def unpgettext(self, context, singular, plural, n):
        return self._marked(context, singular, self.real.unpgettext(context, singular, plural, n))


def _page(response: Response) -> Response:
    """after_request: each marked text as `<span data-cde-msg=ID>`, or in the studio's
    meta where no element can go; and the studio's script and style. In any order with
    the site's `finish`: each resolves its own marks, and this one touches no header."""
    if response.mimetype != "text/html" or response.direct_passthrough:
        return response
    html, bare = PICKABLE.resolve(response.get_data(as_text=True), 'data-cde-msg="{}"'.format)
    lang = i18n.page_language()
    # Not on the studio's own pages, nor when a foreign Host was refused before
    # routing (no URL can be built then).
    if (lang != SOURCE_LANGUAGE and "</head>" in html and request.blueprint != "studio"
            and not isinstance(request.routing_exception, REFUSED_BEFORE_ROUTING)):
        html = html.replace("</head>", render_template(
            "studio_head.html", lang=lang,
            hidden=" ".join(dict.fromkeys(msg for msg, _ in bare)),
            titled=" ".join(dict.fromkeys(msg for msg, inside in bare if inside == "title")),
            todo=" ".join(_needing_work(lang)),
            labels=json.dumps(in_words(PANEL), ensure_ascii=False)) + "</head>", 1)
    response.set_data(html)
    return response


def _needing_work(lang: str) -> list[str]:
    """The IDs of `lang`'s texts that need work, which the panel's list marks; read
    once a compile (where.py renders every page, each would check the catalog)."""
    todo = current_app.extensions.setdefault("studio_todo", {})
    if lang not in todo:
        project, folder = Project.from_config(current_app.config), str(i18n.locale_of(lang))
        catalog, _ = read_catalog(project, folder)
        todo[lang] = [] if catalog is None else [message_id(*key) for key in needing_work(
            project, project.po_path(folder), catalog)]
    return todo[lang]


def _compiled() -> None:
    """Compile every catalog, and have the next page load them (and where.py read
    the site again: a page's name is its heading, which may have changed)."""
    compile_catalogs(Project.from_config(current_app.config))
    site_texts(current_app).forget()
    current_app.extensions.pop("studio_where", None)
    current_app.extensions.pop("studio_todo", None)
    current_app.extensions["studio_compiled"] = _signature()


def _signature() -> tuple:
    """What tells that a catalog changed: each .po file's size and time."""
    return tuple((str(po), po.stat().st_size, po.stat().st_mtime_ns) for po in
                 SITE_TEXTS.catalogs(Project.from_config(current_app.config).translations))


def _fresh_catalogs() -> None:
    """before_request: a catalog edited by hand (or in another tab) while the studio
    runs is compiled before the page is served, so the page shows the file's text."""
    with _SAVING:
        if current_app.extensions.get("studio_compiled") != _signature():
            _compiled()


@studio.before_request
def _same_origin() -> None:
    """A write comes from the studio's own pages, as JSON, or not at all: a form on
    another site cannot send JSON, nor a script read or forge the Origin."""
    if request.method == "POST" and (
            request.headers.get("Origin") != request.host_url.rstrip("/")
            or not request.is_json):
        abort(403)


def _catalog(lang: str, msg: str | None = None):
    """(project, .po path, catalog, its text of ID `msg`) of a language the site has."""
    if lang not in i18n.all_languages(current_app.config) or lang == SOURCE_LANGUAGE:
        abort(404)
    project = Project.from_config(current_app.config)
    po = project.po_path(str(i18n.locale_of(lang)))
    try:
        catalog, _ = read_strictly(po.read_bytes(), po.parent.parent.name)
    except Unreadable as error:  # edited by hand meanwhile: say where, and what
        abort(make_response(jsonify(said=file_problem(project, po, *error.args)), 409))
    texts = {message_id(*key): message for key, message in entries(catalog).items()}
    if msg is not None and msg not in texts:
        abort(404)
    return project, po, catalog, texts.get(msg)


@studio.get("/")
def start():
    """The start page: each language's progress, pages and work, and what ?q= finds."""
    where, words = shown(current_app), " ".join(request.args.get("q", "").split())[:200]
    languages = work_to_do(Project.from_config(current_app.config), where)
    # Each language the site has whose catalog reads (else its section says why).
    results = [(language, found(language["code"], language["catalog"], words, where))
               for language in languages if words and language["catalog"]
               and i18n.code_of(language["code"]) in i18n.all_languages(current_app.config)]
    return render_template("studio_start.html", words=in_words(START),
                           languages=languages, query=words, results=results,
                           found=words and found_words(
                               [text for _, each in results for text in each], words))


@studio.get("/api/<lang>")
def search(lang: str):
    """The texts whose English or translation holds the words of ?q=."""
    _, _, catalog, _ = _catalog(lang)
    words = " ".join(request.args.get("q", "").split())[:200]
    texts = found(lang, catalog, words, shown(current_app))
    return jsonify(said=found_words(texts, words), found=texts)


@studio.get("/api/<lang>/<msg>")
def show(lang: str, msg: str):
    """A text as the panel shows it, with the pages of `lang` that show it by name and
    section, never by template file (a translator does not know those)."""
    project, po, catalog, message = _catalog(lang, msg)
    where = shown(current_app)
    pages = [{"path": path, "name": where["names"][path],
              "section": "" if section == where["names"][path] else section}
             for path, section in where["texts"].get(msg, {}).items()
             if path.startswith(f"/{lang}/")]
    return jsonify(id=msg, pages=pages,
                   **about(project, po, catalog, message, where["short"].get(msg, "")))


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
        project, po, catalog, message = _catalog(lang, msg)
        if message.pluralizable:
            return jsonify(said=_t("A text with plural forms is translated in the .po "
                                   "file itself, one msgstr[N] per form.")), 422
        # Changed in the file since the panel read it (by hand, another tab): keep the
        # file's, which _fresh_catalogs compiled before this request.
        if isinstance(was, str) and was != message.string:
            return jsonify(conflict=True, said=_t(
                "This translation changed in the file since you opened it: reload "
                "the page to see it."), translation=message.string), 409
        message.string = text
        message.flags.discard("fuzzy")
        message.previous_id = []
        if problems := problems_of(project, po, catalog, message):
            return jsonify(problems=problems, said=_tn(
                "Not saved: {count} problem, listed below, needs mending first.",
                "Not saved: {count} problems, listed below, need mending first.",
                len(problems)).format(count=len(problems))), 422
        write_file(po, po_bytes(catalog, edited=po.read_bytes()))
        _compiled()
    # Where each text is, read again now (the site rendered anew: seconds), while the
    # panel says it is saving: after the reload the panel shows the text at once.
    shown(current_app)
    return jsonify(saved=True)


def init_app(app: Flask) -> None:
    """Add the studio (marks, pages, API, fresh catalogs) to a site create_app built."""
    if app.config.get("PRODUCTION") or urlsplit(app.config["SITE_URL"]).hostname not in LOOPBACK:
        raise RuntimeError("Refusing to start: the translation studio runs on this "
                           "machine's own address only, never in production.")
    site_texts(app).wrap = _Studio
    app.register_blueprint(studio)
    app.before_request(_fresh_catalogs)
    app.after_request(_page)
