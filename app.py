"""The application: `flask --app app run` (make run), `flask --app app freeze` (the
export nginx serves) and `flask --app app translate` load this.

The commands of the translator's desk are added here, not by the factory, and
imported only when a command line names them, so rendering a page never loads them
(tests check this): `flask --app app translate ...` is cde/translator/cli.py.
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
app.cli.add_command(Later(
    "translate", "cde.translator.cli:translate",
    "Keep the translation catalogs up to date (see TRANSLATING.md)."))
