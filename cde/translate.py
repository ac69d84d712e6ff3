"""`flask translate status|update|check|compile|init`: the translators'
commands (TRANSLATING.md), printing what cde/catalogs.py did, in plain words."""
from pathlib import Path

import click
from flask import Flask, current_app
from flask.cli import AppGroup

from .i18n import code_of

translate = AppGroup(
    "translate", help="Keep the translation catalogs up to date (see TRANSLATING.md)."
)


def _project():
    """The catalog tooling (loaded for a command, never to serve pages), the project."""
    from . import catalogs

    return catalogs, catalogs.Project.from_config(current_app.config)


def _report(results: list, fail: bool = True) -> None:
    """Print what a command did with each catalog; if `fail`, exit 1 when one failed."""
    for result in results:
        for line in result.left_out:
            click.echo(line, err=True)
        click.echo("\n".join([*result.errors, result.said]), err=bool(result.errors))
    if fail and any(result.errors for result in results):
        raise SystemExit(1)


@translate.command()
def update() -> None:
    """Extract, then bring every catalog in step: new texts arrive untranslated,
    changed ones keep their translation marked fuzzy, unused ones become `#~` lines."""
    catalogs, project = _project()
    _report(catalogs.update(project))


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
    _report(catalogs.compile_catalogs(project))


@translate.command()
def status() -> None:
    """How far each language is: translated, to review, not translated yet."""
    catalogs, project = _project()
    _report(catalogs.status(project), fail=False)


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
