"""The application: `flask --app app run` (make run), `flask --app app freeze` (the
export nginx serves) and `flask --app app translate` load this.

The commands of the export and of the translator's desk are added here, not by the
factory, and each is imported only when a command line names it, so rendering a
page loads neither room (tests check this): `flask freeze` and `flask rollback` are
cde/export/freeze.py's, `flask translate ...` cde/translator/cli.py's.
"""
from importlib import import_module

import click

from cde import create_app


class Later(click.Command):
    """A command imported only when it runs (or shows its help): `target` names it
    as "module:attribute". Its name and one-line help are all the `flask --help`
    listing reads, so listing the commands imports nothing either."""

    def __init__(self, name: str, target: str, help: str):
        super().__init__(name, help=help, add_help_option=False)
        self.target = target

    def make_context(self, info_name, args, parent=None, **extra):
        # Click runs the command of the context it gets back: the real one, which
        # parses its own options and subcommands.
        module, _, attribute = self.target.partition(":")
        command = getattr(import_module(module), attribute)
        return command.make_context(info_name, args, parent=parent, **extra)


app = create_app()
for command in (
    Later("freeze", "cde.export.freeze:freeze_command",
          "Export the whole site as static files, with its nginx configuration."),
    Later("rollback", "cde.export.freeze:rollback_command",
          "Serve the previous export again; reload nginx afterwards."),
    Later("translate", "cde.translator.cli:translate",
          "Keep the translation catalogs up to date (see TRANSLATING.md)."),
):
    app.cli.add_command(command)
