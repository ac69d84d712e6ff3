"""A scratch copy of the project, for tests that break catalogs or edit templates.

The `flask translate` commands read PROJECT_ROOT and TRANSLATIONS_DIR from the app's
config, so an app made by `app_for(copy)` works on the copy and never on the repo;
`run` and `check` invoke them there, and `read` and `line_of_msgid` read what they wrote.
"""
import shutil
from pathlib import Path

from babel.messages.pofile import read_po

from cde import ROOT, create_app
from cde.export.freeze import freeze_command, rollback_command
from cde.translator import catalogs, studio
from cde.translator.cli import translate
from cde.pages import SOURCE_LANGUAGE
from tests.pseudo import fill
from tests.servers import SITE

# The catalogs the translator tests break on purpose, relative to a copy.
ES = "translations/es/LC_MESSAGES/messages.po"
# The one msgid with a placeholder: a translator's typo there must not break a page.
YEARS = ("UNODC and INEGI have reported to the Statistical Commission on the "
         "implementation of the activities of the road map in updates presented in "
         "%(years)s.")


def copy_project(destination: Path) -> Path:
    """Copy what extraction reads (babel.cfg, cde/, templates/) and the catalogs."""
    shutil.copy(ROOT / "babel.cfg", destination / "babel.cfg")
    for folder in ("cde", "templates"):
        shutil.copytree(ROOT / folder, destination / folder,
                        ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copytree(ROOT / "translations", destination / "translations",
                    ignore=shutil.ignore_patterns("*.mo"))
    return destination


# The official languages of the United Nations: the site must take any of them.
UN_LANGUAGES = ("ar", "zh", "en", "fr", "ru", "es")


def add_languages(root: Path, folders=UN_LANGUAGES) -> Path:
    """Give the copy at `root` a pseudo-translated catalog for each missing language.

    Made as a translator would, with `translate init`, then filled by tests/pseudo.py
    and compiled: the site must serve them with no change to its code.
    """
    project = catalogs.Project(root, root / "translations")
    for folder in folders:
        if folder != SOURCE_LANGUAGE and not project.po_path(folder).exists():
            path, _ = catalogs.init(project, folder)
            fill(path)
    catalogs.compile_catalogs(project)
    return root


def app_for(root: Path, **config):
    """An app whose catalogs and `flask translate` commands are those of the copy at
    `root`, with the commands app.py adds to the real one (freeze, rollback)."""
    app = create_app({
        "TESTING": True,
        "SITE_URL": SITE,
        "PROJECT_ROOT": str(root),
        "TRANSLATIONS_DIR": str(root / "translations"),
        **config,
    })
    for command in (freeze_command, rollback_command, translate):
        app.cli.add_command(command)
    return app


def studio_for(root: Path, site_url: str):
    """`app_for(root)` at the local `site_url`, with the translation studio added as
    `flask translate studio` adds it."""
    app = app_for(root, SITE_URL=site_url)
    studio.init_app(app)
    return app


def run(project: Path, *args):
    """Invoke `flask translate ARGS` on the copy."""
    return app_for(project).test_cli_runner().invoke(args=["translate", *args])


def check(project: Path, *languages, **config):
    """Run the command on the copy (for `languages` only, if given); its exit code
    and output lines."""
    result = app_for(project, **config).test_cli_runner().invoke(
        args=["translate", "check", *languages])
    return result.exit_code, result.stdout.splitlines()


def all_clean(root: Path) -> str:
    """What the check says when nothing is wrong with the catalogs at `root`."""
    languages = catalogs.Project(root, root / "translations").languages()
    return f"No problems found in {', '.join(languages)}."


def read(path: Path):
    """The catalog at `path`, as Babel reads it."""
    with path.open("rb") as fileobj:
        return read_po(fileobj)


def line_of_msgid(po: Path, msgid: str) -> int:
    """The line Babel gives the entry of `msgid` (check reports it there)."""
    return next(m.lineno for m in read(po) if m.id == msgid)


def line_of(path: Path, text: str, after: int = 0) -> int:
    """The number of the first line (after line `after`) that reads exactly `text`."""
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if number > after and line.strip() == text:
            return number
    raise AssertionError(f"{text!r} not in {path}")


def replace_in(path: Path, old: str, new: str) -> None:
    """Replace exactly one occurrence of `old`, so a test cannot break by accident."""
    text = path.read_text(encoding="utf-8")
    assert text.count(old) == 1, f"{old!r} occurs {text.count(old)} times in {path}"
    path.write_text(text.replace(old, new), encoding="utf-8")
