"""The `conventio` command. Thin: it parses options and calls the application
layer (`generator.app`); each command group lives in its own module, imported
only when used, so that `conventio … --help` starts at once.

- `root.py`: the `conventio` group, its `--corpus` option, the command table;
- `group.py`: lazy loading, plug-in command groups, plain error messages;
- `state.py`: the typed object the group hands to its commands;
- `texts.py`, `documents.py`, `importing.py`: the commands, one module per group;
- `echo.py`: `say` (messages, national register numbers masked) and `emit`;
- `progress.py`: the progress bar of `build` and `generate`.
"""

from generator.cli.echo import say
from generator.cli.root import cli, main

__all__ = ["cli", "main", "say"]
