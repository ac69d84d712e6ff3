"""`flask translate status|update|check|compile|init|extract`: the translators'
commands (TRANSLATING.md). cde/catalogs.py reads and writes the catalogs,
cde/catalog_checks.py judges them; these commands say what happened in plain words.
"""
from pathlib import Path

import click
from babel import Locale
from flask import Flask, current_app
from flask.cli import AppGroup

from .i18n import code_of
from .pages import SOURCE_LANGUAGE

translate = AppGroup(
    "translate", help="Keep the translation catalogs up to date (see TRANSLATING.md)."
)


def _project():
    """The catalog tooling, loaded when a command runs (never to serve pages), and
    the app's project."""
    from . import catalogs

    return catalogs, catalogs.Project.from_config(current_app.config)


def _fail(problems: list[str], then: str) -> None:
    click.echo("\n".join([*problems, then]), err=True)


@translate.command()
def extract() -> None:
    """Collect every text of the templates and code into messages.pot."""
    catalogs, project = _project()
    template = catalogs.extract(project)
    written = catalogs.write_template(project, template)
    click.echo(f"{project.show(project.template)}: {len(template)} texts, "
               f"{'written' if written else 'already up to date'}.")


@translate.command()
def update() -> None:
    """Extract, then bring every catalog in step: new texts arrive untranslated,
    changed ones keep their translation marked fuzzy, unused ones become `#~` lines."""
    catalogs, project = _project()
    template = catalogs.extract(project)
    catalogs.write_template(project, template)
    click.echo(f"{project.show(project.template)}: {len(template)} texts.")
    failed = False
    for lang, catalog, problems in catalogs.open_catalogs(project):
        shown = project.show(project.po_path(lang))
        if catalog is None:
            failed = True
            _fail(problems, f"{shown}: not updated, fix the problem above first.")
            continue
        before = {catalogs.key(m) for m in catalog if m.id}
        catalog.update(template, update_header_comment=False)
        new = [m for m in catalog if m.id and catalogs.key(m) not in before]
        changed = sum(m.fuzzy for m in new)
        retired = sum(catalogs.key(m) in before for m in catalog.obsolete.values())
        for message in catalog:  # `#| msgid` lines (msgmerge, Poedit) are comments to
            # Babel, which would write them back mangled, as "# | msgid".
            message.user_comments = [c for c in message.user_comments if c[:1] != "|"]
        written = catalogs.write_file(project.po_path(lang), catalogs.po_bytes(catalog))
        said = ", ".join(filter(None, [
            len(new) > changed and f"{len(new) - changed} new " + (
                "(the original language: nothing to translate)"
                if lang == SOURCE_LANGUAGE else "to translate"),
            changed and f"{changed} changed, to review (fuzzy)",
            retired and f"{retired} no longer used",
        ])) or ("file references refreshed" if written else "already up to date")
        click.echo(f"{shown}: {said}.")
    if failed:
        raise SystemExit(1)


@translate.command()
@click.argument("lang")
def init(lang: str) -> None:
    """Start a catalog for a new language: LANG is a code such as fr, zh_Hant or
    pt_BR (zh-hant and pt-br are taken too, and named as Babel names the locale)."""
    catalogs, project = _project()
    try:
        path, count = catalogs.init(project, lang)
    except ValueError as error:
        raise click.UsageError(str(error)) from None
    click.echo(f"{project.show(path)}: created with {count} texts to translate.\n"
               'Translate them, run "make catalogs" and restart the site: the pages '
               f"appear under /{code_of(path.parent.parent.name)}/.")


@translate.command("compile")
def compile_command() -> None:
    """Turn every .po into the .mo file the site reads (never a broken one)."""
    catalogs, project = _project()
    failed = False
    for result in catalogs.compile_catalogs(project):
        if result.errors:
            failed = True
            _fail(result.errors, f"{result.path}: not compiled, the site keeps its "
                  "previous version; fix the line above and compile again.")
            continue
        for problem in result.left_out:
            click.echo(f"{problem} (left out: visitors see the original text)",
                       err=True)
        click.echo(f"{result.path}: " + (
            f"{result.total} texts, in the original language."
            if result.lang == SOURCE_LANGUAGE and not result.translated else
            f"{result.translated} of {result.total} texts translated."))
    if failed:
        raise SystemExit(1)


@translate.command()
def status() -> None:
    """How far each language is: translated, to review, not translated yet."""
    catalogs, project = _project()
    wanted = {catalogs.key(m) for m in catalogs.extract(project) if m.id}
    for lang, catalog, problems in catalogs.open_catalogs(project):
        if catalog is None:
            _fail(problems, f"{lang}: the catalog cannot be read, see above.")
            continue
        title = f"{Locale.parse(lang).get_display_name('en')} ({lang})"
        if lang == SOURCE_LANGUAGE:
            click.echo(f"{title}: the original language of the site, nothing to "
                       f"translate ({len(wanted)} texts).")
            continue
        entries = [m for m in catalog if m.id and catalogs.key(m) in wanted]
        fuzzy = sum(m.fuzzy for m in entries)
        done = sum(catalogs.is_translated(m) and not m.fuzzy for m in entries)
        click.echo(f"{title}: {100 * done // max(len(wanted), 1)}% done. {done} of "
                   f"{len(wanted)} texts translated, {fuzzy} to review (fuzzy), "
                   f"{len(wanted) - done - fuzzy} not translated yet.")
        if len(entries) < len(wanted):
            click.echo(f"  {len(wanted) - len(entries)} new texts are not in the "
                       f"catalog yet: {catalogs.UPDATE_HINT}.")


@translate.command()
def check() -> None:
    """Fail, naming file and line, on anything that would show wrong on the site:
    a text missing, untranslated or fuzzy, placeholders or HTML tags unlike the
    original, a .po that does not parse, a Plural-Forms header unlike CLDR's."""
    catalogs, project = _project()
    problems = catalogs.check(project)
    if problems:
        click.echo("\n".join(problems))
        click.echo(f"{len(problems)} problem{'s' if len(problems) > 1 else ''} found. "
                   "TRANSLATING.md explains each kind and its fix.", err=True)
        raise SystemExit(1)
    click.echo("All catalogs are complete and up to date "
               f"({', '.join(project.languages())}).")


def init_app(app: Flask) -> None:
    """Register `flask translate` and say where the project's sources are."""
    # Tests point both settings at a copy of the project.
    app.config.setdefault("PROJECT_ROOT", str(Path(__file__).resolve().parent.parent))
    app.cli.add_command(translate)
