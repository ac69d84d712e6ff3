"""The translators' commands' work on the catalogs, through Babel's API. Problems read
as a compiler's, `file:line: what is wrong: "msgid"`, so that a translator can jump
straight to the line."""
import io
from datetime import datetime, timezone
from pathlib import Path
from typing import Callable, NamedTuple

from babel.messages.catalog import Catalog, Message
from babel.messages.extract import extract_from_dir
from babel.messages.frontend import parse_mapping_cfg
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po

from .. import ROOT
from ..i18n import code_of
from ..languages import SITE_TEXTS, entries, is_translated
from ..pages import SOURCE_LANGUAGE
from .checks import msgids, translation_problems
from .locales import folder_problem, parse_language, plural_forms
from .po_reader import Unreadable, read_strictly
from .po_writer import po_bytes, write_file
from .problems import in_file
from .tool_language import _t, _t_noop, _tn

UPDATE_HINT = _t_noop('run "make translations-update"')
UNREADABLE = _t_noop("{lang}: the catalog cannot be read, see above.")


def problem(path: str, line: int, what: str, message: Message | None = None) -> str:
    """One thing wrong in a catalog, as `file:line: what: "msgid"`."""
    return f"{path}:{line}: {what}" + (f': "{msgids(message)[0]}"' if message else "")


class Project(NamedTuple):
    """Where sources and catalogs are, and the draft rule's settings (is_published)."""

    root: Path
    translations: Path
    default_language: str = "es"
    publish_threshold: float = 100

    @classmethod
    def from_config(cls, config) -> "Project":
        """The project an app is configured with (tests set PROJECT_ROOT)."""
        return cls(Path(config.get("PROJECT_ROOT", ROOT)),
                   Path(config["TRANSLATIONS_DIR"]), config["DEFAULT_LANGUAGE"],
                   float(config["PUBLISH_THRESHOLD"]))

    @property
    def template(self) -> Path:
        return SITE_TEXTS.template(self.translations)

    def po_path(self, lang: str) -> Path:
        return SITE_TEXTS.catalog(self.translations, lang)

    def languages(self, only=()) -> list[str]:
        """Every folder that holds a catalog (English, the original, has none), or
        those of the codes in `only` (es, zh-hant, zh_Hant)."""
        return sorted(lang for lang in (po.parent.parent.name for po in (
            SITE_TEXTS.catalogs(self.translations)))
            if not only or code_of(lang) in {code_of(code) for code in only})

    def show(self, path: Path) -> str:
        """A path as the translator knows it: relative to the project if inside it."""
        path, root = path.resolve(), self.root.resolve()
        return str(path.relative_to(root) if path.is_relative_to(root) else path)


def is_live(catalog: Catalog, message: Message) -> bool:
    """Whether the site shows this entry's translation: done, no check refuses it."""
    return (is_translated(message) and not message.fuzzy
            and not translation_problems(catalog, message))


class Result(NamedTuple):
    """What a command `said` of a catalog, the `errors` that stopped it, what compile `left_out`."""

    said: str
    errors: list[str] | tuple = ()
    left_out: list[str] | tuple = ()


def read_catalog(project: Project, lang: str,
                 unreadable: str = "{problem}") -> tuple[Catalog | None, list]:
    """A catalog read strictly (None if it cannot be) and its file's problems, (line, what)."""
    # A folder that is not a language code is skipped by the site, and not read.
    if said := folder_problem(lang):
        return None, [(1, said)]
    try:
        return read_strictly(project.po_path(lang).read_bytes(), lang)
    except Unreadable as error:
        return None, [(error.args[0], unreadable.format(problem=error.args[1]))]


def each_catalog(project: Project, work: Callable[[str, Path, Catalog, list], Result],
                 stopped: Callable[[Path], str], only=()) -> list[Result]:
    """`work(lang, po, catalog, its file's problems)` for each catalog (of `only`); for one
    that cannot be read, its problems and `stopped(po)` ({lang}, {po} or {mo} in it)."""
    results = []
    for lang in project.languages(only):
        po = project.po_path(lang)
        catalog, found = read_catalog(project, lang, _t("cannot be read: {problem}"))
        problems = [problem(project.show(po), *each) for each in found]
        results.append(Result(stopped(po).format(
            lang=lang, po=project.show(po), mo=project.show(po.with_suffix(".mo"))),
            problems) if catalog is None else work(lang, po, catalog, problems))
    return results


# --- Extracting ----------------------------------------------------------------------

def extract(project: Project) -> Catalog:
    """A fresh template: every string of the templates and code that babel.cfg names."""
    cfg = project.root / "babel.cfg"
    maps = parse_mapping_cfg(io.StringIO(cfg.read_text(encoding="utf-8")), str(cfg))
    template = Catalog(project="CdE microsite", charset="utf-8")
    for filename, lineno, message, comments, context in extract_from_dir(
            project.root, *maps, keywords=SITE_TEXTS.keywords,
            # `{# NOTE: ... #}` and `# NOTE: ...` reach translators as `#.` lines, without
            # the tag (Jinja's extractor drops it itself; the Python one is told to).
            comment_tags=("NOTE:",), strip_comment_tags=True):
        template.add(message, None, [(filename, lineno)], auto_comments=comments,
                     context=context)
    return template


