"""The translation catalogs on disk, through Babel's API: found, read strictly,
extracted, compiled and checked, never half-written. Problems read as a compiler's,
`file:line: what is wrong: "msgid"`, so a translator can jump straight to the line.
"""
from __future__ import annotations

import io
import os
import tempfile
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path

from babel.messages.catalog import Catalog, Message
from babel.messages.extract import DEFAULT_KEYWORDS, extract_from_dir
from babel.messages.frontend import parse_mapping_cfg
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po, write_po

from .catalog_checks import (
    Unreadable, folder_problem, forms, msgids, parse_language, plural_forms,
    plural_forms_problem, read_strictly, translation_problem,
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


@dataclass(frozen=True)
class Project:
    """Where the sources (babel.cfg, templates, code) and the catalogs are."""

    root: Path
    translations: Path

    @classmethod
    def from_config(cls, config) -> Project:
        """The project an app is configured with (PROJECT_ROOT, TRANSLATIONS_DIR)."""
        return cls(Path(config["PROJECT_ROOT"]), Path(config["TRANSLATIONS_DIR"]))

    @property
    def template(self) -> Path:
        return self.translations / f"{DOMAIN}.pot"

    def po_path(self, lang: str) -> Path:
        return self.translations / lang / "LC_MESSAGES" / f"{DOMAIN}.po"

    def languages(self) -> list[str]:
        """Every folder that holds a catalog, the source language first."""
        found = {po.parent.parent.name for po in self.translations.glob(
            f"*/LC_MESSAGES/{DOMAIN}.po")}
        return sorted(found, key=lambda lang: (lang != SOURCE_LANGUAGE, lang))

    def show(self, path: Path) -> str:
        """A path as the translator knows it: relative to the project if inside it."""
        path, root = path.resolve(), self.root.resolve()
        return str(path.relative_to(root) if path.is_relative_to(root) else path)


def key(message: Message) -> tuple:
    """What identifies an entry: its context and (singular) msgid."""
    return message.context, msgids(message)[0]


def is_translated(message: Message) -> bool:
    return all(forms(message))


def open_catalogs(project: Project):
    """Every catalog folder as (lang, catalog, problems), in language order: no
    catalog when the site skips the folder or it does not parse, and problems with
    its Plural-Forms header (which compile refuses and update lets be)."""
    for lang in project.languages():
        path = project.po_path(lang)
        shown = project.show(path)
        if said := folder_problem(lang):
            yield lang, None, [problem(shown, 1, said)]
            continue
        try:
            catalog = read_strictly(path.read_bytes(), lang)
        except Unreadable as error:
            line, what = error.args
            yield lang, None, [problem(shown, line, f"cannot be read: {what}")]
            continue
        found = plural_forms_problem(path.read_text(encoding="utf-8"), lang, catalog)
        yield lang, catalog, [problem(shown, *found)] if found else []


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
    out = tempfile.NamedTemporaryFile(dir=path.parent, prefix=f".{path.name}.",
                                      delete=False)
    try:
        with out:
            out.write(data)
        os.chmod(out.name, 0o644)
        os.replace(out.name, path)
    finally:
        Path(out.name).unlink(missing_ok=True)
    return True


def write_template(project: Project, template: Catalog) -> bool:
    """Write messages.pot when a message changed. Otherwise the template keeps its
    old date, and so do the catalogs updated from it: git shows no churn."""
    if project.template.exists():
        now = template.creation_date
        template.creation_date = read_po(io.BytesIO(
            project.template.read_bytes())).creation_date
        if po_bytes(template) == project.template.read_bytes():
            return False
        template.creation_date = now
    return write_file(project.template, po_bytes(template))


def init(project: Project, code: str) -> tuple[Path, int]:
    """Start a catalog for a new language from a fresh extraction, as pybabel init
    does; a ValueError says why not (not a language, or the catalog exists)."""
    lang = parse_language(code)
    path = project.po_path(lang)
    if path.exists():
        raise ValueError(f"{project.show(path)} already exists; {UPDATE_HINT} to bring "
                         "it up to date")
    template = extract(project)
    write_template(project, template)
    catalog = read_po(io.BytesIO(po_bytes(template)), locale=lang, domain=DOMAIN)
    catalog.mime_headers = [("Plural-Forms", plural_forms(lang))]
    catalog.revision_date = datetime.now(timezone.utc)
    catalog.fuzzy = False
    write_file(path, po_bytes(catalog))
    return path, len(catalog)


@dataclass
class Compiled:
    """What `compile` did with one catalog."""

    lang: str
    path: str
    translated: int = 0
    total: int = 0
    left_out: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)


def compile_catalogs(project: Project) -> list[Compiled]:
    """Every .po into the .mo the site reads. A .po that does not parse, or has a
    wrong Plural-Forms header, keeps its previous .mo; a translation check refuses is
    left out, so visitors see the original text for it until it is fixed."""
    results = []
    for lang, catalog, errors in open_catalogs(project):
        mo = project.po_path(lang).with_suffix(".mo")
        result = Compiled(lang, project.show(mo), errors=errors)
        results.append(result)
        if errors:
            continue
        for message in [m for m in catalog if m.id]:
            result.total += 1
            if message.fuzzy or not is_translated(message):
                continue
            if said := translation_problem(catalog, message):
                result.left_out.append(problem(project.show(project.po_path(lang)),
                                               message.lineno, said, message))
                catalog.delete(message.id, message.context)
            else:
                result.translated += 1
        buffer = io.BytesIO()
        write_mo(buffer, catalog, use_fuzzy=False)
        write_file(mo, buffer.getvalue())
    return results


def check(project: Project) -> list[str]:
    """Every problem of every catalog against a fresh extraction; a missing text at
    line 1 (it is not in the file yet), with where the pages use it."""
    wanted = {key(m): m for m in extract(project) if m.id}
    problems = []
    for lang, catalog, found in open_catalogs(project):
        problems += found
        if catalog is None:
            continue
        shown = project.show(project.po_path(lang))
        have = {key(m): m for m in catalog if m.id}
        for message in (m for k, m in wanted.items() if k not in have):
            where = ", ".join(f"{f}:{n}" for f, n in message.locations[:3])
            problems.append(problem(shown, 1, f"missing from this catalog (the text is "
                                    f"new, at {where}); {UPDATE_HINT}", message))
        for message in have.values():
            if key(message) not in wanted:
                said = [f"no longer used by any page; {UPDATE_HINT}"]
            else:
                translating = lang != SOURCE_LANGUAGE
                said = [translating and not is_translated(message) and (
                            "not translated yet: write the translation between the "
                            "quotes of msgstr"),
                        translating and message.fuzzy and (
                            "marked fuzzy (the original changed): check the "
                            'translation, then remove "fuzzy" from the "#," line '
                            "above"),
                        translation_problem(catalog, message)]
            problems += [problem(shown, message.lineno, what, message)
                         for what in said if what]
    return problems
