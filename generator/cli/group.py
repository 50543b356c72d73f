"""The `conventio` group: subcommands loaded only when used, plain messages
for every error.

The group knows each command's name and where it lives (`module:attribute`)
and imports a command's module only when that command runs or its help is
shown (click's LazyGroup pattern). It also lists the command groups other
packages declare through the `conventio.commands` entry point (the signature
register's `signatures`), loaded the same way."""

from __future__ import annotations

import importlib
import io
import os
import sys
from functools import cached_property
from typing import TYPE_CHECKING, Any

import click

from generator.cli.echo import say
from generator.errors import ConventioError

if TYPE_CHECKING:
    from importlib.metadata import EntryPoint

#: the entry point group through which other packages add commands
PLUGIN_GROUP = "conventio.commands"


class ConventioGroup(click.Group):
    """Turns every user-facing error into a plain message and exit code 1, a
    bug into a short notice and exit code 2; loads its subcommands lazily."""

    def __init__(self, *args: Any, lazy_subcommands: dict[str, str] | None = None, **kwargs: Any):
        super().__init__(*args, **kwargs)
        #: command name -> "module:attribute" of the click command
        self.lazy_subcommands = dict(lazy_subcommands or {})

    @cached_property
    def _plugins(self) -> dict[str, EntryPoint]:
        from importlib.metadata import entry_points

        return {p.name: p for p in entry_points(group=PLUGIN_GROUP)}

    def list_commands(self, ctx: click.Context) -> list[str]:
        names = set(super().list_commands(ctx)) | set(self.lazy_subcommands)
        return sorted(names | set(self._plugins))

    def get_command(self, ctx: click.Context, name: str) -> click.Command | None:
        command = super().get_command(ctx, name)
        if command is None and name in self.lazy_subcommands:
            command = self._load(name)
        if command is None and name in self._plugins:
            command = self._plugins[name].load()
        return command

    def _load(self, name: str) -> click.Command:
        module_name, attribute = self.lazy_subcommands[name].split(":")
        command = getattr(importlib.import_module(module_name), attribute)
        if not isinstance(command, click.Command):
            raise TypeError(f"{module_name}:{attribute} is not a click command")
        return command

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except ConventioError as exc:
            say(f"error: {exc}", err=True)
            sys.exit(1)
        except (click.ClickException, click.exceptions.Exit, click.Abort, SystemExit):
            raise
        except Exception as exc:  # a bug: say so plainly, keep the traceback for developers
            if os.environ.get("CONVENTIO_DEBUG"):
                raise
            say(
                f"internal error: {type(exc).__name__}: {exc}\n"
                "This is a bug in conventio, not in your data. Please report it with the "
                "command you ran (set CONVENTIO_DEBUG=1 to see the details).",
                err=True,
            )
            sys.exit(2)

    def main(self, args=None, prog_name=None, complete_var=None, standalone_mode=True, **extra):
        """As click's, but a usage error that repeats a value typed on the command
        line (`Invalid value for '--kind': ...`) never shows a national register
        number."""
        if not standalone_mode:
            return super().main(args, prog_name, complete_var, standalone_mode, **extra)
        try:
            result = super().main(args, prog_name, complete_var, False, **extra)
        except click.ClickException as exc:
            shown = io.StringIO()
            exc.show(file=shown)
            say(shown.getvalue(), err=True, nl=False)
            sys.exit(exc.exit_code)
        except click.Abort:
            click.echo("Aborted!", err=True)
            sys.exit(1)
        sys.exit(result if isinstance(result, int) else 0)


def command_paths(group: click.Group, prefix: tuple[str, ...] = ()) -> list[tuple[str, ...]]:
    """Every command under `group`, sub-groups' commands included, as the words
    typed after `conventio` (("check",), ("parties", "check"), ...). Loads them all."""
    ctx = click.Context(group, info_name=prefix[-1] if prefix else "conventio")
    paths: list[tuple[str, ...]] = []
    for name in group.list_commands(ctx):
        command = group.get_command(ctx, name)
        paths.append((*prefix, name))
        if isinstance(command, click.Group):
            paths.extend(command_paths(command, (*prefix, name)))
    return paths
