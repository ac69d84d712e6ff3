"""The work of the translators' commands on the catalogs, through Babel's API, said
in plain words; never a half-written file. Problems read as a compiler's, `file:line:
what is wrong: "msgid"`, so a translator can jump straight to the line."""
import io
import os
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path
from typing import NamedTuple

from babel import Locale
from babel.messages.catalog import Catalog, Message
from babel.messages.extract import DEFAULT_KEYWORDS, extract_from_dir
from babel.messages.frontend import parse_mapping_cfg
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po, write_po

from .catalog_checks import (
    Unreadable, folder_problem, forms, msgids, parse_language, plural_forms,
    read_strictly, translation_problem,
)
from .pages import SOURCE_LANGUAGE

DOMAIN = "messages"
# Babel's keywords, and the lazy ones that cde/pages.py uses (`_l` is lazy_gettext).
KEYWORDS = {**DEFAULT_KEYWORDS, "_l": None, "lazy_gettext": None,
            "lazy_ngettext": (1, 2), "lazy_pgettext": ((1, "c"), 2)}
UPDATE_HINT = 'run "make translations-update"'


def problem(path: str, line: int, what: str, message: Message | None = None) -> str:
    """One thing wrong in a catalog, as `file:line: what: "msgid"`."""
    return f"{path}:{line}: {what}" + (f': "{msgids(message)[0]}"' if message else "")


class Project(NamedTuple):
    """Where the sources (babel.cfg, templates, code) and the catalogs are."""

    root: Path
    translations: Path

    @classmethod
    def from_config(cls, config) -> "Project":
        """The project an app is configured with (PROJECT_ROOT, TRANSLATIONS_DIR)."""
        return cls(Path(config["PROJECT_ROOT"]), Path(config["TRANSLATIONS_DIR"]))

    @property
    def template(self) -> Path:
        return self.translations / f"{DOMAIN}.pot"

    def po_path(self, lang: str) -> Path:
        return self.translations / lang / "LC_MESSAGES" / f"{DOMAIN}.po"

    def languages(self) -> list[str]:
        """Every folder that holds a catalog (English, the original, has none)."""
        return sorted(po.parent.parent.name for po in self.translations.glob(
            f"*/LC_MESSAGES/{DOMAIN}.po"))

    def show(self, path: Path) -> str:
        """A path as the translator knows it: relative to the project if inside it."""
        path, root = path.resolve(), self.root.resolve()
        return str(path.relative_to(root) if path.is_relative_to(root) else path)


def entries(messages) -> dict[tuple, Message]:
    """The entries (not the header) by what identifies them: context and msgid."""
    return {(m.context, msgids(m)[0]): m for m in messages if m.id}


def is_translated(message: Message) -> bool:
    return all(forms(message))


@dataclass(frozen=True)
class Result:
    """What a command did with a catalog: `errors` that kept it as it was, or what
    compile `left_out`, then the line it says."""

    said: str
    errors: list[str] = field(default_factory=list)
    left_out: list[str] = field(default_factory=list)


def each_catalog(project: Project, work, stopped: str = "", strict: bool = False):
    """`work(lang, po, catalog, problems)` for each catalog the site can use, in
    language order, and with no problem if `strict` (a wrong Plural-Forms header is
    one); for the others, their problems and `stopped` ({lang}, {po} or {mo} in it)."""
    results = []
    for lang in project.languages():
        po = project.po_path(lang)
        # A folder that is not a language code is skipped by the site, and not read.
        catalog, found = None, (said := folder_problem(lang)) and (1, said)
        if not said:
            try:
                catalog, found = read_strictly(po.read_bytes(), lang)
            except Unreadable as error:
                found = error.args[0], f"cannot be read: {error.args[1]}"
        problems = [problem(project.show(po), *found)] if found else []
        if catalog is None or strict and problems:
            results.append(Result(stopped.format(lang=lang, po=project.show(po), mo=(
                project.show(po.with_suffix(".mo")))), problems))
        else:
            results.append(work(lang, po, catalog, problems))
    return results


