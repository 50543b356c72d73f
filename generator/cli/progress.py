"""The progress bar `build` and `generate` show while they make documents."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any


@contextmanager
def progress_bar() -> Iterator[Callable[[str, int, int], None]]:
    """A progress bar per stage (DOCX, PDF) on the terminal's error stream,
    moved by the callback `progress(stage, done, total)` this yields."""
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TimeRemainingColumn

    with Progress(
        "[progress.description]{task.description}",
        BarColumn(),
        MofNCompleteColumn(),
        TimeRemainingColumn(),
        transient=True,
        console=Console(stderr=True),
    ) as bar:
        tasks: dict[tuple[str, int], Any] = {}

        def progress(stage: str, done: int, total: int) -> None:
            key = (stage, total)
            if done <= 1 or key not in tasks:
                tasks[key] = bar.add_task(stage.upper(), total=total)
            bar.update(tasks[key], completed=done)

        yield progress
