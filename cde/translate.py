"""`flask translate ...`: the translators' commands, one per step of their work.

    flask --app app translate status        how far each language is
    flask --app app translate update        bring every catalog in step with the pages
    flask --app app translate check         every problem, as file:line: what: "text"
    flask --app app translate compile       .po -> .mo, what the site reads
    flask --app app translate init fr       start a new language (or zh_Hant, pt_BR)

The work itself is in cde/catalogs.py; these commands only report it in plain words.
"""
import click
from flask import Flask, current_app
from flask.cli import AppGroup

from . import ROOT, catalogs
from .i18n import code_of

translate = AppGroup(
    "translate", help="Keep the translation catalogs up to date (see TRANSLATING.md)."
)


def _project() -> catalogs.Project:
    return catalogs.Project.from_config(current_app.config)


def _fail(problems) -> None:
    for problem in problems:
        click.echo(str(problem), err=True)


@translate.command()
def extract() -> None:
    """Collect every text of the templates and code into messages.pot."""
    project = _project()
    template = catalogs.extract(project)
    written = catalogs.write_template(project, template)
    count = sum(1 for m in template if m.id)
    state = "written" if written else "already up to date"
    click.echo(f"{project.show(project.template)}: {count} texts, {state}.")


@translate.command()
def update() -> None:
    """Extract, then bring every catalog in step with the templates and code.

    Translations are never lost: new texts arrive untranslated, changed texts keep
    their old translation marked fuzzy for review.
    """
    project = _project()
    template, results = catalogs.update(project)
    click.echo(f"{project.show(project.template)}: "
               f"{sum(1 for m in template if m.id)} texts.")
    failed = False
    for result in results:
        if result.problems:
            failed = True
            _fail(result.problems)
            click.echo(f"{result.path}: not updated, fix the problem above first.",
                       err=True)
            continue
        parts = []
        if result.new and result.lang == catalogs.SOURCE_LANGUAGE:
            parts.append(f"{len(result.new)} new (the original language: nothing to "
                         "translate)")
        elif result.new:
            parts.append(f"{len(result.new)} new to translate")
        if result.changed:
            parts.append(f"{len(result.changed)} changed, to review (fuzzy)")
        if result.retired:
            parts.append(f"{len(result.retired)} no longer used")
        if not parts:
            parts.append("file references refreshed" if result.written
                         else "already up to date")
        click.echo(f"{result.path}: {', '.join(parts)}.")
    if failed:
        raise SystemExit(1)


@translate.command()
@click.argument("lang")
def init(lang: str) -> None:
    """Start a catalog for a new language, LANG being a code such as fr or zh_Hant.

    Other spellings of the same locale (zh-hant, pt-br) are taken and written as
    Babel names the locale, which is the folder's name (zh_Hant, pt_BR).
    """
    project = _project()
    try:
        path, count = catalogs.init(project, lang)
    except ValueError as exc:
        raise click.UsageError(str(exc)) from None
    click.echo(
        f"{project.show(path)}: created with {count} texts to translate.\n"
        "Translate them, run \"make catalogs\" and restart the site: the pages "
        f"appear under /{code_of(path.parent.parent.name)}/."
    )


@translate.command("compile")
def compile_command() -> None:
    """Turn every .po into the .mo file the site reads (never a broken one)."""
    project = _project()
    failed = False
    for result in catalogs.compile_catalogs(project):
        if result.errors:
            failed = True
            _fail(result.errors)
            click.echo(f"{result.path}: not compiled, the site keeps its previous "
                       "version; fix the line above and compile again.", err=True)
            continue
        for problem in result.left_out:
            click.echo(f"{problem} (left out: visitors see the original text)",
                       err=True)
        if result.lang == catalogs.SOURCE_LANGUAGE and not result.translated:
            click.echo(f"{result.path}: {result.total} texts, in the original "
                       "language.")
        else:
            click.echo(f"{result.path}: {result.translated} of {result.total} texts "
                       "translated.")
    if failed:
        raise SystemExit(1)


@translate.command()
def status() -> None:
    """How far each language is: translated, to review, not translated yet."""
    project = _project()
    for entry in catalogs.status(project):
        title = f"{entry.name} ({entry.lang})"
        if entry.problems:
            _fail(entry.problems)
            click.echo(f"{title}: the catalog cannot be read, see above.")
            continue
        if entry.lang == catalogs.SOURCE_LANGUAGE:
            click.echo(f"{title}: the original language of the site, nothing to "
                       f"translate ({entry.total} texts).")
            continue
        todo = entry.untranslated + entry.missing
        click.echo(
            f"{title}: {entry.percent}% done. {entry.translated} of {entry.total} "
            f"texts translated, {entry.fuzzy} to review (fuzzy), {todo} not "
            "translated yet."
        )
        if entry.missing:
            click.echo(f"  {entry.missing} new texts are not in the catalog yet: "
                       f"{catalogs.UPDATE_HINT}.")


@translate.command()
def check() -> None:
    """Fail, naming file and line, on anything that would show wrong on the site.

    Checks that every text of the templates and code is in every catalog, that
    every language but English is fully translated with nothing fuzzy, that
    placeholders and HTML tags match the original, that every .po file parses and
    that its Plural-Forms header follows CLDR's rules for its language.
    """
    project = _project()
    problems = catalogs.check(project)
    for problem in problems:
        click.echo(str(problem))
    languages = ", ".join(project.languages())
    if problems:
        count = f"{len(problems)} problem{'s' if len(problems) > 1 else ''}"
        click.echo(f"{count} found. TRANSLATING.md explains each kind and its fix.",
                   err=True)
        raise SystemExit(1)
    click.echo(f"All catalogs are complete and up to date ({languages}).")


def init_app(app: Flask) -> None:
    """Register `flask translate` and say where the project's sources are."""
    # Tests point both settings at a copy of the project.
    app.config.setdefault("PROJECT_ROOT", str(ROOT))
    app.cli.add_command(translate)