# --- Extracting and writing ---------------------------------------------------------

def extract(project: Project) -> Catalog:
    """A fresh template: every string of the templates and code that babel.cfg names."""
    cfg = project.root / "babel.cfg"
    with cfg.open(encoding="utf-8") as fileobj:
        method_map, options_map = parse_mapping_cfg(fileobj, str(cfg))
    template = Catalog(project="CdE microsite", charset="utf-8")
    for filename, lineno, message, comments, context in extract_from_dir(
        project.root, method_map, options_map, keywords=KEYWORDS,
        # `{# NOTE: ... #}` and `# NOTE: ...` reach translators as `#.` lines, without
        # the tag (Jinja's extractor drops it itself; the Python one is told to).
        comment_tags=("NOTE:",), strip_comment_tags=True,
    ):
        template.add(message, None, [(filename, lineno)], auto_comments=comments,
                     context=context)
    return template


def po_bytes(catalog: Catalog) -> bytes:
    """A catalog as .po text; locations (file:line) stay, sorted by file."""
    buffer = io.BytesIO()
    write_po(buffer, catalog, width=76, sort_by_file=True)
    return buffer.getvalue()


def write_file(path: Path, data: bytes) -> bool:
    """Replace `path` in one step, so nobody ever reads half a file; only when its
    bytes change (`make run` restarts on every .mo that changes)."""
    if path.exists() and path.read_bytes() == data:
        return False
    path.parent.mkdir(parents=True, exist_ok=True)
    temporary = path.with_name(f".{path.name}.{os.getpid()}")
    try:
        temporary.write_bytes(data)
        temporary.chmod(0o644)
        temporary.replace(path)
    finally:
        temporary.unlink(missing_ok=True)
    return True


def write_template(project: Project) -> Catalog:
    """A fresh extraction, written to messages.pot; when no message changed, it keeps
    its old date, and so do the catalogs updated from it (no churn in git)."""
    template = extract(project)
    if project.template.exists():
        old = project.template.read_bytes()
        now, template.creation_date = (template.creation_date,
                                       read_po(io.BytesIO(old)).creation_date)
        if po_bytes(template) != old:
            template.creation_date = now
    write_file(project.template, po_bytes(template))
    return template


# --- The commands' work ---------------------------------------------------------------

def init(project: Project, code: str) -> tuple[Path, int]:
    """Start a catalog for a new language from a fresh extraction, as pybabel init
    does; a ValueError says why not (not a language, or the catalog exists)."""
    lang = parse_language(code)
    if lang == SOURCE_LANGUAGE:
        raise ValueError(f'"{lang}" is the original language of the site: its texts '
                         "are the templates themselves, and need no catalog")
    path = project.po_path(lang)
    if path.exists():
        raise ValueError(f"{project.show(path)} already exists; {UPDATE_HINT} to bring "
                         "it up to date")
    template = write_template(project)
    catalog = read_po(io.BytesIO(po_bytes(template)), locale=lang, domain=DOMAIN)
    catalog.mime_headers = [("Plural-Forms", plural_forms(lang))]
    catalog.revision_date = datetime.now(timezone.utc)
    catalog.fuzzy = False
    write_file(path, po_bytes(catalog))
    return path, len(catalog)


def update(project: Project) -> list[Result]:
    """Extract, then bring every catalog in step: new texts arrive untranslated,
    changed ones keep their translation marked fuzzy, unused ones become `#~` lines."""
    template = write_template(project)

    def update_one(lang: str, po: Path, catalog: Catalog, _) -> Result:
        before = entries(catalog)
        catalog.update(template, update_header_comment=False)
        new = [m for k, m in entries(catalog).items() if k not in before]
        changed = sum(m.fuzzy for m in new)
        retired = len(entries(catalog.obsolete.values()).keys() & before.keys())
        for message in catalog:  # `#| msgid` lines (msgmerge, Poedit) are comments to
            # Babel, which would write them back mangled, as "# | msgid".
            message.user_comments = [c for c in message.user_comments if c[:1] != "|"]
        written = write_file(po, po_bytes(catalog))
        said = ", ".join(filter(None, [
            len(new) > changed and f"{len(new) - changed} new to translate",
            changed and f"{changed} changed, to review (fuzzy)",
            retired and f"{retired} no longer used",
        ])) or ("file references refreshed" if written else "already up to date")
        return Result(f"{project.show(po)}: {said}.")

    return [Result(f"{project.show(project.template)}: {len(template)} texts."),
            *each_catalog(project, update_one,
                          "{po}: not updated, fix the problem above first.")]


