"""`flask translate status|update|check|compile|init|where|studio`: the translators'
commands (TRANSLATING.md), in the translator's language. app.py adds them to the
site's command line; serving a page never imports them."""
import click
from flask import Flask, current_app
from flask.cli import AppGroup

from .. import create_app
from ..i18n import code_of
from ..languages import entries
from . import catalogs, review, serve, studio as translation_studio
from .catalogs import Project, extract
from .tool_language import _t, _tn
from .where import shown

translate = AppGroup(
    "translate", help="Keep the translation catalogs up to date (see TRANSLATING.md)."
)


def _project() -> Project:
    return Project.from_config(current_app.config)


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
    _report(catalogs.update(_project()))


@translate.command()
@click.argument("lang")
def init(lang: str) -> None:
    """Start a catalog for a new language: LANG is a code such as fr, zh_Hant or
    pt_BR (zh-hant and pt-br are taken too, and named as Babel names the locale)."""
    project = _project()
    try:
        path, count = catalogs.init(project, lang)
    except ValueError as error:
        raise click.UsageError(str(error)) from None
    click.echo(_t("{path}: created with {count} texts to translate.").format(
        path=project.show(path), count=count))
    click.echo(_t('Translate them, run "make catalogs" and restart the site: the pages '
                  "appear under /{prefix}/.").format(
        prefix=code_of(path.parent.parent.name)))


@translate.command("compile")
def compile_command() -> None:
    """Turn every .po into the .mo file the site reads (never a broken one); say in
    one line when check has more to report than what compile left out (a term
    the glossary writes otherwise, a text to review), which the site shows."""
    project = _project()
    results = catalogs.compile_catalogs(project)
    _report(results, fail=False)
    for lang, compiled, checked in zip(project.languages(), results,
                                       review.check(project)):
        if more := len(checked.errors) - len(compiled.errors) - len(compiled.left_out):
            click.echo(_tn("{lang}: {count} problem the check reports (a text not "
                           "translated yet or to review, a glossary term) does not stop "
                           "compiling: make translations-check LANG={lang} says which.",
                           "{lang}: {count} problems the check reports (texts not "
                           "translated yet or to review, glossary terms) do not stop "
                           "compiling: make translations-check LANG={lang} says which.",
                           more).format(lang=lang, count=more))
    if any(result.errors for result in results):
        raise SystemExit(1)


def _only(project, codes: tuple[str, ...]) -> tuple[str, ...]:
    """The languages a translator named, each of which must have a catalog."""
    if unknown := [code for code in codes if not project.languages([code])]:
        raise click.UsageError(_t("No catalog for {unknown}; the catalogs are: "
                                  "{catalogs}.").format(
            unknown=", ".join(unknown),
            catalogs=", ".join(project.languages()) or _t("none yet")))
    return codes


@translate.command()
@click.argument("languages", nargs=-1)
def status(languages: tuple[str, ...]) -> None:
    """How far each language (or each of LANGUAGES) is: translated, to review, not
    translated yet, and whether visitors see it or it is still a draft."""
    project = _project()
    _report(review.status(project, _only(project, languages)), fail=False)


@translate.command()
@click.argument("languages", nargs=-1)
def check(languages: tuple[str, ...]) -> None:
    """Fail, naming file and line, on anything that would show wrong on the site: a
    text missing, untranslated or fuzzy, placeholders, HTML tags or official names
    unlike the original, a .po that does not parse, an unusual Plural-Forms header.
    Drafts report their progress. LANGUAGES (es, fr) limits it to those catalogs."""
    project = _project()
    results = review.check(project, _only(project, languages))
    problems = [line for result in results for line in result.errors]
    for line in [*problems, *(result.said for result in results if result.said)]:
        click.echo(line)
    if problems:
        click.echo(_tn("{count} problem found. TRANSLATING.md explains each kind and "
                       "its fix.", "{count} problems found. TRANSLATING.md explains "
                       "each kind and its fix.", len(problems)).format(
            count=len(problems)), err=True)
        raise SystemExit(1)
    click.echo(_t("No problems found in {languages}.").format(
        languages=", ".join(project.languages(languages))))


def studio_app(port: int) -> Flask:
    """The site afresh on this project's catalogs at 127.0.0.1:port, with the studio."""
    project = _project()
    app = create_app({"SITE_URL": f"http://127.0.0.1:{port}",
                      "TRANSLATIONS_DIR": str(project.translations),
                      "PROJECT_ROOT": str(project.root)})
    translation_studio.init_app(app)
    return app


@translate.command()
@click.option("--port", default=5000, show_default=True)
@click.option("--no-browser", is_flag=True, help="Do not open a browser.")
def studio(port: int, no_browser: bool) -> None:
    """Translate on the pages themselves: the site in translator mode, on this
    machine only (127.0.0.1), with its start page opened in the browser."""
    serve.serve(studio_app(port), port, browse=not no_browser)


@translate.command()
def where() -> None:
    """For each text, the pages that show it (found by rendering the site), and the
    texts no page shows."""
    texts = shown(studio_app(5000))["texts"]
    for context, msgid in sorted(entries(extract(_project())), key=lambda key: key[1]):
        pages = [f"{path} ({section})" if section else path for path, section
                 in texts.get(translation_studio.message_id(context, msgid), {}).items()]
        click.echo(f'"{msgid[:70]}{"…" if len(msgid) > 70 else ""}": ' + (
            ", ".join(pages) if pages else _t("on no page the site builds (an error "
                                              "page, or a text no longer used)")))