def write_template(project: Project) -> Catalog:
    """A fresh extraction, written to messages.pot; when no message changed, it keeps
    its old date, and so do the catalogs updated from it (no churn in git)."""
    template = extract(project)
    if project.template.exists():
        old = project.template.read_bytes()
        now, template.creation_date = template.creation_date, read_po(io.BytesIO(old)).creation_date
        if po_bytes(template) != old:
            template.creation_date = now
    write_file(project.template, po_bytes(template))
    return template


# --- The commands' work ---------------------------------------------------------------

def init(project: Project, code: str) -> tuple[Path, int]:
    """Start a new language's catalog from a fresh extraction; a ValueError says why not."""
    lang = parse_language(code)
    if lang == SOURCE_LANGUAGE:
        raise ValueError(_t('"{lang}" is the original language of the site: its '
                            "texts are the templates themselves, and need no catalog"
                            ).format(lang=lang))
    path = project.po_path(lang)
    if path.exists():
        raise ValueError(_t("{path} already exists; {hint} to bring it up to date")
                         .format(path=project.show(path), hint=_t(UPDATE_HINT)))
    template = write_template(project)
    catalog = read_po(io.BytesIO(po_bytes(template)), locale=lang, domain=SITE_TEXTS.name)
    catalog.mime_headers = [("Plural-Forms", plural_forms(lang))]
    catalog.revision_date = datetime.now(timezone.utc)
    catalog.fuzzy = False
    write_file(path, po_bytes(catalog))
    return path, len(catalog)


def update(project: Project) -> list[Result]:
    """Extract, then bring every catalog in step: new texts untranslated, changed ones
    fuzzy with the English before the change (`#|`), unused ones as `#~` lines."""
    template = write_template(project)

    def update_one(lang: str, po: Path, catalog: Catalog, problems) -> Result:
        before = entries(catalog)
        catalog.update(template, update_header_comment=False)
        new = [m for k, m in entries(catalog).items() if k not in before]
        changed = sum(m.fuzzy for m in new)
        retired = len(entries(catalog.obsolete.values()).keys() & before.keys())
        for key, message in entries(catalog).items():
            # Babel keeps no earlier English for what was already fuzzy; once
            # reviewed, the earlier English is of no more use.
            earlier = message.previous_id or key in before and before[key].previous_id
            message.previous_id = earlier if message.fuzzy and earlier else []
        written = write_file(po, po_bytes(catalog))
        fresh = len(new) - changed
        # English says these alike for one text and for many; other languages do not.
        said = ", ".join(filter(None, [
            fresh and _tn("{new} new to translate", "{new} new to translate", fresh),
            changed and _tn("{changed} changed, to review (fuzzy)",
                            "{changed} changed, to review (fuzzy)", changed),
            retired and _tn("{retired} no longer used", "{retired} no longer used",
                            retired),
            # The only problem update sees in a catalog it can read; it writes none.
            bool(problems) and _t("the byte order mark removed"),
        ])).format(new=fresh, changed=changed, retired=retired) or (
            _t("file references refreshed") if written else _t("already up to date"))
        return Result(f"{project.show(po)}: {said}.")

    return [Result(_t("{path}: {count} texts.").format(
                path=project.show(project.template), count=len(template))),
            *each_catalog(project, update_one, lambda po: _t(
                "{po}: not updated, fix the problem above first."))]


def compile_catalogs(project: Project) -> list[Result]:
    """Every .po into the .mo the site reads. A .po that gettext could not read keeps
    its previous .mo; a translation check refuses is left out, so visitors see the
    original text for it until it is fixed. Nothing else stops a catalog: a
    Plural-Forms header `check` disagrees with is still one gettext can use."""
    if not project.template.exists():  # a copy that never extracted: the count needs it
        write_template(project)
    with project.template.open("rb") as fileobj:
        total = len(entries(read_po(fileobj)))

    def compile_one(lang: str, po: Path, catalog: Catalog, _) -> Result:
        left_out = []
        # Only what is done goes in: Babel would fill a plural's missing forms with
        # the English, unmarked.
        for message in [m for m in catalog if m.id and not is_live(catalog, m)]:
            catalog.delete(message.id, message.context)
            if is_translated(message) and not message.fuzzy:  # refused by a check
                left_out += [_t("{problem} (left out: visitors see the original "
                                "text)").format(problem=problem(
                                    project.show(po), message.lineno, said, message))
                             for said in in_file(translation_problems(catalog, message))]
        buffer = io.BytesIO()
        write_mo(buffer, catalog, use_fuzzy=False)
        write_file(po.with_suffix(".mo"), buffer.getvalue())
        return Result(_t("{mo}: {done} of {total} texts translated.").format(
            mo=project.show(po.with_suffix(".mo")), done=len(catalog),
            total=total), [], left_out)

    def not_compiled(po: Path) -> str:
        if po.with_suffix(".mo").exists():
            return _t("{mo}: not compiled, the site keeps its previous version; fix "
                      "the line above and compile again.")
        # A new .mo is no file `make run` watches: it must start again to see it.
        return _t("{mo}: not compiled, and there is no previous version: the preview "
                  "shows this language in English. Fix the line above, compile again, "
                  "then restart make run.")

    return each_catalog(project, compile_one, not_compiled)