def compile_catalogs(project: Project) -> list[Result]:
    """Every .po into the .mo the site reads. A .po that does not parse, or has a
    wrong Plural-Forms header, keeps its previous .mo; a translation check refuses is
    left out, so visitors see the original text for it until it is fixed."""
    def compile_one(lang: str, po: Path, catalog: Catalog, _) -> Result:
        total, left_out = len(entries(catalog)), []
        done = [m for m in catalog if m.id and is_translated(m) and not m.fuzzy]
        for message in done:
            if said := translation_problem(catalog, message):
                left_out.append(problem(project.show(po), message.lineno, said, message)
                                + " (left out: visitors see the original text)")
                catalog.delete(message.id, message.context)
        buffer = io.BytesIO()
        write_mo(buffer, catalog, use_fuzzy=False)
        write_file(po.with_suffix(".mo"), buffer.getvalue())
        translated = len(done) - len(left_out)
        return Result(f"{project.show(po.with_suffix('.mo'))}: {translated} of "
                      f"{total} texts translated.", [], left_out)

    return each_catalog(project, compile_one, "{mo}: not compiled, the site keeps its "
                        "previous version; fix the line above and compile again.", True)


def status(project: Project) -> list[Result]:
    """How far each language is: translated, to review, not translated yet."""
    wanted = entries(extract(project)).keys()

    def status_one(lang: str, _, catalog: Catalog, __) -> Result:
        title = f"{Locale.parse(lang).get_display_name('en')} ({lang})"
        have = [m for k, m in entries(catalog).items() if k in wanted]
        fuzzy = sum(m.fuzzy for m in have)
        done = sum(is_translated(m) and not m.fuzzy for m in have)
        return Result(f"{title}: {100 * done // max(len(wanted), 1)}% done. {done} of "
                      f"{len(wanted)} texts translated, {fuzzy} to review (fuzzy), "
                      f"{len(wanted) - done - fuzzy} not translated yet." + (
                          f"\n  {len(wanted) - len(have)} new texts are not in the "
                          f"catalog yet: {UPDATE_HINT}." if len(have) < len(wanted)
                          else ""))

    return each_catalog(project, status_one,
                        "{lang}: the catalog cannot be read, see above.")


def check(project: Project) -> list[str]:
    """Every problem of every catalog against a fresh extraction; a missing text at
    line 1 (it is not in the file yet), with where the pages use it."""
    wanted = entries(extract(project))
    unused = f"no longer used by any page; {UPDATE_HINT}"

    def check_one(lang: str, po: Path, catalog: Catalog, problems: list) -> Result:
        shown, have = project.show(po), entries(catalog)
        for message in (m for k, m in wanted.items() if k not in have):
            where = ", ".join(f"{f}:{n}" for f, n in message.locations[:3])
            problems.append(problem(shown, 1, f"missing from this catalog (the text is "
                                    f"new, at {where}); {UPDATE_HINT}", message))
        for k, message in have.items():
            said = [unused] if k not in wanted else [
                not is_translated(message) and (
                    "not translated yet: write the translation between the quotes of "
                    "msgstr"),
                message.fuzzy and (
                    "marked fuzzy (the original changed): check the translation, then "
                    'remove "fuzzy" from the "#," line above'),
                translation_problem(catalog, message)]
            problems += [problem(shown, message.lineno, what, message)
                         for what in said if what]
        return Result("", problems)

    return [line for done in each_catalog(project, check_one) for line in done.errors]
